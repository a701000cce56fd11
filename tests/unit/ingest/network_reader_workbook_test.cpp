// read_network on workbooks: a .xlsx of one sheet per table, and TABLE.xlsx in a folder in
// place of TABLE.csv. The workbooks come from tests/fixtures/workbooks/make_workbooks.py.

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/network_writer.hpp>

#include "support/temporary_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace bridgemap::ingest {
namespace {

namespace fs = std::filesystem;
const fs::path k_workbooks = fs::path(BRIDGEMAP_FIXTURES_DIR) / "workbooks";
const fs::path k_example = BRIDGEMAP_EXAMPLE_DIR;

std::vector<std::string> listed(const Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const auto& diagnostic : diagnostics.all()) lines.push_back(format_diagnostic(diagnostic));
    return lines;
}

/// A copy of the example folder with `replaced` tables taken from LibreOffice's TABLE.xlsx.
void copy_example(const fs::path& to, const std::vector<std::string>& replaced) {
    for (const auto& entry : fs::directory_iterator(k_example)) {
        if (entry.path().extension() == ".csv") fs::copy_file(entry.path(), to / entry.path().filename());
    }
    for (const auto& table : replaced) {
        fs::remove(to / (table + ".csv"));
        fs::copy_file(k_workbooks / "betterway-libreoffice" / (table + ".xlsx"), to / (table + ".xlsx"));
    }
}

TEST(ReadNetworkWorkbook, EveryWriterGivesTheExampleNetwork) {
    const ReadResult folder = read_network(k_example);
    ASSERT_FALSE(folder.diagnostics.has_errors());
    for (const char* name : {"betterway-openpyxl.xlsx", "betterway-xlsxwriter.xlsx", "betterway-libreoffice.xlsx"}) {
        const ReadResult book = read_network(k_workbooks / name);
        EXPECT_TRUE(book.diagnostics.all().empty()) << name << ": " << listed(book.diagnostics).front();
        // Every table written back as CSV: members, sectors, dates, periods, attributes alike.
        EXPECT_EQ(network_to_csv(book.network), network_to_csv(folder.network)) << name;
        EXPECT_EQ(book.network.members.size(), 56u);
        EXPECT_EQ(book.network.attendance.size(), 111u);
    }
}

TEST(ReadNetworkWorkbook, FolderTablesMayComeAsWorkbooks) {
    testing::TemporaryFolder folder("workbook-tables");
    copy_example(folder.path(), {"members"});
    const ReadResult one = read_network(folder.path());
    EXPECT_TRUE(one.diagnostics.all().empty()) << listed(one.diagnostics).front();
    EXPECT_EQ(network_to_csv(one.network), network_to_csv(read_network(k_example).network));

    testing::TemporaryFolder all("workbook-tables-all");
    copy_example(all.path(), {"members", "organisations", "events", "attendance", "affiliations"});
    const ReadResult every = read_network(all.path());
    EXPECT_TRUE(every.diagnostics.all().empty()) << listed(every.diagnostics).front();
    EXPECT_EQ(network_to_csv(every.network), network_to_csv(read_network(k_example).network));
}

TEST(ReadNetworkWorkbook, CsvAndWorkbookOfOneTableIsAnError) {
    testing::TemporaryFolder folder("workbook-and-csv");
    copy_example(folder.path(), {});
    fs::copy_file(k_workbooks / "betterway-libreoffice" / "members.xlsx", folder / "members.xlsx");
    testing::write_file(folder / "~$members.xlsx", "Excel's lock file");  // ignored, no warning
    const ReadResult result = read_network(folder.path());
    ASSERT_EQ(result.diagnostics.all().size(), 1u) << listed(result.diagnostics).back();
    EXPECT_EQ(listed(result.diagnostics)[0], (folder / "members.xlsx").string() +
                                                 ": error: both members.csv and members.xlsx are in the folder: "
                                                 "remove one of them (members.csv is read)");
}

TEST(ReadNetworkWorkbook, ProblemsAreReportedAtTheirCell) {
    const std::string file = (k_workbooks / "network-errors.xlsx").string();
    const ReadResult result = read_network(file);
    // make_workbooks.py write_network_errors plants each one; "Notes" is no table.
    const std::vector<std::string> expected{
        file +
            "[Notes]: warning: the sheet is not one of bridgemap's tables (members, organisations, events, "
            "attendance, groups, group_members, affiliations, ties, sectors); ignored",
        file + "[Members]!D3: error: unknown organisation \"o-99\" (not in organisations)",
        file + "[Members]!A4: error: duplicate member id \"m1\" (first on row 2)",
        file + "[Members]!A5: error: the cell holds the error value #N/A; put a value there or leave it empty",
        file + "[Members]!A5: error: empty member id",
        // One error per file for dates like this, at the first one's cell (habits: --date-order).
        file +
            "[events]!C2: error: date \"3/7/2018\" in column date is not YYYY-MM-DD; if it means 3 July 2018 give "
            "--date-order dmy, if 7 March 2018 --date-order mdy (or write 2018-07-03)",
        file + "[attendance]!B3: error: unknown member \"m9\" (not in members)",
    };
    EXPECT_EQ(listed(result.diagnostics), expected);
}

TEST(ReadNetworkWorkbook, HeaderChecksAsForCsv) {
    const std::string file = (k_workbooks / "header-problems.xlsx").string();
    const ReadResult result = read_network(file);
    const std::vector<std::string> expected{
        file + "[members]!E3: warning: column E has no name in the header; its values are ignored",
        file + "[Attendance]!C1: error: column \"Role\" appears twice in the header",
        file + "[Attendance]!A1: error: required column \"event_id\" is missing from the header",
    };
    EXPECT_EQ(listed(result.diagnostics), expected);
    EXPECT_EQ(result.network.members.size(), 2u);
}

TEST(ReadNetworkWorkbook, WorkbookWithoutMembersSheet) {
    const std::string file = (k_workbooks / "rich-text.xlsx").string();
    const ReadResult result = read_network(file);
    ASSERT_EQ(result.diagnostics.error_count(), 1u);
    const auto lines = listed(result.diagnostics);
    EXPECT_EQ(lines.front().find(file + ": error: the workbook has no sheet named \"members\""), 0u) << lines.front();
    EXPECT_EQ(lines.back().find(file + "[Sheet1]: warning: the sheet is not one of bridgemap's tables"), 0u);
}

TEST(ReadNetworkWorkbook, OtherFilesAreAClearRequestError) {
    EXPECT_THROW(read_network(k_example / "members.csv"), RequestError);
    try {
        read_network(k_example / "README.md");
    } catch (const RequestError& error) {
        EXPECT_NE(std::string(error.what()).find("expected a network folder, a .json or a .xlsx file"),
                  std::string::npos);
    }
    const ReadResult not_zip = read_network(k_workbooks / "not-a-zip.xlsx");
    ASSERT_EQ(not_zip.diagnostics.error_count(), 1u);  // no second "no members sheet"
    EXPECT_NE(not_zip.diagnostics.all()[0].message.find("not a zip archive"), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::ingest
