// The ego map: a member's contacts by sector, and who they could be introduced to.

#include <bridgemap/viz/ego_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/viz/detail/ego_map.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace bridgemap::viz {
namespace {

// e (alpha) knows a2 (alpha) and b1 (beta); through them a3 (alpha) and c1 (gamma).
// d1 (delta) knows nobody.
Network example() {
    return testing::TestNetwork()
        .member("e", "alpha")
        .member("a2", "alpha")
        .member("b1", "beta")
        .member("a3", "alpha")
        .member("c1", "gamma")
        .member("d1", "delta")
        .tie("e", "a2")
        .tie("e", "b1")
        .tie("a2", "a3")
        .tie("b1", "c1")
        .build();
}

std::size_t members_in(const MapScene& scene) {
    return static_cast<std::size_t>(std::count_if(scene.nodes.begin(), scene.nodes.end(),
                                                  [](const MapNode& n) { return n.key.rfind("member-", 0) == 0; }));
}

const MapNode& node_of(const MapScene& scene, const Network& network, const std::string& id) {
    const std::string key = "member-" + std::to_string(network.find_member(id) + 1);
    return *std::find_if(scene.nodes.begin(), scene.nodes.end(), [&](const MapNode& n) { return n.key == key; });
}

TEST(EgoScene, RadiusOneIsTheDirectContactsInSectorWedges) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapData data = map_data(analysis, MemberMetric::bridging);
    const MapScene scene = ego_scene(network, data, network.find_member("e"), 1, {});
    EXPECT_EQ(members_in(scene), 3u);
    EXPECT_EQ(scene.layout, SceneLayout::fixed);
    for (const auto& node : scene.nodes) EXPECT_TRUE(node.position.has_value()) << node.key;
    const MapNode& centre = node_of(scene, network, "e");
    EXPECT_NE(centre.css_class.find("ego"), std::string::npos);
    EXPECT_NEAR(centre.position->x, 0.0, 1e-12);
    EXPECT_NEAR(centre.position->y, 0.0, 1e-12);
    // Both contacts on the inner ring, at the same distance from the middle.
    const auto radius = [](const MapNode& n) { return std::hypot(n.position->x, n.position->y); };
    EXPECT_NEAR(radius(node_of(scene, network, "a2")), radius(node_of(scene, network, "b1")), 1e-9);
    EXPECT_EQ(
        std::count_if(scene.nodes.begin(), scene.nodes.end(), [](const MapNode& n) { return n.css_class == "wedge"; }),
        2);  // alpha and beta
    EXPECT_EQ(scene.edges.size(), 2u);
    EXPECT_EQ(scene.title, "Name of e's network by sector");
}

TEST(EgoScene, RadiusTwoOutlinesContactsInNewSectors) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapData data = map_data(analysis, MemberMetric::bridging);
    const MapScene scene = ego_scene(network, data, network.find_member("e"), 2, {});
    EXPECT_EQ(members_in(scene), 5u);
    EXPECT_NE(node_of(scene, network, "c1").css_class.find("new-sector"), std::string::npos);
    EXPECT_EQ(node_of(scene, network, "a3").css_class.find("new-sector"), std::string::npos);
    const auto& gaps = scene.legend[2].items;
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_EQ(gaps[0].text, "delta: 0 reachable at two steps");
    EXPECT_EQ(gaps[1].text, "gamma: 1 reachable at two steps");
    // a3 and c1 each hang from their link to a direct contact; e-b1, the only alpha-beta tie,
    // is drawn as a weak bridge; b1-c1, the only beta-gamma tie, is not, since c1 has no other
    // tie (c1 has a dotted outline instead); a2-a3 is a dotted two-step line.
    const auto lines_to = [&](const std::string& id) {
        const std::size_t node = static_cast<std::size_t>(&node_of(scene, network, id) - scene.nodes.data());
        return std::count_if(scene.edges.begin(), scene.edges.end(),
                             [&](const MapEdge& e) { return e.from == node || e.to == node; });
    };
    EXPECT_EQ(lines_to("a3"), 1);
    EXPECT_EQ(lines_to("c1"), 1);
    EXPECT_EQ(std::count_if(scene.edges.begin(), scene.edges.end(),
                            [](const MapEdge& e) { return e.css_class == "tie within-sector two-step"; }),
              1);
    EXPECT_EQ(std::count_if(scene.edges.begin(), scene.edges.end(),
                            [](const MapEdge& e) { return e.css_class == "tie weak-bridge"; }),
              1);
    EXPECT_NE(node_of(scene, network, "c1").css_class.find("one-tie"), std::string::npos);
    EXPECT_EQ(node_of(scene, network, "b1").css_class.find("one-tie"), std::string::npos);
}

