// Which ties a map draws: the weak bridges, and each member's strongest ties.

#include <bridgemap/viz/tie_selection.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/metrics/tie_structure.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace bridgemap::viz {
namespace {

struct Edge {
    MemberIndex a, b;
    double weight;
};

TieGraph graph_of(std::size_t members, const std::vector<Edge>& edges) {
    std::vector<Tie> ties;
    for (const auto& e : edges) ties.push_back({e.a, e.b, e.weight, {}});
    return TieGraph::from_ties(members, std::move(ties));
}

Sectors sectors_of(std::vector<SectorIndex> of_member, std::size_t count) {
    Sectors sectors;
    sectors.of_member = std::move(of_member);
    for (std::size_t s = 0; s < count; ++s) sectors.names.push_back(std::string(1, static_cast<char>('a' + s)));
    return sectors;
}

bool is_weak(const TieGraph& graph, const std::vector<std::uint8_t>& weak, MemberIndex a, MemberIndex b) {
    return weak.at(graph.find_tie(a, b)) != 0;
}

// Sector a = {0, 1, 2} (a triangle), b = {3, 4, 5} (a triangle), c = {6}, 7 unknown.
// 2-3 joins a and b (no common neighbour, and the only a-b tie); 5-6 is the only b-c tie;
// 7 is tied to 4 and 5.
TieGraph two_triangles() {
    return graph_of(
        8,
        {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}, {2, 3, 1}, {5, 6, 1}, {4, 7, 1}, {5, 7, 1}});
}

TEST(WeakBridges, CrossSectorLocalBridgesAndOnlyTiesBetweenSectors) {
    const TieGraph graph = two_triangles();
    const Sectors sectors = sectors_of({0, 0, 0, 1, 1, 1, 2, k_unknown_sector}, 3);
    const TieStructure structure = tie_structure(graph, {});
    const auto weak = weak_bridges(graph, sectors, structure.local_bridge, {});
    EXPECT_TRUE(is_weak(graph, weak, 2, 3));
    // 5-6 is the only b-c tie, but 6 has no other tie: it holds nobody else together, so it
    // is not a weak bridge (the map marks 6 as tied to one person only instead).
    EXPECT_FALSE(is_weak(graph, weak, 5, 6));
    EXPECT_FALSE(is_weak(graph, weak, 0, 1));  // within a sector, embedded
    EXPECT_FALSE(is_weak(graph, weak, 4, 7));  // unknown sector: never a sector bridge
    EXPECT_EQ(std::count(weak.begin(), weak.end(), 1), 1);
}

TEST(WeakBridges, TheOnlyTieBetweenSectorsCountsOnceItsEndHasASecondTie) {
    // two_triangles() with 6 also tied to 7 (unknown sector): 5-6 is still the only b-c tie,
    // and now 6 has two ties, so 5-6 is a weak bridge again.
    const TieGraph graph = graph_of(8, {{0, 1, 1},
                                        {0, 2, 1},
                                        {1, 2, 1},
                                        {3, 4, 1},
                                        {3, 5, 1},
                                        {4, 5, 1},
                                        {2, 3, 1},
                                        {5, 6, 1},
                                        {4, 7, 1},
                                        {5, 7, 1},
                                        {6, 7, 1}});
    const Sectors sectors = sectors_of({0, 0, 0, 1, 1, 1, 2, k_unknown_sector}, 3);
    const TieStructure structure = tie_structure(graph, {});
    const auto weak = weak_bridges(graph, sectors, structure.local_bridge, {});
    EXPECT_TRUE(is_weak(graph, weak, 2, 3));
    EXPECT_TRUE(is_weak(graph, weak, 5, 6));
    EXPECT_EQ(std::count(weak.begin(), weak.end(), 1), 2);
}

