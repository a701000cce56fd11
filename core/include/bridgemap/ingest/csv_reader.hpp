#pragma once
// An RFC 4180 CSV reader: quoted fields with commas, doubled quotes and line breaks;
// CRLF, LF or CR line ends; an optional UTF-8 byte order mark. It reports what is wrong
// with a line rather than guessing: an unterminated quote, text after a closing quote.

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::ingest {

/// One record: its fields and the 1-based lines on which it starts and ends (they differ
/// when a quoted field holds a line break).
struct CsvRecord {
    std::size_t line = 0;
    std::size_t last_line = 0;
    std::span<const std::string_view> fields;
};

/// A problem the reader found; `line` is 1-based.
struct CsvProblem {
    bool is_error = true;
    std::size_t line = 0;
    std::string message;
};

/// Parses `text` and calls `on_record` for every record, the header included. Field views
/// are valid only during the call. Blank lines are skipped. A quote inside an unquoted
/// field is kept literally, with a warning; text after a closing quote, or a quote left open
/// at the end of the file, is an error (the record is still delivered as far as it was read).
/// A leading UTF-8 BOM is skipped. O(length of text).
void parse_csv(std::string_view text, const std::function<void(const CsvRecord&)>& on_record,
               std::vector<CsvProblem>& problems);

}  // namespace bridgemap::ingest
