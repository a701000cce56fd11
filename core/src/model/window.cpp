#include <bridgemap/error.hpp>
#include <bridgemap/model/window.hpp>

namespace bridgemap {
namespace {

std::optional<DateSpan> parse_bound(const std::string& text, const char* option) {
    if (text.empty()) return std::nullopt;
    DateProblem problem = DateProblem::none;
    auto span = parse_date(text, &problem);
    if (!span) {
        throw RequestError(std::string(option) + " \"" + text + "\" is " +
                           (problem == DateProblem::impossible ? "not a real date" : "not a date") +
                           ": expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return span;
}

/// Keeps the rows of every attribute column whose row index passes `keep`.
template <class Keep>
Attributes filter_rows(const Attributes& attributes, std::size_t rows, Keep keep) {
    Attributes kept;
    kept.names = attributes.names;
    kept.values.resize(attributes.values.size());
    for (std::size_t c = 0; c < attributes.values.size(); ++c) {
        for (std::size_t r = 0; r < rows && r < attributes.values[c].size(); ++r) {
            if (keep(r)) kept.values[c].push_back(attributes.values[c][r]);
        }
    }
    return kept;
}

}  // namespace

Window parse_window(const std::string& from, const std::string& until) {
    Window window{parse_bound(from, "--from"), parse_bound(until, "--until")};
    if (window.from && window.until && window.until->last < window.from->first) {
        throw RequestError("--until " + until + " is before --from " + from);
    }
    return window;
}

std::string describe_window(const Window& window) {
    if (window.is_open()) return "all dates";
    const DateSpan span = window.span();
    if (!window.from) return "until " + format_day(span.last);
    if (!window.until) return "from " + format_day(span.first);
    return format_day(span.first) + " to " + format_day(span.last);
}

Network apply_window(const Network& network, const Window& window) {
    if (window.is_open()) return network;
    const DateSpan span = window.span();
    Network kept = filter_network(
        network, {[&](EventIndex e) { return network.events[e].date && span.contains(*network.events[e].date); },
                  [&](const DateSpan& period) { return period.overlaps(span); },
                  [&](const ExplicitTie& tie) { return !tie.date || span.contains(*tie.date); }});
    kept.active = took_part(kept);
    return kept;
}

Network filter_network(const Network& network, const RowFilter& filter) {
    Network kept;
    kept.members = network.members;
    kept.organisations = network.organisations;
    kept.groups = network.groups;
    kept.sectors = network.sectors;
    kept.sector_aliases = network.sector_aliases;
    kept.roles = network.roles;
    kept.member_attributes = network.member_attributes;
    kept.organisation_attributes = network.organisation_attributes;
    kept.group_attributes = network.group_attributes;
    kept.active = network.active;

    std::vector<EventIndex> renumbered(network.events.size(), k_none);
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        if (!filter.keep_event(e)) continue;
        renumbered[e] = static_cast<EventIndex>(kept.events.size());
        kept.events.push_back(network.events[e]);
    }
    for (auto& event : kept.events) {
        if (event.parent != k_none) event.parent = renumbered[event.parent];
    }
    kept.event_attributes = filter_rows(network.event_attributes, network.events.size(),
                                        [&](std::size_t r) { return renumbered[r] != k_none; });

    std::vector<bool> attendance_kept(network.attendance.size());
    for (std::size_t i = 0; i < network.attendance.size(); ++i) {
        Attendance row = network.attendance[i];
        if (renumbered[row.event] == k_none) continue;
        attendance_kept[i] = true;
        row.event = renumbered[row.event];
        kept.attendance.push_back(row);
    }
    kept.attendance_attributes = filter_rows(network.attendance_attributes, network.attendance.size(),
                                             [&](std::size_t r) { return attendance_kept[r]; });

    /// Keeps the rows of `rows` that pass `keep`, with their attribute rows.
    const auto keep_rows = [](const auto& rows, const Attributes& attributes, auto& kept_rows,
                              Attributes& kept_attributes, const auto& keep) {
        std::vector<bool> kept_row(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (!keep(rows[i])) continue;
            kept_row[i] = true;
            kept_rows.push_back(rows[i]);
        }
        kept_attributes = filter_rows(attributes, rows.size(), [&](std::size_t r) { return kept_row[r]; });
    };
    const auto in_period = [&](const auto& row) { return filter.keep_period(row.period); };
    keep_rows(network.group_members, network.group_member_attributes, kept.group_members, kept.group_member_attributes,
              in_period);
    keep_rows(network.affiliations, network.affiliation_attributes, kept.affiliations, kept.affiliation_attributes,
              in_period);
    keep_rows(network.ties, network.tie_attributes, kept.ties, kept.tie_attributes, filter.keep_tie);
    kept.index_ids();
    return kept;
}

}  // namespace bridgemap
