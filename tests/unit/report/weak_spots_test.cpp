#include <bridgemap/report/weak_spots.hpp>

#include "report/weak_spots_phases.hpp"
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

/// Sectors A = {a1, a2}, B = {b1, b2}, C = {c1}; workshop e1 = {a1, a2, b1}, recorded tie
/// b1–b2, dinner e2 = {b2, c1}.
Network three_sectors() {
    return TestNetwork()
        .member("a1", "A")
        .member("a2", "A")
        .member("b1", "B")
        .member("b2", "B")
        .member("c1", "C")
        .event("e1", "2018-01-10", {"a1", "a2", "b1"})
        .event("e2", "2018-02-10", {"b2", "c1"}, "dinner")
        .tie("b1", "b2")
        .build();
}

TEST(FindWeakSpots, SectorPairsByHand) {
    // Workshop e1 ties a1, a2 and b1 (weight 1/2 each); b1–b2 is a recorded tie; dinner e2 ties
    // b2 and c1. So A–B rests on b1 and on e1 alone, B–C on b2 and e2, and A–C has no tie and no
    // shared setting.
    const Network network = three_sectors();
    const TieOptions ties;
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const WeakSpots spots = find_weak_spots(network, analysis, ties);
    ASSERT_EQ(spots.sector_pairs.size(), 3u);  // A–B, A–C, B–C

    const SectorPairLink& ab = link_between(spots, 0, 1);
    EXPECT_EQ(ab.ties, 2u);                // a1–b1, a2–b1
    EXPECT_EQ(ab.a_members_with_tie, 2u);  // a1 and a2
    EXPECT_EQ(ab.b_members_with_tie, 1u);  // b1 only
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

TEST(WeakSpotPhases, SectorCarriersCountMembersWithATieAcross) {
    const Network network = three_sectors();
    const TieGraph graph = project_ties(network, TieOptions{});
    const detail::SectorCarriers carriers = detail::sector_carriers(graph, member_sectors(network));
    EXPECT_EQ(carriers.with_tie[0][1], 2u);  // a1 and a2 reach B
    EXPECT_EQ(carriers.with_tie[1][0], 1u);  // only b1 reaches A
    EXPECT_EQ(carriers.carrier[1][0], 2u);   // b1
    EXPECT_EQ(carriers.with_tie[1][2], 1u);  // b2 reaches C
    EXPECT_EQ(carriers.carrier[2][1], 4u);   // c1 reaches B
    EXPECT_EQ(carriers.with_tie[0][2], 0u);
    EXPECT_EQ(carriers.carrier[0][2], k_none);
    EXPECT_EQ(carriers.with_tie[0][0], 0u);  // a tie inside a sector is not across
}

TEST(WeakSpotPhases, JoiningSettingsCountOnlySettingsThatTie) {
    const Network network = three_sectors();
    const Sectors sectors = member_sectors(network);
    const detail::JoiningSettings joining = detail::joining_settings(network, sectors, TieOptions{});
    EXPECT_EQ(joining.count[0][1], 1u);
    EXPECT_EQ(joining.first[0][1], "e1");
    EXPECT_EQ(joining.count[1][2], 1u);  // e2; the recorded tie b1–b2 is inside B
    EXPECT_EQ(joining.first[1][2], "e2");
    EXPECT_EQ(joining.count[0][2], 0u);

    TieOptions no_events;
    no_events.weights.events = 0;  // events tie nobody: nothing joins any pair
    const detail::JoiningSettings none = detail::joining_settings(network, sectors, no_events);
    EXPECT_EQ(none.count[0][1], 0u);
    EXPECT_EQ(none.count[1][2], 0u);
}

TEST(WeakSpotPhases, CommunityReachByHand) {
    // Communities given by hand: 1 = {a1, a2, b1}, 2 = {b2, c1}. Tie weights: e1's pairs 1/2
    // each, b1–b2 1, b2–c1 1. Community 1: strength 1 + 1 + 2 = 4, of which b1–b2's 1 leaves,
    // so 1/4 goes outside; bridgehead b1; main sector A with 2 of 3. Community 2: strength
    // 2 + 1 = 3, 1 outside; bridgehead b2; B and C tie at one each, the first (B) is named.
    const Network network = three_sectors();
    const TieGraph graph = project_ties(network, TieOptions{});
    Communities communities;
    communities.of_member = {1, 1, 1, 2, 2};
    communities.count = 2;
    communities.sizes = {3, 2};
    const auto reach = detail::community_reach(graph, member_sectors(network), communities);
    ASSERT_EQ(reach.size(), 2u);
    // One bridgehead in 3 members before one in 2.
    EXPECT_EQ(reach[0].community, 1u);
    EXPECT_EQ(reach[0].members, 3u);
    EXPECT_EQ(reach[0].bridgeheads, 1u);
    EXPECT_EQ(reach[0].main_sector, "A");
    EXPECT_DOUBLE_EQ(reach[0].main_sector_share, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(reach[0].outside_share, 0.25);
    EXPECT_EQ(reach[1].community, 2u);
    EXPECT_EQ(reach[1].main_sector, "B");
    EXPECT_DOUBLE_EQ(reach[1].main_sector_share, 0.5);
    EXPECT_NEAR(reach[1].outside_share, 1.0 / 3.0, 1e-12);
}

TEST(WeakSpotPhases, SectorPairLinksAreSortedWeakestFirstAndNameWhatTheyRestOn) {
    const Network network = three_sectors();
    const Sectors sectors = member_sectors(network);
    const TieGraph graph = project_ties(network, TieOptions{});
    const auto links =
        detail::sector_pair_links(network, sector_mixing(graph, sectors), detail::sector_carriers(graph, sectors),
                                  detail::joining_settings(network, sectors, TieOptions{}));
    ASSERT_EQ(links.size(), 3u);
    // Ratios (SectorPairsByHand): A–C 0, A–B 1, B–C 2.
    EXPECT_EQ(links[0].a, 0u);
    EXPECT_EQ(links[0].b, 2u);
    EXPECT_EQ(links[0].only_person, "");  // no tie: nobody carries it
    EXPECT_EQ(links[1].only_person, "Name of b1");
    EXPECT_EQ(links[1].only_setting, "e1");
    EXPECT_DOUBLE_EQ(links[2].ratio, 2.0);
    EXPECT_EQ(links[2].only_person, "Name of b2");  // a side with one carrier: B's (checked first)
}

TEST(HeadlineFindings, TwoTrianglesJoinedByOneTie) {
    // As above: K_A = K_B = 7 tie ends, 7 ties; E-I = (1 − 6)/7 = −0.71 against (9 − 6)/15 =
    // 0.20 from sizes 3 and 3. Sectors of three members are too small for a headline about a
    // pair or about reach (k_headline_min_members = 10), so only the E-I and who holds the
    // network together are said: without a3 (or b3), the two others of its sector lose every
    // link, 2 members cut off.
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
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].text,
              "Ties stay within sectors more than chance would: E-I index \u22120.71 against 0.20 "
              "if ties ignored sectors.");
    EXPECT_EQ(findings[1].text,
              "If Name of a3 stepped back, 2 members would lose every link to the rest of the network.");
    EXPECT_EQ(findings[1].section, "bridge-builders");
}

