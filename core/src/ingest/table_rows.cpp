#include "ingest/table_rows.hpp"

#include <bridgemap/ingest/csv_reader.hpp>
#include <bridgemap/io/utf8.hpp>

#include <algorithm>
#include <functional>
#include <set>

namespace bridgemap::ingest {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

namespace {

/// A line holding bytes that are not valid UTF-8: the first bad byte and its column.
struct BadLine {
    std::size_t line;
    std::size_t column;
    unsigned byte;
};

/// Every line (1-based) holding bytes that are not valid UTF-8, in order.
std::vector<BadLine> invalid_utf8_lines(std::string_view text) {
    std::vector<BadLine> lines;
    std::size_t offset = 0;
    std::size_t line = 1;
    std::size_t line_start = 0;
    std::size_t counted_to = 0;
    while (offset < text.size()) {
        const auto bad = io::find_invalid_utf8(text.substr(offset));
        if (!bad) break;
        const std::size_t at = offset + *bad;
        for (std::size_t i = counted_to; i < at; ++i) {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
                ++line;
                line_start = i + 1;
            }
        }
        counted_to = at;
        if (lines.empty() || lines.back().line != line) {
            lines.push_back({line, at - line_start + 1, static_cast<unsigned char>(text[at])});
        }
        offset = at + 1;
    }
    return lines;
}

std::string hex_byte(std::size_t byte) {
    static constexpr char k_digits[] = "0123456789ABCDEF";
    return std::string("0x") + k_digits[(byte >> 4) & 0xF] + k_digits[byte & 0xF];
}

}  // namespace

std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string RowReporter::place(std::size_t line, std::string_view pointer) {
    return pointer.empty() ? "line " + std::to_string(line) : std::string(pointer);
}

std::string RowReporter::place(const TableRow& row) {
    return place(row.line, row.pointer);
}

std::string RowReporter::where(std::size_t line, std::string_view pointer) const {
    return sheet_.empty() ? place(line, pointer) : "row " + std::to_string(line);
}

Diagnostic RowReporter::locate(const TableRow& row, std::string_view column, Severity severity,
                               std::string message) const {
    Diagnostic diagnostic{severity, file_, row.line, {}, std::move(message), {}, {}};
    if (!sheet_.empty()) {
        std::size_t letter = 0;  // column A when the problem is about the row, or its column is absent
        for (const auto& [name, index] : column_of_) {
            if (name == column) letter = index;
        }
        diagnostic.sheet = sheet_;
        diagnostic.cell = cell_reference(letter, row.line);
    } else if (!row.pointer.empty()) {
        diagnostic.line = 0;
        diagnostic.pointer =
            column.empty() ? std::string(row.pointer) : std::string(row.pointer) + "/" + std::string(column);
    }
    return diagnostic;
}

void RowReporter::error(const TableRow& row, std::string_view column, std::string message) {
    diagnostics_.add(locate(row, column, Severity::error, std::move(message)));
}

void RowReporter::warning(const TableRow& row, std::string_view column, std::string message) {
    diagnostics_.add(locate(row, column, Severity::warning, std::move(message)));
}

void fingerprint_fields(std::span<const std::string_view> fields, std::uint64_t& low, std::uint64_t& high) {
    // Two independent 64-bit FNV-1a variants over the fields and their lengths.
    std::uint64_t a = 0xcbf29ce484222325ULL;
    std::uint64_t b = 0x84222325cbf29ce4ULL;
    const auto mix = [&](unsigned char c) {
        a = (a ^ c) * 0x100000001b3ULL;
        b = (b ^ c) * 0x00000100000001b3ULL + 0x9e3779b97f4a7c15ULL;
        b ^= b >> 29;
    };
    for (const auto field : fields) {
        for (const char c : field) mix(static_cast<unsigned char>(c));
        const std::size_t length = field.size();
        for (int k = 0; k < 8; ++k) mix(static_cast<unsigned char>(length >> (8 * k)));
    }
    low = a;
    high = b;
}

