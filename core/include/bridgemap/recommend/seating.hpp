#pragma once
// Seating plans (`bridgemap seat`): tables or breakout groups, over one or more rounds, that
// seat people who have not met yet, from different sectors and communities, together.
//
// The plan is a maximally diverse grouping problem (MDGP): split the people into tables of
// given sizes so that the sum of a pair value over the pairs seated together is as large as
// possible. It is solved by a greedy construction followed by iterated local search with swap
// moves and incremental gains (Gallego, Laguna, Martí & Duarte 2013, doi:10.1057/jors.2012.66;
// Brimberg, Mladenović & Urošević 2015, doi:10.1016/j.ins.2014.10.043). docs/seating.md
// explains the objective, the bound and how to read a plan.

#include <bridgemap/model/history.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/progress.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap {

// ---------------------------------------------------------------------------------------
// Who is seated, and what they knew of each other before (model/history.hpp:
// event_attendees, network_before_event).

/// The distinct members with the role "host" (any case) at `event` itself, ascending.
std::vector<MemberIndex> event_hosts(const Network& network, EventIndex event);

// ---------------------------------------------------------------------------------------
// The request and the optimisation problem.

/// How many tables and of what size. Give exactly one of tables, table_size, table_sizes.
struct TableLayout {
    std::size_t tables = 0;  ///< --tables T: T tables whose sizes differ by at most one.
    std::size_t table_size =
        0;  ///< --size S: as few tables as hold everyone at S or fewer, sizes differing by at most one.
    std::vector<std::size_t> table_sizes;  ///< --sizes 8,8,10,6: seats per table in room order; may exceed the people.
};

/// The size of each table for `people` people, largest first for tables/table_size (the
/// sizes differ by at most one) and in the given order for table_sizes; there, when the seats
/// exceed the people, a seat is taken away from the table with the most seats (the first such)
/// until they match. Throws RequestError naming the option when the layout is missing, given
/// twice, or cannot seat the people (fewer seats than people, an empty table, T > people,
/// S < 2, a size of 0). O(tables + people).
std::vector<std::size_t> table_sizes_for(std::size_t people, const TableLayout& layout);

/// What the convenor asks for, in member indices.
struct SeatingRequest {
    std::vector<MemberIndex> people;  ///< Who is seated; each is seated once in every round.
    TableLayout layout;
    std::size_t rounds = 1;  ///< No pair (outside a keep-together group) sits together twice.
    /// One host per table: hosts[k] heads table k + 1 in every round (hosts stay; guests move).
    /// Hosts not among `people` are an error.
    std::vector<MemberIndex> hosts;
    /// Each group's members sit at different tables in every round (every pair of them apart).
    std::vector<std::vector<MemberIndex>> keep_apart;
    /// Each group's members sit at the same table in every round; groups sharing a member are
    /// merged. Pairs inside a group are exempt from the no-repeat rule.
    std::vector<std::vector<MemberIndex>> keep_together;
    std::size_t max_per_sector = 0;  ///< At most this many of one known sector per table; 0 = no cap.
    /// Spread every sector, unknown included, as fair_spread_caps says, whenever a seating that
    /// does so is found (below the hard constraints, above the value).
    bool fair_spread = true;
};

/// How much a pair seated together is worth.
struct PairValueOptions {
    TieOptions ties;         ///< The tie model (SPEC §2) of the network before the event.
    std::uint64_t seed = 1;  ///< For the Leiden communities.
    /// A tied pair is worth weak_tie_value × (1 − w / w_strong), never below 0; an untied pair 1.
    double weak_tie_value = 0.5;
    /// w_strong: this quantile of the weights of the ties among the people seated (0.9: the
    /// strongest tenth of their ties count nothing).
    double strong_tie_quantile = 0.9;
    /// A pair of the same or an unknown sector in different communities is worth this share
    /// of a cross-sector pair.
    double community_value = 0.25;
    /// Subtracted for every pair of the same known sector seated together (spreads sectors).
    double same_sector_penalty = 0.1;
};

