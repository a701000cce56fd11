#include <bridgemap/error.hpp>
#include <bridgemap/ingest/attendee_lists.hpp>
#include <bridgemap/ingest/csv_reader.hpp>
#include <bridgemap/ingest/identity.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/model/date.hpp>

#include <bridgemap/ingest/workbook.hpp>

#include <algorithm>
#include <map>

namespace bridgemap::ingest {
namespace {

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

using io::in_quotes;

bool is_workbook(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return extension == ".xlsx";
}

/// Column positions of recognised headers; SIZE_MAX when absent.
struct Columns {
    std::map<std::string, std::size_t> found;
    std::vector<std::size_t> extras;

    [[nodiscard]] std::size_t at(const std::string& role) const {
        const auto it = found.find(role);
        return it == found.end() ? SIZE_MAX : it->second;
    }
};

std::string cell(const TableLine& line, std::size_t column) {
    return column < line.cells.size() ? trim(line.cells[column]) : std::string();
}

/// Online meeting names often carry a note in brackets: "Jess Steele (Jericho Road)", "Sam Lee
/// (she/her)", "Jo Bell (Jo B)". The note leaves the name; it becomes the organisation when
/// there is none and it is neither pronouns (a slash) nor a form of the name itself.
void split_name_suffix(std::string& name, std::string& organisation) {
    if (name.empty() || name.back() != ')') return;
    const auto open = name.rfind(" (");
    if (open == std::string::npos || open == 0) return;
    const std::string note = trim(std::string_view(name).substr(open + 2, name.size() - open - 3));
    std::string before = trim(std::string_view(name).substr(0, open));
    if (before.empty()) return;
    const PersonName written = parse_person_name(before);
    const PersonName inside = parse_person_name(note);
    bool names_the_person = false;
    for (const auto& token : inside.tokens) {
        names_the_person |= std::find(written.tokens.begin(), written.tokens.end(), token) != written.tokens.end();
    }
    if (organisation.empty() && !note.empty() && note.find('/') == std::string::npos && !names_the_person) {
        organisation = note;
    }
    name = std::move(before);
}

std::string joined_header(const TableLine& header) {
    std::string out;
    for (const auto& name : header.cells) out += (out.empty() ? "" : ", ") + in_quotes(name);
    return out;
}

}  // namespace

std::string SourcePlace::describe() const {
    if (!sheet.empty()) return file + "[" + sheet + "]!" + cell;
    return line > 0 ? file + ":" + std::to_string(line) : file;
}

void report(Diagnostics& diagnostics, const SourcePlace& place, bool is_error, std::string message) {
    if (place.sheet.empty()) {
        if (is_error) {
            diagnostics.error(place.file, place.line, std::move(message));
        } else {
            diagnostics.warning(place.file, place.line, std::move(message));
        }
        return;
    }
    if (is_error) {
        diagnostics.error_in_sheet(place.file, place.sheet, place.line, place.cell, std::move(message));
    } else {
        diagnostics.warning_in_sheet(place.file, place.sheet, place.line, place.cell, std::move(message));
    }
}

SourcePlace TextTable::place(const TableLine& line, std::size_t column) const {
    SourcePlace place{file, line.line, sheet, {}};
    if (!sheet.empty()) place.cell = cell_reference(column, line.line);
    return place;
}

std::string header_key(std::string_view header) {
    std::string key;
    for (const char c : fold_to_ascii(header)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    }
    return key;
}

std::optional<TextTable> read_text_table(const std::filesystem::path& path, const std::string& shown,
                                         Diagnostics& diagnostics) {
    TextTable table;
    table.file = shown;
    if (is_workbook(path)) {
        Diagnostics workbook_problems;
        const auto sheets = read_workbook(path, workbook_problems);
        for (auto problem : workbook_problems.all()) {
            if (problem.file == path.string()) problem.file = shown;
            diagnostics.add(std::move(problem));
        }
        if (sheets.empty()) {
            if (!workbook_problems.has_errors()) diagnostics.error(shown, 0, "the workbook has no sheet");
            return std::nullopt;
        }
        table.sheet = sheets.front().name;
        for (const auto& row : sheets.front().rows) table.lines.push_back({row.row, row.cells});
        return table;
    }
    const std::string text = io::read_file(path);
    if (const auto bad = io::find_invalid_utf8(text)) {
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + *bad, '\n'));
        diagnostics.error(shown, line, "not valid UTF-8 (save the file as UTF-8 CSV)");
        return std::nullopt;
    }
    std::vector<CsvProblem> problems;
    const char delimiter = detect_delimiter(text);
    parse_csv(
        text,
        [&](const CsvRecord& record) {
            table.lines.push_back({record.line, std::vector<std::string>(record.fields.begin(), record.fields.end())});
        },
        problems, delimiter);
    for (const auto& problem : problems) {
        if (problem.is_error) {
            diagnostics.error(shown, problem.line, problem.message);
        } else {
            diagnostics.warning(shown, problem.line, problem.message);
        }
    }
    return table;
}

