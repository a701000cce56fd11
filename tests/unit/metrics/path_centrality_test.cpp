#include <bridgemap/error.hpp>
#include <bridgemap/metrics/path_centrality.hpp>
#include <bridgemap/random.hpp>

#include "metrics/dijkstra.hpp"
#include "metrics/path_centrality_kernel.hpp"
#include "metrics/shortest_path_graph.hpp"
#include "support/boost_graph.hpp"
#include "support/igraph_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace bridgemap {
namespace {

constexpr SectorIndex k_unknown = k_unknown_sector;

TieGraph graph_of(std::size_t n, std::vector<Tie> ties) {
    return TieGraph::from_ties(n, std::move(ties));
}

std::vector<SectorIndex> no_sectors(std::size_t n) {
    return std::vector<SectorIndex>(n, k_unknown);
}

PathOptions exact_options(unsigned threads = 1) {
    PathOptions options;
    options.mode = PathOptions::Mode::exact;
    options.threads = threads;
    return options;
}

PathCentrality exact(const TieGraph& graph, std::span<const SectorIndex> sectors, unsigned threads = 1) {
    return path_centrality(graph, sectors, exact_options(threads));
}

PathCentrality exact(const TieGraph& graph) {
    const auto sectors = no_sectors(graph.member_count());
    return exact(graph, sectors);
}

/// Bitwise equality of two score vectors (NaN equals NaN).
bool same_bits(const MemberScores& a, const MemberScores& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// Random graph: n members, each pair tied with probability p, weights from `weights` or,
/// when empty, uniform in [0.05, 3).
TieGraph random_graph(Random& random, std::size_t n, double p, const std::vector<double>& weights) {
    std::vector<Tie> ties;
    for (MemberIndex a = 0; a < n; ++a) {
        for (MemberIndex b = a + 1; b < n; ++b) {
            if (!random.chance(p)) continue;
            const double w = weights.empty() ? 0.05 + 2.95 * random.uniform() : weights[random.below(weights.size())];
            ties.push_back({a, b, w, {}});
        }
    }
    return graph_of(n, std::move(ties));
}

std::vector<SectorIndex> random_sectors(Random& random, std::size_t n, std::uint64_t sector_count) {
    std::vector<SectorIndex> sectors(n);
    for (auto& sector : sectors) {
        const auto draw = random.below(sector_count + 1);
        sector = draw == sector_count ? k_unknown : static_cast<SectorIndex>(draw);
    }
    return sectors;
}

std::vector<double> tie_lengths(const TieGraph& graph) {
    std::vector<double> lengths(graph.tie_count());
    for (std::size_t k = 0; k < graph.tie_count(); ++k) lengths[k] = 1.0 / graph.tie(static_cast<TieIndex>(k)).weight;
    return lengths;
}

void expect_near_relative(double actual, double expected, double tolerance, const char* what, std::size_t member) {
    EXPECT_NEAR(actual, expected, tolerance * std::max(1.0, std::abs(expected))) << what << " of member " << member;
}

TEST(PathCentrality, EmptyGraph) {
    const PathCentrality result = exact(graph_of(0, {}));
    EXPECT_TRUE(result.betweenness.empty());
    EXPECT_TRUE(result.closeness.empty());
    EXPECT_TRUE(result.harmonic.empty());
    EXPECT_TRUE(result.bridging.empty());
    EXPECT_TRUE(result.exact);
    EXPECT_EQ(result.sources, 0u);
}

TEST(PathCentrality, OneMember) {
    const std::vector<SectorIndex> sectors = {0};
    const PathCentrality result = exact(graph_of(1, {}), sectors);
    EXPECT_EQ(result.betweenness[0], 0.0);
    EXPECT_EQ(result.closeness[0], 0.0);          // reaches nobody
    EXPECT_EQ(result.harmonic[0], 0.0);           // n ≤ 1
    EXPECT_TRUE(std::isnan(result.bridging[0]));  // no pair of members at all
    EXPECT_EQ(result.sources, 1u);
}

TEST(PathCentrality, TwoMembers) {
    const std::vector<SectorIndex> sectors = {0, 1};
    const PathCentrality result = exact(graph_of(2, {{0, 1, 2.0, {}}}), sectors);
    for (std::size_t v = 0; v < 2; ++v) {
        EXPECT_EQ(result.betweenness[v], 0.0);  // n ≤ 2: nobody lies between two others
        // d = 1/w = 0.5; r − 1 = 1: closeness = (1/0.5)·(1/1) = 2; harmonic = (1/0.5)/1 = 2.
        EXPECT_NEAR(result.closeness[v], 2.0, 1e-12);
        EXPECT_NEAR(result.harmonic[v], 2.0, 1e-12);
        EXPECT_EQ(result.bridging[v], 0.0);  // one cross-sector pair, nobody between its ends
    }
}

TEST(PathCentrality, PathOfThree) {
    // a(0) – b(1) – c(2), weights 1 (lengths 1).
    const PathCentrality result = exact(graph_of(3, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}}));
    // b is on the only path of (a,c) and (c,a): 2 / ((n−1)(n−2) = 2) = 1.
    EXPECT_NEAR(result.betweenness[1], 1.0, 1e-12);
    EXPECT_NEAR(result.betweenness[0], 0.0, 1e-12);
    EXPECT_NEAR(result.betweenness[2], 0.0, 1e-12);
    // a: distances 1 and 2, Σ = 3, r − 1 = 2: (2/3)·(2/2) = 2/3. b: Σ = 2: (2/2)·(2/2) = 1.
    EXPECT_NEAR(result.closeness[0], 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(result.closeness[1], 1.0, 1e-12);
    EXPECT_NEAR(result.closeness[2], 2.0 / 3.0, 1e-12);
    // a: (1/1 + 1/2)/2 = 0.75. b: (1 + 1)/2 = 1.
    EXPECT_NEAR(result.harmonic[0], 0.75, 1e-12);
    EXPECT_NEAR(result.harmonic[1], 1.0, 1e-12);
    EXPECT_TRUE(result.exact);
    EXPECT_EQ(result.sources, 3u);
    EXPECT_EQ(result.error_bound, 0.0);
}

TEST(PathCentrality, Star) {
    // Centre 0 with leaves 1..4, weights 1.
    const PathCentrality result =
        exact(graph_of(5, {{0, 1, 1.0, {}}, {0, 2, 1.0, {}}, {0, 3, 1.0, {}}, {0, 4, 1.0, {}}}));
    // All 4·3 = 12 ordered leaf pairs pass the centre: 12 / ((n−1)(n−2) = 12) = 1.
    EXPECT_NEAR(result.betweenness[0], 1.0, 1e-12);
    // Centre: Σd = 4, r − 1 = 4: (4/4)·(4/4) = 1. Leaf: 1 + 3·2 = 7: (4/7)·(4/4) = 4/7.
    EXPECT_NEAR(result.closeness[0], 1.0, 1e-12);
    // Leaf harmonic: (1 + 3·(1/2))/4 = 2.5/4 = 0.625.
    for (std::size_t leaf = 1; leaf <= 4; ++leaf) {
        EXPECT_NEAR(result.betweenness[leaf], 0.0, 1e-12);
        EXPECT_NEAR(result.closeness[leaf], 4.0 / 7.0, 1e-12);
        EXPECT_NEAR(result.harmonic[leaf], 0.625, 1e-12);
    }
}

TEST(PathCentrality, TwoTrianglesJoinedThroughOneMember) {
    // Triangles {0,1,2} and {4,5,6}; member 3 tied to 2 and 4. n = 7, (n−1)(n−2) = 30.
    const PathCentrality result = exact(graph_of(7, {{0, 1, 1.0, {}},
                                                     {0, 2, 1.0, {}},
                                                     {1, 2, 1.0, {}},
                                                     {2, 3, 1.0, {}},
                                                     {3, 4, 1.0, {}},
                                                     {4, 5, 1.0, {}},
                                                     {4, 6, 1.0, {}},
                                                     {5, 6, 1.0, {}}}));
    // 3 carries the 3·3 pairs across: 18 ordered / 30 = 0.6.
    EXPECT_NEAR(result.betweenness[3], 0.6, 1e-12);
    // 2 carries {0,1} × {3,4,5,6}: 8 pairs, 16 ordered / 30.
    EXPECT_NEAR(result.betweenness[2], 16.0 / 30.0, 1e-12);
    EXPECT_NEAR(result.betweenness[4], 16.0 / 30.0, 1e-12);
    EXPECT_NEAR(result.betweenness[0], 0.0, 1e-12);
    // 3: distances 1,1,2,2,2,2 → Σ = 10: (6/10)·(6/6) = 0.6. 0: 1,1,2,3,4,4 → 15: 6/15 = 0.4.
    EXPECT_NEAR(result.closeness[3], 0.6, 1e-12);
    EXPECT_NEAR(result.closeness[0], 0.4, 1e-12);
    // 0: (1 + 1 + 1/2 + 1/3 + 1/4 + 1/4)/6 = (10/3)/6 = 5/9.
    EXPECT_NEAR(result.harmonic[0], 5.0 / 9.0, 1e-12);
}

TEST(PathCentrality, StrongTwoStepPathBeatsWeakDirectTie) {
    // a(0)–c(2) weight 0.1 (length 10); a–b(1) and b–c weight 1 (length 1): a–b–c has length 2.
    const PathCentrality result = exact(graph_of(3, {{0, 2, 0.1, {}}, {0, 1, 1.0, {}}, {1, 2, 1.0, {}}}));
    // Every a–c path that counts goes through b: 2 ordered pairs / 2 = 1.
    EXPECT_NEAR(result.betweenness[1], 1.0, 1e-12);
    // a: d(b) = 1, d(c) = 2 (not 10): (2/3)·(2/2) = 2/3; harmonic (1 + 1/2)/2 = 0.75.
    EXPECT_NEAR(result.closeness[0], 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(result.harmonic[0], 0.75, 1e-12);

    // With a direct weight 0.6 (length 5/3 < 2) the direct tie wins and b carries nothing.
    const PathCentrality direct = exact(graph_of(3, {{0, 2, 0.6, {}}, {0, 1, 1.0, {}}, {1, 2, 1.0, {}}}));
    EXPECT_NEAR(direct.betweenness[1], 0.0, 1e-12);
    // a: d(b) = 1, d(c) = 5/3: Σ = 8/3: (2/(8/3))·1 = 0.75.
    EXPECT_NEAR(direct.closeness[0], 0.75, 1e-12);
}

TEST(PathCentrality, EqualLengthPathsShareThePair) {
    // The 4-cycle 0–1–2–3–0, weights 1: 0 and 2 are joined by two shortest paths (via 1 and
    // via 3), each carrying half of the pair; likewise 1 and 3.
    const PathCentrality result =
        exact(graph_of(4, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}, {2, 3, 1.0, {}}, {0, 3, 1.0, {}}}));
    // Member 1: (0,2) and (2,0), 1/2 each = 1; / ((n−1)(n−2) = 6) = 1/6. Same for everyone.
    for (std::size_t v = 0; v < 4; ++v) EXPECT_NEAR(result.betweenness[v], 1.0 / 6.0, 1e-12);
    // Distances 1, 1, 2: Σ = 4: (3/4)·(3/3) = 0.75.
    for (std::size_t v = 0; v < 4; ++v) EXPECT_NEAR(result.closeness[v], 0.75, 1e-12);
}

