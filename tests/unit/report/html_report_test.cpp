#include <bridgemap/report/html_report.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace bridgemap::report {
namespace {

using testing::TestNetwork;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

struct Rendered {
    Network network;
    Analysis analysis;
    std::string html;
};

Rendered render(const std::string& map_svg = {}) {
    Rendered out;
    out.network = TestNetwork()
                      .member("x", "public")
                      .member("zoe", "grassroots")
                      .member("ana", "funder")
                      .member("ben", "public")
                      .event("e1", "2018-01-10", {"x", "zoe", "ana"})
                      .tie("ben", "zoe")
                      .tie("ben", "x")
                      .build();
    out.network.members[0].name = "<script>alert(1)</script>";
    out.network.members[1].name = "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N";
    out.analysis = analyse(out.network, AnalysisOptions{});
    ReportContent content;
    content.title = "Our <network> & friends";
    content.network = &out.network;
    content.analysis = &out.analysis;
    content.weak_spots = find_weak_spots(out.network, out.analysis, TieOptions{});
    content.findings = headline_findings(out.network, out.analysis, content.weak_spots);
    content.map_svg = map_svg;
    content.map_caption = "A map";
    content.introductions.push_back({"<script>alert(1)</script>", "public", "Ana", "funder", "", 1.5, "why <not>"});
    content.command_line = "bridgemap report data --out r.html";
    out.html = render_html_report(content);
    return out;
}

TEST(RenderHtmlReport, TextFromTheDataIsEscaped) {
    const std::string html = render().html;
    EXPECT_EQ(count(html, "<script"), 1u);  // the sorting script only
    EXPECT_EQ(count(html, "alert(1)</script>"), 0u);
    EXPECT_GE(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), 2u);  // a bridge builder and an introduction
    EXPECT_GE(count(html, "Zo\xC3\xAB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\N"), 1u);
    EXPECT_EQ(count(html, "<b>&amp;"), 0u);
    EXPECT_NE(html.find("<title>Our &lt;network&gt; &amp; friends"), std::string::npos);
    EXPECT_NE(html.find("why &lt;not&gt;"), std::string::npos);
}

TEST(RenderHtmlReport, EverySectionAndNothingFetched) {
    const std::string html = render().html;
    for (const char* id :
         {"headline", "mixing", "reach", "map", "bridge-builders", "weak-spots", "introductions", "method"}) {
        EXPECT_EQ(count(html, std::string("id=\"") + id + "\""), 1u) << id;
    }
    // No trend rows given: no trend section and no link to it.
    EXPECT_EQ(count(html, "id=\"trend\""), 0u);
    EXPECT_EQ(count(html, "href=\"#trend\""), 0u);
    EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
    EXPECT_EQ(count(html, " src="), 0u);
    EXPECT_EQ(count(html, "href=\"http"), 0u);
    EXPECT_EQ(count(html, "url("), 0u);
    EXPECT_EQ(count(html, "@import"), 0u);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_EQ(count(html, "<h1>"), 1u);
}

TEST(RenderHtmlReport, TheMapIsInlinedWithoutItsXmlProlog) {
    const std::string svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
        "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg width=\"10\" height=\"10\"><g "
        "id=\"marker\"/></svg>\n";
    const std::string html = render(svg).html;
    EXPECT_EQ(count(html, "<g id=\"marker\"/>"), 1u);
    EXPECT_EQ(count(html, "<?xml"), 0u);
    EXPECT_EQ(count(html, "<!DOCTYPE svg"), 0u);
    EXPECT_NE(html.find("role=\"img\" aria-label=\"A map\""), std::string::npos);
    EXPECT_NE(render().html.find("No map was drawn."), std::string::npos);
}

TEST(RenderHtmlReport, HeatmapHasOneRowAndColumnPerSector) {
    const Rendered rendered = render();
    // Three sectors: funder, grassroots, public. Two heat maps (mixing and reach), each with a
    // header cell and a row header per sector.
    EXPECT_EQ(count(rendered.html, "<th scope=\"row\">funder"), 2u);
    EXPECT_EQ(count(rendered.html, "<th scope=\"row\">public"), 2u);
    EXPECT_EQ(count(rendered.html, "<th scope=\"col\">grassroots</th>"), 2u);
    // public members: ben and x; ben–x is the only tie inside a sector.
    EXPECT_NE(rendered.html.find("<th scope=\"row\">public (2)</th>"), std::string::npos);
}

TEST(RenderHtmlReport, EveryTableScrollsInANamedFrameOfItsOwn) {
    const std::string html = render().html;
    // Each table is alone in a frame that scrolls sideways on a narrow screen, can be focused
    // to scroll it from the keyboard, and is named by the table's caption.
    const std::regex frame(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"([^\"]*)\"><table "
        "class=\"[^\"]*\"(?: role=\"table\")?><caption><span>([^<]*)</span></caption>");
    std::size_t frames = 0;
    for (std::sregex_iterator it(html.begin(), html.end(), frame), end; it != end; ++it, ++frames) {
        EXPECT_EQ((*it)[1].str(), (*it)[2].str());
    }
    EXPECT_EQ(frames, count(html, "<table"));
    EXPECT_GE(frames, 4u);  // the two heat maps, bridge builders, introductions at least
}

TEST(RenderHtmlReport, IntroductionsAreCardsOnAPhone) {
    const std::string html = render().html;
    const std::string section = html.substr(html.find("<section id=\"introductions\""));
    EXPECT_NE(section.find("<table class=\"sortable cards\" role=\"table\">"), std::string::npos);
    // The one introduction: every cell named by its column, the why laid out as prose.
    const std::string body = "<tbody role=\"rowgroup\">";
    const auto row = section.substr(section.find(body) + body.size());
    // The rank cell comes first, straight after the 15 characters of <tr role="row">.
    EXPECT_EQ(row.find("<td role=\"cell\" data-label=\"Rank\" class=\"num\" data-sort=\"1\">1</td>"), 15u);
    for (const char* column : {"Rank", "Member", "Who could introduce them", "Gain", "Why"}) {
        EXPECT_NE(row.find(std::string("data-label=\"") + column + "\""), std::string::npos) << column;
    }
    EXPECT_EQ(count(row.substr(0, row.find("</tr>")), "<td role=\"cell\" data-label="), 6u);
    EXPECT_NE(row.find("<td role=\"cell\" data-label=\"Why\" class=\"text\">why &lt;not&gt;</td>"), std::string::npos);
    // Its header keeps the columns' scope for screen readers.
    EXPECT_EQ(count(section.substr(0, section.find("</thead>")), "<th scope=\"col\" role=\"columnheader\""), 6u);
}

}  // namespace
}  // namespace bridgemap::report
