// The layout of a scene (scene_positions: by group when its nodes have groups) and the
// placement of its names (placed_scene), before render_scene() draws it.

#include <bridgemap/viz/detail/placement.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/viz/detail/map_geometry.hpp>
#include <bridgemap/viz/scene.hpp>

#include "detail/graphviz.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace bridgemap::viz {
namespace {

/// A name's box in inches, as Graphviz measures its text; lines separated by '\n'.
struct NameSize {
    double width = 0.0;
    double height = 0.0;
};

constexpr double k_name_padding = 2.0 / 72.0;  // each side, so the white ground clears the text

/// The size of each node's label (0 × 0 for none), fonts scaled by `scale`. Takes the lock.
std::vector<NameSize> measure_labels(const MapScene& scene, double scale) {
    std::vector<NameSize> sizes(scene.nodes.size());
    std::lock_guard<std::mutex> lock(detail::graphviz_mutex());
    const detail::Context& context = detail::shared_context();
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const MapNode& node = scene.nodes[i];
        if (node.label.empty()) continue;
        std::size_t start = 0;
        while (true) {
            const std::size_t end = node.label.find('\n', start);
            const detail::TextSize line = detail::measure_text(
                context, std::string_view(node.label).substr(start, end == std::string::npos ? end : end - start),
                node.font_size * scale);
            sizes[i].width = std::max(sizes[i].width, line.width / 72.0);
            sizes[i].height += line.height / 72.0;
            if (end == std::string::npos) break;
            start = end + 1;
        }
        sizes[i].width += 2.0 * k_name_padding;
    }
    return sizes;
}

std::vector<NameSize> measure_line_labels(const MapScene& scene, double scale) {
    std::vector<NameSize> sizes(scene.edges.size());
    std::lock_guard<std::mutex> lock(detail::graphviz_mutex());
    const detail::Context& context = detail::shared_context();
    for (std::size_t i = 0; i < scene.edges.size(); ++i) {
        if (scene.edges[i].label.empty()) continue;
        const detail::TextSize size = detail::measure_text(context, scene.edges[i].label, 13.0 * scale);
        sizes[i] = {size.width / 72.0 + 2.0 * k_name_padding, size.height / 72.0};
    }
    return sizes;
}

/// A name beside its mark (not inside it, not a heading).
bool named_beside(const MapNode& node) {
    return !node.label.empty() && !node.label_inside && node.shape != NodeShape::text && node.shape != NodeShape::name;
}

/// What a node takes up: the mark Graphviz draws in its box, or its text when that is wider
/// (headings, summary circles). Graphviz fits a triangle's apex and base into the box's top
/// and a quarter of its height below the centre (upside down for inverted triangles), a
/// pentagon's base 0.404 of the height below the centre, and a star 1.05 times the box's
/// width (measured on Graphviz 2.42's SVG).
detail::Box node_box(const MapNode& node, MapPoint at, const NameSize& label) {
    double width = node.size;
    double height = node.height > 0 ? node.height : node.size;
    if (!named_beside(node) && !node.label.empty()) {
        width = std::max(width, label.width + (node.shape == NodeShape::text ? 0.22 : 0.0));
        height = std::max(height, label.height + (node.shape == NodeShape::text ? 0.11 : 0.0));
    }
    detail::Box box = detail::box_around(at, width, height);
    if (node.label_inside) return box;
    switch (node.shape) {
        case NodeShape::triangle:
            box.bottom = at.y - height / 4.0;
            break;
        case NodeShape::inverted_triangle:
            box.top = at.y + height / 4.0;
            break;
        case NodeShape::pentagon:
            box.bottom = at.y - 0.404 * height;
            break;
        case NodeShape::star:
            box.left = at.x - 0.525 * width;
            box.right = at.x + 0.525 * width;
            break;
        default:
            break;
    }
    return box;
}

const char* engine_of(SceneLayout layout) {
    switch (layout) {
        case SceneLayout::neato:
            return "neato";
        case SceneLayout::fdp:
            return "fdp";
        default:
            return "sfdp";
    }
}

/// The layout node of a scene node: its mark widened by its name, so that overlap removal
/// leaves room for the name beside it.
detail::LayoutNode layout_node(const MapNode& node, const NameSize& label) {
    detail::LayoutNode spec;
    spec.width = node.size;
    spec.height = node.height > 0 ? node.height : node.size;
    if (named_beside(node)) {
        // A little more than the name needs: on a sheet names may be drawn larger (render_scene).
        spec.width = node.size + 1.15 * label.width + 4.0 / 72.0;
        spec.height = std::max(spec.height, 1.15 * label.height) + 2.0 / 72.0;
    } else if (!node.label.empty()) {
        const detail::Box box = node_box(node, {}, label);
        spec.width = box.right - box.left;
        spec.height = box.top - box.bottom;
    }
    return spec;
}

