#include <bridgemap/report/html.hpp>
#include <bridgemap/report/line_chart.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bridgemap::report {
namespace {

// Okabe & Ito's colour-blind-safe palette, darkest first.
constexpr const char* k_colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
constexpr const char* k_dashes[] = {"", "8 4", "2 3", "10 3 2 3"};
constexpr double k_width = 720;
constexpr double k_height = 400;
constexpr double k_left = 70;
constexpr double k_right = 20;
constexpr double k_bottom = 95;

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string tick_label(double value, double step) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", step >= 1 ? 0 : step >= 0.1 ? 1 : 2, value);
    std::string text = buffer;
    if (text == "-0" || text == "-0.0" || text == "-0.00") text = text.substr(1);
    if (!text.empty() && text[0] == '-') text = "\u2212" + text.substr(1);
    return text;
}

/// A "nice" step (1, 2 or 5 times a power of ten) for about five ticks over `span`.
double nice_step(double span) {
    const double raw = span / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    return (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * magnitude;
}

}  // namespace

std::string render_line_chart_svg(const LineChart& chart) {
    double low = chart.y_min;
    double high = chart.y_max;
    for (const auto& series : chart.series) {
        for (const double value : series.values) {
            if (std::isnan(value)) continue;
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (high <= low) high = low + 1;
    // The legend sits under the title, wrapping onto as many rows as it needs.
    struct LegendEntry {
        double x;
        double y;
    };
    std::vector<LegendEntry> legend;
    double legend_x = k_left;
    double legend_y = 42;
    for (const auto& series : chart.series) {
        const double width = 42 + 6.6 * static_cast<double>(series.name.size());
        if (legend_x > k_left && legend_x + width > k_width - k_right) {
            legend_x = k_left;
            legend_y += 18;
        }
        legend.push_back({legend_x, legend_y});
        legend_x += width;
    }
    const double k_top = legend_y + 16;
    const double step = nice_step(high - low);
    low = std::floor(low / step) * step;
    high = std::ceil(high / step) * step;
    const double plot_width = k_width - k_left - k_right;
    const double plot_height = k_height - k_top - k_bottom;
    const std::size_t points = chart.x_labels.size();
    const auto x_of = [&](std::size_t i) {
        return k_left +
               (points <= 1 ? plot_width / 2 : plot_width * static_cast<double>(i) / static_cast<double>(points - 1));
    };
    const auto y_of = [&](double value) { return k_top + plot_height * (high - value) / (high - low); };

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg +=
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 400\" width=\"720\" height=\"400\" role=\"img\" "
        "aria-labelledby=\"chart-title chart-desc\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
    svg += "<title id=\"chart-title\">" + html_escape(chart.title) + "</title>\n";
    std::string description = chart.y_label + " by " + chart.x_label + ":";
    for (const auto& series : chart.series) description += " " + series.name + ";";
    svg += "<desc id=\"chart-desc\">" + html_escape(description) + "</desc>\n";
    svg += "<rect width=\"720\" height=\"400\" fill=\"#ffffff\"/>\n";
    svg += "<text x=\"" + number(k_left) + "\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#1d2329\">" +
           html_escape(chart.title) + "</text>\n";

    // Horizontal grid and y ticks.
    for (double tick = low; tick <= high + step / 2; tick += step) {
        const double y = y_of(tick);
        svg += "<line x1=\"" + number(k_left) + "\" x2=\"" + number(k_width - k_right) + "\" y1=\"" + number(y) +
               "\" y2=\"" + number(y) + "\" stroke=\"" + (std::abs(tick) < step / 2 ? "#8a949c" : "#e3e7ea") + "\"/>\n";
        svg += "<text x=\"" + number(k_left - 8) + "\" y=\"" + number(y + 4) +
               "\" font-size=\"12\" text-anchor=\"end\" "
               "fill=\"#3b444c\">" +
               tick_label(tick, step) + "</text>\n";
    }
    svg += "<text transform=\"translate(18 " + number(k_top + plot_height / 2) +
           ") rotate(-90)\" font-size=\"13\" "
           "text-anchor=\"middle\" fill=\"#1d2329\">" +
           html_escape(chart.y_label) + "</text>\n";

    // X labels: at most about 12, rotated when there are many.
    const std::size_t every = std::max<std::size_t>(1, (points + 11) / 12);
    for (std::size_t i = 0; i < points; i += every) {
        const double x = x_of(i);
        svg += "<line x1=\"" + number(x) + "\" x2=\"" + number(x) + "\" y1=\"" + number(k_top + plot_height) +
               "\" y2=\"" + number(k_top + plot_height + 5) + "\" stroke=\"#8a949c\"/>\n";
        svg += "<text transform=\"translate(" + number(x) + " " + number(k_top + plot_height + 18) + ")" +
               (points > 6 ? " rotate(-35)" : "") + "\" font-size=\"12\" text-anchor=\"" +
               (points > 6 ? "end" : "middle") + "\" fill=\"#3b444c\">" + html_escape(chart.x_labels[i]) + "</text>\n";
    }
    svg += "<text x=\"" + number(k_left + plot_width / 2) + "\" y=\"" + number(k_height - 8) +
           "\" font-size=\"13\" "
           "text-anchor=\"middle\" fill=\"#1d2329\">" +
           html_escape(chart.x_label) + "</text>\n";

    // Lines, with a marker shape per series so they differ without colour too.
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& series = chart.series[s];
        const std::string colour = k_colours[s % std::size(k_colours)];
        const std::string dash = series.dashed ? "6 4" : k_dashes[(s / std::size(k_colours)) % std::size(k_dashes)];
        std::string path;
        bool pen_down = false;
        for (std::size_t i = 0; i < points && i < series.values.size(); ++i) {
            if (std::isnan(series.values[i])) {
                pen_down = false;
                continue;
            }
            path += (pen_down ? " L" : " M") + number(x_of(i)) + " " + number(y_of(series.values[i]));
            pen_down = true;
        }
        svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" +
               (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
        for (std::size_t i = 0; i < points && i < series.values.size(); ++i) {
            if (std::isnan(series.values[i])) continue;
            const double x = x_of(i);
            const double y = y_of(series.values[i]);
            svg += (s % 2 == 0 ? "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"3.5\""
                               : "<rect x=\"" + number(x - 3.5) + "\" y=\"" + number(y - 3.5) +
                                     "\" width=\"7\" height=\"7\"") +
                   " fill=\"" + colour + "\"><title>" + html_escape(series.name + ", " + chart.x_labels[i]) + ": " +
                   tick_label(series.values[i], 0.01) + "</title>" + (s % 2 == 0 ? "</circle>\n" : "</rect>\n");
        }
    }

    // Legend under the title.
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& series = chart.series[s];
        const std::string colour = k_colours[s % std::size(k_colours)];
        const double x = legend[s].x;
        const double y = legend[s].y;
        svg += "<line x1=\"" + number(x) + "\" x2=\"" + number(x + 26) + "\" y1=\"" + number(y - 4) + "\" y2=\"" +
               number(y - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" +
               (series.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
        svg += "<text x=\"" + number(x + 32) + "\" y=\"" + number(y) + "\" font-size=\"12\" fill=\"#1d2329\">" +
               html_escape(series.name) + "</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace bridgemap::report
