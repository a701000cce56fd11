#pragma once
// Whether the network holds together: components, and the members whose absence would
// split a component (articulation points).

#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <vector>

namespace bridgemap {

struct Connectivity {
    /// Component of each member, 0-based, numbered by decreasing size (ties broken by the
    /// smallest member index). An isolate is a component of its own.
    std::vector<std::uint32_t> component;
    std::vector<std::size_t> sizes;  ///< sizes[c] = members of component c.
    /// 1 when removing the member disconnects its component (Hopcroft–Tarjan).
    std::vector<std::uint8_t> articulation_point;
    std::size_t articulation_points = 0;
    /// For each member, how many others would lose every path to the largest remaining
    /// part of their component if the member left: 0 unless an articulation point.
    std::vector<std::uint32_t> would_cut_off;
    /// By tie index: 1 when removing the tie disconnects its component (a cut edge).
    std::vector<std::uint8_t> bridge;
    std::size_t bridges = 0;

    [[nodiscard]] std::size_t components() const noexcept { return sizes.size(); }
    [[nodiscard]] std::size_t largest_component() const noexcept { return sizes.empty() ? 0 : sizes[0]; }
};

/// Components, articulation points, would_cut_off and bridges from one iterative depth-first
/// search (Hopcroft–Tarjan low points): removing v splits off each child subtree c with
/// low(c) ≥ depth(v) (a root, every child subtree, and it is a cut point when it has two or
/// more), and the part that stays is the largest of the pieces; the tie v–c is a bridge when
/// low(c) > depth(v) (Tarjan 1974). O(n + m), on the tie graph's own arrays. An empty graph
/// has none.
Connectivity connectivity(const TieGraph& graph);

}  // namespace bridgemap
