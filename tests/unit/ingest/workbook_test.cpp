// read_workbook on the hand-made workbooks of tests/fixtures/workbooks (make_workbooks.py writes
// each one's XML; the expected texts below are derived there, by hand, in its comments).

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/workbook.hpp>

#include "support/temporary_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace bridgemap::ingest {
namespace {

namespace fs = std::filesystem;
const fs::path k_workbooks = fs::path(BRIDGEMAP_FIXTURES_DIR) / "workbooks";

/// Every diagnostic, formatted, one per line.
std::string listed(const Diagnostics& diagnostics) {
    std::string text;
    for (const auto& diagnostic : diagnostics.all()) text += format_diagnostic(diagnostic) + "\n";
    return text;
}

/// The one sheet of a workbook that must read without problems.
Sheet only_sheet(const std::string& name) {
    Diagnostics diagnostics;
    auto sheets = read_workbook(k_workbooks / name, diagnostics);
    EXPECT_EQ(diagnostics.all().size(), 0u) << listed(diagnostics);
    EXPECT_EQ(sheets.size(), 1u);
    return sheets.empty() ? Sheet{} : sheets.front();
}

TEST(ColumnLetters, BijectiveBaseTwentySix) {
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");   // 26 = 1*26 + 0 -> A, A
    EXPECT_EQ(column_letters(701), "ZZ");  // 26 + 26*26 - 1
    EXPECT_EQ(column_letters(702), "AAA");
    EXPECT_EQ(column_letters(16383), "XFD");  // Excel's last column
    EXPECT_EQ(cell_reference(1, 7), "B7");
    EXPECT_EQ(cell_reference(27, 1048576), "AB1048576");
}

TEST(ReadWorkbook, RichTextRunsAreJoinedAndPhoneticRunsLeftOut) {
    const Sheet sheet = only_sheet("rich-text.xlsx");
    ASSERT_EQ(sheet.rows.size(), 1u);
    EXPECT_EQ(sheet.name, "Sheet1");
    EXPECT_EQ(sheet.rows[0].row, 1u);
    ASSERT_EQ(sheet.rows[0].cells.size(), 3u);
    EXPECT_EQ(sheet.rows[0].cells[0], "Zoë \"Z\" O'Neil");  // runs "Zo" + "ë \"Z\" " + "O'Neil", not "ゾ"
    EXPECT_EQ(sheet.rows[0].cells[1], "<b>& \\N");
    EXPECT_EQ(sheet.rows[0].cells[2], "inline ");  // inline rich text, "PHONETIC" left out
}

TEST(ReadWorkbook, EscapesAreDecoded) {
    const Sheet sheet = only_sheet("escapes.xlsx");
    ASSERT_EQ(sheet.rows.size(), 1u);
    const auto& cells = sheet.rows[0].cells;
    ASSERT_EQ(cells.size(), 6u);
    EXPECT_EQ(cells[0], "ABC");
    EXPECT_EQ(cells[1], "_x0041_");  // _x005F_ is the underscore, so the rest is literal
    EXPECT_EQ(cells[2], "one\r\ntwo");
    EXPECT_EQ(cells[3], "smile \xF0\x9F\x98\x80");  // U+1F600 from the surrogates D83D DE00
    EXPECT_EQ(cells[4], "caf\xC3\xA9");             // lower-case hex
    EXPECT_EQ(cells[5], "not_an_escape_x12_ and _xZZZZ_");
}

TEST(ReadWorkbook, BooleansAndFormulaResults) {
    Diagnostics diagnostics;
    const auto sheets = read_workbook(k_workbooks / "booleans-formulas.xlsx", diagnostics);
    ASSERT_EQ(sheets.size(), 1u);
    ASSERT_EQ(sheets[0].rows.size(), 1u);
    const auto& cells = sheets[0].rows[0].cells;
    ASSERT_EQ(cells.size(), 4u);  // E1, a formula with no saved result, is empty
    EXPECT_EQ(cells[0], "true");
    EXPECT_EQ(cells[1], "false");
    EXPECT_EQ(cells[2], "ab");  // t="str": the cached result, not the formula
    EXPECT_EQ(cells[3], "2");
    ASSERT_EQ(diagnostics.all().size(), 1u);
    EXPECT_EQ(diagnostics.all()[0].severity, Severity::warning);
    EXPECT_NE(format_diagnostic(diagnostics.all()[0]).find("booleans-formulas.xlsx[Sheet1]!E1: warning: a formula"),
              std::string::npos)
        << listed(diagnostics);
}

TEST(ReadWorkbook, ErrorCellsAreErrorsAtTheirCell) {
    Diagnostics diagnostics;
    const auto sheets = read_workbook(k_workbooks / "error-cells.xlsx", diagnostics);
    const std::string file = (k_workbooks / "error-cells.xlsx").string();
    ASSERT_EQ(diagnostics.all().size(), 2u) << listed(diagnostics);
    EXPECT_EQ(format_diagnostic(diagnostics.all()[0]),
              file + "[Sheet1]!B2: error: the cell holds the error value #N/A; put a value there or leave it empty");
    EXPECT_EQ(diagnostics.all()[1].cell, "C3");
    EXPECT_EQ(diagnostics.all()[1].line, 3u);
    EXPECT_NE(diagnostics.all()[1].message.find("#REF!"), std::string::npos);
    ASSERT_EQ(sheets.size(), 1u);
    ASSERT_EQ(sheets[0].rows.size(), 3u);
    EXPECT_EQ(sheets[0].rows[1].cells, (std::vector<std::string>{"m1"}));  // the error cell reads as empty
}

TEST(ReadWorkbook, DatesInThe1900SystemAndNumbers) {
    const Sheet sheet = only_sheet("dates-1900.xlsx");
    ASSERT_EQ(sheet.rows.size(), 2u);
    const std::vector<std::string> dates{
        "1900-02-28",           // 59, built-in 14
        "1900-02-29",           // 60: the day Excel counts and the calendar lacks
        "1900-03-01",           // 61
        "1900-01-01",           // 1, custom yyyy-mm-dd
        "2017-09-22",           // 43000 = 1899-12-30 + 43000 days
        "43000",                // "day "0: the d is quoted text, so a number
        "43000",                // [Red]0.00: brackets hold no date
        "2017-09-22 12:00:00",  // built-in 22 with half a day
        "18:00:00",             // built-in 20 (h:mm), 0.75 of a day
        "2017-09-22 06:00:00",  // dd/mm/yyyy hh:mm, a quarter day
    };
    EXPECT_EQ(sheet.rows[0].cells, dates);
    const std::vector<std::string> numbers{"1",
                                           "0.1",
                                           "1e+21",
                                           "123456789012",
                                           "0.30000000000000004",
                                           "-2.5",
                                           "1.0000000000000001e-7",
                                           "100000000000000000000",
                                           "100000"};
    // 1.0000000000000001E-7 is not the double nearest 1e-7 (python: float("1.0000000000000001E-7") != 1e-7),
    // so its shortest form keeps every digit.
    EXPECT_EQ(sheet.rows[1].cells, numbers);
}

TEST(ReadWorkbook, DatesInThe1904System) {
    const Sheet sheet = only_sheet("dates-1904.xlsx");
    ASSERT_EQ(sheet.rows.size(), 1u);
    // 0 -> 1904-01-01; 41557 -> 2017-10-11 (python: date(1904, 1, 1) + timedelta(41557)).
    EXPECT_EQ(sheet.rows[0].cells, (std::vector<std::string>{"1904-01-01", "1904-01-02", "2017-10-11"}));
}

TEST(ReadWorkbook, CellsAndRowsWithoutReferencesTakeTheNextPlace) {
    const Sheet sheet = only_sheet("missing-references.xlsx");
    ASSERT_EQ(sheet.rows.size(), 4u);  // row 6 holds only an empty string: blank, left out
    EXPECT_EQ(sheet.rows[0].row, 1u);
    EXPECT_EQ(sheet.rows[0].cells, (std::vector<std::string>{"a1", "b1", "c1"}));
    EXPECT_EQ(sheet.rows[1].row, 2u);
    EXPECT_EQ(sheet.rows[1].cells, (std::vector<std::string>{"a2", "", "", "d2", "e2"}));
    EXPECT_EQ(sheet.rows[2].row, 5u);
    EXPECT_EQ(sheet.rows[2].cells, (std::vector<std::string>{"", "", "c5", "7"}));
    EXPECT_EQ(sheet.rows[3].row, 7u);  // the row after row 6
    EXPECT_EQ(sheet.rows[3].cells, (std::vector<std::string>{"a7"}));
}

TEST(ReadWorkbook, RowsAndCellsOutOfOrderAreErrorsAndLeftOut) {
    // make_workbooks.py derives what stays: row 1 (a1, b1), row 3 ("", b3, c3), row 4 (a4).
    Diagnostics diagnostics;
    const auto sheets = read_workbook(k_workbooks / "out-of-order.xlsx", diagnostics);
    ASSERT_EQ(sheets.size(), 1u);
    const Sheet& sheet = sheets.front();
    ASSERT_EQ(sheet.rows.size(), 3u);
    EXPECT_EQ(sheet.rows[0].row, 1u);
    EXPECT_EQ(sheet.rows[0].cells, (std::vector<std::string>{"a1", "b1"}));
    EXPECT_EQ(sheet.rows[1].row, 3u);
    EXPECT_EQ(sheet.rows[1].cells, (std::vector<std::string>{"", "b3", "c3"}));
    EXPECT_EQ(sheet.rows[2].row, 4u);
    EXPECT_EQ(sheet.rows[2].cells, (std::vector<std::string>{"a4"}));
    const std::string file = (k_workbooks / "out-of-order.xlsx").string();
    EXPECT_EQ(listed(diagnostics),
              file +
                  "[Sheet1]!A3: error: the cell comes after B3: the row's cells are out of order or repeated, so the "
                  "workbook is damaged; this cell is left out (save the workbook again)\n" +
                  file +
                  "[Sheet1]!B3: error: the cell comes after B3: the row's cells are out of order or repeated, so the "
                  "workbook is damaged; this cell is left out (save the workbook again)\n" +
                  file +
                  "[Sheet1]!A2: error: row 2 comes after row 3: the sheet's rows are out of order, so the workbook "
                  "is damaged; this row is left out (save the workbook again)\n");
}

TEST(ReadWorkbook, LeadingZeroIdsStayText) {
    const Sheet sheet = only_sheet("leading-zeros.xlsx");
    ASSERT_EQ(sheet.rows.size(), 3u);
    EXPECT_EQ(sheet.rows[1].cells, (std::vector<std::string>{"007", "7"}));
    EXPECT_EQ(sheet.rows[2].cells, (std::vector<std::string>{"0042", "7"}));  // the number 7.0 is "7"
}

TEST(ReadWorkbook, SheetsAreFoundThroughRelationships) {
    Diagnostics diagnostics;
    const auto sheets = read_workbook(k_workbooks / "odd-relationships.xlsx", diagnostics);
    EXPECT_TRUE(diagnostics.all().empty()) << listed(diagnostics);
    ASSERT_EQ(sheets.size(), 2u);
    EXPECT_EQ(sheets[0].name, "members");  // tab order, though its relationship is rId7
    ASSERT_EQ(sheets[0].rows.size(), 2u);
    EXPECT_EQ(sheets[0].rows[1].cells, (std::vector<std::string>{"m1"}));
    EXPECT_EQ(sheets[1].name, "Notes & more");
    ASSERT_EQ(sheets[1].rows.size(), 1u);
    EXPECT_EQ(sheets[1].rows[0].row, 3u);
    EXPECT_EQ(sheets[1].rows[0].cells, (std::vector<std::string>{"", "a note"}));
}

TEST(ReadWorkbook, ZipBombStopsAtTheCap) {
    Diagnostics diagnostics;
    // The sheet unpacks to 18,000 rows of about 260 bytes (4.7 MB) from 20 KB.
    const auto sheets = read_workbook(k_workbooks / "zip-bomb.xlsx", diagnostics, WorkbookLimits{1u << 20, 100});
    EXPECT_TRUE(sheets.empty());
    ASSERT_EQ(diagnostics.error_count(), 1u) << listed(diagnostics);
    EXPECT_NE(diagnostics.all()[0].message.find("more than the limit of 1048576"), std::string::npos)
        << listed(diagnostics);
    // With the default cap it reads.
    Diagnostics fine;
    const auto read = read_workbook(k_workbooks / "zip-bomb.xlsx", fine);
    EXPECT_FALSE(fine.has_errors()) << listed(fine);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].rows.size(), 18000u);
}

