#include <bridgemap/metrics/exposure.hpp>

#include "concurrency/parallel_for.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace bridgemap {
namespace {

/// One thing that ties a pair of members: a shared tie-making event, group or organisation,
/// or a ties.csv row, held as the days that decide when it counts. It ties them before day d
/// when last < d ≤ until; it is a follow-through of a setting on day d when first lies in
/// [d, d + horizon] and first < until.
struct TieEvidence {
    MemberIndex partner;  ///< The pair's larger member (the smaller one owns the list).
    DayNumber first;      ///< When it starts; k_open_start when undated (never a follow-through).
    DayNumber last;       ///< When it ends; k_open_start when undated (always before).
    DayNumber until;      ///< The last day before which it still ties them (a group that grew too large stops).
    EventIndex event;     ///< The shared event, or k_none.
};

/// By member, the evidence tying them to each member of larger index, sorted by partner
/// (compressed rows: evidence[offsets[a] .. offsets[a + 1]]).
struct TieEvidenceIndex {
    std::vector<std::size_t> offsets;
    std::vector<TieEvidence> evidence;
};

struct Joining {
    MemberIndex member;
    DayNumber start;
};

/// Calls add(a, b, first, last, until, event) for every pair a ≠ b that a tie-making setting of
/// `ties` ties, once per setting (SPEC §2, as the projection counts them).
template <class Add>
void for_each_tie_evidence(const Network& network, const TieOptions& ties,
                           const std::vector<std::vector<MemberIndex>>& attendees, Add&& add) {
    const std::size_t max_size = ties.max_setting_size;
    const auto small = [&](std::size_t members) { return members >= 2 && (max_size == 0 || members <= max_size); };

    if (ties.weights.events > 0) {
        for (EventIndex e = 0; e < attendees.size(); ++e) {
            const auto& people = attendees[e];
            if (!small(people.size())) continue;
            const auto& date = network.events[e].date;
            const DayNumber first = date ? date->first : k_open_start;
            const DayNumber last = date ? date->last : k_open_start;
            for (std::size_t x = 0; x < people.size(); ++x) {
                for (std::size_t y = x + 1; y < people.size(); ++y)
                    add(people[x], people[y], first, last, k_open_end, e);
            }
        }
    }

    // A group or organisation: each member from their earliest start in it. It ties two
    // members from the later of their starts J, for as long as it has at most max_size members
    // who joined before the day: until the day of the (max_size + 1)-th start.
    std::vector<Joining> members;
    const auto add_joinings = [&](std::vector<Joining>& rows) {
        std::sort(rows.begin(), rows.end(), [](const Joining& x, const Joining& y) {
            return x.member != y.member ? x.member < y.member : x.start < y.start;
        });
        members.clear();
        for (const Joining& row : rows) {
            if (members.empty() || members.back().member != row.member) members.push_back(row);
        }
        if (members.size() < 2) return;
        DayNumber until = k_open_end;
        if (max_size > 0 && members.size() > max_size) {
            std::vector<DayNumber> starts;
            starts.reserve(members.size());
            for (const Joining& member : members) starts.push_back(member.start);
            std::nth_element(starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(max_size), starts.end());
            until = starts[max_size];
        }
        for (std::size_t x = 0; x < members.size(); ++x) {
            if (members[x].start >= until) continue;
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                const DayNumber joint = std::max(members[x].start, members[y].start);
                if (joint < until) add(members[x].member, members[y].member, joint, joint, until, k_none);
            }
        }
    };

    if (ties.weights.groups > 0) {
        std::vector<std::vector<Joining>> by_group(network.groups.size());
        for (const auto& row : network.group_members) by_group[row.group].push_back({row.member, row.period.first});
        for (auto& rows : by_group) add_joinings(rows);
    }
    if (ties.weights.organisations > 0) {
        // members.organisation has no date: from always, unless the member has affiliation
        // rows with that organisation, whose earliest start then says when they joined.
        std::vector<std::vector<Joining>> by_organisation(network.organisations.size());
        std::vector<std::uint8_t> has_rows(network.members.size(), 0);
        for (const auto& row : network.affiliations) {
            by_organisation[row.organisation].push_back({row.member, row.period.first});
            if (row.organisation == network.members[row.member].organisation) has_rows[row.member] = 1;
        }
        for (MemberIndex i = 0; i < network.members.size(); ++i) {
            const OrganisationIndex organisation = network.members[i].organisation;
            if (organisation != k_none && !has_rows[i]) by_organisation[organisation].push_back({i, k_open_start});
        }
        for (auto& rows : by_organisation) add_joinings(rows);
    }
    if (ties.weights.ties > 0) {
        for (const auto& tie : network.ties) {
            if (tie.weight <= 0 || tie.source == tie.target) continue;
            const DayNumber first = tie.date ? tie.date->first : k_open_start;
            const DayNumber last = tie.date ? tie.date->last : k_open_start;
            add(tie.source, tie.target, first, last, k_open_end, k_none);
        }
    }
}

