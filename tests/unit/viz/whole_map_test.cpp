// The whole-network map: one node per member styled by sector, weak bridges highlighted,
// a legend and a caption that explain the picture.

#include <bridgemap/viz/whole_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/viz/palette.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace bridgemap::viz {
namespace {

// alpha = {a1, a2, a3, iso}, beta = {b1, b2, b3}, gamma = {c1}, u1 of unknown sector.
// a3–b1 is a cross-sector tie whose ends share no contact: a weak bridge.
Network example() {
    return testing::TestNetwork()
        .member("a1", "alpha")
        .member("a2", "alpha")
        .member("a3", "alpha")
        .member("iso", "alpha")
        .member("b1", "beta")
        .member("b2", "beta")
        .member("b3", "beta")
        .member("c1", "gamma")
        .member("u1")
        .event("e1", "2019-01-01", {"a1", "a2", "a3"})
        .event("e2", "2019-02-01", {"b1", "b2", "b3", "u1"})
        .event("g", "2019-06-01", {"a1", "b2", "c1", "u1"})
        .tie("a3", "b1", 1.0, "2019-03-01")
        .tie("b3", "c1")
        .build();
}

const MapNode& node_of(const MapScene& scene, const Network& network, const std::string& id) {
    const std::string key = "member-" + std::to_string(network.find_member(id) + 1);
    const auto found =
        std::find_if(scene.nodes.begin(), scene.nodes.end(), [&](const MapNode& n) { return n.key == key; });
    EXPECT_NE(found, scene.nodes.end()) << id;
    return *found;
}

const MapEdge* edge_between(const MapScene& scene, const Network& network, const std::string& a, const std::string& b) {
    const auto index = [&](const std::string& id) {
        const std::string key = "member-" + std::to_string(network.find_member(id) + 1);
        return static_cast<std::size_t>(
            std::find_if(scene.nodes.begin(), scene.nodes.end(), [&](const MapNode& n) { return n.key == key; }) -
            scene.nodes.begin());
    };
    const std::size_t x = index(a), y = index(b);
    for (const auto& edge : scene.edges) {
        if ((edge.from == x && edge.to == y) || (edge.from == y && edge.to == x)) return &edge;
    }
    return nullptr;
}

TEST(WholeNetworkScene, OneNodePerMemberStyledBySector) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = whole_network_scene(network, map_data(analysis, MemberMetric::bridging), {});
    ASSERT_EQ(scene.nodes.size(), network.members.size());  // the isolate too
    for (const std::string id : {"a1", "a2", "a3", "iso"}) {
        EXPECT_EQ(node_of(scene, network, id).fill, sector_style(network.find_sector("alpha")).fill);
        EXPECT_EQ(node_of(scene, network, id).shape, sector_style(network.find_sector("alpha")).shape);
    }
    EXPECT_EQ(node_of(scene, network, "b1").fill, sector_style(network.find_sector("beta")).fill);
    EXPECT_NE(node_of(scene, network, "b1").fill, node_of(scene, network, "a1").fill);
    EXPECT_NE(node_of(scene, network, "b1").shape, node_of(scene, network, "a1").shape);
    EXPECT_EQ(node_of(scene, network, "u1").outline_style, LineStyle::dashed);
    EXPECT_EQ(node_of(scene, network, "a1").label, "Name of a1");  // everyone named in a small network
}

TEST(WholeNetworkScene, WeakBridgesHighlightedAndTiesStyledBySector) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = whole_network_scene(network, map_data(analysis, MemberMetric::bridging), {});
    const MapEdge* bridge = edge_between(scene, network, "a3", "b1");
    ASSERT_NE(bridge, nullptr);
    EXPECT_EQ(bridge->css_class, "tie weak-bridge");
    EXPECT_EQ(bridge->colour, "#000000");
    EXPECT_EQ(bridge->style, LineStyle::dashed);
    EXPECT_GE(bridge->width, 3.0);
    const MapEdge* within = edge_between(scene, network, "a1", "a2");
    ASSERT_NE(within, nullptr);
    EXPECT_EQ(within->css_class, "tie within-sector");
    EXPECT_EQ(within->colour.substr(0, 7), sector_style(network.find_sector("alpha")).fill);
    const MapEdge* across = edge_between(scene, network, "a1", "b2");
    ASSERT_NE(across, nullptr);
    EXPECT_NE(across->css_class, "tie within-sector");
}

