#pragma once
// Private to bridgemap::viz and its tests: the step between a scene's layout and its drawing,
// where the names of the marks (and the labels of lines) are placed by bridgemap rather than
// by Graphviz, so that each name sits beside its own mark (map_geometry.hpp: place_labels).

#include <bridgemap/viz/scene.hpp>

#include <span>

namespace bridgemap::viz::detail {

/// `scene` with every node at `positions` (scene_positions()) and layout fixed, and every
/// name drawn beside a mark (MapNode::label, unless label_inside or a heading) and every
/// line's label turned into a node of its own: NodeShape::name, keyed "label-" and the mark's
/// key (or "label-line-N"), class "name", sized to its text as Graphviz measures it, its font
/// `name_scale` times its mark's. Names are placed largest mark first, then lines' labels;
/// a name with no allowed place is left off and the caption says how many were. The names'
/// nodes come after every other node. Time: place_labels'.
MapScene placed_scene(const MapScene& scene, std::span<const MapPoint> positions, double name_scale = 1.0);

}  // namespace bridgemap::viz::detail
