// bridgemap: bridging-capital analysis of relationship networks. This file parses the
// command line, runs one command, and turns what went wrong into a message and an exit
// code (SPEC §4): 0 success, 1 anything else, 2 wrong usage, 3 invalid input data.

#include "command_line.hpp"
#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <new>
#include <vector>

namespace {

using namespace bridgemap::cli;

std::string command_path(const CLI::App* command) {
    std::string path;
    for (const CLI::App* at = command; at != nullptr; at = at->get_parent()) {
        path.insert(0, at->get_name() + (path.empty() ? "" : " "));
    }
    return path;
}

/// The usage line of a command, from CLI11's own help, with the full command path.
std::string usage_line(const CLI::App& command) {
    const std::string help = command.help();
    const auto start = help.find("Usage: ");
    if (start == std::string::npos) return {};
    const auto end = help.find('\n', start);
    std::string line = help.substr(start, end - start);
    const std::string own = "Usage: " + command.get_name();
    if (line.compare(0, own.size(), own) == 0) line.replace(0, own.size(), "Usage: " + command_path(&command));
    return line;
}

/// When the first argument names no command, says so, lists the commands and suggests one.
int unknown_command(const CLI::App& app, const std::vector<Command>& commands, const std::string& given) {
    std::string names;
    std::string closest;
    std::size_t best = 3;  // suggest only near misses
    for (const auto& command : commands) {
        const std::string& name = command.app->get_name();
        names += (names.empty() ? "" : ", ") + name;
        const std::size_t distance = bridgemap::io::edit_distance(given, name);
        if (distance < best) best = distance, closest = name;
    }
    std::cerr << "bridgemap: error: unknown command \"" << given << "\"";
    if (!closest.empty()) std::cerr << "; did you mean \"" << closest << "\"?";
    std::cerr << "\nThe commands are: " << names << ".\n" << usage_line(app) << "\n";
    return k_exit_usage;
}

int usage_error(const CLI::App& command, const std::string& message) {
    std::cerr << command_path(&command) << ": error: " << bridgemap::io::terminal_safe(message) << "\n"
              << usage_line(command) << "\n"
              << "Run '" << command_path(&command) << " --help' for the options.\n";
    return k_exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bridgemap " BRIDGEMAP_VERSION
                 " - see where bridging ties between sectors and communities are strong and weak.\n"
                 "Reads a network folder (members, organisations, events, attendance, groups, ties as CSV or .xlsx), "
                 "one JSON file or one .xlsx workbook.",
                 "bridgemap"};
    app.set_version_flag("--version", "bridgemap " BRIDGEMAP_VERSION);
    app.require_subcommand(1);
    app.footer(
        "What a tie is: two members are tied when they shared an event, a group (cell) or an organisation\n"
        "of at most 40 people, or have a row in ties.csv. A larger setting, such as a 200-person gathering, is\n"
        "exposure: its people shared a room, which trend measures, but it ties nobody. --max-setting-size N\n"
        "changes the limit for every command (0: every setting counts). Inside a --from/--until window, and in\n"
        "each trend period, colleague ties join only members active there. Every command prints this model.\n\n"
        "Run 'bridgemap COMMAND --help' for a command's options.\n"
        "Exit codes: 0 success, 1 failure, 2 wrong usage, 3 invalid input data.");

    std::vector<Command> commands;
    commands.push_back(add_validate_command(app));
    commands.push_back(add_analyse_command(app));
    commands.push_back(add_report_command(app));
    commands.push_back(add_trend_command(app));
    commands.push_back(add_introduce_command(app));
    commands.push_back(add_seat_command(app));
    commands.push_back(add_map_command(app));
    commands.push_back(add_import_command(app));
    commands.push_back(add_export_command(app));
    commands.push_back(add_generate_command(app));

    if (argc > 1 && argv[1][0] != '-') {
        const std::string first = argv[1];
        bool known = false;
        for (const auto& command : commands) known |= command.app->get_name() == first;
        if (!known) return unknown_command(app, commands, first);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& error) {
        const CLI::App* failed = &app;
        for (const auto& command : commands) {
            if (command.app->parsed()) failed = command.app;
        }
        if (failed == &app && argc <= 1) {
            std::cerr << app.help();
            return k_exit_usage;
        }
        return usage_error(*failed, error.what());
    }

    for (const auto& command : commands) {
        if (!command.app->parsed()) continue;
        try {
            return command.run();
        } catch (const bridgemap::RequestError& error) {
            return usage_error(*command.app, error.what());
        } catch (const bridgemap::InvalidDataError& error) {
            std::cerr << command_path(command.app) << ": " << bridgemap::io::terminal_safe(error.what()) << "\n";
            return k_exit_invalid_data;
        } catch (const bridgemap::Error& error) {
            std::cerr << command_path(command.app) << ": error: " << bridgemap::io::terminal_safe(error.what()) << "\n";
            return k_exit_failure;
        } catch (const std::bad_alloc&) {
            std::cerr << command_path(command.app) << ": error: out of memory\n";
            return k_exit_failure;
        } catch (const std::exception& error) {
            std::cerr << command_path(command.app) << ": error: " << bridgemap::io::terminal_safe(error.what()) << "\n";
            return k_exit_failure;
        }
    }
    return k_exit_usage;
}
