#include <bridgemap/viz/event_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/viz/markup.hpp>

#include "member_drawing.hpp"

#include <algorithm>

namespace bridgemap::viz {
namespace {

/// 1 for `event` and every event whose parent chain leads to it.
std::vector<std::uint8_t> event_and_breakouts(const Network& network, EventIndex event) {
    const std::size_t count = network.events.size();
    std::vector<std::uint8_t> inside(count, 0);
    for (EventIndex e = 0; e < count; ++e) {
        // Parent chains are loop-free (the reader rejects loops); the step bound guards anyway.
        EventIndex at = e;
        for (std::size_t steps = 0; at != k_none && steps <= count; ++steps) {
            if (at == event) {
                inside[e] = 1;
                break;
            }
            at = network.events[at].parent;
        }
    }
    return inside;
}

void check_event(const Network& network, EventIndex event) {
    if (event >= network.events.size())
        throw Error("map: event index " + std::to_string(event) + " is not in the network");
}

}  // namespace

std::vector<MemberIndex> event_attendees(const Network& network, EventIndex event) {
    check_event(network, event);
    const std::vector<std::uint8_t> inside = event_and_breakouts(network, event);
    std::vector<MemberIndex> members;
    for (const Attendance& row : network.attendance) {
        if (inside[row.event]) members.push_back(row.member);
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    return members;
}

TieGraph ties_before_event(const Network& network, EventIndex event, const TieOptions& ties) {
    check_event(network, event);
    std::vector<std::uint8_t> drop = event_and_breakouts(network, event);
    const std::optional<DateSpan>& date = network.events[event].date;
    Network before = network;
    if (date) {
        const DayNumber start = date->first;
        for (EventIndex e = 0; e < network.events.size(); ++e) {
            if (network.events[e].date && network.events[e].date->first >= start) drop[e] = 1;
        }
        std::erase_if(before.ties, [&](const ExplicitTie& tie) { return tie.date && tie.date->first >= start; });
        std::erase_if(before.group_members, [&](const GroupMembership& row) {
            return row.period.first != k_open_start && row.period.first >= start;
        });
        std::erase_if(before.affiliations, [&](const Affiliation& row) {
            return row.period.first != k_open_start && row.period.first >= start;
        });
    }
    std::erase_if(before.attendance, [&](const Attendance& row) { return drop[row.event] != 0; });
    return project_ties(before, ties);
}

MapScene event_scene(const Network& network, const Analysis& analysis, EventIndex event, const MapOptions& options) {
    const std::vector<MemberIndex> attendees = event_attendees(network, event);
    const TieGraph before = ties_before_event(network, event, options.ties);
    const Event& details = network.events[event];
    const std::string name = one_line(details.display_name(), 70);
    const std::string when = details.date_text.empty() ? std::string() : " on " + details.date_text;

    detail::RoomText text;
    text.title = !options.title.empty() ? options.title : "Who is coming: " + name + when;
    text.reading.push_back(detail::with_thousands(attendees.size()) + " people at " + name +
                           (details.date_text.empty() ? std::string() : " (" + details.date_text + ")") +
                           ". Colour and shape give the sector; size their " +
                           detail::metric_in_words(options.size_metric) + ".");
    text.reading.push_back(
        "Lines are ties they had before this event. A thick outline marks someone with no tie yet to "
        "anyone of another sector in the room: the people to introduce.");
    text.caption.push_back(
        std::string("Ties before the event: the events, cells, organisations and recorded ties they shared") +
        (details.date ? " before " + details.date_text : std::string(" (this event and its breakouts left out)")) +
        ".");
    return detail::room_scene(network, analysis, before, {}, attendees, options, std::move(text));
}

std::string render_event_map(const Network& network, const Analysis& analysis, EventIndex event,
                             const MapOptions& options, MapFormat format) {
    return render_scene(event_scene(network, analysis, event, options), format);
}

}  // namespace bridgemap::viz
