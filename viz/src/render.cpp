// render_scene: a MapScene laid out and drawn by Graphviz, in memory, on one thread.

#include <bridgemap/viz/scene.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/palette.hpp>

#include "detail/graphviz.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace bridgemap::viz {
namespace {

constexpr const char* k_font = "DejaVu Sans";
/// A PNG is drawn at this resolution and scaled to fit this many inches.
constexpr const char* k_png_dpi = "96";
constexpr const char* k_png_size = "25,25";

std::string number(double value, int decimals = 3) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

/// A label's lines (separated by '\n'), escaped and joined by line breaks.
std::string label_lines(const std::string& text) {
    std::string html;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        html += html_label_text(
            std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        html += "<BR/>";
        start = end + 1;
    }
    return html;
}

const char* shape_name(NodeShape shape) {
    switch (shape) {
        case NodeShape::circle:
            return "circle";
        case NodeShape::square:
            return "square";
        case NodeShape::triangle:
            return "triangle";
        case NodeShape::diamond:
            return "diamond";
        case NodeShape::pentagon:
            return "pentagon";
        case NodeShape::hexagon:
            return "hexagon";
        case NodeShape::inverted_triangle:
            return "invtriangle";
        case NodeShape::star:
            return "star";
        case NodeShape::text:
            return "plaintext";
    }
    return "circle";
}

const char* line_style_name(LineStyle style) {
    switch (style) {
        case LineStyle::solid:
            return "solid";
        case LineStyle::dashed:
            return "dashed";
        case LineStyle::dotted:
            return "dotted";
    }
    return "solid";
}

/// A sample of a line in the legend, drawn with box-drawing characters.
std::string line_sample(const LegendItem& item) {
    switch (item.style) {
        case LineStyle::solid:
            return item.bold ? "\u2501\u2501\u2501\u2501" : "\u2500\u2500\u2500\u2500";
        case LineStyle::dashed:
            return item.bold ? "<B>\u2501 \u2501 \u2501</B>" : "\u2500 \u2500 \u2500";
        case LineStyle::dotted:
            return item.bold ? "\u2509\u2509\u2509\u2509" : "\u2508\u2508\u2508\u2508";
    }
    return "\u2500\u2500\u2500\u2500";
}

/// Text with '\n' line breaks, escaped, lines aligned left.
std::string left_lines(const std::string& text) {
    std::string html;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        html += html_label_text(
            std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        html += "<BR ALIGN=\"LEFT\"/>";
        start = end + 1;
    }
    return html;
}

/// The two cells (sample, text) of one legend item.
std::string legend_cells(const LegendItem& item) {
    const std::string text = "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + left_lines(item.text) + "</TD>";
    switch (item.kind) {
        case LegendItem::Kind::node: {
            std::string cell =
                "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"22\" HEIGHT=\"18\" BGCOLOR=\"" + html_label_text(item.colour) + "\"";
            if (item.bold || item.dashed_outline) {
                cell += std::string(" BORDER=\"") + (item.bold ? "2" : "1") + "\" COLOR=\"#000000\"";
                if (item.dashed_outline) cell += " STYLE=\"dashed\"";
            }
            cell += "><FONT COLOR=\"#1A1A1A\">" + std::string(shape_symbol(item.shape)) + "</FONT></TD>";
            return cell + text;
        }
        case LegendItem::Kind::line:
            return "<TD><FONT COLOR=\"" + html_label_text(item.colour) + "\">" + line_sample(item) + "</FONT></TD>" +
                   text;
        case LegendItem::Kind::text:
            return "<TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + left_lines(item.text) + "</TD>";
    }
    return {};
}

/// The title, how to read the map, the legend columns and the caption, as one HTML-like
/// table: the graph's label, drawn above the map.
std::string legend_html(const MapScene& scene) {
    const std::string span;
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">";
    if (!scene.title.empty()) {
        html += "<TR><TD ALIGN=\"LEFT\"" + span + "><FONT POINT-SIZE=\"26\"><B>" + html_label_text(scene.title) +
                "</B></FONT></TD></TR>";
    }
    for (const auto& line : scene.reading) {
        html +=
            "<TR><TD ALIGN=\"LEFT\"" + span + "><FONT POINT-SIZE=\"15\">" + html_label_text(line) + "</FONT></TD></TR>";
    }
    if (!scene.legend.empty()) {
        // One grid: each legend column is two table columns (sample, text) and a spacer,
        // so rows line up and no column stretches.
        std::size_t rows = 0;
        for (const auto& column : scene.legend) rows = std::max(rows, column.items.size());
        html += "<TR><TD ALIGN=\"LEFT\"" + span +
                "><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
        html += "<TR>";
        for (const auto& column : scene.legend) {
            // The heading sits over the text column only: spanning the sample column too
            // would widen it.
            html += "<TD></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\"><B>" + html_label_text(column.heading) +
                    "</B></FONT></TD><TD WIDTH=\"24\"></TD>";
        }
        html += "</TR>";
        for (std::size_t row = 0; row < rows; ++row) {
            html += "<TR>";
            for (const auto& column : scene.legend) {
                html += row < column.items.size() ? legend_cells(column.items[row])
                                                  : std::string("<TD COLSPAN=\"2\"></TD>");
                html += "<TD></TD>";
            }
            html += "</TR>";
        }
        html += "</TABLE></TD></TR>";
    }
    for (const auto& line : scene.caption) {
        html += "<TR><TD ALIGN=\"LEFT\"" + span + "><FONT POINT-SIZE=\"11\" COLOR=\"#444444\">" +
                html_label_text(line) + "</FONT></TD></TR>";
    }
    html += "</TABLE>";
    return html;
}

const char* engine_name(SceneLayout layout) {
    switch (layout) {
        case SceneLayout::sfdp:
            return "sfdp";
        case SceneLayout::neato:
            return "neato";
        case SceneLayout::fdp:
            return "fdp";
        case SceneLayout::fixed:
            return "nop";
    }
    return "sfdp";
}

const char* renderer_name(MapFormat format) {
    switch (format) {
        case MapFormat::svg:
            return "svg";
        case MapFormat::png:
            return "png:cairo";
        case MapFormat::pdf:
            return "pdf:cairo";
        case MapFormat::dot:
            return "dot";
    }
    return "svg";
}

/// cairo stamps a PDF with the time it was made; replace it (same length, so the file's
/// cross-reference offsets stay right) to make the bytes depend on the input only.
void fix_pdf_creation_date(std::string& pdf) {
    const std::string key = "/CreationDate (D:";
    const auto at = pdf.find(key);
    if (at == std::string::npos) return;
    const auto start = at + key.size();
    const auto end = pdf.find(')', start);
    const std::string fixed = "20000101000000Z";
    if (end == std::string::npos || end - start != fixed.size()) return;
    pdf.replace(start, fixed.size(), fixed);
}

/// Hover texts. Graphviz expands \\N, \\G, ... in tooltips, and in node tooltips twice
/// (Graphviz 2.42), so no escaping carries a backslash through every version. In SVG each
/// tooltip is therefore a placeholder that is replaced, after rendering, by the exact text
/// escaped for XML. Other formats get tooltip_text() (DOT keeps it for whoever renders it).
class Tooltips {
public:
    explicit Tooltips(MapFormat format) : placeholders_(format == MapFormat::svg) {}

