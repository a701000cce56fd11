#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/random.hpp>

#include "graph/boost_graph.hpp"

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>

#include <gtest/gtest.h>

#include <set>

namespace bridgemap {
namespace {

TEST(Connectivity, ComponentsBySizeAndArticulationPoints) {
    // a–b–c, an isolate d, and e–f.
    const Connectivity parts = connectivity(TieGraph::from_ties(6, {{0, 1, 1, {}}, {1, 2, 1, {}}, {4, 5, 1, {}}}));
    EXPECT_EQ(parts.sizes, (std::vector<std::size_t>{3, 2, 1}));
    EXPECT_EQ(parts.component, (std::vector<std::uint32_t>{0, 0, 0, 2, 1, 1}));
    EXPECT_EQ(parts.articulation_point, (std::vector<std::uint8_t>{0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(parts.articulation_points, 1u);
    EXPECT_EQ(parts.largest_component(), 3u);
    EXPECT_EQ(connectivity(TieGraph::from_ties(0, {})).components(), 0u);
}

TEST(Connectivity, AgreesWithBoostGraph) {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        Random random(seed);
        const std::size_t n = 10 + random.below(40);
        std::vector<Tie> ties;
        for (MemberIndex a = 0; a < n; ++a) {
            for (MemberIndex b = a + 1; b < n; ++b) {
                if (random.chance(1.5 / static_cast<double>(n))) ties.push_back({a, b, 1.0, {}});
            }
        }
        const TieGraph graph = TieGraph::from_ties(n, ties);
        const Connectivity parts = connectivity(graph);
        const graph::BoostGraph boost_graph = graph::to_boost_graph(graph);
        std::vector<int> boost_component(n);
        const int boost_count = boost::connected_components(boost_graph, boost_component.data());
        EXPECT_EQ(parts.components(), static_cast<std::size_t>(boost_count)) << "seed " << seed;
        for (MemberIndex a = 0; a < n; ++a) {
            for (MemberIndex b = 0; b < n; ++b) {
                ASSERT_EQ(parts.component[a] == parts.component[b], boost_component[a] == boost_component[b]);
            }
        }
        std::vector<std::size_t> points;
        boost::articulation_points(boost_graph, std::back_inserter(points));
        std::set<std::size_t> expected(points.begin(), points.end());
        std::set<std::size_t> found;
        for (std::size_t i = 0; i < n; ++i) {
            if (parts.articulation_point[i]) found.insert(i);
        }
        EXPECT_EQ(found, expected) << "seed " << seed;
    }
}

}  // namespace
}  // namespace bridgemap
