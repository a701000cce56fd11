#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/report/consent.hpp>
#include <bridgemap/report/export_formats.hpp>
#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/member_positions.hpp>
#include <bridgemap/viz/palette.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace bridgemap::cli {
namespace {

struct ExportOptions {
    DataOptions data;
    std::string out;
    std::string format;
    std::string with;
    bool pseudonymise = false;
    PathChoice paths;
    bool timings = false;
    bool progress = false;
};

/// The map's sector colours and the whole-network map's member positions.
report::ExportLook export_look(const Network& network, const Analysis& analysis, std::uint64_t seed) {
    report::ExportLook look;
    for (std::size_t s = 0; s < analysis.sectors.count(); ++s) {
        look.sector_colours.push_back(viz::sector_style(static_cast<SectorIndex>(s)).fill);
    }
    look.unknown_sector_colour = viz::sector_style(k_unknown_sector).fill;
    viz::MapOptions map_options;
    map_options.seed = seed;
    const viz::MemberPositions positions =
        viz::member_positions(network, viz::map_data(analysis, MemberMetric::bridging), map_options);
    for (const auto& point : positions.points) {
        look.x.push_back(point.x);
        look.y.push_back(point.y);
    }
    look.layout = positions.method;
    return look;
}

int run_export(const ExportOptions& options) {
    if (options.out.empty()) throw RequestError("say where to write the export with --out FILE");
    if (io::is_standard_output(options.out) && options.format.empty()) {
        throw RequestError("--out - writes the export to standard output: say which format with --format");
    }
    const report::ExportFormat format =
        options.format.empty() ? report::export_format_for(options.out) : report::parse_export_format(options.format);
    if (io::is_standard_output(options.out) && format == report::ExportFormat::csv) {
        throw RequestError(
            "csv is two files (nodes and edges), which cannot both go to standard output; give "
            "--out a file stem, or pick one file's format");
    }
    if (!options.with.empty() && options.with != "settings") {
        throw RequestError("--with takes \"settings\" (organisations, events and groups as nodes), not " +
                           in_quotes(options.with));
    }
    AnalysisOptions analysis_options = cli::analysis_options(options.data);
    apply_path_choice(options.paths, analysis_options);

    Progress progress("export", options.progress);
    StageClock clock(options.timings, &progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    const Network& network = loaded.windowed();
    const report::Disclosure disclosure = member_disclosure(network, options.pseudonymise);
    analysis_options.progress = progress.reporter();
    const Analysis analysis = analyse(network, analysis_options);
    if (!analysis.paths.exact) {
        progress.clear();
        std::cerr << "bridgemap export: " << analysis.paths.method << ". Use --exact for exact values (slower).\n";
    }
    clock.lap("read and analyse");

    report::ExportRequest request;
    request.with_settings = options.with == "settings";
    request.ties = analysis_options.ties;
    request.windowed = !loaded.window.is_open();
    progress.update("laying out the map", 0, 0);
    request.look = export_look(network, analysis, options.data.seed);
    clock.lap("layout");
    progress.update("writing " + std::string(report::format_name(format)), 0, 0);
    const report::ExportNetwork exported = report::export_network(network, analysis, disclosure, request);
    const auto files = report::export_files(exported, format, options.out);
    io::OutputSet outputs;
    for (const auto& [path, contents] : files) outputs.stage(path, contents);
    outputs.commit();
    clock.lap(("write " + std::string(report::format_name(format))).c_str());
    progress.finish();

    std::ostream& messages = message_stream({options.out});
    messages << exported.tie_model << "\n";
    std::size_t ties = 0;
    for (const auto& kind : exported.edges.columns[0].texts) ties += kind == "tie";
    messages << "Wrote ";
    for (std::size_t k = 0; k < files.size(); ++k) {
        messages << (k == 0 ? "" : " and ") << files[k].first.string();
    }
    messages << ": " << exported.nodes.count() << " nodes, " << exported.edges.count() << " edges (" << ties
             << " ties).\n";
    if (disclosure.hidden_count() > 0) {
        messages << disclosure.hidden_count()
                 << " hidden members left out (consent); they still count in the metrics.\n";
    }
    if (disclosure.pseudonym_count() > 0) {
        messages << disclosure.pseudonym_count() << " members shown by pseudonym.\n";
    }
    return k_exit_success;
}

}  // namespace

Command add_export_command(CLI::App& app) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* command = app.add_subcommand("export",
                                           "Write the network with every metric for Gephi, NetworkX, "
                                           "igraph, spreadsheets and graph databases");
    command->footer(
        "Formats: gexf (Gephi: colours, positions, timeline), graphml (NetworkX, igraph, yEd, Cytoscape),\n"
        "json (NetworkX node-link, D3), csv (FILE-nodes.csv and FILE-edges.csv: Excel, Gephi, GraphFrames,\n"
        "Neo4j), xlsx (members, ties, sectors, summary) and pajek (.net). Nodes carry every member metric of\n"
        "analyse, edges every tie metric, with the same values. Members whose consent is hidden are left out,\n"
        "pseudonym members appear by pseudonym only. docs/export.md shows each format in use.");
    add_data_options(*command, options->data);
    command
        ->add_option("--out", options->out,
                     "The file to write (for csv, the stem of the two files; - for standard output, with --format)")
        ->type_name("FILE");
    command
        ->add_option("--format", options->format,
                     "gexf, graphml, json, csv, xlsx or pajek (default: from the extension of --out)")
        ->check(CLI::IsMember({"gexf", "graphml", "json", "csv", "xlsx", "pajek"}))
        ->type_name("FORMAT");
    command
        ->add_option("--with", options->with,
                     "settings: also organisations, events and groups as nodes, with member-setting edges")
        ->type_name("settings");
    add_consent_options(*command, options->pseudonymise);
    add_path_options(*command, options->paths);
    add_tie_model_options(*command, options->data);
    add_community_options(*command, options->data);
    command->add_flag("--timings", options->timings, "Print how long each stage took, on stderr");
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_export(*options); }};
}

}  // namespace bridgemap::cli
