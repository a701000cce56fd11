// The input problems a campaign of malformed files found read silently or mis-reported
// (issue 19): each is now one diagnostic with its place, listed with all the others.

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bridgemap::ingest {
namespace {

namespace fs = std::filesystem;

/// A scratch folder per test, named after it.
class Robustness : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() /
                  ("bridgemap-robust-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
    }
    void TearDown() override { fs::remove_all(folder_); }

    void write(const std::string& name, const std::string& text) { io::write_file_atomically(folder_ / name, text); }

    /// Every diagnostic as FILE:PLACE: SEVERITY: MESSAGE, the folder left out of FILE.
    std::vector<std::string> messages(const ReadResult& result) const {
        std::vector<std::string> out;
        for (const auto& d : result.diagnostics.all()) {
            std::string text = format_diagnostic(d);
            const std::string prefix = folder_.string() + "/";
            if (text.starts_with(prefix)) text.erase(0, prefix.size());
            out.push_back(text);
        }
        return out;
    }
    ReadResult read_json(const std::string& text) {
        write("net.json", text);
        return read_network(folder_ / "net.json");
    }

    fs::path folder_;
};

const std::string k_members = "id,name,sector\nm1,Ann,public\nm2,Bo,funder\n";

TEST_F(Robustness, DuplicateJsonKeysAreErrorsAtTheirPointer) {
    const ReadResult result =
        read_json(R"({"members": [{"id": "a", "id": "b", "name": "x"}], "members": [{"id": "c"}]})");
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "net.json:/members/0/id: error: the key \"id\" is given twice in one object; give it once (the "
                  "JSON reader would keep only the last)",
                  "net.json:/members: error: the key \"members\" is given twice in one object; give it once (the JSON "
                  "reader would keep only the last)"}));
}

TEST_F(Robustness, JsonNumbersTooLargeToKeepOrOutOfRange) {
    // Two ids that differ in their last digit would both become 1.2345678901234568e+29.
    const ReadResult big =
        read_json(R"({"members": [{"id": 123456789012345678901234567890}, {"id": 123456789012345678901234567891}]})");
    EXPECT_EQ(big.diagnostics.error_count(), 2u);
    EXPECT_EQ(messages(big)[1],
              "net.json:/members/1/id: error: the number 1.2345678901234568e+29 is too large to keep exactly (above "
              "2^53, digits are lost); write it in quotes as text");
    // 2^53 - 1 is kept exactly: no error.
    EXPECT_FALSE(read_json(R"({"members": [{"id": 9007199254740991}]})").diagnostics.has_errors());
    // 1e400 is beyond any double: an error at its line, in words, not nlohmann's exception.
    const ReadResult huge = read_json("{\"members\": [\n  {\"id\": \"a\", \"x\": 1e400}\n]}");
    EXPECT_EQ(messages(huge), (std::vector<std::string>{"net.json:2: error: the number 1e400 is out of range (too "
                                                        "large for any computation); give a smaller one"}));
}

TEST_F(Robustness, JsonMessagesHaveNoLibraryPrefixAndPointersAreEscaped) {
    const ReadResult broken = read_json("{\"members\": [\n  {\"id\": \"a\",}\n]}");
    ASSERT_EQ(broken.diagnostics.all().size(), 1u);
    EXPECT_EQ(broken.diagnostics.all()[0].line, 2u);
    EXPECT_EQ(broken.diagnostics.all()[0].message.find("json.exception"), std::string::npos);
    EXPECT_EQ(broken.diagnostics.all()[0].message.find("parse error"), std::string::npos);
    // RFC 6901: "/" in a key as "~1", "~" as "~0".
    const ReadResult keys = read_json(R"({"members": [{"id": "a", "a/b~c": {}}], "x/y": 1})");
    EXPECT_EQ(messages(keys),
              (std::vector<std::string>{
                  "net.json:/members/0/a~1b~0c: error: \"a/b~c\" must be text, a number, true/false or null",
                  "net.json:/x~1y: warning: \"x/y\" is not one of bridgemap's tables; ignored"}));
}

