#pragma once
// Private to report: a small xlsx (Office Open XML spreadsheet) writer for the export
// workbook. Each sheet's XML is built as rows are added (inline strings, numbers as the
// text analyse writes, booleans, a bold heading style), and the parts are zipped by libzip
// at deflate level 1. It exists because libxlsxwriter formats every cell through printf and
// allocates per cell, and compresses at zlib's default level: a 20,000-member export (about
// 750,000 rows) took 22 s in it and takes about 3 to 5 s here. tests/unit/report/
// xlsx_writer_test.cpp checks it cell by cell against a libxlsxwriter workbook.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::report::detail {

/// One worksheet, written row by row, cell by cell from column A. Empty text and
/// non-finite numbers leave their cell empty.
class XlsxSheet {
public:
    explicit XlsxSheet(std::string name);

    /// Starts the next row (the first call starts row 1).
    void row();
    /// Text as an inline string: never a formula, whatever it starts with.
    void text(std::string_view value);
    /// A bold heading cell (text).
    void heading(std::string_view value);
    /// A number cell. `digits` is its text, as io::format_number writes it.
    void number_text(std::string_view digits);
    void number(double value);
    void boolean(bool value);
    /// An empty cell.
    void skip() noexcept { ++column_; }

    /// Keeps row 1 in view when scrolling. Before the first row().
    void freeze_top_row() noexcept { freeze_top_row_ = true; }
    /// Column widths in characters, for columns [first, last] (0-based). Before the first row().
    void column_width(std::size_t first, std::size_t last, double width);

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// The worksheet part (xl/worksheets/sheetN.xml), completed; the sheet is spent.
    [[nodiscard]] std::string finish();

private:
    void begin();
    void open_cell(const char* attributes);
    const std::string& column_name(std::size_t column);

    std::string name_;
    std::string xml_;  ///< The part so far: the worksheet's start, then <row> elements, the last still open.
    std::string widths_;
    std::vector<std::string> column_names_;
    std::string row_number_;
    std::size_t row_count_ = 0;
    std::size_t column_ = 0;
    bool freeze_top_row_ = false;
};

/// The workbook of `sheets` (in tab order) as the bytes of an .xlsx file, with `title` in
/// its document properties and a fixed creation date, so the same sheets give the same
/// bytes. Throws IoError when libzip fails.
std::string xlsx_file(std::vector<XlsxSheet> sheets, std::string_view title);

}  // namespace bridgemap::report::detail
