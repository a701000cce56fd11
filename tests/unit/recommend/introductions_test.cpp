// Introductions: the bridging measures, the exact incremental gain against a recomputation,
// the greedy step against brute force on many small random networks, every stated fact
// (untied, introducer, shared events, gain) on generated networks and the bundled example,
// and the two baselines.

#include <bridgemap/error.hpp>
#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/random.hpp>
#include <bridgemap/recommend/introductions.hpp>

#include "recommend/introductions_reach.hpp"
#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace bridgemap {
namespace {

constexpr double k_tolerance = 1e-9;

// ---------------------------------------------------------------------------------------
// Helpers

/// A generated network of realistic shape, as `bridgemap generate` makes it.
Network generated_network(std::size_t members, std::uint64_t seed) {
    generate::GeneratorOptions generator;
    generator.members = members;
    generator.seed = seed;
    return generate::generate_network(generator);
}

/// What `bridgemap introduce --count K` asks for: only settings of at most 40 people are ties.
IntroductionOptions introduce_options(std::size_t count) {
    IntroductionOptions options;
    options.ties.max_setting_size = k_default_max_setting_size;
    options.count = count;
    return options;
}

/// A random network: `members` members in up to `sectors` sectors (about 1 in 10 unknown),
/// small events (2-6 people), a few large ones (12-20 people, above the setting size used in
/// the tests), a few explicit ties, and a couple of members with no activity at all.
Network random_network(std::uint64_t seed, std::size_t members, std::size_t sectors) {
    Random random(seed);
    Network network;
    for (std::size_t i = 0; i < members; ++i) {
        Member member;
        member.id = "m" + std::to_string(i);
        member.name = "Member " + std::to_string(i);
        member.sector_label = random.chance(0.1) ? "" : "s" + std::to_string(random.below(sectors));
        network.members.push_back(std::move(member));
    }
    const std::size_t active = members > 4 ? members - 2 : members;
    const std::size_t events = members / 3 + 3;
    for (std::size_t e = 0; e < events; ++e) {
        Event event;
        event.id = "e" + std::to_string(e);
        event.name = "Event " + std::to_string(e);
        event.date_text = "2020-01-" + std::to_string(10 + e % 18);
        event.date = parse_date(event.date_text);
        network.events.push_back(std::move(event));
        const bool large = e % 7 == 0;
        const std::size_t size = std::min<std::size_t>(active, large ? 12 + random.below(9) : 2 + random.below(5));
        std::set<MemberIndex> attendees;
        while (attendees.size() < size) attendees.insert(static_cast<MemberIndex>(random.below(active)));
        for (const MemberIndex m : attendees) network.attendance.push_back({m, static_cast<EventIndex>(e), 0});
    }
    for (std::size_t t = 0; t < members / 5; ++t) {
        const auto a = static_cast<MemberIndex>(random.below(active));
        const auto b = static_cast<MemberIndex>(random.below(active));
        if (a == b) continue;
        ExplicitTie tie;
        tie.source = a;
        tie.target = b;
        tie.kind = "knows";
        tie.weight = 1.0 + static_cast<double>(random.below(3));
        network.ties.push_back(tie);
    }
    network.roles = {""};
    resolve_sectors(network);
    network.index_ids();
    return network;
}

IntroductionOptions small_options() {
    IntroductionOptions options;
    options.ties.max_setting_size = 8;
    options.count = 5;
    options.max_per_member = 0;
    options.threads = 1;
    return options;
}

std::vector<MemberPair> pairs_of(const IntroductionPlan& plan, std::size_t count) {
    std::vector<MemberPair> pairs;
    for (std::size_t i = 0; i < count && i < plan.introductions.size(); ++i) {
        pairs.emplace_back(plan.introductions[i].a, plan.introductions[i].b);
    }
    return pairs;
}

bool mutual_contact(const TieGraph& graph, MemberIndex a, MemberIndex b) {
    for (const MemberIndex x : graph.neighbours(a)) {
        if (graph.find_tie(x, b) != k_none) return true;
    }
    return false;
}

/// Who may introduce at rank `rank`, by the rules written out plainly: active since the plan's
/// day (an event attended that ended then or later, a group running then, a ties.csv row dated
/// then; with no day, any attendance, group or tie), not hidden, and asked fewer than
/// max_per_introducer times by the ranks above.
std::vector<bool> may_introduce(const Network& network, const IntroductionPlan& plan,
                                const IntroductionOptions& options, std::size_t rank) {
    std::vector<bool> may(network.members.size(), false);
    const auto since = plan.active_since;
    for (const Attendance& row : network.attendance) {
        const auto& date = network.events[row.event].date;
        if (!since || (date && date->last >= *since)) may[row.member] = true;
    }
    for (const GroupMembership& row : network.group_members) {
        if (!since || row.period.last >= *since) may[row.member] = true;
    }
    for (const ExplicitTie& tie : network.ties) {
        if (!since || (tie.date && tie.date->last >= *since)) may[tie.source] = may[tie.target] = true;
    }
    for (MemberIndex m = 0; m < options.hidden.size(); ++m) {
        if (options.hidden[m]) may[m] = false;
    }
    std::vector<std::size_t> asked(network.members.size(), 0);
    for (std::size_t r = 0; r < rank && r < plan.introductions.size(); ++r) {
        if (plan.introductions[r].introducer != k_none) ++asked[plan.introductions[r].introducer];
    }
    for (MemberIndex m = 0; m < may.size(); ++m) {
        if (options.max_per_introducer > 0 && asked[m] >= options.max_per_introducer) may[m] = false;
    }
    return may;
}

bool mutual_contact_among(const TieGraph& graph, MemberIndex a, MemberIndex b, const std::vector<bool>& may) {
    for (const MemberIndex x : graph.neighbours(a)) {
        if (may[x] && graph.find_tie(x, b) != k_none) return true;
    }
    return false;
}

/// Whether (u, v) may be suggested after `picks`, by the rules written out plainly; `may`:
/// who may introduce (for warm_only).
bool allowed(const IntroductionPlan& plan, const IntroductionOptions& options, const std::vector<MemberPair>& picks,
             MemberIndex u, MemberIndex v, const std::vector<bool>& may) {
    if (u == v || !plan.candidates[u] || !plan.candidates[v]) return false;
    if (plan.groups.of_member[u] == plan.groups.of_member[v]) return false;
    if (options.between && plan.sectors.of_member[u] == plan.sectors.of_member[v]) return false;
    if (plan.graph.find_tie(u, v) != k_none) return false;
    std::size_t count_u = 0;
    std::size_t count_v = 0;
    for (const auto& [a, b] : picks) {
        if ((a == u && b == v) || (a == v && b == u)) return false;
        count_u += (a == u || b == u) ? 1 : 0;
        count_v += (a == v || b == v) ? 1 : 0;
    }
    if (options.max_per_member > 0 && (count_u >= options.max_per_member || count_v >= options.max_per_member)) {
        return false;
    }
    for (const auto& [a, b] : options.exclude) {
        if ((a == u && b == v) || (a == v && b == u)) return false;
    }
    if (options.same_region && (plan.region[u] == 0 || plan.region[u] != plan.region[v])) return false;
    return !options.warm_only || mutual_contact_among(plan.graph, u, v, may);
}

bool allowed(const IntroductionPlan& plan, const IntroductionOptions& options, const std::vector<MemberPair>& picks,
             MemberIndex u, MemberIndex v) {
    return allowed(plan, options, picks, u, v, std::vector<bool>(plan.graph.member_count(), true));
}

/// Checks every stated fact of every introduction against a plain recomputation.
void expect_facts_true(const Network& network, const IntroductionPlan& plan, const IntroductionOptions& options) {
    const TieGraph& graph = plan.graph;
    std::vector<MemberPair> before;
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        SCOPED_TRACE("rank " + std::to_string(r + 1) + ": " + network.members[intro.a].id + " and " +
                     network.members[intro.b].id);
        const std::vector<bool> may = may_introduce(network, plan, options, r);
        EXPECT_TRUE(allowed(plan, options, before, intro.a, intro.b, may));
        EXPECT_EQ(graph.find_tie(intro.a, intro.b), k_none);

        // The gain: the score with this introduction minus the score without it.
        const double score_before = bridging_measures(with_introductions(graph, before), plan.groups).score;
        before.emplace_back(intro.a, intro.b);
        const double score_after = bridging_measures(with_introductions(graph, before), plan.groups).score;
        EXPECT_NEAR(intro.gain, score_after - score_before, k_tolerance);
        EXPECT_GT(intro.gain, 0.0);

        // The introducer: a mutual contact who may introduce, with the largest min(w(a,i), w(i,b)).
        double best = 0.0;
        MemberIndex best_member = k_none;
        for (MemberIndex i = 0; i < graph.member_count(); ++i) {
            if (!may[i]) continue;
            const TieIndex to_a = graph.find_tie(i, intro.a);
            const TieIndex to_b = graph.find_tie(i, intro.b);
            if (to_a == k_none || to_b == k_none) continue;
            const double strength = std::min(graph.tie(to_a).weight, graph.tie(to_b).weight);
            if (best_member == k_none || strength > best) best = strength, best_member = i;
        }
        if (best_member == k_none) {
            EXPECT_EQ(intro.introducer, k_none);
            EXPECT_FALSE(options.warm_only);
        } else {
            ASSERT_NE(intro.introducer, k_none);
            EXPECT_NE(graph.find_tie(intro.introducer, intro.a), k_none);
            EXPECT_NE(graph.find_tie(intro.introducer, intro.b), k_none);
            EXPECT_DOUBLE_EQ(intro.introducer_tie, best);
        }

        // What they share, from the raw rows.
        std::set<EventIndex> events_a;
        std::set<EventIndex> shared_events;
        for (const Attendance& row : network.attendance) {
            if (row.member == intro.a) events_a.insert(row.event);
        }
        for (const Attendance& row : network.attendance) {
            if (row.member == intro.b && events_a.contains(row.event)) shared_events.insert(row.event);
        }
        EXPECT_EQ(std::set<EventIndex>(intro.shared_events.begin(), intro.shared_events.end()), shared_events);
        EXPECT_EQ(intro.shared_events.size(), shared_events.size());
        std::set<GroupIndex> groups_a;
        std::set<GroupIndex> shared_groups;
        for (const GroupMembership& row : network.group_members) {
            if (row.member == intro.a) groups_a.insert(row.group);
        }
        for (const GroupMembership& row : network.group_members) {
            if (row.member == intro.b && groups_a.contains(row.group)) shared_groups.insert(row.group);
        }
        EXPECT_EQ(std::set<GroupIndex>(intro.shared_groups.begin(), intro.shared_groups.end()), shared_groups);
        // The size of the last shared event: its distinct attendees.
        std::set<MemberIndex> last_attendees;
        for (const Attendance& row : network.attendance) {
            if (!intro.shared_events.empty() && row.event == intro.shared_events.back())
                last_attendees.insert(row.member);
        }
        EXPECT_EQ(intro.last_shared_event_size, last_attendees.size());
    }
}

