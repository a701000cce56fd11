// Exposure and friending bias as follow-through: hand-made histories with answers derived
// in the comments, and the "tied before" rule checked against projecting the history before
// each room on many small random networks.

#include <bridgemap/metrics/exposure.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/random.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bridgemap {
namespace {

/// Settings of at most `max_size` people make ties (set explicitly: the library default is
/// SPEC §2's 40); follow-through within a year.
ExposureOptions small_settings(std::size_t max_size, std::int32_t horizon_days = 365) {
    ExposureOptions options;
    options.ties.max_setting_size = max_size;
    options.horizon_days = horizon_days;
    return options;
}

/// The row of the event with this id.
const SettingExposure& row_of(const Network& network, const std::vector<SettingExposure>& rows, const char* id) {
    const EventIndex event = network.find_event(id);
    for (const auto& row : rows) {
        if (row.event == event) return row;
    }
    throw std::runtime_error(std::string("no row for ") + id);
}

void set_parent(Network& network, const char* child, const char* parent) {
    network.events[network.find_event(child)].parent = network.find_event(parent);
}

// ---------------------------------------------------------------------------------------
// Friending bias from the follow-through.

TEST(SettingExposure, FollowThroughOnlyWithinSectorsGivesBiasOne) {
    // A gathering G (4 people, too large to tie with at most 3) of p1, p2 (public) and g1, g2
    // (grassroots). Afterwards only same-sector pairs meet again: p1–p2 at a dinner, g1–g2
    // at another. G's exposure pairs: all 6 (nobody was tied before), 4 of them cross-sector,
    // X = 4/6. Followed through: p1–p2 and g1–g2, none cross-sector: Y = 0, bias 1 − 0/X = 1.
    const Network network = testing::TestNetwork()
                                .member("p1", "public")
                                .member("p2", "public")
                                .member("g1", "grassroots")
                                .member("g2", "grassroots")
                                .event("G", "2019-03-01", {"p1", "p2", "g1", "g2"}, "gathering")
                                .event("d1", "2019-04-01", {"p1", "p2"}, "dinner")
                                .event("d2", "2019-05-01", {"g1", "g2"}, "dinner")
                                .build();
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(3));
    ASSERT_EQ(rows.size(), 3u);
    const SettingExposure& gathering = row_of(network, rows, "G");
    EXPECT_EQ(gathering.room_pairs, 6u);
    EXPECT_EQ(gathering.exposure_pairs, 6u);
    EXPECT_EQ(gathering.cross_exposure_pairs, 4u);
    EXPECT_EQ(gathering.followed_through, 2u);
    EXPECT_EQ(gathering.cross_followed_through, 0u);
    const ExposureSummary summary = summarise_exposure({gathering}, "gathering");
    EXPECT_EQ(summary.kind, "gathering");
    EXPECT_EQ(summary.settings, 1u);
    EXPECT_DOUBLE_EQ(summary.exposure, 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(summary.followed_through_cross_share, 0.0);
    EXPECT_DOUBLE_EQ(summary.friending_bias, 1.0);
}

TEST(SettingExposure, CrossSectorPairsFollowingThroughMoreGiveANegativeBias) {
    // Workshop W (2020-01-10; 4 people, too large with at most 3): p1, p2 public, g1
    // grassroots, v1 voluntary. 6 pairs, only p1–p2 within a sector: X = 5/6. Within a year:
    // p1–g1 meet at a dinner, p2–v1 record a tie, g1 and v1 join a cell; g1–p2 record a tie
    // only in February 2021 (2020-01-10 + 365 days = 2021-01-09: too late). Followed through: 3,
    // all cross-sector: Y = 1, bias = 1 − 1 / (5/6) = −0.2.
    const Network network = testing::TestNetwork()
                                .member("p1", "public")
                                .member("p2", "public")
                                .member("g1", "grassroots")
                                .member("v1", "voluntary")
                                .event("W", "2020-01-10", {"p1", "p2", "g1", "v1"}, "workshop")
                                .event("dinner", "2020-02-01", {"p1", "g1"}, "dinner")
                                .tie("p2", "v1", 1.0, "2020-06-01")
                                .group("cell", {"g1", "v1"}, "2020-03", "")
                                .tie("g1", "p2", 1.0, "2021-02-01")
                                .build();
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(3));
    const SettingExposure& workshop = row_of(network, rows, "W");
    EXPECT_EQ(workshop.exposure_pairs, 6u);
    EXPECT_EQ(workshop.cross_exposure_pairs, 5u);
    EXPECT_EQ(workshop.followed_through, 3u);
    EXPECT_EQ(workshop.cross_followed_through, 3u);
    const ExposureSummary summary = summarise_exposure({workshop}, "workshop");
    EXPECT_DOUBLE_EQ(summary.exposure, 5.0 / 6.0);
    EXPECT_DOUBLE_EQ(summary.followed_through_cross_share, 1.0);
    EXPECT_NEAR(summary.friending_bias, -0.2, 1e-12);
}

