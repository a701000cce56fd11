#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/workbook.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/model/consent.hpp>
#include <bridgemap/model/sector_names.hpp>

#include "ingest/fingerprint_set.hpp"
#include "ingest/table_rows.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <system_error>
#include <tuple>
#include <unordered_map>

namespace bridgemap::ingest {
namespace {

/// The year of a date text: its first four digits in YYYY-MM-DD form, or the year of a
/// day-month-year form; 0 when neither.
int leading_year(std::string_view text, const std::optional<NumericDate>& numeric) {
    if (numeric) return numeric->year;
    if (text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        (text.size() == 4 || text[4] == '-')) {
        return std::stoi(std::string(text.substr(0, 4)));
    }
    return 0;
}

/// The largest weight a ties.csv row may give. Path metrics take 1/weight as a length, and
/// eigenvector centrality multiplies weights: 1e308 passed once and made ARPACK fail.
constexpr double k_max_weight = 1e6;
constexpr std::string_view k_max_weight_text = "1,000,000";

// The SPEC §1 tables, in the order they are read: a table is read after the tables it refers to.
const TableSchema k_organisations{"organisations", {"id", "name", "sector"}, 1};
const TableSchema k_members{"members", {"id", "name", "sector", "organisation"}, 1};
const TableSchema k_events{"events", {"id", "name", "date", "kind", "parent"}, 1};
const TableSchema k_groups{"groups", {"id", "name", "kind"}, 1};
const TableSchema k_attendance{"attendance", {"member_id", "event_id", "role"}, 2};
const TableSchema k_group_members{"group_members", {"member_id", "group_id", "from", "until"}, 2};
const TableSchema k_affiliations{"affiliations", {"member_id", "organisation_id", "from", "until", "note"}, 2};
const TableSchema k_ties{"ties", {"source", "target", "kind", "weight", "date"}, 2};
const TableSchema k_sectors{"sectors", {"alias", "sector"}, 2};
const std::vector<const TableSchema*> k_tables{&k_organisations, &k_members,      &k_events, &k_groups, &k_attendance,
                                               &k_group_members, &k_affiliations, &k_ties,   &k_sectors};

using io::in_quotes;

/// Appends one row's extra columns to `attributes`, creating columns as new names appear.
void store_attributes(Attributes& attributes, std::size_t row_number, const TableRow& row) {
    for (std::size_t j = 0; j < row.extras.size(); ++j) {
        // The extra columns of a file come in the same order on every row: the j-th is the j-th
        // name; search only when not (a JSON object may order its keys as it likes). Linear in
        // the columns for a file, where a search for each would be quadratic (20,000 columns).
        std::size_t column = j;
        if (column >= attributes.names.size() || attributes.names[column] != row.extra_names[j]) {
            column = 0;
            while (column < attributes.names.size() && attributes.names[column] != row.extra_names[j]) ++column;
        }
        if (column == attributes.names.size()) {
            attributes.names.emplace_back(row.extra_names[j]);
            attributes.values.emplace_back();
        }
        auto& values = attributes.values[column];
        values.resize(row_number);
        values.emplace_back(row.extras[j]);
    }
}

void pad_attributes(Attributes& attributes, std::size_t rows) {
    for (auto& values : attributes.values) values.resize(rows);
}

/// Builds a Network from table rows, applying the SPEC's rules and reporting every problem.
class NetworkBuilder {
public:
    NetworkBuilder(Diagnostics& diagnostics, const ReadOptions& options)
        : diagnostics_(diagnostics), options_(options) {
        network_.roles.emplace_back();
    }

    /// Reports an id (or a reference to one) holding a character nobody can see or type back: a
    /// control character, NUL, a no-break or zero-width space, a byte-order mark, a direction
    /// control. Such an id would differ invisibly from the one meant. True when the row is left out.
    static bool has_invisible_id(const TableSchema& schema, RowReporter& reporter, const TableRow& row) {
        bool found = false;
        for (std::size_t c = 0; c < schema.columns.size() && c < row.values.size(); ++c) {
            const std::string_view column = schema.columns[c];
            const bool is_id = column == "id" || column.ends_with("_id") || column == "source" || column == "target" ||
                               column == "organisation" || column == "parent";
            if (!is_id) continue;
            const std::string_view value = row.values[c];
            std::size_t at = 0;
            while (at < value.size()) {
                const char32_t code = io::next_code_point(value, at);
                if (!io::is_invisible(code)) continue;
                char name[12];
                std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code));
                reporter.error(row, column,
                               std::string(column) + " " + in_quotes(value) + " holds an invisible character (" + name +
                                   "); remove it, or the id will not match the one meant");
                found = true;
                break;
            }
        }
        return found;
    }

    /// Says whether the tables a reference may point into were given at all. When the members
    /// table could not be read, references to members are not checked (that one error says it all).
    void set_present(bool members, bool organisations, bool events, bool groups) {
        members_given_ = members;
        organisations_given_ = organisations;
        events_given_ = events;
        groups_given_ = groups;
    }

    void read_row(const TableSchema& schema, RowReporter& reporter, const TableRow& row) {
        if (is_repeat(schema, reporter, row)) return;
        if (has_invisible_id(schema, reporter, row)) return;
        if (&schema == &k_organisations)
            organisation(reporter, row);
        else if (&schema == &k_members)
            member(reporter, row);
        else if (&schema == &k_events)
            event(reporter, row);
        else if (&schema == &k_groups)
            group(reporter, row);
        else if (&schema == &k_attendance)
            attendance(reporter, row);
        else if (&schema == &k_group_members)
            group_member(reporter, row);
        else if (&schema == &k_affiliations)
            affiliation(reporter, row);
        else if (&schema == &k_ties)
            tie(reporter, row);
        else if (&schema == &k_sectors)
            sector_alias(reporter, row);
    }

    /// Resolves what needed every row first (event parents, sectors) and returns the network.
    /// `file_of` names the file a table came from, for diagnostics.
    Network finish(const std::function<std::string(const TableSchema&)>& file_of);

private:
    /// Identical rows are merged with a warning.
    bool is_repeat(const TableSchema& schema, RowReporter& reporter, const TableRow& row) {
        auto& table = repeats_[schema.table];
        const std::size_t where = table.lines.size();
        const std::size_t first = table.set.insert(row.fingerprint_low, row.fingerprint_high, where);
        if (first == where) {
            table.lines.push_back(row.line);
            if (!row.pointer.empty()) {
                table.pointers.resize(where);
                table.pointers.emplace_back(row.pointer);
            }
            return false;
        }
        const std::string_view pointer = first < table.pointers.size() ? table.pointers[first] : std::string_view();
        reporter.warning(row, {}, "repeats the row on " + reporter.where(table.lines[first], pointer) + "; merged");
        return true;
    }

