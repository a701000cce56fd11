#pragma once
// The tie model of SPEC §2: members are tied when they share an event, a group or an
// organisation, or have a row in ties.csv; Newman's collaboration weighting makes a small
// setting a stronger tie than a large one.

#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstddef>
#include <string>

namespace bridgemap {

/// The coefficients a_events, a_groups, a_orgs, a_ties of SPEC §2 (all 1 by default).
struct TieWeights {
    double events = 1.0;
    double groups = 1.0;
    double organisations = 1.0;
    double ties = 1.0;
};

/// SPEC §2's one default: only events, groups and organisations of at most 40 people tie
/// their members; a larger setting is exposure (a shared room), not a tie.
inline constexpr std::size_t k_default_max_setting_size = 40;

/// The tie model of SPEC §2, the same for every command, section and output file.
struct TieOptions {
    TieWeights weights;
    /// Ties whose weight is below this are dropped (0 keeps every tie).
    double min_weight = 0.0;
    /// Events, groups and organisations with more members than this tie nobody (0: no
    /// limit). Being in the same 300-person room is exposure, not a tie (`--max-setting-size`).
    std::size_t max_setting_size = k_default_max_setting_size;
    /// Worker threads; 0 uses every core.
    unsigned threads = 0;
};

/// The tie model in one sentence for people, as every command prints it and the report's
/// Method states it: "Tie model: a shared event, group or organisation of at most 40 people,
/// or a recorded tie (larger settings are exposure, not ties); weights events=1, groups=1,
/// orgs=1, ties=1." With `windowed`, it adds that colleague ties count only between members
/// active in the window (SPEC §1).
std::string describe_tie_model(const TieOptions& options, bool windowed = false);

/// Projects a network onto its members:
///   w(i,j) = a_events·Σ_e 1/(n_e−1) + a_groups·Σ_g 1/(n_g−1) + a_orgs·Σ_o 1/(n_o−1) + a_ties·Σ weight
/// over the events both attended (n_e distinct attendees), the groups both belong to and
/// the organisations both belong to (members.organisation or an affiliation), and their
/// ties.csv rows (Newman 2001, doi:10.1103/PhysRevE.64.016132). Organisations tie only
/// the members the network marks active (Network::is_active: in a window, those who took part
/// in it; SPEC §1). A pair is tied when its
/// weight is positive and at least options.min_weight. Settings larger than
/// options.max_setting_size (when not 0) are left out. The network should already be seen
/// through its window (apply_window). Repeated attendance of one member at one event
/// counts once. Settings with one member tie nobody.
///
/// Time O(Σ_s n_s² + ties) over settings s, in parallel over members; memory O(members ·
/// threads + ties). Every member is a vertex, so members with no tie are isolates. An
/// empty network gives an empty graph. The result does not depend on the thread count.
TieGraph project_ties(const Network& network, const TieOptions& options);

}  // namespace bridgemap
