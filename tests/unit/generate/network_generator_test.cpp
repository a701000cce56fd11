#include <bridgemap/error.hpp>
#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/network_writer.hpp>

#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace bridgemap {
namespace {

Network generate(std::size_t members, std::uint64_t seed = 1) {
    generate::GeneratorOptions options;
    options.members = members;
    options.seed = seed;
    return generate::generate_network(options);
}

/// A fresh empty folder under the system's temporary folder, removed at the end of the test.
class TemporaryFolder {
public:
    explicit TemporaryFolder(const std::string& name)
        : path_(std::filesystem::temp_directory_path() /
                ("bridgemap-generate-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::map<std::string, std::size_t> members_by_sector(const Network& network) {
    std::map<std::string, std::size_t> counts;
    for (const auto& member : network.members) ++counts[std::string(network.sector_name(member.sector))];
    return counts;
}

DayNumber joined(const Network& network, MemberIndex m) {
    const auto date = parse_date(network.member_attributes.get("joined", m));
    EXPECT_TRUE(date.has_value()) << network.members[m].id;
    return date ? date->first : k_open_end;
}

/// Attendees of each event, by event index.
std::vector<std::set<MemberIndex>> attendees_by_event(const Network& network) {
    std::vector<std::set<MemberIndex>> attendees(network.events.size());
    for (const auto& row : network.attendance) attendees[row.event].insert(row.member);
    return attendees;
}

TEST(GenerateNetwork, SameOptionsGiveByteIdenticalFiles) {
    const auto first = ingest::network_to_csv(generate(1100, 7));
    const auto second = ingest::network_to_csv(generate(1100, 7));
    EXPECT_EQ(first, second);
    // Every table is there.
    for (const char* file : {"members.csv", "organisations.csv", "events.csv", "attendance.csv", "groups.csv",
                             "group_members.csv", "affiliations.csv", "ties.csv"}) {
        EXPECT_TRUE(first.count(file)) << file;
    }
}

TEST(GenerateNetwork, DifferentSeedsGiveDifferentNetworks) {
    const auto one = ingest::network_to_csv(generate(300, 1));
    const auto two = ingest::network_to_csv(generate(300, 2));
    EXPECT_NE(one.at("members.csv"), two.at("members.csv"));
    EXPECT_NE(one.at("attendance.csv"), two.at("attendance.csv"));
    EXPECT_NE(one.at("events.csv"), two.at("events.csv"));
}

TEST(GenerateNetwork, GivesExactlyTheMembersAskedForWithUniqueIds) {
    for (const std::size_t n :
         {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{50}, std::size_t{1100}, std::size_t{2500}}) {
        const Network network = generate(n);
        ASSERT_EQ(network.members.size(), n);
        std::set<std::string> ids;
        for (const auto& member : network.members) ids.insert(member.id);
        EXPECT_EQ(ids.size(), n);
        EXPECT_EQ(network.members.front().id, "m00001");
        EXPECT_EQ(network.find_member(network.members.back().id), n - 1);  // ids are indexed
        ASSERT_FALSE(network.roles.empty());
        EXPECT_EQ(network.roles[0], "");
    }
}

TEST(GenerateNetwork, ZeroMembersGiveAnEmptyNetwork) {
    const Network network = generate(0);
    EXPECT_TRUE(network.members.empty());
    EXPECT_TRUE(network.organisations.empty());
    EXPECT_TRUE(network.events.empty());
    EXPECT_TRUE(network.attendance.empty());
    EXPECT_TRUE(network.groups.empty());
    EXPECT_TRUE(network.ties.empty());
    EXPECT_EQ(network.roles, std::vector<std::string>{""});
    const auto files = ingest::network_to_csv(network);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files.at("members.csv"), "id,name,sector,organisation\n");
}

TEST(GenerateNetwork, OneMemberHasNoEventsCellsOrTies) {
    const Network network = generate(1);
    ASSERT_EQ(network.members.size(), 1u);
    EXPECT_TRUE(network.events.empty());  // an event needs two attendees
    EXPECT_TRUE(network.attendance.empty());
    EXPECT_TRUE(network.groups.empty());  // a cell needs five members
    EXPECT_TRUE(network.ties.empty());    // no self-ties
}

TEST(GenerateNetwork, KeepsToTheYearsAskedFor) {
    generate::GeneratorOptions options;
    options.members = 400;
    options.first_year = 2020;
    options.years = 3;
    const Network network = generate::generate_network(options);
    const DayNumber first = days_from_civil(2020, 1, 1);
    const DayNumber last = days_from_civil(2022, 12, 31);
    std::set<int> years;
    for (const auto& event : network.events) {
        EXPECT_GE(event.date->first, first) << event.id;
        EXPECT_LE(event.date->last, last) << event.id;
        years.insert(civil_from_days(event.date->first).year);
    }
    EXPECT_EQ(years, (std::set<int>{2020, 2021, 2022}));
    for (const auto& tie : network.ties) {
        EXPECT_GE(tie.date->first, first);
        EXPECT_LE(tie.date->last, last);
    }
    // Founders joined the year before; everyone else during the years.
    for (MemberIndex m = 0; m < network.members.size(); ++m) {
        EXPECT_GE(joined(network, m), days_from_civil(2019, 1, 1));
        EXPECT_LE(joined(network, m), last);
    }
}

TEST(GenerateNetwork, RejectsImpossibleOptions) {
    generate::GeneratorOptions options;
    options.members = 10;
    options.years = 0;
    EXPECT_THROW(generate::generate_network(options), RequestError);
    options.years = 8;
    options.first_year = 9995;
    EXPECT_THROW(generate::generate_network(options), RequestError);
}

TEST(GenerateNetwork, SectorSizesAreSkewedWithSomeUnknown) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        const Network network = generate(1100, seed);
        auto counts = members_by_sector(network);
        const std::size_t voluntary = counts["voluntary"];
        for (const auto& [sector, count] : counts) {
            if (sector != "voluntary") {
                EXPECT_LT(count, voluntary) << sector << ", seed " << seed;
            }
        }
        // Expected shares: voluntary about 40%, public and grassroots 14% and 18%, unknown 2.5%.
        EXPECT_GT(voluntary, 1100u * 30 / 100);
        EXPECT_GT(counts["public"], 1100u * 7 / 100);
        EXPECT_GT(counts["grassroots"], 1100u * 9 / 100);
        EXPECT_GE(counts["unknown"], 11u);  // 1%
        EXPECT_LE(counts["unknown"], 55u);  // 5%
        for (const char* sector : {"funder", "private", "academic", "independent"}) {
            EXPECT_GT(counts[sector], 0u) << sector;
        }
        std::size_t from_organisation = 0;
        std::size_t own_label = 0;
        for (const auto& member : network.members) {
            if (member.sector == k_unknown_sector) {
                EXPECT_TRUE(member.sector_label.empty());
                EXPECT_EQ(member.organisation, k_none);
            }
            if (member.sector_label.empty() && member.organisation != k_none) ++from_organisation;
            if (!member.sector_label.empty() && member.organisation != k_none) ++own_label;
        }
        EXPECT_GT(from_organisation, 1100u * 70 / 100);  // most take their organisation's sector
        EXPECT_GT(own_label, 1100u * 5 / 100);           // some give their own
    }
}

