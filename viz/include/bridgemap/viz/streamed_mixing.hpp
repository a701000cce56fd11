#pragma once
// The sector mixing matrix of a network counted while the ties are projected, without
// keeping the tie graph: what the summary map needs of a network too large to hold its ties
// (100,000 members tied through shared events have about 13 million ties, 1 GB as a
// TieGraph).

#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>

namespace bridgemap::viz {

/// The same figures as sector_mixing(project_ties(network, ties), sectors) for `members`,
/// `unknown_members`, `known_ties`, `external_ties`, `internal_ties`, `ei_index`,
/// `expected_ei_index` and `pairs` (observed, expected K_a·K_b/(2m) or K_a²/(4m), ratio),
/// equal to the last bit: each pair's weight is summed as project_ties sums it (SPEC §2,
/// with ties.weights, ties.min_weight and ties.max_setting_size). `assortativity` is left
/// NaN and `reach` empty: they need the tie graph.
///
/// Time O(Σ_s n_s² + ties) over settings s, like project_ties, on ties.threads threads (0:
/// every core); memory O(members · threads + attendance), not O(ties). The result does not
/// depend on the thread count. An empty network gives zero counts and no pairs. Throws
/// bridgemap::Error when `sectors` does not have one entry per member.
SectorMixing streamed_sector_mixing(const Network& network, const Sectors& sectors, const TieOptions& ties);

}  // namespace bridgemap::viz
