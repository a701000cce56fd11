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
    Network kept;
    kept.members = network.members;
    kept.organisations = network.organisations;
    kept.groups = network.groups;
    kept.sectors = network.sectors;
    kept.roles = network.roles;
    kept.member_attributes = network.member_attributes;
    kept.organisation_attributes = network.organisation_attributes;
    kept.group_attributes = network.group_attributes;

    std::vector<EventIndex> renumbered(network.events.size(), k_none);
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        const Event& event = network.events[e];
        if (event.date && span.contains(*event.date)) {
            renumbered[e] = static_cast<EventIndex>(kept.events.size());
            kept.events.push_back(event);
        }
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

    std::vector<bool> membership_kept(network.group_members.size());
    for (std::size_t i = 0; i < network.group_members.size(); ++i) {
        if (!network.group_members[i].period.overlaps(span)) continue;
        membership_kept[i] = true;
        kept.group_members.push_back(network.group_members[i]);
    }
    kept.group_member_attributes = filter_rows(network.group_member_attributes, network.group_members.size(),
                                               [&](std::size_t r) { return membership_kept[r]; });

    std::vector<bool> affiliation_kept(network.affiliations.size());
    for (std::size_t i = 0; i < network.affiliations.size(); ++i) {
        if (!network.affiliations[i].period.overlaps(span)) continue;
        affiliation_kept[i] = true;
        kept.affiliations.push_back(network.affiliations[i]);
    }
    kept.affiliation_attributes = filter_rows(network.affiliation_attributes, network.affiliations.size(),
                                              [&](std::size_t r) { return affiliation_kept[r]; });

    std::vector<bool> tie_kept(network.ties.size());
    for (std::size_t i = 0; i < network.ties.size(); ++i) {
        const ExplicitTie& tie = network.ties[i];
        if (tie.date && !span.contains(*tie.date)) continue;
        tie_kept[i] = true;
        kept.ties.push_back(tie);
    }
    kept.tie_attributes = filter_rows(network.tie_attributes, network.ties.size(),
                                      [&](std::size_t r) { return tie_kept[r]; });
    kept.index_ids();
    return kept;
}

}  // namespace bridgemap
