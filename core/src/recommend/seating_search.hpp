#pragma once
// Private: the state a seating search works on, one round at a time. Person p's gain at
// table t, G[p][t] = Σ value(p, q) over the people q at t (q ≠ p), and the number of people at
// t whom p may not sit with, C[p][t], are kept up to date in O(n) per move, so that the
// change of the objective for swapping p (at x) and q (at y) is O(1):
//     Δvalue = G[p][y] − G[p][x] + G[q][x] − G[q][y] − 2·value(p, q),
// and for exchanging a set A at x with a set B at y:
//     Δvalue = Σ_A (G[a][y] − G[a][x]) + Σ_B (G[b][x] − G[b][y]) + 2V(A) + 2V(B) − 2V(A, B),
// with V(A) the value inside A and V(A, B) the value between them (the same for C).

#include <bridgemap/recommend/seating.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::seating_search {

using Person = std::uint32_t;
using TableIndex = std::uint32_t;
inline constexpr std::uint32_t k_no_table = 0xFFFFFFFFu;

/// Keep-together groups merged when they share a member (union–find), and everyone else
/// alone: every person is in exactly one unit. Units are sorted and ordered by their
/// smallest person.
struct Units {
    std::vector<std::vector<Person>> members;
    std::vector<std::uint32_t> of_person;
};
Units seating_units(const SeatingProblem& problem);

/// A seating's quality, compared lexicographically: fewer broken constraints (pairs that may
/// not share a table but do, and people over --max-per-sector), then fewer people over the
/// fair-spread caps (fair_spread_caps), then more value (fixed point).
struct Score {
    std::int64_t broken = 0;
    std::int64_t unfair = 0;
    std::int64_t value = 0;

    friend bool operator==(const Score&, const Score&) = default;
    Score& operator+=(const Score& other) {
        broken += other.broken;
        unfair += other.unfair;
        value += other.value;
        return *this;
    }
};

/// True when a is strictly better than b.
[[nodiscard]] inline bool better(const Score& a, const Score& b) noexcept {
    if (a.broken != b.broken) return a.broken < b.broken;
    if (a.unfair != b.unfair) return a.unfair < b.unfair;
    return a.value > b.value;
}

/// Who may not share a table with whom in the round being searched (keep-apart partners and,
/// with several rounds, the people met in the other rounds): sorted lists, both directions,
/// and the same as a bit matrix for O(1) questions.
class Forbidden {
public:
    Forbidden() = default;
    /// From lists (sorted, without repeats, symmetric).
    explicit Forbidden(std::vector<std::vector<Person>> lists);

    [[nodiscard]] std::span<const Person> partners(Person p) const noexcept { return lists_[p]; }
    [[nodiscard]] bool contains(Person p, Person q) const noexcept {
        const std::size_t bit = static_cast<std::size_t>(p) * lists_.size() + q;
        return ((bits_[bit / 64] >> (bit % 64)) & 1u) != 0;
    }

private:
    std::vector<std::vector<Person>> lists_;
    std::vector<std::uint64_t> bits_;
};

/// One round's seating, possibly partial while it is being built, with its gain sums.
class RoundState {
public:
    /// `use_values` false searches the constraints alone (every value counts 0); `use_fair`
    /// false leaves the fair-spread caps out (the random baseline).
    RoundState(const SeatingProblem& problem, const Forbidden& forbidden, bool use_values, bool use_fair = true);

    /// Seats p (not yet seated) at t. O(n + forbidden partners).
    void place(Person p, TableIndex t);
    /// Swaps two people at different tables. O(n + forbidden partners).
    void swap(Person p, Person q);

    [[nodiscard]] Score swap_delta(Person p, Person q) const;
    /// Exchanging the set a (all at one table) with the set b (all at another table).
    [[nodiscard]] Score exchange_delta(std::span<const Person> a, std::span<const Person> b) const;
    /// Seating the unseated `group` at t.
    [[nodiscard]] Score placement_delta(std::span<const Person> group, TableIndex t) const;

    [[nodiscard]] Score score() const noexcept { return score_; }
    /// The score computed from scratch, for tests. O(Σ table size² + n).
    [[nodiscard]] Score recomputed_score() const;