TEST(SettingExposure, TheWorkedExampleOfTheDocsVariants) {
    // docs/trend.md's variants of workshop W: (a) only P1–P2 (same sector) meet again: X =
    // 5/6, Y = 0, bias 1. (b) P1 and G1 were at a dinner the day before W: 5 exposure pairs, 4
    // cross-sector; P2–V1 and G1–V1 follow through: Y = 1, bias 1 − 1 / (4/5) = −0.25.
    const auto workshop_with = [](bool only_public, bool dinner_before) {
        testing::TestNetwork builder;
        builder.member("p1", "public")
            .member("p2", "public")
            .member("g1", "grassroots")
            .member("v1", "voluntary")
            .event("W", "2020-01-10", {"p1", "p2", "g1", "v1"}, "workshop");
        if (only_public) {
            builder.event("dinner", "2020-02-01", {"p1", "p2"}, "dinner");
        } else {
            builder.event("dinner", "2020-02-01", {"p1", "g1"}, "dinner")
                .tie("p2", "v1", 1.0, "2020-06-01")
                .group("cell", {"g1", "v1"}, "2020-03", "");
        }
        if (dinner_before) builder.event("day-before", "2020-01-09", {"p1", "g1"}, "dinner");
        const Network network = builder.build();
        const auto rows = setting_exposure(network, member_sectors(network), small_settings(3));
        return summarise_exposure({row_of(network, rows, "W")}, "workshop");
    };
    const ExposureSummary only_public = workshop_with(true, false);
    EXPECT_EQ(only_public.followed_through, 1u);
    EXPECT_DOUBLE_EQ(only_public.friending_bias, 1.0);
    const ExposureSummary tied_before = workshop_with(false, true);
    EXPECT_EQ(tied_before.exposure_pairs, 5u);
    EXPECT_EQ(tied_before.cross_exposure_pairs, 4u);
    EXPECT_EQ(tied_before.followed_through, 2u);
    EXPECT_EQ(tied_before.cross_followed_through, 2u);
    EXPECT_NEAR(tied_before.friending_bias, -0.25, 1e-12);
}

// ---------------------------------------------------------------------------------------
// Tied before: the history before the room.

