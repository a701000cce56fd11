#include <bridgemap/metrics/structural_holes.hpp>

#include <bridgemap/random.hpp>

#include "support/igraph_graph.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <tuple>
#include <vector>

namespace bridgemap {
namespace {

constexpr double k_tolerance = 1e-12;

TieGraph weighted_graph(std::size_t members, const std::vector<std::tuple<MemberIndex, MemberIndex, double>>& ties) {
    std::vector<Tie> list;
    list.reserve(ties.size());
    for (const auto& [a, b, w] : ties) list.push_back({a, b, w, {}});
    return TieGraph::from_ties(members, std::move(list));
}

TieGraph unweighted_graph(std::size_t members, const std::vector<std::pair<MemberIndex, MemberIndex>>& pairs) {
    std::vector<Tie> list;
    list.reserve(pairs.size());
    for (const auto& [a, b] : pairs) list.push_back({a, b, 1.0, {}});
    return TieGraph::from_ties(members, std::move(list));
}

/// Random event projections: random cliques with random weights, plus random ties.
TieGraph random_graph(Random& random, std::size_t min_members, std::size_t max_members, std::size_t max_events) {
    const auto members = static_cast<std::size_t>(
        random.between(static_cast<std::int64_t>(min_members), static_cast<std::int64_t>(max_members)));
    std::vector<Tie> ties;
    if (members >= 2) {
        const auto events = random.between(0, static_cast<std::int64_t>(max_events));
        for (std::int64_t e = 0; e < events; ++e) {
            const auto size = static_cast<std::size_t>(random.between(2, 12));
            std::vector<MemberIndex> attendees;
            for (std::size_t k = 0; k < size; ++k) attendees.push_back(static_cast<MemberIndex>(random.below(members)));
            const double weight = 1.0 / static_cast<double>(size - 1);
            for (std::size_t a = 0; a < attendees.size(); ++a) {
                for (std::size_t b = a + 1; b < attendees.size(); ++b)
                    ties.push_back({attendees[a], attendees[b], weight, {}});
            }
        }
        const auto extra = random.between(0, static_cast<std::int64_t>(members));
        for (std::int64_t k = 0; k < extra; ++k) {
            ties.push_back({static_cast<MemberIndex>(random.below(members)),
                            static_cast<MemberIndex>(random.below(members)),
                            0.25 + 3.0 * random.uniform(),
                            {}});
        }
    }
    return TieGraph::from_ties(members, std::move(ties));
}

TEST(StructuralHoles, TriangleWithEqualWeights) {
    // p = 1/2 everywhere. For i and each of its two contacts j:
    // p_ij + p_iq p_qj = 1/2 + 1/2 · 1/2 = 3/4, squared 9/16; two contacts: 9/8 = 1.125.
    const auto holes = structural_holes(unweighted_graph(3, {{0, 1}, {0, 2}, {1, 2}}), {});
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(holes.constraint[i], 1.125, k_tolerance);
        // Each contact j: 1 − p_iq m_jq = 1 − 1/2 · 1 = 1/2; two contacts: 1.
        EXPECT_NEAR(holes.effective_size[i], 1.0, k_tolerance);
        EXPECT_NEAR(holes.efficiency[i], 0.5, k_tolerance);  // 1 / degree 2
        // Both terms equal 9/16 = c̄, so every (c/c̄) ln(c/c̄) is 0.
        EXPECT_NEAR(holes.hierarchy[i], 0.0, k_tolerance);
    }
}

TEST(StructuralHoles, Star) {
    // Centre 0 with k = 4 leaves that are not tied to each other: p_0j = 1/4 and no
    // indirect term, so constraint = 4 · (1/4)² = 1/k = 0.25; no redundancy, so effective
    // size = 4, efficiency 1; equal terms, hierarchy 0.
    const auto holes = structural_holes(unweighted_graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}), {});
    EXPECT_NEAR(holes.constraint[0], 0.25, k_tolerance);
    EXPECT_NEAR(holes.effective_size[0], 4.0, k_tolerance);
    EXPECT_NEAR(holes.efficiency[0], 1.0, k_tolerance);
    EXPECT_NEAR(holes.hierarchy[0], 0.0, k_tolerance);
    for (std::size_t leaf = 1; leaf <= 4; ++leaf) {
        // A leaf puts everything into the centre: (p_j0 + 0)² = 1; effective size 1 − 0 = 1.
        EXPECT_NEAR(holes.constraint[leaf], 1.0, k_tolerance);
        EXPECT_NEAR(holes.effective_size[leaf], 1.0, k_tolerance);
        EXPECT_NEAR(holes.efficiency[leaf], 1.0, k_tolerance);
        // Degree 1: N ln N = 0, hierarchy not defined.
        EXPECT_TRUE(std::isnan(holes.hierarchy[leaf]));
    }
}

