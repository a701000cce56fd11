#pragma once
// The event map, a convenor's briefing sheet: the people coming to one gathering, the ties
// they already have with each other, and who in the room is not yet connected across
// sectors.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <string>
#include <vector>

namespace bridgemap::viz {

/// The members at `event` or at any of its breakouts (events whose parent chain leads to
/// it), by member index, ascending.
std::vector<MemberIndex> event_attendees(const Network& network, EventIndex event);

/// The ties as they were before `event`: the network without the attendance at the event,
/// its breakouts and every event dated on or after its first day, without ties.csv rows
/// dated from that day, and without memberships and affiliations starting from it; then
/// projected with `ties`. An undated event removes only itself and its breakouts.
/// Time: one projection (project_ties).
TieGraph ties_before_event(const Network& network, EventIndex event, const TieOptions& ties);

/// The scene of the event map: member_scene() of event_attendees() with the ties of
/// ties_before_event() (so that sitting in the same room does not count as knowing each
/// other yet), sized by options.size_metric from the whole network's `analysis`, titled
/// with the event's name and date. Throws RequestError for an unknown size metric and
/// bridgemap::Error for an event index out of range. An event nobody attends gives a map
/// with its legend only.
MapScene event_scene(const Network& network, const Analysis& analysis, EventIndex event, const MapOptions& options);

/// The event map rendered in `format`.
std::string render_event_map(const Network& network, const Analysis& analysis, EventIndex event,
                             const MapOptions& options, MapFormat format);

}  // namespace bridgemap::viz
