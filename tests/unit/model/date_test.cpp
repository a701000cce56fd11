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

TEST(ParseDateWithOrder, DayFirstAndMonthFirst) {
    // 04/07/2018 is 4 July day-first and 7 April month-first.
    EXPECT_EQ(format_day(parse_date("04/07/2018", DateOrder::dmy)->first), "2018-07-04");
    EXPECT_EQ(format_day(parse_date("04/07/2018", DateOrder::mdy)->first), "2018-04-07");
    // One-digit day and month, and the '-' and '.' separators.
    EXPECT_EQ(format_day(parse_date("4/7/2018", DateOrder::dmy)->first), "2018-07-04");
    EXPECT_EQ(format_day(parse_date("04-07-2018", DateOrder::dmy)->first), "2018-07-04");
    EXPECT_EQ(format_day(parse_date("04.07.2018", DateOrder::mdy)->first), "2018-04-07");
    EXPECT_EQ(format_day(parse_date("25/12/2018", DateOrder::dmy)->first), "2018-12-25");
    // ISO dates read the same whatever the order.
    EXPECT_EQ(parse_date("2018-07-04", DateOrder::mdy), parse_date("2018-07-04"));
    EXPECT_EQ(parse_date("2018-07", DateOrder::dmy), parse_date("2018-07"));
}

TEST(ParseDateWithOrder, ImpossibleAmbiguousAndShortYears) {
    DateProblem problem = DateProblem::none;
    EXPECT_FALSE(parse_date("31/02/2018", DateOrder::dmy, &problem));  // no 31 February
    EXPECT_EQ(problem, DateProblem::impossible);
    EXPECT_FALSE(parse_date("25/12/2018", DateOrder::mdy, &problem));  // no month 25
    EXPECT_EQ(problem, DateProblem::impossible);
    EXPECT_FALSE(parse_date("29/02/2019", DateOrder::dmy, &problem));  // 2019 is no leap year
    EXPECT_EQ(problem, DateProblem::impossible);
    EXPECT_TRUE(parse_date("29/02/2020", DateOrder::dmy, &problem));
    EXPECT_EQ(problem, DateProblem::none);

    EXPECT_FALSE(parse_date("04/07/2018", DateOrder::iso, &problem));
    EXPECT_EQ(problem, DateProblem::needs_order);
    EXPECT_FALSE(parse_date("04/07/2018", &problem));  // the one-order form is ISO only
    EXPECT_EQ(problem, DateProblem::malformed);

    EXPECT_FALSE(parse_date("04/07/18", DateOrder::dmy, &problem));
    EXPECT_EQ(problem, DateProblem::short_year);
    EXPECT_FALSE(parse_date("4/7/18", DateOrder::iso, &problem));
    EXPECT_EQ(problem, DateProblem::short_year);

    for (const char* text : {"04/07-2018", "004/07/2018", "04/07/218", "04/07/20180", "4 July 2018", "04/07/2018 "}) {
        EXPECT_FALSE(parse_date(text, DateOrder::dmy, &problem)) << text;
        EXPECT_EQ(problem, DateProblem::malformed) << text;
    }
}

TEST(SplitNumericDate, NumbersInTheOrderWritten) {
    const auto date = split_numeric_date("25.12.2018");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->first, 25u);
    EXPECT_EQ(date->second, 12u);
    EXPECT_EQ(date->year, 2018);
    EXPECT_FALSE(date->short_year);
    EXPECT_FALSE(split_numeric_date("2018-12-25"));
    EXPECT_EQ(spell_date(2018, 7, 4), "4 July 2018");
}

}  // namespace
}  // namespace bridgemap
