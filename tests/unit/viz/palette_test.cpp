// Sector and community styles: colour-blind-safe colours, and a shape per sector so that
// colour never carries the sector alone.

#include <bridgemap/viz/palette.hpp>

#include <bridgemap/metrics/communities.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

namespace bridgemap::viz {
namespace {

TEST(SectorStyle, FirstSevenAreOkabeItoWithoutBlack) {
    const char* expected[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"};
    for (SectorIndex s = 0; s < 7; ++s) {
        EXPECT_EQ(sector_style(s).fill, expected[s]) << s;
        EXPECT_NE(sector_style(s).fill, "#000000");  // black is kept for weak bridges
    }
}

TEST(SectorStyle, ColoursDistinctAcrossThePalette) {
    std::set<std::string> colours;
    for (SectorIndex s = 0; s < k_palette_colours; ++s) colours.insert(sector_style(s).fill);
    EXPECT_EQ(colours.size(), k_palette_colours);
}

TEST(SectorStyle, ColourAndShapePairsDistinctForManySectors) {
    std::set<std::pair<std::string, NodeShape>> styles;
    for (SectorIndex s = 0; s < 128; ++s) styles.insert({sector_style(s).fill, sector_style(s).shape});
    EXPECT_EQ(styles.size(), 128u);
}

TEST(SectorStyle, NeighbouringSectorsDifferInShapeToo) {
    for (SectorIndex s = 0; s + 1 < 8; ++s) EXPECT_NE(sector_style(s).shape, sector_style(s + 1).shape) << s;
}

TEST(SectorStyle, UnknownSectorIsGreyWithDashedOutline) {
    const GroupStyle style = sector_style(k_unknown_sector);
    EXPECT_TRUE(style.dashed_outline);
    EXPECT_EQ(style.fill, "#D9D9D9");
    EXPECT_FALSE(sector_style(0).dashed_outline);
}

TEST(CommunityColour, LargestCommunitiesColouredSmallerGrey) {
    EXPECT_EQ(community_colour(1), "#E69F00");
    EXPECT_EQ(community_colour(k_no_community), community_colour(k_palette_colours + 1));
    EXPECT_NE(community_colour(k_palette_colours), community_colour(k_palette_colours + 1));
}

TEST(ShapeSymbol, EveryMarkShapeHasASymbol) {
    for (const NodeShape shape :
         {NodeShape::circle, NodeShape::square, NodeShape::triangle, NodeShape::diamond, NodeShape::pentagon,
          NodeShape::hexagon, NodeShape::inverted_triangle, NodeShape::star}) {
        EXPECT_FALSE(shape_symbol(shape).empty());
    }
    EXPECT_TRUE(shape_symbol(NodeShape::text).empty());
}

TEST(WithOpacity, AppendsAlpha) {
    EXPECT_EQ(with_opacity("#E69F00", 1.0), "#E69F00FF");
    EXPECT_EQ(with_opacity("#E69F00", 0.4), "#E69F0066");  // 0.4 × 255 = 102 = 0x66
    EXPECT_EQ(with_opacity("#E69F00", -1.0), "#E69F0000");
}

}  // namespace
}  // namespace bridgemap::viz
