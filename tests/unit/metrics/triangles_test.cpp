#include "metrics/triangles.hpp"

#include <bridgemap/random.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include "support/igraph_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <set>
#include <vector>

namespace bridgemap {
namespace {

TieGraph graph_of(std::size_t members, const std::vector<std::pair<MemberIndex, MemberIndex>>& pairs) {
    std::vector<Tie> ties;
    ties.reserve(pairs.size());
    for (const auto& [a, b] : pairs) ties.push_back({a, b, 1.0, {}});
    return TieGraph::from_ties(members, std::move(ties));
}

/// A small random "event projection": a few random cliques plus a few random ties.
TieGraph random_projection(Random& random) {
    const auto members = static_cast<std::size_t>(random.between(0, 24));
    std::vector<Tie> ties;
    if (members >= 2) {
        const auto events = random.between(0, 5);
        for (std::int64_t e = 0; e < events; ++e) {
            std::vector<MemberIndex> attendees;
            for (std::size_t v = 0; v < members; ++v) {
                if (random.chance(0.25)) attendees.push_back(static_cast<MemberIndex>(v));
            }
            for (std::size_t a = 0; a < attendees.size(); ++a) {
                for (std::size_t b = a + 1; b < attendees.size(); ++b)
                    ties.push_back({attendees[a], attendees[b], 1.0, {}});
            }
        }
        const auto extra = random.between(0, static_cast<std::int64_t>(members));
        for (std::int64_t k = 0; k < extra; ++k) {
            ties.push_back({static_cast<MemberIndex>(random.below(members)),
                            static_cast<MemberIndex>(random.below(members)),
                            0.5 + random.uniform(),
                            {}});
        }
    }
    return TieGraph::from_ties(members, std::move(ties));
}

/// A larger event projection (hundreds of members), big enough to be split between threads.
TieGraph medium_projection(std::uint64_t seed, std::size_t members, std::size_t events) {
    Random random(seed);
    std::vector<Tie> ties;
    for (std::size_t e = 0; e < events; ++e) {
        const auto size = static_cast<std::size_t>(random.between(2, 25));
        std::vector<MemberIndex> attendees;
        for (std::size_t k = 0; k < size; ++k) attendees.push_back(static_cast<MemberIndex>(random.below(members)));
        for (std::size_t a = 0; a < attendees.size(); ++a) {
            for (std::size_t b = a + 1; b < attendees.size(); ++b)
                ties.push_back({attendees[a], attendees[b], 1.0, {}});
        }
    }
    return TieGraph::from_ties(members, std::move(ties));
}

struct Listed {
    std::vector<std::array<MemberIndex, 3>> triangles;  // sorted members
    bool ties_match = true;                             // ties[k] joins members[k], members[k+1]
    bool rank_order = true;                             // members in increasing (degree, index)
};

Listed list_triangles(const TieGraph& graph, unsigned workers) {
    Listed listed;
    std::mutex mutex;
    metrics::for_each_triangle(graph, workers, [&](unsigned, const metrics::Triangle& triangle) {
        std::lock_guard lock(mutex);
        for (std::size_t k = 0; k < 3; ++k) {
            const Tie& tie = graph.tie(triangle.ties[k]);
            const MemberIndex a = triangle.members[k];
            const MemberIndex b = triangle.members[(k + 1) % 3];
            if (!((tie.source == a && tie.target == b) || (tie.source == b && tie.target == a))) {
                listed.ties_match = false;
            }
        }
        for (std::size_t k = 0; k + 1 < 3; ++k) {
            const MemberIndex a = triangle.members[k];
            const MemberIndex b = triangle.members[k + 1];
            const bool below = graph.degree(a) < graph.degree(b) || (graph.degree(a) == graph.degree(b) && a < b);
            if (!below) listed.rank_order = false;
        }
        auto members = triangle.members;
        std::sort(members.begin(), members.end());
        listed.triangles.push_back(members);
    });
    std::sort(listed.triangles.begin(), listed.triangles.end());
    return listed;
}

std::vector<std::array<MemberIndex, 3>> brute_force_triangles(const TieGraph& graph) {
    std::vector<std::array<MemberIndex, 3>> triangles;
    const auto n = static_cast<MemberIndex>(graph.member_count());
    for (MemberIndex a = 0; a < n; ++a) {
        for (MemberIndex b = a + 1; b < n; ++b) {
            if (graph.find_tie(a, b) == k_none) continue;
            for (MemberIndex c = b + 1; c < n; ++c) {
                if (graph.find_tie(a, c) != k_none && graph.find_tie(b, c) != k_none) triangles.push_back({a, b, c});
            }
        }
    }
    return triangles;
}

TEST(TrianglesForEach, ListsTheTrianglesOfAFourClique) {
    // K4 has C(4,3) = 4 triangles; member 4 hangs off member 0 and closes none.
    const TieGraph graph = graph_of(5, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {0, 4}});
    const Listed listed = list_triangles(graph, 1);
    const std::vector<std::array<MemberIndex, 3>> expected = {{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}};
    EXPECT_EQ(listed.triangles, expected);
    EXPECT_TRUE(listed.ties_match);
    EXPECT_TRUE(listed.rank_order);
}

TEST(TrianglesForEach, NothingOnGraphsWithoutTriangles) {
    EXPECT_TRUE(list_triangles(TieGraph::from_ties(0, {}), 2).triangles.empty());
    EXPECT_TRUE(list_triangles(TieGraph::from_ties(1, {}), 2).triangles.empty());
    // A 4-cycle and a star: no triangle.
    EXPECT_TRUE(list_triangles(graph_of(4, {{0, 1}, {1, 2}, {2, 3}, {0, 3}}), 2).triangles.empty());
    EXPECT_TRUE(list_triangles(graph_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}), 2).triangles.empty());
}

