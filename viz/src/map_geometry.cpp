#include <bridgemap/viz/detail/map_geometry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace bridgemap::viz::detail {
namespace {

/// A uniform grid over the plane: each item is listed in every cell its box touches.
class Grid {
public:
    explicit Grid(double cell) : cell_(cell) {}

    void add(const Box& box, std::size_t item) {
        for_cells(box, [&](std::int64_t key) { cells_[key].push_back(item); });
    }

    /// Calls visit(item) for every item in a cell `box` touches (an item may come more than once).
    template <typename Visit>
    void visit(const Box& box, Visit visit) const {
        for_cells(box, [&](std::int64_t key) {
            const auto found = cells_.find(key);
            if (found == cells_.end()) return;
            for (const std::size_t item : found->second) visit(item);
        });
    }

private:
    template <typename Each>
    void for_cells(const Box& box, Each each) const {
        const auto low_x = static_cast<std::int64_t>(std::floor(box.left / cell_));
        const auto high_x = static_cast<std::int64_t>(std::floor(box.right / cell_));
        const auto low_y = static_cast<std::int64_t>(std::floor(box.bottom / cell_));
        const auto high_y = static_cast<std::int64_t>(std::floor(box.top / cell_));
        for (std::int64_t x = low_x; x <= high_x; ++x) {
            for (std::int64_t y = low_y; y <= high_y; ++y) each(x * 2'000'003 + y);
        }
    }

    double cell_;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells_;
};

Box grown(const Box& box, double by) {
    return {box.left - by, box.bottom - by, box.right + by, box.top + by};
}

Box segment_box(const Segment& segment) {
    return {std::min(segment.from.x, segment.to.x), std::min(segment.from.y, segment.to.y),
            std::max(segment.from.x, segment.to.x), std::max(segment.from.y, segment.to.y)};
}

MapPoint centre_of(const Box& box) {
    return {(box.left + box.right) / 2.0, (box.bottom + box.top) / 2.0};
}

/// The candidate centres of a name of `width` × `height` beside `mark`, in order of preference.
std::vector<MapPoint> mark_candidates(const Box& mark, double width, double height) {
    const MapPoint c = centre_of(mark);
    const double rx = (mark.right - mark.left) / 2.0;
    const double ry = (mark.top - mark.bottom) / 2.0;
    const double w = width / 2.0;
    const double h = height / 2.0;
    std::vector<MapPoint> points;
    points.reserve(36);
    for (const double g : k_label_gaps) {
        const double d = 0.7071;                    // the diagonal positions clear a round mark's corner
        points.push_back({c.x + rx + g + w, c.y});  // right
        points.push_back({c.x - rx - g - w, c.y});  // left
        points.push_back({c.x, c.y + ry + g + h});  // above
        points.push_back({c.x, c.y - ry - g - h});  // below
        points.push_back({c.x + rx * d + g + w, c.y + ry * d + g + h});  // above right
        points.push_back({c.x - rx * d - g - w, c.y + ry * d + g + h});  // above left
        points.push_back({c.x + rx * d + g + w, c.y - ry * d - g - h});  // below right
        points.push_back({c.x - rx * d - g - w, c.y - ry * d - g - h});  // below left
        points.push_back({c.x - rx + w, c.y + ry + g + h});              // above, starting at the mark
        points.push_back({c.x + rx - w, c.y + ry + g + h});              // above, ending at the mark
        points.push_back({c.x - rx + w, c.y - ry - g - h});              // below, starting at the mark
        points.push_back({c.x + rx - w, c.y - ry - g - h});              // below, ending at the mark
    }
    return points;
}

std::vector<MapPoint> line_candidates(const Segment& line) {
    std::vector<MapPoint> points;
    for (const double t : {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82}) {
        points.push_back({line.from.x + t * (line.to.x - line.from.x), line.from.y + t * (line.to.y - line.from.y)});
    }
    return points;
}

}  // namespace

Box box_around(MapPoint centre, double width, double height) {
    return {centre.x - width / 2.0, centre.y - height / 2.0, centre.x + width / 2.0, centre.y + height / 2.0};
}

double box_distance(const Box& a, const Box& b) {
    const double dx = std::max({0.0, a.left - b.right, b.left - a.right});
    const double dy = std::max({0.0, a.bottom - b.top, b.bottom - a.top});
    return std::hypot(dx, dy);
}

