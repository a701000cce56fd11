#include <bridgemap/viz/member_positions.hpp>

#include <bridgemap/viz/whole_map.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace bridgemap::viz {
namespace {

constexpr double k_golden_angle = 2.39996322972865332;  // π (3 − √5)
constexpr double k_member_spacing = 18.0;               // points between neighbouring members

/// Point k of a sunflower spiral (Vogel 1979) whose points are `spacing` apart.
MapPoint sunflower(std::size_t k, double spacing) {
    const double radius = spacing * std::sqrt(static_cast<double>(k) + 0.5);
    const double angle = static_cast<double>(k) * k_golden_angle;
    return {radius * std::cos(angle), radius * std::sin(angle)};
}

MemberPositions community_discs(const Network& network, const MapData& data) {
    const std::size_t n = network.members.size();
    MemberPositions positions;
    positions.points.resize(n);
    positions.method =
        "community discs (members grouped by community on sunflower spirals; " + std::to_string(n) +
        " members is above the " + std::to_string(k_summary_threshold) +
        " up to which the map's own Graphviz layout is used); run a force layout such as ForceAtlas 2 to refine";
    // Members by community; isolates (community 0) and everyone without communities apart.
    std::map<std::uint32_t, std::vector<MemberIndex>> groups;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t community = data.communities != nullptr ? data.communities->of_member[i] : 1;
        groups[community].push_back(static_cast<MemberIndex>(i));
    }
    std::vector<std::pair<std::uint32_t, const std::vector<MemberIndex>*>> order;
    const std::vector<MemberIndex>* isolates = nullptr;
    for (const auto& [community, members] : groups) {
        if (community == k_no_community) {
            isolates = &members;
        } else {
            order.emplace_back(community, &members);
        }
    }
    // Communities are numbered by decreasing size already; keep that order.
    // Discs are placed on a sunflower spiral scaled so that the largest discs do not overlap.
    double largest_radius = 0.0;
    for (const auto& [community, members] : order) {
        largest_radius = std::max(largest_radius, k_member_spacing * std::sqrt(members->size() + 0.5));
    }
    const double disc_spacing = 2.2 * largest_radius;
    double outer = 0.0;
    for (std::size_t c = 0; c < order.size(); ++c) {
        const MapPoint centre = sunflower(c, disc_spacing);
        const auto& members = *order[c].second;
        for (std::size_t k = 0; k < members.size(); ++k) {
            const MapPoint offset = sunflower(k, k_member_spacing);
            positions.points[members[k]] = {centre.x + offset.x, centre.y + offset.y};
            outer = std::max(outer, std::hypot(centre.x + offset.x, centre.y + offset.y));
        }
    }
    if (isolates != nullptr) {
        const double radius = outer + 4.0 * k_member_spacing;
        for (std::size_t k = 0; k < isolates->size(); ++k) {
            const double angle =
                2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(isolates->size());
            positions.points[(*isolates)[k]] = {radius * std::cos(angle), radius * std::sin(angle)};
        }
    }
    for (auto& point : positions.points) {
        point.x = std::round(point.x * 100.0) / 100.0;
        point.y = std::round(point.y * 100.0) / 100.0;
    }
    return positions;
}

}  // namespace

MemberPositions member_positions(const Network& network, const MapData& data, const MapOptions& options) {
    const std::size_t n = network.members.size();
    if (n > k_summary_threshold) return community_discs(network, data);
    MemberPositions positions;
    positions.points.resize(n);
    if (n == 0) return positions;
    const MapScene scene = whole_network_scene(network, data, options);
    const std::vector<MapPoint> points = scene_positions(scene);
    for (std::size_t k = 0; k < scene.nodes.size(); ++k) {
        // Member nodes are keyed "member-N" (N = index + 1); other nodes are not members.
        const std::string& key = scene.nodes[k].key;
        if (key.rfind("member-", 0) != 0) continue;
        const std::size_t member = std::stoul(key.substr(7)) - 1;
        if (member < n) positions.points[member] = {points[k].x * 72.0, points[k].y * 72.0};
    }
    const bool grouped = data.communities != nullptr;
    positions.method =
        grouped ? "each community laid out alone (Graphviz neato up to 300 members, sfdp above), the communities "
                  "placed as discs (neato), as on the whole-network map of bridgemap map with --seed " +
                      std::to_string(options.seed)
                : std::string(scene.layout == SceneLayout::neato ? "neato" : "sfdp") +
                      " (Graphviz), as on the whole-network map of bridgemap map with --seed " +
                      std::to_string(options.seed);
    return positions;
}

}  // namespace bridgemap::viz
