#include <bridgemap/viz/map_data.hpp>
#include <bridgemap/viz/member_map.hpp>
#include <bridgemap/viz/seating_maps.hpp>

namespace bridgemap::viz {

std::vector<MapFile> seating_maps(const report::PrintedPlan& printed, const Network& before,
                                  AnalysisOptions analysis_options, MapOptions options) {
    // Only what a table's map draws: sizes by bridging, communities and local bridges for weak bridges.
    analysis_options.families = map_families(MapKind::members, MapColouring::sector, MemberMetric::bridging);
    const Analysis analysis = analyse(before, analysis_options);
    const MapData data = map_data(analysis, MemberMetric::bridging);

    std::vector<MapFile> files;
    for (std::size_t r = 0; r < printed.tables.size(); ++r) {
        for (std::size_t t = 0; t < printed.tables[r].size(); ++t) {
            std::vector<MemberIndex> members;
            for (const std::uint32_t p : printed.tables[r][t].persons) members.push_back(printed.problem->people[p]);
            options.title = report::table_map_title(printed, r, t);
            files.push_back({report::table_map_file(printed, r, t),
                             render_member_map(before, data, members, options, MapFormat::svg)});
        }
    }
    files.push_back({"index.html", report::plan_map_index(printed)});
    return files;
}

}  // namespace bridgemap::viz
