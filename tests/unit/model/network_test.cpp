#include <bridgemap/model/network.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

TEST(ResolveSectors, OwnSectorThenOrganisationThenUnknown) {
    const Network network = testing::TestNetwork()
                                .organisation("council", "public")
                                .organisation("startup", "")
                                .member("a", "grassroots", "council")  // own sector wins
                                .member("b", "", "council")            // from the organisation
                                .member("c", "", "startup")            // organisation has no sector
                                .member("d")                           // nothing known
                                .member("e", "Unknown")                // the word "unknown" means unknown
                                .build();
    EXPECT_EQ(network.sectors, (std::vector<std::string>{"grassroots", "public"}));
    EXPECT_EQ(network.sector_name(network.members[0].sector), "grassroots");
    EXPECT_EQ(network.sector_name(network.members[1].sector), "public");
    EXPECT_EQ(network.members[2].sector, k_unknown_sector);
    EXPECT_EQ(network.members[3].sector, k_unknown_sector);
    EXPECT_EQ(network.members[4].sector, k_unknown_sector);
    EXPECT_EQ(network.sector_name(k_unknown_sector), "unknown");
}

TEST(ResolveSectors, SectorsAreSortedAndDistinct) {
    const Network network =
        testing::TestNetwork().member("a", "voluntary").member("b", "funder").member("c", "voluntary").build();
    EXPECT_EQ(network.sectors, (std::vector<std::string>{"funder", "voluntary"}));
    EXPECT_EQ(network.members[0].sector, network.members[2].sector);
    EXPECT_EQ(network.find_sector("funder"), 0u);
    EXPECT_EQ(network.find_sector("public"), k_unknown_sector);
}

TEST(IsUnknownSectorLabel, EmptyAndUnknownInAnyCase) {
    EXPECT_TRUE(is_unknown_sector_label(""));
    EXPECT_TRUE(is_unknown_sector_label("UNKNOWN"));
    EXPECT_FALSE(is_unknown_sector_label("unknowns"));
    EXPECT_FALSE(is_unknown_sector_label("public"));
}

TEST(NetworkLookup, FindsByIdAfterIndexing) {
    const Network network = testing::TestNetwork().member("m1").member("m2").event("e1", "2018", {"m1"}).build();
    EXPECT_EQ(network.find_member("m2"), 1u);
    EXPECT_EQ(network.find_member("m3"), k_none);
    EXPECT_EQ(network.find_event("e1"), 0u);
    EXPECT_EQ(network.find_group("g"), k_none);
}

}  // namespace
}  // namespace bridgemap