TEST(SettingExposure, PairsTiedBeforeTheRoomAreNotExposure) {
    // Gathering G on 2018-07-04 (6 people; at most 3 tie): a, c public; b, d grassroots; e, f
    // voluntary. Before it:
    //   a–b dinner of 2018-07-03 (ended before): tied;
    //   a–e dinner dated 2018-06 (the month ended before): tied;
    //   c–d dinner dated 2018-07 (1-31 July: it does not end before the 4th, and it starts
    //       before the 4th): neither tied before nor a follow-through;
    //   a–c a cell from 2018-01: tied;
    //   e–f colleagues at o1 (members.organisation, undated): tied;
    //   b–d colleagues at o2, but b's affiliation row with o2 starts 2018-08-01: not tied
    //       before; it is a follow-through (they are both in o2 from 2018-08-01).
    // 15 pairs − 4 tied = 11 exposure pairs: ad af bc bd be bf cd ce cf de df, all cross-sector
    // but b–d: 10. Followed through: b–d only, same-sector.
    const Network network = testing::TestNetwork()
                                .organisation("o1")
                                .organisation("o2")
                                .member("a", "public")
                                .member("b", "grassroots", "o2")
                                .member("c", "public")
                                .member("d", "grassroots", "o2")
                                .member("e", "voluntary", "o1")
                                .member("f", "voluntary", "o1")
                                .event("G", "2018-07-04", {"a", "b", "c", "d", "e", "f"}, "gathering")
                                .event("day-before", "2018-07-03", {"a", "b"}, "dinner")
                                .event("june", "2018-06", {"a", "e"}, "dinner")
                                .event("july", "2018-07", {"c", "d"}, "dinner")
                                .group("cell", {"a", "c"}, "2018-01", "")
                                .affiliation("b", "o2", "2018-08-01", "")
                                .build();
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(3));
    const SettingExposure& gathering = row_of(network, rows, "G");
    EXPECT_EQ(gathering.room_pairs, 15u);
    EXPECT_EQ(gathering.exposure_pairs, 11u);
    EXPECT_EQ(gathering.cross_exposure_pairs, 10u);
    EXPECT_EQ(gathering.followed_through, 1u);
    EXPECT_EQ(gathering.cross_followed_through, 0u);
    // The month-dated dinner as a room of its own (day 1 July): nothing ties c–d before it,
    // and G, the only later room they share, is too large to tie.
    const SettingExposure& july = row_of(network, rows, "july");
    EXPECT_EQ(july.exposure_pairs, 1u);
    EXPECT_EQ(july.followed_through, 0u);
}

TEST(SettingExposure, AMonthDatedRoomStartsOnTheFirstOfTheMonth) {
    // Gathering M dated 2018-07 (day 1 July; 3 people, at most 2 tie) of x, y, z. A dinner of
    // x and y on 2018-07-04 does not end before 1 July: not before M, and a follow-through of
    // it. A dinner of y and z on 2018-06-30 ended before: tied.
    const Network network = testing::TestNetwork()
                                .member("x", "public")
                                .member("y", "grassroots")
                                .member("z", "funder")
                                .event("M", "2018-07", {"x", "y", "z"}, "gathering")
                                .event("fourth", "2018-07-04", {"x", "y"}, "dinner")
                                .event("june-30", "2018-06-30", {"y", "z"}, "dinner")
                                .build();
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(2));
    const SettingExposure& month = row_of(network, rows, "M");
    EXPECT_EQ(month.room_pairs, 3u);
    EXPECT_EQ(month.exposure_pairs, 2u);  // x–y, x–z; y–z were tied on 30 June
    EXPECT_EQ(month.followed_through, 1u);
    EXPECT_EQ(month.cross_followed_through, 1u);
}

TEST(SettingExposure, ACellThatGrowsTooLargeTiesNobodyFromThen) {
    // At most 2 tie. Cell: m1, m2 from 2018-01-01, m3 from 2018-06-01. Before room1
    // (2018-03-01) it had 2 members, so m1–m2 were tied; m3 joins on 1 June, when the cell
    // becomes too large, so m1–m3 and m2–m3 never follow through. Before room2
    // (2018-09-01) it had 3 members and ties nobody: 3 exposure pairs. (As projecting the
    // history before each room counts it.)
    const Network network = testing::TestNetwork()
                                .member("m1", "public")
                                .member("m2", "grassroots")
                                .member("m3", "public")
                                .event("room1", "2018-03-01", {"m1", "m2", "m3"}, "gathering")
                                .event("room2", "2018-09-01", {"m1", "m2", "m3"}, "gathering")
                                .group("cell", {"m1", "m2"}, "2018-01-01", "")
                                .build();
    Network grown = network;
    grown.group_members.push_back({grown.find_member("m3"), 0, DateSpan{days_from_civil(2018, 6, 1), k_open_end}});
    const auto rows = setting_exposure(grown, member_sectors(grown), small_settings(2));
    EXPECT_EQ(row_of(grown, rows, "room1").exposure_pairs, 2u);
    EXPECT_EQ(row_of(grown, rows, "room1").followed_through, 0u);
    EXPECT_EQ(row_of(grown, rows, "room2").exposure_pairs, 3u);
    // With no size limit the cell ties m3 too: from 1 June, within a year of room1.
    const auto unlimited = setting_exposure(grown, member_sectors(grown), small_settings(0));
    EXPECT_EQ(row_of(grown, unlimited, "room1").followed_through, 2u);
    EXPECT_EQ(row_of(grown, unlimited, "room2").exposure_pairs, 0u);  // rooms tie too now: room1
}

