#include <bridgemap/model/date.hpp>

#include <cstdio>

namespace bridgemap {
namespace {

bool is_leap(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) noexcept {
    static constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

/// Reads exactly `width` ASCII digits.
bool read_digits(std::string_view text, std::size_t at, std::size_t width, unsigned& value) noexcept {
    if (at + width > text.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return true;
}

}  // namespace

DayNumber days_from_civil(int year, unsigned month, unsigned day) noexcept {
    // Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<int>(day_of_era) - 719468;
}

CivilDate civil_from_days(DayNumber day) noexcept {
    const int z = day + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned day_of_era = static_cast<unsigned>(z - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int year = static_cast<int>(year_of_era) + era * 400;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned mp = (5 * day_of_year + 2) / 153;
    const unsigned d = day_of_year - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {year + (m <= 2 ? 1 : 0), m, d};
}

std::optional<DateSpan> parse_date(std::string_view text, DateProblem* problem) {
    const auto fail = [&](DateProblem why) -> std::optional<DateSpan> {
        if (problem) *problem = why;
        return std::nullopt;
    };
    if (problem) *problem = DateProblem::none;
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    const bool shape_ok = (text.size() == 4 || text.size() == 7 || text.size() == 10) &&
                          read_digits(text, 0, 4, year) &&
                          (text.size() < 7 || (text[4] == '-' && read_digits(text, 5, 2, month))) &&
                          (text.size() < 10 || (text[7] == '-' && read_digits(text, 8, 2, day)));
    if (!shape_ok) return fail(DateProblem::malformed);
    if (year < 1000) return fail(DateProblem::impossible);
    const int y = static_cast<int>(year);
    if (text.size() == 4) return DateSpan{days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)};
    if (month < 1 || month > 12) return fail(DateProblem::impossible);
    if (text.size() == 7) {
        return DateSpan{days_from_civil(y, month, 1), days_from_civil(y, month, days_in_month(y, month))};
    }
    if (day < 1 || day > days_in_month(y, month)) return fail(DateProblem::impossible);
    const DayNumber number = days_from_civil(y, month, day);
    return DateSpan{number, number};
}

bool is_valid_date(int year, unsigned month, unsigned day) noexcept {
    return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<NumericDate> split_numeric_date(std::string_view text) noexcept {
    // 1-2 digits, separator, 1-2 digits, the same separator, 2 or 4 digits.
    std::size_t at = 0;
    const auto number = [&](std::size_t least, std::size_t most, unsigned& value, std::size_t& width) {
        value = 0;
        width = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9' && width < most) {
            value = value * 10 + static_cast<unsigned>(text[at] - '0');
            ++at;
            ++width;
        }
        return width >= least;
    };
    NumericDate date;
    std::size_t width = 0;
    if (!number(1, 2, date.first, width) || at >= text.size()) return std::nullopt;
    const char separator = text[at];
    if (separator != '/' && separator != '-' && separator != '.') return std::nullopt;
    ++at;
    if (!number(1, 2, date.second, width) || at >= text.size() || text[at] != separator) return std::nullopt;
    ++at;
    unsigned year = 0;
    if (!number(2, 4, year, width) || at != text.size() || width == 3) return std::nullopt;
    date.year = static_cast<int>(year);
    date.short_year = width == 2;
    return date;
}

std::optional<DateSpan> parse_date(std::string_view text, DateOrder order, DateProblem* problem) {
    DateProblem iso_problem = DateProblem::none;
    auto iso = parse_date(text, &iso_problem);
    if (iso || iso_problem == DateProblem::impossible) {
        if (problem) *problem = iso_problem;
        return iso;
    }
    const auto fail = [&](DateProblem why) -> std::optional<DateSpan> {
        if (problem) *problem = why;
        return std::nullopt;
    };
    const auto numeric = split_numeric_date(text);
    if (!numeric) return fail(DateProblem::malformed);
    if (numeric->short_year) return fail(DateProblem::short_year);
    if (order == DateOrder::iso) return fail(DateProblem::needs_order);
    const unsigned day = order == DateOrder::dmy ? numeric->first : numeric->second;
    const unsigned month = order == DateOrder::dmy ? numeric->second : numeric->first;
    if (!is_valid_date(numeric->year, month, day)) return fail(DateProblem::impossible);
    if (problem) *problem = DateProblem::none;
    const DayNumber number = days_from_civil(numeric->year, month, day);
    return DateSpan{number, number};
}

std::string spell_date(int year, unsigned month, unsigned day) {
    static constexpr const char* k_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
    return std::to_string(day) + " " + (month >= 1 && month <= 12 ? k_months[month - 1] : "?") + " " +
           std::to_string(year);
}

std::string format_day(DayNumber day) {
    const CivilDate date = civil_from_days(day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buffer;
}

}  // namespace bridgemap