TEST(ReadWorkbook, ZipBombThatLiesAboutItsSizeStopsWhileReading) {
    // The same zip with every declared uncompressed size set to 1,000 bytes: the stat check
    // passes, the count while reading must not.
    std::string bytes = testing::slurp(k_workbooks / "zip-bomb.xlsx");
    const auto patch = [&](std::size_t at) {
        const std::uint32_t size = 1000;
        for (int k = 0; k < 4; ++k) bytes[at + k] = static_cast<char>((size >> (8 * k)) & 0xFF);
    };
    for (std::size_t i = 0; i + 46 <= bytes.size(); ++i) {
        if (bytes.compare(i, 4, "PK\x03\x04") == 0) patch(i + 22);  // local header: uncompressed size
        if (bytes.compare(i, 4, "PK\x01\x02") == 0) patch(i + 24);  // central directory: uncompressed size
    }
    testing::TemporaryFolder folder("lying-zip");
    testing::write_file(folder / "lying.xlsx", bytes);
    Diagnostics diagnostics;
    const auto sheets = read_workbook(folder / "lying.xlsx", diagnostics, WorkbookLimits{1u << 20, 100});
    ASSERT_EQ(diagnostics.error_count(), 1u) << listed(diagnostics);
    EXPECT_EQ(diagnostics.all()[0].message,
              "xl/worksheets/sheet1.xml unpacks to more bytes than the zip declares; it is damaged or not an "
              "ordinary workbook");
    EXPECT_TRUE(sheets.empty());
}

