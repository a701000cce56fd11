#include <bridgemap/model/history.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/model/window.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace bridgemap {
namespace {

void check_event(const Network& network, EventIndex event) {
    if (event >= network.events.size()) throw RequestError("no such event (index " + std::to_string(event) + ")");
}

/// The one rule: the rows of `network` from before `day`, leaving out the events `excluded`
/// marks (empty: none).
Network before(const Network& network, DayNumber day, const std::vector<bool>& excluded) {
    const auto dated_before = [&](const std::optional<DateSpan>& date) { return !date || date->last < day; };
    const auto starts_before = [&](const DateSpan& period) { return period.first < day; };
    Network kept = filter_network(
        network,
        {[&](EventIndex e) { return (excluded.empty() || !excluded[e]) && dated_before(network.events[e].date); },
         starts_before, [&](const ExplicitTie& tie) { return dated_before(tie.date); }});
    // members.organisation is undated; when every affiliation row with that organisation
    // starts on or after the day, the member joined it later.
    std::vector<std::uint8_t> joined(network.members.size(), 0);  // bit 0: a row before, bit 1: a row on/after
    for (const auto& row : network.affiliations) {
        if (row.organisation != network.members[row.member].organisation) continue;
        joined[row.member] |= starts_before(row.period) ? 1 : 2;
    }
    for (std::size_t m = 0; m < kept.members.size(); ++m) {
        if (joined[m] == 2) kept.members[m].organisation = k_none;
    }
    // A windowed network's active members (SPEC §1) are those who took part in the window
    // before the day: the same as cutting the history first and applying the window after.
    if (!network.active.empty()) kept.active = took_part(kept);
    return kept;
}

}  // namespace

std::vector<bool> event_and_breakouts(const Network& network, EventIndex event) {
    check_event(network, event);
    const std::size_t count = network.events.size();
    // 0 unknown, 1 reaches the event, 2 does not. Each event's chain is walked until it meets
    // an event already decided, so every event is walked once.
    std::vector<std::uint8_t> state(count, 0);
    state[event] = 1;
    std::vector<EventIndex> chain;
    for (EventIndex e = 0; e < count; ++e) {
        chain.clear();
        EventIndex at = e;
        // The step limit keeps a hand-made loop finite.
        while (at != k_none && state[at] == 0 && chain.size() <= count) {
            chain.push_back(at);
            at = network.events[at].parent;
        }
        const std::uint8_t verdict = (at != k_none && state[at] == 1) ? 1 : 2;
        for (const EventIndex link : chain) state[link] = verdict;
    }
    std::vector<bool> result(count);
    for (EventIndex e = 0; e < count; ++e) result[e] = state[e] == 1;
    return result;
}

std::vector<bool> event_family(const Network& network, EventIndex event) {
    std::vector<bool> family = event_and_breakouts(network, event);
    const std::size_t count = network.events.size();
    std::size_t steps = 0;
    for (EventIndex e = network.events[event].parent; e != k_none && e < count && steps <= count;
         e = network.events[e].parent, ++steps) {
        family[e] = true;
    }
    return family;
}

std::vector<MemberIndex> event_attendees(const Network& network, EventIndex event) {
    const std::vector<bool> inside = event_and_breakouts(network, event);
    std::vector<MemberIndex> people;
    for (const Attendance& row : network.attendance) {
        if (inside[row.event]) people.push_back(row.member);
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return people;
}

Network network_before_day(const Network& network, DayNumber day) {
    return before(network, day, {});
}

Network network_before_event(const Network& network, EventIndex event) {
    const std::vector<bool> family = event_family(network, event);
    const std::optional<DateSpan>& date = network.events[event].date;
    return before(network, date ? date->first : k_open_end, family);
}

}  // namespace bridgemap
