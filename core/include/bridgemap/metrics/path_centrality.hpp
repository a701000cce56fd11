#pragma once
// Shortest-path centralities on the weighted tie graph, where a tie of weight w is a path
// of length 1/w (a strong tie is a short one): betweenness, closeness, harmonic closeness
// and cross-sector betweenness ("bridging"), all from one set of single-source traversals.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/progress.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <span>
#include <string>

namespace bridgemap {

struct PathOptions {
    enum class Mode {
        automatic,  ///< Exact up to exact_path_cost_limit, sampled above it.
        exact,      ///< Always exact (--exact).
        sampled,    ///< Always sampled (--samples K).
    };
    Mode mode = Mode::automatic;
    /// Number of sampled source members in sampled mode (0: a default that keeps the
    /// computation near sampled_path_cost; see path_centrality). Clamped to the number of
    /// members; k = n is the exact computation.
    std::size_t samples = 0;
    std::uint64_t seed = 1;
    unsigned threads = 0;  ///< 0: every core. Results never depend on it.
    /// Told "shortest paths", sources done of sources, from the calling thread (empty: never).
    ProgressReport progress;
    /// When not 0, automatic mode is exact while n·(n + m) stays within this cost and samples
    /// k = ⌊cost_limit / (n + m)⌋ sources above it (instead of exact_path_cost_limit() and
    /// sampled_path_cost()): for pictures whose sizes need not be exact, such as a map.
    std::uint64_t cost_limit = 0;
};

struct PathCentrality {
    MemberScores betweenness;  ///< NetworkX betweenness_centrality(normalized=True), distance 1/w.
    MemberScores closeness;    ///< NetworkX closeness_centrality (Wasserman–Faust improved), distance 1/w.
    MemberScores harmonic;     ///< Σ_{v≠u} 1/d(u,v) / (n−1), distance 1/w.
    MemberScores bridging;     ///< Cross-sector betweenness (see path_centrality).
    bool exact = true;         ///< Every member was a source (also when sampling asked for k ≥ n).
    std::size_t sources = 0;   ///< Source members traversed (n when exact).
    /// When sampled: with probability at least `confidence`, every member's betweenness
    /// estimate is within `error_bound` of the exact value and, at the same time, every
    /// bridging estimate within `bridging_error_bound` (Hoeffding's inequality with a union
    /// bound over the 2n estimates; see path_centrality). 0 when exact.
    double error_bound = 0.0;
    /// As error_bound, for bridging; NaN when bridging is not defined.
    double bridging_error_bound = 0.0;
    double confidence = 0.0;  ///< 0.95 when sampled, 0 when exact.
    /// One line for summaries and reports: exact or sampled (k of n, seed, the bounds and
    /// their formula), and how many ties can lie on a shortest path.
    std::string method;
};

/// The cost n·(n + m) above which automatic mode samples (members n, ties m): 1e11. Exact
/// runs take about 1.3 ns of wall time per unit on two cores on generated event projections
/// (20,000 members and 744,276 ties, cost 1.5e10: 20 s on a quiet machine), so a network at
/// the limit (about 50,000 such members) takes about two minutes.
std::uint64_t exact_path_cost_limit() noexcept;

/// The cost k·(n + m) the default sample of k sources keeps near: 1e10, a tenth of the exact
/// limit, so that a sampled run takes seconds to a minute rather than minutes (100,000
/// members and 3.7 million ties: k = 2,632 sources where the exact limit would give 26,326, and
/// every betweenness within 0.055 with probability 0.95).
std::uint64_t sampled_path_cost() noexcept;

/// Computes the path centralities of every member.
///
/// - betweenness(v) = Σ_{s≠v≠t} σ_st(v)/σ_st / ((n−1)(n−2)) over ordered pairs (NetworkX's
///   normalisation for undirected graphs); raw 0 for n ≤ 2. Brandes 2001,
///   doi:10.1080/0022250X.2001.9990249, with Dijkstra on lengths 1/w. Path lengths that
///   differ by less than a relative 1e-10 of their sum count as equal, so that paths of
///   equal length summed in different orders are all counted (igraph 0.10 does the same;
///   NetworkX compares exactly, so where two paths are equal only on paper, e.g. lengths
///   a + b + c against a + c + b, it counts one of them and differs from this).
/// - closeness(u) = ((r−1)/(n−1)) · ((r−1)/Σ_v d(u,v)) over the r members reachable from
///   u (itself included); 0 when u reaches nobody.
/// - harmonic(u) = Σ_{v≠u} 1/d(u,v) / (n−1); 0 for n ≤ 1.
/// - bridging(v) = Σ σ_st(v)/σ_st over unordered pairs {s,t} of members of different known
///   sectors with v ∉ {s,t}, divided by the number P of such pairs (pairs that cannot reach
///   each other included). Members of unknown sector can carry paths but are never
///   endpoints. Not defined (NaN) when P = 0. Computed in the same backward pass as
///   betweenness, with a second dependency in which only targets of a known sector other
///   than the source's count.
///
/// Before the traversals, ties that lie on no shortest path are left out: a tie is dropped
/// when a path of two or three ties is shorter by more than rounding and the length
/// tolerance could ever hide, which changes no result (in event projections 9–13% of the
/// ties remain).
///
/// Modes. Exact: every member is a source. Sampled (Brandes & Pich 2007,
/// doi:10.1142/S0218127407018403): k = options.samples, or by default
/// k = ⌊sampled_path_cost() / (n + m)⌋, clamped to [min(n, 100), n]; k distinct source
/// members drawn uniformly with `seed` (bridgemap::Random); betweenness and bridging sum the
/// sampled sources' dependencies scaled by n/k; closeness and harmonic use the distances
/// d(s,u) = d(u,s) from the sampled sources, Σ_v d(u,v), the number of members u reaches
/// and Σ_v 1/d(u,v) each estimated as n/k times the sum over the sample (Eppstein & Wang
/// 2004, doi:10.7155/jgaa.00081). With k = n the result is the exact one, bit for bit.
/// Bounds: each betweenness estimate is a mean of k terms n·δ_s(v)/((n−1)(n−2)) in
/// [0, n/(n−1)], each bridging estimate of k terms n·δ'_s(v)/(2P) in [0, n·M/(2P)] with M
/// the largest number of known-sector members outside one sector; Hoeffding's inequality
/// (1963, doi:10.1080/01621459.1963.10500830, Theorem 4 covers sampling without
/// replacement) with a union bound over the 2n estimates gives, with probability ≥ 0.95,
///     error_bound          = (n/(n−1)) · sqrt(ln(4n/0.05) / (2k)),
///     bridging_error_bound = (n·M/(2P)) · sqrt(ln(4n/0.05) / (2k)).
/// These are worst-case bounds; actual errors are far smaller. Automatic: exact when
/// n·(n + m) ≤ exact_path_cost_limit(), else sampled with the default k.
///
/// Time O(k·(m' + n log n)) for k sources over the m' ties kept, on `threads` threads, plus
/// O(m log d) to sort each member's ties and about O(m·d') for the pruning (d' the degree
/// left). Memory O(m) while pruning, then O(n + m') per thread. The result is the same to
/// the last bit for any thread count: sources are taken in fixed blocks whose sums are
/// added in order. Isolates get 0 betweenness, closeness and harmonic (and 0 bridging when
/// it is defined). An empty graph gives empty vectors. Throws bridgemap::Error when
/// sectors.size() differs from the number of members.
PathCentrality path_centrality(const TieGraph& graph, std::span<const SectorIndex> sectors, const PathOptions& options);

}  // namespace bridgemap
