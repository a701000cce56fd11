#include <bridgemap/viz/ego_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/palette.hpp>
#include <bridgemap/viz/tie_selection.hpp>

#include "member_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace bridgemap::viz {
namespace {

constexpr std::size_t k_max_contact_ties = 300;
constexpr double k_inner_spacing = 0.95;  ///< Inches of arc per direct contact.
constexpr double k_outer_spacing = 0.55;  ///< Inches of arc per two-step contact.
constexpr double k_outer_row_gap = 0.6;
constexpr double k_inner_row_gap = 0.8;
constexpr double k_ring_gap = 2.6;  ///< Inches from the inner ring to the outer one.
/// More direct contacts than this are staggered over two radii.
constexpr std::size_t k_inner_stagger_above = 40;

/// Sector as a wedge index key: known sectors by index, unknown last.
std::size_t wedge_key(const Sectors& sectors, MemberIndex m) {
    return sectors.known(m) ? sectors.of_member[m] : sectors.count();
}

}  // namespace

MapScene ego_scene(const Network& network, const Analysis& analysis, MemberIndex ego, int radius,
                   const MapOptions& options) {
    if (radius != 1 && radius != 2) throw RequestError("the radius of an ego map must be 1 or 2");
    const std::size_t n = network.members.size();
    if (ego >= n) throw Error("map: member index " + std::to_string(ego) + " is not in the network");
    const TieGraph& graph = analysis.graph;
    const Sectors& sectors = analysis.sectors;
    const MemberScores sizes = member_metric(analysis, options.size_metric);
    const auto score = [&](MemberIndex m) { return is_defined(sizes[m]) ? sizes[m] : -1e300; };

    // Rings.
    std::vector<std::uint8_t> ring(n, 0);  // 1 ego, 2 direct, 3 two steps
    ring[ego] = 1;
    std::vector<MemberIndex> inner(graph.neighbours(ego).begin(), graph.neighbours(ego).end());
    for (const MemberIndex m : inner) ring[m] = 2;
    std::vector<std::uint8_t> direct_sector(sectors.count() + 1, 0);
    std::vector<std::size_t> inner_total(sectors.count() + 1, 0);
    std::vector<std::size_t> outer_total_by(sectors.count() + 1, 0);
    for (const MemberIndex m : inner) direct_sector[wedge_key(sectors, m)] = 1, ++inner_total[wedge_key(sectors, m)];
    std::vector<MemberIndex> outer;
    if (radius == 2) {
        for (const MemberIndex m : inner) {
            for (const MemberIndex other : graph.neighbours(m)) {
                if (ring[other] == 0)
                    ring[other] = 3, outer.push_back(other), ++outer_total_by[wedge_key(sectors, other)];
            }
        }
    }
    const std::size_t inner_all = inner.size();
    if (inner.size() > k_ego_inner_limit) {
        // The strongest tie in each sector first, then the strongest ties.
        const auto weights = graph.weights(ego);
        const auto neighbours = graph.neighbours(ego);
        std::vector<std::size_t> order(neighbours.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
        std::vector<std::uint8_t> sector_taken(sectors.count() + 1, 0);
        std::vector<std::uint8_t> taken(neighbours.size(), 0);
        std::vector<MemberIndex> kept;
        for (const std::size_t k : order) {
            const std::size_t s = wedge_key(sectors, neighbours[k]);
            if (!sector_taken[s]) sector_taken[s] = 1, taken[k] = 1, kept.push_back(neighbours[k]);
        }
        for (const std::size_t k : order) {
            if (kept.size() >= k_ego_inner_limit) break;
            if (!taken[k]) taken[k] = 1, kept.push_back(neighbours[k]);
        }
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            if (!taken[k] && ring[neighbours[k]] == 2) ring[neighbours[k]] = 4;  // a contact, not drawn
        }
        std::sort(kept.begin(), kept.end());
        inner = std::move(kept);
    }
    const auto new_sector = [&](MemberIndex m) { return sectors.known(m) && !direct_sector[sectors.of_member[m]]; };
    std::size_t outer_total = outer.size();
    std::sort(outer.begin(), outer.end(), [&](MemberIndex a, MemberIndex b) {
        if (new_sector(a) != new_sector(b)) return new_sector(a);
        if (score(a) != score(b)) return score(a) > score(b);
        return a < b;
    });
    if (outer.size() > k_ego_outer_limit) {
        for (std::size_t k = k_ego_outer_limit; k < outer.size(); ++k) ring[outer[k]] = 0;
        outer.resize(k_ego_outer_limit);
    }
    std::sort(outer.begin(), outer.end());

    // The lines: the member's ties, ties between contacts (when few), each two-step
    // contact's strongest tie to a direct contact.
    std::vector<Tie> lines;
    for (const TieIndex t : graph.tie_indices(ego)) lines.push_back(graph.tie(t));
    std::vector<Tie> among;
    for (const MemberIndex m : inner) {
        const auto neighbours = graph.neighbours(m);
        const auto indices = graph.tie_indices(m);
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            if (neighbours[k] > m && ring[neighbours[k]] == 2) among.push_back(graph.tie(indices[k]));
        }
    }
    const bool contact_ties_drawn = among.size() <= k_max_contact_ties;
    if (contact_ties_drawn) lines.insert(lines.end(), among.begin(), among.end());
    for (const MemberIndex m : outer) {
        const auto neighbours = graph.neighbours(m);
        const auto weights = graph.weights(m);
        const auto indices = graph.tie_indices(m);
        std::size_t best = neighbours.size();
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            if (ring[neighbours[k]] == 2 && (best == neighbours.size() || weights[k] > weights[best])) best = k;
        }
        if (best < neighbours.size()) lines.push_back(graph.tie(indices[best]));
    }
    const TieGraph drawn_graph = TieGraph::from_ties(n, lines);
    const std::vector<std::uint8_t> weak_all =
        weak_bridges(graph, sectors, analysis.tie_structure.local_bridge, analysis.communities.of_member);
    std::vector<std::uint8_t> weak(drawn_graph.tie_count(), 0);
    for (TieIndex t = 0; t < drawn_graph.tie_count(); ++t) {
        const Tie& tie = drawn_graph.tie(t);
        weak[t] = weak_all[graph.find_tie(tie.source, tie.target)];
    }

    std::vector<MemberIndex> shown;
    shown.push_back(ego);
    shown.insert(shown.end(), inner.begin(), inner.end());
    shown.insert(shown.end(), outer.begin(), outer.end());

    detail::MemberLayer layer = detail::member_layer(network, analysis, drawn_graph, shown, sizes, weak, options);
    layer.labels = 0;
    layer.min_size = 0.2;
    layer.max_size = 0.75;
    layer.font_size = 13;
    layer.draw_all_up_to = static_cast<std::size_t>(-1);

    MapScene scene;
    scene.seed = options.seed;
    const detail::DrawnMembers drawn = detail::add_members(scene, layer);

    // Labels: the member, their contacts (the largest when many), and the largest of the
    // two-step contacts in new sectors.
    const auto name = [&](MemberIndex m) {
        scene.nodes[drawn.node_of[m]].label = one_line(network.members[m].display_name(), 32);
    };
    name(ego);
    MapNode& centre = scene.nodes[drawn.node_of[ego]];
    centre.size = 0.9;
    centre.outline = "#000000";
    centre.outline_width = 3;
    centre.font_size = 18;
    centre.css_class += " ego";
    std::vector<MemberIndex> by_score = inner;
    std::stable_sort(by_score.begin(), by_score.end(),
                     [&](MemberIndex a, MemberIndex b) { return score(a) > score(b); });
    const std::size_t inner_labels = options.labels != 0 ? options.labels : (inner.size() <= 60 ? inner.size() : 30);
    for (std::size_t k = 0; k < std::min(inner_labels, by_score.size()); ++k) name(by_score[k]);
    std::size_t reachable_new = 0;
    std::vector<MemberIndex> new_contacts;
    for (const MemberIndex m : outer) {
        if (!new_sector(m)) continue;
        ++reachable_new;
        new_contacts.push_back(m);
        MapNode& node = scene.nodes[drawn.node_of[m]];
        node.outline = "#000000";
        node.outline_width = 3;
        node.size = std::max(node.size, 0.4);  // a thick outline on a tiny mark would hide its colour
        node.css_class += " new-sector";
    }
    std::stable_sort(new_contacts.begin(), new_contacts.end(),
                     [&](MemberIndex a, MemberIndex b) { return score(a) > score(b); });
    for (std::size_t k = 0; k < std::min<std::size_t>(30, new_contacts.size()); ++k) name(new_contacts[k]);
    for (auto& edge : scene.edges) {
        if (edge.css_class.find("weak-bridge") != std::string::npos) continue;
        if (edge.from >= 1 + inner.size() || edge.to >= 1 + inner.size()) {  // to the outer ring
            edge.style = LineStyle::dotted;
            edge.width = 0.8;
            edge.colour = with_opacity("#4D4D4D", 0.35);
            edge.css_class += " two-step";
        }
    }

    // Wedges: one per sector present, in sector order, unknown last; each takes the share of
    // the circle its members on both rings make up.
    const std::size_t keys = sectors.count() + 1;
    std::vector<std::size_t> inner_count(keys, 0);
    std::vector<std::size_t> outer_count(keys, 0);
    for (const MemberIndex m : inner) ++inner_count[wedge_key(sectors, m)];
    for (const MemberIndex m : outer) ++outer_count[wedge_key(sectors, m)];
    if (options.layout == MapLayout::automatic) {
        scene.layout = SceneLayout::fixed;
        // A crowded inner ring is staggered over two radii, so that neighbours on it stay
        // apart while the ring stays small enough to print with a readable legend.
        const std::size_t inner_rows = inner.size() > k_inner_stagger_above ? 2 : 1;
        // A wedge's angle is what its members need on the more crowded of its two rings
        // (the outer ring may take two rows), so that no wedge forces the rings wide.
        std::vector<double> share(keys, 0.0);
        double total = 0.0;
        for (std::size_t s = 0; s < keys; ++s) {
            share[s] = std::max(static_cast<double>(inner_count[s]) * k_inner_spacing / static_cast<double>(inner_rows),
                                static_cast<double>(outer_count[s]) * k_outer_spacing / 2.0);
            total += share[s];
        }
        constexpr double tau = 2.0 * std::numbers::pi;
        const double inner_radius = std::max(2.2, total / tau);
        const double outer_radius = inner_radius + static_cast<double>(inner_rows - 1) * k_inner_row_gap + k_ring_gap;
        std::vector<std::size_t> rows(keys, 1);
        std::size_t outer_rows = 1;
        for (std::size_t s = 0; s < keys; ++s) {
            if (share[s] == 0.0) continue;
            share[s] /= total;
            const double arc = share[s] * tau * outer_radius;
            rows[s] = std::max<std::size_t>(
                1, static_cast<std::size_t>(std::ceil(static_cast<double>(outer_count[s]) * k_outer_spacing / arc)));
            outer_rows = std::max(outer_rows, rows[s]);
        }
        centre.position = MapPoint{0.0, 0.0};
        std::vector<std::size_t> placed_inner(keys, 0);
        std::vector<std::size_t> placed_outer(keys, 0);
        std::vector<double> start(keys, 0.0);
        double angle = 0.0;
        for (std::size_t s = 0; s < keys; ++s) start[s] = angle, angle += share[s] * tau;
        const auto place = [&](MemberIndex m, double r, double fraction) {
            const std::size_t s = wedge_key(sectors, m);
            // Clockwise from the top.
            const double a = std::numbers::pi / 2 - (start[s] + fraction * share[s] * tau);
            scene.nodes[drawn.node_of[m]].position = MapPoint{r * std::cos(a), r * std::sin(a)};
        };
        for (const MemberIndex m : inner) {
            const std::size_t s = wedge_key(sectors, m);
            const std::size_t k = placed_inner[s]++;
            place(m, inner_radius + static_cast<double>(k % inner_rows) * k_inner_row_gap,
                  (static_cast<double>(k) + 0.5) / static_cast<double>(inner_count[s]));
        }
        for (const MemberIndex m : outer) {
            const std::size_t s = wedge_key(sectors, m);
            const std::size_t k = placed_outer[s]++;
            const std::size_t columns = (outer_count[s] + rows[s] - 1) / rows[s];
            place(m, outer_radius + static_cast<double>(k % rows[s]) * k_outer_row_gap,
                  (static_cast<double>(k / rows[s]) + 0.5) / static_cast<double>(columns));
        }
        const double label_radius =
            (outer.empty() ? inner_radius + static_cast<double>(inner_rows - 1) * k_inner_row_gap
                           : outer_radius + static_cast<double>(outer_rows - 1) * k_outer_row_gap) +
            1.4;
        for (std::size_t s = 0; s < keys; ++s) {
            if (share[s] == 0.0) continue;
            MapNode heading;
            heading.key = "wedge-" + std::to_string(s + 1);
            heading.shape = NodeShape::text;
            heading.label_inside = true;
            heading.font_size = 16;
            heading.size = 0.1;
            const auto counted = [](std::size_t all, std::size_t drawn_here, const char* what) {
                std::string text = detail::with_thousands(all) + " " + what;
                if (drawn_here < all) text += " (" + detail::with_thousands(drawn_here) + " drawn)";
                return text;
            };
            heading.label =
                (s < sectors.count() ? one_line(sectors.names[s], 30) : std::string("sector not known")) + "\n" +
                counted(inner_total[s], inner_count[s], "direct") +
                (radius == 2 ? "\n" + counted(outer_total_by[s], outer_count[s], "at two steps") : std::string());
            heading.css_class = "wedge";
            const double a = std::numbers::pi / 2 - (start[s] + 0.5 * share[s] * tau);
            heading.position = MapPoint{label_radius * std::cos(a), label_radius * std::sin(a)};
            scene.nodes.push_back(std::move(heading));
        }
    } else {
        scene.layout = options.layout == MapLayout::sfdp  ? SceneLayout::sfdp
                       : options.layout == MapLayout::fdp ? SceneLayout::fdp
                                                          : SceneLayout::neato;
    }

    // Words.
    const std::string who = one_line(network.members[ego].display_name(), 50);
    scene.title = !options.title.empty() ? options.title : who + "'s network by sector";
    scene.reading.push_back(
        who + " (" + detail::sector_words(sectors, ego) + ") is in the middle; " + detail::with_thousands(inner_all) +
        (inner_all == 1 ? " direct contact" : " direct contacts") + " on the inner ring" +
        (radius == 2 ? ", " + detail::with_thousands(outer_total) +
                           (outer_total == 1 ? " contact of a contact outside" : " contacts of contacts outside")
                     : std::string()) +
        ", grouped by sector.");
    scene.reading.push_back(radius == 2 ? "A thick outline marks someone reachable through a contact in a sector " +
                                              who + " has no direct contact in yet: an introduction to ask for."
                                        : "Size shows " + detail::metric_in_words(options.size_metric) + ".");
    LegendColumn colours = detail::colour_legend(layer);
    if (radius == 2) {
        colours.items.push_back({LegendItem::Kind::node,
                                 "thick outline: two steps away, in a sector with no direct contact (" +
                                     std::to_string(reachable_new) + ")",
                                 "#FFFFFF", NodeShape::circle, LineStyle::solid, true, false});
    }
    scene.legend.push_back(std::move(colours));
    LegendColumn line_column = detail::line_legend(layer, drawn);
    if (radius == 2) {
        line_column.items.insert(line_column.items.end() - 1,
                                 {LegendItem::Kind::line, "how a contact of a contact is reached", "#4D4D4D",
                                  NodeShape::circle, LineStyle::dotted, false, false});
    }
    scene.legend.push_back(std::move(line_column));
    LegendColumn gaps;
    gaps.heading = "Sectors without a direct contact";
    std::string missing;
    for (SectorIndex s = 0; s < sectors.count(); ++s) {
        if (direct_sector[s] || sectors.of_member[ego] == s) continue;
        gaps.items.push_back(
            {LegendItem::Kind::text,
             one_line(sectors.names[s], 30) +
                 (radius == 2 ? ": " + std::to_string(outer_count[s]) + " reachable at two steps" : std::string()),
             "", NodeShape::circle, LineStyle::solid, false, false});
    }
    if (gaps.items.empty()) {
        gaps.items.push_back({LegendItem::Kind::text, who + " has a direct contact in every other sector.", "",
                              NodeShape::circle, LineStyle::solid, false, false});
    }
    scene.legend.push_back(std::move(gaps));
    scene.caption = detail::data_caption(options);
    std::string drawn_rule = "Lines: every tie of " + who;
    drawn_rule += contact_ties_drawn ? ", the ties between direct contacts"
                                     : " (the " + detail::with_thousands(among.size()) +
                                           " ties between direct contacts are too many to draw)";
    if (radius == 2) drawn_rule += ", and each outer contact's strongest tie to a direct contact";
    scene.caption.push_back(drawn_rule + ".");
    if (inner_all > inner.size()) {
        scene.caption.push_back("Inner ring: " + detail::with_thousands(inner.size()) + " of " +
                                detail::with_thousands(inner_all) +
                                " direct contacts, the strongest tie in each sector first, then the strongest ties.");
    }
    scene.caption.push_back(detail::weak_bridge_caption());
    if (outer_total > outer.size()) {
        scene.caption.push_back(
            "Outer ring: " + detail::with_thousands(outer.size()) + " of " + detail::with_thousands(outer_total) +
            " contacts of contacts, those in new sectors first, then the largest by " + options.size_metric + ".");
    }
    return scene;
}

std::string render_ego_map(const Network& network, const Analysis& analysis, MemberIndex member, int radius,
                           const MapOptions& options, MapFormat format) {
    return render_scene(ego_scene(network, analysis, member, radius, options), format);
}

}  // namespace bridgemap::viz
