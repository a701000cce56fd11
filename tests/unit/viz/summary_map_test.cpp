// The summary map: one node per sector (or community), lines by observed / expected ties,
// weak pairs marked.

#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/viz/summary_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/viz/detail/summary_map.hpp>
#include <bridgemap/viz/palette.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

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
    const Analysis analysis = analyse(network, {});
    EXPECT_EQ(svg, render_summary_map(network, map_data(analysis, MemberMetric::bridging), {}, MapFormat::svg));
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

// The steps of summary_scene.

using detail::SummaryGroup;
using detail::SummaryPair;

// Three sectors of 3, 3 and 2 members and one member of unknown sector; the mixing as
// sector_mixing gives it, by (a, b) with a ≤ b.
SectorMixing hand_mixing() {
    SectorMixing mixing;
    mixing.members = {3, 3, 2};
    mixing.unknown_members = 1;
    mixing.pairs = {{0, 0, 3, 2.0, 1.5}, {0, 1, 4, 5.0, 0.8}, {0, 2, 1, 2.0, 0.5},
                    {1, 1, 2, 2.0, 1.0}, {1, 2, 0, 1.0, 0.0}, {2, 2, 1, 0.5, 2.0}};
    return mixing;
}

Sectors hand_sectors() {
    Sectors sectors;
    sectors.names = {"alpha", "beta", "gamma"};
    sectors.of_member = {0, 0, 0, 1, 1, 1, 2, 2, k_unknown_sector};
    return sectors;
}

TEST(SectorGroups, OneGroupPerSectorAndThePairsOffTheDiagonal) {
    const detail::SummaryGroups summary = detail::sector_groups(hand_sectors(), hand_mixing());
    ASSERT_EQ(summary.groups.size(), 3u);
    EXPECT_EQ(summary.groups[0].name, "alpha");
    EXPECT_EQ(summary.groups[0].fill, sector_style(0).fill);
    EXPECT_EQ(summary.groups[1].shape, sector_style(1).shape);
    EXPECT_EQ(summary.groups[2].members, 2u);
    EXPECT_EQ(summary.groups[0].within_observed, 3u);
    EXPECT_DOUBLE_EQ(summary.groups[0].within_ratio, 1.5);
    EXPECT_DOUBLE_EQ(summary.groups[2].within_ratio, 2.0);
    ASSERT_EQ(summary.pairs.size(), 3u);
    EXPECT_EQ(summary.pairs[0].a, 0u);
    EXPECT_EQ(summary.pairs[0].b, 1u);
    EXPECT_EQ(summary.pairs[0].observed, 4u);
    EXPECT_EQ(summary.pairs[2].a, 1u);
    EXPECT_EQ(summary.pairs[2].b, 2u);
    EXPECT_DOUBLE_EQ(summary.pairs[2].ratio, 0.0);
    EXPECT_EQ(summary.left_out, "Not drawn: 1 member of unknown sector (left out of every sector count).");
    SectorMixing wrong = hand_mixing();
    wrong.pairs.push_back({0, 5, 1, 1.0, 1.0});
    EXPECT_THROW(detail::sector_groups(hand_sectors(), wrong), Error);
}

TEST(CommunityGroups, TiesAndExpectationsBetweenCommunities) {
    // Two triangles 0-1-2 and 3-4-5 joined by 2–3, and an isolate 6. Degrees 2, 2, 3 | 3, 2,
    // 2: K_1 = K_2 = 7, m = 7. Within each: 3 ties against 7² / 28 = 1.75 expected; between:
    // 1 tie against 7 · 7 / 14 = 3.5.
    const TieGraph graph = TieGraph::from_ties(7, {{0, 1, 1.0, {}},
                                                   {0, 2, 1.0, {}},
                                                   {1, 2, 1.0, {}},
                                                   {2, 3, 1.0, {}},
                                                   {3, 4, 1.0, {}},
                                                   {3, 5, 1.0, {}},
                                                   {4, 5, 1.0, {}}});
    Communities communities;
    communities.of_member = {1, 1, 1, 2, 2, 2, k_no_community};
    communities.count = 2;
    communities.sizes = {3, 3};
    const detail::SummaryGroups summary = detail::community_groups(graph, communities);
    ASSERT_EQ(summary.groups.size(), 2u);
    EXPECT_EQ(summary.groups[1].name, "community 2");
    EXPECT_EQ(summary.groups[1].fill, community_colour(2));
    EXPECT_EQ(summary.groups[0].within_observed, 3u);
    EXPECT_DOUBLE_EQ(summary.groups[0].within_ratio, 3.0 / 1.75);
    ASSERT_EQ(summary.pairs.size(), 1u);
    EXPECT_EQ(summary.pairs[0].observed, 1u);
    EXPECT_DOUBLE_EQ(summary.pairs[0].expected, 3.5);
    EXPECT_DOUBLE_EQ(summary.pairs[0].ratio, 1.0 / 3.5);
    EXPECT_EQ(summary.left_out, "Not drawn: 0 smaller communities (0 members) and 1 members without ties.");
}

