#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/metrics/tie_structure.hpp>

#include <bridgemap/random.hpp>

#include "support/boost_graph.hpp"
#include "support/igraph_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <vector>

namespace bridgemap {
namespace {

TieGraph graph_of(std::size_t members, const std::vector<std::pair<MemberIndex, MemberIndex>>& pairs) {
    std::vector<Tie> ties;
    ties.reserve(pairs.size());
    for (const auto& [a, b] : pairs) ties.push_back({a, b, 1.0, {}});
    return TieGraph::from_ties(members, std::move(ties));
}

TEST(TieStructure, HandExample) {
    // Triangle 0-1-2, tie 2-3, square 3-4-5-6, pendant 6-7, and a lone pair 8-9.
    // Degrees: 0:2 1:2 2:3 3:3 4:2 5:2 6:3 7:1 8:1 9:1.
    const TieGraph graph =
        graph_of(10, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {3, 6}, {6, 7}, {8, 9}});
    const auto ties = tie_structure(graph, {});
    const auto bridges = connectivity(graph).bridge;
    const auto check = [&](MemberIndex a, MemberIndex b, std::uint32_t embeddedness, double overlap, bool local_bridge,
                           std::int32_t span, bool bridge) {
        const TieIndex k = graph.find_tie(a, b);
        ASSERT_NE(k, k_none);
        EXPECT_EQ(ties.embeddedness[k], embeddedness) << a << "-" << b;
        EXPECT_NEAR(ties.overlap[k], overlap, 1e-15) << a << "-" << b;
        EXPECT_EQ(ties.local_bridge[k], local_bridge ? 1 : 0) << a << "-" << b;
        EXPECT_EQ(ties.span[k], span) << a << "-" << b;
        EXPECT_EQ(bridges[k], bridge ? 1 : 0) << a << "-" << b;
    };
    // 0-1: common neighbour 2; overlap 1 / ((2−1) + (2−1) − 1) = 1.
    check(0, 1, 1, 1.0, false, 2, false);
    // 0-2: common neighbour 1; overlap 1 / ((2−1) + (3−1) − 1) = 1/2.
    check(0, 2, 1, 0.5, false, 2, false);
    check(1, 2, 1, 0.5, false, 2, false);
    // 2-3: nothing in common, and the only way between the two halves: overlap 0/4.
    check(2, 3, 0, 0.0, true, -1, true);
    // The square's ties: no common neighbour, and the other way round the square is 3 hops.
    check(3, 4, 0, 0.0, true, 3, false);
    check(4, 5, 0, 0.0, true, 3, false);
    check(5, 6, 0, 0.0, true, 3, false);
    check(3, 6, 0, 0.0, true, 3, false);
    // Pendant tie: overlap 0 / ((3−1) + (1−1) − 0) = 0; a bridge.
    check(6, 7, 0, 0.0, true, -1, true);
    // Lone pair: denominator (1−1) + (1−1) − 0 = 0, overlap 0 by definition; a bridge.
    check(8, 9, 0, 0.0, true, -1, true);
}

TEST(TieStructure, CliqueTiesAreFullyOverlapping) {
    // K5: every tie has the other 3 as common neighbours; overlap 3 / (3 + 3 − 3) = 1.
    std::vector<std::pair<MemberIndex, MemberIndex>> pairs;
    for (MemberIndex a = 0; a < 5; ++a) {
        for (MemberIndex b = a + 1; b < 5; ++b) pairs.emplace_back(a, b);
    }
    const TieGraph graph = graph_of(5, pairs);
    const auto ties = tie_structure(graph, {});
    const auto bridges = connectivity(graph).bridge;
    for (std::size_t k = 0; k < 10; ++k) {
        EXPECT_EQ(ties.embeddedness[k], 3u);
        EXPECT_DOUBLE_EQ(ties.overlap[k], 1.0);
        EXPECT_EQ(ties.span[k], 2);
        EXPECT_EQ(bridges[k], 0);
    }
}

TEST(TieStructure, CycleSpanIsTheRestOfTheCycle) {
    // NetworkX's local_bridges docstring: every tie of a 9-cycle is a local bridge of span 8.
    std::vector<std::pair<MemberIndex, MemberIndex>> pairs;
    for (MemberIndex v = 0; v < 9; ++v) pairs.emplace_back(v, (v + 1) % 9);
    const TieGraph graph = graph_of(9, pairs);
    const auto ties = tie_structure(graph, {});
    const auto bridges = connectivity(graph).bridge;
    for (std::size_t k = 0; k < 9; ++k) {
        EXPECT_EQ(ties.local_bridge[k], 1);
        EXPECT_EQ(ties.span[k], 8);
        EXPECT_EQ(bridges[k], 0);
    }
}

TEST(TieStructure, EmptyGraphAndIsolates) {
    const auto empty = tie_structure(TieGraph::from_ties(0, {}), {});
    EXPECT_TRUE(empty.embeddedness.empty());
    EXPECT_TRUE(empty.span.empty());
    const TieGraph isolates = TieGraph::from_ties(4, {});
    EXPECT_TRUE(tie_structure(isolates, {}).span.empty());
    EXPECT_TRUE(connectivity(isolates).bridge.empty());
    EXPECT_EQ(connectivity(isolates).bridges, 0u);
}

/// Random graphs between sparse (long spans, many bridges) and clustered (cliques).
TieGraph random_graph(Random& random, std::size_t min_members, std::size_t max_members) {
    const auto members = static_cast<std::size_t>(
        random.between(static_cast<std::int64_t>(min_members), static_cast<std::int64_t>(max_members)));
    std::vector<Tie> ties;
    if (members >= 2) {
        const auto events = random.between(0, static_cast<std::int64_t>(members / 8) + 1);
        for (std::int64_t e = 0; e < events; ++e) {
            const auto size = static_cast<std::size_t>(random.between(2, 7));
            std::vector<MemberIndex> attendees;
            for (std::size_t k = 0; k < size; ++k) attendees.push_back(static_cast<MemberIndex>(random.below(members)));
            for (std::size_t a = 0; a < size; ++a) {
                for (std::size_t b = a + 1; b < size; ++b) ties.push_back({attendees[a], attendees[b], 1.0, {}});
            }
        }
        const auto extra = random.between(0, static_cast<std::int64_t>(members + members / 2));
        for (std::int64_t k = 0; k < extra; ++k) {
            ties.push_back({static_cast<MemberIndex>(random.below(members)),
                            static_cast<MemberIndex>(random.below(members)),
                            1.0,
                            {}});
        }
    }
    return TieGraph::from_ties(members, std::move(ties));
}

/// Hops from the tie's source to its target without the tie (plain breadth-first search).
std::int32_t detour(const TieGraph& graph, TieIndex removed) {
    const Tie& tie = graph.tie(removed);
    std::vector<std::int32_t> distance(graph.member_count(), -1);
    std::deque<MemberIndex> queue = {tie.source};
    distance[tie.source] = 0;
    while (!queue.empty()) {
        const MemberIndex x = queue.front();
        queue.pop_front();
        const auto around = graph.neighbours(x);
        const auto around_ties = graph.tie_indices(x);
        for (std::size_t k = 0; k < around.size(); ++k) {
            if (around_ties[k] == removed || distance[around[k]] >= 0) continue;
            distance[around[k]] = distance[x] + 1;
            queue.push_back(around[k]);
        }
    }
    return distance[tie.target];
}

TEST(TieStructure, MatchesBruteForceIgraphAndBoostOnRandomGraphs) {
    Random random(31337);
    std::size_t spans_above_three = 0;
    for (int round = 0; round < 300; ++round) {
        const TieGraph graph = random_graph(random, 0, 40);
        const auto ties = tie_structure(graph, {.threads = 2});
        const Connectivity parts = connectivity(graph);
        const std::size_t m = graph.tie_count();

        // igraph's bridges and Boost's biconnected components (a bridge is a component of
        // one tie) must both agree with connectivity's bridges, and so must the spans below.
        std::vector<std::uint8_t> igraph_bridge(m, 0);
        if (graph.member_count() > 0) {
            const testing::IgraphGraph igraph(graph);
            graph::IgraphIntVector found;
            graph::check(igraph_bridges(igraph.get(), found.get()), "bridges");
            for (const auto edge : found.values()) igraph_bridge[static_cast<std::size_t>(edge)] = 1;
        }
        const std::vector<std::uint8_t> boost_bridge = testing::boost_bridges(graph);
        EXPECT_EQ(parts.bridge, igraph_bridge) << "round " << round;
        EXPECT_EQ(parts.bridge, boost_bridge) << "round " << round;
        EXPECT_EQ(parts.bridges, static_cast<std::size_t>(std::count(boost_bridge.begin(), boost_bridge.end(), 1)));

        for (std::size_t k = 0; k < m; ++k) {
            const Tie& tie = graph.tie(static_cast<TieIndex>(k));
            const auto a = graph.neighbours(tie.source);
            const auto b = graph.neighbours(tie.target);
            std::uint32_t common = 0;
            for (const MemberIndex x : a) common += std::binary_search(b.begin(), b.end(), x) ? 1 : 0;
            EXPECT_EQ(ties.embeddedness[k], common) << "round " << round << " tie " << k;
            const auto others = static_cast<double>(a.size() - 1 + b.size() - 1 - common);
            EXPECT_DOUBLE_EQ(ties.overlap[k], others == 0.0 ? 0.0 : common / others);
            EXPECT_EQ(ties.local_bridge[k], common == 0 ? 1 : 0);
            const std::int32_t expected_span = detour(graph, static_cast<TieIndex>(k));
            EXPECT_EQ(ties.span[k], expected_span) << "round " << round << " tie " << k;
            EXPECT_EQ(parts.bridge[k], expected_span < 0 ? 1 : 0);
            if (expected_span > 3) ++spans_above_three;
        }
    }
    EXPECT_GT(spans_above_three, 20u);  // the searches were tested beyond the first levels
}

TEST(TieStructure, SameResultWithAnyThreadCount) {
    Random random(5);
    const TieGraph graph = random_graph(random, 1500, 2000);
    const auto one = tie_structure(graph, {.threads = 1});
    const auto three = tie_structure(graph, {.threads = 3});
    EXPECT_EQ(one.embeddedness, three.embeddedness);
    EXPECT_EQ(one.overlap, three.overlap);
    EXPECT_EQ(one.local_bridge, three.local_bridge);
    EXPECT_EQ(one.span, three.span);
}

}  // namespace
}  // namespace bridgemap
