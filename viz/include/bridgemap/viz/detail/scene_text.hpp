#pragma once
// Private to bridgemap::viz and its tests: the words of a map, which the map builders
// compose in a step of their own.

#include <bridgemap/viz/scene.hpp>

#include <string>
#include <utility>
#include <vector>

namespace bridgemap::viz::detail {

/// What a MapScene holds besides its nodes and lines.
struct SceneText {
    std::string title;
    std::vector<std::string> reading;
    std::vector<LegendColumn> legend;
    std::vector<std::string> caption;
};

/// Moves `text` into `scene`, replacing its words.
inline void set_text(MapScene& scene, SceneText text) {
    scene.title = std::move(text.title);
    scene.reading = std::move(text.reading);
    scene.legend = std::move(text.legend);
    scene.caption = std::move(text.caption);
}

}  // namespace bridgemap::viz::detail
