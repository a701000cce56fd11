// The export's own xlsx writer against libxlsxwriter, the library it replaces for speed: both
// write the same workbook, bridgemap's workbook reader reads both, and every cell must agree.
// openpyxl reads the export too, in tests/e2e/export_check.py.

#include "report/xlsx_writer.hpp"

#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/workbook.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/report/export_formats.hpp>
#include <bridgemap/report/export_network.hpp>

#include "support/temporary_files.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>

namespace bridgemap::report {
namespace {

using testing::TemporaryFolder;

void check(lxw_error status) {
    ASSERT_EQ(status, LXW_NO_ERROR) << lxw_strerror(status);
}

/// libxlsxwriter's workbook of `network`, cell for cell what export_xlsx.cpp writes: the
/// members, ties, sectors and summary sheets, text as strings, numbers as analyse's numbers.
void reference_workbook(const ExportNetwork& network, const std::filesystem::path& path) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    ASSERT_NE(workbook, nullptr);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    const auto text = [](lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const std::string& value) {
        if (!value.empty()) check(worksheet_write_string(sheet, row, column, value.c_str(), nullptr));
    };
    const auto number = [](lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, double value) {
        if (std::isfinite(value)) check(worksheet_write_number(sheet, row, column, value, nullptr));
    };
    const auto cell = [&](lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const ExportColumn& values,
                          std::size_t index) {
        if (values.type == ValueType::text) {
            text(sheet, row, column, values.texts[index]);
        } else if (values.type == ValueType::boolean) {
            if (values.has_value(index)) {
                check(worksheet_write_boolean(sheet, row, column, values.numbers[index] != 0, nullptr));
            }
        } else if (values.has_value(index)) {
            number(sheet, row, column, std::strtod(io::format_number(values.numbers[index]).c_str(), nullptr));
        }
    };
    const auto headings = [&](lxw_worksheet* sheet, const std::vector<std::string>& names) {
        for (std::size_t c = 0; c < names.size(); ++c) {
            check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), names[c].c_str(), bold));
        }
    };
    const ExportNodes& nodes = network.nodes;
    lxw_worksheet* members = workbook_add_worksheet(workbook, "members");
    std::vector<std::string> names{"Id", "Label"};
    for (const auto& values : nodes.columns) names.push_back(values.name);
    for (const char* name : {"start", "x", "y", "colour"}) names.emplace_back(name);
    headings(members, names);
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        lxw_col_t c = 0;
        text(members, row, c++, nodes.id[i]);
        text(members, row, c++, nodes.label[i]);
        for (const auto& values : nodes.columns) cell(members, row, c++, values, i);
        text(members, row, c++, nodes.start[i]);
        number(members, row, c++, std::strtod(io::format_number(nodes.x[i]).c_str(), nullptr));
        number(members, row, c++, std::strtod(io::format_number(nodes.y[i]).c_str(), nullptr));
        text(members, row, c++, nodes.colour[i]);
    }
    const ExportEdges& edges = network.edges;
    lxw_worksheet* ties = workbook_add_worksheet(workbook, "ties");
    names = {"Source", "Target", "Weight", "start"};
    for (const auto& values : edges.columns) names.push_back(values.name);
    headings(ties, names);
    for (std::size_t e = 0; e < edges.count(); ++e) {
        const auto row = static_cast<lxw_row_t>(e + 1);
        lxw_col_t c = 0;
        text(ties, row, c++, nodes.id[edges.source[e]]);
        text(ties, row, c++, nodes.id[edges.target[e]]);
        number(ties, row, c++, std::strtod(io::format_number(edges.weight[e]).c_str(), nullptr));
        text(ties, row, c++, edges.start[e]);
        for (const auto& values : edges.columns) cell(ties, row, c++, values, e);
    }
    lxw_worksheet* sectors = workbook_add_worksheet(workbook, "sectors");
    headings(sectors, {"sector", "colour", "members"});
    lxw_row_t row = 1;
    for (std::size_t s = 0; s < network.sector_colours.size(); ++s, ++row) {
        text(sectors, row, 0, network.sector_colours[s].first);
        text(sectors, row, 1, network.sector_colours[s].second);
        number(sectors, row, 2, static_cast<double>(network.sector_members[s]));
    }
    text(sectors, row, 0, "unknown");
    number(sectors, row, 2, static_cast<double>(network.unknown_sector_members));
    lxw_worksheet* summary = workbook_add_worksheet(workbook, "summary");
    headings(summary, {"figure", "value"});
    row = 1;
    for (const auto& [name, figure] : network.summary) {
        text(summary, row, 0, name);
        char* end = nullptr;
        const double parsed = std::strtod(figure.c_str(), &end);
        if (!figure.empty() && *end == '\0') {
            number(summary, row, 1, parsed);
        } else {
            text(summary, row, 1, figure);
        }
        ++row;
    }
    text(summary, row, 0, "tie_model_json");
    text(summary, row++, 1, network.tie_model_json);
    text(summary, row, 0, "description");
    text(summary, row, 1, network.description);
    check(workbook_close(workbook));
}

