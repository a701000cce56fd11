#include <bridgemap/report/consent.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/report/pseudonyms.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap::report {
namespace {

using testing::TestNetwork;

Network with_consent(std::vector<std::string> values) {
    TestNetwork builder;
    builder.organisation("o1", "public");
    for (std::size_t i = 0; i < values.size(); ++i) builder.member("m" + std::to_string(i + 1), "", "o1");
    Network network = builder.build();
    for (std::size_t i = 0; i < network.members.size(); ++i) network.members[i].name = "Name " + std::to_string(i + 1);
    network.member_attributes.names = {"consent", "email"};
    network.member_attributes.values = {values, std::vector<std::string>(values.size(), "x@example.org")};
    return network;
}

TEST(ParseConsent, TheThreeWordsInAnyCaseAndEmptyMeansNamed) {
    EXPECT_EQ(parse_consent(""), Consent::named);
    EXPECT_EQ(parse_consent(" Named "), Consent::named);
    EXPECT_EQ(parse_consent("PSEUDONYM"), Consent::pseudonym);
    EXPECT_EQ(parse_consent("hidden"), Consent::hidden);
    EXPECT_FALSE(parse_consent("anonymous").has_value());
    EXPECT_FALSE(parse_consent("hide").has_value());
}

TEST(Disclosure, AsRecordedGivesNamesPseudonymsAndHides) {
    const Network network = with_consent({"", "pseudonym", "hidden", "named"});
    const Disclosure shown = disclosure(network, ConsentPolicy::as_recorded);
    const std::vector<std::string> pseudonyms = member_pseudonyms(network);
    EXPECT_EQ(shown.id(0), "m1");
    EXPECT_EQ(shown.name(0), "Name 1");
    EXPECT_TRUE(shown.attributes_shown(0));
    // The pseudonym is the one every output gives this member (report/pseudonyms).
    EXPECT_EQ(shown.id(1), pseudonyms[1]);
    EXPECT_EQ(shown.name(1), pseudonyms[1]);
    EXPECT_EQ(shown.id(1).rfind("Member ", 0), 0u);
    EXPECT_FALSE(shown.attributes_shown(1));
    EXPECT_FALSE(shown.shown(2));
    EXPECT_THROW((void)shown.id(2), Error);
    EXPECT_THROW((void)shown.name(2), Error);
    EXPECT_EQ(shown.hidden_count(), 1u);
    EXPECT_EQ(shown.pseudonym_count(), 1u);
    EXPECT_EQ(shown.organisation_name(0), "o1");
}

TEST(Disclosure, PseudonymiseEveryoneKeepsHiddenMembersHidden) {
    const Network network = with_consent({"", "pseudonym", "hidden"});
    const Disclosure shown = disclosure(network, ConsentPolicy::pseudonymise_everyone);
    EXPECT_EQ(shown.consent(0), Consent::pseudonym);
    EXPECT_EQ(shown.consent(2), Consent::hidden);
    EXPECT_EQ(shown.pseudonym_count(), 2u);
    EXPECT_EQ(shown.organisation_name(0), "Organisation 1");
    EXPECT_NE(shown.id(0), "m1");
}

TEST(Disclosure, UnknownValueIsADataError) {
    const Network network = with_consent({"", "secret"});
    EXPECT_THROW((void)disclosure(network, ConsentPolicy::as_recorded), InvalidDataError);
}

TEST(Disclosure, NoConsentColumnNamesEveryone) {
    TestNetwork builder;
    builder.member("a").member("b");
    const Disclosure shown = disclosure(builder.build(), ConsentPolicy::as_recorded);
    EXPECT_TRUE(shown.named(0));
    EXPECT_TRUE(shown.named(1));
    EXPECT_EQ(shown.hidden_count(), 0u);
}

TEST(SmallSectorWarnings, SectorsOfOneToFourMembersInSectorOrder) {
    // a: 1 member, b: 5, c: 4; unknown-sector members are not a sector.
    testing::TestNetwork build;
    build.member("a1", "a");
    for (const char* id : {"b1", "b2", "b3", "b4", "b5"}) build.member(id, "b");
    for (const char* id : {"c1", "c2", "c3", "c4"}) build.member(id, "c");
    build.member("u1").member("u2");
    EXPECT_EQ(small_sector_warnings(build.build()),
              (std::vector<std::string>{"sector a has 1 member: they may be recognisable",
                                        "sector c has 4 members: they may be recognisable"}));
    EXPECT_TRUE(small_sector_warnings(Network{}).empty());
}

}  // namespace
}  // namespace bridgemap::report