    std::string attribute(const std::string& text) {
        if (!placeholders_) return tooltip_text(text);
        texts_.push_back(text);
        return "bridgemaptooltip" + std::to_string(texts_.size()) + "x";  // letters and digits: left alone
    }

    /// Replaces every placeholder in the SVG by its text. O(size of the SVG).
    void fill_in(std::string& svg) const {
        if (texts_.empty()) return;
        static constexpr std::string_view k_prefix = "bridgemaptooltip";
        std::string out;
        out.reserve(svg.size() + svg.size() / 8);
        std::size_t from = 0;
        for (auto at = svg.find(k_prefix); at != std::string::npos; at = svg.find(k_prefix, from)) {
            auto end = at + k_prefix.size();
            std::size_t index = 0;
            while (end < svg.size() && svg[end] >= '0' && svg[end] <= '9') index = index * 10 + (svg[end++] - '0');
            if (end >= svg.size() || svg[end] != 'x' || index == 0 || index > texts_.size()) {
                throw Error("map rendering: a hover text came back from Graphviz changed");
            }
            out.append(svg, from, at - from);
            out += xml_text(texts_[index - 1]);
            from = end + 1;
        }
        out.append(svg, from, std::string::npos);
        svg = std::move(out);
    }

private:
    bool placeholders_;
    std::vector<std::string> texts_;
};

/// Checks the scene and builds its Graphviz graph in `graph` (not laid out). Call holding
/// graphviz_mutex(). Returns the nodes, in scene order.
std::vector<Agnode_t*> build_graph(const MapScene& scene, MapFormat format, Tooltips& tooltips,
                                   const detail::Graph& graph) {
    const bool fixed = scene.layout == SceneLayout::fixed;

    for (const auto& edge : scene.edges) {
        if (edge.from >= scene.nodes.size() || edge.to >= scene.nodes.size()) {
            throw Error("map scene has a line to a node that does not exist");
        }
    }
    if (fixed) {
        for (const auto& node : scene.nodes) {
            if (!node.position) throw Error("map scene with fixed positions has a node without one");
        }
    }

    Agraph_t* g = graph.get();
    using detail::declare_attribute;
    using detail::set_attribute;

    // The graph.
    declare_attribute(g, AGRAPH, "fontname", k_font);
    declare_attribute(g, AGRAPH, "bgcolor", "white");
    declare_attribute(g, AGRAPH, "pad", "0.3");
    declare_attribute(g, AGRAPH, "splines", "false");
    declare_attribute(g, AGRAPH, "outputorder", "edgesfirst");
    declare_attribute(g, AGRAPH, "forcelabels", "true");
    declare_attribute(g, AGRAPH, "labelloc", "t");
    declare_attribute(g, AGRAPH, "labeljust", "l");
    declare_attribute(g, AGRAPH, "start", std::to_string(scene.seed).c_str());
    if (!fixed) {
        declare_attribute(g, AGRAPH, "overlap", "prism");
        declare_attribute(g, AGRAPH, "overlap_scaling", "-4");
        // Keep marks a little apart, which leaves room for the names beside them.
        declare_attribute(g, AGRAPH, "sep", "+10");
    }
    if (scene.layout == SceneLayout::sfdp) declare_attribute(g, AGRAPH, "K", "0.6");
    // neato and fdp: a longer default tie leaves room for the names.
    const char* default_length = scene.layout == SceneLayout::sfdp ? "1" : "1.6";
    if (format == MapFormat::png) {
        declare_attribute(g, AGRAPH, "dpi", k_png_dpi);
        declare_attribute(g, AGRAPH, "size", k_png_size);
    }
    Agsym_t* graph_label = declare_attribute(g, AGRAPH, "label", "");
    detail::set_html_attribute(g, g, graph_label, legend_html(scene));

    // Nodes.
    declare_attribute(g, AGNODE, "fontname", k_font);
    Agsym_t* node_fixed = declare_attribute(g, AGNODE, "fixedsize", "true");
    Agsym_t* node_label = declare_attribute(g, AGNODE, "label", "");
    Agsym_t* node_xlabel = declare_attribute(g, AGNODE, "xlabel", "");
    Agsym_t* node_font_size = declare_attribute(g, AGNODE, "fontsize", "11");
    Agsym_t* node_shape = declare_attribute(g, AGNODE, "shape", "circle");
    Agsym_t* node_width = declare_attribute(g, AGNODE, "width", "0.2");
    Agsym_t* node_height = declare_attribute(g, AGNODE, "height", "0.2");
    Agsym_t* node_style = declare_attribute(g, AGNODE, "style", "filled");
    Agsym_t* node_fill = declare_attribute(g, AGNODE, "fillcolor", "#FFFFFF");
    Agsym_t* node_colour = declare_attribute(g, AGNODE, "color", "#333333");
    Agsym_t* node_pen = declare_attribute(g, AGNODE, "penwidth", "0.6");
    Agsym_t* node_tooltip = declare_attribute(g, AGNODE, "tooltip", "");
    Agsym_t* node_id = declare_attribute(g, AGNODE, "id", "");
    Agsym_t* node_class = declare_attribute(g, AGNODE, "class", "");
    Agsym_t* node_pos = fixed ? declare_attribute(g, AGNODE, "pos", "") : nullptr;

    std::vector<Agnode_t*> nodes;
    nodes.reserve(scene.nodes.size());
    for (const auto& node : scene.nodes) {
        Agnode_t* created = agnode(g, const_cast<char*>(node.key.c_str()), 1);
        if (created == nullptr || agnnodes(g) != static_cast<int>(nodes.size() + 1)) {
            throw Error("map scene has a missing or repeated node key \"" + node.key + "\"");
        }
        nodes.push_back(created);
        if (!node.label.empty()) {
            detail::set_html_attribute(g, created, node.label_inside ? node_label : node_xlabel,
                                       label_lines(node.label));
        }
        set_attribute(created, node_font_size, number(node.font_size, 1));
        set_attribute(created, node_shape, shape_name(node.shape));
        // A heading grows to fit its text, so the drawing's bounds include it.
        if (node.shape == NodeShape::text) set_attribute(created, node_fixed, "false");
        set_attribute(created, node_width, number(node.size));
        set_attribute(created, node_height, number(node.size));
        set_attribute(created, node_style,
                      node.outline_style == LineStyle::solid
                          ? std::string("filled")
                          : std::string("filled,") + line_style_name(node.outline_style));
        set_attribute(created, node_fill, node.fill);
        set_attribute(created, node_colour, node.outline);
        set_attribute(created, node_pen, number(node.outline_width, 2));
        if (!node.tooltip.empty()) set_attribute(created, node_tooltip, tooltips.attribute(node.tooltip));
        set_attribute(created, node_id, node.key);
        if (!node.css_class.empty()) set_attribute(created, node_class, node.css_class);
        if (node_pos != nullptr) {
            set_attribute(created, node_pos,
                          number(node.position->x * 72.0, 2) + "," + number(node.position->y * 72.0, 2) + "!");
        }
    }

    // Edges.
    declare_attribute(g, AGEDGE, "fontname", k_font);
    declare_attribute(g, AGEDGE, "fontsize", "13");
    Agsym_t* edge_colour = declare_attribute(g, AGEDGE, "color", "#999999");
    Agsym_t* edge_pen = declare_attribute(g, AGEDGE, "penwidth", "1");
    Agsym_t* edge_style = declare_attribute(g, AGEDGE, "style", "solid");
    Agsym_t* edge_label = declare_attribute(g, AGEDGE, "label", "");
    // A line's label is joined to its line by a thin stroke: where lines cross, it says which
    // line a number belongs to.
    Agsym_t* edge_decorate = declare_attribute(g, AGEDGE, "decorate", "false");
    Agsym_t* edge_tooltip = declare_attribute(g, AGEDGE, "tooltip", "");
    Agsym_t* edge_id = declare_attribute(g, AGEDGE, "id", "");
    Agsym_t* edge_class = declare_attribute(g, AGEDGE, "class", "");
    Agsym_t* edge_length = declare_attribute(g, AGEDGE, "len", default_length);
    for (std::size_t index = 0; index < scene.edges.size(); ++index) {
        const MapEdge& edge = scene.edges[index];
        Agedge_t* created = agedge(g, nodes[edge.from], nodes[edge.to], nullptr, 1);
        if (created == nullptr) throw Error("Graphviz could not add a line to the map");
        set_attribute(created, edge_colour, edge.colour);
        set_attribute(created, edge_pen, number(edge.width, 2));
        set_attribute(created, edge_style, line_style_name(edge.style));
        if (!edge.label.empty()) {
            detail::set_html_attribute(g, created, edge_label, html_label_text(edge.label));
            set_attribute(created, edge_decorate, "true");
        }
        if (!edge.tooltip.empty()) set_attribute(created, edge_tooltip, tooltips.attribute(edge.tooltip));
        set_attribute(created, edge_id, "line-" + std::to_string(index + 1));
        if (!edge.css_class.empty()) set_attribute(created, edge_class, edge.css_class);
        if (edge.length > 0) set_attribute(created, edge_length, number(edge.length, 3));
    }

    return nodes;
}

}  // namespace

