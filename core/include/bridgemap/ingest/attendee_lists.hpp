#pragma once
// The inputs of `bridgemap import`: an events file (id, name, date, kind, list, parent) and
// one attendee export per event, as CSV (any delimiter) or the first sheet of an .xlsx
// workbook, with the headers of Eventbrite, Google Forms, Zoom and hand-made lists
// recognised. Every problem is a diagnostic at FILE:LINE or FILE[SHEET]!CELL.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/model/date.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::ingest {

/// Where a row (or one cell of it) is: a line of a CSV file or a cell of a sheet.
struct SourcePlace {
    std::string file;      ///< As the user wrote it (relative to the events file's folder for lists).
    std::size_t line = 0;  ///< CSV line, or the sheet's 1-based row.
    std::string sheet;     ///< Empty for CSV.
    std::string cell;      ///< "B7" for a sheet; empty for CSV.

    /// "lists/dinner.csv:7" or "lists/workshop.xlsx[Sheet1]!B7".
    [[nodiscard]] std::string describe() const;
};

/// Reports at `place`: FILE:LINE for CSV, FILE[SHEET]!CELL for a sheet.
void report(Diagnostics& diagnostics, const SourcePlace& place, bool is_error, std::string message);

/// One row of a table read from CSV or a sheet, its cells in column order.
struct TableLine {
    std::size_t line = 0;  ///< CSV line or sheet row.
    std::vector<std::string> cells;
};

/// A table: the first line is its header.
struct TextTable {
    std::string file;   ///< As the user wrote it.
    std::string sheet;  ///< Empty for CSV.
    std::vector<TableLine> lines;

    /// The place of column `column` of `line`.
    [[nodiscard]] SourcePlace place(const TableLine& line, std::size_t column) const;
};

/// Reads `path` (shown as `shown`): a CSV file in UTF-8 whose delimiter (comma, semicolon,
/// tab or bar) is detected, or the first sheet of an .xlsx workbook. Problems (invalid UTF-8,
/// bad quoting, an unreadable workbook) are diagnostics; nullopt when nothing could be read.
/// Throws IoError when the file cannot be read. O(size of the file).
std::optional<TextTable> read_text_table(const std::filesystem::path& path, const std::string& shown,
                                         Diagnostics& diagnostics);

/// A header normalised for recognition: folded to ASCII, lower case, letters and digits only
/// ("E-mail Address" → "emailaddress", "Attendee_Name" → "attendeename").
std::string header_key(std::string_view header);

/// One event of the events file.
struct EventEntry {
    std::string id;
    std::string name;
    std::string date;
    std::string kind;
    std::string list;  ///< The list's path as written.
    std::string parent;
    std::vector<std::string> extras;  ///< Values of EventsFile::extra_names.
    SourcePlace place;
};

struct EventsFile {
    std::vector<EventEntry> events;
    std::vector<std::string> extra_names;  ///< Columns other than id, name, date, kind, list, parent.
};

/// The events of `table`: columns id and list required, name, date, kind, parent optional,
/// recognised ignoring case, spaces and punctuation. An empty id or list, a repeated id or
/// a malformed date (SPEC §1) is an error at its row; rows are kept as far as they go. A date
/// such as 04/07/2018 is read as `order` says and kept as YYYY-MM-DD (an error without an order).
EventsFile read_events(const TextTable& table, Diagnostics& diagnostics, DateOrder order = DateOrder::iso);

/// One attendee row.
struct Attendee {
    std::string name;  ///< The full name column, else first name and last name joined.
    std::string email;
    std::string organisation;
    std::string sector;
    std::string job_title;
    std::string role;                 ///< role or ticket type.
    std::vector<std::string> extras;  ///< Values of AttendeeList::extra_names.
    SourcePlace place;                ///< The row (for a sheet: the cell of its name).
};

struct AttendeeList {
    std::vector<Attendee> attendees;
    std::vector<std::string> extra_names;  ///< Other columns, as their headers are written.
};

/// The attendees of a sign-up export. Headers are recognised ignoring case, spaces,
/// underscores and punctuation: name / full name / attendee name (or first name with last
/// name / surname), email / email address, organisation / organization / company /
/// employer, sector, job title, role / ticket type; other columns are extras. A table with
/// no name column is an error naming its header. A row without a name is a warning and
/// skipped (silently when the whole row is empty); an email without "@" is a warning and
/// dropped. Values are trimmed. A note in brackets after a name, as online meetings show them
/// ("Jess Steele (Jericho Road)"), leaves the name and is the organisation when none is given,
/// unless it is pronouns ("she/her") or a form of the name ("Jo Bell (Jo B)").
AttendeeList read_attendees(const TextTable& table, Diagnostics& diagnostics);

}  // namespace bridgemap::ingest
