#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/metrics/trend.hpp>
#include <bridgemap/model/inventory.hpp>

#include "concurrency/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace bridgemap {
namespace {

Window window_of(DayNumber first, DayNumber last, bool open_start) {
    Window window;
    if (!open_start) window.from = DateSpan{first, first};
    window.until = DateSpan{last, last};
    return window;
}

std::string lower(std::string text) {
    for (auto& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

}  // namespace

std::vector<Period> trend_periods(const Network& network, const TrendOptions& options) {
    std::vector<Period> periods;
    DayNumber first = k_open_end;
    DayNumber last = k_open_start;
    for (const auto& event : network.events) {
        if (!event.date) continue;
        first = std::min(first, event.date->first);
        last = std::max(last, event.date->last);
    }
    if (first > last) return periods;

    if (options.by == PeriodKind::year) {
        for (int year = civil_from_days(first).year; year <= civil_from_days(last).year; ++year) {
            periods.push_back({std::to_string(year), window_of(days_from_civil(year, 1, 1),
                                                               days_from_civil(year, 12, 31), options.cumulative)});
        }
    } else if (options.by == PeriodKind::quarter) {
        const CivilDate start = civil_from_days(first);
        const CivilDate end = civil_from_days(last);
        for (int year = start.year; year <= end.year; ++year) {
            for (unsigned quarter = 1; quarter <= 4; ++quarter) {
                if (year == start.year && quarter < (start.month + 2) / 3) continue;
                if (year == end.year && quarter > (end.month + 2) / 3) break;
                const unsigned first_month = 3 * quarter - 2;
                const DayNumber from = days_from_civil(year, first_month, 1);
                const DayNumber until =
                    (quarter == 4 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, first_month + 3, 1)) - 1;
                periods.push_back({std::to_string(year) + "-Q" + std::to_string(quarter),
                                   window_of(from, until, options.cumulative)});
            }
        }
    } else {
        const std::string kind = lower(options.event_kind);
        std::vector<EventIndex> marks;
        for (EventIndex e = 0; e < network.events.size(); ++e) {
            const Event& event = network.events[e];
            if (event.date && event.parent == k_none && lower(event.kind) == kind) marks.push_back(e);
        }
        std::stable_sort(marks.begin(), marks.end(), [&](EventIndex a, EventIndex b) {
            return network.events[a].date->last < network.events[b].date->last;
        });
        DayNumber previous = k_open_start;
        for (const EventIndex e : marks) {
            const DayNumber until = network.events[e].date->last;
            if (previous != k_open_start && until <= previous) continue;  // same day as the previous mark
            const bool open = options.cumulative || previous == k_open_start;
            periods.push_back({network.events[e].id, window_of(open ? 0 : previous + 1, until, open)});
            previous = until;
        }
    }
    if (!options.within.is_open()) {
        const DateSpan keep = options.within.span();
        std::erase_if(periods, [&](const Period& period) {
            const DateSpan span = period.window.span();
            return span.last < keep.first || span.first > keep.last;
        });
        if (options.cumulative && options.within.from) {
            for (auto& period : periods) period.window.from = options.within.from;
        }
    }
    return periods;
}

PeriodFigures period_figures(const Network& network, const Period& period, const TieOptions& ties) {
    const Network windowed = apply_window(network, period.window);
    const TieGraph graph = project_ties(windowed, ties);
    PeriodFigures figures;
    figures.period = period;
    figures.members = windowed.members.size();
    figures.active_members = active_members(windowed);
    figures.ties = graph.tie_count();
    figures.events = windowed.events.size();
    figures.mixing = sector_mixing(graph, member_sectors(windowed));
    return figures;
}

std::vector<PeriodFigures> trend(const Network& network, const TrendOptions& options, unsigned threads) {
    const std::vector<Period> periods = trend_periods(network, options);
    std::vector<PeriodFigures> figures(periods.size());
    TieOptions ties = options.ties;
    ties.threads = 1;  // periods run in parallel instead
    // Periods done, counted by every worker and reported by worker 0 (the calling thread).
    std::atomic<std::size_t> periods_done{0};
    report_progress(options.progress, "periods", 0, periods.size());
    concurrency::parallel_for(periods.size(), concurrency::worker_count(threads), 1,
                              [&](unsigned worker, std::size_t begin, std::size_t end) {
                                  for (std::size_t p = begin; p < end; ++p) {
                                      figures[p] = period_figures(network, periods[p], ties);
                                      const std::size_t done = periods_done.fetch_add(1) + 1;
                                      if (worker == 0)
                                          report_progress(options.progress, "periods", done, periods.size());
                                  }
                              });
    report_progress(options.progress, "periods", periods.size(), periods.size());
    return figures;
}

}  // namespace bridgemap
