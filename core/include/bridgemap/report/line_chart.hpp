#pragma once
// A plain SVG line chart for measures over time (trend --chart and the report's "Change over
// time"): axis labels, units, a legend, colour-blind-safe colours plus dash patterns and
// markers, so that colour is never the only way to tell the lines apart.

#include <string>
#include <vector>

namespace bridgemap::report {

struct ChartSeries {
    std::string name;
    std::vector<double> values;  ///< One per x label; NaN leaves a gap.
    bool dashed = false;         ///< For baselines ("if ties ignored sectors").
};

struct LineChart {
    std::string title;
    std::string x_label;
    std::string y_label;
    std::vector<std::string> x_labels;
    std::vector<ChartSeries> series;
    double y_min = 0.0;  ///< The y axis covers at least [y_min, y_max]; it grows to fit the data.
    double y_max = 1.0;
};

/// The chart as a standalone SVG document (720×400 user units, scalable). Every text is
/// escaped. Deterministic: the same chart gives the same bytes.
std::string render_line_chart_svg(const LineChart& chart);

}  // namespace bridgemap::report