TEST(StructuralHoles, TwoCliquesSharingOneMember) {
    // Two 4-cliques {0,1,2,3} and {3,4,5,6}; member 3 is in both (degree 6).
    const auto holes = structural_holes(
        unweighted_graph(
            7, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {3, 5}, {3, 6}, {4, 5}, {4, 6}, {5, 6}}),
        {});
    // Member 3, p = 1/6; contact 0: indirect through 1 and 2, each p_3q p_q0 = 1/6 · 1/3,
    // so 1/6 + 2/18 = 5/18, squared 25/324; six alike: 150/324 = 25/54 (NetworkX
    // 0.462962962962963).
    EXPECT_NEAR(holes.constraint[3], 25.0 / 54.0, k_tolerance);
    // Borgatti: n − 2t/n = 6 − 2·6/6 = 4 (each contact is tied to 2 of the other 5).
    EXPECT_NEAR(holes.effective_size[3], 4.0, k_tolerance);
    EXPECT_NEAR(holes.efficiency[3], 4.0 / 6.0, k_tolerance);
    EXPECT_NEAR(holes.hierarchy[3], 0.0, k_tolerance);
    // Member 0, p = 1/3: contact 1 via 2 (1/3 · 1/3) and via 3 (1/3 · 1/6): 1/3 + 1/6 = 1/2,
    // squared 1/4; contact 2 likewise 1/4; contact 3 via 1 and 2 (1/3 · 1/3 each):
    // 1/3 + 2/9 = 5/9, squared 25/81. Sum 131/162 (NetworkX 0.808641975308642).
    for (const std::size_t member : {0, 1, 2, 4, 5, 6}) {
        EXPECT_NEAR(holes.constraint[member], 131.0 / 162.0, k_tolerance) << member;
        // n − 2t/n = 3 − 2·3/3 = 1.
        EXPECT_NEAR(holes.effective_size[member], 1.0, k_tolerance) << member;
        EXPECT_NEAR(holes.efficiency[member], 1.0 / 3.0, k_tolerance) << member;
    }
    // Hierarchy of 0: terms 1/4, 1/4, 25/81, c̄ = 131/486, ratios 486/524, 486/524, 150/131:
    // (2 · 0.927481 ln 0.927481 + 1.145038 ln 1.145038) / (3 ln 3) = 0.00468301163247305.
    EXPECT_NEAR(holes.hierarchy[0], 0.0046830116324730504, 1e-12);
}

TEST(StructuralHoles, WeightsChangeConstraint) {
    // Triangle with w01 = 2, w02 = w12 = 1: s0 = s1 = 3, s2 = 2.
    const auto holes = structural_holes(weighted_graph(3, {{0, 1, 2.0}, {0, 2, 1.0}, {1, 2, 1.0}}), {});
    // Member 0: contact 1: 2/3 + p02 p21 = 2/3 + 1/3 · 1/2 = 5/6 → 25/36; contact 2:
    // 1/3 + p01 p12 = 1/3 + 2/3 · 1/3 = 5/9 → 25/81. Sum 325/324 (NetworkX 1.0030864197530862),
    // not the 1.125 of equal weights.
    EXPECT_NEAR(holes.constraint[0], 325.0 / 324.0, k_tolerance);
    EXPECT_NEAR(holes.constraint[1], 325.0 / 324.0, k_tolerance);
    // Member 2: each contact 1/2 + 1/2 · 2/3 = 5/6 → 25/36, twice: 50/36 (NetworkX 1.3888888888888886).
    EXPECT_NEAR(holes.constraint[2], 50.0 / 36.0, k_tolerance);
    // Effective size of 0: contact 1: 1 − p02 m_12 with m_12 = w12 / max(w10, w12) = 1/2:
    // 1 − 1/6 = 5/6; contact 2: 1 − p01 m_21 with m_21 = 1/1: 1 − 2/3 = 1/3. Sum 7/6.
    EXPECT_NEAR(holes.effective_size[0], 7.0 / 6.0, k_tolerance);
    // Member 2: 1 − p21 m_01 = 1 − 1/2 · 2/2 = 1/2, twice: 1.
    EXPECT_NEAR(holes.effective_size[2], 1.0, k_tolerance);
    // Hierarchy of 0: ratios 18/13 and 8/13 → (18/13 ln 18/13 + 8/13 ln 8/13) / (2 ln 2).
    EXPECT_NEAR(holes.hierarchy[0], 0.10950835978050867, 1e-12);
    EXPECT_NEAR(holes.hierarchy[2], 0.0, k_tolerance);
}