std::string render_scene(const MapScene& scene, MapFormat format) {
    Tooltips tooltips(format);
    std::lock_guard<std::mutex> lock(detail::graphviz_mutex());
    detail::GraphvizMessages messages;
    const detail::Context& context = detail::shared_context();
    detail::Graph graph("map");
    build_graph(scene, format, tooltips, graph);

    // sfdp seeds its own start positions, but coarsens the graph with rand() before that: reset
    // rand() to the state a program starts in (srand(1)), so that every render lays out the
    // scene as the first render of a process does, whatever was rendered before.
    std::srand(1);
    const detail::Layout layout(context, graph, engine_name(scene.layout), messages);
    detail::snap_positions(graph);
    const detail::RenderedData rendered(context, graph, renderer_name(format), messages);
    std::string bytes(rendered.bytes());
    if (format == MapFormat::pdf) fix_pdf_creation_date(bytes);
    if (format == MapFormat::svg) tooltips.fill_in(bytes);
    return bytes;
}

std::vector<MapPoint> scene_positions(const MapScene& scene) {
    Tooltips tooltips(MapFormat::dot);
    std::lock_guard<std::mutex> lock(detail::graphviz_mutex());
    detail::GraphvizMessages messages;
    const detail::Context& context = detail::shared_context();
    detail::Graph graph("map");
    const std::vector<Agnode_t*> nodes = build_graph(scene, MapFormat::svg, tooltips, graph);
    std::srand(1);  // as render_scene: the same layout whatever ran before
    const detail::Layout layout(context, graph, engine_name(scene.layout), messages);
    detail::snap_positions(graph);
    std::vector<MapPoint> points;
    points.reserve(nodes.size());
    for (Agnode_t* node : nodes) points.push_back({ND_coord(node).x / 72.0, ND_coord(node).y / 72.0});
    return points;
}

}  // namespace bridgemap::viz