TEST(CommunityGroups, TheLargestFifteenOnly) {
    // 17 pairs of members, each pair a community: 15 shown, 2 (4 members) left out.
    std::vector<Tie> ties;
    Communities communities;
    for (std::uint32_t c = 0; c < 17; ++c) {
        ties.push_back({2 * c, 2 * c + 1, 1.0, {}});
        communities.of_member.push_back(c + 1);
        communities.of_member.push_back(c + 1);
        communities.sizes.push_back(2);
    }
    communities.count = 17;
    const detail::SummaryGroups summary = detail::community_groups(TieGraph::from_ties(34, ties), communities);
    EXPECT_EQ(summary.groups.size(), k_summary_communities);
    EXPECT_EQ(summary.pairs.size(), 105u);  // 15 · 14 / 2
    EXPECT_EQ(summary.left_out, "Not drawn: 2 smaller communities (4 members) and 0 members without ties.");
}

TEST(GroupNodes, LabelsAndAreasByMembers) {
    std::vector<SummaryGroup> groups(3);
    groups[0] = {"alpha", "#E69F00", NodeShape::circle, 4, 3, 1.5};
    groups[1] = {"beta", "#56B4E9", NodeShape::square, 1, 0, k_not_defined};
    groups[2] = {"gamma", "#009E73", NodeShape::triangle, 0, 0, k_not_defined};
    const std::vector<MapNode> nodes = detail::group_nodes(groups, false);
    ASSERT_EQ(nodes.size(), 3u);
    EXPECT_EQ(nodes[0].key, "sector-1");
    EXPECT_EQ(nodes[0].label, "\u25CF alpha\n4 members\nwithin: 1.50\u00D7 chance");
    EXPECT_EQ(nodes[1].label, "\u25A0 beta\n1 members\nwithin: no ties");
    EXPECT_EQ(nodes[0].fill, "#F2CF7F");  // (0xE6 + 255) / 2 = 0xF2, (0x9F + 255) / 2 = 0xCF, 255 / 2 = 0x7F
    EXPECT_EQ(nodes[0].outline, "#E69F00");
    EXPECT_EQ(nodes[0].tooltip, "alpha: 4 members, 3 ties within");
    EXPECT_EQ(nodes[0].css_class, "group sector");
    // 1.8 + 1.4 √(members / 4): 3.2, 2.5 and 1.8 inches.
    EXPECT_DOUBLE_EQ(nodes[0].size, 3.2);
    EXPECT_DOUBLE_EQ(nodes[1].size, 2.5);
    EXPECT_DOUBLE_EQ(nodes[2].size, 1.8);
    const std::vector<MapNode> communities = detail::group_nodes(groups, true);
    EXPECT_EQ(communities[0].key, "community-1");
    EXPECT_EQ(communities[0].label.rfind("alpha\n", 0), 0u);  // no shape symbol
    EXPECT_EQ(communities[0].css_class, "group community");
}

TEST(RingPositions, FewGroupsOnARing) {
    EXPECT_TRUE(detail::ring_positions(1, 2.0).empty());
    EXPECT_TRUE(detail::ring_positions(9, 2.0).empty());
    // Three groups 2 inches wide: radius 4.5 / (2 sin 60°) = 2.598, at 12, 4 and 8 o'clock.
    const std::vector<MapPoint> three = detail::ring_positions(3, 2.0);
    ASSERT_EQ(three.size(), 3u);
    const double r = 4.5 / std::sqrt(3.0);
    EXPECT_NEAR(three[0].x, 0.0, 1e-12);
    EXPECT_NEAR(three[0].y, r, 1e-12);
    EXPECT_NEAR(three[1].x, 2.25, 1e-12);  // r cos 30°
    EXPECT_NEAR(three[1].y, -r / 2, 1e-12);
    EXPECT_NEAR(three[2].x, -2.25, 1e-12);
    // Four: 0.92 of a quarter turn apart, radius 4.5 / (2 sin 45°) (the other bound,
    // 1.6 / (1 − cos 90°) = 1.6, is smaller).
    const std::vector<MapPoint> four = detail::ring_positions(4, 2.0);
    const double r4 = 4.5 / std::sqrt(2.0);
    const double a1 = std::numbers::pi / 2 - 0.92 * std::numbers::pi / 2;
    EXPECT_NEAR(four[1].x, r4 * std::cos(a1), 1e-12);
    EXPECT_NEAR(four[1].y, r4 * std::sin(a1), 1e-12);
    // Eight groups 3.2 inches wide: (1.6 + 0.6) / (1 − cos 45°) = 7.511 beats 5.7 / (2 sin 22.5°) = 7.447.
    const std::vector<MapPoint> eight = detail::ring_positions(8, 3.2);
    EXPECT_NEAR(eight[0].y, 2.2 / (1.0 - std::cos(std::numbers::pi / 4)), 1e-12);
}

