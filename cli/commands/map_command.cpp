#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/viz/ego_map.hpp>
#include <bridgemap/viz/event_map.hpp>
#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>
#include <bridgemap/viz/summary_map.hpp>
#include <bridgemap/viz/whole_map.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

namespace bridgemap::cli {
namespace {

struct MapCommandOptions {
    DataOptions data;
    std::string out;
    std::string size = "bridging";
    std::string colour = "sector";
    std::string layout = "auto";
    std::string event;
    std::string member;
    int radius = 1;
    bool summary = false;
    std::size_t labels = 0;
    std::size_t ties_per_member = 3;
    std::string title;
    bool pseudonymise = false;
    std::string paper;
    bool landscape = false;
    std::string format;  ///< --format: svg, png, pdf or dot; the extension of --out when empty.
    bool progress = false;
};

std::size_t count_class(const viz::MapScene& scene, const std::string& word) {
    return static_cast<std::size_t>(
        std::count_if(scene.edges.begin(), scene.edges.end(), [&](const viz::MapEdge& edge) {
            return (" " + edge.css_class + " ").find(" " + word + " ") != std::string::npos;
        }));
}

int run_map(const MapCommandOptions& options, const CLI::App& command) {
    const viz::MapFormat format = !options.format.empty()               ? viz::parse_map_format(options.format)
                                  : io::is_standard_output(options.out) ? viz::MapFormat::svg
                                                                        : viz::map_format_for(options.out);
    if (!options.event.empty() && !options.member.empty())
        throw RequestError("--event and --member make different maps; give one");
    if (options.summary && (!options.event.empty() || !options.member.empty())) {
        throw RequestError("--summary draws the whole network; it cannot be combined with --event or --member");
    }
    if (command.count("--radius") > 0 && options.member.empty()) throw RequestError("--radius goes with --member ID");
    const MemberMetric size_metric = parse_member_metric(options.size, "--size");
    viz::Page page;
    if (!options.paper.empty()) page.paper = viz::parse_paper(options.paper);
    page.landscape = options.landscape;
    if ((page.paper != viz::Paper::none || options.landscape) && format != viz::MapFormat::pdf &&
        format != viz::MapFormat::png) {
        throw RequestError("--paper and --landscape are for .pdf and .png maps");
    }
    if (options.landscape && page.paper == viz::Paper::none) throw RequestError("--landscape goes with --paper");

    viz::MapOptions map_options;
    map_options.layout = viz::parse_map_layout(options.layout);
    map_options.colouring = viz::parse_map_colouring(options.colour);
    map_options.labels = options.labels;
    map_options.ties_per_member = options.ties_per_member;
    map_options.seed = options.data.seed;
    map_options.title = options.title;
    // No local path in a pseudonymised map's caption.
    map_options.data_name = options.pseudonymise ? std::string() : options.data.data;
    map_options.ties = tie_options(options.data);

    Progress progress("map", options.progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    const Network& network = loaded.windowed();
    map_options.window = loaded.window;
    map_options.seed = map_seed(options.data.seed, network, options.pseudonymise);
    // Consent (SPEC §5): members are drawn from a copy that names them as they allow (same
    // indices), and hidden members are taken off the scene before it is laid out.
    const report::Disclosure disclosure = member_disclosure(network, options.pseudonymise);
    std::optional<Network> shown;
    if (options.pseudonymise || disclosure.hidden_count() > 0 || disclosure.pseudonym_count() > 0) {
        shown = report::disclosed_network(disclosure);
    }
    const Network& drawn = shown ? *shown : network;
    const std::vector<bool> hidden = disclosure.hidden_members();
    const auto without_hidden = [&](viz::MapScene drawn_scene) {
        if (!hidden.empty()) viz::leave_out_members(drawn_scene, hidden);
        return drawn_scene;
    };

    std::string what;
    std::string network_line;  // the network's ties and E-I, as analyse states them
    const auto describe_network = [&](std::size_t ties, const SectorMixing& mixing) {
        char ei[64];
        std::snprintf(ei, sizeof ei, "%.3f against %.3f", mixing.ei_index, mixing.expected_ei_index);
        network_line = "The network: " + std::to_string(network.members.size()) + " members, " + std::to_string(ties) +
                       " ties, E-I index " + (is_defined(mixing.ei_index) ? std::string(ei) : std::string("n/a")) +
                       " if ties ignored sectors.";
    };
    viz::MapScene scene;
    const bool whole = options.event.empty() && options.member.empty();
    const bool summary = whole && (options.summary || network.members.size() > viz::k_summary_threshold);
    if (summary) {
        if (!options.summary) {
            progress.clear();
            std::cerr << "bridgemap map: " << network.members.size()
                      << " members are too many to draw one by one (more than " << viz::k_summary_threshold
                      << "); drawing the summary map, one node per "
                      << (map_options.colouring == viz::MapColouring::community ? "community" : "sector") << ".\n";
        }
        progress.update("summarising the network by " +
                            std::string(map_options.colouring == viz::MapColouring::community ? "community" : "sector"),
                        0, 0);
        viz::NetworkSummaryMap summary_map = viz::network_summary_map(drawn, map_options);
        scene = std::move(summary_map.scene);
        describe_network(summary_map.mixing.ties, summary_map.mixing);
        what = "summary map of " + std::to_string(scene.nodes.size()) +
               (map_options.colouring == viz::MapColouring::community ? " communities" : " sectors") + " (" +
               std::to_string(count_class(scene, "weak-pair")) + " weak pairs marked)";
    } else {
        // Resolve ids before the analysis, so that a typo fails fast.
        MemberIndex member = k_none;
        EventIndex event = k_none;
        if (!options.member.empty()) member = member_argument(network, options.member, "--member", &disclosure);
        if (!options.event.empty()) {
            event = event_argument(network, options.event, "--event",
                                   loaded.window.is_open() ? "" : " (or not in the --from/--until window)");
        }
        // Only what the map draws: the size metric's family, the communities and local
        // bridges behind weak bridges (and colours by community), and the sector mixing of
        // the network line below.
        const viz::MapKind kind = member != k_none  ? viz::MapKind::ego
                                  : event != k_none ? viz::MapKind::event
                                                    : viz::MapKind::whole_network;
        AnalysisOptions analysis_options = cli::analysis_options(options.data);
        analysis_options.families =
            viz::map_families(kind, map_options.colouring, size_metric).add(MetricFamily::mixing);
        analysis_options.progress = progress.reporter();
        analysis_options.paths.cost_limit = viz::k_map_path_cost_limit;
        const Analysis analysis = analyse(network, analysis_options);
        describe_network(analysis.graph.tie_count(), analysis.mixing);
        if (family_of(size_metric) == MetricFamily::paths && !analysis.paths.exact) {
            progress.clear();
            std::cerr << "bridgemap map: sizes use estimated " << options.size << " (" << analysis.paths.method
                      << ").\n";
        }
        const viz::MapData data = viz::map_data(analysis, size_metric);
        progress.update("laying out the map", 0, 0);
        if (member != k_none) {
            scene = without_hidden(viz::ego_scene(drawn, data, member, options.radius, map_options));
            what = "ego map of " + drawn.members[member].display_name() + " (" +
                   std::to_string(
                       std::count_if(scene.nodes.begin(), scene.nodes.end(),
                                     [](const viz::MapNode& node) { return node.key.rfind("member-", 0) == 0; }) -
                       1) +
                   " contacts within " + std::to_string(options.radius) + (options.radius == 1 ? " step)" : " steps)");
        } else if (event != k_none) {
            scene = without_hidden(viz::event_scene(drawn, data, event, map_options));
            what = "event map of " + network.events[event].display_name() + " (" + std::to_string(scene.nodes.size()) +
                   " people, " + std::to_string(scene.edges.size()) + " existing ties drawn)";
        } else {
            scene = without_hidden(viz::whole_network_scene(drawn, data, map_options));
            what = "whole-network map (" + std::to_string(scene.nodes.size()) + " members, " +
                   std::to_string(scene.edges.size()) + " ties drawn, " +
                   std::to_string(count_class(scene, "weak-bridge")) + " weak bridges)";
        }
    }
    if (options.pseudonymise) {
        progress.clear();
        for (const auto& warning : report::small_sector_warnings(network))
            std::cerr << "bridgemap map: " << warning << ".\n";
    }
    progress.update("rendering the map", 0, 0);
    const std::string bytes = viz::render_scene(scene, format, page);
    progress.update("writing the map", 0, 0);
    io::write_file_atomically(options.out, bytes);
    progress.finish();
    message_stream({options.out}) << describe_tie_model(map_options.ties, !loaded.window.is_open()) << "\n"
                                  << network_line << "\n"
                                  << "Wrote " << options.out << ": " << what << ".\n";
    return k_exit_success;
}

}  // namespace

Command add_map_command(CLI::App& app) {
    auto options = std::make_shared<MapCommandOptions>();
    CLI::App* command =
        app.add_subcommand("map", "Draw a network map (.svg, .png, .pdf or .dot) that shows where bridges are weak");
    command->footer(
        "Maps:\n"
        "  whole network (default)   every member by sector, each community a group of its own, sized by --size,\n"
        "                            weak bridges highlighted (never a tie to someone with no other tie: they get a\n"
        "                            dotted outline)\n"
        "  --event ID                the people coming to one gathering and the ties they already have\n"
        "  --member ID [--radius 2]  one member's network by sector, and who they could be introduced to\n"
        "  --summary                 one node per sector (or community); automatic above 2000 members; no lines\n"
        "                            when every pair is near chance (0.67x to 1.5x), said in words\n"
        "Every name is placed beside its own mark, nearest to it, over no other name; one with no such place is\n"
        "left off, and the caption says how many.\n"
        "The format follows the file's extension (or --format). The same input and options give the same picture.\n"
        "--paper a4 (or a3 ... a0, --landscape) fits a .pdf or .png to that sheet, names and legend readable on it\n"
        "(PNG at 300 dpi); without it the map takes the size the drawing needs.\n"
        "Consent (SPEC §5): members whose consent is hidden are not drawn (nor their ties), pseudonym members are\n"
        "labelled by pseudonym; a --pseudonymise map has its own layout, so it cannot be matched with a named one.\n"
        "docs/maps.md explains how to read each map.");
    add_data_options(*command, options->data);
    command->add_option("--out", options->out, "The map file: .svg, .png, .pdf or .dot (- for standard output)")
        ->required()
        ->type_name("FILE");
    command
        ->add_option("--format", options->format,
                     "svg, png, pdf or dot (default: the --out file's extension; svg for --out -)")
        ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
        ->type_name("FORMAT");
    command
        ->add_option("--size", options->size, "The metric that sizes members (a members.csv column; default bridging)")
        ->type_name("METRIC");
    command->add_option("--colour,--color", options->colour, "Colour members by sector (default) or community")
        ->type_name("sector|community");
    command
        ->add_option("--layout", options->layout,
                     "Layout engine: sfdp, neato, fdp, or auto (default: neato up to 300 members, sfdp above, "
                     "rings for --member; the whole map lays out each community so, or with fdp when asked; summary "
                     "maps ignore it)")
        ->type_name("ENGINE");
    command->add_option("--event", options->event, "Map the people at this event (its id or name)")
        ->type_name("ID|NAME");
    command->add_option("--member", options->member, "Map this member's network (their id or name)")
        ->type_name("ID|NAME");
    command
        ->add_option("--radius", options->radius,
                     "With --member: 1 (their contacts) or 2 (and their contacts' contacts)")
        ->check(CLI::Range(1, 2))
        ->type_name("1|2");
    command->add_flag("--summary", options->summary, "One node per sector (or community) instead of one per member");
    command
        ->add_option("--labels", options->labels,
                     "How many members to name, the largest first (default: all up to 60, else 30)")
        ->check(whole_number(0))
        ->type_name("N");
    command
        ->add_option("--ties-per-member", options->ties_per_member,
                     "On dense maps, each member's strongest ties drawn (default 3; weak bridges always)")
        ->check(whole_number(1))
        ->type_name("K");
    add_tie_model_options(*command, options->data);
    add_community_options(*command, options->data);
    add_consent_options(*command, options->pseudonymise);
    command->add_option("--paper", options->paper, "Fit a .pdf or .png map to this sheet (PNG at 300 dpi)")
        ->type_name("a4|a3|a2|a1|a0");
    command->add_flag("--landscape", options->landscape, "With --paper: the sheet turned sideways");
    command->add_option("--title", options->title, "The map's title (default: one that says what it shows)")
        ->type_name("TEXT");
    add_progress_option(*command, options->progress);
    return {command, [options, command] { return run_map(*options, *command); }};
}

}  // namespace bridgemap::cli
