#include <bridgemap/viz/ego_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/viz/detail/ego_map.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/palette.hpp>
#include <bridgemap/viz/tie_selection.hpp>

#include "member_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace bridgemap::viz {
namespace detail {
namespace {

constexpr double k_inner_spacing = 0.95;  ///< Inches of arc per direct contact.
constexpr double k_outer_spacing = 0.55;  ///< Inches of arc per two-step contact.
constexpr double k_outer_row_gap = 0.6;
constexpr double k_inner_row_gap = 0.8;
constexpr double k_ring_gap = 2.6;  ///< Inches from the inner ring to the outer one.
/// More direct contacts than this are staggered over two radii.
constexpr std::size_t k_inner_stagger_above = 40;
constexpr double k_tau = 2.0 * std::numbers::pi;

/// The score that orders members by size, NaN smallest.
double score(std::span<const double> sizes, MemberIndex m) {
    return is_defined(sizes[m]) ? sizes[m] : -1e300;
}

/// `members` ordered by decreasing score, ties in their order.
std::vector<MemberIndex> largest_first(std::vector<MemberIndex> members, std::span<const double> sizes) {
    std::stable_sort(members.begin(), members.end(),
                     [&](MemberIndex a, MemberIndex b) { return score(sizes, a) > score(sizes, b); });
    return members;
}

LegendItem text_item(std::string text) {
    return {LegendItem::Kind::text, std::move(text), "", NodeShape::circle, LineStyle::solid, false, false};
}

}  // namespace

std::size_t wedge_of(const Sectors& sectors, MemberIndex member) {
    return sectors.known(member) ? sectors.of_member[member] : sectors.count();
}

std::vector<MemberIndex> strongest_contacts(const TieGraph& graph, const Sectors& sectors, MemberIndex ego,
                                            std::size_t limit) {
    const auto weights = graph.weights(ego);
    const auto neighbours = graph.neighbours(ego);
    std::vector<std::size_t> order(neighbours.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
    std::vector<std::uint8_t> wedge_taken(sectors.count() + 1, 0);
    std::vector<std::uint8_t> taken(neighbours.size(), 0);
    std::vector<MemberIndex> kept;
    for (const std::size_t k : order) {
        const std::size_t s = wedge_of(sectors, neighbours[k]);
        if (!wedge_taken[s]) wedge_taken[s] = 1, taken[k] = 1, kept.push_back(neighbours[k]);
    }
    for (const std::size_t k : order) {
        if (kept.size() >= limit) break;
        if (!taken[k]) taken[k] = 1, kept.push_back(neighbours[k]);
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

EgoRings ego_rings(const TieGraph& graph, const Sectors& sectors, std::span<const double> sizes, MemberIndex ego,
                   int radius) {
    const std::size_t wedges = sectors.count() + 1;
    EgoRings rings;
    rings.ring.assign(graph.member_count(), EgoRing::none);
    rings.inner_total.assign(wedges, 0);
    rings.outer_total.assign(wedges, 0);
    rings.inner_count.assign(wedges, 0);
    rings.outer_count.assign(wedges, 0);
    rings.direct_sector.assign(wedges, 0);
    rings.ring[ego] = EgoRing::ego;
    const auto direct = graph.neighbours(ego);
    for (const MemberIndex m : direct) {
        rings.ring[m] = EgoRing::direct;
        rings.direct_sector[wedge_of(sectors, m)] = 1;
        ++rings.inner_total[wedge_of(sectors, m)];
    }
    // Contacts of contacts through any direct contact, drawn or not.
    std::vector<MemberIndex> outer;
    if (radius == 2) {
        for (const MemberIndex m : direct) {
            for (const MemberIndex other : graph.neighbours(m)) {
                if (rings.ring[other] != EgoRing::none) continue;
                rings.ring[other] = EgoRing::two_steps;
                outer.push_back(other);
                ++rings.outer_total[wedge_of(sectors, other)];
            }
        }
    }
    rings.inner_all = direct.size();
    rings.outer_all = outer.size();
    if (direct.size() > k_ego_inner_limit) {
        rings.inner = strongest_contacts(graph, sectors, ego, k_ego_inner_limit);
        for (const MemberIndex m : direct) rings.ring[m] = EgoRing::direct_hidden;
        for (const MemberIndex m : rings.inner) rings.ring[m] = EgoRing::direct;
    } else {
        rings.inner.assign(direct.begin(), direct.end());
    }
    const auto new_sector = [&](MemberIndex m) { return rings.in_new_sector(sectors, m); };
    std::sort(outer.begin(), outer.end(), [&](MemberIndex a, MemberIndex b) {
        if (new_sector(a) != new_sector(b)) return new_sector(a);
        if (score(sizes, a) != score(sizes, b)) return score(sizes, a) > score(sizes, b);
        return a < b;
    });
    if (outer.size() > k_ego_outer_limit) {
        for (std::size_t k = k_ego_outer_limit; k < outer.size(); ++k) rings.ring[outer[k]] = EgoRing::none;
        outer.resize(k_ego_outer_limit);
    }
    std::sort(outer.begin(), outer.end());
    rings.outer = std::move(outer);
    for (const MemberIndex m : rings.inner) ++rings.inner_count[wedge_of(sectors, m)];
    for (const MemberIndex m : rings.outer) ++rings.outer_count[wedge_of(sectors, m)];
    return rings;
}

EgoLines ego_lines(const TieGraph& graph, const EgoRings& rings, MemberIndex ego) {
    EgoLines lines;
    for (const TieIndex t : graph.tie_indices(ego)) lines.ties.push_back(graph.tie(t));
    std::vector<Tie> among;
    for (const MemberIndex m : rings.inner) {
        const auto neighbours = graph.neighbours(m);
        const auto indices = graph.tie_indices(m);
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            if (neighbours[k] > m && rings.ring[neighbours[k]] == EgoRing::direct)
                among.push_back(graph.tie(indices[k]));
        }
    }
    lines.contact_ties = among.size();
    lines.contact_ties_drawn = among.size() <= k_max_contact_ties;
    if (lines.contact_ties_drawn) lines.ties.insert(lines.ties.end(), among.begin(), among.end());
    for (const MemberIndex m : rings.outer) {
        const auto neighbours = graph.neighbours(m);
        const auto weights = graph.weights(m);
        const auto indices = graph.tie_indices(m);
        std::size_t best = neighbours.size();
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            if (rings.ring[neighbours[k]] == EgoRing::direct &&
                (best == neighbours.size() || weights[k] > weights[best]))
                best = k;
        }
        if (best < neighbours.size()) lines.ties.push_back(graph.tie(indices[best]));
    }
    return lines;
}

std::vector<std::uint8_t> flags_of_drawn_ties(const TieGraph& graph, const TieGraph& drawn,
                                              std::span<const std::uint8_t> flags) {
    if (flags.size() != graph.tie_count()) throw Error("map: the tie flags do not match the tie graph");
    std::vector<std::uint8_t> drawn_flags(drawn.tie_count(), 0);
    for (TieIndex t = 0; t < drawn.tie_count(); ++t) {
        const Tie& tie = drawn.tie(t);
        drawn_flags[t] = flags[graph.find_tie(tie.source, tie.target)];
    }
    return drawn_flags;
}

std::vector<MemberIndex> ego_labels(const EgoRings& rings, const Sectors& sectors, std::span<const double> sizes,
                                    MemberIndex ego, std::size_t labels) {
    std::vector<MemberIndex> named = {ego};
    const std::vector<MemberIndex> inner = largest_first(rings.inner, sizes);
    const std::size_t inner_labels = labels != 0 ? labels : (inner.size() <= 60 ? inner.size() : 30);
    named.insert(named.end(), inner.begin(),
                 inner.begin() + static_cast<std::ptrdiff_t>(std::min(inner_labels, inner.size())));
    std::vector<MemberIndex> new_contacts;
    for (const MemberIndex m : rings.outer) {
        if (rings.in_new_sector(sectors, m)) new_contacts.push_back(m);
    }
    new_contacts = largest_first(std::move(new_contacts), sizes);
    named.insert(named.end(), new_contacts.begin(),
                 new_contacts.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(30, new_contacts.size())));
    return named;
}

EgoWedges ego_wedges(std::span<const std::size_t> inner_count, std::span<const std::size_t> outer_count) {
    const std::size_t wedges = inner_count.size();
    EgoWedges result;
    const std::size_t inner = std::accumulate(inner_count.begin(), inner_count.end(), std::size_t{0});
    const std::size_t outer = std::accumulate(outer_count.begin(), outer_count.end(), std::size_t{0});
    // A crowded inner ring is staggered over two radii, so that neighbours on it stay apart
    // while the ring stays small enough to print with a readable legend.
    result.inner_rows = inner > k_inner_stagger_above ? 2 : 1;
    // A wedge's angle is what its members need on the more crowded of its two rings (the
    // outer ring may take two rows), so that no wedge forces the rings wide.
    result.share.assign(wedges, 0.0);
    double total = 0.0;
    for (std::size_t s = 0; s < wedges; ++s) {
        result.share[s] =
            std::max(static_cast<double>(inner_count[s]) * k_inner_spacing / static_cast<double>(result.inner_rows),
                     static_cast<double>(outer_count[s]) * k_outer_spacing / 2.0);
        total += result.share[s];
    }
    result.inner_radius = std::max(2.2, total / k_tau);
    result.outer_radius =
        result.inner_radius + static_cast<double>(result.inner_rows - 1) * k_inner_row_gap + k_ring_gap;
    result.rows.assign(wedges, 1);
    for (std::size_t s = 0; s < wedges; ++s) {
        if (result.share[s] == 0.0) continue;
        result.share[s] /= total;
        const double arc = result.share[s] * k_tau * result.outer_radius;
        result.rows[s] = std::max<std::size_t>(
            1, static_cast<std::size_t>(std::ceil(static_cast<double>(outer_count[s]) * k_outer_spacing / arc)));
        result.outer_rows = std::max(result.outer_rows, result.rows[s]);
    }
    result.start.assign(wedges, 0.0);
    double angle = 0.0;
    for (std::size_t s = 0; s < wedges; ++s) result.start[s] = angle, angle += result.share[s] * k_tau;
    result.label_radius =
        (outer == 0 ? result.inner_radius + static_cast<double>(result.inner_rows - 1) * k_inner_row_gap
                    : result.outer_radius + static_cast<double>(result.outer_rows - 1) * k_outer_row_gap) +
        1.4;
    return result;
}

MapPoint wedge_point(const EgoWedges& wedges, std::size_t wedge, double radius, double fraction) {
    // Clockwise from the top.
    const double a = std::numbers::pi / 2 - (wedges.start[wedge] + fraction * wedges.share[wedge] * k_tau);
    return MapPoint{radius * std::cos(a), radius * std::sin(a)};
}

std::vector<MapPoint> ring_points(const EgoWedges& wedges, std::span<const std::size_t> wedge_of_member, bool outer) {
    std::vector<std::size_t> count(wedges.share.size(), 0);
    for (const std::size_t s : wedge_of_member) ++count[s];
    std::vector<std::size_t> placed(wedges.share.size(), 0);
    std::vector<MapPoint> points;
    points.reserve(wedge_of_member.size());
    for (const std::size_t s : wedge_of_member) {
        const std::size_t k = placed[s]++;
        if (!outer) {
            points.push_back(wedge_point(
                wedges, s, wedges.inner_radius + static_cast<double>(k % wedges.inner_rows) * k_inner_row_gap,
                (static_cast<double>(k) + 0.5) / static_cast<double>(count[s])));
            continue;
        }
        const std::size_t rows = wedges.rows[s];
        const std::size_t columns = (count[s] + rows - 1) / rows;
        const std::size_t column = k / rows;
        points.push_back(wedge_point(wedges, s, wedges.outer_radius + static_cast<double>(k % rows) * k_outer_row_gap,
                                     (static_cast<double>(column) + 0.5) / static_cast<double>(columns)));
    }
    return points;
}

std::vector<MapNode> wedge_headings(const EgoWedges& wedges, const EgoRings& rings, const Sectors& sectors,
                                    int radius) {
    const auto counted = [](std::size_t all, std::size_t drawn, const char* what) {
        std::string text = io::with_thousands(all) + " " + what;
        if (drawn < all) text += " (" + io::with_thousands(drawn) + " drawn)";
        return text;
    };
    std::vector<MapNode> headings;
    for (std::size_t s = 0; s < wedges.share.size(); ++s) {
        if (wedges.share[s] == 0.0) continue;
        MapNode heading;
        heading.key = "wedge-" + std::to_string(s + 1);
        heading.shape = NodeShape::text;
        heading.label_inside = true;
        heading.font_size = 16;
        heading.size = 0.1;
        heading.label =
            (s < sectors.count() ? one_line(sectors.names[s], 30) : std::string("sector not known")) + "\n" +
            counted(rings.inner_total[s], rings.inner_count[s], "direct") +
            (radius == 2 ? "\n" + counted(rings.outer_total[s], rings.outer_count[s], "at two steps") : std::string());
        heading.css_class = "wedge";
        heading.position = wedge_point(wedges, s, wedges.label_radius, 0.5);
        headings.push_back(std::move(heading));
    }
    return headings;
}

SceneText ego_text(const Network& network, const Sectors& sectors, const EgoRings& rings, const EgoLines& lines,
                   MemberIndex ego, int radius, MemberMetric size_metric, const MapOptions& options) {
    SceneText text;
    const std::string who = one_line(network.members[ego].display_name(), 50);
    text.title = !options.title.empty() ? options.title : who + "'s network by sector";
    text.reading.push_back(
        who + " (" + sector_words(sectors, ego) + ") is in the middle; " + io::with_thousands(rings.inner_all) +
        (rings.inner_all == 1 ? " direct contact" : " direct contacts") + " on the inner ring" +
        (radius == 2 ? ", " + io::with_thousands(rings.outer_all) +
                           (rings.outer_all == 1 ? " contact of a contact outside" : " contacts of contacts outside")
                     : std::string()) +
        ", grouped by sector.");
    text.reading.push_back(radius == 2 ? "A thick outline marks someone reachable through a contact in a sector " +
                                             who + " has no direct contact in yet: an introduction to ask for."
                                       : "Size shows " + metric_in_words(size_metric) + ".");
    LegendColumn gaps;
    gaps.heading = "Sectors without a direct contact";
    for (SectorIndex s = 0; s < sectors.count(); ++s) {
        if (rings.direct_sector[s] || sectors.of_member[ego] == s) continue;
        gaps.items.push_back(text_item(
            one_line(sectors.names[s], 30) +
            (radius == 2 ? ": " + std::to_string(rings.outer_count[s]) + " reachable at two steps" : std::string())));
    }
    if (gaps.items.empty()) gaps.items.push_back(text_item(who + " has a direct contact in every other sector."));
    text.legend.push_back(std::move(gaps));

    text.caption = data_caption(options);
    std::string drawn_rule = "Lines: every tie of " + who;
    drawn_rule += lines.contact_ties_drawn ? ", the ties between direct contacts"
                                           : " (the " + io::with_thousands(lines.contact_ties) +
                                                 " ties between direct contacts are too many to draw)";
    if (radius == 2) drawn_rule += ", and each outer contact's strongest tie to a direct contact";
    text.caption.push_back(drawn_rule + ".");
    if (rings.inner_all > rings.inner.size()) {
        text.caption.push_back("Inner ring: " + io::with_thousands(rings.inner.size()) + " of " +
                               io::with_thousands(rings.inner_all) +
                               " direct contacts, the strongest tie in each sector first, then the strongest ties.");
    }
    text.caption.push_back(weak_bridge_caption());
    if (rings.outer_all > rings.outer.size()) {
        text.caption.push_back("Outer ring: " + io::with_thousands(rings.outer.size()) + " of " +
                               io::with_thousands(rings.outer_all) +
                               " contacts of contacts, those in new sectors first, then the largest by " +
                               member_metric_name(size_metric) + ".");
    }
    return text;
}

}  // namespace detail