TEST(PathCentrality, PathsEqualUpToRoundingCountAsEqual) {
    // 0–1–2 with lengths 0.1 and 0.2; 0–3–2 with lengths 0.15 and 0.15. Both are 0.3, but in
    // floating point 0.1 + 0.2 and 0.15 + 0.15 differ in the last bit: they must still share
    // the pair (0,2), as in the 4-cycle above.
    const std::vector<Tie> ties = {
        {0, 1, 1.0 / 0.1, {}}, {1, 2, 1.0 / 0.2, {}}, {0, 3, 1.0 / 0.15, {}}, {2, 3, 1.0 / 0.15, {}}};
    const double via_1 = 1.0 / ties[0].weight + 1.0 / ties[1].weight;
    const double via_3 = 1.0 / ties[2].weight + 1.0 / ties[3].weight;
    ASSERT_NE(via_1, via_3);  // otherwise this test would not test the tolerance
    const PathCentrality result = exact(graph_of(4, ties));
    // Member 1 and member 3: half of (0,2) and of (2,0) = 1; / 6. Pair (1,3): via 0 is
    // 0.1 + 0.15 = 0.25, via 2 is 0.2 + 0.15 = 0.35, so 0 carries it alone: 0 has 2/6.
    EXPECT_NEAR(result.betweenness[1], 1.0 / 6.0, 1e-12);
    EXPECT_NEAR(result.betweenness[3], 1.0 / 6.0, 1e-12);
    EXPECT_NEAR(result.betweenness[0], 2.0 / 6.0, 1e-12);
    EXPECT_NEAR(result.betweenness[2], 0.0, 1e-12);
}

