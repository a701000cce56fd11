// Spreadsheet habits (issue 15): semicolon and tab CSV, day-first dates with --date-order, and
// sector spellings folded or flagged. A folder saved these ways reads as its clean twin does:
// analyse writes the same bytes.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bridgemap::testing {
namespace {

namespace fs = std::filesystem;
const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;

/// The lines of `text` that start with `prefix`, the prefix removed.
std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        if (line.starts_with(prefix)) lines.push_back(line.substr(prefix.size()));
        start = end + 1;
    }
    return lines;
}

/// Runs `analyse net --from 2018-06-01 --out out` on a copy of `fixture` at the same relative
/// path every time (summary.json names the data path), with `options`; returns the three files.
std::vector<std::string> analyse_copy(const std::string& fixture, const std::vector<std::string>& options = {}) {
    const TemporaryFolder work("habits-" + fixture);
    fs::copy(k_fixtures + "/" + fixture, work / "net", fs::copy_options::recursive);
    // The window makes dates count: read month-first, 04/07/2018 would fall before it.
    std::vector<std::string> arguments = {"analyse", "net", "--from", "2018-06-01", "--out", "out"};
    arguments.insert(arguments.end(), options.begin(), options.end());
    const auto result = run_bridgemap(arguments, work.path());
    EXPECT_EQ(result.exit_code, 0) << fixture << "\n" << result.out << result.err;
    return {slurp(work / "out/members.csv"), slurp(work / "out/ties.csv"), slurp(work / "out/summary.json")};
}

TEST(Habits, SemicolonAndTabFilesReadWithOneNoteEach) {
    const std::string folder = k_fixtures + "/habits-semicolon";
    const auto result = run_bridgemap({"validate", folder});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    const std::string semicolons =
        ": warning: fields are separated by semicolons, as a spreadsheet set to a European language saves CSV; "
        "read as such";
    const std::vector<std::string> expected = {
        "members.csv" + semicolons,      "organisations.csv" + semicolons,
        "events.csv" + semicolons,       "attendance.csv" + semicolons,
        "groups.csv" + semicolons,       "group_members.csv" + semicolons,
        "affiliations.csv" + semicolons, "ties.csv: warning: fields are separated by tabs, not commas; read as such",
    };
    EXPECT_EQ(lines_starting(result.out, folder + "/"), expected);
    EXPECT_NE(result.out.find("0 errors, 8 warnings: the data can be used."), std::string::npos) << result.out;
    // The name "Hal ""H"" Moss, jr; MBE" is quoted in the semicolon file and read whole.
    const auto clean = analyse_copy("habits-clean");
    EXPECT_NE(clean[0].find("\"Hal \"\"H\"\" Moss, jr; MBE\""), std::string::npos) << clean[0];
    EXPECT_EQ(analyse_copy("habits-semicolon"), clean);
}