TEST(TrianglesForEach, MatchesBruteForceAndIgraphOnRandomGraphs) {
    Random random(20240611);
    for (int round = 0; round < 300; ++round) {
        const TieGraph graph = random_projection(random);
        const unsigned workers = 1 + static_cast<unsigned>(round % 3);
        const Listed listed = list_triangles(graph, workers);
        EXPECT_EQ(listed.triangles, brute_force_triangles(graph)) << "round " << round;
        EXPECT_TRUE(listed.ties_match) << "round " << round;
        EXPECT_TRUE(listed.rank_order) << "round " << round;

        // Triangles at each member, against igraph_adjacent_triangles.
        std::vector<double> at_member(graph.member_count(), 0.0);
        for (const auto& triangle : listed.triangles) {
            for (const MemberIndex member : triangle) at_member[member] += 1.0;
        }
        const testing::IgraphGraph igraph(graph);
        graph::IgraphRealVector counts;
        graph::check(igraph_adjacent_triangles(igraph.get(), counts.get(), igraph_vss_all()), "adjacent triangles");
        EXPECT_EQ(counts.values(), at_member) << "round " << round;
    }
}

TEST(TrianglesForEach, SameTrianglesWithAnyThreadCountOnALargerGraph) {
    const TieGraph graph = medium_projection(5, 800, 150);
    const Listed one = list_triangles(graph, 1);
    const Listed three = list_triangles(graph, 3);
    EXPECT_GT(one.triangles.size(), 1000u);
    EXPECT_EQ(one.triangles, three.triangles);
    EXPECT_TRUE(three.ties_match);
    EXPECT_TRUE(three.rank_order);
    // No triangle listed twice.
    EXPECT_EQ(std::set(one.triangles.begin(), one.triangles.end()).size(), one.triangles.size());
    // igraph agrees on the total: Σ over members of their triangles = 3 · triangles.
    const testing::IgraphGraph igraph(graph);
    graph::IgraphRealVector counts;
    graph::check(igraph_adjacent_triangles(igraph.get(), counts.get(), igraph_vss_all()), "adjacent triangles");
    double sum = 0.0;
    for (const double count : counts.values()) sum += count;
    EXPECT_EQ(sum, 3.0 * static_cast<double>(one.triangles.size()));
}

TEST(TrianglesPerTie, CountsCommonNeighbours) {
    // K4 plus a pendant: every K4 tie is in 2 triangles, the pendant tie in none.
    const TieGraph graph = graph_of(5, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {0, 4}});
    const auto counts = metrics::triangles_per_tie(graph, 2);
    ASSERT_EQ(counts.size(), 7u);
    for (TieIndex k = 0; k < 7; ++k) {
        const Tie& tie = graph.tie(k);
        EXPECT_EQ(counts[k], tie.target == 4 ? 0u : 2u) << tie.source << "-" << tie.target;
    }
    EXPECT_TRUE(metrics::triangles_per_tie(TieGraph::from_ties(0, {}), 2).empty());
}

TEST(TrianglesPerTie, MatchesBruteForceOnRandomGraphsWithAnyThreadCount) {
    Random random(77);
    for (int round = 0; round < 300; ++round) {
        const TieGraph graph = random_projection(random);
        std::vector<std::uint32_t> expected(graph.tie_count(), 0);
        for (const auto& [a, b, c] : brute_force_triangles(graph)) {
            ++expected[graph.find_tie(a, b)];
            ++expected[graph.find_tie(a, c)];
            ++expected[graph.find_tie(b, c)];
        }
        EXPECT_EQ(metrics::triangles_per_tie(graph, 1), expected) << "round " << round;
        EXPECT_EQ(metrics::triangles_per_tie(graph, 3), expected) << "round " << round;
    }
    // Split between threads: the same counts, and they add up to 3 · triangles.
    const TieGraph graph = medium_projection(6, 800, 150);
    const auto one = metrics::triangles_per_tie(graph, 1);
    EXPECT_EQ(metrics::triangles_per_tie(graph, 3), one);
    std::uint64_t sum = 0;
    for (const auto count : one) sum += count;
    EXPECT_EQ(sum, 3 * list_triangles(graph, 2).triangles.size());
}

}  // namespace
}  // namespace bridgemap
