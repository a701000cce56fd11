// The map's format from a file name, and the layout and colouring from their words.

#include <bridgemap/viz/map_options.hpp>

#include <bridgemap/error.hpp>

#include <gtest/gtest.h>

namespace bridgemap::viz {
namespace {

TEST(MapFormatFor, ByExtensionInAnyCase) {
    EXPECT_EQ(map_format_for("out/map.svg"), MapFormat::svg);
    EXPECT_EQ(map_format_for("MAP.PNG"), MapFormat::png);
    EXPECT_EQ(map_format_for("a.b.pdf"), MapFormat::pdf);
    EXPECT_EQ(map_format_for("m.dot"), MapFormat::dot);
    EXPECT_EQ(map_format_for("m.gv"), MapFormat::dot);
    EXPECT_EQ(format_name(MapFormat::png), "png");
}

TEST(MapFormatFor, OtherExtensionsAreAWrongRequest) {
    EXPECT_THROW(map_format_for("map.jpg"), RequestError);
    EXPECT_THROW(map_format_for("map"), RequestError);
}

TEST(ParseMapLayout, KnownEnginesOnly) {
    EXPECT_EQ(parse_map_layout("sfdp"), MapLayout::sfdp);
    EXPECT_EQ(parse_map_layout("neato"), MapLayout::neato);
    EXPECT_EQ(parse_map_layout("fdp"), MapLayout::fdp);
    EXPECT_EQ(parse_map_layout("auto"), MapLayout::automatic);
    EXPECT_THROW(parse_map_layout("dot"), RequestError);
}

TEST(ParseMapColouring, SectorOrCommunity) {
    EXPECT_EQ(parse_map_colouring("sector"), MapColouring::sector);
    EXPECT_EQ(parse_map_colouring("community"), MapColouring::community);
    EXPECT_THROW(parse_map_colouring("region"), RequestError);
}

}  // namespace
}  // namespace bridgemap::viz
