#pragma once
// A map before it is drawn: the nodes, the lines between them, the title, the legend and
// the caption, in plain terms (colours as "#RRGGBB", sizes in inches, text unescaped).
// The map builders (whole_map, member_map, event_map, ego_map, summary_map) make one;
// render_scene() lays it out and draws it with Graphviz. Tests and callers can inspect a
// scene without knowing anything about Graphviz.

#include <bridgemap/viz/map_options.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::viz {

/// Node shapes; each sector has one, so colour is never the only sign of a sector. `text`
/// draws no mark, only the label (headings placed on the map); `name` is a mark's name placed
/// beside it (placed_scene() makes them): the text on a white, slightly transparent ground.
enum class NodeShape { circle, square, triangle, diamond, pentagon, hexagon, inverted_triangle, star, text, name };

enum class LineStyle { solid, dashed, dotted };

/// A point in inches, y upwards.
struct MapPoint {
    double x = 0.0;
    double y = 0.0;
};

struct MapNode {
    /// Unique within the scene; becomes the node's name in DOT and its id in SVG. Made from
    /// internal numbers ("member-12"), never from user text.
    std::string key;
    std::string label;          ///< Shown beside the node; lines separated by '\n'; empty for none.
    bool label_inside = false;  ///< Draw the label inside the node (summary maps) instead of beside it.
    double font_size = 11.0;    ///< Points.
    std::string tooltip;        ///< Shown on hover in SVG.
    std::string fill = "#FFFFFF";
    std::string outline = "#333333";
    double outline_width = 0.6;  ///< Points.
    LineStyle outline_style = LineStyle::solid;
    NodeShape shape = NodeShape::circle;
    double size = 0.2;                 ///< Width and height, inches.
    double height = 0.0;               ///< Height in inches when it differs from `size` (names); 0: size.
    std::string css_class;             ///< SVG class: "member sector-2", "ego", ...
    std::optional<MapPoint> position;  ///< Fixed position; when every node has one, no layout runs.
    /// Nodes of one group (a community, from 1) are laid out together, each group apart from
    /// the others; 0: none (such nodes are laid out together as one group of their own when
    /// any node has a group).
    std::uint32_t group = 0;
};

struct MapEdge {
    std::size_t from = 0;  ///< Index into MapScene::nodes.
    std::size_t to = 0;
    std::string colour = "#999999";  ///< "#RRGGBB" or "#RRGGBBAA".
    double width = 1.0;              ///< Points.
    LineStyle style = LineStyle::solid;
    std::string label;  ///< Shown along the line; empty for none.
    std::string tooltip;
    std::string css_class;  ///< SVG class: "tie within-sector", "tie weak-bridge", ...
    double length = 0.0;    ///< Preferred length in inches for neato/fdp; 0 for the default.
};

/// One row of the legend: a node swatch (fill and shape) or a line sample, with its meaning.
struct LegendItem {
    enum class Kind { node, line, text };
    Kind kind = Kind::text;
    std::string text;
    std::string colour;  ///< Fill for a node, stroke for a line.
    NodeShape shape = NodeShape::circle;
    LineStyle style = LineStyle::solid;
    bool bold = false;  ///< A thick line, or a thick node outline.
    bool dashed_outline = false;
};

struct LegendColumn {
    std::string heading;
    std::vector<LegendItem> items;
};

/// Which Graphviz engine places the nodes.
enum class SceneLayout {
    sfdp,
    neato,
    fdp,
    fixed,  ///< Every node has a position.
};

struct MapScene {
    std::string title;
    /// One or two sentences under the title saying how to read the map.
    std::vector<std::string> reading;
    std::vector<LegendColumn> legend;
    /// Small print at the foot of the legend: the data, date window, weights, minimum
    /// weight, what was drawn and what was left out.
    std::vector<std::string> caption;
    std::vector<MapNode> nodes;
    std::vector<MapEdge> edges;
    SceneLayout layout = SceneLayout::sfdp;
    std::uint64_t seed = 1;
};

/// A sheet of paper for PDF and PNG maps: the drawing is scaled to fill it (the legend's and
/// names' type kept readable), PNG at 300 dots per inch.
enum class Paper { none, a4, a3, a2, a1, a0 };

/// Parses "a4", "a3", "a2", "a1" or "a0" (any case). Throws RequestError otherwise.
Paper parse_paper(std::string_view text);

struct Page {
    Paper paper = Paper::none;  ///< none: the drawing's own size (PNG at 96 dpi, at most 25 inches).
    bool landscape = false;
};

/// The sheet's width and height in inches (portrait; swapped for landscape); 0 × 0 for none.
MapPoint page_size(const Page& page);

/// Lays the scene out (seeded by scene.seed), places the names (detail::placed_scene) and
/// renders it with Graphviz, on the calling
/// thread; calls from several threads are serialised, since Graphviz is not thread-safe.
/// Every text is escaped, so no name can add DOT, HTML-like-label or SVG markup. Same scene
/// and format, same bytes (the PDF's creation date is fixed to 2000-01-01), whatever was
/// rendered before in the process; except with fdp, whose layout Graphviz 2.42 does not
/// always repeat.
///
/// Time: the layout dominates; sfdp takes about 1 s per 1,000 nodes with 3,000 edges.
/// An empty scene renders a map with its title and legend only. Throws bridgemap::Error
/// with Graphviz's message if Graphviz fails.
std::string render_scene(const MapScene& scene, MapFormat format, const Page& page = {});

/// The positions render_scene() gives the scene's nodes (inches, y upwards, by node index):
/// the same layout, without drawing or names. Same scene, same positions. Time: the layout's.
/// Nodes with groups: each group laid out alone (neato up to 300 nodes, else sfdp; fdp when
/// the scene asks for it), then the groups as discs, placed by neato with the number of lines
/// between two groups pulling them together, overlaps removed.
std::vector<MapPoint> scene_positions(const MapScene& scene);

/// Consent (SPEC §5): removes the nodes of members marked in `hidden` (by member index; node
/// keys "member-N", N from 1) and every edge that touches them, before the layout, so that
/// they are not drawn at all. Other nodes keep their order. O(nodes + edges).
void leave_out_members(MapScene& scene, const std::vector<bool>& hidden);

}  // namespace bridgemap::viz
