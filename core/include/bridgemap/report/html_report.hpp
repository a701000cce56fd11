#pragma once
// The one self-contained HTML report a convenor opens, prints or emails (`bridgemap report`).
// Everything is inline (styles, the sorting script, the map as SVG); a Content-Security-Policy
// forbids any network request.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/inventory.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/report/analysis_files.hpp>
#include <bridgemap/report/interactive_map.hpp>
#include <bridgemap/report/weak_spots.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstdint>

#include <string>
#include <vector>

namespace bridgemap::report {

/// One suggested introduction as the report shows it.
struct IntroductionRow {
    std::string member_a;
    std::string sector_a;
    std::string member_b;
    std::string sector_b;
    std::string introducer;  ///< A mutual contact's name, or empty.
    double gain = 0.0;
    std::string reason;
    MemberIndex a = k_none;  ///< The two members, by index (for the interactive map).
    MemberIndex b = k_none;
};

/// One period of the "Change over time" section.
struct TrendRow {
    std::string period;
    std::size_t active_members = 0;
    std::size_t ties = 0;
    double ei_index = k_not_defined;
    double expected_ei_index = k_not_defined;
    std::string note;  ///< e.g. the chosen pair's shares
};

struct ReportContent {
    std::string title;  ///< Usually the network folder's name.
    const Network* network = nullptr;
    const Analysis* analysis = nullptr;
    AnalysisContext context;
    Inventory inventory;  ///< Counts of the whole input, before the window.
    WeakSpots weak_spots;
    std::vector<Finding> findings;

    std::string map_svg;      ///< An SVG document (its XML prolog is dropped); empty for none.
    std::string map_caption;  ///< What the map shows, for the caption and the alt text.
    MapLook map_look;         ///< The interactive map's positions and colours; no positions: none.

    std::vector<IntroductionRow> introductions;
    std::string introductions_note;  ///< How they were chosen, in one sentence.

    std::vector<TrendRow> trend;
    std::string trend_svg;  ///< A line chart (SVG document); empty for none.
    std::string trend_note;

    bool pseudonymised = false;
    /// Consent (SPEC §5): members left out of every table, list and finding, by member index
    /// (they still count in every figure); empty: nobody.
    std::vector<bool> hidden;
    std::size_t consent_pseudonyms = 0;  ///< Members shown by pseudonym as their consent asks.
    /// Said in the Privacy note ("sector X has 3 members: they may be recognisable").
    std::vector<std::string> privacy_warnings;
    std::string command_line;  ///< How to reproduce the report.
};

/// The "Change over time" section: year by year inside `window`, the figures `bridgemap trend
/// --by year` computes under the report's tie model `ties`, with its line chart and a note
/// of how many members never took part (the whole-network view counts them, the periods do
/// not). Left empty when the window holds fewer than two years.
void add_trend_section(const Network& whole, const Window& window, const TieOptions& ties, ReportContent& content);

/// The "Suggested introductions" section: `count` introductions as `bridgemap introduce`
/// chooses them under the report's tie model `ties` (seed for its communities and baseline);
/// a note instead when count is 0. Members marked in content.hidden are never suggested nor
/// named as introducer.
void add_introductions_section(const Network& network, const TieOptions& ties, std::size_t count, std::uint64_t seed,
                               ReportContent& content);

/// The whole report as one HTML document. Every piece of text from the data is escaped.
/// Tables list at most the top 25 rows where a network is large. O(n + m) plus the SVGs.
std::string render_html_report(const ReportContent& content);

}  // namespace bridgemap::report