TEST(EgoScene, ForceLayoutOnRequest) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapData data = map_data(analysis, MemberMetric::bridging);
    MapOptions options;
    options.layout = MapLayout::neato;
    const MapScene scene = ego_scene(network, data, network.find_member("e"), 2, options);
    EXPECT_EQ(scene.layout, SceneLayout::neato);
    EXPECT_EQ(scene.nodes.size(), 5u);  // no wedge headings
}

TEST(EgoScene, BadRequestsAndALoner) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    const MapData data = map_data(analysis, MemberMetric::bridging);
    EXPECT_THROW(ego_scene(network, data, 0, 3, {}), RequestError);
    EXPECT_THROW(ego_scene(network, data, 99, 1, {}), Error);
    const MapScene alone = ego_scene(network, data, network.find_member("d1"), 2, {});
    EXPECT_EQ(members_in(alone), 1u);
    EXPECT_NE(render_scene(alone, MapFormat::svg).find("</svg>"), std::string::npos);
}

// The steps of ego_scene, on example(): members e 0, a2 1, b1 2, a3 3, c1 4, d1 5; sectors
// alpha 0, beta 1, delta 2, gamma 3, and wedge 4 for an unknown sector.

using detail::EgoRing;

constexpr double k_pi = std::numbers::pi;

void expect_point(const MapPoint& got, double x, double y) {
    EXPECT_NEAR(got.x, x, 1e-9);
    EXPECT_NEAR(got.y, y, 1e-9);
}

TEST(EgoRings, RadiusTwoFromTheExample) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const MemberScores sizes(6, 1.0);
    const detail::EgoRings rings = detail::ego_rings(graph, sectors, sizes, 0, 2);
    EXPECT_EQ(rings.ring, (std::vector<EgoRing>{EgoRing::ego, EgoRing::direct, EgoRing::direct, EgoRing::two_steps,
                                                EgoRing::two_steps, EgoRing::none}));
    EXPECT_EQ(rings.inner, (std::vector<MemberIndex>{1, 2}));
    EXPECT_EQ(rings.outer, (std::vector<MemberIndex>{3, 4}));
    EXPECT_EQ(rings.inner_all, 2u);
    EXPECT_EQ(rings.outer_all, 2u);
    // By wedge alpha, beta, delta, gamma, unknown.
    EXPECT_EQ(rings.inner_total, (std::vector<std::size_t>{1, 1, 0, 0, 0}));
    EXPECT_EQ(rings.inner_count, (std::vector<std::size_t>{1, 1, 0, 0, 0}));
    EXPECT_EQ(rings.outer_total, (std::vector<std::size_t>{1, 0, 0, 1, 0}));
    EXPECT_EQ(rings.outer_count, (std::vector<std::size_t>{1, 0, 0, 1, 0}));
    EXPECT_EQ(rings.direct_sector, (std::vector<std::uint8_t>{1, 1, 0, 0, 0}));
    EXPECT_FALSE(rings.in_new_sector(sectors, 3));  // a3: alpha, as a2
    EXPECT_TRUE(rings.in_new_sector(sectors, 4));   // c1: gamma
    // Radius 1: no outer ring.
    const detail::EgoRings one = detail::ego_rings(graph, sectors, sizes, 0, 1);
    EXPECT_TRUE(one.outer.empty());
    EXPECT_EQ(one.ring[3], EgoRing::none);
    EXPECT_EQ(one.outer_total, (std::vector<std::size_t>(5, 0)));
}

