#include <bridgemap/viz/summary_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/viz/detail/summary_map.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/palette.hpp>

#include "member_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <numeric>
#include <utility>

namespace bridgemap::viz {
namespace detail {
namespace {

/// A colour mixed halfway with white, so that dark text on it stays readable.
std::string pastel(const std::string& colour) {
    const auto channel = [&](std::size_t at) { return std::stoi(colour.substr(at, 2), nullptr, 16); };
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", (channel(1) + 255) / 2, (channel(3) + 255) / 2,
                  (channel(5) + 255) / 2);
    return buffer;
}

std::string ratio_text(double ratio) {
    return io::fixed(ratio, 2) + "\u00D7 chance";
}

LegendItem text_item(std::string text) {
    return {LegendItem::Kind::text, std::move(text), "", NodeShape::circle, LineStyle::solid, false, false};
}

}  // namespace

SummaryGroups sector_groups(const Sectors& sectors, const SectorMixing& mixing) {
    SummaryGroups summary;
    auto& groups = summary.groups;
    for (SectorIndex s = 0; s < sectors.count(); ++s) {
        SummaryGroup group;
        const GroupStyle style = sector_style(s);
        group.name = one_line(sectors.names[s], 30);
        group.fill = style.fill;
        group.shape = style.shape;
        group.members = s < mixing.members.size() ? mixing.members[s] : 0;
        groups.push_back(std::move(group));
    }
    for (const auto& pair : mixing.pairs) {
        if (pair.a >= groups.size() || pair.b >= groups.size())
            throw Error("map: the mixing does not match the sectors");
        if (pair.a == pair.b) {
            groups[pair.a].within_observed = pair.observed;
            groups[pair.a].within_ratio = pair.ratio;
        } else {
            summary.pairs.push_back({pair.a, pair.b, pair.observed, pair.expected, pair.ratio});
        }
    }
    if (mixing.unknown_members > 0) {
        summary.left_out = "Not drawn: " + io::with_thousands(mixing.unknown_members) +
                           (mixing.unknown_members == 1 ? " member" : " members") +
                           " of unknown sector (left out of every sector count).";
    }
    return summary;
}

SummaryGroups community_groups(const TieGraph& graph, const Communities& communities) {
    SummaryGroups summary;
    const std::size_t shown = std::min(k_summary_communities, communities.count);
    std::vector<double> degree_sum(communities.count + 1, 0.0);
    for (MemberIndex m = 0; m < graph.member_count(); ++m) {
        degree_sum[communities.of_member[m]] += static_cast<double>(graph.degree(m));
    }
    std::vector<std::uint64_t> observed((shown + 1) * (shown + 1), 0);
    for (const Tie& tie : graph.ties()) {
        std::uint32_t a = communities.of_member[tie.source];
        std::uint32_t b = communities.of_member[tie.target];
        if (a == k_no_community || b == k_no_community || a > shown || b > shown) continue;
        if (a > b) std::swap(a, b);
        ++observed[a * (shown + 1) + b];
    }
    const double m = static_cast<double>(graph.tie_count());
    std::size_t shown_members = 0;
    for (std::uint32_t c = 1; c <= shown; ++c) {
        SummaryGroup group;
        group.name = "community " + std::to_string(c);
        group.fill = community_colour(c);
        group.members = communities.sizes[c - 1];
        group.within_observed = observed[c * (shown + 1) + c];
        const double expected = m > 0 ? degree_sum[c] * degree_sum[c] / (4 * m) : 0.0;
        group.within_ratio = expected > 0 ? static_cast<double>(group.within_observed) / expected : k_not_defined;
        shown_members += group.members;
        summary.groups.push_back(std::move(group));
    }
    for (std::uint32_t a = 1; a <= shown; ++a) {
        for (std::uint32_t b = a + 1; b <= shown; ++b) {
            SummaryPair pair{a - 1, b - 1, observed[a * (shown + 1) + b], 0.0, k_not_defined};
            pair.expected = m > 0 ? degree_sum[a] * degree_sum[b] / (2 * m) : 0.0;
            if (pair.expected > 0) pair.ratio = static_cast<double>(pair.observed) / pair.expected;
            summary.pairs.push_back(pair);
        }
    }
    const std::size_t n = graph.member_count();
    const std::size_t hidden_communities = communities.count - shown;
    const std::size_t without = n - std::accumulate(communities.sizes.begin(), communities.sizes.end(), std::size_t{0});
    if (hidden_communities > 0 || without > 0) {
        summary.left_out = "Not drawn: " + io::with_thousands(hidden_communities) + " smaller communities (" +
                           io::with_thousands(n - shown_members - without) + " members) and " +
                           io::with_thousands(without) + " members without ties.";
    }
    return summary;
}

std::vector<MapNode> group_nodes(std::span<const SummaryGroup> groups, bool by_community) {
    std::vector<MapNode> nodes;
    std::size_t largest = 1;
    for (const auto& group : groups) largest = std::max(largest, group.members);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const SummaryGroup& group = groups[g];
        MapNode node;
        node.key = (by_community ? "community-" : "sector-") + std::to_string(g + 1);
        node.label = std::string(by_community ? "" : std::string(shape_symbol(group.shape)) + " ") + group.name + "\n" +
                     io::with_thousands(group.members) + " members\nwithin: " +
                     (is_defined(group.within_ratio) ? ratio_text(group.within_ratio) : std::string("no ties"));
        node.label_inside = true;
        node.font_size = 13;
        node.fill = pastel(group.fill);
        node.outline = group.fill;
        node.outline_width = 4;
        node.size = 1.8 + 1.4 * std::sqrt(static_cast<double>(group.members) / static_cast<double>(largest));
        node.tooltip = group.name + ": " + io::with_thousands(group.members) + " members, " +
                       io::with_thousands(group.within_observed) + " ties within";
        node.css_class = std::string("group ") + (by_community ? "community" : "sector");
        nodes.push_back(std::move(node));
    }
    return nodes;
}