TEST(PathCentrality, Isolates) {
    // a(0)–b(1)–c(2) and an isolate d(3): n = 4, (n−1)(n−2) = 6.
    const PathCentrality result = exact(graph_of(4, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}}));
    EXPECT_NEAR(result.betweenness[1], 2.0 / 6.0, 1e-12);  // (a,c) and (c,a)
    // a reaches r − 1 = 2 of n − 1 = 3: Σd = 3: (2/3)·(2/3) = 4/9; harmonic (1 + 1/2)/3 = 0.5.
    EXPECT_NEAR(result.closeness[0], 4.0 / 9.0, 1e-12);
    EXPECT_NEAR(result.harmonic[0], 0.5, 1e-12);
    EXPECT_EQ(result.betweenness[3], 0.0);
    EXPECT_EQ(result.closeness[3], 0.0);
    EXPECT_EQ(result.harmonic[3], 0.0);
}

TEST(PathCentrality, DisconnectedNetwork) {
    // 0–1 (weight 1) and 2–3–4 (weights 2: lengths 1/2). n = 5, (n−1)(n−2) = 12.
    const PathCentrality result = exact(graph_of(5, {{0, 1, 1.0, {}}, {2, 3, 2.0, {}}, {3, 4, 2.0, {}}}));
    EXPECT_NEAR(result.betweenness[3], 2.0 / 12.0, 1e-12);
    EXPECT_NEAR(result.betweenness[0], 0.0, 1e-12);
    // 0: r − 1 = 1, Σd = 1: (1/1)·(1/4) = 0.25. 3: Σd = 1, r − 1 = 2: (2/1)·(2/4) = 1.
    // 2: Σd = 0.5 + 1 = 1.5: (2/1.5)·(2/4) = 2/3.
    EXPECT_NEAR(result.closeness[0], 0.25, 1e-12);
    EXPECT_NEAR(result.closeness[3], 1.0, 1e-12);
    EXPECT_NEAR(result.closeness[2], 2.0 / 3.0, 1e-12);
    // 2: (1/0.5 + 1/1)/4 = 0.75.
    EXPECT_NEAR(result.harmonic[2], 0.75, 1e-12);
}

TEST(PathCentrality, BridgingCountsOnlyPairsOfDifferentKnownSectors) {
    // Path 0(S0) – 1(unknown) – 2(S1) – 3(unknown). The only pair of different known sectors
    // is {0,2}, and its path runs through 1.
    const TieGraph graph = graph_of(4, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}, {2, 3, 1.0, {}}});
    const std::vector<SectorIndex> sectors = {0, k_unknown, 1, k_unknown};
    const PathCentrality result = exact(graph, sectors);
    EXPECT_NEAR(result.bridging[1], 1.0, 1e-12);  // 1 of 1 pair; unknown members may carry paths
    EXPECT_NEAR(result.bridging[2], 0.0, 1e-12);  // 2 is an end of {0,2}; pairs with 3 do not count
    EXPECT_NEAR(result.bridging[0], 0.0, 1e-12);
    EXPECT_NEAR(result.bridging[3], 0.0, 1e-12);
    // Betweenness counts every pair: 2 carries (1,3), (0,3) both ways: 4 / 6.
    EXPECT_NEAR(result.betweenness[2], 4.0 / 6.0, 1e-12);
}

