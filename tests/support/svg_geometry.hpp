#pragma once
// The geometry of a map's SVG as Graphviz writes it, read back for tests: each node's marks
// (ellipses and polygons) and texts, and whether every name is unambiguously its mark's.
// Reads the SVG text only (no layout code of bridgemap): the check is independent of how the
// names were placed.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace bridgemap::testing {

struct SvgBox {
    double left = 0, top = 0, right = 0, bottom = 0;  // SVG user units, y downwards
    bool empty = true;

    void add(double x, double y) {
        if (empty) {
            left = right = x;
            top = bottom = y;
            empty = false;
            return;
        }
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    }
};

/// Distance between two boxes; 0 when they touch or overlap.
inline double svg_box_distance(const SvgBox& a, const SvgBox& b) {
    const double dx = std::max({0.0, a.left - b.right, b.left - a.right});
    const double dy = std::max({0.0, a.top - b.bottom, b.top - a.bottom});
    return std::hypot(dx, dy);
}

/// True when two boxes share an area (not just an edge).
inline bool svg_boxes_overlap(const SvgBox& a, const SvgBox& b) {
    return std::min(a.right, b.right) - std::max(a.left, b.left) > 0.01 &&
           std::min(a.bottom, b.bottom) - std::max(a.top, b.top) > 0.01;
}

struct SvgText {
    double x = 0, y = 0, size = 0;
    std::string anchor;
    std::string content;
};

struct SvgNode {
    std::string id;  ///< Entities decoded ("member-12", "label-member-12").
    std::string css_class;
    std::string title;  ///< The hover text (xlink:title), entities decoded.
    SvgBox shape;       ///< The ellipses and polygons drawn; empty for text only.
    std::vector<SvgText> texts;
};

inline std::string svg_decode(std::string text) {
    const std::pair<const char*, const char*> entities[] = {{"&#45;", "-"}, {"&amp;", "&"},   {"&lt;", "<"},
                                                            {"&gt;", ">"},  {"&quot;", "\""}, {"&#39;", "'"}};
    for (const auto& [from, to] : entities) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
            text.replace(at, std::string(from).size(), to);
        }
    }
    return text;
}

/// Every node of a Graphviz SVG (a <g> of class "node ..."), in order.
inline std::vector<SvgNode> svg_nodes(const std::string& svg) {
    std::vector<SvgNode> nodes;
    static const std::regex start(R"re(<g id="([^"]*)" class="node([^"]*)">)re");
    static const std::regex ellipse(
        R"re(<ellipse[^>]* cx="([-0-9.e]+)" cy="([-0-9.e]+)" rx="([-0-9.e]+)" ry="([-0-9.e]+)")re");
    static const std::regex polygon(R"re(<polygon[^>]* points="([^"]*)")re");
    static const std::regex text(
        R"re(<text text-anchor="([a-z]+)" x="([-0-9.e]+)" y="([-0-9.e]+)"[^>]* font-size="([0-9.]+)"[^>]*>([^<]*)</text>)re");
    std::vector<std::pair<std::size_t, std::smatch>> starts;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), start); it != std::sregex_iterator(); ++it) {
        starts.emplace_back(static_cast<std::size_t>(it->position()), *it);
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t from = starts[k].first;
        std::size_t to = k + 1 < starts.size() ? starts[k + 1].first : svg.size();
        // A node's group ends before the next comment (edges come after the nodes' comments too).
        const auto comment = svg.find("<!--", from);
        if (comment != std::string::npos) to = std::min(to, comment);
        const std::string block = svg.substr(from, to - from);
        SvgNode node;
        node.id = svg_decode(starts[k].second[1].str());
        node.css_class = svg_decode(starts[k].second[2].str());
        if (!node.css_class.empty() && node.css_class.front() == ' ') node.css_class.erase(0, 1);
        const auto title = block.find("xlink:title=\"");
        if (title != std::string::npos) {
            const auto from_title = title + 13;
            node.title = svg_decode(block.substr(from_title, block.find('"', from_title) - from_title));
        }
        for (auto it = std::sregex_iterator(block.begin(), block.end(), ellipse); it != std::sregex_iterator(); ++it) {
            const double cx = std::stod((*it)[1]), cy = std::stod((*it)[2]);
            const double rx = std::stod((*it)[3]), ry = std::stod((*it)[4]);
            node.shape.add(cx - rx, cy - ry);
            node.shape.add(cx + rx, cy + ry);
        }
        for (auto it = std::sregex_iterator(block.begin(), block.end(), polygon); it != std::sregex_iterator(); ++it) {
            std::string points = (*it)[1];
            std::replace(points.begin(), points.end(), ',', ' ');
            std::istringstream in(points);
            double x = 0, y = 0;
            while (in >> x >> y) node.shape.add(x, y);
        }
        for (auto it = std::sregex_iterator(block.begin(), block.end(), text); it != std::sregex_iterator(); ++it) {
            node.texts.push_back(
                {std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[1], svg_decode((*it)[5])});
        }
        nodes.push_back(std::move(node));
    }
    return nodes;
}

