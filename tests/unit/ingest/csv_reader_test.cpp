#include <bridgemap/ingest/csv_reader.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bridgemap::ingest {
namespace {

struct Parsed {
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines;
    std::vector<std::size_t> last_lines;
    std::vector<CsvProblem> problems;
};

Parsed parse(std::string_view text) {
    Parsed parsed;
    parse_csv(
        text,
        [&](const CsvRecord& record) {
            parsed.records.emplace_back(record.fields.begin(), record.fields.end());
            parsed.lines.push_back(record.line);
            parsed.last_lines.push_back(record.last_line);
        },
        parsed.problems);
    return parsed;
}

using Fields = std::vector<std::string>;

TEST(ParseCsv, PlainRecordsWithLf) {
    const Parsed p = parse("id,name\nm1,Ann\nm2,Bo\n");
    ASSERT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.records[0], (Fields{"id", "name"}));
    EXPECT_EQ(p.records[2], (Fields{"m2", "Bo"}));
    EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 2, 3}));
    EXPECT_TRUE(p.problems.empty());
}

TEST(ParseCsv, CrlfAndLoneCrLineEnds) {
    const Parsed crlf = parse("a,b\r\n1,2\r\n3,4");
    ASSERT_EQ(crlf.records.size(), 3u);
    EXPECT_EQ(crlf.records[1], (Fields{"1", "2"}));
    EXPECT_EQ(crlf.records[2], (Fields{"3", "4"}));  // no line end after the last record
    EXPECT_EQ(crlf.lines[2], 3u);
    const Parsed cr = parse("a,b\r1,2\r");
    ASSERT_EQ(cr.records.size(), 2u);
    EXPECT_EQ(cr.records[1], (Fields{"1", "2"}));
    EXPECT_EQ(cr.lines[1], 2u);
}

TEST(ParseCsv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
    const Parsed p = parse(
        "id,name,note\n"
        "m1,\"Smith, Ann\",\"she said \"\"hi\"\"\"\n"
        "m2,\"two\nlines\",x\n"
        "m3,\"\",\"a\r\nb\"\n"
        "m4,Bo,y\n");
    ASSERT_EQ(p.records.size(), 5u);
    EXPECT_EQ(p.records[1], (Fields{"m1", "Smith, Ann", "she said \"hi\""}));
    EXPECT_EQ(p.records[2], (Fields{"m2", "two\nlines", "x"}));
    EXPECT_EQ(p.records[3], (Fields{"m3", "", "a\r\nb"}));
    // m2 starts on line 3 and spans lines 3-4; m3 spans 5-6; m4 is on line 7.
    EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 2, 3, 5, 7}));
    EXPECT_EQ(p.last_lines[2], 4u);
    EXPECT_EQ(p.last_lines[3], 6u);
    EXPECT_TRUE(p.problems.empty());
}

TEST(ParseCsv, SkipsByteOrderMark) {
    const Parsed p = parse("\xEF\xBB\xBFid,name\nm1,Zo\xC3\xAB\n");
    ASSERT_EQ(p.records.size(), 2u);
    EXPECT_EQ(p.records[0][0], "id");
    EXPECT_EQ(p.records[1][1], "Zo\xC3\xAB");
}

TEST(ParseCsv, BlankLinesAreSkippedButCountLines) {
    const Parsed p = parse("id\n\nm1\n\r\n\nm2\n\n");
    ASSERT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 3, 6}));
}

TEST(ParseCsv, EmptyFieldsAndTrailingComma) {
    const Parsed p = parse("a,b,c\n,,\nx,,\n1,2,");
    ASSERT_EQ(p.records.size(), 4u);
    EXPECT_EQ(p.records[1], (Fields{"", "", ""}));
    EXPECT_EQ(p.records[2], (Fields{"x", "", ""}));
    EXPECT_EQ(p.records[3], (Fields{"1", "2", ""}));
}

TEST(ParseCsv, QuotedEmptyFieldIsARecordNotABlankLine) {
    const Parsed p = parse("a\n\"\"\n");
    ASSERT_EQ(p.records.size(), 2u);
    EXPECT_EQ(p.records[1], (Fields{""}));
}

TEST(ParseCsv, EmptyTextHasNoRecords) {
    EXPECT_TRUE(parse("").records.empty());
    EXPECT_TRUE(parse("\xEF\xBB\xBF").records.empty());
}

TEST(ParseCsv, UnterminatedQuoteIsReportedOnceAndReadingResumesOnTheNextLine) {
    // Line 3's quote is never closed: one error there, line 3 left out, line 4 read as a row.
    const Parsed p = parse("id,name\nm1,Ann\nm2,\"Bo\nm3,Cy\n");
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_TRUE(p.problems[0].is_error);
    EXPECT_EQ(p.problems[0].line, 3u);
    EXPECT_NE(p.problems[0].message.find("is not closed on it"), std::string::npos);
    EXPECT_NE(p.problems[0].message.find("errors just after it may come from this one"), std::string::npos);
    ASSERT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.records[2], (std::vector<std::string>{"m3", "Cy"}));
    EXPECT_EQ(p.lines[2], 4u);
    // A quote that another quote lines later "closes", followed by text: the same, once, and the
    // lines in between are read as rows (CRLF line ends too).
    const Parsed q = parse("id,name\r\nm1,\"Ann\r\nm2,Bo\r\nm3,C\"y\r\nm4,Di\r\n");
    ASSERT_EQ(q.problems.size(), 2u);
    EXPECT_EQ(q.problems[0].line, 2u);
    EXPECT_NE(q.problems[0].message.find("is not closed on it"), std::string::npos);
    EXPECT_FALSE(q.problems[1].is_error);  // line 4's quote inside an unquoted field: a warning
    ASSERT_EQ(q.records.size(), 4u);
    EXPECT_EQ(q.records[1], (std::vector<std::string>{"m2", "Bo"}));
    EXPECT_EQ(q.records[3], (std::vector<std::string>{"m4", "Di"}));
    // A quoted field may hold a line break when it closes properly: no problem, one record.
    const Parsed r = parse("id,note\nm1,\"two\nlines\"\nm2,x\n");
    EXPECT_TRUE(r.problems.empty());
    ASSERT_EQ(r.records.size(), 3u);
    EXPECT_EQ(r.records[1][1], "two\nlines");
    // Never closed on the last line: the record is delivered as far as read.
    const Parsed s = parse("id,name\nm1,\"Ann");
    ASSERT_EQ(s.problems.size(), 1u);
    EXPECT_NE(s.problems[0].message.find("never closed"), std::string::npos);
    EXPECT_EQ(s.records[1][1], "Ann");
}

