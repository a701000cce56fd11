#pragma once
// Private to bridgemap::viz: what the member-by-member maps (whole network, event, ego, any
// set of members) share: members as nodes coloured and shaped by sector (or community) and
// sized by a metric, ties as lines, weak bridges highlighted, the legend and the caption.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>
#include <bridgemap/viz/tie_selection.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace bridgemap::viz::detail {

inline constexpr std::size_t k_no_node = static_cast<std::size_t>(-1);

/// Weak bridges are black, thick and dashed: black is not a sector colour.
inline constexpr const char* k_weak_bridge_colour = "#000000";
inline constexpr double k_weak_bridge_width = 3.0;
inline constexpr const char* k_cross_sector_colour = "#4D4D4D";

struct MemberLayer {
    const Network* network = nullptr;
    const Sectors* sectors = nullptr;
    const TieGraph* graph = nullptr;  ///< The ties drawn between the members.
    /// The network's whole tie graph, for who has one tie only; nullptr: `graph`.
    const TieGraph* network_graph = nullptr;
    std::span<const MemberIndex> members;  ///< Shown, in this order.
    std::span<const double> size_scores;   ///< By member index (NaN: smallest).
    std::string size_metric;
    const Communities* communities = nullptr;  ///< For MapColouring::community.
    MapColouring colouring = MapColouring::sector;
    std::span<const std::uint8_t> weak;  ///< By tie of `graph`; empty for none.
    double min_size = 0.12;              ///< Inches.
    double max_size = 0.6;
    double font_size = 12.0;
    std::size_t labels = 30;  ///< Members named, the largest first.
    std::size_t per_member = 3;
    /// Every tie is drawn when there are at most this many; else each member's strongest.
    std::size_t draw_all_up_to = 1500;
};

struct DrawnMembers {
    std::vector<std::size_t> node_of;  ///< By member index: the node, or k_no_node.
    DrawnTies ties;
    std::size_t labelled = 0;
    /// Members drawn with a dotted outline: one tie only (when weak bridges are marked).
    std::size_t one_tie = 0;
};

/// Weak bridges' maps mark members with exactly one tie by a dotted outline this thick.
inline constexpr double k_one_tie_outline = 1.6;

/// Adds the members as nodes and the selected ties as lines to `scene`.
DrawnMembers add_members(MapScene& scene, const MemberLayer& layer);

/// The legend column of the sectors (or communities) of the members shown, with counts.
LegendColumn colour_legend(const MemberLayer& layer);

/// The legend column of the lines: within a sector, across sectors, weak bridges.
LegendColumn line_legend(const MemberLayer& layer, const DrawnMembers& drawn);

/// Caption lines naming the data, the window, the weights and the minimum weight.
std::vector<std::string> data_caption(const MapOptions& options);

/// Caption line saying which ties were drawn ("All 120 ties ..." or "Each member's 3
/// strongest ties and every weak bridge: 3,120 of 133,740 ties"); `with_weak_bridges` when
/// weak bridges were marked and drawn whatever their strength.
std::string ties_caption(const DrawnTies& ties, bool with_weak_bridges);

/// Draw every tie between `shown` members when there are at most this many: sparse maps
/// (three ties a member) and small rooms (up to 12 people, 66 pairs).
std::size_t draw_all_limit(std::size_t shown);

/// Caption line defining a weak bridge.
std::string weak_bridge_caption();

/// The number of members labelled by default for `shown` members.
std::size_t default_labels(std::size_t shown);

/// The words for a metric in a sentence: bridging → "bridging (their share of the
/// shortest paths between members of different sectors)"; the metric's name for those
/// without a description.
std::string metric_in_words(MemberMetric metric);

/// Throws bridgemap::Error unless `data` has sectors (and a tie graph, with `graph`) for
/// each member of `network`, and sizes of the metric for each.
void check_map_data(const Network& network, const MapData& data, bool graph);

/// The member's sector name, or "unknown sector".
std::string sector_words(const Sectors& sectors, MemberIndex member);

/// The automatic title's data part: the folder or file name, or "the network".
std::string data_title(const MapOptions& options);

/// What a room map (member_scene, event_scene) says in words.
struct RoomText {
    std::string title;
    std::vector<std::string> reading;
    std::vector<std::string> caption;  ///< After the data caption: where the ties come from.
};

/// A map of `members` with the ties of `ties` between them (weak: by tie of `ties`, or
/// empty), marking the members not yet tied to anyone of another sector among them, with
/// a legend column of the sector pairs present and how many of their pairs are tied.
MapScene room_scene(const Network& network, const MapData& data, const TieGraph& ties,
                    std::span<const std::uint8_t> weak, std::span<const MemberIndex> members, const MapOptions& options,
                    RoomText text);

/// The layer of `members` drawn with the ties of `graph`, as `options` asks: sizes by
/// data.sizes, colours by options.colouring, options.labels names (else default_labels),
/// options.ties_per_member ties each above draw_all_limit. The caller sets the mark and
/// font sizes. `data`, `members` and `weak` must outlive the layer.
MemberLayer member_layer(const Network& network, const MapData& data, const TieGraph& graph,
                         std::span<const MemberIndex> members, std::span<const std::uint8_t> weak,
                         const MapOptions& options);

/// The weak bridges of data.graph (weak_bridges() with data's local bridges and, when
/// present, communities).
std::vector<std::uint8_t> weak_bridges_of(const MapData& data);

/// The Graphviz engine for options.layout; automatic: neato up to 300 members, sfdp above.
SceneLayout scene_layout(MapLayout layout, std::size_t members);

}  // namespace bridgemap::viz::detail