namespace {

/// Where a table's header puts the schema's columns and the extra ones.
struct TableHeader {
    bool usable = true;
    std::vector<std::size_t> schema_field;  // schema column k -> field index, or npos
    std::vector<std::size_t> extra_field;   // extra column j -> field index
    std::vector<std::string> extra_names;
};

/// A problem in the header row, about its field `field` (npos: the row as a whole).
using HeaderProblem = std::function<void(Severity, std::size_t field, std::string message)>;

/// The checks every table's header gets, from a CSV file or a sheet: names are trimmed and
/// matched without regard to case; an unnamed column is ignored with a warning; a name given
/// twice or a missing required column makes the header unusable.
TableHeader read_header(std::span<const std::string_view> names, const TableSchema& schema,
                        const HeaderProblem& report) {
    TableHeader header;
    header.schema_field.assign(schema.columns.size(), std::string::npos);
    std::set<std::string> seen;
    for (std::size_t f = 0; f < names.size(); ++f) {
        const std::string_view name = trim(names[f]);
        if (name.empty()) {
            report(Severity::warning, f,
                   "column " + std::to_string(f + 1) + " has no name in the header; its values are ignored");
            continue;
        }
        const std::string key = lower(name);
        if (!seen.insert(key).second) {
            report(Severity::error, f, "column \"" + std::string(name) + "\" appears twice in the header");
            header.usable = false;
            continue;
        }
        const auto known = std::find(schema.columns.begin(), schema.columns.end(), key);
        if (known != schema.columns.end()) {
            header.schema_field[static_cast<std::size_t>(known - schema.columns.begin())] = f;
        } else {
            header.extra_field.push_back(f);
            header.extra_names.emplace_back(name);
        }
    }
    for (std::size_t k = 0; k < schema.required; ++k) {
        if (header.schema_field[k] == std::string::npos) {
            report(Severity::error, std::string::npos,
                   "required column \"" + std::string(schema.columns[k]) + "\" is missing from the header");
            header.usable = false;
        }
    }
    return header;
}

/// One row's schema values (trimmed) and extra values, by the header; fields past the end are "".
void fill_row(const TableHeader& header, std::span<const std::string_view> fields,
              std::vector<std::string_view>& values, std::vector<std::string_view>& extras) {
    const auto field = [&](std::size_t f) { return f < fields.size() ? fields[f] : std::string_view(); };
    for (std::size_t k = 0; k < header.schema_field.size(); ++k) {
        values[k] =
            header.schema_field[k] == std::string::npos ? std::string_view() : trim(field(header.schema_field[k]));
    }
    extras.resize(header.extra_field.size());
    for (std::size_t j = 0; j < header.extra_field.size(); ++j) extras[j] = field(header.extra_field[j]);
}

}  // namespace

std::vector<std::string> read_csv_table(std::string_view text, const TableSchema& schema, RowReporter& reporter,
                                        const RowHandler& handler) {
    const auto bad_lines = invalid_utf8_lines(text);
    for (const auto& bad : bad_lines) {
        reporter.diagnostics().error(reporter.file(), bad.line,
                                     "not valid UTF-8 (byte " + hex_byte(bad.byte) + " at byte " +
                                         std::to_string(bad.column) + " of the line" +
                                         "); save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet)");
    }
    std::size_t bad_index = 0;  // bad_lines is sorted; records arrive in line order

    const char delimiter = detect_delimiter(text);
    if (delimiter != ',') reporter.diagnostics().warning(reporter.file(), 0, delimiter_note(delimiter));
    std::vector<CsvProblem> problems;
    bool header_seen = false;
    TableHeader header;
    std::size_t field_count = 0;
    std::vector<std::string_view> values(schema.columns.size());
    std::vector<std::string_view> extras;
    std::vector<std::string_view> extra_name_views;

    parse_csv(
        text,
        [&](const CsvRecord& record) {
            while (bad_index < bad_lines.size() && bad_lines[bad_index].line < record.line) ++bad_index;
            const bool has_bad_bytes = bad_index < bad_lines.size() && bad_lines[bad_index].line <= record.last_line;
            if (!header_seen) {
                header_seen = true;
                if (has_bad_bytes) {
                    header.usable = false;
                    return;
                }
                field_count = record.fields.size();
                header = read_header(record.fields, schema, [&](Severity severity, std::size_t, std::string message) {
                    if (severity == Severity::error)
                        reporter.diagnostics().error(reporter.file(), record.line, std::move(message));
                    else
                        reporter.diagnostics().warning(reporter.file(), record.line, std::move(message));
                });
                extra_name_views.assign(header.extra_names.begin(), header.extra_names.end());
                return;
            }
            if (!header.usable || has_bad_bytes) return;
            if (record.fields.size() != field_count) {
                reporter.diagnostics().error(reporter.file(), record.line,
                                             "this row has " + std::to_string(record.fields.size()) +
                                                 (record.fields.size() == 1 ? " field" : " fields") +
                                                 ", but the header has " + std::to_string(field_count));
                return;
            }
            fill_row(header, record.fields, values, extras);
            TableRow row{values, extras, extra_name_views, record.line, record.last_line, {}, 0, 0};
            fingerprint_fields(record.fields, row.fingerprint_low, row.fingerprint_high);
            handler(row);
        },
        problems, delimiter);

    if (!header_seen) {
        reporter.diagnostics().error(reporter.file(), 1, "the file is empty: a header row is required");
    }
    for (const auto& problem : problems) {
        if (problem.is_error) {
            reporter.diagnostics().error(reporter.file(), problem.line, problem.message);
        } else {
            reporter.diagnostics().warning(reporter.file(), problem.line, problem.message);
        }
    }
    return header.extra_names;
}

