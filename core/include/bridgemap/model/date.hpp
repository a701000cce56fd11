#pragma once
// Dates as the SPEC gives them: YYYY-MM-DD, or YYYY-MM / YYYY meaning that whole month or
// year; and, when told the order, the day-month-year forms spreadsheets write (04/07/2018). A date is held as the
// inclusive span of days it covers.

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

/// Why a date text was rejected. `needs_order`: a day-month-year date such as 04/07/2018
/// read without a DateOrder saying which number is the day. `short_year`: such a date with a
/// 2-digit year (04/07/18), which is never guessed.
enum class DateProblem { none, malformed, impossible, needs_order, short_year };

/// How to read dates of the spreadsheet form D/M/YYYY (separators '/', '-' or '.', the same
/// twice; day and month of 1 or 2 digits): not at all (iso), day first (dmy) or month first (mdy).
enum class DateOrder { iso, dmy, mdy };

/// The two leading numbers and the year of a spreadsheet date ("04/07/2018": 4, 7, 2018),
/// whatever their order; nullopt when `text` is not of that form. A 2-digit year is given as
/// read (18) with `short_year` set. O(length).
struct NumericDate {
    unsigned first = 0;
    unsigned second = 0;
    int year = 0;
    bool short_year = false;
};
std::optional<NumericDate> split_numeric_date(std::string_view text) noexcept;

/// True when day/month/year is a real date (31/02 is not). Years 1000–9999.
bool is_valid_date(int year, unsigned month, unsigned day) noexcept;

/// Parses YYYY-MM-DD, YYYY-MM or YYYY into the span of days it covers. `problem` says why
/// a text was rejected: malformed (not one of the three forms) or impossible (2018-02-30,
/// month 13). Years 1000–9999. Leading and trailing spaces are not accepted here.
std::optional<DateSpan> parse_date(std::string_view text, DateProblem* problem = nullptr);

/// As parse_date, and with `order` dmy or mdy also reads D/M/YYYY or M/D/YYYY (separators '/',
/// '-' or '.'): 04/07/2018 is 4 July with dmy, 7 April with mdy. With `order` iso such a date is
/// rejected as needs_order; a 2-digit year always as short_year; 31/02/2018 (dmy) as impossible.
std::optional<DateSpan> parse_date(std::string_view text, DateOrder order, DateProblem* problem = nullptr);

/// "4 July 2018" for a valid date, for messages.
std::string spell_date(int year, unsigned month, unsigned day);

/// Formats a day number as YYYY-MM-DD.
std::string format_day(DayNumber day);

}  // namespace bridgemap
