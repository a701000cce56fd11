#pragma once
// A map of any set of members with the ties they already have with each other: a table at
// a gathering, a working group, the people a report is about. For callers that need a
// picture of "these people" with no Graphviz knowledge:
//
//     const bridgemap::viz::MapData data = bridgemap::viz::map_data(analysis, bridgemap::MemberMetric::bridging);
//     const std::string svg = bridgemap::viz::render_member_map(network, data, table_members, options,
//                                                               bridgemap::viz::MapFormat::svg);
//     bridgemap::io::write_file_atomically(path, svg);
//
// render_member_map() may be called from any thread: rendering is serialised internally.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <span>
#include <string>

namespace bridgemap::viz {

/// The scene of a map of `members` (member indices into `network`; repeats ignored):
/// - each member a node, fill and shape by sector (fill by community with
///   MapColouring::community), area growing with data.sizes over the members shown,
///   everyone named up to 60 members (else the options.labels largest, 30 by default);
/// - the ties of data.graph between them (all when there are at most
///   max(66, 3 × members), and 1,500; else each member's options.ties_per_member
///   strongest), weak bridges of the whole network highlighted;
/// - a thick black outline on each member of known sector who has no tie to anyone of
///   another known sector among the members shown ("not yet connected across sectors"),
///   and a legend column listing, per pair of sectors present, how many of the possible
///   pairs already know each other (the least connected first).
/// Title options.title, or "N members and their ties". Layout as options.layout; automatic
/// is neato up to 300 members, sfdp above. Time O(Σ degree of the members shown).
/// Throws bridgemap::Error for a member index out of range and when `data` does not match
/// the network. No members: a map with its legend only.
MapScene member_scene(const Network& network, const MapData& data, std::span<const MemberIndex> members,
                      const MapOptions& options);

/// The map of `members` rendered in `format`: render_scene(member_scene(...), format).
std::string render_member_map(const Network& network, const MapData& data, std::span<const MemberIndex> members,
                              const MapOptions& options, MapFormat format);

}  // namespace bridgemap::viz