// ---------------------------------------------------------------------------------------
// Follow-through: the horizon, the room itself, its breakouts and ancestors.

TEST(SettingExposure, TheHorizonsLastDayCountsTheNextDoesNot) {
    // Room R on 2019-01-01 (4 people, at most 3 tie): p, t public; q grassroots; r voluntary.
    //   q–r dinner the same day (not part of R): follows through on day d + 0;
    //   p–q tie dated 2019-01-11 (d + 10), p–r tie dated 2019-01-12 (d + 11);
    //   t–q cell from 2019-01-11 (d + 10), t–r cell from 2019-01-12 (d + 11).
    // p–t never. Horizon 10: q–r, p–q, t–q; 11: also p–r, t–r; 9: q–r only.
    const Network network = testing::TestNetwork()
                                .member("p", "public")
                                .member("t", "public")
                                .member("q", "grassroots")
                                .member("r", "voluntary")
                                .event("R", "2019-01-01", {"p", "q", "r", "t"}, "gathering")
                                .event("same-day", "2019-01-01", {"q", "r"}, "dinner")
                                .tie("p", "q", 1.0, "2019-01-11")
                                .tie("p", "r", 1.0, "2019-01-12")
                                .group("c1", {"t", "q"}, "2019-01-11", "")
                                .group("c2", {"t", "r"}, "2019-01-12", "")
                                .build();
    const Sectors sectors = member_sectors(network);
    const auto followed = [&](std::int32_t horizon) {
        return row_of(network, setting_exposure(network, sectors, small_settings(3, horizon)), "R").followed_through;
    };
    EXPECT_EQ(followed(9), 1u);
    EXPECT_EQ(followed(10), 3u);
    EXPECT_EQ(followed(11), 5u);
    EXPECT_EQ(followed(0), 1u);  // the same day is inside even a zero horizon
    const auto rows = setting_exposure(network, sectors, small_settings(3, 10));
    EXPECT_EQ(row_of(network, rows, "R").exposure_pairs, 6u);
    EXPECT_EQ(row_of(network, rows, "R").cross_exposure_pairs, 5u);  // all but p–t
    EXPECT_EQ(row_of(network, rows, "R").cross_followed_through, 3u);
}

TEST(SettingExposure, TheRoomItselfBeingSmallIsNotAFollowThrough) {
    // The old bug: a small dinner "formed" its own ties. Dinner 1 (2 people, at most 3 tie)
    // ties p–g, but that is the room, not what followed it: 0 followed through. Dinner 2 a
    // month later follows dinner 1 through, and for dinner 2 the pair was tied before.
    const Network network = testing::TestNetwork()
                                .member("p", "public")
                                .member("g", "grassroots")
                                .event("dinner-1", "2019-05-01", {"p", "g"}, "dinner")
                                .build();
    const auto alone = setting_exposure(network, member_sectors(network), small_settings(3));
    ASSERT_EQ(alone.size(), 1u);
    EXPECT_EQ(alone[0].exposure_pairs, 1u);
    EXPECT_EQ(alone[0].followed_through, 0u);
    const ExposureSummary summary = summarise_exposure(alone, "dinner");
    EXPECT_DOUBLE_EQ(summary.exposure, 1.0);
    EXPECT_TRUE(std::isnan(summary.followed_through_cross_share));  // nothing followed through
    EXPECT_TRUE(std::isnan(summary.friending_bias));

    const Network again = testing::TestNetwork()
                              .member("p", "public")
                              .member("g", "grassroots")
                              .event("dinner-1", "2019-05-01", {"p", "g"}, "dinner")
                              .event("dinner-2", "2019-06-01", {"p", "g"}, "dinner")
                              .build();
    const auto rows = setting_exposure(again, member_sectors(again), small_settings(3));
    EXPECT_EQ(row_of(again, rows, "dinner-1").followed_through, 1u);
    EXPECT_EQ(row_of(again, rows, "dinner-2").room_pairs, 1u);
    EXPECT_EQ(row_of(again, rows, "dinner-2").exposure_pairs, 0u);
}

