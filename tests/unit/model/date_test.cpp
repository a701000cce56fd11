#include <bridgemap/model/date.hpp>

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

TEST(ParseDate, DayMonthAndYearForms) {
    const auto day = parse_date("2018-07-03");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->first, day->last);
    EXPECT_EQ(format_day(day->first), "2018-07-03");

    const auto month = parse_date("2018-02");
    ASSERT_TRUE(month);
    EXPECT_EQ(format_day(month->first), "2018-02-01");
    EXPECT_EQ(format_day(month->last), "2018-02-28");
    EXPECT_EQ(format_day(parse_date("2020-02")->last), "2020-02-29");  // leap year

    const auto year = parse_date("2017");
    ASSERT_TRUE(year);
    EXPECT_EQ(format_day(year->first), "2017-01-01");
    EXPECT_EQ(format_day(year->last), "2017-12-31");
    EXPECT_EQ(year->last - year->first, 364);
}

TEST(ParseDate, KnownDayNumbers) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);  // 30 years incl. 7 leap days + Jan, Feb 2000
    EXPECT_EQ(parse_date("2018-07-04")->first - parse_date("2018-07-03")->first, 1);
    EXPECT_EQ(parse_date("2019-01-01")->first - parse_date("2018-12-31")->first, 1);
}

TEST(ParseDate, ImpossibleDates) {
    for (const char* text : {"2018-02-29", "2018-02-30", "2018-13", "2018-00-10", "2018-04-31", "2018-01-00", "0999"}) {
        DateProblem problem = DateProblem::none;
        EXPECT_FALSE(parse_date(text, &problem)) << text;
        EXPECT_EQ(problem, DateProblem::impossible) << text;
    }
    EXPECT_TRUE(parse_date("2000-02-29"));   // divisible by 400: leap
    EXPECT_FALSE(parse_date("1900-02-29"));  // divisible by 100 only: not leap
}

TEST(ParseDate, MalformedTexts) {
    for (const char* text : {"", "7/3/2018", "03-07-2018", "2018-7-3", "2018/07/03", "18", "2018-07-03T10:00", " 2018",
                             "2018-07-3x", "twenty"}) {
        DateProblem problem = DateProblem::none;
        EXPECT_FALSE(parse_date(text, &problem)) << text;
        EXPECT_EQ(problem, DateProblem::malformed) << text;
    }
}

TEST(CivilFromDays, RoundTripsEveryDayOverCenturies) {
    for (DayNumber day = days_from_civil(1899, 12, 25); day < days_from_civil(2101, 1, 5); ++day) {
        const CivilDate date = civil_from_days(day);
        ASSERT_EQ(days_from_civil(date.year, date.month, date.day), day);
    }
}

TEST(DateSpan, OverlapAndContainment) {
    const DateSpan year2018 = *parse_date("2018");
    const DateSpan july = *parse_date("2018-07");
    const DateSpan open;
    EXPECT_TRUE(year2018.contains(july));
    EXPECT_FALSE(july.contains(year2018));
    EXPECT_TRUE(july.overlaps(year2018));
    EXPECT_TRUE(open.contains(year2018));
    EXPECT_FALSE(parse_date("2019")->overlaps(year2018));
    EXPECT_TRUE((DateSpan{k_open_start, parse_date("2018-01-01")->last}).overlaps(year2018));  // touching days count
}

}  // namespace
}  // namespace bridgemap
