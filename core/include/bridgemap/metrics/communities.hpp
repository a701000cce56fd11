#pragma once
// Communities: groups of members more tied among themselves than to the rest, found by
// Leiden optimising modularity, and how each member's ties spread over them.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap {

/// "In no community": isolates.
inline constexpr std::uint32_t k_no_community = 0;

struct CommunityOptions {
    std::uint64_t seed = 1;
    double resolution = 1.0;  ///< γ in modularity; 1 is Newman's modularity.
    /// Leiden iterations at most; 0: until an iteration moves no member.
    std::size_t max_iterations = 0;
};

struct Communities {
    /// 1, 2, … by decreasing size (ties broken by the smallest member index in each);
    /// k_no_community (0) for isolates.
    std::vector<std::uint32_t> of_member;
    std::size_t count = 0;           ///< Communities of members with ties (isolates are in none).
    std::vector<std::size_t> sizes;  ///< sizes[c−1] = members of community c.
    double modularity = 0.0;         ///< Newman's weighted modularity of the partition at the resolution.
};

/// Leiden (Traag, Waltman & van Eck 2019, doi:10.1038/s41598-019-41695-z) with the
/// modularity objective, written as igraph writes it: the Potts quality with node weights =
/// strengths and resolution γ/(2m). Each iteration runs fast local moving, refinement within
/// each cluster (randomness β = 0.01) and aggregation of the refined clusters, until every
/// cluster is one node; the first starts from singletons, each later one from the partition
/// the last one left. Iterations go on until one moves no member (then no member raises the
/// modularity by moving to another community or alone) or options.max_iterations have run.
/// That is igraph_community_leiden iterated to convergence (igraph 0.10's n_iterations < 0
/// stops after the first iteration that moves a node, which is one iteration from
/// singletons; max_iterations = 1 gives that). An iteration that moves members without
/// raising the computed quality (moves between equally good communities, decided by
/// rounding) also ends the run, so it always ends. Run on the tie graph's own arrays (a copy
/// into igraph cost more than the whole run) with bridgemap::Random seeded from
/// options.seed: the same seed gives the same partition. Every community is connected (a
/// community left in pieces is split, which only raises the modularity). Isolates are in no
/// community. A network without ties has no communities and modularity 0. Time about O(m)
/// per sweep of the local moving, a few sweeps per iteration, and usually 2 to 10
/// iterations (3 to 4 times one iteration's time on generated networks).
Communities leiden_communities(const TieGraph& graph, const CommunityOptions& options);

/// Q = Σ_c [ W_c/m − γ (S_c/(2m))² ], with W_c the weight inside community c, S_c its total
/// strength and m the total weight (Newman 2004, doi:10.1103/PhysRevE.70.056131). Members
/// with k_no_community count as singletons. 0 when there are no ties. O(n + m).
double modularity(const TieGraph& graph, std::span<const std::uint32_t> community, double resolution);

/// Guimerà–Amaral participation coefficient by strength: P_i = 1 − Σ_c (s_ic / s_i)²
/// (Guimerà & Amaral 2005, doi:10.1038/nature03288). NaN for isolates. O(n + m).
MemberScores participation(const TieGraph& graph, std::span<const std::uint32_t> community);

}  // namespace bridgemap