std::vector<MapPoint> grouped_positions(const MapScene& scene, const std::vector<NameSize>& labels) {
    const std::size_t n = scene.nodes.size();
    // Groups in order of their number; nodes without a group last, as one group.
    std::map<std::uint32_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t group = scene.nodes[i].group;
        members[group == 0 ? std::numeric_limits<std::uint32_t>::max() : group].push_back(i);
    }
    std::vector<std::size_t> group_of(n, 0);
    std::vector<std::vector<std::size_t>> groups;
    for (auto& [group, nodes] : members) {
        for (const std::size_t i : nodes) group_of[i] = groups.size();
        groups.push_back(std::move(nodes));
    }
    std::vector<std::size_t> local(n, 0);
    for (const auto& nodes : groups) {
        for (std::size_t k = 0; k < nodes.size(); ++k) local[nodes[k]] = k;
    }

    // Each group alone.
    std::vector<MapPoint> relative(n);
    std::vector<double> radius(groups.size(), 0.0);
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> between;
    std::vector<detail::LayoutGraph> graphs(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        graphs[g].engine = scene.layout == SceneLayout::fdp ? "fdp" : groups[g].size() <= 300 ? "neato" : "sfdp";
        graphs[g].default_length = std::string_view(graphs[g].engine) == "sfdp" ? "1" : "1.6";
        graphs[g].seed = scene.seed;
        graphs[g].pack = true;
        for (const std::size_t i : groups[g]) graphs[g].nodes.push_back(layout_node(scene.nodes[i], labels[i]));
    }
    for (const MapEdge& edge : scene.edges) {
        const std::size_t a = group_of[edge.from];
        const std::size_t b = group_of[edge.to];
        if (a == b) {
            graphs[a].edges.push_back({local[edge.from], local[edge.to], edge.length});
        } else {
            ++between[{std::min(a, b), std::max(a, b)}];
        }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto points = detail::run_layout(graphs[g]);
        MapPoint centre;
        for (const auto& [x, y] : points) {
            centre.x += x / static_cast<double>(points.size());
            centre.y += y / static_cast<double>(points.size());
        }
        std::vector<double> reach;
        for (std::size_t k = 0; k < points.size(); ++k) {
            const std::size_t i = groups[g][k];
            relative[i] = {points[k].first - centre.x, points[k].second - centre.y};
            const detail::LayoutNode& spec = graphs[g].nodes[k];
            reach.push_back(std::hypot(relative[i].x, relative[i].y) + std::hypot(spec.width, spec.height) / 2.0);
        }
        // The disc holds most of the group: a few members tied only outside it sit at its
        // edge, and would make a disc of every reach much larger than the group looks.
        std::sort(reach.begin(), reach.end());
        radius[g] = reach[std::min(reach.size() - 1, reach.size() * 17 / 20)];
    }

    // The groups as discs: lines between two groups pull them together.
    detail::LayoutGraph discs;
    discs.engine = "neato";
    discs.seed = scene.seed;
    discs.sep = "+18";
    discs.pack = true;
    for (std::size_t g = 0; g < groups.size(); ++g) discs.nodes.push_back({2.0 * radius[g], 2.0 * radius[g], true});
    // Each group next to the two groups it has most lines to for its size: lines between every
    // pair would pull them all apart (most pairs of communities have some).
    std::vector<std::vector<std::pair<double, std::size_t>>> partners(groups.size());
    for (const auto& [pair, count] : between) {
        const double share =
            static_cast<double>(count) / static_cast<double>(groups[pair.first].size() * groups[pair.second].size());
        partners[pair.first].emplace_back(-share, pair.second);
        partners[pair.second].emplace_back(-share, pair.first);
    }
    std::set<std::pair<std::size_t, std::size_t>> kept;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::sort(partners[g].begin(), partners[g].end());
        for (std::size_t k = 0; k < std::min<std::size_t>(2, partners[g].size()); ++k) {
            const std::size_t other = partners[g][k].second;
            kept.insert({std::min(g, other), std::max(g, other)});
        }
    }
    for (const auto& [a, b] : kept) discs.edges.push_back({a, b, radius[a] + radius[b] + 0.3});
    auto centres = detail::run_layout(discs);
    // Overlap removal leaves the discs farther apart than they need be: bring them together
    // until the nearest two (with room for a gap) touch, keeping the picture's shape.
    double shrink = 0.0;
    for (std::size_t a = 0; a < centres.size(); ++a) {
        for (std::size_t b = a + 1; b < centres.size(); ++b) {
            const double apart = std::hypot(centres[a].first - centres[b].first, centres[a].second - centres[b].second);
            if (apart > 0) shrink = std::max(shrink, (radius[a] + radius[b] + 0.25) / apart);
        }
    }
    if (shrink > 0 && shrink < 1) {
        for (auto& [x, y] : centres) x *= shrink, y *= shrink;
    }
    std::vector<MapPoint> points(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& [x, y] = centres[group_of[i]];
        points[i] = {std::round((x + relative[i].x) * 7200.0) / 7200.0,
                     std::round((y + relative[i].y) * 7200.0) / 7200.0};
    }
    return points;
}

}  // namespace

