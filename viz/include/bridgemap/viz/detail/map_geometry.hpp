#pragma once
// Private to bridgemap::viz and its tests: the geometry of a drawn map, without Graphviz.
// - Where names go (place_labels): each beside its own mark, so that its own mark is the
//   nearest to it, over no other name or mark, and crossed by as few lines as the room
//   around the mark allows.
// - How well a layout groups communities (community_separation).
// Lengths are in inches, y upwards, as MapPoint.

#include <bridgemap/viz/scene.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace bridgemap::viz::detail {

/// An axis-aligned rectangle.
struct Box {
    double left = 0.0;
    double bottom = 0.0;
    double right = 0.0;
    double top = 0.0;
};

/// The box of width `width` and height `height` centred on `centre`.
Box box_around(MapPoint centre, double width, double height);

/// The distance between two boxes: 0 when they touch or overlap.
double box_distance(const Box& a, const Box& b);

/// True when the segment from `a` to `b` passes through the inside of `box`.
bool segment_crosses_box(MapPoint a, MapPoint b, const Box& box);

/// A line of the map, between two points.
struct Segment {
    MapPoint from;
    MapPoint to;
};

/// A name to place: the mark it belongs to (an index into the marks), or, for the label of
/// a line, no mark and the line it belongs to (an index into the lines).
struct LabelRequest {
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::size_t mark = k_none;
    std::size_t line = k_none;
    double width = 0.0;
    double height = 0.0;
};

/// Clearance around a name: every other mark is at least this much farther from the name
/// than its own mark is (a line's label: this far from every mark).
inline constexpr double k_label_clearance = 3.0 / 72.0;

/// The gaps tried between a mark and its name, nearest first.
inline constexpr double k_label_gaps[] = {2.0 / 72.0, 6.0 / 72.0, 12.0 / 72.0};

/// Places the names of `requests`, in that order (the most important first): a mark's name
/// at one of 36 positions around its mark (12 directions, right first, at each gap of
/// k_label_gaps), a line's label at one of 9 points along it (the middle first). A position
/// is allowed when the name overlaps no name placed before, and every mark but its own is at
/// least k_label_clearance farther from it than its own mark (a line's label: every mark at
/// least k_label_clearance away); among those allowed, the one crossed by fewest lines, then
/// the first. Returns the centre of each name, or nothing when no position is allowed (the
/// name is left off). `marks` are the marks' bounding boxes, `lines` the lines drawn.
/// O(requests × 45 × the marks, lines and names near each position), with a grid index.
std::vector<std::optional<MapPoint>> place_labels(std::span<const Box> marks, std::span<const Segment> lines,
                                                  std::span<const LabelRequest> requests);

/// How well `points` group by `group`: the mean distance between two members of one group
/// over the mean distance between two members of different groups, over every pair of
/// points whose group is not k_no_group. Lower is better grouped: about 1 when groups are
/// mixed at random, near 0 when each group is a tight cluster far from the others. NaN when
/// there is no pair within a group or no pair across groups. O(points²).
inline constexpr std::uint32_t k_no_group = 0;
double community_separation(std::span<const MapPoint> points, std::span<const std::uint32_t> group);

}  // namespace bridgemap::viz::detail
