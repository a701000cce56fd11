#include <bridgemap/metrics/brokerage.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/random.hpp>

#include <gtest/gtest.h>

#include <ostream>
#include <vector>

namespace bridgemap {
namespace {

constexpr SectorIndex k_a = 0;
constexpr SectorIndex k_b = 1;
constexpr SectorIndex k_c = 2;
constexpr SectorIndex k_unknown = k_unknown_sector;

TieGraph graph_of(std::size_t members, const std::vector<std::pair<MemberIndex, MemberIndex>>& pairs) {
    std::vector<Tie> ties;
    ties.reserve(pairs.size());
    for (const auto& [a, b] : pairs) ties.push_back({a, b, 1.0, {}});
    return TieGraph::from_ties(members, std::move(ties));
}

struct Counts {
    std::uint64_t coordinator, consultant, representative, liaison;
    bool operator==(const Counts&) const = default;
};

Counts at(const BrokerageRoles& roles, std::size_t member) {
    return {roles.coordinator[member], roles.consultant[member], roles.representative[member], roles.liaison[member]};
}

std::ostream& operator<<(std::ostream& out, const Counts& c) {
    return out << "{" << c.coordinator << ", " << c.consultant << ", " << c.representative << ", " << c.liaison << "}";
}

TEST(BrokerageRoles, StarWithEveryRole) {
    // Centre 0 (A) tied to 1 (A), 2 (A), 3 (B), 4 (B), 5 (C) and 6 (unknown); no other tie,
    // so every pair of known-sector contacts is open: C(5,2) = 10 pairs.
    const TieGraph graph = graph_of(7, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}});
    const std::vector<SectorIndex> sectors = {k_a, k_a, k_a, k_b, k_b, k_c, k_unknown};
    const auto roles = brokerage_roles(graph, sectors, {});
    // coordinator: 1–2 (A, A, A): 1; consultant: 3–4 (both B, the broker A): 1;
    // representative: one A and one non-A contact: 2 · 3 = 6; liaison: 3–5, 4–5: 2.
    // Pairs with member 6 (unknown) are not counted.
    EXPECT_EQ(at(roles, 0), (Counts{1, 1, 6, 2}));
    for (std::size_t leaf = 1; leaf < 7; ++leaf) EXPECT_EQ(at(roles, leaf), (Counts{0, 0, 0, 0})) << leaf;
}

TEST(BrokerageRoles, ClosedPairsAreNotBrokerage) {
    // The star above plus ties 1–3, 3–4 and 4–5.
    const TieGraph graph = graph_of(7, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {1, 3}, {3, 4}, {4, 5}});
    const std::vector<SectorIndex> sectors = {k_a, k_a, k_a, k_b, k_b, k_c, k_unknown};
    const auto roles = brokerage_roles(graph, sectors, {});
    // Centre 0: 1–3 closes a representative pair, 3–4 the consultant pair, 4–5 a liaison pair.
    EXPECT_EQ(at(roles, 0), (Counts{1, 0, 5, 1}));
    // Member 1 (A): contacts 0 and 3 are tied: nothing open.
    EXPECT_EQ(at(roles, 1), (Counts{0, 0, 0, 0}));
    // Member 3 (B): contacts 0 (A), 1 (A), 4 (B); 0–1 and 0–4 tied; 1–4 open, and 3 shares
    // a sector with 4 only: representative.
    EXPECT_EQ(at(roles, 3), (Counts{0, 0, 1, 0}));
    // Member 4 (B): contacts 0 (A), 3 (B), 5 (C); 3–5 open: representative (shares B with 3).
    EXPECT_EQ(at(roles, 4), (Counts{0, 0, 1, 0}));
    // Member 5 (C): contacts 0 and 4 are tied.
    EXPECT_EQ(at(roles, 5), (Counts{0, 0, 0, 0}));
}

TEST(BrokerageRoles, ConsultantAndLiaisonOnAPath) {
    // Path 1 – 0 – 2 with 0 in B: consultant when 1 and 2 are both A, liaison when A and C.
    const TieGraph graph = graph_of(3, {{0, 1}, {0, 2}});
    EXPECT_EQ(at(brokerage_roles(graph, std::vector<SectorIndex>{k_b, k_a, k_a}, {}), 0), (Counts{0, 1, 0, 0}));
    EXPECT_EQ(at(brokerage_roles(graph, std::vector<SectorIndex>{k_b, k_a, k_c}, {}), 0), (Counts{0, 0, 0, 1}));
    EXPECT_EQ(at(brokerage_roles(graph, std::vector<SectorIndex>{k_b, k_b, k_b}, {}), 0), (Counts{1, 0, 0, 0}));
    EXPECT_EQ(at(brokerage_roles(graph, std::vector<SectorIndex>{k_b, k_a, k_b}, {}), 0), (Counts{0, 0, 1, 0}));
}

