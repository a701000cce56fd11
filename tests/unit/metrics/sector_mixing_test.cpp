#include <bridgemap/metrics/sector_mixing.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/random.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace bridgemap {
namespace {

constexpr SectorIndex k_a = 0;
constexpr SectorIndex k_b = 1;
constexpr SectorIndex k_c = 2;
constexpr SectorIndex k_unknown = k_unknown_sector;
constexpr double k_tolerance = 1e-12;

TieGraph graph_of(std::size_t members, const std::vector<std::pair<MemberIndex, MemberIndex>>& pairs) {
    std::vector<Tie> ties;
    ties.reserve(pairs.size());
    for (const auto& [a, b] : pairs) ties.push_back({a, b, 1.0, {}});
    return TieGraph::from_ties(members, std::move(ties));
}

Sectors sectors_of(std::vector<SectorIndex> of_member, std::size_t count) {
    Sectors sectors;
    sectors.of_member = std::move(of_member);
    for (std::size_t s = 0; s < count; ++s) sectors.names.push_back(std::string(1, static_cast<char>('a' + s)));
    return sectors;
}

// The example of both suites: A = {0, 1, 2}, B = {3, 4}, C = {5, 7}, 6 unknown, 7 isolated.
// Ties 0-1, 0-2, 1-2 (A-A), 2-3 (A-B), 3-4 (B-B), 4-5 (B-C), 0-5 (A-C), and 5-6, 6-3 with
// the unknown member.
TieGraph example_graph() {
    return graph_of(8, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}, {5, 6}, {3, 6}});
}
Sectors example_sectors() {
    return sectors_of({k_a, k_a, k_a, k_b, k_b, k_c, k_unknown, k_c}, 3);
}

TEST(MemberSectorScores, HandExample) {
    const auto scores = member_sector_scores(example_graph(), example_sectors());
    // 0 (A): contacts 1 A, 2 A, 5 C: I = 2, E = 1, E-I = (1 − 2)/3; Blau 1 − (2² + 1²)/3² = 4/9.
    EXPECT_NEAR(scores.ei_index[0], -1.0 / 3.0, k_tolerance);
    EXPECT_NEAR(scores.sector_diversity[0], 4.0 / 9.0, k_tolerance);
    EXPECT_EQ(scores.cross_sector_ties[0], 1u);
    // 1 (A): contacts 0 A, 2 A: E-I = −1, Blau 0.
    EXPECT_NEAR(scores.ei_index[1], -1.0, k_tolerance);
    EXPECT_NEAR(scores.sector_diversity[1], 0.0, k_tolerance);
    EXPECT_EQ(scores.cross_sector_ties[1], 0u);
    // 3 (B): contacts 2 A, 4 B, 6 unknown (left out): (1 − 1)/2 = 0; Blau 1 − 2/4 = 1/2.
    EXPECT_NEAR(scores.ei_index[3], 0.0, k_tolerance);
    EXPECT_NEAR(scores.sector_diversity[3], 0.5, k_tolerance);
    EXPECT_EQ(scores.cross_sector_ties[3], 1u);
    // 5 (C): contacts 4 B, 0 A, 6 unknown: E = 2, I = 0: E-I 1; Blau 1/2.
    EXPECT_NEAR(scores.ei_index[5], 1.0, k_tolerance);
    EXPECT_NEAR(scores.sector_diversity[5], 0.5, k_tolerance);
    EXPECT_EQ(scores.cross_sector_ties[5], 2u);
    // 6 (unknown): no E-I (E + I = 0) and no cross-sector ties, but the diversity of its
    // contacts (5 C, 3 B) is defined: 1/2.
    EXPECT_TRUE(std::isnan(scores.ei_index[6]));
    EXPECT_NEAR(scores.sector_diversity[6], 0.5, k_tolerance);
    EXPECT_EQ(scores.cross_sector_ties[6], 0u);
    // 7 (C), isolated: nothing defined.
    EXPECT_TRUE(std::isnan(scores.ei_index[7]));
    EXPECT_TRUE(std::isnan(scores.sector_diversity[7]));
    EXPECT_EQ(scores.cross_sector_ties[7], 0u);
}

