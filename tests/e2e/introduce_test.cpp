// bridgemap introduce: the list on stdout, the CSV columns, JSON, the options, the evaluation,
// byte-identical reruns, and exit codes for bad usage and bad input.

#include "support/run_command.hpp"

#include <bridgemap/ingest/csv_reader.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace bridgemap::testing {
namespace {

const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;
const std::string k_generated = k_fixtures + "/generated-150";

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::vector<ingest::CsvProblem> problems;
    ingest::parse_csv(slurp(path), [&](const ingest::CsvRecord& r) { rows.emplace_back(r.fields.begin(), r.fields.end()); },
                      problems);
    EXPECT_TRUE(problems.empty()) << path;
    return rows;
}

/// member id → sector, from a network folder's members.csv (sector column, else organisation's).
std::map<std::string, std::string> sectors_of(const std::string& folder) {
    std::map<std::string, std::string> organisation_sector;
    const auto organisations = read_csv(folder + "/organisations.csv");
    for (std::size_t r = 1; r < organisations.size(); ++r) organisation_sector[organisations[r][0]] = organisations[r][2];
    std::map<std::string, std::string> sectors;
    const auto members = read_csv(folder + "/members.csv");
    for (std::size_t r = 1; r < members.size(); ++r) {
        sectors[members[r][0]] = !members[r][2].empty() ? members[r][2] : organisation_sector[members[r][3]];
    }
    return sectors;
}

