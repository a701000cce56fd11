#pragma once
// Change over time: the network's cross-sector connection period by period, each period
// computed exactly as `analyse --from --until` would compute that window.

#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/progress.hpp>
#include <bridgemap/ties/projection.hpp>

#include <string>
#include <vector>

namespace bridgemap {

enum class PeriodKind { year, quarter, event };

struct TrendOptions {
    PeriodKind by = PeriodKind::year;
    bool cumulative = false;               ///< Everything up to the end of each period, not the period alone.
    TieOptions ties;                       ///< The tie model; trend's command line sets max_setting_size 40.
    std::string event_kind = "gathering";  ///< With PeriodKind::event: which events mark periods.
    /// Only the periods that overlap this window (--from/--until); cumulative periods then
    /// start at its start rather than at the beginning of the history. Open: every period.
    Window within;
    /// Told "periods", periods done of periods, from the calling thread (empty: never).
    ProgressReport progress;
};

/// One period: its label ("2019", "2019-Q3" or an event id) and its window.
struct Period {
    std::string label;
    Window window;  ///< from/until of the period (from is open when cumulative).
};

/// The periods covering the network's dated events, in order. Years and quarters run from
/// the first dated event's to the last's. By event: one period per top-level event of
/// options.event_kind, from the day after the previous one (open for the first) to its own
/// last day. Cumulative periods all start open (or at options.within's start). Only periods
/// overlapping options.within are kept. None when no event is dated.
std::vector<Period> trend_periods(const Network& network, const TrendOptions& options);

/// What one period looks like.
struct PeriodFigures {
    Period period;
    std::size_t members = 0;         ///< Every member (all stay in each window).
    std::size_t active_members = 0;  ///< Took part in the period (see active_members()).
    std::size_t ties = 0;
    std::size_t events = 0;
    SectorMixing mixing;  ///< E-I and baseline, mixing ratios, reach (sector_mixing()).
};

/// The figures of one window: apply_window, project_ties and sector_mixing, the same steps
/// and definitions as `analyse --from --until` with the same tie options.
/// O(size of the network + ties·sectors).
PeriodFigures period_figures(const Network& network, const Period& period, const TieOptions& ties);

/// period_figures for every period of trend_periods, in parallel over periods.
std::vector<PeriodFigures> trend(const Network& network, const TrendOptions& options, unsigned threads = 0);

}  // namespace bridgemap
