#pragma once
// Making user text (member names, sector and event names) safe to show on a map: one line,
// not too long, and escaped for Graphviz so that no name can add DOT, HTML-like-label or
// SVG markup, or trigger Graphviz's escape sequences (\N, \G, \n, ...).

#include <cstddef>
#include <string>
#include <string_view>

namespace bridgemap::viz {

/// The text as one line: control characters (newlines, tabs, ...) become spaces, runs of
/// spaces become one, and the ends are trimmed. Longer than `max_characters` characters
/// (code points; 0 for no limit), it is cut at a character boundary and ends in "…".
/// Invalid UTF-8 bytes become U+FFFD. O(length).
std::string one_line(std::string_view text, std::size_t max_characters = 0);

/// Escapes text for Graphviz HTML-like labels: & < > " ' as entities, and a backslash
/// doubled (Graphviz would otherwise read "\N" in a label as the node's name). The result
/// shows exactly `text` once Graphviz has parsed it. O(length).
std::string html_label_text(std::string_view text);

/// Text for Graphviz's tooltip attribute in DOT, PNG and PDF output. Tooltips are escStrings:
/// each backslash is doubled, as Graphviz's documentation asks for a literal backslash ("\\N"
/// stays "\N" for edges; Graphviz 2.42 expands node tooltips twice, which is why SVG output
/// does not rely on it: render_scene puts the exact text into the SVG after rendering). '&'
/// becomes "&amp;": Graphviz's SVG writer keeps anything that looks like an entity. Quotes
/// and '<' need nothing, since attributes are set through cgraph, which quotes them when it
/// writes DOT. O(length).
std::string tooltip_text(std::string_view text);

/// Escapes text for XML and HTML element content and attributes: & < > " '. For callers
/// that put map text into their own HTML (a report). O(length).
std::string xml_text(std::string_view text);

}  // namespace bridgemap::viz
