#pragma once
// The ego map: one member's network by sector, for a conversation about who they could
// bridge to. The member sits in the middle; their contacts on a ring around them, grouped
// into one wedge per sector; with radius 2, their contacts' contacts on an outer ring,
// those in sectors the member has no contact in yet outlined.

#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <string>

namespace bridgemap::viz {

/// At most this many direct contacts are drawn: the strongest tie in each sector first, then
/// the strongest ties. Wedge headings give the full counts.
inline constexpr std::size_t k_ego_inner_limit = 80;

/// At most this many members are drawn on the outer ring of a radius-2 ego map: first those
/// in sectors the member has no direct contact in, then the largest by the size metric.
inline constexpr std::size_t k_ego_outer_limit = 150;

/// The scene of the ego map of `member` with `radius` 1 or 2 (hops in data.graph):
/// - the member in the middle, named; the members `radius` hops away or fewer around them,
///   coloured and shaped by sector, sized by data.sizes;
/// - with MapLayout::automatic, fixed positions: one wedge per sector (ordered by sector,
///   unknown last), direct contacts on the inner ring, two-step contacts on the outer ring,
///   each wedge labelled with its sector; with a force layout named in options.layout,
///   that layout instead and no wedge labels;
/// - lines: every tie of the member; ties between their contacts when there are at most
///   300 (else none, said in the caption); for each two-step contact its strongest tie to
///   a direct contact, dotted;
/// - a thick outline on two-step contacts in sectors the member has no direct contact in,
///   and a legend column of contacts per sector, naming the sectors without a direct one.
/// The steps are in viz/detail/ego_map.hpp. Time O(Σ degree within two hops). Throws
/// RequestError when radius is not 1 or 2, and bridgemap::Error for a member index out of
/// range or when `data` does not match the network. A member without ties gives a map of
/// the member alone.
MapScene ego_scene(const Network& network, const MapData& data, MemberIndex member, int radius,
                   const MapOptions& options);

/// The ego map rendered in `format`.
std::string render_ego_map(const Network& network, const MapData& data, MemberIndex member, int radius,
                           const MapOptions& options, MapFormat format);

}  // namespace bridgemap::viz