std::vector<MapPoint> scene_positions(const MapScene& scene) {
    const std::size_t n = scene.nodes.size();
    for (const auto& edge : scene.edges) {
        if (edge.from >= n || edge.to >= n) throw Error("map scene has a line to a node that does not exist");
    }
    std::vector<MapPoint> points(n);
    if (scene.layout == SceneLayout::fixed) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!scene.nodes[i].position) throw Error("map scene with fixed positions has a node without one");
            points[i] = *scene.nodes[i].position;
        }
        return points;
    }
    if (n == 0) return points;
    const std::vector<NameSize> labels = measure_labels(scene, 1.0);
    if (std::any_of(scene.nodes.begin(), scene.nodes.end(), [](const MapNode& node) { return node.group != 0; })) {
        return grouped_positions(scene, labels);
    }
    detail::LayoutGraph graph;
    graph.engine = engine_of(scene.layout);
    graph.default_length = scene.layout == SceneLayout::sfdp ? "1" : "1.6";
    graph.seed = scene.seed;
    for (std::size_t i = 0; i < n; ++i) graph.nodes.push_back(layout_node(scene.nodes[i], labels[i]));
    for (const MapEdge& edge : scene.edges) graph.edges.push_back({edge.from, edge.to, edge.length});
    const auto laid_out = detail::run_layout(graph);
    for (std::size_t i = 0; i < n; ++i) points[i] = {laid_out[i].first, laid_out[i].second};
    return points;
}

namespace detail {

MapScene placed_scene(const MapScene& scene, std::span<const MapPoint> positions, double name_scale) {
    const std::size_t n = scene.nodes.size();
    if (positions.size() != n) throw Error("map: positions do not match the scene");
    const std::vector<NameSize> labels = measure_labels(scene, name_scale);
    const std::vector<NameSize> line_labels = measure_line_labels(scene, name_scale);

    std::vector<Box> marks(n);
    for (std::size_t i = 0; i < n; ++i) marks[i] = node_box(scene.nodes[i], positions[i], labels[i]);
    std::vector<Segment> lines(scene.edges.size());
    for (std::size_t e = 0; e < scene.edges.size(); ++e) {
        lines[e] = {positions[scene.edges[e].from], positions[scene.edges[e].to]};
    }
    // Largest marks first (they are the most important), then lines' labels.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i) {
        if (named_beside(scene.nodes[i])) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scene.nodes[a].size > scene.nodes[b].size; });
    std::vector<LabelRequest> requests;
    for (const std::size_t i : order) {
        requests.push_back({i, LabelRequest::k_none, labels[i].width, labels[i].height});
    }
    for (std::size_t e = 0; e < scene.edges.size(); ++e) {
        if (!scene.edges[e].label.empty())
            requests.push_back({LabelRequest::k_none, e, line_labels[e].width, line_labels[e].height});
    }
    const std::vector<std::optional<MapPoint>> placed = place_labels(marks, lines, requests);

    MapScene out = scene;
    out.layout = SceneLayout::fixed;
    for (std::size_t i = 0; i < n; ++i) {
        out.nodes[i].position = positions[i];
        if (named_beside(out.nodes[i])) out.nodes[i].label.clear();
    }
    for (auto& edge : out.edges) edge.label.clear();
    std::size_t left_off = 0;
    for (std::size_t r = 0; r < requests.size(); ++r) {
        const LabelRequest& request = requests[r];
        const bool of_mark = request.mark != LabelRequest::k_none;
        if (!placed[r]) {
            if (of_mark) ++left_off;
            continue;
        }
        MapNode name;
        if (of_mark) {
            const MapNode& owner = scene.nodes[request.mark];
            name.key = "label-" + owner.key;
            name.label = owner.label;
            name.font_size = owner.font_size * name_scale;
            name.tooltip = owner.tooltip;
        } else {
            const MapEdge& line = scene.edges[request.line];
            name.key = "label-line-" + std::to_string(request.line + 1);
            name.label = line.label;
            name.font_size = 13.0 * name_scale;
            name.tooltip = line.tooltip;
        }
        name.shape = NodeShape::name;
        name.size = request.width;
        name.height = request.height;
        name.css_class = "name";
        name.position = *placed[r];
        out.nodes.push_back(std::move(name));
    }
    if (left_off > 0) {
        // The legend promised everyone a name: say who has one.
        const std::size_t named = order.size() - left_off;
        for (auto& column : out.legend) {
            for (auto& item : column.items) {
                if (item.text.rfind("Everyone is named", 0) == 0) {
                    item.text = "Named: " + io::with_thousands(named) + " of " + io::with_thousands(order.size()) +
                                ", all there is room for.";
                }
            }
        }
        out.caption.push_back(io::with_thousands(left_off) + (left_off == 1 ? " name" : " names") +
                              " found no free place beside " + (left_off == 1 ? "its mark" : "their marks") + " and " +
                              (left_off == 1 ? "is" : "are") +
                              " left off; hover over a mark in the SVG map to see who it is.");
    }
    return out;
}

}  // namespace detail
}  // namespace bridgemap::viz
