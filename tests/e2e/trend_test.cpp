// bridgemap trend: each period equals analyse of the same window; outputs and errors.

#include "support/run_command.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace bridgemap::testing {
namespace {

const std::string k_generated = std::string(BRIDGEMAP_FIXTURES_DIR) + "/generated-150";

TEST(Trend, EachYearEqualsAnalyseOfThatYear) {
    const auto trend = run_bridgemap({"trend", k_generated, "--by", "year", "--format", "json"});
    ASSERT_EQ(trend.exit_code, 0) << trend.err;
    const auto periods = nlohmann::json::parse(trend.out)["periods"];
    ASSERT_EQ(periods.size(), 2u);  // 2017 and 2018
    for (const auto& period : periods) {
        const std::string year = period["period"];
        const auto analyse = run_bridgemap({"analyse", k_generated, "--from", year, "--until", year,
                                            "--max-setting-size", "40", "--format", "json", "--samples", "2"});
        ASSERT_EQ(analyse.exit_code, 0) << analyse.err;
        const auto summary = nlohmann::json::parse(analyse.out);
        EXPECT_EQ(period["ties"], summary["ties"]) << year;
        EXPECT_EQ(period["active_members"], summary["active_members"]) << year;
        EXPECT_EQ(period["events"], summary["events"]) << year;
        EXPECT_EQ(period["ei_index"], summary["ei_index"]) << year;
        EXPECT_EQ(period["expected_ei_index"], summary["expected_ei_index"]) << year;
        EXPECT_EQ(period["mixing"], summary["mixing"]) << year;
        EXPECT_EQ(period["reach"], summary["reach"]) << year;
    }
}

TEST(Trend, CsvChartAndExposureFiles) {
    const TemporaryFolder out("trend-files");
    const auto result =
        run_bridgemap({"trend", k_generated, "--by", "quarter", "--cumulative", "--between", "public,voluntary",
                       "--out", (out / "trend.csv").string(), "--chart", (out / "trend.svg").string(), "--exposure-out",
                       (out / "exposure.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string csv = slurp(out / "trend.csv");
    EXPECT_EQ(csv.rfind("period,from,until,active_members,ties,ei_index,expected_ei_index,", 0), 0u);
    EXPECT_NE(csv.find("share_public_tied_to_voluntary"), std::string::npos);
    EXPECT_NE(csv.find("\n2018-Q4,,2018-12-31,"), std::string::npos);  // cumulative: no start date
    const std::string svg = slurp(out / "trend.svg");
    EXPECT_NE(svg.find("share of public tied to voluntary"), std::string::npos);
    EXPECT_EQ(std::system(("xmllint --noout " + shell_quote((out / "trend.svg").string())).c_str()), 0);
    const std::string exposure = slurp(out / "exposure.csv");
    EXPECT_EQ(exposure.rfind("period,kind,settings,room_pairs,exposure_pairs,cross_sector_exposure_pairs,exposure,"
                             "followed_through,cross_sector_followed_through,followed_through_cross_share,"
                             "friending_bias\n",
                             0),
              0u);
    EXPECT_NE(exposure.find("\nall,gathering,"), std::string::npos);
}

TEST(Trend, ExposureOfTheYearsAddsUpToTheWholeHistory) {
    const auto trend = run_bridgemap({"trend", k_generated, "--by", "year", "--format", "json"});
    ASSERT_EQ(trend.exit_code, 0) << trend.err;
    const auto json = nlohmann::json::parse(trend.out);
    std::map<std::string, std::array<std::uint64_t, 5>> summed;  // by kind, over the years
    for (const auto& period : json["periods"]) {
        for (const auto& kind : period["exposure"]) {
            auto& sums = summed[kind["kind"].get<std::string>()];
            sums[0] += kind["settings"].get<std::uint64_t>();
            sums[1] += kind["exposure_pairs"].get<std::uint64_t>();
            sums[2] += kind["cross_sector_exposure_pairs"].get<std::uint64_t>();
            sums[3] += kind["followed_through"].get<std::uint64_t>();
            sums[4] += kind["cross_sector_followed_through"].get<std::uint64_t>();
        }
    }
    ASSERT_FALSE(json["exposure_by_kind"].empty());
    EXPECT_EQ(json["exposure_by_kind"].size(), summed.size());
    for (const auto& kind : json["exposure_by_kind"]) {
        const std::string name = kind["kind"];
        const auto& sums = summed[name];
        EXPECT_EQ(kind["settings"], sums[0]) << name;
        EXPECT_EQ(kind["exposure_pairs"], sums[1]) << name;
        EXPECT_EQ(kind["cross_sector_exposure_pairs"], sums[2]) << name;
        EXPECT_EQ(kind["followed_through"], sums[3]) << name;
        EXPECT_EQ(kind["cross_sector_followed_through"], sums[4]) << name;
        EXPECT_LE(kind["exposure_pairs"].get<std::uint64_t>(), kind["room_pairs"].get<std::uint64_t>()) << name;
        EXPECT_LE(sums[3], sums[1]) << name;
        if (!kind["friending_bias"].is_null()) {
            const double x = static_cast<double>(sums[2]) / static_cast<double>(sums[1]);
            const double y = static_cast<double>(sums[4]) / static_cast<double>(sums[3]);
            EXPECT_NEAR(kind["friending_bias"].get<double>(), 1.0 - y / x, 1e-12) << name;
        }
    }
    // The text says what the figures rest on.
    const auto text = run_bridgemap({"trend", k_generated, "--by", "year", "--horizon", "200"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("follow-through within 200 days"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("followed through"), std::string::npos) << text.out;
}

TEST(Trend, UsageErrorsNameWhatWasExpected) {
    const auto sector = run_bridgemap({"trend", k_generated, "--between", "public,martians"});
    EXPECT_EQ(sector.exit_code, 2);
    EXPECT_NE(sector.err.find("no sector \"martians\""), std::string::npos) << sector.err;
    EXPECT_NE(sector.err.find("the sectors are"), std::string::npos) << sector.err;
    const auto by = run_bridgemap({"trend", k_generated, "--by", "decade"});
    EXPECT_EQ(by.exit_code, 2);
    const auto empty = run_bridgemap({"trend", k_generated, "--from", "2030"});
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_NE(empty.err.find("no dated events"), std::string::npos) << empty.err;
}

TEST(Trend, BadDataExitsThreeAndWritesNothing) {
    const TemporaryFolder out("trend-bad");
    const auto result = run_bridgemap(
        {"trend", std::string(BRIDGEMAP_FIXTURES_DIR) + "/every-problem", "--out", (out / "trend.csv").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_FALSE(std::filesystem::exists(out / "trend.csv"));
}

}  // namespace
}  // namespace bridgemap::testing