TEST(PathCentrality, BridgingWithSameSectorIntermediaries) {
    // Path 0(S0) – 1(S0) – 2(S1) – 3(S1). Cross pairs: {0,2}, {0,3}, {1,2}, {1,3}: 4.
    const TieGraph graph = graph_of(4, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}, {2, 3, 1.0, {}}});
    const std::vector<SectorIndex> sectors = {0, 0, 1, 1};
    const PathCentrality result = exact(graph, sectors);
    EXPECT_NEAR(result.bridging[1], 0.5, 1e-12);  // inside {0,2} and {0,3}: 2/4
    EXPECT_NEAR(result.bridging[2], 0.5, 1e-12);  // inside {0,3} and {1,3}: 2/4
    EXPECT_NEAR(result.bridging[0], 0.0, 1e-12);
    EXPECT_NEAR(result.bridging[3], 0.0, 1e-12);
}

TEST(PathCentrality, BridgingSharesEqualPathsAndIgnoresUnreachablePairs) {
    // 4-cycle 0(S0) – 1(S1) – 2(S0) – 3(unknown) – 0, plus an isolate 4(S1).
    // Cross pairs: {0,1}, {1,2}, {0,4}, {2,4}: P = 4 (the two with 4 are unreachable).
    const TieGraph graph = graph_of(5, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}, {2, 3, 1.0, {}}, {0, 3, 1.0, {}}});
    const std::vector<SectorIndex> sectors = {0, 1, 0, k_unknown, 1};
    const PathCentrality result = exact(graph, sectors);
    // Every cross pair is tied directly or unreachable: nobody lies between.
    for (std::size_t v = 0; v < 5; ++v) EXPECT_NEAR(result.bridging[v], 0.0, 1e-12);
    // Sectors 0:S0, 1:S1, 2:S2, 3:unknown, 4:S1. Cross pairs: {0,1}, {0,2}, {1,2}, {0,4},
    // {2,4}: P = 5 ({1,4} share S1). {0,2} has two shortest paths, via 1 and via 3, so each
    // carries half of it: 0.5/5 = 0.1.
    const std::vector<SectorIndex> three = {0, 1, 2, k_unknown, 1};
    const PathCentrality mixed = exact(graph, three);
    EXPECT_NEAR(mixed.bridging[1], 0.5 / 5.0, 1e-12);
    EXPECT_NEAR(mixed.bridging[3], 0.5 / 5.0, 1e-12);  // an unknown member carrying half a pair
    EXPECT_NEAR(mixed.bridging[0], 0.0, 1e-12);
}

TEST(PathCentrality, BridgingIsNotDefinedWithoutCrossSectorPairs) {
    const TieGraph graph = graph_of(3, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}});
    const std::vector<SectorIndex> one_sector = {0, 0, k_unknown};
    const PathCentrality result = exact(graph, one_sector);
    for (const double value : result.bridging) EXPECT_TRUE(std::isnan(value));
    EXPECT_NEAR(result.betweenness[1], 1.0, 1e-12);  // betweenness is unaffected
    const PathCentrality unknown = exact(graph);
    for (const double value : unknown.bridging) EXPECT_TRUE(std::isnan(value));
}

TEST(PathCentrality, RejectsSectorsOfTheWrongLength) {
    const TieGraph graph = graph_of(3, {{0, 1, 1.0, {}}});
    const std::vector<SectorIndex> sectors = {0, 1};
    EXPECT_THROW(path_centrality(graph, sectors, exact_options()), Error);
}

TEST(PathCentrality, DominatedTiesAreLeftOutAndNothingElse) {
    // Triangle with a weak tie 0–2 (length 10) beaten by 0–1–2 (length 2); and a tie 2–3
    // of length 2 exactly as long as 2–4–3 (lengths 1 + 1): kept, both paths count.
    const TieGraph graph = graph_of(
        5, {{0, 2, 0.1, {}}, {0, 1, 1.0, {}}, {1, 2, 1.0, {}}, {2, 3, 0.5, {}}, {2, 4, 1.0, {}}, {3, 4, 1.0, {}}});
    const auto arcs = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::dominated, 1);
    EXPECT_EQ(arcs.arc_count(), 2 * (graph.tie_count() - 1));
    for (const metrics::Arc& arc : arcs.arcs(0)) EXPECT_NE(arc.target, 2u);
    // d(0,3): 0–1–2 (2) then 2–3 (2) or 2–4–3 (2): σ = 2.
    metrics::ShortestPathSearch search(arcs);
    search.run(0);
    EXPECT_NEAR(search.distance(3), 4.0, 1e-12);
    EXPECT_EQ(search.paths(3), 2.0);
    EXPECT_EQ(search.order().size(), 5u);
    EXPECT_EQ(search.order()[0], 0u);
}