    /// Checks an id is non-empty and new in its table; returns false when it is not.
    bool check_id(RowReporter& reporter, const TableRow& row, std::string_view id, std::string_view noun,
                  std::unordered_map<std::string, std::string>& seen) {
        if (id.empty()) {
            reporter.error(row, "id", "empty " + std::string(noun) + " id");
            return false;
        }
        const auto [found, inserted] = seen.try_emplace(std::string(id), reporter.where(row));
        if (!inserted) {
            reporter.error(
                row, "id",
                "duplicate " + std::string(noun) + " id " + in_quotes(id) + " (first on " + found->second + ")");
            return false;
        }
        return true;
    }

    /// Parses an optional date column; reports a malformed or impossible one. A day-month-year
    /// date read by --date-order sets `iso_text` (when given) to its YYYY-MM-DD form; one read
    /// without an order is left to the file's summary (note_unordered_date).
    bool parse_optional_date(RowReporter& reporter, const TableRow& row, std::string_view column, std::string_view text,
                             std::optional<DateSpan>& date, std::string* iso_text = nullptr) {
        date.reset();
        if (text.empty()) return true;
        DateProblem problem = DateProblem::none;
        date = parse_date(text, options_.date_order, &problem);
        if (date) {
            if (iso_text && options_.date_order != DateOrder::iso && split_numeric_date(text)) {
                *iso_text = format_day(date->first);
            }
            return true;
        }
        const auto numeric = split_numeric_date(text);
        if (problem == DateProblem::needs_order && numeric &&
            (is_valid_date(numeric->year, numeric->second, numeric->first) ||
             is_valid_date(numeric->year, numeric->first, numeric->second))) {
            note_unordered_date(reporter, row, column, text, *numeric);
        } else if (problem == DateProblem::short_year) {
            reporter.error(row, column,
                           "date " + in_quotes(text) + " in column " + std::string(column) +
                               " has a 2-digit year, which bridgemap does not guess; write the year in full "
                               "(best as YYYY-MM-DD)");
        } else if (const int year = leading_year(text, numeric); year > 0 && year < 1000) {
            reporter.error(row, column,
                           "date " + in_quotes(text) + " in column " + std::string(column) + " is in the year " +
                               std::to_string(year) + ": bridgemap reads years 1000 to 9999");
        } else if (problem == DateProblem::impossible || problem == DateProblem::needs_order) {
            std::string how;
            if (numeric && options_.date_order == DateOrder::dmy) how = " (read day-first, as --date-order dmy says)";
            if (numeric && options_.date_order == DateOrder::mdy) how = " (read month-first, as --date-order mdy says)";
            if (numeric && options_.date_order == DateOrder::iso) how = " (neither day-first nor month-first)";
            reporter.error(row, column,
                           "impossible date " + in_quotes(text) + " in column " + std::string(column) + how);
        } else {
            reporter.error(row, column,
                           "malformed date " + in_quotes(text) + " in column " + std::string(column) +
                               ": expected YYYY-MM-DD, YYYY-MM or YYYY");
        }
        return false;
    }

    /// Parses from/until into one period; reports bad dates and until before from.
    bool parse_period(RowReporter& reporter, const TableRow& row, std::string_view from_text,
                      std::string_view until_text, DateSpan& period) {
        std::optional<DateSpan> from;
        std::optional<DateSpan> until;
        const bool from_ok = parse_optional_date(reporter, row, "from", from_text, from);
        const bool until_ok = parse_optional_date(reporter, row, "until", until_text, until);
        if (!from_ok || !until_ok) return false;
        period = DateSpan{from ? from->first : k_open_start, until ? until->last : k_open_end};
        if (from && until && until->last < from->first) {
            reporter.error(row, "until", "until " + in_quotes(until_text) + " is before from " + in_quotes(from_text));
            return false;
        }
        return true;
    }

    MemberIndex member_reference(RowReporter& reporter, const TableRow& row, std::string_view column,
                                 std::string_view id) {
        if (id.empty()) {
            reporter.error(row, column, "empty " + std::string(column));
            return k_none;
        }
        const MemberIndex member = find(member_index_, id);
        if (member == k_none && members_given_) {
            reporter.error(row, column, "unknown member " + in_quotes(id) + " (not in members)");
        }
        return member;
    }

    OrganisationIndex organisation_reference(RowReporter& reporter, const TableRow& row, std::string_view column,
                                             std::string_view id) {
        if (id.empty()) {
            reporter.error(row, column, "empty " + std::string(column));
            return k_none;
        }
        OrganisationIndex organisation = find(organisation_index_, id);
        if (organisation != k_none) return organisation;
        if (organisations_given_) {
            reporter.error(row, column, "unknown organisation " + in_quotes(id) + " (not in organisations)");
            return k_none;
        }
        organisation = static_cast<OrganisationIndex>(network_.organisations.size());
        network_.organisations.push_back({std::string(id), std::string(id), {}, k_unknown_sector});
        organisation_index_.emplace(std::string(id), organisation);
        ++implicit_organisations_;
        return organisation;
    }

    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    using IdIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

    static std::uint32_t find(const IdIndex& index, std::string_view id) {
        const auto found = index.find(id);
        return found == index.end() ? k_none : found->second;
    }

    void organisation(RowReporter& reporter, const TableRow& row) {
        const std::string_view id = row.values[0];
        if (!check_id(reporter, row, id, "organisation", organisation_lines_)) return;
        const auto index = static_cast<OrganisationIndex>(network_.organisations.size());
        organisation_index_.emplace(std::string(id), index);
        network_.organisations.push_back(
            {std::string(id), std::string(row.values[1]), std::string(row.values[2]), k_unknown_sector});
        store_attributes(network_.organisation_attributes, index, row);
        note_sector_label(reporter, row, row.values[2]);
    }

    void member(RowReporter& reporter, const TableRow& row) {
        const std::string_view id = row.values[0];
        if (!check_id(reporter, row, id, "member", member_lines_)) return;
        OrganisationIndex organisation = k_none;
        if (!row.values[3].empty()) {
            organisation = organisation_reference(reporter, row, "organisation", row.values[3]);
        }
        const auto index = static_cast<MemberIndex>(network_.members.size());
        member_index_.emplace(std::string(id), index);
        network_.members.push_back(
            {std::string(id), std::string(row.values[1]), std::string(row.values[2]), organisation, k_unknown_sector});
        store_attributes(network_.member_attributes, index, row);
        note_sector_label(reporter, row, row.values[2]);
        for (std::size_t j = 0; j < row.extras.size(); ++j) {
            if (row.extra_names[j] == k_consent_column && !parse_consent(row.extras[j])) {
                reporter.error(row, k_consent_column,
                               "consent " + in_quotes(row.extras[j]) + " is not named, pseudonym or hidden");
            }
        }
    }

