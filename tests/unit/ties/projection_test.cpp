#include <bridgemap/random.hpp>
#include <bridgemap/ties/projection.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <map>

namespace bridgemap {
namespace {

/// a, b, c at e1 (n=3: 1/2 a pair), a and b at e2 (n=2: 1), b, c, d in cell g (1/2),
/// a and d at organisation o (1), and a ties.csv row a–c of weight 2.
Network small_history() {
    return testing::TestNetwork()
        .organisation("o", "public")
        .member("a", "", "o")
        .member("b", "voluntary")
        .member("c", "grassroots")
        .member("d", "", "o")
        .member("e", "funder")  // no settings at all: an isolate
        .event("e1", "2018-01-10", {"a", "b", "c"})
        .event("e2", "2018-02-10", {"a", "b", "b"})  // b's second row counts once
        .group("g", {"b", "c", "d"})
        .tie("a", "c", 2.0)
        .build();
}

TEST(ProjectTies, NewmanWeightsAndProvenanceByHand) {
    const TieGraph graph = project_ties(small_history(), {});
    ASSERT_EQ(graph.member_count(), 5u);
    ASSERT_EQ(graph.tie_count(), 6u);
    const auto weight = [&](MemberIndex x, MemberIndex y) {
        const TieIndex t = graph.find_tie(x, y);
        return t == k_none ? -1.0 : graph.tie(t).weight;
    };
    EXPECT_DOUBLE_EQ(weight(0, 1), 1.5);  // a-b: e1 1/2 + e2 1
    EXPECT_DOUBLE_EQ(weight(0, 2), 2.5);  // a-c: e1 1/2 + tie 2
    EXPECT_DOUBLE_EQ(weight(1, 2), 1.0);  // b-c: e1 1/2 + g 1/2
    EXPECT_DOUBLE_EQ(weight(1, 3), 0.5);  // b-d: g
    EXPECT_DOUBLE_EQ(weight(2, 3), 0.5);  // c-d: g
    EXPECT_DOUBLE_EQ(weight(0, 3), 1.0);  // a-d: organisation o
    EXPECT_EQ(graph.find_tie(0, 4), k_none);
    EXPECT_EQ(graph.degree(4), 0u);

    const Tie& ab = graph.tie(graph.find_tie(0, 1));
    EXPECT_EQ(ab.provenance.events, 2u);
    EXPECT_EQ(ab.provenance.explicit_rows, 0u);
    const Tie& ac = graph.tie(graph.find_tie(2, 0));
    EXPECT_EQ(ac.source, 0u);
    EXPECT_EQ(ac.target, 2u);
    EXPECT_EQ(ac.provenance.events, 1u);
    EXPECT_EQ(ac.provenance.explicit_rows, 1u);
    const Tie& bc = graph.tie(graph.find_tie(1, 2));
    EXPECT_EQ(bc.provenance.groups, 1u);
    EXPECT_EQ(graph.tie(graph.find_tie(0, 3)).provenance.organisations, 1u);
    EXPECT_DOUBLE_EQ(graph.strength(0), 1.5 + 2.5 + 1.0);
    EXPECT_DOUBLE_EQ(graph.total_weight(), 1.5 + 2.5 + 1.0 + 0.5 + 0.5 + 1.0);
}

TEST(ProjectTies, CoefficientsScaleEachSourceAndZeroRemovesTies) {
    TieOptions options;
    options.weights = {2.0, 1.0, 0.0, 0.0};  // events doubled, organisations and ties.csv ignored
    const TieGraph graph = project_ties(small_history(), options);
    EXPECT_DOUBLE_EQ(graph.tie(graph.find_tie(0, 1)).weight, 3.0);  // 2·(1/2 + 1)
    EXPECT_DOUBLE_EQ(graph.tie(graph.find_tie(0, 2)).weight, 1.0);  // 2·1/2, tie ignored
    EXPECT_DOUBLE_EQ(graph.tie(graph.find_tie(1, 2)).weight, 1.5);  // 2·1/2 + 1/2
    EXPECT_EQ(graph.find_tie(0, 3), k_none);                        // only an organisation: weight 0
    EXPECT_EQ(graph.tie_count(), 5u);
}

TEST(ProjectTies, MinWeightDropsWeakTies) {
    TieOptions options;
    options.min_weight = 1.0;
    const TieGraph graph = project_ties(small_history(), options);
    EXPECT_EQ(graph.tie_count(), 4u);  // the two 1/2 ties from the cell go
    EXPECT_EQ(graph.find_tie(1, 3), k_none);
    EXPECT_NE(graph.find_tie(1, 2), k_none);  // exactly 1.0 stays
}

TEST(ProjectTies, SettingsAboveTheMaximumSizeTieNobody) {
    TieOptions options;
    options.max_setting_size = 2;  // e1 (3 people) and the cell g (3) no longer tie anyone
    const TieGraph graph = project_ties(small_history(), options);
    EXPECT_DOUBLE_EQ(graph.tie(graph.find_tie(0, 1)).weight, 1.0);  // a-b: e2 only
    EXPECT_EQ(graph.tie(graph.find_tie(0, 1)).provenance.events, 1u);
    EXPECT_DOUBLE_EQ(graph.tie(graph.find_tie(0, 2)).weight, 2.0);  // a-c: the ties.csv row only
    EXPECT_DOUBLE_EQ(graph.tie(graph.find_tie(0, 3)).weight, 1.0);  // a-d: organisation o of 2
    EXPECT_EQ(graph.find_tie(1, 2), k_none);                        // b-c met only at e1 and in g
    EXPECT_EQ(graph.tie_count(), 3u);
}

TEST(ProjectTies, OrganisationFromMemberRowAndAffiliationCountsOnce) {
    const Network network = testing::TestNetwork()
                                .organisation("o")
                                .member("a", "", "o")
                                .member("b", "", "o")
                                .member("c")
                                .affiliation("a", "o", "2015", "2016")
                                .affiliation("c", "o", "2015", "")
                                .build();
    const TieGraph graph = project_ties(network, {});
    // o has three distinct members: each pair gets 1/(3-1).
    ASSERT_EQ(graph.tie_count(), 3u);
    for (const Tie& tie : graph.ties()) {
        EXPECT_DOUBLE_EQ(tie.weight, 0.5);
        EXPECT_EQ(tie.provenance.organisations, 1u);
    }
}

TEST(ProjectTies, EmptyAndSingleMemberNetworks) {
    EXPECT_EQ(project_ties(Network{}, {}).member_count(), 0u);
    const TieGraph one = project_ties(testing::TestNetwork().member("a").event("e", "2018", {"a"}).build(), {});
    EXPECT_EQ(one.member_count(), 1u);
    EXPECT_EQ(one.tie_count(), 0u);
}

/// A random network, and the pairwise sums computed the slow, obvious way.
TEST(ProjectTies, AgreesWithPairwiseSumsAndIgnoresThreadCount) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Random random(seed);
        testing::TestNetwork builder;
        const int n = 30 + static_cast<int>(random.below(30));
        for (int i = 0; i < n; ++i) builder.member("m" + std::to_string(i));
        Network network = builder.build();
        network.organisations.push_back({"o1", "", "", k_unknown_sector});
        network.organisations.push_back({"o2", "", "", k_unknown_sector});
        for (int e = 0; e < 12; ++e)
            network.events.push_back({"e" + std::to_string(e), "", "", std::nullopt, "", k_none});
        network.groups.push_back({"g", "", "cell"});
        for (int i = 0; i < n; ++i) {
            const auto member = static_cast<MemberIndex>(i);
            for (int e = 0; e < 12; ++e) {
                if (random.chance(0.15)) network.attendance.push_back({member, static_cast<EventIndex>(e), 0});
            }
            if (random.chance(0.2)) network.group_members.push_back({member, 0, DateSpan{}});
            if (random.chance(0.3)) network.members[i].organisation = static_cast<OrganisationIndex>(random.below(2));
            if (random.chance(0.1)) {
                const auto other = static_cast<MemberIndex>(random.below(static_cast<std::uint64_t>(n)));
                if (other != member)
                    network.ties.push_back({member, other, "knows", 0.5 + random.uniform(), "", std::nullopt});
            }
        }
        std::map<std::pair<MemberIndex, MemberIndex>, double> expected;
        const auto add_setting = [&](const std::vector<MemberIndex>& members) {
            if (members.size() < 2) return;
            for (std::size_t x = 0; x < members.size(); ++x) {
                for (std::size_t y = x + 1; y < members.size(); ++y) {
                    expected[{std::min(members[x], members[y]), std::max(members[x], members[y])}] +=
                        1.0 / static_cast<double>(members.size() - 1);
                }
            }
        };
        for (EventIndex e = 0; e < network.events.size(); ++e) {
            std::vector<MemberIndex> attendees;
            for (const auto& row : network.attendance) {
                if (row.event == e) attendees.push_back(row.member);
            }
            add_setting(attendees);
        }
        std::vector<MemberIndex> cell;
        for (const auto& row : network.group_members) cell.push_back(row.member);
        add_setting(cell);
        for (OrganisationIndex o = 0; o < 2; ++o) {
            std::vector<MemberIndex> staff;
            for (MemberIndex i = 0; i < network.members.size(); ++i) {
                if (network.members[i].organisation == o) staff.push_back(i);
            }
            add_setting(staff);
        }
        for (const auto& tie : network.ties) {
            expected[{std::min(tie.source, tie.target), std::max(tie.source, tie.target)}] += tie.weight;
        }

        TieOptions one_thread;
        one_thread.threads = 1;
        TieOptions four_threads;
        four_threads.threads = 4;
        const TieGraph graph = project_ties(network, one_thread);
        const TieGraph parallel = project_ties(network, four_threads);
        ASSERT_EQ(graph.tie_count(), expected.size()) << "seed " << seed;
        ASSERT_EQ(parallel.tie_count(), graph.tie_count());
        for (TieIndex t = 0; t < graph.tie_count(); ++t) {
            const Tie& tie = graph.tie(t);
            EXPECT_NEAR(tie.weight, (expected[{tie.source, tie.target}]), 1e-12) << "seed " << seed;
            EXPECT_EQ(parallel.tie(t).source, tie.source);
            EXPECT_EQ(parallel.tie(t).target, tie.target);
            EXPECT_EQ(parallel.tie(t).weight, tie.weight);  // bit for bit
        }
    }
}

}  // namespace
}  // namespace bridgemap
