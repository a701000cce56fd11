// bridgemap import: sign-up exports to a network folder, one person across lists; matches.csv
// and --matches; --into; every problem at its file and line with nothing written.

#include "support/csv_rows.hpp"
#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace bridgemap::testing {
namespace {

const std::filesystem::path k_example = std::filesystem::path(BRIDGEMAP_SOURCE_DIR) / "data" / "signups-2017";
const char* const k_tables[] = {"members.csv", "organisations.csv", "events.csv", "attendance.csv", "matches.csv"};

using Rows = std::vector<std::vector<std::string>>;

/// The rows of `table` whose column `column` is `value`.
Rows rows_with(const Rows& table, std::size_t column, const std::string& value) {
    Rows out;
    for (const auto& row : table) {
        if (row.size() > column && row[column] == value) out.push_back(row);
    }
    return out;
}

TEST(Import, TheExampleBecomesAValidNetworkWithOnePersonAcrossThreeLists) {
    const TemporaryFolder folder("import-example");
    const auto out = folder / "network";
    const auto result = run_bridgemap({"import", (k_example / "events.csv").string(), "--out", out.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // 30 rows in 2017, 31 at the 2018 dinner, 36 at the workshop: 97. The published lists name
    // 55 people; Athol Halle moved from Groundswell to Trust for Developing Communities, a near
    // miss kept separate, so 56 members.
    EXPECT_NE(result.out.find("Read 3 events and 97 attendee rows: 56 new members"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("1 near miss (kept separate)"), std::string::npos) << result.out;

    const auto validate = run_bridgemap({"validate", out.string()});
    EXPECT_EQ(validate.exit_code, 0) << validate.out;
    EXPECT_NE(validate.out.find("No problems found."), std::string::npos) << validate.out;

    const Rows members = read_csv(out / "members.csv");
    ASSERT_EQ(members.size(), 57u);
    EXPECT_EQ(members[0], (std::vector<std::string>{"id", "name", "sector", "organisation", "email", "job_title",
                                                    "Order #", "Order Date", "Attendee Status", "Timestamp"}));
    const Rows attendance = read_csv(out / "attendance.csv");
    EXPECT_EQ(attendance.size(), 98u);
    // "DannyKruger" (the dinner form) and Danny Kruger (Eventbrite) share an email, in two cases.
    EXPECT_EQ(rows_with(attendance, 0, "danny-kruger").size(), 2u);
    ASSERT_EQ(rows_with(members, 0, "danny-kruger").size(), 1u);
    EXPECT_EQ(rows_with(members, 0, "danny-kruger")[0][1], "Danny Kruger");
    // Kathy Evans (Eventbrite, the workshop) is "Cathy Evans" on the dinner form, no email, same organisation.
    EXPECT_EQ(rows_with(attendance, 0, "kathy-evans").size(), 3u);
    EXPECT_TRUE(rows_with(members, 1, "Cathy Evans").empty());
    // Merron Simpson is "M. Simpson" at the workshop (same organisation); Toby Low/Lowe likewise.
    EXPECT_EQ(rows_with(attendance, 0, "merron-simpson").size(), 2u);
    EXPECT_EQ(rows_with(attendance, 0, "toby-lowe").size(), 2u);
    // Martyn and Kathy Evans, Frances and Graeme Duncan: one surname, two people each.
    EXPECT_EQ(rows_with(members, 0, "martyn-evans").size(), 1u);
    EXPECT_EQ(rows_with(members, 0, "graeme-duncan").size(), 1u);
    // Andy Gregg wrote ROTA on the dinner form: one organisation, Race on the Agenda.
    const Rows organisations = read_csv(out / "organisations.csv");
    EXPECT_EQ(rows_with(organisations, 0, "race-on-the-agenda").size(), 1u);
    EXPECT_TRUE(rows_with(organisations, 0, "rota").empty());
    // "Independent" is no organisation.
    EXPECT_TRUE(rows_with(organisations, 1, "Independent").empty());

    const Rows matches = read_csv(out / "matches.csv");
    const Rows athol = rows_with(matches, 6, "Athol Halle");
    ASSERT_EQ(athol.size(), 1u);
    EXPECT_EQ(athol[0][0], "separate");
    EXPECT_EQ(athol[0][2], "0.7");  // same name 1, different organisations -0.3
    EXPECT_EQ(athol[0][4], "athol-halle");
    EXPECT_EQ(athol[0][5], "athol-halle-2");
    EXPECT_EQ(athol[0][12], "eventbrite-gathering-2017.csv:9");
    EXPECT_EQ(athol[0][13], "dinner-2018-07-form.xlsx[dinner-2018-07-form]!B12; workshop-2018-07-sign-in.csv:15");

    // The same inputs give the same files, byte for byte.
    const auto again = folder / "again";
    ASSERT_EQ(run_bridgemap({"import", (k_example / "events.csv").string(), "--out", again.string()}).exit_code, 0);
    for (const char* table : k_tables) EXPECT_EQ(slurp(out / table), slurp(again / table)) << table;
}

TEST(Import, ADecisionChangedInMatchesCsvIsAppliedAndKept) {
    const TemporaryFolder folder("import-matches");
    const auto first = folder / "first";
    ASSERT_EQ(run_bridgemap({"import", (k_example / "events.csv").string(), "--out", first.string()}).exit_code, 0);
    // The convenor knows Athol Halle moved: "separate" becomes "merge" on his row.
    std::string text = slurp(first / "matches.csv");
    const auto at = text.find("separate,separate,0.7,");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 8, "merge");
    write_file(folder / "decided.csv", text);

    const auto second = folder / "second";
    const auto result = run_bridgemap({"import", (k_example / "events.csv").string(), "--out", second.string(),
                                       "--matches", (folder / "decided.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("1 decision taken from"), std::string::npos) << result.out;
    EXPECT_EQ(read_csv(second / "members.csv").size(), 56u);  // 55 people
    EXPECT_EQ(rows_with(read_csv(second / "attendance.csv"), 0, "athol-halle").size(), 3u);
    const Rows athol = rows_with(read_csv(second / "matches.csv"), 6, "Athol Halle");
    ASSERT_EQ(athol.size(), 1u);
    EXPECT_EQ(athol[0][0], "merge");
    EXPECT_EQ(athol[0][1], "separate");  // what bridgemap suggests on its own
    EXPECT_EQ(athol[0][3].rfind("decided in decided.csv; ", 0), 0u) << athol[0][3];
    EXPECT_EQ(athol[0][5], "athol-halle");

    // Running again with the matches.csv just written changes nothing.
    const auto third = folder / "third";
    ASSERT_EQ(run_bridgemap({"import", (k_example / "events.csv").string(), "--out", third.string(), "--matches",
                             (second / "matches.csv").string()})
                  .exit_code,
              0);
    for (const char* table : k_tables) {
        std::string expected = slurp(second / table);
        if (std::string(table) == "matches.csv") {
            // The reason names the matches file it was decided in.
            expected.replace(expected.find("decided in decided.csv"), 22, "decided in matches.csv");
        }
        EXPECT_EQ(slurp(third / table), expected) << table;
    }
}

TEST(Import, EveryProblemIsReportedAtItsFileAndLineAndNothingIsWritten) {
    const TemporaryFolder folder("import-errors");
    write_file(folder / "events.csv",
               "id,name,date,kind,list\n"
               "dinner,Dinner,2018-02-30,dinner,dinner.csv\n"  // impossible date
               "talk,Talk,2018-03-01,workshop,\n"              // no list
               "walk,Walk,2018-04-01,walk,missing.csv\n"       // no such file
               "dinner,Again,2018-05-01,dinner,dinner.csv\n"   // repeated id
               "zoom,Zoom,2018-06,online,zoom.csv\n");
    write_file(folder / "dinner.csv", "Full name,Email\nAnn Lee,ann@example.org\n,bo@example.org\n");
    write_file(folder / "zoom.csv", "Participant ID;Join time\n1;10:00\n");
    const auto out = folder / "out";
    const auto result = run_bridgemap({"import", (folder / "events.csv").string(), "--out", out.string()});
    EXPECT_EQ(result.exit_code, 3) << result.err;
    const std::string events = (folder / "events.csv").string();
    for (const std::string expected : {
             events +
                 ":2: error: event \"dinner\": impossible date \"2018-02-30\" (expected YYYY-MM-DD, YYYY-MM or YYYY)",
             events + ":3: error: event \"talk\" has no list: give the path of its attendee export",
             events + ":4: error: event \"walk\": list file \"missing.csv\" not found (looked for " +
                 (folder / "missing.csv").string() + ")",
             events + ":5: error: event \"dinner\" is listed twice (first on line 2)",
             (folder / "dinner.csv").string() + ":3: warning: no name; row skipped",
             (folder / "zoom.csv").string() +
                 ":1: error: no name column (\"name\", \"full name\", \"attendee name\", or \"first name\" with \"last "
                 "name\"); the header is \"Participant ID\", \"Join time\"",
         }) {
        EXPECT_NE(result.err.find(expected + "\n"), std::string::npos) << expected << "\n---\n" << result.err;
    }
    EXPECT_NE(result.err.find("5 errors in the sign-up lists; nothing was written"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Import, IntoAddsNewEventsToAnExistingNetworkAndKeepsItsIdsAndRows) {
    const TemporaryFolder folder("import-into");
    write_file(folder / "events.csv",
               "id,name,date,kind,list\n"
               "dinner-2019-01,New Year dinner,2019-01-15,dinner,dinner.csv\n");
    write_file(folder / "dinner.csv",
               "Name,Organisation,Email\n"
               "Geraldine Blake,London Funders,\n"               // an existing member, same organisation
               "Dr Kathy Evans,Children England,\n"              // existing, with a title
               "Zoë Ó Briain,\"Women's Aid\",zoe@example.org\n"  // new, at an existing organisation
               "Danny Kruger,West London Zone,\n");              // existing at another organisation: a near miss
    const auto out = folder / "out";
    const std::string network = BRIDGEMAP_EXAMPLE_DIR;
    const std::string members_before = slurp(std::filesystem::path(network) / "members.csv");
    const auto result =
        run_bridgemap({"import", (folder / "events.csv").string(), "--into", network, "--out", out.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(slurp(std::filesystem::path(network) / "members.csv"), members_before);  // NETWORK untouched
    EXPECT_EQ(run_bridgemap({"validate", out.string()}).exit_code, 0);

    const Rows members = read_csv(out / "members.csv");
    ASSERT_EQ(members.size(), 56u + 2u + 1u);  // 56 existing, Zoë and the second Danny Kruger, the header
    EXPECT_EQ(members[57][0], "zoe-o-briain");
    EXPECT_EQ(members[57][3], "womens-aid");  // the existing organisation's id
    EXPECT_EQ(members[58][0], "danny-kruger-2");
    // The existing rows come first, as they were, with the new email column empty.
    const Rows before = read_csv(std::filesystem::path(network) / "members.csv");
    for (std::size_t k = 1; k < before.size(); ++k) {
        EXPECT_EQ(std::vector<std::string>(members[k].begin(), members[k].begin() + 4), before[k]);
    }
    const std::string attendance_before = slurp(std::filesystem::path(network) / "attendance.csv");
    const std::string attendance = slurp(out / "attendance.csv");
    EXPECT_EQ(attendance.substr(0, attendance_before.size()), attendance_before);
    EXPECT_EQ(attendance.substr(attendance_before.size()),
              "geraldine-blake,dinner-2019-01,\nkathy-evans,dinner-2019-01,\nzoe-o-briain,dinner-2019-01,\n"
              "danny-kruger-2,dinner-2019-01,\n");
    const Rows kruger = rows_with(read_csv(out / "matches.csv"), 6, "Danny Kruger");
    ASSERT_EQ(kruger.size(), 1u);
    EXPECT_EQ(kruger[0][0], "separate");
    EXPECT_EQ(kruger[0][12], "existing member danny-kruger");  // Office for Civil Society in the network
    EXPECT_EQ(kruger[0][13], "dinner.csv:5");

    // An event id the network already has is an error, and nothing is written.
    write_file(folder / "events.csv", "id,name,date,kind,list\ngathering-2017,Again,2017-06-07,gathering,dinner.csv\n");
    const auto clash = run_bridgemap(
        {"import", (folder / "events.csv").string(), "--into", network, "--out", (folder / "clash").string()});
    EXPECT_EQ(clash.exit_code, 3);
    EXPECT_NE(clash.err.find((folder / "events.csv").string() + ":2: error: event \"gathering-2017\" is already in " +
                             network + "; give the new event another id"),
              std::string::npos)
        << clash.err;
    EXPECT_FALSE(std::filesystem::exists(folder / "clash"));
}

TEST(Import, DayFirstEventDatesNeedDateOrderAndAreKeptAsIsoDates) {
    const TemporaryFolder folder("import-dmy");
    // The example's lists with its events file written day-first, as a British spreadsheet does.
    for (const auto& entry : std::filesystem::directory_iterator(k_example)) {
        std::filesystem::copy(entry.path(), folder / entry.path().filename());
    }
    std::string events = slurp(folder / "events.csv");
    for (const auto& [iso, dmy] : {std::pair<std::string, std::string>{"2017-06-07", "07/06/2017"},
                                   {"2018-07-03", "03/07/2018"},
                                   {"2018-07-04", "4.7.2018"}}) {
        const auto at = events.find(iso);
        ASSERT_NE(at, std::string::npos) << iso;
        events.replace(at, iso.size(), dmy);
    }
    write_file(folder / "events.csv", events);
    const auto refused = run_bridgemap({"import", (folder / "events.csv").string(), "--out", (folder / "a").string()});
    EXPECT_EQ(refused.exit_code, 3);
    EXPECT_NE(refused.err.find("events.csv:3: error: event \"dinner-2018-07\": malformed date \"03/07/2018\" "
                               "(expected YYYY-MM-DD; give --date-order dmy or mdy"),
              std::string::npos)
        << refused.err;
    EXPECT_FALSE(std::filesystem::exists(folder / "a"));

    const auto dmy = run_bridgemap(
        {"import", (folder / "events.csv").string(), "--out", (folder / "b").string(), "--date-order", "dmy"});
    ASSERT_EQ(dmy.exit_code, 0) << dmy.err;
    const auto iso = run_bridgemap({"import", (k_example / "events.csv").string(), "--out", (folder / "c").string()});
    ASSERT_EQ(iso.exit_code, 0) << iso.err;
    // Read day-first, the dates are those of the ISO file: the same network, byte for byte.
    for (const char* table : k_tables) EXPECT_EQ(slurp(folder / "b" / table), slurp(folder / "c" / table)) << table;
}

}  // namespace
}  // namespace bridgemap::testing