    void event(RowReporter& reporter, const TableRow& row) {
        const std::string_view id = row.values[0];
        if (!check_id(reporter, row, id, "event", event_lines_)) return;
        Event event{std::string(id), std::string(row.values[1]), std::string(row.values[2]),
                    std::nullopt,    std::string(row.values[3]), k_none};
        parse_optional_date(reporter, row, "date", row.values[2], event.date, &event.date_text);
        const auto index = static_cast<EventIndex>(network_.events.size());
        if (!row.values[4].empty()) {
            pending_parents_.push_back(
                {index, std::string(row.values[4]), reporter.locate(row, "parent", Severity::error, {})});
        }
        event_index_.emplace(std::string(id), index);
        network_.events.push_back(std::move(event));
        store_attributes(network_.event_attributes, index, row);
    }

    void group(RowReporter& reporter, const TableRow& row) {
        const std::string_view id = row.values[0];
        if (!check_id(reporter, row, id, "group", group_lines_)) return;
        const auto index = static_cast<GroupIndex>(network_.groups.size());
        group_index_.emplace(std::string(id), index);
        network_.groups.push_back({std::string(id), std::string(row.values[1]), std::string(row.values[2])});
        store_attributes(network_.group_attributes, index, row);
    }

    void attendance(RowReporter& reporter, const TableRow& row) {
        const MemberIndex member = member_reference(reporter, row, "member_id", row.values[0]);
        EventIndex event = k_none;
        const std::string_view event_id = row.values[1];
        if (event_id.empty()) {
            reporter.error(row, "event_id", "empty event_id");
        } else {
            event = find(event_index_, event_id);
            if (event == k_none && events_given_) {
                reporter.error(row, "event_id", "unknown event " + in_quotes(event_id) + " (not in events)");
            } else if (event == k_none) {
                event = static_cast<EventIndex>(network_.events.size());
                network_.events.push_back({std::string(event_id), std::string(event_id), {}, std::nullopt, {}, k_none});
                event_index_.emplace(std::string(event_id), event);
                ++implicit_events_;
            }
        }
        if (member == k_none || event == k_none) return;
        const std::uint32_t role = intern_role(row.values[2]);
        store_attributes(network_.attendance_attributes, network_.attendance.size(), row);
        network_.attendance.push_back({member, event, role});
    }

    void group_member(RowReporter& reporter, const TableRow& row) {
        const MemberIndex member = member_reference(reporter, row, "member_id", row.values[0]);
        GroupIndex group = k_none;
        const std::string_view group_id = row.values[1];
        if (group_id.empty()) {
            reporter.error(row, "group_id", "empty group_id");
        } else {
            group = find(group_index_, group_id);
            if (group == k_none && groups_given_) {
                reporter.error(row, "group_id", "unknown group " + in_quotes(group_id) + " (not in groups)");
            } else if (group == k_none) {
                group = static_cast<GroupIndex>(network_.groups.size());
                network_.groups.push_back({std::string(group_id), std::string(group_id), {}});
                group_index_.emplace(std::string(group_id), group);
                ++implicit_groups_;
            }
        }
        DateSpan period;
        const bool period_ok = parse_period(reporter, row, row.values[2], row.values[3], period);
        if (member == k_none || group == k_none || !period_ok) return;
        store_attributes(network_.group_member_attributes, network_.group_members.size(), row);
        network_.group_members.push_back({member, group, period});
    }

    void affiliation(RowReporter& reporter, const TableRow& row) {
        const MemberIndex member = member_reference(reporter, row, "member_id", row.values[0]);
        const OrganisationIndex organisation = organisation_reference(reporter, row, "organisation_id", row.values[1]);
        DateSpan period;
        const bool period_ok = parse_period(reporter, row, row.values[2], row.values[3], period);
        if (member == k_none || organisation == k_none || !period_ok) return;
        store_attributes(network_.affiliation_attributes, network_.affiliations.size(), row);
        network_.affiliations.push_back({member, organisation, period, std::string(row.values[4])});
    }

    void tie(RowReporter& reporter, const TableRow& row) {
        const MemberIndex source = member_reference(reporter, row, "source", row.values[0]);
        const MemberIndex target = member_reference(reporter, row, "target", row.values[1]);
        bool ok = source != k_none && target != k_none;
        if (ok && source == target) {
            reporter.error(row, "target", "self-tie: " + in_quotes(row.values[0]) + " is tied to themself");
            ok = false;
        }
        double weight = 1.0;
        const std::string_view weight_text = row.values[3];
        if (!weight_text.empty()) {
            // A leading "+" is a sign spreadsheets write; from_chars does not take it.
            const std::string_view digits = weight_text.starts_with('+') ? weight_text.substr(1) : weight_text;
            const char* end = digits.data() + digits.size();
            const auto [stop, error] = std::from_chars(digits.data(), end, weight);
            if (error == std::errc::result_out_of_range) {
                reporter.error(row, "weight",
                               "weight " + in_quotes(weight_text) + " is out of range: weights are 0 to " +
                                   std::string(k_max_weight_text));
                ok = false;
            } else if (error != std::errc() || stop != end || !std::isfinite(weight)) {
                reporter.error(row, "weight", "weight " + in_quotes(weight_text) + " is not a number");
                ok = false;
            } else if (weight < 0) {
                reporter.error(row, "weight",
                               "weight " + std::string(weight_text) + " is negative; weights are 0 or more");
                ok = false;
            } else if (weight > k_max_weight) {
                reporter.error(row, "weight",
                               "weight " + std::string(weight_text) + " is too large: weights are 0 to " +
                                   std::string(k_max_weight_text) +
                                   " (larger ones make path lengths too small to compute with)");
                ok = false;
            }
        }
        std::optional<DateSpan> date;
        std::string date_text(row.values[4]);
        ok &= parse_optional_date(reporter, row, "date", row.values[4], date, &date_text);
        if (!ok) return;
        store_attributes(network_.tie_attributes, network_.ties.size(), row);
        network_.ties.push_back({source, target, std::string(row.values[2]), weight, std::move(date_text), date});
    }

