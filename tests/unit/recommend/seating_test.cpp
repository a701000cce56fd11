// Seating plans: who is seated and what they knew before, pair values, table sizes, the
// incremental search state, the bound, and plan_seating's constraints on many random instances.

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/random.hpp>
#include <bridgemap/recommend/seating.hpp>

#include "recommend/seating_search.hpp"
#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <set>

namespace bridgemap {
namespace {

using seating_search::Forbidden;
using seating_search::Person;
using seating_search::RoundState;

// ---------------------------------------------------------------------------------------
// Helpers: random problems and a checker written independently of seating_violations.

std::string label_of(std::size_t person) {
    std::string label = "m";
    label += std::to_string(person);
    return label;
}

/// A random problem: 4-40 people in up to five sectors (some unknown), random pair values
/// and ties, 2..n/2 tables, 1-3 rounds, and sometimes hosts, keep-apart and keep-together
/// groups and a sector cap.
SeatingProblem random_problem(Random& random) {
    SeatingProblem problem;
    const auto n = static_cast<std::size_t>(random.between(4, 40));
    const auto sectors = static_cast<std::size_t>(random.between(1, 5));
    for (std::size_t s = 0; s < sectors; ++s) problem.sector_names.push_back("sector-" + std::to_string(s));
    for (std::size_t p = 0; p < n; ++p) {
        problem.people.push_back(static_cast<MemberIndex>(p));
        problem.labels.push_back(label_of(p));
        problem.sectors.push_back(random.chance(0.1) ? k_unknown_sector
                                                     : static_cast<SectorIndex>(random.below(sectors)));
        problem.communities.push_back(static_cast<std::uint32_t>(random.below(3)));
    }
    problem.values = PairValues(n, 0.1);
    for (std::size_t p = 0; p < n; ++p) {
        for (std::size_t q = p + 1; q < n; ++q) {
            std::uint8_t flags = 0;
            const SectorIndex a = problem.sectors[p];
            const SectorIndex b = problem.sectors[q];
            if (a != k_unknown_sector && b != k_unknown_sector) {
                flags |= a == b ? PairValues::same_sector : PairValues::cross_sector;
            }
            if (random.chance(0.3)) flags |= PairValues::tied;
            const double levels[] = {0.0, 0.25, 0.5, 1.0};
            problem.values.set(p, q, levels[random.below(4)], flags);
        }
    }
    TableLayout layout;
    problem.rounds = static_cast<std::size_t>(random.between(1, 3));
    // With several rounds a table may not be larger than the number of tables: mostly keep to that.
    std::size_t fewest = 2;
    while (problem.rounds > 1 && fewest * fewest < n && random.chance(0.9)) ++fewest;
    layout.tables = static_cast<std::size_t>(
        random.between(static_cast<std::int64_t>(std::min(fewest, n / 2)), static_cast<std::int64_t>(n / 2)));
    problem.table_sizes = table_sizes_for(n, layout);
    const std::size_t tables = problem.table_sizes.size();

    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    random.shuffle(std::span<std::uint32_t>(order));
    std::size_t next = 0;
    if (random.chance(0.5)) {
        const auto hosts =
            static_cast<std::size_t>(random.between(1, static_cast<std::int64_t>(std::min<std::size_t>(tables, 3))));
        for (std::size_t k = 0; k < hosts; ++k) problem.hosts.push_back(order[next++]);
    }
    if (random.chance(0.5)) {
        for (int g = 0; g < 2 && next + 2 <= n; ++g) {
            problem.keep_together.push_back({order[next], order[next + 1]});
            next += 2;
        }
    }
    if (random.chance(0.3) && !problem.hosts.empty() && next < n) {
        problem.keep_together.push_back({problem.hosts.front(), order[next++]});  // a host with a companion
    }
    if (random.chance(0.5)) {
        for (int g = 0; g < 2; ++g) {
            std::vector<std::uint32_t> group;
            const auto size = static_cast<std::size_t>(
                random.between(2, static_cast<std::int64_t>(std::min<std::size_t>(tables, 3))));
            while (group.size() < size) {
                const auto p = static_cast<std::uint32_t>(random.below(n));
                if (std::find(group.begin(), group.end(), p) == group.end()) group.push_back(p);
            }
            std::sort(group.begin(), group.end());
            problem.keep_apart.push_back(group);
        }
    }
    if (random.chance(0.3)) problem.max_per_sector = static_cast<std::size_t>(random.between(2, 4));
    return problem;
}

/// Every broken hard constraint, checked from first principles.
std::size_t broken_constraints(const SeatingProblem& problem, const Seating& seating) {
    const std::size_t n = problem.people.size();
    const std::size_t tables = problem.table_sizes.size();
    std::size_t broken = 0;
    if (seating.size() != problem.rounds) ++broken;
    // Who must sit together: the keep-together groups, merged when they share someone.
    std::vector<std::set<std::uint32_t>> together(n);
    for (std::uint32_t p = 0; p < n; ++p) together[p] = {p};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const auto& group : problem.keep_together) {
            std::set<std::uint32_t> all;
            for (const auto p : group) all.insert(together[p].begin(), together[p].end());
            for (const auto p : all) {
                if (together[p] != all) together[p] = all, grew = true;
            }
        }
    }
    std::set<std::pair<std::uint32_t, std::uint32_t>> met;
    for (const auto& table_of : seating) {
        if (table_of.size() != n) {
            ++broken;
            continue;
        }
        std::vector<std::size_t> count(tables, 0);
        for (std::uint32_t p = 0; p < n; ++p) {
            if (table_of[p] >= tables)
                ++broken;
            else
                ++count[table_of[p]];
        }
        for (std::size_t t = 0; t < tables; ++t) broken += count[t] != problem.table_sizes[t];
        for (std::size_t k = 0; k < problem.hosts.size(); ++k) broken += table_of[problem.hosts[k]] != k;
        for (std::uint32_t p = 0; p < n; ++p) {
            for (const auto q : together[p]) broken += table_of[p] != table_of[q];
        }
        for (const auto& group : problem.keep_apart) {
            for (const auto p : group) {
                for (const auto q : group) broken += p < q && table_of[p] == table_of[q];
            }
        }
        if (problem.max_per_sector > 0) {
            std::map<std::pair<std::uint32_t, SectorIndex>, std::size_t> per_sector;
            for (std::uint32_t p = 0; p < n; ++p) {
                if (problem.sectors[p] != k_unknown_sector) ++per_sector[{table_of[p], problem.sectors[p]}];
            }
            for (const auto& [key, c] : per_sector) broken += c > problem.max_per_sector;
        }
        std::set<std::pair<std::uint32_t, std::uint32_t>> now;
        for (std::uint32_t p = 0; p < n; ++p) {
            for (std::uint32_t q = p + 1; q < n; ++q) {
                if (table_of[p] != table_of[q]) continue;
                if (met.count({p, q}) != 0 && together[p].count(q) == 0) ++broken;
                now.insert({p, q});
            }
        }
        met.insert(now.begin(), now.end());
    }
    return broken;
}

