// A map of any set of members (a seating table, a working group) for other commands.

#include <bridgemap/viz/member_map.hpp>

#include <bridgemap/error.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <string>

namespace bridgemap::viz {
namespace {

Network example() {
    return testing::TestNetwork()
        .member("a1", "alpha")
        .member("a2", "alpha")
        .member("b1", "beta")
        .member("b2", "beta")
        .event("e1", "2019-01-01", {"a1", "a2", "b1"})
        .event("e2", "2019-02-01", {"b1", "b2"})
        .build();
}

TEST(MemberScene, TheMembersAndTheirTiesOnly) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const std::vector<MemberIndex> table = {network.find_member("a2"), network.find_member("b2"),
                                            network.find_member("a2")};
    const MapScene scene = member_scene(network, map_data(analysis, MemberMetric::bridging), table, {});
    ASSERT_EQ(scene.nodes.size(), 2u);  // repeats ignored
    EXPECT_TRUE(scene.edges.empty());   // a2 and b2 share nothing
    EXPECT_NE(scene.nodes[0].css_class.find("not-yet-bridged"), std::string::npos);
    EXPECT_EQ(scene.nodes[0].label, "Name of a2");
}

TEST(MemberScene, TiesBetweenTheMembers) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const std::vector<MemberIndex> table = {network.find_member("a1"), network.find_member("b1"),
                                            network.find_member("b2")};
    MapOptions options;
    options.title = "Table 3";
    const MapScene scene = member_scene(network, map_data(analysis, MemberMetric::bridging), table, options);
    EXPECT_EQ(scene.edges.size(), 2u);  // a1-b1, b1-b2
    EXPECT_EQ(scene.title, "Table 3");
    // a1 and b1 know each other across sectors; b2 knows only b1, of the same sector.
    const auto marked = [&](std::size_t k) {
        return scene.nodes[k].css_class.find("not-yet-bridged") != std::string::npos;
    };
    EXPECT_FALSE(marked(0));
    EXPECT_FALSE(marked(1));
    EXPECT_TRUE(marked(2));
}

TEST(MemberScene, OutOfRangeAndEmpty) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const std::vector<MemberIndex> outside = {42};
    EXPECT_THROW(member_scene(network, map_data(analysis, MemberMetric::bridging), outside, {}), Error);
    EXPECT_TRUE(member_scene(network, map_data(analysis, MemberMetric::bridging), {}, {}).nodes.empty());
}

TEST(RenderMemberMap, ReturnsTheBytesOfTheFormat) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const std::vector<MemberIndex> table = {0, 1, 2};
    const MapData data = map_data(analysis, MemberMetric::bridging);
    EXPECT_EQ(render_member_map(network, data, table, {}, MapFormat::png).substr(1, 3), "PNG");
    EXPECT_NE(render_member_map(network, data, table, {}, MapFormat::svg).find("<svg"), std::string::npos);
}

TEST(MemberScene, SizedByTheMapDatasMetric) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const std::vector<MemberIndex> table = {0, 1, 2, 3};
    // b1 has three ties (a1, a2, b2), a1 and a2 two, b2 one.
    const MapScene scene = member_scene(network, map_data(analysis, MemberMetric::degree), table, {});
    EXPECT_EQ(scene.legend[3].heading, "Size: degree");
    EXPECT_DOUBLE_EQ(scene.nodes[0].size, scene.nodes[1].size);
    EXPECT_GT(scene.nodes[2].size, scene.nodes[0].size);
    EXPECT_GT(scene.nodes[0].size, scene.nodes[3].size);
    EXPECT_THROW(parse_member_metric("fame"), RequestError);
}

}  // namespace
}  // namespace bridgemap::viz
