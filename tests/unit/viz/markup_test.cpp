// Text on maps: one line, bounded, and escaped so that no name can inject markup.

#include <bridgemap/viz/markup.hpp>

#include <gtest/gtest.h>

#include <string>

namespace bridgemap::viz {
namespace {

const std::string k_awkward = "Zo\u00EB \"Z\" O'Neil <b>&amp; \\N";

TEST(OneLine, ControlCharactersBecomeOneSpace) {
    EXPECT_EQ(one_line("  Ben \"Quote\"\r\nLine\t\tBreak  "), "Ben \"Quote\" Line Break");
    EXPECT_EQ(one_line("a\x01"
                       "b\x7F"
                       "c"),
              "a b c");
    EXPECT_EQ(one_line("a\u0085b"), "a b");  // NEL, a C1 control
    EXPECT_EQ(one_line(""), "");
    EXPECT_EQ(one_line("\n\n"), "");
}

TEST(OneLine, KeepsNonAsciiLetters) {
    EXPECT_EQ(one_line(k_awkward), k_awkward);
}

TEST(OneLine, CutsAtCharacterBoundaryWithEllipsis) {
    EXPECT_EQ(one_line("Zo\u00EB\u00EB\u00EB\u00EB", 4), "Zo\u00EB\u2026");
    EXPECT_EQ(one_line("abcd", 4), "abcd");
    EXPECT_EQ(one_line("ab cdef", 4), "ab\u2026");  // no space before the ellipsis
}

TEST(OneLine, InvalidUtf8BecomesReplacementCharacter) {
    EXPECT_EQ(one_line("a\xFF"
                       "b"),
              "a\uFFFD"
              "b");
}

TEST(HtmlLabelText, EscapesMarkupAndGraphvizSequences) {
    EXPECT_EQ(html_label_text(k_awkward), "Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\\\N");
    EXPECT_EQ(html_label_text("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(html_label_text("plain"), "plain");
}

TEST(TooltipText, ReplacesBackslashWithLookAlike) {
    EXPECT_EQ(tooltip_text("a\\N\\"), "a\\\\N\\\\");
    EXPECT_EQ(tooltip_text("\"quoted\" <b>"), "\"quoted\" <b>");
    EXPECT_EQ(tooltip_text("R&D &amp;"), "R&amp;D &amp;amp;");
}

TEST(XmlText, EscapesTheFiveCharacters) {
    EXPECT_EQ(xml_text("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
}

}  // namespace
}  // namespace bridgemap::viz
