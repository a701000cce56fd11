// bridgemap seat: the plan a convenor prints, its CSV and JSON, the member files, and the
// exit codes for unknown events, bad member files and impossible requests.

#include "support/run_command.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace bridgemap::testing {
namespace {

const std::string k_example = BRIDGEMAP_EXAMPLE_DIR;

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// The rows of a plan CSV: member_id → (round, table) for each row, in order.
struct PlanRow {
    std::string member;
    int round = 0;
    int table = 0;
};

std::vector<PlanRow> read_plan(const std::filesystem::path& path, std::string* header = nullptr) {
    std::istringstream in(slurp(path));
    std::string line;
    std::getline(in, line);
    if (header != nullptr) *header = line;
    std::vector<PlanRow> rows;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        PlanRow row;
        std::string round;
        std::string table;
        std::getline(fields, row.member, ',');
        std::getline(fields, round, ',');
        std::getline(fields, table, ',');
        row.round = std::stoi(round);
        row.table = std::stoi(table);
        rows.push_back(row);
    }
    return rows;
}

TEST(Seat, ExampleGatheringPrintsThePlanAndWritesTheCsv) {
    TemporaryFolder folder("seat-example");
    const auto result = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--size", "6", "--rounds",
                                       "2", "--out", (folder / "plan.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* text :
         {"Seating plan for \"Better Way national gathering workshop\"", "36 people at 6 tables of 6",
          "Rounds and tables are numbered from 1", "Ties counted: those formed before 2018-07-04",
          "New cross-sector pairs", "random seating", "upper bound", "Round 1", "Round 2", "  Table 6: 6 people"}) {
        EXPECT_NE(result.out.find(text), std::string::npos) << text << "\n" << result.out;
    }
    std::string header;
    const auto rows = read_plan(folder / "plan.csv", &header);
    EXPECT_EQ(header.rfind("member_id,round,table,", 0), 0u) << header;
    ASSERT_EQ(rows.size(), 72u);
    std::map<int, std::set<std::string>> seated;  // round → members
    std::map<std::pair<int, int>, int> at_table;
    for (const auto& row : rows) {
        EXPECT_TRUE(seated[row.round].insert(row.member).second) << row.member << " twice in round " << row.round;
        EXPECT_GE(row.table, 1);
        EXPECT_LE(row.table, 6);
        ++at_table[{row.round, row.table}];
    }
    EXPECT_EQ(seated.size(), 2u);
    EXPECT_EQ(seated[1], seated[2]);
    for (const auto& [key, count] : at_table) EXPECT_EQ(count, 6);
}

TEST(Seat, SameInputSameBytes) {
    TemporaryFolder folder("seat-repeat");
    const std::vector<std::string> arguments = {
        "seat", k_example, "--event", "gathering-2018-07", "--tables", "7", "--rounds", "2", "--seed", "4"};
    auto first_arguments = arguments;
    first_arguments.insert(first_arguments.end(),
                           {"--out", (folder / "a.csv").string(), "--print", (folder / "a.html").string()});
    auto second_arguments = arguments;
    second_arguments.insert(second_arguments.end(),
                            {"--out", (folder / "b.csv").string(), "--print", (folder / "b.html").string()});
    const auto first = run_bridgemap(first_arguments);
    const auto second = run_bridgemap(second_arguments);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(slurp(folder / "a.csv"), slurp(folder / "b.csv"));
    EXPECT_EQ(slurp(folder / "a.html"), slurp(folder / "b.html"));
    // The printed plan is the same too, up to the line naming the CSV file.
    EXPECT_EQ(first.out.substr(0, first.out.find("\nWrote ")), second.out.substr(0, second.out.find("\nWrote ")));
}

TEST(Seat, JsonHasThePlanAndTheFigures) {
    const auto result =
        run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["event"]["id"], "gathering-2018-07");
    EXPECT_EQ(json["people"], 36);
    EXPECT_EQ(json["table_sizes"].size(), 6u);
    for (const char* figure : {"new_cross_sector_pairs", "objective"}) {
        EXPECT_LE(json[figure]["plan"].get<double>(), json[figure]["upper_bound"].get<double>() + 1e-6) << figure;
        EXPECT_TRUE(json[figure].contains("random")) << figure;
    }
    ASSERT_EQ(json["plan"].size(), 1u);
    std::size_t people = 0;
    std::size_t pairs = 0;
    for (const auto& table : json["plan"][0]["tables"]) {
        people += table["members"].size();
        pairs += table["new_cross_sector_pairs"].size();
    }
    EXPECT_EQ(people, 36u);
    EXPECT_EQ(pairs, json["new_cross_sector_pairs"]["plan"].get<std::size_t>());
}

