// bridgemap analyse: the three files, the summary on stdout, and nothing written on bad input.

#include "support/csv_rows.hpp"
#include "support/run_command.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

namespace bridgemap::testing {
namespace {

const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;

TEST(Analyse, BundledExampleWritesThreeFiles) {
    const TemporaryFolder out("analyse-example");
    const auto result = run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR, "--out", out.path().string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("56 members, 1065 ties"), std::string::npos) << result.out;

    const auto members = read_csv(out / "members.csv");
    ASSERT_EQ(members.size(), 57u);  // header + 56 members
    const std::vector<std::string> first_columns = {"id",
                                                    "name",
                                                    "sector",
                                                    "organisation",
                                                    "degree",
                                                    "strength",
                                                    "betweenness",
                                                    "closeness",
                                                    "harmonic",
                                                    "eigenvector",
                                                    "pagerank",
                                                    "constraint",
                                                    "effective_size",
                                                    "efficiency",
                                                    "hierarchy",
                                                    "ei_index",
                                                    "sector_diversity",
                                                    "community",
                                                    "participation",
                                                    "brokerage_coordinator",
                                                    "brokerage_consultant",
                                                    "brokerage_representative",
                                                    "brokerage_liaison",
                                                    "bridging",
                                                    "cross_sector_ties"};
    EXPECT_EQ(std::vector<std::string>(members[0].begin(), members[0].begin() + first_columns.size()), first_columns);
    const auto alison =
        std::find_if(members.begin(), members.end(), [](const auto& row) { return row[0] == "alison-nabarro"; });
    ASSERT_NE(alison, members.end());
    EXPECT_EQ((*alison)[2], "");   // unknown sector written empty
    EXPECT_EQ((*alison)[15], "");  // so is her E-I index

    const auto ties = read_csv(out / "ties.csv");
    ASSERT_EQ(ties.size(), 1066u);
    EXPECT_EQ(ties[0],
              (std::vector<std::string>{"source", "target", "weight", "events", "groups", "organisations", "explicit",
                                        "cross_sector", "embeddedness", "overlap", "local_bridge", "span", "bridge"}));
    for (std::size_t r = 1; r < ties.size(); ++r) {
        ASSERT_LT(ties[r][0], ties[r][1]);  // source < target
        if (r > 1) {
            ASSERT_LT(std::tie(ties[r - 1][0], ties[r - 1][1]), std::tie(ties[r][0], ties[r][1]));
        }
    }

