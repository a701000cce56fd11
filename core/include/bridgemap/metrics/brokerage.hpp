#pragma once
// Gould–Fernandez brokerage roles with sectors as the groups (Gould & Fernandez 1989,
// doi:10.2307/270949), on the undirected tie graph.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap {

/// Counts by member index.
struct BrokerageRoles {
    std::vector<std::uint64_t> coordinator;     ///< a, i, b all in one sector.
    std::vector<std::uint64_t> consultant;      ///< a and b share a sector that i is not in.
    std::vector<std::uint64_t> representative;  ///< i shares a sector with exactly one of a, b.
    std::vector<std::uint64_t> liaison;         ///< a, i and b in three different sectors.
};

/// For every member i, counts each open triad a–i–b (a and b both tied to i, not to each
/// other, counted once per unordered pair) by the sectors of a, i and b. Triads with a
/// member of unknown sector are not counted, so the four counts of i sum to the open
/// triads among i's known-sector neighbours when i's sector is known, and are all 0 when
/// it is not. Weights are ignored.
///
/// From the counts c_s of i's known-sector neighbours by sector (own sector S, K = Σ c_s),
/// all pairs by role are C(c_S,2) coordinator, Σ_{s≠S} C(c_s,2) consultant,
/// c_S·(K − c_S) representative and ((K − c_S)² − Σ_{s≠S} c_s²)/2 liaison; the closed
/// pairs (triangles a–i–b, each listed once by the forward algorithm and given to its
/// three corners) are subtracted. Time O(n + ties + Σ_{ties u→v} |higher(v)|), which is
/// O(ties^1.5), in parallel; memory 32 bytes per member per thread plus 8 bytes per tie.
/// Throws bridgemap::Error when `sectors` does not have one entry per member.
BrokerageRoles brokerage_roles(const TieGraph& graph, std::span<const SectorIndex> sectors,
                               const ParallelOptions& options);

}  // namespace bridgemap
