#include <bridgemap/report/html.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace bridgemap::report {
namespace {

TEST(HtmlEscape, EveryMarkupCharacterBecomesText) {
    EXPECT_EQ(html_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(html_escape("Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N"),
              "Zo\xC3\xAB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\N");
    EXPECT_EQ(html_escape(""), "");
}

TEST(FormatForPeople, ThousandsDecimalsAndMissingValues) {
    EXPECT_EQ(format_count(0), "0");
    EXPECT_EQ(format_count(1100), "1,100");
    EXPECT_EQ(format_count(2828715), "2,828,715");
    EXPECT_EQ(format_for_people(12345.678, 1), "12,345.7");
    EXPECT_EQ(format_for_people(-0.126, 2), "\u22120.13");
    EXPECT_EQ(format_for_people(-0.001, 2), "0.00");  // no minus sign on a rounded zero
    EXPECT_EQ(format_for_people(std::numeric_limits<double>::quiet_NaN(), 2), "n/a");
    EXPECT_EQ(format_percent(0.0612), "6.1%");
    EXPECT_EQ(format_percent(0.14), "14%");
    EXPECT_EQ(format_percent(0.0), "0%");
    EXPECT_EQ(format_percent(std::numeric_limits<double>::quiet_NaN()), "n/a");
}

}  // namespace
}  // namespace bridgemap::report
