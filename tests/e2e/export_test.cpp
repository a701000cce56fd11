// bridgemap export: formats, exit codes, consent and the GEXF schema. The read-back checks
// with NetworkX, igraph and openpyxl are export_check.py (ctest export_read_back_*).

#include "support/csv_rows.hpp"
#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace bridgemap::testing {
namespace {

const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;

/// The schema lives in ../shared beside the project: the test fails, never skips, without it.
std::string gexf_schema() {
    const std::string schema = BRIDGEMAP_GEXF_SCHEMA;
    EXPECT_TRUE(std::filesystem::exists(schema)) << "the GEXF 1.3 schema is missing: " << schema;
    return schema;
}

TEST(Export, GexfOfTheExampleValidatesAgainstGexf13) {
    const TemporaryFolder out("export-gexf");
    const auto result = run_bridgemap({"export", BRIDGEMAP_EXAMPLE_DIR, "--out", (out / "net.gexf").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.rfind("Tie model: ", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("56 nodes, 1065 edges (1065 ties)"), std::string::npos) << result.out;
    const std::string command = std::string(BRIDGEMAP_XMLLINT) + " --noout --relaxng " + shell_quote(gexf_schema()) +
                                " " + shell_quote((out / "net.gexf").string()) + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    const std::string gexf = slurp(out / "net.gexf");
    EXPECT_NE(gexf.find("mode=\"dynamic\" timeformat=\"date\""), std::string::npos);
    EXPECT_NE(gexf.find("<attribute id=\"n22\" title=\"bridging\" type=\"double\"/>"), std::string::npos);
}

TEST(Export, EscapingFixtureInEveryFormatWithSettings) {
    const TemporaryFolder out("export-escaping");
    for (const std::string extension : {"gexf", "graphml", "json", "csv", "xlsx", "net"}) {
        const auto result = run_bridgemap(
            {"export", k_fixtures + "/escaping", "--out", (out / ("net." + extension)).string(), "--with", "settings"});
        ASSERT_EQ(result.exit_code, 0) << extension << ": " << result.err;
        // 5 members + 2 events; 8 ties + 7 attendances.
        EXPECT_NE(result.out.find("7 nodes, 15 edges (8 ties)"), std::string::npos) << result.out;
    }
    const std::string command = std::string(BRIDGEMAP_XMLLINT) + " --noout --relaxng " + shell_quote(gexf_schema()) +
                                " " + shell_quote((out / "net.gexf").string()) + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    const auto nodes = read_csv(out / "net-nodes.csv");
    ASSERT_EQ(nodes.size(), 8u);
    // Zoë attended both events and has a recorded tie with Ben: script, ana, ben, cai.
    EXPECT_EQ(nodes[1][1], "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N");
    EXPECT_EQ(nodes[1][5], "4");  // degree
    EXPECT_EQ(nodes[6][0], "event:supper");
    EXPECT_FALSE(std::filesystem::exists(out / "net.csv"));
}

TEST(Export, FormatFromExtensionOrOption) {
    const TemporaryFolder out("export-format");
    auto result = run_bridgemap({"export", k_fixtures + "/escaping", "--out", (out / "net.txt").string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("cannot tell the format from \"net.txt\""), std::string::npos) << result.err;
    result =
        run_bridgemap({"export", k_fixtures + "/escaping", "--out", (out / "net.txt").string(), "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(slurp(out / "net.txt").rfind("{\"directed\": false, \"multigraph\": false", 0), 0u);
    result = run_bridgemap({"export", k_fixtures + "/escaping"});
    EXPECT_EQ(result.exit_code, 2);
    result =
        run_bridgemap({"export", k_fixtures + "/escaping", "--out", (out / "a.gexf").string(), "--with", "events"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--with takes \"settings\""), std::string::npos) << result.err;
}

TEST(Export, UnknownConsentIsADataErrorAndWritesNothing) {
    const TemporaryFolder data("export-bad-consent");
    write_file(data / "members.csv", "id,name,consent\na,Ann,named\nb,Bob,secret\nc,Cy,maybe\n");
    const auto result = run_bridgemap({"export", data.path().string(), "--out", (data / "net.gexf").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("members.csv:3: error: consent \"secret\" is not named, pseudonym or hidden"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("members.csv:4: error: consent \"maybe\""), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(data / "net.gexf"));
}

TEST(Export, HiddenAndPseudonymMembersInTheFile) {
    const TemporaryFolder data("export-consent");
    write_file(data / "members.csv",
               "id,name,sector,consent,email\nann,Ann Hidden,public,hidden,ann@x.org\nbob,Bob Pseudo,public,"
               "pseudonym,bob@x.org\ncy,Cy Named,grassroots,,cy@x.org\n");
    write_file(data / "ties.csv", "source,target\nann,bob\nbob,cy\nann,cy\n");
    const auto result = run_bridgemap({"export", data.path().string(), "--out", (data / "net.graphml").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("2 nodes, 1 edges (1 ties)"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("1 hidden members left out"), std::string::npos) << result.out;
    const std::string graphml = slurp(data / "net.graphml");
    for (const std::string forbidden : {"ann", "Ann Hidden", "bob", "Bob Pseudo", "@x.org"}) {
        EXPECT_EQ(graphml.find(forbidden), std::string::npos) << forbidden;
    }
    EXPECT_NE(graphml.find("<node id=\"Member "), std::string::npos);
    EXPECT_NE(graphml.find("Cy Named"), std::string::npos);
    // Cy's degree counts the hidden Ann: 2.
    EXPECT_NE(graphml.find("<node id=\"cy\">"), std::string::npos);
    const auto pseudonymised =
        run_bridgemap({"export", data.path().string(), "--out", (data / "p.json").string(), "--pseudonymise"});
    ASSERT_EQ(pseudonymised.exit_code, 0) << pseudonymised.err;
    const std::string json = slurp(data / "p.json");
    EXPECT_EQ(json.find("Cy Named"), std::string::npos);
    EXPECT_EQ(json.find(data.path().string()), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::testing