TEST(StructuralHoles, MatchesNetworkXOnAWeightedGraph) {
    // Expected values from NetworkX 2.8.8:
    //   import networkx as nx
    //   G = nx.Graph(); G.add_weighted_edges_from(EDGES); G.add_node(8)
    //   nx.constraint(G, weight="weight"); nx.effective_size(G, weight="weight")
    const std::vector<std::tuple<MemberIndex, MemberIndex, double>> edges = {
        {0, 1, 0.5}, {0, 2, 1.5},  {0, 3, 2.0}, {1, 2, 1.0}, {1, 4, 0.25}, {2, 3, 3.0},
        {2, 4, 1.0}, {3, 5, 0.75}, {4, 5, 2.5}, {5, 6, 1.0}, {6, 7, 0.5},  {0, 6, 1.25}};
    const auto holes = structural_holes(weighted_graph(9, edges), {});
    const double constraint[] = {0.6294557766655361, 0.7053267691168565,  0.55688764026619,  0.6220377391569148,
                                 0.5489218961746434, 0.43252595155709345, 0.371900826446281, 1.0};
    const double effective_size[] = {3.015873015873016,
                                     2.1523809523809523,
                                     3.176923076923077,
                                     2.4347826086956523,
                                     2.7111111111111112,
                                     3.0,
                                     3.0,
                                     1.0};
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_NEAR(holes.constraint[i], constraint[i], k_tolerance) << i;
        EXPECT_NEAR(holes.effective_size[i], effective_size[i], k_tolerance) << i;
    }
    // Member 8 is an isolate: NetworkX gives nan for both.
    EXPECT_TRUE(std::isnan(holes.constraint[8]));
    EXPECT_TRUE(std::isnan(holes.effective_size[8]));
}

TEST(StructuralHoles, IsolatesAndEmptyGraph) {
    const auto empty = structural_holes(TieGraph::from_ties(0, {}), {});
    EXPECT_TRUE(empty.constraint.empty());
    EXPECT_TRUE(empty.hierarchy.empty());
    // Member 2 has no tie; members 0 and 1 only each other: constraint (1)² = 1, effective
    // size 1, hierarchy not defined (degree 1).
    const auto holes = structural_holes(unweighted_graph(3, {{0, 1}}), {});
    EXPECT_TRUE(std::isnan(holes.constraint[2]));
    EXPECT_TRUE(std::isnan(holes.effective_size[2]));
    EXPECT_TRUE(std::isnan(holes.efficiency[2]));
    EXPECT_TRUE(std::isnan(holes.hierarchy[2]));
    EXPECT_NEAR(holes.constraint[0], 1.0, k_tolerance);
    EXPECT_NEAR(holes.effective_size[0], 1.0, k_tolerance);
    EXPECT_TRUE(std::isnan(holes.hierarchy[0]));
}

TEST(StructuralHoles, MatchesIgraphAndInvariantsOnRandomGraphs) {
    // igraph_constraint computes Burt's constraint with a_ij + a_ji as the tie strength,
    // which on an undirected graph is NetworkX's mutual weight.
    Random random(4242);
    for (int round = 0; round < 200; ++round) {
        const TieGraph graph = random_graph(random, 0, 30, 6);
        const auto holes = structural_holes(graph, {});
        const testing::IgraphGraph igraph(graph);
        graph::IgraphRealVector expected;
        graph::check(igraph_constraint(igraph.get(), expected.get(), igraph_vss_all(), igraph.weights()), "constraint");
        const auto reference = expected.values();
        for (std::size_t i = 0; i < graph.member_count(); ++i) {
            const auto member = static_cast<MemberIndex>(i);
            const std::size_t degree = graph.degree(member);
            if (degree == 0) {
                EXPECT_TRUE(std::isnan(holes.constraint[i]));
                EXPECT_TRUE(std::isnan(holes.effective_size[i]));
                continue;
            }
            EXPECT_NEAR(holes.constraint[i], reference[i], 1e-12 * std::max(1.0, reference[i]))
                << "round " << round << " member " << i;
            EXPECT_GT(holes.constraint[i], 0.0);
            // Burt: constraint is at most (1 + ...)², at least Σ p_ij² ≥ 1/degree.
            EXPECT_GE(holes.constraint[i], 1.0 / static_cast<double>(degree) - 1e-12);
            // Redundancy is never negative and never above 1 per contact: 0 < esize ≤ degree.
            EXPECT_LE(holes.effective_size[i], static_cast<double>(degree) + 1e-12);
            EXPECT_GE(holes.effective_size[i], 1.0 - 1e-12);
            EXPECT_LE(holes.efficiency[i], 1.0 + 1e-12);
            if (degree >= 2) {
                EXPECT_GE(holes.hierarchy[i], -1e-12);
                EXPECT_LE(holes.hierarchy[i], 1.0 + 1e-12);
            } else {
                EXPECT_TRUE(std::isnan(holes.hierarchy[i]));
            }
        }
    }
}

bool same_bits(const MemberScores& a, const MemberScores& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
    }
    return true;
}

TEST(StructuralHoles, SameBitsWithAnyThreadCount) {
    Random random(99);
    const TieGraph graph = random_graph(random, 700, 900, 400);
    const auto one = structural_holes(graph, {.threads = 1});
    const auto three = structural_holes(graph, {.threads = 3});
    EXPECT_TRUE(same_bits(one.constraint, three.constraint));
    EXPECT_TRUE(same_bits(one.effective_size, three.effective_size));
    EXPECT_TRUE(same_bits(one.efficiency, three.efficiency));
    EXPECT_TRUE(same_bits(one.hierarchy, three.hierarchy));
}

}  // namespace
}  // namespace bridgemap
