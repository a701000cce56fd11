#pragma once
// What a map draws from the analysis of a network: the ties, the members' sectors and
// communities, which ties are local bridges, the sector mixing and the sizes of the members,
// and nothing else, so that a map needs only the few metric families it shows
// (map_families()).

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/viz/map_options.hpp>

#include <cstdint>
#include <span>

namespace bridgemap::viz {

/// The input of the maps. It borrows everything but the sizes: what it points to must
/// outlive it and the scenes built from it.
struct MapData {
    /// The tie graph of the network (member and tie indices as in the network). The event
    /// map draws the ties before its event instead and does not read it.
    const TieGraph* graph = nullptr;
    const Sectors* sectors = nullptr;
    /// For colouring by community, weak bridges (the only tie between two communities) and
    /// the summary map by community; nullptr when not computed: weak bridges then ignore
    /// communities and members are coloured by sector.
    const Communities* communities = nullptr;
    /// TieStructure::local_bridge of *graph, by tie index, for weak bridges (whole-network,
    /// ego and member maps).
    std::span<const std::uint8_t> local_bridge;
    /// For the summary map by sector; nullptr when not computed.
    const SectorMixing* mixing = nullptr;
    /// The metric that sizes the members, and its values by member index (NaN: smallest).
    MemberMetric size_metric = MemberMetric::bridging;
    MemberScores sizes;
    /// Sizes by a path metric estimated from sampled sources (PathCentrality::exact false):
    /// the legend says so, so that a map never passes an estimate off as exact.
    bool sizes_estimated = false;
};

/// The map data of `analysis`, sized by `size_metric`: borrows analysis.graph, .sectors,
/// .communities (when computed), .tie_structure.local_bridge and .mixing (when computed), and
/// copies the metric's values. Throws bridgemap::Error when the analysis did not compute the
/// metric's family. O(members).
MapData map_data(const Analysis& analysis, MemberMetric size_metric);

/// What kind of member-by-member map is drawn, for map_families().
enum class MapKind { whole_network, ego, event, members };

/// The metric families a map of `kind` coloured by `colouring` and sized by `size_metric`
/// needs from analyse(): the family of the size metric; communities and tie structure for
/// the weak bridges of the whole-network, ego and member maps; communities for colouring by
/// community. Sector mixing is not included: only the summary map draws it.
MetricFamilies map_families(MapKind kind, MapColouring colouring, MemberMetric size_metric);

/// The cost n·(n + m) up to which a map sizes members by exact path metrics
/// (PathOptions::cost_limit): 1e9, every network of a few thousand members. Above it the
/// sizes are estimated from ⌊1e9 / (n + m)⌋ sampled sources, which take a few seconds (20,000
/// members and 744,000 ties: 1,308 sources) where the exact ones take a minute; a map is a
/// picture, and the map says its sizes are estimated.
inline constexpr std::uint64_t k_map_path_cost_limit = 1'000'000'000ULL;

}  // namespace bridgemap::viz
