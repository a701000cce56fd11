// The command line as a user meets it: help, version, usage errors, exit codes.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace bridgemap::testing {
namespace {

TEST(Cli, VersionAndHelp) {
    const auto version = run_bridgemap({"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_EQ(version.out, std::string("bridgemap ") + BRIDGEMAP_VERSION_TEXT + "\n");

    const auto help = run_bridgemap({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* command : {"validate", "analyse", "report", "trend", "introduce", "seat", "map", "generate"}) {
        EXPECT_NE(help.out.find(command), std::string::npos) << command;
    }
    EXPECT_NE(help.out.find("Exit codes"), std::string::npos);

    const auto command_help = run_bridgemap({"validate", "--help"});
    EXPECT_EQ(command_help.exit_code, 0);
    EXPECT_NE(command_help.out.find("--from"), std::string::npos);
    EXPECT_NE(command_help.out.find("FILE:LINE: error: MESSAGE"), std::string::npos);
}

TEST(Cli, NoCommandIsAUsageError) {
    const auto result = run_bridgemap({});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("Usage:"), std::string::npos) << result.err;
}

TEST(Cli, UnknownCommandSaysWhatWasExpected) {
    const auto result = run_bridgemap({"analyze-everything", "x"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("unknown command \"analyze-everything\""), std::string::npos) << result.err;
    const auto list = result.err.find("The commands are: ");
    ASSERT_NE(list, std::string::npos) << result.err;
    const std::string commands = result.err.substr(list, result.err.find('\n', list) - list);
    for (const char* command : {"validate", "analyse", "report", "trend", "introduce", "seat", "map", "generate"}) {
        EXPECT_NE(commands.find(command), std::string::npos) << command << " missing from: " << commands;
    }
    EXPECT_NE(result.err.find("Usage: bridgemap"), std::string::npos) << result.err;

    const auto near_miss = run_bridgemap({"validat", "x"});
    EXPECT_EQ(near_miss.exit_code, 2);
    EXPECT_NE(near_miss.err.find("did you mean \"validate\"?"), std::string::npos) << near_miss.err;
}

TEST(Cli, MissingArgumentIsAUsageErrorWithTheUsageLine) {
    const auto result = run_bridgemap({"validate"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("bridgemap validate: error:"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("DATA"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("Usage: bridgemap validate"), std::string::npos) << result.err;
}

TEST(Cli, NonexistentDataPathIsAUsageError) {
    const auto result = run_bridgemap({"validate", "/no/such/network"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("/no/such/network"), std::string::npos) << result.err;
}

TEST(Cli, BadWindowIsAUsageError) {
    const auto result = run_bridgemap({"validate", BRIDGEMAP_EXAMPLE_DIR, "--from", "July 2018"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--from \"July 2018\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"),
              std::string::npos)
        << result.err;
}

TEST(Cli, CountsAndWeightsAreCheckedAlikeByEveryCommand) {
    // A negative count used to wrap round to a huge one and be accepted (exit 0).
    const std::string data = BRIDGEMAP_EXAMPLE_DIR;
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
        {{"analyse", data, "--max-setting-size", "-1"},
         "--max-setting-size: expected a whole number of 0 or more, not \"-1\""},
        {{"trend", data, "--max-setting-size", "-1"}, "--max-setting-size: expected a whole number of 0 or more"},
        {{"report", data, "--out", "r.html", "--max-setting-size", "2.5"},
         "--max-setting-size: expected a whole number"},
        {{"seat", data, "--event", "gathering-2018-07", "--tables", "6", "--max-setting-size", "-1"},
         "--max-setting-size: expected a whole number of 0 or more"},
        {{"report", data, "--out", "r.html", "--introductions", "-1"},
         "--introductions: expected a whole number of 0 or more"},
        {{"map", data, "--out", "m.svg", "--labels", "-1"}, "--labels: expected a whole number of 0 or more"},
        {{"seat", data, "--event", "gathering-2018-07", "--tables", "-1"},
         "--tables: expected a whole number of 1 or more"},
        {{"analyse", data, "--samples", "0"}, "--samples: expected a whole number of 1 or more, not \"0\""},
        {{"analyse", data, "--min-weight", "-1"}, "--min-weight: expected a number of 0 or more, not \"-1\""},
        {{"map", data, "--out", "m.svg", "--min-weight", "heavy"}, "--min-weight: expected a number of 0 or more"},
    };
    for (const auto& [arguments, message] : bad) {
        const auto result = run_bridgemap(arguments);
        EXPECT_EQ(result.exit_code, 2) << arguments[0] << " " << arguments.back();
        EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("Usage: bridgemap " + arguments[0]), std::string::npos) << result.err;
    }
}

}  // namespace
}  // namespace bridgemap::testing