/// The largest gain of any allowed pair after `picks`, by brute force; 0 when none adds anything.
double best_gain_by_brute_force(const IntroductionPlan& plan, const IntroductionOptions& options,
                                const std::vector<MemberPair>& picks, const std::vector<bool>& may, bool warm) {
    const double base = bridging_measures(with_introductions(plan.graph, picks), plan.groups).score;
    double best = 0.0;
    std::vector<MemberPair> with = picks;
    with.emplace_back();
    const auto n = static_cast<MemberIndex>(plan.graph.member_count());
    for (MemberIndex u = 0; u < n; ++u) {
        for (MemberIndex v = u + 1; v < n; ++v) {
            if (!allowed(plan, options, picks, u, v, may)) continue;
            if (warm && !mutual_contact_among(plan.graph, u, v, may)) continue;
            with.back() = {u, v};
            best = std::max(best, bridging_measures(with_introductions(plan.graph, with), plan.groups).score - base);
        }
    }
    return best;
}

/// The gain of the pick at `rank` (after `picks`) by the warm-first rule, by brute force: the
/// best pair with a mutual contact who may introduce them, unless the best pair of all gains at
/// least k_cold_gain_factor times as much; 0 when nothing is left.
double warm_first_gain(const Network& network, const IntroductionPlan& plan, const IntroductionOptions& options,
                       const std::vector<MemberPair>& picks, std::size_t rank) {
    const std::vector<bool> may = may_introduce(network, plan, options, rank);
    const double warm = best_gain_by_brute_force(plan, options, picks, may, true);
    if (options.warm_only) return warm;
    const double any = best_gain_by_brute_force(plan, options, picks, may, false);
    return warm > 0 && any < k_cold_gain_factor * warm - k_tolerance ? warm : any;
}

