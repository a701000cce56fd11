#include <bridgemap/io/text.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace bridgemap::io {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

TEST(Text, FixedRoundsToTheDigitsAndSaysNaForNaN) {
    EXPECT_EQ(fixed(0.4325, 3), "0.432");  // 0.4325 is stored as 0.43249999…
    EXPECT_EQ(fixed(2.0 / 3.0, 2), "0.67");
    EXPECT_EQ(fixed(-1.5, 0), "-2");
    EXPECT_EQ(fixed(k_nan, 2), "n/a");
}

TEST(Text, SignedFixedShowsTheSignAndNoNegativeZero) {
    EXPECT_EQ(signed_fixed(0.125, 2), "+0.12");
    EXPECT_EQ(signed_fixed(-0.031, 2), "-0.03");
    EXPECT_EQ(signed_fixed(-0.001, 2), "+0.00");
    EXPECT_EQ(signed_fixed(k_nan, 2), "n/a");
}

TEST(Text, SignificantAndPercent) {
    EXPECT_EQ(significant(0.14949), "0.149");
    EXPECT_EQ(significant(0.0031249), "0.00312");
    EXPECT_EQ(percent(0.425), "42.5%");
    EXPECT_EQ(percent(1.0), "100.0%");
    EXPECT_EQ(percent(k_nan), "n/a");
}

TEST(Text, ThousandsAreGroupedByCommas) {
    EXPECT_EQ(with_thousands(0), "0");
    EXPECT_EQ(with_thousands(999), "999");
    EXPECT_EQ(with_thousands(1000), "1,000");
    EXPECT_EQ(with_thousands(133740), "133,740");
    EXPECT_EQ(with_thousands(12800000), "12,800,000");
}

TEST(Text, DisplayWidthCountsColumnsNotBytes) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("public"), 6u);
    EXPECT_EQ(display_width("Matth\u00e4us"), 8u);     // 9 bytes
    EXPECT_EQ(display_width("Pha\u0323m"), 4u);        // a combining dot below takes no column
    EXPECT_EQ(display_width("Ph\u1ea1m"), 4u);         // the precomposed letter, 3 bytes
    EXPECT_EQ(display_width("\u5e02\u6c11"), 4u);      // two wide CJK characters
    EXPECT_EQ(display_width("\xF0\x9F\x98\x80"), 2u);  // an emoji, 4 bytes
}

TEST(Text, PaddingMeasuresDisplayWidth) {
    EXPECT_EQ(pad_right("ab", 5), "ab   ");
    EXPECT_EQ(pad_left("ab", 5), "   ab");
    EXPECT_EQ(pad_right("Matth\u00e4us", 10), "Matth\u00e4us  ");
    EXPECT_EQ(pad_left("\u5e02\u6c11", 6), "  \u5e02\u6c11");
    EXPECT_EQ(pad_right("toolongtext", 4), "toolongtext");
    EXPECT_EQ(pad_left("toolongtext", 4), "toolongtext");
}

TEST(Text, EditDistanceCountsCodePointsNotBytes) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("shah", ""), 4u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);  // k→s, e→i, +g
    EXPECT_EQ(edit_distance("Helen Shaw", "Helen Shah"), 1u);
    EXPECT_EQ(edit_distance("Zoe", "Zo\u00EB"), 1u);  // ë is one code point (two bytes): one substitution
    EXPECT_EQ(edit_distance("\u5E02\u6C11", "\u5E02"), 1u);
}

}  // namespace
}  // namespace bridgemap::io