/// Pair values of the people of a problem, as a dense symmetric matrix: the value of seating
/// p and q together, v(p,q) = u(p,q) − penalty·[same known sector], with u ≥ 0 the bridging
/// value. Values are held in fixed point (1/65536) so that sums are exact and independent of
/// the order of summation.
class PairValues {
public:
    static constexpr std::int64_t k_scale = 65536;
    enum Flag : std::uint8_t {
        cross_sector = 1,     ///< Both sectors known and different.
        same_sector = 2,      ///< Both sectors known and equal.
        cross_community = 4,  ///< Both in a community, different ones.
        tied = 8,             ///< A tie existed before the event.
    };

    PairValues() = default;
    /// `people` people, every pair worth 0 with no flag, and the same-sector penalty.
    PairValues(std::size_t people, double same_sector_penalty);

    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    /// Sets the bridging value u (negative counts as 0) and the flags of the pair p ≠ q (both orders).
    void set(std::size_t p, std::size_t q, double bridging_value, std::uint8_t flags);
    /// v(p,q) in fixed point: what seating p and q together adds to the objective.
    [[nodiscard]] std::int32_t raw(std::size_t p, std::size_t q) const noexcept { return raw_[p * size_ + q]; }
    /// u(p,q) in fixed point: v without the same-sector penalty.
    [[nodiscard]] std::int32_t bridging_raw(std::size_t p, std::size_t q) const noexcept {
        return raw(p, q) + (has(p, q, same_sector) ? penalty_raw_ : 0);
    }
    [[nodiscard]] double value(std::size_t p, std::size_t q) const noexcept {
        return static_cast<double>(raw(p, q)) / static_cast<double>(k_scale);
    }
    [[nodiscard]] double same_sector_penalty() const noexcept {
        return static_cast<double>(penalty_raw_) / static_cast<double>(k_scale);
    }
    [[nodiscard]] std::int32_t same_sector_penalty_raw() const noexcept { return penalty_raw_; }
    [[nodiscard]] std::uint8_t flags(std::size_t p, std::size_t q) const noexcept { return flags_[p * size_ + q]; }
    [[nodiscard]] bool has(std::size_t p, std::size_t q, Flag flag) const noexcept { return (flags(p, q) & flag) != 0; }
    /// Cross-sector and not tied before the event: the pairs the plan is judged by.
    [[nodiscard]] bool new_cross_sector(std::size_t p, std::size_t q) const noexcept {
        return (flags(p, q) & (cross_sector | tied)) == cross_sector;
    }

private:
    std::size_t size_ = 0;
    std::int32_t penalty_raw_ = 0;
    std::vector<std::int32_t> raw_;
    std::vector<std::uint8_t> flags_;
};

/// A seating problem over people 0 .. n−1 ("persons"; person p is member people[p]).
struct SeatingProblem {
    std::vector<MemberIndex> people;
    std::vector<std::string> labels;         ///< Member ids, for messages.
    std::vector<SectorIndex> sectors;        ///< Per person; k_unknown_sector when unknown.
    std::vector<std::string> sector_names;   ///< Indexed by SectorIndex.
    std::vector<std::uint32_t> communities;  ///< Per person; 0 when in none.
    std::vector<std::size_t> table_sizes;    ///< Seats per table; they add up to n.
    std::size_t rounds = 1;
    std::vector<std::uint32_t> hosts;  ///< Persons; hosts[k] heads table k.
    std::vector<std::vector<std::uint32_t>> keep_apart;
    std::vector<std::vector<std::uint32_t>> keep_together;
    std::size_t max_per_sector = 0;
    bool fair_spread = true;         ///< Keep fair_spread_caps when a seating that keeps them is found.
    double strong_tie_weight = 0.0;  ///< w_strong (0 when no two people are tied).
    PairValues values;
};