TEST(Introduce, BundledExampleListsTenAndWritesTheCsv) {
    const TemporaryFolder out("introduce-example");
    const auto result = run_bridgemap({"introduce", BRIDGEMAP_EXAMPLE_DIR, "--out", (out / "intro.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find(" 1. "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("10. "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("why: links "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("at most 40 people"), std::string::npos) << result.out;

    const auto rows = read_csv(out / "intro.csv");
    ASSERT_EQ(rows.size(), 11u);
    const std::vector<std::string> first = {"rank", "member_a", "member_b", "sector_a", "sector_b", "introducer", "gain",
                                            "reason"};
    EXPECT_EQ(std::vector<std::string>(rows[0].begin(), rows[0].begin() + 8), first);
    const auto sectors = sectors_of(BRIDGEMAP_EXAMPLE_DIR);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ(rows[r][0], std::to_string(r));
        ASSERT_TRUE(sectors.contains(rows[r][1]));
        ASSERT_TRUE(sectors.contains(rows[r][2]));
        EXPECT_EQ(rows[r][3], sectors.at(rows[r][1]));
        EXPECT_EQ(rows[r][4], sectors.at(rows[r][2]));
        EXPECT_NE(rows[r][3], rows[r][4]);
        if (!rows[r][5].empty()) {
            EXPECT_TRUE(sectors.contains(rows[r][5]));
        }
        EXPECT_GT(std::stod(rows[r][6]), 0.0);
        EXPECT_FALSE(rows[r][7].empty());
    }
}

TEST(Introduce, SameInputSameBytes) {
    const TemporaryFolder out("introduce-twice");
    const std::vector<std::string> arguments = {"introduce", k_generated, "--evaluate", "--out"};
    auto first_arguments = arguments;
    first_arguments.push_back((out / "first.csv").string());
    auto second_arguments = arguments;
    second_arguments.push_back((out / "second.csv").string());
    const auto first = run_bridgemap(first_arguments);
    const auto second = run_bridgemap(second_arguments);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(slurp(out / "first.csv"), slurp(out / "second.csv"));
    const auto strip = [](std::string text) { return text.substr(0, text.rfind("Wrote")); };
    EXPECT_EQ(strip(first.out), strip(second.out));
    const auto json_first = run_bridgemap({"introduce", k_generated, "--format", "json", "--evaluate"});
    const auto json_second = run_bridgemap({"introduce", k_generated, "--format", "json", "--evaluate"});
    EXPECT_EQ(json_first.out, json_second.out);
}

TEST(Introduce, JsonWithEvaluation) {
    const auto result = run_bridgemap({"introduce", k_generated, "--format", "json", "--evaluate", "--count", "5"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    ASSERT_EQ(json["introductions"].size(), 5u);
    const auto& first = json["introductions"][0];
    EXPECT_EQ(first["rank"], 1);
    EXPECT_TRUE(first["member_a"].contains("organisation"));
    EXPECT_TRUE(first["shared"].contains("events"));
    const auto& evaluation = json["evaluation"];
    const double before = evaluation["before"]["reach_within_two_steps"];
    const double recommended = evaluation["recommended"]["reach_within_two_steps"];
    const double random = evaluation["random"]["reach_within_two_steps"];
    const double adamic_adar = evaluation["adamic_adar"]["reach_within_two_steps"];
    EXPECT_GT(recommended - before, random - before);
    EXPECT_GT(recommended - before, adamic_adar - before);
    EXPECT_EQ(evaluation["random_draws"], 20);
}

TEST(Introduce, EvaluateShowsTheBaselines) {
    const auto result = run_bridgemap({"introduce", k_generated, "--evaluate"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Evaluation"), std::string::npos);
    EXPECT_NE(result.out.find("Adamic-Adar"), std::string::npos);
    EXPECT_NE(result.out.find("cross-sector reach within 2 steps"), std::string::npos) << result.out;
}

TEST(Introduce, BetweenCapWarmAndExclude) {
    const TemporaryFolder out("introduce-options");
    const auto sectors = sectors_of(k_generated);
    const auto between = run_bridgemap({"introduce", k_generated, "--between", "public,Grassroots", "--count", "5",
                                        "--max-per-member", "1", "--out", (out / "between.csv").string()});
    ASSERT_EQ(between.exit_code, 0) << between.err;
    const auto rows = read_csv(out / "between.csv");
    ASSERT_GT(rows.size(), 1u);
    std::set<std::string> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ((std::set<std::string>{rows[r][3], rows[r][4]}), (std::set<std::string>{"public", "grassroots"}));
        EXPECT_TRUE(seen.insert(rows[r][1]).second) << rows[r][1];  // nobody twice with --max-per-member 1
        EXPECT_TRUE(seen.insert(rows[r][2]).second) << rows[r][2];
    }

    const auto warm = run_bridgemap({"introduce", k_generated, "--warm-only", "--out", (out / "warm.csv").string()});
    ASSERT_EQ(warm.exit_code, 0) << warm.err;
    const auto warm_rows = read_csv(out / "warm.csv");
    ASSERT_GT(warm_rows.size(), 1u);
    for (std::size_t r = 1; r < warm_rows.size(); ++r) EXPECT_FALSE(warm_rows[r][5].empty());

    // A previous list, given back as --exclude, is never suggested again.
    ASSERT_EQ(run_bridgemap({"introduce", k_generated, "--out", (out / "first.csv").string()}).exit_code, 0);
    const auto again = run_bridgemap({"introduce", k_generated, "--exclude", (out / "first.csv").string(), "--out",
                                      (out / "second.csv").string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    std::set<std::pair<std::string, std::string>> tried;
    for (const auto& row : read_csv(out / "first.csv")) tried.insert(std::minmax(row[1], row[2]));
    const auto second = read_csv(out / "second.csv");
    ASSERT_GT(second.size(), 1u);
    for (std::size_t r = 1; r < second.size(); ++r) EXPECT_FALSE(tried.contains(std::minmax(second[r][1], second[r][2])));

    // A plain two-column file without a header works too.
    write_file(out / "plain.csv", second[1][1] + "," + second[1][2] + "\n");
    const auto plain = run_bridgemap({"introduce", k_generated, "--exclude", (out / "plain.csv").string(), "--out",
                                      (out / "third.csv").string()});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    for (const auto& row : read_csv(out / "third.csv")) {
        EXPECT_NE(std::minmax(row[1], row[2]), std::minmax(second[1][1], second[1][2]));
    }
}

TEST(Introduce, AcrossCommunitiesAndWindow) {
    const TemporaryFolder out("introduce-communities");
    const auto result = run_bridgemap({"introduce", k_generated, "--across", "community", "--count", "4", "--out",
                                       (out / "c.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto rows = read_csv(out / "c.csv");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0][19], "community_a");
    for (std::size_t r = 1; r < rows.size(); ++r) EXPECT_NE(rows[r][19], rows[r][20]);
    const auto window = run_bridgemap({"introduce", k_generated, "--until", "2018", "--count", "3"});
    ASSERT_EQ(window.exit_code, 0) << window.err;
    EXPECT_NE(window.out.find("until 2018-12-31"), std::string::npos) << window.out;
}

TEST(Introduce, UsageErrors) {
    const auto sector = run_bridgemap({"introduce", k_generated, "--between", "public,pirates"});
    EXPECT_EQ(sector.exit_code, 2);
    EXPECT_NE(sector.err.find("no member is in a sector called \"pirates\""), std::string::npos) << sector.err;
    EXPECT_NE(sector.err.find("Usage: bridgemap introduce"), std::string::npos) << sector.err;
    EXPECT_EQ(run_bridgemap({"introduce", k_generated, "--between", "public"}).exit_code, 2);
    EXPECT_EQ(run_bridgemap({"introduce", k_generated, "--between", "public,public"}).exit_code, 2);
    EXPECT_EQ(run_bridgemap({"introduce", k_generated, "--count", "0"}).exit_code, 2);
    EXPECT_EQ(run_bridgemap({"introduce", k_generated, "--across", "region"}).exit_code, 2);
    EXPECT_EQ(run_bridgemap({"introduce", k_generated, "--exclude", "/no/such/file.csv"}).exit_code, 2);
}

TEST(Introduce, BadInputWritesNothing) {
    const TemporaryFolder out("introduce-bad");
    write_file(out / "intro.csv", "left from an earlier run");
    const auto result = run_bridgemap({"introduce", k_fixtures + "/every-problem", "--out", (out / "intro.csv").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("every-problem/members.csv:6: error: duplicate member id \"m2\""), std::string::npos)
        << result.err;
    EXPECT_EQ(slurp(out / "intro.csv"), "left from an earlier run");

    // Unknown members in --exclude are input errors, each with its line.
    write_file(out / "exclude.csv", "member_a,member_b\nm00001,m00002\nm00003,nobody\nghost,m00004\n");
    const auto exclude = run_bridgemap({"introduce", k_generated, "--exclude", (out / "exclude.csv").string(), "--out",
                                        (out / "intro.csv").string()});
    EXPECT_EQ(exclude.exit_code, 3);
    EXPECT_NE(exclude.err.find("exclude.csv:3: error: unknown member \"nobody\""), std::string::npos) << exclude.err;
    EXPECT_NE(exclude.err.find("exclude.csv:4: error: unknown member \"ghost\""), std::string::npos) << exclude.err;
    EXPECT_EQ(slurp(out / "intro.csv"), "left from an earlier run");
}

}  // namespace
}  // namespace bridgemap::testing