/// igraph_betweenness and igraph_closeness on lengths 1/w, converted to NetworkX's
/// normalisations, and Boost.Graph's Dijkstra distances for closeness and harmonic.
TEST(PathCentrality, AgreesWithIgraphAndBoostOnRandomGraphs) {
    Random random(20240611);
    const std::vector<std::vector<double>> weight_sets = {
        {},                     // generic weights: no ties in length
        {1.0},                  // unweighted: many equal paths
        {1.0, 2.0, 0.5, 0.25},  // lengths 1, 1/2, 2, 4: sums exact, equal paths common
    };
    for (int round = 0; round < 90; ++round) {
        const std::size_t n = 3 + random.below(30);
        const double p = 0.05 + 0.4 * random.uniform();
        const TieGraph graph = random_graph(random, n, p, weight_sets[round % weight_sets.size()]);
        const auto sectors = random_sectors(random, n, 3);
        const PathCentrality result = exact(graph, sectors);

        const testing::IgraphGraph igraph(graph);
        const std::vector<double> lengths = tie_lengths(graph);
        const graph::IgraphRealVector igraph_lengths(lengths);
        graph::IgraphRealVector betweenness;
        graph::check(igraph_betweenness(igraph.get(), betweenness.get(), igraph_vss_all(), false, igraph_lengths.get()),
                     "betweenness");
        graph::IgraphRealVector inverse_total;
        graph::IgraphIntVector reached;
        graph::check(igraph_closeness(igraph.get(), inverse_total.get(), reached.get(), nullptr, igraph_vss_all(),
                                      IGRAPH_ALL, igraph_lengths.get(), false),
                     "closeness");
        const std::vector<double> igraph_betweenness_values = betweenness.values();
        const std::vector<double> igraph_inverse_total = inverse_total.values();
        const std::vector<igraph_integer_t> igraph_reached = reached.values();

        const std::vector<std::vector<double>> boost_distance = testing::boost_distances(graph);
        const double dn = static_cast<double>(n);
        for (std::size_t u = 0; u < n; ++u) {
            // igraph counts each unordered pair once; NetworkX counts both orders, / ((n−1)(n−2)).
            const double expected_betweenness = 2.0 * igraph_betweenness_values[u] / ((dn - 1.0) * (dn - 2.0));
            expect_near_relative(result.betweenness[u], expected_betweenness, 1e-9, "betweenness", u);
            // igraph: 1/Σd over the members reached; NetworkX: (r−1)/Σd · (r−1)/(n−1), 0 when alone.
            const double r = static_cast<double>(igraph_reached[u]);
            const double expected_closeness = r > 0 ? igraph_inverse_total[u] * r * r / (dn - 1.0) : 0.0;
            expect_near_relative(result.closeness[u], expected_closeness, 1e-9, "closeness", u);

            const std::vector<double>& distance = boost_distance[u];
            double harmonic = 0.0;
            double total = 0.0;
            double others = 0.0;
            for (std::size_t v = 0; v < n; ++v) {
                if (v == u || std::isinf(distance[v])) continue;
                harmonic += 1.0 / distance[v];
                total += distance[v];
                others += 1.0;
            }
            expect_near_relative(result.harmonic[u], harmonic / (dn - 1.0), 1e-12, "harmonic", u);
            const double boost_closeness = total > 0.0 ? others / total * others / (dn - 1.0) : 0.0;
            expect_near_relative(result.closeness[u], boost_closeness, 1e-12, "closeness (Boost)", u);
        }
    }
}

/// Bridging = Σ over cross-sector pairs of σ_st(v)/σ_st, / pairs, recomputed pair by pair
/// from per-source shortest-path counts on the unpruned graph: σ_st(v) = σ_sv·σ_vt when
/// d(s,v) + d(v,t) = d(s,t).
TEST(PathCentrality, BridgingAgreesWithPairByPairCount) {
    Random random(77);
    for (int round = 0; round < 30; ++round) {
        const std::size_t n = 4 + random.below(16);
        const TieGraph graph =
            random_graph(random, n, 0.3, round % 2 == 0 ? std::vector<double>{} : std::vector<double>{1.0});
        const auto sectors = random_sectors(random, n, 3);
        const PathCentrality result = exact(graph, sectors);

        const auto arcs = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::none, 1);
        std::vector<std::vector<double>> distance(n, std::vector<double>(n));
        std::vector<std::vector<double>> paths(n, std::vector<double>(n));
        metrics::ShortestPathSearch search(arcs);
        for (MemberIndex s = 0; s < n; ++s) {
            search.run(s);
            for (MemberIndex t = 0; t < n; ++t) {
                distance[s][t] = std::numeric_limits<double>::infinity();
                paths[s][t] = 0.0;
            }
            for (const MemberIndex t : search.order()) {
                distance[s][t] = search.distance(t);
                paths[s][t] = search.paths(t);
            }
        }
        std::vector<double> expected(n, 0.0);
        double pairs = 0.0;
        for (MemberIndex s = 0; s < n; ++s) {
            for (MemberIndex t = s + 1; t < n; ++t) {
                if (sectors[s] == k_unknown || sectors[t] == k_unknown || sectors[s] == sectors[t]) continue;
                pairs += 1.0;
                if (paths[s][t] == 0.0) continue;
                for (MemberIndex v = 0; v < n; ++v) {
                    if (v == s || v == t || paths[s][v] == 0.0 || paths[v][t] == 0.0) continue;
                    if (metrics::compare_path_lengths(distance[s][v] + distance[v][t], distance[s][t]) != 0) continue;
                    expected[v] += paths[s][v] * paths[v][t] / paths[s][t];
                }
            }
        }
        for (std::size_t v = 0; v < n; ++v) {
            if (pairs == 0.0) {
                EXPECT_TRUE(std::isnan(result.bridging[v]));
            } else {
                expect_near_relative(result.bridging[v], expected[v] / pairs, 1e-9, "bridging", v);
            }
        }
    }
}

