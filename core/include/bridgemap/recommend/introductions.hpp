#pragma once
// Introductions (`bridgemap introduce`): which pairs of members, not yet tied, a convenor
// should introduce to do the most for the network's bridging capital, and who could make each
// introduction warmly.
//
// The objective is the network's reach across sectors (or communities), not the similarity of
// the pair: for each pair of sectors, how deeply the first sector's members are in direct
// contact with the second (the first contact counts 1/2, the second 1/4, ...) and the share
// who reach it within two steps, with shortfalls counted squared so that the weakest sector
// pairs weigh most. A set of introductions is chosen
// greedily, the gains re-evaluated exactly after every pick, so that the introductions
// complement each other. docs/introductions.md explains the objective, the algorithm and how
// to read the output.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace bridgemap {

/// A pair of members, by index.
using MemberPair = std::pair<MemberIndex, MemberIndex>;

/// What reach is counted between, and what candidates must differ in.
enum class IntroductionAcross {
    sectors,      ///< members' sectors (members of unknown sector are never candidates)
    communities,  ///< Leiden communities of the tie graph (members without ties are in none)
};

struct IntroductionOptions {
    /// Who knows whom: the one tie model of SPEC §2 (settings of at most 40 people by default).
    TieOptions ties;
    std::size_t count = 10;  ///< How many introductions (k).
    IntroductionAcross across = IntroductionAcross::sectors;
    /// Only pairs with one member in each of these two sectors (indices into
    /// member_sectors(network).names). Applies in both modes.
    std::optional<std::pair<SectorIndex, SectorIndex>> between;
    /// Nobody in more than this many introductions (0: no limit). Two by default, so that the
    /// set reaches many members rather than one hub's address book.
    std::size_t max_per_member = 2;
    /// No member introduces more than this many pairs of a set (0: no limit). Two by default,
    /// so that no one person is asked to make most of them.
    std::size_t max_per_introducer = 2;
    bool warm_only = false;           ///< Only pairs with a mutual contact who may introduce them.
    std::vector<MemberPair> exclude;  ///< Pairs not to suggest (either order).
    /// Who is active, and so may be suggested or introduce: members who attended an event that
    /// ended on or after this day, whose group membership runs to it or later (open-ended
    /// memberships included), or with a ties.csv row dated then or later. Unset: 12 months before the last day of the
    /// latest dated event (active_since_default); with no dated event, anyone with an attendance, a group membership or
    /// a ties.csv row.
    std::optional<DayNumber> active_since;
    /// Also suggest members who are not active: by default they are left out.
    bool include_inactive = false;
    /// Only pairs of members with the same non-empty `region` (else `place`) column.
    bool same_region = false;
    /// By member index, true for the members who may be suggested (the people attending one
    /// event, `--event`); empty: everyone. Introducers may be anyone active.
    std::vector<bool> attending;
    /// By member index, true for members who must never be suggested nor named as introducer
    /// (consent hidden, SPEC §5); empty: nobody. They stay in the graph: reach through them
    /// still counts.
    std::vector<bool> hidden;
    std::uint64_t seed = 1;  ///< Leiden communities (across communities) and the random baseline.
    unsigned threads = 0;    ///< Worker threads; 0 uses every core. Results never depend on it.
};

/// The bridging measures of a tie graph for a grouping of its members (sectors or
/// communities). "Pairs" are the ordered pairs (s, t) of different groups; r1(s,t) and
/// r2(s,t) are the shares of s-members with a t-member within one and within two hops
/// (sector_mixing's reach); depth(s,t) is the mean over s-members of ψ(c) = 1 − 2^−c for
/// their c contacts in t (2^−32 at most: c is taken as 32 above 32), a graded r1: the first
/// contact counts 1/2, the second 1/4, and so on.
struct BridgingMeasures {
    /// The objective: 100 · mean over pairs of [φ(depth) + φ(r2)] / 2 with φ(x) = 1 − (1 − x)²,
    /// so that a shortfall counts squared and the weakest pairs weigh most (approaching 100
    /// as every member has many contacts in every other group). NaN with fewer than two groups.
    double score = k_not_defined;
    double depth = k_not_defined;                 ///< Mean depth over pairs.
    double reach_one = k_not_defined;             ///< Mean r1 over pairs.
    double reach_two = k_not_defined;             ///< Mean r2 over pairs.
    double weakest_reach_one = k_not_defined;     ///< Smallest r1 over pairs.
    double weakest_reach_two = k_not_defined;     ///< Smallest r2 over pairs.
    SectorIndex weakest_from = k_unknown_sector;  ///< The pair with the smallest r2 (first by index);
    SectorIndex weakest_to = k_unknown_sector;    ///< unknown for an average of several graphs.
    /// Members of a known group without a direct tie to another group (a mean, for an average).
    double members_without_cross_tie = k_not_defined;
    double ei_index = k_not_defined;           ///< Krackhardt's E-I over ties between known groups.
    double expected_ei_index = k_not_defined;  ///< Its baseline from group sizes alone.
    double ties = 0;                           ///< Ties in the graph.
};

