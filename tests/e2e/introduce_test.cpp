// bridgemap introduce: the list on stdout, the CSV columns, JSON, the options, the evaluation,
// byte-identical reruns, and exit codes for bad usage and bad input.

#include "support/csv_rows.hpp"
#include "support/run_command.hpp"
#include "support/temporary_files.hpp"

#include <bridgemap/report/html.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <regex>
#include <set>

namespace bridgemap::testing {
namespace {

const std::string k_fixtures = BRIDGEMAP_FIXTURES_DIR;
const std::string k_generated = k_fixtures + "/generated-150";

/// member id → sector, from a network folder's members.csv (sector column, else organisation's).
std::map<std::string, std::string> sectors_of(const std::string& folder) {
    std::map<std::string, std::string> organisation_sector;
    const auto organisations = read_csv(folder + "/organisations.csv");
    for (std::size_t r = 1; r < organisations.size(); ++r)
        organisation_sector[organisations[r][0]] = organisations[r][2];
    std::map<std::string, std::string> sectors;
    const auto members = read_csv(folder + "/members.csv");
    for (std::size_t r = 1; r < members.size(); ++r) {
        sectors[members[r][0]] = !members[r][2].empty() ? members[r][2] : organisation_sector[members[r][3]];
    }
    return sectors;
}

TEST(Introduce, BundledExampleListsTenAndWritesTheCsv) {
    const TemporaryFolder out("introduce-example");
    // By default only members active since 2017-11-26 are suggested: fewer than 10, and it says why.
    const auto active = run_bridgemap({"introduce", BRIDGEMAP_EXAMPLE_DIR});
    ASSERT_EQ(active.exit_code, 0) << active.err;
    EXPECT_NE(active.out.find("16 members not active since 2017-11-26"), std::string::npos) << active.out;
    EXPECT_NE(active.out.find("introductions asked for: stopped by "), std::string::npos) << active.out;
    EXPECT_EQ(active.out.find("10. "), std::string::npos) << active.out;
    const auto result = run_bridgemap(
        {"introduce", BRIDGEMAP_EXAMPLE_DIR, "--include-inactive", "--out", (out / "intro.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find(" 1. "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("10. "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("why: links "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("at most 40 people"), std::string::npos) << result.out;

    const auto rows = read_csv(out / "intro.csv");
    ASSERT_EQ(rows.size(), 11u);
    const std::vector<std::string> first = {"rank",     "member_a",   "member_b", "sector_a",
                                            "sector_b", "introducer", "gain",     "reason"};
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

TEST(Introduce, EmailsPrintoutAndEvent) {
    const TemporaryFolder out("introduce-emails");
    // Give two members an email address: the drafts go to the introducer's.
    const std::string data = (out / "net").string();
    std::filesystem::copy(BRIDGEMAP_EXAMPLE_DIR, data);
    const auto members = read_csv(data + "/members.csv");
    std::string text = "id,name,sector,organisation,email\n";
    for (std::size_t r = 1; r < members.size(); ++r) {
        text += members[r][0] + ",\"" + members[r][1] + "\"," + members[r][2] + "," + members[r][3] + "," +
                members[r][0] + "@example.org\n";
    }
    write_file(data + "/members.csv", text);
    const auto result = run_bridgemap({"introduce", data, "--include-inactive", "--count", "6", "--out",
                                       (out / "list.csv").string(), "--emails", (out / "emails.csv").string(), "--cc",
                                       "me@example.org", "--print", (out / "print.html").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto list = read_csv(out / "list.csv");
    const auto emails = read_csv(out / "emails.csv");
    ASSERT_EQ(emails.size(), list.size());
    ASSERT_EQ(emails[0],
              (std::vector<std::string>{"to", "cc", "subject", "body", "rank", "introducer", "member_a", "member_b"}));
    const std::string html = slurp(out / "print.html");
    for (std::size_t r = 1; r < emails.size(); ++r) {
        // Same rank, same pair, same introducer as the list; addressed to the introducer.
        EXPECT_EQ(emails[r][4], list[r][0]);
        EXPECT_EQ(emails[r][6], list[r][1]);
        EXPECT_EQ(emails[r][7], list[r][2]);
        EXPECT_EQ(emails[r][5], list[r][5]);
        EXPECT_EQ(emails[r][0], list[r][5].empty() ? "" : list[r][5] + "@example.org");
        EXPECT_EQ(emails[r][1], "me@example.org");
        EXPECT_NE(emails[r][2].find(list[r][8]), std::string::npos);  // name_a in the subject
        EXPECT_NE(emails[r][3].find(list[r][9]), std::string::npos);  // name_b in the body
        EXPECT_NE(emails[r][3].find("only once both have said yes"), std::string::npos);
        EXPECT_NE(html.find(report::html_escape(list[r][8])), std::string::npos) << list[r][8];
    }
    EXPECT_NE(html.find("@page { size: A4"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);

    // --event: everyone suggested attended it (e2018-001, 46 people: larger than a setting that
    // ties, so its attendees are not all tied already).
    const auto event =
        run_bridgemap({"introduce", k_generated, "--event", "e2018-001", "--include-inactive", "--format", "json"});
    ASSERT_EQ(event.exit_code, 0) << event.err;
    std::set<std::string> attended;
    for (const auto& row : read_csv(k_generated + "/attendance.csv")) {
        if (row[1] == "e2018-001") attended.insert(row[0]);
    }
    ASSERT_EQ(attended.size(), 46u);
    const auto json = nlohmann::json::parse(event.out);
    ASSERT_FALSE(json["introductions"].empty());
    for (const auto& intro : json["introductions"]) {
        EXPECT_TRUE(attended.contains(intro["member_a"]["id"])) << intro["member_a"]["id"];
        EXPECT_TRUE(attended.contains(intro["member_b"]["id"])) << intro["member_b"]["id"];
    }
    // A date that is not one, and a printout that is not HTML, are usage errors that write nothing.
    const auto bad = run_bridgemap({"introduce", BRIDGEMAP_EXAMPLE_DIR, "--active-since", "31/01/2018"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--active-since \"31/01/2018\": give a date as YYYY-MM-DD"), std::string::npos) << bad.err;
    const auto pdf = run_bridgemap({"introduce", BRIDGEMAP_EXAMPLE_DIR, "--print", (out / "x.pdf").string()});
    EXPECT_EQ(pdf.exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(out / "x.pdf"));
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
    const auto again = run_bridgemap(
        {"introduce", k_generated, "--exclude", (out / "first.csv").string(), "--out", (out / "second.csv").string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    std::set<std::pair<std::string, std::string>> tried;
    for (const auto& row : read_csv(out / "first.csv")) tried.insert(std::minmax(row[1], row[2]));
    const auto second = read_csv(out / "second.csv");
    ASSERT_GT(second.size(), 1u);
    for (std::size_t r = 1; r < second.size(); ++r)
        EXPECT_FALSE(tried.contains(std::minmax(second[r][1], second[r][2])));

    // A plain two-column file without a header works too.
    write_file(out / "plain.csv", second[1][1] + "," + second[1][2] + "\n");
    const auto plain = run_bridgemap(
        {"introduce", k_generated, "--exclude", (out / "plain.csv").string(), "--out", (out / "third.csv").string()});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    for (const auto& row : read_csv(out / "third.csv")) {
        EXPECT_NE(std::minmax(row[1], row[2]), std::minmax(second[1][1], second[1][2]));
    }
}

TEST(Introduce, AcrossCommunitiesAndWindow) {
    const TemporaryFolder out("introduce-communities");
    const auto result = run_bridgemap(
        {"introduce", k_generated, "--across", "community", "--count", "4", "--out", (out / "c.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto rows = read_csv(out / "c.csv");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0][27], "community_a");
    for (std::size_t r = 1; r < rows.size(); ++r) EXPECT_NE(rows[r][27], rows[r][28]);
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

    // Every bad value: exit status 2, the usage line, a message naming the option, nothing written.
    const TemporaryFolder out("introduce-usage");
    const std::string csv = (out / "intro.csv").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
        {{"--count", "0"}, "--count: expected a whole number of 1 or more, not \"0\""},
        {{"--count", "-3"}, "--count: expected a whole number of 1 or more"},
        {{"--count", "ten"}, "--count: expected a whole number of 1 or more"},
        {{"--max-per-member", "-1"}, "--max-per-member: expected a whole number of 0 or more"},
        {{"--max-setting-size", "-5"}, "--max-setting-size: expected a whole number of 0 or more"},
        {{"--between", ",public"}, "--between \",public\": expected two sectors"},
        {{"--between", "public,private,funder"}, "expected two sectors"},
        {{"--between", "public,PUBLIC"}, "name two different sectors"},
        {{"--across", "region"}, "--across"},
        {{"--format", "xml"}, "--format"},
        {{"--from", "2019-13"}, "--from"},
        {{"--exclude", (out / "missing.csv").string()}, "--exclude"},
    };
    for (const auto& [arguments, message] : bad) {
        std::vector<std::string> command = {"introduce", k_generated, "--out", csv};
        command.insert(command.end(), arguments.begin(), arguments.end());
        const auto result = run_bridgemap(command);
        EXPECT_EQ(result.exit_code, 2) << arguments[0] << " " << arguments[1];
        EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("Usage: bridgemap introduce"), std::string::npos) << result.err;
        EXPECT_TRUE(result.out.empty()) << result.out;
        EXPECT_FALSE(std::filesystem::exists(csv)) << arguments[0];
    }
}

TEST(Introduce, BadInputWritesNothing) {
    const TemporaryFolder out("introduce-bad");
    write_file(out / "intro.csv", "left from an earlier run");
    const auto result =
        run_bridgemap({"introduce", k_fixtures + "/every-problem", "--out", (out / "intro.csv").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("every-problem/members.csv:6: error: duplicate member id \"m2\""), std::string::npos)
        << result.err;
    EXPECT_EQ(slurp(out / "intro.csv"), "left from an earlier run");

    // Unknown members in --exclude are input errors, each with its line.
    write_file(out / "exclude.csv", "member_a,member_b\nm00001,m00002\nm00003,nobody\nghost,m00004\n");
    const auto exclude = run_bridgemap(
        {"introduce", k_generated, "--exclude", (out / "exclude.csv").string(), "--out", (out / "intro.csv").string()});
    EXPECT_EQ(exclude.exit_code, 3);
    EXPECT_NE(exclude.err.find("exclude.csv:3: error: unknown member \"nobody\""), std::string::npos) << exclude.err;
    EXPECT_NE(exclude.err.find("exclude.csv:4: error: unknown member \"ghost\""), std::string::npos) << exclude.err;
    EXPECT_EQ(slurp(out / "intro.csv"), "left from an earlier run");
}

// ---------------------------------------------------------------------------------------
// Every stated fact, recomputed from the raw files by plain code that shares nothing with
// bridgemap's own tie model, reach or reason (docs/introductions.md): untied, the options, the
// introducer, what the pair shares, the gains, the before/after reach and the numbers quoted in
// the reason line.

/// A network folder's CSV file as rows of column → value; empty when the file is absent.
std::vector<std::map<std::string, std::string>> table(const std::string& folder, const std::string& file) {
    std::vector<std::map<std::string, std::string>> rows;
    if (!std::filesystem::exists(folder + "/" + file)) return rows;
    const auto cells = read_csv(folder + "/" + file);
    for (std::size_t r = 1; r < cells.size(); ++r) {
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < cells[0].size() && c < cells[r].size(); ++c) row[cells[0][c]] = cells[r][c];
        rows.push_back(std::move(row));
    }
    return rows;
}

using Pair = std::pair<std::string, std::string>;
Pair ordered(const std::string& a, const std::string& b) {
    return a < b ? Pair{a, b} : Pair{b, a};
}

/// Who knows whom for introductions, by hand: settings (events, groups, organisations) of 2 to
/// 40 distinct members add 1/(n − 1) to each pair in them, ties.csv rows their weight (no window).
struct RawNetwork {
    std::vector<std::string> members;                            // in file order
    std::map<std::string, std::string> sector;                   // "" when unknown
    std::map<std::string, std::set<std::string>> events;         // member → events attended
    std::map<std::string, std::set<std::string>> groups;         // member → groups
    std::map<std::string, std::set<std::string>> organisations;  // member → organisations
    std::map<std::string, std::size_t> event_size;               // event → distinct attendees
    std::set<std::string> active;                                // attendance, group membership or ties.csv row
    std::map<Pair, double> weight;
    std::map<std::string, std::set<std::string>> neighbours;
    // The last day of each dated activity, by member: events attended, group memberships
    // (open-ended: "9999-12-31"), dated ties.csv rows. YYYY-MM and YYYY dates end the month/year.
    std::map<std::string, std::vector<std::string>> activity_ends;

    [[nodiscard]] bool active_since(const std::string& member, const std::string& since) const {
        if (!activity_ends.contains(member)) return false;
        const auto& ends = activity_ends.at(member);
        return std::any_of(ends.begin(), ends.end(), [&](const std::string& end) { return end >= since; });
    }

    static std::string end_of(const std::string& date) {
        if (date.size() == 4) return date + "-12-31";
        if (date.size() == 7) return date + "-31";
        return date;
    }

    explicit RawNetwork(const std::string& folder) {
        std::map<std::string, std::string> event_date;
        for (auto& row : table(folder, "events.csv")) event_date[row["id"]] = row["date"];
        std::map<std::string, std::string> organisation_sector;
        for (auto& row : table(folder, "organisations.csv")) organisation_sector[row["id"]] = row["sector"];
        std::map<std::string, std::set<std::string>> settings;  // kind:id → members
        for (auto& row : table(folder, "members.csv")) {
            members.push_back(row["id"]);
            sector[row["id"]] = !row["sector"].empty() ? row["sector"] : organisation_sector[row["organisation"]];
            if (!row["organisation"].empty()) {
                organisations[row["id"]].insert(row["organisation"]);
                settings["o:" + row["organisation"]].insert(row["id"]);
            }
        }
        for (auto& row : table(folder, "affiliations.csv")) {
            organisations[row["member_id"]].insert(row["organisation_id"]);
            settings["o:" + row["organisation_id"]].insert(row["member_id"]);
        }
        for (auto& row : table(folder, "attendance.csv")) {
            events[row["member_id"]].insert(row["event_id"]);
            settings["e:" + row["event_id"]].insert(row["member_id"]);
            active.insert(row["member_id"]);
            const std::string& date = event_date[row["event_id"]];
            if (!date.empty()) activity_ends[row["member_id"]].push_back(end_of(date));
        }
        for (auto& row : table(folder, "group_members.csv")) {
            groups[row["member_id"]].insert(row["group_id"]);
            settings["g:" + row["group_id"]].insert(row["member_id"]);
            active.insert(row["member_id"]);
            activity_ends[row["member_id"]].push_back(row["until"].empty() ? "9999-12-31" : end_of(row["until"]));
        }
        for (const auto& [key, in] : settings) {
            if (key[0] == 'e') event_size[key.substr(2)] = in.size();
            if (in.size() < 2 || in.size() > 40) continue;
            for (const auto& a : in) {
                for (const auto& b : in) {
                    if (a < b) weight[{a, b}] += 1.0 / static_cast<double>(in.size() - 1);
                }
            }
        }
        for (auto& row : table(folder, "ties.csv")) {
            weight[ordered(row["source"], row["target"])] += row["weight"].empty() ? 1.0 : std::stod(row["weight"]);
            active.insert(row["source"]);
            active.insert(row["target"]);
            if (!row["date"].empty()) {
                activity_ends[row["source"]].push_back(end_of(row["date"]));
                activity_ends[row["target"]].push_back(end_of(row["date"]));
            }
        }
        for (const auto& [pair, w] : weight) {
            neighbours[pair.first].insert(pair.second);
            neighbours[pair.second].insert(pair.first);
        }
    }

    [[nodiscard]] bool tied(const std::string& a, const std::string& b) const { return weight.contains(ordered(a, b)); }
    [[nodiscard]] double w(const std::string& a, const std::string& b) const { return weight.at(ordered(a, b)); }
};

/// The sectors' bridging measures with `added` ties on top of the raw network's.
struct RawMeasures {
    double score = 0;
    double reach_two = 0;                 // mean over ordered sector pairs
    std::map<Pair, std::size_t> tied_to;  // (s, t) → members of s with a contact in t
    std::map<std::string, std::size_t> size;
    std::map<std::string, std::set<std::string>> reach;  // member → other sectors within two steps
};

RawMeasures raw_measures(const RawNetwork& network, const std::vector<Pair>& added) {
    // Members and sectors by number, for speed; -1: unknown sector.
    std::map<std::string, int> index;
    for (const auto& id : network.members) index.emplace(id, static_cast<int>(index.size()));
    std::vector<std::string> sectors;
    for (const auto& id : network.members) {
        if (!network.sector.at(id).empty()) sectors.push_back(network.sector.at(id));
    }
    std::sort(sectors.begin(), sectors.end());
    sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
    const std::size_t n = network.members.size();
    const std::size_t groups = sectors.size();
    std::vector<int> sector(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& name = network.sector.at(network.members[i]);
        if (!name.empty())
            sector[i] = static_cast<int>(std::lower_bound(sectors.begin(), sectors.end(), name) - sectors.begin());
    }
    std::vector<std::set<int>> neighbours(n);
    for (const auto& [pair, w] : network.weight) {
        neighbours[index.at(pair.first)].insert(index.at(pair.second));
        neighbours[index.at(pair.second)].insert(index.at(pair.first));
    }
    for (const auto& [a, b] : added) {
        neighbours[index.at(a)].insert(index.at(b));
        neighbours[index.at(b)].insert(index.at(a));
    }

    RawMeasures measures;
    std::vector<double> size(groups, 0.0);
    std::vector<double> depth(groups * groups, 0.0);
    std::vector<double> two(groups * groups, 0.0);
    std::vector<std::size_t> tied(groups * groups, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const int s = sector[i];
        if (s < 0) continue;
        ++size[s];
        std::vector<int> contacts(groups, 0);
        std::vector<bool> within_two(groups, false);
        for (const int y : neighbours[i]) {
            if (sector[y] >= 0) ++contacts[sector[y]], within_two[sector[y]] = true;
            for (const int z : neighbours[y]) {
                if (sector[z] >= 0) within_two[sector[z]] = true;
            }
        }
        for (std::size_t t = 0; t < groups; ++t) {
            if (within_two[t] && static_cast<int>(t) != s) measures.reach[network.members[i]].insert(sectors[t]);
            depth[s * groups + t] += 1.0 - std::pow(2.0, -contacts[t]);  // the first contact 1/2, the second 1/4, ...
            two[s * groups + t] += within_two[t] ? 1.0 : 0.0;
            tied[s * groups + t] += contacts[t] > 0 ? 1 : 0;
        }
    }
    const auto phi = [](double x) { return 1.0 - (1.0 - x) * (1.0 - x); };
    double total = 0;
    std::size_t pairs = 0;
    for (std::size_t s = 0; s < groups; ++s) {
        measures.size[sectors[s]] = static_cast<std::size_t>(size[s]);
        for (std::size_t t = 0; t < groups; ++t) {
            if (s == t) continue;
            total += (phi(depth[s * groups + t] / size[s]) + phi(two[s * groups + t] / size[s])) / 2.0;
            measures.reach_two += two[s * groups + t] / size[s];
            measures.tied_to[Pair(sectors[s], sectors[t])] = tied[s * groups + t];
            ++pairs;
        }
    }
    measures.score = 100.0 * total / static_cast<double>(pairs);
    measures.reach_two /= static_cast<double>(pairs);
    return measures;
}

std::set<std::string> json_ids(const nlohmann::json& items) {
    std::set<std::string> ids;
    for (const auto& item : items)
        ids.insert(item.is_string() ? item.get<std::string>() : item["id"].get<std::string>());
    return ids;
}

template <class T>
std::set<T> intersection(const std::set<T>& a, const std::set<T>& b) {
    std::set<T> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.begin()));
    return both;
}

/// Runs `introduce FOLDER --format json ARGUMENTS` and checks every recommendation against
/// RawNetwork. Returns how many introductions were listed.
std::size_t expect_true_to_the_raw_files(const std::string& folder, const std::vector<std::string>& arguments,
                                         const std::set<Pair>& excluded = {},
                                         const std::filesystem::path& keep_csv = {}) {
    const TemporaryFolder out("introduce-raw-check");
    std::vector<std::string> command = {
        "introduce", folder, "--format", "json", "--evaluate", "--out", (out / "list.csv").string()};
    command.insert(command.end(), arguments.begin(), arguments.end());
    const auto result = run_bridgemap(command);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    if (result.exit_code != 0) return 0;
    const auto json = nlohmann::json::parse(result.out);
    // The CSV file says what the JSON says (SPEC §4's columns first).
    const auto rows = read_csv(out / "list.csv");
    if (!keep_csv.empty()) std::filesystem::copy_file(out / "list.csv", keep_csv);
    EXPECT_EQ(rows.size(), json["introductions"].size() + 1);
    for (std::size_t r = 1; r < rows.size() && r <= json["introductions"].size(); ++r) {
        const auto& intro = json["introductions"][r - 1];
        const std::vector<std::string> expected = {
            std::to_string(r),
            intro["member_a"]["id"],
            intro["member_b"]["id"],
            intro["member_a"]["sector"],
            intro["member_b"]["sector"],
            intro["introducer"].is_null() ? "" : intro["introducer"]["id"].get<std::string>()};
        EXPECT_EQ(std::vector<std::string>(rows[r].begin(), rows[r].begin() + 6), expected);
        EXPECT_NEAR(std::stod(rows[r][6]), intro["gain"].get<double>(), 1e-11 * intro["gain"].get<double>());
        EXPECT_EQ(rows[r][7], intro["reason"]);
    }
    const auto& settings = json["settings"];
    const RawNetwork network(folder);
    const std::size_t cap = settings["max_per_member"];
    const bool warm_only = settings["warm_only"];
    const bool include_inactive = settings["include_inactive"];
    const std::size_t per_introducer = settings["max_per_introducer"];
    const std::string since =
        settings["active_since"].is_null() ? std::string() : std::string(settings["active_since"]);
    std::map<std::string, std::size_t> asked;
    // Who may introduce: active (since the day, when there is one) and asked fewer times than the cap.
    const auto may_introduce = [&](const std::string& i) {
        const bool active = since.empty() ? network.active.contains(i) : network.active_since(i, since);
        return active && (per_introducer == 0 || asked[i] < per_introducer);
    };
    std::set<std::string> between;
    if (!settings["between"].is_null()) between = {settings["between"][0], settings["between"][1]};

    const RawMeasures before = raw_measures(network, {});
    EXPECT_NEAR(json["before"]["score"].get<double>(), before.score, 1e-9);
    EXPECT_NEAR(json["before"]["reach_within_two_steps"].get<double>(), before.reach_two, 1e-12);

    std::vector<Pair> added;
    std::map<std::string, std::size_t> picks;
    RawMeasures current = before;
    const std::regex thin(
        R"(^links (\S+) to (\S+)(, where (only )?(\d+) of (\d+) \S+ members (has|have) a tie to the \S+ sector|, where none of the (\d+) \S+ members has a tie to the \S+ sector)?;)");
    const std::regex room(R"(; both were at (.+) \(([0-9-]+, )?(\d+) people\))");
    // A lambda returning void, so that ASSERT can end the check of one introduction.
    const auto check = [&](const nlohmann::json& intro) {
        const std::string a = intro["member_a"]["id"];
        const std::string b = intro["member_b"]["id"];
        SCOPED_TRACE(folder + " " + ::testing::PrintToString(arguments) + " rank " + intro["rank"].dump() + ": " + a +
                     " and " + b);
        // The pair and the options.
        const std::string& sa = network.sector.at(a);
        const std::string& sb = network.sector.at(b);
        EXPECT_EQ(intro["member_a"]["sector"], sa);
        EXPECT_EQ(intro["member_b"]["sector"], sb);
        EXPECT_FALSE(sa.empty());
        EXPECT_FALSE(sb.empty());
        EXPECT_NE(sa, sb);
        EXPECT_FALSE(network.tied(a, b));
        EXPECT_TRUE(network.active.contains(a) && network.active.contains(b));
        if (!since.empty() && !include_inactive) {
            EXPECT_TRUE(network.active_since(a, since)) << a;
            EXPECT_TRUE(network.active_since(b, since)) << b;
        }
        EXPECT_FALSE(std::find(added.begin(), added.end(), ordered(a, b)) != added.end());
        EXPECT_FALSE(excluded.contains(ordered(a, b)));
        if (!between.empty()) {
            EXPECT_EQ((std::set<std::string>{sa, sb}), between);
        }
        if (cap > 0) {
            EXPECT_LE(++picks[a], cap);
            EXPECT_LE(++picks[b], cap);
        }

        // The introducer: a mutual contact who may introduce, none stronger (the weaker of its two ties).
        double strongest = -1;
        for (const auto& i :
             intersection(network.neighbours.count(a) ? network.neighbours.at(a) : std::set<std::string>{},
                          network.neighbours.count(b) ? network.neighbours.at(b) : std::set<std::string>{})) {
            if (may_introduce(i)) strongest = std::max(strongest, std::min(network.w(a, i), network.w(i, b)));
        }
        if (strongest < 0) {
            EXPECT_TRUE(intro["introducer"].is_null());
            EXPECT_FALSE(warm_only);
        } else {
            ASSERT_FALSE(intro["introducer"].is_null());
            const std::string i = intro["introducer"]["id"];
            ASSERT_TRUE(network.tied(a, i) && network.tied(i, b)) << i;
            EXPECT_TRUE(may_introduce(i)) << i;
            ++asked[i];
            EXPECT_NEAR(std::min(network.w(a, i), network.w(i, b)), strongest, 1e-12) << i;
            EXPECT_NEAR(intro["introducer"]["tie_weight"].get<double>(), strongest, 1e-12);
        }

        // What they share.
        const auto shared_of = [](const auto& by_member, const std::string& x, const std::string& y) {
            const std::set<std::string> none;
            return intersection(by_member.count(x) ? by_member.at(x) : none,
                                by_member.count(y) ? by_member.at(y) : none);
        };
        EXPECT_EQ(json_ids(intro["shared"]["events"]), shared_of(network.events, a, b));
        EXPECT_EQ(json_ids(intro["shared"]["groups"]), shared_of(network.groups, a, b));
        EXPECT_EQ(json_ids(intro["shared"]["organisations"]), shared_of(network.organisations, a, b));

        // The reason: the thin sector pair's numbers before this introduction, and the room.
        const std::string reason = intro["reason"];
        std::smatch match;
        ASSERT_TRUE(std::regex_search(reason, match, thin)) << reason;
        EXPECT_EQ((std::set<std::string>{match[1], match[2]}), (std::set<std::string>{sa, sb})) << reason;
        const std::string from = match[1];
        const std::string to = match[2];
        const std::size_t tied = current.tied_to[Pair(from, to)];
        const std::size_t size = current.size[from];
        const double share_from = static_cast<double>(tied) / static_cast<double>(size);
        const double share_to =
            static_cast<double>(current.tied_to[Pair(to, from)]) / static_cast<double>(current.size[to]);
        EXPECT_LE(share_from, share_to) << reason;  // the weaker direction is quoted
        if (match[5].matched) {
            EXPECT_EQ(std::stoul(match[5]), tied) << reason;
            EXPECT_EQ(std::stoul(match[6]), size) << reason;
            EXPECT_EQ(match[4].matched, 2 * tied < size) << reason;
            EXPECT_EQ(match[7] == "has", tied == 1) << reason;
        } else if (match[8].matched) {
            EXPECT_EQ(tied, 0u) << reason;
            EXPECT_EQ(std::stoul(match[8]), size) << reason;
        } else {
            EXPECT_EQ(tied, size) << reason;
        }
        if (std::regex_search(reason, match, room)) {
            ASSERT_FALSE(intro["shared"]["events"].empty());
            const auto& last = intro["shared"]["events"].back();
            EXPECT_EQ(match[1], last["name"].get<std::string>()) << reason;
            EXPECT_EQ(std::stoul(match[3]), network.event_size.at(last["id"])) << reason;
        } else {
            EXPECT_TRUE(intro["shared"]["events"].empty()) << reason;
        }

        // The gain: the score with this introduction minus the score without it.
        added.push_back(ordered(a, b));
        const RawMeasures after = raw_measures(network, added);

        // "brings A within two steps of 3 more sectors [and B of 1 more sector]", or "N of their
        // contacts gain a two-step route to the other's sector".
        const std::set<std::string> nothing;
        const auto reach = [&](const RawMeasures& measures, const std::string& x) -> const std::set<std::string>& {
            const auto found = measures.reach.find(x);
            return found == measures.reach.end() ? nothing : found->second;
        };
        const auto newly = [&](const std::string& x) { return reach(after, x).size() - reach(current, x).size(); };
        std::size_t gaining = 0;  // contacts of a or b who newly reach a sector
        for (const auto& [member, sectors] : after.reach) {
            if (member != a && member != b && sectors.size() > reach(current, member).size()) ++gaining;
        }
        const std::regex brings(
            R"(; brings (.+?) within two steps of (\d+) more sectors?( and (.+?) of (\d+) more sectors?)?;)");
        const std::regex contacts(R"(; (\d+) of their contacts (gains|gain) a two-step route)");
        if (std::regex_search(reason, match, brings)) {
            const bool first_is_a = match[1] == intro["member_a"]["name"].get<std::string>();
            EXPECT_EQ(std::stoul(match[2]), newly(first_is_a ? a : b)) << reason;
            if (match[3].matched) {
                EXPECT_EQ(std::stoul(match[5]), newly(first_is_a ? b : a)) << reason;
            } else {
                EXPECT_EQ(newly(first_is_a ? b : a), 0u) << reason;
            }
        } else if (std::regex_search(reason, match, contacts)) {
            EXPECT_EQ(newly(a) + newly(b), 0u) << reason;
            EXPECT_EQ(std::stoul(match[1]), gaining) << reason;
            EXPECT_EQ(match[2] == "gains", gaining == 1) << reason;
        } else {
            EXPECT_EQ(newly(a) + newly(b) + gaining, 0u) << reason;
        }
        EXPECT_NEAR(intro["gain"].get<double>(), after.score - current.score, 1e-9);
        EXPECT_GT(intro["gain"].get<double>(), 0.0);
        current = after;
    };
    for (const auto& intro : json["introductions"]) check(intro);
    EXPECT_NEAR(json["after"]["score"].get<double>(), current.score, 1e-9);
    EXPECT_NEAR(json["after"]["reach_within_two_steps"].get<double>(), current.reach_two, 1e-12);
    EXPECT_NEAR(json["evaluation"]["recommended"]["reach_within_two_steps"].get<double>(), current.reach_two, 1e-12);
    return json["introductions"].size();
}

TEST(Introduce, EveryStatedFactHoldsInTheRawFiles) {
    const std::string example = BRIDGEMAP_EXAMPLE_DIR;
    EXPECT_EQ(expect_true_to_the_raw_files(example, {"--include-inactive"}), 10u);
    EXPECT_GT(expect_true_to_the_raw_files(example, {}), 0u);
    EXPECT_EQ(expect_true_to_the_raw_files(
                  example, {"--count", "6", "--warm-only", "--max-per-member", "1", "--include-inactive"}),
              6u);
    EXPECT_GT(expect_true_to_the_raw_files(example, {"--max-per-introducer", "1", "--region", "any"}), 0u);
    EXPECT_GT(expect_true_to_the_raw_files(example, {"--between", "public,grassroots", "--max-per-member", "0"}), 0u);
    EXPECT_EQ(expect_true_to_the_raw_files(k_generated, {}), 10u);
    EXPECT_EQ(expect_true_to_the_raw_files(k_generated, {"--count", "15", "--max-per-member", "1", "--warm-only"}),
              15u);
    EXPECT_GT(expect_true_to_the_raw_files(k_generated, {"--between", "public,grassroots", "--count", "5"}), 0u);

    // A freshly generated network of 500 members, and a list given back as --exclude.
    const TemporaryFolder out("introduce-raw");
    const std::string generated = (out / "net").string();
    ASSERT_EQ(run_bridgemap({"generate", "--members", "500", "--seed", "11", "--out", generated}).exit_code, 0);
    EXPECT_EQ(expect_true_to_the_raw_files(generated, {"--count", "12"}, {}, out / "first.csv"), 12u);
    std::set<Pair> tried;
    const auto first = read_csv(out / "first.csv");
    for (std::size_t r = 1; r < first.size(); ++r) tried.insert(ordered(first[r][1], first[r][2]));
    ASSERT_EQ(tried.size(), 12u);
    EXPECT_EQ(
        expect_true_to_the_raw_files(generated, {"--count", "12", "--exclude", (out / "first.csv").string()}, tried),
        12u);
    EXPECT_EQ(expect_true_to_the_raw_files(generated, {"--warm-only", "--max-per-member", "3"}), 10u);
}

}  // namespace
}  // namespace bridgemap::testing
