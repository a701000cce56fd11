#pragma once
// The summary map, for networks too large to read member by member: one node per sector
// (or per community), sized by its members, and lines between them showing how many ties
// they share against what random mixing would give, with the weak pairs marked.

#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <string>

namespace bridgemap::viz {

/// A pair of groups is weak when they share fewer than this share of the ties random
/// mixing would give them (observed / expected < 0.5).
inline constexpr double k_weak_pair_ratio = 0.5;

/// A pair is near chance when it has between 1 / k_near_chance and k_near_chance times the
/// ties random mixing would give. When every pair is, the summary map draws no lines (they
/// would all look the same) and says so in words.
inline constexpr double k_near_chance = 1.5;

/// Summary maps by community show at most this many communities, the largest.
inline constexpr std::size_t k_summary_communities = 15;

/// The scene of the summary map:
/// - by sector (options.colouring == sector): one node per sector with members, its area
///   growing with its members, labelled with its name, members and within-sector ratio;
///   one line per pair of sectors with an expected tie count above 0, its thickness the
///   ratio observed / expected from `mixing` (SPEC §3: expected K_a·K_b/(2m)), labelled
///   with the ties and ratio; weak pairs (ratio < k_weak_pair_ratio) black, thick and
///   dashed; no lines when every pair is near chance (k_near_chance), which the map says in
///   words. Members of unknown sector are counted in the caption, not drawn.
/// - by community: the same over the k_summary_communities largest communities of
///   `communities` (required), with observed and expected ties between communities
///   computed the same way (K_c sums the degrees of community c, m the ties).
/// Layout: up to 8 groups on a ring (fixed positions, so that no line passes behind a third
/// group), neato seeded with options.seed above; the steps are in viz/detail/summary_map.hpp.
/// Time O(members + ties + groups²). A network without ties gives
/// nodes and no lines. Throws bridgemap::Error when colouring by community without
/// communities, or when the inputs do not match the network.
MapScene summary_scene(const Network& network, const TieGraph& graph, const Sectors& sectors,
                       const SectorMixing& mixing, const Communities* communities, const MapOptions& options);

/// The summary map by sector (options.colouring is ignored) from the network's `mixing`
/// alone, as summary_scene() draws it by sector: for a mixing counted without a tie graph
/// (projected_sector_mixing). Time O(sectors²). Throws bridgemap::Error when the inputs do
/// not match the network.
MapScene sector_summary_scene(const Network& network, const Sectors& sectors, const SectorMixing& mixing,
                              const MapOptions& options);

/// The summary map of map data: summary_scene() of data.graph, data.sectors, data.mixing
/// and data.communities, rendered. Throws bridgemap::Error when the graph, the sectors or
/// the mixing is missing, and as summary_scene().
std::string render_summary_map(const Network& network, const MapData& data, const MapOptions& options,
                               MapFormat format);

/// The summary map's scene computing only what it needs: by sector, member_sectors and
/// projected_sector_mixing with options.ties (no tie graph is kept, so 100,000 members take
/// seconds and little memory); by community, project_ties with options.ties and
/// leiden_communities seeded by options.seed. No path metrics either way.
MapScene network_summary_scene(const Network& network, const MapOptions& options);

/// network_summary_scene() with the network-level sector mixing it was drawn from (every
/// tie counted in `mixing.ties`, the E-I index and its baseline), so that a caller stating
/// the network's figures does not project the ties a second time.
struct NetworkSummaryMap {
    MapScene scene;
    SectorMixing mixing;
};
NetworkSummaryMap network_summary_map(const Network& network, const MapOptions& options);

/// render_scene(network_summary_scene(network, options), format).
std::string render_summary_map(const Network& network, const MapOptions& options, MapFormat format);

}  // namespace bridgemap::viz
