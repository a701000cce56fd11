// render_scene: a scene drawn by Graphviz in every format, reproducibly, with every text
// escaped.

#include <bridgemap/viz/scene.hpp>

#include <bridgemap/error.hpp>

#include <gtest/gtest.h>

#include <future>
#include <string>

namespace bridgemap::viz {
namespace {

const std::string k_awkward = "Zo\u00EB \"Z\" O'Neil <b>&amp; \\N";

MapScene small_scene() {
    MapScene scene;
    scene.title = "A <title> & \"more\"";
    scene.reading = {"How to read it."};
    scene.legend.push_back(
        {"Sectors",
         {{LegendItem::Kind::node, "alpha <1>", "#E69F00", NodeShape::circle, LineStyle::solid, false, false},
          {LegendItem::Kind::line, "weak", "#000000", NodeShape::circle, LineStyle::dashed, true, false},
          {LegendItem::Kind::text, "note\nsecond line", "", NodeShape::circle, LineStyle::solid, false, false}}});
    scene.caption = {"Caption \\G"};
    for (int i = 0; i < 3; ++i) {
        MapNode node;
        node.key = "member-" + std::to_string(i + 1);
        node.label = i == 0 ? k_awkward : "<script>alert(1)</script>";
        node.tooltip = k_awkward;
        node.fill = "#56B4E9";
        node.css_class = "member sector-1";
        scene.nodes.push_back(node);
    }
    scene.edges.push_back({0, 1, "#000000", 3.0, LineStyle::dashed, "", k_awkward, "tie weak-bridge", 0.0});
    scene.edges.push_back({1, 2, "#4D4D4D88", 1.0, LineStyle::solid, "1.5\u00D7", "", "tie cross-sector", 0.0});
    scene.layout = SceneLayout::neato;
    return scene;
}

TEST(RenderScene, EveryFormatHasItsSignature) {
    const MapScene scene = small_scene();
    EXPECT_NE(render_scene(scene, MapFormat::svg).find("<svg"), std::string::npos);
    EXPECT_EQ(render_scene(scene, MapFormat::png).substr(0, 8), "\x89PNG\r\n\x1A\n");
    EXPECT_EQ(render_scene(scene, MapFormat::pdf).substr(0, 5), "%PDF-");
    EXPECT_EQ(render_scene(scene, MapFormat::dot).substr(0, 9), "graph map");
}

TEST(RenderScene, SameSceneSameBytes) {
    const MapScene scene = small_scene();
    for (const MapFormat format : {MapFormat::svg, MapFormat::png, MapFormat::pdf, MapFormat::dot}) {
        EXPECT_EQ(render_scene(scene, format), render_scene(scene, format)) << format_name(format);
    }
    EXPECT_NE(render_scene(scene, MapFormat::pdf).find("/CreationDate (D:20000101000000Z)"), std::string::npos);
}

TEST(RenderScene, NamesSurviveIntactAndInertInDot) {
    const std::string dot = render_scene(small_scene(), MapFormat::dot);
    // HTML-like label: entities, and the backslash doubled so that Graphviz does not expand \N.
    EXPECT_NE(dot.find("xlabel=<Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\\\N>"), std::string::npos)
        << dot;
    EXPECT_NE(dot.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(dot.find("<script>"), std::string::npos);
    EXPECT_NE(dot.find("tooltip=\"Zo\u00EB \\\"Z\\\" O'Neil <b>&amp;amp; \\\\N\""), std::string::npos) << dot;
}

TEST(RenderScene, NamesSurviveIntactAndInertInSvg) {
    const std::string svg = render_scene(small_scene(), MapFormat::svg);
    EXPECT_NE(svg.find(">Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\N</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_NE(svg.find("A &lt;title&gt; &amp; &quot;more&quot;"), std::string::npos);
    EXPECT_NE(svg.find("Caption \\G"), std::string::npos);  // not expanded to the graph's name
    // Hover text: the name exactly as written: "&amp;" stays "&amp;" and a backslash stays one.
    EXPECT_NE(svg.find("xlink:title=\"Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\N\""), std::string::npos)
        << svg;
    EXPECT_NE(svg.find("class=\"node member sector&#45;1\""), std::string::npos);
    EXPECT_NE(svg.find("class=\"edge tie weak&#45;bridge\""), std::string::npos);
    EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
}

TEST(RenderScene, FixedPositionsAreKept) {
    MapScene scene = small_scene();
    scene.layout = SceneLayout::fixed;
    scene.nodes[0].position = MapPoint{0, 0};
    scene.nodes[1].position = MapPoint{2, 0};
    scene.nodes[2].position = MapPoint{2, 1};
    const std::string dot = render_scene(scene, MapFormat::dot);
    // Node 2 is two inches (144 points) right of node 1 and one inch (72 points) above it.
    EXPECT_NE(dot.find("pos=\""), std::string::npos);
    const auto x_of = [&](const std::string& key) {
        const auto at = dot.find("pos=\"", dot.find("\t" + key + "\t"));
        return std::stod(dot.substr(at + 5));
    };
    EXPECT_NEAR(x_of("\"member-2\"") - x_of("\"member-1\""), 144.0, 1.0);
    scene.nodes[2].position.reset();
    EXPECT_THROW(render_scene(scene, MapFormat::dot), Error);
}

TEST(RenderScene, BrokenScenesThrow) {
    MapScene scene = small_scene();
    scene.edges.push_back({0, 7, "#000000", 1, LineStyle::solid, "", "", "", 0});
    EXPECT_THROW(render_scene(scene, MapFormat::svg), Error);
    scene = small_scene();
    scene.nodes[1].key = scene.nodes[0].key;
    EXPECT_THROW(render_scene(scene, MapFormat::svg), Error);
}

TEST(RenderScene, EmptySceneDrawsItsLegend) {
    MapScene scene;
    scene.title = "Nothing yet";
    const std::string svg = render_scene(scene, MapFormat::svg);
    EXPECT_NE(svg.find("Nothing yet"), std::string::npos);
}

TEST(RenderScene, CallsFromTwoThreadsAreSerialised) {
    const MapScene scene = small_scene();
    const std::string expected = render_scene(scene, MapFormat::svg);
    auto first = std::async(std::launch::async, [&] { return render_scene(scene, MapFormat::svg); });
    auto second = std::async(std::launch::async, [&] { return render_scene(scene, MapFormat::svg); });
    EXPECT_EQ(first.get(), expected);
    EXPECT_EQ(second.get(), expected);
}

}  // namespace
}  // namespace bridgemap::viz