/// The measures above for `graph` with members grouped by `groups` (a Sectors value: the
/// member sectors, or communities as groups): reach, E-I and its baseline from sector_mixing,
/// depth and members without a cross-group tie by counting neighbours.
/// O(n + m·⌈groups/64⌉ + n·groups + groups²). Throws as sector_mixing.
BridgingMeasures bridging_measures(const TieGraph& graph, const Sectors& groups);

/// `graph` with each pair added as a tie of weight 1 (one ties.csv row); pairs already tied
/// have that weight added. O((m + pairs) log(m + pairs)).
TieGraph with_introductions(const TieGraph& graph, std::span<const MemberPair> pairs);

/// One recommended introduction, as facts and numbers; report::introduction_reason says why
/// in plain words.
struct Introduction {
    MemberIndex a = k_none;  ///< The member who gains more reach (then: fewer ties; then: lower index).
    MemberIndex b = k_none;
    /// The strongest mutual contact: the largest min(w(a,i), w(i,b)) over members i tied to
    /// both (then the larger w(a,i) + w(i,b), then the lower index); k_none when there is none.
    MemberIndex introducer = k_none;
    double introducer_tie = 0.0;  ///< min(w(a,i), w(i,b)) for the introducer; 0 without one.
    /// How much the objective (BridgingMeasures::score) rises when this introduction is made
    /// after the ones ranked above it.
    double gain = 0.0;
    std::uint32_t direct_gains = 0;          ///< (member, group) pairs newly within one hop (0-2).
    std::uint32_t two_step_gains = 0;        ///< (member, group) pairs newly within two hops.
    std::uint32_t members_gaining = 0;       ///< Members reaching a group they did not reach before.
    std::uint32_t a_new_groups = 0;          ///< Groups a newly reaches within two hops.
    std::uint32_t b_new_groups = 0;          ///< Groups b newly reaches within two hops.
    std::uint32_t contacts_gaining = 0;      ///< Contacts of a or b who newly reach the other's group.
    std::uint32_t a_contacts = 0;            ///< a's contacts in b's group before (after those ranked above).
    std::uint32_t b_contacts = 0;            ///< b's contacts in a's group before.
    SectorIndex group_a = k_unknown_sector;  ///< a's group (sector or community index).
    SectorIndex group_b = k_unknown_sector;
    /// Before this introduction (after those ranked above): members of a's group, and how
    /// many of them have a direct tie to b's group; the same the other way round.
    std::uint64_t group_a_members = 0;
    std::uint64_t group_a_tied_to_b = 0;
    std::uint64_t group_b_members = 0;
    std::uint64_t group_b_tied_to_a = 0;
    std::vector<EventIndex> shared_events;                ///< Both attended; by date, then index.
    std::vector<GroupIndex> shared_groups;                ///< Both members (in the window).
    std::vector<OrganisationIndex> shared_organisations;  ///< Both belong (members.organisation or affiliation).
    /// Their common `region` (or `place`) member attribute, and the `place` (else `region`)
    /// of the events both attended; distinct, sorted.
    std::vector<std::string> shared_places;
    /// People at the last of shared_events (the setting's size, however large); 0 without one.
    std::size_t last_shared_event_size = 0;
    /// Ties between a's group and b's group before this introduction (after those ranked above).
    std::uint64_t ties_between_groups = 0;
};

/// A rule that stopped a plan short of the count asked for: lifted alone (everything else
/// kept), it would have allowed another introduction.
enum class IntroductionLimit {
    per_member,      ///< max_per_member
    per_introducer,  ///< max_per_introducer (with warm_only)
    warm_only,
    same_region,
    active,  ///< active_since (include_inactive lifts it)
};

/// The default of IntroductionOptions::active_since: the same day 12 months before the last
/// day of the latest dated event (29 February to 28 February); nullopt with no dated event.
std::optional<DayNumber> active_since_default(const Network& network);

/// The whole greedy choice rule between warm and cold pairs: a pair without a mutual contact
/// who may introduce them is chosen over the best warm pair only when its gain is at least
/// this many times larger.
inline constexpr double k_cold_gain_factor = 2.0;

