#pragma once
// Private: path_centrality over a ShortestPathGraph built beforehand. path_centrality()
// builds it with dominated ties left out; tests build it with every tie to check that
// leaving them out changes nothing.

#include <bridgemap/metrics/path_centrality.hpp>

#include "metrics/shortest_path_graph.hpp"

#include <cstddef>
#include <span>

namespace bridgemap::metrics {

/// path_centrality() over `arcs`; `tie_count` is the number of ties of the tie graph the
/// arcs come from (it sets the cost n·(n + m) that automatic mode and the default sample
/// size go by).
PathCentrality path_centrality_over(ShortestPathGraph arcs, std::size_t tie_count, std::span<const SectorIndex> sectors,
                                    const PathOptions& options);

}  // namespace bridgemap::metrics