    const auto summary = nlohmann::json::parse(slurp(out / "summary.json"));
    EXPECT_EQ(summary["members"], 56);
    EXPECT_EQ(summary["ties"], 1065);
    EXPECT_EQ(summary["sectors"]["unknown"], 1);
    EXPECT_EQ(summary["path_metrics"]["exact"], true);
    EXPECT_EQ(summary["settings"]["seed"], 1);
}

TEST(Analyse, SameInputSameBytes) {
    const TemporaryFolder first("analyse-first");
    const TemporaryFolder second("analyse-second");
    const std::string data = k_fixtures + "/generated-150";
    ASSERT_EQ(run_bridgemap({"analyse", data, "--out", first.path().string()}).exit_code, 0);
    ASSERT_EQ(run_bridgemap({"analyse", data, "--out", second.path().string()}).exit_code, 0);
    for (const char* file : {"members.csv", "ties.csv", "summary.json"}) {
        EXPECT_EQ(slurp(first / file), slurp(second / file)) << file;
    }
}

TEST(Analyse, BadInputReportsEveryProblemAndWritesNothing) {
    const TemporaryFolder out("analyse-bad");
    write_file(out / "members.csv", "left from an earlier run");
    const auto result = run_bridgemap({"analyse", k_fixtures + "/every-problem", "--out", out.path().string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("every-problem/members.csv:6: error: duplicate member id \"m2\""), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("every-problem/ties.csv:3: error: self-tie"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("22 errors"), std::string::npos) << result.err;
    EXPECT_EQ(slurp(out / "members.csv"), "left from an earlier run");
    EXPECT_FALSE(std::filesystem::exists(out / "ties.csv"));
    EXPECT_FALSE(std::filesystem::exists(out / "summary.json"));
}

/// Within a relative 1e-9 of the NetworkX reference value.
void expect_close(const nlohmann::json& actual, const nlohmann::json& want, const std::string& what) {
    ASSERT_TRUE(actual.is_number()) << what << ": " << actual;
    const double a = actual.get<double>();
    const double w = want.get<double>();
    EXPECT_NEAR(a, w, 1e-9 * std::max(1.0, std::abs(w))) << what;
}

/// The summary printed with --format json holds the network-level values NetworkX computes
/// for the example (tests/reference/networkx_reference.json, from networkx_reference.py).
TEST(Analyse, FormatJsonPrintsTheSummary) {
    const auto result = run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto summary = nlohmann::json::parse(result.out);
    const auto want = nlohmann::json::parse(slurp(std::filesystem::path(BRIDGEMAP_SOURCE_DIR) / "tests" / "reference" /
                                                  "networkx_reference.json"))["example"]["network"];
    EXPECT_EQ(summary["members"], want["members"]);
    EXPECT_EQ(summary["ties"], want["ties"]);
    EXPECT_EQ(summary["sectors"], want["sectors"]);
    EXPECT_EQ(summary["components"], want["components"]);
    EXPECT_EQ(summary["bridges"], want["bridges"]);
    EXPECT_EQ(summary["articulation_points"], want["articulation_points"]);
    for (const char* key : {"density", "largest_component_share", "ei_index", "expected_ei_index", "assortativity"}) {
        expect_close(summary[key], want[key], key);
    }
    ASSERT_EQ(summary["mixing"].size(), want["mixing"].size());
    for (std::size_t k = 0; k < want["mixing"].size(); ++k) {
        const auto& got = summary["mixing"][k];
        const auto& pair = want["mixing"][k];
        const std::string name = pair["sectors"][0].get<std::string>() + "-" + pair["sectors"][1].get<std::string>();
        EXPECT_EQ(got["sectors"], pair["sectors"]) << k;
        EXPECT_EQ(got["observed"], pair["observed"]) << name;
        expect_close(got["expected"], pair["expected"], name + " expected");
        expect_close(got["ratio"], pair["ratio"], name + " ratio");
    }
    ASSERT_EQ(summary["reach"].size(), want["reach"].size());
    for (std::size_t k = 0; k < want["reach"].size(); ++k) {
        const auto& got = summary["reach"][k];
        const auto& entry = want["reach"][k];
        const std::string name = entry["from"].get<std::string>() + " to " + entry["to"].get<std::string>();
        EXPECT_EQ(got["from"], entry["from"]) << k;
        EXPECT_EQ(got["to"], entry["to"]) << k;
        expect_close(got["within_1_hop"], entry["within_1_hop"], name + " within 1 hop");
        expect_close(got["within_2_hops"], entry["within_2_hops"], name + " within 2 hops");
    }
}

TEST(Analyse, UsageErrors) {
    EXPECT_EQ(run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR}).exit_code, 2);  // nowhere to write
    const auto both =
        run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR, "--format", "json", "--exact", "--samples", "5"});
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_NE(both.err.find("--exact and --samples"), std::string::npos) << both.err;
    const auto weights = run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR, "--format", "json", "--weights", "events=x"});
    EXPECT_EQ(weights.exit_code, 2);
    EXPECT_NE(weights.err.find("\"x\" is not a number"), std::string::npos) << weights.err;
}

TEST(Analyse, SampledPathMetricsAreAnnounced) {
    const auto result = run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR, "--format", "json", "--samples", "10"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("sampl"), std::string::npos) << result.err;
    const auto summary = nlohmann::json::parse(result.out);
    EXPECT_EQ(summary["path_metrics"]["exact"], false);
    EXPECT_EQ(summary["path_metrics"]["sources"], 10);
    EXPECT_EQ(summary["path_metrics"]["confidence"], 0.95);
    // Hoeffding with a union bound (path_centrality.hpp): (n/(n−1))·sqrt(ln(4n/0.05)/(2k)),
    // n = 56 members, k = 10 sources: (56/55)·sqrt(ln(4480)/20) ≈ 0.66.
    EXPECT_NEAR(summary["path_metrics"]["error_bound"].get<double>(),
                56.0 / 55.0 * std::sqrt(std::log(4.0 * 56.0 / 0.05) / 20.0), 1e-12);
}

