#include <bridgemap/ingest/attendee_lists.hpp>

#include "support/temporary_files.hpp"

#include <gtest/gtest.h>

namespace bridgemap::ingest {
namespace {

using testing::TemporaryFolder;

std::vector<std::string> messages(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& diagnostic : diagnostics.all()) out.push_back(format_diagnostic(diagnostic));
    return out;
}

AttendeeList read_list(const TemporaryFolder& folder, const std::string& text, Diagnostics& diagnostics) {
    testing::write_file(folder / "list.csv", text);
    const auto table = read_text_table(folder / "list.csv", "list.csv", diagnostics);
    EXPECT_TRUE(table);
    return read_attendees(*table, diagnostics);
}

TEST(HeaderKey, IgnoresCaseSpacesUnderscoresAndPunctuation) {
    EXPECT_EQ(header_key("E-mail Address"), "emailaddress");
    EXPECT_EQ(header_key(" Attendee_Name "), "attendeename");
    EXPECT_EQ(header_key("Name (Original Name)"), "nameoriginalname");
    EXPECT_EQ(header_key("Organisatión"), "organisation");
}

TEST(ReadAttendees, RecognisesEventbriteColumnsAndKeepsTheOthers) {
    const TemporaryFolder folder("attendees-eventbrite");
    Diagnostics diagnostics;
    const auto list = read_list(folder,
                                "\"Order #\",\"First Name\",\"Last Name\",\"Email\",\"Company\",\"Job Title\","
                                "\"Ticket Type\",\"Sector\"\n"
                                "\"61\",\" Zoë \",\"Ó Briain\",\"zoe@example.org\",\"Women's Aid\",\"Director\","
                                "\"Speaker\",\"voluntary\"\n",
                                diagnostics);
    EXPECT_TRUE(diagnostics.all().empty()) << messages(diagnostics)[0];
    ASSERT_EQ(list.attendees.size(), 1u);
    const Attendee& zoe = list.attendees[0];
    EXPECT_EQ(zoe.name, "Zoë Ó Briain");
    EXPECT_EQ(zoe.email, "zoe@example.org");
    EXPECT_EQ(zoe.organisation, "Women's Aid");
    EXPECT_EQ(zoe.job_title, "Director");
    EXPECT_EQ(zoe.role, "Speaker");
    EXPECT_EQ(zoe.sector, "voluntary");
    EXPECT_EQ(list.extra_names, std::vector<std::string>{"Order #"});
    EXPECT_EQ(zoe.extras, std::vector<std::string>{"61"});
    EXPECT_EQ(zoe.place.describe(), "list.csv:2");
}

TEST(ReadAttendees, ReadsSemicolonsAndTabsAndAFullNameColumn) {
    const TemporaryFolder folder("attendees-delimiters");
    Diagnostics diagnostics;
    const auto semicolons =
        read_list(folder, "Surname;First name;Organisation\nKruger;Danny;West London Zone\n", diagnostics);
    ASSERT_EQ(semicolons.attendees.size(), 1u);
    EXPECT_EQ(semicolons.attendees[0].name, "Danny Kruger");
    EXPECT_EQ(semicolons.attendees[0].organisation, "West London Zone");
    const auto tabs =
        read_list(folder, "Name (Original Name)\tUser Email\nDannyKruger\tDanny@example.org\n", diagnostics);
    ASSERT_EQ(tabs.attendees.size(), 1u);
    EXPECT_EQ(tabs.attendees[0].name, "DannyKruger");
    EXPECT_EQ(tabs.attendees[0].email, "Danny@example.org");
}

TEST(ReadAttendees, ANoteInBracketsAfterANameIsItsOrganisationUnlessPronounsOrTheName) {
    const TemporaryFolder folder("attendees-notes");
    Diagnostics diagnostics;
    const auto list = read_list(folder,
                                "Name (Original Name),Company\n"
                                "Jess Steele (Jericho Road),\n"
                                "Sam Lee (she/her),\n"
                                "Jo Bell (Jo B),\n"
                                "Ann Ray (Acme),Beta\n",
                                diagnostics);
    ASSERT_EQ(list.attendees.size(), 4u);
    EXPECT_EQ(list.attendees[0].name, "Jess Steele");
    EXPECT_EQ(list.attendees[0].organisation, "Jericho Road");
    EXPECT_EQ(list.attendees[1].name, "Sam Lee");
    EXPECT_EQ(list.attendees[1].organisation, "");
    EXPECT_EQ(list.attendees[2].name, "Jo Bell");
    EXPECT_EQ(list.attendees[2].organisation, "");
    EXPECT_EQ(list.attendees[3].name, "Ann Ray");
    EXPECT_EQ(list.attendees[3].organisation, "Beta");  // the column wins
}

TEST(ReadAttendees, SkipsRowsWithoutANameAndEmailsWithoutAnAt) {
    const TemporaryFolder folder("attendees-problems");
    Diagnostics diagnostics;
    const auto list = read_list(folder, "Full name,Email\nAnn Lee,n/a\n,bo@example.org\n,\n", diagnostics);
    ASSERT_EQ(list.attendees.size(), 1u);
    EXPECT_EQ(list.attendees[0].email, "");
    EXPECT_EQ(messages(diagnostics),
              (std::vector<std::string>{
                  "list.csv:2: warning: email \"n/a\" of \"Ann Lee\" has no \"@\"; not used to match people",
                  "list.csv:3: warning: no name; row skipped"}));  // the empty row 4 silently
}

TEST(ReadAttendees, AListWithoutANameColumnIsAnErrorNamingItsHeader) {
    const TemporaryFolder folder("attendees-no-name");
    Diagnostics diagnostics;
    const auto list = read_list(folder, "Email,Company\na@example.org,Acme\n", diagnostics);
    EXPECT_TRUE(list.attendees.empty());
    EXPECT_EQ(messages(diagnostics),
              std::vector<std::string>{"list.csv:1: error: no name column (\"name\", \"full name\", \"attendee name\", "
                                       "or \"first name\" with \"last name\"); the header is \"Email\", \"Company\""});
}

TEST(ReadAttendees, ReadsTheFirstSheetOfAWorkbookWithCellPlaces) {
    // The example's dinner form, saved as .xlsx by LibreOffice (data/signups-2017/README.md).
    Diagnostics diagnostics;
    const auto table = read_text_table(
        std::string(BRIDGEMAP_SOURCE_DIR) + "/data/signups-2017/dinner-2018-07-form.xlsx", "dinner.xlsx", diagnostics);
    ASSERT_TRUE(table);
    const auto list = read_attendees(*table, diagnostics);
    EXPECT_TRUE(diagnostics.all().empty());
    ASSERT_EQ(list.attendees.size(), 31u);
    EXPECT_EQ(list.attendees[14].name, "DannyKruger");
    EXPECT_EQ(list.attendees[14].organisation, "West London Zone, Only Connect");
    EXPECT_EQ(list.attendees[14].place.describe(), "dinner.xlsx[dinner-2018-07-form]!B16");
    Diagnostics reported;
    report(reported, list.attendees[14].place, false, "a note");
    EXPECT_EQ(messages(reported), std::vector<std::string>{"dinner.xlsx[dinner-2018-07-form]!B16: warning: a note"});
}

TEST(ReadEvents, ReportsEveryBadRowAndKeepsExtraColumns) {
    const TemporaryFolder folder("events-file");
    testing::write_file(folder / "events.csv",
                        "ID,Name,Date,Kind,List,Place\n"
                        "a,A,2018-07-04,dinner,a.csv,London\n"
                        ",B,2018,dinner,b.csv,\n"
                        "c,C,04/07/2018,dinner,c.csv,\n");
    Diagnostics diagnostics;
    const auto table = read_text_table(folder / "events.csv", "events.csv", diagnostics);
    ASSERT_TRUE(table);
    const EventsFile events = read_events(*table, diagnostics);
    ASSERT_EQ(events.events.size(), 2u);
    EXPECT_EQ(events.events[0].list, "a.csv");
    EXPECT_EQ(events.extra_names, std::vector<std::string>{"Place"});
    EXPECT_EQ(events.events[0].extras, std::vector<std::string>{"London"});
    EXPECT_EQ(messages(diagnostics),
              (std::vector<std::string>{"events.csv:3: error: empty event id",
                                        "events.csv:4: error: event \"c\": malformed date \"04/07/2018\" (expected "
                                        "YYYY-MM-DD; give --date-order dmy or mdy to read it "
                                        "day-first or month-first)"}));
}

}  // namespace
}  // namespace bridgemap::ingest
