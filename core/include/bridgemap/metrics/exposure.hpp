#pragma once
// Exposure and friending bias (after Chetty et al., "Social capital II: determinants of
// economic connectedness", Nature 608, 2022, doi:10.1038/s41586-022-04997-3): whether being
// in the same room as people of other sectors is followed by ties with them.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bridgemap {

struct ExposureOptions {
    /// What makes a tie (SPEC §2: weights and max_setting_size; min_weight is not used:
    /// any shared tie-making setting or recorded tie counts).
    TieOptions ties;
    std::int32_t horizon_days = 365;  ///< How long after a setting's day a follow-through counts.
};

/// One dated event (a *setting*) and what its room was followed by.
struct SettingExposure {
    EventIndex event = 0;
    std::uint64_t room_pairs = 0;              ///< Pairs of attendees, both of known sector.
    std::uint64_t exposure_pairs = 0;          ///< ... with no tie before the setting's day.
    std::uint64_t cross_exposure_pairs = 0;    ///< ... of different sectors.
    std::uint64_t followed_through = 0;        ///< Exposure pairs tied within the horizon.
    std::uint64_t cross_followed_through = 0;  ///< ... of different sectors.
};

/// For every dated event s with at least two attendees of known sector (its attendance
/// only, not its breakouts'), on its day d = s.date->first (`2018-07` starts on 1 July):
///   - its *exposure pairs*: pairs of attendees of known sector not tied before s;
///   - of those, the pairs that *follow through*: tied by something starting within
///     [d, d + horizon_days].
/// A tie-making setting is what the projection (SPEC §2) counts with options.ties: an event,
/// group or organisation of 2 to max_setting_size distinct people (0: any size) whose kind
/// coefficient is positive, or a ties.csv row of positive weight when weights.ties > 0.
/// "Tied before s" is the history before an event (the same rule as the network before an
/// event): a shared tie-making event that is undated or ends before d (date->last < d), other
/// than s, its breakouts (events whose parent chain reaches s) and its ancestors; a group or
/// organisation both had joined before d (period.first < d; an open start, and
/// members.organisation unless every affiliation row of that member with it starts on or
/// after d, count as always) while it had at most max_setting_size members who had joined
/// before d; a ties.csv row undated or ending before d. "Follows through": not tied before,
/// and a shared tie-making event other than s and its family whose date->first is in
/// [d, d + horizon] (another event the same day counts), a group or organisation both are in
/// from a day J in that span (J = the later join; still small enough on day J), or a ties.csv
/// row whose date->first is in it. Undated things are never a follow-through: they count as
/// before. A setting with no exposure pair keeps its row with zero counts.
///
/// Time O(Σ_t n_t² log Δ + Σ_s n_s² (log Δ + k)) over tie-making settings t and rooms s,
/// Δ a member's number of tie-making partners and k the tie-making settings a pair shares,
/// in parallel over rooms; memory O(Σ_t n_t²) for the index of pairs tied by small
/// settings. Members of unknown sector are in no pair (they still count in a setting's size).
/// The result is in event order and does not depend on the thread count.
std::vector<SettingExposure> setting_exposure(const Network& network, const Sectors& sectors,
                                              const ExposureOptions& options);

/// Exposure and friending bias summed over a set of settings (say, one kind in one period).
struct ExposureSummary {
    std::string kind;
    std::size_t settings = 0;
    std::uint64_t room_pairs = 0;
    std::uint64_t exposure_pairs = 0;
    std::uint64_t cross_exposure_pairs = 0;
    std::uint64_t followed_through = 0;
    std::uint64_t cross_followed_through = 0;
    double exposure = k_not_defined;                      ///< X = cross_exposure_pairs / exposure_pairs.
    double followed_through_cross_share = k_not_defined;  ///< Y = cross_followed_through / followed_through.
    double friending_bias = k_not_defined;                ///< 1 − Y / X.
};

/// Sums settings into a summary. X is NaN without exposure pairs, Y without a followed-through
/// pair, and the friending bias when either is NaN or X is 0. 1 when only same-sector pairs
/// followed through; below 0 when cross-sector pairs followed through more than their share.
/// O(settings).
ExposureSummary summarise_exposure(const std::vector<SettingExposure>& settings, std::string kind);

/// Exposure by kind of setting (events.kind), over the whole window and per period.
struct ExposureByKind {
    std::vector<ExposureSummary> overall;                 ///< Settings dated inside `keep`, by kind.
    std::vector<std::vector<ExposureSummary>> by_period;  ///< Same order as `periods`.
};

/// Groups settings by their event's kind (sorted by kind; a kind with no setting in a span
/// has no entry): `overall` over the settings whose date lies inside `keep`, and for each
/// span of `periods` those of them whose date lies inside it. O(settings · (periods + log kinds)).
ExposureByKind exposure_by_kind(const Network& network, const std::vector<SettingExposure>& settings,
                                const DateSpan& keep, const std::vector<DateSpan>& periods);

}  // namespace bridgemap
