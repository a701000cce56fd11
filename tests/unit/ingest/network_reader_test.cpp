#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/network_writer.hpp>
#include <bridgemap/io/atomic_file.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

namespace bridgemap::ingest {
namespace {

namespace fs = std::filesystem;
const fs::path k_fixtures = BRIDGEMAP_FIXTURES_DIR;

struct Expected {
    std::string file;
    std::size_t line;
    Severity severity;
    std::string fragment;
};

std::string basename(const std::string& path) {
    return fs::path(path).filename().string();
}

TEST(ReadNetwork, BundledExampleCounts) {
    const ReadResult result = read_network(BRIDGEMAP_EXAMPLE_DIR);
    EXPECT_EQ(result.diagnostics.all().size(), 0u)
        << (result.diagnostics.all().empty() ? "" : format_diagnostic(result.diagnostics.all()[0]));
    const Network& network = result.network;
    // Counts from the example's README: 56 members, 56 organisations, 9 events; the README said 110
    // attendance rows but the file has 111 distinct ones (checked with cut | sort | uniq -d).
    EXPECT_EQ(network.members.size(), 56u);
    EXPECT_EQ(network.organisations.size(), 56u);
    EXPECT_EQ(network.events.size(), 9u);
    EXPECT_EQ(network.attendance.size(), 111u);
    EXPECT_EQ(network.affiliations.size(), 15u);
    // Alison Nabarro's sector and organisation are left empty on purpose.
    const MemberIndex alison = network.find_member("alison-nabarro");
    ASSERT_NE(alison, k_none);
    EXPECT_EQ(network.members[alison].sector, k_unknown_sector);
    // A member without own sector takes the organisation's; the breakouts have the 2018 workshop as parent.
    const EventIndex syndicate = network.find_event("syndicate-collaboration");
    ASSERT_NE(syndicate, k_none);
    EXPECT_EQ(network.events[network.events[syndicate].parent].id, "gathering-2018-07");
    EXPECT_EQ(network.event_attributes.names, std::vector<std::string>{"place"});
    EXPECT_EQ(network.event_attributes.get("place", syndicate), "London");
}

TEST(ReadNetwork, EveryPlantedProblemWithFileAndLine) {
    const ReadResult result = read_network(k_fixtures / "every-problem");
    const std::vector<Expected> expected = {
        {"members.csv", 5, Severity::error, "empty member id"},
        {"members.csv", 6, Severity::error, "duplicate member id \"m2\" (first on line 3)"},
        {"members.csv", 7, Severity::error, "unknown organisation \"o-99\""},
        {"members.csv", 8, Severity::warning, "repeats the row on line 4; merged"},
        {"members.csv", 9, Severity::error, "this row has 6 fields, but the header has 5"},
        {"organisations.csv", 4, Severity::error, "duplicate organisation id \"council\" (first on line 2)"},
        {"organisations.csv", 5, Severity::error, "not valid UTF-8 (byte 0xE9"},
        {"events.csv", 4, Severity::error, "impossible date \"2018-02-30\""},
        {"events.csv", 5, Severity::error, "date \"3/7/2018\" in column date is not YYYY-MM-DD; if it means 3 July"},
        {"events.csv", 6, Severity::error, "unknown parent event \"g9\""},
        {"events.csv", 7, Severity::error, "loop: \"l1\" -> \"l2\" -> \"l1\""},
        {"attendance.csv", 4, Severity::warning, "repeats the row on line 2; merged"},
        {"attendance.csv", 5, Severity::error, "unknown member \"m9\""},
        {"attendance.csv", 6, Severity::error, "unknown event \"e404\""},
        {"group_members.csv", 3, Severity::error, "until \"2018\" is before from \"2019\""},
        {"group_members.csv", 4, Severity::error, "unknown group \"c7\""},
        {"affiliations.csv", 2, Severity::error, "impossible date \"2016-13\""},
        {"affiliations.csv", 3, Severity::error, "unknown organisation \"nowhere\""},
        {"affiliations.csv", 4, Severity::error, "is not closed on it"},
        {"ties.csv", 3, Severity::error, "self-tie: \"m1\""},
        {"ties.csv", 4, Severity::error, "weight -1 is negative"},
        {"ties.csv", 5, Severity::error, "weight \"heavy\" is not a number"},
        {"ties.csv", 6, Severity::error, "unknown member \"m7\""},
        {"ties.csv", 7, Severity::error, "impossible date \"2018-02-31\""},
    };
    const auto& all = result.diagnostics.all();
    std::string listing;
    for (const auto& d : all) listing += format_diagnostic(d) + "\n";
    ASSERT_EQ(all.size(), expected.size()) << listing;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(basename(all[i].file), expected[i].file) << listing;
        EXPECT_EQ(all[i].line, expected[i].line) << format_diagnostic(all[i]);
        EXPECT_EQ(all[i].severity, expected[i].severity) << format_diagnostic(all[i]);
        EXPECT_NE(all[i].message.find(expected[i].fragment), std::string::npos)
            << format_diagnostic(all[i]) << "\n  expected: " << expected[i].fragment;
    }
    EXPECT_EQ(result.diagnostics.error_count(), 22u);
    EXPECT_EQ(result.diagnostics.warning_count(), 2u);
    // The formatted form names the file path as given and the line.
    EXPECT_EQ(format_diagnostic(all[1]), (k_fixtures / "every-problem" / "members.csv").string() +
                                             ":6: error: duplicate member id \"m2\" (first on line 3)");
}

TEST(ReadNetwork, MissingMembersFileAndMissingColumn) {
    const ReadResult no_members = read_network(k_fixtures / "no-members");
    ASSERT_EQ(no_members.diagnostics.error_count(), 1u);
    EXPECT_EQ(basename(no_members.diagnostics.all()[0].file), "members.csv");
    EXPECT_NE(no_members.diagnostics.all()[0].message.find("file not found"), std::string::npos);

    const ReadResult no_id = read_network(k_fixtures / "missing-column");
    ASSERT_EQ(no_id.diagnostics.error_count(), 1u);
    EXPECT_EQ(no_id.diagnostics.all()[0].line, 1u);
    EXPECT_NE(no_id.diagnostics.all()[0].message.find("required column \"id\" is missing"), std::string::npos);
}

TEST(ReadNetwork, MissingPathThrowsIoError) {
    EXPECT_THROW(read_network(k_fixtures / "there-is-no-such-folder"), IoError);
}

TEST(ReadNetwork, AwkwardButValidCsv) {
    const ReadResult result = read_network(k_fixtures / "awkward-valid");
    ASSERT_FALSE(result.diagnostics.has_errors()) << format_diagnostic(result.diagnostics.all()[0]);
    EXPECT_EQ(result.diagnostics.warning_count(), 0u);
    const Network& network = result.network;
    ASSERT_EQ(network.members.size(), 4u);
    EXPECT_EQ(network.members[0].id, "m1");  // "ID" matched case-insensitively, column order free
    EXPECT_EQ(network.members[0].name, "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N");
    EXPECT_EQ(network.members[1].name, "Smith, Ann");
    EXPECT_EQ(network.members[2].name, "Two\r\nLines");
    EXPECT_EQ(network.members[3].name, "Siobh\xC3\xA1n \xC3\x93 Briain");
    EXPECT_EQ(network.sector_name(network.members[1].sector), "voluntary");  // from Big Charity
    EXPECT_EQ(network.member_attributes.names, std::vector<std::string>{"pronouns"});
    EXPECT_EQ(network.member_attributes.get("pronouns", 2), "they/them");
    EXPECT_EQ(network.events[1].name, "Breakout, A");
    EXPECT_EQ(network.events[1].parent, 0u);
    EXPECT_EQ(network.attendance.size(), 5u);
    ASSERT_EQ(network.ties.size(), 1u);
    EXPECT_DOUBLE_EQ(network.ties[0].weight, 0.5);
}

class JsonNetworkTest : public ::testing::Test {
protected:
    void TearDown() override { fs::remove(path_); }
    ReadResult read(const std::string& text) {
        path_ = fs::temp_directory_path() /
                ("bridgemap-json-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                 ".json");
        io::write_file_atomically(path_, text);
        return read_network(path_);
    }
    fs::path path_;
};

TEST_F(JsonNetworkTest, ReadsTablesWithNumbersAndExtras) {
    const ReadResult result = read(R"({
      "members": [{"id": "a", "name": "Ann", "sector": "public", "age": 41},
                  {"id": 7, "name": "Bo", "organisation": "o1"}],
      "organisations": [{"id": "o1", "name": "Org", "sector": "funder"}],
      "events": [{"id": "e1", "date": "2019-05", "kind": "dinner"}],
      "attendance": [{"member_id": "a", "event_id": "e1"}, {"member_id": "7", "event_id": "e1", "role": "host"}],
      "ties": [{"source": "a", "target": "7", "weight": 2.5}]
    })");
    ASSERT_FALSE(result.diagnostics.has_errors()) << format_diagnostic(result.diagnostics.all()[0]);
    const Network& network = result.network;
    ASSERT_EQ(network.members.size(), 2u);
    EXPECT_EQ(network.members[1].id, "7");
    EXPECT_EQ(network.sector_name(network.members[1].sector), "funder");
    EXPECT_EQ(network.member_attributes.get("age", 0), "41");
    EXPECT_EQ(network.member_attributes.get("age", 1), "");
    EXPECT_EQ(network.roles[network.attendance[1].role], "host");
    EXPECT_DOUBLE_EQ(network.ties[0].weight, 2.5);
}

TEST_F(JsonNetworkTest, ReportsProblemsByJsonPointer) {
    const ReadResult result = read(R"({
      "members": [{"id": "a"}, {"id": "a", "name": "another"}, {"name": "no id"}, {"id": "b", "sector": ["x"]}],
      "ties": [{"source": "a", "target": "zz"}, {"source": "a", "target": "a"}],
      "extras": []
    })");
    std::vector<std::string> formatted;
    for (const auto& d : result.diagnostics.all()) formatted.push_back(format_diagnostic(d));
    const std::string file = path_.string();
    const std::vector<std::string> expected = {
        file + ":/members/1/id: error: duplicate member id \"a\" (first on /members/0)",
        file + ":/members/2: error: required key \"id\" is missing",
        file + ":/members/3/sector: error: \"sector\" must be text, a number, true/false or null",
        file + ":/ties/0/target: error: unknown member \"zz\" (not in members)",
        file + ":/ties/1/target: error: self-tie: \"a\" is tied to themself",
        file + ":/extras: warning: \"extras\" is not one of bridgemap's tables; ignored",
    };
    EXPECT_EQ(formatted, expected);
}

