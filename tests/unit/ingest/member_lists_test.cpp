#include <bridgemap/ingest/member_lists.hpp>

#include "support/temporary_files.hpp"
#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap::ingest {
namespace {

using testing::TemporaryFolder;
using testing::TestNetwork;

Network four_members() {
    return TestNetwork().member("ann", "A").member("bo", "B").member("cy", "A").member("id", "B").build();
}

std::vector<std::string> messages(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& diagnostic : diagnostics.all()) out.push_back(format_diagnostic(diagnostic));
    return out;
}

TEST(MemberLists, RowsSkipAHeaderButNotAMemberCalledId) {
    const TemporaryFolder folder("member-rows");
    const std::string path = (folder / "people.csv").string();
    // "member_id" is a header; "id" on the first row would be one too, but here it is a member.
    testing::write_file(path, "member_id\n ann \nnobody\n\nbo,cy\n");
    Diagnostics diagnostics;
    const auto rows = read_member_rows(path, four_members(), false, diagnostics);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].line, 2u);
    EXPECT_EQ(rows[0].members, std::vector<MemberIndex>{0});
    EXPECT_EQ(rows[1].line, 5u);
    EXPECT_EQ(rows[1].members, std::vector<MemberIndex>{1});  // the first column only
    EXPECT_EQ(messages(diagnostics), std::vector<std::string>{path + ":3: error: unknown member \"nobody\""});

    testing::write_file(path, "id,bo\ncy\n");
    Diagnostics again;
    const auto whole = read_member_rows(path, four_members(), true, again);
    ASSERT_EQ(whole.size(), 2u);
    EXPECT_EQ(whole[0].members, (std::vector<MemberIndex>{3, 1}));
    EXPECT_TRUE(again.all().empty());
}

TEST(MemberLists, AListNamesEachMemberOnceAndWarnsAboutRepeats) {
    const TemporaryFolder folder("member-list");
    const std::string path = (folder / "people.csv").string();
    testing::write_file(path, "cy\nann\ncy\n");
    Diagnostics diagnostics;
    EXPECT_EQ(read_member_list(path, four_members(), diagnostics), (std::vector<MemberIndex>{2, 0}));
    EXPECT_EQ(messages(diagnostics),
              std::vector<std::string>{path + ":3: warning: \"cy\" is listed again (first on line "
                                              "1); seated once"});
}

TEST(MemberLists, GroupsLeaveOutMembersNotKept) {
    const TemporaryFolder folder("member-groups");
    const std::string path = (folder / "apart.csv").string();
    testing::write_file(path, "ann,bo\ncy,id\n");
    const std::vector<bool> kept = {true, false, true, true};
    Diagnostics diagnostics;
    const auto groups = read_member_groups(path, four_members(), true, kept, diagnostics);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0], std::vector<MemberIndex>{0});
    EXPECT_EQ(groups[1], (std::vector<MemberIndex>{2, 3}));
    EXPECT_EQ(messages(diagnostics),
              std::vector<std::string>{path + ":1: warning: \"bo\" is not among the people to seat; left out"});
}

TEST(MemberLists, PairsByNamedColumnsOrTheFirstTwo) {
    const TemporaryFolder folder("member-pairs");
    const std::string path = (folder / "pairs.csv").string();
    testing::write_file(path, "note,member_b,member_a\nx,bo,ann\ny,cy,cy\nz,id\n");
    Diagnostics diagnostics;
    const auto pairs = read_member_pairs(path, four_members(), diagnostics);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0], (std::pair<MemberIndex, MemberIndex>{0, 1}));
    EXPECT_EQ(messages(diagnostics),
              (std::vector<std::string>{path + ":3: warning: the same member twice; ignored",
                                        path + ":4: error: expected two member ids on this row"}));

    // No header: the first row is a pair when it names a member.
    testing::write_file(path, "ann,id\nbo,ghost\n");
    Diagnostics plain;
    const auto first_two = read_member_pairs(path, four_members(), plain);
    ASSERT_EQ(first_two.size(), 1u);
    EXPECT_EQ(first_two[0], (std::pair<MemberIndex, MemberIndex>{0, 3}));
    EXPECT_EQ(messages(plain), std::vector<std::string>{path + ":2: error: unknown member \"ghost\""});
}

TEST(MemberLists, InvalidUtf8IsReportedOnItsLine) {
    const TemporaryFolder folder("member-utf8");
    const std::string path = (folder / "people.csv").string();
    testing::write_file(path, "ann\nb\xff\n");
    Diagnostics diagnostics;
    EXPECT_TRUE(read_member_rows(path, four_members(), false, diagnostics).empty());
    EXPECT_EQ(messages(diagnostics), std::vector<std::string>{path + ":2: error: not valid UTF-8"});
}

TEST(MemberLists, SemicolonPairsAreReadWithANote) {
    const TemporaryFolder folder("member-pairs-semicolon");
    const std::string path = (folder / "exclude.csv").string();
    testing::write_file(path, "member_a;member_b\nann;bo\ncy;id\n");
    Diagnostics diagnostics;
    const auto pairs = read_member_pairs(path, four_members(), diagnostics);
    // ann=0, bo=1, cy=2, id=3 in four_members().
    EXPECT_EQ(pairs, (std::vector<std::pair<MemberIndex, MemberIndex>>{{0, 1}, {2, 3}}));
    EXPECT_EQ(
        messages(diagnostics),
        std::vector<std::string>{path + ": warning: fields are separated by semicolons, as a spreadsheet set to a "
                                        "European language saves CSV; read as such"});
}

}  // namespace
}  // namespace bridgemap::ingest