/// The evidence index, built in two passes over the settings (count, then fill) so that no
/// unsorted copy of it is ever held.
TieEvidenceIndex index_tie_evidence(const Network& network, const TieOptions& ties,
                                    const std::vector<std::vector<MemberIndex>>& attendees) {
    const std::size_t n = network.members.size();
    TieEvidenceIndex index;
    index.offsets.assign(n + 1, 0);
    for_each_tie_evidence(network, ties, attendees,
                          [&](MemberIndex a, MemberIndex b, DayNumber, DayNumber, DayNumber, EventIndex) {
                              ++index.offsets[std::min(a, b) + 1];
                          });
    for (std::size_t i = 0; i < n; ++i) index.offsets[i + 1] += index.offsets[i];
    index.evidence.resize(index.offsets[n]);
    std::vector<std::size_t> fill(index.offsets.begin(), index.offsets.end() - 1);
    for_each_tie_evidence(
        network, ties, attendees,
        [&](MemberIndex a, MemberIndex b, DayNumber first, DayNumber last, DayNumber until, EventIndex event) {
            if (a > b) std::swap(a, b);
            index.evidence[fill[a]++] = {b, first, last, until, event};
        });
    for (std::size_t i = 0; i < n; ++i) {
        std::sort(index.evidence.begin() + static_cast<std::ptrdiff_t>(index.offsets[i]),
                  index.evidence.begin() + static_cast<std::ptrdiff_t>(index.offsets[i + 1]),
                  [](const TieEvidence& x, const TieEvidence& y) { return x.partner < y.partner; });
    }
    return index;
}

/// Marks, in `stamp`, the family of `event` (itself, its breakouts at any depth, its
/// ancestors) with the value `mark`. Walks are bounded by the number of events, so a
/// hand-made parent loop ends.
void mark_family(const Network& network, const std::vector<std::size_t>& child_offsets,
                 const std::vector<EventIndex>& children, EventIndex event, std::uint32_t mark,
                 std::vector<std::uint32_t>& stamp, std::vector<EventIndex>& stack) {
    const std::size_t count = network.events.size();
    std::size_t steps = 0;
    for (EventIndex e = event; e != k_none && e < count && steps <= count; e = network.events[e].parent, ++steps) {
        stamp[e] = mark;
    }
    stack.assign(1, event);
    while (!stack.empty()) {
        const EventIndex e = stack.back();
        stack.pop_back();
        for (std::size_t c = child_offsets[e]; c < child_offsets[e + 1]; ++c) {
            if (stamp[children[c]] == mark) continue;  // already marked (or an ancestor in a loop)
            stamp[children[c]] = mark;
            stack.push_back(children[c]);
        }
    }
}

void add_to(ExposureSummary& summary, const SettingExposure& setting) {
    ++summary.settings;
    summary.room_pairs += setting.room_pairs;
    summary.exposure_pairs += setting.exposure_pairs;
    summary.cross_exposure_pairs += setting.cross_exposure_pairs;
    summary.followed_through += setting.followed_through;
    summary.cross_followed_through += setting.cross_followed_through;
}

void finish(ExposureSummary& summary) {
    const auto share = [](std::uint64_t part, std::uint64_t whole) {
        return whole == 0 ? k_not_defined : static_cast<double>(part) / static_cast<double>(whole);
    };
    summary.exposure = share(summary.cross_exposure_pairs, summary.exposure_pairs);
    summary.followed_through_cross_share = share(summary.cross_followed_through, summary.followed_through);
    summary.friending_bias = k_not_defined;
    if (is_defined(summary.exposure) && is_defined(summary.followed_through_cross_share) && summary.exposure > 0) {
        summary.friending_bias = 1.0 - summary.followed_through_cross_share / summary.exposure;
    }
}

}  // namespace

