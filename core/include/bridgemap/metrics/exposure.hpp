#pragma once
// Exposure and friending bias (after Chetty et al., "Social capital II: determinants of
// economic connectedness", Nature 608, 2022, doi:10.1038/s41586-022-04997-3): whether being
// in the same room as people of other sectors turns into ties with them.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bridgemap {

struct ExposureOptions {
    TieOptions ties;               ///< What makes a tie (small settings: max_setting_size).
    std::int32_t horizon_days = 365;  ///< How long after a setting a tie may form and count.
};

/// One dated event and what its room did.
struct SettingExposure {
    EventIndex event = 0;
    std::uint64_t pairs = 0;          ///< Pairs of attendees, both of known sector.
    std::uint64_t cross_pairs = 0;    ///< ... of different sectors.
    std::uint64_t untied_pairs = 0;   ///< ... with no tie before the event.
    std::uint64_t formed = 0;         ///< Untied pairs tied within the horizon from the event's day.
    std::uint64_t cross_formed = 0;   ///< ... of different sectors.
};

/// For every dated event with at least two attendees of known sector: its room's pairs, how
/// many were cross-sector (exposure), and which pairs with no tie before the event's day
/// were tied from that day to horizon_days after it (a tie forms: a shared small setting,
/// the event itself when it is small, a cell or organisation they then share, or a recorded
/// tie). A pair's tie date is the first day they shared such a setting (a cell or
/// organisation from when both were in it; undated memberships and ties count as always).
/// Time O(Σ_e n_e² + Σ_s n_s²) with a hash table of tied pairs.
std::vector<SettingExposure> setting_exposure(const Network& network, const Sectors& sectors,
                                              const ExposureOptions& options);

/// Exposure and friending bias summed over a set of settings (say, one kind in one period).
struct ExposureSummary {
    std::string kind;
    std::size_t settings = 0;
    std::uint64_t pairs = 0;
    std::uint64_t cross_pairs = 0;
    std::uint64_t formed = 0;
    std::uint64_t cross_formed = 0;
    double exposure = k_not_defined;        ///< cross_pairs / pairs.
    double formed_share = k_not_defined;    ///< cross_formed / formed.
    double friending_bias = k_not_defined;  ///< 1 − formed_share / exposure.
};

/// Sums settings into a summary; the shares are NaN where their denominator is 0.
ExposureSummary summarise_exposure(const std::vector<SettingExposure>& settings, std::string kind);

}  // namespace bridgemap
