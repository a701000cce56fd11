#include "ingest/table_rows.hpp"

#include <bridgemap/ingest/csv_reader.hpp>
#include <bridgemap/io/utf8.hpp>

#include <algorithm>
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

void RowReporter::error(const TableRow& row, std::string_view column, std::string message) {
    if (row.pointer.empty()) {
        diagnostics_.error(file_, row.line, std::move(message));
    } else {
        diagnostics_.error_at(
            file_, column.empty() ? std::string(row.pointer) : std::string(row.pointer) + "/" + std::string(column),
            std::move(message));
    }
}

void RowReporter::warning(const TableRow& row, std::string_view column, std::string message) {
    if (row.pointer.empty()) {
        diagnostics_.warning(file_, row.line, std::move(message));
    } else {
        diagnostics_.warning_at(
            file_, column.empty() ? std::string(row.pointer) : std::string(row.pointer) + "/" + std::string(column),
            std::move(message));
    }
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
    bool header_usable = true;
    std::vector<std::size_t> schema_field;  // schema column k -> field index, or npos
    std::vector<std::size_t> extra_field;   // extra column j -> field index
    std::vector<std::string> extra_names;
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
                    header_usable = false;
                    return;
                }
                field_count = record.fields.size();
                schema_field.assign(schema.columns.size(), std::string::npos);
                std::set<std::string> seen;
                for (std::size_t f = 0; f < record.fields.size(); ++f) {
                    const std::string_view name = trim(record.fields[f]);
                    if (name.empty()) {
                        reporter.diagnostics().warning(
                            reporter.file(), record.line,
                            "column " + std::to_string(f + 1) + " has no name in the header; its values are ignored");
                        continue;
                    }
                    const std::string key = lower(name);
                    if (!seen.insert(key).second) {
                        reporter.diagnostics().error(
                            reporter.file(), record.line,
                            "column \"" + std::string(name) + "\" appears twice in the header");
                        header_usable = false;
                        continue;
                    }
                    const auto known = std::find(schema.columns.begin(), schema.columns.end(), key);
                    if (known != schema.columns.end()) {
                        schema_field[static_cast<std::size_t>(known - schema.columns.begin())] = f;
                    } else {
                        extra_field.push_back(f);
                        extra_names.emplace_back(name);
                    }
                }
                for (std::size_t k = 0; k < schema.required; ++k) {
                    if (schema_field[k] == std::string::npos) {
                        reporter.diagnostics().error(
                            reporter.file(), record.line,
                            "required column \"" + std::string(schema.columns[k]) + "\" is missing from the header");
                        header_usable = false;
                    }
                }
                extras.resize(extra_field.size());
                extra_name_views.assign(extra_names.begin(), extra_names.end());
                return;
            }
            if (!header_usable || has_bad_bytes) return;
            if (record.fields.size() != field_count) {
                reporter.diagnostics().error(reporter.file(), record.line,
                                             "this row has " + std::to_string(record.fields.size()) +
                                                 (record.fields.size() == 1 ? " field" : " fields") +
                                                 ", but the header has " + std::to_string(field_count));
                return;
            }
            for (std::size_t k = 0; k < schema_field.size(); ++k) {
                values[k] =
                    schema_field[k] == std::string::npos ? std::string_view() : trim(record.fields[schema_field[k]]);
            }
            for (std::size_t j = 0; j < extra_field.size(); ++j) extras[j] = record.fields[extra_field[j]];
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
    return extra_names;
}

}  // namespace bridgemap::ingest