TEST(Seat, MemberFilesHostsKeepApartAndKeepTogether) {
    TemporaryFolder folder("seat-files");
    write(folder / "people.csv",
          "member_id\nlynne-berry\njulie-bishop\ngeraldine-blake\nrichard-bridge\npaul-buddery\nnicola-butler\n"
          "rhys-davies\nfrances-duncan\ngraeme-duncan\nkathy-evans\nmartyn-evans\ncolin-falconer\n");
    write(folder / "hosts.csv", "member_id\nlynne-berry\njulie-bishop\n");
    write(folder / "apart.csv", "geraldine-blake,richard-bridge,paul-buddery\n");
    write(folder / "together.csv", "nicola-butler,rhys-davies\nandy-gregg,frances-duncan\n");  // andy-gregg: not seated
    const auto result =
        run_bridgemap({"seat", k_example, "--members", (folder / "people.csv").string(), "--tables", "4", "--rounds",
                       "2", "--hosts", (folder / "hosts.csv").string(), "--keep-apart", (folder / "apart.csv").string(),
                       "--keep-together", (folder / "together.csv").string(), "--out", (folder / "plan.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("together.csv:2: warning: \"andy-gregg\" is not among the people to seat; left out"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.out.find("2 hosts head tables 1-2 and stay there every round.\n2 hosts for 4 tables: tables 3-4 "
                              "have no host; to give every table one, pass --hosts FILE"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.err.find("note: 2 hosts for 4 tables: tables 3-4 have no host"), std::string::npos) << result.err;
    std::map<int, std::map<std::string, int>> table;  // round → member → table
    for (const auto& row : read_plan(folder / "plan.csv")) table[row.round][row.member] = row.table;
    ASSERT_EQ(table.size(), 2u);
    for (auto& [round, of] : table) {
        EXPECT_EQ(of.size(), 12u);
        EXPECT_EQ(of["lynne-berry"], 1);
        EXPECT_EQ(of["julie-bishop"], 2);
        EXPECT_EQ(of["nicola-butler"], of["rhys-davies"]);
        EXPECT_NE(of["geraldine-blake"], of["richard-bridge"]);
        EXPECT_NE(of["geraldine-blake"], of["paul-buddery"]);
        EXPECT_NE(of["richard-bridge"], of["paul-buddery"]);
    }
}

TEST(Seat, UnknownEventAndMissingLayoutAreUsageErrors) {
    const auto unknown = run_bridgemap({"seat", k_example, "--event", "no-such-event", "--tables", "3"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("unknown event \"no-such-event\""), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("Usage: bridgemap seat"), std::string::npos) << unknown.err;

    const auto layout = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07"});
    EXPECT_EQ(layout.exit_code, 2);
    EXPECT_NE(layout.err.find("--tables T, --size S or --sizes LIST"), std::string::npos) << layout.err;

    const auto who = run_bridgemap({"seat", k_example, "--tables", "3"});
    EXPECT_EQ(who.exit_code, 2);
    EXPECT_NE(who.err.find("--event ID"), std::string::npos) << who.err;

    const auto sizes = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--sizes", "8,x"});
    EXPECT_EQ(sizes.exit_code, 2);
    EXPECT_NE(sizes.err.find("\"x\" is not a number of seats"), std::string::npos) << sizes.err;
}

TEST(Seat, UnknownMembersInAFileAreDataErrors) {
    TemporaryFolder folder("seat-unknown");
    write(folder / "hosts.csv", "member_id\nlynne-berry\nnobody\n\"also, nobody\"\n");
    const auto result = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--hosts",
                                       (folder / "hosts.csv").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find((folder / "hosts.csv").string() + ":3: error: unknown member \"nobody\""),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(":4: error: unknown member \"also, nobody\""), std::string::npos) << result.err;
}

TEST(Seat, EventAndMemberListsByNameGiveThePlanOfTheIds) {
    TemporaryFolder folder("seat-names");
    write(folder / "ids.csv", "member_id\ngeraldine-blake\nkathy-evans\n");
    write(folder / "names.csv", "member\nGeraldine Blake\nkathy EVANS\n");
    const auto plan = [&](const char* event, const char* hosts) {
        return run_bridgemap({"seat", k_example, "--event", event, "--tables", "6", "--hosts",
                              (folder / hosts).string(), "--format", "json"});
    };
    const auto by_id = plan("gathering-2018-07", "ids.csv");
    const auto by_name = plan("Better Way national gathering workshop", "names.csv");
    ASSERT_EQ(by_id.exit_code, 0) << by_id.err;
    ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
    EXPECT_EQ(by_name.out, by_id.out);
    write(folder / "typo.csv", "member\nGeraldine Blak\n");
    const auto typo = plan("gathering-2018-07", "typo.csv");
    EXPECT_EQ(typo.exit_code, 3);
    EXPECT_NE(typo.err.find("typo.csv:2: error: unknown member \"Geraldine Blak\"; did you mean \"Geraldine "
                            "Blake\" (geraldine-blake)?"),
              std::string::npos)
        << typo.err;
}

TEST(Seat, ImpossibleRequestsSayWhichConstraintAndWriteNothing) {
    TemporaryFolder folder("seat-impossible");
    write(folder / "hosts.csv", "lynne-berry\njulie-bishop\ngeraldine-blake\nrichard-bridge\n");
    const auto hosts = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "3", "--hosts",
                                      (folder / "hosts.csv").string(), "--out", (folder / "plan.csv").string()});
    EXPECT_EQ(hosts.exit_code, 2);
    EXPECT_NE(hosts.err.find("4 hosts but only 3 tables"), std::string::npos) << hosts.err;
    EXPECT_FALSE(std::filesystem::exists(folder / "plan.csv"));

    write(folder / "together.csv", "lynne-berry,julie-bishop,geraldine-blake,richard-bridge\n");
    const auto together = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--size", "3",
                                         "--keep-together", (folder / "together.csv").string()});
    EXPECT_EQ(together.exit_code, 2);
    EXPECT_NE(together.err.find("has 4 people, but the largest table seats 3"), std::string::npos) << together.err;

    write(folder / "both.csv", "lynne-berry,julie-bishop\n");
    const auto both = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--keep-apart",
                                     (folder / "both.csv").string(), "--keep-together", (folder / "both.csv").string(),
                                     "--out", (folder / "plan.csv").string(), "--map", (folder / "maps").string()});
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_NE(both.err.find("\"lynne-berry\" and \"julie-bishop\" are both kept apart and kept together"),
              std::string::npos)
        << both.err;

    // 17 of the 36 are voluntary: at most 2 per table of 6 tables is 12.
    const auto cap =
        run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--max-per-sector", "2",
                       "--out", (folder / "plan.csv").string(), "--map", (folder / "maps").string()});
    EXPECT_EQ(cap.exit_code, 2);
    EXPECT_NE(cap.err.find("--max-per-sector 2: 17 people of voluntary do not fit at 6 tables"), std::string::npos)
        << cap.err;
    EXPECT_FALSE(std::filesystem::exists(folder / "plan.csv"));
    EXPECT_FALSE(std::filesystem::exists(folder / "maps"));

    const auto rounds =
        run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "2", "--rounds", "2"});
    EXPECT_EQ(rounds.exit_code, 2);
    EXPECT_NE(rounds.err.find("a table of 18 needs people from 18 different tables"), std::string::npos) << rounds.err;
}