TEST(SettingExposure, BreakoutsAndAncestorsAreTheSameOccasion) {
    // Gathering G (2019-09-10; 4 people, at most 3 tie): a, c public; b, d grassroots.
    // Breakouts the same day: B1 {a, b} and B2 {a, b} (children of G), T {c, d} (child of
    // B1). A dinner on 2019-10-20 {b, c}.
    //   G: 6 exposure pairs; B1, B2 and T are G's breakouts, so only b–c follows through.
    //   B1: its pair a–b; G is its ancestor, but sibling B2 is another room: followed 1.
    //   T: c–d; its ancestors B1 and G do not count, nothing else: followed 0.
    // Gathering H (2019-11-01, small: 2 people) {x, y} with breakout C {x, y} the same day:
    // each is the other's family, so neither follows the other through (as other rooms the
    // same day would).
    Network network = testing::TestNetwork()
                          .member("a", "public")
                          .member("c", "public")
                          .member("b", "grassroots")
                          .member("d", "grassroots")
                          .member("x", "public")
                          .member("y", "funder")
                          .event("G", "2019-09-10", {"a", "b", "c", "d"}, "gathering")
                          .event("B1", "2019-09-10", {"a", "b"}, "breakout")
                          .event("B2", "2019-09-10", {"a", "b"}, "breakout")
                          .event("T", "2019-09-10", {"c", "d"}, "breakout")
                          .event("later", "2019-10-20", {"b", "c"}, "dinner")
                          .event("H", "2019-11-01", {"x", "y"}, "gathering")
                          .event("C", "2019-11-01", {"x", "y"}, "breakout")
                          .build();
    set_parent(network, "B1", "G");
    set_parent(network, "B2", "G");
    set_parent(network, "T", "B1");
    set_parent(network, "C", "H");
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(3));
    EXPECT_EQ(row_of(network, rows, "G").exposure_pairs, 6u);
    EXPECT_EQ(row_of(network, rows, "G").followed_through, 1u);
    EXPECT_EQ(row_of(network, rows, "G").cross_followed_through, 1u);
    EXPECT_EQ(row_of(network, rows, "B1").exposure_pairs, 1u);
    EXPECT_EQ(row_of(network, rows, "B1").followed_through, 1u);
    EXPECT_EQ(row_of(network, rows, "T").exposure_pairs, 1u);
    EXPECT_EQ(row_of(network, rows, "T").followed_through, 0u);
    EXPECT_EQ(row_of(network, rows, "H").followed_through, 0u);
    EXPECT_EQ(row_of(network, rows, "C").exposure_pairs, 1u);  // H is not before its own breakout
    EXPECT_EQ(row_of(network, rows, "C").followed_through, 0u);
}

// ---------------------------------------------------------------------------------------
// What ties, and who is in a pair.

TEST(SettingExposure, UnknownSectorsAreInNoPairButCountInASettingsSize) {
    // Dinner d0 {a, b, u} (u of unknown sector; at most 2 tie): 3 people, so it ties nobody;
    // its one pair is a–b. R {a, b} a month later is small: it follows d0 through, and a–b
    // were not tied before R. "lonely" has one attendee of known sector: no row.
    testing::TestNetwork builder;
    builder.member("a", "public")
        .member("b", "grassroots")
        .member("u")
        .event("d0", "2019-01-01", {"a", "b", "u"}, "dinner")
        .event("R", "2019-02-01", {"a", "b"}, "dinner")
        .event("lonely", "2019-03-01", {"a", "u"}, "dinner");
    const Network network = builder.build();
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(2));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(row_of(network, rows, "d0").room_pairs, 1u);
    EXPECT_EQ(row_of(network, rows, "d0").exposure_pairs, 1u);
    EXPECT_EQ(row_of(network, rows, "d0").followed_through, 1u);
    EXPECT_EQ(row_of(network, rows, "R").exposure_pairs, 1u);
    // An undated small event is a standing fact: a–b were tied before every room. It has no
    // day, so it is no room itself.
    const Network with_undated = builder.event("undated", "", {"a", "b"}, "dinner").build();
    const auto undated_rows = setting_exposure(with_undated, member_sectors(with_undated), small_settings(2));
    ASSERT_EQ(undated_rows.size(), 2u);
    EXPECT_EQ(row_of(with_undated, undated_rows, "d0").exposure_pairs, 0u);
    EXPECT_EQ(row_of(with_undated, undated_rows, "R").exposure_pairs, 0u);
}

