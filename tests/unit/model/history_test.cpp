// The history before an event: one rule for which events, ties, memberships and
// organisations existed before a gathering (seat, map --event).

#include <bridgemap/error.hpp>
#include <bridgemap/model/history.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/ties/projection.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace bridgemap {
namespace {

std::set<std::string> event_ids(const Network& network) {
    std::set<std::string> ids;
    for (const auto& event : network.events) ids.insert(event.id);
    return ids;
}

std::set<std::string> marked(const Network& network, const std::vector<bool>& mask) {
    std::set<std::string> ids;
    for (EventIndex e = 0; e < mask.size(); ++e) {
        if (mask[e]) ids.insert(network.events[e].id);
    }
    return ids;
}

void set_parent(Network& network, const char* child, const char* parent) {
    network.events[network.find_event(child)].parent = network.find_event(parent);
}

/// The ids of the events kept before the event "at" (dated `at_date`) of a network of x, y,
/// "at" and the given events (id, date), each attended by x and y.
std::set<std::string> kept_before(std::initializer_list<std::pair<const char*, const char*>> events,
                                  const char* at_date) {
    testing::TestNetwork builder;
    builder.member("x").member("y").event("at", at_date, {"x", "y"});
    for (const auto& [id, date] : events) builder.event(id, date, {"x", "y"});
    const Network network = builder.build();
    return event_ids(network_before_event(network, network.find_event("at")));
}

using testing::gathering_history;

// ---------------------------------------------------------------------------------------
// The event's family.

TEST(EventAndBreakouts, TheEventAndEveryEventWhoseParentChainReachesIt) {
    const Network network = gathering_history();
    EXPECT_EQ(marked(network, event_and_breakouts(network, network.find_event("g"))),
              (std::set<std::string>{"g", "b1", "b2"}));
    EXPECT_EQ(marked(network, event_and_breakouts(network, network.find_event("b1"))),
              (std::set<std::string>{"b1", "b2"}));
    EXPECT_EQ(marked(network, event_and_breakouts(network, network.find_event("dinner"))),
              (std::set<std::string>{"dinner"}));
    EXPECT_THROW(event_and_breakouts(network, 99), RequestError);
}

TEST(EventFamily, AddsTheAncestorsButNotTheSiblings) {
    Network network = testing::TestNetwork()
                          .member("x")
                          .event("conference", "", {"x"}, "gathering")
                          .event("day-1", "2018-07-04", {"x"})
                          .event("room-a", "2018-07-04", {"x"}, "breakout")
                          .event("room-b", "2018-07-04", {"x"}, "breakout")
                          .event("room-a-table", "2018-07-04", {"x"}, "breakout")
                          .build();
    set_parent(network, "day-1", "conference");
    set_parent(network, "room-a", "day-1");
    set_parent(network, "room-b", "day-1");
    set_parent(network, "room-a-table", "room-a");
    EXPECT_EQ(marked(network, event_family(network, network.find_event("room-a"))),
              (std::set<std::string>{"conference", "day-1", "room-a", "room-a-table"}));
    EXPECT_EQ(marked(network, event_family(network, network.find_event("conference"))),
              (std::set<std::string>{"conference", "day-1", "room-a", "room-b", "room-a-table"}));
    EXPECT_THROW(event_family(network, 99), RequestError);
}

TEST(EventAttendees, IncludesEveryBreakoutOnce) {
    const Network whole = gathering_history();
    const auto people = event_attendees(whole, whole.find_event("g"));
    std::vector<std::string> ids;
    for (const auto m : people) ids.push_back(whole.members[m].id);
    EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(event_attendees(whole, whole.find_event("b1")).size(), 3u);  // c, d and b2's e
    EXPECT_TRUE(event_attendees(testing::TestNetwork().member("x").event("empty", "", {}).build(), 0).empty());
    EXPECT_THROW(event_attendees(whole, 99), RequestError);
}

// ---------------------------------------------------------------------------------------
// Events: a date counts when it ends before the event's first day.

TEST(NetworkBeforeEvent, MonthDatedDinnerReachingTheDayIsNotBefore) {
    // The dinner of 2018-07 covers 1-31 July, so it does not end before 4 July: it may have
    // been that evening. June's dinner ended before.
    EXPECT_EQ(kept_before({{"dinner", "2018-07"}, {"june", "2018-06"}, {"day-before", "2018-07-03"}}, "2018-07-04"),
              (std::set<std::string>{"june", "day-before"}));
}

TEST(NetworkBeforeEvent, YearDatedEventsCountOnlyWhenTheYearHasEnded) {
    EXPECT_EQ(kept_before({{"this-year", "2018"}, {"last-year", "2017"}}, "2018-03-01"),
              (std::set<std::string>{"last-year"}));
}

TEST(NetworkBeforeEvent, MonthDatedEventStartsOnTheFirstOfTheMonth) {
    // A gathering dated 2018-07 starts on 1 July: 30 June is before, 1 July and the month are not.
    EXPECT_EQ(kept_before({{"june-30", "2018-06-30"}, {"july-1", "2018-07-01"}, {"july", "2018-07"}}, "2018-07"),
              (std::set<std::string>{"june-30"}));
    // A year-dated one starts on 1 January.
    EXPECT_EQ(kept_before({{"dec", "2017-12"}, {"jan", "2018-01"}}, "2018"), (std::set<std::string>{"dec"}));
}

TEST(NetworkBeforeEvent, UndatedEventsAlwaysCount) {
    EXPECT_EQ(kept_before({{"undated", ""}, {"later", "2019"}}, "2018-07-04"), (std::set<std::string>{"undated"}));
    // Seating an undated event: everything but its own family counts, whatever its date.
    EXPECT_EQ(kept_before({{"undated", ""}, {"later", "2019"}}, ""), (std::set<std::string>{"undated", "later"}));
}

TEST(NetworkBeforeEvent, TheParentGatheringIsTheSameOccasion) {
    // The breakout room-a (2018-07-04) of a gathering: the gathering does not count, undated
    // or dated the same day or earlier, and neither does a sibling breakout of the same day.
    for (const char* parent_date : {"", "2018-07-04", "2018-07-01"}) {
        SCOPED_TRACE(std::string("parent dated \"") + parent_date + "\"");
        Network network = testing::TestNetwork()
                              .member("x")
                              .member("y")
                              .event("gathering", parent_date, {"x", "y"}, "gathering")
                              .event("room-a", "2018-07-04", {"x", "y"}, "breakout")
                              .event("room-b", "2018-07-04", {"x", "y"}, "breakout")
                              .event("earlier", "2018-06-01", {"x", "y"})
                              .event("undated", "", {"x", "y"})
                              .build();
        set_parent(network, "room-a", "gathering");
        set_parent(network, "room-b", "gathering");
        const Network before = network_before_event(network, network.find_event("room-a"));
        EXPECT_EQ(event_ids(before), (std::set<std::string>{"earlier", "undated"}));
        // The gathering itself leaves out both breakouts.
        EXPECT_EQ(event_ids(network_before_event(network, network.find_event("gathering"))),
                  (std::set<std::string>{"earlier", "undated"}));
    }
}

TEST(NetworkBeforeEvent, UndatedSiblingBreakoutCountsAsAnyUndatedEvent) {
    // A sibling is not the event's family: it follows the date rule, and undated records count.
    Network network = testing::TestNetwork()
                          .member("x")
                          .event("gathering", "2018-07-04", {"x"}, "gathering")
                          .event("room-a", "2018-07-04", {"x"}, "breakout")
                          .event("room-b", "", {"x"}, "breakout")
                          .build();
    set_parent(network, "room-a", "gathering");
    set_parent(network, "room-b", "gathering");
    EXPECT_EQ(event_ids(network_before_event(network, network.find_event("room-a"))),
              (std::set<std::string>{"room-b"}));
}

TEST(NetworkBeforeEvent, DropsTheEventItsBreakoutsAndEverythingFromItsDay) {
    const Network whole = gathering_history();
    const Network before = network_before_event(whole, whole.find_event("g"));
    // Kept: the dinner the day before and the undated event; dropped: g, b1, undated b2 (its
    // breakout), the later workshop and the month that reaches the day.
    EXPECT_EQ(event_ids(before), (std::set<std::string>{"dinner", "undated"}));
    EXPECT_EQ(before.attendance.size(), 4u);
    for (const auto& row : before.attendance) EXPECT_LT(row.event, before.events.size());
    // Ties: the dated one after the event goes; undated and earlier stay.
    ASSERT_EQ(before.ties.size(), 2u);
    EXPECT_EQ(before.members[before.ties[0].source].id, "b");
    EXPECT_EQ(before.members[before.ties[1].source].id, "c");
    // The cell starting on the day goes; d's organisation, joined after, does not count.
    ASSERT_EQ(before.group_members.size(), 2u);
    EXPECT_EQ(before.groups[before.group_members[0].group].id, "cell-before");
    EXPECT_EQ(before.affiliations.size(), 1u);
    EXPECT_EQ(before.members[before.find_member("d")].organisation, k_none);
    EXPECT_EQ(before.members.size(), whole.members.size());
    EXPECT_EQ(before.members[before.find_member("d")].sector, whole.members[whole.find_member("d")].sector);
}

TEST(NetworkBeforeEvent, UndatedEventDropsOnlyItselfAndItsBreakouts) {
    const Network whole = gathering_history();
    const Network before = network_before_event(whole, whole.find_event("undated"));
    EXPECT_EQ(event_ids(before), (std::set<std::string>{"dinner", "g", "b1", "b2", "later", "july"}));
    EXPECT_EQ(before.ties.size(), 3u);
    EXPECT_EQ(before.group_members.size(), 4u);
    EXPECT_EQ(before.members[before.find_member("d")].organisation, before.find_organisation("o-new"));
}

TEST(NetworkBeforeEvent, BreakoutDropsItsParentOccasion) {
    const Network whole = gathering_history();
    const Network before = network_before_event(whole, whole.find_event("b2"));
    // b2 is undated: its own date cannot cut, but its parents b1 and g are the same occasion.
    EXPECT_EQ(event_ids(before), (std::set<std::string>{"dinner", "later", "undated", "july"}));
}

TEST(NetworkBeforeEvent, UnknownEventIsARequestError) {
    const Network whole = gathering_history();
    EXPECT_THROW(network_before_event(whole, 99), RequestError);
}

// ---------------------------------------------------------------------------------------
// ties.csv rows, memberships, affiliations, members.organisation.

TEST(NetworkBeforeEvent, TiesRowsCountWhenUndatedOrEndedBeforeTheDay) {
    Network network = testing::TestNetwork()
                          .member("a")
                          .member("b")
                          .member("c")
                          .member("d")
                          .event("g", "2018-07-04", {"a", "b", "c", "d"})
                          .tie("a", "b", 1.0, "2018-07")  // July reaches the 4th: not before
                          .tie("a", "c", 1.0, "2018-06")
                          .tie("a", "d", 1.0, "")
                          .tie("b", "c", 1.0, "2018-07-03")
                          .tie("b", "d", 1.0, "2018-07-04")
                          .build();
    const Network before = network_before_event(network, network.find_event("g"));
    std::set<std::string> kept;
    for (const auto& tie : before.ties) kept.insert(before.members[tie.source].id + before.members[tie.target].id);
    EXPECT_EQ(kept, (std::set<std::string>{"ac", "ad", "bc"}));
}

TEST(NetworkBeforeEvent, MembershipsCountWhenTheyStartBeforeTheDay) {
    const Network network = testing::TestNetwork()
                                .member("a")
                                .member("b")
                                .event("g", "2018-07-04", {"a", "b"})
                                .group("from-the-day", {"a", "b"}, "2018-07-04", "")
                                .group("from-the-day-before", {"a", "b"}, "2018-07-03", "")
                                .group("open-start", {"a", "b"}, "", "")
                                .group("ended-long-ago", {"a", "b"}, "2015", "2015")  // ended: still met
                                .group("from-july", {"a", "b"}, "2018-07", "")        // starts 1 July: before
                                .build();
    const Network before = network_before_event(network, network.find_event("g"));
    std::set<std::string> kept;
    for (const auto& row : before.group_members) kept.insert(before.groups[row.group].id);
    EXPECT_EQ(kept, (std::set<std::string>{"from-the-day-before", "open-start", "ended-long-ago", "from-july"}));
    EXPECT_EQ(before.groups.size(), network.groups.size());  // every group stays, with or without members
}

TEST(NetworkBeforeEvent, MembersOrganisationUnlessEveryAffiliationWithItStartsLater) {
    const Network network = testing::TestNetwork()
                                .organisation("o")
                                .organisation("p")
                                .member("joined-later", "", "o")
                                .member("joined-later-again", "", "o")
                                .member("left-and-rejoined", "", "o")
                                .member("no-affiliation-rows", "", "o")
                                .member("later-elsewhere", "", "o")
                                .member("open-start", "", "o")
                                .event("g", "2018-07-04", {})
                                .affiliation("joined-later", "o", "2018-07-04", "")
                                .affiliation("joined-later-again", "o", "2018-08", "2018-09")
                                .affiliation("joined-later-again", "o", "2019", "")
                                .affiliation("left-and-rejoined", "o", "2016", "2017")
                                .affiliation("left-and-rejoined", "o", "2019", "")
                                .affiliation("later-elsewhere", "p", "2019", "")
                                .affiliation("open-start", "o", "", "2020")
                                .build();
    const Network before = network_before_event(network, network.find_event("g"));
    const auto organisation = [&](const char* member) {
        return before.members[before.find_member(member)].organisation;
    };
    const OrganisationIndex o = network.find_organisation("o");
    EXPECT_EQ(organisation("joined-later"), k_none);
    EXPECT_EQ(organisation("joined-later-again"), k_none);
    EXPECT_EQ(organisation("left-and-rejoined"), o);
    EXPECT_EQ(organisation("no-affiliation-rows"), o);
    EXPECT_EQ(organisation("later-elsewhere"), o);
    EXPECT_EQ(organisation("open-start"), o);
    // The affiliation rows follow the membership rule: the two that start before stay.
    EXPECT_EQ(before.affiliations.size(), 2u);
}

TEST(NetworkBeforeEvent, ProjectedTiesAreTheTiesBeforeTheEvent) {
    // Before the gathering g (2019-06-01): a1 and a2 met at e1; a1 and b1 at e2. g has a
    // breakout g-b; e3 comes after g; a2-c1 was recorded after g.
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
                          .event("g-b", "2019-06-01", {"c2", "a1"})
                          .event("e3", "2019-09-01", {"a2", "b1", "x"})
                          .tie("a2", "c1", 1.0, "2019-07-01")
                          .build();
    set_parent(network, "g-b", "g");
    TieOptions options;
    options.max_setting_size = 0;
    const TieGraph before = project_ties(network_before_event(network, network.find_event("g")), options);
    const auto m = [&](const char* id) { return network.find_member(id); };
    EXPECT_NE(before.find_tie(m("a1"), m("a2")), k_none);
    EXPECT_NE(before.find_tie(m("a1"), m("b1")), k_none);
    EXPECT_EQ(before.find_tie(m("a2"), m("b1")), k_none);  // only at g and e3
    EXPECT_EQ(before.find_tie(m("a2"), m("c1")), k_none);  // recorded after g
    EXPECT_EQ(before.find_tie(m("b1"), m("x")), k_none);   // e3 is after g
    EXPECT_EQ(before.find_tie(m("a1"), m("c2")), k_none);  // only in the breakout
}

// ---------------------------------------------------------------------------------------
// The same rule for a day.

TEST(NetworkBeforeDay, TheSameRuleWithoutAnEventFamily) {
    const Network whole = gathering_history();
    const DayNumber july_4 = days_from_civil(2018, 7, 4);
    const Network before = network_before_day(whole, july_4);
    // No event is the occasion: only dates decide; undated g's breakout b2 counts now.
    EXPECT_EQ(event_ids(before), (std::set<std::string>{"dinner", "b2", "undated"}));
    EXPECT_EQ(before.ties.size(), 2u);
    EXPECT_EQ(before.group_members.size(), 2u);
    EXPECT_EQ(before.members[before.find_member("d")].organisation, k_none);
    // network_before_event of a dated event is network_before_day of its first day, less the family.
    EXPECT_EQ(event_ids(network_before_event(whole, whole.find_event("g"))),
              (std::set<std::string>{"dinner", "undated"}));
    // The open end keeps everything.
    const Network all = network_before_day(whole, k_open_end);
    EXPECT_EQ(event_ids(all), event_ids(whole));
    EXPECT_EQ(all.attendance.size(), whole.attendance.size());
    EXPECT_EQ(all.ties.size(), whole.ties.size());
    EXPECT_EQ(all.group_members.size(), whole.group_members.size());
    EXPECT_EQ(all.members[all.find_member("d")].organisation, whole.find_organisation("o-new"));
}

TEST(NetworkBeforeDay, EmptyNetwork) {
    const Network empty = testing::TestNetwork().build();
    const Network before = network_before_day(empty, days_from_civil(2018, 1, 1));
    EXPECT_TRUE(before.members.empty());
    EXPECT_TRUE(before.events.empty());
}

/// seat cuts the history from the whole network and then applies the window; map --event gets
/// the windowed network and cuts the history from it. Both must give the same ties: in
/// particular colleague ties (SPEC §1) only between members active in the window before the
/// event, not those who only took part at it or later.
TEST(NetworkBeforeEvent, WindowFirstOrHistoryFirstGiveTheSameTies) {
    const Network whole = testing::TestNetwork()
                              .organisation("council", "public")
                              .member("a", "", "council")
                              .member("b", "", "council")
                              .member("c", "voluntary")
                              .event("early", "2018-03-01", {"a", "c"}, "dinner")
                              .event("g", "2018-07-04", {"a", "b", "c"}, "gathering")
                              .event("late", "2018-09-01", {"b", "c"}, "dinner")
                              .build();
    const Window year = parse_window("2018", "2018");
    TieOptions ties;
    ties.max_setting_size = 40;
    const TieGraph seat_order =
        project_ties(apply_window(network_before_event(whole, whole.find_event("g")), year), ties);
    const Network windowed = apply_window(whole, year);
    const TieGraph map_order = project_ties(network_before_event(windowed, windowed.find_event("g")), ties);
    // Only a–c, from the early dinner: b took part only at the gathering and after it, so the
    // council does not tie a and b before it.
    ASSERT_EQ(seat_order.tie_count(), 1u);
    ASSERT_EQ(map_order.tie_count(), 1u);
    EXPECT_EQ(seat_order.ties()[0].source, map_order.ties()[0].source);
    EXPECT_EQ(seat_order.ties()[0].target, map_order.ties()[0].target);
    EXPECT_EQ(seat_order.ties()[0].weight, map_order.ties()[0].weight);
    EXPECT_EQ(whole.members[map_order.ties()[0].target].id, "c");
}

}  // namespace
}  // namespace bridgemap
