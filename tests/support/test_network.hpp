#pragma once
// Small hand-made networks for tests: members with sectors, events with attendees, groups,
// organisations and explicit ties, built in a few readable lines.

#include <bridgemap/model/network.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace bridgemap::testing {

class TestNetwork {
public:
    /// A member with an own sector label ("" for none) and optional organisation id.
    TestNetwork& member(std::string id, std::string sector = "", std::string organisation = "") {
        Member m;
        m.id = id;
        m.name = "Name of " + id;
        m.sector_label = std::move(sector);
        network_.members.push_back(std::move(m));
        pending_organisations_.push_back(std::move(organisation));
        return *this;
    }

    TestNetwork& organisation(std::string id, std::string sector = "") {
        Organisation o;
        o.id = id;
        o.name = id;
        o.sector_label = std::move(sector);
        network_.organisations.push_back(std::move(o));
        return *this;
    }

    /// An event with a date ("" for undated) and its attendees by member id.
    TestNetwork& event(std::string id, std::string date, std::initializer_list<std::string_view> attendees,
                       std::string kind = "workshop") {
        Event e;
        e.id = id;
        e.name = id;
        e.date_text = date;
        e.date = date.empty() ? std::nullopt : parse_date(date);
        e.kind = std::move(kind);
        const auto index = static_cast<EventIndex>(network_.events.size());
        network_.events.push_back(std::move(e));
        for (const auto attendee : attendees) pending_attendance_.push_back({std::string(attendee), index});
        return *this;
    }

    /// A group and its members, each with the same from/until ("" for open).
    TestNetwork& group(std::string id, std::initializer_list<std::string_view> members, std::string from = "",
                       std::string until = "") {
        Group g;
        g.id = id;
        g.name = id;
        g.kind = "cell";
        const auto index = static_cast<GroupIndex>(network_.groups.size());
        network_.groups.push_back(std::move(g));
        DateSpan period{from.empty() ? k_open_start : parse_date(from)->first,
                        until.empty() ? k_open_end : parse_date(until)->last};
        for (const auto member : members) pending_groups_.push_back({std::string(member), index, period});
        return *this;
    }

    TestNetwork& affiliation(std::string member, std::string organisation, std::string from = "",
                             std::string until = "") {
        pending_affiliations_.push_back({std::move(member), std::move(organisation),
                                         DateSpan{from.empty() ? k_open_start : parse_date(from)->first,
                                                  until.empty() ? k_open_end : parse_date(until)->last}});
        return *this;
    }

    TestNetwork& tie(std::string source, std::string target, double weight = 1.0, std::string date = "") {
        pending_ties_.push_back({std::move(source), std::move(target), weight, std::move(date)});
        return *this;
    }

    /// The finished network: references resolved, sectors resolved, ids indexed.
    Network build() const {
        Network network = network_;
        network.roles = {""};
        network.index_ids();
        for (std::size_t i = 0; i < network.members.size(); ++i) {
            if (!pending_organisations_[i].empty()) {
                network.members[i].organisation = network.find_organisation(pending_organisations_[i]);
            }
        }
        for (const auto& [member, event] : pending_attendance_) {
            network.attendance.push_back({network.find_member(member), event, 0});
        }
        for (const auto& pending : pending_groups_) {
            network.group_members.push_back({network.find_member(pending.member), pending.group, pending.period});
        }
        for (const auto& pending : pending_affiliations_) {
            network.affiliations.push_back({network.find_member(pending.member),
                                            network.find_organisation(pending.organisation),
                                            pending.period,
                                            {}});
        }
        for (const auto& pending : pending_ties_) {
            ExplicitTie t;
            t.source = network.find_member(pending.source);
            t.target = network.find_member(pending.target);
            t.kind = "knows";
            t.weight = pending.weight;
            t.date_text = pending.date;
            t.date = pending.date.empty() ? std::nullopt : parse_date(pending.date);
            network.ties.push_back(std::move(t));
        }
        resolve_sectors(network);
        network.index_ids();
        return network;
    }

private:
    struct PendingAttendance {
        std::string member;
        EventIndex event;
    };
    struct PendingGroup {
        std::string member;
        GroupIndex group;
        DateSpan period;
    };
    struct PendingAffiliation {
        std::string member;
        std::string organisation;
        DateSpan period;
    };
    struct PendingTie {
        std::string source;
        std::string target;
        double weight;
        std::string date;
    };
    Network network_;
    std::vector<std::string> pending_organisations_;
    std::vector<PendingAttendance> pending_attendance_;
    std::vector<PendingGroup> pending_groups_;
    std::vector<PendingAffiliation> pending_affiliations_;
    std::vector<PendingTie> pending_ties_;
};

/// The history around one gathering, shared by the history and seating tests: gathering g
/// (2018-07-04) with breakouts b1 (child) and b2 (grandchild via b1); an earlier dinner, a
/// later workshop, an undated event, an event dated by month (`2018-07`, reaching g's day);
/// dated and undated ties; cells starting before and on g's day; affiliations, one starting
/// after g. Member a hosts g (role "Host").
inline Network gathering_history() {
    Network network = TestNetwork()
                          .organisation("o-old", "public")
                          .organisation("o-new", "funder")
                          .member("a", "voluntary")
                          .member("b", "public")
                          .member("c", "grassroots")
                          .member("d", "funder", "o-new")
                          .member("e", "")
                          .event("dinner", "2018-07-03", {"a", "b"})
                          .event("g", "2018-07-04", {"a", "b", "c"}, "gathering")
                          .event("b1", "2018-07-04", {"c", "d"}, "breakout")
                          .event("b2", "", {"d", "e"}, "breakout")
                          .event("later", "2018-09", {"a", "c"})
                          .event("undated", "", {"b", "c"})
                          .event("july", "2018-07", {"a", "e"})  // the month reaches the gathering's day
                          .group("cell-before", {"a", "d"}, "2018-01", "")
                          .group("cell-after", {"b", "e"}, "2018-07-04", "")
                          .affiliation("d", "o-new", "2018-08-01", "")
                          .affiliation("a", "o-old", "2017", "2018-06")
                          .tie("a", "c", 1.0, "2018-07-05")
                          .tie("b", "d", 1.0, "")
                          .tie("c", "e", 1.0, "2018-05-01")
                          .build();
    network.events[network.find_event("b1")].parent = network.find_event("g");
    network.events[network.find_event("b2")].parent = network.find_event("b1");
    network.roles = {"", "participant", "Host"};
    network.attendance[2].role = 2;  // a hosts g (attendance rows: dinner a, dinner b, g a, ...)
    return network;
}

}  // namespace bridgemap::testing
