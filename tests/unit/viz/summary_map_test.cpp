// The summary map: one node per sector (or community), lines by observed / expected ties,
// weak pairs marked.

#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/viz/summary_map.hpp>

#include <bridgemap/error.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace bridgemap::viz {
namespace {

// alpha and beta meet often; gamma touches alpha once. u is of unknown sector.
Network example() {
    return testing::TestNetwork()
        .member("a1", "alpha")
        .member("a2", "alpha")
        .member("a3", "alpha")
        .member("b1", "beta")
        .member("b2", "beta")
        .member("b3", "beta")
        .member("c1", "gamma")
        .member("c2", "gamma")
        .member("u")
        .event("e1", "2019-01-01", {"a1", "a2", "a3", "b1"})
        .event("e2", "2019-02-01", {"a1", "b1", "b2", "b3", "u"})
        .event("e3", "2019-03-01", {"a2", "b2"})
        .event("e4", "2019-04-01", {"c1", "c2"})
        .tie("c1", "a3")
        .build();
}

TEST(SummaryScene, OneNodePerSectorAndWeakPairsMarked) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const SectorMixing mixing = sector_mixing(graph, sectors);
    const MapScene scene = summary_scene(network, graph, sectors, mixing, nullptr, {});
    ASSERT_EQ(scene.nodes.size(), 3u);
    EXPECT_NE(scene.nodes[0].label.find("alpha\n3 members"), std::string::npos);
    EXPECT_EQ(scene.nodes[0].css_class, "group sector");
    // Every pair with an expected count gets a line, labelled with its ratio.
    std::size_t weak = 0;
    for (const auto& edge : scene.edges) {
        const auto& pair = *std::find_if(mixing.pairs.begin(), mixing.pairs.end(), [&](const SectorPairMixing& p) {
            return p.a != p.b && ((p.a == edge.from && p.b == edge.to) || (p.a == edge.to && p.b == edge.from));
        });
        EXPECT_FALSE(edge.label.empty());
        const bool is_weak = pair.ratio < k_weak_pair_ratio;
        EXPECT_EQ(edge.css_class == "pair weak-pair", is_weak);
        if (is_weak) {
            ++weak;
            EXPECT_EQ(edge.style, LineStyle::dashed);
            EXPECT_EQ(edge.colour, "#000000");
        }
    }
    EXPECT_EQ(scene.edges.size(), 3u);
    EXPECT_GE(weak, 1u);  // beta and gamma share no tie
    std::string caption;
    for (const auto& line : scene.caption) caption += line;
    EXPECT_NE(caption.find("1 member of unknown sector"), std::string::npos);
}

TEST(SummaryScene, ByCommunityNeedsCommunities) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const SectorMixing mixing = sector_mixing(graph, sectors);
    MapOptions options;
    options.colouring = MapColouring::community;
    EXPECT_THROW(summary_scene(network, graph, sectors, mixing, nullptr, options), Error);
    const Communities communities = leiden_communities(graph, {});
    const MapScene scene = summary_scene(network, graph, sectors, mixing, &communities, options);
    EXPECT_EQ(scene.nodes.size(), communities.count);
    EXPECT_EQ(scene.nodes[0].label.rfind("community 1\n", 0), 0u);
}

TEST(RenderSummaryMap, WithoutAnalysisAndWithout) {
    const Network network = example();
    const std::string svg = render_summary_map(network, {}, MapFormat::svg);
    EXPECT_NE(svg.find("weak&#45;pair"), std::string::npos);
    EXPECT_EQ(svg, render_summary_map(network, analyse(network, {}), {}, MapFormat::svg));
}

TEST(SectorSummaryScene, SameSceneFromTheStreamedMixing) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const MapScene want = summary_scene(network, graph, sectors, sector_mixing(graph, sectors), nullptr, {});
    const MapScene got = sector_summary_scene(network, sectors, projected_sector_mixing(network, sectors, {}), {});
    EXPECT_EQ(got.title, want.title);
    EXPECT_EQ(got.caption, want.caption);
    ASSERT_EQ(got.nodes.size(), want.nodes.size());
    for (std::size_t k = 0; k < want.nodes.size(); ++k) EXPECT_EQ(got.nodes[k].label, want.nodes[k].label);
    ASSERT_EQ(got.edges.size(), want.edges.size());
    for (std::size_t k = 0; k < want.edges.size(); ++k) {
        EXPECT_EQ(got.edges[k].label, want.edges[k].label);
        EXPECT_EQ(got.edges[k].css_class, want.edges[k].css_class);
    }
    Sectors wrong = sectors;
    wrong.of_member.pop_back();
    EXPECT_THROW(sector_summary_scene(network, wrong, projected_sector_mixing(network, sectors, {}), {}), Error);
}

TEST(SummaryScene, NoTiesGivesNodesOnly) {
    const Network network = testing::TestNetwork().member("a", "alpha").member("b", "beta").build();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const MapScene scene = summary_scene(network, graph, sectors, sector_mixing(graph, sectors), nullptr, {});
    EXPECT_EQ(scene.nodes.size(), 2u);
    EXPECT_TRUE(scene.edges.empty());
}

}  // namespace
}  // namespace bridgemap::viz
