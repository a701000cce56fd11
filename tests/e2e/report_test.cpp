// bridgemap report: the one HTML file, its numbers against the other commands, privacy,
// escaping, and errors that write nothing. tests/e2e/report_in_browser.py (run by CTest)
// checks the same reports in headless Chromium.

#include "support/run_command.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace bridgemap::testing {
namespace {

const std::string k_example = BRIDGEMAP_EXAMPLE_DIR;
const std::string k_generated = std::string(BRIDGEMAP_FIXTURES_DIR) + "/generated-150";
const std::string k_escaping = std::string(BRIDGEMAP_FIXTURES_DIR) + "/escaping";

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

/// Member names of a members.csv without quoted fields (the example's).
std::vector<std::string> member_names(const std::string& folder) {
    std::istringstream in(slurp(folder + "/members.csv"));
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    while (std::getline(in, line)) {
        const auto first = line.find(',');
        const auto second = line.find(',', first + 1);
        names.push_back(line.substr(first + 1, second - first - 1));
    }
    return names;
}

std::string two_decimals(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    if (out[0] == '-') out = "\u2212" + out.substr(1);
    return out;
}

TEST(Report, ExampleReportAgreesWithAnalyseTrendAndIntroduce) {
    const TemporaryFolder out("report-example");
    const auto result = run_bridgemap({"report", k_example, "--out", (out / "report.html").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Wrote " + (out / "report.html").string() + ": a report of 56 members"),
              std::string::npos)
        << result.out;
    const std::string html = slurp(out / "report.html");
    for (const char* id :
         {"headline", "mixing", "reach", "map", "bridge-builders", "weak-spots", "introductions", "trend", "method"}) {
        EXPECT_EQ(
            count(html, std::string("<section id=\"") + id + "\"") + count(html, std::string("<h3 id=\"") + id + "\""),
            1u)
            << id;
    }

    // The headline's figures and E-I are analyse's.
    const auto analyse = run_bridgemap({"analyse", k_example, "--format", "json"});
    ASSERT_EQ(analyse.exit_code, 0) << analyse.err;
    const auto summary = nlohmann::json::parse(analyse.out);
    EXPECT_NE(html.find("<b>56</b><span>members</span>"), std::string::npos);
    EXPECT_NE(
        html.find("<b>" + std::to_string(summary["ties"].get<int>()).insert(1, ",") + "</b><span>ties between them"),
        std::string::npos);
    EXPECT_NE(html.find("E-I index " + two_decimals(summary["ei_index"]) + " against " +
                        two_decimals(summary["expected_ei_index"])),
              std::string::npos);

    // The map is the map command's SVG, inline.
    EXPECT_EQ(count(html, "<svg"), 2u);  // the map and the trend chart
    EXPECT_NE(html.find("class=\"graph\""), std::string::npos);

    // Change over time: the years and E-I of trend --by year.
    const auto trend = run_bridgemap({"trend", k_example, "--by", "year", "--format", "json"});
    ASSERT_EQ(trend.exit_code, 0) << trend.err;
    const auto trend_json = nlohmann::json::parse(trend.out);
    for (const auto& period : trend_json["periods"]) {
        const std::string row = "<tr><td>" + period["period"].get<std::string>() + "</td>";
        const auto at = html.find(row);
        ASSERT_NE(at, std::string::npos) << row;
        const std::string rest = html.substr(at, html.find("</tr>", at) - at);
        std::string cell = ">";
        cell += two_decimals(period["ei_index"]);
        cell += '<';
        EXPECT_NE(rest.find(cell), std::string::npos) << rest;
    }

    // Suggested introductions: introduce's first pairs, in order.
    const auto introduce = run_bridgemap({"introduce", k_example, "--format", "json"});
    ASSERT_EQ(introduce.exit_code, 0) << introduce.err;
    const auto suggestions = nlohmann::json::parse(introduce.out)["introductions"];
    ASSERT_FALSE(suggestions.empty());
    const auto section = html.substr(html.find("<section id=\"introductions\""));
    std::size_t last = 0;
    for (const auto& suggestion : suggestions) {
        const std::string a = suggestion["member_a"]["name"];
        const std::string b = suggestion["member_b"]["name"];
        // Each cell is named by its column, which a phone shows on the introduction's card.
        const std::string row = "<td role=\"cell\" data-label=\"Member\">" + a + " (" +
                                suggestion["member_a"]["sector"].get<std::string>() +
                                ")</td><td role=\"cell\" data-label=\"Member\">" + b + " (" +
                                suggestion["member_b"]["sector"].get<std::string>() + ")</td>";
        const auto at = section.find(row, last);
        ASSERT_NE(at, std::string::npos) << row;
        last = at;
    }
}

TEST(Report, SameInputSameBytes) {
    // The same file name in two folders: the command line in the Method section is the same.
    const TemporaryFolder first("report-once");
    const TemporaryFolder second("report-twice");
    ASSERT_EQ(run_bridgemap({"report", k_generated, "--out", "report.html"}, first.path()).exit_code, 0);
    ASSERT_EQ(run_bridgemap({"report", k_generated, "--out", "report.html"}, second.path()).exit_code, 0);
    const std::string a = slurp(first / "report.html");
    EXPECT_GT(a.size(), 10000u);
    EXPECT_EQ(a, slurp(second / "report.html"));
}

TEST(Report, PseudonymsHideEveryNameAndStayTheSame) {
    const TemporaryFolder out("report-pseudonyms");
    const TemporaryFolder again("report-pseudonyms-again");
    const auto first = run_bridgemap({"report", k_example, "--pseudonymise", "--out", "r.html"}, out.path());
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_EQ(run_bridgemap({"report", k_example, "--pseudonymise", "--out", "r.html"}, again.path()).exit_code, 0);
    ASSERT_EQ(run_bridgemap({"report", k_example, "--pseudonymise", "--pseudonym-key", "our secret", "--out",
                             (out / "c.html").string()})
                  .exit_code,
              0);
    const std::string html = slurp(out / "r.html");
    const auto names = member_names(k_example);
    ASSERT_EQ(names.size(), 56u);
    for (const auto& name : names) EXPECT_EQ(html.find(name), std::string::npos) << name;
    EXPECT_EQ(html.find("Carnegie UK Trust"), std::string::npos);  // organisations too
    const std::regex pseudonym("Member [A-HJ-NP-Z2-9]{4}");
    std::set<std::string> seen;
    for (std::sregex_iterator it(html.begin(), html.end(), pseudonym), end; it != end; ++it) seen.insert(it->str());
    EXPECT_GE(seen.size(), 25u);  // bridge builders, map labels, introductions
    EXPECT_EQ(html, slurp(again / "r.html"));
    EXPECT_NE(html, slurp(out / "c.html"));
    EXPECT_NE(html.find("shown by stable pseudonyms"), std::string::npos);
}

TEST(Report, NamesFromTheDataAreText) {
    const TemporaryFolder out("report-escaping");
    const auto result = run_bridgemap({"report", k_escaping, "--out", (out / "r.html").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string html = slurp(out / "r.html");
    EXPECT_EQ(count(html, "<script"), 1u);
    EXPECT_EQ(count(html, "<script>alert"), 0u);
    EXPECT_GE(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), 1u);
    EXPECT_GE(count(html, "Zo\xC3\xAB &quot;Z&quot; O&#39;Neil &lt;b&gt;&amp;amp; \\N"), 1u);
    EXPECT_EQ(count(html, "<b>&amp;"), 0u);
}

TEST(Report, WrongRequestsAndBadDataWriteNothing) {
    const TemporaryFolder out("report-errors");
    const auto extension = run_bridgemap({"report", k_example, "--out", (out / "report.pdf").string()});
    EXPECT_EQ(extension.exit_code, 2);
    EXPECT_NE(extension.err.find("ending in .html"), std::string::npos) << extension.err;
    const auto missing = run_bridgemap({"report", k_example});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("--out"), std::string::npos) << missing.err;

    // A report already there stays as it was when the data is invalid.
    write_file(out / "report.html", "the old report");
    const auto invalid = run_bridgemap(
        {"report", std::string(BRIDGEMAP_FIXTURES_DIR) + "/every-problem", "--out", (out / "report.html").string()});
    EXPECT_EQ(invalid.exit_code, 3);
    EXPECT_NE(invalid.err.find("members.csv:"), std::string::npos) << invalid.err;
    EXPECT_EQ(slurp(out / "report.html"), "the old report");
    const auto window =
        run_bridgemap({"report", k_example, "--from", "2019-13", "--out", (out / "report.html").string()});
    EXPECT_EQ(window.exit_code, 2);
    EXPECT_EQ(slurp(out / "report.html"), "the old report");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(out.path())) ++files;
    EXPECT_EQ(files, 1u);  // no temporary file left behind
}

TEST(Report, WindowAndOptionsAreInTheMethod) {
    const TemporaryFolder out("report-window");
    const auto result =
        run_bridgemap({"report", k_example, "--from", "2018", "--until", "2018", "--weights", "events=0.5",
                       "--introductions", "3", "--title", "Better Way 2018", "--out", (out / "r.html").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string html = slurp(out / "r.html");
    EXPECT_NE(html.find("<h1>Better Way 2018:"), std::string::npos);
    EXPECT_NE(html.find("--from 2018 --until 2018 --weights events=0.5 --introductions 3"), std::string::npos);
    EXPECT_NE(html.find("Tie model: a shared event, group or organisation of at most 40 people, or a recorded tie "
                        "(larger settings are exposure, not ties); weights events=0.5, groups=1, orgs=1, ties=1; "
                        "colleague ties only between members active in the window."),
              std::string::npos);
    // One year is no change over time.
    EXPECT_EQ(html.find("<section id=\"trend\""), std::string::npos);
    const auto section = html.substr(html.find("<section id=\"introductions\""));
    EXPECT_LE(count(section.substr(0, section.find("</section>")), "<tr>"), 4u);  // header + at most 3
}

}  // namespace
}  // namespace bridgemap::testing
