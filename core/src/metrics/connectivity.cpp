#include <bridgemap/metrics/connectivity.hpp>

#include <algorithm>
#include <numeric>

namespace bridgemap {

Connectivity connectivity(const TieGraph& graph) {
    const std::size_t n = graph.member_count();
    Connectivity result;
    result.articulation_point.assign(n, 0);
    if (n == 0) return result;

    // One iterative depth-first search with low points (Hopcroft–Tarjan). When the search
    // leaves child c of v with low(c) ≥ depth(v), c's subtree is a piece split off by v;
    // with low(c) > depth(v) nothing in it reaches back past c, and the tie v–c is a bridge.
    std::vector<std::uint32_t> found_in(n, 0);  // component in order of discovery
    std::vector<std::uint32_t> depth(n, 0);     // 0: not reached yet
    std::vector<std::uint32_t> low(n, 0);
    std::vector<std::uint32_t> subtree(n, 1);
    std::vector<std::uint32_t> pieces(n, 0);         // pieces split off by each member
    std::vector<std::uint32_t> split(n, 0);          // members in those pieces
    std::vector<std::uint32_t> largest_piece(n, 0);  // the largest of them
    std::vector<std::size_t> discovered_sizes;
    result.bridge.assign(graph.tie_count(), 0);
    struct Frame {
        MemberIndex member;
        MemberIndex parent;
        TieIndex via;  // the tie from parent
        std::size_t next;
    };
    std::vector<Frame> stack;
    for (MemberIndex root = 0; root < n; ++root) {
        if (depth[root] != 0) continue;
        // Roots are taken in ascending order, so components are discovered in order of their
        // smallest member.
        const auto id = static_cast<std::uint32_t>(discovered_sizes.size());
        std::size_t size = 1;
        found_in[root] = id;
        depth[root] = low[root] = 1;
        stack.push_back({root, k_none, 0, 0});
        while (!stack.empty()) {
            Frame& frame = stack.back();
            const auto neighbours = graph.neighbours(frame.member);
            if (frame.next < neighbours.size()) {
                const MemberIndex next = neighbours[frame.next++];
                if (next == frame.parent) continue;
                if (depth[next] != 0) {
                    low[frame.member] = std::min(low[frame.member], depth[next]);
                } else {
                    found_in[next] = id;
                    ++size;
                    depth[next] = low[next] = depth[frame.member] + 1;
                    stack.push_back({next, frame.member, graph.tie_indices(frame.member)[frame.next - 1], 0});
                }
                continue;
            }
            const MemberIndex done = frame.member;
            const MemberIndex parent = frame.parent;
            const TieIndex via = frame.via;
            stack.pop_back();
            if (parent == k_none) continue;
            subtree[parent] += subtree[done];
            low[parent] = std::min(low[parent], low[done]);
            if (low[done] >= depth[parent]) {
                ++pieces[parent];
                split[parent] += subtree[done];
                largest_piece[parent] = std::max(largest_piece[parent], subtree[done]);
            }
            if (low[done] > depth[parent]) {
                result.bridge[via] = 1;
                ++result.bridges;
            }
        }
        // Every child of a root is a piece of its own; the root is a cut point only when it
        // has two or more.
        if (pieces[root] < 2) pieces[root] = 0;
        discovered_sizes.push_back(size);
    }

    // Renumber by decreasing size, ties by the smallest member (a stable sort of the
    // discovery order).
    std::vector<std::uint32_t> order(discovered_sizes.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return discovered_sizes[a] > discovered_sizes[b]; });
    std::vector<std::uint32_t> renumbered(order.size());
    result.sizes.resize(order.size());
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
        renumbered[order[rank]] = rank;
        result.sizes[rank] = discovered_sizes[order[rank]];
    }
    result.component.resize(n);
    result.would_cut_off.assign(n, 0);
    for (MemberIndex v = 0; v < n; ++v) {
        result.component[v] = renumbered[found_in[v]];
        if (pieces[v] == 0) continue;
        result.articulation_point[v] = 1;
        ++result.articulation_points;
        // The pieces left when v goes: the split-off subtrees, and the rest of the component.
        const auto component_size = static_cast<std::uint32_t>(discovered_sizes[found_in[v]]);
        const std::uint32_t rest = component_size - 1 - split[v];
        result.would_cut_off[v] = component_size - 1 - std::max(largest_piece[v], rest);
    }
    return result;
}

}  // namespace bridgemap