TEST(WeakBridges, OnlyTieBetweenTwoCommunitiesEvenWithinASector) {
    const TieGraph graph = two_triangles();
    const Sectors sectors = sectors_of({0, 0, 0, 0, 0, 0, 0, 0}, 1);
    const TieStructure structure = tie_structure(graph, {});
    const std::vector<std::uint32_t> community = {1, 1, 1, 2, 2, 2, 2, 2};
    const auto without_communities = weak_bridges(graph, sectors, structure.local_bridge, {});
    EXPECT_EQ(std::count(without_communities.begin(), without_communities.end(), 1), 0);  // nothing to bridge
    const auto weak = weak_bridges(graph, sectors, structure.local_bridge, community);
    EXPECT_TRUE(is_weak(graph, weak, 2, 3));
    EXPECT_EQ(std::count(weak.begin(), weak.end(), 1), 1);
}

TEST(WeakBridges, EmptyGraphAndMismatchedInputs) {
    const TieGraph empty = TieGraph::from_ties(0, {});
    EXPECT_TRUE(weak_bridges(empty, sectors_of({}, 0), {}, {}).empty());
    const TieGraph graph = two_triangles();
    const std::vector<std::uint8_t> too_short(3, 0);
    EXPECT_THROW(weak_bridges(graph, sectors_of({0, 0, 0, 1, 1, 1, 2, 2}, 3), too_short, {}), Error);
}

// A star 0–k of weight k (k = 1..5) plus 1–2 of weight 0.5.
TieGraph star() {
    return graph_of(6, {{0, 1, 1}, {0, 2, 2}, {0, 3, 3}, {0, 4, 4}, {0, 5, 5}, {1, 2, 0.5}});
}

TEST(SelectTies, AllWhenFewEnough) {
    const TieGraph graph = star();
    const std::vector<MemberIndex> everyone = {0, 1, 2, 3, 4, 5};
    const DrawnTies drawn = select_ties(graph, everyone, {}, 1, 6);
    EXPECT_TRUE(drawn.all);
    EXPECT_EQ(drawn.ties.size(), 6u);
    EXPECT_EQ(drawn.candidates, 6u);
}

TEST(SelectTies, StrongestPerMemberPlusWeakBridges) {
    const TieGraph graph = star();
    const std::vector<MemberIndex> everyone = {0, 1, 2, 3, 4, 5};
    // Each member's strongest: 0→5; 1→0 (1 > 0.5); 2→0; 3→0; 4→0; 5→0. The 1-2 tie is left out.
    DrawnTies drawn = select_ties(graph, everyone, {}, 1, 0);
    EXPECT_FALSE(drawn.all);
    EXPECT_EQ(drawn.per_member, 1u);
    EXPECT_EQ(drawn.ties.size(), 5u);
    EXPECT_EQ(std::count(drawn.ties.begin(), drawn.ties.end(), graph.find_tie(1, 2)), 0);
    // Marked weak, it is drawn all the same.
    std::vector<std::uint8_t> weak(graph.tie_count(), 0);
    weak[graph.find_tie(1, 2)] = 1;
    drawn = select_ties(graph, everyone, weak, 1, 0);
    EXPECT_EQ(drawn.ties.size(), 6u);
    EXPECT_EQ(drawn.weak_bridges, 1u);
    EXPECT_TRUE(std::is_sorted(drawn.ties.begin(), drawn.ties.end()));
}

TEST(SelectTies, OnlyBetweenMembersShownRepeatsIgnored) {
    const TieGraph graph = star();
    const std::vector<MemberIndex> some = {2, 1, 1, 3};
    const DrawnTies drawn = select_ties(graph, some, {}, 3, 100);
    ASSERT_EQ(drawn.ties.size(), 1u);  // only 1-2 joins two of them
    EXPECT_EQ(drawn.ties[0], graph.find_tie(1, 2));
}

TEST(SelectTies, NoMembersAndOutOfRange) {
    const TieGraph graph = star();
    EXPECT_TRUE(select_ties(graph, {}, {}, 3, 100).ties.empty());
    const std::vector<MemberIndex> outside = {9};
    EXPECT_THROW(select_ties(graph, outside, {}, 3, 100), Error);
}

}  // namespace
}  // namespace bridgemap::viz
