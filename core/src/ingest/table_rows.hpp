#pragma once
// Private to ingest: the rows of one input table, whether they come from a CSV file, a
// workbook's sheet or a JSON array, as the network builder sees them: the SPEC's columns by
// position in the schema, the extra columns as attributes, and where the row is for diagnostics.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/ingest/workbook.hpp>

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bridgemap::ingest {

/// The columns of one table: the first `required` of `columns` must be present.
struct TableSchema {
    std::string_view table;  ///< members, organisations, ... (the JSON key; the file is table + ".csv")
    std::vector<std::string_view> columns;
    std::size_t required = 1;
};

/// One row. `values[k]` is the text of schema column k (empty when absent or blank).
struct TableRow {
    std::span<const std::string_view> values;
    std::span<const std::string_view> extras;       ///< Values of the extra columns,
    std::span<const std::string_view> extra_names;  ///< named by these (same length).
    std::size_t line = 0;                           ///< CSV: 1-based line; sheet: Excel row; JSON: 0.
    std::size_t last_line = 0;
    std::string_view pointer;           ///< JSON: "/members/3"; CSV: empty.
    std::uint64_t fingerprint_low = 0;  ///< Hash of the whole row, to find repeated rows.
    std::uint64_t fingerprint_high = 0;
};

/// Where rows of one table are reported from: a CSV file (by line), a JSON file (by pointer,
/// the column appended) or a workbook's sheet (by cell: the column's letter in the header).
class RowReporter {
public:
    RowReporter(Diagnostics& diagnostics, std::string file) : diagnostics_(diagnostics), file_(std::move(file)) {}
    /// Rows of the sheet `sheet` of the workbook `file`.
    RowReporter(Diagnostics& diagnostics, std::string file, std::string sheet)
        : diagnostics_(diagnostics), file_(std::move(file)), sheet_(std::move(sheet)) {}

    void error(const TableRow& row, std::string_view column, std::string message);
    void warning(const TableRow& row, std::string_view column, std::string message);
    /// The diagnostic `error`/`warning` would add, to be added later (Diagnostics::add).
    [[nodiscard]] Diagnostic locate(const TableRow& row, std::string_view column, Severity severity,
                                    std::string message) const;
    /// "line 12" or "/members/3", to refer back to an earlier row in a message.
    static std::string place(const TableRow& row);
    /// "line 12" or "/members/3" from stored parts.
    static std::string place(std::size_t line, std::string_view pointer);
    /// As `place`, but "row 12" for a sheet's rows.
    [[nodiscard]] std::string where(std::size_t line, std::string_view pointer) const;
    [[nodiscard]] std::string where(const TableRow& row) const { return where(row.line, row.pointer); }
    /// A sheet's columns: `column_of[name in lower case]` = its 0-based column (set from the header).
    void name_columns(std::vector<std::pair<std::string, std::size_t>> column_of) { column_of_ = std::move(column_of); }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] const std::string& sheet() const noexcept { return sheet_; }
    [[nodiscard]] Diagnostics& diagnostics() noexcept { return diagnostics_; }

private:
    Diagnostics& diagnostics_;
    std::string file_;
    std::string sheet_;  ///< Empty unless the rows come from a workbook.
    std::vector<std::pair<std::string, std::size_t>> column_of_;
};

using RowHandler = std::function<void(const TableRow&)>;

/// Reads one CSV table file (separated by commas, semicolons or tabs: detect_delimiter, with
/// a warning when not commas): checks its encoding, header (required columns, duplicate
/// names) and field counts, and hands every well-formed row to `handler` with values
/// trimmed of surrounding spaces. Returns the names of the extra columns.
std::vector<std::string> read_csv_table(std::string_view text, const TableSchema& schema, RowReporter& reporter,
                                        const RowHandler& handler);

/// Reads one table from a workbook's sheet as read_csv_table reads a file: its first row is the
/// header (the same checks), cells are trimmed, the empty cells a sheet leaves out are "", and a
/// row is reported at the cell of the column a problem is about (column A when none).
/// `reporter` must have been made for this sheet. Returns the names of the extra columns.
std::vector<std::string> read_sheet_table(const Sheet& sheet, const TableSchema& schema, RowReporter& reporter,
                                          const RowHandler& handler);

/// The ids of one JSON file written as numbers and as text: `1` and `"1"` are both read as the
/// id "1", and where a file writes one id both ways that is said once (a warning).
struct JsonIdKinds {
    struct First {
        bool number = false;
        std::string pointer;
    };
    std::unordered_map<std::string, First> first;  ///< Each id's first appearance.
    std::unordered_set<std::string> warned;
};

/// Reads one table from a parsed JSON network file (the array under schema.table, which
/// must exist): each element must be an object whose values are text, numbers, true/false
/// or null. Rows are reported by JSON pointer. `json` is an nlohmann::ordered_json. `ids`
/// spans the file's tables.
void read_json_table(const void* json, const TableSchema& schema, RowReporter& reporter, const RowHandler& handler,
                     JsonIdKinds& ids);

/// A JSON pointer's reference token for `key` (RFC 6901: "~" as "~0", "/" as "~1").
std::string json_pointer_token(std::string_view key);

/// 128-bit fingerprint of a row's fields, in order.
void fingerprint_fields(std::span<const std::string_view> fields, std::uint64_t& low, std::uint64_t& high);

/// Trims ASCII spaces and tabs at both ends.
std::string_view trim(std::string_view text) noexcept;

/// `text` with ASCII letters in lower case.
std::string lower(std::string_view text);

}  // namespace bridgemap::ingest
