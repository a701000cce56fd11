// The event map: who is coming, the ties they had before, and who is not yet connected
// across sectors in the room.

#include <bridgemap/viz/event_map.hpp>

#include <bridgemap/model/history.hpp>
#include <bridgemap/recommend/seating.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

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

TEST(EventScene, MarksWhoIsNotYetConnectedAcrossSectors) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapScene scene =
        event_scene(network, map_data(analysis, MemberMetric::bridging), network.find_event("g"), {});
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
    EXPECT_NE(render_event_map(network, map_data(analysis, MemberMetric::bridging), network.find_event("g"), {},
                               MapFormat::svg)
                  .find("not&#45;yet&#45;bridged"),
              std::string::npos);
    network.attendance.clear();
    const Analysis empty = analyse(network, {});
    EXPECT_TRUE(
        event_scene(network, map_data(empty, MemberMetric::bridging), network.find_event("g"), {}).nodes.empty());
}

// The bug of issue 13: with a dinner dated 2018-07 and a gathering on 2018-07-04, `seat`
// counted a pair as new that `map --event` drew as already tied. Both now use
// network_before_event; here every kind of record whose dates the two used to read
// differently ties some pair, and the pairs seat counts as tied are the pairs the map draws.
Network history_network() {
    Network network = testing::TestNetwork()
                          .organisation("o", "funder")
                          .member("a", "voluntary")
                          .member("b", "public")
                          .member("c", "grassroots")
                          .member("d", "funder", "o")
                          .member("e", "public", "o")
                          .member("f", "grassroots")
                          .event("dinner", "2018-07", {"a", "b"}, "dinner")  // July reaches the 4th: not before
                          .event("june", "2018-06", {"a", "c"}, "dinner")    // before
                          .event("conference", "", {"c", "d"}, "gathering")  // g's parent: the same occasion
                          .event("g", "2018-07-04", {"a", "b", "c", "d", "e", "f"}, "gathering")
                          .event("sibling", "2018-07-04", {"b", "f"}, "breakout")    // the same day
                          .group("cell-from-the-3rd", {"d", "f"}, "2018-07-03", "")  // before
                          .group("cell-from-the-4th", {"a", "e"}, "2018-07-04", "")  // not before
                          .affiliation("e", "o", "2018-08", "")  // e joined o (members.organisation) later
                          .tie("c", "f", 1.0, "2018-07")         // not before
                          .tie("b", "e", 1.0, "")                // undated: before
                          .build();
    network.events[network.find_event("g")].parent = network.find_event("conference");
    network.events[network.find_event("sibling")].parent = network.find_event("conference");
    return network;
}

using PairSet = std::set<std::pair<std::string, std::string>>;

PairSet pair_of(const std::string& x, const std::string& y) {
    return {x < y ? std::pair{x, y} : std::pair{y, x}};
}

TEST(EventScene, DrawsAsTiedExactlyThePairsSeatCountsAsTied) {
    const Network network = history_network();
    const EventIndex g = network.find_event("g");

    // seat: the "tied before" flags of the seating problem of g.
    SeatingRequest request;
    request.people = event_attendees(network, g);
    request.layout.tables = 2;
    PairValueOptions values;
    values.ties.max_setting_size = 0;
    const SeatingProblem problem = seating_problem(network_before_event(network, g), request, values);
    PairSet seat_tied;
    for (std::size_t p = 0; p < problem.people.size(); ++p) {
        for (std::size_t q = p + 1; q < problem.people.size(); ++q) {
            if (problem.values.has(p, q, PairValues::tied)) {
                seat_tied.merge(pair_of(problem.labels[p], problem.labels[q]));
            }
        }
    }

    // map --event: the lines of the event map of g.
    MapOptions options;
    options.ties.max_setting_size = 0;
    const Analysis analysis = analyse(network, {});
    const MapScene scene = event_scene(network, map_data(analysis, MemberMetric::bridging), g, options);
    ASSERT_EQ(scene.nodes.size(), 6u);
    const auto member_of = [&](std::size_t node) {
        return network.members[std::stoul(scene.nodes[node].key.substr(std::string("member-").size())) - 1].id;
    };
    PairSet map_tied;
    for (const MapEdge& edge : scene.edges) map_tied.merge(pair_of(member_of(edge.from), member_of(edge.to)));

    // a-c met at June's dinner, d-f in the cell from the 3rd, b-e have an undated ties.csv
    // row. Not before: the July dinner (a-b), the parent conference (c-d), the sibling
    // breakout (b-f), the cell from the 4th (a-e), the July tie (c-f), organisation o (d-e:
    // e joined it in August).
    const PairSet expected = {{"a", "c"}, {"d", "f"}, {"b", "e"}};
    EXPECT_EQ(seat_tied, expected);
    EXPECT_EQ(map_tied, expected);
    // The caption says which rule drew the lines.
    std::string caption;
    for (const std::string& line : scene.caption) caption += line + "\n";
    EXPECT_NE(caption.find("before 2018-07-04 or undated"), std::string::npos) << caption;
    EXPECT_NE(caption.find("the events it is part of"), std::string::npos) << caption;
}

}  // namespace
}  // namespace bridgemap::viz
