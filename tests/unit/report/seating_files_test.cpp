// What `bridgemap seat` writes, on a small plan built by hand: the layout per table, the
// text printout, the CSV, the JSON and the HTML index of the table maps.

#include <bridgemap/report/seating_files.hpp>

#include <bridgemap/model/window.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bridgemap::report {
namespace {

Member member(std::string id, std::string name, OrganisationIndex organisation = k_none) {
    Member m;
    m.id = std::move(id);
    m.name = std::move(name);
    m.organisation = organisation;
    return m;
}

/// Four people seated at two tables of two over two rounds. Member 0 is not seated, so
/// person p is member p + 1: Zoë (arts, hosts table 1), Bø (business), m-cy (no name, arts)
/// and Di "Dee" (business). Bø and m-cy were tied before; every other pair of different
/// sectors is new.
struct Fixture {
    Network network;
    SeatingProblem problem;
    SeatingPlan plan;

    Fixture() {
        network.organisations.push_back({"o-arts", "Arts & Co", "", k_unknown_sector});
        network.organisations.push_back({"o-civ", "\u5E02\u6C11\u4F1A", "", k_unknown_sector});  // 市民会
        network.members = {member("m-out", "Not seated"), member("m-zoe", "Zo\u00EB", 0), member("m-bo", "B\u00F8"),
                           member("m-cy", "", 1), member("m-di", "Di \"Dee\"")};
        Event event;
        event.id = "e1";
        event.name = "Tom's \"Spring\" <Gala> & more";
        event.date_text = "2018-03-01";
        event.date = parse_date(event.date_text);
        network.events.push_back(event);

        problem = SeatingProblem{.people = {1, 2, 3, 4},
                                 .labels = {"m-zoe", "m-bo", "m-cy", "m-di"},
                                 .sectors = {0, 1, 0, 1},
                                 .sector_names = {"arts", "business"},
                                 .communities = {0, 0, 0, 0},
                                 .table_sizes = {2, 2},
                                 .rounds = 2,
                                 .hosts = {0},
                                 .keep_apart = {},
                                 .keep_together = {},
                                 .max_per_sector = 0,
                                 .strong_tie_weight = 2.5,
                                 .values = PairValues(4, 0.1)};
        problem.values.set(0, 1, 1.0, PairValues::cross_sector);
        problem.values.set(0, 2, 0.0, PairValues::same_sector);
        problem.values.set(0, 3, 1.0, PairValues::cross_sector);
        problem.values.set(1, 2, 0.5, PairValues::cross_sector | PairValues::tied);
        problem.values.set(1, 3, 0.0, PairValues::same_sector);
        problem.values.set(2, 3, 1.0, PairValues::cross_sector);

        plan.rounds.resize(2);
        plan.rounds[0].table_of = {0, 0, 1, 1};
        plan.rounds[0].objective = 2.0;
        plan.rounds[1].table_of = {0, 1, 1, 0};
        plan.rounds[1].objective = 1.375;
        plan.score.new_cross_sector_pairs = 3;
        plan.score.objective = 3.375;
        plan.random_new_cross_sector_pairs = 1.23456;
        plan.random_objective = 1.2;
        plan.random_seating_count = 20;
        plan.bound.objective = 4.5;
        plan.bound.new_cross_sector_pairs = 4;
    }
};

using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
using Persons = std::vector<std::uint32_t>;
using Counts = std::vector<std::size_t>;

TEST(LayOut, HostFirstThenByNameAndEachNewPairOnce) {
    const Fixture f;
    const PrintedPlan printed = lay_out(f.network, f.problem, f.plan, 0);
    ASSERT_EQ(printed.tables.size(), 2u);
    ASSERT_EQ(printed.tables[0].size(), 2u);
    EXPECT_EQ(printed.is_host, (std::vector<bool>{true, false, false, false}));
    // Round 1: the host Zoë before Bø although "B" sorts first; "Di" before "m-cy" (the id
    // stands in for the missing name).
    EXPECT_EQ(printed.tables[0][0].persons, (Persons{0, 1}));
    EXPECT_EQ(printed.tables[0][0].new_pairs, (Pairs{{0, 1}}));
    EXPECT_EQ(printed.tables[0][0].new_partners, (Counts{1, 1}));
    EXPECT_EQ(printed.tables[0][1].persons, (Persons{3, 2}));
    EXPECT_EQ(printed.tables[0][1].new_pairs, (Pairs{{3, 2}}));
    // Round 2: Bø and m-cy were tied before, so their table has no new pair.
    EXPECT_EQ(printed.tables[1][0].persons, (Persons{0, 3}));
    EXPECT_EQ(printed.tables[1][0].new_pairs, (Pairs{{0, 3}}));
    EXPECT_EQ(printed.tables[1][1].persons, (Persons{1, 2}));
    EXPECT_TRUE(printed.tables[1][1].new_pairs.empty());
    EXPECT_EQ(printed.tables[1][1].new_partners, (Counts{0, 0}));
}

TEST(LayOut, APairSeatedAgainIsNotNewAgain) {
    Fixture f;
    f.plan.rounds[1].table_of = {0, 0, 1, 1};  // the first round again
    const PrintedPlan printed = lay_out(f.network, f.problem, f.plan, k_none);
    EXPECT_EQ(printed.tables[0][0].new_pairs, (Pairs{{0, 1}}));
    EXPECT_TRUE(printed.tables[1][0].new_pairs.empty());
    EXPECT_EQ(printed.tables[1][0].new_partners, (Counts{0, 0}));
    EXPECT_TRUE(printed.tables[1][1].new_pairs.empty());
}

TEST(PlanCsv, OneRowPerPersonAndRoundInDisplayOrder) {
    const Fixture f;
    EXPECT_EQ(plan_csv(lay_out(f.network, f.problem, f.plan, 0)),
              "member_id,round,table,name,organisation,sector,host,new_cross_sector_partners\n"
              "m-zoe,1,1,Zo\u00EB,Arts & Co,arts,true,1\n"
              "m-bo,1,1,B\u00F8,,business,false,1\n"
              "m-di,1,2,\"Di \"\"Dee\"\"\",,business,false,1\n"
              "m-cy,1,2,,\u5E02\u6C11\u4F1A,arts,false,1\n"
              "m-zoe,2,1,Zo\u00EB,Arts & Co,arts,true,1\n"
              "m-di,2,1,\"Di \"\"Dee\"\"\",,business,false,1\n"
              "m-bo,2,2,B\u00F8,,business,false,0\n"
              "m-cy,2,2,,\u5E02\u6C11\u4F1A,arts,false,0\n");
}

TEST(PlanJson, FiguresRoundedAndTablesWithTheirPairs) {
    const Fixture f;
    const TieOptions ties;
    const auto json = nlohmann::json::parse(plan_json(lay_out(f.network, f.problem, f.plan, 0), ties, Window{}));
    EXPECT_EQ(json["event"]["id"], "e1");
    EXPECT_EQ(json["event"]["name"], "Tom's \"Spring\" <Gala> & more");
    EXPECT_EQ(json["event"]["date"], "2018-03-01");
    EXPECT_EQ(json["people"], 4);
    EXPECT_EQ(json["rounds"], 2);
    EXPECT_EQ(json["table_sizes"], nlohmann::json::array({2, 2}));
    EXPECT_EQ(json["strong_tie_weight"], 2.5);
    EXPECT_EQ(json["tie_model"]["colleague_ties"], "all members");
    EXPECT_EQ(json["tie_model"]["text"], describe_tie_model(ties, false));
    EXPECT_EQ(json["new_cross_sector_pairs"]["plan"], 3);
    EXPECT_DOUBLE_EQ(json["new_cross_sector_pairs"]["random"].get<double>(), 1.235);  // 1.23456 to 0.001
    EXPECT_EQ(json["new_cross_sector_pairs"]["upper_bound"], 4);
    EXPECT_DOUBLE_EQ(json["objective"]["plan"].get<double>(), 3.375);
    EXPECT_DOUBLE_EQ(json["objective"]["random"].get<double>(), 1.2);
    EXPECT_DOUBLE_EQ(json["objective"]["upper_bound"].get<double>(), 4.5);
    EXPECT_EQ(json["random_seatings"], 20);
    ASSERT_EQ(json["plan"].size(), 2u);
    const auto& second = json["plan"][0]["tables"][1];
    EXPECT_EQ(second["table"], 2);
    EXPECT_EQ(
        second["members"][0],
        nlohmann::json(
            {{"id", "m-di"}, {"name", "Di \"Dee\""}, {"organisation", ""}, {"sector", "business"}, {"host", false}}));
    EXPECT_EQ(second["members"][1]["name"], "");  // the name as given, not the id
    EXPECT_EQ(second["members"][1]["organisation"], "\u5E02\u6C11\u4F1A");
    EXPECT_EQ(second["new_cross_sector_pairs"], nlohmann::json::array({nlohmann::json::array({"m-di", "m-cy"})}));
    EXPECT_EQ(json["plan"][0]["tables"][0]["members"][0]["host"], true);
    EXPECT_EQ(json["plan"][1]["round"], 2);
    EXPECT_DOUBLE_EQ(json["plan"][1]["objective"].get<double>(), 1.375);
    EXPECT_EQ(json["plan"][1]["tables"][1]["new_cross_sector_pairs"], nlohmann::json::array());
}

TEST(PlanJson, NoEventAndAWindow) {
    const Fixture f;
    const auto json = nlohmann::json::parse(
        plan_json(lay_out(f.network, f.problem, f.plan, k_none), TieOptions{}, parse_window("2018", "")));
    EXPECT_TRUE(json["event"].is_null());
    EXPECT_EQ(json["tie_model"]["colleague_ties"], "members active in the window");
}

TEST(PlanText, HeadingSummaryAndAlignedColumns) {
    const Fixture f;
    const TieOptions ties;
    const std::string expected =
        "Seating plan for \"Tom's \"Spring\" <Gala> & more\" (e1, 2018-03-01): 4 people at 2 tables of 2, 2 rounds. "
        "Rounds and tables are numbered from 1.\n"
        "Ties counted: those formed before 2018-03-01, or undated (not this event, its breakouts or the event it is "
        "part of; a date by month or year counts when that month or year ended before).\n" +
        describe_tie_model(ties, false) +
        "\n"
        "1 host heads table 1 and stays there every round.\n"
        "1 host for 2 tables: table 2 has no host; to give every table one, pass --hosts FILE: one member (id or "
        "name) per row, the k-th heads table k.\n"
        // Two sectors, nobody of unknown sector: only the sector caps.
        "Fair spread: no table holds more than its share of a sector plus one.\n"
        "\n"
        "New cross-sector pairs (people of different sectors with no tie yet, seated together): 3\n"
        "  random seating: 1.2 on average (the plan makes 2.43 times as many); no seating can make more than 4.\n"
        "Objective (new pairs across sectors and communities, weak ties counting a little): 3.4\n"
        "  random seating: 1.2; upper bound: 4.5 (the plan reaches 75.0% of it).\n"
        "\n"
        "Round 1\n"
        "  Table 1: 2 people, 1 new cross-sector pair\n"
        // Columns of 10 ("Zoë (host)") and 9 ("Arts & Co") display columns; 市民会 takes 6.
        "    Zo\u00EB (host)  Arts & Co  arts\n"
        "    B\u00F8          -          business\n"
        "    New cross-sector pairs (1):\n"
        "      Zo\u00EB with B\u00F8\n"
        "  Table 2: 2 people, 1 new cross-sector pair\n"
        "    Di \"Dee\"    -          business\n"
        "    m-cy        \u5E02\u6C11\u4F1A     arts\n"
        "    New cross-sector pairs (1):\n"
        "      Di \"Dee\" with m-cy\n"
        "\n"
        "Round 2\n"
        "  Table 1: 2 people, 1 new cross-sector pair\n"
        "    Zo\u00EB (host)  Arts & Co  arts\n"
        "    Di \"Dee\"    -          business\n"
        "    New cross-sector pairs (1):\n"
        "      Zo\u00EB with Di \"Dee\"\n"
        "  Table 2: 2 people, 0 new cross-sector pairs\n"
        "    B\u00F8          -          business\n"
        "    m-cy        \u5E02\u6C11\u4F1A     arts\n"
        "    New cross-sector pairs (0): none\n";
    EXPECT_EQ(plan_text(lay_out(f.network, f.problem, f.plan, 0), ties, Window{}), expected);
}

TEST(HostsNote, SaysWhichTablesHaveNoHostAndHowToAddThem) {
    Fixture f;
    f.problem.table_sizes = {1, 1, 1, 1};
    EXPECT_EQ(
        hosts_note(f.problem),
        "1 host for 4 tables: tables 2-4 have no host; to give every table one, pass --hosts FILE: one member (id "
        "or name) per row, the k-th heads table k.");
    f.problem.hosts.clear();
    EXPECT_EQ(hosts_note(f.problem),
              "No table has a host; to give every table one, pass --hosts FILE: one member (id or name) per row, the "
              "k-th heads table k.");
    f.problem.hosts = {0, 1, 2, 3};
    EXPECT_EQ(hosts_note(f.problem), "");
}

TEST(FairSpreadNote, TheCapsOrTheTablesOverThem) {
    Fixture f;
    f.problem.sectors = {0, 1, k_unknown_sector, k_unknown_sector};  // 2 of unknown sector at 2 tables: cap 1
    EXPECT_EQ(fair_spread_note(f.problem, f.plan),
              "no table holds more than its share of a sector plus one, nor more than 1 of the 2 people of unknown "
              "sector.");
    f.plan.unfair = {"round 1, table 2: 2 of unknown sector (fair share at most 1)", "b", "c", "d", "e"};
    EXPECT_EQ(fair_spread_note(f.problem, f.plan),
              "no seating was found in which no table holds more than its share of a sector plus one, nor more than 1 "
              "of the 2 people of unknown sector; this is the best one found, with 5 places over the caps: round 1, "
              "table 2: 2 "
              "of unknown sector (fair share at most 1); b; c; and 2 more.");
    f.problem.fair_spread = false;
    EXPECT_EQ(fair_spread_note(f.problem, f.plan), "off.");
}

TEST(PlanText, MembersListAndAWindow) {
    const Fixture f;
    const TieOptions ties;
    const std::string text = plan_text(lay_out(f.network, f.problem, f.plan, k_none), ties, parse_window("", "2018"));
    const std::string heading =
        "Seating plan: 4 people at 2 tables of 2, 2 rounds. Rounds and tables are numbered from 1.\n"
        "Ties counted: every tie in the data in the window.\n" +
        describe_tie_model(ties, true) + "\n";
    EXPECT_EQ(text.substr(0, heading.size()), heading);
}

TEST(PlanText, NewPairsWrapAtOneHundredDisplayColumns) {
    // Five people whose names are 30 columns wide but 16 code points (14 wide characters):
    // "      A… with B…" is 72 columns, ", C…" would make 104.
    Network network;
    SeatingProblem problem;
    SeatingPlan plan;
    std::string wide;
    for (int k = 0; k < 14; ++k) wide += "\u5E02";
    for (std::uint32_t p = 0; p < 5; ++p) {
        std::string id = "m";  // not "m" + to_string: GCC 12 warns (-Wrestrict) falsely
        id += std::to_string(p);
        network.members.push_back(member(id, std::string(1, static_cast<char>('A' + p)) + wide + "z"));
        problem.people.push_back(p);
        problem.sectors.push_back(p == 0 ? 0 : 1);
    }
    problem.sector_names = {"arts", "business"};
    problem.table_sizes = {5};
    problem.values = PairValues(5, 0.1);
    for (std::uint32_t q = 1; q < 5; ++q) problem.values.set(0, q, 1.0, PairValues::cross_sector);
    plan.rounds.resize(1);
    plan.rounds[0].table_of = {0, 0, 0, 0, 0};
    const std::string text = plan_text(lay_out(network, problem, plan, k_none), TieOptions{}, Window{});
    const auto name = [&](char first) { return std::string(1, first) + wide + "z"; };
    const std::string pairs = "    New cross-sector pairs (4):\n      " + name('A') + " with " + name('B') +
                              ",\n        " + name('C') + ", " + name('D') + ",\n        " + name('E') + "\n";
    ASSERT_GE(text.size(), pairs.size());
    EXPECT_EQ(text.substr(text.size() - pairs.size()), pairs);
    // The name column is as wide as the widest name, 30: nothing to pad.
    EXPECT_NE(text.find("    " + name('A') + "  -  arts\n"), std::string::npos);
}

TEST(PlanMapIndex, EveryTableUnderItsTitleAndTheEventEscaped) {
    const Fixture f;
    const PrintedPlan printed = lay_out(f.network, f.problem, f.plan, 0);
    EXPECT_EQ(table_map_file(printed, 1, 0), "round-2-table-1.svg");
    EXPECT_EQ(table_map_title(printed, 1, 1), "Round 2, table 2: 0 new cross-sector pairs");
    const auto figure = [](const std::string& file, const std::string& title) {
        return "<figure><img src=\"" + file + "\" alt=\"" + title + "\"><figcaption>" + title +
               "</figcaption></figure>\n";
    };
    EXPECT_EQ(plan_map_index(printed),
              "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seating plan</title>\n"
              "<style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;margin:1em;vertical-align:"
              "top}img{max-width:480px}</style></head><body>\n"
              "<h1>Seating plan for Tom&#39;s &quot;Spring&quot; &lt;Gala&gt; &amp; more</h1>\n"
              "<p>Each map shows the people at one table and the ties they had before the event; people with no tie "
              "across sectors at the table are outlined.</p>\n"
              "<h2>Round 1</h2>\n" +
                  figure("round-1-table-1.svg", "Round 1, table 1: 1 new cross-sector pairs") +
                  figure("round-1-table-2.svg", "Round 1, table 2: 1 new cross-sector pairs") + "<h2>Round 2</h2>\n" +
                  figure("round-2-table-1.svg", "Round 2, table 1: 1 new cross-sector pairs") +
                  figure("round-2-table-2.svg", "Round 2, table 2: 0 new cross-sector pairs") + "</body></html>\n");
    EXPECT_NE(plan_map_index(lay_out(f.network, f.problem, f.plan, k_none)).find("<h1>Seating plan</h1>"),
              std::string::npos);
}

TEST(TableMapFile, NumberPaddedToTheDigitsOfTheTableCount) {
    Fixture f;
    f.problem.table_sizes.assign(12, 1);
    PrintedPlan printed;
    printed.problem = &f.problem;
    EXPECT_EQ(table_map_file(printed, 0, 2), "round-1-table-03.svg");
    EXPECT_EQ(table_map_file(printed, 2, 11), "round-3-table-12.svg");
}

TEST(DescribeTables, EqualSizesSizesDifferingByOneAndARealRoom) {
    EXPECT_EQ(describe_tables({6}), "1 table of 6");
    EXPECT_EQ(describe_tables({7, 7, 7, 7}), "4 tables of 7");
    EXPECT_EQ(describe_tables({7, 6, 6}), "3 tables of 6 or 7");
    EXPECT_EQ(describe_tables({8, 8, 10}), "3 tables (8, 8, 10 seats)");
}

TEST(EventHeading, NameIdAndDateWhenThereIsOne) {
    Fixture f;
    EXPECT_EQ(event_heading(f.network, 0), "\"Tom's \"Spring\" <Gala> & more\" (e1, 2018-03-01)");
    f.network.events[0].name.clear();
    f.network.events[0].date_text.clear();
    EXPECT_EQ(event_heading(f.network, 0), "\"e1\" (e1)");
}

}  // namespace
}  // namespace bridgemap::report