TEST(MemberSectorScores, OnlyUnknownContacts) {
    // 0 (A) tied only to 1 (unknown): E + I = 0 and no known-sector contact.
    const auto scores = member_sector_scores(graph_of(2, {{0, 1}}), sectors_of({k_a, k_unknown}, 1));
    EXPECT_TRUE(std::isnan(scores.ei_index[0]));
    EXPECT_TRUE(std::isnan(scores.sector_diversity[0]));
    EXPECT_EQ(scores.cross_sector_ties[0], 0u);
    // 1 (unknown) has a known contact: diversity 1 − 1² = 0.
    EXPECT_NEAR(scores.sector_diversity[1], 0.0, k_tolerance);
}

TEST(MemberSectorScores, RejectsSectorsOfAnotherGraph) {
    EXPECT_THROW(member_sector_scores(graph_of(3, {{0, 1}}), sectors_of({k_a}, 1)), Error);
    EXPECT_THROW(member_sector_scores(graph_of(2, {{0, 1}}), sectors_of({k_a, k_b}, 1)), Error);
}

TEST(SectorMixing, HandExample) {
    const auto mixing = sector_mixing(example_graph(), example_sectors());
    EXPECT_EQ(mixing.members, (std::vector<std::uint64_t>{3, 2, 2}));
    EXPECT_EQ(mixing.unknown_members, 1u);
    // Known ties: the 7 not touching member 6; internal 0-1, 0-2, 1-2, 3-4 (4); external 3.
    EXPECT_EQ(mixing.known_ties, 7u);
    EXPECT_EQ(mixing.internal_ties, 4u);
    EXPECT_EQ(mixing.external_ties, 3u);
    EXPECT_NEAR(mixing.ei_index, (3.0 - 4.0) / 7.0, k_tolerance);
    // Group sizes 3, 2, 2: I_possible = 3 + 1 + 1 = 5, all pairs C(7,2) = 21, E_possible = 16:
    // (16 − 5)/21 = 11/21.
    EXPECT_NEAR(mixing.expected_ei_index, 11.0 / 21.0, k_tolerance);
    // K_A = 3 + 2 + 3 = 8, K_B = 2 + 2 = 4, K_C = 2 + 0 = 2 (2m = 14). Newman's r =
    // (4m·I − Σ K²)/(4m² − Σ K²) = (112 − 84)/(196 − 84) = 1/4. NetworkX 2.8.8
    // attribute_assortativity_coefficient on the known-sector subgraph: 0.24999999999999994.
    EXPECT_NEAR(mixing.assortativity, 0.25, k_tolerance);

    // Mixing (a ≤ b), m = 7: expected K_a K_b / 14 between sectors, K_a² / 28 within.
    ASSERT_EQ(mixing.pairs.size(), 6u);
    struct Row {
        SectorIndex a, b;
        std::uint64_t observed;
        double expected;
    };
    const Row rows[] = {{k_a, k_a, 3, 64.0 / 28.0}, {k_a, k_b, 1, 32.0 / 14.0}, {k_a, k_c, 1, 16.0 / 14.0},
                        {k_b, k_b, 1, 16.0 / 28.0}, {k_b, k_c, 1, 8.0 / 14.0},  {k_c, k_c, 0, 4.0 / 28.0}};
    double expected_sum = 0.0;
    for (std::size_t k = 0; k < 6; ++k) {
        const auto& pair = mixing.pairs[k];
        EXPECT_EQ(pair.a, rows[k].a);
        EXPECT_EQ(pair.b, rows[k].b);
        EXPECT_EQ(pair.observed, rows[k].observed);
        EXPECT_NEAR(pair.expected, rows[k].expected, k_tolerance);
        EXPECT_NEAR(pair.ratio, static_cast<double>(rows[k].observed) / rows[k].expected, k_tolerance);
        expected_sum += pair.expected;
    }
    // Σ expected = (Σ K)² / (4m) = m.
    EXPECT_NEAR(expected_sum, 7.0, k_tolerance);

    // Reach, by hand (paths may pass through the unknown member 6):
    //   within one: 0 → {A, C}, 1 → {A}, 2 → {A, B}; 3 → {A, B}, 4 → {B, C}; 5 → {A, B}, 7 → {}.
    //   within two: every A and B member reaches A, B and C. Member 5 reaches A and B but
    //   not C: the only C member within two hops is 5 itself (5-4-5), which never counts.
    ASSERT_EQ(mixing.reach.size(), 9u);
    const double one[3][3] = {{3.0 / 3, 1.0 / 3, 1.0 / 3}, {1.0 / 2, 2.0 / 2, 1.0 / 2}, {1.0 / 2, 1.0 / 2, 0.0}};
    const double two[3][3] = {{1.0, 1.0, 1.0}, {1.0, 1.0, 1.0}, {1.0 / 2, 1.0 / 2, 0.0}};
    for (std::size_t s = 0; s < 3; ++s) {
        for (std::size_t t = 0; t < 3; ++t) {
            const auto& reach = mixing.reach[s * 3 + t];
            EXPECT_EQ(reach.from, s);
            EXPECT_EQ(reach.to, t);
            EXPECT_NEAR(reach.within_one, one[s][t], k_tolerance) << s << "→" << t;
            EXPECT_NEAR(reach.within_two, two[s][t], k_tolerance) << s << "→" << t;
        }
    }
}

