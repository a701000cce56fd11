#pragma once
// Every map bridgemap draws, for callers that want one include. Each kind has a scene
// builder (what to draw, inspectable without Graphviz) and a render_* function that returns
// the bytes of a file in the chosen format. The member-by-member maps and the summary map
// draw a MapData (map_data.hpp: map_data() of an analysis computing map_families()):
//
//   whole_map.hpp    render_whole_network_map, render_network_map (whole or summary by size)
//   summary_map.hpp  render_summary_map (one node per sector or community)
//   event_map.hpp    render_event_map (the people at one gathering, ties before it)
//   ego_map.hpp      render_ego_map (one member's network by sector)
//   member_map.hpp   render_member_map (any set of members: a table, a group)
//
// Rendering runs Graphviz on the calling thread and is serialised, so any thread may call.

#include <bridgemap/viz/ego_map.hpp>
#include <bridgemap/viz/event_map.hpp>
#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/member_map.hpp>
#include <bridgemap/viz/scene.hpp>
#include <bridgemap/viz/summary_map.hpp>
#include <bridgemap/viz/whole_map.hpp>
