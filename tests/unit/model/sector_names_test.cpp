#include <bridgemap/model/sector_names.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bridgemap {
namespace {

using testing::TestNetwork;

TEST(SectorKey, FoldsCaseSpacingAndATrailingSector) {
    EXPECT_EQ(sector_key("Public"), "public");
    EXPECT_EQ(sector_key("PUBLIC"), "public");
    EXPECT_EQ(sector_key("Public sector"), "public");
    EXPECT_EQ(sector_key("  public__SECTOR "), "public");
    EXPECT_EQ(sector_key("Voluntary - and -- Community_Sector"), "voluntary and community");
    EXPECT_EQ(sector_key("grass-roots"), "grass roots");
    EXPECT_EQ(sector_key("Éducation"), "éducation");
    // "sector" alone, or inside a word, stays.
    EXPECT_EQ(sector_key("Sector"), "sector");
    EXPECT_EQ(sector_key("subsector"), "subsector");
    EXPECT_EQ(sector_key("sector public"), "sector public");
}

TEST(EditDistance, OptimalStringAlignment) {
    EXPECT_EQ(edit_distance("buisness", "business"), 1u);  // one adjacent transposition
    EXPECT_EQ(edit_distance("public", "private"), 6u);     // p kept; 5 substitutions and 1 insertion
    EXPECT_EQ(edit_distance("charity", "charities"), 3u);  // y->i, +e, +s
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("café", "cafe"), 1u);  // counted in code points, not bytes
    EXPECT_EQ(edit_distance("ca", "abc"), 3u);     // OSA (true Damerau-Levenshtein would say 2)
}

TEST(SectorKeysLookAlike, TyposAndPluralsWarn) {
    EXPECT_TRUE(sector_keys_look_alike("buisness", "business"));
    EXPECT_TRUE(sector_keys_look_alike("charity", "charities"));  // y -> ies
    EXPECT_TRUE(sector_keys_look_alike("funders", "funder"));     // + s
    EXPECT_TRUE(sector_keys_look_alike("churches", "church"));    // + es
    EXPECT_TRUE(sector_keys_look_alike("pubic", "public"));       // 5 letters: distance 1
    EXPECT_TRUE(sector_keys_look_alike("acadmeic", "academic"));  // distance 1 (transposition)
    EXPECT_TRUE(sector_keys_look_alike("univeristy", "university"));
    EXPECT_TRUE(sector_keys_look_alike("voluntry", "voluntary"));
    EXPECT_TRUE(sector_keys_look_alike("grasroot", "grassroots"));  // 8+ letters: distance 2
    EXPECT_FALSE(sector_keys_look_alike("business", "business"));
    EXPECT_FALSE(sector_keys_look_alike("public", "private"));  // distance 6
    EXPECT_FALSE(sector_keys_look_alike("faith", "health"));    // 5 letters, distance 3
    EXPECT_FALSE(sector_keys_look_alike("ngo", "nhs"));         // 3 letters, distance 2
    EXPECT_FALSE(sector_keys_look_alike("media", "medical"));   // 5 letters, distance 2
    EXPECT_FALSE(sector_keys_look_alike("academia", "academic sciences"));
}

TEST(SectorKeysLookAlike, DistinctSectorsNeverWarnAgainstEachOther) {
    // Sectors people really use, every pair: none must look alike.
    const std::vector<std::string> sectors = {"public",       "private",
                                              "business",     "charity",
                                              "funder",       "academic",
                                              "grassroots",   "voluntary",
                                              "university",   "faith",
                                              "independent",  "community",
                                              "health",       "education",
                                              "arts",         "media",
                                              "sport",        "housing",
                                              "environment",  "religious",
                                              "government",   "local government",
                                              "statutory",    "third",
                                              "nonprofit",    "ngo",
                                              "nhs",          "council",
                                              "trust",        "social enterprise",
                                              "finance",      "legal",
                                              "culture",      "youth",
                                              "welfare",      "research",
                                              "police",       "school",
                                              "philanthropy", "cooperative",
                                              "think tank",   "civil society"};
    for (std::size_t a = 0; a < sectors.size(); ++a) {
        for (std::size_t b = 0; b < sectors.size(); ++b) {
            if (a == b) continue;
            EXPECT_FALSE(sector_keys_look_alike(sectors[a], sectors[b])) << sectors[a] << " / " << sectors[b];
        }
    }
}