std::vector<MapPoint> ring_positions(std::size_t count, double widest) {
    // Few groups sit on a ring, so that a line between two of them never passes behind a
    // third and seems to end there (as a force layout with one group in the middle would
    // draw it). With an even count the ring is slightly irregular, so that the lines across
    // it do not all cross, and put their labels, at its centre.
    std::vector<MapPoint> positions;
    if (count < 2 || count > k_ring_groups) return positions;
    constexpr double k_tau = 2.0 * std::numbers::pi;
    const double groups = static_cast<double>(count);
    double radius = (widest + 2.5) / (2.0 * std::sin(std::numbers::pi / groups));
    if (count >= 4) radius = std::max(radius, (widest / 2.0 + 0.6) / (1.0 - std::cos(k_tau / groups)));
    const double step = k_tau / groups * (count % 2 == 0 ? 0.92 : 1.0);
    for (std::size_t g = 0; g < count; ++g) {
        const double angle = std::numbers::pi / 2 - step * static_cast<double>(g);
        positions.push_back(MapPoint{radius * std::cos(angle), radius * std::sin(angle)});
    }
    return positions;
}

PairSelection select_pairs(std::span<const SummaryPair> pairs, std::size_t groups) {
    PairSelection selection;
    for (std::size_t p = 0; p < pairs.size(); ++p) {
        if (is_defined(pairs[p].ratio)) selection.weakest.push_back(p);
    }
    std::stable_sort(selection.weakest.begin(), selection.weakest.end(),
                     [&](std::size_t x, std::size_t y) { return pairs[x].ratio < pairs[y].ratio; });
    // With many groups, every pair's line would hide the story: draw the least connected
    // quarter of the pairs only.
    const std::size_t limit =
        groups <= k_ring_groups ? selection.weakest.size() : std::max<std::size_t>(8, selection.weakest.size() / 4);
    selection.drawn.assign(pairs.size(), 0);
    if (!selection.weakest.empty()) {
        selection.lowest = pairs[selection.weakest.front()].ratio;
        selection.highest = pairs[selection.weakest.back()].ratio;
        selection.near_chance = selection.lowest >= 1.0 / k_near_chance && selection.highest <= k_near_chance;
    }
    for (std::size_t k = 0; k < selection.weakest.size(); ++k) {
        if (k < limit && !selection.near_chance) {
            selection.drawn[selection.weakest[k]] = 1;
            ++selection.drawn_count;
        }
        if (pairs[selection.weakest[k]].ratio < k_weak_pair_ratio) ++selection.weak_pairs;
    }
    return selection;
}

