#include <bridgemap/viz/palette.hpp>

#include <bridgemap/metrics/communities.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace bridgemap::viz {
namespace {

constexpr std::array<std::string_view, k_palette_colours> k_palette = {
    // Okabe–Ito, without black (kept for weak bridges).
    "#E69F00",  // orange
    "#56B4E9",  // sky blue
    "#009E73",  // bluish green
    "#F0E442",  // yellow
    "#0072B2",  // blue
    "#D55E00",  // vermillion
    "#CC79A7",  // reddish purple
    // Paul Tol's muted scheme.
    "#332288",  // indigo
    "#88CCEE",  // cyan
    "#44AA99",  // teal
    "#117733",  // green
    "#999933",  // olive
    "#DDCC77",  // sand
    "#CC6677",  // rose
    "#882255",  // wine
    "#AA4499",  // purple
};

constexpr std::array<NodeShape, 8> k_shapes = {
    NodeShape::circle,   NodeShape::square,  NodeShape::triangle,          NodeShape::diamond,
    NodeShape::pentagon, NodeShape::hexagon, NodeShape::inverted_triangle, NodeShape::star,
};

constexpr std::string_view k_unknown_fill = "#D9D9D9";
constexpr std::string_view k_small_community_fill = "#E0E0E0";

}  // namespace

std::string_view palette_colour(std::size_t index) {
    return k_palette.at(index);
}

GroupStyle sector_style(SectorIndex sector) {
    if (sector == k_unknown_sector) return {std::string(k_unknown_fill), NodeShape::circle, true};
    const std::size_t colour = sector % k_palette_colours;
    // Shifting the shape by one on every pass through the colours keeps (colour, shape)
    // pairs distinct for the first 16 × 8 sectors.
    const std::size_t shape = (sector + sector / k_palette_colours) % k_shapes.size();
    return {std::string(k_palette[colour]), k_shapes[shape], false};
}

std::string community_colour(std::uint32_t community) {
    if (community == k_no_community || community > k_palette_colours) return std::string(k_small_community_fill);
    return std::string(k_palette[community - 1]);
}

std::string_view shape_symbol(NodeShape shape) noexcept {
    switch (shape) {
        case NodeShape::circle:
            return "\u25CF";  // ●
        case NodeShape::square:
            return "\u25A0";  // ■
        case NodeShape::triangle:
            return "\u25B2";  // ▲
        case NodeShape::diamond:
            return "\u25C6";  // ◆
        case NodeShape::pentagon:
            return "\u2B1F";  // ⬟
        case NodeShape::hexagon:
            return "\u2B22";  // ⬢
        case NodeShape::inverted_triangle:
            return "\u25BC";  // ▼
        case NodeShape::star:
            return "\u2605";  // ★
        case NodeShape::text:
        case NodeShape::name:
            return "";
    }
    return "\u25CF";
}

std::string with_opacity(std::string_view colour, double opacity) {
    const long alpha = std::lround(std::clamp(opacity, 0.0, 1.0) * 255.0);
    char suffix[3];
    std::snprintf(suffix, sizeof suffix, "%02X", static_cast<unsigned>(alpha));
    return std::string(colour.substr(0, 7)) + suffix;
}

}  // namespace bridgemap::viz
