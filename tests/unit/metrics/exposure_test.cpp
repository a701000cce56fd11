#include <bridgemap/metrics/exposure.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

namespace bridgemap {
namespace {

ExposureOptions small_settings(std::size_t max_size) {
    ExposureOptions options;
    options.ties.max_setting_size = max_size;
    return options;
}

/// p1, p2 public; g1, g2 grassroots; v1 voluntary. Settings of at most 3 people make ties.
///  - 2019-01-10 dinner d0: p1, g1 (they are tied from then on)
///  - 2019-03-01 gathering G: all five (too large to tie anyone: exposure only)
///  - 2019-05-01 dinner d1: p2, g2, v1 (three new cross-sector ties, within a year of G)
///  - 2021-01-01 recorded tie p1–p2 (more than a year after G: does not count for G)
Network history() {
    return testing::TestNetwork()
        .member("p1", "public").member("p2", "public")
        .member("g1", "grassroots").member("g2", "grassroots")
        .member("v1", "voluntary")
        .event("d0", "2019-01-10", {"p1", "g1"}, "dinner")
        .event("G", "2019-03-01", {"p1", "p2", "g1", "g2", "v1"}, "gathering")
        .event("d1", "2019-05-01", {"p2", "g2", "v1"}, "dinner")
        .tie("p1", "p2", 1.0, "2021-01-01")
        .build();
}

TEST(SettingExposure, HandMadeHistory) {
    const Network network = history();
    const auto settings = setting_exposure(network, member_sectors(network), small_settings(3));
    ASSERT_EQ(settings.size(), 3u);
    const SettingExposure& gathering = settings[1];
    EXPECT_EQ(network.events[gathering.event].id, "G");
    EXPECT_EQ(gathering.pairs, 10u);        // C(5,2)
    EXPECT_EQ(gathering.cross_pairs, 8u);   // all but p1–p2 and g1–g2
    EXPECT_EQ(gathering.untied_pairs, 9u);  // p1–g1 were tied at d0, before G
    EXPECT_EQ(gathering.formed, 3u);        // p2–g2, p2–v1, g2–v1 at d1; p1–p2 only in 2021
    EXPECT_EQ(gathering.cross_formed, 3u);
    // A small setting ties its own pairs on its day: d1's three pairs form there.
    EXPECT_EQ(settings[2].untied_pairs, 3u);
    EXPECT_EQ(settings[2].formed, 3u);
    EXPECT_EQ(settings[0].formed, 1u);
}

TEST(SettingExposure, HorizonDecidesWhatCounts) {
    const Network network = history();
    ExposureOptions options = small_settings(3);
    options.horizon_days = 731 + 366;  // long enough to reach the 2021 recorded tie
    const auto settings = setting_exposure(network, member_sectors(network), options);
    EXPECT_EQ(settings[1].formed, 4u);  // p1–p2 now counts, a same-sector tie
    EXPECT_EQ(settings[1].cross_formed, 3u);
}

TEST(SummariseExposure, ExposureFormedShareAndFriendingBias) {
    const Network network = history();
    const auto settings = setting_exposure(network, member_sectors(network), small_settings(3));
    const ExposureSummary gathering = summarise_exposure({settings[1]}, "gathering");
    EXPECT_DOUBLE_EQ(gathering.exposure, 0.8);       // 8 of 10 pairs cross sectors
    EXPECT_DOUBLE_EQ(gathering.formed_share, 1.0);   // every tie formed was cross-sector
    EXPECT_DOUBLE_EQ(gathering.friending_bias, 1.0 - 1.0 / 0.8);  // −0.25: more than exposure predicts
    const ExposureSummary dinners = summarise_exposure({settings[0], settings[2]}, "dinner");
    EXPECT_EQ(dinners.settings, 2u);
    EXPECT_DOUBLE_EQ(dinners.exposure, 1.0);
    EXPECT_DOUBLE_EQ(dinners.friending_bias, 0.0);
    const ExposureSummary none = summarise_exposure({}, "online");
    EXPECT_TRUE(std::isnan(none.exposure));
    EXPECT_TRUE(std::isnan(none.friending_bias));
}

TEST(SummariseExposure, ExposureThatDoesNotTurnIntoTiesAcrossSectors) {
    // A room of two public members and one grassroots member (too big to tie: max 2); only
    // the two public members meet again at a dinner. Exposure 2/3, formed share 0, bias 1.
    const Network network = testing::TestNetwork()
                                .member("p1", "public").member("p2", "public").member("g1", "grassroots")
                                .event("room", "2020-02-01", {"p1", "p2", "g1"}, "gathering")
                                .event("dinner", "2020-03-01", {"p1", "p2"}, "dinner")
                                .build();
    const auto settings = setting_exposure(network, member_sectors(network), small_settings(2));
    const ExposureSummary room = summarise_exposure({settings[0]}, "gathering");
    EXPECT_NEAR(room.exposure, 2.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(room.formed_share, 0.0);
    EXPECT_DOUBLE_EQ(room.friending_bias, 1.0);
}

TEST(SettingExposure, CellsAndUnknownSectors) {
    // Joining a cell together counts as a tie from the day both are in it; members of unknown
    // sector are not in any pair.
    const Network network = testing::TestNetwork()
                                .member("a", "public").member("b", "grassroots").member("u")
                                .event("room", "2020-02-01", {"a", "b", "u"}, "gathering")
                                .group("cell", {"a", "b"}, "2020-06", "")
                                .build();
    const auto settings = setting_exposure(network, member_sectors(network), small_settings(2));
    ASSERT_EQ(settings.size(), 1u);
    EXPECT_EQ(settings[0].pairs, 1u);  // only a–b: u's sector is unknown
    EXPECT_EQ(settings[0].formed, 1u);
    EXPECT_EQ(settings[0].cross_formed, 1u);
}

}  // namespace
}  // namespace bridgemap
