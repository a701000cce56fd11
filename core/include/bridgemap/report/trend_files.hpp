#pragma once
// What `bridgemap trend` writes: the per-period table (CSV, JSON, text), the exposure and
// friending-bias table by kind of setting, and the line chart.

#include <bridgemap/metrics/exposure.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/report/line_chart.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bridgemap::report {

/// Everything trend computed, ready to write.
struct TrendReport {
    std::vector<PeriodFigures> periods;
    std::vector<std::string> sector_names;
    std::optional<std::pair<SectorIndex, SectorIndex>> between;  ///< --between, if given.
    /// Exposure by kind of setting for each period (same order as periods), and over the
    /// whole history.
    std::vector<std::vector<ExposureSummary>> exposure_by_period;
    std::vector<ExposureSummary> exposure_overall;
    std::string settings_json;  ///< The run's settings, as a JSON object text.
};

/// Share of sector `from`'s members with a tie to a member of `to` in one period.
double share_with_tie(const PeriodFigures& figures, SectorIndex from, SectorIndex to);

/// period,from,until,active_members,ties,ei_index,expected_ei_index, then members, events,
/// assortativity, the --between shares, and for every pair of sectors its mixing ratio and
/// two-hop reach both ways.
std::string trend_csv(const TrendReport& report);

/// period,kind,settings,pairs,cross_sector_pairs,exposure,new_ties,cross_sector_new_ties,
/// new_tie_cross_share,friending_bias; the whole history as period "all".
std::string exposure_csv(const TrendReport& report);

/// The whole report as one JSON document.
std::string trend_json(const TrendReport& report);

/// The text table a convenor reads on the screen.
std::string trend_text(const TrendReport& report);

/// E-I index against its baseline over the periods, and the --between shares when given.
LineChart trend_chart(const TrendReport& report);

}  // namespace bridgemap::report