/// Builds the problem for `request` from `before` (the network before the event; see
/// network_before_event): projects its ties (SPEC §2), finds Leiden communities on them
/// (metrics/communities.hpp), and gives each pair of people the bridging value
///     u(p,q) = b(p,q) · novelty(p,q),
///     b = 1 when cross-sector, else community_value when cross-community, else 0;
///     novelty = 1 when untied, else weak_tie_value · max(0, 1 − w(p,q) / w_strong),
/// with w_strong the strong_tie_quantile of the tie weights among the people. Members of
/// unknown sector are never cross-sector; isolates are in no community. Throws RequestError
/// when a person is listed twice, a host, keep-apart or keep-together member is not among
/// the people, the layout is impossible (table_sizes_for), or there are more than 5,000 people.
/// Time O(network projection + n²); memory 5·n² bytes.
SeatingProblem seating_problem(const Network& before, const SeatingRequest& request, const PairValueOptions& options);

/// table_of[round][person]: the table (0-based) of each person in each round.
using Seating = std::vector<std::vector<std::uint32_t>>;

/// The fair-spread caps: at most this many people of each sector at each table, as
/// caps[t · (sectors + 1) + s], with s = sectors (the last slot) for unknown sector:
///     known sector s:  ⌈c_s · size_t / n⌉ + 1   (its share of the table, rounded up, plus one),
///     unknown sector:  ⌈u / T⌉                   (spread like any sector over the T tables),
/// for c_s people of sector s and u of unknown sector among the n seated. The caps always add
/// up to at least n (so some seating keeps them unless hosts, keep-together groups or the
/// no-repeat rule prevent it). O(tables · sectors).
std::vector<std::size_t> fair_spread_caps(const SeatingProblem& problem);

/// Every fair-spread cap `seating` exceeds, in words ("round 1, table 4: 7 of voluntary (fair
/// share at most 6)"), in round, table and sector order (unknown last). O(rounds · n + tables · sectors).
std::vector<std::string> fair_spread_shortfalls(const SeatingProblem& problem, const Seating& seating);

// ---------------------------------------------------------------------------------------
// Plans, their score, and the bound.

/// How good a seating is.
struct SeatingScore {
    /// Σ over the distinct pairs seated together at least once of v(p,q) = u(p,q) − penalty·[same sector].
    double objective = 0.0;
    std::size_t new_cross_sector_pairs = 0;  ///< Distinct pairs seated together that are new_cross_sector.
    std::size_t pairs = 0;                   ///< Distinct pairs seated together.
};

/// The score of `seating`. O(rounds · Σ table size²).
SeatingScore score_seating(const SeatingProblem& problem, const Seating& seating);

/// Every hard constraint `seating` breaks, in words (empty when it keeps them all): each
/// person once per round at a table that exists, table sizes, hosts at their tables, keep-apart,
/// keep-together, max-per-sector, and no pair (outside a keep-together group) twice.
std::vector<std::string> seating_violations(const SeatingProblem& problem, const Seating& seating);

/// Upper bounds on what any seating of the problem can reach.
struct SeatingBound {
    double objective = 0.0;
    std::size_t new_cross_sector_pairs = 0;
};

/// Valid upper bounds (docs/seating.md proves them). Over all rounds, person p has at most
/// k_p = (g_p − 1) + R·(s_p − g_p) distinct partners (g_p the size of p's keep-together group,
/// s_p the largest table p can sit at), and at most X = R·X₁ cross-sector pairs are seated, with
/// X₁ = ½(max Σ_t K_t² − Σ_s min Σ_t c_ts²) over the tables' counts K_t of people of known
/// sector and c_ts of sector s. Then
///     objective ≤ min over λ ≥ 0 of  λ·X + ½ Σ_p top_{k_p} (u(p,q) − λ·[cross-sector])⁺
///                 − penalty·(R·Y₁ − (R−1)·same-sector pairs inside keep-together groups),
/// with Y₁ = Σ_s min Σ_t C(c_ts, 2) (the Lagrangian relaxation of the cross-sector count,
/// minimised by golden-section search over λ ∈ [0, 1]); and new cross-sector pairs ≤
/// min(½ Σ_p min(k_p, new cross-sector partners of p), X, R·Σ_t C(s_t, 2)). Keep-apart pairs
/// and pairs of hosts are excluded. Time O(n² · 40).
SeatingBound seating_upper_bound(const SeatingProblem& problem);