std::vector<SummaryPair> ratios(const std::vector<double>& values) {
    std::vector<SummaryPair> pairs;
    for (std::size_t k = 0; k < values.size(); ++k) pairs.push_back({k, k + 1, 1, 1.0, values[k]});
    return pairs;
}

TEST(SelectPairs, TheLeastConnectedFirst) {
    const std::vector<SummaryPair> pairs = ratios({0.8, 0.5, k_not_defined, 0.0, 0.5});
    const detail::PairSelection selection = detail::select_pairs(pairs, 3);
    EXPECT_EQ(selection.weakest, (std::vector<std::size_t>{3, 1, 4, 0}));  // equal ratios in pair order
    EXPECT_EQ(selection.drawn, (std::vector<std::uint8_t>{1, 1, 0, 1, 1}));
    EXPECT_EQ(selection.drawn_count, 4u);
    EXPECT_EQ(selection.weak_pairs, 1u);  // 0.5 is not under k_weak_pair_ratio
}

TEST(SelectPairs, ManyGroupsDrawAQuarter) {
    // 10 groups, 45 pairs with ratios 44/45, ..., 0: the 11 lowest (⌊45 / 4⌋) are drawn.
    std::vector<double> values;
    for (int k = 44; k >= 0; --k) values.push_back(k / 45.0);
    const detail::PairSelection selection = detail::select_pairs(ratios(values), 10);
    EXPECT_EQ(selection.drawn_count, 11u);
    EXPECT_EQ(selection.weakest.front(), 44u);
    for (std::size_t p = 0; p < 45; ++p) EXPECT_EQ(selection.drawn[p], p >= 34 ? 1 : 0) << p;
    EXPECT_EQ(selection.weak_pairs, 23u);  // k / 45 < 0.5 for k = 0 … 22
    // 9 groups, 20 pairs (all twice chance, so not near it): at least 8.
    EXPECT_EQ(detail::select_pairs(ratios(std::vector<double>(20, 2.0)), 9).drawn_count, 8u);
}

TEST(SelectPairs, NoLinesWhenEveryPairIsNearChance) {
    // 0.7 ≥ 1 / 1.5 = 0.667 and 1.45 ≤ 1.5: every pair near chance, none drawn.
    const detail::PairSelection near = detail::select_pairs(ratios({1.0, 0.7, k_not_defined, 1.45}), 3);
    EXPECT_TRUE(near.near_chance);
    EXPECT_EQ(near.drawn_count, 0u);
    EXPECT_EQ(near.drawn, (std::vector<std::uint8_t>{0, 0, 0, 0}));
    EXPECT_DOUBLE_EQ(near.lowest, 0.7);
    EXPECT_DOUBLE_EQ(near.highest, 1.45);
    // One pair at 0.6 (under 0.667): not near chance, every pair drawn as before.
    const detail::PairSelection apart = detail::select_pairs(ratios({1.0, 0.6, 1.45}), 3);
    EXPECT_FALSE(apart.near_chance);
    EXPECT_EQ(apart.drawn_count, 3u);
    // And the words say so, with the range.
    detail::SummaryGroups groups;
    groups.groups.resize(5);
    groups.pairs = ratios({1.0, 0.7, k_not_defined, 1.45});
    const detail::SceneText text = detail::summary_text(groups, near, false, 9, {});
    EXPECT_EQ(text.reading[1],
              "Every pair of sectors has between 0.70\u00D7 and 1.45\u00D7 the ties chance would give: near chance, "
              "so no lines are drawn. No two sectors keep apart, and none keep to themselves.");
    EXPECT_EQ(text.legend[0].items[0].text, "None: every pair is near chance\n(0.67\u00D7 to 1.50\u00D7).");
}

