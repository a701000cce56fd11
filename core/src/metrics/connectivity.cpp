#include <bridgemap/metrics/connectivity.hpp>

#include "graph/igraph_handle.hpp"

#include <algorithm>
#include <numeric>

namespace bridgemap {

Connectivity connectivity(const TieGraph& graph) {
    const std::size_t n = graph.member_count();
    Connectivity result;
    result.articulation_point.assign(n, 0);
    if (n == 0) return result;
    const graph::IgraphGraph igraph(graph);

    graph::IgraphIntVector membership;
    graph::IgraphIntVector sizes;
    igraph_integer_t count = 0;
    graph::check(igraph_connected_components(igraph.get(), membership.get(), sizes.get(), &count, IGRAPH_WEAK),
                 "finding components");
    const auto raw = membership.values();
    const auto raw_sizes = sizes.values();
    // Renumber by decreasing size, then by the smallest member (igraph numbers components in
    // order of their smallest member, so a stable sort by size does both).
    std::vector<std::size_t> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return raw_sizes[a] > raw_sizes[b]; });
    std::vector<std::uint32_t> renumbered(order.size());
    for (std::size_t rank = 0; rank < order.size(); ++rank) renumbered[order[rank]] = static_cast<std::uint32_t>(rank);
    result.component.resize(n);
    for (std::size_t i = 0; i < n; ++i) result.component[i] = renumbered[static_cast<std::size_t>(raw[i])];
    result.sizes.resize(order.size());
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        result.sizes[rank] = static_cast<std::size_t>(raw_sizes[order[rank]]);
    }

    graph::IgraphIntVector points;
    graph::check(igraph_articulation_points(igraph.get(), points.get()), "finding articulation points");
    for (const auto point : points.values()) result.articulation_point[static_cast<std::size_t>(point)] = 1;
    result.articulation_points = static_cast<std::size_t>(igraph_vector_int_size(points.get()));
    return result;
}

}  // namespace bridgemap
