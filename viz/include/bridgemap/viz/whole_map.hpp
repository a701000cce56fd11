#pragma once
// The whole-network map: every member, coloured and shaped by sector (or coloured by
// community), sized by a chosen metric, the most important named; ties within and across
// sectors drawn differently, and weak bridges highlighted.

#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <string>

namespace bridgemap::viz {

/// The scene of the whole-network map of `network` (already seen through its window) and
/// its map `data` (map_data() of its analysis, with map_families(MapKind::whole_network, ...)):
/// - one node per member (isolates included): fill and shape by sector (fill by community
///   with MapColouring::community), area growing with data.sizes from the smallest to the
///   largest value, the options.labels largest named;
/// - lines: every tie when there are few (at most max(66, 3 × members), and 1,500), else
///   each member's options.ties_per_member strongest ties; plus every weak bridge
///   (weak_bridges() with data's local bridges and communities) in black, thick and dashed,
///   on top;
///   ties within a sector in the sector's colour, ties across sectors dark grey;
/// - a title, a sentence on how to read it, a legend of sectors (with member counts), lines
///   and sizes, and a caption with the data, window, weights, minimum weight and the rule
///   that chose the lines.
/// Layout: options.layout, automatic meaning neato up to 300 members and sfdp above.
/// Time O(members + Σ degree). Throws bridgemap::Error when `data` does not match the
/// network; an empty network gives a map with its legend only.
MapScene whole_network_scene(const Network& network, const MapData& data, const MapOptions& options);

/// The whole-network map rendered in `format` (render_scene(whole_network_scene(...))).
std::string render_whole_network_map(const Network& network, const MapData& data, const MapOptions& options,
                                     MapFormat format);

/// For callers that want "a map of the network" whatever its size (a report): the
/// whole-network map up to k_summary_threshold members, the summary map above (which needs
/// data.mixing, and data.communities by community).
std::string render_network_map(const Network& network, const MapData& data, const MapOptions& options,
                               MapFormat format);

}  // namespace bridgemap::viz
