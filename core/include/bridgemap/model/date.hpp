#pragma once
// Dates as the SPEC gives them: YYYY-MM-DD, or YYYY-MM / YYYY meaning that whole month or
// year. A date is held as the inclusive span of days it covers.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace bridgemap {

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
using DayNumber = std::int32_t;

inline constexpr DayNumber k_open_start = std::numeric_limits<DayNumber>::min();
inline constexpr DayNumber k_open_end = std::numeric_limits<DayNumber>::max();

/// An inclusive span of days [first, last]. Open ends use k_open_start / k_open_end.
struct DateSpan {
    DayNumber first = k_open_start;
    DayNumber last = k_open_end;

    [[nodiscard]] bool overlaps(const DateSpan& other) const noexcept {
        return first <= other.last && other.first <= last;
    }
    [[nodiscard]] bool contains(const DateSpan& other) const noexcept {
        return first <= other.first && other.last <= last;
    }
    [[nodiscard]] bool contains(DayNumber day) const noexcept { return first <= day && day <= last; }
    [[nodiscard]] bool is_open() const noexcept { return first == k_open_start && last == k_open_end; }
    friend bool operator==(const DateSpan&, const DateSpan&) = default;
};

/// Day number of a valid civil date (Hinnant's days_from_civil). O(1).
DayNumber days_from_civil(int year, unsigned month, unsigned day) noexcept;

struct CivilDate {
    int year;
    unsigned month;
    unsigned day;
};
/// The civil date of a day number. O(1).
CivilDate civil_from_days(DayNumber day) noexcept;

/// Why a date text was rejected.
enum class DateProblem { none, malformed, impossible };

/// Parses YYYY-MM-DD, YYYY-MM or YYYY into the span of days it covers. `problem` says why
/// a text was rejected: malformed (not one of the three forms) or impossible (2018-02-30,
/// month 13). Years 1000–9999. Leading and trailing spaces are not accepted here.
std::optional<DateSpan> parse_date(std::string_view text, DateProblem* problem = nullptr);

/// Formats a day number as YYYY-MM-DD.
std::string format_day(DayNumber day);

}  // namespace bridgemap
