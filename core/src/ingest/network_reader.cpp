#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/model/consent.hpp>

#include "ingest/fingerprint_set.hpp"
#include "ingest/table_rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <system_error>
#include <unordered_map>

namespace bridgemap::ingest {
namespace {

// The SPEC §1 tables, in the order they are read: a table is read after the tables it refers to.
const TableSchema k_organisations{"organisations", {"id", "name", "sector"}, 1};
const TableSchema k_members{"members", {"id", "name", "sector", "organisation"}, 1};
const TableSchema k_events{"events", {"id", "name", "date", "kind", "parent"}, 1};
const TableSchema k_groups{"groups", {"id", "name", "kind"}, 1};
const TableSchema k_attendance{"attendance", {"member_id", "event_id", "role"}, 2};
const TableSchema k_group_members{"group_members", {"member_id", "group_id", "from", "until"}, 2};
const TableSchema k_affiliations{"affiliations", {"member_id", "organisation_id", "from", "until", "note"}, 2};
const TableSchema k_ties{"ties", {"source", "target", "kind", "weight", "date"}, 2};
const std::vector<const TableSchema*> k_tables{&k_organisations, &k_members,       &k_events,       &k_groups,
                                               &k_attendance,    &k_group_members, &k_affiliations, &k_ties};

std::string in_quotes(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

/// Appends one row's extra columns to `attributes`, creating columns as new names appear.
void store_attributes(Attributes& attributes, std::size_t row_number, const TableRow& row) {
    for (std::size_t j = 0; j < row.extras.size(); ++j) {
        std::size_t column = 0;
        while (column < attributes.names.size() && attributes.names[column] != row.extra_names[j]) ++column;
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
    explicit NetworkBuilder(Diagnostics& diagnostics) : diagnostics_(diagnostics) { network_.roles.emplace_back(); }

    /// Says whether the optional tables a reference may point into were given at all.
    void set_present(bool organisations, bool events, bool groups) {
        organisations_given_ = organisations;
        events_given_ = events;
        groups_given_ = groups;
    }

    void read_row(const TableSchema& schema, RowReporter& reporter, const TableRow& row) {
        if (is_repeat(schema, reporter, row)) return;
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
    }

    /// Resolves what needed every row first (event parents, sectors) and returns the network.
    /// `file_of` names the file a table came from, for diagnostics.
    Network finish(const std::function<std::string(const TableSchema&)>& file_of);

private:
    /// Identical rows are merged with a warning.
    bool is_repeat(const TableSchema& schema, RowReporter& reporter, const TableRow& row) {
        auto& table = repeats_[schema.table];
        const std::size_t where = table.places.size();
        const std::size_t first = table.set.insert(row.fingerprint_low, row.fingerprint_high, where);
        if (first == where) {
            table.places.push_back({row.line, std::string(row.pointer)});
            return false;
        }
        const auto& [line, pointer] = table.places[first];
        reporter.warning(row, {}, "repeats the row on " + RowReporter::place(line, pointer) + "; merged");
        return true;
    }

    /// Checks an id is non-empty and new in its table; returns false when it is not.
    bool check_id(RowReporter& reporter, const TableRow& row, std::string_view id, std::string_view noun,
                  std::unordered_map<std::string, std::string>& seen) {
        if (id.empty()) {
            reporter.error(row, "id", "empty " + std::string(noun) + " id");
            return false;
        }
        const auto [found, inserted] = seen.try_emplace(std::string(id), RowReporter::place(row));
        if (!inserted) {
            reporter.error(
                row, "id",
                "duplicate " + std::string(noun) + " id " + in_quotes(id) + " (first on " + found->second + ")");
            return false;
        }
        return true;
    }

    /// Parses an optional date column; reports a malformed or impossible one.
    bool parse_optional_date(RowReporter& reporter, const TableRow& row, std::string_view column, std::string_view text,
                             std::optional<DateSpan>& date) {
        date.reset();
        if (text.empty()) return true;
        DateProblem problem = DateProblem::none;
        date = parse_date(text, &problem);
        if (date) return true;
        if (problem == DateProblem::impossible) {
            reporter.error(row, column, "impossible date " + in_quotes(text) + " in column " + std::string(column));
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
        if (member == k_none) reporter.error(row, column, "unknown member " + in_quotes(id) + " (not in members)");
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
        note_sector_label(row.values[2]);
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
        note_sector_label(row.values[2]);
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
        parse_optional_date(reporter, row, "date", row.values[2], event.date);
        const auto index = static_cast<EventIndex>(network_.events.size());
        if (!row.values[4].empty()) {
            pending_parents_.push_back({index, std::string(row.values[4]), row.line, std::string(row.pointer)});
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
            const char* end = weight_text.data() + weight_text.size();
            const auto [stop, error] = std::from_chars(weight_text.data(), end, weight);
            if (error != std::errc() || stop != end || !std::isfinite(weight)) {
                reporter.error(row, "weight", "weight " + in_quotes(weight_text) + " is not a number");
                ok = false;
            } else if (weight < 0) {
                reporter.error(row, "weight",
                               "weight " + std::string(weight_text) + " is negative; weights are 0 or more");
                ok = false;
            }
        }
        std::optional<DateSpan> date;
        ok &= parse_optional_date(reporter, row, "date", row.values[4], date);
        if (!ok) return;
        store_attributes(network_.tie_attributes, network_.ties.size(), row);
        network_.ties.push_back({source, target, std::string(row.values[2]), weight, std::string(row.values[4]), date});
    }

    std::uint32_t intern_role(std::string_view role) {
        for (std::uint32_t i = 0; i < network_.roles.size(); ++i) {
            if (network_.roles[i] == role) return i;
        }
        network_.roles.emplace_back(role);
        return static_cast<std::uint32_t>(network_.roles.size() - 1);
    }

    void note_sector_label(std::string_view label) {
        if (!label.empty()) sector_labels_.emplace(label);
    }

    struct RepeatTable {
        FingerprintSet set;
        std::vector<std::pair<std::size_t, std::string>> places;
    };
    struct PendingParent {
        EventIndex event;
        std::string parent;
        std::size_t line;
        std::string pointer;
    };

    Diagnostics& diagnostics_;
    Network network_;
    bool organisations_given_ = false;
    bool events_given_ = false;
    bool groups_given_ = false;
    std::size_t implicit_organisations_ = 0;
    std::size_t implicit_events_ = 0;
    std::size_t implicit_groups_ = 0;
    std::map<std::string_view, RepeatTable> repeats_;
    std::unordered_map<std::string, std::string> member_lines_, organisation_lines_, event_lines_, group_lines_;
    IdIndex member_index_, organisation_index_, event_index_, group_index_;
    std::vector<PendingParent> pending_parents_;
    std::set<std::string, std::less<>> sector_labels_;
};

Network NetworkBuilder::finish(const std::function<std::string(const TableSchema&)>& file_of) {
    const std::string events_file = file_of(k_events);
    for (const auto& pending : pending_parents_) {
        const auto report = [&](std::string message) {
            if (pending.pointer.empty()) {
                diagnostics_.error(events_file, pending.line, std::move(message));
            } else {
                diagnostics_.error_at(events_file, pending.pointer + "/parent", std::move(message));
            }
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
                    const std::string message = "events' parents form a loop: " + chain;
                    if (pending.pointer.empty())
                        diagnostics_.error(events_file, pending.line, message);
                    else
                        diagnostics_.error_at(events_file, pending.pointer + "/parent", message);
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
    // Sector names that differ only in letter case are different sectors: say so.
    std::map<std::string, std::vector<std::string_view>> by_lower;
    for (const auto& label : sector_labels_) {
        std::string key(label);
        for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        by_lower[key].push_back(label);
    }
    for (const auto& [key, labels] : by_lower) {
        if (labels.size() < 2) continue;
        std::string list;
        for (const auto label : labels) list += (list.empty() ? "" : ", ") + in_quotes(label);
        diagnostics_.warning(file_of(k_members), 0,
                             "sectors " + list + " differ only in capitals and are counted apart");
    }

    pad_attributes(network_.member_attributes, network_.members.size());
    pad_attributes(network_.organisation_attributes, network_.organisations.size());
    pad_attributes(network_.event_attributes, network_.events.size());
    pad_attributes(network_.group_attributes, network_.groups.size());
    pad_attributes(network_.attendance_attributes, network_.attendance.size());
    pad_attributes(network_.group_member_attributes, network_.group_members.size());
    pad_attributes(network_.affiliation_attributes, network_.affiliations.size());
    pad_attributes(network_.tie_attributes, network_.ties.size());
    resolve_sectors(network_);
    network_.index_ids();
    return std::move(network_);
}

ReadResult read_folder(const std::filesystem::path& folder) {
    ReadResult result;
    NetworkBuilder builder(result.diagnostics);
    const auto path_of = [&](const TableSchema& schema) { return folder / (std::string(schema.table) + ".csv"); };
    std::error_code error;
    const auto exists = [&](const TableSchema& schema) {
        return std::filesystem::is_regular_file(path_of(schema), error);
    };
    builder.set_present(exists(k_organisations), exists(k_events), exists(k_groups));

    // Problems are listed in the SPEC's table order, then by line.
    std::vector<std::string> file_order;
    for (const TableSchema* schema : {&k_members, &k_organisations, &k_events, &k_attendance, &k_groups,
                                      &k_group_members, &k_affiliations, &k_ties}) {
        file_order.push_back(path_of(*schema).string());
    }
    if (!exists(k_members)) {
        result.diagnostics.error(
            path_of(k_members).string(), 0,
            "file not found: a network folder must hold members.csv (id, name, sector, organisation)");
    }
    std::set<std::string> known;
    for (const TableSchema* schema : k_tables) {
        known.insert(std::string(schema->table) + ".csv");
        if (!exists(*schema)) continue;
        const std::filesystem::path path = path_of(*schema);
        RowReporter reporter(result.diagnostics, path.string());
        const std::string text = io::read_file(path);
        read_csv_table(text, *schema, reporter, [&](const TableRow& row) { builder.read_row(*schema, reporter, row); });
    }
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".csv" && !known.count(name)) {
            result.diagnostics.warning(entry.path().string(), 0,
                                       "not one of bridgemap's tables (members, organisations, events, attendance, "
                                       "groups, group_members, affiliations, ties); ignored");
        }
    }
    result.network = builder.finish([&](const TableSchema& schema) { return path_of(schema).string(); });
    result.diagnostics.sort(file_order);
    return result;
}

ReadResult read_json_file(const std::filesystem::path& path) {
    ReadResult result;
    const std::string file = path.string();
    const std::string text = io::read_file(path);
    nlohmann::ordered_json document;
    try {
        document = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::parse_error& parse_error) {
        std::size_t line = 1;
        const std::size_t at = std::min<std::size_t>(parse_error.byte, text.size());
        for (std::size_t i = 0; i + 1 < at; ++i) line += text[i] == '\n' ? 1 : 0;
        std::string message = parse_error.what();
        const auto cut = message.find("]: ");  // drop nlohmann's "[json.exception.parse_error.101] " prefix
        if (cut != std::string::npos) message = message.substr(message.find(' ', cut) + 1);
        result.diagnostics.error(file, line, "not valid JSON: " + message);
        return result;
    }
    if (!document.is_object()) {
        result.diagnostics.error(file, 0,
                                 "the JSON file must hold one object with the keys members, organisations, ...");
        return result;
    }
    NetworkBuilder builder(result.diagnostics);
    builder.set_present(document.contains("organisations"), document.contains("events"), document.contains("groups"));
    if (!document.contains("members")) {
        result.diagnostics.error(file, 0, "the JSON object has no \"members\" array");
    }
    std::set<std::string, std::less<>> known;
    for (const TableSchema* schema : k_tables) {
        known.emplace(schema->table);
        if (!document.contains(std::string(schema->table))) continue;
        RowReporter reporter(result.diagnostics, file);
        read_json_table(&document, *schema, reporter,
                        [&](const TableRow& row) { builder.read_row(*schema, reporter, row); });
    }
    for (const auto& [key, value] : document.items()) {
        if (!known.count(key)) {
            result.diagnostics.warning_at(file, "/" + key, "\"" + key + "\" is not one of bridgemap's tables; ignored");
        }
    }
    result.network = builder.finish([&](const TableSchema&) { return file; });
    return result;
}

}  // namespace

ReadResult read_network(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) return read_folder(path);
    if (std::filesystem::is_regular_file(path, error)) return read_json_file(path);
    throw IoError("cannot read " + path.string() +
                  ": no such folder or file (expected a network folder or a .json file)");
}

}  // namespace bridgemap::ingest
