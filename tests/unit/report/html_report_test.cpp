#include <bridgemap/report/html_report.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace bridgemap::report