TEST_F(JsonNetworkTest, SyntaxErrorGivesTheLine) {
    const ReadResult result = read("{\n  \"members\": [\n    {\"id\": \"a\",}\n  ]\n}\n");
    ASSERT_EQ(result.diagnostics.error_count(), 1u);
    EXPECT_EQ(result.diagnostics.all()[0].line, 3u);
    EXPECT_NE(result.diagnostics.all()[0].message.find("not valid JSON"), std::string::npos);
}

TEST(NetworkToCsv, WritesWhatReadsBackTheSame) {
    const Network original = read_network(k_fixtures / "awkward-valid").network;
    const fs::path folder = fs::temp_directory_path() / "bridgemap-roundtrip-test";
    fs::remove_all(folder);
    write_network_folder(original, folder);
    const ReadResult again = read_network(folder);
    EXPECT_EQ(again.diagnostics.all().size(), 0u);
    EXPECT_EQ(network_to_csv(again.network), network_to_csv(original));
    EXPECT_EQ(again.network.members[0].name, original.members[0].name);
    fs::remove_all(folder);
}

TEST(ReadNetwork, WithoutOrganisationsTableOrganisationsAreImplicit) {
    const fs::path folder = fs::temp_directory_path() / "bridgemap-implicit-test";
    fs::remove_all(folder);
    fs::create_directories(folder);
    io::write_file_atomically(folder / "members.csv", "id,organisation\na,Acme\nb,Acme\nc,\n");
    const ReadResult result = read_network(folder);
    EXPECT_FALSE(result.diagnostics.has_errors());
    ASSERT_EQ(result.diagnostics.warning_count(), 1u);
    EXPECT_NE(result.diagnostics.all()[0].message.find("1 organisation ids"), std::string::npos);
    ASSERT_EQ(result.network.organisations.size(), 1u);
    EXPECT_EQ(result.network.members[1].organisation, 0u);
    EXPECT_EQ(result.network.members[2].organisation, k_none);
    fs::remove_all(folder);
}