/// `1` and `"1"` are one id; where a file writes an id both ways that is said, once, with the
/// place of the other spelling (a duplicate member is still an error).
TEST_F(Robustness, AnIdWrittenAsANumberAndAsTextIsOneIdWithAWarning) {
    const ReadResult result = read_json(R"({"members": [{"id": 1, "name": "Ann"}, {"id": "2", "name": "Bo"},
        {"id": "1", "name": "Cy"}], "events": [{"id": "e1", "name": "Dinner", "date": "2018-01-01"}],
        "attendance": [{"member_id": "2", "event_id": "e1"}, {"member_id": 2, "event_id": "e1"}]})");
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "net.json:/members/2/id: warning: the id \"1\" is text here but a number at /members/0/id; both "
                  "are read as the id \"1\"",
                  "net.json:/members/2/id: error: duplicate member id \"1\" (first on /members/0)",
                  "net.json:/attendance/1/member_id: warning: the id 2 is a number here but text at /members/1/id; "
                  "both are read as the id \"2\"",
                  "net.json:/attendance/1: warning: repeats the row on /attendance/0; merged"}));
}

TEST_F(Robustness, TablesThatAreNotFilesAreErrors) {
    write("members.csv", k_members);
    fs::create_directory(folder_ / "attendance.csv");
    ASSERT_EQ(::mkfifo((folder_ / "ties.csv").c_str(), 0600), 0);
    fs::create_symlink("/dev/null", folder_ / "groups.csv");
    const ReadResult result = read_network(folder_);
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "attendance.csv: error: attendance.csv is a folder, not a file; the attendance table must be a file",
                  "groups.csv: error: groups.csv is a device, not a file; the groups table must be a file",
                  "ties.csv: error: ties.csv is a pipe (FIFO), not a file; the ties table must be a file"}));
}

TEST_F(Robustness, AMembersFolderIsOneErrorNotOneUnknownMemberPerRow) {
    fs::create_directory(folder_ / "members.csv");
    write("events.csv", "id,date\ne1,2020-01-01\n");
    write("attendance.csv", "member_id,event_id\nm1,e1\nm2,e1\nm3,e1\n");
    const ReadResult result = read_network(folder_);
    EXPECT_EQ(messages(result), (std::vector<std::string>{"members.csv: error: members.csv is a folder, not a file; "
                                                          "the members table must be a file"}));
    // A path that is a pipe is refused before anything is read.
    ASSERT_EQ(::mkfifo((folder_ / "net.json").c_str(), 0600), 0);
    try {
        read_network(folder_ / "net.json");
        FAIL() << "a pipe was read";
    } catch (const IoError& error) {
        EXPECT_NE(std::string(error.what()).find("it is a pipe (FIFO), not a file"), std::string::npos);
    }
}

TEST_F(Robustness, WeightsSignsAndRanges) {
    write("members.csv", k_members);
    write("ties.csv", "source,target,weight\nm1,m2,+2\nm1,m2,1e308\nm1,m2,1e400\nm1,m2,-2\nm1,m2,++1\nm1,m2,1000000\n");
    const ReadResult result = read_network(folder_);
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "ties.csv:3: error: weight 1e308 is too large: weights are 0 to 1,000,000 (larger ones make path "
                  "lengths too small to compute with)",
                  "ties.csv:4: error: weight \"1e400\" is out of range: weights are 0 to 1,000,000",
                  "ties.csv:5: error: weight -2 is negative; weights are 0 or more",
                  "ties.csv:6: error: weight \"++1\" is not a number"}));
    ASSERT_EQ(result.network.ties.size(), 2u);
    EXPECT_DOUBLE_EQ(result.network.ties[0].weight, 2.0);  // "+2"
    EXPECT_DOUBLE_EQ(result.network.ties[1].weight, 1e6);
}

TEST_F(Robustness, YearsBefore1000AreNamed) {
    write("members.csv", k_members);
    write("events.csv", "id,date\ne1,0999-01-01\ne2,999\n");
    const ReadResult result = read_network(folder_);
    EXPECT_EQ(messages(result)[0],
              "events.csv:2: error: date \"0999-01-01\" in column date is in the year 999: bridgemap reads years 1000 "
              "to 9999");
}

