#include <bridgemap/viz/summary_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
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
namespace {

/// One node of the summary: a sector or a community.
/// Up to this many groups sit on a ring and every pair's line is drawn.
constexpr std::size_t k_ring_groups = 8;

struct Group {
    std::string name;
    std::string fill;
    NodeShape shape = NodeShape::circle;
    std::size_t members = 0;
    std::uint64_t within_observed = 0;
    double within_ratio = k_not_defined;
};

struct GroupPair {
    std::size_t a = 0;
    std::size_t b = 0;
    std::uint64_t observed = 0;
    double expected = 0.0;
    double ratio = k_not_defined;
};

/// A colour mixed halfway with white, so that dark text on it stays readable.
std::string pastel(const std::string& colour) {
    const auto channel = [&](std::size_t at) { return std::stoi(colour.substr(at, 2), nullptr, 16); };
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", (channel(1) + 255) / 2, (channel(3) + 255) / 2,
                  (channel(5) + 255) / 2);
    return buffer;
}

std::string ratio_text(double ratio) {
    return detail::decimal(ratio, 2) + "\u00D7 chance";
}

/// Mixing between the largest communities, as sector_mixing computes it between sectors.
void community_groups(const TieGraph& graph, const Communities& communities, std::vector<Group>& groups,
                      std::vector<GroupPair>& pairs) {
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
    for (std::uint32_t c = 1; c <= shown; ++c) {
        Group group;
        group.name = "community " + std::to_string(c);
        group.fill = community_colour(c);
        group.members = communities.sizes[c - 1];
        group.within_observed = observed[c * (shown + 1) + c];
        const double expected = m > 0 ? degree_sum[c] * degree_sum[c] / (4 * m) : 0.0;
        group.within_ratio = expected > 0 ? static_cast<double>(group.within_observed) / expected : k_not_defined;
        groups.push_back(std::move(group));
    }
    for (std::uint32_t a = 1; a <= shown; ++a) {
        for (std::uint32_t b = a + 1; b <= shown; ++b) {
            GroupPair pair{a - 1, b - 1, observed[a * (shown + 1) + b], 0.0, k_not_defined};
            pair.expected = m > 0 ? degree_sum[a] * degree_sum[b] / (2 * m) : 0.0;
            if (pair.expected > 0) pair.ratio = static_cast<double>(pair.observed) / pair.expected;
            pairs.push_back(pair);
        }
    }
}