TEST(StrongestContacts, TheStrongestInEachWedgeThenTheStrongest) {
    // Ego 0's ties: 1 alpha (weight 1), 2 alpha (5), 3 beta (2), 4 beta (3), 5 unknown (0.5).
    const TieGraph graph =
        TieGraph::from_ties(6, {{0, 1, 1.0, {}}, {0, 2, 5.0, {}}, {0, 3, 2.0, {}}, {0, 4, 3.0, {}}, {0, 5, 0.5, {}}});
    Sectors sectors;
    sectors.names = {"alpha", "beta"};
    sectors.of_member = {0, 0, 0, 1, 1, k_unknown_sector};
    // By weight: 2, 4, 3, 1, 5. One per wedge first: 2 (alpha), 4 (beta), 5 (unknown).
    EXPECT_EQ(detail::strongest_contacts(graph, sectors, 0, 3), (std::vector<MemberIndex>{2, 4, 5}));
    // Then the strongest of the rest: 3.
    EXPECT_EQ(detail::strongest_contacts(graph, sectors, 0, 4), (std::vector<MemberIndex>{2, 3, 4, 5}));
    // Never fewer than one per wedge.
    EXPECT_EQ(detail::strongest_contacts(graph, sectors, 0, 1), (std::vector<MemberIndex>{2, 4, 5}));
}

TEST(EgoRings, ManyContactsKeepTheStrongestAndReachThroughTheOthers) {
    // Ego 0 tied to 1..85 (alpha) with weight = their index; 86 (beta) tied to 1 only.
    std::vector<Tie> ties;
    for (MemberIndex m = 1; m <= 85; ++m) ties.push_back({0, m, static_cast<double>(m), {}});
    ties.push_back({1, 86, 1.0, {}});
    const TieGraph graph = TieGraph::from_ties(87, ties);
    Sectors sectors;
    sectors.names = {"alpha", "beta"};
    sectors.of_member.assign(87, 0);
    sectors.of_member[86] = 1;
    const detail::EgoRings rings = detail::ego_rings(graph, sectors, MemberScores(87, 0.0), 0, 2);
    // k_ego_inner_limit = 80: the ties of weight 6 to 85.
    EXPECT_EQ(rings.inner_all, 85u);
    ASSERT_EQ(rings.inner.size(), k_ego_inner_limit);
    EXPECT_EQ(rings.inner.front(), 6u);
    EXPECT_EQ(rings.inner.back(), 85u);
    for (MemberIndex m = 1; m <= 5; ++m) EXPECT_EQ(rings.ring[m], EgoRing::direct_hidden) << m;
    EXPECT_EQ(rings.inner_total[0], 85u);
    EXPECT_EQ(rings.inner_count[0], 80u);
    // 86 is two steps away through 1, who is not drawn: on the outer ring, in a new sector,
    // but without a line (its only tie is to a contact not drawn).
    EXPECT_EQ(rings.outer, (std::vector<MemberIndex>{86}));
    EXPECT_TRUE(rings.in_new_sector(sectors, 86));
    const detail::EgoLines lines = detail::ego_lines(graph, rings, 0);
    EXPECT_EQ(lines.ties.size(), 85u);  // the ego's ties only
    EXPECT_EQ(lines.contact_ties, 0u);
}