namespace {

/// The ego in the middle (large, outlined), the thick outlines of contacts of contacts in
/// sectors without a direct contact, and the dotted lines out to the outer ring (weak
/// bridges keep their style). Returns how many were outlined.
std::size_t mark_rings(MapScene& scene, const detail::DrawnMembers& drawn, const detail::EgoRings& rings,
                       const Sectors& sectors, MemberIndex ego) {
    MapNode& centre = scene.nodes[drawn.node_of[ego]];
    centre.size = 0.9;
    centre.outline = "#000000";
    centre.outline_width = 3;
    centre.font_size = 18;
    centre.css_class += " ego";
    std::size_t outlined = 0;
    for (const MemberIndex m : rings.outer) {
        if (!rings.in_new_sector(sectors, m)) continue;
        ++outlined;
        MapNode& node = scene.nodes[drawn.node_of[m]];
        node.outline = "#000000";
        node.outline_width = 3;
        node.size = std::max(node.size, 0.4);  // a thick outline on a tiny mark would hide its colour
        node.css_class += " new-sector";
    }
    const std::size_t first_outer = 1 + rings.inner.size();  // nodes: the ego, the inner ring, the outer ring
    for (auto& edge : scene.edges) {
        if (edge.css_class.find("weak-bridge") != std::string::npos) continue;
        if (edge.from >= first_outer || edge.to >= first_outer) {
            edge.style = LineStyle::dotted;
            edge.width = 0.8;
            edge.colour = with_opacity("#4D4D4D", 0.35);
            edge.css_class += " two-step";
        }
    }
    return outlined;
}

/// Fixed positions: the ego in the middle, the rings on one wedge per sector present (in
/// sector order, unknown last), and the wedge headings.
void place_on_wedges(MapScene& scene, const detail::DrawnMembers& drawn, const detail::EgoRings& rings,
                     const Sectors& sectors, MemberIndex ego, int radius) {
    scene.layout = SceneLayout::fixed;
    const detail::EgoWedges wedges = detail::ego_wedges(rings.inner_count, rings.outer_count);
    scene.nodes[drawn.node_of[ego]].position = MapPoint{0.0, 0.0};
    for (const bool outer : {false, true}) {
        const std::vector<MemberIndex>& ring = outer ? rings.outer : rings.inner;
        std::vector<std::size_t> wedge_of_member;
        wedge_of_member.reserve(ring.size());
        for (const MemberIndex m : ring) wedge_of_member.push_back(detail::wedge_of(sectors, m));
        const std::vector<MapPoint> points = detail::ring_points(wedges, wedge_of_member, outer);
        for (std::size_t k = 0; k < ring.size(); ++k) scene.nodes[drawn.node_of[ring[k]]].position = points[k];
    }
    for (auto& heading : detail::wedge_headings(wedges, rings, sectors, radius))
        scene.nodes.push_back(std::move(heading));
}

}  // namespace

