#pragma once
// Private to bridgemap::viz and its tests: the steps of ego_scene() (ego_map.hpp), each a
// function of the ones before: who is on which ring, the lines between them, who is named,
// the wedges and the positions on them, the wedge headings, the words.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>
#include <bridgemap/viz/detail/scene_text.hpp>
#include <bridgemap/viz/map_options.hpp>
#include <bridgemap/viz/scene.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace bridgemap::viz::detail {

/// Ties between direct contacts are drawn when there are at most this many.
inline constexpr std::size_t k_max_contact_ties = 300;

/// Where a member is on an ego map.
enum class EgoRing : std::uint8_t {
    none,          ///< Not on the map.
    ego,           ///< The member in the middle.
    direct,        ///< A direct contact, drawn on the inner ring.
    two_steps,     ///< A contact of a contact, drawn on the outer ring.
    direct_hidden  ///< A direct contact beyond k_ego_inner_limit, not drawn.
};

/// A member's wedge: their sector's index, or sectors.count() for an unknown sector (last).
std::size_t wedge_of(const Sectors& sectors, MemberIndex member);

struct EgoRings {
    std::vector<EgoRing> ring;       ///< By member index.
    std::vector<MemberIndex> inner;  ///< The direct contacts drawn, ascending.
    std::vector<MemberIndex> outer;  ///< The contacts of contacts drawn, ascending.
    std::size_t inner_all = 0;       ///< Every direct contact.
    std::size_t outer_all = 0;       ///< Every contact of a contact (radius 2).
    /// By wedge (sectors.count() + 1 of them): every direct contact, every contact of a
    /// contact, and those drawn.
    std::vector<std::size_t> inner_total;
    std::vector<std::size_t> outer_total;
    std::vector<std::size_t> inner_count;
    std::vector<std::size_t> outer_count;
    std::vector<std::uint8_t> direct_sector;  ///< By wedge: 1 when the ego has a direct contact in it.
    /// Members of a known sector in which the ego has no direct contact.
    [[nodiscard]] bool in_new_sector(const Sectors& sectors, MemberIndex member) const {
        return sectors.known(member) && !direct_sector[sectors.of_member[member]];
    }
};

/// The direct contacts drawn when the ego has more than `limit`: the strongest tie in each
/// wedge first (wedges in order of their strongest tie), then the strongest ties; ties of
/// equal weight in neighbour order. Ascending member indices. O(degree · log degree).
std::vector<MemberIndex> strongest_contacts(const TieGraph& graph, const Sectors& sectors, MemberIndex ego,
                                            std::size_t limit);

/// Who is on which ring of the ego map of `ego` with `radius` 1 or 2: every direct contact
/// (at most k_ego_inner_limit drawn, strongest_contacts()); with radius 2, every member two
/// hops away through any direct contact, at most k_ego_outer_limit drawn: those in sectors
/// without a direct contact first, then the largest by `sizes` (NaN smallest), then by
/// index. O(Σ degree within two hops).
EgoRings ego_rings(const TieGraph& graph, const Sectors& sectors, std::span<const double> sizes, MemberIndex ego,
                   int radius);

struct EgoLines {
    /// Every tie of the ego; the ties between drawn direct contacts when there are at most
    /// k_max_contact_ties; each drawn contact of a contact's strongest tie to a drawn direct
    /// contact (the first among equals). Ties as in the graph (ends and weight).
    std::vector<Tie> ties;
    std::size_t contact_ties = 0;    ///< Ties between drawn direct contacts.
    bool contact_ties_drawn = true;  ///< contact_ties ≤ k_max_contact_ties.
};

/// The lines of the ego map. O(Σ degree of the members drawn).
EgoLines ego_lines(const TieGraph& graph, const EgoRings& rings, MemberIndex ego);

/// `flags` (one per tie of `graph`, say its weak bridges) for the ties of `drawn`, a graph
/// of some of graph's ties (the lines of an ego map, TieGraph::from_ties(n, lines.ties)).
/// Throws bridgemap::Error when `flags` does not match `graph`. O(drawn ties · log degree).
std::vector<std::uint8_t> flags_of_drawn_ties(const TieGraph& graph, const TieGraph& drawn,
                                              std::span<const std::uint8_t> flags);

/// The members named: the ego; the direct contacts drawn, the `labels` largest by `sizes`
/// (0: all up to 60, else 30); the 30 largest contacts of contacts in new sectors. In that
/// order, the largest first in each part (ties in member order).
std::vector<MemberIndex> ego_labels(const EgoRings& rings, const Sectors& sectors, std::span<const double> sizes,
                                    MemberIndex ego, std::size_t labels);

/// The wedges of the fixed layout: one per wedge with members drawn, in wedge order, each
/// taking the share of the circle its members need on the more crowded of its rings.
struct EgoWedges {
    std::vector<double> share;      ///< By wedge: its fraction of the circle (0: no wedge).
    std::vector<double> start;      ///< By wedge: where it starts, radians clockwise from the top.
    std::vector<std::size_t> rows;  ///< By wedge: rows of its part of the outer ring.
    std::size_t inner_rows = 1;     ///< 2 when more than 40 direct contacts are drawn.
    std::size_t outer_rows = 1;     ///< The most rows of any wedge.
    double inner_radius = 0.0;      ///< Inches.
    double outer_radius = 0.0;
    double label_radius = 0.0;  ///< Where the wedge headings sit.
};

/// The wedges for `inner_count` direct and `outer_count` two-step contacts drawn per wedge.
/// A wedge needs 0.95 inches of arc per direct contact (over inner_rows rows) and 0.55 per
/// contact of a contact (over two rows); the inner radius is that total over 2π, at least
/// 2.2 inches; the outer ring is 2.6 inches further out (plus 0.8 for a second inner row);
/// each wedge's outer part takes as many rows, 0.6 inches apart, as its arc needs; the
/// headings sit 1.4 inches beyond the outermost row.
EgoWedges ego_wedges(std::span<const std::size_t> inner_count, std::span<const std::size_t> outer_count);

/// The point at `radius` inches, `fraction` of the way through `wedge` (clockwise).
MapPoint wedge_point(const EgoWedges& wedges, std::size_t wedge, double radius, double fraction);

/// The positions of the members of one ring, given each one's wedge in drawing order: the
/// k-th member of a wedge on the inner ring at row k mod inner_rows, at (k + ½) / count of
/// its wedge; on the outer ring in columns of `rows` members, column ⌊k / rows⌋ of
/// ⌈count / rows⌉, row k mod rows.
std::vector<MapPoint> ring_points(const EgoWedges& wedges, std::span<const std::size_t> wedge_of_member, bool outer);

/// One text node per wedge drawn, at label_radius in the wedge's middle: the sector's name,
/// the direct contacts ("12 direct", "(8 drawn)" when fewer are) and, with radius 2, the
/// contacts of contacts ("40 at two steps").
std::vector<MapNode> wedge_headings(const EgoWedges& wedges, const EgoRings& rings, const Sectors& sectors, int radius);

/// The title, reading, caption and one legend column of the ego map, the sectors without a
/// direct contact (the colour and line legends come from the members drawn).
SceneText ego_text(const Network& network, const Sectors& sectors, const EgoRings& rings, const EgoLines& lines,
                   MemberIndex ego, int radius, MemberMetric size_metric, const MapOptions& options);

}  // namespace bridgemap::viz::detail
