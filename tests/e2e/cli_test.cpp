// The command line as a user meets it: help, version, usage errors, exit codes.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace bridgemap::testing
