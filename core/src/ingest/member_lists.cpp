#include <bridgemap/ingest/member_lists.hpp>
#include <bridgemap/io/text.hpp>

#include "ingest/table_rows.hpp"

#include <bridgemap/ingest/csv_reader.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/model/lookup.hpp>

#include <algorithm>
#include <functional>
#include <map>

namespace bridgemap::ingest {
namespace {

using io::in_quotes;

/// The member `text` names, by id or name (look_up_member); else k_none, and an error at
/// `path`:`line` saying so, with the closest ids and names.
MemberIndex member_named(const Network& network, std::string_view text, const std::string& path, std::size_t line,
                         Diagnostics& diagnostics) {
    const Lookup found = look_up_member(network, text);
    if (found.index == k_none) {
        diagnostics.error(path, line, "unknown member " + in_quotes(text) + lookup_hint(network, found, false));
    }
    return found.index;
}

/// Reads `path` and hands each CSV record to `on_record`; invalid UTF-8 (then nothing is
/// parsed) and the CSV reader's problems become diagnostics on `path`.
void read_records(const std::string& path, Diagnostics& diagnostics,
                  const std::function<void(const CsvRecord&)>& on_record) {
    const std::string text = io::read_file(path);
    if (const auto bad = io::find_invalid_utf8(text)) {
        const auto line = 1 + static_cast<std::size_t>(
                                  std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
        diagnostics.error(path, line, "not valid UTF-8");
        return;
    }
    const char delimiter = detect_delimiter(text);
    if (delimiter != ',') diagnostics.warning(path, 0, delimiter_note(delimiter));
    std::vector<CsvProblem> problems;
    parse_csv(text, on_record, problems, delimiter);
    for (const auto& problem : problems) {
        if (problem.is_error)
            diagnostics.error(path, problem.line, problem.message);
        else
            diagnostics.warning(path, problem.line, problem.message);
    }
}

}  // namespace

std::vector<MemberRow> read_member_rows(const std::string& path, const Network& network, bool whole_rows,
                                        Diagnostics& diagnostics) {
    std::vector<MemberRow> rows;
    bool first = true;
    read_records(path, diagnostics, [&](const CsvRecord& record) {
        const bool is_first = first;
        first = false;
        if (record.fields.empty()) return;
        if (is_first) {
            const std::string head = lower(trim(record.fields.front()));
            const bool header = head == "member_id" || head == "member" || head == "members" || head == "id";
            if (header && network.find_member(trim(record.fields.front())) == k_none) return;
        }
        MemberRow row;
        row.line = record.line;
        const std::size_t count = whole_rows ? record.fields.size() : 1;
        for (std::size_t f = 0; f < count; ++f) {
            const std::string_view id = trim(record.fields[f]);
            if (id.empty()) continue;
            const MemberIndex member = member_named(network, id, path, record.line, diagnostics);
            if (member == k_none) continue;
            row.members.push_back(member);
        }
        if (!row.members.empty()) rows.push_back(std::move(row));
    });
    return rows;
}

std::vector<MemberIndex> read_member_list(const std::string& path, const Network& network, Diagnostics& diagnostics) {
    std::vector<MemberIndex> members;
    std::map<MemberIndex, std::size_t> first_line;
    for (const auto& row : read_member_rows(path, network, false, diagnostics)) {
        const MemberIndex member = row.members.front();
        const auto [at, inserted] = first_line.emplace(member, row.line);
        if (inserted) {
            members.push_back(member);
        } else {
            diagnostics.warning(path, row.line,
                                in_quotes(network.members[member].id) + " is listed again (first on line " +
                                    std::to_string(at->second) + "); seated once");
        }
    }
    return members;
}

std::vector<std::vector<MemberIndex>> read_member_groups(const std::string& path, const Network& network,
                                                         bool whole_rows, const std::vector<bool>& kept,
                                                         Diagnostics& diagnostics) {
    std::vector<std::vector<MemberIndex>> groups;
    for (auto& row : read_member_rows(path, network, whole_rows, diagnostics)) {
        std::erase_if(row.members, [&](MemberIndex member) {
            if (kept[member]) return false;
            diagnostics.warning(path, row.line,
                                in_quotes(network.members[member].id) + " is not among the people to seat; left out");
            return true;
        });
        groups.push_back(std::move(row.members));
    }
    return groups;
}

std::vector<std::pair<MemberIndex, MemberIndex>> read_member_pairs(const std::string& path, const Network& network,
                                                                   Diagnostics& diagnostics) {
    std::vector<std::pair<MemberIndex, MemberIndex>> pairs;
    bool first = true;
    std::size_t column_a = 0;
    std::size_t column_b = 1;
    read_records(path, diagnostics, [&](const CsvRecord& record) {
        const auto& fields = record.fields;
        if (first) {
            first = false;
            for (std::size_t f = 0; f < fields.size(); ++f) {
                const std::string name = lower(trim(fields[f]));
                if (name == "member_a" || name == "source") column_a = f;
                if (name == "member_b" || name == "target") column_b = f;
            }
            const bool named =
                column_a != 0 || column_b != 1 ||
                (fields.size() >= 2 && (lower(trim(fields[0])) == "member_a" || lower(trim(fields[0])) == "source"));
            const auto is_member = [&](std::size_t f) {
                return f < fields.size() && look_up_member(network, trim(fields[f])).index != k_none;
            };
            if (named || (!is_member(0) && !is_member(1))) return;
        }
        if (fields.size() == 1 && trim(fields[0]).empty()) return;
        if (std::max(column_a, column_b) >= fields.size()) {
            diagnostics.error(path, record.line, "expected two member ids on this row");
            return;
        }
        const std::string_view id_a = trim(fields[column_a]);
        const std::string_view id_b = trim(fields[column_b]);
        const MemberIndex a = member_named(network, id_a, path, record.line, diagnostics);
        const MemberIndex b = member_named(network, id_b, path, record.line, diagnostics);
        if (a == k_none || b == k_none) return;
        if (a == b) {
            diagnostics.warning(path, record.line, "the same member twice; ignored");
            return;
        }
        pairs.emplace_back(a, b);
    });
    return pairs;
}

}  // namespace bridgemap::ingest
