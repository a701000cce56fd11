#pragma once
// The maps of a seating plan: one map per table and round of the people seated there and the
// ties they had before the event, and an index page showing them all, for `seat --map`.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/report/seating_files.hpp>
#include <bridgemap/viz/map_options.hpp>

#include <string>
#include <vector>

namespace bridgemap::viz {

/// One file of a folder of maps: its name inside the folder and its content.
struct MapFile {
    std::string name;
    std::string content;
};

/// The SVG map of every table in every round of `printed` (report::table_map_file names it,
/// report::table_map_title titles it), drawn from `before` (the network as it was before the
/// event), and last "index.html" (report::plan_map_index). Computes only what a table's map
/// draws (map_families of a member map sized by bridging), with `analysis_options` for the rest
/// (tie model, seeds). Time: one analysis of `before` plus O(Σ degree of the seated) per map.
std::vector<MapFile> seating_maps(const report::PrintedPlan& printed, const Network& before,
                                  AnalysisOptions analysis_options, MapOptions options);

}  // namespace bridgemap::viz
