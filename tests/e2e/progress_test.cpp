// Progress on stderr (--progress): every long-running command writes its stages there, and
// changes nothing else. The tests cannot wait 2 s per run, so BRIDGEMAP_PROGRESS_DELAY_MS=0
// shows progress at once; stderr here is a file, never a terminal, so without --progress
// nothing is shown even then.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace bridgemap::testing {
namespace {

const std::string k_example = BRIDGEMAP_EXAMPLE_DIR;
const std::filesystem::path k_signups = std::filesystem::path(BRIDGEMAP_SOURCE_DIR) / "data" / "signups-2017";

/// Sets BRIDGEMAP_PROGRESS_DELAY_MS for the commands run while it lives.
class NoProgressDelay {
public:
    NoProgressDelay() { ::setenv("BRIDGEMAP_PROGRESS_DELAY_MS", "0", 1); }
    ~NoProgressDelay() { ::unsetenv("BRIDGEMAP_PROGRESS_DELAY_MS"); }
    NoProgressDelay(const NoProgressDelay&) = delete;
    NoProgressDelay& operator=(const NoProgressDelay&) = delete;
};

/// Every regular file under `folder`, by its path relative to it, with its bytes.
std::map<std::string, std::string> files_under(const std::filesystem::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) files[entry.path().lexically_relative(folder).string()] = slurp(entry.path());
    }
    return files;
}

/// The lines of `text` that start with `prefix`, and the others.
std::pair<std::vector<std::string>, std::string> split_lines(const std::string& text, const std::string& prefix) {
    std::vector<std::string> matching;
    std::string others;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with(prefix))
            matching.push_back(line);
        else
            others += line + "\n";
    }
    return {matching, others};
}

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

struct Case {
    std::string command;
    std::vector<std::string> arguments;  ///< OUT stands for the output folder (or a file in it).
    std::vector<std::string> expected;   ///< Progress lines that must be among those written.
};

std::vector<std::string> with_out(const std::vector<std::string>& arguments, const std::filesystem::path& out) {
    std::vector<std::string> result;
    for (const std::string& argument : arguments) {
        if (argument == "OUT")
            result.push_back(out.string());
        else if (argument.starts_with("OUT/"))
            result.push_back((out / argument.substr(4)).string());
        else
            result.push_back(argument);
    }
    return result;
}

TEST(Progress, EveryLongCommandShowsItsStagesWithProgressAndChangesNothingElse) {
    const NoProgressDelay no_delay;
    const std::string paths_done = "betweenness, closeness, harmonic, bridging [####################] 100%";
    const std::vector<Case> cases = {
        {"analyse",
         {k_example, "--out", "OUT"},
         {"analyse: reading the network", "analyse: reading members.csv", "analyse: tie projection",
          "analyse: " + paths_done, "analyse: communities (Leiden)", "analyse: writing the results"}},
        {"report",
         {k_example, "--out", "OUT/report.html"},
         {"report: reading the network", "report: " + paths_done, "report: laying out and drawing the map",
          "report: introductions", "report: the trend over time", "report: writing the report"}},
        {"map",
         {k_example, "--out", "OUT/map.svg", "--size", "betweenness"},
         {"map: reading the network", "map: " + paths_done, "map: laying out the map", "map: rendering the map",
          "map: writing the map"}},
        {"trend",
         {k_example, "--by", "quarter", "--out", "OUT/trend.csv", "--chart", "OUT/trend.svg"},
         {"trend: reading the network", "trend: periods [####################] 100%",
          "trend: exposure and friending bias", "trend: writing"}},
        {"introduce",
         {k_example, "--evaluate", "--out", "OUT/introductions.csv"},
         {"introduce: reading the network", "introduce: choosing introductions",
          "introduce: comparing with random and Adamic-Adar pairs", "introduce: writing"}},
        {"export",
         {k_example, "--out", "OUT/network.gexf"},
         {"export: reading the network", "export: " + paths_done, "export: laying out the map",
          "export: writing gexf"}},
        {"validate", {k_example}, {"validate: reading the network", "validate: checking the network"}},
        {"import",
         {(k_signups / "events.csv").string(), "--out", "OUT"},
         {"import: reading attendee lists [                    ] 0%", "import: matching people",
          "import: writing the network"}},
        {"generate",
         {"--members", "200", "--out", "OUT"},
         {"generate: generating the network", "generate: writing the folder"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.command);
        const TemporaryFolder quiet_folder("progress-" + c.command);
        std::vector<std::string> arguments = {c.command};
        for (const auto& argument : with_out(c.arguments, quiet_folder.path())) arguments.push_back(argument);
        // Without --progress, stderr (a file) shows none, even with no delay.
        const CommandResult quiet = run_bridgemap(arguments);
        ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
        EXPECT_TRUE(split_lines(quiet.err, c.command + ": ").first.empty()) << quiet.err;
        const auto quiet_files = files_under(quiet_folder.path());
        std::filesystem::remove_all(quiet_folder.path());
        std::filesystem::create_directories(quiet_folder.path());

        // With it, the same run (into the same place) writes progress lines and the same outputs.
        arguments.push_back("--progress");
        const CommandResult shown = run_bridgemap(arguments);
        ASSERT_EQ(shown.exit_code, 0) << shown.err;
        const auto [progress, rest] = split_lines(shown.err, c.command + ": ");
        for (const std::string& line : c.expected) EXPECT_TRUE(contains(progress, line)) << line << "\n" << shown.err;
        EXPECT_EQ(rest, quiet.err);
        EXPECT_EQ(shown.out, quiet.out);
        EXPECT_EQ(files_under(quiet_folder.path()), quiet_files);
    }
}

TEST(Progress, EachLongCommandDocumentsTheFlag) {
    for (const char* command :
         {"analyse", "report", "map", "trend", "introduce", "export", "validate", "import", "generate", "seat"}) {
        SCOPED_TRACE(command);
        const CommandResult help = run_bridgemap({command, "--help"});
        EXPECT_EQ(help.exit_code, 0);
        EXPECT_NE(help.out.find("--progress"), std::string::npos) << help.out;
    }
}

}  // namespace
}  // namespace bridgemap::testing