TEST(PathCentrality, PruningChangesNothing) {
    Random random(5);
    std::size_t all_arcs = 0;
    std::size_t pruned_arcs = 0;
    for (int round = 0; round < 40; ++round) {
        const std::size_t n = 5 + random.below(40);
        // Even rounds: weights spread over two orders of magnitude, as weak gathering ties and
        // strong small-setting ties are. Odd rounds: lengths 1 and 3 only, so that many
        // members are exactly as far as others and many paths exactly as long.
        std::vector<Tie> ties;
        for (MemberIndex a = 0; a < n; ++a) {
            for (MemberIndex b = a + 1; b < n; ++b) {
                if (!random.chance(0.6)) continue;
                const bool weak = random.chance(0.7);
                const double w =
                    round % 2 == 0 ? (weak ? 1.0 / 299.0 : 0.05 + random.uniform()) : (weak ? 1.0 / 3.0 : 1.0);
                ties.push_back({a, b, w, {}});
            }
        }
        const TieGraph graph = graph_of(n, std::move(ties));
        const auto sectors = random_sectors(random, n, 4);
        const auto all = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::none, 1);
        const auto pruned = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::dominated, 2);
        all_arcs += all.arc_count();
        pruned_arcs += pruned.arc_count();
        // Symmetric: v is among u's arcs exactly when u is among v's.
        for (MemberIndex u = 0; u < n; ++u) {
            for (const metrics::Arc& arc : pruned.arcs(u)) {
                bool back = false;
                for (const metrics::Arc& reverse : pruned.arcs(arc.target)) back = back || reverse.target == u;
                EXPECT_TRUE(back);
            }
        }
        const PathCentrality a = metrics::path_centrality_over(all, graph.tie_count(), sectors, exact_options());
        const PathCentrality b = metrics::path_centrality_over(pruned, graph.tie_count(), sectors, exact_options());
        // Members are settled by (distance, index) in both, and a left-out tie never joins
        // a shortest path: the results agree to the last bit.
        EXPECT_TRUE(same_bits(a.betweenness, b.betweenness)) << "round " << round;
        EXPECT_TRUE(same_bits(a.closeness, b.closeness)) << "round " << round;
        EXPECT_TRUE(same_bits(a.harmonic, b.harmonic)) << "round " << round;
        EXPECT_TRUE(same_bits(a.bridging, b.bridging)) << "round " << round;
    }
    EXPECT_LT(pruned_arcs, all_arcs / 2);  // the test is only worth something if ties go
}

TEST(PathCentrality, SearchesShowBeatenTiesThatCanBeLeftOut) {
    // Weak ties (length 60) among strong ones (lengths 1/3 to 20): most weak ties are beaten
    // only by paths of four or more ties, which build() does not look for.
    Random random(7);
    std::vector<Tie> ties;
    const std::size_t n = 200;
    for (MemberIndex a = 0; a < n; ++a) {
        for (MemberIndex b = a + 1; b < n; ++b) {
            if (random.chance(0.02))
                ties.push_back({a, b, 0.05 + 2.95 * random.uniform(), {}});
            else if (random.chance(0.03))
                ties.push_back({a, b, 1.0 / 60.0, {}});
        }
    }
    const TieGraph graph = graph_of(n, std::move(ties));
    metrics::ShortestPathGraph arcs = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::dominated, 1);
    ASSERT_TRUE(arcs.can_leave_out());
    const std::size_t before = arcs.arc_count();

    // The ties found from three sources are beaten: d(u, v) is below the beating limit of
    // their length, by Dijkstra's distances from u over every tie.
    std::vector<std::uint8_t> beaten(arcs.arc_count(), 0);
    metrics::ShortestPathSearch search(arcs);
    search.mark_beaten_arcs(beaten);
    for (const MemberIndex source : {0u, 1u, 2u}) search.run(source);
    const auto every_tie = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::none, 1);
    metrics::ShortestPathSearch check(every_tie);
    std::size_t marked = 0;
    for (MemberIndex u = 0; u < n; ++u) {
        const auto row = arcs.arcs(u);
        for (std::size_t a = 0; a < row.size(); ++a) {
            if (beaten[arcs.offsets()[u] + a] == 0) continue;
            ++marked;
            check.run(u);
            EXPECT_LT(check.distance(row[a].target), arcs.beating_limit(row[a].length)) << u << "-" << row[a].target;
        }
    }
    EXPECT_GT(marked, before / 10);  // three searches find many
    arcs.leave_out(beaten);
    EXPECT_LE(arcs.arc_count(), before - marked);  // both directions of each tie go
    for (MemberIndex u = 0; u < n; ++u) {
        for (const metrics::Arc& arc : arcs.arcs(u)) {
            const auto back = arcs.arcs(arc.target);
            EXPECT_TRUE(std::any_of(back.begin(), back.end(), [u](const metrics::Arc& r) { return r.target == u; }));
        }
    }
    // Every result is the same to the last bit as over every tie, in one round of searches
    // (the unpruned graph cannot leave ties out) and in rounds of them (the pruned one, with
    // 200 members: 7 blocks, rounds of 1, 4 and 2 blocks on one thread, 2 and 5 on two).
    const auto sectors = random_sectors(random, n, 4);
    const PathCentrality reference =
        metrics::path_centrality_over(every_tie, graph.tie_count(), sectors, exact_options());
    for (const unsigned threads : {1u, 2u}) {
        const auto pruned = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::dominated, threads);
        const PathCentrality rounds =
            metrics::path_centrality_over(pruned, graph.tie_count(), sectors, exact_options(threads));
        EXPECT_TRUE(same_bits(reference.betweenness, rounds.betweenness)) << threads;
        EXPECT_TRUE(same_bits(reference.closeness, rounds.closeness)) << threads;
        EXPECT_TRUE(same_bits(reference.harmonic, rounds.harmonic)) << threads;
        EXPECT_TRUE(same_bits(reference.bridging, rounds.bridging)) << threads;
    }
}

