// Workbooks end to end: `analyse` of the example as a workbook written by openpyxl, libxlsxwriter
// and LibreOffice (tests/fixtures/workbooks/make_workbooks.py) gives the files `analyse` of the
// CSV folder gives; `validate` reports a workbook's problems at FILE.xlsx[SHEET]!CELL.

#include "support/run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace bridgemap::testing {
namespace {

namespace fs = std::filesystem;
const fs::path k_workbooks = fs::path(BRIDGEMAP_FIXTURES_DIR) / "workbooks";

/// analyse DATA --out FOLDER, which must succeed.
void analyse(const fs::path& data, const fs::path& out) {
    const auto result = run_bridgemap({"analyse", data.string(), "--out", out.string()});
    ASSERT_EQ(result.exit_code, 0) << data << "\n" << result.out << result.err;
}

/// summary.json without settings.data, the one value that names the input path.
nlohmann::json summary_without_data_path(const fs::path& folder, const fs::path& data) {
    auto summary = nlohmann::json::parse(slurp(folder / "summary.json"));
    EXPECT_EQ(summary["settings"]["data"], data.string());
    summary["settings"].erase("data");
    return summary;
}

/// analyse of `data` writes the same members.csv and ties.csv as of the CSV example, byte for
/// byte, and the same summary.json but for settings.data.
void expect_same_analysis(const fs::path& data, const std::string& name) {
    TemporaryFolder from_csv("workbook-e2e-csv-" + name);
    TemporaryFolder from_data("workbook-e2e-" + name);
    analyse(BRIDGEMAP_EXAMPLE_DIR, from_csv.path());
    analyse(data, from_data.path());
    for (const char* file : {"members.csv", "ties.csv"}) {
        const std::string expected = slurp(from_csv / file);
        ASSERT_GT(expected.size(), 1000u) << file;
        EXPECT_TRUE(slurp(from_data / file) == expected) << name << ": " << file << " differs";
    }
    const auto expected = summary_without_data_path(from_csv.path(), BRIDGEMAP_EXAMPLE_DIR);
    EXPECT_EQ(expected["members"], 56);
    EXPECT_TRUE(summary_without_data_path(from_data.path(), data) == expected) << name << ": summary.json differs";
}

TEST(AnalyseWorkbook, OpenpyxlWorkbookGivesTheCsvResults) {
    expect_same_analysis(k_workbooks / "betterway-openpyxl.xlsx", "openpyxl");
}

TEST(AnalyseWorkbook, XlsxwriterConstantMemoryWorkbookGivesTheCsvResults) {
    expect_same_analysis(k_workbooks / "betterway-xlsxwriter.xlsx", "xlsxwriter");
}

TEST(AnalyseWorkbook, LibreOfficeWorkbookGivesTheCsvResults) {
    expect_same_analysis(k_workbooks / "betterway-libreoffice.xlsx", "libreoffice");
}

TEST(AnalyseWorkbook, FolderWithMembersWorkbookGivesTheCsvResults) {
    TemporaryFolder folder("workbook-e2e-folder");
    for (const auto& entry : fs::directory_iterator(BRIDGEMAP_EXAMPLE_DIR)) {
        if (entry.path().extension() == ".csv" && entry.path().filename() != "members.csv") {
            fs::copy_file(entry.path(), folder / entry.path().filename().string());
        }
    }
    fs::copy_file(k_workbooks / "betterway-libreoffice" / "members.xlsx", folder / "members.xlsx");
    expect_same_analysis(folder.path(), "members-xlsx");
}

TEST(ValidateWorkbook, ProblemsAtTheirCellsAndExitThree) {
    const std::string file = (k_workbooks / "network-errors.xlsx").string();
    const auto result = run_bridgemap({"validate", file});
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    const std::vector<std::string> expected{
        file + "[Members]!D3: error: unknown organisation \"o-99\"",
        file + "[Members]!A4: error: duplicate member id \"m1\" (first on row 2)",
        file + "[Members]!A5: error: the cell holds the error value #N/A",
        file + "[events]!C2: error: date \"3/7/2018\" in column date is not YYYY-MM-DD",
        file + "[attendance]!B3: error: unknown member \"m9\"",
    };
    std::size_t from = 0;
    for (const auto& line : expected) {
        const auto at = result.out.find("\n" + line, from);
        ASSERT_NE(at, std::string::npos) << "missing or out of order: " << line << "\n" << result.out;
        from = at;
    }
    EXPECT_NE(result.out.find("6 errors, 1 warning"), std::string::npos) << result.out;
}

TEST(ValidateWorkbook, NotAWorkbookIsNotAJsonError) {
    const auto result = run_bridgemap({"validate", (k_workbooks / "not-a-zip.xlsx").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.out.find("not-a-zip.xlsx: error: not a zip archive"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("JSON"), std::string::npos) << result.out;
    const auto text = run_bridgemap({"validate", (fs::path(BRIDGEMAP_EXAMPLE_DIR) / "README.md").string()});
    EXPECT_EQ(text.exit_code, 2);
    EXPECT_NE(text.err.find("expected a network folder, a .json or a .xlsx file"), std::string::npos) << text.err;
}

}  // namespace
}  // namespace bridgemap::testing
