#pragma once
// What `bridgemap trend` writes: the per-period table (CSV, JSON, text), the exposure and
// friending-bias table by kind of setting, and the line chart.

#include <bridgemap/metrics/exposure.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/report/line_chart.hpp>

#include <cstdint>
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
    std::int32_t horizon_days = 365;  ///< The exposure follow-through horizon (--horizon).
    std::string settings_json;        ///< The run's settings, as a JSON object text.
    std::string tie_model;            ///< describe_tie_model(), the first line of the text table.
    std::string tie_model_json;       ///< tie_model_json(), the JSON output's `tie_model`.
};

/// Share of sector `from`'s members with a tie to a member of `to` in one period.
double share_with_tie(const PeriodFigures& figures, SectorIndex from, SectorIndex to);

/// period,from,until,active_members,ties,ei_index,expected_ei_index, then members, events,
/// assortativity, the --between shares, and for every pair of sectors its mixing ratio and
/// two-hop reach both ways.
std::string trend_csv(const TrendReport& report);

/// period,kind,settings,room_pairs,exposure_pairs,cross_sector_exposure_pairs,exposure,
/// followed_through,cross_sector_followed_through,followed_through_cross_share,friending_bias
/// (ExposureSummary); the whole history as period "all".
std::string exposure_csv(const TrendReport& report);

/// The whole report as one JSON document.
std::string trend_json(const TrendReport& report);

/// The text table a convenor reads on the screen.
std::string trend_text(const TrendReport& report);

/// E-I index against its baseline over the periods, and the --between shares when given.
LineChart trend_chart(const TrendReport& report);

}  // namespace bridgemap::report
