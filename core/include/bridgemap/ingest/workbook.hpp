#pragma once
// Reading the worksheets of an Excel workbook (.xlsx, Office Open XML SpreadsheetML) as rows
// of text, so that a sheet can stand in for a CSV table. The zip is opened with libzip and
// every part is parsed as an XML stream with expat; nothing is unpacked by hand.

#include <bridgemap/ingest/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace bridgemap::ingest {

/// One non-blank row of a sheet.
struct SheetRow {
    std::size_t row = 0;             ///< 1-based Excel row number.
    std::vector<std::string> cells;  ///< cells[c] = text of column c (A = 0), "" when empty; no trailing "".
};

/// One worksheet: its name (the tab's label) and its non-blank rows in order.
struct Sheet {
    std::string name;
    std::vector<SheetRow> rows;
};

/// Caps on what a workbook may unpack to, against zip bombs.
struct WorkbookLimits {
    std::uint64_t max_uncompressed_bytes = 512ull << 20;  ///< Sum over every part read.
    std::uint64_t max_entries = 10'000;                   ///< Files in the zip.
};

/// Reads every worksheet of `file`, in the order of the workbook's tabs (chart sheets are
/// skipped). Sheets are found through the workbook's relationships, never by guessing part
/// names. A cell's text is what a reader sees:
/// - shared and inline strings, rich-text runs concatenated (phonetic runs left out),
///   `_xHHHH_` escapes decoded;
/// - numbers in their shortest round-trip form ("1", "0.1", "1e+21"), or, when the cell's
///   number format is a date or time, `YYYY-MM-DD` (`YYYY-MM-DD HH:MM:SS` when the serial has a
///   time of day, `HH:MM:SS` for a time-only format below 1), in the 1900 date system (with
///   Excel's fictitious 1900-02-29 at serial 60) or the 1904 one;
/// - booleans as "true"/"false"; a formula's cached value.
/// Problems are errors in `diagnostics` at `file[sheet]!CELL` (an error value such as #N/A, a
/// shared string that does not exist) or at `file` (not a zip, not a workbook, over a limit,
/// malformed XML); a formula without a cached value is a warning and reads as "".
/// Throws IoError only when the file cannot be read at all. O(uncompressed size).
std::vector<Sheet> read_workbook(const std::filesystem::path& file, Diagnostics& diagnostics,
                                 const WorkbookLimits& limits = {});

/// "A", "B", ..., "Z", "AA", ... for a 0-based column.
std::string column_letters(std::size_t column);

/// "B7" for (column 1, row 7): a 0-based column and a 1-based row.
std::string cell_reference(std::size_t column, std::size_t row);

}  // namespace bridgemap::ingest