EventsFile read_events(const TextTable& table, Diagnostics& diagnostics, DateOrder order) {
    EventsFile result;
    if (table.lines.empty()) {
        diagnostics.error(table.file, 0, "the events file is empty: it needs the columns id,name,date,kind,list");
        return result;
    }
    const TableLine& header = table.lines.front();
    Columns columns;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const std::string key = header_key(header.cells[c]);
        const bool known =
            key == "id" || key == "name" || key == "date" || key == "kind" || key == "list" || key == "parent";
        if (known && !columns.found.count(key)) {
            columns.found[key] = c;
        } else if (!trim(header.cells[c]).empty()) {
            columns.extras.push_back(c);
            result.extra_names.push_back(trim(header.cells[c]));
        }
    }
    bool usable = true;
    for (const std::string required : {"id", "list"}) {
        if (columns.at(required) == SIZE_MAX) {
            report(diagnostics, table.place(header, 0), true,
                   "missing column " + in_quotes(required) +
                       ": an events file has the columns id,name,date,kind,list"
                       "[,parent]; its header is " +
                       joined_header(header));
            usable = false;
        }
    }
    if (!usable) return result;
    std::map<std::string, std::size_t> seen;
    for (std::size_t l = 1; l < table.lines.size(); ++l) {
        const TableLine& line = table.lines[l];
        if (std::all_of(line.cells.begin(), line.cells.end(), [](const auto& c) { return trim(c).empty(); })) continue;
        EventEntry event;
        event.id = cell(line, columns.at("id"));
        event.name = cell(line, columns.at("name"));
        event.date = cell(line, columns.at("date"));
        event.kind = cell(line, columns.at("kind"));
        event.list = cell(line, columns.at("list"));
        event.parent = cell(line, columns.at("parent"));
        for (const auto c : columns.extras) event.extras.push_back(cell(line, c));
        event.place = table.place(line, columns.at("id"));
        if (event.id.empty()) {
            report(diagnostics, event.place, true, "empty event id");
            continue;
        }
        if (const auto [at, inserted] = seen.emplace(event.id, line.line); !inserted) {
            report(
                diagnostics, event.place, true,
                "event " + in_quotes(event.id) + " is listed twice (first on line " + std::to_string(at->second) + ")");
            continue;
        }
        if (event.list.empty()) {
            report(diagnostics, table.place(line, columns.at("list")), true,
                   "event " + in_quotes(event.id) + " has no list: give the path of its attendee export");
        }
        DateProblem problem = DateProblem::none;
        const auto date = event.date.empty() ? std::nullopt : parse_date(event.date, order, &problem);
        if (!event.date.empty() && !date) {
            const char* hint = problem == DateProblem::needs_order
                                   ? " (expected YYYY-MM-DD; give --date-order dmy or mdy to read it day-first or "
                                     "month-first)"
                               : problem == DateProblem::short_year ? " (write the year with four digits)"
                                                                    : " (expected YYYY-MM-DD, YYYY-MM or YYYY)";
            report(diagnostics, table.place(line, columns.at("date")), true,
                   "event " + in_quotes(event.id) + ": " +
                       (problem == DateProblem::impossible ? "impossible date " : "malformed date ") +
                       in_quotes(event.date) + hint);
        } else if (date && split_numeric_date(event.date)) {
            event.date = format_day(date->first);  // read by --date-order: kept as YYYY-MM-DD
        }
        result.events.push_back(std::move(event));
    }
    return result;
}

