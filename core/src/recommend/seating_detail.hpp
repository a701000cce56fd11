#pragma once
// Private: the phases of the seating bound (seating_bound.cpp) and of the feasibility checks
// plan_seating makes before it searches (seating_search.cpp), each returning a value so that
// tests can check them one by one. docs/seating.md, "The upper bound", derives the bound.

#include <bridgemap/recommend/seating.hpp>

#include "recommend/seating_search.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bridgemap::seating_detail {

using seating_search::Person;
using seating_search::TableIndex;
using seating_search::Units;

// ---------------------------------------------------------------------------------------
// The bound (seating_upper_bound).

/// min Σ_t c_t² over integers 0 ≤ c_t ≤ capacity[t] with Σ_t c_t = count: the count spread
/// as evenly as the capacities allow. Assumes Σ capacity ≥ count. O(tables log tables).
std::int64_t least_sum_of_squares(std::size_t count, std::vector<std::size_t> capacity);

/// What the sector and table sizes alone allow in one round of any seating.
struct RoundPairLimits {
    /// X₁ = ½(max Σ_t K_t² − Σ_s min Σ_t c_ts²), at least 0: the most cross-sector pairs, with
    /// K_t the people of known sector at table t (packed into the largest tables) and c_ts
    /// those of sector s (spread as evenly as max_per_sector and the table sizes allow).
    std::int64_t cross_pairs = 0;
    /// Y₁ = Σ_s min Σ_t C(c_ts, 2): the fewest same-sector pairs.
    std::int64_t same_pairs = 0;
    /// Σ_t C(s_t, 2): every pair seated together in one round.
    std::int64_t all_pairs = 0;
};

/// The round limits of `problem` (which has at least one table). O(sectors · tables log tables + n).
RoundPairLimits round_pair_limits(const SeatingProblem& problem);

/// Per person, the largest table they can sit at: their host's table for the unit of a host,
/// else the largest table. O(n).
std::vector<std::size_t> largest_seat(const SeatingProblem& problem, const Units& units);

/// Per person, what their partners over all rounds can be worth: the partners they are
/// forced to have (their own keep-together unit) and the best they can choose beyond them
/// (not their unit, not kept apart from them, not a second host when they host).
struct PartnerValues {
    std::vector<double> forced_value;             ///< Σ u(p,q) over p's unit.
    std::vector<double> forced_cross;             ///< Cross-sector pairs in p's unit.
    std::vector<std::int64_t> free_partners;      ///< R·(largest seat − unit size), at least 0.
    std::vector<std::vector<double>> best_cross;  ///< The free_partners largest u of cross-sector partners, descending.
    std::vector<std::vector<double>> best_other;  ///< The same of the other partners with u > 0.
    /// Σ_p (new cross-sector pairs in p's unit + min(free_partners, new cross-sector partners
    /// beyond it)): twice a bound on the new cross-sector pairs.
    std::int64_t new_pair_ends = 0;
    std::int64_t same_pairs_in_units = 0;  ///< Same-sector pairs inside keep-together units.
};

/// The partner values of `problem` (which has at least one table). O(n² + n log n per person).
PartnerValues partner_values(const SeatingProblem& problem);

/// The Lagrangian bound on Σ u for multiplier `lambda` ≥ 0 of `cross_pairs` (R·X₁):
///     λ·cross_pairs + ½ Σ_p (forced_value − λ·forced_cross + the free_partners largest
///     positive terms of (best_cross − λ) and best_other, merged).
/// O(Σ free partners).
double lagrangian_bound(const PartnerValues& partners, std::int64_t cross_pairs, double lambda);

/// The least of `f` at `low`, `high` and the probes of `steps` steps of golden-section search
/// on [low, high] (for convex f, its minimum there to within (0.618…)^steps of the interval).
/// Calls f steps + 4 times.
double golden_section_minimum(const std::function<double(double)>& f, double low, double high, int steps);

// ---------------------------------------------------------------------------------------
// Feasibility (plan_seating's checks before the search). Each returns, in words naming the
// constraint and the people, why no seating can meet the request, or nothing.

/// More hosts than tables; two hosts in one keep-together unit.
std::optional<std::string> host_conflict(const SeatingProblem& problem, const Units& units);

/// A keep-together unit larger than its table (`pinned[u]`: the host's table of unit u, or
/// k_no_table: the largest), or with more than max_per_sector of one sector.
std::optional<std::string> keep_together_conflict(const SeatingProblem& problem, const Units& units,
                                                  std::span<const TableIndex> pinned);

/// Two people both kept apart and kept together; a keep-apart group larger than the tables.
std::optional<std::string> keep_apart_conflict(const SeatingProblem& problem, const Units& units);

/// With max_per_sector: a sector with more people than the tables take of it; more seats
/// than the cap times the sectors present plus the people of unknown sector can fill.
std::optional<std::string> sector_cap_conflict(const SeatingProblem& problem);

/// With several rounds: tables larger than the number of tables by more than the
/// keep-together units make up; someone who would have to meet more people than there are.
std::optional<std::string> rounds_conflict(const SeatingProblem& problem, const Units& units);

/// The first conflict, checking in the order above (each check relies on the ones before).
std::optional<std::string> first_conflict(const SeatingProblem& problem, const Units& units,
                                          std::span<const TableIndex> pinned);

}  // namespace bridgemap::seating_detail