TEST(WholeNetworkScene, LegendAndCaptionExplainTheMap) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    MapOptions options;
    options.window = parse_window("2019", "2019");
    options.ties.min_weight = 0.25;
    options.data_name = "some/folder/";
    const MapScene scene = whole_network_scene(network, map_data(analysis, MemberMetric::bridging), options);
    EXPECT_NE(scene.title.find("folder"), std::string::npos);
    ASSERT_GE(scene.legend.size(), 2u);
    std::vector<std::string> sectors;
    for (const auto& item : scene.legend[0].items) sectors.push_back(item.text);
    EXPECT_EQ(sectors, (std::vector<std::string>{"alpha (4)", "beta (3)", "gamma (1)", "sector not known (1)"}));
    EXPECT_EQ(scene.legend[0].items[0].colour, sector_style(0).fill);
    const auto& lines = scene.legend[1].items;
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const LegendItem& item) {
        return item.kind == LegendItem::Kind::line && item.style == LineStyle::dashed &&
               item.text.find("weak bridge") == 0;
    }));
    std::string caption;
    for (const auto& line : scene.caption) caption += line + "\n";
    EXPECT_NE(caption.find("2019-01-01 to 2019-12-31"), std::string::npos);
    EXPECT_NE(caption.find("Tie model: a shared event, group or organisation of at most 40 people"), std::string::npos);
    EXPECT_NE(caption.find("events=1, groups=1, orgs=1, ties=1"), std::string::npos);
    EXPECT_NE(caption.find("ties weaker than 0.25 dropped"), std::string::npos);
    EXPECT_NE(caption.find("colleague ties only between members active in the window"), std::string::npos);
    EXPECT_NE(caption.find("ties between the members shown"), std::string::npos);
}

TEST(WholeNetworkScene, SizeByTheChosenMetric) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = whole_network_scene(network, map_data(analysis, MemberMetric::degree), {});
    // b2 and u1 have the most ties (5); the isolate none.
    EXPECT_GT(node_of(scene, network, "b2").size, node_of(scene, network, "a2").size);
    EXPECT_LT(node_of(scene, network, "iso").size, node_of(scene, network, "a2").size);
    EXPECT_EQ(scene.legend[2].heading, "Size: degree");
}

TEST(WholeNetworkScene, ColourByCommunityKeepsSectorShapes) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    MapOptions options;
    options.colouring = MapColouring::community;
    const MapScene scene = whole_network_scene(network, map_data(analysis, MemberMetric::bridging), options);
    const MemberIndex a1 = network.find_member("a1");
    EXPECT_EQ(node_of(scene, network, "a1").fill, community_colour(analysis.communities.of_member[a1]));
    EXPECT_EQ(node_of(scene, network, "a1").shape, sector_style(network.find_sector("alpha")).shape);
    EXPECT_EQ(scene.legend[0].heading, "Colour: community");
}

TEST(WholeNetworkScene, EmptyNetworkGivesLegendOnly) {
    const Network network = testing::TestNetwork().build();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = whole_network_scene(network, map_data(analysis, MemberMetric::bridging), {});
    EXPECT_TRUE(scene.nodes.empty());
    EXPECT_NE(render_scene(scene, MapFormat::svg).find("</svg>"), std::string::npos);
}

TEST(WholeNetworkScene, BundledExampleRendersWithEverySectorColour) {
    auto read = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    ASSERT_FALSE(read.diagnostics.has_errors());
    const Analysis analysis = analyse(read.network, {});
    const MapScene scene = whole_network_scene(read.network, map_data(analysis, MemberMetric::bridging), {});
    EXPECT_EQ(scene.nodes.size(), 56u);
    const std::string svg = render_scene(scene, MapFormat::svg);
    std::size_t members = 0;
    for (auto at = svg.find("class=\"node member"); at != std::string::npos;
         at = svg.find("class=\"node member", at + 1)) {
        ++members;
    }
    EXPECT_EQ(members, 56u);
    for (SectorIndex s = 0; s < analysis.sectors.count(); ++s) {
        std::string fill = sector_style(s).fill;
        std::transform(fill.begin(), fill.end(), fill.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        EXPECT_NE(svg.find("fill=\"" + fill + "\""), std::string::npos) << analysis.sectors.names[s];
    }
}

TEST(RenderNetworkMap, WholeMapForSmallNetworks) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const std::string svg = render_network_map(network, map_data(analysis, MemberMetric::bridging), {}, MapFormat::svg);
    EXPECT_NE(svg.find("Who bridges the sectors"), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::viz