TEST(PathCentrality, BreadthFirstWhenEveryTieIsEquallyLongGivesDijkstrasResultsBitForBit) {
    // 200 members tied with one weight w (search breadth-first), plus a separate pair whose
    // tie has weight w or 2w: with 2w the lengths differ and Dijkstra's heap searches. The
    // pair is its own component, so the 200 members' results must agree to the last bit.
    for (const double w : {1.0, 1.0 / 3.0, 0.7}) {
        Random random(31);
        std::vector<Tie> ties;
        for (MemberIndex a = 0; a < 200; ++a) {
            for (MemberIndex b = a + 1; b < 200; ++b) {
                if (random.chance(0.03)) ties.push_back({a, b, w, {}});
            }
        }
        std::vector<Tie> with_other_length = ties;
        ties.push_back({200, 201, w, {}});
        with_other_length.push_back({200, 201, 2.0 * w, {}});
        const TieGraph breadth_first = graph_of(202, std::move(ties));
        const TieGraph dijkstra = graph_of(202, std::move(with_other_length));
        const auto sectors = random_sectors(random, 202, 3);
        for (const unsigned threads : {1u, 2u}) {
            const PathCentrality a = exact(breadth_first, sectors, threads);
            const PathCentrality b = exact(dijkstra, sectors, threads);
            const auto first = [](const MemberScores& scores) {
                return MemberScores(scores.begin(), scores.begin() + 200);
            };
            EXPECT_TRUE(same_bits(first(a.betweenness), first(b.betweenness))) << w;
            EXPECT_TRUE(same_bits(first(a.closeness), first(b.closeness))) << w;
            EXPECT_TRUE(same_bits(first(a.harmonic), first(b.harmonic))) << w;
            EXPECT_TRUE(same_bits(first(a.bridging), first(b.bridging))) << w;
            EXPECT_GT(*std::max_element(a.betweenness.begin(), a.betweenness.end()), 0.0);
        }
    }
    // The breadth-first search itself: levels by ascending member, distances k·w, σ counted.
    const TieGraph square = graph_of(4, {{0, 1, 0.5, {}}, {0, 2, 0.5, {}}, {1, 3, 0.5, {}}, {2, 3, 0.5, {}}});
    const auto arcs = metrics::ShortestPathGraph::build(square, metrics::TiePruning::dominated, 1);
    metrics::ShortestPathSearch search(arcs);
    search.run(3);
    EXPECT_EQ(std::vector<MemberIndex>(search.order().begin(), search.order().end()),
              (std::vector<MemberIndex>{3, 1, 2, 0}));
    EXPECT_EQ(search.distance(0), 4.0);
    EXPECT_EQ(search.paths(0), 2.0);
    EXPECT_EQ(search.predecessor_count(0), 2u);
}

TEST(PathCentrality, ThreadCountDoesNotChangeOneBit) {
    Random random(11);
    const TieGraph graph = random_graph(random, 300, 0.05, {});
    const auto sectors = random_sectors(random, 300, 4);
    for (const PathOptions::Mode mode : {PathOptions::Mode::exact, PathOptions::Mode::sampled}) {
        PathOptions options;
        options.mode = mode;
        options.samples = 90;
        options.threads = 1;
        const PathCentrality one = path_centrality(graph, sectors, options);
        options.threads = 3;
        const PathCentrality three = path_centrality(graph, sectors, options);
        EXPECT_TRUE(same_bits(one.betweenness, three.betweenness));
        EXPECT_TRUE(same_bits(one.closeness, three.closeness));
        EXPECT_TRUE(same_bits(one.harmonic, three.harmonic));
        EXPECT_TRUE(same_bits(one.bridging, three.bridging));
        EXPECT_EQ(one.method, three.method);
    }
}

TEST(PathCentrality, SampledWithEveryMemberIsExact) {
    Random random(12);
    const TieGraph graph = random_graph(random, 120, 0.08, {});
    const auto sectors = random_sectors(random, 120, 3);
    const PathCentrality reference = exact(graph, sectors, 2);
    PathOptions options;
    options.mode = PathOptions::Mode::sampled;
    options.samples = 500;  // clamped to n = 120
    options.threads = 2;
    const PathCentrality sampled = path_centrality(graph, sectors, options);
    EXPECT_TRUE(sampled.exact);
    EXPECT_EQ(sampled.sources, 120u);
    EXPECT_EQ(sampled.error_bound, 0.0);
    EXPECT_TRUE(same_bits(sampled.betweenness, reference.betweenness));
    EXPECT_TRUE(same_bits(sampled.closeness, reference.closeness));
    EXPECT_TRUE(same_bits(sampled.harmonic, reference.harmonic));
    EXPECT_TRUE(same_bits(sampled.bridging, reference.bridging));
    // The default sample of a small network is every member.
    options.samples = 0;
    EXPECT_TRUE(path_centrality(graph, sectors, options).exact);
    options.mode = PathOptions::Mode::automatic;
    EXPECT_TRUE(path_centrality(graph, sectors, options).exact);
}