TEST(SettingExposure, OnlySettingsWithAPositiveCoefficientTie) {
    // Room R (3 people, at most 2 tie) of a, b, c. A cell ties a–b before R; ties.csv rows
    // after R: a–c of weight 0 (ties nobody), b–c of weight 1.
    const Network network = testing::TestNetwork()
                                .member("a", "public")
                                .member("b", "grassroots")
                                .member("c", "funder")
                                .event("R", "2019-03-01", {"a", "b", "c"}, "gathering")
                                .group("cell", {"a", "b"}, "2019-01", "")
                                .tie("a", "c", 0.0, "2019-04-01")
                                .tie("b", "c", 1.0, "2019-05-01")
                                .build();
    const Sectors sectors = member_sectors(network);
    ExposureOptions options = small_settings(2);
    auto row = setting_exposure(network, sectors, options).at(0);
    EXPECT_EQ(row.exposure_pairs, 2u);  // a–c, b–c
    EXPECT_EQ(row.followed_through, 1u);
    options.ties.weights.groups = 0.0;  // cells tie nobody
    row = setting_exposure(network, sectors, options).at(0);
    EXPECT_EQ(row.exposure_pairs, 3u);
    EXPECT_EQ(row.followed_through, 1u);
    options.ties.weights.ties = 0.0;  // neither do recorded ties
    row = setting_exposure(network, sectors, options).at(0);
    EXPECT_EQ(row.followed_through, 0u);
}

TEST(SettingExposure, EmptyNetworkHasNoRooms) {
    const Network network = testing::TestNetwork().build();
    EXPECT_TRUE(setting_exposure(network, member_sectors(network), small_settings(40)).empty());
}

// ---------------------------------------------------------------------------------------
// "Tied before" is the projection of the history before each room.

/// The room, its breakouts at any depth and its ancestors.
std::vector<bool> family_of(const Network& network, EventIndex room) {
    std::vector<bool> family(network.events.size());
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        for (EventIndex at = e; at != k_none; at = network.events[at].parent) {
            if (at == room) family[e] = true;
        }
    }
    for (EventIndex at = room; at != k_none; at = network.events[at].parent) family[at] = true;
    return family;
}

