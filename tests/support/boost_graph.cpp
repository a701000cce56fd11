#include "support/boost_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include <iterator>
#include <limits>

namespace bridgemap::testing {
namespace {

/// Vertex i is member i; edge k is tie k, with its length 1/w and its index k.
using EdgeProperties = boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, std::size_t>>;
using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeProperties>;

BoostGraph to_boost_graph(const TieGraph& ties) {
    BoostGraph graph(ties.member_count());
    for (std::size_t k = 0; k < ties.tie_count(); ++k) {
        const Tie& tie = ties.tie(static_cast<TieIndex>(k));
        boost::add_edge(tie.source, tie.target, EdgeProperties(1.0 / tie.weight, k), graph);
    }
    return graph;
}

}  // namespace

BoostComponents boost_components(const TieGraph& graph) {
    const BoostGraph copy = to_boost_graph(graph);
    BoostComponents result;
    result.component.assign(graph.member_count(), 0);
    result.count = static_cast<std::size_t>(boost::connected_components(copy, result.component.data()));
    return result;
}

std::vector<std::uint8_t> boost_articulation_points(const TieGraph& graph) {
    const BoostGraph copy = to_boost_graph(graph);
    std::vector<std::size_t> points;
    boost::articulation_points(copy, std::back_inserter(points));
    std::vector<std::uint8_t> result(graph.member_count(), 0);
    for (const std::size_t v : points) result[v] = 1;
    return result;
}

std::vector<std::uint8_t> boost_bridges(const TieGraph& graph) {
    const BoostGraph copy = to_boost_graph(graph);
    const std::size_t m = graph.tie_count();
    std::vector<std::size_t> component_of(m, 0);
    const auto components =
        boost::make_iterator_property_map(component_of.begin(), boost::get(boost::edge_index, copy));
    const std::size_t count = boost::biconnected_components(copy, components);
    std::vector<std::size_t> size(count, 0);
    for (const std::size_t c : component_of) ++size[c];
    std::vector<std::uint8_t> result(m, 0);
    for (std::size_t k = 0; k < m; ++k) result[k] = size[component_of[k]] == 1 ? 1 : 0;
    return result;
}

std::vector<std::vector<double>> boost_distances(const TieGraph& graph) {
    const BoostGraph copy = to_boost_graph(graph);
    const std::size_t n = graph.member_count();
    std::vector<std::vector<double>> distance(n, std::vector<double>(n));
    for (std::size_t s = 0; s < n; ++s) {
        boost::dijkstra_shortest_paths(copy, s, boost::distance_map(distance[s].data()));
        // Boost marks the unreached with the largest double.
        for (double& d : distance[s]) {
            if (d == std::numeric_limits<double>::max()) d = std::numeric_limits<double>::infinity();
        }
    }
    return distance;
}

}  // namespace bridgemap::testing