    void sector_alias(RowReporter& reporter, const TableRow& row) {
        if (row.values[0].empty() || row.values[1].empty()) {
            reporter.error(row, row.values[0].empty() ? "alias" : "sector",
                           std::string("empty ") + (row.values[0].empty() ? "alias" : "sector") +
                               ": each row of the sectors table maps an alias to a sector");
            return;
        }
        alias_rows_.push_back({std::string(row.values[0]), std::string(row.values[1]),
                               reporter.locate(row, "alias", Severity::error, {}),
                               reporter.locate(row, "sector", Severity::error, {}), reporter.where(row)});
    }

    /// Remembers a day-month-year date read without --date-order; finish() reports the first
    /// of each file with the count of the rest.
    void note_unordered_date(RowReporter& reporter, const TableRow& row, std::string_view column, std::string_view text,
                             const NumericDate& numeric) {
        auto [found, inserted] = unordered_dates_.try_emplace(
            reporter.sheet().empty() ? reporter.file() : reporter.file() + "[" + reporter.sheet() + "]");
        UnorderedDates& dates = found->second;
        if (inserted) {
            dates.first = {std::string(text), std::string(column), reporter.locate(row, column, Severity::error, {}),
                           numeric};
            dates.order = unordered_dates_.size();
        } else {
            ++dates.more;
        }
        const bool day_first = is_valid_date(numeric.year, numeric.second, numeric.first);
        const bool month_first = is_valid_date(numeric.year, numeric.first, numeric.second);
        if (day_first && !month_first && dates.day_first_only.empty()) {
            dates.day_first_only = reporter.where(row) + ": " + in_quotes(text);
        }
        if (month_first && !day_first && dates.month_first_only.empty()) {
            dates.month_first_only = reporter.where(row) + ": " + in_quotes(text);
        }
    }

    std::uint32_t intern_role(std::string_view role) {
        for (std::uint32_t i = 0; i < network_.roles.size(); ++i) {
            if (network_.roles[i] == role) return i;
        }
        network_.roles.emplace_back(role);
        return static_cast<std::uint32_t>(network_.roles.size() - 1);
    }

    /// Remembers where a sector label was written, for the look-alike warnings.
    void note_sector_label(RowReporter& reporter, const TableRow& row, std::string_view label) {
        if (label.empty()) return;
        auto& places = sector_label_places_[std::string(label)];
        Diagnostic place = reporter.locate(row, "sector", Severity::warning, {});
        std::string file = reporter.sheet().empty() ? reporter.file() : reporter.file() + "[" + reporter.sheet() + "]";
        std::string at = !place.cell.empty()      ? place.cell
                         : !place.pointer.empty() ? std::string(row.pointer)
                                                  : std::to_string(row.line);
        places.push_back({std::move(file), row.line, std::move(at), std::move(place)});
    }

    void report_unordered_dates();
    void check_sector_aliases();
    void warn_about_sector_spellings(const std::function<std::string(const TableSchema&)>& file_of);

    /// Each table's rows seen: their fingerprints, lines and (JSON only) pointers, by the
    /// order they were first seen in. CSV rows keep no string: 10^6 attendance rows.
    struct RepeatTable {
        FingerprintSet set;
        std::vector<std::size_t> lines;
        std::vector<std::string> pointers;  // empty for CSV
    };
    struct PendingParent {
        EventIndex event;
        std::string parent;
        Diagnostic place;  ///< Where a problem with the parent is reported; the message is added then.
    };

    /// A place a sector label or alias was written: a CSV line or a JSON pointer.
    struct Place {
        std::string file;       ///< The file, and for a workbook its sheet: "network.xlsx[members]".
        std::size_t line;       ///< The line or row; 0 for JSON.
        std::string at;         ///< "4", "C4" or "/members/3", after the file in a list of places.
        Diagnostic diagnostic;  ///< Where a warning about it is reported.
    };
    struct AliasRow {
        std::string alias;
        std::string sector;
        Diagnostic alias_place;  ///< Where a problem with the alias (or the sector) is reported.
        Diagnostic sector_place;
        std::string where;  ///< "line 4", "row 4" or "/sectors/3", to refer back to it.
    };
    /// The day-month-year dates of one file read without --date-order.
    struct UnorderedDates {
        struct First {
            std::string text;
            std::string column;
            Diagnostic place;  ///< Where the file's one error is reported.
            NumericDate numeric;
        } first;
        std::size_t more = 0;
        std::size_t order = 0;
        std::string day_first_only;  ///< "line 9: "25/12/2018"", a date that reads only day-first
        std::string month_first_only;
    };

    Diagnostics& diagnostics_;
    ReadOptions options_;
    Network network_;
    bool organisations_given_ = false;
    bool events_given_ = false;
    bool members_given_ = true;
    bool groups_given_ = false;
    std::size_t implicit_organisations_ = 0;
    std::size_t implicit_events_ = 0;
    std::size_t implicit_groups_ = 0;
    std::map<std::string_view, RepeatTable> repeats_;
    std::unordered_map<std::string, std::string> member_lines_, organisation_lines_, event_lines_, group_lines_;
    IdIndex member_index_, organisation_index_, event_index_, group_index_;
    std::vector<PendingParent> pending_parents_;
    std::map<std::string, std::vector<Place>, std::less<>> sector_label_places_;
    std::vector<AliasRow> alias_rows_;
    std::map<std::string, UnorderedDates> unordered_dates_;
};

