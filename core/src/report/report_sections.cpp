#include <bridgemap/report/html_report.hpp>

#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/model/inventory.hpp>
#include <bridgemap/recommend/introductions.hpp>
#include <bridgemap/report/html.hpp>
#include <bridgemap/report/introduction_files.hpp>
#include <bridgemap/report/line_chart.hpp>
#include <bridgemap/report/trend_files.hpp>

#include <string>

namespace bridgemap::report {

void add_trend_section(const Network& whole, const Window& window, const TieOptions& ties, ReportContent& content) {
    TrendOptions trend_options;
    trend_options.by = PeriodKind::year;
    trend_options.ties = ties;
    trend_options.within = window;
    TrendReport trend;
    trend.periods = bridgemap::trend(whole, trend_options);
    if (trend.periods.size() < 2) return;  // one period is no change over time
    trend.sector_names = member_sectors(whole).names;
    for (const auto& figures : trend.periods) {
        TrendRow row;
        row.period = figures.period.label;
        row.active_members = figures.active_members;
        row.ties = figures.ties;
        row.ei_index = figures.mixing.ei_index;
        row.expected_ei_index = figures.mixing.expected_ei_index;
        row.note = std::to_string(figures.events) + (figures.events == 1 ? " event" : " events");
        content.trend.push_back(std::move(row));
    }
    // The years together: everything up to the end of the last one, as `trend --cumulative`
    // ends and `analyse --until` computes it, so that the table meets the headline figures.
    TrendOptions all_years = trend_options;
    all_years.cumulative = true;
    const std::vector<Period> cumulative = trend_periods(whole, all_years);
    if (!cumulative.empty()) {  // only the last cumulative period: the years together
        const PeriodFigures last = period_figures(whole, cumulative.back(), ties);
        TrendRow row;
        row.period = trend.periods.front().period.label + "\u2013" + last.period.label;
        row.active_members = last.active_members;
        row.ties = last.ties;
        row.ei_index = last.mixing.ei_index;
        row.expected_ei_index = last.mixing.expected_ei_index;
        row.note = "all these years together (trend --cumulative)";
        content.trend.push_back(std::move(row));
    }
    content.trend_svg = render_line_chart_svg(trend_chart(trend));
    const std::size_t never = whole.members.size() - active_members(whole);
    content.trend_note =
        "Each year on its own, computed as bridgemap trend --by year computes it under the same tie model as the "
        "rest of this report: a year counts the members active in it (who attended an event, sat in a group or "
        "recorded a tie that year), and colleague ties only between them. An E-I index rising towards its "
        "baseline means sectors are mixing more. The last row takes the years together: ties made in different "
        "years add up, so it sits between the single years and the whole-network figures." +
        (never == 0
             ? std::string()
             : " " + format_count(never) + (never == 1 ? " member never took part" : " members never took part") +
                   " in anything recorded: the whole-network figures above count them, the years do not.");
}

void add_introductions_section(const Network& network, const TieOptions& ties, std::size_t count, std::uint64_t seed,
                               ReportContent& content) {
    if (count == 0) {
        content.introductions_note = "Introductions were not asked for (--introductions 0).";
        return;
    }
    IntroductionOptions request;
    request.ties = ties;
    request.count = count;
    request.seed = seed;
    request.hidden = content.hidden;
    const IntroductionPlan plan = recommend_introductions(network, request);
    for (const Introduction& introduction : plan.introductions) {
        IntroductionRow row;
        const Member& a = network.members[introduction.a];
        const Member& b = network.members[introduction.b];
        row.member_a = a.display_name();
        row.sector_a = network.sector_name(a.sector);
        row.member_b = b.display_name();
        row.sector_b = network.sector_name(b.sector);
        if (introduction.introducer != k_none) row.introducer = network.members[introduction.introducer].display_name();
        row.gain = introduction.gain;
        row.reason = introduction_reason(network, plan, request, introduction);
        row.a = introduction.a;
        row.b = introduction.b;
        content.introductions.push_back(std::move(row));
    }
    content.introductions_note =
        "Pairs of members from different sectors who have no tie yet, chosen one after another so that together "
        "they add the most reach between sectors (gain: points on a 0\u2013100 bridging score, " +
        format_for_people(plan.before.score, 1) +
        " now), under the same tie model as the rest of this report. bridgemap introduce gives more, with the shared "
        "events and an evaluation against other methods.";
}

}  // namespace bridgemap::report
