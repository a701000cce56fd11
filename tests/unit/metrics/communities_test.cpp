#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/random.hpp>

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

/// Two 4-cliques {0..3} and {4..7} joined by one tie 3–4, and an isolate 8.
TieGraph two_cliques() {
    std::vector<Tie> ties;
    for (MemberIndex a = 0; a < 4; ++a) {
        for (MemberIndex b = a + 1; b < 4; ++b) {
            ties.push_back({a, b, 1, {}});
            ties.push_back({a + 4, b + 4, 1, {}});
        }
    }
    ties.push_back({3, 4, 1, {}});
    return TieGraph::from_ties(9, ties);
}

TEST(LeidenCommunities, FindsTheTwoCliques) {
    const Communities found = leiden_communities(two_cliques(), {});
    ASSERT_EQ(found.count, 2u);
    EXPECT_EQ(found.sizes, (std::vector<std::size_t>{4, 4}));
    for (MemberIndex i = 0; i < 4; ++i) EXPECT_EQ(found.of_member[i], 1u);  // the clique holding member 0 is 1
    for (MemberIndex i = 4; i < 8; ++i) EXPECT_EQ(found.of_member[i], 2u);
    EXPECT_EQ(found.of_member[8], k_no_community);
    // m = 13; each community has 6 ties inside and strength 13: Q = 2·(6/13 − (13/26)²).
    EXPECT_NEAR(found.modularity, 2.0 * (6.0 / 13.0 - 0.25), 1e-12);
}

TEST(LeidenCommunities, SameSeedSamePartition) {
    Random random(5);
    std::vector<Tie> ties;
    for (MemberIndex a = 0; a < 60; ++a) {
        for (MemberIndex b = a + 1; b < 60; ++b) {
            const bool same_block = a / 15 == b / 15;
            if (random.chance(same_block ? 0.5 : 0.03)) ties.push_back({a, b, 0.5 + random.uniform(), {}});
        }
    }
    const TieGraph graph = TieGraph::from_ties(60, ties);
    const Communities first = leiden_communities(graph, {7, 1.0});
    const Communities again = leiden_communities(graph, {7, 1.0});
    EXPECT_EQ(first.of_member, again.of_member);
    EXPECT_NEAR(first.modularity, modularity(graph, first.of_member, 1.0), 1e-12);
    EXPECT_GT(first.modularity, 0.3);  // four planted blocks are clearly found
}

TEST(LeidenCommunities, NoTies) {
    const Communities none = leiden_communities(TieGraph::from_ties(3, {}), {});
    EXPECT_EQ(none.count, 0u);
    EXPECT_EQ(none.of_member, (std::vector<std::uint32_t>{0, 0, 0}));
    EXPECT_EQ(none.modularity, 0.0);
}

TEST(Modularity, ByHandWithWeightsAndResolution) {
    // Path a–b (w 2), b–c (w 1), c–d (w 2): m = 5. Split {a,b} {c,d}: each has inside 2 and
    // strength 2+3 = 5: Q = 2·(2/5 − (5/10)²) = 0.3; with γ = 2: 2·(2/5 − 2·0.25) = −0.2.
    const TieGraph graph = TieGraph::from_ties(4, {{0, 1, 2, {}}, {1, 2, 1, {}}, {2, 3, 2, {}}});
    const std::vector<std::uint32_t> split = {1, 1, 2, 2};
    EXPECT_NEAR(modularity(graph, split, 1.0), 0.3, 1e-12);
    EXPECT_NEAR(modularity(graph, split, 2.0), -0.2, 1e-12);
    // Everyone together: Q = 5/5 − 1 = 0.
    EXPECT_NEAR(modularity(graph, std::vector<std::uint32_t>{1, 1, 1, 1}, 1.0), 0.0, 1e-12);
}

TEST(Participation, ByStrengthAcrossCommunities) {
    const TieGraph graph = two_cliques();
    const std::vector<std::uint32_t> community = {1, 1, 1, 1, 2, 2, 2, 2, 0};
    const MemberScores p = participation(graph, community);
    EXPECT_NEAR(p[0], 0.0, 1e-12);    // all ties inside
    EXPECT_NEAR(p[3], 0.375, 1e-12);  // 3 of 4 inside, 1 outside: 1 − (9/16 + 1/16)
    EXPECT_TRUE(std::isnan(p[8]));    // isolate
}

}  // namespace
}  // namespace bridgemap