std::vector<MapEdge> pair_edges(std::span<const SummaryGroup> groups, std::span<const SummaryPair> pairs,
                                const PairSelection& selection) {
    std::vector<MapEdge> edges;
    std::vector<MapEdge> weak_edges;
    for (std::size_t p = 0; p < pairs.size(); ++p) {
        const SummaryPair& pair = pairs[p];
        if (!is_defined(pair.ratio) || !selection.drawn[p]) continue;
        MapEdge edge;
        edge.from = pair.a;
        edge.to = pair.b;
        const double ratio = pair.ratio;
        edge.width = 1.0 + 5.0 * std::min(ratio, 2.0);
        edge.length = 2.5 + 2.5 / (std::min(ratio, 2.0) + 0.5);
        edge.tooltip = groups[pair.a].name + " \u2013 " + groups[pair.b].name + ": " +
                       io::with_thousands(pair.observed) + " ties, " + io::fixed(pair.expected, 1) + " expected, " +
                       ratio_text(ratio);
        edge.label = io::fixed(ratio, 2) + "\u00D7";
        if (ratio < k_weak_pair_ratio) {
            edge.colour = k_weak_bridge_colour;
            edge.style = LineStyle::dashed;
            edge.width = std::max(edge.width, 3.0);
            edge.css_class = "pair weak-pair";
            weak_edges.push_back(std::move(edge));
            continue;
        }
        edge.colour = with_opacity("#4D4D4D", 0.6);
        edge.css_class = "pair";
        edges.push_back(std::move(edge));
    }
    for (auto& edge : weak_edges) edges.push_back(std::move(edge));
    return edges;
}

SceneText summary_text(const SummaryGroups& summary, const PairSelection& selection, bool by_community,
                       std::size_t members, const MapOptions& options) {
    const std::string noun = by_community ? "community" : "sector";
    const std::string nouns = by_community ? "communities" : "sectors";
    SceneText text;
    text.title = !options.title.empty() ? options.title
                                        : "How the " + nouns + " connect: " + data_title(options) + ", " +
                                              io::with_thousands(members) + " members";
    text.reading.push_back("Each circle is a " + noun +
                           ", its area the number of members. A line's thickness compares "
                           "the ties between two " +
                           nouns + " with what random mixing would give (1\u00D7 = as chance).");
    if (selection.near_chance) {
        text.reading.push_back("Every pair of " + nouns + " has between " + io::fixed(selection.lowest, 2) +
                               "\u00D7 and " + io::fixed(selection.highest, 2) +
                               "\u00D7 the ties chance would give: near chance, so no lines are drawn. No two " +
                               nouns + " keep apart, and none keep to themselves.");
    } else {
        text.reading.push_back("Black dashed lines are weak pairs: fewer than half the ties chance would give. Those " +
                               nouns + " barely touch.");
    }

    LegendColumn lines;
    lines.heading = "Lines: ties between two " + nouns;
    lines.items.push_back({LegendItem::Kind::line, "thin: fewer ties than chance", "#4D4D4D", NodeShape::circle,
                           LineStyle::solid, false, false});
    lines.items.push_back({LegendItem::Kind::line, "thick: more ties than chance", "#4D4D4D", NodeShape::circle,
                           LineStyle::solid, true, false});
    lines.items.push_back({LegendItem::Kind::line,
                           "weak pair, under " + io::fixed(k_weak_pair_ratio, 1) + "\u00D7 chance" +
                               (selection.weak_pairs == 0 ? std::string(": none here")
                                                          : " (" + std::to_string(selection.weak_pairs) + ")"),
                           k_weak_bridge_colour, NodeShape::circle, LineStyle::dashed, true, false});
    lines.items.push_back(text_item("Labels: ties observed \u00F7 ties expected."));
    if (selection.near_chance) {
        lines.items = {text_item("None: every pair is near chance\n(" + io::fixed(1.0 / k_near_chance, 2) +
                                 "\u00D7 to " + io::fixed(k_near_chance, 2) + "\u00D7)."),
                       text_item("Weak pairs, under " + io::fixed(k_weak_pair_ratio, 1) + "\u00D7 chance: none here.")};
    }
    text.legend.push_back(std::move(lines));

    LegendColumn weakest;
    weakest.heading = "Least connected pairs";
    for (std::size_t k = 0; k < std::min<std::size_t>(5, selection.weakest.size()); ++k) {
        const SummaryPair& pair = summary.pairs[selection.weakest[k]];
        weakest.items.push_back(text_item(summary.groups[pair.a].name + " \u2013 " + summary.groups[pair.b].name +
                                          ": " + io::with_thousands(pair.observed) + " ties, " +
                                          ratio_text(pair.ratio)));
    }
    if (selection.weakest.empty()) weakest.items.push_back(text_item("No ties between " + nouns + " to compare."));
    text.legend.push_back(std::move(weakest));

    text.caption = data_caption(options);
    text.caption.push_back("Expected ties: K_a \u00D7 K_b / 2m, where K sums the members' ties in each " + noun +
                           " and m counts all ties (docs/metrics.md, mixing).");
    if (selection.drawn_count < selection.weakest.size() && !selection.near_chance) {
        text.caption.push_back("Lines: the " + std::to_string(selection.drawn_count) + " least connected of the " +
                               std::to_string(selection.weakest.size()) + " pairs; the others are better connected.");
    }
    if (!summary.left_out.empty()) text.caption.push_back(summary.left_out);
    return text;
}

}  // namespace detail

