#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_writer.hpp>
#include <bridgemap/ingest/signup_import.hpp>
#include <bridgemap/io/atomic_file.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

namespace bridgemap::cli {
namespace {

struct ImportCommandOptions {
    std::string events;
    std::string out;
    std::string into;
    std::string matches;
    std::string date_order;
    bool progress = false;
};

std::string plural(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

/// The tables a network folder may hold that this import would not write: left in --out they
/// would join the imported network.
void refuse_foreign_tables(const std::filesystem::path& out, const std::map<std::string, std::string>& files) {
    std::error_code error;
    if (!std::filesystem::is_directory(out, error)) return;
    for (const char* table : {"members.csv", "organisations.csv", "events.csv", "attendance.csv", "groups.csv",
                              "group_members.csv", "affiliations.csv", "ties.csv", "matches.csv"}) {
        if (!files.count(table) && std::filesystem::exists(out / table, error)) {
            throw RequestError("--out " + out.string() + " already holds " + table +
                               ", which this import does not write; choose an empty or new folder");
        }
    }
}

int run_import(const ImportCommandOptions& options) {
    refuse_standard_output("import --out", options.out);
    ingest::ImportOptions request;
    request.events = options.events;
    if (!options.into.empty()) request.into = options.into;
    if (!options.matches.empty()) request.matches = options.matches;
    if (options.date_order == "dmy") request.date_order = DateOrder::dmy;
    if (options.date_order == "mdy") request.date_order = DateOrder::mdy;
    for (const auto& path : {options.events, options.into, options.matches}) {
        std::error_code error;
        if (!path.empty() && !std::filesystem::exists(path, error)) throw IoError("file not found: " + path);
    }

    Progress progress("import", options.progress);
    request.progress = progress.reporter();
    Diagnostics diagnostics;
    ingest::ImportResult result = ingest::import_signups(request, diagnostics);
    progress.clear();
    for (const auto& diagnostic : diagnostics.all()) std::cerr << format_diagnostic(diagnostic) << "\n";
    if (diagnostics.has_errors()) {
        const auto errors = diagnostics.error_count();
        throw InvalidDataError(plural(errors, "error", "errors") + " in the sign-up lists; nothing was written");
    }

    progress.update("writing the network", 0, 0);
    std::map<std::string, std::string> files = ingest::network_to_csv(result.network);
    files["matches.csv"] = std::move(result.matches_csv);
    const std::filesystem::path out = options.out;
    const bool into_itself =
        !options.into.empty() && std::filesystem::exists(out) && std::filesystem::equivalent(out, options.into);
    if (!into_itself) refuse_foreign_tables(out, files);
    io::OutputSet outputs;  // creates the folder when missing
    for (auto& [name, text] : files) outputs.stage(out / name, std::move(text));
    outputs.commit();
    progress.finish();

    const auto& summary = result.summary;
    std::cout << "Read " << plural(summary.events, "event", "events") << " and "
              << plural(summary.rows, "attendee row", "attendee rows") << ": "
              << plural(summary.new_members, "new member", "new members");
    if (!options.into.empty()) std::cout << ", " << summary.existing_members << " already in " << options.into;
    std::cout << ", " << plural(summary.new_organisations, "new organisation", "new organisations") << ".\n"
              << plural(summary.merges, "merge", "merges") << " and "
              << plural(summary.near_misses, "near miss", "near misses") << " (kept separate) are listed in "
              << (out / "matches.csv").string() << ": check them, change a decision, and run again with --matches.\n";
    if (summary.user_decisions > 0) {
        std::cout << plural(summary.user_decisions, "decision", "decisions") << " taken from " << options.matches
                  << ".\n";
    }
    std::cout << "Wrote " << out.string() << ": " << result.network.members.size() << " members, "
              << result.network.organisations.size() << " organisations, " << result.network.events.size()
              << " events, " << result.network.attendance.size() << " attendance rows.\n";
    return k_exit_success;
}

}  // namespace

Command add_import_command(CLI::App& app) {
    auto options = std::make_shared<ImportCommandOptions>();
    CLI::App* command =
        app.add_subcommand("import", "Build a network folder from event sign-up exports, one person across many lists");
    command->footer(
        "EVENTS has the columns id,name,date,kind,list[,parent]; list is the path, relative to EVENTS's folder, of\n"
        "that event's attendee export: CSV (comma, semicolon or tab) or .xlsx (first sheet), with a name column\n"
        "(or first and last name) and optionally email, organisation/company, sector, job title, role/ticket type.\n"
        "The same email is the same person; otherwise names are compared ignoring case, accents, spacing, titles\n"
        "and nicknames, with the organisation as evidence. DIR/matches.csv lists every merge and near miss: change\n"
        "a decision (merge/separate) and run again with --matches DIR/matches.csv. --into adds the events to an\n"
        "existing network, keeping its ids; it is changed only when --out names it. See docs/import.md.");
    command->add_option("EVENTS", options->events, "The events file (CSV or .xlsx)")->required();
    command->add_option("--out", options->out, "Folder to write the network and matches.csv to")
        ->required()
        ->type_name("DIR");
    command->add_option("--into", options->into, "An existing network (folder or JSON file) to add the events to")
        ->type_name("NETWORK");
    command->add_option("--matches", options->matches, "A matches.csv with your decisions to apply")->type_name("FILE");
    command
        ->add_option("--date-order", options->date_order,
                     "Read event dates written like 04/07/2018 day-first (dmy) or month-first (mdy); they are kept "
                     "as YYYY-MM-DD")
        ->check(CLI::IsMember({"dmy", "mdy"}))
        ->type_name("dmy|mdy");
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_import(*options); }};
}

}  // namespace bridgemap::cli