TEST(Seat, MaxSettingSizeLeavesLargeRoomsOut) {
    // Large settings (the 2017 gathering, the 31-person dinner the night before) tie many of the
    // attendees weakly; counting only settings of at most 10 people, fewer pairs have met.
    const auto all = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--format",
                                    "json", "--max-setting-size", "0"});
    const auto small = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--format",
                                      "json", "--max-setting-size", "10"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    ASSERT_EQ(small.exit_code, 0) << small.err;
    const auto a = nlohmann::json::parse(all.out);
    const auto b = nlohmann::json::parse(small.out);
    EXPECT_EQ(a["tie_model"]["max_setting_size"], 0);
    EXPECT_EQ(b["tie_model"]["max_setting_size"], 10);
    // 34 and 72 (every cross-sector pair the sectors allow) with seed 1.
    EXPECT_GT(b["new_cross_sector_pairs"]["plan"].get<double>(), a["new_cross_sector_pairs"]["plan"].get<double>());
    EXPECT_GT(b["new_cross_sector_pairs"]["random"].get<double>(), a["new_cross_sector_pairs"]["random"].get<double>());
    const auto text =
        run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--max-setting-size", "10"});
    EXPECT_NE(text.out.find("\nTie model: a shared event, group or organisation of at most 10 people, or a recorded "
                            "tie (larger settings are exposure, not ties)"),
              std::string::npos)
        << text.out;
    // The default is the one tie model of every command: settings of at most 40 people.
    const auto default_model =
        run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--format", "json"});
    ASSERT_EQ(default_model.exit_code, 0) << default_model.err;
    EXPECT_EQ(nlohmann::json::parse(default_model.out)["tie_model"]["max_setting_size"], 40);
}

