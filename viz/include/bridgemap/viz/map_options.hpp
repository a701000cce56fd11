#pragma once
// What every map shares: the file format, the layout, how members are coloured, sized and
// labelled, and what the caption says about the data behind the map.

#include <bridgemap/model/window.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bridgemap::viz {

/// The bytes a map is rendered to.
enum class MapFormat {
    svg,  ///< Scalable vector graphics (UTF-8 XML): for reports and the web.
    png,  ///< A bitmap at 96 dots per inch, at most about 2,400 pixels across.
    pdf,  ///< For print; the creation date inside is fixed so the bytes are reproducible.
    dot,  ///< Graphviz's own text, with the layout's positions: for further editing.
};

/// The format named by a file's extension (.svg, .png, .pdf, .dot, in any case).
/// Throws RequestError naming the four extensions when it is none of them.
MapFormat map_format_for(const std::filesystem::path& path);

/// The format named `name` (svg, png, pdf, dot or gv, any letter case), as --format gives it.
/// Throws RequestError for another name.
MapFormat parse_map_format(std::string_view name);

/// "svg", "png", "pdf" or "dot".
std::string_view format_name(MapFormat format) noexcept;

/// How member positions are found (Graphviz's force-directed engines).
enum class MapLayout {
    automatic,  ///< What suits the map: sfdp for large maps, neato for small ones, rings for an ego map.
    sfdp,       ///< Multiscale force-directed: fast on thousands of members.
    neato,      ///< Stress majorisation: tidy on a few hundred members.
    fdp,        ///< Spring model: an alternative look for small maps.
};

/// Parses "sfdp", "neato", "fdp" or "auto". Throws RequestError otherwise.
MapLayout parse_map_layout(std::string_view text);

/// What a member's fill colour says.
enum class MapColouring {
    sector,     ///< Their sector (the shape says it too).
    community,  ///< Their community (Leiden); the shape still says their sector.
};

/// Parses "sector" or "community". Throws RequestError otherwise.
MapColouring parse_map_colouring(std::string_view text);

/// Above this many members a whole-network map is drawn as a summary map (one node per
/// sector or community): a member-by-member picture of more people cannot be read.
inline constexpr std::size_t k_summary_threshold = 2000;

struct MapOptions {
    MapLayout layout = MapLayout::automatic;
    MapColouring colouring = MapColouring::sector;
    /// How many members are named on the map, the largest by the size metric first.
    /// 0: automatic (everyone up to 60 members, else the 30 largest).
    std::size_t labels = 0;
    /// On maps too dense to draw every tie: how many of each member's strongest ties are
    /// drawn (every weak bridge is drawn as well).
    std::size_t ties_per_member = 3;
    /// Seeds the layout: the same seed and input give the same picture.
    std::uint64_t seed = 1;
    /// The map's title; empty for one that says what the map shows.
    std::string title;
    /// The data the map was drawn from (a folder or file name), for the caption.
    std::string data_name;
    /// The date window (--from/--until), stated in the caption with the tie model it implies.
    Window window;
    /// The tie weights and minimum weight the ties were built with: stated in the caption,
    /// and used when an event map rebuilds the ties that existed before the event.
    TieOptions ties;
};

}  // namespace bridgemap::viz
