#pragma once
// Date windows (--from / --until): what part of a network's history to look at.

#include <bridgemap/model/date.hpp>
#include <bridgemap/model/network.hpp>

#include <functional>
#include <optional>
#include <string>

namespace bridgemap {

/// An inclusive window of days. `from`/`until` are open when absent.
struct Window {
    std::optional<DateSpan> from;   ///< The window starts at from->first.
    std::optional<DateSpan> until;  ///< The window ends at until->last.

    [[nodiscard]] bool is_open() const noexcept { return !from && !until; }
    /// The days the window covers.
    [[nodiscard]] DateSpan span() const noexcept {
        return DateSpan{from ? from->first : k_open_start, until ? until->last : k_open_end};
    }
};

/// Parses the --from/--until texts (each YYYY, YYYY-MM or YYYY-MM-DD, or empty for open).
/// Throws RequestError saying what was expected, or when until is before from.
Window parse_window(const std::string& from, const std::string& until);

/// "2018-01-01 to 2018-12-31", "from 2018-01-01", "until ...", or "all dates".
std::string describe_window(const Window& window);

/// The network as seen through `window` (SPEC §1): keeps the events whose date lies inside
/// the window (undated events are dropped when the window is not open), the attendance at
/// kept events, the ties dated inside the window or undated, and the memberships and
/// affiliations whose from–until period overlaps it. Every member stays (one with nothing
/// in the window is an isolate) and Network::active marks those who took part in it
/// (took_part), so that colleague ties join active members only. Event indices are renumbered; a kept breakout whose
/// parent was dropped keeps no parent. An open window returns a copy. O(size of the network).
Network apply_window(const Network& network, const Window& window);

/// Which rows a view of a network keeps (apply_window's and network_before_event's rules).
struct RowFilter {
    std::function<bool(EventIndex)> keep_event;               ///< events, and so their attendance
    std::function<bool(const DateSpan& period)> keep_period;  ///< group memberships and affiliations
    std::function<bool(const ExplicitTie&)> keep_tie;         ///< ties.csv rows
};

/// A copy of `network` with the rows `filter` keeps, the attribute rows that go with them,
/// and every member, organisation and group. Event indices are renumbered; a kept breakout
/// whose parent was dropped keeps no parent. O(size of the network).
Network filter_network(const Network& network, const RowFilter& filter);

}  // namespace bridgemap
