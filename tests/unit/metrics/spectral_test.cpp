#include <bridgemap/metrics/spectral.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace bridgemap {
namespace {

TieGraph graph_of(std::size_t n, std::vector<Tie> ties) {
    return TieGraph::from_ties(n, std::move(ties));
}

TEST(EigenvectorCentrality, TriangleStarAndPath) {
    for (const double x : eigenvector_centrality(graph_of(3, {{0, 1, 1, {}}, {1, 2, 1, {}}, {0, 2, 1, {}}}))) {
        EXPECT_NEAR(x, 1.0, 1e-9);  // every member alike
    }
    // Star with three leaves: λ = √3, centre = √3 · leaf, so leaves are 1/√3 of the centre.
    const auto star = eigenvector_centrality(graph_of(4, {{0, 1, 1, {}}, {0, 2, 1, {}}, {0, 3, 1, {}}}));
    EXPECT_NEAR(star[0], 1.0, 1e-9);
    for (int leaf = 1; leaf <= 3; ++leaf) EXPECT_NEAR(star[leaf], 1.0 / std::sqrt(3.0), 1e-7);
}

TEST(EigenvectorCentrality, WeightsCount) {
    // a–b weight 2, b–c weight 1: A = [[0,2,0],[2,0,1],[0,1,0]], λ = √5, x ∝ (2, √5, 1).
    const auto x = eigenvector_centrality(graph_of(3, {{0, 1, 2, {}}, {1, 2, 1, {}}}));
    EXPECT_NEAR(x[1], 1.0, 1e-9);
    EXPECT_NEAR(x[0], 2.0 / std::sqrt(5.0), 1e-7);
    EXPECT_NEAR(x[2], 1.0 / std::sqrt(5.0), 1e-7);
}

TEST(EigenvectorCentrality, PrincipalComponentOnlyAndIsolates) {
    // A triangle (λ = 2), a separate pair (λ = 1) and an isolate: only the triangle is non-zero.
    const auto x = eigenvector_centrality(graph_of(6, {{0, 1, 1, {}}, {1, 2, 1, {}}, {0, 2, 1, {}}, {3, 4, 1, {}}}));
    EXPECT_NEAR(x[0], 1.0, 1e-9);
    EXPECT_EQ(x[3], 0.0);
    EXPECT_EQ(x[4], 0.0);
    EXPECT_EQ(x[5], 0.0);
    // Two identical triangles share the largest λ: both get the same values.
    const auto twins = eigenvector_centrality(
        graph_of(6, {{0, 1, 1, {}}, {1, 2, 1, {}}, {0, 2, 1, {}}, {3, 4, 1, {}}, {4, 5, 1, {}}, {3, 5, 1, {}}}));
    for (const double v : twins) EXPECT_NEAR(v, 1.0, 1e-9);
    // No ties at all: all 0; no members: empty.
    EXPECT_EQ(eigenvector_centrality(graph_of(2, {})), (MemberScores{0.0, 0.0}));
    EXPECT_TRUE(eigenvector_centrality(graph_of(0, {})).empty());
}

TEST(Pagerank, PathByHand) {
    // a–b–c, d = 0.85, (1−d)/n = 0.05: x = 0.05 + 0.425·y and y = 0.05 + 1.7·x give
    // x = 0.07125/0.2775 and y = 0.05 + 1.7·x.
    const auto rank = pagerank(graph_of(3, {{0, 1, 1, {}}, {1, 2, 1, {}}}));
    const double x = 0.07125 / 0.2775;
    EXPECT_NEAR(rank[0], x, 1e-9);
    EXPECT_NEAR(rank[2], x, 1e-9);
    EXPECT_NEAR(rank[1], 0.05 + 1.7 * x, 1e-9);
    EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-12);
}

TEST(Pagerank, IsolateJumpsUniformly) {
    // a–b and an isolate c, whose rank is spread over all three: z = 0.05 + 0.85·z/3,
    // and a, b share the rest equally.
    const auto rank = pagerank(graph_of(3, {{0, 1, 1, {}}}));
    const double z = 0.05 / (1.0 - 0.85 / 3.0);
    EXPECT_NEAR(rank[2], z, 1e-9);
    EXPECT_NEAR(rank[0], (1.0 - z) / 2.0, 1e-9);
    EXPECT_TRUE(pagerank(graph_of(0, {})).empty());
}

TEST(Pagerank, WeightsShiftRank) {
    // a–b weight 3, b–c weight 1: a receives 3/4 of b's rank, c 1/4, so a outranks c.
    const auto rank = pagerank(graph_of(3, {{0, 1, 3, {}}, {1, 2, 1, {}}}));
    // x_a = 0.05 + 0.85·0.75·y, x_c = 0.05 + 0.85·0.25·y, y = 0.05 + 0.85·(x_a + x_c).
    // So x_a + x_c = 0.1 + 0.85·y and y = 0.05 + 0.85·(0.1 + 0.85 y) → y = 0.135/0.2775.
    const double y = 0.135 / 0.2775;
    EXPECT_NEAR(rank[1], y, 1e-9);
    EXPECT_NEAR(rank[0], 0.05 + 0.85 * 0.75 * y, 1e-9);
    EXPECT_NEAR(rank[2], 0.05 + 0.85 * 0.25 * y, 1e-9);
}

}  // namespace
}  // namespace bridgemap