std::vector<std::string> read_sheet_table(const Sheet& sheet, const TableSchema& schema, RowReporter& reporter,
                                          const RowHandler& handler) {
    Diagnostics& diagnostics = reporter.diagnostics();
    const auto report = [&](Severity severity, std::size_t row, std::size_t column, std::string message) {
        const std::string cell = cell_reference(column, row);
        if (severity == Severity::error)
            diagnostics.error_in_sheet(reporter.file(), reporter.sheet(), row, cell, std::move(message));
        else
            diagnostics.warning_in_sheet(reporter.file(), reporter.sheet(), row, cell, std::move(message));
    };
    if (sheet.rows.empty()) {
        report(Severity::error, 1, 0, "the sheet is empty: a header row is required");
        return {};
    }
    const SheetRow& header_row = sheet.rows.front();
    const std::vector<std::string_view> names(header_row.cells.begin(), header_row.cells.end());
    const TableHeader header =
        read_header(names, schema, [&](Severity severity, std::size_t field, std::string message) {
            report(severity, header_row.row, field == std::string::npos ? 0 : field, std::move(message));
        });
    std::vector<std::pair<std::string, std::size_t>> column_of;
    for (std::size_t k = 0; k < schema.columns.size(); ++k) {
        if (header.schema_field[k] != std::string::npos)
            column_of.emplace_back(schema.columns[k], header.schema_field[k]);
    }
    reporter.name_columns(std::move(column_of));
    if (!header.usable) return header.extra_names;

    const std::vector<std::string_view> extra_names(header.extra_names.begin(), header.extra_names.end());
    std::vector<std::string_view> values(schema.columns.size());
    std::vector<std::string_view> extras;
    std::vector<std::string_view> fields;
    std::vector<bool> warned;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        const SheetRow& sheet_row = sheet.rows[r];
        // A value under no header is ignored, as in a CSV column without a name; say so once per column.
        for (std::size_t c = names.size(); c < sheet_row.cells.size(); ++c) {
            if (sheet_row.cells[c].empty()) continue;
            if (warned.size() <= c) warned.resize(c + 1, false);
            if (warned[c]) continue;
            warned[c] = true;
            report(Severity::warning, sheet_row.row, c,
                   "column " + column_letters(c) + " has no name in the header; its values are ignored");
        }
        fields.assign(sheet_row.cells.begin(), sheet_row.cells.end());
        fields.resize(names.size());  // the same fields for rows that differ only in trailing empty cells
        fill_row(header, fields, values, extras);
        TableRow row{values, extras, extra_names, sheet_row.row, sheet_row.row, {}, 0, 0};
        fingerprint_fields(fields, row.fingerprint_low, row.fingerprint_high);
        handler(row);
    }
    return header.extra_names;
}

}  // namespace bridgemap::ingest
