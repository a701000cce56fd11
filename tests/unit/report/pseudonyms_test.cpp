#include <bridgemap/report/pseudonyms.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace bridgemap::report {
namespace {

using testing::TestNetwork;

Network sample() {
    Network network = TestNetwork()
                          .organisation("acme", "private")
                          .organisation("town-hall", "public")
                          .member("geraldine", "", "acme")
                          .member("zoe", "grassroots")
                          .member("ana", "", "town-hall")
                          .member("ben", "funder")
                          .event("e1", "2018-01-10", {"geraldine", "zoe", "ana"})
                          .tie("ben", "zoe", 2.0)
                          .build();
    network.member_attributes.names = {"email"};
    network.member_attributes.values = {{"g@example.org"}, {"z@example.org"}, {"a@example.org"}, {"b@example.org"}};
    return network;
}

TEST(Pseudonymise, EveryMemberGetsADistinctPseudonymAndKeepsTheirSector) {
    const Network network = sample();
    const Network hidden = pseudonymise(network);
    ASSERT_EQ(hidden.members.size(), network.members.size());
    const std::regex form("Member [A-HJ-NP-Z2-9]{4,}");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        const Member& member = hidden.members[i];
        EXPECT_TRUE(std::regex_match(member.id, form)) << member.id;
        EXPECT_EQ(member.name, member.id);
        EXPECT_TRUE(seen.insert(member.id).second) << "pseudonym used twice: " << member.id;
        EXPECT_EQ(hidden.sector_name(member.sector), network.sector_name(network.members[i].sector));
        EXPECT_EQ(hidden.find_member(member.id), i);  // ids are indexed again
        EXPECT_EQ(hidden.find_member(network.members[i].id), k_none);
    }
    EXPECT_EQ(hidden.organisations[0].name, "Organisation 1");
    EXPECT_EQ(hidden.organisations[1].name, "Organisation 2");
    EXPECT_TRUE(hidden.member_attributes.names.empty());  // the e-mail addresses are gone
    // Who met whom is untouched.
    ASSERT_EQ(hidden.attendance.size(), network.attendance.size());
    for (std::size_t r = 0; r < network.attendance.size(); ++r) {
        EXPECT_EQ(hidden.attendance[r].member, network.attendance[r].member);
    }
    ASSERT_EQ(hidden.ties.size(), 1u);
    EXPECT_EQ(hidden.ties[0].weight, 2.0);
}

TEST(Pseudonymise, SameMemberSamePseudonymForTheSameKey) {
    const Network network = sample();
    const Network once = pseudonymise(network);
    const Network again = pseudonymise(network);
    const Network keyed = pseudonymise(network, "our secret");
    const Network keyed_again = pseudonymise(network, "our secret");
    std::size_t differ = 0;
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        EXPECT_EQ(once.members[i].id, again.members[i].id);
        EXPECT_EQ(keyed.members[i].id, keyed_again.members[i].id);
        differ += keyed.members[i].id != once.members[i].id ? 1 : 0;
    }
    EXPECT_GT(differ, 0u);  // a different key gives different pseudonyms

    // With a key, a member keeps their pseudonym when others join: reports made at different
    // times can be compared.
    Network grown = network;
    Member newcomer;
    newcomer.id = "newcomer";
    newcomer.name = "New Comer";
    grown.members.push_back(newcomer);
    grown.index_ids();
    const Network grown_keyed = pseudonymise(grown, "our secret");
    for (std::size_t i = 0; i < network.members.size(); ++i) EXPECT_EQ(grown_keyed.members[i].id, keyed.members[i].id);
}

TEST(Pseudonymise, ManyMembersNeverShareAPseudonym) {
    TestNetwork builder;
    for (int i = 0; i < 3000; ++i) builder.member("member-" + std::to_string(i), i % 2 == 0 ? "voluntary" : "public");
    const Network hidden = pseudonymise(builder.build());
    std::set<std::string> seen;
    for (const auto& member : hidden.members) EXPECT_TRUE(seen.insert(member.id).second) << member.id;
    EXPECT_EQ(seen.size(), 3000u);
}

}  // namespace
}  // namespace bridgemap::report
