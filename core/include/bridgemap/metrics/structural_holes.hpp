#pragma once
// Burt's structural-hole measures on the weighted tie graph: constraint, effective size,
// efficiency and hierarchy (Burt 1992, Structural Holes; Borgatti 1997).

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

namespace bridgemap {

struct StructuralHoles {
    MemberScores constraint;      ///< NetworkX constraint(G, weight="weight").
    MemberScores effective_size;  ///< NetworkX effective_size(G, weight="weight").
    MemberScores efficiency;      ///< effective_size / degree.
    MemberScores hierarchy;       ///< Burt's hierarchy of the constraint.
};

/// With p_ij = w_ij / s_i (the share of i's tie strength that goes to j) and
/// m_jq = w_jq / max_x w_jx:
/// - constraint(i) = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²
/// - effective_size(i) = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq)
/// - efficiency(i) = effective_size(i) / degree(i)
/// - hierarchy(i) = Σ_j (c_ij/c̄) ln(c_ij/c̄) / (N ln N), with c_ij the term of j in the
///   constraint sum, c̄ = constraint(i)/N and N = degree(i); between 0 (every contact
///   constrains i equally) and 1.
/// These are NetworkX's definitions on an undirected graph: its mutual weight of i and j is
/// 2·w_ij, which cancels in both normalisations. Values agree with NetworkX 2.8 and with
/// igraph_constraint to about 1e-15 relative (sums run in another order).
/// All four are NaN (not defined) for isolates; hierarchy is also NaN for degree 1
/// (N ln N = 0). A triangle with equal weights gives constraint 1.125 for every member.
///
/// The inner sums are computed once per tie i–j as Σ_q w_iq w_jq / s_q and Σ_q w_iq w_jq
/// over the common neighbours q (both symmetric in i and j), by the end of larger degree
/// scanning the other's neighbours against its own, spread in a dense array. Time
/// O(Σ over ties of the smaller end degree) in parallel over members; memory 16 bytes per
/// tie plus 16 bytes per member per thread. Same bits whatever the thread count.
StructuralHoles structural_holes(const TieGraph& graph, const ParallelOptions& options);

}  // namespace bridgemap