/// A network folder written from (file name, text) pairs, removed at the end of the test.
class FolderTest : public ::testing::Test {
protected:
    void TearDown() override { fs::remove_all(folder_); }
    ReadResult read(std::initializer_list<std::pair<const char*, const char*>> files, const ReadOptions& options = {}) {
        folder_ = fs::temp_directory_path() /
                  ("bridgemap-habits-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
        for (const auto& [name, text] : files) io::write_file_atomically(folder_ / name, text);
        return read_network(folder_, options);
    }
    /// Every diagnostic as FILE:LINE: SEVERITY: MESSAGE with the file's folder left out.
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
    fs::path folder_;
};

TEST_F(FolderTest, SemicolonFileIsReadWithOneWarning) {
    const ReadResult result = read({{"members.csv", "id;name;sector\nm1;\"Lee, Ann\";public\nm2;Bo;\n"}});
    EXPECT_EQ(messages(result),
              std::vector<std::string>{"members.csv: warning: fields are separated by semicolons, as a spreadsheet "
                                       "set to a European language saves CSV; read as such"});
    ASSERT_EQ(result.network.members.size(), 2u);
    EXPECT_EQ(result.network.members[0].name, "Lee, Ann");
    EXPECT_EQ(result.network.sector_name(result.network.members[0].sector), "public");
}

TEST_F(FolderTest, DayMonthDatesWithoutOrderAreOneErrorPerFileCountingAll) {
    const char* events = "id,date\ne1,04/07/2018\ne2,05/07/2018\ne3,2018-07-06\ne4,07/07/2018\n";
    const ReadResult result = read({{"members.csv", "id\nm1\n"}, {"events.csv", events}});
    EXPECT_EQ(messages(result),
              std::vector<std::string>{
                  "events.csv:2: error: date \"04/07/2018\" in column date is not YYYY-MM-DD; if it means 4 July "
                  "2018 give --date-order dmy, if 7 April 2018 --date-order mdy (or write 2018-07-04); 2 more "
                  "dates in this file are written this way"});
    EXPECT_EQ(result.diagnostics.error_count(), 3u);  // every such date is a problem, listed once
    // With the order they are read, and the text is kept as YYYY-MM-DD.
    const ReadResult dmy = read({{"members.csv", "id\nm1\n"}, {"events.csv", events}}, {DateOrder::dmy});
    EXPECT_TRUE(dmy.diagnostics.all().empty());
    EXPECT_EQ(dmy.network.events[0].date_text, "2018-07-04");
    EXPECT_EQ(format_day(dmy.network.events[3].date->first), "2018-07-07");
    const ReadResult mdy = read({{"members.csv", "id\nm1\n"}, {"events.csv", events}}, {DateOrder::mdy});
    EXPECT_EQ(mdy.network.events[0].date_text, "2018-04-07");
}

TEST_F(FolderTest, DatesThatCanOnlyBeDayFirstAndTwoDigitYears) {
    const ReadResult result = read({{"members.csv", "id\nm1\nm2\n"},
                                    {"group_members.csv",
                                     "member_id,group_id,from,until\nm1,g,25/12/2018,\n"
                                     "m2,g,31/02/2018,04/07/18\n"}});
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "group_members.csv: warning: there is no groups table: 1 group ids named in group_members are "
                  "taken as groups",
                  "group_members.csv:2: error: date \"25/12/2018\" in column from is not YYYY-MM-DD; it looks "
                  "day-first (25 December 2018): give --date-order dmy (or write 2018-12-25)",
                  "group_members.csv:3: error: impossible date \"31/02/2018\" in column from (neither day-first nor "
                  "month-first)",
                  "group_members.csv:3: error: date \"04/07/18\" in column until has a 2-digit year, which bridgemap "
                  "does not guess; write the year in full (best as YYYY-MM-DD)"}));
    const ReadResult dmy =
        read({{"members.csv", "id\nm1\n"}, {"ties.csv", "source,target,date\nm1,m1,31/02/2018\n"}}, {DateOrder::dmy});
    EXPECT_NE(messages(dmy).back().find("impossible date \"31/02/2018\" in column date (read day-first, as "
                                        "--date-order dmy says)"),
              std::string::npos);
}