MapScene ego_scene(const Network& network, const MapData& data, MemberIndex ego, int radius,
                   const MapOptions& options) {
    if (radius != 1 && radius != 2) throw RequestError("the radius of an ego map must be 1 or 2");
    const std::size_t n = network.members.size();
    if (ego >= n) throw Error("map: member index " + std::to_string(ego) + " is not in the network");
    detail::check_map_data(network, data, true);
    const TieGraph& graph = *data.graph;
    const Sectors& sectors = *data.sectors;

    const detail::EgoRings rings = detail::ego_rings(graph, sectors, data.sizes, ego, radius);
    const detail::EgoLines lines = detail::ego_lines(graph, rings, ego);
    const TieGraph drawn_graph = TieGraph::from_ties(n, lines.ties);
    const std::vector<std::uint8_t> weak =
        detail::flags_of_drawn_ties(graph, drawn_graph, detail::weak_bridges_of(data));

    std::vector<MemberIndex> shown;
    shown.push_back(ego);
    shown.insert(shown.end(), rings.inner.begin(), rings.inner.end());
    shown.insert(shown.end(), rings.outer.begin(), rings.outer.end());
    detail::MemberLayer layer = detail::member_layer(network, data, drawn_graph, shown, weak, options);
    layer.labels = 0;
    layer.min_size = 0.2;
    layer.max_size = 0.75;
    layer.font_size = 13;
    layer.draw_all_up_to = static_cast<std::size_t>(-1);
    MapScene scene;
    scene.seed = options.seed;
    const detail::DrawnMembers drawn = detail::add_members(scene, layer);

    for (const MemberIndex m : detail::ego_labels(rings, sectors, data.sizes, ego, options.labels)) {
        scene.nodes[drawn.node_of[m]].label = one_line(network.members[m].display_name(), 32);
    }
    const std::size_t reachable_new = mark_rings(scene, drawn, rings, sectors, ego);
    if (options.layout == MapLayout::automatic) {
        place_on_wedges(scene, drawn, rings, sectors, ego, radius);
    } else {
        scene.layout = options.layout == MapLayout::sfdp  ? SceneLayout::sfdp
                       : options.layout == MapLayout::fdp ? SceneLayout::fdp
                                                          : SceneLayout::neato;
    }

    detail::SceneText text = detail::ego_text(network, sectors, rings, lines, ego, radius, data.size_metric, options);
    if (data.sizes_estimated) {
        text.caption.push_back("Sizes: " + member_metric_name(data.size_metric) +
                               " in the whole network, estimated from a sample of members (bridgemap analyse gives "
                               "exact values).");
    }
    LegendColumn colours = detail::colour_legend(layer);
    LegendColumn line_column = detail::line_legend(layer, drawn);
    if (radius == 2) {
        colours.items.push_back({LegendItem::Kind::node,
                                 "thick outline: two steps away, in a sector with no direct contact (" +
                                     std::to_string(reachable_new) + ")",
                                 "#FFFFFF", NodeShape::circle, LineStyle::solid, true, false});
        line_column.items.insert(line_column.items.end() - 1,
                                 {LegendItem::Kind::line, "how a contact of a contact is reached", "#4D4D4D",
                                  NodeShape::circle, LineStyle::dotted, false, false});
    }
    text.legend.insert(text.legend.begin(), {std::move(colours), std::move(line_column)});
    detail::set_text(scene, std::move(text));
    return scene;
}

std::string render_ego_map(const Network& network, const MapData& data, MemberIndex member, int radius,
                           const MapOptions& options, MapFormat format) {
    return render_scene(ego_scene(network, data, member, radius, options), format);
}

}  // namespace bridgemap::viz
