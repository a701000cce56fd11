#pragma once
// Centralities from the weighted adjacency matrix: eigenvector centrality and PageRank.

#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

namespace bridgemap {

/// Eigenvector centrality (Bonacich 1972): the principal eigenvector x of the weighted
/// adjacency matrix, A x = λ x, scaled so that the largest value is 1. In a network of
/// several components the principal eigenvector lives on the component(s) with the largest
/// λ; members elsewhere get 0. When several components share the largest λ (within 1e-9
/// relative), each contributes its unit eigenvector weighted by the sum of its entries,
/// which is the limit NetworkX's power iteration reaches from a uniform start. Isolates get 0;
/// a network without ties gives all 0. Computed per component with igraph's ARPACK
/// (Lanczos) solver multiplying by the tie graph's own arrays; a component whose largest
/// strength is below the largest eigenvalue found cannot share it and is skipped. Time
/// O(m) per Lanczos step. `parts` is connectivity(graph), which analyse() has anyway.
MemberScores eigenvector_centrality(const TieGraph& graph, const Connectivity& parts);

/// The same, finding the components first.
MemberScores eigenvector_centrality(const TieGraph& graph);

/// Weighted PageRank with damping 0.85; values sum to 1 (Brin & Page 1998). A member
/// without ties (a dangling vertex) jumps to every member uniformly, as NetworkX does.
/// Solved exactly (to machine precision) as a symmetric linear system by conjugate
/// gradients, O(m) per step and a few dozen steps. An empty graph gives an empty vector.
MemberScores pagerank(const TieGraph& graph);

}  // namespace bridgemap
