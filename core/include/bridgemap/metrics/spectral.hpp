#pragma once
// Centralities from the weighted adjacency matrix: eigenvector centrality and PageRank.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

namespace bridgemap {

/// Eigenvector centrality (Bonacich 1972): the principal eigenvector x of the weighted
/// adjacency matrix, A x = λ x, scaled so that the largest value is 1. In a network of
/// several components the principal eigenvector lives on the component(s) with the largest
/// λ; members elsewhere get 0. When several components share the largest λ (within 1e-9
/// relative), each contributes its unit eigenvector weighted by the sum of its entries,
/// which is the limit NetworkX's power iteration reaches from a uniform start. Isolates get 0;
/// a network without ties gives all 0. Computed per component with igraph (ARPACK).
/// Time about O(m) per iteration.
MemberScores eigenvector_centrality(const TieGraph& graph);

/// Weighted PageRank with damping 0.85; values sum to 1 (Brin & Page 1998). A member
/// without ties (a dangling vertex) jumps to every member uniformly, as NetworkX does.
/// Computed with igraph's PRPACK solver. An empty graph gives an empty vector.
MemberScores pagerank(const TieGraph& graph);

}  // namespace bridgemap