TEST_F(Robustness, InvisibleCharactersInIdsAreShown) {
    write("members.csv", k_members);
    write("events.csv", "id,date\ne1,2020-01-01\n");
    write("attendance.csv", std::string("member_id,event_id\nm1\xC2\xA0,e1\nm") + '\0' +
                                "2,e1\n\xEF\xBB\xBFm2,e1\nm\xE2\x80\xAE" + "1,e1\n");
    const ReadResult result = read_network(folder_);
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "attendance.csv:2: error: member_id \"m1<U+00A0>\" holds an invisible character (U+00A0); remove "
                  "it, or the id will not match the one meant",
                  "attendance.csv:3: error: member_id \"m<U+0000>2\" holds an invisible character (U+0000); remove "
                  "it, or the id will not match the one meant",
                  "attendance.csv:4: error: member_id \"<U+FEFF>m2\" holds an invisible character (U+FEFF); remove "
                  "it, or the id will not match the one meant",
                  "attendance.csv:5: error: member_id \"m<U+202E>1\" holds an invisible character (U+202E); remove "
                  "it, or the id will not match the one meant"}));
}

TEST_F(Robustness, ManyColumnsAreStoredRightInLinearTime) {
    // 3,000 extra columns over 40 rows (the campaign's 20,000 took 92 s, quadratically): each
    // row's values land in their own column, whatever order a JSON object gives its keys.
    std::string text = "id,name";
    for (int c = 0; c < 3000; ++c) text += ",x" + std::to_string(c);
    text += "\n";
    for (int r = 0; r < 40; ++r) {
        text += "m" + std::to_string(r) + ",N";
        for (int c = 0; c < 3000; ++c) text += "," + std::to_string(r * 10000 + c);
        text += "\n";
    }
    write("members.csv", text);
    const ReadResult result = read_network(folder_);
    ASSERT_FALSE(result.diagnostics.has_errors());
    EXPECT_EQ(result.network.member_attributes.names.size(), 3000u);
    EXPECT_EQ(result.network.member_attributes.get("x2999", 39), "392999");
    EXPECT_EQ(result.network.member_attributes.get("x0", 7), "70000");
    const ReadResult json =
        read_json(R"({"members": [{"id": "a", "p": "1", "q": "2"}, {"q": "4", "id": "b", "p": "3"}]})");
    EXPECT_EQ(json.network.member_attributes.get("p", 1), "3");
    EXPECT_EQ(json.network.member_attributes.get("q", 1), "4");
}

TEST(Visible, ControlAndInvisibleCharactersAreShown) {
    EXPECT_EQ(io::visible("\x1B[2J\x1B[31mred\x07"), "<U+001B>[2J<U+001B>[31mred<U+0007>");
    EXPECT_EQ(io::visible("abc\xE2\x80\xAE"
                          "def"),
              "abc<U+202E>def");                                                   // right-to-left override
    EXPECT_EQ(io::visible("Zo\xC3\xAB \xE5\xB8\x82"), "Zo\xC3\xAB \xE5\xB8\x82");  // letters stay
    EXPECT_EQ(io::in_quotes("a\tb"), "\"a<U+0009>b\"");
    // For a terminal, line breaks and tabs stay; the rest is shown.
    EXPECT_EQ(io::terminal_safe("one\n\ttwo \x1B[2J\n"), "one\n\ttwo <U+001B>[2J\n");
    EXPECT_EQ(io::terminal_safe("plain\n"), "plain\n");
}

/// Every command prints its diagnostics with format_diagnostic: a name or file name from the
/// user cannot drive the terminal there either.
TEST(Visible, DiagnosticsAreShownNotObeyed) {
    Diagnostics diagnostics;
    diagnostics.error("attendance.csv", 4, "unknown member \"\x1B[2Jkathy\u202Eevans\"");
    diagnostics.warning("m\x07.csv", 2, "plain");
    EXPECT_EQ(format_diagnostic(diagnostics.all()[0]),
              "attendance.csv:4: error: unknown member \"<U+001B>[2Jkathy<U+202E>evans\"");
    EXPECT_EQ(format_diagnostic(diagnostics.all()[1]), "m<U+0007>.csv:2: warning: plain");
}

}  // namespace
}  // namespace bridgemap::ingest