TEST(EgoLines, TheEgosTiesTheContactsTiesAndOneTieOutward) {
    // Ego 0 with contacts 1, 2, 3 (1–2 tied); 4 tied to 1 (weight 1) and 2 (weight 3); 5
    // tied to 3 and 4.
    const TieGraph graph = TieGraph::from_ties(6, {{0, 1, 1.0, {}},
                                                   {0, 2, 1.0, {}},
                                                   {0, 3, 1.0, {}},
                                                   {1, 2, 1.0, {}},
                                                   {1, 4, 1.0, {}},
                                                   {2, 4, 3.0, {}},
                                                   {3, 5, 2.0, {}},
                                                   {4, 5, 4.0, {}}});
    Sectors sectors;
    sectors.names = {"alpha"};
    sectors.of_member.assign(6, 0);
    const detail::EgoRings rings = detail::ego_rings(graph, sectors, MemberScores(6, 0.0), 0, 2);
    EXPECT_EQ(rings.outer, (std::vector<MemberIndex>{4, 5}));
    const detail::EgoLines lines = detail::ego_lines(graph, rings, 0);
    std::vector<std::pair<MemberIndex, MemberIndex>> ends;
    for (const Tie& tie : lines.ties) ends.emplace_back(tie.source, tie.target);
    // 0–1, 0–2, 0–3; 1–2 between contacts; 4's strongest tie inward is 2–4 (3 > 1); 5's is
    // 3–5, its only one inward (4–5 is stronger but 4 is on the outer ring).
    EXPECT_EQ(ends, (std::vector<std::pair<MemberIndex, MemberIndex>>{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {2, 4}, {3, 5}}));
    EXPECT_DOUBLE_EQ(lines.ties[4].weight, 3.0);
    EXPECT_EQ(lines.contact_ties, 1u);
    EXPECT_TRUE(lines.contact_ties_drawn);
}

TEST(EgoLines, TooManyTiesBetweenContactsAreLeftOut) {
    // 26 contacts all tied to each other: 325 ties between them, above k_max_contact_ties.
    std::vector<Tie> ties;
    for (MemberIndex a = 1; a <= 26; ++a) {
        ties.push_back({0, a, 1.0, {}});
        for (MemberIndex b = a + 1; b <= 26; ++b) ties.push_back({a, b, 1.0, {}});
    }
    const TieGraph graph = TieGraph::from_ties(27, ties);
    Sectors sectors;
    sectors.names = {"alpha"};
    sectors.of_member.assign(27, 0);
    const detail::EgoLines lines =
        detail::ego_lines(graph, detail::ego_rings(graph, sectors, MemberScores(27, 0.0), 0, 1), 0);
    EXPECT_EQ(lines.contact_ties, 325u);
    EXPECT_FALSE(lines.contact_ties_drawn);
    EXPECT_EQ(lines.ties.size(), 26u);
}

TEST(FlagsOfDrawnTies, EachDrawnTieTakesTheFlagOfItsPair) {
    // graph: 0–1 (tie 0), 0–2 (1), 1–2 (2), 2–3 (3); flags 0, 1, 0, 1. Drawn: 0–2 and 2–3.
    const TieGraph graph = TieGraph::from_ties(4, {{0, 1, 1.0, {}}, {0, 2, 1.0, {}}, {1, 2, 1.0, {}}, {2, 3, 1.0, {}}});
    const TieGraph drawn = TieGraph::from_ties(4, {{2, 3, 1.0, {}}, {0, 2, 1.0, {}}});
    const std::vector<std::uint8_t> flags = {0, 1, 0, 1};
    EXPECT_EQ(detail::flags_of_drawn_ties(graph, drawn, flags), (std::vector<std::uint8_t>{1, 1}));
    const std::vector<std::uint8_t> others = {1, 0, 1, 0};
    EXPECT_EQ(detail::flags_of_drawn_ties(graph, drawn, others), (std::vector<std::uint8_t>{0, 0}));
    EXPECT_THROW(detail::flags_of_drawn_ties(graph, drawn, std::vector<std::uint8_t>{1}), Error);
}

TEST(EgoLabels, TheEgoTheLargestContactsAndContactsInNewSectors) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    // e 1, a2 0.5, b1 NaN (smallest), a3 2, c1 3, d1 0.
    const MemberScores sizes = {1.0, 0.5, k_not_defined, 2.0, 3.0, 0.0};
    const detail::EgoRings rings = detail::ego_rings(graph, sectors, sizes, 0, 2);
    // Both contacts (two, at most 60); of the outer ring only c1, in gamma; a3 is in alpha.
    EXPECT_EQ(detail::ego_labels(rings, sectors, sizes, 0, 0), (std::vector<MemberIndex>{0, 1, 2, 4}));
    // --labels 1: the largest contact, a2.
    EXPECT_EQ(detail::ego_labels(rings, sectors, sizes, 0, 1), (std::vector<MemberIndex>{0, 1, 4}));
}