TEST(PairEdges, WidthLengthAndWeakPairsOnTop) {
    const detail::SummaryGroups summary = detail::sector_groups(hand_sectors(), hand_mixing());
    const detail::PairSelection selection = detail::select_pairs(summary.pairs, summary.groups.size());
    const std::vector<MapEdge> edges = detail::pair_edges(summary.groups, summary.pairs, selection);
    ASSERT_EQ(edges.size(), 3u);
    // alpha–beta, 0.8: width 1 + 5 · 0.8 = 5, length 2.5 + 2.5 / 1.3.
    EXPECT_EQ(edges[0].from, 0u);
    EXPECT_EQ(edges[0].to, 1u);
    EXPECT_DOUBLE_EQ(edges[0].width, 5.0);
    EXPECT_DOUBLE_EQ(edges[0].length, 2.5 + 2.5 / 1.3);
    EXPECT_EQ(edges[0].label, "0.80\u00D7");
    EXPECT_EQ(edges[0].tooltip, "alpha \u2013 beta: 4 ties, 5.0 expected, 0.80\u00D7 chance");
    EXPECT_EQ(edges[0].css_class, "pair");
    // alpha–gamma, 0.5: not weak.
    EXPECT_EQ(edges[1].css_class, "pair");
    EXPECT_DOUBLE_EQ(edges[1].width, 3.5);
    // beta–gamma, 0: weak, last, black, dashed, 3 points.
    EXPECT_EQ(edges[2].from, 1u);
    EXPECT_EQ(edges[2].css_class, "pair weak-pair");
    EXPECT_EQ(edges[2].colour, "#000000");
    EXPECT_EQ(edges[2].style, LineStyle::dashed);
    EXPECT_DOUBLE_EQ(edges[2].width, 3.0);
    EXPECT_DOUBLE_EQ(edges[2].length, 7.5);  // 2.5 + 2.5 / 0.5
    // A ratio above 2 counts as 2: width 11.
    std::vector<SummaryPair> strong = {{0, 1, 9, 3.0, 3.0}};
    EXPECT_DOUBLE_EQ(detail::pair_edges(summary.groups, strong, detail::select_pairs(strong, 3))[0].width, 11.0);
}

TEST(SummaryText, TitleLegendAndCaption) {
    const detail::SummaryGroups summary = detail::sector_groups(hand_sectors(), hand_mixing());
    const detail::PairSelection selection = detail::select_pairs(summary.pairs, summary.groups.size());
    MapOptions options;
    options.data_name = "folder/";
    const detail::SceneText text = detail::summary_text(summary, selection, false, 9, options);
    EXPECT_EQ(text.title, "How the sectors connect: folder, 9 members");
    ASSERT_EQ(text.legend.size(), 2u);
    EXPECT_EQ(text.legend[0].heading, "Lines: ties between two sectors");
    EXPECT_EQ(text.legend[0].items[2].text, "weak pair, under 0.5\u00D7 chance (1)");
    ASSERT_EQ(text.legend[1].items.size(), 3u);
    EXPECT_EQ(text.legend[1].items[0].text, "beta \u2013 gamma: 0 ties, 0.00\u00D7 chance");
    EXPECT_EQ(text.legend[1].items[2].text, "alpha \u2013 beta: 4 ties, 0.80\u00D7 chance");
    // The data (2 lines), the expectation, what is left out; every pair is drawn.
    ASSERT_EQ(text.caption.size(), 4u);
    EXPECT_EQ(text.caption[3], summary.left_out);
    // By community, without pairs to compare.
    const detail::SceneText empty = detail::summary_text({}, {}, true, 0, {});
    EXPECT_EQ(empty.title, "How the communities connect: the network, 0 members");
    EXPECT_EQ(empty.legend[0].items[2].text, "weak pair, under 0.5\u00D7 chance: none here");
    EXPECT_EQ(empty.legend[1].items[0].text, "No ties between communities to compare.");
    // Some pairs not drawn: said in the caption.
    detail::SummaryGroups many_groups;
    many_groups.groups.resize(46);
    many_groups.pairs = ratios(std::vector<double>(45, 2.0));
    const detail::PairSelection quarter = detail::select_pairs(many_groups.pairs, 10);
    const detail::SceneText many = detail::summary_text(many_groups, quarter, false, 0, {});
    EXPECT_EQ(many.caption.back(), "Lines: the 11 least connected of the 45 pairs; the others are better connected.");
}

}  // namespace
}  // namespace bridgemap::viz
