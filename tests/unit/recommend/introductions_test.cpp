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

/// Whether (u, v) may be suggested after `picks`, by the rules written out plainly.
bool allowed(const IntroductionPlan& plan, const IntroductionOptions& options, const std::vector<MemberPair>& picks,
             MemberIndex u, MemberIndex v) {
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
    return !options.warm_only || mutual_contact(plan.graph, u, v);
}

/// Checks every stated fact of every introduction against a plain recomputation.
void expect_facts_true(const Network& network, const IntroductionPlan& plan, const IntroductionOptions& options) {
    const TieGraph& graph = plan.graph;
    std::vector<MemberPair> before;
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        SCOPED_TRACE("rank " + std::to_string(r + 1) + ": " + network.members[intro.a].id + " and " +
                     network.members[intro.b].id);
        EXPECT_TRUE(allowed(plan, options, before, intro.a, intro.b));
        EXPECT_EQ(graph.find_tie(intro.a, intro.b), k_none);

        // The gain: the score with this introduction minus the score without it.
        const double score_before = bridging_measures(with_introductions(graph, before), plan.groups).score;
        before.emplace_back(intro.a, intro.b);
        const double score_after = bridging_measures(with_introductions(graph, before), plan.groups).score;
        EXPECT_NEAR(intro.gain, score_after - score_before, k_tolerance);
        EXPECT_GT(intro.gain, 0.0);

        // The introducer: a mutual contact with the largest min(w(a,i), w(i,b)).
        double best = 0.0;
        MemberIndex best_member = k_none;
        for (MemberIndex i = 0; i < graph.member_count(); ++i) {
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
                                const std::vector<MemberPair>& picks) {
    const double base = bridging_measures(with_introductions(plan.graph, picks), plan.groups).score;
    double best = 0.0;
    std::vector<MemberPair> with = picks;
    with.emplace_back();
    const auto n = static_cast<MemberIndex>(plan.graph.member_count());
    for (MemberIndex u = 0; u < n; ++u) {
        for (MemberIndex v = u + 1; v < n; ++v) {
            if (!allowed(plan, options, picks, u, v)) continue;
            with.back() = {u, v};
            best = std::max(best, bridging_measures(with_introductions(plan.graph, with), plan.groups).score - base);
        }
    }
    return best;
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
// First pick (0, 3), gain 21.875: depth(a,b) and depth(b,a) each go from 1/4 to 1/2
// (φ 0.4375 → 0.75, twice) and r2(b,a) from 1/2 to 1 (φ 0.75 → 1): 100 · 0.875 / 4.
// Then (0, 2) and (1, 3) each gain 5.46875 (a second contact on both sides: depth 1/2 → 5/8,
// φ 0.75 → 0.859375, twice; 100 · 0.21875 / 4); (0, 2) wins the tie: it has a mutual
// contact (m1), while m3's only contact is the new introduction.
Network hand_network() {
    return testing::TestNetwork()
        .member("m0", "a")
        .member("m1", "a")
        .member("m2", "b")
        .member("m3", "b")
        .member("m4", "")
        .member("m5", "")
        .member("m6", "")
        .tie("m0", "m1")
        .tie("m1", "m2")
        .event("big", "2018-06-01", {"m0", "m3", "m4", "m5", "m6"}, "gathering")
        .build();
}

TEST(RecommendIntroductions, HandExampleAndTieBreak) {
    const Network network = hand_network();
    IntroductionOptions options;
    options.ties.max_setting_size = 4;  // the event of 5 ties nobody
    options.count = 3;
    options.max_per_member = 0;
    const IntroductionPlan plan = recommend_introductions(network, options);
    ASSERT_EQ(plan.introductions.size(), 3u);
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
    // Before it: 1 of the 2 members of each sector (m1, m2) has a tie to the other.
    EXPECT_EQ(plan.groups.names[first.group_a], "b");
    EXPECT_EQ(plan.groups.names[first.group_b], "a");
    EXPECT_EQ(first.group_a_members, 2u);
    EXPECT_EQ(first.group_a_tied_to_b, 1u);
    EXPECT_EQ(first.group_b_members, 2u);
    EXPECT_EQ(first.group_b_tied_to_a, 1u);
    const auto& second = plan.introductions[1];
    EXPECT_EQ(std::minmax(second.a, second.b), std::minmax(MemberIndex{0}, MemberIndex{2}));
    EXPECT_NEAR(second.gain, 5.46875, 1e-12);
    EXPECT_EQ(second.introducer, 1u);
    EXPECT_EQ(second.introducer_tie, 1.0);
    const auto& third = plan.introductions[2];
    EXPECT_EQ(std::minmax(third.a, third.b), std::minmax(MemberIndex{1}, MemberIndex{3}));
    // Members of unknown sector are never suggested, and nothing else is left to suggest.
    EXPECT_FALSE(plan.candidates[4]);
    expect_facts_true(network, plan, options);

    // The only untied cross-sector pairs are 0-2, 0-3 and 1-3.
    options.count = 10;
    EXPECT_EQ(recommend_introductions(network, options).introductions.size(), 3u);
}

TEST(RecommendIntroductions, GreedyPicksTheBestPairAtEveryStep) {
    std::size_t picked = 0;
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
        std::vector<MemberPair> picks;
        for (const Introduction& intro : plan.introductions) {
            EXPECT_NEAR(intro.gain, best_gain_by_brute_force(plan, options, picks), k_tolerance);
            picks.emplace_back(intro.a, intro.b);
        }
        if (plan.introductions.size() < options.count) {
            EXPECT_EQ(best_gain_by_brute_force(plan, options, picks), 0.0);
        }
        expect_facts_true(network, plan, options);
        picked += plan.introductions.size();
    }
    EXPECT_GT(picked, 90u);  // most of the 30 × 4 picks are made
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
        for (const Introduction& intro : plan.introductions) {
            EXPECT_NEAR(intro.gain, best_gain_by_brute_force(plan, options, picks), k_tolerance);
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
    const IntroductionPlan bundled = recommend_introductions(example.network, options);
    EXPECT_EQ(bundled.introductions.size(), 10u);
    expect_facts_true(example.network, bundled, options);
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
    Network network = hand_network();
    IntroductionOptions options;
    options.ties.max_setting_size = 4;
    // m3's only activity is the event; without it m3 is inactive.
    network.attendance.clear();
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
    ASSERT_FALSE(all.introductions.empty());
    EXPECT_TRUE(all.introductions[0].a == 3u || all.introductions[0].b == 3u);
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
    const Network network = hand_network();
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