std::vector<SettingExposure> setting_exposure(const Network& network, const Sectors& sectors,
                                              const ExposureOptions& options) {
    const std::size_t event_count = network.events.size();
    std::vector<std::vector<MemberIndex>> attendees(event_count);
    for (const auto& row : network.attendance) attendees[row.event].push_back(row.member);
    for (auto& people : attendees) {
        std::sort(people.begin(), people.end());
        people.erase(std::unique(people.begin(), people.end()), people.end());
    }
    const TieEvidenceIndex index = index_tie_evidence(network, options.ties, attendees);

    // The rooms: dated events with two attendees of known sector.
    std::vector<EventIndex> rooms;
    for (EventIndex e = 0; e < event_count; ++e) {
        if (!network.events[e].date) continue;
        std::size_t known = 0;
        for (const MemberIndex member : attendees[e]) known += sectors.known(member);
        if (known >= 2) rooms.push_back(e);
    }

    // Breakouts by parent (compressed rows), for marking each room's family.
    std::vector<std::size_t> child_offsets(event_count + 1, 0);
    for (const auto& event : network.events) {
        if (event.parent != k_none && event.parent < event_count) ++child_offsets[event.parent + 1];
    }
    for (std::size_t e = 0; e < event_count; ++e) child_offsets[e + 1] += child_offsets[e];
    std::vector<EventIndex> children(child_offsets[event_count]);
    {
        std::vector<std::size_t> fill(child_offsets.begin(), child_offsets.end() - 1);
        for (EventIndex e = 0; e < event_count; ++e) {
            const EventIndex parent = network.events[e].parent;
            if (parent != k_none && parent < event_count) children[fill[parent]++] = e;
        }
    }

    std::vector<SettingExposure> result(rooms.size());
    const unsigned workers = concurrency::worker_count(options.ties.threads);
    std::vector<std::vector<std::uint32_t>> stamps(workers);
    concurrency::parallel_for(rooms.size(), workers, 8, [&](unsigned worker, std::size_t begin, std::size_t end) {
        std::vector<std::uint32_t>& stamp = stamps[worker];
        if (stamp.empty()) stamp.assign(event_count, 0);
        std::vector<EventIndex> stack;
        std::vector<MemberIndex> known;
        for (std::size_t r = begin; r < end; ++r) {
            const EventIndex room = rooms[r];
            const auto mark = static_cast<std::uint32_t>(r + 1);
            mark_family(network, child_offsets, children, room, mark, stamp, stack);
            const DayNumber day = network.events[room].date->first;
            const auto horizon_end = static_cast<DayNumber>(std::min<std::int64_t>(
                std::numeric_limits<DayNumber>::max() - 1,
                static_cast<std::int64_t>(day) + std::max<std::int32_t>(0, options.horizon_days)));
            known.clear();
            for (const MemberIndex member : attendees[room]) {
                if (sectors.known(member)) known.push_back(member);
            }
            SettingExposure setting;
            setting.event = room;
            for (std::size_t x = 0; x < known.size(); ++x) {
                const MemberIndex a = known[x];
                const SectorIndex sector_a = sectors.of_member[a];
                auto cursor = index.evidence.begin() + static_cast<std::ptrdiff_t>(index.offsets[a]);
                const auto list_end = index.evidence.begin() + static_cast<std::ptrdiff_t>(index.offsets[a + 1]);
                for (std::size_t y = x + 1; y < known.size(); ++y) {
                    const MemberIndex b = known[y];
                    const bool cross = sector_a != sectors.of_member[b];
                    ++setting.room_pairs;
                    cursor = std::lower_bound(cursor, list_end, b, [](const TieEvidence& e, MemberIndex partner) {
                        return e.partner < partner;
                    });
                    bool before = false;
                    bool follows = false;
                    for (auto at = cursor; at != list_end && at->partner == b; ++at) {
                        if (at->event != k_none && stamp[at->event] == mark) continue;  // the same occasion
                        if (at->last < day && day <= at->until) {
                            before = true;
                            break;
                        }
                        if (at->first >= day && at->first <= horizon_end && at->first < at->until) follows = true;
                    }
                    if (before) continue;
                    ++setting.exposure_pairs;
                    setting.cross_exposure_pairs += cross;
                    if (follows) {
                        ++setting.followed_through;
                        setting.cross_followed_through += cross;
                    }
                }
            }
            result[r] = setting;
        }
    });
    return result;
}

ExposureSummary summarise_exposure(const std::vector<SettingExposure>& settings, std::string kind) {
    ExposureSummary summary;
    summary.kind = std::move(kind);
    for (const auto& setting : settings) add_to(summary, setting);
    finish(summary);
    return summary;
}

ExposureByKind exposure_by_kind(const Network& network, const std::vector<SettingExposure>& settings,
                                const DateSpan& keep, const std::vector<DateSpan>& periods) {
    std::map<std::string, ExposureSummary> overall;
    std::vector<std::map<std::string, ExposureSummary>> by_period(periods.size());
    for (const auto& setting : settings) {
        const Event& event = network.events[setting.event];
        if (!event.date || !keep.contains(*event.date)) continue;
        add_to(overall[event.kind], setting);
        for (std::size_t p = 0; p < periods.size(); ++p) {
            if (periods[p].contains(*event.date)) add_to(by_period[p][event.kind], setting);
        }
    }
    const auto listed = [](std::map<std::string, ExposureSummary>& kinds) {
        std::vector<ExposureSummary> list;
        for (auto& [kind, summary] : kinds) {
            summary.kind = kind;
            finish(summary);
            list.push_back(std::move(summary));
        }
        return list;
    };
    ExposureByKind result;
    result.overall = listed(overall);
    for (auto& kinds : by_period) result.by_period.push_back(listed(kinds));
    return result;
}

}  // namespace bridgemap