/// Two sectors of ten members, each sector a clique; `complete` ties every pair across too,
/// else only a10–b10 joins them.
Network two_sectors_of_ten(bool complete) {
    TestNetwork network;
    for (int k = 1; k <= 10; ++k) network.member("a" + std::to_string(k), "A");
    for (int k = 1; k <= 10; ++k) network.member("b" + std::to_string(k), "B");
    std::vector<std::string> ids;
    for (int k = 1; k <= 10; ++k) ids.push_back("a" + std::to_string(k));
    for (int k = 1; k <= 10; ++k) ids.push_back("b" + std::to_string(k));
    for (std::size_t x = 0; x < ids.size(); ++x) {
        for (std::size_t y = x + 1; y < ids.size(); ++y) {
            const bool same = ids[x][0] == ids[y][0];
            if (same || complete) network.tie(ids[x], ids[y]);
        }
    }
    if (!complete) network.tie("a10", "b10");
    return network.build();
}

TEST(HeadlineFindings, APairStandsOutOnlyWithTenMembersEachAndARatioOutside08To125) {
    // Two cliques of ten joined by a10–b10: 45 + 45 ties within, 1 across, m = 91,
    // K_A = K_B = 91, expected A–B = 91·91/(2·91) = 45.5, ratio 1/45.5 = 0.02 < 0.8.
    // A makes 1 of its 91 tie ends to B (1.1%) against 91/182 = 50%.
    // E-I = (1 − 90)/91 = −0.98 against (100 − 90)/190 = 0.05. Reach: everyone in two steps
    // (through a10, b10), directly 1 of 10 = 10%. a10 is the only link for 9 members.
    const Network network = two_sectors_of_ten(false);
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const WeakSpots spots = find_weak_spots(network, analysis, TieOptions{});
    const std::vector<Finding> findings = headline_findings(network, analysis, spots);
    ASSERT_EQ(findings.size(), 4u);
    EXPECT_EQ(findings[0].text,
              "Members of the A sector make 1.1% of their ties to B members, against 50% if sectors "
              "mixed at random (0.02 times the ties chance would give).");
    EXPECT_EQ(findings[0].section, "mixing");
    EXPECT_EQ(findings[1].text,
              "Ties stay within sectors more than chance would: E-I index \u22120.98 against 0.05 "
              "if ties ignored sectors.");
    EXPECT_EQ(
        findings[2].text,
        "Only 10% of A members have a tie of their own to someone in the B sector; through one contact, 100% do.");
    EXPECT_EQ(findings[2].section, "reach");
    EXPECT_EQ(findings[3].text,
              "If Name of a10 stepped back, 9 members would lose every link to the rest of the network.");

    // Everyone tied to everyone: A–B has 100 ties against 190·190/380 = 95 expected (1.05), inside
    // 0.8–1.25, so no pair stands out; E-I (100 − 90)/190 = 0.05 equals its baseline; everyone
    // reaches everyone; nobody carries a route nobody else does.
    const Network complete = two_sectors_of_ten(true);
    const Analysis even = analyse(complete, AnalysisOptions{});
    const std::vector<Finding> said = headline_findings(complete, even, find_weak_spots(complete, even, TieOptions{}));
    ASSERT_EQ(said.size(), 2u);
    EXPECT_EQ(said[0].text,
              "No pair of sectors stands out: every pair with at least 10 members on each side has "
              "between 0.8 and 1.25 times the ties expected if sectors mixed at random.");
    EXPECT_EQ(said[1].text,
              "Ties cross sectors about as often as chance would: E-I index 0.05 against 0.05 if ties "
              "ignored sectors.");
}

/// Bridge-builder rankings list members of known sector; the others are counted apart.
TEST(HeadlineFindings, UnknownSectorMembersAreNotRankedAsBridgeBuilders) {
    // u (unknown sector) is the only route between the two sectors; p and v also carry routes.
    const Network network = TestNetwork()
                                .member("a", "A")
                                .member("p", "A")
                                .member("u")
                                .member("v", "B")
                                .member("b", "B")
                                .tie("a", "p")
                                .tie("p", "u")
                                .tie("u", "v")
                                .tie("v", "b")
                                .build();
    const Analysis analysis = analyse(network, AnalysisOptions{});
    const MemberIndex u = network.find_member("u");
    ASSERT_GT(analysis.paths.bridging[u], analysis.paths.bridging[network.find_member("p")]);
    const BridgeBuilders builders = rank_bridge_builders(analysis, 0);
    EXPECT_EQ(builders.unknown_left_out, 1u);
    EXPECT_EQ(builders.ranked, (std::vector<MemberIndex>{network.find_member("p"), network.find_member("v")}));
    EXPECT_EQ(rank_bridge_builders(analysis, 1).ranked.size(), 1u);
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