Network NetworkBuilder::finish(const std::function<std::string(const TableSchema&)>& file_of) {
    for (const auto& pending : pending_parents_) {
        const auto report = [&](std::string message) {
            Diagnostic diagnostic = pending.place;
            diagnostic.message = std::move(message);
            diagnostics_.add(std::move(diagnostic));
        };
        const EventIndex parent = find(event_index_, pending.parent);
        if (parent == k_none) {
            report("unknown parent event " + in_quotes(pending.parent) + " (not in events)");
        } else if (parent == pending.event) {
            report("event " + in_quotes(pending.parent) + " is its own parent");
        } else {
            network_.events[pending.event].parent = parent;
        }
    }
    // A chain of parents must end: report each loop once, at its first event in file order.
    std::vector<std::uint8_t> state(network_.events.size(), 0);  // 0 new, 1 on the current walk, 2 done
    for (EventIndex start = 0; start < network_.events.size(); ++start) {
        std::vector<EventIndex> walk;
        EventIndex e = start;
        while (e != k_none && state[e] == 0) {
            state[e] = 1;
            walk.push_back(e);
            e = network_.events[e].parent;
        }
        if (e != k_none && state[e] == 1) {
            std::string chain = in_quotes(network_.events[e].id);
            for (EventIndex c = network_.events[e].parent; c != e; c = network_.events[c].parent) {
                chain += " -> " + in_quotes(network_.events[c].id);
            }
            chain += " -> " + in_quotes(network_.events[e].id);
            for (const auto& pending : pending_parents_) {
                if (pending.event == e) {
                    Diagnostic diagnostic = pending.place;
                    diagnostic.message = "events' parents form a loop: " + chain;
                    diagnostics_.add(std::move(diagnostic));
                }
            }
            network_.events[e].parent = k_none;  // break the loop so later stages can walk parents
        }
        for (const EventIndex w : walk) state[w] = 2;
    }

    if (implicit_organisations_ > 0) {
        diagnostics_.warning(file_of(k_members), 0,
                             "there is no organisations table: " + std::to_string(implicit_organisations_) +
                                 " organisation ids named by members and affiliations are taken as organisations "
                                 "without name or sector");
    }
    if (implicit_events_ > 0) {
        diagnostics_.warning(file_of(k_attendance), 0,
                             "there is no events table: " + std::to_string(implicit_events_) +
                                 " event ids named in attendance are taken as undated events");
    }
    if (implicit_groups_ > 0) {
        diagnostics_.warning(file_of(k_group_members), 0,
                             "there is no groups table: " + std::to_string(implicit_groups_) +
                                 " group ids named in group_members are taken as groups");
    }
    pad_attributes(network_.member_attributes, network_.members.size());
    pad_attributes(network_.organisation_attributes, network_.organisations.size());
    pad_attributes(network_.event_attributes, network_.events.size());
    pad_attributes(network_.group_attributes, network_.groups.size());
    pad_attributes(network_.attendance_attributes, network_.attendance.size());
    pad_attributes(network_.group_member_attributes, network_.group_members.size());
    pad_attributes(network_.affiliation_attributes, network_.affiliations.size());
    pad_attributes(network_.tie_attributes, network_.ties.size());
    report_unordered_dates();
    check_sector_aliases();
    resolve_sectors(network_);
    warn_about_sector_spellings(file_of);
    network_.index_ids();
    return std::move(network_);
}

/// The table a sheet's or a file's name stands for ("Members " -> members), or nullptr.
const TableSchema* table_named(std::string_view name) {
    const std::string key = lower(trim(name));
    for (const TableSchema* schema : k_tables) {
        if (schema->table == key) return schema;
    }
    return nullptr;
}

const std::string k_table_list =
    "members, organisations, events, attendance, groups, group_members, affiliations, ties, sectors";

/// Reads the table `schema` from the workbook `path` of a network folder: the sheet named like
/// the table, else the first sheet.
void read_table_workbook(const std::filesystem::path& path, const TableSchema& schema, NetworkBuilder& builder,
                         Diagnostics& diagnostics) {
    const std::size_t errors_before = diagnostics.error_count();
    const std::vector<Sheet> sheets = read_workbook(path, diagnostics);
    if (sheets.empty()) {
        if (diagnostics.error_count() == errors_before) {
            diagnostics.error(path.string(), 0, "the workbook holds no worksheet");
        }
        return;
    }
    const Sheet* sheet = &sheets.front();
    for (const Sheet& candidate : sheets) {
        if (table_named(candidate.name) == &schema) {
            sheet = &candidate;
            break;
        }
    }
    if (sheets.size() > 1 && table_named(sheet->name) != &schema) {
        diagnostics.warning_in_sheet(path.string(), sheet->name, 0, {},
                                     "the workbook has " + std::to_string(sheets.size()) +
                                         " sheets and none is named " + in_quotes(schema.table) +
                                         ": this first one is read, the others are ignored");
    }
    RowReporter reporter(diagnostics, path.string(), sheet->name);
    read_sheet_table(*sheet, schema, reporter, [&](const TableRow& row) { builder.read_row(schema, reporter, row); });
}

void NetworkBuilder::report_unordered_dates() {
    std::vector<const std::pair<const std::string, UnorderedDates>*> files;
    for (const auto& entry : unordered_dates_) files.push_back(&entry);
    std::sort(files.begin(), files.end(),
              [](const auto* a, const auto* b) { return a->second.order < b->second.order; });
    for (const auto* entry : files) {
        const UnorderedDates& dates = entry->second;
        const NumericDate& n = dates.first.numeric;
        const bool day_first = is_valid_date(n.year, n.second, n.first);
        const bool month_first = is_valid_date(n.year, n.first, n.second);
        std::string message =
            "date " + in_quotes(dates.first.text) + " in column " + dates.first.column + " is not YYYY-MM-DD; ";
        const auto iso = [&](unsigned month, unsigned day) { return format_day(days_from_civil(n.year, month, day)); };
        if (day_first && month_first) {
            message += "if it means " + spell_date(n.year, n.second, n.first) + " give --date-order dmy, if " +
                       spell_date(n.year, n.first, n.second) + " --date-order mdy (or write " + iso(n.second, n.first) +
                       ")";
        } else if (day_first) {
            message += "it looks day-first (" + spell_date(n.year, n.second, n.first) +
                       "): give --date-order dmy (or write " + iso(n.second, n.first) + ")";
        } else {
            message += "it looks month-first (" + spell_date(n.year, n.first, n.second) +
                       "): give --date-order mdy (or write " + iso(n.first, n.second) + ")";
        }
        if (dates.more > 0) {
            message += "; " + std::to_string(dates.more) + (dates.more == 1 ? " more date" : " more dates") +
                       " in this file " + (dates.more == 1 ? "is" : "are") + " written this way";
        }
        if (day_first && month_first) {
            if (!dates.day_first_only.empty() && dates.month_first_only.empty()) {
                message += "; the file's dates look day-first (" + dates.day_first_only + ")";
            } else if (!dates.month_first_only.empty() && dates.day_first_only.empty()) {
                message += "; the file's dates look month-first (" + dates.month_first_only + ")";
            }
        }
        Diagnostic diagnostic = dates.first.place;
        diagnostic.message = std::move(message);
        diagnostics_.add(std::move(diagnostic));
        diagnostics_.count_summarised_errors(dates.more);
    }
}

