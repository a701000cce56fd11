// The trend text table: columns aligned by display width, so that sector and kind names with
// wide or combining characters line up with ASCII ones.

#include <bridgemap/report/trend_files.hpp>

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace bridgemap::report {
namespace {

std::vector<std::string> first_lines(const std::string& text, std::size_t count) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (lines.size() < count && start < text.size()) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

TEST(TrendText, ColumnsAlignByDisplayWidth) {
    TrendReport report;
    // "Ökonomie" is 8 columns, "市民" 4 (two wide characters), "Phạm" 4 (a, then a combining dot).
    report.sector_names = {"\u00d6konomie", "\u5e02\u6c11", "Pha\u0323m"};
    report.periods.resize(1);
    PeriodFigures& period = report.periods[0];
    period.period.label = "2018";
    std::tie(period.members, period.active_members, period.ties, period.events) = std::tuple(9, 7, 12, 4);
    period.mixing.ei_index = 0.25;
    period.mixing.expected_ei_index = 0.5;
    period.mixing.members = {3, 2, 1};
    period.mixing.unknown_members = 1;
    // "réunion" with a combining accent: 7 columns, 8 code points; 2 settings, 10 new pairs,
    // 40% cross, 3 followed through, 50% of them cross, friending bias 0.25.
    report.exposure_overall = {ExposureSummary{"re\u0301union", 2, 12, 10, 4, 3, 1, 0.4, 0.5, 0.25}};
    report.exposure_by_period = {{}};

    // Columns: period 12 wide, then right-aligned: each sector max(8, its width + 2), unknown 9.
    const std::vector<std::string> expected = {
        "period        active     ties     E-I  baseline",
        "2018               7       12    0.25      0.50",
        "",
        "Active members per sector",
        "period        \u00d6konomie    \u5e02\u6c11    Pha\u0323m  unknown",
        "2018                 3       2       1        1",
        "",
        "Exposure and friending bias by kind of setting, whole history (follow-through within 365 days)",
        "kind            settings  new pairs   cross  followed through  of them cross  friending bias",
        "re\u0301union                2         10     40%                 3            50%            0.25",
    };
    EXPECT_EQ(first_lines(trend_text(report), expected.size()), expected);
}

TEST(TrendText, UndefinedValuesAreNotAvailable) {
    TrendReport report;
    report.tie_model = "Tie model: test.";
    PeriodFigures period;
    period.period.label = "2019-Q1";
    report.periods = {period};
    report.exposure_by_period = {{}};
    const std::vector<std::string> lines = first_lines(trend_text(report), 4);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "Tie model: test.");
    EXPECT_EQ(lines[1], "");
    EXPECT_EQ(lines[3], "2019-Q1            0        0     n/a       n/a");
}

}  // namespace
}  // namespace bridgemap::report