TEST(EgoWedges, TwoContactsInTwoSectorsHalveTheCircle) {
    // Radius 1 of the example: a2 (alpha) and b1 (beta), 0.95 inches each.
    const std::vector<std::size_t> inner = {1, 1, 0, 0, 0};
    const std::vector<std::size_t> outer(5, 0);
    const detail::EgoWedges wedges = detail::ego_wedges(inner, outer);
    EXPECT_EQ(wedges.share, (std::vector<double>{0.5, 0.5, 0.0, 0.0, 0.0}));
    EXPECT_NEAR(wedges.start[1], k_pi, 1e-12);
    EXPECT_EQ(wedges.inner_rows, 1u);
    EXPECT_EQ(wedges.outer_rows, 1u);
    EXPECT_DOUBLE_EQ(wedges.inner_radius, 2.2);  // 1.9 / 2π is less than the least radius
    EXPECT_DOUBLE_EQ(wedges.outer_radius, 4.8);  // + 2.6
    EXPECT_DOUBLE_EQ(wedges.label_radius, 3.6);  // no outer ring: the inner one + 1.4
    // Clockwise from the top: alpha's middle at 3 o'clock, beta's at 9 o'clock.
    const std::vector<std::size_t> wedge_of_member = {0, 1};
    const std::vector<MapPoint> points = detail::ring_points(wedges, wedge_of_member, false);
    ASSERT_EQ(points.size(), 2u);
    expect_point(points[0], 2.2, 0.0);
    expect_point(points[1], -2.2, 0.0);
    expect_point(detail::wedge_point(wedges, 0, 1.0, 0.0), 0.0, 1.0);  // alpha starts at the top
    expect_point(detail::wedge_point(wedges, 1, 1.0, 0.5), -1.0, 0.0);
}

TEST(EgoWedges, RadiusTwoSharesByTheMoreCrowdedRing) {
    // Radius 2 of the example: alpha 1 direct and 1 outer, beta 1 direct, gamma 1 outer.
    // alpha needs max(0.95, 0.55 / 2) = 0.95 inches, beta 0.95, gamma 0.275: 2.175 in all.
    const std::vector<std::size_t> inner = {1, 1, 0, 0, 0};
    const std::vector<std::size_t> outer = {1, 0, 0, 1, 0};
    const detail::EgoWedges wedges = detail::ego_wedges(inner, outer);
    const double alpha = 0.95 / 2.175;   // 38/87
    const double gamma = 0.275 / 2.175;  // 11/87
    EXPECT_NEAR(wedges.share[0], alpha, 1e-12);
    EXPECT_NEAR(wedges.share[1], alpha, 1e-12);
    EXPECT_EQ(wedges.share[2], 0.0);
    EXPECT_NEAR(wedges.share[3], gamma, 1e-12);
    EXPECT_NEAR(wedges.start[3], 2 * alpha * 2 * k_pi, 1e-12);  // after alpha and beta (delta is empty)
    EXPECT_DOUBLE_EQ(wedges.label_radius, 6.2);                 // 4.8 + 1.4
    const std::vector<std::size_t> outer_wedges = {0, 3};
    const std::vector<MapPoint> points = detail::ring_points(wedges, outer_wedges, true);
    // a3 in the middle of alpha at 4.8 inches: angle π/2 − π·alpha.
    expect_point(points[0], 4.8 * std::cos(k_pi / 2 - k_pi * alpha), 4.8 * std::sin(k_pi / 2 - k_pi * alpha));
    // c1 in the middle of gamma: angle π/2 − 2π(2·alpha + gamma / 2).
    const double c1 = k_pi / 2 - 2 * k_pi * (2 * alpha + gamma / 2);
    expect_point(points[1], 4.8 * std::cos(c1), 4.8 * std::sin(c1));
}

