// The phases of the seating bound and of plan_seating's feasibility checks
// (recommend/seating_detail.hpp), each on small problems worked out by hand.

#include <bridgemap/recommend/seating.hpp>

#include "recommend/seating_detail.hpp"
#include "recommend/seating_search.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace bridgemap {
namespace {

using seating_detail::Person;
using seating_detail::TableIndex;
using seating_search::k_no_table;

/// `sectors.size()` people m0, m1, … of the given sectors (k_unknown_sector for none) of
/// "arts" (0) and "business" (1), at tables of `sizes`; every pair worth 0, flagged by sector.
SeatingProblem problem_of(const std::vector<SectorIndex>& sectors, std::vector<std::size_t> sizes) {
    SeatingProblem problem;
    problem.sector_names = {"arts", "business"};
    problem.sectors = sectors;
    problem.table_sizes = std::move(sizes);
    const std::size_t n = sectors.size();
    for (std::size_t p = 0; p < n; ++p) {
        problem.people.push_back(static_cast<MemberIndex>(p));
        problem.labels.emplace_back("m");  // not "m" + to_string: GCC 12 warns (-Wrestrict) falsely
        problem.labels.back() += std::to_string(p);
        problem.communities.push_back(0);
    }
    problem.values = PairValues(n, 0.1);
    for (std::size_t p = 0; p < n; ++p) {
        for (std::size_t q = p + 1; q < n; ++q) {
            std::uint8_t flags = 0;
            if (sectors[p] != k_unknown_sector && sectors[q] != k_unknown_sector) {
                flags = sectors[p] == sectors[q] ? PairValues::same_sector : PairValues::cross_sector;
            }
            problem.values.set(p, q, 0.0, flags);
        }
    }
    return problem;
}

/// Sets the bridging value of p and q, keeping their sector flag, with `tied` added.
void set_value(SeatingProblem& problem, std::size_t p, std::size_t q, double value, bool tied = false) {
    const auto flags = static_cast<std::uint8_t>(problem.values.flags(p, q) | (tied ? PairValues::tied : 0));
    problem.values.set(p, q, value, flags);
}

/// Five people over two rounds at tables of 2 and 3: m0 (arts) hosts table 1; m1 (arts) and
/// m2 (business) are kept together; m3 (business) and m4 (unknown sector) are kept apart.
///     u:   m0-m1 0.25, m0-m2 1, m0-m3 0.5 (tied), m1-m3 1, m1-m2 1, m1-m4 0.25, m2-m4 0.25,
///          m3-m4 0.25; every other pair 0.
SeatingProblem five_people() {
    SeatingProblem problem = problem_of({0, 0, 1, 1, k_unknown_sector}, {2, 3});
    problem.rounds = 2;
    problem.hosts = {0};
    problem.keep_together = {{1, 2}};
    problem.keep_apart = {{3, 4}};
    set_value(problem, 0, 1, 0.25);
    set_value(problem, 0, 2, 1.0);
    set_value(problem, 0, 3, 0.5, true);
    set_value(problem, 1, 2, 1.0);
    set_value(problem, 1, 3, 1.0);
    set_value(problem, 1, 4, 0.25);
    set_value(problem, 2, 4, 0.25);
    set_value(problem, 3, 4, 0.25);
    return problem;
}

/// Per unit, the table of its host, as plan_seating pins them.
std::vector<TableIndex> pinned_units(const SeatingProblem& problem, const seating_search::Units& units) {
    std::vector<TableIndex> pinned(units.members.size(), k_no_table);
    for (std::size_t k = 0; k < problem.hosts.size(); ++k) {
        pinned[units.of_person[problem.hosts[k]]] = static_cast<TableIndex>(k);
    }
    return pinned;
}

// ---------------------------------------------------------------------------------------
// The bound.

TEST(LeastSumOfSquares, SpreadAsEvenlyAsTheCapacitiesAllow) {
    EXPECT_EQ(seating_detail::least_sum_of_squares(3, {3, 3}), 5);      // 2 + 1: 4 + 1
    EXPECT_EQ(seating_detail::least_sum_of_squares(2, {3, 2}), 2);      // 1 + 1
    EXPECT_EQ(seating_detail::least_sum_of_squares(5, {3, 1, 3}), 9);   // 1 (full) + 2 + 2: 1 + 4 + 4
    EXPECT_EQ(seating_detail::least_sum_of_squares(7, {2, 2, 4}), 17);  // 2 + 2 (full) + 3: 4 + 4 + 9
    EXPECT_EQ(seating_detail::least_sum_of_squares(0, {2, 2}), 0);
}

TEST(RoundPairLimits, CrossAndSamePairsFromTheSectorSizes) {
    // 3 arts, 2 business, 1 unknown at two tables of 3. Known people packed: K = (3, 2),
    // Σ K² = 13; spread: arts (2, 1) gives 5, business (1, 1) gives 2. X₁ = (13 − 7) / 2 = 3
    // (arts, arts, business | arts, business, unknown has 2 + 1); Y₁ = (5 − 3)/2 + 0 = 1.
    const auto limits = seating_detail::round_pair_limits(problem_of({0, 0, 0, 1, 1, k_unknown_sector}, {3, 3}));
    EXPECT_EQ(limits.cross_pairs, 3);
    EXPECT_EQ(limits.same_pairs, 1);
    EXPECT_EQ(limits.all_pairs, 6);  // 3 + 3

    // Five people: K = (3, 1), Σ K² = 10; each sector of 2 spread (1, 1): 2 + 2. X₁ = 3, Y₁ = 0.
    const auto five = seating_detail::round_pair_limits(five_people());
    EXPECT_EQ(five.cross_pairs, 3);
    EXPECT_EQ(five.same_pairs, 0);
    EXPECT_EQ(five.all_pairs, 4);  // 1 + 3
}

TEST(RoundPairLimits, FourOfOneSectorAtTablesOfThree) {
    // 4 arts and 2 business at two tables of 3: arts spread (2, 2) has Σ c² = 8 and 2 pairs,
    // business (1, 1) 2 and none; K = (3, 3) gives Σ K² = 18, so X₁ = (18 − 10) / 2 = 4.
    const auto limits = seating_detail::round_pair_limits(problem_of({0, 0, 0, 0, 1, 1}, {3, 3}));
    EXPECT_EQ(limits.same_pairs, 2);
    EXPECT_EQ(limits.cross_pairs, 4);
}

TEST(LargestSeat, TheHostsTableForTheirUnitElseTheLargest) {
    const SeatingProblem problem = five_people();
    const auto units = seating_search::seating_units(problem);
    EXPECT_EQ(seating_detail::largest_seat(problem, units), (std::vector<std::size_t>{2, 3, 3, 3, 3}));
    SeatingProblem together = problem;
    together.keep_together = {{0, 1}};  // the host's group shares the host's table of 2
    EXPECT_EQ(seating_detail::largest_seat(together, seating_search::seating_units(together)),
              (std::vector<std::size_t>{2, 2, 3, 3, 3}));
}

TEST(PartnerValues, ForcedPartnersAndTheBestOthersByHand) {
    const auto partners = seating_detail::partner_values(five_people());
    // Free partners R·(seat − unit): m0 2·(2 − 1), m1 and m2 2·(3 − 2), m3 and m4 2·(3 − 1).
    EXPECT_EQ(partners.free_partners, (std::vector<std::int64_t>{2, 2, 2, 4, 4}));
    // m1 and m2 are each other's forced partner, worth 1 and cross-sector.
    EXPECT_EQ(partners.forced_value, (std::vector<double>{0, 1, 1, 0, 0}));
    EXPECT_EQ(partners.forced_cross, (std::vector<double>{0, 1, 1, 0, 0}));
    // m0: cross m2 (1) and m3 (0.5); other m1 (0.25). m3: not m4 (kept apart); m2 is worth 0.
    EXPECT_EQ(partners.best_cross, (std::vector<std::vector<double>>{{1, 0.5}, {1}, {1}, {1, 0.5}, {}}));
    EXPECT_EQ(partners.best_other, (std::vector<std::vector<double>>{{0.25}, {0.25, 0.25}, {0.25}, {}, {0.25, 0.25}}));
    // New cross-sector partners: m0 1 (m2; m3 is tied), m1 1 forced + 1 (m3), m2 1 + 1 (m0),
    // m3 1 (m1), m4 none.
    EXPECT_EQ(partners.new_pair_ends, 6);
    EXPECT_EQ(partners.same_pairs_in_units, 0);

    SeatingProblem arts = problem_of({0, 0, 1}, {3});
    arts.keep_together = {{0, 1}};
    EXPECT_EQ(seating_detail::partner_values(arts).same_pairs_in_units, 1);
}

TEST(PartnerValues, NoTwoHostsArePartners) {
    SeatingProblem problem = problem_of({0, 1, 0, 1}, {2, 2});
    problem.hosts = {0, 1};
    for (std::size_t q = 1; q < 4; ++q) set_value(problem, 0, q, 1.0);
    const auto partners = seating_detail::partner_values(problem);
    EXPECT_EQ(partners.best_cross[0], (std::vector<double>{1}));  // m3, not the host m1 (m2 is arts)
    EXPECT_EQ(partners.best_other[0], (std::vector<double>{1}));  // m2
}

TEST(LagrangianBound, MergesTheBestTermsForAMultiplier) {
    const auto partners = seating_detail::partner_values(five_people());
    // λ = 0: m0 1 + 0.5, m1 1 + 1 + 0.25, m2 1 + 1 + 0.25, m3 1 + 0.5, m4 0.25 + 0.25: 8 / 2.
    EXPECT_DOUBLE_EQ(seating_detail::lagrangian_bound(partners, 4, 0.0), 4.0);
    // λ = 0.5: m0 0.5 + 0.25, m1 0.5 + 0.5 + 0.25, m2 the same, m3 0.5 (then 0: stop), m4 0.5:
    // 4.25 / 2 + 0.5 · 4.
    EXPECT_DOUBLE_EQ(seating_detail::lagrangian_bound(partners, 4, 0.5), 4.125);
    EXPECT_DOUBLE_EQ(seating_detail::lagrangian_bound(partners, 0, 0.5), 2.125);
}

TEST(GoldenSectionMinimum, ConvexFunctionsAndTheEnds) {
    int calls = 0;
    const double smallest = seating_detail::golden_section_minimum(
        [&](double x) {
            ++calls;
            return (x - 0.3) * (x - 0.3);
        },
        0.0, 1.0, 40);
    EXPECT_EQ(calls, 44);
    EXPECT_GE(smallest, 0.0);
    EXPECT_LT(smallest, 1e-16);  // the probes close in on 0.3 to within 0.618⁴⁰ ≈ 4e-9
    EXPECT_NEAR(seating_detail::golden_section_minimum([](double x) { return std::abs(x - 0.25) + 1; }, 0.0, 1.0, 40),
                1.0, 1e-8);
    // A minimum at an end is found there exactly.
    EXPECT_EQ(seating_detail::golden_section_minimum([](double x) { return 2 - x; }, 0.0, 1.0, 40), 1.0);
    EXPECT_EQ(seating_detail::golden_section_minimum([](double x) { return 3 + x; }, 0.0, 1.0, 0), 3.0);
}

TEST(SeatingUpperBound, FivePeopleByHand) {
    // New pairs: min(6 / 2, R·X₁ = 6, R·Σ C(s, 2) = 8). Objective: the Lagrangian rises from
    // λ = 0 (slope 6 − 8/2 > 0), so its minimum is 4, less no same-sector pair (Y₁ = 0).
    const SeatingBound bound = seating_upper_bound(five_people());
    EXPECT_EQ(bound.new_cross_sector_pairs, 3u);
    EXPECT_DOUBLE_EQ(bound.objective, 4.0);
}

// ---------------------------------------------------------------------------------------
// Feasibility.

TEST(HostConflict, MoreHostsThanTablesOrTwoInOneGroup) {
    SeatingProblem problem = problem_of({0, 0, 1, 1}, {2, 2});
    EXPECT_EQ(seating_detail::host_conflict(problem, seating_search::seating_units(problem)), std::nullopt);
    problem.hosts = {0, 1, 2};
    EXPECT_EQ(seating_detail::host_conflict(problem, seating_search::seating_units(problem)),
              "3 hosts but only 2 tables: each table takes one host; add tables or name fewer hosts");
    problem.hosts = {3, 1};
    problem.keep_together = {{1, 3}};
    EXPECT_EQ(seating_detail::host_conflict(problem, seating_search::seating_units(problem)),
              "hosts \"m3\" and \"m1\" are in the same keep-together group, but hosts sit at different tables");
}

TEST(KeepTogetherConflict, GroupLargerThanItsTableOrOverTheCap) {
    SeatingProblem problem = problem_of({0, 0, 1, 1, 1}, {2, 3});
    problem.keep_together = {{0, 1, 2}};
    auto units = seating_search::seating_units(problem);
    EXPECT_EQ(seating_detail::keep_together_conflict(problem, units, pinned_units(problem, units)), std::nullopt);
    problem.hosts = {0};  // the group sits at its host's table of 2
    EXPECT_EQ(seating_detail::keep_together_conflict(problem, units, pinned_units(problem, units)),
              "the keep-together group of \"m0\", \"m1\", \"m2\" has 3 people, but their host's table seats 2");
    problem.hosts.clear();
    problem.max_per_sector = 1;
    EXPECT_EQ(seating_detail::keep_together_conflict(problem, units, pinned_units(problem, units)),
              "the keep-together group of \"m0\", \"m1\", \"m2\" has more than 1 of arts (--max-per-sector)");

    SeatingProblem seven = problem_of(std::vector<SectorIndex>(8, 0), {6, 2});
    seven.keep_together = {{0, 1, 2, 3, 4, 5, 6}};
    units = seating_search::seating_units(seven);
    EXPECT_EQ(seating_detail::keep_together_conflict(seven, units, pinned_units(seven, units)),
              "the keep-together group of \"m0\", \"m1\", \"m2\", \"m3\", \"m4\" and 2 more has 7 people, but the "
              "largest table seats 6");
}

TEST(KeepApartConflict, KeptTogetherTooOrMoreThanTheTables) {
    SeatingProblem problem = problem_of({0, 0, 1, 1}, {2, 2});
    problem.keep_apart = {{0, 1}};
    EXPECT_EQ(seating_detail::keep_apart_conflict(problem, seating_search::seating_units(problem)), std::nullopt);
    problem.keep_apart = {{0, 1, 2}};
    EXPECT_EQ(seating_detail::keep_apart_conflict(problem, seating_search::seating_units(problem)),
              "the keep-apart group of \"m0\", \"m1\", \"m2\" needs 3 tables; there are 2");
    problem.keep_apart = {{2, 0}};
    problem.keep_together = {{0, 2}};
    EXPECT_EQ(seating_detail::keep_apart_conflict(problem, seating_search::seating_units(problem)),
              "\"m2\" and \"m0\" are both kept apart and kept together");
}

TEST(SectorCapConflict, ASectorTooLargeOrSeatsNobodyCanFill) {
    SeatingProblem problem = problem_of({0, 0, 0, 0}, {2, 2});
    EXPECT_EQ(seating_detail::sector_cap_conflict(problem), std::nullopt);  // no cap
    problem.max_per_sector = 1;
    EXPECT_EQ(seating_detail::sector_cap_conflict(problem),
              "--max-per-sector 1: 4 people of arts do not fit at 2 tables");
    // Two sectors of two under a cap of 1: a table of 3 takes 2 of them, and nobody of
    // unknown sector is left for its third seat.
    SeatingProblem two = problem_of({0, 0, 1, 1}, {3, 1});
    two.max_per_sector = 1;
    EXPECT_EQ(seating_detail::sector_cap_conflict(two),
              "--max-per-sector 1: table 1 seats 3 but can take at most 2 people of the 2 sectors present, and 0 of "
              "unknown sector cannot fill the 1 seat left over; use smaller tables or a larger cap");
    SeatingProblem unknown = problem_of({0, 0, 1, k_unknown_sector}, {3, 1});
    unknown.max_per_sector = 1;
    EXPECT_EQ(seating_detail::sector_cap_conflict(unknown), std::nullopt);
}

TEST(RoundsConflict, TablesTooLargeForTheRoundsOrTooFewPeopleToMeet) {
    SeatingProblem problem = problem_of(std::vector<SectorIndex>(6, 0), {3, 3});
    EXPECT_EQ(seating_detail::rounds_conflict(problem, seating_search::seating_units(problem)), std::nullopt);
    problem.rounds = 2;  // a table of 3 needs people from 3 tables of the round before
    EXPECT_EQ(seating_detail::rounds_conflict(problem, seating_search::seating_units(problem)),
              "with 2 rounds, a table of 3 needs people from 3 different tables of the round before (no pair may sit "
              "together twice), but there are 2: use more, smaller tables or one round");
    problem.keep_together = {{0, 1}};  // one extra person moves with m0; two are short
    EXPECT_EQ(seating_detail::rounds_conflict(problem, seating_search::seating_units(problem)),
              "with 2 rounds, a table of 3 needs people from 3 different tables of the round before (no pair may sit "
              "together twice), but there are 2 (keep-together groups, which move as one, make up only 1 of the 2 "
              "people short): use more, smaller tables or one round");
    problem.keep_together = {{0, 1}, {2, 3}};
    EXPECT_EQ(seating_detail::rounds_conflict(problem, seating_search::seating_units(problem)), std::nullopt);

    SeatingProblem four = problem_of({0, 0, 1, 1}, {2, 2});
    four.rounds = 3;  // 3 partners each: a round robin
    EXPECT_EQ(seating_detail::rounds_conflict(four, seating_search::seating_units(four)), std::nullopt);
    four.rounds = 4;
    EXPECT_EQ(seating_detail::rounds_conflict(four, seating_search::seating_units(four)),
              "4 rounds at tables of at least 2 would have \"m0\" meet 4 different people, but only 3 others are "
              "seated; no pair may sit together twice: use fewer rounds or smaller tables");
}

TEST(FirstConflict, ChecksInOrderAndStopsAtTheFirst) {
    // Too many hosts: the host check comes first, before the host's table (which does not
    // exist) is looked at for its keep-together group.
    SeatingProblem problem = problem_of({0, 0, 0, 1}, {2, 2});
    problem.hosts = {0, 1, 2};
    problem.keep_together = {{2, 3}};
    auto units = seating_search::seating_units(problem);
    EXPECT_EQ(seating_detail::first_conflict(problem, units, pinned_units(problem, units)),
              "3 hosts but only 2 tables: each table takes one host; add tables or name fewer hosts");
    // A keep-apart conflict before the sector cap.
    problem.hosts.clear();
    problem.keep_together.clear();
    problem.keep_apart = {{0, 1, 2}};
    problem.max_per_sector = 1;
    units = seating_search::seating_units(problem);
    EXPECT_EQ(seating_detail::first_conflict(problem, units, pinned_units(problem, units)),
              "the keep-apart group of \"m0\", \"m1\", \"m2\" needs 3 tables; there are 2");
    problem.keep_apart.clear();
    EXPECT_EQ(seating_detail::first_conflict(problem, units, pinned_units(problem, units)),
              "--max-per-sector 1: 3 people of arts do not fit at 2 tables");
    problem.max_per_sector = 0;
    EXPECT_EQ(seating_detail::first_conflict(problem, units, pinned_units(problem, units)), std::nullopt);
}

}  // namespace
}  // namespace bridgemap
