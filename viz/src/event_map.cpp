#include <bridgemap/viz/event_map.hpp>

#include <bridgemap/io/text.hpp>
#include <bridgemap/model/history.hpp>
#include <bridgemap/viz/markup.hpp>

#include "member_drawing.hpp"

namespace bridgemap::viz {

MapScene event_scene(const Network& network, const MapData& data, EventIndex event, const MapOptions& options) {
    const std::vector<MemberIndex> attendees = event_attendees(network, event);
    const TieGraph before = project_ties(network_before_event(network, event), options.ties);
    const Event& details = network.events[event];
    const std::string name = one_line(details.display_name(), 70);
    const std::string when = details.date_text.empty() ? std::string() : " on " + details.date_text;

    detail::RoomText text;
    text.title = !options.title.empty() ? options.title : "Who is coming: " + name + when;
    text.reading.push_back(io::with_thousands(attendees.size()) + " people at " + name +
                           (details.date_text.empty() ? std::string() : " (" + details.date_text + ")") +
                           ". Colour and shape give the sector; size their " +
                           detail::metric_in_words(data.size_metric) + ".");
    text.reading.push_back(
        "Lines are ties they had before this event. A thick outline marks someone with no tie yet to "
        "anyone of another sector in the room: the people to introduce.");
    // network_before_event's rule in words: dated records count when they end before the
    // event's first day, undated ones always, the event's own occasion never.
    const std::string occasion = details.parent != k_none ? "this event, its breakouts and the events it is part of"
                                                          : "this event and its breakouts";
    text.caption.push_back(
        std::string("Ties before the event: the events, cells, organisations and recorded ties they shared") +
        (details.date ? " before " + details.date_text + " or undated" : std::string()) + " (" + occasion +
        " left out).");
    return detail::room_scene(network, data, before, {}, attendees, options, std::move(text));
}

std::string render_event_map(const Network& network, const MapData& data, EventIndex event, const MapOptions& options,
                             MapFormat format) {
    return render_scene(event_scene(network, data, event, options), format);
}

}  // namespace bridgemap::viz
