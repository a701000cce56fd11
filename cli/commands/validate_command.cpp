#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/model/inventory.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace bridgemap::cli {
namespace {

std::string right(std::size_t number, std::size_t width) {
    return io::pad_left(std::to_string(number), width);
}

/// `part` as a percentage of `whole`, in six columns (" 42.5%").
std::string percent(std::size_t part, std::size_t whole) {
    const double share = whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    return io::pad_left(io::fixed(share, 1), 5) + "%";
}

void print_inventory(const Inventory& inventory, const std::string& heading, std::ostream& out) {
    out << heading << "\n";
    const std::pair<const char*, std::size_t> rows[] = {
        {"members", inventory.members},
        {"organisations", inventory.organisations},
        {"events", inventory.events},
        {"attendance rows", inventory.attendance},
        {"groups", inventory.groups},
        {"group memberships", inventory.group_members},
        {"affiliations", inventory.affiliations},
        {"explicit ties", inventory.ties},
    };
    for (const auto& [label, count] : rows) out << "  " << io::pad_right(label, 18) << right(count, 9) << "\n";

    out << "\nMembers per sector\n";
    for (const auto& sector : inventory.sectors) {
        out << "  " << io::pad_right(sector.sector, 18) << right(sector.members, 9) << "  "
            << percent(sector.members, inventory.members);
        if (sector.spellings.size() > 1) {  // folded spellings: say which went in, with their rows
            out << "  from ";
            for (std::size_t k = 0; k < sector.spellings.size(); ++k) {
                const auto& spelling = sector.spellings[k];
                out << (k == 0 ? "" : ", ") << in_quotes(spelling.label) << " (" << spelling.uses
                    << (spelling.uses == 1 ? " row" : " rows") << (spelling.aliased ? ", by sectors.csv" : "") << ")";
            }
        }
        out << "\n";
    }
    out << "  " << io::pad_right("unknown", 18) << right(inventory.unknown_sector, 9) << "  "
        << percent(inventory.unknown_sector, inventory.members) << "\n";

    out << "\nEvents per year\n";
    for (const auto& year : inventory.events_per_year) {
        out << "  " << io::pad_right(std::to_string(year.year), 18) << right(year.events, 9) << "\n";
    }
    if (inventory.undated_events > 0 || inventory.events_per_year.empty()) {
        out << "  " << io::pad_right("undated", 18) << right(inventory.undated_events, 9) << "\n";
    }
}

struct ValidateOptions {
    DataOptions data;
    bool progress = false;
};

int run_validate(const ValidateOptions& validate) {
    const DataOptions& options = validate.data;
    const Window window = parse_window(options.from, options.until);
    Progress progress("validate", validate.progress);
    progress.update("reading the network", 0, 0);
    ingest::ReadOptions read = read_options(options);
    read.progress = progress.reporter();
    auto result = ingest::read_network(options.data, read);
    progress.update("counting what was read", 0, 0);
    // Sector spellings and messages come from the user's files: printed terminal-safe.
    std::ostringstream out;
    print_inventory(take_inventory(result.network), "Read " + options.data + ":", out);
    if (!window.is_open() && !result.diagnostics.has_errors()) {
        out << "\n";
        print_inventory(take_inventory(apply_window(result.network, window)),
                        "Within the window (" + describe_window(window) + "):", out);
    }
    const auto& diagnostics = result.diagnostics;
    if (!diagnostics.all().empty()) {
        out << "\nProblems\n";
        for (const auto& diagnostic : diagnostics.all()) out << format_diagnostic(diagnostic) << "\n";
    }
    out << "\n";
    const auto errors = diagnostics.error_count();
    const auto warnings = diagnostics.warning_count();
    if (errors == 0 && warnings == 0) {
        out << "No problems found.\n";
    } else {
        out << errors << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning" : " warnings");
        out << (errors > 0 ? ": fix the errors before analysing this network.\n" : ": the data can be used.\n");
    }
    progress.finish();
    std::cout << io::terminal_safe(out.str());
    std::cout.flush();
    return errors > 0 ? k_exit_invalid_data : k_exit_success;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* command = app.add_subcommand("validate", "Check a network's files and say what was read");
    command->footer(
        "Prints what was read (counts per table, members per sector with the spellings folded into each,\n"
        "events per year) and every problem as FILE:LINE: error: MESSAGE (JSON input: FILE:/json/pointer).\n"
        "Exit 0 when there is no error, 3 otherwise.");
    add_data_options(*command, options->data);
    add_progress_option(*command, options->progress);
    return {command, [options] { return run_validate(*options); }};
}

}  // namespace bridgemap::cli