// ---------------------------------------------------------------------------------------
// The measures

// a = {0, 1}, b = {2, 3}; ties 0-1 and 1-2; 3 has none.
//   depth(a,b): 0 has no b contact (ψ 0), 1 has one (ψ 1/2): 1/4.  depth(b,a): 2 one, 3 none: 1/4.
//   r2(a,b): 0 reaches 2 through 1, 1 directly: 1.  r2(b,a): 2 yes, 3 no: 1/2.
//   score = 100 · [φ(1/4) + φ(1) + φ(1/4) + φ(1/2)] / 4 with φ(x) = 1 − (1 − x)²
//         = 100 · (0.4375 + 1 + 0.4375 + 0.75) / 4 = 65.625.
TieGraph hand_graph() {
    return TieGraph::from_ties(4, {{0, 1, 1.0, {}}, {1, 2, 1.0, {}}});
}
Sectors hand_groups() {
    Sectors groups;
    groups.of_member = {0, 0, 1, 1};
    groups.names = {"a", "b"};
    return groups;
}

TEST(BridgingMeasures, HandExample) {
    const BridgingMeasures measures = bridging_measures(hand_graph(), hand_groups());
    EXPECT_NEAR(measures.score, 65.625, 1e-12);
    EXPECT_NEAR(measures.depth, 0.25, 1e-12);
    EXPECT_NEAR(measures.reach_one, 0.5, 1e-12);   // (1/2 + 1/2) / 2
    EXPECT_NEAR(measures.reach_two, 0.75, 1e-12);  // (1 + 1/2) / 2
    EXPECT_NEAR(measures.weakest_reach_one, 0.5, 1e-12);
    EXPECT_NEAR(measures.weakest_reach_two, 0.5, 1e-12);
    EXPECT_EQ(measures.weakest_from, 1u);
    EXPECT_EQ(measures.weakest_to, 0u);
    EXPECT_EQ(measures.members_without_cross_tie, 2.0);  // 0 and 3
    EXPECT_EQ(measures.ties, 2.0);
    // E-I: one tie within a, one across: 0. Expected: 4 across of 6 possible, 2 within: 1/3.
    EXPECT_NEAR(measures.ei_index, 0.0, 1e-12);
    EXPECT_NEAR(measures.expected_ei_index, 1.0 / 3.0, 1e-12);
}

TEST(BridgingMeasures, AgreesWithSectorMixing) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const Network network = random_network(seed, 30, 4);
        const TieGraph graph = project_ties(network, {});
        const Sectors sectors = member_sectors(network);
        const BridgingMeasures measures = bridging_measures(graph, sectors);
        const SectorMixing mixing = sector_mixing(graph, sectors);
        double one = 0.0;
        double two = 0.0;
        std::size_t pairs = 0;
        for (const auto& reach : mixing.reach) {
            if (reach.from == reach.to) continue;
            one += reach.within_one;
            two += reach.within_two;
            ++pairs;
        }
        ASSERT_GT(pairs, 0u);
        EXPECT_NEAR(measures.reach_one, one / static_cast<double>(pairs), 1e-12);
        EXPECT_NEAR(measures.reach_two, two / static_cast<double>(pairs), 1e-12);
        EXPECT_EQ(measures.ei_index, mixing.ei_index);
        EXPECT_EQ(measures.expected_ei_index, mixing.expected_ei_index);
    }
}

TEST(BridgingMeasures, FewerThanTwoGroups) {
    Sectors one;
    one.of_member = {0, 0, k_unknown_sector, 0};
    one.names = {"a"};
    const BridgingMeasures measures = bridging_measures(hand_graph(), one);
    EXPECT_TRUE(std::isnan(measures.score));
    EXPECT_TRUE(std::isnan(measures.reach_two));
    EXPECT_EQ(measures.members_without_cross_tie, 3.0);
    const BridgingMeasures empty = bridging_measures(TieGraph::from_ties(0, {}), Sectors{});
    EXPECT_TRUE(std::isnan(empty.score));
    EXPECT_EQ(empty.ties, 0.0);
}