TEST(ReadWorkbook, TooManyEntries) {
    Diagnostics diagnostics;
    const auto sheets = read_workbook(k_workbooks / "rich-text.xlsx", diagnostics, WorkbookLimits{1u << 20, 3});
    EXPECT_TRUE(sheets.empty());
    ASSERT_EQ(diagnostics.error_count(), 1u);
    EXPECT_NE(diagnostics.all()[0].message.find("more than the 3"), std::string::npos) << listed(diagnostics);
}

TEST(ReadWorkbook, NotAZipIsADiagnosticAndAMissingFileThrows) {
    Diagnostics diagnostics;
    EXPECT_TRUE(read_workbook(k_workbooks / "not-a-zip.xlsx", diagnostics).empty());
    ASSERT_EQ(diagnostics.error_count(), 1u);
    EXPECT_NE(format_diagnostic(diagnostics.all()[0]).find("not-a-zip.xlsx: error: not a zip archive"),
              std::string::npos)
        << listed(diagnostics);
    EXPECT_THROW(read_workbook(k_workbooks / "no-such.xlsx", diagnostics), IoError);
}

TEST(ReadWorkbook, ExampleFromThreeWritersReadsTheSameCells) {
    // openpyxl (shared strings, custom date format), libxlsxwriter (inline strings, format 14) and
    // LibreOffice: the same text as the CSV files, cell by cell.
    std::vector<std::vector<Sheet>> books;
    for (const char* name : {"betterway-openpyxl.xlsx", "betterway-xlsxwriter.xlsx", "betterway-libreoffice.xlsx"}) {
        Diagnostics diagnostics;
        books.push_back(read_workbook(k_workbooks / name, diagnostics));
        EXPECT_TRUE(diagnostics.all().empty()) << name << "\n" << listed(diagnostics);
    }
    for (const auto& book : books) {
        ASSERT_EQ(book.size(), 5u);
        EXPECT_EQ(book[0].name, "members");
        EXPECT_EQ(book[2].name, "events");
        ASSERT_GE(book[2].rows.size(), 2u);
        // events.csv line 2: gathering-2017,First Better Way Gathering (dinner and
        // workshop),2017-06-07,gathering,,London
        EXPECT_EQ(book[2].rows[1].cells,
                  (std::vector<std::string>{"gathering-2017", "First Better Way Gathering (dinner and workshop)",
                                            "2017-06-07", "gathering", "", "London"}));
        EXPECT_EQ(book[0].rows.size(), 57u);  // header + 56 members
    }
    for (std::size_t b = 1; b < books.size(); ++b) {
        for (std::size_t s = 0; s < books[0].size(); ++s) {
            ASSERT_EQ(books[b][s].rows.size(), books[0][s].rows.size());
            for (std::size_t r = 0; r < books[0][s].rows.size(); ++r) {
                EXPECT_EQ(books[b][s].rows[r].cells, books[0][s].rows[r].cells) << books[0][s].name << " row " << r;
            }
        }
    }
}

}  // namespace
}  // namespace bridgemap::ingest
