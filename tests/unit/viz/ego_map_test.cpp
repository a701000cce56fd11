// The ego map: a member's contacts by sector, and who they could be introduced to.

#include <bridgemap/viz/ego_map.hpp>

#include <bridgemap/error.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace bridgemap::viz {
namespace {

// e (alpha) knows a2 (alpha) and b1 (beta); through them a3 (alpha) and c1 (gamma).
// d1 (delta) knows nobody.
Network example() {
    return testing::TestNetwork()
        .member("e", "alpha")
        .member("a2", "alpha")
        .member("b1", "beta")
        .member("a3", "alpha")
        .member("c1", "gamma")
        .member("d1", "delta")
        .tie("e", "a2")
        .tie("e", "b1")
        .tie("a2", "a3")
        .tie("b1", "c1")
        .build();
}

std::size_t members_in(const MapScene& scene) {
    return static_cast<std::size_t>(std::count_if(scene.nodes.begin(), scene.nodes.end(),
                                                  [](const MapNode& n) { return n.key.rfind("member-", 0) == 0; }));
}

const MapNode& node_of(const MapScene& scene, const Network& network, const std::string& id) {
    const std::string key = "member-" + std::to_string(network.find_member(id) + 1);
    return *std::find_if(scene.nodes.begin(), scene.nodes.end(), [&](const MapNode& n) { return n.key == key; });
}

TEST(EgoScene, RadiusOneIsTheDirectContactsInSectorWedges) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = ego_scene(network, analysis, network.find_member("e"), 1, {});
    EXPECT_EQ(members_in(scene), 3u);
    EXPECT_EQ(scene.layout, SceneLayout::fixed);
    for (const auto& node : scene.nodes) EXPECT_TRUE(node.position.has_value()) << node.key;
    const MapNode& centre = node_of(scene, network, "e");
    EXPECT_NE(centre.css_class.find("ego"), std::string::npos);
    EXPECT_NEAR(centre.position->x, 0.0, 1e-12);
    EXPECT_NEAR(centre.position->y, 0.0, 1e-12);
    // Both contacts on the inner ring, at the same distance from the middle.
    const auto radius = [](const MapNode& n) { return std::hypot(n.position->x, n.position->y); };
    EXPECT_NEAR(radius(node_of(scene, network, "a2")), radius(node_of(scene, network, "b1")), 1e-9);
    EXPECT_EQ(
        std::count_if(scene.nodes.begin(), scene.nodes.end(), [](const MapNode& n) { return n.css_class == "wedge"; }),
        2);  // alpha and beta
    EXPECT_EQ(scene.edges.size(), 2u);
    EXPECT_EQ(scene.title, "Name of e's network by sector");
}

TEST(EgoScene, RadiusTwoOutlinesContactsInNewSectors) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = ego_scene(network, analysis, network.find_member("e"), 2, {});
    EXPECT_EQ(members_in(scene), 5u);
    EXPECT_NE(node_of(scene, network, "c1").css_class.find("new-sector"), std::string::npos);
    EXPECT_EQ(node_of(scene, network, "a3").css_class.find("new-sector"), std::string::npos);
    const auto& gaps = scene.legend[2].items;
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_EQ(gaps[0].text, "delta: 0 reachable at two steps");
    EXPECT_EQ(gaps[1].text, "gamma: 1 reachable at two steps");
    // a3 and c1 each hang from their link to a direct contact; b1-c1, the only beta-gamma
    // tie, is drawn as a weak bridge (as is e-b1, the only alpha-beta tie), a2-a3 as a
    // dotted two-step line.
    const auto lines_to = [&](const std::string& id) {
        const std::size_t node = static_cast<std::size_t>(&node_of(scene, network, id) - scene.nodes.data());
        return std::count_if(scene.edges.begin(), scene.edges.end(),
                             [&](const MapEdge& e) { return e.from == node || e.to == node; });
    };
    EXPECT_EQ(lines_to("a3"), 1);
    EXPECT_EQ(lines_to("c1"), 1);
    EXPECT_EQ(std::count_if(scene.edges.begin(), scene.edges.end(),
                            [](const MapEdge& e) { return e.css_class == "tie within-sector two-step"; }),
              1);
    EXPECT_EQ(std::count_if(scene.edges.begin(), scene.edges.end(),
                            [](const MapEdge& e) { return e.css_class == "tie weak-bridge"; }),
              2);
}

TEST(EgoScene, ForceLayoutOnRequest) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    MapOptions options;
    options.layout = MapLayout::neato;
    const MapScene scene = ego_scene(network, analysis, network.find_member("e"), 2, options);
    EXPECT_EQ(scene.layout, SceneLayout::neato);
    EXPECT_EQ(scene.nodes.size(), 5u);  // no wedge headings
}

TEST(EgoScene, BadRequestsAndALoner) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    EXPECT_THROW(ego_scene(network, analysis, 0, 3, {}), RequestError);
    EXPECT_THROW(ego_scene(network, analysis, 99, 1, {}), Error);
    const MapScene alone = ego_scene(network, analysis, network.find_member("d1"), 2, {});
    EXPECT_EQ(members_in(alone), 1u);
    EXPECT_NE(render_scene(alone, MapFormat::svg).find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::viz