/// The best objective of any seating, by enumerating them (tiny problems only).
double brute_force_best(const SeatingProblem& problem) {
    const std::size_t n = problem.people.size();
    const std::size_t tables = problem.table_sizes.size();
    std::vector<std::vector<std::uint32_t>> rounds_of;  // every single-round assignment with the right sizes
    std::vector<std::uint32_t> table_of(n);
    std::function<void(std::size_t)> fill = [&](std::size_t p) {
        if (p == n) {
            std::vector<std::size_t> count(tables, 0);
            for (const auto t : table_of) ++count[t];
            if (count == problem.table_sizes) rounds_of.push_back(table_of);
            return;
        }
        for (std::uint32_t t = 0; t < tables; ++t) {
            table_of[p] = t;
            fill(p + 1);
        }
    };
    fill(0);
    double best = -1e300;
    std::function<void(Seating&)> choose = [&](Seating& seating) {
        if (seating.size() == problem.rounds) {
            if (broken_constraints(problem, seating) == 0)
                best = std::max(best, score_seating(problem, seating).objective);
            return;
        }
        for (const auto& round : rounds_of) {
            seating.push_back(round);
            choose(seating);
            seating.pop_back();
        }
    };
    Seating seating;
    choose(seating);
    return best;
}

SeatingSearchOptions quick_search(std::uint64_t seed) {
    SeatingSearchOptions options;
    options.seed = seed;
    options.iterations = 40;
    options.random_seatings = 3;
    options.threads = 1;
    return options;
}

// ---------------------------------------------------------------------------------------
// Who is seated and what they knew before.

using testing::gathering_history;  // the history around one gathering (tests/support)

TEST(EventHosts, HostRoleInAnyCaseAtTheEventItself) {
    const Network whole = gathering_history();
    const auto hosts = event_hosts(whole, whole.find_event("g"));
    ASSERT_EQ(hosts.size(), 1u);
    EXPECT_EQ(whole.members[hosts[0]].id, "a");
    EXPECT_TRUE(event_hosts(whole, whole.find_event("dinner")).empty());
}

TEST(SeatingProblem, OnlyTiesFormedBeforeTheEventCount) {
    // Seating g (2018-07-04). Before it: the dinner of the day before ties a-b (n = 2, w = 1),
    // the undated event ties b-c (1), cell-before ties a-d (1), the undated ties.csv rows tie
    // b-d (1) and c-e (dated 2018-05-01, 1). So every tie among them weighs 1 = w_strong.
    // Left out: g itself, its breakouts b1 (c-d) and b2 (d-e), the a-c tie of 2018-07-05, the
    // later workshop (a-c), the July event (a-e) and cell-after (b-e).
    const Network whole = gathering_history();
    const EventIndex g = whole.find_event("g");
    SeatingRequest request;
    request.people = event_attendees(whole, g);
    request.layout.tables = 2;
    PairValueOptions options;
    options.community_value = 0.0;
    options.strong_tie_quantile = 1.0;
    const SeatingProblem problem = seating_problem(network_before_event(whole, g), request, options);
    const auto person = [&](const char* id) {
        const auto at = std::find(problem.labels.begin(), problem.labels.end(), id);
        return static_cast<std::size_t>(at - problem.labels.begin());
    };
    const PairValues& v = problem.values;
    EXPECT_DOUBLE_EQ(problem.strong_tie_weight, 1.0);
    // a-c (voluntary, grassroots): everything they share is on or after the day: a new pair.
    EXPECT_DOUBLE_EQ(v.value(person("a"), person("c")), 1.0);
    EXPECT_TRUE(v.new_cross_sector(person("a"), person("c")));
    // c-d (grassroots, funder) met only in breakout b1 of the event itself: new.
    EXPECT_DOUBLE_EQ(v.value(person("c"), person("d")), 1.0);
    EXPECT_TRUE(v.new_cross_sector(person("c"), person("d")));
    // d-e met only in breakout b2; a-e only in the month that reaches the day: untied.
    EXPECT_FALSE(v.has(person("d"), person("e"), PairValues::tied));
    EXPECT_FALSE(v.has(person("a"), person("e"), PairValues::tied));
    // a-b (the dinner the day before) and b-d (an undated ties.csv row): strong ties, worth 0.
    EXPECT_DOUBLE_EQ(v.value(person("a"), person("b")), 0.0);
    EXPECT_FALSE(v.new_cross_sector(person("a"), person("b")));
    EXPECT_DOUBLE_EQ(v.value(person("b"), person("d")), 0.0);
    EXPECT_TRUE(v.has(person("b"), person("c"), PairValues::tied));  // the undated event counts

    // Planned on the whole network instead, a-c and c-d would already be tied.
    const SeatingProblem whole_problem = seating_problem(whole, request, options);
    EXPECT_FALSE(whole_problem.values.new_cross_sector(person("a"), person("c")));
    EXPECT_FALSE(whole_problem.values.new_cross_sector(person("c"), person("d")));
    EXPECT_LT(whole_problem.values.value(person("a"), person("c")), 1.0);
}

// ---------------------------------------------------------------------------------------
// Table sizes.

