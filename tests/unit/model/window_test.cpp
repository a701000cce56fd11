#include <bridgemap/error.hpp>
#include <bridgemap/model/inventory.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/ties/projection.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

Network history() {
    return testing::TestNetwork()
        .member("a", "public")
        .member("b", "voluntary")
        .member("c", "grassroots")
        .event("e2017", "2017-06-07", {"a", "b"}, "gathering")
        .event("e2018", "2018-07", {"a", "c"})  // the whole of July 2018
        .event("eyear", "2018", {"b", "c"})     // the whole of 2018
        .event("undated", "", {"a", "b", "c"})
        .group("cell", {"a", "b"}, "2016", "2017-03")
        .tie("a", "c", 2.0, "2019-01-15")
        .tie("b", "c", 1.0)  // undated
        .build();
}

TEST(ApplyWindow, OpenWindowKeepsEverything) {
    const Network network = history();
    const Network kept = apply_window(network, Window{});
    EXPECT_EQ(kept.events.size(), 4u);
    EXPECT_EQ(kept.attendance.size(), network.attendance.size());
    EXPECT_EQ(kept.ties.size(), 2u);
}

TEST(ApplyWindow, KeepsEventsWhoseDateLiesInside) {
    const Network kept = apply_window(history(), parse_window("2018", "2018"));
    ASSERT_EQ(kept.events.size(), 2u);  // e2018 and eyear; e2017 is outside and undated is dropped
    EXPECT_EQ(kept.events[0].id, "e2018");
    EXPECT_EQ(kept.events[1].id, "eyear");
    EXPECT_EQ(kept.attendance.size(), 4u);
    for (const auto& row : kept.attendance) EXPECT_LT(row.event, kept.events.size());
    EXPECT_EQ(kept.members.size(), 3u);  // every member stays
    EXPECT_EQ(kept.find_event("e2017"), k_none);
    EXPECT_EQ(kept.find_event("eyear"), 1u);
}

TEST(ApplyWindow, PartialDatesMustLieWhollyInside) {
    // July 2018 is inside 2018-07-01..2018-12-31 but the year 2018 is not.
    const Network kept = apply_window(history(), parse_window("2018-07-01", ""));
    ASSERT_EQ(kept.events.size(), 1u);
    EXPECT_EQ(kept.events[0].id, "e2018");
}

TEST(ApplyWindow, TiesDatedInsideOrUndatedAndOverlappingMemberships) {
    const Network to2017 = apply_window(history(), parse_window("", "2017-01"));
    EXPECT_EQ(to2017.ties.size(), 1u);           // only the undated tie
    EXPECT_EQ(to2017.group_members.size(), 2u);  // 2016..2017-03 overlaps ..2017-01
    EXPECT_TRUE(to2017.events.empty());

    const Network from2019 = apply_window(history(), parse_window("2019", ""));
    EXPECT_EQ(from2019.ties.size(), 2u);
    EXPECT_TRUE(from2019.group_members.empty());  // the cell ended in March 2017
}

TEST(ActiveMembers, AttendanceGroupsAndRecordedTiesCount) {
    // a and b at an event in 2018; c in a cell during 2019; c and d tied in 2020; e never.
    const Network network = testing::TestNetwork()
                                .member("a")
                                .member("b")
                                .member("c")
                                .member("d")
                                .member("e")
                                .event("e2018", "2018-05-01", {"a", "b"})
                                .group("cell", {"c"}, "2019", "2019")
                                .tie("c", "d", 1.0, "2020-03-01")
                                .build();
    EXPECT_EQ(active_members(network), 4u);
    EXPECT_EQ(active_members(apply_window(network, parse_window("2018", "2018"))), 2u);  // a, b
    EXPECT_EQ(active_members(apply_window(network, parse_window("2019", "2019"))), 1u);  // c
    EXPECT_EQ(active_members(apply_window(network, parse_window("2020", ""))), 2u);      // c, d
    EXPECT_EQ(active_members(apply_window(network, parse_window("2021", ""))), 0u);
}

TEST(ParseWindow, RejectsBadDatesAndReversedWindows) {
    EXPECT_THROW(parse_window("2018-02-30", ""), RequestError);
    EXPECT_THROW(parse_window("", "July"), RequestError);
    EXPECT_THROW(parse_window("2019", "2018-12"), RequestError);
    EXPECT_NO_THROW(parse_window("2018-12", "2018-12"));
    EXPECT_EQ(describe_window(parse_window("2018", "2018-06")), "2018-01-01 to 2018-06-30");
    EXPECT_EQ(describe_window(Window{}), "all dates");
}

/// SPEC §1 "Active members": in a window, colleagues are tied only when both took part in it.
TEST(ApplyWindow, ColleagueTiesOnlyBetweenActiveMembers) {
    const Network network = testing::TestNetwork()
                                .organisation("council", "public")
                                .member("a", "", "council")
                                .member("b", "", "council")
                                .member("c", "", "council")
                                .member("d", "voluntary")
                                .event("dinner", "2018-05-01", {"a", "d"}, "dinner")
                                .event("later", "2019-05-01", {"b", "d"}, "dinner")
                                .affiliation("d", "council", "2019-01-01", "")
                                .build();
    TieOptions ties;
    // Without a window everyone is active: a, b and c (and d, who joined in 2019) are colleagues.
    EXPECT_TRUE(network.active.empty());
    EXPECT_EQ(project_ties(network, ties).tie_count(), 6u);  // every pair of the four

    // In 2018 only a and d took part: a–d from the dinner; b and c did nothing, so no colleague
    // tie joins them, and d's affiliation starts after the window.
    const Network in_2018 = apply_window(network, parse_window("2018", "2018"));
    ASSERT_EQ(in_2018.active.size(), 4u);
    EXPECT_EQ(std::vector<std::uint8_t>(in_2018.active), (std::vector<std::uint8_t>{1, 0, 0, 1}));
    const TieGraph graph_2018 = project_ties(in_2018, ties);
    EXPECT_EQ(graph_2018.tie_count(), 1u);
    EXPECT_EQ(active_members(in_2018), 2u);

    // In 2019 b and d took part, and d is at the council then: b–d by the dinner and as colleagues.
    const Network in_2019 = apply_window(network, parse_window("2019", "2019"));
    const TieGraph graph_2019 = project_ties(in_2019, ties);
    ASSERT_EQ(graph_2019.tie_count(), 1u);
    EXPECT_EQ(graph_2019.ties()[0].provenance.organisations, 1u);
    EXPECT_EQ(graph_2019.ties()[0].provenance.events, 1u);
    // 1/(2-1) from the dinner and 1/(2-1) from the council of two active members.
    EXPECT_DOUBLE_EQ(graph_2019.ties()[0].weight, 2.0);
}

}  // namespace
}  // namespace bridgemap
