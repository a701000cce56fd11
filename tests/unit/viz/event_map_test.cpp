// The event map: who is coming, the ties they had before, and who is not yet connected
// across sectors in the room.

#include <bridgemap/viz/event_map.hpp>

#include <bridgemap/error.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace bridgemap::viz {
namespace {

// Before the gathering g (2019-06-01): a1 and a2 (alpha) met at e1; a1 and b1 (beta) at e2.
// c1 (gamma) knows nobody. g has a breakout g-b that c2 attends. e3 comes after g.
Network example() {
    Network network = testing::TestNetwork()
                          .member("a1", "alpha")
                          .member("a2", "alpha")
                          .member("b1", "beta")
                          .member("c1", "gamma")
                          .member("c2", "gamma")
                          .member("x", "beta")
                          .event("e1", "2019-01-01", {"a1", "a2"})
                          .event("e2", "2019-02-01", {"a1", "b1"})
                          .event("g", "2019-06-01", {"a1", "a2", "b1", "c1"})
                          .event("g-b", "2019-06-01", {"c2"})
                          .event("e3", "2019-09-01", {"a2", "b1", "x"})
                          .tie("a2", "c1", 1.0, "2019-07-01")
                          .build();
    network.events[network.find_event("g-b")].parent = network.find_event("g");
    return network;
}

TEST(EventAttendees, TheEventAndItsBreakouts) {
    const Network network = example();
    const auto people = event_attendees(network, network.find_event("g"));
    std::vector<std::string> ids;
    for (const MemberIndex m : people) ids.push_back(network.members[m].id);
    EXPECT_EQ(ids, (std::vector<std::string>{"a1", "a2", "b1", "c1", "c2"}));
    EXPECT_THROW(event_attendees(network, 99), Error);
}

TEST(TiesBeforeEvent, LeavesOutTheEventAndEverythingAfter) {
    const Network network = example();
    const TieGraph before = ties_before_event(network, network.find_event("g"), {});
    const auto m = [&](const char* id) { return network.find_member(id); };
    EXPECT_NE(before.find_tie(m("a1"), m("a2")), k_none);
    EXPECT_NE(before.find_tie(m("a1"), m("b1")), k_none);
    EXPECT_EQ(before.find_tie(m("a2"), m("b1")), k_none);  // only at g and e3
    EXPECT_EQ(before.find_tie(m("a2"), m("c1")), k_none);  // recorded after g
    EXPECT_EQ(before.find_tie(m("b1"), m("x")), k_none);   // e3 is after g
}

TEST(EventScene, MarksWhoIsNotYetConnectedAcrossSectors) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene = event_scene(network, analysis, network.find_event("g"), {});
    ASSERT_EQ(scene.nodes.size(), 5u);
    const auto marked = [&](const char* id) {
        const std::string key = "member-" + std::to_string(network.find_member(id) + 1);
        const auto node =
            std::find_if(scene.nodes.begin(), scene.nodes.end(), [&](const MapNode& n) { return n.key == key; });
        return node->css_class.find("not-yet-bridged") != std::string::npos;
    };
    EXPECT_FALSE(marked("a1"));  // knows b1
    EXPECT_FALSE(marked("b1"));
    EXPECT_TRUE(marked("a2"));  // knows only a1, of the same sector
    EXPECT_TRUE(marked("c1"));
    EXPECT_TRUE(marked("c2"));
    EXPECT_EQ(scene.edges.size(), 2u);  // a1-a2 and a1-b1: sitting in the room does not count yet
    EXPECT_NE(scene.title.find("g on 2019-06-01"), std::string::npos);
    // The sector pairs present, least connected first: alpha-gamma 0 of 4, beta-gamma 0 of 2, alpha-beta 1 of 2.
    const auto& pairs = scene.legend[2].items;
    ASSERT_EQ(pairs.size(), 3u);
    EXPECT_EQ(pairs[0].text, "alpha \u2013 gamma: 0 of 4");
    EXPECT_EQ(pairs[2].text, "alpha \u2013 beta: 1 of 2");
}

TEST(EventScene, RendersAndNobodyAttending) {
    Network network = example();
    const Analysis analysis = analyse(network, {});
    EXPECT_NE(render_event_map(network, analysis, network.find_event("g"), {}, MapFormat::svg)
                  .find("not&#45;yet&#45;bridged"),
              std::string::npos);
    network.attendance.clear();
    const Analysis empty = analyse(network, {});
    EXPECT_TRUE(event_scene(network, empty, network.find_event("g"), {}).nodes.empty());
}

}  // namespace
}  // namespace bridgemap::viz
