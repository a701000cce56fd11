#include <bridgemap/metrics/connectivity.hpp>

#include "graph/igraph_handle.hpp"

#include <algorithm>
#include <numeric>

namespace bridgemap {
namespace {

/// For every member, the members separated from the largest remaining piece of its
/// component when it is removed (iterative DFS with low points).
std::vector<std::uint32_t> cut_off_counts(const TieGraph& graph, const Connectivity& parts) {
    const std::size_t n = graph.member_count();
    std::vector<std::uint32_t> cut(n, 0);
    std::vector<std::uint32_t> depth(n, 0);
    std::vector<std::uint32_t> low(n, 0);
    std::vector<std::uint32_t> subtree(n, 1);
    std::vector<std::uint8_t> seen(n, 0);
    // Pieces split off by each member: their sizes, to find the largest remaining piece.
    std::vector<std::vector<std::uint32_t>> pieces(n);
    struct Frame {
        MemberIndex member;
        MemberIndex parent;
        std::size_t next;
    };
    std::vector<Frame> stack;
    for (MemberIndex root = 0; root < n; ++root) {
        if (seen[root]) continue;
        seen[root] = 1;
        depth[root] = low[root] = 1;
        stack.push_back({root, k_none, 0});
        while (!stack.empty()) {
            Frame& frame = stack.back();
            const auto neighbours = graph.neighbours(frame.member);
            if (frame.next < neighbours.size()) {
                const MemberIndex next = neighbours[frame.next++];
                if (next == frame.parent) continue;
                if (seen[next]) {
                    low[frame.member] = std::min(low[frame.member], depth[next]);
                } else {
                    seen[next] = 1;
                    depth[next] = low[next] = depth[frame.member] + 1;
                    stack.push_back({next, frame.member, 0});
                }
                continue;
            }
            const MemberIndex done = frame.member;
            const MemberIndex parent = frame.parent;
            stack.pop_back();
            if (parent == k_none) continue;
            subtree[parent] += subtree[done];
            low[parent] = std::min(low[parent], low[done]);
            if (low[done] >= depth[parent]) pieces[parent].push_back(subtree[done]);
        }
    }
    for (MemberIndex v = 0; v < n; ++v) {
        if (!parts.articulation_point[v] || pieces[v].empty()) continue;
        // The pieces left when v goes: the split-off subtrees, and the rest of the component.
        const auto component_size = static_cast<std::uint32_t>(parts.sizes[parts.component[v]]);
        std::uint32_t split = 0;
        std::uint32_t largest = 0;
        for (const auto size : pieces[v]) {
            split += size;
            largest = std::max(largest, size);
        }
        const std::uint32_t rest = component_size - 1 - split;
        largest = std::max(largest, rest);
        cut[v] = component_size - 1 - largest;
    }
    return cut;
}

}  // namespace

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
    result.would_cut_off = cut_off_counts(graph, result);
    return result;
}

}  // namespace bridgemap
