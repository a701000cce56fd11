#include <bridgemap/report/export_formats.hpp>
#include <bridgemap/report/export_network.hpp>

#include <bridgemap/error.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace bridgemap::report {
namespace {

using testing::TestNetwork;

/// a, b, c at one dinner (2019-03-01), c and d at a workshop (2019-05), d and e tied in
/// ties.csv (undated); a is hidden, b a pseudonym.
struct Example {
    Network network;
    Analysis analysis;
    ExportRequest request;
};

Example example() {
    TestNetwork builder;
    builder.member("a", "public").member("b", "grassroots").member("c", "public").member("d", "funder").member("e");
    builder.event("dinner", "2019-03-01", {"a", "b", "c"}).event("workshop", "2019-05", {"c", "d"}).tie("d", "e");
    Example result;
    result.network = builder.build();
    result.network.member_attributes.names = {"consent", "phone"};
    result.network.member_attributes.values = {{"hidden", "pseudonym", "", "", ""}, {"1", "2", "3", "4", "5"}};
    result.analysis = analyse(result.network, AnalysisOptions{});
    result.request.look.sector_colours = {"#000001", "#000002", "#000003"};
    result.request.look.x = {1, 2, 3, 4, 5};
    result.request.look.y = {5, 4, 3, 2, 1};
    return result;
}

std::size_t column(const std::vector<ExportColumn>& columns, const std::string& name) {
    const auto found = std::find_if(columns.begin(), columns.end(), [&](const auto& c) { return c.name == name; });
    return static_cast<std::size_t>(found - columns.begin());
}

TEST(ExportNetwork, HiddenMembersAreNoNodeAndNoEdge) {
    const Example in = example();
    const Disclosure shown = disclosure(in.network, ConsentPolicy::as_recorded);
    const ExportNetwork out = export_network(in.network, in.analysis, shown, in.request);
    // Ties: a-b, a-c, b-c (dinner), c-d (workshop), d-e (ties.csv); a's two go.
    ASSERT_EQ(out.nodes.count(), 4u);
    ASSERT_EQ(out.edges.count(), 3u);
    EXPECT_EQ(std::count(out.nodes.id.begin(), out.nodes.id.end(), "a"), 0);
    EXPECT_EQ(out.nodes.id[0].rfind("Member ", 0), 0u);  // b by pseudonym
    EXPECT_EQ(out.nodes.label[0], out.nodes.id[0]);
    EXPECT_EQ(out.nodes.id[1], "c");
    // The extra column: b's value is left out, c's kept.
    const std::size_t phone = column(out.nodes.columns, "phone");
    ASSERT_LT(phone, out.nodes.columns.size());
    EXPECT_EQ(out.nodes.columns[phone].cell(0), "");
    EXPECT_EQ(out.nodes.columns[phone].cell(1), "3");
    EXPECT_EQ(column(out.nodes.columns, "consent"), out.nodes.columns.size());  // not exported
    // Metrics are those of the whole network: c's degree counts the hidden a (a, b, d).
    EXPECT_EQ(out.nodes.columns[column(out.nodes.columns, "degree")].cell(1), "3");
    // Network-level figures count everyone.
    EXPECT_EQ(out.summary[0], std::make_pair(std::string("members"), std::string("5")));
    EXPECT_EQ(out.summary[1], std::make_pair(std::string("ties"), std::string("5")));
}

TEST(ExportNetwork, StartDatesColoursAndTieColumns) {
    const Example in = example();
    const Disclosure shown = disclosure(in.network, ConsentPolicy::as_recorded);
    const ExportNetwork out = export_network(in.network, in.analysis, shown, in.request);
    // c: first at the dinner; d: the workshop (2019-05 starts on the 1st); e: an undated tie.
    EXPECT_EQ(out.nodes.start[1], "2019-03-01");
    EXPECT_EQ(out.nodes.start[2], "2019-05-01");
    EXPECT_EQ(out.nodes.start[3], "");
    EXPECT_TRUE(out.dynamic);
    // Sectors sorted: funder 0, grassroots 1, public 2; e unknown.
    EXPECT_EQ(out.nodes.colour[1], "#000003");
    EXPECT_EQ(out.nodes.colour[3], in.request.look.unknown_sector_colour);
    EXPECT_EQ(out.nodes.x[1], 3.0);
    // Edges sorted by written ids: the pseudonym "Member …" sorts before "c".
    std::vector<std::string> ends;
    for (std::size_t e = 0; e < out.edges.count(); ++e) {
        ends.push_back(out.nodes.id[out.edges.source[e]] + "|" + out.nodes.id[out.edges.target[e]]);
    }
    EXPECT_EQ(ends, (std::vector<std::string>{out.nodes.id[0] + "|c", "c|d", "d|e"}));
    // c-d: one event of two people, weight 1/(2-1) = 1, dated 2019-05-01, cross-sector.
    EXPECT_EQ(out.edges.weight[1], 1.0);
    EXPECT_EQ(out.edges.start[1], "2019-05-01");
    EXPECT_EQ(out.edges.columns[column(out.edges.columns, "events")].cell(1), "1");
    EXPECT_EQ(out.edges.columns[column(out.edges.columns, "cross_sector")].cell(1), "true");
    // d-e: e's sector unknown, so cross_sector has no value; undated.
    EXPECT_EQ(out.edges.columns[column(out.edges.columns, "cross_sector")].cell(2), "");
    EXPECT_EQ(out.edges.start[2], "");
}

TEST(ExportNetwork, WithSettingsAddsTheTwoModeNetwork) {
    Example in = example();
    in.request.with_settings = true;
    const Disclosure shown = disclosure(in.network, ConsentPolicy::as_recorded);
    const ExportNetwork out = export_network(in.network, in.analysis, shown, in.request);
    // 4 shown members + 2 events; 3 ties + attendance of b, c (dinner) and c, d (workshop).
    ASSERT_EQ(out.nodes.count(), 6u);
    EXPECT_EQ(out.nodes.id[4], "event:dinner");
    EXPECT_EQ(out.nodes.kind[4], NodeKind::event);
    EXPECT_EQ(out.edges.count(), 7u);
    EXPECT_EQ(out.edges.columns[0].cell(3), "event");
    // The dinner sits at the centre of its shown members b (2, 4) and c (3, 3).
    EXPECT_DOUBLE_EQ(out.nodes.x[4], 2.5);
    EXPECT_DOUBLE_EQ(out.nodes.y[4], 3.5);
}

TEST(ExportFormats, EscapingInEveryTextFormat) {
    TestNetwork builder;
    builder.member("q\"<&>", "public").member("z", "public");
    builder.event("e", "2020-01-01", {"q\"<&>", "z"});
    Network network = builder.build();
    network.members[0].name = "Zo\xC3\xAB \"Z\" <b>&amp; \\N";
    const Analysis analysis = analyse(network, AnalysisOptions{});
    ExportRequest request;
    request.look.sector_colours = {"#112233"};
    const ExportNetwork out =
        export_network(network, analysis, disclosure(network, ConsentPolicy::as_recorded), request);
    const std::string gexf = gexf_document(out);
    EXPECT_NE(gexf.find("id=\"q&quot;&lt;&amp;&gt;\" label=\"Zo\xC3\xAB &quot;Z&quot; &lt;b&gt;&amp;amp; \\N\""),
              std::string::npos);
    EXPECT_NE(gexf.find("<viz:color r=\"17\" g=\"34\" b=\"51\"/>"), std::string::npos);
    const std::string json = node_link_json(out);
    EXPECT_NE(json.find("\"label\": \"Zo\xC3\xAB \\\"Z\\\" <b>&amp; \\\\N\""), std::string::npos);
    const CsvTables csv = csv_tables(out);
    EXPECT_EQ(csv.nodes.rfind("\xEF\xBB\xBFId,Label,kind,sector", 0), 0u);
    EXPECT_NE(csv.nodes.find("\"q\"\"<&>\",\"Zo\xC3\xAB \"\"Z\"\" <b>&amp; \\N\""), std::string::npos);
    // Pajek cannot escape a double quote: it becomes a single quote.
    EXPECT_NE(pajek_network(out).find("1 \"q'<&>\""), std::string::npos);
}

TEST(ExportFormats, FormatFromTheExtension) {
    EXPECT_EQ(export_format_for("a/b.GEXF"), ExportFormat::gexf);
    EXPECT_EQ(export_format_for("net.net"), ExportFormat::pajek);
    EXPECT_EQ(export_format_for("x.xlsx"), ExportFormat::xlsx);
    EXPECT_THROW((void)export_format_for("x.txt"), RequestError);
    EXPECT_THROW((void)parse_export_format("dot"), RequestError);
    const auto files = export_files(ExportNetwork{}, ExportFormat::csv, "out/net.csv");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].first, std::filesystem::path("out/net-nodes.csv"));
    EXPECT_EQ(files[1].first, std::filesystem::path("out/net-edges.csv"));
}

}  // namespace
}  // namespace bridgemap::report