    [[nodiscard]] std::size_t tables() const noexcept { return members_.size(); }
    [[nodiscard]] TableIndex table_of(Person p) const noexcept { return table_of_[p]; }
    [[nodiscard]] const std::vector<TableIndex>& assignment() const noexcept { return table_of_; }
    [[nodiscard]] std::span<const Person> members(TableIndex t) const noexcept { return members_[t]; }
    [[nodiscard]] std::size_t free_seats(TableIndex t) const noexcept { return sizes_[t] - members_[t].size(); }
    [[nodiscard]] std::int64_t gain(Person p, TableIndex t) const noexcept { return cells_[p * tables() + t].gain; }
    [[nodiscard]] std::int64_t conflicts(Person p, TableIndex t) const noexcept {
        return cells_[p * tables() + t].conflicts;
    }
    [[nodiscard]] std::int64_t value(Person p, Person q) const noexcept {
        return use_values_ ? problem_->values.raw(p, q) : 0;
    }
    [[nodiscard]] bool forbidden(Person p, Person q) const noexcept { return forbidden_->contains(p, q); }
    /// The best improving swap of p with one of `candidates` (movable, at other tables), or
    /// k_none. Ties go to the first candidate.
    [[nodiscard]] Person best_swap(Person p, std::span<const std::uint8_t> movable, Score& delta) const;

private:
    struct Cell {
        std::int64_t gain = 0;
        std::int32_t conflicts = 0;
        std::int32_t unused = 0;
    };
    /// The slot of a sector in the per-table counts: the sector, or sector_count_ for unknown.
    [[nodiscard]] std::size_t slot(SectorIndex sector) const noexcept {
        return sector == k_unknown_sector ? sector_count_ : sector;
    }
    [[nodiscard]] std::size_t slot_of(Person p) const noexcept { return slots_[p]; }
    /// Changes of the people over --max-per-sector (broken) and over the fair-spread caps
    /// (unfair) when `changes` (slot, ±1) happen at t.
    void add_excess_change(TableIndex t, std::span<const std::pair<std::size_t, int>> changes, Score& delta) const;
    /// The same for one person of slot a at x swapped with one of slot b ≠ a at y, in O(1):
    /// a leaving x mends one excess when x had more than the cap of a, b arriving makes one when
    /// x already had the cap or more of b (and the same at y).
    void add_swap_excess(TableIndex x, TableIndex y, std::size_t a, std::size_t b, Score& delta) const noexcept {
        const std::size_t width = sector_count_ + 1;
        const std::int32_t* count = sector_counts_.data();
        if (cap_ > 0) {
            if (a != sector_count_)
                delta.broken += (count[y * width + a] >= cap_ ? 1 : 0) - (count[x * width + a] > cap_ ? 1 : 0);
            if (b != sector_count_)
                delta.broken += (count[x * width + b] >= cap_ ? 1 : 0) - (count[y * width + b] > cap_ ? 1 : 0);
        }
        if (use_fair_) {
            const std::int32_t* cap = fair_caps_.data();
            delta.unfair += (count[y * width + a] >= cap[y * width + a] ? 1 : 0) -
                            (count[x * width + a] > cap[x * width + a] ? 1 : 0) +
                            (count[x * width + b] >= cap[x * width + b] ? 1 : 0) -
                            (count[y * width + b] > cap[y * width + b] ? 1 : 0);
        }
    }
    void count_slot(TableIndex t, std::size_t slot, int change) noexcept {
        const std::size_t cell = t * (sector_count_ + 1) + slot;
        sector_counts_[cell] += change;
        if (fair_masks_) {
            const std::uint64_t bit = std::uint64_t{1} << slot;
            fair_over_[t] = (fair_over_[t] & ~bit) | (sector_counts_[cell] > fair_caps_[cell] ? bit : 0);
            fair_full_[t] = (fair_full_[t] & ~bit) | (sector_counts_[cell] >= fair_caps_[cell] ? bit : 0);
        }
    }

    const SeatingProblem* problem_;
    const Forbidden* forbidden_;
    bool use_values_;
    bool use_fair_;
    std::size_t n_;
    std::size_t sector_count_;
    std::int32_t cap_;
    std::vector<std::int32_t> fair_caps_;  ///< [table][slot]: fair_spread_caps.
    /// With at most 64 slots, per table the slots over their fair cap (a person leaving mends
    /// one) and at or over it (a person arriving makes one), as bits: best_swap's fast path.
    bool fair_masks_ = false;
    std::vector<std::uint64_t> fair_over_;
    std::vector<std::uint64_t> fair_full_;
    std::vector<std::uint32_t> slots_;  ///< Per person: the slot of their sector.
    std::vector<std::size_t> sizes_;
    std::vector<TableIndex> table_of_;
    std::vector<std::vector<Person>> members_;
    std::vector<std::uint32_t> slot_;
    std::vector<Cell> cells_;
    std::vector<std::int32_t> sector_counts_;  ///< [table][slot], unknown sector last.
    Score score_;
};

}  // namespace bridgemap::seating_search