TEST(SectorMixing, ReachNeverCountsTheMemberItself) {
    // Path 0 (A) – 1 (B) – 2 (A): each A member reaches the other A member in two hops.
    const auto path = sector_mixing(graph_of(3, {{0, 1}, {1, 2}}), sectors_of({k_a, k_b, k_a}, 2));
    EXPECT_NEAR(path.reach[0].within_one, 0.0, k_tolerance);  // A → A
    EXPECT_NEAR(path.reach[0].within_two, 1.0, k_tolerance);
    // B → B: member 1's two-hop walks 1-0-1 and 1-2-1 return to itself only.
    EXPECT_NEAR(path.reach[3].within_two, 0.0, k_tolerance);
    // Only 0 (A) – 1 (B): A → A in two hops would be 0-1-0, itself: 0.
    const auto pair = sector_mixing(graph_of(2, {{0, 1}}), sectors_of({k_a, k_b}, 2));
    EXPECT_NEAR(pair.reach[0].within_two, 0.0, k_tolerance);
    EXPECT_NEAR(pair.reach[1].within_one, 1.0, k_tolerance);  // A → B
}

TEST(SectorMixing, AssortativityExtremes) {
    // Ties only within sectors (two sectors): perfectly assortative. m = 2, I = 2, K = 2, 2:
    // (4·2·2 − 8)/(4·4 − 8) = 1 (NetworkX 1.0).
    const auto assortative = sector_mixing(graph_of(4, {{0, 1}, {2, 3}}), sectors_of({k_a, k_a, k_b, k_b}, 2));
    EXPECT_NEAR(assortative.assortativity, 1.0, k_tolerance);
    EXPECT_NEAR(assortative.ei_index, -1.0, k_tolerance);
    // Complete bipartite A = {0, 1}, B = {2, 3}: I = 0, K = 4, 4, m = 4: (0 − 32)/(64 − 32) = −1.
    const auto disassortative =
        sector_mixing(graph_of(4, {{0, 2}, {0, 3}, {1, 2}, {1, 3}}), sectors_of({k_a, k_a, k_b, k_b}, 2));
    EXPECT_NEAR(disassortative.assortativity, -1.0, k_tolerance);
    EXPECT_NEAR(disassortative.ei_index, 1.0, k_tolerance);
    // One sector with ties: 4m² − (2m)² = 0, undefined (NetworkX nan).
    const auto one_sector = sector_mixing(graph_of(3, {{0, 1}, {1, 2}}), sectors_of({k_a, k_a, k_a}, 1));
    EXPECT_TRUE(std::isnan(one_sector.assortativity));
    // No tie between known sectors: undefined here (NetworkX returns 0.0 from an empty
    // mixing matrix).
    const auto no_ties = sector_mixing(graph_of(3, {{0, 2}}), sectors_of({k_a, k_b, k_unknown}, 2));
    EXPECT_TRUE(std::isnan(no_ties.assortativity));
    EXPECT_TRUE(std::isnan(no_ties.ei_index));
    EXPECT_EQ(no_ties.known_ties, 0u);
    for (const auto& pair : no_ties.pairs) {
        EXPECT_EQ(pair.expected, 0.0);
        EXPECT_TRUE(std::isnan(pair.ratio));
    }
}