struct IntroductionPlan {
    TieGraph graph;   ///< Who knows whom, before any introduction.
    Sectors sectors;  ///< The members' sectors.
    Sectors groups;   ///< What reach is counted between: the sectors, or communities ("community 1", ...).
    std::vector<bool>
        candidates;  ///< Members who may be suggested (known group, active unless include_inactive, in --between).
    std::size_t inactive_members = 0;       ///< Members left out for not being active.
    std::optional<DayNumber> active_since;  ///< The day applied (options' or the default), if any.
    /// By member index: the latest dated event each attended (k_none: none).
    std::vector<EventIndex> last_event;
    /// By member index: 1 + the index of their region in region_names, 0 for none.
    std::vector<std::uint32_t> region;
    std::vector<std::string> region_names;  ///< Sorted: the members' `region` (else `place`) values.
    /// When there are fewer introductions than asked for: each rule that stopped it (empty:
    /// no other pair of candidates adds reach).
    std::vector<IntroductionLimit> limits;
    BridgingMeasures before;                  ///< Of graph, by groups.
    std::vector<Introduction> introductions;  ///< By rank; fewer than count when no more pairs add reach.
};

/// Recommends up to options.count introductions. Candidates are pairs of candidate members
/// (active, attending, of a known group) in
/// different groups (and, with options.between, one in each of its sectors; with same_region,
/// of one region), not tied in the
/// who-knows-whom graph (project_ties(network, options.ties)), not excluded, with a mutual
/// contact when warm_only, and no member in more than max_per_member picks. A pair is warm
/// when a mutual contact may introduce them: active, not hidden, and in fewer than
/// max_per_introducer picks as introducer. Each greedy step finds the warm pair and the pair
/// whose tie raises BridgingMeasures::score most, each exactly evaluated
/// given the picks before it (ties broken by: fewer earlier picks of the two members, the
/// stronger introducer, more shared events, lower member indices), and takes the warm one
/// unless the other is cold with at least k_cold_gain_factor times its gain; only pairs that
/// raise the score are suggested. Pairs are found with per-member upper bounds on the gain, so that only
/// a few are evaluated exactly (docs/introductions.md).
///
/// `network` should be seen through its window already. Time per pick O(n log n + m·⌈G/64⌉
/// + n·G) plus the exact evaluations (O(degree) each) of the pairs the bounds cannot rule
/// out, for G groups; memory O(n·G + m). A network with fewer than two groups, or nobody to
/// suggest, gives no introduction. Throws RequestError when count is 0 or between names
/// the same or an unknown sector index.
IntroductionPlan recommend_introductions(const Network& network, const IntroductionOptions& options);

/// The k pairs with the highest Adamic–Adar score Σ 1/ln(degree(i)) over mutual contacts i
/// (Adamic & Adar 2003, doi:10.1016/S0378-8733(03)00009-1) among the plan's candidate pairs
/// (the same rules as recommend_introductions, max_per_member included, taken greedily in
/// score order; ties by lower indices). Pairs without a mutual contact score nothing and are
/// never chosen, so fewer than k may come back. O(Σ_i degree(i)²).
std::vector<MemberPair> adamic_adar_introductions(const IntroductionPlan& plan, const IntroductionOptions& options);

/// k candidate pairs drawn uniformly at random under the same rules (rejection sampling with
/// `seed` and `draw` as the stream; at most 1000·k + 10,000 attempts, so fewer may come back
/// when candidates are very rare).
std::vector<MemberPair> random_introductions(const IntroductionPlan& plan, const IntroductionOptions& options,
                                             std::uint64_t draw);

/// Before and after: the plan's introductions, k random candidate pairs (each measure averaged
/// over `draws` draws) and the k Adamic–Adar pairs, each added to the graph.
struct IntroductionEvaluation {
    BridgingMeasures before;
    BridgingMeasures recommended;
    BridgingMeasures random;
    BridgingMeasures adamic_adar;
    std::size_t recommended_pairs = 0;
    std::size_t random_draws = 0;
    double random_pairs = 0;  ///< Mean pairs per draw.
    std::size_t adamic_adar_pairs = 0;
};

/// Evaluates `plan` against the two baselines. O(draws · (m log m + n·⌈G/64⌉)) plus
/// adamic_adar_introductions.
IntroductionEvaluation evaluate_introductions(const IntroductionPlan& plan, const IntroductionOptions& options,
                                              std::size_t draws = 20);

}  // namespace bridgemap
