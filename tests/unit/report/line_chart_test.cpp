#include <bridgemap/report/line_chart.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace bridgemap::report {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

TEST(RenderLineChartSvg, OneLinePerSeriesWithGapsLegendAndEscapedText) {
    const double gap = std::numeric_limits<double>::quiet_NaN();
    LineChart chart;
    chart.title = "Ties <&> \"over\" time";
    chart.x_label = "year";
    chart.y_label = "share";
    chart.x_labels = {"2017", "2018", "2019", "2020"};
    chart.series = {{"E-I index", {0.1, 0.2, gap, 0.4}, false}, {"baseline & <co>", {0.5, 0.5, 0.5, 0.5}, true}};
    const std::string svg = render_line_chart_svg(chart);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_EQ(count(svg, "<path "), 2u);
    // The gap splits the first line: two "M" moves; the second line has one.
    const auto first_path = svg.substr(svg.find("<path "), svg.find("/>", svg.find("<path ")) - svg.find("<path "));
    EXPECT_EQ(count(first_path, " M"), 2u);
    EXPECT_EQ(count(svg, "stroke-dasharray=\"6 4\""), 2u);  // the dashed line and its legend swatch
    EXPECT_NE(svg.find("Ties &lt;&amp;&gt; &quot;over&quot; time"), std::string::npos);
    EXPECT_NE(svg.find("baseline &amp; &lt;co&gt;"), std::string::npos);
    EXPECT_EQ(svg.find("<co>"), std::string::npos);
    EXPECT_EQ(count(svg, "<circle"), 3u);          // markers for the three defined points of series 1
    EXPECT_EQ(count(svg, "<rect x="), 4u);         // square markers for series 2
    EXPECT_EQ(render_line_chart_svg(chart), svg);  // deterministic
}

TEST(RenderLineChartSvg, AxisCoversTheDataAndLabelsEveryPeriodWhenFew) {
    LineChart chart;
    chart.x_labels = {"a", "b"};
    chart.series = {{"values", {-0.7, 1.8}, false}};
    const std::string svg = render_line_chart_svg(chart);
    EXPECT_NE(svg.find(">\u22121.0</text>"), std::string::npos);  // the axis reaches below -0.7
    EXPECT_NE(svg.find(">2.0</text>"), std::string::npos);        // and above 1.8
    EXPECT_NE(svg.find(">a</text>"), std::string::npos);
    EXPECT_NE(svg.find(">b</text>"), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::report
