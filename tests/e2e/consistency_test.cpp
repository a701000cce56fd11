// One tie model, one answer (SPEC §2): analyse, report, introduce, map and trend, run with the
// same options on the same generated network, state the same tie model and agree on the
// number of ties, the E-I index, the mixing table, the reach between sectors and the
// introductions' "n of m have a tie"; the last row of trend --cumulative equals analyse over
// the same span.

#include "support/run_command.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <regex>

namespace bridgemap::testing {
namespace {

using Json = nlohmann::json;

/// A 1,100-member generated network, made once for the whole suite.
const std::filesystem::path& generated_network() {
    static const TemporaryFolder folder("consistency-network");
    static const std::filesystem::path data = [] {
        const std::filesystem::path path = folder / "network";
        const auto made = run_bridgemap({"generate", "--members", "1100", "--seed", "7", "--out", path.string()});
        EXPECT_EQ(made.exit_code, 0) << made.err;
        return path;
    }();
    return data;
}

/// As the report writes numbers: fixed digits, thousands grouped, U+2212 for minus.
std::string for_people(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, std::abs(value));
    const std::string text = buffer;
    const std::string whole = text.substr(0, text.find('.'));
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    return (value < 0 && std::stod(text) != 0.0 ? "\u2212" : "") + grouped + text.substr(whole.size());
}

Json analyse_json(const std::vector<std::string>& extra) {
    std::vector<std::string> arguments = {"analyse", generated_network().string(), "--format", "json", "--samples",
                                          "50"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    const auto result = run_bridgemap(arguments);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return Json::parse(result.out);
}

/// The first line of a command's text output.
std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

class OneTieModel : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(OneTieModel, EveryCommandStatesItAndAgreesOnTiesAndEI) {
    const std::vector<std::string> options = GetParam();
    const Json summary = analyse_json(options);
    const std::string model = summary["tie_model"]["text"];
    const std::uint64_t ties = summary["ties"];
    const double ei = summary["ei_index"];
    const double expected_ei = summary["expected_ei_index"];
    ASSERT_GT(ties, 0u);

    // analyse's text output leads with the same line.
    const TemporaryFolder analysed_out("consistency-analyse");
    std::vector<std::string> text_run = {"analyse", generated_network().string(),   "--samples", "50",
                                         "--out",   (analysed_out / "out").string()};
    text_run.insert(text_run.end(), options.begin(), options.end());
    const auto analysed = run_bridgemap(text_run);
    ASSERT_EQ(analysed.exit_code, 0) << analysed.err;
    EXPECT_EQ(first_line(analysed.out), model);

    // introduce --evaluate: the same graph before any introduction.
    std::vector<std::string> introduce = {
        "introduce", generated_network().string(), "--evaluate", "--count", "3", "--format", "json"};
    introduce.insert(introduce.end(), options.begin(), options.end());
    const auto introduced = run_bridgemap(introduce);
    ASSERT_EQ(introduced.exit_code, 0) << introduced.err;
    const Json plan = Json::parse(introduced.out);
    EXPECT_EQ(plan["tie_model"]["text"], model);
    EXPECT_EQ(plan["before"]["ties"], ties);
    EXPECT_EQ(plan["evaluation"]["before"]["ties"], ties);
    EXPECT_DOUBLE_EQ(plan["before"]["ei_index"].get<double>(), ei);
    EXPECT_DOUBLE_EQ(plan["before"]["expected_ei_index"].get<double>(), expected_ei);

    // map (the summary map: it counts the ties without holding them).
    const TemporaryFolder maps("consistency-map");
    std::vector<std::string> map = {"map", generated_network().string(), "--summary", "--out",
                                    (maps / "summary.svg").string()};
    map.insert(map.end(), options.begin(), options.end());
    const auto mapped = run_bridgemap(map);
    ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
    EXPECT_EQ(first_line(mapped.out), model);
    char ei_text[96];
    std::snprintf(ei_text, sizeof ei_text, "%.3f against %.3f", ei, expected_ei);
    EXPECT_NE(mapped.out.find(std::to_string(ties) + " ties, E-I index " + ei_text), std::string::npos) << mapped.out;
    EXPECT_NE(slurp(maps / "summary.svg").find(model), std::string::npos);

    // report: its stdout, headline and Method section.
    const TemporaryFolder reports("consistency-report");
    std::vector<std::string> report = {
        "report", generated_network().string(), "--out", (reports / "report.html").string(), "--introductions", "3"};
    report.insert(report.end(), options.begin(), options.end());
    const auto reported = run_bridgemap(report);
    ASSERT_EQ(reported.exit_code, 0) << reported.err;
    EXPECT_EQ(first_line(reported.out), model);
    EXPECT_NE(reported.out.find("1,100 members and " + for_people(static_cast<double>(ties), 0) + " ties"),
              std::string::npos)
        << reported.out;
    const std::string html = slurp(reports / "report.html");
    EXPECT_NE(html.find("E-I index " + for_people(ei, 2) + " against " + for_people(expected_ei, 2)),
              std::string::npos);
    EXPECT_NE(html.find(model), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Options, OneTieModel,
    ::testing::Values(std::vector<std::string>{}, std::vector<std::string>{"--max-setting-size", "0"},
                      std::vector<std::string>{"--max-setting-size", "12", "--weights", "orgs=0.5"}));

TEST(OneReport, MixingTableWeakSpotsAndIntroductionsAgreeWithAnalyse) {
    const Json summary = analyse_json({});
    const TemporaryFolder reports("consistency-sections");
    const auto reported = run_bridgemap(
        {"report", generated_network().string(), "--out", (reports / "report.html").string(), "--introductions", "1"});
    ASSERT_EQ(reported.exit_code, 0) << reported.err;
    const std::string html = slurp(reports / "report.html");
    const Json& sectors = summary["sectors"];

    // Weak spots: every pair's observed ties and "n of m" reach, as summary.json has them.
    std::map<std::pair<std::string, std::string>, double> one_hop;
    for (const auto& entry : summary["reach"]) one_hop[{entry["from"], entry["to"]}] = entry["within_1_hop"];
    std::size_t pairs_checked = 0;
    for (const auto& pair : summary["mixing"]) {
        const std::string a = pair["sectors"][0];
        const std::string b = pair["sectors"][1];
        if (a == b) continue;
        const std::uint64_t a_members = sectors[a];
        const std::uint64_t b_members = sectors[b];
        const auto a_tied = static_cast<std::uint64_t>(std::llround(one_hop[{a, b}] * static_cast<double>(a_members)));
        const auto b_tied = static_cast<std::uint64_t>(std::llround(one_hop[{b, a}] * static_cast<double>(b_members)));
        const std::uint64_t observed = pair["observed"];
        const std::string row =
            "<tr><td>" + a + " \u2013 " + b + "</td><td class=\"num\" data-sort=\"" + std::to_string(observed) + "\">";
        EXPECT_NE(html.find(row), std::string::npos) << row;
        const std::string reach = std::to_string(a_tied) + " of " + std::to_string(a_members) + " " + a + "; " +
                                  std::to_string(b_tied) + " of " + std::to_string(b_members) + " " + b;
        EXPECT_NE(html.find(reach), std::string::npos) << reach;
        ++pairs_checked;
    }
    EXPECT_GE(pairs_checked, 10u);

    // The first introduction's "n of m ... have a tie to the T sector" is the same reach.
    const auto introduced =
        run_bridgemap({"introduce", generated_network().string(), "--count", "1", "--format", "json"});
    ASSERT_EQ(introduced.exit_code, 0) << introduced.err;
    const std::string reason = Json::parse(introduced.out)["introductions"][0]["reason"];
    const std::regex pattern(R"(links (\w+) to (\w+), where (?:only )?(\d+) of (\d+) \w+ members ha(?:s|ve) a tie)");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(reason, match, pattern)) << reason;
    const std::string from = match[1];
    const std::string to = match[2];
    EXPECT_EQ(std::stoull(match[4]), sectors[from].get<std::uint64_t>()) << reason;
    EXPECT_EQ(std::stoull(match[3]),
              static_cast<std::uint64_t>(std::llround(one_hop[{from, to}] * sectors[from].get<double>())))
        << reason;
    // ... and the report's introductions section says the same.
    EXPECT_NE(html.find(reason.substr(0, reason.find(';'))), std::string::npos) << reason;
}

TEST(OneReport, LastCumulativePeriodEqualsAnalyseOverTheSameSpan) {
    for (const std::string by : {"year", "quarter"}) {
        const auto trend =
            run_bridgemap({"trend", generated_network().string(), "--by", by, "--cumulative", "--format", "json"});
        ASSERT_EQ(trend.exit_code, 0) << trend.err;
        const Json result = Json::parse(trend.out);
        const Json& last = result["periods"].back();
        const std::string until = last["until"];
        const Json summary = analyse_json({"--until", until});
        EXPECT_EQ(last["ties"], summary["ties"]) << by;
        EXPECT_EQ(last["active_members"], summary["active_members"]) << by;
        EXPECT_EQ(last["ei_index"], summary["ei_index"]) << by;
        EXPECT_EQ(last["expected_ei_index"], summary["expected_ei_index"]) << by;
        EXPECT_EQ(last["mixing"], summary["mixing"]) << by;
        EXPECT_EQ(last["active_by_sector"], summary["sectors"]) << by;  // active members per sector
        EXPECT_EQ(result["tie_model"]["text"], summary["tie_model"]["text"]) << by;
        // Over all dates, analyse counts every member; the periods count those who took part.
        const Json whole = analyse_json({});
        EXPECT_EQ(whole["active_members"], 1100);
        EXPECT_EQ(
            summary["active_members"].get<std::uint64_t>() + summary["members_without_activity"].get<std::uint64_t>(),
            1100u);
    }
}

}  // namespace
}  // namespace bridgemap::testing