TEST(WithIntroductions, AddsTiesOfWeightOne) {
    const std::vector<MemberPair> pairs = {{3, 0}, {1, 2}};
    const TieGraph graph = with_introductions(hand_graph(), pairs);
    EXPECT_EQ(graph.tie_count(), 3u);
    ASSERT_NE(graph.find_tie(0, 3), k_none);
    EXPECT_EQ(graph.tie(graph.find_tie(0, 3)).weight, 1.0);
    EXPECT_EQ(graph.tie(graph.find_tie(0, 3)).provenance.explicit_rows, 1u);
    EXPECT_EQ(graph.tie(graph.find_tie(1, 2)).weight, 2.0);  // added to the existing tie
    const std::vector<MemberPair> outside = {{0, 9}};
    EXPECT_THROW(with_introductions(hand_graph(), outside), Error);
}

// ---------------------------------------------------------------------------------------
// The incremental state

TEST(ReachState, EffectAndScoreMatchRecomputation) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const Network network = random_network(seed, 25 + seed, 2 + seed % 4);
        const TieGraph graph = project_ties(network, {});
        const Sectors groups = member_sectors(network);
        introductions_detail::ReachState state(graph, groups);
        auto scratch = state.make_scratch();
        Random random(seed * 7919);
        std::vector<MemberPair> added;
        const auto n = static_cast<MemberIndex>(graph.member_count());
        for (int step = 0; step < 12; ++step) {
            const auto u = static_cast<MemberIndex>(random.below(n));
            const auto v = static_cast<MemberIndex>(random.below(n));
            if (u == v || state.tied(u, v)) continue;
            const double before = bridging_measures(with_introductions(graph, added), groups).score;
            ASSERT_NEAR(state.score(), before, k_tolerance) << "seed " << seed;
            const auto effect = state.effect(u, v, scratch);
            const auto reversed = state.effect(v, u, scratch);
            EXPECT_EQ(effect.gain, reversed.gain);  // bit for bit, whatever the order
            added.emplace_back(u, v);
            const double after = bridging_measures(with_introductions(graph, added), groups).score;
            if (is_defined(before)) {
                EXPECT_NEAR(effect.gain, after - before, k_tolerance) << "seed " << seed << " step " << step;
            }
            state.add_tie(u, v);
            EXPECT_TRUE(state.tied(u, v));
            EXPECT_TRUE(state.tied(v, u));
        }
        // The reach counts agree with sector_mixing on the final graph.
        const TieGraph final_graph = with_introductions(graph, added);
        const SectorMixing mixing = sector_mixing(final_graph, groups);
        for (const auto& reach : mixing.reach) {
            if (reach.from == reach.to) continue;
            const auto size = static_cast<double>(mixing.members[reach.from]);
            EXPECT_EQ(static_cast<double>(state.direct_count(reach.from, reach.to)),
                      std::round(reach.within_one * size));
            EXPECT_EQ(static_cast<double>(state.two_step_count(reach.from, reach.to)),
                      std::round(reach.within_two * size));
        }
    }
}

// ---------------------------------------------------------------------------------------
// recommend_introductions

// a = {m0, m1}, b = {m2, m3}; ties m0-m1 and m1-m2; m3 was only at a large event with m0.
// Score before: 100 · [φ(1/4) + φ(1) + φ(1/4) + φ(1/2)] / 4 = 65.625 (BridgingMeasures.HandExample).
// (0, 3) is cold (m3 has no tie) and gains 21.875: depth(a,b) and depth(b,a) each go from 1/4
// to 1/2 (φ 0.4375 → 0.75, twice) and r2(b,a) from 1/2 to 1 (φ 0.75 → 1): 100 · 0.875 / 4.
// (0, 2) is warm (m1 knows both) and gains 12.109375: depth(a,b) 1/4 → 1/2 (φ 0.4375 → 0.75),
// depth(b,a) 1/4 → 3/8 (m2's second contact, ψ 3/4; φ 0.4375 → 0.609375), r2 unchanged:
// 100 · (0.3125 + 0.171875) / 4. 21.875 < 2 × 12.109375, so warm first takes (0, 2).
// With the ties undated, m1 and m2 are not active (their only activity has no date): no one
// may introduce, only m0 and m3 are candidates, and (0, 3) is the one pick.
Network hand_network(bool dated_ties) {
    const std::string date = dated_ties ? "2018-05-01" : "";
    return testing::TestNetwork()
        .member("m0", "a")
        .member("m1", "a")
        .member("m2", "b")
        .member("m3", "b")
        .member("m4", "")
        .member("m5", "")
        .member("m6", "")
        .tie("m0", "m1", 1.0, date)
        .tie("m1", "m2", 1.0, date)
        .event("big", "2018-06-01", {"m0", "m3", "m4", "m5", "m6"}, "gathering")
        .build();
}