TEST(ResolveSectors, FoldedSpellingsNamedByTheMostUsed) {
    // public: "Public" 2 (a, o1), "public" 1, "Public sector" 1 -> "Public".
    const Network network = TestNetwork()
                                .organisation("o1", "Public")
                                .member("a", "Public")
                                .member("b", "public")
                                .member("c", "Public sector")
                                .member("d", "", "o1")
                                .member("e", "PUBLIC_SECTOR")
                                .member("f", "charity")
                                .build();
    EXPECT_EQ(network.sectors, (std::vector<std::string>{"Public", "charity"}));
    for (const char* id : {"a", "b", "c", "d", "e"}) {
        EXPECT_EQ(network.sector_name(network.members[network.find_member(id)].sector), "Public") << id;
    }
    const auto spellings = sector_spellings(network);
    ASSERT_EQ(spellings.size(), 2u);
    ASSERT_EQ(spellings[0].size(), 4u);
    EXPECT_EQ(spellings[0][0].label, "Public");
    EXPECT_EQ(spellings[0][0].uses, 2u);  // member a and organisation o1; d inherits and writes nothing
    // Then the ones used once, in byte order: "PUBLIC_SECTOR" < "Public sector" < "public".
    EXPECT_EQ(spellings[0][1].label, "PUBLIC_SECTOR");
    EXPECT_EQ(spellings[0][2].label, "Public sector");
    EXPECT_EQ(spellings[0][3].label, "public");
    EXPECT_EQ(spellings[0][3].uses, 1u);
    EXPECT_FALSE(spellings[0][3].aliased);
    ASSERT_EQ(spellings[1].size(), 1u);
}

TEST(ResolveSectors, TiesGoToTheFirstInByteOrder) {
    // "business" and "Business" once each: "Business" < "business" in byte order.
    const Network network = TestNetwork().member("a", "business").member("b", "Business").build();
    EXPECT_EQ(network.sectors, (std::vector<std::string>{"Business"}));
    // Swapping the rows does not change the name: it is not first come.
    const Network swapped = TestNetwork().member("a", "Business").member("b", "business").build();
    EXPECT_EQ(swapped.sectors, (std::vector<std::string>{"Business"}));
}

TEST(ResolveSectors, AliasesMapSpellingsAndDoNotNameTheSector) {
    TestNetwork test;
    test.member("a", "voluntary").member("b", "voluntary").member("c", "voluntary").member("d", "Charity");
    test.member("e", "n/a", "o1").organisation("o1", "funder").member("f", "N/A");
    Network network = test.build();
    network.sector_aliases = {{"Voluntary sector", "charity"}, {"n/a", "unknown"}};
    resolve_sectors(network);
    // "voluntary" is used 3 times but is an alias: the sector keeps its own spelling "Charity".
    EXPECT_EQ(network.sectors, (std::vector<std::string>{"Charity", "funder"}));
    EXPECT_EQ(network.sector_name(network.members[0].sector), "Charity");
    // An alias onto "unknown": e falls back to the organisation's sector, f stays unknown.
    EXPECT_EQ(network.sector_name(network.members[4].sector), "funder");
    EXPECT_EQ(network.members[5].sector, k_unknown_sector);
    const auto spellings = sector_spellings(network);
    ASSERT_EQ(spellings[0].size(), 2u);
    EXPECT_EQ(spellings[0][0].label, "voluntary");
    EXPECT_EQ(spellings[0][0].uses, 3u);
    EXPECT_TRUE(spellings[0][0].aliased);
    EXPECT_FALSE(spellings[0][1].aliased);
    // An alias onto a sector nobody writes is ignored: "voluntary" stays its own sector.
    network.sector_aliases = {{"voluntary", "charities"}};
    resolve_sectors(network);
    EXPECT_EQ(network.sectors, (std::vector<std::string>{"Charity", "N/A", "funder", "voluntary"}));
}

}  // namespace
}  // namespace bridgemap
