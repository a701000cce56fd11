#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/metrics/exposure.hpp>
#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/report/analysis_files.hpp>
#include <bridgemap/report/trend_files.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

namespace bridgemap::cli {
namespace {

struct TrendCommandOptions {
    DataOptions data;
    std::string by = "year";
    bool cumulative = false;
    std::string between;
    std::string event_kind = "gathering";
    int horizon_days = 365;
    std::string out;
    std::string exposure_out;
    std::string chart;
    std::string format = "text";
    bool progress = false;
};

int run_trend(const TrendCommandOptions& options) {
    TrendOptions trend_options;
    trend_options.by = options.by == "quarter" ? PeriodKind::quarter
                       : options.by == "event" ? PeriodKind::event
                                               : PeriodKind::year;
    trend_options.cumulative = options.cumulative;
    trend_options.event_kind = options.event_kind;
    trend_options.ties = tie_options(options.data);

    // Periods come from the whole history; --from/--until keep the periods inside them.
    Progress progress("trend", options.progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    const Network& network = loaded.whole;
    const Sectors sectors = member_sectors(network);
    report::TrendReport result;
    result.sector_names = sectors.names;
    if (!options.between.empty()) result.between = parse_between(options.between, sectors);

    const DateSpan keep = loaded.window.span();
    trend_options.within = loaded.window;
    trend_options.progress = progress.reporter();
    result.periods = trend(network, trend_options);
    if (result.periods.empty()) {
        throw RequestError("no dated events to make periods from" +
                           std::string(loaded.window.is_open() ? "" : " in " + describe_window(loaded.window)));
    }

    progress.update("exposure and friending bias", 0, 0);
    ExposureOptions exposure_options;
    exposure_options.ties = trend_options.ties;
    exposure_options.horizon_days = options.horizon_days;
    std::vector<DateSpan> period_spans;
    for (const auto& period : result.periods) period_spans.push_back(period.period.window.span());
    ExposureByKind exposure =
        exposure_by_kind(network, setting_exposure(network, sectors, exposure_options), keep, period_spans);
    result.exposure_overall = std::move(exposure.overall);
    result.exposure_by_period = std::move(exposure.by_period);
    result.horizon_days = options.horizon_days;

    nlohmann::ordered_json settings_json = {
        {"data", options.data.data},
        {"by", options.by},
        {"cumulative", options.cumulative},
        {"event_kind", options.event_kind},
        {"horizon_days", options.horizon_days},
        {"from", loaded.window.from ? nlohmann::ordered_json(format_day(keep.first)) : nlohmann::ordered_json(nullptr)},
        {"until",
         loaded.window.until ? nlohmann::ordered_json(format_day(keep.last)) : nlohmann::ordered_json(nullptr)},
        {"bridgemap_version", BRIDGEMAP_VERSION}};
    result.settings_json = settings_json.dump();
    result.tie_model = describe_tie_model(trend_options.ties, true);
    result.tie_model_json = report::tie_model_json(trend_options.ties, true);

    progress.update("writing", 0, 0);
    io::OutputSet outputs;
    if (!options.out.empty()) outputs.stage(options.out, report::trend_csv(result));
    if (!options.exposure_out.empty()) outputs.stage(options.exposure_out, report::exposure_csv(result));
    if (!options.chart.empty())
        outputs.stage(options.chart, report::render_line_chart_svg(report::trend_chart(result)));
    outputs.commit();
    progress.finish();
    message_stream({options.out, options.exposure_out, options.chart})
        << (options.format == "json" ? report::trend_json(result) : io::terminal_safe(report::trend_text(result)));
    return k_exit_success;
}

}  // namespace

Command add_trend_command(CLI::App& app) {
    auto options = std::make_shared<TrendCommandOptions>();
    CLI::App* command = app.add_subcommand("trend", "Show how cross-sector connection changed over time");
    command->footer(
        "For each period: active members, ties, the E-I index against its baseline, the mixing ratio of each\n"
        "sector pair and two-hop reach (the same numbers analyse gives for that window), and, per kind of\n"
        "setting, exposure (the cross-sector share of pairs in the same room) against the cross-sector share\n"
        "of the ties that then formed (friending bias). Ties come from small settings only (--max-setting-size):\n"
        "being in the same 200-person room is exposure, not a tie. docs/trend.md explains each number.");
    add_data_options(*command, options->data);
    command->add_option("--by", options->by, "Periods: year, quarter, or event (one per gathering; see --event-kind)")
        ->check(CLI::IsMember({"year", "quarter", "event"}))
        ->type_name("PERIOD");
    command->add_flag("--cumulative", options->cumulative,
                      "Everything up to the end of each period, not the period alone");
    command
        ->add_option("--between", options->between,
                     "Follow one pair of sectors, e.g. public,grassroots: the share of each with a tie to the other")
        ->type_name("SECTOR,SECTOR");
    command->add_option("--event-kind", options->event_kind, "With --by event: the kind of event that marks periods")
        ->type_name("KIND");
    add_tie_model_options(*command, options->data);
    command
        ->add_option("--horizon", options->horizon_days,
                     "Days after a setting within which a new tie counts as formed there (default 365)")
        ->check(CLI::Range(0, 36500))
        ->type_name("DAYS");
    command->add_option("--out", options->out, "Write the table per period as CSV (- for standard output)")
        ->type_name("FILE.csv");
    command
        ->add_option("--exposure-out", options->exposure_out,
                     "Write exposure and friending bias per period and kind of setting as CSV")
        ->type_name("FILE.csv");
    command->add_option("--chart", options->chart, "Draw the E-I index (and --between shares) over time as SVG")
        ->type_name("FILE.svg");
    command->add_option("--format", options->format, "What to print: text (a table) or json (everything)")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_trend(*options); }};
}

}  // namespace bridgemap::cli
