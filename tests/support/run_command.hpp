#pragma once
// Runs the bridgemap binary for end-to-end tests and captures what it printed.

#include "support/temporary_files.hpp"

#include <sys/wait.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bridgemap::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

/// Runs BRIDGEMAP_BINARY with `arguments` (in `directory` when given, with the `environment`
/// assignments, "NAME=value ...", when given); returns its exit code (-1 when a signal ended
/// it), stdout and stderr.
inline CommandResult run_bridgemap(const std::vector<std::string>& arguments,
                                   const std::filesystem::path& directory = {}, const std::string& environment = {}) {
    static int counter = 0;
    std::string name = "bridgemap-e2e-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(++counter);
    const auto base = std::filesystem::temp_directory_path() / name;
    std::string command = directory.empty() ? std::string() : "cd " + shell_quote(directory.string()) + " && ";
    if (!environment.empty()) command += "exec env " + environment + " ";
    command += shell_quote(BRIDGEMAP_BINARY);
    for (const auto& argument : arguments) {
        command += ' ';
        command += shell_quote(argument);
    }
    command += " >";
    command += shell_quote(base.string() + ".out");
    command += " 2>";
    command += shell_quote(base.string() + ".err");
    const int status = std::system(command.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // The shell reports a command a signal ended as 128 + the signal.
    if (!environment.empty() && result.exit_code > 128 && result.exit_code < 160) result.exit_code = -1;
    result.out = slurp(base.string() + ".out");
    result.err = slurp(base.string() + ".err");
    std::filesystem::remove(base.string() + ".out");
    std::filesystem::remove(base.string() + ".err");
    return result;
}

}  // namespace bridgemap::testing