TEST(RecommendIntroductions, HandExampleWarmFirst) {
    const Network network = hand_network(true);
    IntroductionOptions options;
    options.ties.max_setting_size = 4;  // the event of 5 ties nobody
    options.count = 3;
    options.max_per_member = 0;
    const IntroductionPlan plan = recommend_introductions(network, options);
    // Active since 2017-06-01: 12 months before the event.
    ASSERT_TRUE(plan.active_since.has_value());
    EXPECT_EQ(format_day(*plan.active_since), "2017-06-01");
    ASSERT_EQ(plan.introductions.size(), 3u);
    const auto& first = plan.introductions[0];
    EXPECT_EQ(std::minmax(first.a, first.b), std::minmax(MemberIndex{0}, MemberIndex{2}));
    EXPECT_NEAR(first.gain, 12.109375, 1e-12);
    EXPECT_EQ(first.introducer, 1u);
    EXPECT_EQ(first.introducer_tie, 1.0);
    // Before it, the two sectors share one tie (m1-m2); m0 had no contact in b, m2 one in a.
    EXPECT_EQ(first.ties_between_groups, 1u);
    // The other two untied cross-sector pairs follow, cold: m3 knows nobody.
    std::set<std::pair<MemberIndex, MemberIndex>> rest;
    for (std::size_t r = 1; r < 3; ++r) {
        rest.insert(std::minmax(plan.introductions[r].a, plan.introductions[r].b));
        EXPECT_EQ(plan.introductions[r].introducer, k_none);
    }
    EXPECT_EQ(rest, (std::set<std::pair<MemberIndex, MemberIndex>>{{0, 3}, {1, 3}}));
    // Members of unknown sector are never suggested, and nothing else is left to suggest.
    EXPECT_FALSE(plan.candidates[4]);
    expect_facts_true(network, plan, options);
    options.count = 10;
    const IntroductionPlan all = recommend_introductions(network, options);
    EXPECT_EQ(all.introductions.size(), 3u);
    EXPECT_TRUE(all.limits.empty());  // nothing stopped it but the pairs running out
}

TEST(RecommendIntroductions, HandExampleColdWhenNoOneMayIntroduce) {
    const Network network = hand_network(false);
    IntroductionOptions options;
    options.ties.max_setting_size = 4;
    options.count = 3;
    options.max_per_member = 0;
    const IntroductionPlan plan = recommend_introductions(network, options);
    EXPECT_EQ(plan.inactive_members, 2u);  // m1 and m2
    ASSERT_EQ(plan.introductions.size(), 1u);
    const auto& first = plan.introductions[0];
    EXPECT_EQ(std::minmax(first.a, first.b), std::minmax(MemberIndex{0}, MemberIndex{3}));
    EXPECT_NEAR(first.gain, 21.875, 1e-12);
    EXPECT_EQ(first.a, 3u);  // m3 newly reaches sector a within two steps; m0 already reached b
    EXPECT_EQ(first.b, 0u);
    EXPECT_EQ(first.a_new_groups, 1u);
    EXPECT_EQ(first.direct_gains, 2u);
    EXPECT_EQ(first.introducer, k_none);
    ASSERT_EQ(first.shared_events.size(), 1u);
    EXPECT_EQ(network.events[first.shared_events[0]].id, "big");
    EXPECT_EQ(first.last_shared_event_size, 5u);
    EXPECT_EQ(network.events[plan.last_event[3]].id, "big");
    EXPECT_EQ(plan.last_event[1], k_none);
    // Before it: 1 of the 2 members of each sector (m1, m2) has a tie to the other.
    EXPECT_EQ(plan.groups.names[first.group_a], "b");
    EXPECT_EQ(first.group_a_members, 2u);
    EXPECT_EQ(first.group_a_tied_to_b, 1u);
    EXPECT_EQ(first.group_b_tied_to_a, 1u);
    // Fewer than asked for: lifting the activity rule alone would allow more.
    EXPECT_EQ(plan.limits, std::vector<IntroductionLimit>{IntroductionLimit::active});
    // With --include-inactive all three pairs come, and m1 still may not introduce (not active).
    options.include_inactive = true;
    const IntroductionPlan all = recommend_introductions(network, options);
    ASSERT_EQ(all.introductions.size(), 3u);
    for (const Introduction& intro : all.introductions) EXPECT_EQ(intro.introducer, k_none);
    // An explicit day before the ties' would not help: they have no date.
    options.include_inactive = false;
    options.active_since = days_from_civil(2000, 1, 1);
    EXPECT_EQ(recommend_introductions(network, options).introductions.size(), 1u);
}

TEST(RecommendIntroductions, CapsPerIntroducerAndRegion) {
    // Hub h knows everyone; a1, a2 (sector a) and b1, b2, b3 (sector b) know only h.
    testing::TestNetwork builder;
    builder.member("h", "c").member("a1", "a").member("a2", "a").member("b1", "b").member("b2", "b").member("b3", "b");
    for (const char* m : {"a1", "a2", "b1", "b2", "b3"}) builder.event(std::string("e-") + m, "2020-01-01", {"h", m});
    Network network = builder.build();
    IntroductionOptions options;
    options.count = 6;
    options.max_per_member = 0;
    options.max_per_introducer = 2;
    const IntroductionPlan plan = recommend_introductions(network, options);
    std::size_t by_h = 0;
    for (const Introduction& intro : plan.introductions) by_h += intro.introducer == 0 ? 1 : 0;
    EXPECT_EQ(by_h, 2u);  // h is asked twice, then the pairs are cold
    ASSERT_GT(plan.introductions.size(), 2u);
    EXPECT_EQ(plan.introductions[2].introducer, k_none);
    // Regions: a1 and b1 in one, everyone else in none; with --region same only a1-b1 remains.
    network.member_attributes.names = {"region"};
    network.member_attributes.values = {{"", "North", "", "North", "", ""}};
    options.same_region = true;
    const IntroductionPlan regional = recommend_introductions(network, options);
    ASSERT_EQ(regional.introductions.size(), 1u);
    EXPECT_EQ(std::minmax(regional.introductions[0].a, regional.introductions[0].b),
              std::minmax(MemberIndex{1}, MemberIndex{3}));
    EXPECT_EQ(regional.limits, std::vector<IntroductionLimit>{IntroductionLimit::same_region});
    // --event: only h, a1 and b1 are in the room; h is tied to both, so a1-b1 is the one pair,
    // and h (in the room or not) introduces it.
    options.same_region = false;
    options.attending = {true, true, false, true, false, false};
    const IntroductionPlan room = recommend_introductions(network, options);
    ASSERT_EQ(room.introductions.size(), 1u);
    EXPECT_EQ(std::minmax(room.introductions[0].a, room.introductions[0].b),
              std::minmax(MemberIndex{1}, MemberIndex{3}));
    EXPECT_EQ(room.introductions[0].introducer, 0u);
}

