#include <bridgemap/report/weak_spots.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace bridgemap::report {
namespace {

using testing::TestNetwork;

const SectorPairLink& link_between(const WeakSpots& spots, SectorIndex a, SectorIndex b) {
    for (const auto& link : spots.sector_pairs) {
        if ((link.a == a && link.b == b) || (link.a == b && link.b == a)) return link;
    }
    throw std::logic_error("no such sector pair");
}

TEST(FindWeakSpots, SectorPairsByHand) {
    // Sectors A = {a1, a2}, B = {b1, b2}, C = {c1}. Workshop e1 ties a1, a2 and b1 (weight 1/2
    // each); b1–b2 is a recorded tie; dinner e2 ties b2 and c1. So A–B rests on b1 and on e1
    // alone, B–C on b2 and e2, and A–C has no tie and no shared setting.
    const Network network = TestNetwork()
                                .member("a1", "A")
                                .member("a2", "A")
                                .member("b1", "B")
                                .member("b2", "B")
                                .member("c1", "C")
                                .event("e1", "2018-01-10", {"a1", "a2", "b1"})
                                .event("e2", "2018-02-10", {"b2", "c1"}, "dinner")
                                .tie("b1", "b2")
                                .build();
    const TieOptions ties;
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const WeakSpots spots = find_weak_spots(network, analysis, ties);
    ASSERT_EQ(spots.sector_pairs.size(), 3u);  // A–B, A–C, B–C

    const SectorPairLink& ab = link_between(spots, 0, 1);
    EXPECT_EQ(ab.ties, 2u);                   // a1–b1, a2–b1
    EXPECT_EQ(ab.a_members_with_tie, 2u);     // a1 and a2
    EXPECT_EQ(ab.b_members_with_tie, 1u);     // b1 only
    EXPECT_EQ(ab.only_person, "Name of b1");
    EXPECT_EQ(ab.shared_settings, 1u);
    EXPECT_EQ(ab.only_setting, "e1");
    // Tie ends: K_A = deg(a1) + deg(a2) = 2 + 2 = 4, K_B = 3 + 2 = 5, K_C = 1, m = 5 ties:
    // expected A–B ties K_A·K_B/(2m) = 20/10 = 2, so the ratio is 1.
    EXPECT_DOUBLE_EQ(ab.expected, 2.0);
    EXPECT_DOUBLE_EQ(ab.ratio, 1.0);

    const SectorPairLink& ac = link_between(spots, 0, 2);
    EXPECT_EQ(ac.ties, 0u);
    EXPECT_EQ(ac.shared_settings, 0u);
    EXPECT_EQ(ac.only_person, "");
    // K_C = 1: expected 4·1/10 = 0.4 and ratio 0, the weakest pair, listed first.
    EXPECT_DOUBLE_EQ(ac.expected, 0.4);
    EXPECT_EQ(spots.sector_pairs.front().ratio, 0.0);

    const SectorPairLink& bc = link_between(spots, 1, 2);
    EXPECT_EQ(bc.ties, 1u);
    EXPECT_EQ(bc.only_person, "Name of b2");
    EXPECT_EQ(bc.only_setting, "e2");
    // Expected 5·1/10 = 0.5, ratio 2.
    EXPECT_DOUBLE_EQ(bc.ratio, 2.0);
}

TEST(FindWeakSpots, LargeSettingsDoNotJoinSectorsWhenTheyTieNobody) {
    const Network network = TestNetwork()
                                .member("a1", "A")
                                .member("a2", "A")
                                .member("b1", "B")
                                .event("big", "2018-01-10", {"a1", "a2", "b1"}, "gathering")
                                .event("small", "2018-02-10", {"a1", "a2"})
                                .build();
    AnalysisOptions options;
    options.ties.max_setting_size = 2;
    const Analysis analysis = analyse(network, options);
    const WeakSpots spots = find_weak_spots(network, analysis, options.ties);
    ASSERT_EQ(spots.sector_pairs.size(), 1u);
    EXPECT_EQ(spots.sector_pairs[0].ties, 0u);
    EXPECT_EQ(spots.sector_pairs[0].shared_settings, 0u);  // the gathering of 3 ties nobody
}

TEST(FindWeakSpots, CommunityReachAgreesWithTheCommunities) {
    // Two triangles of different sectors joined by one tie a3–b3.
    const Network network = TestNetwork()
                                .member("a1", "A")
                                .member("a2", "A")
                                .member("a3", "A")
                                .member("b1", "B")
                                .member("b2", "B")
                                .member("b3", "B")
                                .tie("a1", "a2")
                                .tie("a1", "a3")
                                .tie("a2", "a3")
                                .tie("b1", "b2")
                                .tie("b1", "b3")
                                .tie("b2", "b3")
                                .tie("a3", "b3")
                                .build();
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const WeakSpots spots = find_weak_spots(network, analysis, TieOptions{});
    ASSERT_EQ(analysis.communities.count, 2u);
    ASSERT_EQ(spots.communities.size(), 2u);
    for (const auto& community : spots.communities) {
        EXPECT_EQ(community.members, 3u);
        EXPECT_EQ(community.bridgeheads, 1u);  // a3 or b3
        EXPECT_DOUBLE_EQ(community.main_sector_share, 1.0);
        // Strength 2 + 2 + 3 = 7 of which 1 (a3–b3) goes outside.
        EXPECT_NEAR(community.outside_share, 1.0 / 7.0, 1e-12);
    }
    EXPECT_NE(spots.communities[0].main_sector, spots.communities[1].main_sector);
}

TEST(HeadlineFindings, TwoTrianglesJoinedByOneTie) {
    // As above: K_A = K_B = 7 tie ends, 7 ties. A makes 1 of its 7 tie ends to B (14%) against
    // 7/14 = 50% at random. E-I = (1 − 6)/7 = −0.71 against (9 − 6)/15 = 0.20 from sizes 3 and 3.
    // Everyone reaches the other sector within two steps, but only a3 (1 of 3) directly.
    // Without a3 (or b3), the two others of its sector lose every link: 2 members cut off.
    const Network network = TestNetwork()
                                .member("a1", "A")
                                .member("a2", "A")
                                .member("a3", "A")
                                .member("b1", "B")
                                .member("b2", "B")
                                .member("b3", "B")
                                .tie("a1", "a2")
                                .tie("a1", "a3")
                                .tie("a2", "a3")
                                .tie("b1", "b2")
                                .tie("b1", "b3")
                                .tie("b2", "b3")
                                .tie("a3", "b3")
                                .build();
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const WeakSpots spots = find_weak_spots(network, analysis, TieOptions{});
    const std::vector<Finding> findings = headline_findings(network, analysis, spots);
    ASSERT_EQ(findings.size(), 4u);
    EXPECT_EQ(findings[0].text,
              "Members of the A sector make 14% of their ties to B members, against 50% if sectors mixed at random.");
    EXPECT_EQ(findings[0].section, "mixing");
    EXPECT_EQ(findings[1].text, "Ties stay within sectors more than chance would: E-I index \u22120.71 against 0.20 "
                                "if ties ignored sectors.");
    EXPECT_EQ(findings[2].text,
              "Only 33% of A members have a tie of their own to someone in the B sector; through one contact, 100% do.");
    EXPECT_EQ(findings[2].section, "reach");
    EXPECT_EQ(findings[3].text, "If Name of a3 stepped back, 2 members would lose every link to the rest of the network.");
    EXPECT_EQ(findings[3].section, "bridge-builders");
}

TEST(HeadlineFindings, NoSectorFindingsWithOneSector) {
    const Network network =
        TestNetwork().member("a1", "A").member("a2", "A").member("a3", "A").tie("a1", "a2").tie("a2", "a3").build();
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const WeakSpots spots = find_weak_spots(network, analysis, TieOptions{});
    EXPECT_TRUE(spots.sector_pairs.empty());
    const std::vector<Finding> findings = headline_findings(network, analysis, spots);
    // No sector comparison, no cross-sector routes, and without a2 only one member is cut off
    // (too few to be a finding).
    EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace bridgemap::report
