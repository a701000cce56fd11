#pragma once
// One function per command: each adds its subcommand to the application.

#include "command_line.hpp"

namespace bridgemap::cli {

Command add_validate_command(CLI::App& app);
Command add_analyse_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_trend_command(CLI::App& app);
Command add_introduce_command(CLI::App& app);
Command add_generate_command(CLI::App& app);
Command add_map_command(CLI::App& app);
Command add_seat_command(CLI::App& app);
Command add_import_command(CLI::App& app);
Command add_export_command(CLI::App& app);

}  // namespace bridgemap::cli
