#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/random.hpp>

#include "graph/igraph_handle.hpp"

#include <gtest/gtest.h>

#include <numeric>

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

/// Weighted graphs with planted blocks of varied sizes and mixing, some isolates, and now and
/// then a sparse tail that leaves small components.
TieGraph planted_graph(Random& random) {
    const auto n = static_cast<MemberIndex>(random.between(20, 160));
    const auto blocks = static_cast<MemberIndex>(random.between(2, 8));
    const double inside = 0.15 + 0.5 * random.uniform();
    const double across = 0.2 * inside * random.uniform();
    std::vector<Tie> ties;
    for (MemberIndex a = 0; a + 3 < n; ++a) {  // the last three are isolates
        for (MemberIndex b = a + 1; b + 3 < n; ++b) {
            const bool same = a % blocks == b % blocks;
            if (random.chance(same ? inside : across)) ties.push_back({a, b, 0.1 + 2.0 * random.uniform(), {}});
        }
    }
    return TieGraph::from_ties(n, ties);
}

/// igraph's own Leiden with the same objective, as bridgemap called it before it had its own.
double igraph_leiden_modularity(const TieGraph& graph, std::uint64_t seed) {
    graph::prepare_igraph(seed);
    const graph::IgraphGraph igraph(graph);
    std::vector<double> strengths(graph.member_count());
    for (MemberIndex i = 0; i < graph.member_count(); ++i) strengths[i] = graph.strength(i);
    const graph::IgraphRealVector node_weights(strengths);
    graph::IgraphIntVector membership(static_cast<igraph_integer_t>(graph.member_count()));
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    graph::check(igraph_community_leiden(igraph.get(), igraph.weights(), node_weights.get(),
                                         1.0 / (2.0 * graph.total_weight()), 0.01, false, -1, membership.get(),
                                         &clusters, &quality),
                 "Leiden");
    std::vector<std::uint32_t> community(graph.member_count());
    const auto raw = membership.values();
    for (std::size_t i = 0; i < community.size(); ++i) {
        community[i] = graph.degree(static_cast<MemberIndex>(i)) == 0 ? k_no_community
                                                                      : static_cast<std::uint32_t>(raw[i] + 1);
    }
    return modularity(graph, community, 1.0);
}

TEST(LeidenCommunities, EveryCommunityIsConnectedAndAsGoodAsIgraphs) {
    Random random(2024);
    double ours_total = 0.0;
    double igraph_total = 0.0;
    for (int round = 0; round < 40; ++round) {
        const TieGraph graph = planted_graph(random);
        if (graph.tie_count() == 0) continue;
        const Communities found = leiden_communities(graph, {static_cast<std::uint64_t>(round + 1), 1.0});
        // Connected: a search inside each community from its first member reaches all of it.
        std::vector<std::size_t> reached(found.count + 1, 0);
        std::vector<std::uint8_t> seen(graph.member_count(), 0);
        for (MemberIndex start = 0; start < graph.member_count(); ++start) {
            const std::uint32_t c = found.of_member[start];
            if (c == k_no_community || reached[c] > 0) continue;
            std::vector<MemberIndex> stack = {start};
            seen[start] = 1;
            while (!stack.empty()) {
                const MemberIndex at = stack.back();
                stack.pop_back();
                ++reached[c];
                for (const MemberIndex next : graph.neighbours(at)) {
                    if (!seen[next] && found.of_member[next] == c) seen[next] = 1, stack.push_back(next);
                }
            }
            ASSERT_EQ(reached[c], found.sizes[c - 1]) << "round " << round << ": community " << c << " is in pieces";
        }
        EXPECT_NEAR(found.modularity, modularity(graph, found.of_member, 1.0), 1e-12);
        const double theirs = igraph_leiden_modularity(graph, static_cast<std::uint64_t>(round + 1));
        EXPECT_GT(found.modularity, theirs - 0.03) << "round " << round;
        ours_total += found.modularity;
        igraph_total += theirs;
    }
    // The same algorithm, so on average the same quality (different random choices).
    EXPECT_GT(ours_total, igraph_total - 0.005 * 40);
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