bool segment_crosses_box(MapPoint a, MapPoint b, const Box& box) {
    // Liang–Barsky clipping: the part of the segment inside the box has positive length.
    double t0 = 0.0;
    double t1 = 1.0;
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - box.left, box.right - a.x, a.y - box.bottom, box.top - a.y};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0.0) {
            if (q[k] <= 0.0) return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0.0) {
            t0 = std::max(t0, t);
        } else {
            t1 = std::min(t1, t);
        }
        if (t0 >= t1) return false;
    }
    return t1 - t0 > 1e-9;
}

std::vector<std::optional<MapPoint>> place_labels(std::span<const Box> marks, std::span<const Segment> lines,
                                                  std::span<const LabelRequest> requests) {
    std::vector<std::optional<MapPoint>> placed(requests.size());
    if (requests.empty()) return placed;
    // A cell about the size of a name keeps each look-up to a few cells.
    double cell = 0.0;
    for (const auto& request : requests) cell = std::max(cell, request.width);
    cell = std::max(cell, 0.5);
    Grid mark_grid(cell);
    for (std::size_t m = 0; m < marks.size(); ++m) mark_grid.add(marks[m], m);
    Grid line_grid(cell);
    for (std::size_t l = 0; l < lines.size(); ++l) line_grid.add(segment_box(lines[l]), l);
    Grid label_grid(cell);
    std::vector<Box> label_boxes;

    std::vector<std::uint32_t> seen(std::max(lines.size(), std::size_t{1}), 0);
    std::uint32_t stamp = 0;
    for (std::size_t r = 0; r < requests.size(); ++r) {
        const LabelRequest& request = requests[r];
        const bool of_mark = request.mark != LabelRequest::k_none;
        if (of_mark && request.mark >= marks.size()) continue;
        if (!of_mark && request.line >= lines.size()) continue;
        const std::vector<MapPoint> candidates =
            of_mark ? mark_candidates(marks[request.mark], request.width, request.height)
                    : line_candidates(lines[request.line]);
        std::size_t best_crossings = std::numeric_limits<std::size_t>::max();
        for (const MapPoint& centre : candidates) {
            const Box box = box_around(centre, request.width, request.height);
            // No name over another (1 point apart at least).
            bool allowed = true;
            label_grid.visit(grown(box, 1.0 / 72.0), [&](std::size_t other) {
                if (allowed && box_distance(box, label_boxes[other]) < 1.0 / 72.0) allowed = false;
            });
            if (!allowed) continue;
            // Its own mark the nearest, by a clear margin.
            const double own = of_mark ? box_distance(box, marks[request.mark]) : 0.0;
            const double keep_off = own + k_label_clearance;
            mark_grid.visit(grown(box, keep_off), [&](std::size_t m) {
                if (allowed && m != request.mark && box_distance(box, marks[m]) < keep_off) allowed = false;
            });
            if (!allowed) continue;
            // As few lines across it as possible.
            ++stamp;
            std::size_t crossings = 0;
            line_grid.visit(box, [&](std::size_t l) {
                if (seen[l] == stamp || l == request.line) return;
                seen[l] = stamp;
                if (segment_crosses_box(lines[l].from, lines[l].to, box)) ++crossings;
            });
            if (crossings < best_crossings) {
                best_crossings = crossings;
                placed[r] = centre;
                if (crossings == 0) break;
            }
        }
        if (placed[r]) {
            label_boxes.push_back(box_around(*placed[r], request.width, request.height));
            label_grid.add(label_boxes.back(), label_boxes.size() - 1);
        }
    }
    return placed;
}

double community_separation(std::span<const MapPoint> points, std::span<const std::uint32_t> group) {
    double within = 0.0;
    double across = 0.0;
    std::size_t within_pairs = 0;
    std::size_t across_pairs = 0;
    const std::size_t n = std::min(points.size(), group.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (group[i] == k_no_group) continue;
        for (std::size_t j = i + 1; j < n; ++j) {
            if (group[j] == k_no_group) continue;
            const double d = std::hypot(points[i].x - points[j].x, points[i].y - points[j].y);
            if (group[i] == group[j]) {
                within += d;
                ++within_pairs;
            } else {
                across += d;
                ++across_pairs;
            }
        }
    }
    if (within_pairs == 0 || across_pairs == 0 || across == 0.0) return std::numeric_limits<double>::quiet_NaN();
    return (within / static_cast<double>(within_pairs)) / (across / static_cast<double>(across_pairs));
}

}  // namespace bridgemap::viz::detail