TEST(Seat, MapDrawsEveryTableOfEveryRound) {
    TemporaryFolder folder("seat-map");
    const auto result = run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--tables", "6", "--rounds",
                                       "2", "--map", (folder / "maps").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* name : {"round-1-table-1.svg", "round-1-table-6.svg", "round-2-table-6.svg", "index.html"}) {
        EXPECT_TRUE(std::filesystem::exists(folder / "maps" / name)) << name;
    }
    EXPECT_NE(slurp(folder / "maps" / "round-2-table-3.svg").find("<svg"), std::string::npos);
    EXPECT_NE(slurp(folder / "maps" / "index.html").find("round-2-table-3.svg"), std::string::npos);
    // 2 rounds of 6 tables: 12 maps and the index, nothing else; the index shows each map once.
    std::size_t svgs = 0;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder / "maps")) {
        ++files;
        svgs += entry.path().extension() == ".svg" ? 1 : 0;
    }
    EXPECT_EQ(svgs, 12u);
    EXPECT_EQ(files, 13u);
    const std::string index = slurp(folder / "maps" / "index.html");
    std::size_t shown = 0;
    for (auto at = index.find(".svg\""); at != std::string::npos; at = index.find(".svg\"", at + 1)) ++shown;
    EXPECT_EQ(shown, 12u) << index;
}

/// The largest gathering of a generated network folder (the most attendance rows; the latest
/// among equals), as bench/common.sh's largest_gathering finds it.
std::string largest_gathering(const std::filesystem::path& folder) {
    std::map<std::string, std::size_t> attendance;
    std::istringstream rows(slurp(folder / "attendance.csv"));
    std::string line;
    std::getline(rows, line);
    while (std::getline(rows, line))
        ++attendance[line.substr(line.find(',') + 1, line.find(',', line.find(',') + 1) - line.find(',') - 1)];
    std::istringstream events(slurp(folder / "events.csv"));
    std::getline(events, line);
    std::tuple<std::size_t, std::string, std::string> best;
    while (std::getline(events, line)) {
        std::vector<std::string> fields;
        std::istringstream in(line);
        for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
        if (fields.size() >= 4 && fields[3] == "gathering")
            best = std::max(best, {attendance[fields[0]], fields[2], fields[0]});
    }
    return std::get<2>(best);
}

TEST(Seat, FairSpreadOnTheLargestGatheringsOfGeneratedNetworks) {
    // Issue 18: generated 1,100-member networks (seeds 1-3) at their largest gathering, 30 tables,
    // 3 rounds. No table holds more than ceil(u/30) of the u people of unknown sector, nor more
    // than ceil(c_s · size / n) + 1 of a sector s, and the plan still makes at least 1.2 times the
    // new cross-sector pairs of random seating.
    for (const int seed : {1, 2, 3}) {
        TemporaryFolder folder("seat-fair-" + std::to_string(seed));
        const auto made = run_bridgemap(
            {"generate", "--members", "1100", "--seed", std::to_string(seed), "--out", (folder / "net").string()});
        ASSERT_EQ(made.exit_code, 0) << made.err;
        const std::string event = largest_gathering(folder / "net");
        const auto result = run_bridgemap({"seat", (folder / "net").string(), "--event", event, "--tables", "30",
                                           "--rounds", "3", "--format", "json"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const auto json = nlohmann::json::parse(result.out);
        const std::size_t n = json["people"];
        std::map<std::string, std::size_t> count;
        for (const auto& table : json["plan"][0]["tables"]) {
            for (const auto& member : table["members"]) ++count[member["sector"]];
        }
        ASSERT_GT(count["unknown"], 1u) << "seed " << seed;
        const std::size_t unknown_cap = (count["unknown"] + 29) / 30;
        for (const auto& round : json["plan"]) {
            for (const auto& table : round["tables"]) {
                std::map<std::string, std::size_t> at;
                for (const auto& member : table["members"]) ++at[member["sector"]];
                const std::size_t size = table["members"].size();
                EXPECT_LE(at["unknown"], unknown_cap) << "seed " << seed << " round " << round["round"];
                for (const auto& [sector, people] : at) {
                    if (sector == "unknown") continue;
                    EXPECT_LE(people, (count[sector] * size + n - 1) / n + 1)
                        << "seed " << seed << " round " << round["round"] << " table " << table["table"] << " "
                        << sector;
                }
            }
        }
        EXPECT_TRUE(json["fair_spread"]["kept"].get<bool>()) << "seed " << seed;
        EXPECT_GE(json["new_cross_sector_pairs"]["plan"].get<double>(),
                  1.2 * json["new_cross_sector_pairs"]["random"].get<double>())
            << "seed " << seed;
        // Fewer hosts than tables is said, with how to add them.
        EXPECT_NE(result.err.find("note: "), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("--hosts FILE"), std::string::npos) << result.err;
        EXPECT_EQ(json["hosts"]["tables_without_host"].get<std::size_t>(),
                  30 - json["hosts"]["count"].get<std::size_t>());
    }
}

}  // namespace
}  // namespace bridgemap::testing
