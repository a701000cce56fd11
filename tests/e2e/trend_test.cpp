// bridgemap trend: each period equals analyse of the same window; outputs and errors.

#include "support/csv_rows.hpp"
#include "support/run_command.hpp"

#include <bridgemap/io/csv_writer.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

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

/// A CSV field against the summary's value: the number as the CSV writes it (12
/// significant digits), an empty field for null.
void expect_field(const std::string& field, const nlohmann::json& value, const std::string& what) {
    if (value.is_null()) {
        EXPECT_EQ(field, "") << what;
    } else if (value.is_number_integer()) {
        EXPECT_EQ(field, std::to_string(value.get<std::int64_t>())) << what;
    } else {
        EXPECT_EQ(field, io::format_number(value.get<double>())) << what;
    }
}

/// The entry of `list` whose `a_key` and `b_key` are a and b.
const nlohmann::json& entry_of(const nlohmann::json& list, const char* a_key, const char* b_key, const std::string& a,
                               const std::string& b) {
    for (const auto& entry : list) {
        if (entry[a_key] == a && entry[b_key] == b) return entry;
    }
    ADD_FAILURE() << "no entry " << a << ", " << b;
    static const nlohmann::json none;
    return none;
}

/// Each cumulative quarter's row of trend.csv holds, column by column, what analyse says
/// of the network until the quarter's last day.
TEST(Trend, CsvChartAndExposureFiles) {
    const TemporaryFolder out("trend-files");
    const auto result =
        run_bridgemap({"trend", k_generated, "--by", "quarter", "--cumulative", "--between", "public,voluntary",
                       "--out", (out / "trend.csv").string(), "--chart", (out / "trend.svg").string(), "--exposure-out",
                       (out / "exposure.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto rows = read_csv(out / "trend.csv");
    ASSERT_EQ(rows.size(), 9u);  // header + 2017-Q1 .. 2018-Q4
    const auto& header = rows[0];
    EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + 12),
              (std::vector<std::string>{"period", "from", "until", "active_members", "ties", "ei_index",
                                        "expected_ei_index", "members", "events", "assortativity",
                                        "share_public_tied_to_voluntary", "share_voluntary_tied_to_public"}));
    const std::array<std::string, 4> quarter_ends = {"-03-31", "-06-30", "-09-30", "-12-31"};
    std::size_t ratio_columns = 0;
    std::size_t reach_columns = 0;
    std::size_t active_columns = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        ASSERT_EQ(row.size(), header.size()) << r;
        const std::string year = r <= 4 ? "2017" : "2018";
        EXPECT_EQ(row[0], year + "-Q" + std::to_string((r - 1) % 4 + 1));
        EXPECT_EQ(row[1], "");  // cumulative: no start date
        EXPECT_EQ(row[2], year + quarter_ends[(r - 1) % 4]);
        const auto analyse = run_bridgemap({"analyse", k_generated, "--until", row[2], "--max-setting-size", "40",
                                            "--format", "json", "--samples", "2"});
        ASSERT_EQ(analyse.exit_code, 0) << analyse.err;
        const auto summary = nlohmann::json::parse(analyse.out);
        for (std::size_t c = 3; c < header.size(); ++c) {
            const std::string& column = header[c];
            const std::string what = row[0] + " " + column;
            const auto pair_of = [&](std::size_t prefix, const std::string& separator) {
                const std::string names = column.substr(prefix);
                const std::size_t at = names.find(separator);
                return std::pair(names.substr(0, at), names.substr(at + separator.size()));
            };
            if (column.rfind("share_", 0) == 0) {
                const auto [from, to] = pair_of(6, "_tied_to_");
                expect_field(row[c], entry_of(summary["reach"], "from", "to", from, to)["within_1_hop"], what);
            } else if (column.rfind("ratio_", 0) == 0) {
                const auto [a, b] = pair_of(6, "__");
                const nlohmann::json sectors = {a, b};
                const nlohmann::json* found = nullptr;
                for (const auto& pair : summary["mixing"]) {
                    if (pair["sectors"] == sectors) found = &pair;
                }
                ASSERT_NE(found, nullptr) << what;
                expect_field(row[c], (*found)["ratio"], what);
                ++ratio_columns;
            } else if (column.rfind("reach2_", 0) == 0) {
                const auto [from, to] = pair_of(7, "__");
                expect_field(row[c], entry_of(summary["reach"], "from", "to", from, to)["within_2_hops"], what);
                ++reach_columns;
            } else if (column.rfind("active_", 0) == 0 && column != "active_members") {
                expect_field(row[c], summary["sectors"][column.substr(7)], what);
                ++active_columns;
            } else {
                ASSERT_TRUE(summary.contains(column)) << what;
                expect_field(row[c], summary[column], what);
            }
        }
    }
    // Seven sectors (academic, funder, grassroots, independent, private, public, voluntary)
    // in eight rows: 28 pairs a ≤ b, 42 ordered pairs a ≠ b, seven sectors' active members.
    EXPECT_EQ(ratio_columns, 8u * 28u);
    EXPECT_EQ(reach_columns, 8u * 42u);
    EXPECT_EQ(active_columns, 8u * 7u);

    const std::string svg = slurp(out / "trend.svg");
    EXPECT_NE(svg.find("share of public tied to voluntary"), std::string::npos);
    const std::filesystem::path xmllint = BRIDGEMAP_XMLLINT;
    ASSERT_TRUE(std::filesystem::exists(xmllint))
        << "CMake found no xmllint (" << xmllint << "); scripts/setup.sh test installs it (libxml2-utils)";
    EXPECT_EQ(
        std::system((shell_quote(xmllint.string()) + " --noout " + shell_quote((out / "trend.svg").string())).c_str()),
        0);
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