TEST(GenerateNetwork, OrganisationSizesAreHeavyTailed) {
    const Network network = generate(1100);
    std::vector<std::size_t> size(network.organisations.size(), 0);
    for (const auto& member : network.members) {
        if (member.organisation != k_none) ++size[member.organisation];
    }
    std::size_t single = 0;
    std::size_t with_members = 0;
    for (const std::size_t s : size) {
        single += s == 1 ? 1 : 0;
        with_members += s > 0 ? 1 : 0;
    }
    EXPECT_GT(single * 2, with_members);                          // most organisations have one member
    EXPECT_GE(*std::max_element(size.begin(), size.end()), 12u);  // and a few have many
    for (const auto& organisation : network.organisations) EXPECT_FALSE(organisation.sector_label.empty());
}

TEST(GenerateNetwork, CellsHaveFiveToFifteenMembersLeaningToOneSector) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        const Network network = generate(1100, seed);
        EXPECT_GE(network.groups.size(), 20u);  // about one per 40 members
        std::vector<std::vector<MemberIndex>> members(network.groups.size());
        for (const auto& row : network.group_members) members[row.group].push_back(row.member);
        for (GroupIndex g = 0; g < network.groups.size(); ++g) {
            EXPECT_EQ(network.groups[g].kind, "cell");
            const std::set<MemberIndex> distinct(members[g].begin(), members[g].end());
            EXPECT_EQ(distinct.size(), members[g].size()) << network.groups[g].id;
            EXPECT_GE(distinct.size(), 5u) << network.groups[g].id;
            EXPECT_LE(distinct.size(), 15u) << network.groups[g].id;
            std::map<SectorIndex, std::size_t> by_sector;
            for (const MemberIndex m : distinct) ++by_sector[network.members[m].sector];
            std::size_t most = 0;
            for (const auto& [sector, count] : by_sector) most = std::max(most, count);
            // 60% of the seats go to the leaning sector: 3 of 5, 4 of 7, 9 of 15.
            EXPECT_GE(most * 100, distinct.size() * 55) << network.groups[g].id << ", seed " << seed;
        }
    }
}