TEST(RecommendIntroductions, GreedyPicksTheBestPairAtEveryStep) {
    std::size_t picked = 0;
    std::size_t cold_picks = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        // Small networks, then a few larger ones where the bounds must rule out most pairs.
        const Network network = random_network(seed, seed <= 24 ? 18 + seed % 10 : 70, 2 + seed % 4);
        IntroductionOptions options = small_options();
        options.count = 4;
        switch (seed % 6) {
            case 1:
                options.max_per_member = 1;
                break;
            case 2:
                options.warm_only = true;
                break;
            case 3:
                options.include_inactive = true;
                break;
            case 4:
                options.across = IntroductionAcross::communities;
                break;
            case 5:
                options.exclude = {{0, 1}, {2, 3}, {4, 5}, {1, 2}};
                break;
            default:
                break;
        }
        const IntroductionPlan plan = recommend_introductions(network, options);
        SCOPED_TRACE("seed " + std::to_string(seed));
        // Warm first: the best pair with a mutual contact who may introduce them, unless the
        // best pair of all gains at least k_cold_gain_factor times as much.
        std::vector<MemberPair> picks;
        for (std::size_t r = 0; r <= plan.introductions.size(); ++r) {
            const std::vector<bool> may = may_introduce(network, plan, options, r);
            const double expected = warm_first_gain(network, plan, options, picks, r);
            if (r == plan.introductions.size()) {
                // Stopped short only when nothing is left to pick.
                if (r < options.count) EXPECT_EQ(expected, 0.0);
                break;
            }
            const Introduction& intro = plan.introductions[r];
            EXPECT_NEAR(intro.gain, expected, k_tolerance);
            EXPECT_EQ(intro.introducer != k_none, mutual_contact_among(plan.graph, intro.a, intro.b, may));
            cold_picks += intro.introducer == k_none ? 1 : 0;
            picks.emplace_back(intro.a, intro.b);
        }
        expect_facts_true(network, plan, options);
        picked += plan.introductions.size();
    }
    EXPECT_GT(picked, 90u);  // most of the 30 × 4 picks are made
    // Both branches of the warm-first rule are taken.
    EXPECT_GT(cold_picks, 0u);
    EXPECT_LT(cold_picks, picked / 2);
}

TEST(RecommendIntroductions, BetweenKeepsToTheTwoSectors) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        const Network network = random_network(seed, 30, 4);
        IntroductionOptions options = small_options();
        const Sectors sectors = member_sectors(network);
        ASSERT_GE(sectors.count(), 3u);
        options.between = std::pair<SectorIndex, SectorIndex>{0, 2};
        const IntroductionPlan plan = recommend_introductions(network, options);
        for (const Introduction& intro : plan.introductions) {
            const std::set<SectorIndex> pair = {sectors.of_member[intro.a], sectors.of_member[intro.b]};
            EXPECT_EQ(pair, (std::set<SectorIndex>{0, 2}));
        }
        std::vector<MemberPair> picks;
        for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
            const Introduction& intro = plan.introductions[r];
            EXPECT_NEAR(intro.gain, warm_first_gain(network, plan, options, picks, r), k_tolerance);
            picks.emplace_back(intro.a, intro.b);
        }
        // --between also applies across communities: the members' sectors, in different communities.
        options.across = IntroductionAcross::communities;
        const IntroductionPlan communities = recommend_introductions(network, options);
        for (const Introduction& intro : communities.introductions) {
            EXPECT_EQ((std::set<SectorIndex>{sectors.of_member[intro.a], sectors.of_member[intro.b]}),
                      (std::set<SectorIndex>{0, 2}));
            EXPECT_NE(communities.groups.of_member[intro.a], communities.groups.of_member[intro.b]);
        }
    }
}

TEST(RecommendIntroductions, GeneratedNetworksAndTheBundledExample) {
    const Network generated = generated_network(300, 3);
    IntroductionOptions options = introduce_options(10);
    options.max_per_member = 2;
    const IntroductionPlan plan = recommend_introductions(generated, options);
    EXPECT_EQ(plan.introductions.size(), 10u);
    expect_facts_true(generated, plan, options);
    std::vector<std::size_t> picks(generated.members.size(), 0);
    for (const Introduction& intro : plan.introductions) {
        EXPECT_LE(++picks[intro.a], 2u);
        EXPECT_LE(++picks[intro.b], 2u);
    }
    options.warm_only = true;
    const IntroductionPlan warm = recommend_introductions(generated, options);
    EXPECT_FALSE(warm.introductions.empty());
    for (const Introduction& intro : warm.introductions) EXPECT_NE(intro.introducer, k_none);
    expect_facts_true(generated, warm, options);

    auto example = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    ASSERT_FALSE(example.diagnostics.has_errors());
    options.warm_only = false;
    // Active since 2017-11-26 (12 months before the last event): fewer than 10, and it says why.
    const IntroductionPlan bundled = recommend_introductions(example.network, options);
    EXPECT_EQ(format_day(*bundled.active_since), "2017-11-26");
    EXPECT_LT(bundled.introductions.size(), 10u);
    EXPECT_FALSE(bundled.limits.empty());
    expect_facts_true(example.network, bundled, options);
    options.include_inactive = true;
    const IntroductionPlan everyone = recommend_introductions(example.network, options);
    EXPECT_EQ(everyone.introductions.size(), 10u);
    expect_facts_true(example.network, everyone, options);
}

