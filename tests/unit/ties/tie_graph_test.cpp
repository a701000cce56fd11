#include <bridgemap/error.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

TEST(TieGraphFromTies, MergesOrientsAndSortsAdjacency) {
    std::vector<Tie> ties = {
        {3, 1, 1.0, {1, 0, 0, 0}}, {0, 2, 2.0, {0, 1, 0, 0}},
        {1, 3, 0.5, {0, 0, 0, 1}},  // the same pair as the first: merged
        {2, 2, 9.0, {}},            // a self-tie: dropped
        {0, 1, 1.0, {}},
    };
    const TieGraph graph = TieGraph::from_ties(4, ties);
    ASSERT_EQ(graph.tie_count(), 3u);
    EXPECT_EQ(graph.tie(0).source, 0u);
    EXPECT_EQ(graph.tie(0).target, 1u);
    EXPECT_EQ(graph.tie(2).source, 1u);
    EXPECT_EQ(graph.tie(2).target, 3u);
    EXPECT_DOUBLE_EQ(graph.tie(2).weight, 1.5);
    EXPECT_EQ(graph.tie(2).provenance.events, 1u);
    EXPECT_EQ(graph.tie(2).provenance.explicit_rows, 1u);
    const auto n1 = graph.neighbours(1);
    ASSERT_EQ(n1.size(), 2u);
    EXPECT_EQ(n1[0], 0u);
    EXPECT_EQ(n1[1], 3u);
    EXPECT_DOUBLE_EQ(graph.weights(1)[1], 1.5);
    EXPECT_EQ(graph.tie_indices(1)[1], 2u);
    EXPECT_DOUBLE_EQ(graph.strength(1), 2.5);
    EXPECT_DOUBLE_EQ(graph.total_weight(), 4.5);
    EXPECT_EQ(graph.find_tie(3, 1), 2u);
    EXPECT_EQ(graph.find_tie(2, 3), k_none);
    EXPECT_EQ(graph.find_tie(0, 99), k_none);
}

TEST(TieGraphFromSortedTies, RejectsBrokenInput) {
    EXPECT_THROW(TieGraph::from_sorted_ties(2, {{1, 0, 1.0, {}}}), Error);                   // not source < target
    EXPECT_THROW(TieGraph::from_sorted_ties(2, {{0, 2, 1.0, {}}}), Error);                   // out of range
    EXPECT_THROW(TieGraph::from_sorted_ties(3, {{0, 1, 0.0, {}}}), Error);                   // weight 0
    EXPECT_THROW(TieGraph::from_sorted_ties(3, {{0, 2, 1.0, {}}, {0, 1, 1.0, {}}}), Error);  // unsorted
    EXPECT_NO_THROW(TieGraph::from_sorted_ties(0, {}));
}

}  // namespace
}  // namespace bridgemap
