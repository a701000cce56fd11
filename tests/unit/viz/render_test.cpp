// render_scene: a scene drawn by Graphviz in every format, reproducibly, with every text
// escaped.

#include <bridgemap/viz/scene.hpp>

#include <bridgemap/error.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <future>
#include <string>
#include <vector>

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
    // The name is a node of its own beside its mark (placed_scene), its label HTML-like.
    EXPECT_NE(dot.find("label=<Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\\\N>"), std::string::npos) << dot;
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

/// `count` members on a ring, each tied to the next and to the one 7 further on, named and
/// with tooltips: enough for a force layout to run a while and for labels to be placed.
MapScene ring_scene(std::size_t count, SceneLayout layout, std::uint64_t seed) {
    MapScene scene;
    scene.title = "Ring of " + std::to_string(count);
    scene.legend.push_back(
        {"Sectors", {{LegendItem::Kind::node, "alpha", "#E69F00", NodeShape::circle, LineStyle::solid, false, false}}});
    scene.caption = {"Caption"};
    for (std::size_t i = 0; i < count; ++i) {
        MapNode node;
        node.key = "member-" + std::to_string(i + 1);
        node.label = "Member " + std::to_string(i + 1);
        node.tooltip = "Member " + std::to_string(i + 1) + " \u2014 alpha";
        node.fill = i % 2 == 0 ? "#E69F00" : "#56B4E9";
        node.shape = i % 3 == 0 ? NodeShape::square : NodeShape::circle;
        node.size = 0.2 + 0.01 * static_cast<double>(i % 10);
        node.css_class = "member sector-1";
        if (layout == SceneLayout::fixed) {
            const std::size_t row = i / 8;
            node.position = MapPoint{static_cast<double>(i % 8), static_cast<double>(row)};
        }
        scene.nodes.push_back(node);
    }
    for (std::size_t i = 0; i < count; ++i) {
        scene.edges.push_back({i, (i + 1) % count, "#4D4D4D88", 1.0, LineStyle::solid, "", "tie", "tie", 0.0});
        scene.edges.push_back({i, (i + 7) % count, "#000000", 3.0, LineStyle::dashed, "", "", "tie weak-bridge", 0.0});
    }
    scene.layout = layout;
    scene.seed = seed;
    return scene;
}

TEST(RenderScene, SfdpRepeatsItsLayoutWhateverWasRenderedBefore) {
    // sfdp coarsens the graph with rand() before seeding its own start: without rand() reset
    // before each layout, a render would depend on the renders before it.
    const MapScene scene = ring_scene(60, SceneLayout::sfdp, 3);
    const std::string first = render_scene(scene, MapFormat::dot);
    EXPECT_EQ(render_scene(scene, MapFormat::dot), first);
    render_scene(ring_scene(40, SceneLayout::sfdp, 5), MapFormat::svg);
    std::rand();
    EXPECT_EQ(render_scene(scene, MapFormat::dot), first);
}

TEST(RenderScene, ConcurrentRendersGiveTheSerialBytes) {
    // Graphviz keeps global state (the context and its plugins, the layout engines' random
    // seed and working arrays, the error handler): renders that overlapped would corrupt each
    // other's layouts or crash. Several threads rendering different scenes with sfdp, neato
    // and fixed positions in every format at once must give exactly what one thread gives.
    // (Not fdp: Graphviz 2.42's fdp does not always repeat a layout, even on one thread.)
    struct Job {
        MapScene scene;
        MapFormat format;
    };
    const std::vector<Job> jobs = {
        {ring_scene(60, SceneLayout::sfdp, 3), MapFormat::dot},
        {ring_scene(40, SceneLayout::neato, 5), MapFormat::svg},
        {ring_scene(30, SceneLayout::sfdp, 7), MapFormat::svg},
        {ring_scene(24, SceneLayout::fixed, 1), MapFormat::png},
        {small_scene(), MapFormat::pdf},
        {ring_scene(50, SceneLayout::neato, 9), MapFormat::dot},
    };
    std::vector<std::string> serial;
    serial.reserve(jobs.size());
    for (const Job& job : jobs) serial.push_back(render_scene(job.scene, job.format));
    // Different scenes give different bytes, so a mix-up between renders would show.
    for (std::size_t a = 0; a < serial.size(); ++a) {
        for (std::size_t b = a + 1; b < serial.size(); ++b) EXPECT_NE(serial[a], serial[b]) << a << " " << b;
    }
    constexpr std::size_t k_threads = 4;
    std::vector<std::future<std::vector<std::string>>> runs;
    runs.reserve(k_threads);
    for (std::size_t t = 0; t < k_threads; ++t) {
        runs.push_back(std::async(std::launch::async, [&jobs, t] {
            // Each thread starts at another job, so that different engines run at once.
            std::vector<std::string> bytes(jobs.size());
            for (std::size_t k = 0; k < jobs.size(); ++k) {
                const std::size_t j = (k + t) % jobs.size();
                bytes[j] = render_scene(jobs[j].scene, jobs[j].format);
            }
            return bytes;
        }));
    }
    for (std::size_t t = 0; t < k_threads; ++t) {
        const std::vector<std::string> bytes = runs[t].get();
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            EXPECT_TRUE(bytes[j] == serial[j]) << "thread " << t << ", scene " << j;
        }
    }
}

}  // namespace
}  // namespace bridgemap::viz
