#pragma once
// The files `bridgemap analyse` writes (SPEC §3): members.csv, ties.csv and summary.json.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>

#include <string>

namespace bridgemap::report {

/// What the analysis was run on, recorded in summary.json so that it can be reproduced.
struct AnalysisContext {
    std::string data;  ///< The network folder or file, as given.
    Window window;
    TieOptions ties;
    std::uint64_t seed = 1;
};

/// The tie model (SPEC §2) as summary.json and every JSON output carry it under `tie_model`,
/// as the text of a JSON object: max_setting_size (0: every setting), weights, min_weight,
/// colleague_ties ("all members", or "members active in the window" for a windowed view:
/// a --from/--until window, or trend's periods) and text, the one line describe_tie_model()
/// gives.
std::string tie_model_json(const TieOptions& ties, bool windowed);

/// One row per member, by member index: id, name, sector, organisation, then every SPEC §3
/// member metric by its column name, then component and articulation_point, then the
/// member's extra input columns. Undefined values are empty.
std::string members_csv(const Network& network, const Analysis& analysis);

/// One row per tie with source id < target id (byte order), sorted by (source, target):
/// source, target, weight, events, groups, organisations, explicit, cross_sector,
/// embeddedness, overlap, local_bridge, span, bridge.
std::string ties_csv(const Network& network, const Analysis& analysis);

/// The network-level results of SPEC §3 as a JSON object, with the run's settings.
std::string summary_json(const Network& network, const Analysis& analysis, const AnalysisContext& context);

}  // namespace bridgemap::report
