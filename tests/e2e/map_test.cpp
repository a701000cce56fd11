// bridgemap map: the four kinds of map in the four formats, from the bundled example and a
// generated network; escaping of awkward names; reproducible bytes; usage errors.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bridgemap::testing {
namespace {

const std::string k_example = BRIDGEMAP_EXAMPLE_DIR;
const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;
const std::vector<std::string> k_formats = {"svg", "png", "pdf", "dot"};

/// True when the file starts as its format should.
bool has_signature(const std::string& bytes, const std::string& format) {
    if (format == "svg") return bytes.rfind("<?xml", 0) == 0 && bytes.find("</svg>") != std::string::npos;
    if (format == "png") return bytes.rfind("\x89PNG\r\n\x1A\n", 0) == 0;
    if (format == "pdf") return bytes.rfind("%PDF-", 0) == 0;
    return bytes.rfind("graph map {", 0) == 0;
}

/// Whether an XML parser accepts the file (Python's, which Debian always has); true when
/// there is no Python to ask.
bool is_valid_xml(const std::filesystem::path& path) {
    if (!std::filesystem::exists("/usr/bin/python3")) return true;
    const std::string command = "/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' " +
                                shell_quote(path.string()) + " 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

struct MapKind {
    std::string name;
    std::vector<std::string> arguments;
};

void expect_every_kind_and_format(const std::string& data, const std::vector<MapKind>& kinds,
                                  const std::string& folder) {
    const TemporaryFolder out(folder);
    for (const auto& kind : kinds) {
        for (const auto& format : k_formats) {
            const auto path = out / (kind.name + "." + format);
            std::vector<std::string> arguments = {"map", data, "--out", path.string()};
            arguments.insert(arguments.end(), kind.arguments.begin(), kind.arguments.end());
            const auto result = run_bridgemap(arguments);
            ASSERT_EQ(result.exit_code, 0) << kind.name << " " << format << "\n" << result.err;
            EXPECT_NE(result.out.find("Wrote " + path.string()), std::string::npos) << result.out;
            const std::string bytes = slurp(path);
            EXPECT_TRUE(has_signature(bytes, format)) << kind.name << " " << format;
            if (format == "svg") {
                EXPECT_TRUE(is_valid_xml(path)) << path;
                EXPECT_NE(bytes.find("class=\"node "), std::string::npos) << kind.name;
            }
        }
    }
}

TEST(Map, EveryKindAndFormatFromTheBundledExample) {
    expect_every_kind_and_format(k_example,
                                 {{"whole", {}},
                                  {"community", {"--colour", "community", "--size", "degree", "--layout", "sfdp"}},
                                  {"event", {"--event", "gathering-2018-07"}},
                                  {"ego", {"--member", "geraldine-blake", "--radius", "2"}},
                                  {"summary", {"--summary"}}},
                                 "map-example");
}

TEST(Map, WholeMapStructureInSvg) {
    const TemporaryFolder out("map-structure");
    const auto result = run_bridgemap({"map", k_example, "--out", (out / "m.svg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string svg = slurp(out / "m.svg");
    EXPECT_EQ(count(svg, "class=\"node member "), 56u);
    EXPECT_EQ(count(svg, "class=\"node member sector&#45;7\""), 23u);  // voluntary, the 7th sector by name
    EXPECT_EQ(count(svg, "class=\"node member sector&#45;unknown\""), 1u);
    EXPECT_NE(svg.find("fill=\"#cc79a7\""), std::string::npos);  // voluntary's colour
    EXPECT_NE(svg.find("voluntary (23)"), std::string::npos);    // the legend
    EXPECT_NE(svg.find("weak bridge"), std::string::npos);
    EXPECT_NE(svg.find("dates: all dates"), std::string::npos);  // the caption
    EXPECT_NE(svg.find("minimum tie weight none"), std::string::npos);
}

TEST(Map, EventMapHighlightsThoseNotYetConnected) {
    const TemporaryFolder out("map-event");
    const auto result =
        run_bridgemap({"map", k_example, "--event", "gathering-2018-07", "--out", (out / "e.svg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string svg = slurp(out / "e.svg");
    EXPECT_NE(svg.find("Who is coming: Better Way national gathering workshop"), std::string::npos);
    EXPECT_GT(count(svg, "not&#45;yet&#45;bridged"), 0u);
    EXPECT_NE(svg.find("pairs already tied"), std::string::npos);
}

TEST(Map, AwkwardNamesSurviveIntactAndInert) {
    const std::string data = k_fixtures + "/escaping";
    const TemporaryFolder out("map-escaping");
    for (const auto& format : k_formats) {
        const auto result = run_bridgemap({"map", data, "--out", (out / ("m." + format)).string()});
        ASSERT_EQ(result.exit_code, 0) << format << "\n" << result.err;
        EXPECT_TRUE(has_signature(slurp(out / ("m." + format)), format)) << format;
    }
    const std::string dot = slurp(out / "m.dot");
    EXPECT_NE(dot.find("xlabel=<Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\\\N>"), std::string::npos)
        << dot;
    EXPECT_NE(dot.find("xlabel=<&lt;script&gt;alert(1)&lt;/script&gt;>"), std::string::npos);
    EXPECT_NE(dot.find("xlabel=<Ben &quot;Quote&quot; Line Break>"), std::string::npos);  // the newline became a space
    const std::string svg = slurp(out / "m.svg");
    EXPECT_TRUE(is_valid_xml(out / "m.svg"));
    EXPECT_NE(svg.find(">Zo\u00EB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\N</text>"), std::string::npos);
    EXPECT_NE(svg.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    // The event's name, with markup of its own, in the title of the event map.
    const auto event = run_bridgemap({"map", data, "--event", "supper", "--out", (out / "e.svg").string()});
    ASSERT_EQ(event.exit_code, 0) << event.err;
    EXPECT_NE(slurp(out / "e.svg").find("Supper &lt;i&gt;&amp;&lt;/i&gt; &quot;talk&quot;"), std::string::npos);
}

TEST(Map, SameInputSameBytes) {
    const TemporaryFolder out("map-determinism");
    for (const auto& format : k_formats) {
        const auto first = out / ("a." + format);
        const auto second = out / ("b." + format);
        ASSERT_EQ(run_bridgemap({"map", k_example, "--out", first.string()}).exit_code, 0);
        ASSERT_EQ(run_bridgemap({"map", k_example, "--out", second.string()}).exit_code, 0);
        EXPECT_TRUE(slurp(first) == slurp(second)) << format;
    }
}

TEST(Map, GeneratedNetworkOf1100Members) {
    const TemporaryFolder data("map-generated-1100");
    const auto generated =
        run_bridgemap({"generate", "--members", "1100", "--seed", "1", "--out", (data / "g").string()});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    const std::string folder = (data / "g").string();
    expect_every_kind_and_format(folder,
                                 {{"whole", {}},
                                  {"event", {"--event", "e2024-030"}},
                                  {"ego", {"--member", "m00001", "--radius", "2"}},
                                  {"summary", {"--summary"}}},
                                 "map-1100");
    const TemporaryFolder out("map-1100-structure");
    const auto result = run_bridgemap({"map", folder, "--out", (out / "w.svg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string svg = slurp(out / "w.svg");
    EXPECT_EQ(count(svg, "class=\"node member "), 1100u);
    EXPECT_GT(count(svg, "class=\"edge tie weak&#45;bridge\""), 0u);
    EXPECT_NE(svg.find("strongest ties and every weak bridge"), std::string::npos);  // the drawing rule, stated
}

TEST(Map, SummaryAutomaticAboveTheThreshold) {
    const TemporaryFolder data("map-generated-2100");
    ASSERT_EQ(run_bridgemap({"generate", "--members", "2100", "--seed", "2", "--out", (data / "g").string()}).exit_code,
              0);
    const auto result = run_bridgemap({"map", (data / "g").string(), "--out", (data / "m.svg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("too many to draw one by one"), std::string::npos) << result.err;
    EXPECT_NE(slurp(data / "m.svg").find("How the sectors connect"), std::string::npos);
}

TEST(Map, WrongRequestsExitTwoAndWriteNothing) {
    const TemporaryFolder out("map-errors");
    const std::string target = (out / "m.svg").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"map", k_example, "--out", target, "--event", "no-such-event"}, "unknown event \"no-such-event\""},
        {{"map", k_example, "--out", target, "--member", "nobody"}, "unknown member \"nobody\""},
        {{"map", k_example, "--out", target, "--size", "fame"}, "unknown metric \"fame\""},
        {{"map", k_example, "--out", (out / "m.jpg").string()}, "name the file .svg, .png, .pdf or .dot"},
        {{"map", k_example, "--out", target, "--event", "gathering-2017", "--member", "geraldine-blake"}, "give one"},
        {{"map", k_example, "--out", target, "--summary", "--event", "gathering-2017"}, "--summary"},
        {{"map", k_example, "--out", target, "--layout", "dot"}, "unknown layout"},
        {{"map", k_example, "--out", target, "--colour", "region"}, "unknown colouring"},
        {{"map", k_example, "--out", target, "--member", "geraldine-blake", "--radius", "3"}, "radius"},
        {{"map", k_example, "--out", target, "--radius", "2"}, "--radius goes with --member"},
    };
    for (const auto& [arguments, message] : cases) {
        const auto result = run_bridgemap(arguments);
        EXPECT_EQ(result.exit_code, 2) << arguments.back() << "\n" << result.err;
        EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("Usage: bridgemap map"), std::string::npos) << result.err;
    }
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_EQ(run_bridgemap({"map", k_example}).exit_code, 2);  // no --out
}

TEST(Map, InvalidDataExitsThree) {
    const TemporaryFolder out("map-invalid");
    const auto result = run_bridgemap({"map", k_fixtures + "/every-problem", "--out", (out / "m.svg").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("members.csv:6: error: duplicate member id"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(out / "m.svg"));
}

TEST(Map, WindowAndWeightsInTheCaption) {
    const TemporaryFolder out("map-window");
    const auto result = run_bridgemap({"map", k_example, "--from", "2018", "--weights", "events=0.5", "--min-weight",
                                       "0.01", "--out", (out / "m.svg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string svg = slurp(out / "m.svg");
    EXPECT_NE(svg.find("from 2018&#45;01&#45;01"), std::string::npos);  // SVG writes '-' as &#45;
    EXPECT_NE(svg.find("events=0.5, groups=1, orgs=1, ties=1"), std::string::npos);
    EXPECT_NE(svg.find("minimum tie weight 0.01"), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::testing
