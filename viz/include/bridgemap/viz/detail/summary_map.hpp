#pragma once
// Private to bridgemap::viz and its tests: the steps of summary_scene() (summary_map.hpp),
// each a function of the one before: the groups and their pairs, the nodes, the ring, which
// pairs get a line, the lines, the words.

#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/viz/detail/scene_text.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace bridgemap::viz::detail {

/// Up to this many groups sit on a ring and every pair's line is drawn and labelled.
inline constexpr std::size_t k_ring_groups = 8;

/// One node of the summary: a sector or a community.
struct SummaryGroup {
    std::string name;  ///< One line, at most 30 characters for a sector; "community 3".
    std::string fill;  ///< The sector's or community's colour, "#RRGGBB".
    NodeShape shape = NodeShape::circle;
    std::size_t members = 0;
    std::uint64_t within_observed = 0;    ///< Ties within the group.
    double within_ratio = k_not_defined;  ///< Observed / expected within; NaN when none are expected.
};

/// Two groups and the ties between them.
struct SummaryPair {
    std::size_t a = 0;  ///< Group indices, a < b.
    std::size_t b = 0;
    std::uint64_t observed = 0;
    double expected = 0.0;         ///< K_a·K_b / (2m).
    double ratio = k_not_defined;  ///< observed / expected; NaN when expected is 0.
};

struct SummaryGroups {
    std::vector<SummaryGroup> groups;
    std::vector<SummaryPair> pairs;
    std::string left_out;  ///< The caption line on what is not drawn; empty when nothing is left out.
};

/// One group per sector (members of known sector, mixing.members), its within-sector ties
/// and ratio from the mixing's diagonal, and one pair per off-diagonal entry of
/// mixing.pairs, in its order. left_out counts the members of unknown sector. Throws
/// bridgemap::Error when a pair names a sector `sectors` does not have. O(sectors²).
SummaryGroups sector_groups(const Sectors& sectors, const SectorMixing& mixing);

/// One group per community of the k_summary_communities largest (community c is group
/// c − 1), its ties within and their expected count K_c² / (4m), and every pair of them with
/// K_a·K_b / (2m) expected, K_c summing the degrees of community c's members and m counting
/// the ties. left_out counts the smaller communities, their members and the members without
/// ties (in no community). O(members + ties + communities²).
SummaryGroups community_groups(const TieGraph& graph, const Communities& communities);

/// One node per group, in group order: its label (shape symbol for a sector, name, members,
/// the within ratio), a pastel fill with the group's colour as outline, and an area from
/// 1.8 inches across for an empty group to 3.2 for the largest:
/// size = 1.8 + 1.4·√(members / largest members).
std::vector<MapNode> group_nodes(std::span<const SummaryGroup> groups, bool by_community);

/// Fixed positions for `count` nodes at most `widest` inches across, on a ring clockwise
/// from the top (an even count on a slightly irregular one: the step is 0.92 of 2π/count),
/// with a radius that leaves 2.5 inches between neighbours. Empty unless 2 ≤ count ≤
/// k_ring_groups.
std::vector<MapPoint> ring_positions(std::size_t count, double widest);

/// Which pairs get a line.
struct PairSelection {
    std::vector<std::size_t> weakest;  ///< Pairs with a ratio (indices), the lowest ratio first.
    std::vector<std::uint8_t> drawn;   ///< By pair: 1 when its line is drawn.
    std::size_t drawn_count = 0;
    std::size_t weak_pairs = 0;  ///< Pairs under k_weak_pair_ratio, drawn or not.
    /// Every pair with a ratio is near chance (within k_near_chance either way): none drawn.
    bool near_chance = false;
    double lowest = 0.0;  ///< The lowest and highest ratio of the pairs with one.
    double highest = 0.0;
};

/// Every pair with a ratio when there are at most k_ring_groups groups; else the least
/// connected quarter of them (at least 8); none when every pair is near chance.
/// O(pairs · log pairs).
PairSelection select_pairs(std::span<const SummaryPair> pairs, std::size_t groups);

/// The lines of the drawn pairs, in pair order with the weak pairs (ratio under
/// k_weak_pair_ratio: black, dashed, at least 3 points) last, on top. Width 1 + 5·min(ratio,
/// 2) points; preferred length 2.5 + 2.5 / (min(ratio, 2) + 0.5) inches; labelled with the
/// ratio ("0.40×").
std::vector<MapEdge> pair_edges(std::span<const SummaryGroup> groups, std::span<const SummaryPair> pairs,
                                const PairSelection& selection);

/// The title, reading, legend (lines; least connected pairs) and caption of the summary map
/// of `members` members.
SceneText summary_text(const SummaryGroups& summary, const PairSelection& selection, bool by_community,
                       std::size_t members, const MapOptions& options);

}  // namespace bridgemap::viz::detail