TEST(Habits, DayFirstDatesNeedTheOrderAndThenReadAsIso) {
    const std::string folder = k_fixtures + "/habits-dmy";
    const auto result = run_bridgemap({"validate", folder});
    EXPECT_EQ(result.exit_code, 3);
    // One error per file, with the count of the others; every one counts: 4 + 5 + 2 + 2 = 13.
    const std::vector<std::string> expected = {
        "events.csv:2: error: date \"7.4.2018\" in column date is not YYYY-MM-DD; if it means 7 April 2018 give "
        "--date-order dmy, if 4 July 2018 --date-order mdy (or write 2018-04-07); 3 more dates in this file are "
        "written this way; the file's dates look day-first (line 4: \"25/12/2018\")",
        "group_members.csv:2: error: date \"15/01/2018\" in column from is not YYYY-MM-DD; it looks day-first (15 "
        "January 2018): give --date-order dmy (or write 2018-01-15); 4 more dates in this file are written this way",
        "affiliations.csv:2: error: date \"01/03/2017\" in column from is not YYYY-MM-DD; if it means 1 March 2017 "
        "give --date-order dmy, if 3 January 2017 --date-order mdy (or write 2017-03-01); 1 more date in this file "
        "is written this way; the file's dates look day-first (line 2: \"28/02/2018\")",
        "ties.csv:2: error: date \"13-05-2018\" in column date is not YYYY-MM-DD; it looks day-first (13 May 2018): "
        "give --date-order dmy (or write 2018-05-13); 1 more date in this file is written this way",
    };
    EXPECT_EQ(lines_starting(result.out, folder + "/"), expected);
    EXPECT_NE(result.out.find("13 errors, 0 warnings"), std::string::npos) << result.out;

    const auto analysed = run_bridgemap({"analyse", folder, "--out", (fs::temp_directory_path() / "x").string()});
    EXPECT_EQ(analysed.exit_code, 3);
    EXPECT_NE(analysed.err.find("13 errors in " + folder), std::string::npos) << analysed.err;

    const auto dmy = run_bridgemap({"validate", folder, "--date-order", "dmy"});
    EXPECT_EQ(dmy.exit_code, 0) << dmy.out;
    EXPECT_NE(dmy.out.find("No problems found."), std::string::npos) << dmy.out;
    EXPECT_EQ(analyse_copy("habits-dmy", {"--date-order", "dmy"}), analyse_copy("habits-clean"));

    // Month-first, 25/12/2018 and 15/01/2018 are impossible: exit 3, one error per date.
    const auto mdy = run_bridgemap({"validate", folder, "--date-order", "mdy"});
    EXPECT_EQ(mdy.exit_code, 3);
    EXPECT_NE(mdy.out.find(folder + "/events.csv:4: error: impossible date \"25/12/2018\" in column date (read "
                                    "month-first, as --date-order mdy says)"),
              std::string::npos)
        << mdy.out;
    EXPECT_NE(mdy.out.find("8 errors, 0 warnings"), std::string::npos) << mdy.out;

    const auto bad = run_bridgemap({"validate", folder, "--date-order", "ymd"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("expected dmy (day first: 04/07/2018 is 4 July) or mdy (month first: 7 April), not "
                           "\"ymd\""),
              std::string::npos)
        << bad.err;
}

TEST(Habits, SectorSpellingsFoldAndValidateListsThem) {
    const std::string folder = k_fixtures + "/habits-sectors";
    const auto result = run_bridgemap({"validate", folder});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    const std::vector<std::string> warnings = {
        "members.csv: warning: sector spellings \"business\" (2), \"Business\" (1) are read as one sector, "
        "\"business\" (its most used spelling)",
        "members.csv: warning: sector spellings \"grassroots\" (1), \"grassroots sector\" (1) are read as one "
        "sector, \"grassroots\" (its most used spelling)",
        "members.csv: warning: sector spellings \"public\" (2), \"Public sector\" (1) are read as one sector, "
        "\"public\" (its most used spelling)",
    };
    EXPECT_EQ(lines_starting(result.out, folder + "/"), warnings);
    // Rows counted over members and organisations: public is o-council, m2 and m1 ("Public sector").
    const std::vector<std::string> table = {
        "business                  2   25.0%  from \"business\" (2 rows), \"Business\" (1 row)",
        "charity                   2   25.0%  from \"charity\" (1 row), \"voluntary\" (1 row, by sectors.csv)",
        "grassroots                2   25.0%  from \"grassroots\" (1 row), \"grassroots sector\" (1 row)",
        "public                    2   25.0%  from \"public\" (2 rows), \"Public sector\" (1 row)",
        "unknown                   0    0.0%",
    };
    const auto sectors_at = result.out.find("Members per sector\n");
    ASSERT_NE(sectors_at, std::string::npos);
    const auto rows =
        lines_starting(result.out.substr(sectors_at, result.out.find("\n\n", sectors_at) - sectors_at), "  ");
    EXPECT_EQ(rows, table);
    // Folded and aliased, the network is its clean twin.
    EXPECT_EQ(analyse_copy("habits-sectors"), analyse_copy("habits-clean"));
}

TEST(Habits, LookAlikeSectorsNameEveryRowOfTheRarer) {
    const std::string folder = k_fixtures + "/habits-lookalike";
    const auto result = run_bridgemap({"validate", folder});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    // "buisness": members a3, a5 (lines 4, 6) and organisation o2 (line 3), against 4 uses of
    // "business". "charity" once against "charities"/"Charities" twice. public/private: no warning.
    const std::vector<std::string> expected = {
        "members.csv: warning: sector spellings \"Charities\" (1), \"charities\" (1) are read as one sector, "
        "\"Charities\" (its most used spelling)",
        "members.csv:4: warning: sector \"buisness\" (members.csv:4, 6; organisations.csv:3) looks like "
        "\"business\" (4 uses); if they are one sector, add the row \"buisness,business\" to sectors.csv (columns "
        "alias,sector)",
        "members.csv:7: warning: sector \"charity\" (members.csv:7) looks like \"Charities\" (2 uses); if they are "
        "one sector, add the row \"charity,Charities\" to sectors.csv (columns alias,sector)",
    };
    EXPECT_EQ(lines_starting(result.out, folder + "/"), expected);
    EXPECT_NE(result.out.find("0 errors, 3 warnings: the data can be used."), std::string::npos);
}

TEST(Habits, ExampleAndFixturesHaveNoSectorSpellingWarnings) {
    for (const std::string folder : {std::string(BRIDGEMAP_EXAMPLE_DIR), k_fixtures + "/generated-150",
                                     k_fixtures + "/escaping", k_fixtures + "/awkward-valid"}) {
        const auto result = run_bridgemap({"validate", folder});
        EXPECT_EQ(result.out.find("sector spellings"), std::string::npos) << result.out;
        EXPECT_EQ(result.out.find("looks like"), std::string::npos) << result.out;
        EXPECT_EQ(result.out.find("separated by"), std::string::npos) << result.out;
    }
}

}  // namespace
}  // namespace bridgemap::testing