void NetworkBuilder::check_sector_aliases() {
    std::set<std::string, std::less<>> used_keys;  // the sectors members and organisations write
    for (const auto& [label, places] : sector_label_places_) used_keys.insert(sector_key(label));
    std::map<std::string, const AliasRow*, std::less<>> first_by_alias;
    std::set<std::string, std::less<>> alias_keys;
    for (const auto& row : alias_rows_) {
        if (sector_key(row.alias) != sector_key(row.sector)) alias_keys.insert(sector_key(row.alias));
    }
    for (const auto& row : alias_rows_) {
        const auto report = [&](std::string_view column, std::string message) {
            Diagnostic diagnostic = column == "alias" ? row.alias_place : row.sector_place;
            diagnostic.message = std::move(message);
            diagnostics_.add(std::move(diagnostic));
        };
        const std::string alias = sector_key(row.alias);
        const std::string target = sector_key(row.sector);
        const bool to_unknown = is_unknown_sector_label(row.sector) || target == "unknown";
        if (!to_unknown && used_keys.count(target) == 0) {
            report("sector", "alias " + in_quotes(row.alias) + " maps to sector " + in_quotes(row.sector) +
                                 ", which no member or organisation is in; name a sector they use");
            continue;
        }
        if (!to_unknown && target != alias && alias_keys.count(target) > 0) {
            report("sector", "alias " + in_quotes(row.alias) + " maps to " + in_quotes(row.sector) +
                                 ", which is itself an alias; map it to the sector directly");
            continue;
        }
        const auto [found, inserted] = first_by_alias.try_emplace(alias, &row);
        if (!inserted) {
            if (sector_key(found->second->sector) != target) {
                report("alias", "alias " + in_quotes(row.alias) + " maps to " + in_quotes(row.sector) +
                                    " here but to " + in_quotes(found->second->sector) + " on " + found->second->where);
            }
            continue;
        }
        network_.sector_aliases.push_back({row.alias, row.sector});
    }
    // An alias that conflicts later must not stand: drop every alias reported as conflicting.
    std::erase_if(network_.sector_aliases, [&](const SectorAlias& kept) {
        const std::string alias = sector_key(kept.alias);
        return std::any_of(alias_rows_.begin(), alias_rows_.end(), [&](const AliasRow& row) {
            return sector_key(row.alias) == alias && sector_key(row.sector) != sector_key(kept.sector);
        });
    });
}

void NetworkBuilder::warn_about_sector_spellings(const std::function<std::string(const TableSchema&)>& file_of) {
    const auto spellings = sector_spellings(network_);
    const std::string members_file = file_of(k_members);
    // Spellings folded into one sector by case and spacing (not those a sectors.csv alias names).
    for (std::size_t s = 0; s < spellings.size(); ++s) {
        std::string list;
        std::size_t folded = 0;
        for (const auto& spelling : spellings[s]) {
            if (spelling.aliased) continue;
            ++folded;
            list += (list.empty() ? "" : ", ") + in_quotes(spelling.label) + " (" + std::to_string(spelling.uses) + ")";
        }
        if (folded < 2) continue;
        diagnostics_.warning(members_file, 0,
                             "sector spellings " + list + " are read as one sector, " + in_quotes(network_.sectors[s]) +
                                 " (its most used spelling)");
    }
    // Sector names a letter or two apart: name every row of the rarer one.
    std::vector<std::string> keys;
    std::vector<std::size_t> uses(spellings.size(), 0);
    for (std::size_t s = 0; s < spellings.size(); ++s) {
        keys.push_back(sector_key(network_.sectors[s]));
        for (const auto& spelling : spellings[s]) uses[s] += spelling.uses;
    }
    for (std::size_t a = 0; a < keys.size(); ++a) {
        for (std::size_t b = a + 1; b < keys.size(); ++b) {
            if (!sector_keys_look_alike(keys[a], keys[b])) continue;
            // sectors are sorted, so on equal use the later one is taken as the rarer
            const std::size_t rare = uses[b] <= uses[a] ? b : a;
            const std::size_t common = rare == b ? a : b;
            std::vector<const Place*> places;
            for (const auto& spelling : spellings[rare]) {
                const auto found = sector_label_places_.find(spelling.label);
                if (found == sector_label_places_.end()) continue;
                for (const auto& place : found->second) places.push_back(&place);
            }
            if (places.empty()) continue;
            std::stable_sort(places.begin(), places.end(), [&](const Place* x, const Place* y) {
                const bool x_members = x->file == members_file;
                const bool y_members = y->file == members_file;
                if (x_members != y_members) return x_members;
                return std::tie(x->file, x->line, x->at) < std::tie(y->file, y->line, y->at);
            });
            std::string where;
            std::string_view current_file;
            for (const Place* place : places) {
                if (place->file != current_file) {
                    where += (where.empty() ? "" : "; ") + std::filesystem::path(place->file).filename().string() + ":";
                    current_file = place->file;
                } else {
                    where += ", ";
                }
                where += place->at;
            }
            const bool json = !places.front()->diagnostic.pointer.empty();
            const std::string& rare_name = network_.sectors[rare];
            const std::string& common_name = network_.sectors[common];
            std::string message = "sector " + in_quotes(rare_name) + " (" + where + ") looks like " +
                                  in_quotes(common_name) + " (" + std::to_string(uses[common]) +
                                  (uses[common] == 1 ? " use" : " uses") + "); if they are one sector, add ";
            message += json ? "{\"alias\": " + in_quotes(rare_name) + ", \"sector\": " + in_quotes(common_name) +
                                  "} to the \"sectors\" array"
                            : "the row " + in_quotes(rare_name + "," + common_name) +
                                  (places.front()->diagnostic.sheet.empty() ? " to sectors.csv"
                                                                            : " to a sheet named sectors") +
                                  " (columns alias,sector)";
            Diagnostic diagnostic = places.front()->diagnostic;
            diagnostic.message = std::move(message);
            diagnostics_.add(std::move(diagnostic));
        }
    }
}

/// What `path` is when it is there but not a file bridgemap can read ("a folder", "a pipe
/// (FIFO)", ...), or "" when it is a regular file (links followed) or not there at all.
std::string not_a_file(const std::filesystem::path& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error) {
        if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory) return {};
        return "cannot be read (" + error.message() + ")";
    }
    switch (status.type()) {
        case std::filesystem::file_type::regular:
        case std::filesystem::file_type::not_found:
            return {};
        case std::filesystem::file_type::directory:
            return "is a folder, not a file";
        case std::filesystem::file_type::fifo:
            return "is a pipe (FIFO), not a file";
        case std::filesystem::file_type::character:
        case std::filesystem::file_type::block:
            return "is a device, not a file";
        case std::filesystem::file_type::socket:
            return "is a socket, not a file";
        default:
            return "is not a regular file";
    }
}