TEST(RecommendIntroductions, WindowedNetwork) {
    // --from/--until: the network seen through the window; every fact holds there, every shared
    // event lies inside it, and members active only outside it are not suggested.
    const Network network = generated_network(300, 4);
    const Window window = parse_window("2018-03", "2018-12");
    const Network windowed = apply_window(network, window);
    IntroductionOptions options = introduce_options(10);
    const IntroductionPlan plan = recommend_introductions(windowed, options);
    ASSERT_EQ(plan.introductions.size(), 10u);
    expect_facts_true(windowed, plan, options);
    // What they share in the window, from the whole network's rows: events dated inside it.
    const DateSpan span = window.span();
    for (const Introduction& intro : plan.introductions) {
        const MemberIndex a = network.find_member(windowed.members[intro.a].id);
        const MemberIndex b = network.find_member(windowed.members[intro.b].id);
        std::set<std::string> expected;
        for (const Attendance& row : network.attendance) {
            if (row.member != a) continue;
            const Event& event = network.events[row.event];
            if (!event.date || !span.contains(*event.date)) continue;
            for (const Attendance& other : network.attendance) {
                if (other.member == b && other.event == row.event) expected.insert(event.id);
            }
        }
        std::set<std::string> stated;
        for (const EventIndex e : intro.shared_events) stated.insert(windowed.events[e].id);
        EXPECT_EQ(stated, expected);
    }
    // The whole history gives a different list: the window matters.
    const IntroductionPlan all = recommend_introductions(network, options);
    EXPECT_NE(pairs_of(all, 10), pairs_of(plan, 10));
    EXPECT_GT(plan.inactive_members, all.inactive_members);
}

TEST(RecommendIntroductions, LargeSettingsExposeWithoutTying) {
    // Everyone was at one event of 6; with settings of at most 5 people nobody is tied, so every
    // cross-sector pair is a candidate and the event is what they share.
    const Network network = testing::TestNetwork()
                                .member("a1", "a")
                                .member("a2", "a")
                                .member("a3", "a")
                                .member("b1", "b")
                                .member("b2", "b")
                                .member("b3", "b")
                                .event("room", "2019-03-01", {"a1", "a2", "a3", "b1", "b2", "b3"})
                                .build();
    IntroductionOptions options;
    options.ties.max_setting_size = 5;
    options.count = 3;
    options.max_per_member = 1;
    const IntroductionPlan plan = recommend_introductions(network, options);
    EXPECT_EQ(plan.graph.tie_count(), 0u);
    ASSERT_EQ(plan.introductions.size(), 3u);  // a perfect matching between a and b
    for (const Introduction& intro : plan.introductions) {
        EXPECT_EQ(intro.shared_events.size(), 1u);
        EXPECT_NE(plan.sectors.of_member[intro.a], plan.sectors.of_member[intro.b]);
    }
    expect_facts_true(network, plan, options);
    // With every setting counted, they are all tied and there is nobody to introduce.
    options.ties.max_setting_size = 0;
    EXPECT_TRUE(recommend_introductions(network, options).introductions.empty());
}

TEST(RecommendIntroductions, SameResultWithAnyThreadCount) {
    const Network network = generated_network(400, 5);
    IntroductionOptions options = introduce_options(8);
    options.threads = 1;
    const IntroductionPlan one = recommend_introductions(network, options);
    for (const unsigned threads : {2u, 3u, 8u}) {
        options.threads = threads;
        const IntroductionPlan many = recommend_introductions(network, options);
        ASSERT_EQ(many.introductions.size(), one.introductions.size());
        for (std::size_t r = 0; r < one.introductions.size(); ++r) {
            EXPECT_EQ(many.introductions[r].a, one.introductions[r].a);
            EXPECT_EQ(many.introductions[r].b, one.introductions[r].b);
            EXPECT_EQ(many.introductions[r].gain, one.introductions[r].gain);
            EXPECT_EQ(many.introductions[r].introducer, one.introductions[r].introducer);
            EXPECT_EQ(many.introductions[r].contacts_gaining, one.introductions[r].contacts_gaining);
        }
    }
}

TEST(RecommendIntroductions, InactiveMembersAreLeftOutUnlessAsked) {
    Network network = hand_network(false);
    IntroductionOptions options;
    options.ties.max_setting_size = 4;
    // m3's only activity is the event; without it m3 is inactive. With no dated event left,
    // active means any attendance, group or recorded tie.
    network.attendance.clear();
    network.events.front().date.reset();
    network.events.front().date_text.clear();
    const IntroductionPlan plan = recommend_introductions(network, options);
    EXPECT_FALSE(plan.candidates[3]);
    EXPECT_EQ(plan.inactive_members, 1u);
    for (const Introduction& intro : plan.introductions) {
        EXPECT_NE(intro.a, 3u);
        EXPECT_NE(intro.b, 3u);
    }
    options.include_inactive = true;
    const IntroductionPlan all = recommend_introductions(network, options);
    EXPECT_TRUE(all.candidates[3]);
    EXPECT_EQ(all.inactive_members, 0u);
    EXPECT_FALSE(all.active_since.has_value());
    // Warm first: (0, 2) through m1, then m3's pairs.
    ASSERT_EQ(all.introductions.size(), 3u);
    EXPECT_EQ(all.introductions[0].introducer, 1u);
    EXPECT_TRUE(all.introductions[1].a == 3u || all.introductions[1].b == 3u);
}

