#include "member_drawing.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/ties/projection.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/palette.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>

namespace bridgemap::viz::detail {
namespace {

using io::with_thousands;

constexpr std::size_t k_label_characters = 32;

std::string member_tooltip(const MemberLayer& layer, MemberIndex m) {
    const Network& network = *layer.network;
    const Member& member = network.members[m];
    std::string text = one_line(member.display_name(), 80) + " \u2014 " + sector_words(*layer.sectors, m);
    if (member.organisation != k_none) {
        text += ", " + one_line(network.organisations[member.organisation].display_name(), 80);
    }
    const double score = layer.size_scores[m];
    text += " \u2014 " + layer.size_metric + " " + io::fixed(score, 4);
    return text;
}

}  // namespace

std::string metric_in_words(MemberMetric metric) {
    switch (metric) {
        case MemberMetric::bridging:
            return "bridging (their share of the shortest paths between members of different sectors)";
        case MemberMetric::betweenness:
            return "betweenness (how many shortest paths between others pass through them)";
        case MemberMetric::degree:
            return "degree (how many people they are tied to)";
        case MemberMetric::strength:
            return "strength (how much time they share with others)";
        case MemberMetric::cross_sector_ties:
            return "cross-sector ties (how many people of other sectors they are tied to)";
        case MemberMetric::participation:
            return "participation (how evenly their ties spread across communities)";
        case MemberMetric::brokerage_liaison:
            return "liaison brokerage (how often they link two people of two other sectors)";
        case MemberMetric::eigenvector:
            return "eigenvector centrality (ties to well-tied people)";
        case MemberMetric::pagerank:
            return "PageRank (ties to well-tied people)";
        case MemberMetric::sector_diversity:
            return "sector diversity (how many sectors their contacts span)";
        case MemberMetric::effective_size:
            return "effective size (how many of their contacts do not know each other)";
        case MemberMetric::closeness:
            return "closeness (how few steps they need to reach everyone)";
        case MemberMetric::harmonic:
            return "harmonic closeness (how few steps they need to reach everyone)";
        case MemberMetric::constraint:
            return "constraint (high: their contacts all know each other)";
        default:
            return member_metric_name(metric);
    }
}

void check_map_data(const Network& network, const MapData& data, bool graph) {
    const std::size_t n = network.members.size();
    if (data.sectors == nullptr || data.sectors->of_member.size() != n || data.sizes.size() != n ||
        (graph && (data.graph == nullptr || data.graph->member_count() != n))) {
        throw Error("map: the analysis does not match the network");
    }
}

std::vector<std::uint8_t> weak_bridges_of(const MapData& data) {
    return weak_bridges(*data.graph, *data.sectors, data.local_bridge,
                        data.communities != nullptr ? std::span<const std::uint32_t>(data.communities->of_member)
                                                    : std::span<const std::uint32_t>());
}

std::string sector_words(const Sectors& sectors, MemberIndex member) {
    const SectorIndex sector = sectors.of_member[member];
    return sector == k_unknown_sector ? std::string("unknown sector") : one_line(sectors.names[sector], 40);
}

std::string data_title(const MapOptions& options) {
    if (options.data_name.empty()) return "the network";
    std::filesystem::path path(options.data_name);
    while (!path.empty() && path.filename().empty()) path = path.parent_path();  // "folder/" → "folder"
    std::string name = path.filename().string();
    if (path.has_extension() && path.extension() == ".json") name = path.stem().string();
    return name.empty() ? std::string("the network") : one_line(name, 60);
}

std::size_t draw_all_limit(std::size_t shown) {
    return std::min<std::size_t>(1500, std::max<std::size_t>(66, 3 * shown));
}

std::string weak_bridge_caption() {
    return "Weak bridge: the only tie between two sectors or two communities, or a tie across sectors whose two "
           "people share no contact; never a tie to someone with no other tie (they have a dotted outline instead). "
           "Thicker lines are stronger ties (more, and smaller, shared settings).";
}

std::size_t default_labels(std::size_t shown) {
    return shown <= 60 ? shown : 30;
}

DrawnMembers add_members(MapScene& scene, const MemberLayer& layer) {
    const Network& network = *layer.network;
    const Sectors& sectors = *layer.sectors;
    const TieGraph& graph = *layer.graph;
    if (layer.size_scores.size() != network.members.size() || sectors.of_member.size() != network.members.size() ||
        graph.member_count() != network.members.size()) {
        throw Error("map: the analysis does not match the network");
    }
    DrawnMembers drawn;
    drawn.node_of.assign(network.members.size(), k_no_node);

    // Sizes: area grows with the metric, from the smallest to the largest value shown.
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (const MemberIndex m : layer.members) {
        const double v = layer.size_scores[m];
        if (!is_defined(v)) continue;
        low = std::min(low, v);
        high = std::max(high, v);
    }
    const double floor_value = low < 0 ? low : 0.0;  // metrics that can be negative (E-I) start at their minimum
    const auto size_of = [&](MemberIndex m) {
        const double v = layer.size_scores[m];
        if (!is_defined(v) || !(high > floor_value)) return layer.min_size;
        const double share = std::clamp((v - floor_value) / (high - floor_value), 0.0, 1.0);
        return layer.min_size + (layer.max_size - layer.min_size) * std::sqrt(share);
    };

    // Labels: the largest by the metric, ties by member order.
    std::vector<MemberIndex> order(layer.members.begin(), layer.members.end());
    std::stable_sort(order.begin(), order.end(), [&](MemberIndex a, MemberIndex b) {
        const double x = is_defined(layer.size_scores[a]) ? layer.size_scores[a] : -1e300;
        const double y = is_defined(layer.size_scores[b]) ? layer.size_scores[b] : -1e300;
        return x > y;
    });
    std::vector<std::uint8_t> labelled(network.members.size(), 0);
    for (std::size_t k = 0; k < std::min(layer.labels, order.size()); ++k) labelled[order[k]] = 1;

    for (const MemberIndex m : layer.members) {
        if (drawn.node_of[m] != k_no_node) continue;  // repeats
        const GroupStyle style = sector_style(sectors.of_member[m]);
        MapNode node;
        node.key = "member-" + std::to_string(m + 1);
        if (labelled[m]) {
            node.label = one_line(network.members[m].display_name(), k_label_characters);
            ++drawn.labelled;
        }
        node.font_size = layer.font_size;
        node.tooltip = member_tooltip(layer, m);
        node.shape = style.shape;
        node.fill = style.fill;
        if (layer.colouring == MapColouring::community && layer.communities != nullptr) {
            node.fill = community_colour(layer.communities->of_member[m]);
        }
        if (style.dashed_outline) node.outline_style = LineStyle::dashed;
        node.size = size_of(m);
        const TieGraph& whole = layer.network_graph != nullptr ? *layer.network_graph : graph;
        const bool one_tie =
            !layer.weak.empty() && whole.member_count() == graph.member_count() && whole.neighbours(m).size() == 1;
        node.css_class = "member " + (sectors.of_member[m] == k_unknown_sector
                                          ? std::string("sector-unknown")
                                          : "sector-" + std::to_string(sectors.of_member[m] + 1));
        if (one_tie) {
            // Isolated in all but one tie: marked here rather than by a weak bridge.
            node.outline = "#000000";
            node.outline_style = LineStyle::dotted;
            node.outline_width = k_one_tie_outline;
            node.css_class += " one-tie";
            ++drawn.one_tie;
        }
        drawn.node_of[m] = scene.nodes.size();
        scene.nodes.push_back(std::move(node));
    }

    drawn.ties = select_ties(graph, layer.members, layer.weak, layer.per_member, layer.draw_all_up_to);
    double strongest = 0.0;
    for (const TieIndex t : drawn.ties.ties) strongest = std::max(strongest, graph.tie(t).weight);
    std::vector<MapEdge> weak_edges;
    for (const TieIndex t : drawn.ties.ties) {
        const Tie& tie = graph.tie(t);
        MapEdge edge;
        edge.from = drawn.node_of[tie.source];
        edge.to = drawn.node_of[tie.target];
        const SectorIndex a = sectors.of_member[tie.source];
        const SectorIndex b = sectors.of_member[tie.target];
        const bool known = a != k_unknown_sector && b != k_unknown_sector;
        edge.width = 0.5 + 1.5 * std::sqrt(strongest > 0 ? tie.weight / strongest : 0.0);
        edge.tooltip = one_line(network.members[tie.source].display_name(), 60) + " \u2013 " +
                       one_line(network.members[tie.target].display_name(), 60) + ", tie weight " +
                       io::fixed(tie.weight, 3);
        const bool weak = !layer.weak.empty() && layer.weak[t];
        if (weak) {
            edge.colour = k_weak_bridge_colour;
            edge.width = k_weak_bridge_width;
            edge.style = LineStyle::dashed;
            edge.css_class = "tie weak-bridge";
            weak_edges.push_back(std::move(edge));  // drawn last, on top
            continue;
        }
        if (known && a != b) {
            edge.colour = with_opacity(k_cross_sector_colour, 0.55);
            edge.css_class = "tie cross-sector";
        } else if (known) {
            edge.colour = layer.colouring == MapColouring::sector ? with_opacity(sector_style(a).fill, 0.6)
                                                                  : with_opacity("#999999", 0.5);
            edge.css_class = "tie within-sector";
        } else {
            edge.colour = with_opacity("#AAAAAA", 0.5);
            edge.css_class = "tie unknown-sector";
        }
        scene.edges.push_back(std::move(edge));
    }
    for (auto& edge : weak_edges) scene.edges.push_back(std::move(edge));
    return drawn;
}

LegendColumn colour_legend(const MemberLayer& layer) {
    const Sectors& sectors = *layer.sectors;
    LegendColumn column;
    if (layer.colouring == MapColouring::community && layer.communities != nullptr) {
        column.heading = "Colour: community";
        std::map<std::uint32_t, std::size_t> counts;
        for (const MemberIndex m : layer.members) ++counts[layer.communities->of_member[m]];
        std::size_t others = 0;
        for (const auto& [community, count] : counts) {
            if (community == k_no_community || community > k_palette_colours) {
                others += count;
                continue;
            }
            column.items.push_back({LegendItem::Kind::node,
                                    "community " + std::to_string(community) + " (" + with_thousands(count) + ")",
                                    community_colour(community), NodeShape::circle, LineStyle::solid, false, false});
        }
        if (others > 0) {
            column.items.push_back(
                {LegendItem::Kind::node, "smaller communities, or none (" + with_thousands(others) + ")",
                 community_colour(k_no_community), NodeShape::circle, LineStyle::solid, false, false});
        }
        column.items.push_back({LegendItem::Kind::text, "Shapes still show the sector:", "", NodeShape::circle,
                                LineStyle::solid, false, false});
    } else {
        column.heading = "Colour and shape: sector";
    }
    std::vector<std::size_t> counts(sectors.count(), 0);
    std::size_t unknown = 0;
    for (const MemberIndex m : layer.members) {
        if (sectors.of_member[m] == k_unknown_sector)
            ++unknown;
        else
            ++counts[sectors.of_member[m]];
    }
    const bool by_community = layer.colouring == MapColouring::community && layer.communities != nullptr;
    for (SectorIndex s = 0; s < sectors.count(); ++s) {
        if (counts[s] == 0) continue;
        const GroupStyle style = sector_style(s);
        column.items.push_back(
            {LegendItem::Kind::node, one_line(sectors.names[s], 40) + " (" + with_thousands(counts[s]) + ")",
             by_community ? std::string("#FFFFFF") : style.fill, style.shape, LineStyle::solid, false, false});
    }
    if (unknown > 0) {
        const GroupStyle style = sector_style(k_unknown_sector);
        column.items.push_back({LegendItem::Kind::node, "sector not known (" + with_thousands(unknown) + ")",
                                by_community ? std::string("#FFFFFF") : style.fill, style.shape, LineStyle::solid,
                                false, true});
    }
    return column;
}

LegendColumn line_legend(const MemberLayer& layer, const DrawnMembers& drawn) {
    LegendColumn column;
    column.heading = "Lines: ties";
    const bool by_sector = layer.colouring == MapColouring::sector;
    column.items.push_back({LegendItem::Kind::line,
                            by_sector ? "within one sector (in its colour)" : "within one sector",
                            by_sector ? "#E69F00" : "#999999", NodeShape::circle, LineStyle::solid, false, false});
    column.items.push_back({LegendItem::Kind::line, "across two sectors (dark grey)", k_cross_sector_colour,
                            NodeShape::circle, LineStyle::solid, false, false});
    if (!layer.weak.empty()) {
        column.items.push_back(
            {LegendItem::Kind::line,
             (drawn.ties.weak_bridges == 0 ? std::string("weak bridge: none here")
                                           : "weak bridge (" + with_thousands(drawn.ties.weak_bridges) + ")"),
             k_weak_bridge_colour, NodeShape::circle, LineStyle::dashed, true, false});
    }
    column.items.push_back({LegendItem::Kind::text, "Thicker lines: stronger ties.", "", NodeShape::circle,
                            LineStyle::solid, false, false});
    if (drawn.one_tie > 0) {
        column.items.push_back({LegendItem::Kind::text,
                                "Dotted outline: one tie only (" + with_thousands(drawn.one_tie) +
                                    "); that tie is\nnot called a weak bridge.",
                                "", NodeShape::circle, LineStyle::solid, false, false});
    }
    return column;
}

std::vector<std::string> data_caption(const MapOptions& options) {
    return {"Data: " + data_title(options) + " \u00B7 dates: " + one_line(describe_window(options.window), 80),
            describe_tie_model(options.ties, !options.window.is_open())};
}

std::string ties_caption(const DrawnTies& ties, bool with_weak_bridges) {
    if (ties.all) return "Lines: all " + with_thousands(ties.candidates) + " ties between the members shown.";
    return "Lines: each member's " + std::to_string(ties.per_member) + " strongest ties" +
           (with_weak_bridges ? " and every weak bridge, " : ", ") + with_thousands(ties.ties.size()) + " of the " +
           with_thousands(ties.candidates) + " ties (drawing them all would hide the structure).";
}

MemberLayer member_layer(const Network& network, const MapData& data, const TieGraph& graph,
                         std::span<const MemberIndex> members, std::span<const std::uint8_t> weak,
                         const MapOptions& options) {
    MemberLayer layer;
    layer.network = &network;
    layer.sectors = data.sectors;
    layer.graph = &graph;
    layer.network_graph = data.graph;
    layer.members = members;
    layer.size_scores = data.sizes;
    layer.size_metric = member_metric_name(data.size_metric);
    layer.communities = data.communities;
    layer.colouring = options.colouring;
    layer.weak = weak;
    layer.labels = options.labels != 0 ? options.labels : default_labels(members.size());
    layer.per_member = options.ties_per_member;
    layer.draw_all_up_to = draw_all_limit(members.size());
    return layer;
}

SceneLayout scene_layout(MapLayout layout, std::size_t members) {
    switch (layout) {
        case MapLayout::automatic:
            return members <= 300 ? SceneLayout::neato : SceneLayout::sfdp;
        case MapLayout::sfdp:
            return SceneLayout::sfdp;
        case MapLayout::neato:
            return SceneLayout::neato;
        case MapLayout::fdp:
            return SceneLayout::fdp;
    }
    return SceneLayout::sfdp;
}

}  // namespace bridgemap::viz::detail
