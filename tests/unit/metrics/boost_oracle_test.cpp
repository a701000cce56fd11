// Boost.Graph as an independent oracle for what bridgemap computes itself: components,
// articulation points, bridges, and shortest-path distances on lengths 1/w (and the
// closeness and harmonic closeness built from them), on the bundled example, generated
// networks and hand-built edge cases.

#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/metrics/path_centrality.hpp>
#include <bridgemap/ties/projection.hpp>

#include "metrics/dijkstra.hpp"
#include "metrics/shortest_path_graph.hpp"
#include "support/boost_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

namespace bridgemap {
namespace {

/// Connectivity's numbering from Boost's components: by decreasing size, ties broken by the
/// smallest member index.
std::vector<std::uint32_t> numbered_by_size(const testing::BoostComponents& boost_parts) {
    const std::size_t n = boost_parts.component.size();
    std::vector<std::size_t> size(boost_parts.count, 0);
    std::vector<std::size_t> smallest(boost_parts.count, n);
    for (std::size_t v = 0; v < n; ++v) {
        const auto c = static_cast<std::size_t>(boost_parts.component[v]);
        ++size[c];
        smallest[c] = std::min(smallest[c], v);
    }
    std::vector<std::size_t> order(boost_parts.count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size[a] != size[b] ? size[a] > size[b] : smallest[a] < smallest[b];
    });
    std::vector<std::uint32_t> rank(boost_parts.count);
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
    std::vector<std::uint32_t> numbered(n);
    for (std::size_t v = 0; v < n; ++v) numbered[v] = rank[static_cast<std::size_t>(boost_parts.component[v])];
    return numbered;
}

/// What the oracle found, summed over the graphs of a test, so that a test over graphs
/// without any bridge or cut vertex cannot pass unnoticed.
struct Seen {
    std::size_t components = 0;
    std::size_t articulation_points = 0;
    std::size_t bridges = 0;
    std::size_t unreachable_pairs = 0;
};

/// The graphs of a test held more than `components` components, some cut vertices, some
/// bridges and some pairs that cannot reach each other.
void expect_saw_every_case(const Seen& seen, std::size_t components) {
    EXPECT_GT(seen.components, components);
    EXPECT_GT(seen.articulation_points, 0u);
    EXPECT_GT(seen.bridges, 0u);
    EXPECT_GT(seen.unreachable_pairs, 0u);
}

/// Compares connectivity() and the shortest-path distances and closeness bridgemap's path
/// metrics use with Boost.Graph's on `graph`; `name` labels failures.
void expect_agrees_with_boost(const TieGraph& graph, const std::string& name, Seen& seen) {
    const std::size_t n = graph.member_count();
    const Connectivity parts = connectivity(graph);

    const testing::BoostComponents boost_parts = testing::boost_components(graph);
    EXPECT_EQ(parts.components(), boost_parts.count) << name;
    EXPECT_EQ(parts.component, numbered_by_size(boost_parts)) << name;
    std::vector<std::size_t> sizes(boost_parts.count, 0);
    for (const int c : boost_parts.component) ++sizes[static_cast<std::size_t>(c)];
    std::sort(sizes.begin(), sizes.end(), std::greater<>());
    EXPECT_EQ(parts.sizes, sizes) << name;

    const std::vector<std::uint8_t> points = testing::boost_articulation_points(graph);
    EXPECT_EQ(parts.articulation_point, points) << name;
    EXPECT_EQ(parts.articulation_points, static_cast<std::size_t>(std::count(points.begin(), points.end(), 1))) << name;

    const std::vector<std::uint8_t> bridges = testing::boost_bridges(graph);
    EXPECT_EQ(parts.bridge, bridges) << name;
    EXPECT_EQ(parts.bridges, static_cast<std::size_t>(std::count(bridges.begin(), bridges.end(), 1))) << name;

    seen.components += boost_parts.count;
    seen.articulation_points += parts.articulation_points;
    seen.bridges += parts.bridges;

    // Distances as the path metrics see them: the arcs of lengths 1/w with dominated ties
    // left out, searched by ShortestPathSearch; and the closeness and harmonic built from them.
    const auto arcs = metrics::ShortestPathGraph::build(graph, metrics::TiePruning::dominated, 2);
    metrics::ShortestPathSearch search(arcs);
    const std::vector<std::vector<double>> boost_distance = testing::boost_distances(graph);
    PathOptions options;
    options.mode = PathOptions::Mode::exact;
    options.threads = 2;
    const PathCentrality centrality = path_centrality(graph, std::vector<SectorIndex>(n, k_unknown_sector), options);
    const double others_in_network = n > 1 ? static_cast<double>(n - 1) : 1.0;
    for (MemberIndex s = 0; s < n; ++s) {
        const std::vector<double>& expected = boost_distance[s];
        search.run(s);
        std::size_t reached = 0;
        double total = 0.0;
        double harmonic = 0.0;
        for (MemberIndex v = 0; v < n; ++v) {
            if (std::isinf(expected[v])) {
                ASSERT_TRUE(std::isinf(search.distance(v))) << name << ": " << s << " reaches " << v;
                ++seen.unreachable_pairs;
                continue;
            }
            ASSERT_NEAR(search.distance(v), expected[v], 1e-9) << name << ": d(" << s << ", " << v << ")";
            ++reached;
            if (v == s) continue;
            total += expected[v];
            harmonic += 1.0 / expected[v];
        }
        EXPECT_EQ(search.order().size(), reached) << name << ": from " << s;
        // closeness = ((r−1)/(n−1))·((r−1)/Σd), 0 when alone; harmonic = Σ 1/d / (n−1).
        const double others = static_cast<double>(reached - 1);
        const double closeness = total > 0.0 ? others / others_in_network * (others / total) : 0.0;
        EXPECT_NEAR(centrality.closeness[s], closeness, 1e-9) << name << ": closeness of " << s;
        EXPECT_NEAR(centrality.harmonic[s], n > 1 ? harmonic / others_in_network : 0.0, 1e-9)
            << name << ": harmonic of " << s;
    }
}

TieGraph tie_graph_of(std::size_t members, std::vector<Tie> ties) {
    return TieGraph::from_ties(members, std::move(ties));
}

TEST(BoostOracle, BundledExample) {
    const auto read = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    ASSERT_FALSE(read.diagnostics.has_errors());
    Seen seen;
    // The default tie model: one component, no bridge and no cut vertex (as NetworkX finds).
    expect_agrees_with_boost(project_ties(read.network, TieOptions{}), "example", seen);
    EXPECT_EQ(seen.components, 1u);
    EXPECT_EQ(seen.bridges, 0u);
    // Only the stronger ties: a sparser graph that falls apart, with bridges and cut vertices.
    for (const double min_weight : {0.25, 0.5, 1.0}) {
        TieOptions ties;
        ties.min_weight = min_weight;
        expect_agrees_with_boost(project_ties(read.network, ties), "example, min weight " + std::to_string(min_weight),
                                 seen);
    }
    expect_saw_every_case(seen, 4);
}

TEST(BoostOracle, GeneratedNetworks) {
    Seen seen;
    for (const auto& [members, seed] :
         std::vector<std::pair<std::size_t, std::uint64_t>>{{60, 3}, {150, 11}, {400, 7}}) {
        generate::GeneratorOptions generator;
        generator.members = members;
        generator.seed = seed;
        generator.years = 2;
        const Network network = generate::generate_network(generator);
        const std::string name = std::to_string(members) + " members, seed " + std::to_string(seed);
        expect_agrees_with_boost(project_ties(network, TieOptions{}), name, seen);
        TieOptions strong;
        strong.min_weight = 0.5;
        expect_agrees_with_boost(project_ties(network, strong), name + ", min weight 0.5", seen);
    }
    expect_saw_every_case(seen, 6);
}

TEST(BoostOracle, EmptyGraphAndIsolates) {
    Seen seen;
    expect_agrees_with_boost(tie_graph_of(0, {}), "empty", seen);
    EXPECT_EQ(seen.components, 0u);
    // Five isolates: five components of one, numbered by index; nobody reaches anybody.
    expect_agrees_with_boost(tie_graph_of(5, {}), "isolates", seen);
    EXPECT_EQ(seen.components, 5u);
    EXPECT_EQ(connectivity(tie_graph_of(5, {})).component, (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(seen.unreachable_pairs, 5u * 4u);
}

TEST(BoostOracle, WeightedPath) {
    // 0 –(w 1)– 1 –(w 2)– 2 –(w 0.5)– 3 –(w 4)– 4, plus an isolate 5. Lengths 1, 0.5, 2, 0.25:
    // d(0,4) = 3.75. Every tie is a bridge; 1, 2 and 3 are cut vertices.
    const TieGraph graph = tie_graph_of(6, {{0, 1, 1.0, {}}, {1, 2, 2.0, {}}, {2, 3, 0.5, {}}, {3, 4, 4.0, {}}});
    Seen seen;
    expect_agrees_with_boost(graph, "path", seen);
    EXPECT_EQ(seen.components, 2u);
    EXPECT_EQ(seen.bridges, 4u);
    EXPECT_EQ(seen.articulation_points, 3u);
    EXPECT_NEAR(testing::boost_distances(graph)[0][4], 3.75, 1e-15);
}

TEST(BoostOracle, TwoTrianglesJoinedByABridge) {
    // Triangles 0-1-2 and 3-4-5 (weight 1), joined by the tie 2–3 of weight 0.5 (length 2):
    // that tie is the only bridge, 2 and 3 the only cut vertices, d(0,5) = 1 + 2 + 1 = 4.
    std::vector<Tie> ties;
    for (const MemberIndex first : {0u, 3u}) {
        ties.push_back({first, first + 1, 1.0, {}});
        ties.push_back({first, first + 2, 1.0, {}});
        ties.push_back({first + 1, first + 2, 1.0, {}});
    }
    ties.push_back({2, 3, 0.5, {}});
    const TieGraph graph = tie_graph_of(6, std::move(ties));
    Seen seen;
    expect_agrees_with_boost(graph, "two triangles", seen);
    const Connectivity parts = connectivity(graph);
    std::vector<std::uint8_t> bridge(graph.tie_count(), 0);
    bridge[graph.find_tie(2, 3)] = 1;
    EXPECT_EQ(parts.bridge, bridge);
    EXPECT_EQ(parts.articulation_point, (std::vector<std::uint8_t>{0, 0, 1, 1, 0, 0}));
    EXPECT_NEAR(testing::boost_distances(graph)[0][5], 4.0, 1e-15);
}

}  // namespace
}  // namespace bridgemap
