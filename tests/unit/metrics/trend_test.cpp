#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/model/inventory.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

Network three_events() {
    return testing::TestNetwork()
        .member("p", "public").member("g", "grassroots").member("v", "voluntary")
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
            for (std::size_t k = 0; k < a.reach.size(); ++k) EXPECT_EQ(a.reach[k].within_two, b.reach[k].within_two);
        }
    }
}

}  // namespace
}  // namespace bridgemap
