#include <bridgemap/report/html_report.hpp>
#include <bridgemap/report/interactive_map.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace bridgemap::report {
namespace {

using testing::TestNetwork;

struct Mapped {
    Network network;
    Analysis analysis;
    std::string data;
};

/// x, zoe and ana at one event on 2018-01-10 (ties x–zoe, x–ana, zoe–ana, each 1/(3−1) = 0.5);
/// recorded, undated ties ben–zoe and ben–x (1 each). ana is hidden.
Mapped map_data() {
    Mapped out;
    out.network = TestNetwork()
                      .member("x", "public")
                      .member("zoe", "grassroots")
                      .member("ana", "funder")
                      .member("ben", "public")
                      .event("e1", "2018-01-10", {"x", "zoe", "ana"})
                      .tie("ben", "zoe")
                      .tie("ben", "x")
                      .build();
    out.network.members[0].name = "</script><script>alert(1)</script>";
    out.network.members[1].name = "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N\xE2\x80\xA8";
    out.network.members[2].name = "Hidden Person";
    out.analysis = analyse(out.network, AnalysisOptions{});
    ReportContent content;
    content.network = &out.network;
    content.analysis = &out.analysis;
    content.hidden = {false, false, true, false};
    content.map_look.x = {0, 10, 20, 30};
    content.map_look.y = {0, 0, 5, 0};
    content.map_look.sector_colours = {"#111111", "#222222", "#333333"};
    IntroductionRow row;
    row.a = 3;
    row.b = 1;
    row.introducer = "Name of x";
    row.reason = "why <not>";
    content.introductions.push_back(row);
    out.data = interactive_map_data(content);
    EXPECT_EQ(out.data, interactive_map_data(content));  // deterministic
    return out;
}

TEST(InteractiveMapData, SafeInsideAScriptAndNamesRoundTrip) {
    const Mapped mapped = map_data();
    EXPECT_EQ(mapped.data.find('<'), std::string::npos);
    EXPECT_EQ(mapped.data.find('>'), std::string::npos);
    EXPECT_EQ(mapped.data.find("\xE2\x80\xA8"), std::string::npos);
    const auto data = nlohmann::json::parse(mapped.data);
    EXPECT_EQ(data["names"], nlohmann::json({"</script><script>alert(1)</script>",
                                             "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N\xE2\x80\xA8", "Name of ben"}));
    EXPECT_EQ(mapped.data.find("Hidden Person"), std::string::npos);
    // Positions: x 0, 10, 30 over an extent of 30 → 0, 3333, 10000.
    EXPECT_EQ(data["x"], nlohmann::json({0, 3333, 10000}));
    EXPECT_EQ(data["y"], nlohmann::json({0, 0, 0}));
    // Sectors sorted: funder 0, grassroots 1, public 2.
    EXPECT_EQ(data["sector"], nlohmann::json({2, 1, 2}));
    // Ranks among the shown members who carry cross-sector routes: 1, 2, ... with no gap.
    std::vector<int> ranks;
    for (const auto& rank : data["rank"]) {
        if (rank.get<int>() > 0) ranks.push_back(rank.get<int>());
    }
    std::sort(ranks.begin(), ranks.end());
    for (std::size_t i = 0; i < ranks.size(); ++i) EXPECT_EQ(ranks[i], static_cast<int>(i + 1));
    EXPECT_EQ(data["ranked"], ranks.size());
    // ben (new 2) and zoe (new 1), introduced by x.
    EXPECT_EQ(data["introductions"], nlohmann::json::parse(R"([[2, 1, "Name of x", "why <not>"]])"));
}

TEST(InteractiveMapData, TiesAsVarintGapsWeightsAndYears) {
    const auto data = nlohmann::json::parse(map_data().data);
    // Shown: x 0, zoe 1, ben 2. Ties (0,1) x–zoe, (0,2) ben–x, (1,2) ben–zoe; ana's are left out.
    EXPECT_EQ(data["ties"], 3);
    // Member 0: 2 ties, gaps 1 and 1; member 1: 1 tie, gap 1; member 2: none → 02 01 01 01 01 00.
    EXPECT_EQ(data["adjacency"], "AgEBAQEA");
    // Weights 0.5, 1, 1 on a log scale from 0.5 to 1 → 1, 255, 255 (01 FF FF).
    EXPECT_EQ(data["weights"], "Af//");
    // Years from 2018: x–zoe made by the 2018 event (1); the recorded ties are undated (0).
    EXPECT_EQ(data["firstYear"], 2018);
    EXPECT_EQ(data["lastYear"], 2018);
    EXPECT_EQ(data["years"], "AQAA");
    EXPECT_EQ(data["start"], nlohmann::json({1, 1, 0}));
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

TEST(InteractiveMapInReport, OneScriptElementHoldsDataAndViewer) {
    const Mapped mapped = map_data();
    ReportContent content;
    content.title = "t";
    content.network = &mapped.network;
    content.analysis = &mapped.analysis;
    content.hidden = {false, false, true, false};
    content.map_svg = "<svg></svg>";
    content.map_look.x = {0, 10, 20, 30};
    content.map_look.y = {0, 0, 5, 0};
    const std::string html = render_html_report(content);
    // The names "</script><script>alert(1)</script>" and "Hidden Person" are in neither the data
    // nor anywhere else as markup: one script element, opened and closed once.
    EXPECT_EQ(count(html, "<script"), 1u);
    EXPECT_EQ(count(html, "</script"), 1u);
    EXPECT_EQ(count(html, "var BRIDGEMAP_MAP = {"), 1u);
    EXPECT_EQ(count(html, "function bridgemapLibraries()"), 1u);
    EXPECT_EQ(count(html, "data-testid=\"map-canvas\""), 1u);
    EXPECT_EQ(count(html, "Hidden Person"), 0u);
    // Without positions, neither the map's markup nor its script.
    content.map_look = {};
    const std::string plain = render_html_report(content);
    EXPECT_EQ(count(plain, "BRIDGEMAP_MAP"), 0u);
    EXPECT_EQ(count(plain, "data-testid"), 0u);
}

TEST(InteractiveMapMarkup, TestIdsAndNoneWithoutPositions) {
    const Mapped mapped = map_data();
    ReportContent content;
    content.network = &mapped.network;
    content.analysis = &mapped.analysis;
    EXPECT_EQ(interactive_map_markup(content), "");
    content.map_look.x = {0, 1, 2, 3};
    content.map_look.y = {0, 1, 2, 3};
    const std::string markup = interactive_map_markup(content);
    for (const char* id : {"map-canvas", "member-search", "member-panel", "sector-filter", "year-slider"}) {
        EXPECT_NE(markup.find(std::string("data-testid=\"") + id + "\""), std::string::npos) << id;
    }
    EXPECT_EQ(interactive_map_script().find("</script"), std::string_view::npos);
}

}  // namespace
}  // namespace bridgemap::report