TEST(GenerateNetwork, EveryYearHasGatheringsAndManySmallEvents) {
    const Network network = generate(1100);
    std::map<int, std::map<std::string, std::size_t>> by_year;
    for (const auto& event : network.events) {
        ASSERT_TRUE(event.date.has_value()) << event.id;
        by_year[civil_from_days(event.date->first).year][event.kind]++;
        EXPECT_EQ(event.id.substr(1, 4), event.date_text.substr(0, 4));
    }
    ASSERT_EQ(by_year.size(), 8u);
    EXPECT_EQ(by_year.begin()->first, 2017);
    EXPECT_EQ(by_year.rbegin()->first, 2024);
    for (auto& [year, kinds] : by_year) {
        EXPECT_GE(kinds["gathering"], 2u) << year;
        EXPECT_LE(kinds["gathering"], 3u) << year;
        // The first year, with about 180 members, has about 11 dinners, workshops and online
        // events; the last, with 1,100, about 32 (14 + 8 + 10).
        EXPECT_GE(kinds["dinner"] + kinds["workshop"] + kinds["online"], 8u) << year;
        EXPECT_GE(kinds["dinner"] + kinds["workshop"] + kinds["online"] + kinds["cell-meeting"], 12u) << year;
    }
    auto& last = by_year[2024];
    EXPECT_GE(last["dinner"] + last["workshop"] + last["online"], 24u);
    EXPECT_GE(last["cell-meeting"], 50u);  // 27 cells meeting two to five times a year
    // Sizes: the largest gathering about 300; small events within their ranges.
    const auto attendees = attendees_by_event(network);
    std::size_t largest = 0;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        const std::string& kind = network.events[e].kind;
        const std::size_t n = attendees[e].size();
        EXPECT_GE(n, 2u) << network.events[e].id;
        const std::map<std::string, std::size_t> most{{"dinner", 30},       {"workshop", 40},  {"online", 80},
                                                      {"cell-meeting", 15}, {"breakout", 300}, {"gathering", 300}};
        ASSERT_TRUE(most.count(kind)) << kind;
        EXPECT_LE(n, most.at(kind)) << network.events[e].id;
        if (kind == "gathering") largest = std::max(largest, n);
    }
    EXPECT_GE(largest, 250u);
    EXPECT_LE(largest, 300u);
}

TEST(GenerateNetwork, EventsAreInDateOrderWithUniqueIds) {
    const Network network = generate(1100);
    std::set<std::string> ids;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        EXPECT_TRUE(ids.insert(network.events[e].id).second);
        if (e > 0) {
            EXPECT_LE(network.events[e - 1].date->first, network.events[e].date->first);
        }
    }
    EXPECT_EQ(network.events.front().id, "e2017-001");
}