TEST(BrokerageRoles, UnknownSectorsAreLeftOut) {
    // A broker of unknown sector counts nothing; an unknown contact is in no counted triad.
    const TieGraph graph = graph_of(4, {{0, 1}, {0, 2}, {0, 3}});
    const auto unknown_broker = brokerage_roles(graph, std::vector<SectorIndex>{k_unknown, k_a, k_b, k_c}, {});
    EXPECT_EQ(at(unknown_broker, 0), (Counts{0, 0, 0, 0}));
    // Known broker A: pairs 1–2 (A, B: representative) only; 3 is unknown.
    const auto unknown_contact = brokerage_roles(graph, std::vector<SectorIndex>{k_a, k_a, k_b, k_unknown}, {});
    EXPECT_EQ(at(unknown_contact, 0), (Counts{0, 0, 1, 0}));
    // No known sector at all.
    const auto none = brokerage_roles(graph, std::vector<SectorIndex>(4, k_unknown), {});
    EXPECT_EQ(at(none, 0), (Counts{0, 0, 0, 0}));
}

TEST(BrokerageRoles, EmptyGraphAndWrongSectorCount) {
    const auto roles = brokerage_roles(TieGraph::from_ties(0, {}), std::vector<SectorIndex>{}, {});
    EXPECT_TRUE(roles.coordinator.empty());
    EXPECT_TRUE(roles.liaison.empty());
    EXPECT_THROW(brokerage_roles(graph_of(3, {{0, 1}}), std::vector<SectorIndex>{k_a}, {}), Error);
}

/// Random event projections with sectors A, B, C or unknown.
struct Sample {
    TieGraph graph;
    std::vector<SectorIndex> sectors;
};

Sample random_sample(Random& random, std::size_t min_members, std::size_t max_members, std::size_t max_events) {
    const auto members = static_cast<std::size_t>(
        random.between(static_cast<std::int64_t>(min_members), static_cast<std::int64_t>(max_members)));
    std::vector<Tie> ties;
    if (members >= 2) {
        const auto events = random.between(0, static_cast<std::int64_t>(max_events));
        for (std::int64_t e = 0; e < events; ++e) {
            const auto size = static_cast<std::size_t>(random.between(2, 10));
            std::vector<MemberIndex> attendees;
            for (std::size_t k = 0; k < size; ++k) attendees.push_back(static_cast<MemberIndex>(random.below(members)));
            for (std::size_t a = 0; a < size; ++a) {
                for (std::size_t b = a + 1; b < size; ++b) ties.push_back({attendees[a], attendees[b], 1.0, {}});
            }
        }
        const auto extra = random.between(0, static_cast<std::int64_t>(2 * members));
        for (std::int64_t k = 0; k < extra; ++k) {
            ties.push_back({static_cast<MemberIndex>(random.below(members)),
                            static_cast<MemberIndex>(random.below(members)),
                            1.0,
                            {}});
        }
    }
    std::vector<SectorIndex> sectors(members);
    for (auto& sector : sectors) sector = random.chance(0.15) ? k_unknown : static_cast<SectorIndex>(random.below(3));
    return {TieGraph::from_ties(members, std::move(ties)), std::move(sectors)};
}

TEST(BrokerageRoles, MatchesBruteForceOnRandomGraphs) {
    // Every role of every member against a direct count over pairs of contacts; the four
    // roles add up to the open triads among known-sector contacts.
    Random random(1989);
    for (int round = 0; round < 300; ++round) {
        const Sample sample = random_sample(random, 0, 25, 6);
        const TieGraph& graph = sample.graph;
        const auto roles = brokerage_roles(graph, sample.sectors, {.threads = 2});
        for (std::size_t i = 0; i < graph.member_count(); ++i) {
            Counts expected{0, 0, 0, 0};
            std::uint64_t open = 0;
            const SectorIndex own = sample.sectors[i];
            const auto contacts = graph.neighbours(static_cast<MemberIndex>(i));
            for (std::size_t x = 0; x < contacts.size(); ++x) {
                for (std::size_t y = x + 1; y < contacts.size(); ++y) {
                    const SectorIndex sa = sample.sectors[contacts[x]];
                    const SectorIndex sb = sample.sectors[contacts[y]];
                    if (own == k_unknown || sa == k_unknown || sb == k_unknown) continue;
                    if (graph.find_tie(contacts[x], contacts[y]) != k_none) continue;
                    ++open;
                    if (sa == sb && own == sa) {
                        ++expected.coordinator;
                    } else if (sa == sb) {
                        ++expected.consultant;
                    } else if (own == sa || own == sb) {
                        ++expected.representative;
                    } else {
                        ++expected.liaison;
                    }
                }
            }
            const Counts got = at(roles, i);
            EXPECT_EQ(got, expected) << "round " << round << " member " << i;
            EXPECT_EQ(got.coordinator + got.consultant + got.representative + got.liaison, open);
        }
    }
}

TEST(BrokerageRoles, SameResultWithAnyThreadCount) {
    Random random(7);
    const Sample sample = random_sample(random, 700, 900, 500);
    const auto one = brokerage_roles(sample.graph, sample.sectors, {.threads = 1});
    const auto three = brokerage_roles(sample.graph, sample.sectors, {.threads = 3});
    EXPECT_EQ(one.coordinator, three.coordinator);
    EXPECT_EQ(one.consultant, three.consultant);
    EXPECT_EQ(one.representative, three.representative);
    EXPECT_EQ(one.liaison, three.liaison);
    std::uint64_t total = 0;
    for (const auto count : one.liaison) total += count;
    EXPECT_GT(total, 0u);
}

}  // namespace
}  // namespace bridgemap
