#include <bridgemap/viz/scene.hpp>

#include <charconv>
#include <string_view>

namespace bridgemap::viz {

void leave_out_members(MapScene& scene, const std::vector<bool>& hidden) {
    constexpr std::string_view prefix = "member-";
    const auto is_hidden = [&](const MapNode& node) {
        const std::string_view key = node.key;
        if (key.rfind(prefix, 0) != 0) return false;
        std::size_t number = 0;
        const auto* first = key.data() + prefix.size();
        const auto* last = key.data() + key.size();
        const auto [end, error] = std::from_chars(first, last, number);
        if (error != std::errc() || end != last || number == 0) return false;
        return number - 1 < hidden.size() && hidden[number - 1];
    };
    constexpr std::size_t k_gone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> new_index(scene.nodes.size(), k_gone);
    std::vector<MapNode> kept;
    kept.reserve(scene.nodes.size());
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        if (is_hidden(scene.nodes[i])) continue;
        new_index[i] = kept.size();
        kept.push_back(std::move(scene.nodes[i]));
    }
    if (kept.size() == scene.nodes.size()) {
        scene.nodes = std::move(kept);
        return;
    }
    std::vector<MapEdge> edges;
    edges.reserve(scene.edges.size());
    for (MapEdge& edge : scene.edges) {
        if (new_index[edge.from] == k_gone || new_index[edge.to] == k_gone) continue;
        edge.from = new_index[edge.from];
        edge.to = new_index[edge.to];
        edges.push_back(std::move(edge));
    }
    scene.nodes = std::move(kept);
    scene.edges = std::move(edges);
}

}  // namespace bridgemap::viz