TEST(SectorMixing, NoKnownSector) {
    const auto mixing = sector_mixing(graph_of(3, {{0, 1}, {1, 2}}), sectors_of({k_unknown, k_unknown, k_unknown}, 0));
    EXPECT_TRUE(mixing.members.empty());
    EXPECT_EQ(mixing.unknown_members, 3u);
    EXPECT_EQ(mixing.known_ties, 0u);
    EXPECT_EQ(mixing.external_ties, 0u);
    EXPECT_EQ(mixing.internal_ties, 0u);
    EXPECT_TRUE(std::isnan(mixing.ei_index));
    EXPECT_TRUE(std::isnan(mixing.expected_ei_index));
    EXPECT_TRUE(std::isnan(mixing.assortativity));
    EXPECT_TRUE(mixing.pairs.empty());
    EXPECT_TRUE(mixing.reach.empty());
    // Empty graph.
    const auto empty = sector_mixing(TieGraph::from_ties(0, {}), sectors_of({}, 0));
    EXPECT_TRUE(std::isnan(empty.expected_ei_index));
    EXPECT_TRUE(empty.reach.empty());
}

TEST(SectorMixing, ReachMatchesBruteForceOnRandomGraphs) {
    // Many sectors (more than 64, so sector sets span several words) and sparse ties.
    Random random(2718);
    for (int round = 0; round < 100; ++round) {
        const auto members = static_cast<std::size_t>(random.between(1, 60));
        const std::size_t sector_count = round % 2 == 0 ? 3 : 70;
        std::vector<Tie> ties;
        const auto count = random.between(0, static_cast<std::int64_t>(2 * members));
        for (std::int64_t k = 0; k < count; ++k) {
            ties.push_back({static_cast<MemberIndex>(random.below(members)),
                            static_cast<MemberIndex>(random.below(members)),
                            1.0,
                            {}});
        }
        const TieGraph graph = TieGraph::from_ties(members, std::move(ties));
        std::vector<SectorIndex> of(members);
        for (auto& sector : of) {
            sector = random.chance(0.2) ? k_unknown : static_cast<SectorIndex>(random.below(sector_count));
        }
        const Sectors sectors = sectors_of(of, sector_count);
        const auto mixing = sector_mixing(graph, sectors);

        std::vector<double> one(sector_count * sector_count, 0.0);
        std::vector<double> two(sector_count * sector_count, 0.0);
        std::vector<double> size(sector_count, 0.0);
        for (std::size_t i = 0; i < members; ++i) {
            if (of[i] == k_unknown) continue;
            size[of[i]] += 1.0;
            std::set<SectorIndex> near;
            std::set<SectorIndex> far;
            for (const MemberIndex j : graph.neighbours(static_cast<MemberIndex>(i))) {
                if (of[j] != k_unknown) near.insert(of[j]);
                if (of[j] != k_unknown) far.insert(of[j]);
                for (const MemberIndex k : graph.neighbours(j)) {
                    if (k != i && of[k] != k_unknown) far.insert(of[k]);
                }
            }
            for (const SectorIndex t : near) one[of[i] * sector_count + t] += 1.0;
            for (const SectorIndex t : far) two[of[i] * sector_count + t] += 1.0;
        }
        ASSERT_EQ(mixing.reach.size(), sector_count * sector_count);
        for (std::size_t k = 0; k < mixing.reach.size(); ++k) {
            const double members_of = size[k / sector_count];
            if (members_of == 0.0) {
                EXPECT_TRUE(std::isnan(mixing.reach[k].within_one));
                continue;
            }
            EXPECT_NEAR(mixing.reach[k].within_one, one[k] / members_of, k_tolerance) << "round " << round;
            EXPECT_NEAR(mixing.reach[k].within_two, two[k] / members_of, k_tolerance) << "round " << round;
        }
        // Mixing expectations always add up to m.
        double expected_sum = 0.0;
        std::uint64_t observed_sum = 0;
        for (const auto& pair : mixing.pairs) {
            expected_sum += pair.expected;
            observed_sum += pair.observed;
        }
        EXPECT_EQ(observed_sum, mixing.known_ties);
        EXPECT_NEAR(expected_sum, static_cast<double>(mixing.known_ties), 1e-9);
    }
}

}  // namespace
}  // namespace bridgemap
