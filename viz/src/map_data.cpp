#include <bridgemap/viz/map_data.hpp>

namespace bridgemap::viz {

MapData map_data(const Analysis& analysis, MemberMetric size_metric) {
    MapData data;
    data.graph = &analysis.graph;
    data.sectors = &analysis.sectors;
    if (analysis.families.contains(MetricFamily::communities)) data.communities = &analysis.communities;
    data.local_bridge = analysis.tie_structure.local_bridge;
    if (analysis.families.contains(MetricFamily::mixing)) data.mixing = &analysis.mixing;
    data.size_metric = size_metric;
    data.sizes = member_metric(analysis, size_metric);
    data.sizes_estimated = family_of(size_metric) == MetricFamily::paths && !analysis.paths.exact;
    return data;
}

MetricFamilies map_families(MapKind kind, MapColouring colouring, MemberMetric size_metric) {
    MetricFamilies families;
    if (const auto family = family_of(size_metric)) families.add(*family);
    if (kind != MapKind::event) families.add(MetricFamily::communities).add(MetricFamily::tie_structure);
    if (colouring == MapColouring::community) families.add(MetricFamily::communities);
    return families;
}

}  // namespace bridgemap::viz