/// The summary scene; `graph` and `communities` are needed when by_community only.
MapScene build_summary_scene(const Network& network, const TieGraph* graph, const Sectors& sectors,
                             const SectorMixing& mixing, const Communities* communities, bool by_community,
                             const MapOptions& options) {
    using detail::with_thousands;
    const std::size_t n = network.members.size();
    if ((graph != nullptr && graph->member_count() != n) || sectors.of_member.size() != n)
        throw Error("map: the analysis does not match the network");
    if (by_community && (communities == nullptr || graph == nullptr))
        throw Error("summary map by community needs the communities");

    std::vector<Group> groups;
    std::vector<GroupPair> pairs;
    std::string left_out;
    if (by_community) {
        if (communities->of_member.size() != n) throw Error("map: the communities do not match the network");
        community_groups(*graph, *communities, groups, pairs);
        std::size_t shown_members = 0;
        for (const auto& group : groups) shown_members += group.members;
        const std::size_t hidden_communities = communities->count - groups.size();
        const std::size_t without =
            n - std::accumulate(communities->sizes.begin(), communities->sizes.end(), std::size_t{0});
        if (hidden_communities > 0 || without > 0) {
            left_out = "Not drawn: " + with_thousands(hidden_communities) + " smaller communities (" +
                       with_thousands(n - shown_members - without) + " members) and " + with_thousands(without) +
                       " members without ties.";
        }
    } else {
        for (SectorIndex s = 0; s < sectors.count(); ++s) {
            Group group;
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
                pairs.push_back({pair.a, pair.b, pair.observed, pair.expected, pair.ratio});
            }
        }
        if (mixing.unknown_members > 0) {
            left_out = "Not drawn: " + with_thousands(mixing.unknown_members) +
                       (mixing.unknown_members == 1 ? " member" : " members") +
                       " of unknown sector (left out of every sector count).";
        }
    }

    MapScene scene;
    scene.layout = SceneLayout::neato;
    scene.seed = options.seed;
    const std::string noun = by_community ? "community" : "sector";
    const std::string nouns = by_community ? "communities" : "sectors";
    std::size_t largest = 1;
    for (const auto& group : groups) largest = std::max(largest, group.members);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const Group& group = groups[g];
        MapNode node;
        node.key = (by_community ? "community-" : "sector-") + std::to_string(g + 1);
        node.label = std::string(by_community ? "" : std::string(shape_symbol(group.shape)) + " ") + group.name + "\n" +
                     with_thousands(group.members) + " members\nwithin: " +
                     (is_defined(group.within_ratio) ? ratio_text(group.within_ratio) : std::string("no ties"));
        node.label_inside = true;
        node.font_size = 13;
        node.fill = pastel(group.fill);
        node.outline = group.fill;
        node.outline_width = 4;
        node.size = 1.8 + 1.4 * std::sqrt(static_cast<double>(group.members) / static_cast<double>(largest));
        node.tooltip = group.name + ": " + with_thousands(group.members) + " members, " +
                       with_thousands(group.within_observed) + " ties within";
        node.css_class = "group " + noun;
        scene.nodes.push_back(std::move(node));
    }

    if (groups.size() >= 2 && groups.size() <= k_ring_groups) {
        // Few groups sit on a ring, so that a line between two of them never passes behind a
        // third and seems to end there (as a force layout with one group in the middle
        // would draw it). With an even count the ring is slightly irregular, so that the
        // lines across it do not all cross, and put their labels, at its centre.
        scene.layout = SceneLayout::fixed;
        constexpr double tau = 2.0 * std::numbers::pi;
        const double count = static_cast<double>(groups.size());
        double widest = 0.0;
        for (const auto& node : scene.nodes) widest = std::max(widest, node.size);
        double radius = (widest + 2.5) / (2.0 * std::sin(std::numbers::pi / count));
        if (groups.size() >= 4) radius = std::max(radius, (widest / 2.0 + 0.6) / (1.0 - std::cos(tau / count)));
        const double step = tau / count * (groups.size() % 2 == 0 ? 0.92 : 1.0);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const double angle = std::numbers::pi / 2 - step * static_cast<double>(g);
            scene.nodes[g].position = MapPoint{radius * std::cos(angle), radius * std::sin(angle)};
        }
    }

    std::vector<const GroupPair*> weakest;
    for (const auto& pair : pairs) {
        if (is_defined(pair.ratio)) weakest.push_back(&pair);
    }
    std::stable_sort(weakest.begin(), weakest.end(), [](const auto* x, const auto* y) { return x->ratio < y->ratio; });
    const bool label_all = groups.size() <= k_ring_groups;
    // With many groups, every pair's line would hide the story: draw the least connected
    // quarter of the pairs only.
    const std::size_t drawn_limit = label_all ? weakest.size() : std::max<std::size_t>(8, weakest.size() / 4);
    std::vector<std::uint8_t> drawn_pair(pairs.size(), 0);
    std::size_t weak_pairs_in_all = 0;
    for (std::size_t k = 0; k < weakest.size(); ++k) {
        if (k < drawn_limit) drawn_pair[static_cast<std::size_t>(weakest[k] - pairs.data())] = 1;
        if (weakest[k]->ratio < k_weak_pair_ratio) ++weak_pairs_in_all;
    }
    const std::size_t drawn_count = static_cast<std::size_t>(std::count(drawn_pair.begin(), drawn_pair.end(), 1));
    std::vector<MapEdge> weak_edges;
    for (const auto& pair : pairs) {
        if (!is_defined(pair.ratio) || !drawn_pair[static_cast<std::size_t>(&pair - pairs.data())]) continue;
        MapEdge edge;
        edge.from = pair.a;
        edge.to = pair.b;
        const double ratio = pair.ratio;
        edge.width = 1.0 + 5.0 * std::min(ratio, 2.0);
        edge.length = 2.5 + 2.5 / (std::min(ratio, 2.0) + 0.5);
        const std::string words = groups[pair.a].name + " \u2013 " + groups[pair.b].name + ": " +
                                  with_thousands(pair.observed) + " ties, " + detail::decimal(pair.expected, 1) +
                                  " expected, " + ratio_text(ratio);
        edge.tooltip = words;
        const bool weak = ratio < k_weak_pair_ratio;
        edge.label = detail::decimal(ratio, 2) + "\u00D7";
        if (weak) {
            edge.colour = detail::k_weak_bridge_colour;
            edge.style = LineStyle::dashed;
            edge.width = std::max(edge.width, 3.0);
            edge.css_class = "pair weak-pair";
            weak_edges.push_back(std::move(edge));
            continue;
        }
        edge.colour = with_opacity("#4D4D4D", 0.6);
        edge.css_class = "pair";
        scene.edges.push_back(std::move(edge));
    }
    for (auto& edge : weak_edges) scene.edges.push_back(std::move(edge));

    scene.title = !options.title.empty() ? options.title
                                         : "How the " + nouns + " connect: " + detail::data_title(options) + ", " +
                                               with_thousands(n) + " members";
    scene.reading.push_back("Each circle is a " + noun +
                            ", its area the number of members. A line's thickness compares "
                            "the ties between two " +
                            nouns + " with what random mixing would give (1\u00D7 = as chance).");
    scene.reading.push_back("Black dashed lines are weak pairs: fewer than half the ties chance would give. Those " +
                            nouns + " barely touch.");

    LegendColumn lines;
    lines.heading = "Lines: ties between two " + nouns;
    lines.items.push_back({LegendItem::Kind::line, "thin: fewer ties than chance", "#4D4D4D", NodeShape::circle,
                           LineStyle::solid, false, false});
    lines.items.push_back({LegendItem::Kind::line, "thick: more ties than chance", "#4D4D4D", NodeShape::circle,
                           LineStyle::solid, true, false});
    lines.items.push_back(
        {LegendItem::Kind::line,
         "weak pair, under " + detail::decimal(k_weak_pair_ratio, 1) + "\u00D7 chance" +
             (weak_pairs_in_all == 0 ? std::string(": none here") : " (" + std::to_string(weak_pairs_in_all) + ")"),
         detail::k_weak_bridge_colour, NodeShape::circle, LineStyle::dashed, true, false});
    lines.items.push_back({LegendItem::Kind::text, "Labels: ties observed \u00F7 ties expected.", "", NodeShape::circle,
                           LineStyle::solid, false, false});
    scene.legend.push_back(std::move(lines));

    LegendColumn weakest_column;
    weakest_column.heading = "Least connected pairs";
    for (std::size_t k = 0; k < std::min<std::size_t>(5, weakest.size()); ++k) {
        const GroupPair& pair = *weakest[k];
        weakest_column.items.push_back({LegendItem::Kind::text,
                                        groups[pair.a].name + " \u2013 " + groups[pair.b].name + ": " +
                                            with_thousands(pair.observed) + " ties, " + ratio_text(pair.ratio),
                                        "", NodeShape::circle, LineStyle::solid, false, false});
    }
    if (weakest.empty()) {
        weakest_column.items.push_back({LegendItem::Kind::text, "No ties between " + nouns + " to compare.", "",
                                        NodeShape::circle, LineStyle::solid, false, false});
    }
    scene.legend.push_back(std::move(weakest_column));

    scene.caption = detail::data_caption(options);
    scene.caption.push_back("Expected ties: K_a \u00D7 K_b / 2m, where K sums the members' ties in each " + noun +
                            " and m counts all ties (docs/metrics.md, mixing).");
    if (drawn_count < weakest.size()) {
        scene.caption.push_back("Lines: the " + std::to_string(drawn_count) + " least connected of the " +
                                std::to_string(weakest.size()) + " pairs; the others are better connected.");
    }
    if (!left_out.empty()) scene.caption.push_back(left_out);
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

std::string render_summary_map(const Network& network, const Analysis& analysis, const MapOptions& options,
                               MapFormat format) {
    return render_scene(
        summary_scene(network, analysis.graph, analysis.sectors, analysis.mixing, &analysis.communities, options),
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