/// What plan_seating is doing: a stage ("round 2 of 3"), and how far it is, done of total.
using SeatingProgress = ProgressReport;

/// How hard to search.
struct SeatingSearchOptions {
    std::uint64_t seed = 1;
    /// Iterated-local-search iterations per round (a shake of 1..k_max random swaps, then local
    /// search); 0 chooses from the problem size (4,500,000 / (n · largest table), at least 200).
    std::size_t iterations = 0;
    std::size_t random_seatings = 20;  ///< Random feasible seatings averaged for the baseline.
    unsigned threads = 0;              ///< For the random seatings; results never depend on it.
    /// Called now and then from the calling thread (empty: never); never changes the plan.
    SeatingProgress progress;
};

/// One round of a plan.
struct SeatingRound {
    std::vector<std::uint32_t> table_of;  ///< Per person, 0-based.
    /// The round's own objective (every pair seated in this round, penalty included) and the
    /// number of broken constraints (pairs that may not meet, people over the sector cap),
    /// after the greedy construction and after the round's local search. The search never
    /// makes (broken, −objective) lexicographically worse: it gives up value only to mend a
    /// broken constraint.
    double construction_objective = 0.0;
    std::size_t construction_broken = 0;
    double search_objective = 0.0;
    std::size_t search_broken = 0;
    /// The final objective of the round, after every round has been searched again with the
    /// others fixed (a returned plan breaks no constraint).
    double objective = 0.0;
};

/// A plan and how it compares.
struct SeatingPlan {
    std::vector<SeatingRound> rounds;
    SeatingScore score;
    /// The mean score of `random_seating_count` random seatings that keep the same hard
    /// constraints (hosts, keep-apart, keep-together, sector cap, no repeated pair).
    double random_objective = 0.0;
    double random_new_cross_sector_pairs = 0.0;
    std::size_t random_seating_count = 0;
    SeatingBound bound;
    std::size_t iterations = 0;  ///< Local-search iterations run, over all rounds.
    /// The fair-spread caps the plan exceeds (fair_spread_shortfalls): empty unless no seating
    /// keeping them all was found, when the plan is the best seating found that keeps the hard
    /// constraints, with as few people over those caps as the search could reach.
    std::vector<std::string> unfair;

    /// The plan as table_of[round][person].
    [[nodiscard]] Seating seating() const;
};

/// Plans the seating: round by round, a greedy construction (hosts at their tables, then
/// keep-together groups largest first, then everyone else in a seeded order, each at the
/// table where they add the most), then iterated local search — swaps of two people at
/// different tables (and of a keep-together group with as many people or with a group of the
/// same size), each evaluated in
/// O(1) from per-person, per-table gain sums kept up to date in O(n) per move — with shakes
/// of growing size (variable neighbourhood search). The fair-spread caps (fair_spread_caps,
/// when problem.fair_spread) are a tier below the hard constraints and above the value, in the
/// construction and the search; SeatingPlan::unfair lists those a plan could not keep. Hard constraints are kept by a
/// lexicographic objective (fewest broken constraints first). With several rounds, pairs
/// seated in earlier rounds may not meet again; once every round is planned, each round is
/// searched again with the others fixed. Throws RequestError, naming the constraint, when
/// the constraints are contradictory (two hosts kept together, a keep-apart pair kept
/// together, a keep-together group larger than any table or with more than max_per_sector of
/// one sector, more hosts than tables, a keep-apart group larger than the number of tables,
/// a sector too large for its cap, a table larger than the cap times the sectors present plus
/// the people of unknown sector, more rounds than people to meet, with several rounds tables
/// larger than the number of tables by more than keep-together groups make up) or when the search finds
/// no seating that keeps them all. Deterministic for a seed. Time O(rounds · iterations ·
/// n · active people), about 2 s of one core for 300 people, 30 tables and 3 rounds.
SeatingPlan plan_seating(const SeatingProblem& problem, const SeatingSearchOptions& options);

}  // namespace bridgemap
