// bridgemap validate: counts on good data, every problem with file and line on bad data.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace bridgemap::testing {
namespace {

const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;

/// The number printed after `label` in validate's table (e.g. "  members    56").
long count_after(const std::string& text, const std::string& label) {
    const std::regex pattern("\\n  " + label + " +([0-9]+)");
    std::smatch match;
    if (!std::regex_search(text, match, pattern)) return -1;
    return std::stol(match[1]);
}

TEST(Validate, BundledExamplePrintsCountsAndExitsZero) {
    const auto result = run_bridgemap({"validate", BRIDGEMAP_EXAMPLE_DIR});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(count_after(result.out, "members"), 56);
    EXPECT_EQ(count_after(result.out, "organisations"), 56);
    EXPECT_EQ(count_after(result.out, "events"), 9);
    EXPECT_EQ(count_after(result.out, "attendance rows"), 111);
    EXPECT_EQ(count_after(result.out, "affiliations"), 15);
    EXPECT_EQ(count_after(result.out, "unknown"), 1);  // Alison Nabarro
    EXPECT_EQ(count_after(result.out, "2017"), 1);
    EXPECT_EQ(count_after(result.out, "2018"), 8);
    EXPECT_NE(result.out.find("No problems found."), std::string::npos);
}

TEST(Validate, WindowShowsWhatFallsInside) {
    const auto result = run_bridgemap({"validate", BRIDGEMAP_EXAMPLE_DIR, "--from", "2018"});
    EXPECT_EQ(result.exit_code, 0);
    const auto window = result.out.find("Within the window (from 2018-01-01):");
    ASSERT_NE(window, std::string::npos) << result.out;
    EXPECT_EQ(count_after(result.out.substr(window), "events"), 8);
}

TEST(Validate, EveryPlantedProblemListedWithFileAndLine) {
    const std::string folder = k_fixtures + "/every-problem";
    const auto result = run_bridgemap({"validate", folder});
    EXPECT_EQ(result.exit_code, 3);
    const std::vector<std::string> expected = {
        "members.csv:5: error: empty member id",
        "members.csv:6: error: duplicate member id \"m2\" (first on line 3)",
        "members.csv:7: error: unknown organisation \"o-99\" (not in organisations)",
        "members.csv:8: warning: repeats the row on line 4; merged",
        "members.csv:9: error: this row has 6 fields, but the header has 5",
        "organisations.csv:4: error: duplicate organisation id \"council\" (first on line 2)",
        "organisations.csv:5: error: not valid UTF-8",
        "events.csv:4: error: impossible date \"2018-02-30\"",
        "events.csv:5: error: date \"3/7/2018\" in column date is not YYYY-MM-DD; if it means 3 July 2018 give "
        "--date-order dmy, if 7 March 2018 --date-order mdy (or write 2018-07-03)",
        "events.csv:6: error: unknown parent event \"g9\"",
        "events.csv:7: error: events' parents form a loop",
        "attendance.csv:4: warning: repeats the row on line 2; merged",
        "attendance.csv:5: error: unknown member \"m9\"",
        "attendance.csv:6: error: unknown event \"e404\"",
        "group_members.csv:3: error: until \"2018\" is before from \"2019\"",
        "group_members.csv:4: error: unknown group \"c7\"",
        "affiliations.csv:2: error: impossible date \"2016-13\"",
        "affiliations.csv:3: error: unknown organisation \"nowhere\"",
        "affiliations.csv:4: error: the quoted field 5 that opens on this line is not closed on it",
        "ties.csv:3: error: self-tie: \"m1\" is tied to themself",
        "ties.csv:4: error: weight -1 is negative",
        "ties.csv:5: error: weight \"heavy\" is not a number",
        "ties.csv:6: error: unknown member \"m7\"",
        "ties.csv:7: error: impossible date \"2018-02-31\"",
    };
    std::size_t from = 0;
    for (const auto& line : expected) {
        const auto at = result.out.find(folder + "/" + line, from);
        ASSERT_NE(at, std::string::npos) << "missing or out of order: " << line << "\n" << result.out;
        from = at;
    }
    EXPECT_NE(result.out.find("22 errors, 2 warnings"), std::string::npos) << result.out;
}

TEST(Validate, MissingMembersFileExitsThree) {
    const auto result = run_bridgemap({"validate", k_fixtures + "/no-members"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.out.find("no-members/members.csv: error: file not found"), std::string::npos) << result.out;
}

TEST(Validate, MissingRequiredColumnExitsThree) {
    const auto result = run_bridgemap({"validate", k_fixtures + "/missing-column"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.out.find("missing-column/members.csv:1: error: required column \"id\" is missing"),
              std::string::npos)
        << result.out;
}

TEST(Validate, SectorColumnsAlignByDisplayWidthNotBytes) {
    // "Bürgerinitiative" is 16 columns in 17 bytes; "市民" is 4 columns in 6 bytes. Padding by
    // bytes would pull their counts one and two columns left of the ASCII sector's.
    const TemporaryFolder folder("validate-wide-sectors");
    write_file(folder / "members.csv",
               "id,name,sector\n"
               "a,Anna,B\u00fcrgerinitiative\n"
               "b,Ben,\u5e02\u6c11\n"
               "c,Chloe,\u5e02\u6c11\n"
               "d,Dev,public\n");
    const auto result = run_bridgemap({"validate", folder.path().string()});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    // Label padded to 18 columns, count right-aligned in 9, then the share in 6.
    EXPECT_NE(result.out.find("\n  B\u00fcrgerinitiative          1   25.0%\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\n  \u5e02\u6c11                      2   50.0%\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\n  public                    1   25.0%\n"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace bridgemap::testing
