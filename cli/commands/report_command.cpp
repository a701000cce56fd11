#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/inventory.hpp>
#include <bridgemap/report/html.hpp>
#include <bridgemap/report/html_report.hpp>
#include <bridgemap/report/pseudonyms.hpp>
#include <bridgemap/report/weak_spots.hpp>
#include <bridgemap/viz/maps.hpp>
#include <bridgemap/viz/member_positions.hpp>
#include <bridgemap/viz/palette.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace bridgemap::cli {
namespace {

struct ReportOptions {
    DataOptions data;
    std::string out;
    std::string title;
    bool pseudonymise = false;
    std::string pseudonym_key;
    std::size_t introductions = 10;
    bool exact = false;
    bool timings = false;
    bool progress = false;
};

/// How to run this report again, for the Method section (the options that change it).
std::string command_line(const ReportOptions& options) {
    // No local path in a pseudonymised report.
    std::string line = "bridgemap report " + (options.pseudonymise ? std::string("DATA") : options.data.data) +
                       " --out " + (options.pseudonymise ? std::string("REPORT.html") : options.out);
    if (!options.data.from.empty()) line += " --from " + options.data.from;
    if (!options.data.until.empty()) line += " --until " + options.data.until;
    if (!options.data.date_order.empty()) line += " --date-order " + options.data.date_order;
    if (!options.data.weights.empty()) line += " --weights " + options.data.weights;
    if (options.data.min_weight > 0) line += " --min-weight " + report::format_for_people(options.data.min_weight, 6);
    if (options.data.max_setting_size != k_default_max_setting_size) {
        line += " --max-setting-size " + std::to_string(options.data.max_setting_size);
    }
    if (options.exact) line += " --exact";
    if (options.introductions != 10) line += " --introductions " + std::to_string(options.introductions);
    if (options.pseudonymise) line += " --pseudonymise";
    if (options.data.seed != 1) line += " --seed " + std::to_string(options.data.seed);
    return line;
}

/// The report's name for the network: the folder's (or file's) own name.
std::string default_title(const std::string& data) {
    std::filesystem::path path(data);
    while (!path.empty() && path.filename().empty()) path = path.parent_path();  // "folder/" -> "folder"
    const std::string name = path.has_stem() ? path.stem().string() : data;
    return name.empty() ? "Network" : name;
}

int run_report(const ReportOptions& options) {
    const std::filesystem::path out = options.out;
    if (!io::is_standard_output(out) && out.extension() != ".html" && out.extension() != ".htm") {
        throw RequestError("--out " + options.out + ": the report is one HTML file; give a name ending in .html");
    }
    const TieOptions ties = tie_options(options.data);
    Progress progress("report", options.progress);
    StageClock clock(options.timings, &progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    // Consent (SPEC §5) as recorded: hidden members are left out of every table, list and map
    // (they count in every figure); pseudonym members are named by pseudonym.
    const report::Disclosure disclosure = member_disclosure(loaded.windowed(), false);
    std::optional<Network> pseudonymised;
    if (options.pseudonymise) {
        pseudonymised = report::pseudonymise(loaded.windowed(), options.pseudonym_key);
    } else if (disclosure.hidden_count() > 0 || disclosure.pseudonym_count() > 0) {
        pseudonymised = report::disclosed_network(disclosure);
    }
    const Network& network = pseudonymised ? *pseudonymised : loaded.windowed();
    const std::vector<bool> hidden = disclosure.hidden_members();
    clock.lap("read");

    AnalysisOptions analysis_options = cli::analysis_options(options.data);
    if (options.exact) analysis_options.paths.mode = PathOptions::Mode::exact;
    analysis_options.progress = progress.reporter();
    const Analysis analysis = analyse(network, analysis_options);
    clock.lap("analyse");
    progress.update("weak spots and findings", 0, 0);

    report::ReportContent content;
    content.title = !options.title.empty() ? options.title
                    : options.pseudonymise ? std::string("Pseudonymised network")
                                           : default_title(options.data.data);
    content.hidden = hidden;
    if (!options.pseudonymise) content.consent_pseudonyms = disclosure.pseudonym_count();
    content.network = &network;
    content.analysis = &analysis;
    content.context =
        report::AnalysisContext{options.pseudonymise ? std::string("(not named: pseudonymised)") : options.data.data,
                                loaded.window, analysis_options.ties, options.data.seed};
    content.inventory = take_inventory(loaded.whole);
    content.weak_spots = report::find_weak_spots(network, analysis, analysis_options.ties);
    if (!hidden.empty()) {
        for (auto& link : content.weak_spots.sector_pairs) {
            for (MemberIndex m = 0; m < network.members.size(); ++m) {
                if (hidden[m] && link.only_person == network.members[m].display_name()) link.only_person = "not named";
            }
        }
    }
    content.findings = report::headline_findings(network, analysis, content.weak_spots, hidden);
    if (options.pseudonymise) {
        // Few members in a sector can be recognised from their sector alone.
        content.privacy_warnings = report::small_sector_warnings(network);
        progress.clear();
        for (const auto& warning : content.privacy_warnings) std::cerr << "bridgemap report: " << warning << ".\n";
    }
    clock.lap("weak spots and findings");
    content.pseudonymised = options.pseudonymise;
    content.command_line = command_line(options);

    viz::MapOptions map_options;
    map_options.seed = map_seed(options.data.seed, loaded.windowed(), options.pseudonymise);
    map_options.data_name = content.title;
    map_options.window = loaded.window;
    map_options.ties = analysis_options.ties;
    // The report shows every metric, so its analysis has every family the map needs.
    const bool summary = network.members.size() > viz::k_summary_threshold;
    progress.update(summary ? "drawing the summary map" : "laying out and drawing the map", 0, 0);
    if (!hidden.empty() && !summary) {
        viz::MapScene scene =
            viz::whole_network_scene(network, viz::map_data(analysis, MemberMetric::bridging), map_options);
        viz::leave_out_members(scene, hidden);
        content.map_svg = viz::render_scene(scene, viz::MapFormat::svg);
    } else {
        content.map_svg = viz::render_network_map(network, viz::map_data(analysis, MemberMetric::bridging), map_options,
                                                  viz::MapFormat::svg);
    }
    content.map_caption =
        summary ? "Summary map: one circle per sector, sized by its members; lines show how strongly each pair of "
                  "sectors is tied compared with chance, and the weak pairs are marked. The network has " +
                      report::format_count(network.members.size()) + " members, too many to draw one by one."
                : "Every member, coloured and shaped by sector and sized by how much they bridge sectors; thick "
                  "dashed black lines are weak bridges, single ties that hold two parts of the network together.";
    // The interactive map: the whole map's layout and sector colours, as plain data.
    progress.update("laying out the interactive map", 0, 0);
    const viz::MemberPositions positions =
        viz::member_positions(network, viz::map_data(analysis, MemberMetric::bridging), map_options);
    for (const auto& point : positions.points) {
        content.map_look.x.push_back(point.x);
        content.map_look.y.push_back(point.y);
    }
    for (std::size_t s = 0; s < analysis.sectors.count(); ++s) {
        content.map_look.sector_colours.push_back(viz::sector_style(static_cast<SectorIndex>(s)).fill);
    }
    content.map_look.unknown_sector_colour = viz::sector_style(k_unknown_sector).fill;
    clock.lap("map");
    progress.update("introductions", 0, 0);
    report::add_introductions_section(network, ties, options.introductions, options.data.seed, content);
    clock.lap("introductions");
    progress.update("the trend over time", 0, 0);
    report::add_trend_section(loaded.whole, loaded.window, ties, content);
    clock.lap("trend");

    progress.update("writing the report", 0, 0);
    const std::string html = report::render_html_report(content);
    io::OutputSet outputs;
    outputs.stage(out, html);
    outputs.commit();
    clock.lap("write");
    progress.finish();
    std::ostream& messages = message_stream({options.out});
    messages << describe_tie_model(ties, !loaded.window.is_open()) << "\n";
    messages << "Wrote " << out.string() << ": a report of " << report::format_count(network.members.size())
             << " members and " << report::format_count(analysis.graph.tie_count()) << " ties ("
             << report::format_count((html.size() + 1023) / 1024) << " KB). Open it in a browser.\n";
    return k_exit_success;
}

}  // namespace

Command add_report_command(CLI::App& app) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand("report", "Write one self-contained HTML report of the network");
    command->footer(
        "One HTML file with everything inline (no fonts, scripts or images fetched): the headline findings,\n"
        "sector mixing and reach, the map (interactive: search a member, filter by sector, community and\n"
        "year; the static map where WebGL is missing and in print), bridge builders and who holds the\n"
        "network together, weak spots,\n"
        "suggested introductions, change year by year, and the method. Open it offline, print it or email it.\n"
        "--pseudonymise replaces names by stable pseudonyms (sectors kept) for sharing outside the network.\n"
        "Betweenness and bridging are computed as analyse computes them: exact up to about 20,000 members,\n"
        "estimated above (the Method section states the error bound). Above 2,000 members the map is the\n"
        "summary map.");
    add_data_options(*command, options->data);
    command->add_option("--out", options->out, "The report to write (an .html file; - for standard output)")
        ->required()
        ->type_name("FILE.html");
    command->add_option("--title", options->title, "The report's title (default: the network folder's name)")
        ->type_name("TEXT");
    add_consent_options(*command, options->pseudonymise);
    command
        ->add_option("--pseudonym-key", options->pseudonym_key,
                     "Secret that fixes the pseudonyms, so that reports made at different times agree (default: "
                     "derived from the member list)")
        ->type_name("TEXT");
    command
        ->add_option("--introductions", options->introductions,
                     "How many introductions to suggest (default 10; 0: none)")
        ->check(whole_number(0))
        ->type_name("K");
    add_tie_model_options(*command, options->data);
    add_community_options(*command, options->data);
    command->add_flag("--exact", options->exact,
                      "Exact betweenness and bridging even for large networks (as analyse --exact)");
    command->add_flag("--timings", options->timings, "Print how long each stage took, on stderr");
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_report(*options); }};
}

}  // namespace bridgemap::cli