namespace {

/// The summary scene; `graph` and `communities` are needed when by_community only.
MapScene build_summary_scene(const Network& network, const TieGraph* graph, const Sectors& sectors,
                             const SectorMixing& mixing, const Communities* communities, bool by_community,
                             const MapOptions& options) {
    const std::size_t n = network.members.size();
    if ((graph != nullptr && graph->member_count() != n) || sectors.of_member.size() != n)
        throw Error("map: the analysis does not match the network");
    if (by_community && (communities == nullptr || graph == nullptr))
        throw Error("summary map by community needs the communities");
    if (by_community && communities->of_member.size() != n)
        throw Error("map: the communities do not match the network");

    const detail::SummaryGroups summary =
        by_community ? detail::community_groups(*graph, *communities) : detail::sector_groups(sectors, mixing);
    MapScene scene;
    scene.layout = SceneLayout::neato;
    scene.seed = options.seed;
    scene.nodes = detail::group_nodes(summary.groups, by_community);
    double widest = 0.0;
    for (const auto& node : scene.nodes) widest = std::max(widest, node.size);
    const std::vector<MapPoint> ring = detail::ring_positions(scene.nodes.size(), widest);
    if (!ring.empty()) {
        scene.layout = SceneLayout::fixed;
        for (std::size_t g = 0; g < ring.size(); ++g) scene.nodes[g].position = ring[g];
    }
    const detail::PairSelection selection = detail::select_pairs(summary.pairs, summary.groups.size());
    scene.edges = detail::pair_edges(summary.groups, summary.pairs, selection);
    detail::set_text(scene, detail::summary_text(summary, selection, by_community, n, options));
    return scene;
}

}  // namespace

MapScene summary_scene(const Network& network, const TieGraph& graph, const Sectors& sectors,
                       const SectorMixing& mixing, const Communities* communities, const MapOptions& options) {
    return build_summary_scene(network, &graph, sectors, mixing, communities,
                               options.colouring == MapColouring::community, options);
}

MapScene sector_summary_scene(const Network& network, const Sectors& sectors, const SectorMixing& mixing,
                              const MapOptions& options) {
    return build_summary_scene(network, nullptr, sectors, mixing, nullptr, false, options);
}

std::string render_summary_map(const Network& network, const MapData& data, const MapOptions& options,
                               MapFormat format) {
    if (data.graph == nullptr || data.sectors == nullptr || data.mixing == nullptr)
        throw Error("summary map: the map data has no tie graph, sectors or sector mixing");
    return render_scene(summary_scene(network, *data.graph, *data.sectors, *data.mixing, data.communities, options),
                        format);
}

NetworkSummaryMap network_summary_map(const Network& network, const MapOptions& options) {
    const Sectors sectors = member_sectors(network);
    if (options.colouring == MapColouring::community) {
        const TieGraph graph = project_ties(network, options.ties);
        SectorMixing mixing = sector_mixing(graph, sectors);
        CommunityOptions community_options;
        community_options.seed = options.seed;
        const Communities communities = leiden_communities(graph, community_options);
        MapScene scene = summary_scene(network, graph, sectors, mixing, &communities, options);
        return {std::move(scene), std::move(mixing)};
    }
    SectorMixing mixing = projected_sector_mixing(network, sectors, options.ties);
    MapScene scene = sector_summary_scene(network, sectors, mixing, options);
    return {std::move(scene), std::move(mixing)};
}

MapScene network_summary_scene(const Network& network, const MapOptions& options) {
    return network_summary_map(network, options).scene;
}

std::string render_summary_map(const Network& network, const MapOptions& options, MapFormat format) {
    return render_scene(network_summary_scene(network, options), format);
}

}  // namespace bridgemap::viz
