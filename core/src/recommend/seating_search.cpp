// The seating search: feasibility checks, greedy construction, iterated local search with
// swap moves, the random baseline, and plan_seating that puts them together.

#include "recommend/seating_search.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/random.hpp>

#include "concurrency/parallel_for.hpp"
#include "recommend/seating_detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>
#include <string>
#include <utility>

namespace bridgemap {
namespace seating_search {

// ---------------------------------------------------------------------------------------
// Units and the round state.

Units seating_units(const SeatingProblem& problem) {
    const std::size_t n = problem.people.size();
    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    const auto find = [&](std::uint32_t p) {
        while (parent[p] != p) p = parent[p] = parent[parent[p]];
        return p;
    };
    for (const auto& group : problem.keep_together) {
        for (std::size_t i = 1; i < group.size(); ++i) {
            const std::uint32_t a = find(group[0]);
            const std::uint32_t b = find(group[i]);
            if (a != b) parent[std::max(a, b)] = std::min(a, b);
        }
    }
    Units units;
    units.of_person.assign(n, k_none);
    std::vector<std::uint32_t> unit_of_root(n, k_none);
    for (std::uint32_t p = 0; p < n; ++p) {
        const std::uint32_t root = find(p);
        if (unit_of_root[root] == k_none) {
            unit_of_root[root] = static_cast<std::uint32_t>(units.members.size());
            units.members.emplace_back();
        }
        units.of_person[p] = unit_of_root[root];
        units.members[unit_of_root[root]].push_back(p);
    }
    return units;
}

Forbidden::Forbidden(std::vector<std::vector<Person>> lists)
    : lists_(std::move(lists)), bits_((lists_.size() * lists_.size() + 63) / 64, 0) {
    const std::size_t n = lists_.size();
    for (std::size_t p = 0; p < n; ++p) {
        for (const Person q : lists_[p]) {
            const std::size_t bit = p * n + q;
            bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }
}

RoundState::RoundState(const SeatingProblem& problem, const Forbidden& forbidden, bool use_values, bool use_fair)
    : problem_(&problem),
      forbidden_(&forbidden),
      use_values_(use_values),
      use_fair_(use_fair && problem.fair_spread),
      n_(problem.people.size()),
      sector_count_(problem.sector_names.size()),
      cap_(static_cast<std::int32_t>(problem.max_per_sector)),
      sizes_(problem.table_sizes),
      table_of_(n_, k_no_table),
      members_(sizes_.size()),
      slot_(n_, 0),
      cells_(n_ * sizes_.size()),
      sector_counts_(sizes_.size() * (sector_count_ + 1), 0) {
    for (std::size_t t = 0; t < sizes_.size(); ++t) members_[t].reserve(sizes_[t]);
    slots_.reserve(n_);
    for (Person p = 0; p < n_; ++p) slots_.push_back(static_cast<std::uint32_t>(slot(problem.sectors[p])));
    if (use_fair_) {
        for (const std::size_t cap : fair_spread_caps(problem)) fair_caps_.push_back(static_cast<std::int32_t>(cap));
        fair_masks_ = sector_count_ + 1 <= 64;
        if (fair_masks_) {
            fair_over_.assign(sizes_.size(), 0);
            fair_full_.assign(sizes_.size(), 0);
            for (std::size_t t = 0; t < sizes_.size(); ++t) {
                for (std::size_t slot = 0; slot <= sector_count_; ++slot) {
                    if (fair_caps_[t * (sector_count_ + 1) + slot] == 0) fair_full_[t] |= std::uint64_t{1} << slot;
                }
            }
        }
    }
}

void RoundState::add_excess_change(TableIndex t, std::span<const std::pair<std::size_t, int>> changes,
                                   Score& delta) const {
    if (cap_ == 0 && !use_fair_) return;
    const std::size_t width = sector_count_ + 1;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::size_t sector = changes[i].first;
        bool seen = false;
        for (std::size_t j = 0; j < i && !seen; ++j) seen = changes[j].first == sector;
        if (seen) continue;
        int total = 0;
        for (std::size_t j = i; j < changes.size(); ++j) {
            if (changes[j].first == sector) total += changes[j].second;
        }
        const std::int64_t before = sector_counts_[t * width + sector];
        const std::int64_t after = before + total;
        const auto excess = [&](std::int64_t cap) {
            return std::max<std::int64_t>(0, after - cap) - std::max<std::int64_t>(0, before - cap);
        };
        if (cap_ > 0 && sector != sector_count_) delta.broken += excess(cap_);
        if (use_fair_) delta.unfair += excess(fair_caps_[t * width + sector]);
    }
}

Score RoundState::placement_delta(std::span<const Person> group, TableIndex t) const {
    Score delta;
    std::vector<std::pair<std::size_t, int>> changes;
    for (std::size_t i = 0; i < group.size(); ++i) {
        const Person a = group[i];
        delta.value += gain(a, t);
        delta.broken += conflicts(a, t);
        for (std::size_t j = i + 1; j < group.size(); ++j) {
            delta.value += value(a, group[j]);
            delta.broken += forbidden(a, group[j]) ? 1 : 0;
        }
        changes.emplace_back(slot_of(a), 1);
    }
    add_excess_change(t, changes, delta);
    return delta;
}

void RoundState::place(Person p, TableIndex t) {
    score_ += placement_delta(std::span<const Person>(&p, 1), t);
    const std::size_t tables = members_.size();
    if (use_values_) {
        for (Person r = 0; r < n_; ++r) cells_[r * tables + t].gain += value(p, r);
    }
    for (const Person r : forbidden_->partners(p)) cells_[r * tables + t].conflicts += 1;
    count_slot(t, slot_of(p), +1);
    table_of_[p] = t;
    slot_[p] = static_cast<std::uint32_t>(members_[t].size());
    members_[t].push_back(p);
}

Score RoundState::swap_delta(Person p, Person q) const {
    const TableIndex x = table_of_[p];
    const TableIndex y = table_of_[q];
    const std::size_t tables = members_.size();
    const Cell& px = cells_[p * tables + x];
    const Cell& py = cells_[p * tables + y];
    const Cell& qx = cells_[q * tables + x];
    const Cell& qy = cells_[q * tables + y];
    Score delta;
    delta.value = py.gain - px.gain + qx.gain - qy.gain - 2 * value(p, q);
    delta.broken = py.conflicts - px.conflicts + qx.conflicts - qy.conflicts;
    if (py.conflicts > 0 && forbidden(p, q)) delta.broken -= 2;
    if (slot_of(p) != slot_of(q)) add_swap_excess(x, y, slot_of(p), slot_of(q), delta);
    return delta;
}

Person RoundState::best_swap(Person p, std::span<const std::uint8_t> movable, Score& best) const {
    const TableIndex x = table_of_[p];
    const std::size_t tables = members_.size();
    const Cell* own = &cells_[p * tables];
    const std::size_t a = slot_of(p);
    const bool capped = cap_ > 0 || use_fair_;
    Person partner = k_none;
    best = Score{};
    if (cap_ == 0 && fair_masks_) {
        // The fast path: the fair caps by bit masks. Moving a person of slot a from x to y and
        // one of slot b ≠ a back changes the people over the caps by
        // full(y, a) − over(x, a) + full(x, b) − over(y, b).
        const std::uint64_t over_x = fair_over_[x];
        const std::uint64_t full_x = fair_full_[x];
        for (TableIndex y = 0; y < tables; ++y) {
            if (y == x) continue;
            const std::int64_t value_here = own[y].gain - own[x].gain;
            const std::int64_t broken_here = own[y].conflicts - own[x].conflicts;
            const bool check_forbidden = own[y].conflicts > 0;
            const std::uint64_t over_y = fair_over_[y];
            const std::int64_t unfair_here =
                static_cast<std::int64_t>((fair_full_[y] >> a) & 1u) - static_cast<std::int64_t>((over_x >> a) & 1u);
            for (const Person q : members_[y]) {
                if (!movable[q]) continue;
                const Cell& qx = cells_[q * tables + x];
                const Cell& qy = cells_[q * tables + y];
                Score delta;
                delta.value = value_here + qx.gain - qy.gain - 2 * value(p, q);
                delta.broken = broken_here + qx.conflicts - qy.conflicts;
                if (check_forbidden && forbidden(p, q)) delta.broken -= 2;
                const std::uint32_t b = slots_[q];
                if (b != a) {
                    delta.unfair = unfair_here + static_cast<std::int64_t>((full_x >> b) & 1u) -
                                   static_cast<std::int64_t>((over_y >> b) & 1u);
                }
                if (better(delta, best)) {
                    best = delta;
                    partner = q;
                }
            }
        }
        return partner;
    }
    for (TableIndex y = 0; y < tables; ++y) {
        if (y == x) continue;
        const std::int64_t value_here = own[y].gain - own[x].gain;
        const std::int64_t broken_here = own[y].conflicts - own[x].conflicts;
        const bool check_forbidden = own[y].conflicts > 0;
        for (const Person q : members_[y]) {
            if (!movable[q]) continue;
            const Cell& qx = cells_[q * tables + x];
            const Cell& qy = cells_[q * tables + y];
            Score delta;
            delta.value = value_here + qx.gain - qy.gain - 2 * value(p, q);
            delta.broken = broken_here + qx.conflicts - qy.conflicts;
            if (check_forbidden && forbidden(p, q)) delta.broken -= 2;
            if (capped) {
                const std::size_t b = slot_of(q);
                if (a != b) add_swap_excess(x, y, a, b, delta);
            }
            if (better(delta, best)) {
                best = delta;
                partner = q;
            }
        }
    }
    return partner;
}

Score RoundState::exchange_delta(std::span<const Person> a, std::span<const Person> b) const {
    const TableIndex x = table_of_[a.front()];
    const TableIndex y = table_of_[b.front()];
    Score delta;
    const bool capped = cap_ > 0 || use_fair_;
    // Sector changes at x and at y; on the stack for groups of up to 16 a side (the usual case).
    constexpr std::size_t k_on_stack = 32;
    std::array<std::pair<std::size_t, int>, k_on_stack> x_buffer;
    std::array<std::pair<std::size_t, int>, k_on_stack> y_buffer;
    std::vector<std::pair<std::size_t, int>> x_heap;
    std::vector<std::pair<std::size_t, int>> y_heap;
    const bool on_stack = a.size() + b.size() <= k_on_stack;
    std::size_t changes = 0;
    const auto note = [&](std::size_t sector, int at_x_change) {
        if (on_stack) {
            x_buffer[changes] = {sector, at_x_change};
            y_buffer[changes] = {sector, -at_x_change};
        } else {
            x_heap.emplace_back(sector, at_x_change);
            y_heap.emplace_back(sector, -at_x_change);
        }
        ++changes;
    };
    for (std::size_t i = 0; i < a.size(); ++i) {
        delta.value += gain(a[i], y) - gain(a[i], x);
        delta.broken += conflicts(a[i], y) - conflicts(a[i], x);
        for (std::size_t j = i + 1; j < a.size(); ++j) {
            delta.value += 2 * value(a[i], a[j]);
            delta.broken += forbidden(a[i], a[j]) ? 2 : 0;
        }
        for (const Person other : b) {
            delta.value -= 2 * value(a[i], other);
            delta.broken -= forbidden(a[i], other) ? 2 : 0;
        }
        if (capped) note(slot_of(a[i]), -1);
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
        delta.value += gain(b[i], x) - gain(b[i], y);
        delta.broken += conflicts(b[i], x) - conflicts(b[i], y);
        for (std::size_t j = i + 1; j < b.size(); ++j) {
            delta.value += 2 * value(b[i], b[j]);
            delta.broken += forbidden(b[i], b[j]) ? 2 : 0;
        }
        if (capped) note(slot_of(b[i]), +1);
    }
    if (capped) {
        using Changes = std::span<const std::pair<std::size_t, int>>;
        const Changes at_x = on_stack ? Changes(x_buffer.data(), changes) : Changes(x_heap);
        const Changes at_y = on_stack ? Changes(y_buffer.data(), changes) : Changes(y_heap);
        add_excess_change(x, at_x, delta);
        add_excess_change(y, at_y, delta);
    }
    return delta;
}

void RoundState::swap(Person p, Person q) {
    const TableIndex x = table_of_[p];
    const TableIndex y = table_of_[q];
    score_ += swap_delta(p, q);
    const std::size_t tables = members_.size();
    if (use_values_) {
        for (Person r = 0; r < n_; ++r) {
            const std::int64_t change = value(q, r) - value(p, r);
            cells_[r * tables + x].gain += change;
            cells_[r * tables + y].gain -= change;
        }
    }
    for (const Person r : forbidden_->partners(p)) {
        cells_[r * tables + x].conflicts -= 1;
        cells_[r * tables + y].conflicts += 1;
    }
    for (const Person r : forbidden_->partners(q)) {
        cells_[r * tables + y].conflicts -= 1;
        cells_[r * tables + x].conflicts += 1;
    }
    count_slot(x, slot_of(p), -1);
    count_slot(x, slot_of(q), +1);
    count_slot(y, slot_of(q), -1);
    count_slot(y, slot_of(p), +1);
    members_[x][slot_[p]] = q;
    members_[y][slot_[q]] = p;
    std::swap(slot_[p], slot_[q]);
    table_of_[p] = y;
    table_of_[q] = x;
}

Score RoundState::recomputed_score() const {
    Score score;
    for (std::size_t t = 0; t < members_.size(); ++t) {
        const auto& at = members_[t];
        std::vector<std::int64_t> count(sector_count_ + 1, 0);
        for (std::size_t i = 0; i < at.size(); ++i) {
            for (std::size_t j = i + 1; j < at.size(); ++j) {
                score.value += value(at[i], at[j]);
                score.broken += forbidden(at[i], at[j]) ? 1 : 0;
            }
            ++count[slot_of(at[i])];
        }
        for (std::size_t s = 0; s < count.size(); ++s) {
            if (cap_ > 0 && s < sector_count_) score.broken += std::max<std::int64_t>(0, count[s] - cap_);
            if (use_fair_)
                score.unfair += std::max<std::int64_t>(0, count[s] - fair_caps_[t * (sector_count_ + 1) + s]);
        }
    }
    return score;
}

}  // namespace seating_search

namespace {

using io::in_quotes;

std::string list_labels(const SeatingProblem& problem, std::span<const seating_search::Person> persons) {
    std::string text;
    const std::size_t shown = std::min<std::size_t>(persons.size(), 5);
    for (std::size_t i = 0; i < shown; ++i) text += (i > 0 ? ", " : "") + in_quotes(problem.labels[persons[i]]);
    if (persons.size() > shown) text += " and " + std::to_string(persons.size() - shown) + " more";
    return text;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Feasibility: what no seating can meet.

namespace seating_detail {

using seating_search::k_no_table;

std::optional<std::string> host_conflict(const SeatingProblem& problem, const Units& units) {
    const std::size_t tables = problem.table_sizes.size();
    if (problem.hosts.size() > tables) {
        return std::to_string(problem.hosts.size()) + " hosts but only " + std::to_string(tables) +
               (tables == 1 ? " table" : " tables") + ": each table takes one host; add tables or name fewer hosts";
    }
    std::vector<std::int64_t> host_of_unit(units.members.size(), -1);
    for (const Person host : problem.hosts) {
        auto& other = host_of_unit[units.of_person[host]];
        if (other >= 0) {
            return "hosts " + in_quotes(problem.labels[static_cast<std::size_t>(other)]) + " and " +
                   in_quotes(problem.labels[host]) +
                   " are in the same keep-together group, but hosts sit at different tables";
        }
        other = host;
    }
    return std::nullopt;
}

std::optional<std::string> keep_together_conflict(const SeatingProblem& problem, const Units& units,
                                                  std::span<const TableIndex> pinned) {
    const std::size_t largest = *std::max_element(problem.table_sizes.begin(), problem.table_sizes.end());
    for (std::uint32_t u = 0; u < units.members.size(); ++u) {
        const auto& members = units.members[u];
        const std::size_t room = pinned[u] != k_no_table ? problem.table_sizes[pinned[u]] : largest;
        if (members.size() > room) {
            return "the keep-together group of " + list_labels(problem, members) + " has " +
                   std::to_string(members.size()) + " people, but " +
                   (pinned[u] != k_no_table ? "their host's table" : "the largest table") + " seats " +
                   std::to_string(room);
        }
        if (problem.max_per_sector > 0) {
            std::vector<std::size_t> count(problem.sector_names.size(), 0);
            for (const Person p : members) {
                if (problem.sectors[p] == k_unknown_sector) continue;
                if (++count[problem.sectors[p]] > problem.max_per_sector) {
                    return "the keep-together group of " + list_labels(problem, members) + " has more than " +
                           std::to_string(problem.max_per_sector) + " of " + problem.sector_names[problem.sectors[p]] +
                           " (--max-per-sector)";
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> keep_apart_conflict(const SeatingProblem& problem, const Units& units) {
    const std::size_t tables = problem.table_sizes.size();
    for (const auto& group : problem.keep_apart) {
        for (std::size_t i = 0; i < group.size(); ++i) {
            for (std::size_t j = i + 1; j < group.size(); ++j) {
                if (units.of_person[group[i]] == units.of_person[group[j]]) {
                    return in_quotes(problem.labels[group[i]]) + " and " + in_quotes(problem.labels[group[j]]) +
                           " are both kept apart and kept together";
                }
            }
        }
        if (group.size() > tables) {
            return "the keep-apart group of " + list_labels(problem, group) + " needs " + std::to_string(group.size()) +
                   " tables; there are " + std::to_string(tables);
        }
    }
    return std::nullopt;
}

std::optional<std::string> sector_cap_conflict(const SeatingProblem& problem) {
    if (problem.max_per_sector == 0) return std::nullopt;
    const std::size_t tables = problem.table_sizes.size();
    std::vector<std::size_t> count(problem.sector_names.size(), 0);
    for (const SectorIndex sector : problem.sectors) {
        if (sector != k_unknown_sector) ++count[sector];
    }
    std::size_t room = 0;
    for (const std::size_t size : problem.table_sizes) room += std::min(size, problem.max_per_sector);
    for (std::size_t s = 0; s < count.size(); ++s) {
        if (count[s] > room) {
            return "--max-per-sector " + std::to_string(problem.max_per_sector) + ": " + std::to_string(count[s]) +
                   " people of " + problem.sector_names[s] + " do not fit at " + std::to_string(tables) +
                   (tables == 1 ? " table" : " tables");
        }
    }
    // A table takes at most cap people of each sector present; the rest of its seats need
    // people of unknown sector.
    const auto present =
        static_cast<std::size_t>(std::count_if(count.begin(), count.end(), [](std::size_t c) { return c > 0; }));
    const auto unknown =
        static_cast<std::size_t>(std::count(problem.sectors.begin(), problem.sectors.end(), k_unknown_sector));
    const std::size_t known_room = present * problem.max_per_sector;
    std::size_t needed = 0;
    std::size_t first_short = tables;
    for (std::size_t t = 0; t < tables; ++t) {
        if (problem.table_sizes[t] <= known_room) continue;
        needed += problem.table_sizes[t] - known_room;
        if (first_short == tables) first_short = t;
    }
    if (needed > unknown) {
        return "--max-per-sector " + std::to_string(problem.max_per_sector) + ": table " +
               std::to_string(first_short + 1) + " seats " + std::to_string(problem.table_sizes[first_short]) +
               " but can take at most " + std::to_string(known_room) + " people of the " + std::to_string(present) +
               (present == 1 ? " sector" : " sectors") + " present, and " + std::to_string(unknown) +
               " of unknown sector cannot fill the " + std::to_string(needed) + (needed == 1 ? " seat" : " seats") +
               " left over; use smaller tables or a larger cap";
    }
    return std::nullopt;
}

std::optional<std::string> rounds_conflict(const SeatingProblem& problem, const Units& units) {
    if (problem.rounds <= 1) return std::nullopt;
    const std::size_t n = problem.people.size();
    const std::size_t tables = problem.table_sizes.size();
    const std::size_t largest = *std::max_element(problem.table_sizes.begin(), problem.table_sizes.end());
    const std::size_t smallest = *std::min_element(problem.table_sizes.begin(), problem.table_sizes.end());
    if (largest > tables) {
        // From round 2 on, the units (a keep-together group or one person) at a table all sat at
        // different tables the round before, so a table of s holds at most `tables` units and
        // s − tables of its people must be the extra members of keep-together groups.
        std::size_t extra_needed = 0;
        for (const std::size_t size : problem.table_sizes) extra_needed += size > tables ? size - tables : 0;
        std::size_t extra_available = 0;
        for (const auto& members : units.members) extra_available += members.size() - 1;
        if (extra_needed > extra_available) {
            std::string message =
                "with " + std::to_string(problem.rounds) + " rounds, a table of " + std::to_string(largest) +
                " needs people from " + std::to_string(largest) +
                " different tables of the round before (no pair may sit together twice), but there are " +
                std::to_string(tables);
            if (extra_available > 0)
                message += " (keep-together groups, which move as one, make up only " +
                           std::to_string(extra_available) + " of the " + std::to_string(extra_needed) +
                           " people short)";
            return message + ": use more, smaller tables or one round";
        }
    }
    for (Person p = 0; p < n; ++p) {
        const std::size_t group = units.members[units.of_person[p]].size();
        const std::size_t table = std::max(smallest, group);
        const std::size_t needed = (group - 1) + problem.rounds * (table - group);
        if (needed > n - 1) {
            return std::to_string(problem.rounds) + " rounds at tables of at least " + std::to_string(smallest) +
                   " would have " + in_quotes(problem.labels[p]) + " meet " + std::to_string(needed) +
                   " different people, but only " + std::to_string(n - 1) +
                   " others are seated; no pair may sit together twice: use fewer rounds or smaller tables";
        }
    }
    return std::nullopt;
}

std::optional<std::string> first_conflict(const SeatingProblem& problem, const Units& units,
                                          std::span<const TableIndex> pinned) {
    auto conflict = host_conflict(problem, units);
    if (!conflict) conflict = keep_together_conflict(problem, units, pinned);
    if (!conflict) conflict = keep_apart_conflict(problem, units);
    if (!conflict) conflict = sector_cap_conflict(problem);
    if (!conflict) conflict = rounds_conflict(problem, units);
    return conflict;
}

}  // namespace seating_detail

namespace {

using seating_search::better;
using seating_search::Forbidden;
using seating_search::k_no_table;
using seating_search::Person;
using seating_search::RoundState;
using seating_search::Score;
using seating_search::TableIndex;
using seating_search::Units;

/// What every round's search shares: the units, which are pinned to a host's table, and
/// which can move.
struct Context {
    const SeatingProblem* problem = nullptr;
    Units units;
    std::vector<TableIndex> pinned;     ///< Per unit: the host's table, or k_no_table.
    std::vector<std::uint32_t> blocks;  ///< Movable units of two or more, largest first.
    std::vector<Person> singletons;     ///< Movable people alone in their unit, ascending.
    std::vector<std::uint8_t> movable;  ///< Per person: 1 for the singletons.
    std::vector<std::uint32_t> pinned_units;
};

Context make_context(const SeatingProblem& problem) {
    Context context;
    context.problem = &problem;
    context.units = seating_search::seating_units(problem);
    const Units& units = context.units;
    context.pinned.assign(units.members.size(), k_no_table);
    for (std::size_t k = 0; k < problem.hosts.size(); ++k) {
        context.pinned[units.of_person[problem.hosts[k]]] = static_cast<TableIndex>(k);
    }
    for (std::uint32_t u = 0; u < units.members.size(); ++u) {
        if (context.pinned[u] != k_no_table)
            context.pinned_units.push_back(u);
        else if (units.members[u].size() > 1)
            context.blocks.push_back(u);
        else
            context.singletons.push_back(units.members[u].front());
    }
    context.movable.assign(problem.people.size(), 0);
    for (const Person p : context.singletons) context.movable[p] = 1;
    std::stable_sort(context.blocks.begin(), context.blocks.end(), [&](std::uint32_t a, std::uint32_t b) {
        return units.members[a].size() > units.members[b].size();
    });
    return context;
}

/// Throws RequestError, naming the constraint, for requests no seating can meet.
void check_feasible(const Context& context) {
    const auto conflict = seating_detail::first_conflict(*context.problem, context.units, context.pinned);
    if (conflict) throw RequestError(*conflict);
}

/// Keep-apart partners, plus the people met in `rounds` of `seating` (not those of one's own unit).
Forbidden forbidden_pairs(const Context& context, const Seating& seating, std::span<const std::size_t> rounds) {
    const SeatingProblem& problem = *context.problem;
    const std::size_t n = problem.people.size();
    std::vector<std::vector<Person>> forbidden(n);
    for (const auto& group : problem.keep_apart) {
        for (const Person p : group) {
            for (const Person q : group) {
                if (p != q) forbidden[p].push_back(q);
            }
        }
    }
    std::vector<std::vector<Person>> at(problem.table_sizes.size());
    for (const std::size_t r : rounds) {
        for (auto& members : at) members.clear();
        for (Person p = 0; p < n; ++p) at[seating[r][p]].push_back(p);
        for (const auto& members : at) {
            for (const Person p : members) {
                for (const Person q : members) {
                    if (p != q && context.units.of_person[p] != context.units.of_person[q]) forbidden[p].push_back(q);
                }
            }
        }
    }
    for (auto& list : forbidden) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return Forbidden(std::move(forbidden));
}

void place_unit(RoundState& state, const Context& context, std::uint32_t unit, TableIndex t) {
    for (const Person p : context.units.members[unit]) state.place(p, t);
}

/// Places the movable blocks, largest first: at the table where they add the most (greedy) or
/// at a random table with room. Falls back to worst-fit decreasing (the table with the most
/// free seats) when that leaves a block without room. Returns false when even that fails.
bool place_blocks(RoundState& state, const Context& context, Random& random, bool greedy) {
    const SeatingProblem& problem = *context.problem;
    const std::size_t tables = problem.table_sizes.size();
    for (const std::uint32_t unit : context.blocks) {
        const auto& members = context.units.members[unit];
        TableIndex chosen = k_no_table;
        Score best;
        std::vector<TableIndex> with_room;
        for (TableIndex t = 0; t < tables; ++t) {
            if (state.free_seats(t) < members.size()) continue;
            with_room.push_back(t);
            if (!greedy) continue;
            const Score delta = state.placement_delta(members, t);
            if (chosen == k_no_table || better(delta, best) ||
                (delta == best && state.free_seats(t) > state.free_seats(chosen))) {
                chosen = t;
                best = delta;
            }
        }
        if (with_room.empty()) return false;
        if (!greedy) chosen = with_room[random.below(with_room.size())];
        place_unit(state, context, unit, chosen);
    }
    return true;
}

/// Worst-fit decreasing: each block, largest first, at the table with the most free seats.
bool place_blocks_packed(RoundState& state, const Context& context) {
    const std::size_t tables = context.problem->table_sizes.size();
    for (const std::uint32_t unit : context.blocks) {
        TableIndex chosen = 0;
        for (TableIndex t = 1; t < tables; ++t) {
            if (state.free_seats(t) > state.free_seats(chosen)) chosen = t;
        }
        if (state.free_seats(chosen) < context.units.members[unit].size()) return false;
        place_unit(state, context, unit, chosen);
    }
    return true;
}

/// A fresh state with the hosts' units at their tables and the blocks placed.
/// The greedy start keeps the fair-spread caps; the random one (use_values false) does not.
RoundState start_round(const Context& context, const Forbidden& forbidden, bool use_values, Random& random,
                       bool greedy) {
    RoundState state(*context.problem, forbidden, use_values, use_values);
    for (const std::uint32_t unit : context.pinned_units) place_unit(state, context, unit, context.pinned[unit]);
    if (!place_blocks(state, context, random, greedy)) {
        state = RoundState(*context.problem, forbidden, use_values, use_values);
        for (const std::uint32_t unit : context.pinned_units) place_unit(state, context, unit, context.pinned[unit]);
        if (!place_blocks_packed(state, context)) {
            throw RequestError(
                "the keep-together groups do not fit at the tables (after the hosts' groups); "
                "use larger tables or smaller groups");
        }
    }
    return state;
}

/// Greedy construction: everyone else in a seeded order, each at the table with room where
/// they add the most (ties: the emptier table, then the first).
RoundState construct_greedy(const Context& context, const Forbidden& forbidden, Random& random) {
    RoundState state = start_round(context, forbidden, true, random, true);
    std::vector<Person> order = context.singletons;
    random.shuffle(std::span<Person>(order));
    const std::size_t tables = context.problem->table_sizes.size();
    for (const Person p : order) {
        TableIndex chosen = k_no_table;
        Score best;
        for (TableIndex t = 0; t < tables; ++t) {
            if (state.free_seats(t) == 0) continue;
            const Score delta = state.placement_delta(std::span<const Person>(&p, 1), t);
            if (chosen == k_no_table || better(delta, best) ||
                (delta == best && state.free_seats(t) > state.free_seats(chosen))) {
                chosen = t;
                best = delta;
            }
        }
        state.place(p, chosen);
    }
    return state;
}

/// Random seating: blocks at random tables with room, everyone else shuffled into the seats left.
RoundState construct_random(const Context& context, const Forbidden& forbidden, Random& random) {
    RoundState state = start_round(context, forbidden, false, random, false);
    std::vector<Person> order = context.singletons;
    random.shuffle(std::span<Person>(order));
    std::size_t next = 0;
    for (TableIndex t = 0; t < context.problem->table_sizes.size(); ++t) {
        while (state.free_seats(t) > 0) state.place(order[next++], t);
    }
    return state;
}

using Journal = std::vector<std::pair<Person, Person>>;

/// What a descent still has to look at: people whose best swap may have changed, and tables
/// whose people changed since the block exchanges were last tried (an exchange between two
/// unchanged tables keeps its delta, so skipping it misses nothing).
struct Marks {
    std::vector<std::uint8_t> person;
    std::vector<std::uint8_t> table;
};

void activate_table(const RoundState& state, TableIndex t, Marks& active) {
    for (const Person p : state.members(t)) active.person[p] = 1;
    active.table[t] = 1;
}

/// Tries to exchange each movable block with as many people alone at another table, or with
/// another movable block of the same size; applies the best improving exchange per block.
/// Returns whether anything moved.
bool improve_blocks(RoundState& state, const Context& context, Marks& active, Journal* journal) {
    bool moved = false;
    const std::size_t tables = state.tables();
    const auto& movable = context.movable;
    std::vector<std::pair<Score, Person>> candidates;
    std::vector<Person> chosen;
    std::vector<Person> best_set;
    for (const std::uint32_t unit : context.blocks) {
        const auto& block = context.units.members[unit];
        const TableIndex x = state.table_of(block.front());
        Score best;
        best_set.clear();
        for (TableIndex y = 0; y < tables; ++y) {
            if (y == x || (!active.table[x] && !active.table[y])) continue;
            candidates.clear();
            for (const Person q : state.members(y)) {
                if (!movable[q]) continue;
                Score alone;  // q's own change when exchanged with the block, but for the others of y moving
                alone.broken = state.conflicts(q, x) - state.conflicts(q, y);
                alone.value = state.gain(q, x) - state.gain(q, y);
                for (const Person a : block) {
                    alone.value -= 2 * state.value(a, q);
                    alone.broken -= state.forbidden(a, q) ? 2 : 0;
                }
                candidates.emplace_back(alone, q);
            }
            if (candidates.size() < block.size()) continue;
            const auto by_score = [](const auto& a, const auto& b) {
                return better(a.first, b.first) || (a.first == b.first && a.second < b.second);
            };
            if (block.size() == 2) {
                // A pair (the usual case: a carer, an interpreter): every two of the best four at y,
                // since the two who move together add their own value to each other.
                const std::size_t shortlist = std::min<std::size_t>(candidates.size(), 4);
                std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(shortlist),
                                  candidates.end(), by_score);
                for (std::size_t i = 0; i < shortlist; ++i) {
                    for (std::size_t j = i + 1; j < shortlist; ++j) {
                        const Person two[] = {candidates[i].second, candidates[j].second};
                        const Score delta = state.exchange_delta(block, two);
                        if (better(delta, best)) {
                            best = delta;
                            best_set.assign(std::begin(two), std::end(two));
                        }
                    }
                }
                continue;
            }
            std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(block.size()),
                              candidates.end(), by_score);
            chosen.clear();
            for (std::size_t k = 0; k < block.size(); ++k) chosen.push_back(candidates[k].second);
            const Score delta = state.exchange_delta(block, chosen);
            if (better(delta, best)) {
                best = delta;
                best_set = chosen;
            }
        }
        // Or with another movable block of the same size at another table.
        for (const std::uint32_t other_unit : context.blocks) {
            const auto& other = context.units.members[other_unit];
            const TableIndex y = state.table_of(other.front());
            if (other_unit == unit || other.size() != block.size() || y == x ||
                (!active.table[x] && !active.table[y])) {
                continue;
            }
            const Score delta = state.exchange_delta(block, other);
            if (better(delta, best)) {
                best = delta;
                best_set = other;
            }
        }
        if (best_set.empty()) continue;
        const TableIndex y = state.table_of(best_set.front());
        for (std::size_t k = 0; k < block.size(); ++k) {
            state.swap(block[k], best_set[k]);
            if (journal != nullptr) journal->emplace_back(block[k], best_set[k]);
        }
        activate_table(state, x, active);
        activate_table(state, y, active);
        moved = true;
    }
    // Nothing improved: every exchange has been tried since the tables last changed.
    if (!moved) std::fill(active.table.begin(), active.table.end(), std::uint8_t{0});
    return moved;
}

/// Local search to a local optimum of the swap neighbourhood: each active person in `order`
/// takes the best improving swap with a movable person at another table; a move activates
/// everyone at the two tables it touches (a shortcut: people at other tables, whose swaps with
/// those two changed too, wait for a move at their own table). Then block exchanges, and again
/// until nothing improves.
void improve(RoundState& state, const Context& context, std::span<const Person> order, Marks& active,
             Journal* journal) {
    while (true) {
        bool moved = false;
        for (const Person p : order) {
            if (!active.person[p]) continue;
            active.person[p] = 0;
            const TableIndex x = state.table_of(p);
            Score best;
            const Person partner = state.best_swap(p, context.movable, best);
            if (partner == k_none) continue;
            const TableIndex y = state.table_of(partner);
            state.swap(p, partner);
            if (journal != nullptr) journal->emplace_back(p, partner);
            activate_table(state, x, active);
            activate_table(state, y, active);
            moved = true;
        }
        if (!moved && !(context.blocks.empty() ? false : improve_blocks(state, context, active, journal))) break;
    }
}

/// A random block exchange for the shake: a movable keep-together group and, at another random
/// table, a group of the same size there or as many people alone chosen at random.
void shake_block(RoundState& state, const Context& context, Random& random, Marks& active, Journal& journal) {
    const std::size_t tables = state.tables();
    if (tables < 2) return;
    const std::uint32_t unit = context.blocks[random.below(context.blocks.size())];
    const auto& block = context.units.members[unit];
    const TableIndex x = state.table_of(block.front());
    const auto y = static_cast<TableIndex>((x + 1 + random.below(tables - 1)) % tables);
    std::vector<Person> partners;
    for (const std::uint32_t other_unit : context.blocks) {
        const auto& other = context.units.members[other_unit];
        if (other_unit != unit && other.size() == block.size() && state.table_of(other.front()) == y) {
            partners = other;
            break;
        }
    }
    if (partners.empty()) {
        for (const Person q : state.members(y)) {
            if (context.movable[q]) partners.push_back(q);
        }
        if (partners.size() < block.size()) return;
        random.shuffle(std::span<Person>(partners));
        partners.resize(block.size());
    }
    for (std::size_t i = 0; i < block.size(); ++i) {
        state.swap(block[i], partners[i]);
        journal.emplace_back(block[i], partners[i]);
    }
    activate_table(state, x, active);
    activate_table(state, y, active);
}

/// Iterated local search (variable neighbourhood search): shake with k random swaps,
/// improve, keep the result when it is no worse, otherwise undo it and shake harder next
/// time (k = 1 .. k_max, back to 1 after an improvement). Returns the iterations run.
/// Called every k_progress_every iterations with the iterations done.
using IterationTick = std::function<void(std::size_t)>;
constexpr std::size_t k_progress_every = 64;

std::size_t search_round(RoundState& state, const Context& context, Random& random, std::size_t iterations,
                         const IterationTick& tick = {}) {
    const auto& singletons = context.singletons;
    if (singletons.empty() && context.blocks.empty()) return 0;
    std::vector<Person> order = singletons;
    random.shuffle(std::span<Person>(order));
    Marks active{std::vector<std::uint8_t>(context.problem->people.size(), 0),
                 std::vector<std::uint8_t>(state.tables(), 1)};
    for (const Person p : order) active.person[p] = 1;
    improve(state, context, order, active, nullptr);
    if (singletons.empty()) return 0;  // blocks alone: one descent of block exchanges

    bool spread = false;  // are the movable people at two tables or more?
    for (const Person p : singletons) spread |= state.table_of(p) != state.table_of(singletons.front());
    if (!spread) return 0;
    const std::size_t k_max = std::clamp<std::size_t>(singletons.size() / 4, 1, 3);
    std::size_t k = 1;
    Score best = state.score();
    Journal journal;
    for (std::size_t iteration = 0; iteration < iterations; ++iteration) {
        if (tick && iteration % k_progress_every == 0) tick(iteration);
        journal.clear();
        for (std::size_t shake = 0; shake < k; ++shake) {
            const std::size_t blocks = context.blocks.size();
            if (blocks > 0 && random.below(singletons.size() + blocks) < blocks) {
                shake_block(state, context, random, active, journal);
                continue;
            }
            const Person p = singletons[random.below(singletons.size())];
            for (int attempt = 0; attempt < 8; ++attempt) {
                const Person q = singletons[random.below(singletons.size())];
                const TableIndex x = state.table_of(p);
                const TableIndex y = state.table_of(q);
                if (x == y) continue;
                state.swap(p, q);
                journal.emplace_back(p, q);
                activate_table(state, x, active);
                activate_table(state, y, active);
                break;
            }
        }
        improve(state, context, order, active, &journal);
        const Score now = state.score();
        if (better(now, best)) {
            best = now;
            k = 1;
        } else if (!(now == best)) {
            for (auto move = journal.rbegin(); move != journal.rend(); ++move) state.swap(move->first, move->second);
            k = k % k_max + 1;
        }
    }
    return iterations;
}

double objective_of(const Score& score) {
    return static_cast<double>(score.value) / static_cast<double>(PairValues::k_scale);
}

/// Iterations per round when the caller leaves it to us. An iteration costs about
/// k·s·n swap evaluations (s people at each of the 2k tables a shake touches, each weighed
/// against everyone), so the count falls as n·s grows: 1,500 for 300 people at tables of 10,
/// where the search has settled (twice as many gain less than 0.1% of the objective on the
/// generated 1,100-member networks' gatherings, seeds 1-3; a long simulated annealing run does
/// less than 0.5% better).
std::size_t default_iterations(const SeatingProblem& problem) {
    const std::size_t n = problem.people.size();
    const std::size_t seats = *std::max_element(problem.table_sizes.begin(), problem.table_sizes.end());
    return std::clamp<std::size_t>(4'500'000 / std::max<std::size_t>(1, n * seats), 200, 20'000);
}

std::vector<std::size_t> all_rounds_but(std::size_t rounds, std::size_t skipped, std::size_t until) {
    std::vector<std::size_t> result;
    for (std::size_t r = 0; r < std::min(rounds, until); ++r) {
        if (r != skipped) result.push_back(r);
    }
    return result;
}

}  // namespace

SeatingPlan plan_seating(const SeatingProblem& problem, const SeatingSearchOptions& options) {
    const std::size_t n = problem.people.size();
    if (n == 0 || problem.table_sizes.empty()) throw RequestError("there is nobody to seat");
    std::size_t seats = 0;
    for (const std::size_t size : problem.table_sizes) seats += size;
    if (seats != n) {
        throw RequestError("the tables seat " + std::to_string(seats) + " but there are " + std::to_string(n) +
                           " people");
    }
    if (problem.rounds == 0) throw RequestError("--rounds must be at least 1");
    const Context context = make_context(problem);
    check_feasible(context);

    const std::size_t iterations = options.iterations > 0 ? options.iterations : default_iterations(problem);
    const std::size_t rounds = problem.rounds;
    SeatingPlan plan;
    plan.rounds.resize(rounds);
    Seating seating(rounds);

    // Progress: every round's search, then every round's second search (half as long), then
    // the random seatings, counted in iterations (a random seating as 50).
    const std::size_t total_work =
        rounds * iterations + (rounds > 1 ? rounds * (iterations / 2) : 0) + 50 * options.random_seatings;
    std::size_t work_done = 0;
    const auto tick_for = [&](std::string stage) -> IterationTick {
        if (!options.progress) return {};
        return [&options, &work_done, total_work, stage = std::move(stage)](std::size_t done) {
            options.progress(stage, work_done + done, total_work);
        };
    };
    const auto of_rounds = [&](std::size_t r) {
        return "round " + std::to_string(r + 1) + " of " + std::to_string(rounds);
    };

    // Round by round: pairs seated in earlier rounds may not meet again.
    for (std::size_t r = 0; r < rounds; ++r) {
        const auto earlier = all_rounds_but(rounds, rounds, r);
        const Forbidden forbidden = forbidden_pairs(context, seating, earlier);
        Random random = Random::stream(options.seed, 1 + r);
        RoundState state = construct_greedy(context, forbidden, random);
        plan.rounds[r].construction_objective = objective_of(state.score());
        plan.rounds[r].construction_broken = static_cast<std::size_t>(state.score().broken);
        plan.iterations += search_round(state, context, random, iterations, tick_for("planning " + of_rounds(r)));
        work_done += iterations;
        plan.rounds[r].search_objective = objective_of(state.score());
        plan.rounds[r].search_broken = static_cast<std::size_t>(state.score().broken);
        plan.rounds[r].objective = plan.rounds[r].search_objective;
        seating[r] = state.assignment();
    }
    // Each round again with every other round fixed (never worse: it starts from itself).
    if (rounds > 1) {
        for (std::size_t r = 0; r < rounds; ++r) {
            const auto others = all_rounds_but(rounds, r, rounds);
            const Forbidden forbidden = forbidden_pairs(context, seating, others);
            Random random = Random::stream(options.seed, 1 + rounds + r);
            RoundState state(problem, forbidden, true);
            for (Person p = 0; p < n; ++p) state.place(p, seating[r][p]);
            plan.iterations +=
                search_round(state, context, random, iterations / 2, tick_for("improving " + of_rounds(r)));
            work_done += iterations / 2;
            plan.rounds[r].objective = objective_of(state.score());
            seating[r] = state.assignment();
        }
    }
    for (std::size_t r = 0; r < rounds; ++r) plan.rounds[r].table_of = seating[r];

    const std::vector<std::string> broken = seating_violations(problem, seating);
    if (!broken.empty()) {
        std::string message = "found no seating that keeps every constraint; the best one still has: " + broken.front();
        if (broken.size() > 1) message += " (and " + std::to_string(broken.size() - 1) + " more)";
        message += ". It may be impossible: try fewer rounds, more or larger tables, or fewer keep-apart pairs";
        if (problem.max_per_sector > 0) message += ", or a larger --max-per-sector";
        throw RequestError(message);
    }
    plan.score = score_seating(problem, seating);
    if (problem.fair_spread) plan.unfair = fair_spread_shortfalls(problem, seating);

    // The random baseline: random seatings repaired to keep the hard constraints.
    const std::size_t samples = options.random_seatings;
    if (options.progress) options.progress("random seatings and the upper bound", work_done, total_work);
    std::vector<SeatingScore> random_scores(samples);
    concurrency::parallel_for(samples, concurrency::worker_count(options.threads), 1,
                              [&](unsigned, std::size_t begin, std::size_t end) {
                                  for (std::size_t k = begin; k < end; ++k) {
                                      Random random = Random::stream(options.seed, 1'000'000 + k);
                                      Seating sample(rounds);
                                      for (std::size_t r = 0; r < rounds; ++r) {
                                          const auto earlier = all_rounds_but(rounds, rounds, r);
                                          const Forbidden forbidden = forbidden_pairs(context, sample, earlier);
                                          RoundState state = construct_random(context, forbidden, random);
                                          if (state.score().broken > 0) search_round(state, context, random, 50);
                                          sample[r] = state.assignment();
                                      }
                                      random_scores[k] = score_seating(problem, sample);
                                  }
                              });
    for (const auto& score : random_scores) {
        plan.random_objective += score.objective;
        plan.random_new_cross_sector_pairs += static_cast<double>(score.new_cross_sector_pairs);
    }
    if (samples > 0) {
        plan.random_objective /= static_cast<double>(samples);
        plan.random_new_cross_sector_pairs /= static_cast<double>(samples);
    }
    plan.random_seating_count = samples;
    plan.bound = seating_upper_bound(problem);
    if (options.progress) options.progress("done", total_work, total_work);
    return plan;
}

}  // namespace bridgemap