TEST(EgoWedges, CrowdedRingsTakeMoreRows) {
    // 42 direct contacts in one wedge: two rows of 21, 0.95 · 42 / 2 = 19.95 inches of arc.
    const detail::EgoWedges inner = detail::ego_wedges(std::vector<std::size_t>{42}, std::vector<std::size_t>{0});
    EXPECT_EQ(inner.inner_rows, 2u);
    EXPECT_NEAR(inner.inner_radius, 19.95 / (2 * k_pi), 1e-12);
    EXPECT_NEAR(inner.outer_radius, 19.95 / (2 * k_pi) + 0.8 + 2.6, 1e-12);
    EXPECT_NEAR(inner.label_radius, 19.95 / (2 * k_pi) + 0.8 + 1.4, 1e-12);
    const std::vector<MapPoint> points = detail::ring_points(inner, std::vector<std::size_t>(42, 0), false);
    // The second contact on the outer row, at 1.5 / 42 of the circle.
    const double r = inner.inner_radius + 0.8;
    const double a = k_pi / 2 - 2 * k_pi * 1.5 / 42;
    expect_point(points[1], r * std::cos(a), r * std::sin(a));
    EXPECT_NEAR(std::hypot(points[0].x, points[0].y), inner.inner_radius, 1e-12);

    // 1 direct contact in wedge 0, 100 contacts of contacts in wedge 1: wedge 1 needs 27.5
    // inches, 27.5 / 28.45 of the circle; its arc on the outer ring (radius 28.45 / 2π +
    // 2.6 = 7.128) is 43.29 inches, and 100 · 0.55 = 55 inches need 2 rows.
    const detail::EgoWedges outer =
        detail::ego_wedges(std::vector<std::size_t>{1, 0}, std::vector<std::size_t>{0, 100});
    EXPECT_EQ(outer.rows, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(outer.outer_rows, 2u);
    EXPECT_NEAR(outer.inner_radius, 28.45 / (2 * k_pi), 1e-12);
    EXPECT_NEAR(outer.label_radius, outer.outer_radius + 0.6 + 1.4, 1e-12);
    const std::vector<MapPoint> outer_points = detail::ring_points(outer, std::vector<std::size_t>(100, 1), true);
    // The fourth (k = 3): second row (3 mod 2 = 1), second of 50 columns (⌊3 / 2⌋ = 1).
    const double r4 = outer.outer_radius + 0.6;
    const double a4 = k_pi / 2 - 2 * k_pi * (0.95 / 28.45 + (1.5 / 50) * (27.5 / 28.45));
    expect_point(outer_points[3], r4 * std::cos(a4), r4 * std::sin(a4));
}

TEST(WedgeHeadings, OnePerWedgeWithItsCounts) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const detail::EgoRings rings = detail::ego_rings(graph, sectors, MemberScores(6, 0.0), 0, 2);
    const detail::EgoWedges wedges = detail::ego_wedges(rings.inner_count, rings.outer_count);
    const std::vector<MapNode> headings = detail::wedge_headings(wedges, rings, sectors, 2);
    ASSERT_EQ(headings.size(), 3u);  // alpha, beta, gamma; delta has nobody here
    EXPECT_EQ(headings[0].key, "wedge-1");
    EXPECT_EQ(headings[0].label, "alpha\n1 direct\n1 at two steps");
    EXPECT_EQ(headings[1].label, "beta\n1 direct\n0 at two steps");
    EXPECT_EQ(headings[2].key, "wedge-4");
    EXPECT_EQ(headings[2].label, "gamma\n0 direct\n1 at two steps");
    EXPECT_EQ(headings[2].shape, NodeShape::text);
    EXPECT_NEAR(std::hypot(headings[2].position->x, headings[2].position->y), 6.2, 1e-12);
    // Radius 1: no outer counts.
    const detail::EgoRings one = detail::ego_rings(graph, sectors, MemberScores(6, 0.0), 0, 1);
    const std::vector<MapNode> inner_only =
        detail::wedge_headings(detail::ego_wedges(one.inner_count, one.outer_count), one, sectors, 1);
    ASSERT_EQ(inner_only.size(), 2u);
    EXPECT_EQ(inner_only[1].label, "beta\n1 direct");
    // Fewer drawn than there are: "(n drawn)".
    detail::EgoRings fewer = one;
    fewer.inner_total[1] = 12;
    EXPECT_EQ(
        detail::wedge_headings(detail::ego_wedges(fewer.inner_count, fewer.outer_count), fewer, sectors, 1)[1].label,
        "beta\n12 direct (1 drawn)");
}