TEST(TableSizesFor, TablesSizeAndRoom) {
    TableLayout layout;
    layout.tables = 4;
    EXPECT_EQ(table_sizes_for(10, layout), (std::vector<std::size_t>{3, 3, 2, 2}));
    layout = {};
    layout.table_size = 8;
    EXPECT_EQ(table_sizes_for(30, layout), (std::vector<std::size_t>{8, 8, 7, 7}));  // ceil(30/8) = 4 tables
    EXPECT_EQ(table_sizes_for(32, layout), (std::vector<std::size_t>{8, 8, 8, 8}));
    layout = {};
    layout.table_sizes = {8, 8, 10, 6};
    EXPECT_EQ(table_sizes_for(32, layout), (std::vector<std::size_t>{8, 8, 10, 6}));
    // 28 people: seats come off the largest table first (10, 9), then the first of the 8s.
    EXPECT_EQ(table_sizes_for(28, layout), (std::vector<std::size_t>{7, 7, 8, 6}));
}

TEST(TableSizesFor, ImpossibleLayoutsNameTheOption) {
    const auto message = [](std::size_t people, const TableLayout& layout) {
        try {
            table_sizes_for(people, layout);
        } catch (const RequestError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    TableLayout none;
    EXPECT_NE(message(10, none).find("--tables T, --size S or --sizes"), std::string::npos);
    TableLayout both;
    both.tables = 2;
    both.table_size = 5;
    EXPECT_NE(message(10, both).find("only one of"), std::string::npos);
    TableLayout many;
    many.tables = 11;
    EXPECT_NE(message(10, many).find("--tables 11"), std::string::npos);
    TableLayout tiny;
    tiny.table_size = 1;
    EXPECT_NE(message(10, tiny).find("--size must be at least 2"), std::string::npos);
    TableLayout room;
    room.table_sizes = {4, 4};
    EXPECT_NE(message(10, room).find("8 seats for 10 people"), std::string::npos);
    EXPECT_NE(message(0, many).find("nobody"), std::string::npos);
}

// ---------------------------------------------------------------------------------------
// Pair values.

TEST(SeatingProblem, PairValuesByHand) {
    // a, b tied by a 2-person dinner (w = 1), a, c, d by a 3-person workshop (w = 1/2 each).
    const Network network = testing::TestNetwork()
                                .member("a", "voluntary")
                                .member("b", "public")
                                .member("c", "public")
                                .member("d", "voluntary")
                                .member("e", "")
                                .event("dinner", "2018-01-01", {"a", "b"})
                                .event("workshop", "2018-02-01", {"a", "c", "d"})
                                .build();
    SeatingRequest request;
    request.people = {0, 1, 2, 3, 4};
    request.layout.tables = 2;
    PairValueOptions options;
    options.strong_tie_quantile = 1.0;  // w_strong = the strongest tie among them, 1
    options.community_value = 0.0;      // communities of so small a graph are not the point here
    const SeatingProblem problem = seating_problem(network, request, options);
    EXPECT_DOUBLE_EQ(problem.strong_tie_weight, 1.0);
    const PairValues& v = problem.values;
    EXPECT_DOUBLE_EQ(v.value(0, 1), 0.0);    // a-b cross-sector, tie 1 = w_strong: nothing
    EXPECT_DOUBLE_EQ(v.value(0, 2), 0.25);   // a-c cross-sector, tie 1/2: 0.5 × (1 − 1/2)
    EXPECT_DOUBLE_EQ(v.value(1, 3), 1.0);    // b-d cross-sector, untied
    EXPECT_NEAR(v.value(1, 2), -0.1, 1e-4);  // b-c same sector, untied: the penalty only
    EXPECT_NEAR(v.value(0, 3), -0.1, 1e-4);  // a-d same sector, tied
    EXPECT_DOUBLE_EQ(v.value(0, 4), 0.0);    // e's sector is unknown: never cross-sector
    EXPECT_TRUE(v.new_cross_sector(1, 3));
    EXPECT_FALSE(v.new_cross_sector(0, 2));  // tied
    EXPECT_FALSE(v.new_cross_sector(0, 4));  // unknown sector
    EXPECT_TRUE(v.has(0, 3, PairValues::same_sector));
    EXPECT_EQ(v.bridging_raw(1, 2), 0);
    EXPECT_EQ(v.raw(3, 1), v.raw(1, 3));
}

TEST(SeatingProblem, CrossCommunityPairsOfOneSectorCountAShare) {
    // Two triangles of voluntary members, tied only within: two communities.
    const Network network = testing::TestNetwork()
                                .member("x1", "voluntary")
                                .member("x2", "voluntary")
                                .member("x3", "voluntary")
                                .member("y1", "voluntary")
                                .member("y2", "voluntary")
                                .member("y3", "voluntary")
                                .event("ex", "2018-01-01", {"x1", "x2", "x3"})
                                .event("ey", "2018-01-01", {"y1", "y2", "y3"})
                                .build();
    SeatingRequest request;
    request.people = {0, 1, 2, 3, 4, 5};
    request.layout.tables = 2;
    const SeatingProblem problem = seating_problem(network, request, PairValueOptions{});
    ASSERT_NE(problem.communities[0], problem.communities[3]);
    EXPECT_TRUE(problem.values.has(0, 3, PairValues::cross_community));
    EXPECT_NEAR(problem.values.value(0, 3), 0.25 - 0.1, 1e-4);  // community_value − penalty
    EXPECT_FALSE(problem.values.has(0, 1, PairValues::cross_community));
}

TEST(SeatingProblem, RequestErrorsNameTheMember) {
    const Network network = testing::TestNetwork().member("a", "x").member("b", "y").member("c", "x").build();
    SeatingRequest request;
    request.people = {0, 1, 0};
    request.layout.tables = 1;
    EXPECT_THROW(seating_problem(network, request, {}), RequestError);
    request.people = {0, 1};
    request.hosts = {2};
    try {
        seating_problem(network, request, {});
        FAIL() << "a host who is not seated was accepted";
    } catch (const RequestError& error) {
        EXPECT_NE(std::string(error.what()).find("host \"c\""), std::string::npos) << error.what();
    }
}

// ---------------------------------------------------------------------------------------
// Scoring and checking a seating.

SeatingProblem four_people() {
    SeatingProblem problem;
    problem.people = {0, 1, 2, 3};
    problem.labels = {"a", "b", "c", "d"};
    problem.sector_names = {"s", "t"};
    problem.sectors = {0, 1, 0, 1};
    problem.communities = {1, 1, 1, 1};
    problem.table_sizes = {2, 2};
    problem.rounds = 2;
    problem.values = PairValues(4, 0.1);
    problem.values.set(0, 1, 1.0, PairValues::cross_sector);                     // a-b new
    problem.values.set(0, 2, 0.0, PairValues::same_sector);                      // a-c -0.1
    problem.values.set(0, 3, 0.5, PairValues::cross_sector | PairValues::tied);  // a-d weak tie
    problem.values.set(1, 2, 1.0, PairValues::cross_sector);                     // b-c new
    problem.values.set(1, 3, 0.0, PairValues::same_sector);                      // b-d -0.1
    problem.values.set(2, 3, 1.0, PairValues::cross_sector);                     // c-d new
    return problem;
}

TEST(ScoreSeating, DistinctPairsByHand) {
    const SeatingProblem problem = four_people();
    // Round 1: {a,b} {c,d}; round 2: {a,d} {b,c}: 1 + 1 + 0.5 + 1 = 3.5; new cross-sector 3.
    const SeatingScore score = score_seating(problem, {{0, 0, 1, 1}, {0, 1, 1, 0}});
    EXPECT_DOUBLE_EQ(score.objective, 3.5);
    EXPECT_EQ(score.new_cross_sector_pairs, 3u);
    EXPECT_EQ(score.pairs, 4u);
    // A pair seated twice counts once: {a,b}{c,d} twice = 2.
    EXPECT_DOUBLE_EQ(score_seating(problem, {{0, 0, 1, 1}, {1, 1, 0, 0}}).objective, 2.0);
    EXPECT_NEAR(score_seating(problem, {{0, 1, 0, 1}}).objective, -0.2, 1e-4);  // two penalties
}

TEST(SeatingViolations, NamesEachBrokenConstraint) {
    SeatingProblem problem = four_people();
    problem.hosts = {0};
    problem.keep_apart = {{2, 3}};
    problem.max_per_sector = 1;
    EXPECT_TRUE(seating_violations(problem, {{0, 0, 1, 1}, {0, 1, 1, 0}}).size() == 1);  // c-d share table 2
    const auto broken = seating_violations(problem, {{1, 1, 0, 0}, {0, 0, 0, 1}});
    const auto has = [&](const std::string& text) {
        return std::any_of(broken.begin(), broken.end(),
                           [&](const auto& m) { return m.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(has("host \"a\" is not at table 1"));
    EXPECT_TRUE(has("table 1 has 3 people for 2 seats"));
    EXPECT_TRUE(has("\"a\" and \"b\" sit together again (first in round 1)"));
    EXPECT_TRUE(has("(--max-per-sector 1)"));
    EXPECT_TRUE(has("\"c\" and \"d\" share table 1 (keep-apart)"));
    EXPECT_FALSE(seating_violations(problem, {{0, 0, 1}}).empty());  // a round with a seat missing
    EXPECT_FALSE(seating_violations(problem, {{0, 0, 1, 7}, {0, 1, 1, 0}}).empty());
}

// ---------------------------------------------------------------------------------------
// The incremental search state.

TEST(RoundState, IncrementalGainsMatchRecomputation) {
    Random random(7);
    for (int instance = 0; instance < 40; ++instance) {
        SeatingProblem problem = random_problem(random);
        problem.max_per_sector = instance % 2 == 0 ? 2 : 0;
        const std::size_t n = problem.people.size();
        std::vector<std::vector<Person>> lists(n);
        for (int k = 0; k < static_cast<int>(n); ++k) {  // random forbidden pairs
            const auto p = static_cast<Person>(random.below(n));
            const auto q = static_cast<Person>(random.below(n));
            if (p == q) continue;
            lists[p].push_back(q);
            lists[q].push_back(p);
        }
        for (auto& list : lists) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
        const Forbidden forbidden(lists);
        RoundState state(problem, forbidden, true);
        std::vector<Person> order(n);
        std::iota(order.begin(), order.end(), 0u);
        random.shuffle(std::span<Person>(order));
        std::size_t next = 0;
        for (std::uint32_t t = 0; t < problem.table_sizes.size(); ++t) {
            for (std::size_t s = 0; s < problem.table_sizes[t]; ++s) {
                const Person p = order[next++];
                const auto before = state.score();
                const auto predicted = state.placement_delta(std::span<const Person>(&p, 1), t);
                state.place(p, t);
                EXPECT_EQ(state.score().value, before.value + predicted.value);
                EXPECT_EQ(state.score().broken, before.broken + predicted.broken);
                EXPECT_EQ(state.score().unfair, before.unfair + predicted.unfair);
            }
        }
        ASSERT_EQ(state.score(), state.recomputed_score());
        for (int move = 0; move < 60; ++move) {
            const auto p = static_cast<Person>(random.below(n));
            const auto q = static_cast<Person>(random.below(n));
            if (state.table_of(p) == state.table_of(q)) continue;
            const auto delta = state.swap_delta(p, q);
            const auto before = state.score();
            state.swap(p, q);
            EXPECT_EQ(state.score().value, before.value + delta.value);
            EXPECT_EQ(state.score().broken, before.broken + delta.broken);
            EXPECT_EQ(state.score().unfair, before.unfair + delta.unfair);
            ASSERT_EQ(state.score(), state.recomputed_score()) << "instance " << instance << " move " << move;
        }
        // An exchange of two people at table 0 with two at table 1 equals the two swaps.
        if (state.members(0).size() >= 2 && state.members(1).size() >= 2) {
            const std::vector<Person> a(state.members(0).begin(), state.members(0).begin() + 2);
            const std::vector<Person> b(state.members(1).begin(), state.members(1).begin() + 2);
            const auto predicted = state.exchange_delta(a, b);
            const auto before = state.score();
            state.swap(a[0], b[0]);
            state.swap(a[1], b[1]);
            EXPECT_EQ(state.score().value, before.value + predicted.value);
            EXPECT_EQ(state.score().broken, before.broken + predicted.broken);
            EXPECT_EQ(state.score().unfair, before.unfair + predicted.unfair);
            EXPECT_EQ(state.score(), state.recomputed_score());
        }
    }
}

// ---------------------------------------------------------------------------------------
// The bound.

TEST(SeatingUpperBound, AtLeastTheBestSeatingOfTinyProblems) {
    Random random(11);
    for (int instance = 0; instance < 12; ++instance) {
        SeatingProblem problem = four_people();
        const std::size_t n = instance % 3 == 0 ? 6 : 8;
        problem.people.resize(n);
        std::iota(problem.people.begin(), problem.people.end(), 0u);
        problem.labels.clear();
        problem.sectors.clear();
        for (std::size_t p = 0; p < n; ++p) {
            problem.labels.push_back(label_of(p));
            problem.sectors.push_back(random.chance(0.15) ? k_unknown_sector
                                                          : static_cast<SectorIndex>(random.below(2)));
        }
        problem.communities.assign(n, 1);
        problem.values = PairValues(n, 0.1);
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                std::uint8_t flags = 0;
                if (problem.sectors[p] != k_unknown_sector && problem.sectors[q] != k_unknown_sector) {
                    flags |=
                        problem.sectors[p] == problem.sectors[q] ? PairValues::same_sector : PairValues::cross_sector;
                }
                if (random.chance(0.3)) flags |= PairValues::tied;
                problem.values.set(p, q, random.uniform(), flags);
            }
        }
        problem.table_sizes = n == 6 ? std::vector<std::size_t>{2, 2, 2} : std::vector<std::size_t>{4, 4};
        problem.rounds = n == 6 ? 2 : 1;
        problem.keep_apart.clear();
        if (instance % 4 == 1) problem.keep_apart = {{0, 1}};
        if (instance % 4 == 2) problem.keep_together = {{2, 3}};
        const double best = brute_force_best(problem);
        const SeatingBound bound = seating_upper_bound(problem);
        EXPECT_GE(bound.objective + 1e-9, best) << "instance " << instance;
        if (best < -1e299) {  // no seating keeps the constraints
            EXPECT_THROW(plan_seating(problem, quick_search(instance)), RequestError);
            continue;
        }
        const SeatingPlan plan = plan_seating(problem, quick_search(instance));
        EXPECT_LE(plan.score.objective, best + 1e-9);
        EXPECT_LE(plan.score.new_cross_sector_pairs, bound.new_cross_sector_pairs);
        if (problem.rounds == 1) {
            EXPECT_DOUBLE_EQ(plan.score.objective, best) << "instance " << instance;
        }
    }
}

TEST(SeatingUpperBound, CrossSectorCountBySectorSizes) {
    // 6 people of sector 0 and 2 of sector 1, all pairs untied, two tables of 4. The sector
    // bound X₁ = ½(max ΣK² − Σ min Σc²) = ½((16 + 16) − ((9 + 9) + (1 + 1))) = 6 is tighter than
    // the per-person count ½(6·min(3, 2) + 2·min(3, 6)) = 9, and reached: one of sector 1 per table.
    SeatingProblem problem;
    const std::size_t n = 8;
    for (std::size_t p = 0; p < n; ++p) {
        problem.people.push_back(static_cast<MemberIndex>(p));
        problem.labels.push_back(label_of(p));
        problem.sectors.push_back(p < 6 ? 0 : 1);
    }
    problem.sector_names = {"s0", "s1"};
    problem.communities.assign(n, 1);
    problem.values = PairValues(n, 0.0);
    for (std::size_t p = 0; p < n; ++p) {
        for (std::size_t q = p + 1; q < n; ++q) {
            const bool cross = problem.sectors[p] != problem.sectors[q];
            problem.values.set(p, q, cross ? 1.0 : 0.0, cross ? PairValues::cross_sector : PairValues::same_sector);
        }
    }
    problem.table_sizes = {4, 4};
    const SeatingBound bound = seating_upper_bound(problem);
    EXPECT_EQ(bound.new_cross_sector_pairs, 6u);
    EXPECT_NEAR(bound.objective, 6.0, 1e-6);
    const SeatingPlan plan = plan_seating(problem, quick_search(1));
    EXPECT_EQ(plan.score.new_cross_sector_pairs, 6u);  // one of sector 1 at each table: 3 + 3
}

TEST(SeatingUpperBound, EmptyProblemIsZero) {
    const SeatingBound bound = seating_upper_bound(SeatingProblem{});
    EXPECT_EQ(bound.objective, 0.0);
    EXPECT_EQ(bound.new_cross_sector_pairs, 0u);
}

// ---------------------------------------------------------------------------------------
// Plans.

TEST(PlanSeating, RandomInstancesKeepEveryConstraint) {
    Random random(2024);
    int planned = 0;
    int refused = 0;
    for (int instance = 0; instance < 300; ++instance) {
        const SeatingProblem problem = random_problem(random);
        SeatingPlan plan;
        try {
            plan = plan_seating(problem, quick_search(static_cast<std::uint64_t>(instance)));
        } catch (const RequestError&) {
            ++refused;
            continue;
        }
        ++planned;
        const Seating seating = plan.seating();
        ASSERT_EQ(seating.size(), problem.rounds);
        EXPECT_EQ(broken_constraints(problem, seating), 0u) << "instance " << instance;
        EXPECT_TRUE(seating_violations(problem, seating).empty()) << "instance " << instance;
        for (const auto& round : plan.rounds) {
            EXPECT_TRUE(round.search_broken < round.construction_broken ||
                        (round.search_broken == round.construction_broken &&
                         round.search_objective >= round.construction_objective))
                << "instance " << instance;
        }
        const SeatingScore score = score_seating(problem, seating);
        EXPECT_EQ(score.objective, plan.score.objective);
        EXPECT_EQ(score.new_cross_sector_pairs, plan.score.new_cross_sector_pairs);
        const SeatingBound bound = seating_upper_bound(problem);
        EXPECT_LE(plan.score.objective, bound.objective + 1e-6) << "instance " << instance;
        EXPECT_LE(plan.score.new_cross_sector_pairs, bound.new_cross_sector_pairs) << "instance " << instance;
    }
    EXPECT_GE(planned, 200) << refused << " refused";
}

TEST(PlanSeating, RefusesTinyInstancesOnlyWhenNoSeatingExists) {
    // Random problems of 4-7 people with every kind of constraint, solved by enumeration:
    // plan_seating must plan exactly those that have a seating keeping every constraint, and
    // then reach the best one when there is a single round.
    Random random(31);
    int feasible = 0;
    int impossible = 0;
    for (int instance = 0; impossible + feasible < 300 && instance < 20000; ++instance) {
        const SeatingProblem problem = random_problem(random);
        if (problem.people.size() > 7) continue;
        // Single-round seatings with the right sizes, to the power of the rounds: keep it small.
        double single = 1;  // multinomial n! / Π size!
        for (std::size_t k = 2; k <= problem.people.size(); ++k) single *= static_cast<double>(k);
        for (const std::size_t size : problem.table_sizes) {
            for (std::size_t k = 2; k <= size; ++k) single /= static_cast<double>(k);
        }
        if (std::pow(single, static_cast<double>(problem.rounds)) > 40'000) continue;
        const double best = brute_force_best(problem);
        SeatingSearchOptions options = quick_search(static_cast<std::uint64_t>(instance));
        options.iterations = 200;
        if (best < -1e299) {
            ++impossible;
            EXPECT_THROW(plan_seating(problem, options), RequestError) << "instance " << instance;
            continue;
        }
        ++feasible;
        try {
            const SeatingPlan plan = plan_seating(problem, options);
            EXPECT_EQ(broken_constraints(problem, plan.seating()), 0u) << "instance " << instance;
            EXPECT_LE(plan.score.objective, best + 1e-9) << "instance " << instance;
            if (problem.rounds == 1) {
                EXPECT_DOUBLE_EQ(plan.score.objective, best) << "instance " << instance;
            }
        } catch (const RequestError& error) {
            ADD_FAILURE() << "instance " << instance << " has a seating but was refused: " << error.what();
        }
    }
    EXPECT_GE(feasible, 100);  // 142 and 158 with this seed
    EXPECT_GE(impossible, 100);
}

TEST(PlanSeating, LocalSearchNeverWorsensTheConstruction) {
    Random random(99);
    int improved = 0;  // rounds the search made strictly better: the check is not vacuous
    for (int instance = 0; instance < 60; ++instance) {
        SeatingProblem problem = random_problem(random);
        problem.keep_apart.clear();
        problem.max_per_sector = 0;
        SeatingSearchOptions options = quick_search(static_cast<std::uint64_t>(instance));
        options.iterations = 1 + static_cast<std::size_t>(instance) * 5;
        try {
            const SeatingPlan plan = plan_seating(problem, options);
            for (const auto& round : plan.rounds) {
                improved += round.search_broken < round.construction_broken ||
                            round.search_objective > round.construction_objective;
            }
            bool clean = true;  // did every round's first search keep every constraint?
            for (const auto& round : plan.rounds) {
                // Lexicographic: fewer broken constraints, else no less value.
                EXPECT_LE(round.search_broken, round.construction_broken);
                if (round.search_broken == round.construction_broken) {
                    EXPECT_GE(round.search_objective, round.construction_objective);
                }
                clean = clean && round.search_broken == 0;
            }
            // Searching each round again with the others fixed starts from a valid plan then.
            for (const auto& round : plan.rounds) {
                if (clean) {
                    EXPECT_GE(round.objective, round.search_objective);
                }
            }
        } catch (const RequestError&) {
        }
    }
    EXPECT_GE(improved, 30);
}

TEST(PlanSeating, SameSeedSameSeatingWhateverTheThreads) {
    Random random(5);
    for (int instance = 0; instance < 10; ++instance) {
        const SeatingProblem problem = random_problem(random);
        SeatingSearchOptions one = quick_search(3);
        one.random_seatings = 6;
        SeatingSearchOptions two = one;
        two.threads = 2;
        try {
            const SeatingPlan a = plan_seating(problem, one);
            const SeatingPlan b = plan_seating(problem, two);
            EXPECT_EQ(a.seating(), b.seating());
            EXPECT_EQ(a.random_objective, b.random_objective);
            EXPECT_EQ(a.random_new_cross_sector_pairs, b.random_new_cross_sector_pairs);
            EXPECT_EQ(a.bound.objective, b.bound.objective);
        } catch (const RequestError&) {
        }
    }
}

TEST(PlanSeating, RoundRobinForFourPeopleInThreeRounds) {
    SeatingProblem problem = four_people();
    problem.rounds = 3;  // everyone meets everyone exactly once: the only way
    const SeatingPlan plan = plan_seating(problem, quick_search(1));
    EXPECT_TRUE(seating_violations(problem, plan.seating()).empty());
    EXPECT_EQ(plan.score.pairs, 6u);
    EXPECT_NEAR(plan.score.objective, 1 - 0.1 + 0.5 + 1 - 0.1 + 1, 1e-4);
}

std::string infeasible(SeatingProblem problem) {
    try {
        plan_seating(problem, quick_search(1));
    } catch (const RequestError& error) {
        return error.what();
    }
    return "planned";
}

TEST(PlanSeating, InfeasibleRequestsNameTheConstraint) {
    SeatingProblem problem = four_people();
    problem.rounds = 1;

    SeatingProblem hosts = problem;
    hosts.hosts = {0, 1, 2};
    EXPECT_NE(infeasible(hosts).find("3 hosts but only 2 tables"), std::string::npos);

    SeatingProblem hosts_together = problem;
    hosts_together.hosts = {0, 1};
    hosts_together.keep_together = {{0, 1}};
    EXPECT_NE(infeasible(hosts_together).find("hosts \"a\" and \"b\" are in the same keep-together group"),
              std::string::npos);

    SeatingProblem both = problem;
    both.keep_together = {{0, 2}};
    both.keep_apart = {{0, 2}};
    EXPECT_NE(infeasible(both).find("\"a\" and \"c\" are both kept apart and kept together"), std::string::npos);

    SeatingProblem large = problem;
    large.keep_together = {{0, 1, 2}};
    EXPECT_NE(infeasible(large).find("has 3 people, but the largest table seats 2"), std::string::npos);

    SeatingProblem chained = problem;  // groups sharing b merge into one of 3
    chained.keep_together = {{0, 1}, {1, 2}};
    EXPECT_NE(infeasible(chained).find("has 3 people"), std::string::npos);

    SeatingProblem apart = problem;
    apart.keep_apart = {{0, 1, 2}};
    EXPECT_NE(infeasible(apart).find("keep-apart group of \"a\", \"b\", \"c\" needs 3 tables; there are 2"),
              std::string::npos);

    SeatingProblem cap = problem;
    cap.table_sizes = {4};
    cap.max_per_sector = 1;
    EXPECT_NE(infeasible(cap).find("--max-per-sector 1: 2 people of s do not fit at 1 table"), std::string::npos);

    SeatingProblem cap_room = problem;  // a table of 3 with two sectors capped at 1 each
    cap_room.table_sizes = {3, 1};
    cap_room.max_per_sector = 1;
    EXPECT_NE(infeasible(cap_room).find("--max-per-sector 1: table 1 seats 3 but can take at most 2 people of the 2 "
                                        "sectors present, and 0 of unknown sector cannot fill the 1 seat left over"),
              std::string::npos)
        << infeasible(cap_room);

    SeatingProblem cap_group = problem;
    cap_group.max_per_sector = 1;
    cap_group.keep_together = {{0, 2}};
    EXPECT_NE(infeasible(cap_group).find("more than 1 of s (--max-per-sector)"), std::string::npos);

    SeatingProblem rounds = problem;
    rounds.rounds = 4;
    EXPECT_NE(infeasible(rounds).find("4 rounds at tables of at least 2"), std::string::npos);

    SeatingProblem wide = problem;  // two rounds at one table of 4
    wide.table_sizes = {4};
    wide.rounds = 2;
    EXPECT_NE(infeasible(wide).find("a table of 4 needs people from 4 different tables"), std::string::npos);

    // Keep-apart of a-b and c-d plus two rounds of two tables of two: round 1 {a,c}{b,d} or
    // {a,d}{b,c}, round 2 the other, round 3 impossible — found by the search, not a check.
    SeatingProblem search = problem;
    search.rounds = 3;
    search.keep_apart = {{0, 1}, {2, 3}};
    EXPECT_NE(infeasible(search).find("found no seating that keeps every constraint"), std::string::npos);
}

TEST(PlanSeating, HostsStayAtTheirTablesAndGroupsTogether) {
    Random random(3);
    SeatingProblem problem = random_problem(random);
    while (problem.people.size() < 20 || problem.people.size() > 36) problem = random_problem(random);
    problem.rounds = 2;
    problem.hosts = {0, 1};
    problem.keep_together = {{0, 5}, {6, 7, 8}};
    problem.keep_apart = {{0, 9}, {1, 9}};
    problem.max_per_sector = 0;
    TableLayout layout;
    layout.tables = 6;
    problem.table_sizes = table_sizes_for(problem.people.size(), layout);
    const SeatingPlan plan = plan_seating(problem, quick_search(4));
    for (const auto& round : plan.rounds) {
        EXPECT_EQ(round.table_of[0], 0u);
        EXPECT_EQ(round.table_of[5], 0u);
        EXPECT_EQ(round.table_of[1], 1u);
        EXPECT_EQ(round.table_of[6], round.table_of[7]);
        EXPECT_EQ(round.table_of[6], round.table_of[8]);
        EXPECT_GE(round.table_of[9], 2u);
    }
    EXPECT_EQ(broken_constraints(problem, plan.seating()), 0u);
}

TEST(PlanSeating, BeatsRandomSeatingOnAGeneratedNetwork) {
    auto read = ingest::read_network(std::string(BRIDGEMAP_FIXTURES_DIR) + "/generated-150");
    ASSERT_FALSE(read.diagnostics.has_errors());
    const Network& network = read.network;
    // The largest gathering.
    EventIndex largest = k_none;
    std::size_t most = 0;
    for (EventIndex e = 0; e < network.events.size(); ++e) {
        if (network.events[e].kind != "gathering") continue;
        const std::size_t people = event_attendees(network, e).size();
        if (people > most) most = people, largest = e;
    }
    ASSERT_NE(largest, k_none);
    ASSERT_GE(most, 20u);
    SeatingRequest request;
    request.people = event_attendees(network, largest);
    request.layout.table_size = 6;
    request.rounds = 2;
    request.hosts = event_hosts(network, largest);
    const SeatingProblem problem = seating_problem(network_before_event(network, largest), request, {});
    SeatingSearchOptions options;
    options.random_seatings = 10;
    const SeatingPlan plan = plan_seating(problem, options);
    EXPECT_TRUE(seating_violations(problem, plan.seating()).empty());
    EXPECT_GT(plan.score.objective, plan.random_objective);
    EXPECT_GE(static_cast<double>(plan.score.new_cross_sector_pairs), plan.random_new_cross_sector_pairs);
    EXPECT_LE(plan.score.objective, plan.bound.objective + 1e-6);
    EXPECT_LE(plan.score.new_cross_sector_pairs, plan.bound.new_cross_sector_pairs);
}

// ---------------------------------------------------------------------------------------
// Fair spread: the caps, and plans that keep them when they can.

/// A hand-built problem: people of the given sectors ('A', 'B', 'C' or '?' for unknown), every
/// pair worth `value(p, q)` and flagged by sector, at tables of the given sizes.
SeatingProblem hand_built(const std::string& sectors, std::vector<std::size_t> sizes,
                          const std::function<double(std::size_t, std::size_t)>& value) {
    SeatingProblem problem;
    problem.sector_names = {"A", "B", "C"};
    const std::size_t n = sectors.size();
    for (std::size_t p = 0; p < n; ++p) {
        problem.people.push_back(static_cast<MemberIndex>(p));
        problem.labels.push_back(label_of(p));
        problem.sectors.push_back(sectors[p] == '?' ? k_unknown_sector : static_cast<SectorIndex>(sectors[p] - 'A'));
        problem.communities.push_back(0);
    }
    problem.values = PairValues(n, 0.1);
    for (std::size_t p = 0; p < n; ++p) {
        for (std::size_t q = p + 1; q < n; ++q) {
            const SectorIndex a = problem.sectors[p];
            const SectorIndex b = problem.sectors[q];
            std::uint8_t flags = 0;
            if (a != k_unknown_sector && b != k_unknown_sector) {
                flags |= a == b ? PairValues::same_sector : PairValues::cross_sector;
            }
            problem.values.set(p, q, value(p, q), flags);
        }
    }
    problem.table_sizes = std::move(sizes);
    return problem;
}

std::size_t most_at_a_table(const SeatingProblem& problem, const std::vector<std::uint32_t>& table_of,
                            SectorIndex sector) {
    std::vector<std::size_t> count(problem.table_sizes.size(), 0);
    for (std::size_t p = 0; p < table_of.size(); ++p) count[table_of[p]] += problem.sectors[p] == sector;
    return *std::max_element(count.begin(), count.end());
}

TEST(FairSpreadCaps, ShareOfTheTableRoundedUpPlusOneAndUnknownOverTheTables) {
    // 10 people: 6 of A, 2 of B, 2 unknown, at tables of 6 and 4.
    // A: ceil(6*6/10) + 1 = ceil(3.6) + 1 = 5 at the 6, ceil(6*4/10) + 1 = ceil(2.4) + 1 = 4 at the 4;
    // B: ceil(2*6/10) + 1 = 3 and ceil(2*4/10) + 1 = 2; C (nobody): 0 + 1 = 1; unknown: ceil(2/2) = 1.
    const SeatingProblem problem = hand_built("AAAAAABB??", {6, 4}, [](auto, auto) { return 0.0; });
    const std::vector<std::size_t> expected = {5, 3, 1, 1, 4, 2, 1, 1};
    EXPECT_EQ(fair_spread_caps(problem), expected);
}

TEST(PlanSeating, UnknownSectorSpreadEvenWhenSeatingThemTogetherIsWorthMore) {
    // A1 A2 B1 B2 and four of unknown sector at two tables of 4. Only A-B pairs are worth
    // anything (1 each; A-A and B-B cost the same-sector penalty 0.1). Unconstrained, the best
    // is {A1 A2 B1 B2} + {? ? ? ?}: 4 cross pairs − 2·0.1 = 3.8. The unknown cap is
    // ceil(4/2) = 2 (and A, B: ceil(2·4/8) + 1 = 2), so the fair plan seats A, B, ?, ? at each
    // table: 1 + 1 = 2.
    const auto value = [](std::size_t p, std::size_t q) {
        const bool a = p < 2 || q < 2;
        const bool b = (p >= 2 && p < 4) || (q >= 2 && q < 4);
        return a && b && !(p < 2 && q < 2) && !(p >= 2 && p < 4 && q >= 2 && q < 4) && p < 4 && q < 4 ? 1.0 : 0.0;
    };
    SeatingProblem problem = hand_built("AABB????", {4, 4}, value);
    const SeatingPlan fair = plan_seating(problem, quick_search(1));
    EXPECT_EQ(most_at_a_table(problem, fair.rounds[0].table_of, k_unknown_sector), 2u);
    EXPECT_EQ(most_at_a_table(problem, fair.rounds[0].table_of, 0), 1u);
    EXPECT_NEAR(fair.score.objective, 2.0, 1e-4);  // fixed point: the penalty is 6554/65536
    EXPECT_TRUE(fair.unfair.empty());

    problem.fair_spread = false;
    const SeatingPlan unfair = plan_seating(problem, quick_search(1));
    EXPECT_EQ(most_at_a_table(problem, unfair.rounds[0].table_of, k_unknown_sector), 4u);
    EXPECT_NEAR(unfair.score.objective, 3.8, 1e-4);
}

TEST(PlanSeating, NoSectorAboveItsShareOfTheTablePlusOne) {
    // Eight of A and four of B at two tables of 6; A-A pairs are worth 1 − 0.1 (the same-sector
    // penalty), B-B pairs −0.1, A-B pairs 0. Unconstrained: six A together (15 · 0.9) and two A
    // with the four B (0.9 − 6 · 0.1) = 13.8. The cap of A is ceil(8·6/12) + 1 = 5, of B
    // ceil(4·6/12) + 1 = 3: the best fair plan is 5 A + 1 B (10 · 0.9) and 3 A + 3 B
    // (3 · 0.9 − 3 · 0.1) = 11.4.
    const auto value = [](std::size_t p, std::size_t q) { return p < 8 && q < 8 ? 1.0 : 0.0; };
    SeatingProblem problem = hand_built("AAAAAAAABBBB", {6, 6}, value);
    const SeatingPlan fair = plan_seating(problem, quick_search(2));
    EXPECT_EQ(most_at_a_table(problem, fair.rounds[0].table_of, 0), 5u);
    EXPECT_NEAR(fair.score.objective, 11.4, 1e-3);
    EXPECT_TRUE(fair.unfair.empty());
    problem.fair_spread = false;
    const SeatingPlan unfair = plan_seating(problem, quick_search(2));
    EXPECT_EQ(most_at_a_table(problem, unfair.rounds[0].table_of, 0), 6u);
    EXPECT_NEAR(unfair.score.objective, 13.8, 1e-3);
}

TEST(PlanSeating, SaysWhichFairCapNoSeatingKeepsAndSeatsTheBestItFound) {
    // Three of unknown sector kept together at two tables of 3: the unknown cap ceil(3/2) = 2
    // cannot hold, so the plan comes back (no error) and says so; A's cap ceil(3·3/6) + 1 = 3 holds.
    SeatingProblem problem = hand_built("???AAA", {3, 3}, [](auto, auto) { return 0.0; });
    problem.keep_together = {{0, 1, 2}};
    const SeatingPlan plan = plan_seating(problem, quick_search(1));
    EXPECT_TRUE(seating_violations(problem, plan.seating()).empty());
    ASSERT_EQ(plan.unfair.size(), 1u);
    const std::string table = std::to_string(plan.rounds[0].table_of[0] + 1);
    EXPECT_EQ(plan.unfair[0], "round 1, table " + table + ": 3 of unknown sector (fair share at most 2)");
}

TEST(PlanSeating, RandomInstancesKeepTheFairCapsWhenTheyCan) {
    // Without hosts or keep-together groups (which may pin people over a cap), one round, the
    // caps always add up to more than the seats: the search should keep them all.
    Random random(19);
    for (int instance = 0; instance < 30; ++instance) {
        SeatingProblem problem = random_problem(random);
        problem.hosts.clear();
        problem.keep_together.clear();
        problem.keep_apart.clear();
        problem.max_per_sector = 0;
        problem.rounds = 1;
        const SeatingPlan plan = plan_seating(problem, quick_search(static_cast<std::uint64_t>(instance)));
        EXPECT_TRUE(plan.unfair.empty()) << "instance " << instance << ": " << plan.unfair.front();
        EXPECT_EQ(fair_spread_shortfalls(problem, plan.seating()), plan.unfair);
    }
}

}  // namespace
}  // namespace bridgemap