TEST(GenerateNetwork, BreakoutsBelongToGatheringsAndTheirPeopleAttendThem) {
    const Network network = generate(1100);
    const auto attendees = attendees_by_event(network);
    std::size_t breakouts = 0;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        const Event& event = network.events[e];
        if (event.kind != "breakout") {
            EXPECT_EQ(event.parent, k_none) << event.id;
            continue;
        }
        ++breakouts;
        ASSERT_NE(event.parent, k_none) << event.id;
        const Event& parent = network.events[event.parent];
        EXPECT_EQ(parent.kind, "gathering") << event.id;
        EXPECT_EQ(parent.date_text, event.date_text) << event.id;
        EXPECT_LT(event.parent, e);  // the gathering comes first
        for (const MemberIndex m : attendees[e]) {
            EXPECT_TRUE(attendees[event.parent].count(m)) << network.members[m].id << " in " << event.id;
        }
    }
    EXPECT_GE(breakouts, 16u);  // two or more at every large gathering
}

TEST(GenerateNetwork, NobodyTakesPartBeforeJoining) {
    const Network network = generate(1100, 5);
    for (const auto& row : network.attendance) {
        EXPECT_LE(joined(network, row.member), network.events[row.event].date->first)
            << network.members[row.member].id << " at " << network.events[row.event].id;
    }
    for (const auto& row : network.group_members) EXPECT_LE(joined(network, row.member), row.period.first);
    for (const auto& tie : network.ties) {
        EXPECT_LE(joined(network, tie.source), tie.date->first);
        EXPECT_LE(joined(network, tie.target), tie.date->first);
    }
    // Cell meetings: only members of the cell at the time, one host.
    const GroupIndex none = k_none;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        if (network.events[e].kind != "cell-meeting") continue;
        const GroupIndex cell = network.find_group(network.event_attributes.get("group", e));
        ASSERT_NE(cell, none) << network.events[e].id;
        for (const auto& row : network.attendance) {
            if (row.event != e) continue;
            bool member = false;
            for (const auto& seat : network.group_members) {
                member |= seat.group == cell && seat.member == row.member &&
                          seat.period.contains(network.events[e].date->first);
            }
            EXPECT_TRUE(member) << network.members[row.member].id << " at " << network.events[e].id;
        }
        break;  // one meeting is enough: the loops are quadratic
    }
}

TEST(GenerateNetwork, AttendeesLeanTowardsTheEventsRegion) {
    const Network network = generate(1100);
    std::map<std::string, double> member_share;
    for (MemberIndex m = 0; m < network.members.size(); ++m) {
        member_share[std::string(network.member_attributes.get("region", m))] += 1.0 / 1100;
    }
    const auto attendees = attendees_by_event(network);
    double observed = 0;
    double expected = 0;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        if (network.events[e].kind != "dinner") continue;
        const std::string region(network.event_attributes.get("region", e));
        ASSERT_FALSE(region.empty());
        std::size_t local = 0;
        for (const MemberIndex m : attendees[e]) local += network.member_attributes.get("region", m) == region;
        observed += static_cast<double>(local) / static_cast<double>(attendees[e].size());
        expected += member_share[region];
    }
    // Members of the dinner's region are drawn five times as often: well over their share.
    EXPECT_GT(observed, 2 * expected);
}

TEST(GenerateNetwork, ExplicitTiesAreDistinctDatedAndWeighted) {
    const Network network = generate(1100);
    EXPECT_GE(network.ties.size(), 550u);   // 0.5 per member
    EXPECT_LE(network.ties.size(), 1100u);  // 1 per member
    std::set<std::pair<MemberIndex, MemberIndex>> pairs;
    std::set<std::string> kinds;
    for (const auto& tie : network.ties) {
        EXPECT_NE(tie.source, tie.target);
        EXPECT_TRUE(pairs.insert(std::minmax(tie.source, tie.target)).second);
        EXPECT_GE(tie.weight, 1.0);
        EXPECT_LE(tie.weight, 3.0);
        ASSERT_TRUE(tie.date.has_value());
        EXPECT_EQ(parse_date(tie.date_text), tie.date);
        kinds.insert(tie.kind);
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"collaborated", "introduced", "knows"}));
}