TEST(ParseCsv, TextAfterClosingQuoteIsAnError) {
    const Parsed p = parse("id,name\nm1,\"Ann\"x,3\n");
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_TRUE(p.problems[0].is_error);
    EXPECT_EQ(p.problems[0].line, 2u);
    EXPECT_NE(p.problems[0].message.find("field 2"), std::string::npos);
    ASSERT_EQ(p.records.size(), 2u);
    EXPECT_EQ(p.records[1], (Fields{"m1", "Ann", "3"}));
}

TEST(ParseCsv, QuoteInsideUnquotedFieldIsKeptWithAWarning) {
    const Parsed p = parse("id,name\nm1,Zo\xC3\xAB \"Z\" O'Neil\n");
    ASSERT_EQ(p.records.size(), 2u);
    EXPECT_EQ(p.records[1][1], "Zo\xC3\xAB \"Z\" O'Neil");
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_FALSE(p.problems[0].is_error);
    EXPECT_EQ(p.problems[0].line, 2u);
}

Parsed parse_with(std::string_view text, char delimiter) {
    Parsed parsed;
    parse_csv(
        text,
        [&](const CsvRecord& record) {
            parsed.records.emplace_back(record.fields.begin(), record.fields.end());
            parsed.lines.push_back(record.line);
        },
        parsed.problems, delimiter);
    return parsed;
}

TEST(DetectDelimiter, TheOneGivingTheMostFieldsInTheHeader) {
    EXPECT_EQ(detect_delimiter("id,name,sector\nm1,Ann,public\n"), ',');
    EXPECT_EQ(detect_delimiter("id;name;sector\r\nm1;Ann, Jr;public\r\n"), ';');
    EXPECT_EQ(detect_delimiter("id\tname\tsector\nm1\tAnn\tpublic\n"), '\t');
    // Only the header row counts: rows below with many commas do not outvote it.
    EXPECT_EQ(detect_delimiter("id;name\nm1;a,b,c,d,e\n"), ';');
}

TEST(DetectDelimiter, DelimitersInsideQuotesDoNotCount) {
    // Outside quotes: 1 semicolon against 0 commas ("a,b,c" is one quoted field, "x""," too).
    EXPECT_EQ(detect_delimiter("\"a,b,c\";\"x\"\",\"\n"), ';');
    // Outside quotes: 2 commas; the semicolons are all quoted.
    EXPECT_EQ(detect_delimiter("\"a;b;c;d\",e,f\n"), ',');
    // A quoted header field may hold a line break: the header ends at the first unquoted one.
    EXPECT_EQ(detect_delimiter("\"id\nx\";name;sector\nm1,a,b,c,d\n"), ';');
}

TEST(DetectDelimiter, TiesOneColumnAndEmptyTextGiveComma) {
    EXPECT_EQ(detect_delimiter("id\nm1\nm2\n"), ',');  // one column: nothing to detect
    EXPECT_EQ(detect_delimiter("a,b;c\n"), ',');       // one of each: comma wins the tie
    EXPECT_EQ(detect_delimiter("a;b\tc\n"), ';');      // semicolon before tab on a tie
    EXPECT_EQ(detect_delimiter(""), ',');
    // A byte order mark and blank lines before the header are skipped.
    EXPECT_EQ(detect_delimiter("\xEF\xBB\xBF\n\r\nid;name\n"), ';');
}

TEST(DelimiterNote, SaysWhatWasFound) {
    EXPECT_EQ(
        delimiter_note(';'),
        "fields are separated by semicolons, as a spreadsheet set to a European language saves CSV; read as such");
    EXPECT_EQ(delimiter_note('\t'), "fields are separated by tabs, not commas; read as such");
}

TEST(ParseCsv, SemicolonDelimiterKeepsCommasInFields) {
    const Parsed p = parse_with("id;name;weight\nm1;\"Moss; \"\"H\"\"\";0,5\nm2;Bo;\n", ';');
    ASSERT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.records[1], (Fields{"m1", "Moss; \"H\"", "0,5"}));
    EXPECT_EQ(p.records[2], (Fields{"m2", "Bo", ""}));
    EXPECT_TRUE(p.problems.empty());
}

TEST(ParseCsv, TabDelimiterAndTextAfterAClosingQuote) {
    const Parsed p = parse_with("a\tb\n\"x\"y\tz\n", '\t');
    ASSERT_EQ(p.records.size(), 2u);
    EXPECT_EQ(p.records[1], (Fields{"x", "z"}));
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_EQ(p.problems[0].line, 2u);
    // With the default comma, the same tab-separated line is one field per line.
    EXPECT_EQ(parse("a\tb\n").records[0], (Fields{"a\tb"}));
}

}  // namespace
}  // namespace bridgemap::ingest
