// projected_sector_mixing: the mixing matrix counted while the ties are projected must be
// sector_mixing(project_ties(...)) to the last bit, for every option that changes the ties.

#include <bridgemap/metrics/sector_mixing.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/ingest/network_reader.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace bridgemap {
namespace {

void expect_same_bits(double expected, double actual, const char* what) {
    if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(actual)) << what;
    } else {
        EXPECT_EQ(expected, actual) << what;
    }
}

/// projected_sector_mixing equals sector_mixing of the projected graph on every field it fills.
void expect_as_projected(const Network& network, const TieOptions& ties) {
    const Sectors sectors = member_sectors(network);
    const SectorMixing want = sector_mixing(project_ties(network, ties), sectors);
    for (const unsigned threads : {1u, 2u, 3u}) {
        TieOptions options = ties;
        options.threads = threads;
        const SectorMixing got = projected_sector_mixing(network, sectors, options);
        EXPECT_EQ(got.members, want.members);
        EXPECT_EQ(got.unknown_members, want.unknown_members);
        EXPECT_EQ(got.known_ties, want.known_ties);
        EXPECT_EQ(got.external_ties, want.external_ties);
        EXPECT_EQ(got.internal_ties, want.internal_ties);
        expect_same_bits(want.ei_index, got.ei_index, "ei_index");
        expect_same_bits(want.expected_ei_index, got.expected_ei_index, "expected_ei_index");
        EXPECT_TRUE(std::isnan(got.assortativity));
        EXPECT_TRUE(got.reach.empty());
        ASSERT_EQ(got.pairs.size(), want.pairs.size());
        for (std::size_t k = 0; k < want.pairs.size(); ++k) {
            EXPECT_EQ(got.pairs[k].a, want.pairs[k].a);
            EXPECT_EQ(got.pairs[k].b, want.pairs[k].b);
            EXPECT_EQ(got.pairs[k].observed, want.pairs[k].observed) << k;
            expect_same_bits(want.pairs[k].expected, got.pairs[k].expected, "expected");
            expect_same_bits(want.pairs[k].ratio, got.pairs[k].ratio, "ratio");
        }
    }
}

TEST(ProjectedSectorMixing, AsProjectedOnTheBundledExample) {
    const auto read = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    ASSERT_FALSE(read.diagnostics.has_errors());
    expect_as_projected(read.network, {});
    TieOptions options;
    options.min_weight = 0.05;  // drops the ties of large events only
    expect_as_projected(read.network, options);
    options = {};
    options.weights.events = 0.0;  // ties through groups, organisations and ties.csv only
    options.max_setting_size = 20;
    expect_as_projected(read.network, options);
}

TEST(ProjectedSectorMixing, AsProjectedOnAGeneratedNetwork) {
    generate::GeneratorOptions generator;
    generator.members = 400;
    generator.seed = 3;
    const Network network = generate::generate_network(generator);
    expect_as_projected(network, {});
    TieOptions options;
    options.weights.ties = 2.5;
    options.min_weight = 0.1;
    expect_as_projected(network, options);
}

TEST(ProjectedSectorMixing, UnknownSectorsZeroWeightsAndEmpty) {
    // u is of unknown sector; the zero-weight row ties nobody; a1–b1 meet twice.
    const Network network = testing::TestNetwork()
                                .member("a1", "alpha")
                                .member("a2", "alpha")
                                .member("b1", "beta")
                                .member("u")
                                .event("e1", "2019-01-01", {"a1", "b1", "u"})
                                .event("e2", "2019-02-01", {"a1", "b1"})
                                .tie("a2", "b1", 0.0)
                                .build();
    expect_as_projected(network, {});
    const SectorMixing mixing = projected_sector_mixing(network, member_sectors(network), {});
    EXPECT_EQ(mixing.known_ties, 1u);  // a1–b1; the ties to u are left out, a2–b1 weighs 0
    EXPECT_EQ(mixing.unknown_members, 1u);

    const Network empty;
    const SectorMixing none = projected_sector_mixing(empty, member_sectors(empty), {});
    EXPECT_EQ(none.known_ties, 0u);
    EXPECT_TRUE(none.pairs.empty());
    EXPECT_TRUE(std::isnan(none.ei_index));

    Sectors wrong = member_sectors(network);
    wrong.of_member.pop_back();
    EXPECT_THROW(projected_sector_mixing(network, wrong, {}), Error);
}

}  // namespace
}  // namespace bridgemap
