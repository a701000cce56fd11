#pragma once
// The interactive map of the HTML report: every shown member at the whole-network map's
// position, searchable, with a panel per member, filters by sector and community and a year
// slider, drawn by sigma.js 3 and graphology (viewer/, embedded in the binary at build time).
// Where WebGL is missing the report's static SVG map stays with a note. Nothing is fetched.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::report {

struct ReportContent;

/// Where the members sit and in which colours, from viz (core does not draw): report_command
/// computes it with viz::member_positions and viz::sector_style.
struct MapLook {
    std::vector<double> x;  ///< By member index, any unit, y upwards; empty: no interactive map.
    std::vector<double> y;
    std::vector<std::string> sector_colours;  ///< By Analysis::sectors index, "#RRGGBB".
    std::string unknown_sector_colour = "#D9D9D9";
};

/// The map's data as a JSON object, safe inside a <script> element (every <, > and & and the
/// line separators U+2028/U+2029 written as \u escapes). Members marked in content.hidden are
/// left out entirely (no name, position or tie); the rest are renumbered in member order.
/// Holds names, organisations, sectors, communities, positions (integers 0–10000, one scale
/// for both axes), bridging (basis points) and its rank among the shown, first years, the suggested
/// introductions, and the ties as base64: per member the count of ties to later members then
/// their gaps as LEB128 varints, a byte per tie of weight (1–255 on a log scale) and a byte
/// of first year (0: undated). Deterministic. O(members + ties log ties).
std::string interactive_map_data(const ReportContent& content);

/// The map's controls and canvas (data-testid map-canvas, member-search, member-panel,
/// sector-filter, community-filter, year-slider), hidden until the script starts it; empty
/// when content.map_look has no positions. Sector names are escaped.
std::string interactive_map_markup(const ReportContent& content);

/// Its styles (screen, phone width and print: in print only the static map shows).
std::string_view interactive_map_style();

/// The script that draws it: graphology's and sigma's prebuilt files, wrapped so that they run
/// only where WebGL is available, then viewer/src/viewer.js. It reads the data from the global
/// BRIDGEMAP_MAP. Never contains "</script".
std::string_view interactive_map_script();

}  // namespace bridgemap::report
