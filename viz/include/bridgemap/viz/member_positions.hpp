#pragma once
// Where each member sits on the whole-network map, for files other programs draw (GEXF's
// viz:position): the map's own Graphviz layout up to k_summary_threshold members, a cheap
// deterministic layout by community above, where the map itself is a summary.

#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <string>
#include <vector>

namespace bridgemap::viz {

struct MemberPositions {
    std::vector<MapPoint> points;  ///< By member index, in points (1/72 inch), y upwards.
    std::string method;            ///< How they were found, in words, for the file's description.
};

/// The member positions of the whole-network map of `network` with `data` and `options`:
/// - up to k_summary_threshold members, the positions scene_positions() gives
///   whole_network_scene(), seeded by options.seed: those of `bridgemap map`. With
///   data.communities, each community is laid out alone (neato up to 300 members, sfdp
///   above) and the communities are placed as discs, so that the communities show as groups
///   (docs/maps.md gives the separation figures); without, one layout of everyone;
/// - above, "community discs": each community (data.communities; everyone in one when not
///   computed) a disc of area proportional to its members, the discs on a sunflower spiral
///   by decreasing size, members inside their disc on a sunflower spiral in member order;
///   isolates on an outer ring. O(members log members), no Graphviz.
/// Deterministic. An empty network gives no points.
MemberPositions member_positions(const Network& network, const MapData& data, const MapOptions& options);

}  // namespace bridgemap::viz
