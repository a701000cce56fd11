#include <bridgemap/viz/member_map.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/viz/markup.hpp>
#include <bridgemap/viz/tie_selection.hpp>

#include "member_drawing.hpp"

#include <algorithm>
#include <map>

namespace bridgemap::viz {
namespace detail {

MapScene room_scene(const Network& network, const MapData& data, const TieGraph& ties,
                    std::span<const std::uint8_t> weak, std::span<const MemberIndex> members, const MapOptions& options,
                    RoomText text) {
    check_map_data(network, data, false);
    const std::size_t n = network.members.size();
    for (const MemberIndex m : members) {
        if (m >= n) throw Error("map: member index " + std::to_string(m) + " is not in the network");
    }
    std::vector<MemberIndex> shown(members.begin(), members.end());
    {
        std::vector<std::uint8_t> seen(n, 0);
        std::erase_if(shown, [&](MemberIndex m) { return std::exchange(seen[m], std::uint8_t{1}) != 0; });
    }
    const Sectors& sectors = *data.sectors;

    MemberLayer layer = member_layer(network, data, ties, shown, weak, options);
    layer.min_size = shown.size() <= 100 ? 0.3 : 0.15;
    layer.max_size = shown.size() <= 100 ? 0.85 : 0.6;
    layer.font_size = shown.size() <= 100 ? 13 : 14;

    MapScene scene;
    scene.seed = options.seed;
    scene.layout = scene_layout(options.layout, shown.size());
    const DrawnMembers drawn = add_members(scene, layer);

    // Who is not yet tied to anyone of another sector in the room, and which sector pairs
    // are least connected.
    std::vector<std::uint8_t> in_room(n, 0);
    for (const MemberIndex m : shown) in_room[m] = 1;
    std::vector<std::size_t> present(sectors.count(), 0);
    for (const MemberIndex m : shown) {
        if (sectors.known(m)) ++present[sectors.of_member[m]];
    }
    std::map<std::pair<SectorIndex, SectorIndex>, std::size_t> tied_pairs;
    std::size_t not_bridged = 0;
    for (const MemberIndex m : shown) {
        if (!sectors.known(m)) continue;
        const SectorIndex own = sectors.of_member[m];
        bool bridged = false;
        for (const MemberIndex other : ties.neighbours(m)) {
            if (!in_room[other] || !sectors.known(other) || sectors.of_member[other] == own) continue;
            bridged = true;
            if (other > m)
                ++tied_pairs[{std::min(own, sectors.of_member[other]), std::max(own, sectors.of_member[other])}];
        }
        std::size_t others_present = 0;
        for (SectorIndex s = 0; s < sectors.count(); ++s) others_present += s == own ? 0 : present[s];
        if (!bridged && others_present > 0) {
            MapNode& node = scene.nodes[drawn.node_of[m]];
            node.outline = "#000000";
            node.outline_width = 3.0;
            node.size = std::max(node.size, 0.4);  // a thick outline on a tiny mark would hide its colour
            node.css_class += " not-yet-bridged";
            // The people to introduce are always named.
            if (node.label.empty()) node.label = one_line(network.members[m].display_name(), 32);
            ++not_bridged;
        }
    }
    struct PairShare {
        SectorIndex a, b;
        std::size_t tied, possible;
    };
    std::vector<PairShare> shares;
    for (SectorIndex a = 0; a < sectors.count(); ++a) {
        for (SectorIndex b = a + 1; b < sectors.count(); ++b) {
            if (present[a] == 0 || present[b] == 0) continue;
            const auto found = tied_pairs.find({a, b});
            shares.push_back({a, b, found == tied_pairs.end() ? 0 : found->second, present[a] * present[b]});
        }
    }
    std::stable_sort(shares.begin(), shares.end(), [](const PairShare& x, const PairShare& y) {
        return static_cast<double>(x.tied) / static_cast<double>(x.possible) <
               static_cast<double>(y.tied) / static_cast<double>(y.possible);
    });

    scene.title = std::move(text.title);
    scene.reading = std::move(text.reading);
    LegendColumn colours = colour_legend(layer);
    colours.items.push_back(
        {LegendItem::Kind::node,
         "thick outline: no tie yet to anyone of another sector here (" + std::to_string(not_bridged) + ")", "#FFFFFF",
         NodeShape::circle, LineStyle::solid, true, false});
    scene.legend.push_back(std::move(colours));
    scene.legend.push_back(line_legend(layer, drawn));
    LegendColumn pairs;
    pairs.heading = "Across sectors here: pairs already tied";
    for (std::size_t k = 0; k < std::min<std::size_t>(8, shares.size()); ++k) {
        const PairShare& share = shares[k];
        pairs.items.push_back({LegendItem::Kind::text,
                               one_line(sectors.names[share.a], 30) + " \u2013 " +
                                   one_line(sectors.names[share.b], 30) + ": " + io::with_thousands(share.tied) +
                                   " of " + io::with_thousands(share.possible),
                               "", NodeShape::circle, LineStyle::solid, false, false});
    }
    if (shares.size() > 8) {
        pairs.items.push_back({LegendItem::Kind::text,
                               "(the " + std::to_string(shares.size() - 8) + " better-connected pairs not listed)", "",
                               NodeShape::circle, LineStyle::solid, false, false});
    }
    if (shares.empty()) {
        pairs.items.push_back({LegendItem::Kind::text, "Fewer than two sectors are here.", "", NodeShape::circle,
                               LineStyle::solid, false, false});
    }
    scene.legend.push_back(std::move(pairs));
    LegendColumn size_column;
    const std::string& metric = member_metric_name(data.size_metric);
    size_column.heading = "Size: " + metric;
    size_column.items.push_back({LegendItem::Kind::text,
                                 "Larger marks: higher " + metric + " in the whole network" +
                                     (data.sizes_estimated ? ",\nestimated from a sample of members." : "."),
                                 "", NodeShape::circle, LineStyle::solid, false, false});
    if (drawn.labelled < shown.size()) {
        size_column.items.push_back(
            {LegendItem::Kind::text,
             "Named: the " + std::to_string(drawn.labelled) + " largest,\nand everyone outlined.", "",
             NodeShape::circle, LineStyle::solid, false, false});
    }
    scene.legend.push_back(std::move(size_column));
    scene.caption = data_caption(options);
    for (auto& line : text.caption) scene.caption.push_back(std::move(line));
    scene.caption.push_back(ties_caption(drawn.ties, !weak.empty()));
    if (!weak.empty()) scene.caption.push_back(weak_bridge_caption());
    return scene;
}

}  // namespace detail

MapScene member_scene(const Network& network, const MapData& data, std::span<const MemberIndex> members,
                      const MapOptions& options) {
    detail::check_map_data(network, data, true);
    const std::vector<std::uint8_t> weak = detail::weak_bridges_of(data);
    detail::RoomText text;
    text.title =
        !options.title.empty() ? options.title : io::with_thousands(members.size()) + " members and their ties";
    text.reading.push_back("Each mark is a member: colour and shape give the sector, size their " +
                           detail::metric_in_words(data.size_metric) + ".");
    text.reading.push_back(
        "Lines are the ties they already have with each other. A thick outline marks someone with "
        "no tie yet to anyone of another sector here.");
    return detail::room_scene(network, data, *data.graph, weak, members, options, std::move(text));
}

std::string render_member_map(const Network& network, const MapData& data, std::span<const MemberIndex> members,
                              const MapOptions& options, MapFormat format) {
    return render_scene(member_scene(network, data, members, options), format);
}

}  // namespace bridgemap::viz