TEST(RecommendIntroductions, DegenerateNetworks) {
    IntroductionOptions options;
    EXPECT_TRUE(recommend_introductions(Network{}, options).introductions.empty());
    const Network one = testing::TestNetwork().member("m0", "a").build();
    const IntroductionPlan single = recommend_introductions(one, options);
    EXPECT_TRUE(single.introductions.empty());
    EXPECT_TRUE(std::isnan(single.before.score));
    // One sector only, or no known sector: nothing across to bridge.
    const Network same =
        testing::TestNetwork().member("m0", "a").member("m1", "a").member("m2", "a").tie("m0", "m1").build();
    EXPECT_TRUE(recommend_introductions(same, options).introductions.empty());
    const Network unknown = testing::TestNetwork().member("m0").member("m1").member("m2").tie("m0", "m1").build();
    EXPECT_TRUE(recommend_introductions(unknown, options).introductions.empty());
    // Communities of a network without ties: nobody is in one.
    options.across = IntroductionAcross::communities;
    EXPECT_TRUE(recommend_introductions(same, options).introductions.empty());
}

TEST(RecommendIntroductions, RejectsImpossibleRequests) {
    const Network network = hand_network(true);
    IntroductionOptions options;
    options.count = 0;
    EXPECT_THROW(recommend_introductions(network, options), RequestError);
    options.count = 1;
    options.between = std::pair<SectorIndex, SectorIndex>{0, 0};
    EXPECT_THROW(recommend_introductions(network, options), RequestError);
    options.between = std::pair<SectorIndex, SectorIndex>{0, 7};
    EXPECT_THROW(recommend_introductions(network, options), RequestError);
}

// ---------------------------------------------------------------------------------------
// The baselines

TEST(AdamicAdarIntroductions, MatchesBruteForce) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const Network network = random_network(seed, 30, 3);
        IntroductionOptions options = small_options();
        options.count = 6;
        options.max_per_member = seed % 2 == 0 ? 1 : 0;
        const IntroductionPlan plan = recommend_introductions(network, options);
        const TieGraph& graph = plan.graph;
        struct Scored {
            double score;
            MemberIndex u;
            MemberIndex v;
        };
        std::vector<Scored> all;
        const auto n = static_cast<MemberIndex>(graph.member_count());
        for (MemberIndex u = 0; u < n; ++u) {
            for (MemberIndex v = u + 1; v < n; ++v) {
                if (!allowed(plan, options, {}, u, v)) continue;
                double score = 0.0;
                for (MemberIndex w = 0; w < n; ++w) {
                    if (graph.find_tie(w, u) != k_none && graph.find_tie(w, v) != k_none) {
                        score += 1.0 / std::log(static_cast<double>(graph.degree(w)));
                    }
                }
                if (score > 0.0) all.push_back({score, u, v});
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
        std::vector<MemberPair> expected;
        std::vector<std::size_t> picks(n, 0);
        for (const Scored& pair : all) {
            if (expected.size() == options.count) break;
            if (options.max_per_member > 0 && (picks[pair.u] >= 1 || picks[pair.v] >= 1)) continue;
            ++picks[pair.u];
            ++picks[pair.v];
            expected.emplace_back(pair.u, pair.v);
        }
        const auto chosen = adamic_adar_introductions(plan, options);
        ASSERT_EQ(chosen.size(), expected.size()) << "seed " << seed;
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            // Scores equal up to rounding may come in either order; compare the scores.
            const auto score_of = [&](const MemberPair& pair) {
                for (const Scored& s : all) {
                    if (s.u == pair.first && s.v == pair.second) return s.score;
                }
                return -1.0;
            };
            EXPECT_NEAR(score_of(chosen[i]), score_of(expected[i]), 1e-12) << "seed " << seed << " rank " << i;
        }
    }
}

TEST(RandomIntroductions, FollowTheRulesAndTheSeed) {
    const Network network = random_network(4, 40, 3);
    IntroductionOptions options = small_options();
    options.count = 8;
    options.max_per_member = 1;
    const IntroductionPlan plan = recommend_introductions(network, options);
    const auto first = random_introductions(plan, options, 1);
    EXPECT_EQ(first, random_introductions(plan, options, 1));
    EXPECT_NE(first, random_introductions(plan, options, 2));
    ASSERT_FALSE(first.empty());
    std::vector<MemberPair> before;
    for (const auto& [u, v] : first) {
        EXPECT_TRUE(allowed(plan, options, before, u, v));
        before.emplace_back(u, v);
    }
}

TEST(EvaluateIntroductions, RecommendedSetBeatsBothBaselines) {
    const Network network = generated_network(400, 2);
    IntroductionOptions options = introduce_options(10);
    const IntroductionPlan plan = recommend_introductions(network, options);
    const IntroductionEvaluation evaluation = evaluate_introductions(plan, options, 5);
    EXPECT_EQ(evaluation.recommended_pairs, 10u);
    EXPECT_EQ(evaluation.random_draws, 5u);
    EXPECT_EQ(evaluation.random_pairs, 10.0);
    const auto added = pairs_of(plan, 10);
    const BridgingMeasures recomputed = bridging_measures(with_introductions(plan.graph, added), plan.groups);
    EXPECT_EQ(evaluation.recommended.score, recomputed.score);
    EXPECT_EQ(evaluation.before.score, plan.before.score);
    const double gain = evaluation.recommended.reach_two - evaluation.before.reach_two;
    EXPECT_GT(gain, 0.0);
    EXPECT_GT(gain, 3.0 * (evaluation.random.reach_two - evaluation.before.reach_two));
    EXPECT_GT(gain, 3.0 * (evaluation.adamic_adar.reach_two - evaluation.before.reach_two));
    EXPECT_GT(evaluation.recommended.score, evaluation.random.score);
    EXPECT_GT(evaluation.recommended.score, evaluation.adamic_adar.score);
}

}  // namespace
}  // namespace bridgemap
