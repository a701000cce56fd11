#pragma once
// Private: the one- and two-hop group reach of every member, kept exact as introductions are
// added, and the exact effect of adding one tie on the introductions objective
// (BridgingMeasures::score). Groups are sectors or communities; sets of groups are bit sets of
// words() 64-bit words per member.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::introductions_detail {

/// What adding one tie (u, v) does to the objective and to reach.
struct Effect {
    double gain = 0.0;                  ///< Rise of the score (0-100 scale).
    std::uint32_t direct_gains = 0;     ///< (member, group) pairs newly within one hop (first contacts).
    std::uint32_t two_step_gains = 0;   ///< (member, group) pairs newly within two hops.
    std::uint32_t members_gaining = 0;  ///< Members with any new group within one or two hops.
    std::uint32_t u_new_groups = 0;     ///< Groups u newly reaches within two hops.
    std::uint32_t v_new_groups = 0;
    std::uint32_t contacts_gaining = 0;  ///< Neighbours of u or v with a new group within two hops.
};

/// Per-thread scratch space for ReachState::effect.
struct EffectScratch {
    std::vector<std::uint32_t> cell_count;  ///< groups² counters, all 0 between calls
    std::vector<std::uint32_t> touched;
};

/// The change of φ(r) = 1 − (1 − r)² when a count c of n rises by k: φ((c+k)/n) − φ(c/n)
/// = (k/n)(2 − (2c + k)/n).
inline double phi_step(std::uint64_t count, std::uint64_t k, std::uint64_t size) noexcept {
    const double n = static_cast<double>(size);
    const double kk = static_cast<double>(k);
    return kk / n * (2.0 - (2.0 * static_cast<double>(count) + kk) / n);
}

/// Depth of contact in fixed point: ψ(k) = 1 − 2^−min(k, 32) for a member with k contacts in a
/// group, in units of 2^−32 (exact, so that sums never depend on their order).
inline constexpr std::uint64_t k_depth_unit = std::uint64_t{1} << 32;
inline std::uint64_t depth_step(std::uint32_t contacts) noexcept {
    return contacts >= 32 ? 0 : std::uint64_t{1} << (31 - contacts);
}
inline std::uint64_t depth_value(std::uint32_t contacts) noexcept {
    return k_depth_unit - (std::uint64_t{1} << (32 - std::min<std::uint32_t>(contacts, 32)));
}

/// The change of φ(D) when a cell's depth sum (units 2^−32) over `size` members rises by `step`.
inline double phi_depth_step(std::uint64_t sum, std::uint64_t step, std::uint64_t size) noexcept {
    const double scale = static_cast<double>(k_depth_unit) * static_cast<double>(size);
    const double h = static_cast<double>(step) / scale;
    const double d = static_cast<double>(sum) / scale;
    return h * (2.0 - 2.0 * d - h);
}

class ReachState {
public:
    /// Reach in `graph` for members grouped by `groups` (k_unknown_sector: in no group, never
    /// counted, but still a path). O(n + m·words).
    ReachState(const TieGraph& graph, const Sectors& groups);

    [[nodiscard]] std::size_t member_count() const noexcept { return group_.size(); }
    [[nodiscard]] std::size_t groups() const noexcept { return groups_; }
    [[nodiscard]] std::size_t words() const noexcept { return words_; }
    [[nodiscard]] SectorIndex group(MemberIndex x) const noexcept { return group_[x]; }
    [[nodiscard]] std::uint64_t group_size(SectorIndex g) const noexcept { return size_[g]; }
    /// Groups of x's neighbours (may include x's own).
    [[nodiscard]] const std::uint64_t* once(MemberIndex x) const noexcept { return once_.data() + x * words_; }
    /// Groups other than x's own within two hops of x (one-hop ones included).
    [[nodiscard]] const std::uint64_t* reach(MemberIndex x) const noexcept { return reach_.data() + x * words_; }
    /// Members of s with a member of t (t ≠ s) within one hop / within two hops.
    [[nodiscard]] std::uint64_t direct_count(SectorIndex s, SectorIndex t) const noexcept {
        return direct_[s * groups_ + t];
    }
    /// Σ ψ(contacts in t) over the members of s, in units of 2^−32.
    [[nodiscard]] std::uint64_t depth_sum(SectorIndex s, SectorIndex t) const noexcept {
        return depth_[s * groups_ + t];
    }
    /// x's neighbours in group t.
    [[nodiscard]] std::uint32_t contacts(MemberIndex x, SectorIndex t) const noexcept {
        return contacts_[x * groups_ + t];
    }
    [[nodiscard]] std::uint64_t two_step_count(SectorIndex s, SectorIndex t) const noexcept {
        return two_step_[s * groups_ + t];
    }
    /// 100 / (2 · ordered pairs of different groups): the scale of one unit of φ; 0 with fewer than two groups.
    [[nodiscard]] double scale() const noexcept { return scale_; }
    /// The objective from the counts; NaN with fewer than two groups.
    [[nodiscard]] double score() const;

    /// True when u and v are tied, in the graph or by an added tie.
    [[nodiscard]] bool tied(MemberIndex u, MemberIndex v) const noexcept;
    /// Ties added to x, ascending.
    [[nodiscard]] std::span<const MemberIndex> added(MemberIndex x) const noexcept { return added_[x]; }
    [[nodiscard]] const TieGraph& graph() const noexcept { return *graph_; }

    /// Calls f(neighbour) for every neighbour of x, the graph's and the added ones.
    template <class F>
    void for_each_neighbour(MemberIndex x, F&& f) const {
        for (const MemberIndex y : graph_->neighbours(x)) f(y);
        for (const MemberIndex y : added_[x]) f(y);
    }

    /// The exact effect of adding the tie (u, v) to the current state; u ≠ v, untied. The
    /// result does not depend on the order of u and v. O(degree(u) + degree(v) + words).
    [[nodiscard]] Effect effect(MemberIndex u, MemberIndex v, EffectScratch& scratch) const;

    /// Adds the tie (u, v) and updates every set and count. O(degree(u) + degree(v)) · words.
    void add_tie(MemberIndex u, MemberIndex v);

    [[nodiscard]] EffectScratch make_scratch() const;

private:
    const TieGraph* graph_;
    std::vector<SectorIndex> group_;
    std::vector<std::uint64_t> size_;
    std::size_t groups_;
    std::size_t words_;
    double scale_ = 0.0;
    std::vector<std::uint64_t> once_;
    std::vector<std::uint64_t> reach_;
    std::vector<std::uint64_t> direct_;
    std::vector<std::uint64_t> depth_;
    std::vector<std::uint32_t> contacts_;
    std::vector<std::uint64_t> two_step_;
    std::vector<std::vector<MemberIndex>> added_;
};

inline bool has_bit(const std::uint64_t* set, std::size_t bit) noexcept {
    return (set[bit / 64] >> (bit % 64)) & 1u;
}
inline void set_bit(std::uint64_t* set, std::size_t bit) noexcept {
    set[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

/// Calls f(bit) for every set bit of the words, ascending.
template <class F>
void for_each_bit(const std::uint64_t* set, std::size_t words, F&& f) {
    for (std::size_t w = 0; w < words; ++w) {
        std::uint64_t bits = set[w];
        while (bits != 0) {
            const int low = __builtin_ctzll(bits);
            f(w * 64 + static_cast<std::size_t>(low));
            bits &= bits - 1;
        }
    }
}

}  // namespace bridgemap::introductions_detail
