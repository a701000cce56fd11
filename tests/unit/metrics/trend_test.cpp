#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/model/inventory.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace bridgemap {
namespace {

Network three_events() {
    return testing::TestNetwork()
        .member("p", "public")
        .member("g", "grassroots")
        .member("v", "voluntary")
        .event("winter", "2018-02-10", {"p", "g"}, "gathering")
        .event("dinner", "2018-11-05", {"g", "v"}, "dinner")
        .event("summer", "2019-07", {"p", "v"}, "gathering")
        .build();
}

TEST(TrendPeriods, YearsQuartersAndEvents) {
    const Network network = three_events();
    TrendOptions options;
    const auto years = trend_periods(network, options);
    ASSERT_EQ(years.size(), 2u);
    EXPECT_EQ(years[0].label, "2018");
    EXPECT_EQ(describe_window(years[1].window), "2019-01-01 to 2019-12-31");

    options.by = PeriodKind::quarter;
    const auto quarters = trend_periods(network, options);
    ASSERT_EQ(quarters.size(), 7u);  // 2018-Q1 .. 2019-Q3
    EXPECT_EQ(quarters[0].label, "2018-Q1");
    EXPECT_EQ(quarters[6].label, "2019-Q3");
    EXPECT_EQ(describe_window(quarters[3].window), "2018-10-01 to 2018-12-31");

    options.by = PeriodKind::event;
    const auto gatherings = trend_periods(network, options);
    ASSERT_EQ(gatherings.size(), 2u);  // the dinner does not mark a period
    EXPECT_EQ(gatherings[0].label, "winter");
    EXPECT_EQ(describe_window(gatherings[0].window), "until 2018-02-10");
    EXPECT_EQ(describe_window(gatherings[1].window), "2018-02-11 to 2019-07-31");

    options.by = PeriodKind::year;
    options.cumulative = true;
    EXPECT_EQ(describe_window(trend_periods(network, options)[1].window), "until 2019-12-31");
    EXPECT_TRUE(trend_periods(testing::TestNetwork().member("x").build(), options).empty());
}

TEST(Trend, PeriodFiguresByHand) {
    TrendOptions options;
    const auto figures = trend(three_events(), options);
    ASSERT_EQ(figures.size(), 2u);
    // 2018: ties p–g and g–v, both across sectors: E-I = 1; three members, all active.
    EXPECT_EQ(figures[0].ties, 2u);
    EXPECT_EQ(figures[0].events, 2u);
    EXPECT_EQ(figures[0].active_members, 3u);
    EXPECT_DOUBLE_EQ(figures[0].mixing.ei_index, 1.0);
    // 2019: only p–v; g is not active.
    EXPECT_EQ(figures[1].ties, 1u);
    EXPECT_EQ(figures[1].active_members, 2u);
    options.cumulative = true;
    EXPECT_EQ(trend(three_events(), options)[1].ties, 3u);
}

/// The promise: each period's figures are what analyse gives for the same window.
TEST(Trend, EachPeriodEqualsAnalyseOfTheSameWindow) {
    generate::GeneratorOptions generator;
    generator.members = 300;
    generator.seed = 5;
    generator.years = 3;
    const Network network = generate::generate_network(generator);
    for (const bool cumulative : {false, true}) {
        TrendOptions options;
        options.by = PeriodKind::quarter;
        options.cumulative = cumulative;
        options.ties.max_setting_size = 40;
        const auto figures = trend(network, options);
        ASSERT_GE(figures.size(), 10u);
        for (const auto& period : figures) {
            SCOPED_TRACE(period.period.label);
            AnalysisOptions analysis_options;
            analysis_options.ties = options.ties;
            analysis_options.paths.mode = PathOptions::Mode::sampled;
            analysis_options.paths.samples = 5;  // path metrics play no part here
            const Network windowed = apply_window(network, period.period.window);
            const Analysis analysis = analyse(windowed, analysis_options);
            EXPECT_EQ(period.ties, analysis.graph.tie_count());
            EXPECT_EQ(period.events, windowed.events.size());
            EXPECT_EQ(period.active_members, active_members(windowed));
            const SectorMixing& a = period.mixing;
            const SectorMixing& b = analysis.mixing;
            EXPECT_EQ(a.ei_index, b.ei_index);  // bit for bit: the same computation
            EXPECT_EQ(a.expected_ei_index, b.expected_ei_index);
            ASSERT_EQ(a.pairs.size(), b.pairs.size());
            for (std::size_t k = 0; k < a.pairs.size(); ++k) {
                EXPECT_EQ(a.pairs[k].observed, b.pairs[k].observed);
                EXPECT_EQ(a.pairs[k].expected, b.pairs[k].expected);
            }
            ASSERT_EQ(a.reach.size(), b.reach.size());
            for (std::size_t k = 0; k < a.reach.size(); ++k) {
                // NaN for a sector with no member active in the period, in both.
                EXPECT_EQ(std::isnan(a.reach[k].within_two), std::isnan(b.reach[k].within_two));
                if (!std::isnan(a.reach[k].within_two)) {
                    EXPECT_EQ(a.reach[k].within_two, b.reach[k].within_two);
                }
            }
        }
    }
}

/// The tied pairs of one window, counted from the rows by brute force (SPEC §1–§2): small
/// events dated inside it, small groups and organisations with memberships overlapping it,
/// ties.csv rows dated inside it or undated; colleagues only when both were active in it.
struct BruteForce {
    std::set<std::pair<MemberIndex, MemberIndex>> pairs;
    std::vector<bool> active;
    std::size_t colleague_pairs = 0;  ///< Pairs tied by an organisation (among others).
};

BruteForce tied_pairs_by_hand(const Network& network, const Window& window, std::size_t max_size) {
    const DateSpan span = window.span();
    BruteForce result;
    result.active.assign(network.members.size(), false);
    const auto inside = [&](const std::optional<DateSpan>& date) { return date && span.contains(*date); };
    std::vector<std::set<MemberIndex>> events(network.events.size());
    for (const auto& row : network.attendance) {
        if (!inside(network.events[row.event].date)) continue;
        events[row.event].insert(row.member);
        result.active[row.member] = true;
    }
    std::vector<std::set<MemberIndex>> groups(network.groups.size());
    for (const auto& row : network.group_members) {
        if (!row.period.overlaps(span)) continue;
        groups[row.group].insert(row.member);
        result.active[row.member] = true;
    }
    for (const auto& tie : network.ties) {
        if (tie.date && !span.contains(*tie.date)) continue;
        result.active[tie.source] = result.active[tie.target] = true;
        if (tie.weight > 0) result.pairs.insert(std::minmax(tie.source, tie.target));
    }
    std::vector<std::set<MemberIndex>> organisations(network.organisations.size());
    for (MemberIndex m = 0; m < network.members.size(); ++m) {
        const auto o = network.members[m].organisation;
        if (o != k_none && result.active[m]) organisations[o].insert(m);
    }
    for (const auto& row : network.affiliations) {
        if (row.period.overlaps(span) && result.active[row.member]) organisations[row.organisation].insert(row.member);
    }
    const auto tie_all = [&](const std::set<MemberIndex>& members, bool colleagues) {
        if (members.size() < 2 || members.size() > max_size) return;
        const std::vector<MemberIndex> list(members.begin(), members.end());
        for (std::size_t x = 0; x < list.size(); ++x) {
            for (std::size_t y = x + 1; y < list.size(); ++y) {
                result.pairs.insert({list[x], list[y]});
                result.colleague_pairs += colleagues;
            }
        }
    };
    for (const auto& members : events) tie_all(members, false);
    for (const auto& members : groups) tie_all(members, false);
    for (const auto& members : organisations) tie_all(members, true);
    return result;
}

/// SPEC §1 "Active members", checked against the rows themselves on a generated network whose
/// members keep their organisation for the whole history (members.organisation is undated):
/// by year and by quarter, each period's ties are exactly the pairs counted by hand, colleague
/// ties included and only between members active in the period, and the E-I baseline is
/// Krackhardt's over the active members' sectors.
TEST(Trend, ColleagueTiesOnlyBetweenMembersActiveInThePeriod) {
    generate::GeneratorOptions generator;
    generator.members = 400;
    generator.seed = 11;
    generator.years = 3;
    const Network network = generate::generate_network(generator);
    const Sectors sectors = member_sectors(network);
    for (const PeriodKind by : {PeriodKind::year, PeriodKind::quarter}) {
        TrendOptions options;
        options.by = by;
        options.ties.max_setting_size = 40;
        const auto figures = trend(network, options);
        ASSERT_GE(figures.size(), 3u);
        std::size_t colleague_pairs = 0;
        for (const auto& period : figures) {
            SCOPED_TRACE(period.period.label);
            const BruteForce want = tied_pairs_by_hand(network, period.period.window, 40);
            colleague_pairs += want.colleague_pairs;
            EXPECT_EQ(period.ties, want.pairs.size());
            const auto active = static_cast<std::size_t>(std::count(want.active.begin(), want.active.end(), true));
            EXPECT_EQ(period.active_members, active);
            EXPECT_EQ(period.mixing.inactive_members, network.members.size() - active);
            // Krackhardt's baseline over the active members of known sector.
            std::vector<std::uint64_t> per_sector(sectors.count(), 0);
            for (MemberIndex m = 0; m < network.members.size(); ++m) {
                if (want.active[m] && sectors.known(m)) ++per_sector[sectors.of_member[m]];
            }
            EXPECT_EQ(period.mixing.members, per_sector);
            std::uint64_t known = 0;
            std::uint64_t within = 0;
            for (const auto n : per_sector) known += n, within += n * (n - 1) / 2;
            const double all = static_cast<double>(known * (known - 1) / 2);
            EXPECT_NEAR(period.mixing.expected_ei_index, (all - 2.0 * static_cast<double>(within)) / all, 1e-12);
        }
        EXPECT_GT(colleague_pairs, 100u);  // the check covers colleague ties, not only events
    }
    // Without a window, every member is active and colleagues are tied whatever they did.
    TieOptions ties;
    ties.max_setting_size = 40;
    const BruteForce whole = tied_pairs_by_hand(network, Window{}, 40);
    EXPECT_LT(whole.pairs.size(), project_ties(network, ties).tie_count());
}

TEST(Trend, ReportsThePeriodsDoneFromTheCallingThreadAndChangesNothing) {
    generate::GeneratorOptions generator;
    generator.members = 300;
    generator.seed = 5;
    generator.years = 3;
    const Network network = generate::generate_network(generator);
    TrendOptions options;
    options.by = PeriodKind::quarter;
    std::vector<std::size_t> done;
    std::size_t total = 0;
    bool other_stage_or_thread = false;
    const std::thread::id caller = std::this_thread::get_id();
    options.progress = [&](std::string_view stage, std::size_t d, std::size_t t) {
        other_stage_or_thread |= stage != "periods" || std::this_thread::get_id() != caller;
        done.push_back(d);
        total = t;
    };
    const auto reported = trend(network, options, 2);
    options.progress = {};
    const auto quiet = trend(network, options, 2);
    EXPECT_FALSE(other_stage_or_thread);
    EXPECT_EQ(total, reported.size());
    ASSERT_GE(done.size(), 2u);
    EXPECT_EQ(done.front(), 0u);
    EXPECT_EQ(done.back(), reported.size());
    EXPECT_TRUE(std::is_sorted(done.begin(), done.end()));
    ASSERT_EQ(reported.size(), quiet.size());
    for (std::size_t p = 0; p < quiet.size(); ++p) {
        EXPECT_EQ(reported[p].ties, quiet[p].ties);
        EXPECT_EQ(reported[p].mixing.ei_index, quiet[p].mixing.ei_index);
    }
}

}  // namespace
}  // namespace bridgemap
