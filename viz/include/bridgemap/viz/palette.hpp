#pragma once
// Colours and shapes for sectors and communities, safe for colour-blind readers: the
// Okabe–Ito palette (Okabe & Ito 2008, https://jfly.uni-koeln.de/color/) without its black,
// then Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/). Every sector also has a
// shape, so colour is never the only sign of a sector: with 16 colours and 8 shapes the
// first 128 sectors each get a different pair.

#include <bridgemap/model/network.hpp>
#include <bridgemap/viz/scene.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace bridgemap::viz {

/// How members of one group (a sector or a community) are drawn.
struct GroupStyle {
    std::string fill;  ///< "#RRGGBB".
    NodeShape shape = NodeShape::circle;
    bool dashed_outline = false;  ///< Members of unknown sector.
};

/// Colours in the palette before they repeat (with a different shape).
inline constexpr std::size_t k_palette_colours = 16;

/// The style of sector `sector` (an index into Sectors::names, sorted by name, so a sector
/// keeps its colour on every map of a network). k_unknown_sector: light grey, circle,
/// dashed outline. O(1).
GroupStyle sector_style(SectorIndex sector);

/// The fill of community `community` (1, 2, … by decreasing size): the palette for the
/// first k_palette_colours communities, light grey for smaller ones and for k_no_community.
std::string community_colour(std::uint32_t community);

/// The palette's i-th colour, i < k_palette_colours.
std::string_view palette_colour(std::size_t index);

/// A Unicode symbol of the shape for legends ("●", "■", "▲", ...).
std::string_view shape_symbol(NodeShape shape) noexcept;

/// A colour with an opacity: "#RRGGBB" and 0.4 give "#RRGGBB66".
std::string with_opacity(std::string_view colour, double opacity);

}  // namespace bridgemap::viz