/// Pairs of the room's attendees of known sector that projecting the history before the
/// room ties: the network of the undated or earlier-ended events (less the room's family),
/// ties.csv rows, memberships started before its day, and members.organisation unless every
/// affiliation row with it starts on or after the day.
std::uint64_t tied_by_projection(const Network& network, const Sectors& sectors, EventIndex room,
                                 const TieOptions& ties) {
    const std::vector<bool> family = family_of(network, room);
    const DayNumber day = network.events[room].date->first;
    const auto before = [&](const std::optional<DateSpan>& date) { return !date || date->last < day; };
    Network history =
        filter_network(network, {[&](EventIndex e) { return !family[e] && before(network.events[e].date); },
                                 [&](const DateSpan& period) { return period.first < day; },
                                 [&](const ExplicitTie& tie) { return before(tie.date); }});
    std::vector<int> rows(network.members.size(), 0);  // 1: a row before the day, 2: only later rows
    for (const auto& row : network.affiliations) {
        if (row.organisation != network.members[row.member].organisation) continue;
        rows[row.member] = (rows[row.member] == 1 || row.period.first < day) ? 1 : 2;
    }
    for (std::size_t m = 0; m < rows.size(); ++m) {
        if (rows[m] == 2) history.members[m].organisation = k_none;
    }
    const TieGraph graph = project_ties(history, ties);
    std::vector<MemberIndex> known;
    for (const auto& row : network.attendance) {
        if (row.event == room && sectors.known(row.member)) known.push_back(row.member);
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    std::uint64_t tied = 0;
    for (std::size_t x = 0; x < known.size(); ++x) {
        for (std::size_t y = x + 1; y < known.size(); ++y) tied += graph.find_tie(known[x], known[y]) != k_none;
    }
    return tied;
}

std::string random_date(Random& random, bool may_be_undated) {
    const std::uint64_t form = random.below(may_be_undated ? 6 : 5);
    const std::string year = random.chance(0.8) ? "2018" : "2019";
    const std::string month = random.chance(0.5) ? "06" : "07";
    const char* days[] = {"01", "03", "04", "30"};
    if (form == 5) return "";
    if (form == 4) return year;
    if (form == 3) return year + "-" + month;
    return year + "-" + month + "-" + days[random.below(4)];
}

TEST(SettingExposure, TiedBeforeIsTheProjectionOfTheHistoryBeforeTheRoom) {
    const char* sectors_by_member[] = {"public", "grassroots", "", "funder", "public", "voluntary", "grassroots", ""};
    std::uint64_t compared = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        Random random(seed);
        testing::TestNetwork builder;
        builder.organisation("o1").organisation("o2");
        const char* ids[] = {"m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"};
        for (int m = 0; m < 8; ++m) {
            const std::uint64_t organisation = random.below(3);
            builder.member(ids[m], sectors_by_member[m], organisation == 0 ? "" : organisation == 1 ? "o1" : "o2");
        }
        const int events = 7;
        for (int e = 0; e < events; ++e) builder.event("e" + std::to_string(e), random_date(random, true), {});
        for (int g = 0; g < 2; ++g) builder.group("g" + std::to_string(g), {});
        for (int a = 0; a < 5; ++a) {
            const std::string from = random_date(random, true);
            builder.affiliation(ids[random.below(8)], random.chance(0.5) ? "o1" : "o2", from, "");
        }
        for (int t = 0; t < 4; ++t) {
            const auto source = random.below(8);
            const auto target = (source + 1 + random.below(7)) % 8;
            builder.tie(ids[source], ids[target], static_cast<double>(random.below(3)), random_date(random, true));
        }
        Network network = builder.build();
        for (EventIndex e = 0; e < events; ++e) {
            for (MemberIndex m = 0; m < 8; ++m) {
                if (random.chance(0.4)) network.attendance.push_back({m, e, 0});
            }
            if (e > 0 && random.chance(0.3)) network.events[e].parent = static_cast<EventIndex>(random.below(e));
        }
        for (MemberIndex m = 0; m < 8; ++m) {
            for (GroupIndex g = 0; g < 2; ++g) {
                if (!random.chance(0.4)) continue;
                const std::string from = random_date(random, true);
                network.group_members.push_back(
                    {m, g, DateSpan{from.empty() ? k_open_start : parse_date(from)->first, k_open_end}});
                if (random.chance(0.2)) {  // a second row: the member counts from the earlier
                    const std::string again = random_date(random, false);
                    network.group_members.push_back({m, g, DateSpan{parse_date(again)->first, k_open_end}});
                }
            }
        }
        ExposureOptions options = small_settings(random.below(5));  // 0 (no limit) to 4
        options.horizon_days = 30;
        if (random.chance(0.2)) options.ties.weights.groups = 0.0;
        if (random.chance(0.2)) options.ties.weights.organisations = 0.0;
        const Sectors sectors = member_sectors(network);
        for (const auto& row : setting_exposure(network, sectors, options)) {
            EXPECT_EQ(row.room_pairs - row.exposure_pairs,
                      tied_by_projection(network, sectors, row.event, options.ties))
                << "room " << network.events[row.event].id;
            EXPECT_LE(row.cross_exposure_pairs, row.exposure_pairs);
            EXPECT_LE(row.followed_through, row.exposure_pairs);
            EXPECT_LE(row.cross_followed_through, row.followed_through);
            ++compared;
        }
    }
    EXPECT_GT(compared, 500u);
}

// ---------------------------------------------------------------------------------------
// Summaries by kind and period.