TEST_F(FolderTest, SectorsTableMapsAliasesAndChecksThem) {
    const ReadResult result = read(
        {{"members.csv", "id,sector\nm1,charity\nm2,Voluntary\nm3,public\nm4,volunteer\nm5,grassroots\nm6,council\n"},
         {"sectors.csv",
          "alias,sector\nvoluntary,Charity\nvolunteer,charities\ncouncil,public\nCouncil,charity\n"
          "grassroots,community\n,public\nvolunteers,voluntary\n"}});
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "sectors.csv:3: error: alias \"volunteer\" maps to sector \"charities\", which no member or "
                  "organisation is in; name a sector they use",
                  "sectors.csv:5: error: alias \"Council\" maps to \"charity\" here but to \"public\" on line 4",
                  "sectors.csv:6: error: alias \"grassroots\" maps to sector \"community\", which no member or "
                  "organisation is in; name a sector they use",
                  "sectors.csv:7: error: empty alias: each row of the sectors table maps an alias to a sector",
                  "sectors.csv:8: error: alias \"volunteers\" maps to \"voluntary\", which is itself an alias; map "
                  "it to the sector directly"}))
        << ::testing::PrintToString(messages(result));
    const Network& network = result.network;
    // voluntary -> charity holds; the conflicting council rows are both dropped.
    EXPECT_EQ(network.sector_name(network.members[1].sector), "charity");
    EXPECT_EQ(network.sector_name(network.members[5].sector), "council");
    ASSERT_EQ(network.sector_aliases.size(), 1u);
    EXPECT_EQ(network.sector_aliases[0].alias, "voluntary");
}

