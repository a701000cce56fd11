#pragma once
// The history before an event: the network as it stood when a gathering began, for telling
// who already knew whom. One rule for every command that asks (`seat`, `map --event`, and
// any caller that needs the history before a day).

#include <bridgemap/model/date.hpp>
#include <bridgemap/model/network.hpp>

#include <vector>

namespace bridgemap {

/// By event, true for `event` and its breakouts: every event whose parent chain reaches
/// `event`, at any depth. Parent chains are loop-free (the reader rejects loops; a hand-made
/// loop ends the walk without reaching `event`). Throws RequestError when `event` is not an
/// event of `network`. O(events).
std::vector<bool> event_and_breakouts(const Network& network, EventIndex event);

/// By event, true for the occasion `event` belongs to: event_and_breakouts() and its
/// ancestors (the events its own parent chain leads to, such as the gathering a breakout is
/// part of). Siblings (other breakouts of the same parent) are not family. Throws
/// RequestError when `event` is not an event of `network`. O(events).
std::vector<bool> event_family(const Network& network, EventIndex event);

/// The distinct members with an attendance row for `event` or any of its breakouts
/// (event_and_breakouts), ascending: the people at the gathering. Throws RequestError when
/// `event` is not an event of `network`. O(attendance + events).
std::vector<MemberIndex> event_attendees(const Network& network, EventIndex event);

/// The network as it stood before day `day` (a day number; k_open_end keeps every dated
/// record). Keeps
///   - the events that are undated or whose date ends before `day` (date->last < day; a
///     month or year that reaches `day` does not count), and their attendance;
///   - the ties.csv rows that are undated or whose date ends before `day`;
///   - the group memberships and affiliations that start before `day` (period.first < day;
///     an open start counts), whatever their end;
///   - members.organisation (which has no date), except for a member whose affiliation rows
///     with that same organisation all start on or after `day`: the member joined it later,
///     so the organisation is cleared (k_none) for them; without such rows it is kept.
/// Undated records are standing facts known before any day. On a windowed network
/// (Network::active set) the active members are recomputed over what is kept, so that
/// cutting the window first or the history first gives the same network. Every member, organisation and
/// group stays (a member with nothing before is an isolate) with their sectors; event
/// indices are renumbered and attribute rows go with their rows (filter_network). O(size of
/// the network).
Network network_before_day(const Network& network, DayNumber day);

/// The network as it stood before `event`, for counting who had already met whom: the
/// network before the event's first day (network_before_day; a date `2018-07` starts on
/// 1 July), and without the event's family (event_family: the event, its breakouts and its
/// ancestors) whatever their dates, since they are the same occasion. An undated event
/// leaves out only its family: everything else counts. Throws RequestError when `event` is
/// not an event of `network`. O(size of the network).
Network network_before_event(const Network& network, EventIndex event);

}  // namespace bridgemap
