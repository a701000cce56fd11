#pragma once
// Where each tie sits in the network: how embedded it is, and whether it is a local bridge.
// Bridges proper (ties whose removal splits a component) come from connectivity().

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <vector>

namespace bridgemap {

/// By tie index.
struct TieStructure {
    std::vector<std::uint32_t> embeddedness;  ///< Common neighbours n_ij.
    std::vector<double> overlap;              ///< Onnela et al. 2007, doi:10.1073/pnas.0610245104.
    std::vector<std::uint8_t> local_bridge;   ///< 1 when n_ij = 0.
    std::vector<std::int32_t> span;           ///< Hops between the ends once the tie is removed; −1 when none.
};

/// - embeddedness: the number of members tied to both ends (from the triangles, listed
///   once each by the forward algorithm with a degree order).
/// - overlap = n_ij / ((k_i − 1) + (k_j − 1) − n_ij), 0 when the denominator is 0.
/// - local_bridge: no common neighbour (NetworkX local_bridges).
/// - span: the hop distance between the ends with the tie removed: 2 when they have a
///   common neighbour, else found by a bidirectional breadth-first search that grows the
///   side with fewer ties to follow; −1 when the tie is a bridge (NetworkX
///   local_bridges(with_span=True) gives inf).
/// Time O(ties^1.5) for the triangles plus, for each local bridge, the neighbourhoods
/// searched, in parallel; memory 8 bytes per tie plus 4 bytes per tie per thread (fewer
/// threads count triangles when that would pass about 1 GB) and 8 bytes per member per
/// thread. An empty graph gives empty vectors.
TieStructure tie_structure(const TieGraph& graph, const ParallelOptions& options);

}  // namespace bridgemap