TEST(PathCentrality, SampledEstimatesStayWithinTheStatedBound) {
    Random random(13);
    const std::size_t n = 400;
    const TieGraph graph = random_graph(random, n, 0.03, {});
    const auto sectors = random_sectors(random, n, 3);
    const PathCentrality reference = exact(graph, sectors, 2);
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        PathOptions options;
        options.mode = PathOptions::Mode::sampled;
        options.samples = 100;
        options.seed = seed;
        options.threads = 2;
        const PathCentrality sampled = path_centrality(graph, sectors, options);
        EXPECT_FALSE(sampled.exact);
        EXPECT_EQ(sampled.sources, 100u);
        EXPECT_EQ(sampled.confidence, 0.95);
        // (n/(n−1))·sqrt(ln(4n/0.05)/(2k)) with n = 400, k = 100.
        EXPECT_NEAR(sampled.error_bound, 400.0 / 399.0 * std::sqrt(std::log(1600.0 / 0.05) / 200.0), 1e-12);
        double betweenness_error = 0.0;
        double bridging_error = 0.0;
        double total = 0.0;
        double reference_total = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            betweenness_error =
                std::max(betweenness_error, std::abs(sampled.betweenness[v] - reference.betweenness[v]));
            bridging_error = std::max(bridging_error, std::abs(sampled.bridging[v] - reference.bridging[v]));
            total += sampled.betweenness[v];
            reference_total += reference.betweenness[v];
            EXPECT_GT(sampled.closeness[v], 0.0);
        }
        EXPECT_LE(betweenness_error, sampled.error_bound);
        EXPECT_LE(bridging_error, sampled.bridging_error_bound);
        // The bound is loose; the estimates are much better: the sum over members is within 25%.
        EXPECT_NEAR(total, reference_total, 0.25 * reference_total);
        EXPECT_NE(sampled.method.find("sampled"), std::string::npos);
    }
}

/// path_centrality_over 1,000 isolates in `mode`, as if their tie graph had `ties` ties: the
/// cost n·(n + m) is then 1000·(1000 + ties), and the searches take no time.
PathCentrality over_isolates(PathOptions::Mode mode, std::size_t ties, std::uint64_t cost_limit = 0) {
    const TieGraph graph = graph_of(1000, {});
    const auto arcs = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::none, 1);
    const auto sectors = no_sectors(1000);
    PathOptions options;
    options.mode = mode;
    options.threads = 1;
    options.cost_limit = cost_limit;
    return metrics::path_centrality_over(arcs, ties, sectors, options);
}

TEST(PathCentrality, AutomaticModeSamplesJustAboveTheExactCostLimit) {
    EXPECT_EQ(exact_path_cost_limit(), 100'000'000'000ULL);  // n·(n + m) = 1e11, as documented
    const auto run = [](std::size_t ties) { return over_isolates(PathOptions::Mode::automatic, ties); };
    // m = 99,999,000: exactly at the limit, exact.
    const PathCentrality at = run(99'999'000);
    EXPECT_TRUE(at.exact);
    EXPECT_EQ(at.sources, 1000u);
    EXPECT_EQ(at.error_bound, 0.0);
    // One tie more: sampled with k = ⌊1e10 / (1000 + m)⌋ = ⌊1e10 / 100,000,001⌋ = 99, raised
    // to the minimum of min(n, 100) = 100, and error_bound = (1000/999)·sqrt(ln(4000/0.05) / (2·100)).
    const PathCentrality above = run(99'999'001);
    EXPECT_FALSE(above.exact);
    EXPECT_EQ(above.sources, 100u);
    EXPECT_NEAR(above.error_bound, 1000.0 / 999.0 * std::sqrt(std::log(80000.0) / 200.0), 1e-12);
    // m = 1e10: k = ⌊1e10 / (1e10 + 1000)⌋ = 0, raised to the minimum of 100.
    EXPECT_EQ(run(10'000'000'000ULL).sources, 100u);
}

TEST(PathCentrality, ACostLimitOfItsOwnMovesTheAutomaticThresholdAndTheSample) {
    const auto run = [](std::size_t ties) {
        return over_isolates(PathOptions::Mode::automatic, ties, 1'000'000'000ULL);
    };
    // n·(n + m) = 1000·(1000 + 999,000) = 1e9: exactly at the limit, exact.
    EXPECT_TRUE(run(999'000).exact);
    // m = 1,999,000: cost 2e9, sampled with k = ⌊1e9 / 2,000,000⌋ = 500.
    const PathCentrality above = run(1'999'000);
    EXPECT_FALSE(above.exact);
    EXPECT_EQ(above.sources, 500u);
}

TEST(PathCentrality, DefaultSampleKeepsTheSampledCost) {
    EXPECT_EQ(sampled_path_cost(), 10'000'000'000ULL);  // k·(n + m) = 1e10, as documented
    const auto run = [](std::size_t ties) { return over_isolates(PathOptions::Mode::sampled, ties); };
    // k = ⌊1e10 / (1000 + m)⌋: m = 19,999,000 gives 500; m = 49,999,000 gives 200.
    EXPECT_EQ(run(19'999'000).sources, 500u);
    EXPECT_EQ(run(49'999'000).sources, 200u);
    // m = 9,999,000: k = 1,000 = n, the exact computation.
    const PathCentrality all = run(9'999'000);
    EXPECT_EQ(all.sources, 1000u);
    EXPECT_TRUE(all.exact);
}

}  // namespace
}  // namespace bridgemap
