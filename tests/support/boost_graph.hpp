#pragma once
// For tests only: Boost.Graph as an independent oracle for what bridgemap computes itself
// (components, articulation points, bridges, shortest-path distances). The Boost types stay
// in boost_graph.cpp; these functions take the tie graph and answer in plain vectors.

#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <vector>

namespace bridgemap::testing {

/// Boost's connected_components: the component of each member in Boost's own numbering
/// (0 .. count − 1), and how many there are. An isolate is a component of its own.
struct BoostComponents {
    std::vector<int> component;
    std::size_t count = 0;
};
BoostComponents boost_components(const TieGraph& graph);

/// 1 for each member Boost's articulation_points names (a cut vertex), else 0.
std::vector<std::uint8_t> boost_articulation_points(const TieGraph& graph);

/// 1 for each tie, by tie index, that is a biconnected component of its own in Boost's
/// biconnected_components (a bridge), else 0.
std::vector<std::uint8_t> boost_bridges(const TieGraph& graph);

/// Boost's dijkstra_shortest_paths from every member, on lengths 1/w as bridgemap's path
/// metrics measure a tie of weight w: d[s][v], +infinity where v cannot be reached from s.
/// O(n·(m + n) log n) time, O(n²) memory: for test-sized graphs.
std::vector<std::vector<double>> boost_distances(const TieGraph& graph);

}  // namespace bridgemap::testing