ReadResult read_folder(const std::filesystem::path& folder, const ReadOptions& options) {
    ReadResult result;
    NetworkBuilder builder(result.diagnostics, options);
    std::error_code error;
    const auto file_of_type = [&](const TableSchema& schema, const char* extension) {
        return folder / (std::string(schema.table) + extension);
    };
    const auto is_file = [&](const std::filesystem::path& path) {
        return std::filesystem::is_regular_file(path, error);
    };
    // Each table comes from TABLE.csv or, in its place, TABLE.xlsx (never both). A table's
    // name that is a folder, a pipe or a device is an error, never skipped in silence.
    std::map<const TableSchema*, std::filesystem::path> source;
    std::set<const TableSchema*> unreadable;
    for (const TableSchema* schema : k_tables) {
        const auto csv = file_of_type(*schema, ".csv");
        const auto xlsx = file_of_type(*schema, ".xlsx");
        for (const auto& path : {csv, xlsx}) {
            if (const std::string what = not_a_file(path); !what.empty()) {
                result.diagnostics.error(path.string(), 0,
                                         path.filename().string() + " " + what + "; the " + std::string(schema->table) +
                                             " table must be a file");
                unreadable.insert(schema);
            }
        }
        if (is_file(csv) && is_file(xlsx)) {
            result.diagnostics.error(xlsx.string(), 0,
                                     "both " + csv.filename().string() + " and " + xlsx.filename().string() +
                                         " are in the folder: remove one of them (" + csv.filename().string() +
                                         " is read)");
        }
        if (is_file(csv))
            source[schema] = csv;
        else if (is_file(xlsx))
            source[schema] = xlsx;
    }
    const auto path_of = [&](const TableSchema& schema) {
        const auto found = source.find(&schema);
        return found != source.end() ? found->second : file_of_type(schema, ".csv");
    };
    builder.set_present(source.count(&k_members) > 0, source.count(&k_organisations) > 0, source.count(&k_events) > 0,
                        source.count(&k_groups) > 0);

    // Problems are listed in the SPEC's table order, then by line.
    std::vector<std::string> file_order;
    for (const TableSchema* schema : {&k_members, &k_organisations, &k_events, &k_attendance, &k_groups,
                                      &k_group_members, &k_affiliations, &k_ties, &k_sectors}) {
        file_order.push_back(path_of(*schema).string());
    }
    if (!source.count(&k_members) && !unreadable.count(&k_members)) {
        result.diagnostics.error(path_of(k_members).string(), 0,
                                 "file not found: a network folder must hold members.csv or members.xlsx (id, name, "
                                 "sector, organisation)");
    }
    for (const TableSchema* schema : k_tables) {
        const auto found = source.find(schema);
        if (found == source.end()) continue;
        const std::filesystem::path& path = found->second;
        report_progress(options.progress, "reading " + path.filename().string(), 0, 0);
        if (path.extension() == ".xlsx") {
            read_table_workbook(path, *schema, builder, result.diagnostics);
            continue;
        }
        RowReporter reporter(result.diagnostics, path.string());
        const std::string text = io::read_file(path);
        read_csv_table(text, *schema, reporter, [&](const TableRow& row) { builder.read_row(*schema, reporter, row); });
    }
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        const std::string extension = entry.path().extension().string();
        if (extension != ".csv" && extension != ".xlsx") continue;
        if (name.starts_with("~$")) continue;  // the lock file of a workbook open in Excel
        if (name == "matches.csv") continue;   // bridgemap import's merges and near misses, beside its network
        const TableSchema* schema = table_named(entry.path().stem().string());
        if (schema == nullptr || name != std::string(schema->table) + extension) {
            result.diagnostics.warning(entry.path().string(), 0,
                                       "not one of bridgemap's tables (" + k_table_list + "); ignored");
        }
    }
    report_progress(options.progress, "checking the network", 0, 0);
    result.network = builder.finish([&](const TableSchema& schema) { return path_of(schema).string(); });
    result.diagnostics.sort(file_order);
    return result;
}

/// Reads a workbook holding one sheet per table, named as the tables (in any letter case).
ReadResult read_workbook_network(const std::filesystem::path& path, const ReadOptions& options) {
    ReadResult result;
    const std::string file = path.string();
    const std::vector<Sheet> sheets = read_workbook(path, result.diagnostics);
    if (sheets.empty() && result.diagnostics.has_errors()) return result;

    std::map<const TableSchema*, const Sheet*> sheet_of;
    for (const Sheet& sheet : sheets) {
        const TableSchema* schema = table_named(sheet.name);
        if (schema == nullptr) {
            result.diagnostics.warning_in_sheet(
                file, sheet.name, 0, {}, "the sheet is not one of bridgemap's tables (" + k_table_list + "); ignored");
        } else if (!sheet_of.emplace(schema, &sheet).second) {
            result.diagnostics.error_in_sheet(file, sheet.name, 0, {},
                                              "a second sheet for the table " + in_quotes(schema->table) +
                                                  " (the first is " + in_quotes(sheet_of[schema]->name) +
                                                  "); rename or remove one of them");
        }
    }
    NetworkBuilder builder(result.diagnostics, options);
    builder.set_present(sheet_of.count(&k_members) > 0, sheet_of.count(&k_organisations) > 0,
                        sheet_of.count(&k_events) > 0, sheet_of.count(&k_groups) > 0);
    if (!sheet_of.count(&k_members)) {
        result.diagnostics.error(file, 0,
                                 "the workbook has no sheet named \"members\" (id, name, sector, organisation); its "
                                 "sheets name the tables: " +
                                     k_table_list);
    }
    std::vector<std::string> file_order{file};
    for (const TableSchema* schema : {&k_members, &k_organisations, &k_events, &k_attendance, &k_groups,
                                      &k_group_members, &k_affiliations, &k_ties, &k_sectors}) {
        const auto found = sheet_of.find(schema);
        if (found != sheet_of.end()) file_order.push_back(file + "[" + found->second->name + "]");
    }
    for (const TableSchema* schema : k_tables) {
        const auto found = sheet_of.find(schema);
        if (found == sheet_of.end()) continue;
        RowReporter reporter(result.diagnostics, file, found->second->name);
        read_sheet_table(*found->second, *schema, reporter,
                         [&](const TableRow& row) { builder.read_row(*schema, reporter, row); });
    }
    result.network = builder.finish([&](const TableSchema&) { return file; });
    result.diagnostics.sort(file_order);
    return result;
}

