// render_scene: a MapScene laid out and drawn by Graphviz, in memory, on one thread.

#include <bridgemap/viz/scene.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/palette.hpp>

#include "detail/graphviz.hpp"

#include <bridgemap/viz/detail/placement.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace bridgemap::viz {
namespace {

constexpr const char* k_font = "DejaVu Sans";
/// A PNG is drawn at this resolution and scaled to fit this many inches.
constexpr const char* k_png_dpi = "96";
constexpr const char* k_png_size = "25,25";
/// A map on paper: PNG at this resolution, this much margin (inches) on every side, and the
/// type on an A4 sheet in points (names, legend); larger sheets scale it with their width.
constexpr const char* k_paper_dpi = "300";
constexpr double k_paper_margin = 0.4;
constexpr double k_a4_name_points = 8.0;
constexpr double k_a4_legend_points = 7.5;
/// Names are never set smaller than this on a sheet (points).
constexpr double k_smallest_name_points = 6.0;

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
        case NodeShape::name:
            return "box";
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

/// A font size in points, times `scale`, for an HTML-like label.
std::string points(double size, double scale) {
    return number(size * scale, 2);
}

/// The two cells (sample, text) of one legend item, its type `scale` times the usual 14 points.
std::string legend_cells(const LegendItem& item, double scale) {
    const std::string font = "<FONT POINT-SIZE=\"" + points(14, scale) + "\">";
    const std::string text = "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + font + left_lines(item.text) + "</FONT></TD>";
    switch (item.kind) {
        case LegendItem::Kind::node: {
            std::string cell = "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"" + std::to_string(std::lround(22 * scale)) +
                               "\" HEIGHT=\"" + std::to_string(std::lround(18 * scale)) + "\" BGCOLOR=\"" +
                               html_label_text(item.colour) + "\"";
            if (item.bold || item.dashed_outline) {
                cell += std::string(" BORDER=\"") + (item.bold ? "2" : "1") + "\" COLOR=\"#000000\"";
                if (item.dashed_outline) cell += " STYLE=\"dashed\"";
            }
            cell += "><FONT COLOR=\"#1A1A1A\" POINT-SIZE=\"" + points(14, scale) + "\">" +
                    std::string(shape_symbol(item.shape)) + "</FONT></TD>";
            return cell + text;
        }
        case LegendItem::Kind::line:
            return "<TD><FONT COLOR=\"" + html_label_text(item.colour) + "\" POINT-SIZE=\"" + points(14, scale) +
                   "\">" + line_sample(item) + "</FONT></TD>" + text;
        case LegendItem::Kind::text:
            return "<TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + font + left_lines(item.text) + "</FONT></TD>";
    }
    return {};
}

/// How the legend is set: its type `scale` times the usual sizes; on a sheet, its sentences
/// wrapped to `wrap_points` (0: never) and at most `per_row` legend columns side by side
/// (0: all).
struct LegendLayout {
    double scale = 1.0;
    double wrap_points = 0.0;
    std::size_t per_row = 0;
};

/// `text` escaped, its lines no longer than about `width` points at `size` points (DejaVu
/// Sans averages a little under 0.6 em a character), broken at spaces; the whole when
/// `width` is 0.
std::string wrapped(const std::string& text, double size, double width) {
    if (width <= 0) return html_label_text(text);
    const auto characters = static_cast<std::size_t>(std::max(20.0, width / (0.58 * size)));
    std::string html;
    std::string line;
    std::size_t length = 0;  // code points in `line`
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        std::size_t word_length = 0;
        for (const char c : word) word_length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        if (length > 0 && length + 1 + word_length > characters) {
            html += html_label_text(line) + "<BR ALIGN=\"LEFT\"/>";
            line.clear();
            length = 0;
        }
        if (length > 0) {
            line += ' ';
            ++length;
        }
        line += word;
        length += word_length;
        start = end + 1;
    }
    return html + html_label_text(line);
}