TEST_F(FolderTest, FoldedSpellingsAndLookAlikesAreWarnings) {
    const ReadResult result = read(
        {{"members.csv",
          "id,sector,organisation\nm1,Business,\nm2,buisness,\nm3,business,\nm4,BUSINESS,\nm5,public,\nm6,private,\n"
          "m7,Buisness,o1\n"},
         {"organisations.csv", "id,sector\no1,buisness\n"}});
    EXPECT_EQ(messages(result),
              (std::vector<std::string>{
                  "members.csv: warning: sector spellings \"BUSINESS\" (1), \"Business\" (1), \"business\" (1) are "
                  "read as one sector, \"BUSINESS\" (its most used spelling)",
                  "members.csv: warning: sector spellings \"buisness\" (2), \"Buisness\" (1) are read as one sector, "
                  "\"buisness\" (its most used spelling)",
                  "members.csv:3: warning: sector \"buisness\" (members.csv:3, 8; organisations.csv:2) looks like "
                  "\"BUSINESS\" (3 uses); if they are one sector, add the row \"buisness,BUSINESS\" to sectors.csv "
                  "(columns alias,sector)"}))
        << ::testing::PrintToString(messages(result));
    EXPECT_EQ(result.network.sectors, (std::vector<std::string>{"BUSINESS", "buisness", "private", "public"}));
}

TEST_F(JsonNetworkTest, SectorsArrayAndDatesInJson) {
    const ReadResult result = read(R"({
      "members": [{"id": "a", "sector": "voluntary"}, {"id": "b", "sector": "Charity"}],
      "events": [{"id": "e1", "date": "4/7/2018"}],
      "sectors": [{"alias": "voluntary", "sector": "charity"}, {"alias": "x", "sector": "nowhere"}]
    })");
    std::vector<std::string> formatted;
    for (const auto& d : result.diagnostics.all()) formatted.push_back(format_diagnostic(d));
    const std::string file = path_.string();
    EXPECT_EQ(formatted,
              (std::vector<std::string>{
                  file + ":/events/0/date: error: date \"4/7/2018\" in column date is not YYYY-MM-DD; if it means 4 "
                         "July 2018 give --date-order dmy, if 7 April 2018 --date-order mdy (or write 2018-07-04)",
                  file + ":/sectors/1/sector: error: alias \"x\" maps to sector \"nowhere\", which no member or "
                         "organisation is in; name a sector they use"}));
    EXPECT_EQ(result.network.sectors, std::vector<std::string>{"Charity"});
}

TEST(NetworkToCsv, SectorAliasesRoundTrip) {
    Network network = testing::TestNetwork().member("a", "voluntary").member("b", "charity").build();
    network.sector_aliases = {{"voluntary", "charity"}};
    const auto files = network_to_csv(network);
    ASSERT_EQ(files.count("sectors.csv"), 1u);
    EXPECT_EQ(files.at("sectors.csv"), "alias,sector\nvoluntary,charity\n");
    const fs::path folder = fs::temp_directory_path() / "bridgemap-alias-roundtrip-test";
    fs::remove_all(folder);
    write_network_folder(network, folder);
    const ReadResult again = read_network(folder);
    EXPECT_TRUE(again.diagnostics.all().empty());
    EXPECT_EQ(again.network.sectors, std::vector<std::string>{"charity"});
    fs::remove_all(folder);
}

}  // namespace
}  // namespace bridgemap::ingest