AttendeeList read_attendees(const TextTable& table, Diagnostics& diagnostics) {
    AttendeeList result;
    if (table.lines.empty()) {
        diagnostics.error(table.file, 0, "the list is empty: it needs a header with a name column");
        return result;
    }
    static const std::map<std::string, std::string> k_roles = {
        {"name", "name"},
        {"fullname", "name"},
        {"attendeename", "name"},
        {"participant", "name"},
        {"participantname", "name"},
        {"yourname", "name"},
        {"nameoriginalname", "name"},
        {"usernameoriginalname", "name"},
        {"displayname", "name"},
        {"firstname", "first"},
        {"forename", "first"},
        {"givenname", "first"},
        {"attendeefirstname", "first"},
        {"lastname", "last"},
        {"surname", "last"},
        {"familyname", "last"},
        {"attendeelastname", "last"},
        {"email", "email"},
        {"emailaddress", "email"},
        {"attendeeemail", "email"},
        {"useremail", "email"},
        {"organisation", "organisation"},
        {"organization", "organisation"},
        {"company", "organisation"},
        {"employer", "organisation"},
        {"organisationname", "organisation"},
        {"organizationname", "organisation"},
        {"companyname", "organisation"},
        {"sector", "sector"},
        {"jobtitle", "job_title"},
        {"role", "role"},
        {"tickettype", "role"},
    };
    const TableLine& header = table.lines.front();
    Columns columns;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const auto role = k_roles.find(header_key(header.cells[c]));
        if (role != k_roles.end() && !columns.found.count(role->second)) {
            columns.found[role->second] = c;
        } else if (!trim(header.cells[c]).empty()) {
            columns.extras.push_back(c);
            result.extra_names.push_back(trim(header.cells[c]));
        }
    }
    const std::size_t name = columns.at("name");
    const std::size_t first = columns.at("first");
    const std::size_t last = columns.at("last");
    if (name == SIZE_MAX && first == SIZE_MAX) {
        report(diagnostics, table.place(header, 0), true,
               "no name column (\"name\", \"full name\", \"attendee name\", or \"first name\" with \"last name\"); "
               "the header is " +
                   joined_header(header));
        return result;
    }
    const std::size_t name_column = name != SIZE_MAX ? name : first;
    for (std::size_t l = 1; l < table.lines.size(); ++l) {
        const TableLine& line = table.lines[l];
        if (std::all_of(line.cells.begin(), line.cells.end(), [](const auto& c) { return trim(c).empty(); })) continue;
        Attendee attendee;
        attendee.place = table.place(line, name_column);
        attendee.name = cell(line, name);
        if (attendee.name.empty()) {
            const std::string given = cell(line, first);
            const std::string family = cell(line, last);
            attendee.name = given.empty() || family.empty() ? given + family : given + " " + family;
        }
        if (attendee.name.empty()) {
            report(diagnostics, attendee.place, false, "no name; row skipped");
            continue;
        }
        attendee.email = cell(line, columns.at("email"));
        if (!attendee.email.empty() && attendee.email.find('@') == std::string::npos) {
            report(diagnostics, table.place(line, columns.at("email")), false,
                   "email " + in_quotes(attendee.email) + " of " + in_quotes(attendee.name) +
                       " has no \"@\"; not used to match people");
            attendee.email.clear();
        }
        attendee.organisation = cell(line, columns.at("organisation"));
        split_name_suffix(attendee.name, attendee.organisation);
        attendee.sector = cell(line, columns.at("sector"));
        attendee.job_title = cell(line, columns.at("job_title"));
        attendee.role = cell(line, columns.at("role"));
        for (const auto c : columns.extras) attendee.extras.push_back(cell(line, c));
        result.attendees.push_back(std::move(attendee));
    }
    return result;
}

}  // namespace bridgemap::ingest
