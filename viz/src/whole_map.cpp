#include <bridgemap/viz/whole_map.hpp>

#include <bridgemap/io/text.hpp>
#include <bridgemap/viz/summary_map.hpp>
#include <bridgemap/viz/tie_selection.hpp>

#include "member_drawing.hpp"

#include <numeric>

namespace bridgemap::viz {

MapScene whole_network_scene(const Network& network, const MapData& data, const MapOptions& options) {
    detail::check_map_data(network, data, true);
    const std::size_t n = network.members.size();
    std::vector<MemberIndex> members(n);
    std::iota(members.begin(), members.end(), MemberIndex{0});
    const std::vector<std::uint8_t> weak = detail::weak_bridges_of(data);

    detail::MemberLayer layer = detail::member_layer(network, data, *data.graph, members, weak, options);
    if (n > 300) {
        layer.min_size = 0.12;
        layer.max_size = 0.7;
        layer.font_size = 16;
    } else {
        layer.min_size = 0.18;
        layer.max_size = 0.7;
        layer.font_size = 12;
    }

    MapScene scene;
    scene.seed = options.seed;
    scene.layout = detail::scene_layout(options.layout, n);
    const detail::DrawnMembers drawn = detail::add_members(scene, layer);
    // Communities laid out apart, each member within its own (scene_positions).
    if (data.communities != nullptr) {
        for (const MemberIndex m : members) scene.nodes[drawn.node_of[m]].group = data.communities->of_member[m];
    }

    const std::string& metric = member_metric_name(data.size_metric);
    scene.title = !options.title.empty() ? options.title
                                         : "Who bridges the sectors: " + detail::data_title(options) + ", " +
                                               io::with_thousands(n) + " members";
    scene.reading.push_back("Each mark is a member: its colour and shape give the sector, its size their " +
                            detail::metric_in_words(data.size_metric) + ".");
    scene.reading.push_back(
        std::string(data.communities != nullptr ? "Each community (Leiden) is drawn as a group of its own; members "
                                                  "close together share many settings. "
                                                : "Members close together share many settings. ") +
        "Black dashed lines are weak bridges: single ties that hold two parts of the network together.");
    scene.legend.push_back(detail::colour_legend(layer));
    scene.legend.push_back(detail::line_legend(layer, drawn));
    LegendColumn size_column;
    size_column.heading = "Size: " + metric;
    size_column.items.push_back(
        {LegendItem::Kind::text,
         "Larger marks: higher " + metric + (data.sizes_estimated ? ",\nestimated from a sample of members." : "."), "",
         NodeShape::circle, LineStyle::solid, false, false});
    size_column.items.push_back({LegendItem::Kind::text,
                                 drawn.labelled == n ? std::string("Everyone is named.")
                                                     : "Named: the " + std::to_string(drawn.labelled) + " largest.",
                                 "", NodeShape::circle, LineStyle::solid, false, false});
    scene.legend.push_back(std::move(size_column));
    scene.caption = detail::data_caption(options);
    scene.caption.push_back(detail::ties_caption(drawn.ties, true));
    scene.caption.push_back(detail::weak_bridge_caption());
    return scene;
}

std::string render_whole_network_map(const Network& network, const MapData& data, const MapOptions& options,
                                     MapFormat format) {
    return render_scene(whole_network_scene(network, data, options), format);
}

std::string render_network_map(const Network& network, const MapData& data, const MapOptions& options,
                               MapFormat format) {
    if (network.members.size() > k_summary_threshold) return render_summary_map(network, data, options, format);
    return render_whole_network_map(network, data, options, format);
}

}  // namespace bridgemap::viz
