#include <bridgemap/io/csv_writer.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

namespace bridgemap::io {
namespace {

TEST(AppendCsvField, QuotesOnlyWhatNeedsIt) {
    std::string out;
    append_csv_field(out, "plain");
    EXPECT_EQ(out, "plain");
    out.clear();
    append_csv_field(out, "Smith, Ann");
    EXPECT_EQ(out, "\"Smith, Ann\"");
    out.clear();
    append_csv_field(out, "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N");
    EXPECT_EQ(out, "\"Zo\xC3\xAB \"\"Z\"\" O'Neil <b>&amp; \\N\"");
    out.clear();
    append_csv_field(out, "two\nlines");
    EXPECT_EQ(out, "\"two\nlines\"");
}

TEST(FormatNumber, TwelveSignificantDigits) {
    EXPECT_EQ(format_number(0.5), "0.5");
    EXPECT_EQ(format_number(0.1), "0.1");
    EXPECT_EQ(format_number(1e-7), "1e-07");
    EXPECT_EQ(format_number(3.0), "3");
    EXPECT_EQ(format_number(-0.0), "0");
    EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "");
    EXPECT_EQ(format_number(1.0 / 3.0), "0.333333333333");
    EXPECT_EQ(format_number(2.9999999999999964), "3");  // a sum of 1/(n-1) fractions
    EXPECT_EQ(format_number(0.017492384159050824), "0.0174923841591");
    EXPECT_EQ(format_number(123456789012345.0), "1.23456789012e+14");
}

TEST(CsvWriter, WritesRowsWithSeparators) {
    std::string out;
    CsvWriter csv(out);
    csv.row({"id", "name"});
    csv.field("m1").field(2.5).field(std::int64_t{-3}).field(true).empty_field();
    csv.end_row();
    EXPECT_EQ(out, "id,name\nm1,2.5,-3,true,\n");
}

TEST(AppendCsvField, FormulaLikeTextGetsAQuote) {
    // OWASP CSV injection: text a spreadsheet would evaluate starts with a single quote.
    const std::pair<const char*, const char*> cases[] = {
        {"=SUM(A1:A2)", "'=SUM(A1:A2)"},
        {"+44 20 7946 0000", "'+44 20 7946 0000"},
        {"-5", "'-5"},
        {"@cmd", "'@cmd"},
        {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},
        {"=A1,B1", "\"'=A1,B1\""},
        {"a=b", "a=b"},
        {"", ""},
        {"'=already", "'=already"},
    };
    for (const auto& [text, expected] : cases) {
        std::string out;
        append_csv_field(out, text);
        EXPECT_EQ(out, expected) << text;
    }
    EXPECT_TRUE(starts_formula("-0.25"));
    EXPECT_FALSE(starts_formula("0.25"));
}

TEST(CsvWriter, NumbersStayNumbersEvenWhenNegative) {
    // An E-I index of -0.25 goes through the numeric overload: no quote. The same characters
    // given as text are made inert.
    std::string out;
    CsvWriter csv(out);
    csv.field(-0.25).field(std::int64_t{-3}).field("-0.25").field("=1+1");
    csv.end_row();
    EXPECT_EQ(out, "-0.25,-3,'-0.25,'=1+1\n");
}

}  // namespace
}  // namespace bridgemap::io
