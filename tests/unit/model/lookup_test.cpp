// Finding a member or event by id or by name, and the near misses offered when nothing fits.

#include <bridgemap/model/lookup.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

/// Members helen-shah "Helen Shah", jo-1 and jo-2 both "Jo Smith", zoe "Zoë Ó Briain", and x
/// with no name; events g1 "Spring Gathering" and g2 "Summer Dinner".
Network people() {
    Network network = testing::TestNetwork()
                          .member("helen-shah")
                          .member("jo-1")
                          .member("jo-2")
                          .member("zoe")
                          .member("x")
                          .event("g1", "2018-03-01", {"helen-shah"})
                          .event("g2", "2018-06-01", {"zoe"})
                          .build();
    network.members[0].name = "Helen Shah";
    network.members[1].name = "Jo Smith";
    network.members[2].name = "Jo Smith";
    network.members[3].name = "Zo\u00EB \u00D3 Briain";
    network.members[4].name = "";
    network.events[0].name = "Spring Gathering";
    network.events[1].name = "Summer Dinner";
    return network;
}

TEST(LookUpMember, ByIdThenByNameInAnyCase) {
    const Network network = people();
    EXPECT_EQ(look_up_member(network, "helen-shah").index, 0u);
    EXPECT_EQ(look_up_member(network, "Helen Shah").index, 0u);
    EXPECT_EQ(look_up_member(network, "  hELEN sHAH ").index, 0u);
    EXPECT_EQ(look_up_member(network, "ZO\u00CB \u00F3 BRIAIN").index, 3u);  // case folded beyond ASCII
    EXPECT_EQ(look_up_member(network, "x").index, 4u);
}

TEST(LookUpMember, ANameOfSeveralMembersIsNoMatchAndListsThem) {
    const Network network = people();
    const Lookup jo = look_up_member(network, "jo smith");
    EXPECT_EQ(jo.index, k_none);
    EXPECT_EQ(jo.same_name, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(lookup_hint(network, jo, false), "; \"Jo Smith\" is the name of 2 members: jo-1, jo-2 (give the id)");
}

TEST(LookUpMember, NearMissesByNameIdOrOneWordOfTheName) {
    const Network network = people();
    // "helen shaw" is 1 edit from "helen shah"; the limit for 10 letters is 10 / 4 = 2.
    const Lookup shaw = look_up_member(network, "Helen Shaw");
    EXPECT_EQ(shaw.index, k_none);
    EXPECT_EQ(shaw.near_misses, (std::vector<std::uint32_t>{0}));
    EXPECT_EQ(lookup_hint(network, shaw, false), "; did you mean \"Helen Shah\" (helen-shah)?");
    // One word of a name: "Smith" names both Jo Smiths (distance 0, file order).
    EXPECT_EQ(look_up_member(network, "smith").near_misses, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(lookup_hint(network, look_up_member(network, "smith"), false),
              "; did you mean \"Jo Smith\" (jo-1) or \"Jo Smith\" (jo-2)?");
    // An id one edit away: "jo-3" is 1 from jo-1 and jo-2 (limit max(1, 4 / 4) = 1).
    EXPECT_EQ(look_up_member(network, "jo-3").near_misses, (std::vector<std::uint32_t>{1, 2}));
    // Nothing close: no hint.
    const Lookup nobody = look_up_member(network, "Marmaduke");
    EXPECT_TRUE(nobody.near_misses.empty());
    EXPECT_EQ(lookup_hint(network, nobody, false), "");
    // A member without a name is offered by id alone.
    EXPECT_EQ(lookup_hint(network, look_up_member(network, "y"), false), "; did you mean \"x\"?");
}

TEST(LookUpMember, AtMostThreeNearMissesClosestFirst) {
    Network network = testing::TestNetwork().member("abcd").member("abce").member("abcf").member("abc").build();
    network.members[3].name = "";
    // "abcx": 1 edit from abcd, abce, abcf and abc... abc is 1 (delete x) too: file order breaks ties.
    EXPECT_EQ(look_up_member(network, "abcx").near_misses, (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(LookUpEvent, ByIdOrNameWithNearMisses) {
    const Network network = people();
    EXPECT_EQ(look_up_event(network, "g2").index, 1u);
    EXPECT_EQ(look_up_event(network, "spring gathering").index, 0u);
    const Lookup typo = look_up_event(network, "Sumer Dinner");
    EXPECT_EQ(typo.index, k_none);
    EXPECT_EQ(lookup_hint(network, typo, true), "; did you mean \"Summer Dinner\" (g2)?");
}

TEST(LookUpMember, EmptyNetworkAndEmptyText) {
    const Network empty;
    EXPECT_EQ(look_up_member(empty, "anyone").index, k_none);
    EXPECT_EQ(look_up_member(people(), "  ").index, k_none);
    EXPECT_TRUE(look_up_member(people(), "  ").near_misses.empty());
}

TEST(LookUpMember, MembersNotToBeNamedAreFoundButNeverSuggested) {
    Network network = people();
    // consent: helen-shah hidden, jo-2 pseudonym, the rest named (empty is named).
    network.member_attributes.names = {"consent"};
    network.member_attributes.values = {{"hidden", "", "pseudonym", "", ""}};
    EXPECT_EQ(look_up_member(network, "Helen Shah").index, 0u);  // exact: found
    EXPECT_EQ(look_up_member(network, "helen-shah").index, 0u);
    EXPECT_TRUE(look_up_member(network, "Helen Shaw").near_misses.empty());  // not offered
    EXPECT_EQ(lookup_hint(network, look_up_member(network, "Helen Shaw"), false), "");
    // "Jo Smith" names jo-1 (named) and jo-2 (pseudonym): only jo-1 is listed.
    const Lookup jo = look_up_member(network, "jo smith");
    EXPECT_EQ(jo.index, k_none);
    EXPECT_EQ(jo.same_name, (std::vector<std::uint32_t>{1}));
    EXPECT_EQ(look_up_member(network, "jo-3").near_misses, (std::vector<std::uint32_t>{1}));
}

}  // namespace
}  // namespace bridgemap