TEST(EgoText, WordsOfTheExample) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    const detail::EgoRings rings = detail::ego_rings(graph, sectors, MemberScores(6, 0.0), 0, 2);
    const detail::EgoLines lines = detail::ego_lines(graph, rings, 0);
    const detail::SceneText text =
        detail::ego_text(network, sectors, rings, lines, 0, 2, MemberMetric::degree, MapOptions{});
    EXPECT_EQ(text.title, "Name of e's network by sector");
    ASSERT_EQ(text.reading.size(), 2u);
    EXPECT_EQ(text.reading[0],
              "Name of e (alpha) is in the middle; 2 direct contacts on the inner ring, 2 contacts of contacts "
              "outside, grouped by sector.");
    EXPECT_EQ(text.reading[1],
              "A thick outline marks someone reachable through a contact in a sector Name of e has no direct contact "
              "in yet: an introduction to ask for.");
    ASSERT_EQ(text.legend.size(), 1u);
    EXPECT_EQ(text.legend[0].heading, "Sectors without a direct contact");
    ASSERT_EQ(text.legend[0].items.size(), 2u);
    EXPECT_EQ(text.legend[0].items[0].text, "delta: 0 reachable at two steps");
    EXPECT_EQ(text.legend[0].items[1].text, "gamma: 1 reachable at two steps");
    // The data caption (2 lines), the drawing rule and the weak bridges.
    ASSERT_EQ(text.caption.size(), 4u);
    EXPECT_EQ(text.caption[2],
              "Lines: every tie of Name of e, the ties between direct contacts, and each outer contact's strongest tie "
              "to a direct contact.");
    EXPECT_EQ(text.caption[3].rfind("Weak bridge: ", 0), 0u);

    const detail::EgoRings one = detail::ego_rings(graph, sectors, MemberScores(6, 0.0), 0, 1);
    MapOptions titled;
    titled.title = "Mine";
    const detail::SceneText radius_one =
        detail::ego_text(network, sectors, one, detail::ego_lines(graph, one, 0), 0, 1, MemberMetric::degree, titled);
    EXPECT_EQ(radius_one.title, "Mine");
    EXPECT_EQ(radius_one.reading[0],
              "Name of e (alpha) is in the middle; 2 direct contacts on the inner ring, grouped by sector.");
    EXPECT_EQ(radius_one.reading[1], "Size shows degree (how many people they are tied to).");
    EXPECT_EQ(radius_one.legend[0].items[0].text, "delta");
    EXPECT_EQ(radius_one.caption[2], "Lines: every tie of Name of e, the ties between direct contacts.");
}

TEST(EgoText, LimitsStatedInTheCaption) {
    const Network network = example();
    const TieGraph graph = project_ties(network, {});
    const Sectors sectors = member_sectors(network);
    detail::EgoRings rings = detail::ego_rings(graph, sectors, MemberScores(6, 0.0), 0, 2);
    rings.inner_all = 90;  // as if 90 direct contacts and 200 contacts of contacts were found
    rings.outer_all = 200;
    detail::EgoLines lines = detail::ego_lines(graph, rings, 0);
    lines.contact_ties = 1234;
    lines.contact_ties_drawn = false;
    const detail::SceneText text =
        detail::ego_text(network, sectors, rings, lines, 0, 2, MemberMetric::bridging, MapOptions{});
    ASSERT_EQ(text.caption.size(), 6u);
    EXPECT_EQ(text.caption[2],
              "Lines: every tie of Name of e (the 1,234 ties between direct contacts are too many to draw), and each "
              "outer contact's strongest tie to a direct contact.");
    EXPECT_EQ(text.caption[3],
              "Inner ring: 2 of 90 direct contacts, the strongest tie in each sector first, then the strongest ties.");
    EXPECT_EQ(text.caption[5],
              "Outer ring: 2 of 200 contacts of contacts, those in new sectors first, then the largest by bridging.");
}

}  // namespace
}  // namespace bridgemap::viz