/// Where the JSON parser is, for the checks the parse itself cannot make: keys given twice in
/// one object (the parser would keep the last silently), and numbers too large to keep as
/// written (above 2^53, where doubles skip whole numbers).
class JsonChecks {
public:
    JsonChecks(Diagnostics& diagnostics, const std::string& file) : diagnostics_(diagnostics), file_(file) {}

    bool operator()(int, nlohmann::ordered_json::parse_event_t event, nlohmann::ordered_json& parsed) {
        using Event = nlohmann::ordered_json::parse_event_t;
        switch (event) {
            case Event::object_start:
            case Event::array_start:
                frames_.push_back({event == Event::object_start, {}, {}, 0});
                break;
            case Event::key: {
                Frame& frame = frames_.back();
                frame.key = parsed.get<std::string>();
                if (!frame.keys.insert(frame.key).second) {
                    diagnostics_.error_at(file_, pointer(),
                                          "the key \"" + frame.key +
                                              "\" is given twice in one object; give it once (the JSON reader "
                                              "would keep only the last)");
                }
                break;
            }
            case Event::value:
                if (parsed.is_number_float() && std::abs(parsed.get<double>()) >= 9007199254740992.0 &&
                    std::floor(parsed.get<double>()) == parsed.get<double>()) {
                    diagnostics_.error_at(file_, pointer(),
                                          "the number " + parsed.dump() +
                                              " is too large to keep exactly (above 2^53, digits are lost); write it "
                                              "in quotes as text");
                }
                advance();
                break;
            case Event::object_end:
            case Event::array_end:
                frames_.pop_back();
                advance();
                break;
        }
        return true;
    }

private:
    struct Frame {
        bool object;
        std::set<std::string> keys;
        std::string key;
        std::size_t index;
    };
    /// The pointer of the value being read.
    [[nodiscard]] std::string pointer() const {
        std::string text;
        for (const Frame& frame : frames_) {
            text.push_back('/');
            text.append(frame.object ? json_pointer_token(frame.key) : std::to_string(frame.index));
        }
        return text;
    }
    void advance() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    }

    Diagnostics& diagnostics_;
    const std::string& file_;
    std::vector<Frame> frames_;
};

/// The 1-based line of byte `at` of `text`.
std::size_t line_of(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string json_message(const std::exception& exception) {
    std::string message = exception.what();
    const auto cut = message.find("] ");
    if (message.starts_with("[json.exception.") && cut != std::string::npos) message = message.substr(cut + 2);
    return message;
}

ReadResult read_json_file(const std::filesystem::path& path, const ReadOptions& options) {
    ReadResult result;
    const std::string file = path.string();
    const std::string text = io::read_file(path);
    nlohmann::ordered_json document;
    try {
        JsonChecks checks(result.diagnostics, file);
        document = nlohmann::ordered_json::parse(text, std::ref(checks));
    } catch (const nlohmann::json::parse_error& parse_error) {
        std::string message = json_message(parse_error);
        const auto cut = message.find(": ");  // "parse error at line 3, column 5: ..."
        if (message.starts_with("parse error") && cut != std::string::npos) message = message.substr(cut + 2);
        result.diagnostics.error(file, line_of(text, parse_error.byte == 0 ? 0 : parse_error.byte - 1),
                                 "not valid JSON: " + message);
        return result;
    } catch (const nlohmann::json::out_of_range& out_of_range) {
        // A number beyond what a double holds (1e400): nlohmann names it but not where it is.
        const std::string message = json_message(out_of_range);
        const auto open = message.find('\'');
        const auto close = message.rfind('\'');
        std::size_t line = 0;
        std::string number;
        if (open != std::string::npos && close > open) {
            number = message.substr(open + 1, close - open - 1);
            const auto at = text.find(number);
            if (at != std::string::npos) line = line_of(text, at);
        }
        result.diagnostics.error(file, line,
                                 number.empty() ? "not valid JSON: " + message
                                                : "the number " + number +
                                                      " is out of range (too large for any "
                                                      "computation); give a smaller one");
        return result;
    }
    if (result.diagnostics.has_errors()) return result;
    if (!document.is_object()) {
        result.diagnostics.error(file, 0,
                                 "the JSON file must hold one object with the keys members, organisations, ...");
        return result;
    }
    NetworkBuilder builder(result.diagnostics, options);
    builder.set_present(document.contains("members"), document.contains("organisations"), document.contains("events"),
                        document.contains("groups"));
    if (!document.contains("members")) {
        result.diagnostics.error(file, 0, "the JSON object has no \"members\" array");
    }
    std::set<std::string, std::less<>> known;
    JsonIdKinds ids;
    for (const TableSchema* schema : k_tables) {
        known.emplace(schema->table);
        if (!document.contains(std::string(schema->table))) continue;
        RowReporter reporter(result.diagnostics, file);
        read_json_table(
            &document, *schema, reporter, [&](const TableRow& row) { builder.read_row(*schema, reporter, row); }, ids);
    }
    for (const auto& [key, value] : document.items()) {
        if (!known.count(key)) {
            result.diagnostics.warning_at(file, "/" + json_pointer_token(key),
                                          "\"" + key + "\" is not one of bridgemap's tables; ignored");
        }
    }
    result.network = builder.finish([&](const TableSchema&) { return file; });
    return result;
}

}  // namespace

ReadResult read_network(const std::filesystem::path& path) {
    return read_network(path, ReadOptions{});
}

ReadResult read_network(const std::filesystem::path& path, const ReadOptions& options) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        if (::access(path.c_str(), R_OK | X_OK) != 0) {
            throw IoError("cannot read the folder " + path.string() + ": " + std::strerror(errno));
        }
        return read_folder(path, options);
    }
    if (const std::string what = not_a_file(path); !what.empty()) {
        throw IoError("cannot read " + path.string() + ": it " + what +
                      " (expected a network folder, a .json or a .xlsx file)");
    }
    if (!std::filesystem::is_regular_file(path, error)) {
        throw IoError("cannot read " + path.string() +
                      ": no such folder or file (expected a network folder, a .json or a .xlsx file)");
    }
    const std::string extension = lower(path.extension().string());
    if (extension == ".json") return read_json_file(path, options);
    if (extension == ".xlsx") return read_workbook_network(path, options);
    throw RequestError("cannot read " + path.string() + ": expected a network folder, a .json or a .xlsx file" +
                       (extension == ".csv" ? " (give the folder that holds the .csv files)"
                        : extension == ".xls" || extension == ".ods"
                            ? " (save the workbook as an Excel Workbook, .xlsx)"
                            : ""));
}

}  // namespace bridgemap::ingest
