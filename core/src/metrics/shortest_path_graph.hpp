#pragma once
// Private: the tie graph as the shortest-path traversals want it. Each tie of weight w is a
// pair of arcs of length 1/w, stored target and length side by side; ties that lie on no
// shortest path can be left out first. One comparison of path lengths, used by every
// traversal, decides when two lengths count as equal.

#include <bridgemap/ties/tie_graph.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::metrics {

/// Path lengths whose difference is below this share of |a| + |b| count as equal, so that
/// paths of equal length summed in different orders are all counted (igraph 0.10 compares
/// the same way, with IGRAPH_SHORTEST_PATH_EPSILON = 1e-10).
inline constexpr double k_path_length_tolerance = 1e-10;

/// -1, 0 or 1 as path length a is shorter than, as long as, or longer than b, with
/// k_path_length_tolerance. Lengths are non-negative.
[[nodiscard]] inline int compare_path_lengths(double a, double b) noexcept {
    if (a == b) return 0;
    const double difference = a - b;
    if (std::abs(difference) < k_path_length_tolerance * (std::abs(a) + std::abs(b))) return 0;
    return difference < 0 ? -1 : 1;
}

/// One direction of a tie: the member it leads to and its length 1/w.
struct Arc {
    double length;
    MemberIndex target;
};

/// Which ties to leave out of a ShortestPathGraph.
enum class TiePruning : std::uint8_t {
    none,       ///< Keep every tie (for tests that check pruning changes nothing).
    dominated,  ///< Leave out ties beaten by a path of two or three ties (see ShortestPathGraph::build).
};

/// An undirected graph of arcs with lengths, in CSR form: member v's arcs are
/// arcs()[offsets()[v] .. offsets()[v + 1]), by ascending target. Symmetric: an arc u→v is
/// here exactly when v→u is.
class ShortestPathGraph {
public:
    /// Builds the arcs of `ties` with lengths 1/w. With TiePruning::dominated, a tie u–v of
    /// length L is left out when a path of two ties (u–w–v, over the whole graph) or then of
    /// three (over the ties left) is shorter by more than rounding and the length tolerance
    /// could ever hide:
    ///     L − len(path) > slack · (D + L),   slack = 1e-9 + 1e-15·n,
    /// where D ≥ every finite distance (twice the eccentricity of one member per component).
    /// Such a tie lies on no shortest path, and no comparison made by a traversal can find a
    /// path through it as short as the best one (lengths counted as equal are within
    /// 4e-10·(D + L) of each other; computed distances are within n·2.3e-16·D of exact
    /// ones), so leaving it out changes no distance, no shortest-path count, no predecessor
    /// and, members being settled by (distance, index), not even the order of the sums.
    /// In event projections 9–13% of the ties remain (20,000 members: 2.86 million ties,
    /// 410,000 after the two-tie round, 249,000 after the three-tie round).
    /// Time: O(m + n log n) for D; O(m log d) to sort each member's ties by length; for
    /// each tie u–v, v's ties by ascending length until one completes a short enough path
    /// or none can; then about n·d'² for the three-tie round, d' being the degree left.
    /// Parallel over members. Memory O(m) (4 bytes per tie end while pruning) plus the
    /// result. (20,000 members: 1 s on two cores; 100,000 members, 12.8 million ties: 6 s.)
    static ShortestPathGraph build(const TieGraph& ties, TiePruning pruning, unsigned threads);

    [[nodiscard]] std::size_t member_count() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    [[nodiscard]] std::size_t arc_count() const noexcept { return arcs_.size(); }
    [[nodiscard]] std::span<const std::size_t> offsets() const noexcept { return offsets_; }
    [[nodiscard]] std::span<const Arc> arcs(MemberIndex member) const noexcept {
        return {arcs_.data() + offsets_[member], arcs_.data() + offsets_[member + 1]};
    }
    /// An upper bound on every finite distance (0 when not computed, i.e. without pruning).
    [[nodiscard]] double distance_bound() const noexcept { return distance_bound_; }

    /// Whether ties found beaten by a search may be left out (leave_out): only for a graph
    /// built with TiePruning::dominated, which knows the distance bound D.
    [[nodiscard]] bool can_leave_out() const noexcept { return distance_bound_ > 0.0; }
    /// The longest path that proves a tie of `length` beaten, by the rule of build(): any
    /// path shorter than length − slack·(D + length). Negative without a distance bound.
    [[nodiscard]] double beating_limit(double length) const noexcept {
        return can_leave_out() ? length * (1.0 - slack_) - slack_ * distance_bound_ : -1.0;
    }
    /// Leaves out the ties of the arcs a with beaten[a] != 0 (either direction of a tie will
    /// do), each shown beaten by a path shorter than beating_limit() of its length. Such a tie
    /// lies on no shortest path (see build()), so no traversal's result changes: this only
    /// makes later traversals cheaper. O(m log d).
    void leave_out(std::span<const std::uint8_t> beaten);

private:
    /// The position of arc v→u, for the arc u→v at `position` (binary search in v's row).
    [[nodiscard]] std::size_t reverse_arc(MemberIndex u, std::size_t position) const noexcept;

    std::vector<std::size_t> offsets_;
    std::vector<Arc> arcs_;
    double distance_bound_ = 0.0;
    double slack_ = 0.0;
};

}  // namespace bridgemap::metrics