TEST(GenerateNetwork, MovesKeepTheCurrentOrganisationOnTheMember) {
    const Network network = generate(1100);
    ASSERT_FALSE(network.affiliations.empty());
    ASSERT_EQ(network.affiliations.size() % 2, 0u);
    for (std::size_t i = 0; i < network.affiliations.size(); i += 2) {
        const Affiliation& previous = network.affiliations[i];
        const Affiliation& current = network.affiliations[i + 1];
        ASSERT_EQ(previous.member, current.member);
        EXPECT_NE(previous.organisation, current.organisation);
        EXPECT_EQ(current.organisation, network.members[current.member].organisation);
        EXPECT_EQ(current.period.last, k_open_end);
        EXPECT_EQ(previous.period.last + 1, current.period.first);
        EXPECT_LE(previous.period.first, previous.period.last);
    }
}

TEST(GenerateNetwork, NamesExerciseUnicodeApostrophesAndQuotes) {
    const Network network = generate(1100);
    std::size_t non_ascii = 0;
    std::size_t apostrophes = 0;
    std::size_t quoted = 0;
    for (const auto& member : network.members) {
        non_ascii += std::any_of(member.name.begin(), member.name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        apostrophes += member.name.find('\'') != std::string::npos;
        quoted += member.name.find('"') != std::string::npos;
        EXPECT_EQ(member.name.front() == ' ' || member.name.back() == ' ', false);
    }
    EXPECT_GE(non_ascii, 50u);
    EXPECT_GE(apostrophes, 10u);
    EXPECT_GE(quoted, 2u);
}

TEST(GenerateNetwork, WritesAFolderThatReadsBackWithoutDiagnostics) {
    for (const std::size_t n : {std::size_t{1}, std::size_t{50}, std::size_t{1100}}) {
        const Network network = generate(n, 11);
        TemporaryFolder folder("roundtrip-" + std::to_string(n));
        ingest::write_network_folder(network, folder.path());
        const ingest::ReadResult read = ingest::read_network(folder.path());
        for (const auto& diagnostic : read.diagnostics.all()) ADD_FAILURE() << format_diagnostic(diagnostic);
        EXPECT_EQ(read.diagnostics.all().size(), 0u);
        EXPECT_EQ(read.network.members.size(), network.members.size());
        EXPECT_EQ(read.network.organisations.size(), network.organisations.size());
        EXPECT_EQ(read.network.events.size(), network.events.size());
        EXPECT_EQ(read.network.attendance.size(), network.attendance.size());
        EXPECT_EQ(read.network.groups.size(), network.groups.size());
        EXPECT_EQ(read.network.group_members.size(), network.group_members.size());
        EXPECT_EQ(read.network.affiliations.size(), network.affiliations.size());
        EXPECT_EQ(read.network.ties.size(), network.ties.size());
        EXPECT_EQ(read.network.sectors, network.sectors);
        // What was read writes back to the same text.
        EXPECT_EQ(ingest::network_to_csv(read.network), ingest::network_to_csv(network));
    }
}

TEST(GenerateNetwork, SmallNetworksStillHaveEvents) {
    const Network network = generate(50, 3);
    EXPECT_FALSE(network.events.empty());
    EXPECT_FALSE(network.organisations.empty());
    EXPECT_EQ(network.groups.size(), 1u);  // one cell per 40 members
    for (const auto& row : network.attendance) EXPECT_LT(row.member, 50u);
}

TEST(GenerateNetwork, LargerNetworksSplitIntoChaptersAndCapGatherings) {
    const Network network = generate(3300);  // three chapters of 1,100
    const auto attendees = attendees_by_event(network);
    std::map<int, std::size_t> gatherings;
    std::size_t national = 0;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        EXPECT_LE(attendees[e].size(), 300u) << network.events[e].id;
        if (network.events[e].kind == "gathering") ++gatherings[civil_from_days(network.events[e].date->first).year];
        if (network.events[e].name.starts_with("National Gathering")) ++national;
    }
    EXPECT_EQ(national, 8u);                                                    // one a year
    for (const auto& [year, count] : gatherings) EXPECT_GE(count, 7u) << year;  // 1 + 3 × (2 or 3)
    // Attendance grows with the members: about 10 rows per member, as at 1,100.
    EXPECT_GT(network.attendance.size(), 3300u * 7);
    EXPECT_LT(network.attendance.size(), 3300u * 14);
}

}  // namespace
}  // namespace bridgemap
