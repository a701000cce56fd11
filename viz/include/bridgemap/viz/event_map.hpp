#pragma once
// The event map, a convenor's briefing sheet: the people coming to one gathering, the ties
// they already have with each other, and who in the room is not yet connected across
// sectors.

#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <string>
#include <vector>

namespace bridgemap::viz {

/// The scene of the event map: member_scene() of the people at the event and its breakouts
/// (event_attendees) with the ties they had before it, project_ties(network_before_event(
/// network, event), options.ties) — the one rule of model/history.hpp, so sitting in the
/// same room does not count as knowing each other yet and the pairs drawn as tied are the
/// pairs `seat` counts as tied. Sized by data.sizes (from the whole network's analysis;
/// data.graph and data.local_bridge are not read), titled with the event's name and date.
/// Throws RequestError for an event index out of range and bridgemap::Error when `data`
/// does not match the network. An event nobody attends gives a map with its legend only.
/// Time: one projection.
MapScene event_scene(const Network& network, const MapData& data, EventIndex event, const MapOptions& options);

/// The event map rendered in `format`.
std::string render_event_map(const Network& network, const MapData& data, EventIndex event, const MapOptions& options,
                             MapFormat format);

}  // namespace bridgemap::viz
