#pragma once
// An RFC 4180 CSV reader (with a semicolon or tab as delimiter where a spreadsheet saved one):
// quoted fields with commas, doubled quotes and line breaks;
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

/// The field delimiter of a CSV text, read from its header (first non-blank) row: of comma,
/// semicolon and tab, the one that occurs most often outside quotes there (so gives the most
/// fields). Ties go to the comma, then the semicolon; a header with none of them (one column)
/// gives a comma. O(length of the header row).
char detect_delimiter(std::string_view text);

/// "commas", "semicolons" or "tabs", for messages.
std::string_view delimiter_name(char delimiter);

/// The note a reader gives, as a warning once per file, when a file's delimiter is not a comma:
/// "fields are separated by semicolons, as a spreadsheet set to a European language saves CSV;
/// read as such".
std::string delimiter_note(char delimiter);

/// Parses `text` and calls `on_record` for every record, the header included. Field views
/// are valid only during the call. Blank lines are skipped. A quote inside an unquoted
/// field is kept literally, with a warning; text after a closing quote, or a quote left open
/// at the end of the file, is an error (the record is still delivered as far as it was read).
/// A leading UTF-8 BOM is skipped. Fields are separated by `delimiter` (',' for RFC 4180;
/// ';' or '\t' as detect_delimiter finds). O(length of text).
void parse_csv(std::string_view text, const std::function<void(const CsvRecord&)>& on_record,
               std::vector<CsvProblem>& problems, char delimiter = ',');

}  // namespace bridgemap::ingest
