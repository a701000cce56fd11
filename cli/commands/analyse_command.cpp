#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/report/analysis_files.hpp>
#include <bridgemap/report/weak_spots.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <numeric>
#include <sstream>

namespace bridgemap::cli {
namespace {

struct AnalyseOptions {
    DataOptions data;
    std::string out;
    std::string format = "text";
    PathChoice paths;
    bool timings = false;
    bool pseudonymise = false;
    bool progress = false;
};

/// A few lines a convenor can read: size, cohesion, mixing, and who bridges most.
void print_text_summary(const Network& network, const Analysis& analysis, const report::Disclosure& disclosure,
                        const std::string& tie_model, std::ostream& out) {
    const TieGraph& graph = analysis.graph;
    const SectorMixing& mixing = analysis.mixing;
    out << tie_model << "\n";
    out << network.members.size() << " members, " << graph.tie_count() << " ties (density "
        << io::fixed(analysis.density, 3) << "), ";
    if (analysis.connectivity.components() == 1) {
        out << "all in one connected piece.\n";
    } else {
        out << analysis.connectivity.components() << " connected pieces; the largest holds "
            << io::fixed(100.0 * analysis.largest_component_share, 1) << "% of members.\n";
    }
    out << "E-I index " << io::fixed(mixing.ei_index, 3) << " against " << io::fixed(mixing.expected_ei_index, 3)
        << " if ties ignored sectors (-1 all within sectors, +1 all across).\n";
    out << analysis.communities.count << " communities (modularity " << io::fixed(analysis.communities.modularity, 3)
        << "), " << analysis.connectivity.bridges << " bridges, " << analysis.connectivity.articulation_points
        << " members whose absence would split the network.\n";

    std::vector<const SectorPairMixing*> across;
    for (const auto& pair : mixing.pairs) {
        if (pair.a != pair.b && is_defined(pair.ratio)) across.push_back(&pair);
    }
    std::sort(across.begin(), across.end(), [](const auto* x, const auto* y) { return x->ratio < y->ratio; });
    if (!across.empty()) {
        out << "\nWeakest sector pairs (ties observed / expected if sectors mixed at random):\n";
        for (std::size_t k = 0; k < std::min<std::size_t>(3, across.size()); ++k) {
            const auto& pair = *across[k];
            out << "  " << analysis.sectors.names[pair.a] << " - " << analysis.sectors.names[pair.b] << ": "
                << pair.observed << " / " << io::fixed(pair.expected, 1) << " = " << io::fixed(pair.ratio, 2) << "\n";
        }
    }
    const MemberScores& bridging = analysis.paths.bridging;
    // Hidden members are ranked with everyone (their bridging is real) but not listed.
    const std::size_t top = 5;
    const report::BridgeBuilders builders =
        report::rank_bridge_builders(analysis, disclosure.hidden_count() > 0 ? 0 : top);
    std::vector<MemberIndex> order;
    for (const MemberIndex member : builders.ranked) {
        if (order.size() < top && disclosure.shown(member)) order.push_back(member);
    }
    const std::size_t unknown = builders.unknown_left_out;
    if (!order.empty()) {
        out << "\nTop bridge builders (share of cross-sector shortest paths through them):\n";
        for (std::size_t k = 0; k < order.size(); ++k) {
            const Member& member = network.members[order[k]];
            out << "  " << (disclosure.named(order[k]) ? member.display_name() : disclosure.name(order[k])) << " ("
                << network.sector_name(member.sector) << "): " << io::fixed(bridging[order[k]], 4) << "\n";
        }
        if (unknown > 0) {
            out << "  (" << unknown << (unknown == 1 ? " member" : " members")
                << " of unknown sector with cross-sector routes left out of the ranking)\n";
        }
    }
}

int run_analyse(const AnalyseOptions& options) {
    if (options.out.empty() && options.format != "json") {
        throw RequestError("say where to write the results with --out DIR, or print the summary with --format json");
    }
    refuse_standard_output("analyse --out", options.out);
    AnalysisOptions analysis_options = cli::analysis_options(options.data);
    apply_path_choice(options.paths, analysis_options);

    Progress progress("analyse", options.progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    const Network& network = loaded.windowed();
    const report::Disclosure disclosure = member_disclosure(network, options.pseudonymise);
    analysis_options.progress = progress.reporter();
    const Analysis analysis = analyse(network, analysis_options);
    progress.clear();
    if (options.timings) {
        for (const auto& [stage, seconds] : analysis.timings) {
            std::fprintf(stderr, "%9.4f s  %s\n", seconds, stage.c_str());
        }
    }
    if (!analysis.paths.exact) {
        std::cerr << "bridgemap analyse: " << analysis.paths.method << ". Use --exact for exact values (slower).\n";
    }

    progress.update("writing the results", 0, 0);
    const report::AnalysisContext context{options.data.data, loaded.window, analysis_options.ties, options.data.seed};
    const std::string summary = report::summary_json(network, analysis, context, options.pseudonymise);
    if (!options.out.empty()) {
        const std::filesystem::path folder = options.out;
        io::OutputSet outputs;  // creates the folder when missing
        outputs.stage(folder / "members.csv", report::members_csv(network, analysis, disclosure));
        outputs.stage(folder / "ties.csv", report::ties_csv(network, analysis, disclosure));
        outputs.stage(folder / "summary.json", summary);
        outputs.commit();
    }
    progress.finish();
    if (options.format == "json") {
        std::cout << summary;
    } else {
        std::ostringstream text;  // names from the user's files: terminal-safe
        print_text_summary(network, analysis, disclosure,
                           describe_tie_model(analysis_options.ties, !loaded.window.is_open()), text);
        std::cout << io::terminal_safe(text.str());
        if (!options.out.empty()) {
            std::cout << "\nWrote " << (std::filesystem::path(options.out) / "members.csv").string()
                      << ", ties.csv and "
                      << "summary.json.\n";
        }
    }
    return k_exit_success;
}

}  // namespace

Command add_analyse_command(CLI::App& app) {
    auto options = std::make_shared<AnalyseOptions>();
    CLI::App* command = app.add_subcommand("analyse", "Compute every bridging, brokerage and centrality metric");
    command->footer(
        "Writes DIR/members.csv (one row per member), DIR/ties.csv (one row per tie) and DIR/summary.json\n"
        "(the whole network), and prints a short summary. docs/metrics.md explains each number.\n"
        "Betweenness, bridging and closeness are exact up to about 20,000 members and estimated from a\n"
        "sample above that (announced, with its error bound); --exact or --samples K decide it yourself.\n"
        "Consent (SPEC §5): members whose consent is hidden have no row in members.csv or ties.csv and are\n"
        "not listed, but count in every figure; pseudonym members appear by pseudonym only.");
    add_data_options(*command, options->data);
    command->add_option("--out", options->out, "Folder for members.csv, ties.csv and summary.json (created if missing)")
        ->type_name("DIR");
    command->add_option("--format", options->format, "What to print: text (a short summary) or json (summary.json)")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    add_path_options(*command, options->paths);
    add_tie_model_options(*command, options->data);
    add_community_options(*command, options->data);
    add_consent_options(*command, options->pseudonymise);
    command->add_flag("--timings", options->timings, "Print how long each stage took, on stderr");
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_analyse(*options); }};
}

}  // namespace bridgemap::cli
