#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/random.hpp>

#include "support/boost_graph.hpp"

#include <gtest/gtest.h>

#include <set>

namespace bridgemap {
namespace {

TEST(Connectivity, ComponentsBySizeAndArticulationPoints) {
    // a–b–c, an isolate d, and e–f.
    const Connectivity parts = connectivity(TieGraph::from_ties(6, {{0, 1, 1, {}}, {1, 2, 1, {}}, {4, 5, 1, {}}}));
    EXPECT_EQ(parts.sizes, (std::vector<std::size_t>{3, 2, 1}));
    EXPECT_EQ(parts.component, (std::vector<std::uint32_t>{0, 0, 0, 2, 1, 1}));
    EXPECT_EQ(parts.articulation_point, (std::vector<std::uint8_t>{0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(parts.articulation_points, 1u);
    EXPECT_EQ(parts.largest_component(), 3u);
    EXPECT_EQ(connectivity(TieGraph::from_ties(0, {})).components(), 0u);
}

TEST(Connectivity, WouldCutOffByHand) {
    // Path a–b–c–d: without b, a is cut off from {c, d}; without c, d is cut off.
    const Connectivity path = connectivity(TieGraph::from_ties(4, {{0, 1, 1, {}}, {1, 2, 1, {}}, {2, 3, 1, {}}}));
    EXPECT_EQ(path.would_cut_off, (std::vector<std::uint32_t>{0, 1, 1, 0}));
    // A star with three leaves: without the centre, two of the three leaves are cut off from
    // the (equally large) piece that remains.
    const Connectivity star = connectivity(TieGraph::from_ties(4, {{0, 1, 1, {}}, {0, 2, 1, {}}, {0, 3, 1, {}}}));
    EXPECT_EQ(star.would_cut_off, (std::vector<std::uint32_t>{2, 0, 0, 0}));
}

TEST(Connectivity, WouldCutOffAgreesWithRemovingEachMember) {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        Random random(seed);
        const std::size_t n = 5 + random.below(30);
        std::vector<Tie> ties;
        for (MemberIndex a = 0; a < n; ++a) {
            for (MemberIndex b = a + 1; b < n; ++b) {
                if (random.chance(2.0 / static_cast<double>(n))) ties.push_back({a, b, 1.0, {}});
            }
        }
        const TieGraph graph = TieGraph::from_ties(n, ties);
        const Connectivity parts = connectivity(graph);
        for (MemberIndex v = 0; v < n; ++v) {
            // Components of the graph without v, by brute force.
            std::vector<int> label(n, -1);
            std::vector<std::size_t> sizes;
            for (MemberIndex start = 0; start < n; ++start) {
                if (start == v || label[start] >= 0) continue;
                const int id = static_cast<int>(sizes.size());
                sizes.push_back(0);
                std::vector<MemberIndex> stack = {start};
                label[start] = id;
                while (!stack.empty()) {
                    const MemberIndex at = stack.back();
                    stack.pop_back();
                    ++sizes[static_cast<std::size_t>(id)];
                    for (const MemberIndex next : graph.neighbours(at)) {
                        if (next != v && label[next] < 0) label[next] = id, stack.push_back(next);
                    }
                }
            }
            std::size_t largest = 0;
            std::size_t total = 0;
            std::set<int> pieces;
            for (const MemberIndex w : graph.neighbours(v)) pieces.insert(label[w]);
            for (const int piece : pieces) {
                largest = std::max(largest, sizes[static_cast<std::size_t>(piece)]);
                total += sizes[static_cast<std::size_t>(piece)];
            }
            ASSERT_EQ(parts.would_cut_off[v], total - largest) << "seed " << seed << " member " << v;
        }
    }
}

TEST(Connectivity, AgreesWithBoostGraph) {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        Random random(seed);
        const std::size_t n = 10 + random.below(40);
        std::vector<Tie> ties;
        for (MemberIndex a = 0; a < n; ++a) {
            for (MemberIndex b = a + 1; b < n; ++b) {
                if (random.chance(1.5 / static_cast<double>(n))) ties.push_back({a, b, 1.0, {}});
            }
        }
        const TieGraph graph = TieGraph::from_ties(n, ties);
        const Connectivity parts = connectivity(graph);
        const testing::BoostComponents boost_parts = testing::boost_components(graph);
        EXPECT_EQ(parts.components(), boost_parts.count) << "seed " << seed;
        for (MemberIndex a = 0; a < n; ++a) {
            for (MemberIndex b = 0; b < n; ++b) {
                ASSERT_EQ(parts.component[a] == parts.component[b],
                          boost_parts.component[a] == boost_parts.component[b]);
            }
        }
        EXPECT_EQ(parts.articulation_point, testing::boost_articulation_points(graph)) << "seed " << seed;
    }
}

}  // namespace
}  // namespace bridgemap