TEST(Analyse, WindowWeightsAndMinimumWeight) {
    // Until 2017 there is one event, the 2017 gathering of 30 people. With organisations
    // weighted 0 its pairs are the only ties: C(30,2) = 435, each of weight 1/29.
    const std::string data = BRIDGEMAP_EXAMPLE_DIR;
    const auto in2017 = run_bridgemap({"analyse", data, "--format", "json", "--until", "2017", "--weights", "orgs=0"});
    ASSERT_EQ(in2017.exit_code, 0) << in2017.err;
    const auto summary = nlohmann::json::parse(in2017.out);
    EXPECT_EQ(summary["events"], 1);
    EXPECT_EQ(summary["members"], 56);  // everyone stays; those not there are isolates
    EXPECT_EQ(summary["ties"], 435);
    EXPECT_EQ(summary["isolates"], 56 - 30);
    // A minimum weight above 1/29 drops them all.
    const auto strong = run_bridgemap(
        {"analyse", data, "--format", "json", "--until", "2017", "--weights", "orgs=0", "--min-weight", "0.05"});
    EXPECT_EQ(nlohmann::json::parse(strong.out)["ties"], 0);
    // With events weighted 0 instead, what is left are ties through shared organisations.
    const TemporaryFolder out("analyse-orgs-only");
    ASSERT_EQ(run_bridgemap({"analyse", data, "--until", "2017", "--weights", "events=0", "--out", out.path().string()})
                  .exit_code,
              0);
    const auto ties = read_csv(out / "ties.csv");
    ASSERT_GT(ties.size(), 1u);
    for (std::size_t r = 1; r < ties.size(); ++r) EXPECT_GE(std::stoi(ties[r][5]), 1) << ties[r][0];  // organisations
}

TEST(Analyse, AwkwardNamesSurviveIntoMembersCsv) {
    const TemporaryFolder out("analyse-awkward");
    ASSERT_EQ(run_bridgemap({"analyse", k_fixtures + "/awkward-valid", "--out", out.path().string()}).exit_code, 0);
    const auto members = read_csv(out / "members.csv");
    ASSERT_EQ(members.size(), 5u);
    EXPECT_EQ(members[1][1], "Zo\xC3\xAB \"Z\" O'Neil <b>&amp; \\N");
    EXPECT_EQ(members[3][1], "Two\r\nLines");
    EXPECT_EQ(members[0].back(), "pronouns");  // the input's own column is carried through
    EXPECT_EQ(members[3].back(), "they/them");
}

/// Leiden runs until no member moves; --leiden-iterations 1 is one pass, never better.
TEST(Analyse, LeidenIterationsCapTheCommunities) {
    const std::string generated = std::string(BRIDGEMAP_FIXTURES_DIR) + "/generated-150";
    const auto converged = run_bridgemap({"analyse", generated, "--format", "json", "--samples", "5"});
    const auto one_pass =
        run_bridgemap({"analyse", generated, "--format", "json", "--samples", "5", "--leiden-iterations", "1"});
    ASSERT_EQ(converged.exit_code, 0) << converged.err;
    ASSERT_EQ(one_pass.exit_code, 0) << one_pass.err;
    const double full = nlohmann::json::parse(converged.out)["modularity"];
    const double once = nlohmann::json::parse(one_pass.out)["modularity"];
    EXPECT_GE(full, once);
    EXPECT_GT(full, 0.1);
    const auto bad = run_bridgemap({"analyse", generated, "--format", "json", "--leiden-iterations", "-1"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--leiden-iterations"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace bridgemap::testing