TEST(ExposureByKind, SumsEachKindOverTheWindowAndEachPeriod) {
    // At most 2 tie. Dinner D1 (2019-02-01) {p, g}, followed through by their recorded tie of
    // 2019-06-01; dinner D2 (2020-02-01) {p2, g2, v} (3 people: exposure only), followed by
    // nothing; gathering G (2020-05-01) {p, p2}, followed by their tie of 2020-06-01. Window
    // 2019-2020; periods 2019 and 2020; the dinner "late" (2021) is outside the window.
    //   dinners: 2 settings, exposure pairs p–g, p2–g2, p2–v, g2–v (4, all cross); followed
    //            through: p–g (cross). X = 1, Y = 1, bias 0.
    //   gathering: 1 exposure pair, same-sector: X = 0, Y = 0, bias undefined.
    const Network network = testing::TestNetwork()
                                .member("p", "public")
                                .member("p2", "public")
                                .member("g", "grassroots")
                                .member("g2", "grassroots")
                                .member("v", "voluntary")
                                .event("D1", "2019-02-01", {"p", "g"}, "dinner")
                                .event("D2", "2020-02-01", {"p2", "g2", "v"}, "dinner")
                                .event("G", "2020-05-01", {"p", "p2"}, "gathering")
                                .event("late", "2021-01-01", {"p", "g2"}, "dinner")
                                .tie("p", "g", 1.0, "2019-06-01")
                                .tie("p", "p2", 1.0, "2020-06-01")
                                .build();
    const auto rows = setting_exposure(network, member_sectors(network), small_settings(2));
    const DateSpan y2019{days_from_civil(2019, 1, 1), days_from_civil(2019, 12, 31)};
    const DateSpan y2020{days_from_civil(2020, 1, 1), days_from_civil(2020, 12, 31)};
    const ExposureByKind result = exposure_by_kind(network, rows, DateSpan{y2019.first, y2020.last}, {y2019, y2020});
    ASSERT_EQ(result.overall.size(), 2u);  // dinner, gathering (sorted by kind)
    const ExposureSummary& dinners = result.overall[0];
    EXPECT_EQ(dinners.kind, "dinner");
    EXPECT_EQ(dinners.settings, 2u);  // D1 and D2; "late" is outside the window
    EXPECT_EQ(dinners.room_pairs, 4u);
    EXPECT_EQ(dinners.exposure_pairs, 4u);
    EXPECT_EQ(dinners.cross_exposure_pairs, 4u);
    EXPECT_EQ(dinners.followed_through, 1u);
    EXPECT_EQ(dinners.cross_followed_through, 1u);
    EXPECT_DOUBLE_EQ(dinners.exposure, 1.0);
    EXPECT_DOUBLE_EQ(dinners.friending_bias, 0.0);
    const ExposureSummary& gathering = result.overall[1];
    EXPECT_EQ(gathering.kind, "gathering");
    EXPECT_EQ(gathering.exposure_pairs, 1u);
    EXPECT_EQ(gathering.followed_through, 1u);
    EXPECT_DOUBLE_EQ(gathering.exposure, 0.0);  // p and p2 share a sector
    EXPECT_DOUBLE_EQ(gathering.followed_through_cross_share, 0.0);
    EXPECT_TRUE(std::isnan(gathering.friending_bias));  // X = 0: undefined
    ASSERT_EQ(result.by_period.size(), 2u);
    ASSERT_EQ(result.by_period[0].size(), 1u);  // 2019: D1 only
    EXPECT_EQ(result.by_period[0][0].kind, "dinner");
    EXPECT_EQ(result.by_period[0][0].settings, 1u);
    EXPECT_EQ(result.by_period[0][0].exposure_pairs, 1u);
    ASSERT_EQ(result.by_period[1].size(), 2u);  // 2020: D2, G
    EXPECT_EQ(result.by_period[1][0].exposure_pairs, 3u);
    EXPECT_EQ(result.by_period[1][0].followed_through, 0u);
    EXPECT_TRUE(std::isnan(result.by_period[1][0].followed_through_cross_share));
    EXPECT_EQ(result.by_period[1][1].kind, "gathering");
}

TEST(SummariseExposure, NoSettingsIsUndefined) {
    const ExposureSummary none = summarise_exposure({}, "online");
    EXPECT_EQ(none.settings, 0u);
    EXPECT_TRUE(std::isnan(none.exposure));
    EXPECT_TRUE(std::isnan(none.followed_through_cross_share));
    EXPECT_TRUE(std::isnan(none.friending_bias));
}

}  // namespace
}  // namespace bridgemap
