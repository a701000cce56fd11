// bridgemap seat: tables or breakout groups for a gathering that seat people who have not
// met, from different sectors and communities, together (docs/seating.md).

#include "commands/commands.hpp"
#include "progress.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/member_lists.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/history.hpp>
#include <bridgemap/recommend/seating.hpp>
#include <bridgemap/report/printouts.hpp>
#include <bridgemap/report/seating_files.hpp>
#include <bridgemap/viz/seating_maps.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace bridgemap::cli {
namespace {

struct SeatOptions {
    DataOptions data;
    std::string event;
    std::string members_file;
    std::string sizes;
    std::string hosts_file;
    std::string keep_apart_file;
    std::string keep_together_file;
    std::string out;
    std::string format = "text";
    std::string map;
    std::string print;
    SeatingRequest request;       ///< --tables, --size, --rounds, --max-per-sector; the people come from the files.
    SeatingSearchOptions search;  ///< --iterations; the seed is --seed.
    bool pseudonymise = false;
    bool progress = false;
};

/// Stages the --map folder: every table's map and index.html (viz::seating_maps).
void stage_maps(const report::PrintedPlan& printed, const Network& before, const SeatOptions& options,
                const LoadedNetwork& loaded, io::OutputSet& outputs) {
    const std::filesystem::path folder = options.map;  // created by the OutputSet when missing
    viz::MapOptions map_options;
    map_options.seed = map_seed(options.data.seed, before, options.pseudonymise);
    map_options.data_name = options.pseudonymise ? std::string() : options.data.data;
    map_options.window = loaded.window;
    map_options.ties = tie_options(options.data);
    for (auto& file : viz::seating_maps(printed, before, analysis_options(options.data), map_options)) {
        outputs.stage(folder / file.name, std::move(file.content));
    }
}

/// Who to seat, the hosts and the groups to keep apart or together: the people attending
/// `event`, or those listed in --members, and the member lists. Prints the lists'
/// diagnostics; throws InvalidDataError when they have errors.
SeatingRequest read_request(const SeatOptions& options, const Network& whole, EventIndex event) {
    SeatingRequest request = options.request;
    Diagnostics diagnostics;
    if (event != k_none) {
        request.people = event_attendees(whole, event);
        if (request.people.empty()) {
            throw RequestError("nobody attends " + in_quotes(options.event) +
                               " in attendance; give the people to seat with --members FILE");
        }
        if (options.hosts_file.empty()) request.hosts = event_hosts(whole, event);
    } else {
        request.people = ingest::read_member_list(options.members_file, whole, diagnostics);
    }
    std::vector<bool> seated(whole.members.size(), false);
    for (const MemberIndex member : request.people) seated[member] = true;
    const auto read_groups = [&](const std::string& path, bool whole_rows) {
        return path.empty() ? std::vector<std::vector<MemberIndex>>()
                            : ingest::read_member_groups(path, whole, whole_rows, seated, diagnostics);
    };
    for (const auto& group : read_groups(options.hosts_file, false)) {
        if (!group.empty()) request.hosts.push_back(group.front());
    }
    request.keep_apart = read_groups(options.keep_apart_file, true);
    request.keep_together = read_groups(options.keep_together_file, true);
    for (const auto& diagnostic : diagnostics.all()) std::cerr << format_diagnostic(diagnostic) << '\n';
    if (diagnostics.has_errors()) {
        const auto errors = diagnostics.error_count();
        throw InvalidDataError(std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                               " in the member lists; nothing was planned");
    }
    return request;
}

int run_seat(const SeatOptions& options) {
    refuse_standard_output("seat --map", options.map);
    if (options.event.empty() == options.members_file.empty()) {
        throw RequestError("say who to seat: --event ID (the people attending it) or --members FILE, not both");
    }
    TableLayout layout = options.request.layout;
    if (!options.sizes.empty()) layout.table_sizes = parse_table_sizes(options.sizes);
    const int given = (layout.tables > 0) + (layout.table_size > 0) + (!layout.table_sizes.empty());
    if (given != 1) throw RequestError("say how to seat people with one of --tables T, --size S or --sizes LIST");
    PairValueOptions values;
    values.ties = tie_options(options.data);
    values.seed = options.data.seed;

    Progress progress("seat", options.progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    const Network& whole = loaded.whole;
    const EventIndex event = options.event.empty() ? k_none : event_argument(whole, options.event, "--event");
    SeatingRequest request = read_request(options, whole, event);
    request.layout = layout;
    if (options.hosts_file.empty() && event != k_none) {
        const std::size_t tables = table_sizes_for(request.people.size(), layout).size();
        if (request.hosts.size() > tables) {
            throw RequestError(std::to_string(request.hosts.size()) + " people have the host role at " +
                               in_quotes(options.event) + " but there " +
                               (tables == 1 ? "is only 1 table" : "are only " + std::to_string(tables) + " tables") +
                               " (one host per table); add tables or name the hosts with --hosts FILE");
        }
    }

    std::optional<Network> before_event;
    if (event != k_none) before_event = apply_window(network_before_event(whole, event), loaded.window);
    const Network& before = before_event ? *before_event : loaded.windowed();
    progress.update("projecting ties and finding communities", 0, 0);
    const SeatingProblem problem = seating_problem(before, request, values);
    SeatingSearchOptions search = options.search;
    search.seed = options.data.seed;
    search.progress = [&progress](std::string_view stage, std::size_t done, std::size_t total) {
        progress.update(stage, done, total);
    };
    const SeatingPlan plan = plan_seating(problem, search);
    progress.finish();
    if (const std::string note = report::hosts_note(problem); !note.empty()) std::cerr << "note: " << note << '\n';
    if (!plan.unfair.empty()) std::cerr << "note: fair spread: " << report::fair_spread_note(problem, plan) << '\n';
    // Consent (SPEC §5): everyone seated is printed and drawn, hidden members by pseudonym,
    // from copies with the same indices.
    const bool disclose = options.pseudonymise || member_disclosure(whole, false).hidden_count() > 0 ||
                          member_disclosure(whole, false).pseudonym_count() > 0;
    std::optional<Network> whole_shown;
    std::optional<Network> before_shown;
    if (disclose) {
        whole_shown = report::disclosed_network(member_disclosure(whole, options.pseudonymise), true);
        before_shown = report::disclosed_network(member_disclosure(before, options.pseudonymise), true);
    }
    const report::PrintedPlan printed = report::lay_out(disclose ? *whole_shown : whole, problem, plan, event);

    io::OutputSet outputs;
    if (!options.out.empty()) outputs.stage(options.out, report::plan_csv(printed));
    if (!options.map.empty()) stage_maps(printed, disclose ? *before_shown : before, options, loaded, outputs);
    if (!options.print.empty()) {
        report::PrintoutOptions print;
        print.hidden = member_disclosure(whole, options.pseudonymise).hidden_members();
        print.tie_model = describe_tie_model(values.ties, !loaded.window.is_open());
        print.introductions = report::room_introductions(before, printed, values.ties, options.data.seed, print.hidden);
        outputs.stage(options.print, report::seating_printouts(printed, print));
    }
    outputs.commit();

    std::ostream& messages = message_stream({options.out, options.print});
    if (options.format == "json") {
        messages << report::plan_json(printed, values.ties, loaded.window);
    } else {
        messages << report::plan_text(printed, values.ties, loaded.window);
        if (!options.out.empty()) messages << "\nWrote " << options.out << ".\n";
        if (!options.map.empty()) {
            messages << (options.out.empty() ? "\n" : "") << "Wrote a map of every table to "
                     << (std::filesystem::path(options.map) / "index.html").string() << ".\n";
        }
        if (!options.print.empty()) {
            messages << (options.out.empty() && options.map.empty() ? "\n" : "") << "Wrote the printouts to "
                     << options.print << " (A4: print from a browser).\n";
        }
    }
    return k_exit_success;
}

}  // namespace

Command add_seat_command(CLI::App& app) {
    auto options = std::make_shared<SeatOptions>();
    CLI::App* command =
        app.add_subcommand("seat", "Plan tables or breakout groups that create new cross-sector meetings");
    command->footer(
        "Seats the people attending an event (or listed in a file) so that as many pairs as possible meet\n"
        "who have no tie yet and come from different sectors or communities; only ties formed before the event\n"
        "count. Prints the plan per round and table, with what it achieves against random seating and the best\n"
        "possible. Member files: one member id or name per row (first column; a header row member_id is\n"
        "allowed); keep-apart and keep-together files: one group of members per row. docs/seating.md explains it all.\n"
        "Consent (SPEC §5): members whose consent is hidden are seated but shown by pseudonym, like pseudonym\n"
        "members (and everyone with --pseudonymise); the --print pages leave them out altogether.\n"
        "Every table holds at most its share of each sector plus one, and at most ceil(u/T) of the u people\n"
        "of unknown sector at T tables, whenever such a seating is found (the plan says when it is not).");
    const auto file = [&](const char* name, std::string& file, const char* help) {
        command->add_option(name, file, help)->check(CLI::ExistingFile)->type_name("FILE");
    };
    const auto count = [&](const char* name, std::size_t& count, const char* help, const char* type) {
        command->add_option(name, count, help)->check(whole_number(1))->type_name(type);
    };
    add_data_options(*command, options->data);
    command
        ->add_option("--event", options->event,
                     "Seat the people attending this event (its id or name; or its breakouts)")
        ->type_name("ID|NAME");
    file("--members", options->members_file, "Seat the members listed in this file instead");
    count("--tables", options->request.layout.tables, "Number of tables; sizes differ by at most one", "T");
    count("--size", options->request.layout.table_size, "People per table, at most; as few tables as that allows", "S");
    command->add_option("--sizes", options->sizes, "Seats of each table of a real room, e.g. 8,8,10,6")
        ->type_name("LIST");
    count("--rounds", options->request.rounds, "Rounds of seating; no pair sits together twice (default 1)", "R");
    file("--hosts", options->hosts_file,
         "Table hosts, one per table, staying at their table (default: the host role at the event)");
    file("--keep-apart", options->keep_apart_file, "Groups who must sit at different tables, one per row");
    file("--keep-together", options->keep_together_file,
         "Groups who must sit at the same table every round, one per row");
    count("--max-per-sector", options->request.max_per_sector, "At most N people of one sector per table", "N");
    add_tie_model_options(*command, options->data,
                          "Ties weaker than this do not count as having met (default 0: every tie counts)");
    add_community_options(*command, options->data);
    command
        ->add_option("--out", options->out,
                     "Also write the plan as CSV: member_id,round,table,... (- for standard output)")
        ->type_name("FILE.csv");
    command
        ->add_option("--map", options->map,
                     "Also draw each table's people and their ties: DIR/round-R-table-T.svg and DIR/index.html")
        ->type_name("DIR");
    command
        ->add_option("--print", options->print,
                     "Also write A4 printouts: a briefing, a page per table and round, an A-Z list, place cards")
        ->type_name("FILE.html");
    add_consent_options(*command, options->pseudonymise);
    add_progress_option(*command, options->progress);
    command->add_option("--format", options->format, "What to print: text (the plan) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    count("--iterations", options->search.iterations,
          "Local-search iterations per round (default: chosen from the size of the gathering)", "K");
    return {command, [options] { return run_seat(*options); }};
}

}  // namespace bridgemap::cli