/// Whether a node's class list has `word`.
inline bool svg_has_class(const SvgNode& node, const std::string& word) {
    return (" " + node.css_class + " ").find(" " + word + " ") != std::string::npos;
}

/// What is wrong with the names of a map, one sentence each; empty when every name is
/// unambiguously its mark's:
/// - a name beside a mark (a node of class "name", id "label-" and its mark's id) has its
///   text inside its box, and its own mark is strictly the nearest mark to its box;
/// - a line's label ("label-line-N") touches no mark;
/// - a text drawn inside a mark (summary maps) has its own mark the only mark around its
///   anchor point;
/// - no two names' boxes overlap.
/// A mark is any node with an ellipse or polygon that is not a name.
inline std::vector<std::string> label_problems(const std::string& svg) {
    std::vector<std::string> problems;
    const std::vector<SvgNode> nodes = svg_nodes(svg);
    std::map<std::string, const SvgNode*> marks;
    std::vector<const SvgNode*> names;
    for (const SvgNode& node : nodes) {
        if (svg_has_class(node, "name")) {
            names.push_back(&node);
        } else if (!node.shape.empty) {
            marks[node.id] = &node;
        }
    }
    for (const SvgNode* name : names) {
        if (name->shape.empty || name->texts.empty()) {
            problems.push_back(name->id + ": a name without its box or text");
            continue;
        }
        const SvgBox& box = name->shape;
        for (const SvgText& text : name->texts) {
            if (text.y < box.top - 0.5 || text.y > box.bottom + 0.5 || text.x < box.left - 0.5 ||
                text.x > box.right + 0.5) {
                problems.push_back(name->id + ": its text \"" + text.content + "\" is outside its box");
            }
        }
        const std::string owner = name->id.substr(std::string("label-").size());
        if (owner.rfind("line-", 0) == 0) {
            for (const auto& [id, mark] : marks) {
                if (svg_box_distance(box, mark->shape) <= 0.0) {
                    problems.push_back(name->id + " touches the mark " + id);
                }
            }
            continue;
        }
        const auto own = marks.find(owner);
        if (own == marks.end()) {
            problems.push_back(name->id + ": no mark " + owner);
            continue;
        }
        // The name is the mark's: its hover text starts with it (member marks: "Name — sector").
        if (own->second->title.rfind(name->texts.front().content, 0) != 0) {
            problems.push_back(name->id + ": \"" + name->texts.front().content + "\" is not the name of " + owner +
                               " (\"" + own->second->title + "\")");
        }
        const double own_distance = svg_box_distance(box, own->second->shape);
        for (const auto& [id, mark] : marks) {
            if (id == owner) continue;
            const double distance = svg_box_distance(box, mark->shape);
            if (distance <= own_distance) {
                problems.push_back("\"" + name->texts.front().content + "\" (" + name->id + ") is as near to " + id +
                                   " (" + std::to_string(distance) + ") as to its own mark (" +
                                   std::to_string(own_distance) + ")");
            }
        }
    }
    for (const auto& [id, mark] : marks) {
        for (const SvgText& text : mark->texts) {
            SvgBox point;
            point.add(text.x, text.y);
            for (const auto& [other_id, other] : marks) {
                if (other_id != id && svg_box_distance(point, other->shape) <= 0.0) {
                    problems.push_back("the text \"" + text.content + "\" of " + id + " is over " + other_id);
                }
            }
        }
    }
    for (std::size_t a = 0; a < names.size(); ++a) {
        for (std::size_t b = a + 1; b < names.size(); ++b) {
            if (svg_boxes_overlap(names[a]->shape, names[b]->shape)) {
                problems.push_back(names[a]->id + " overlaps " + names[b]->id);
            }
        }
    }
    return problems;
}

/// The names drawn beside marks: their text by their mark's id.
inline std::map<std::string, std::string> svg_names(const std::string& svg) {
    std::map<std::string, std::string> names;
    for (const SvgNode& node : svg_nodes(svg)) {
        if (svg_has_class(node, "name") && !node.texts.empty() && node.id.rfind("label-", 0) == 0) {
            names[node.id.substr(6)] = node.texts.front().content;
        }
    }
    return names;
}

}  // namespace bridgemap::testing