std::vector<ingest::Sheet> read_back(const std::filesystem::path& path) {
    Diagnostics diagnostics;
    auto sheets = ingest::read_workbook(path, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return sheets;
}

void expect_same_cells(const std::vector<ingest::Sheet>& ours, const std::vector<ingest::Sheet>& theirs) {
    ASSERT_EQ(ours.size(), theirs.size());
    for (std::size_t s = 0; s < ours.size(); ++s) {
        EXPECT_EQ(ours[s].name, theirs[s].name);
        ASSERT_EQ(ours[s].rows.size(), theirs[s].rows.size()) << ours[s].name;
        for (std::size_t r = 0; r < ours[s].rows.size(); ++r) {
            EXPECT_EQ(ours[s].rows[r].row, theirs[s].rows[r].row);
            EXPECT_EQ(ours[s].rows[r].cells, theirs[s].rows[r].cells) << ours[s].name << " row " << r + 1;
        }
    }
}

TEST(XlsxWriter, TheExampleExportReadsAsLibxlsxwritersDoes) {
    const auto read = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    ASSERT_FALSE(read.diagnostics.has_errors());
    const Analysis analysis = analyse(read.network, AnalysisOptions{});
    ExportRequest request;
    for (std::size_t s = 0; s < analysis.sectors.count(); ++s) request.look.sector_colours.push_back("#123456");
    const ExportNetwork network =
        export_network(read.network, analysis, disclosure(read.network, ConsentPolicy::as_recorded), request);
    TemporaryFolder folder("xlsx-writer");
    io::write_file_atomically(folder / "ours.xlsx", xlsx_workbook(network));
    reference_workbook(network, folder / "theirs.xlsx");
    const auto ours = read_back(folder / "ours.xlsx");
    expect_same_cells(ours, read_back(folder / "theirs.xlsx"));
    // Not vacuous: 56 members and 1,065 ties below the headings (the example's figures).
    ASSERT_EQ(ours.size(), 4u);
    EXPECT_EQ(ours[0].rows.size(), 57u);
    EXPECT_EQ(ours[1].rows.size(), 1066u);
    // Twice, the same bytes.
    EXPECT_EQ(xlsx_workbook(network), io::read_file(folder / "ours.xlsx"));
}

TEST(XlsxWriter, AwkwardTextComesBackAsWritten) {
    const std::vector<std::string> texts{
        "Zo\xC3\xAB \"Z\" <b>&amp; \\N",  // quotes, markup, an entity's text, a backslash, non-ASCII
        "=HYPERLINK(\"http://x\")",       // a formula's text stays text
        "  padded  ",                     // leading and trailing spaces
        "two\nlines\r\nand a tab\t.",     // line breaks, a carriage return, a tab
        "bell\x07",                       // a control character XML 1.0 cannot hold
        "_x0041_ is not A",               // text that looks like OOXML's own escape
        "_x00_ and _",                    // and text that does not
    };
    std::vector<detail::XlsxSheet> sheets;
    detail::XlsxSheet& sheet = sheets.emplace_back("a&b <sheet>");
    sheet.row();
    sheet.heading("text");
    for (const auto& text : texts) {
        sheet.row();
        sheet.text(text);
        sheet.number(0.1);
        sheet.skip();
        sheet.boolean(true);
        sheet.number(std::nan(""));  // no value: an empty cell
        sheet.number_text("-1.5e-07");
    }
    TemporaryFolder folder("xlsx-writer-text");
    io::write_file_atomically(folder / "text.xlsx", detail::xlsx_file(std::move(sheets), "t"));
    const auto read = read_back(folder / "text.xlsx");
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].name, "a&b <sheet>");
    ASSERT_EQ(read[0].rows.size(), texts.size() + 1);
    EXPECT_EQ(read[0].rows[0].cells, std::vector<std::string>{"text"});
    for (std::size_t i = 0; i < texts.size(); ++i) {
        EXPECT_EQ(read[0].rows[i + 1].row, i + 2);
        EXPECT_EQ(read[0].rows[i + 1].cells, (std::vector<std::string>{texts[i], "0.1", "", "true", "", "-1.5e-7"}));
    }
}

}  // namespace
}  // namespace bridgemap::report