/// The title, how to read the map, the legend columns and the caption, as one HTML-like
/// table: the graph's label, drawn above the map.
std::string legend_html(const MapScene& scene, const LegendLayout& layout) {
    const double scale = layout.scale;
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">";
    if (!scene.title.empty()) {
        html += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + points(26, scale) + "\"><B>" +
                wrapped(scene.title, 26 * scale, layout.wrap_points) + "</B></FONT></TD></TR>";
    }
    for (const auto& line : scene.reading) {
        html += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + points(15, scale) + "\">" +
                wrapped(line, 15 * scale, layout.wrap_points) + "</FONT></TD></TR>";
    }
    const std::size_t per_row = layout.per_row == 0 ? scene.legend.size() : layout.per_row;
    for (std::size_t first = 0; first < scene.legend.size(); first += per_row) {
        const std::size_t last = std::min(scene.legend.size(), first + per_row);
        // One grid: each legend column is two table columns (sample, text) and a spacer,
        // so rows line up and no column stretches.
        std::size_t rows = 0;
        for (std::size_t c = first; c < last; ++c) rows = std::max(rows, scene.legend[c].items.size());
        html += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
        html += "<TR>";
        for (std::size_t c = first; c < last; ++c) {
            // The heading sits over the text column only: spanning the sample column too
            // would widen it.
            html += "<TD></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + points(15, scale) + "\"><B>" +
                    html_label_text(scene.legend[c].heading) + "</B></FONT></TD><TD WIDTH=\"" +
                    std::to_string(std::lround(24 * scale)) + "\"></TD>";
        }
        html += "</TR>";
        for (std::size_t row = 0; row < rows; ++row) {
            html += "<TR>";
            for (std::size_t c = first; c < last; ++c) {
                const auto& column = scene.legend[c];
                html += row < column.items.size() ? legend_cells(column.items[row], scale)
                                                  : std::string("<TD COLSPAN=\"2\"></TD>");
                html += "<TD></TD>";
            }
            html += "</TR>";
        }
        html += "</TABLE></TD></TR>";
    }
    for (const auto& line : scene.caption) {
        html += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + points(11, scale) +
                "\" COLOR=\"#444444\">" + wrapped(line, 11 * scale, layout.wrap_points) + "</FONT></TD></TR>";
    }
    html += "</TABLE>";
    return html;
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

/// Graphviz sizes a page in whole points from its drawing, which can come out a point short of
/// the sheet on one axis: write the sheet's own size (ISO 216 in whole points, 595 x 842 for
/// A4) as the page's, when it has as many digits (so the file's cross-reference offsets stay
/// right). The drawing keeps its margin either way.
void fix_pdf_page_size(std::string& pdf, MapPoint sheet) {
    const std::string key = "/MediaBox [ 0 0 ";
    const auto at = pdf.find(key);
    if (at == std::string::npos) return;
    const auto start = at + key.size();
    const auto end = pdf.find(" ]", start);
    if (end == std::string::npos) return;
    const std::string wanted =
        std::to_string(std::lround(sheet.x * 72.0)) + " " + std::to_string(std::lround(sheet.y * 72.0));
    if (end - start == wanted.size()) pdf.replace(start, wanted.size(), wanted);
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
                                   const detail::Graph& graph, const LegendLayout& legend, const Page& page) {
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
    const MapPoint sheet = page_size(page);
    const bool on_paper = sheet.x > 0 && (format == MapFormat::png || format == MapFormat::pdf);
    if (on_paper) {
        // Scaled to fill the sheet (render_scene sets the padding that makes it exact).
        declare_attribute(g, AGRAPH, "size", (number(sheet.x, 4) + "," + number(sheet.y, 4) + "!").c_str());
        if (format == MapFormat::png) declare_attribute(g, AGRAPH, "dpi", k_paper_dpi);
        declare_attribute(g, AGRAPH, "margin", "0");  // PDF's default half inch would be on top of the sheet
    } else if (format == MapFormat::png) {
        declare_attribute(g, AGRAPH, "dpi", k_png_dpi);
        declare_attribute(g, AGRAPH, "size", k_png_size);
    }
    Agsym_t* graph_label = declare_attribute(g, AGRAPH, "label", "");
    detail::set_html_attribute(g, g, graph_label, legend_html(scene, legend));

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
        const bool name = node.shape == NodeShape::name;
        if (!node.label.empty()) {
            detail::set_html_attribute(g, created, node.label_inside || name ? node_label : node_xlabel,
                                       label_lines(node.label));
        }
        set_attribute(created, node_font_size, number(node.font_size, 1));
        set_attribute(created, node_shape, shape_name(node.shape));
        // A heading grows to fit its text, so the drawing's bounds include it.
        if (node.shape == NodeShape::text) set_attribute(created, node_fixed, "false");
        set_attribute(created, node_width, number(node.size));
        set_attribute(created, node_height, number(node.height > 0 ? node.height : node.size));
        set_attribute(created, node_style,
                      node.outline_style == LineStyle::solid
                          ? std::string("filled")
                          : std::string("filled,") + line_style_name(node.outline_style));
        // A name: its text on a white ground that hides the lines under it, no outline.
        set_attribute(created, node_fill, name ? std::string("#FFFFFFD9") : node.fill);
        set_attribute(created, node_colour, name ? std::string("#FFFFFF00") : node.outline);
        set_attribute(created, node_pen, name ? std::string("0") : number(node.outline_width, 2));
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

Paper parse_paper(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "a4") return Paper::a4;
    if (lower == "a3") return Paper::a3;
    if (lower == "a2") return Paper::a2;
    if (lower == "a1") return Paper::a1;
    if (lower == "a0") return Paper::a0;
    throw RequestError("unknown paper size \"" + std::string(text) + "\": use a4, a3, a2, a1 or a0");
}

MapPoint page_size(const Page& page) {
    // ISO 216, in millimetres: A0 is 841 × 1189, each next size half of it.
    double width = 0.0;
    double height = 0.0;
    switch (page.paper) {
        case Paper::none:
            return {};
        case Paper::a4:
            width = 210, height = 297;
            break;
        case Paper::a3:
            width = 297, height = 420;
            break;
        case Paper::a2:
            width = 420, height = 594;
            break;
        case Paper::a1:
            width = 594, height = 841;
            break;
        case Paper::a0:
            width = 841, height = 1189;
            break;
    }
    if (page.landscape) std::swap(width, height);
    return {width / 25.4, height / 25.4};
}

namespace {

/// The legend's width and height in inches with its type `scale` times the usual sizes, as
/// Graphviz lays it out.
MapPoint legend_extent(const MapScene& scene, const LegendLayout& legend) {
    std::lock_guard<std::mutex> lock(detail::graphviz_mutex());
    detail::GraphvizMessages messages;
    const detail::Context& context = detail::shared_context();
    detail::Graph graph("legend");
    Agraph_t* g = graph.get();
    detail::declare_attribute(g, AGRAPH, "fontname", k_font);
    Agsym_t* label = detail::declare_attribute(g, AGRAPH, "label", "");
    detail::set_html_attribute(g, g, label, legend_html(scene, legend));
    const detail::Layout layout(context, graph, "nop", messages);
    if (GD_label(g) == nullptr) return {};
    return {GD_label(g)->dimen.x / 72.0, GD_label(g)->dimen.y / 72.0};
}

/// The extent (width, height, inches) of a placed scene's nodes.
MapPoint drawing_extent(const MapScene& placed) {
    double left = 0, right = 0, bottom = 0, top = 0;
    bool first = true;
    for (const MapNode& node : placed.nodes) {
        const double w = node.size / 2.0;
        const double h = (node.height > 0 ? node.height : node.size) / 2.0;
        const MapPoint p = node.position.value_or(MapPoint{});
        left = first ? p.x - w : std::min(left, p.x - w);
        right = first ? p.x + w : std::max(right, p.x + w);
        bottom = first ? p.y - h : std::min(bottom, p.y - h);
        top = first ? p.y + h : std::max(top, p.y + h);
        first = false;
    }
    return {std::max(right - left, 0.5), std::max(top - bottom, 0.5)};
}

/// The names' and legend's size on a sheet: names k_a4_name_points and the legend's body
/// text k_a4_legend_points on A4 (larger sheets larger, by their width), the legend's
/// sentences wrapped to the sheet and its columns in as many rows as it takes to fit (then
/// narrowed, if one column is still wider). Returns the placed scene and the legend's layout
/// in the drawing's units.
std::pair<MapScene, LegendLayout> fit_to_sheet(const MapScene& scene, std::span<const MapPoint> positions,
                                               MapPoint sheet) {
    const double type = std::min(sheet.x, sheet.y) / (210.0 / 25.4);  // 1 on A4, 4 on A0
    const double room = sheet.x - 2.0 * k_paper_margin;
    LegendLayout legend{k_a4_legend_points * type / 14.0, room * 72.0, 0};  // the body text is 14 points
    MapPoint extent_of_legend;
    for (std::size_t per_row = std::max<std::size_t>(scene.legend.size(), 1); per_row >= 1; --per_row) {
        legend.per_row = per_row;
        extent_of_legend = legend_extent(scene, legend);
        if (extent_of_legend.x <= room) break;
    }
    if (extent_of_legend.x > room) {
        legend.scale *= room / extent_of_legend.x;
        extent_of_legend = {room, extent_of_legend.y * room / extent_of_legend.x};
    }
    const MapPoint available{room, std::max(sheet.y - 2.0 * k_paper_margin - extent_of_legend.y, 1.0)};
    // A drawing taller than wide on a room wider than tall (or the other way) is turned a
    // quarter when that lets it be drawn a tenth larger or more: a layout has no up.
    std::vector<MapPoint> turned(positions.begin(), positions.end());
    if (!positions.empty()) {
        double left = positions[0].x, right = left, bottom = positions[0].y, top = bottom;
        for (const MapPoint& p : positions) {
            left = std::min(left, p.x), right = std::max(right, p.x);
            bottom = std::min(bottom, p.y), top = std::max(top, p.y);
        }
        const double width = std::max(right - left, 1e-9);
        const double height = std::max(top - bottom, 1e-9);
        const double as_is = std::min(available.x / width, available.y / height);
        const double turned_zoom = std::min(available.x / height, available.y / width);
        if (turned_zoom > 1.1 * as_is) {
            for (MapPoint& p : turned) p = {p.y, -p.x};
        }
    }
    positions = turned;
    double name_scale = 1.0;
    double zoom = 1.0;
    MapScene placed;
    // The names' size depends on the zoom, the zoom on the drawing's extent, which the names
    // add to: three rounds settle it.
    double placed_scale = 1.0;
    for (int round = 0; round < 3; ++round) {
        placed = detail::placed_scene(scene, positions, name_scale);
        placed_scale = name_scale;
        const MapPoint extent = drawing_extent(placed);
        zoom = std::min(available.x / extent.x, available.y / extent.y);
        name_scale = k_a4_name_points * type / 12.0 / zoom;  // names are drawn at 12 points or so
    }
    // Where names of that size leave some without room, smaller ones may fit more (a large
    // sheet's names can be far larger than the room the layout kept for them): try smaller
    // sizes, down to k_smallest_name_points on the sheet, and keep the largest that names most
    // people.
    const auto names_in = [](const MapScene& drawn) {
        return std::count_if(drawn.nodes.begin(), drawn.nodes.end(),
                             [](const MapNode& node) { return node.shape == NodeShape::name; });
    };
    const auto wanted =
        std::count_if(scene.nodes.begin(), scene.nodes.end(),
                      [](const MapNode& node) {
                          return !node.label.empty() && !node.label_inside && node.shape != NodeShape::text &&
                                 node.shape != NodeShape::name;
                      }) +
        std::count_if(scene.edges.begin(), scene.edges.end(), [](const MapEdge& edge) { return !edge.label.empty(); });
    const double floor = k_smallest_name_points / 12.0 / zoom;
    double smaller = placed_scale;
    while (names_in(placed) < wanted && smaller > floor) {
        smaller = std::max(smaller * 0.85, floor);
        MapScene tried = detail::placed_scene(scene, positions, smaller);
        if (names_in(tried) > names_in(placed)) placed = std::move(tried);
    }
    legend.scale /= zoom;
    legend.wrap_points /= zoom;
    return {std::move(placed), legend};
}

}  // namespace

std::string render_scene(const MapScene& scene, MapFormat format, const Page& page) {
    const std::vector<MapPoint> positions = scene_positions(scene);
    const MapPoint sheet = page_size(page);
    const bool on_paper = sheet.x > 0 && (format == MapFormat::png || format == MapFormat::pdf);
    MapScene placed;
    LegendLayout legend;
    if (on_paper) {
        std::tie(placed, legend) = fit_to_sheet(scene, positions, sheet);
    } else {
        placed = detail::placed_scene(scene, positions);
    }

    Tooltips tooltips(format);
    std::lock_guard<std::mutex> lock(detail::graphviz_mutex());
    detail::GraphvizMessages messages;
    const detail::Context& context = detail::shared_context();
    detail::Graph graph("map");
    build_graph(placed, format, tooltips, graph, legend, page);
    const detail::Layout layout(context, graph, "nop", messages);
    detail::snap_positions(graph);
    if (on_paper) {
        // Padding that makes the scaled drawing exactly the sheet: Graphviz scales the drawing
        // and its padding by min(sheet / (drawing + 2 × padding)) on both axes.
        Agraph_t* g = graph.get();
        const double width = GD_bb(g).UR.x - GD_bb(g).LL.x;
        const double height = GD_bb(g).UR.y - GD_bb(g).LL.y;
        const double margin = k_paper_margin * 72.0;
        const double zoom = std::min((sheet.x * 72.0 - 2.0 * margin) / std::max(width, 1.0),
                                     (sheet.y * 72.0 - 2.0 * margin) / std::max(height, 1.0));
        // (Graphviz's page can still come out a point short on one axis, its drawing a little
        // larger than this bounding box: see fix_pdf_page_size.)
        const double pad_x = (sheet.x * 72.0 / zoom - width) / 2.0 / 72.0;
        const double pad_y = (sheet.y * 72.0 / zoom - height) / 2.0 / 72.0;
        detail::declare_attribute(g, AGRAPH, "pad", (number(pad_x, 4) + "," + number(pad_y, 4)).c_str());
    }
    const detail::RenderedData rendered(context, graph, renderer_name(format), messages);
    std::string bytes(rendered.bytes());
    if (format == MapFormat::pdf) fix_pdf_creation_date(bytes);
    if (format == MapFormat::pdf && on_paper) fix_pdf_page_size(bytes, sheet);
    if (format == MapFormat::svg) tooltips.fill_in(bytes);
    return bytes;
}

}  // namespace bridgemap::viz
