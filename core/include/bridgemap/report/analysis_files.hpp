#pragma once
// The files `bridgemap analyse` writes (SPEC §3): members.csv, ties.csv and summary.json.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/report/consent.hpp>

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
/// member's extra input columns. Undefined values are empty. Consent (SPEC §5): hidden
/// members have no row; pseudonym members are written by pseudonym in id and name, their
/// organisation and extra columns left empty; under --pseudonymise organisations are
/// "Organisation N". When any member is shown by pseudonym the rows are ordered by the id
/// written (input order would hint who is who); else by member index.
std::string members_csv(const Network& network, const Analysis& analysis, const Disclosure& disclosure);

/// One row per tie with source id < target id (byte order), sorted by (source, target):
/// source, target, weight, events, groups, organisations, explicit, cross_sector,
/// embeddedness, overlap, local_bridge, span, bridge. Ids are those `disclosure` writes;
/// ties with a hidden member are left out.
std::string ties_csv(const Network& network, const Analysis& analysis, const Disclosure& disclosure);

/// The network-level results of SPEC §3 as a JSON object, with the run's settings. The
/// figures count every member, hidden ones too; settings.data is null when `pseudonymised`
/// (no local path in a shared output).
std::string summary_json(const Network& network, const Analysis& analysis, const AnalysisContext& context,
                         bool pseudonymised = false);

}  // namespace bridgemap::report
