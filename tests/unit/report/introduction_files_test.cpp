// What `bridgemap introduce` writes, from a hand-built plan: the reason line from given facts,
// the text list, the CSV (quoting) and the JSON (escaping), in sectors and communities.

#include <bridgemap/report/introduction_files.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace bridgemap::report {
namespace {

using Json = nlohmann::json;

/// m0 and m2 are public, m1 and m3 grassroots (sector indices: grassroots 0, public 1); the
/// names need quoting in CSV and escaping in JSON, and are not all ASCII.
Network names_network() {
    Network network = testing::TestNetwork()
                          .organisation("o1", "public")
                          .member("m0", "public", "o1")
                          .member("m1", "grassroots")
                          .member("m2", "public")
                          .member("m3", "grassroots")
                          .event("e1", "2018-06-01", {"m0", "m1", "m2"})
                          .event("e2", "", {"m0", "m1"})
                          .group("g1", {"m0", "m1"})
                          .build();
    network.members[0].name = "Zo\u00eb \u00c5ngstr\u00f6m";
    network.members[1].name = "Bo \"B\" O'Neil, <x> & \\y";
    network.members[2].name = "\u5e02\u6c11 Tanaka";
    network.members[3].name = "";  // shown by id
    network.organisations[0].name = "Acme, \"Ltd\" <&>";
    network.events[0].name = "Spring <fair> & more";
    return network;
}

const std::string k_reason_1 =
    "links public to grassroots, where none of the 2 public members has a tie to the grassroots sector; brings "
    "Zo\u00eb \u00c5ngstr\u00f6m within two steps of 1 more sector and Bo \"B\" O'Neil, <x> & \\y of 1 more sector; "
    "both were at e2 (2 people) and 1 other event but never in a small group";
const std::string k_reason_2 =
    "links public to grassroots, where 1 of 2 public members has a tie to the grassroots sector; gives m3 a second "
    "contact in the public sector and \u5e02\u6c11 Tanaka a third in the grassroots sector; they have never been at "
    "the same event";

/// Two introductions: m0-m1 (introduced by m2; both newly reach the other sector; two shared
/// events, the last undated, a group and a place), then m3-m2 (no introducer, nothing shared).
struct Fixture {
    Network network = names_network();
    IntroductionReport report;

    Fixture() {
        report.network = &network;
        report.data = "our <net> & \"friends\"";
        report.request.ties.max_setting_size = 40;
        IntroductionPlan& plan = report.plan;
        plan.graph = TieGraph::from_ties(4, {{0, 2, 1.0, {}}, {1, 3, 1.0, {}}});
        plan.sectors.names = {"grassroots", "public"};
        plan.sectors.of_member = {1, 0, 1, 0};
        plan.groups = plan.sectors;
        plan.inactive_members = 1;
        // Active since 12 months before e1; m0, m1 and m2 were last at e1, m3 at nothing.
        plan.active_since = days_from_civil(2017, 6, 1);
        plan.last_event = {0, 0, 0, k_none};
        report.request.count = 2;
        plan.before = measures(41.2, 0.5, 0.25, 0.125, 0.5, 0.0, 2, -1.0);
        plan.before.weakest_from = 1;
        plan.before.weakest_to = 0;
        plan.before.expected_ei_index = 2.0 / 3.0;

        // Before m0-m1 no public member has a grassroots tie, nor the other way round.
        Introduction first = across(0, 1, {1, 0}, {2, 0, 2, 0});
        first.introducer = 2;
        first.introducer_tie = 1.5;
        first.gain = 19.3;
        std::tie(first.direct_gains, first.two_step_gains, first.members_gaining) = std::tuple(2, 3, 2);
        std::tie(first.a_new_groups, first.b_new_groups) = std::pair(1, 1);
        first.shared_events = {0, 1};
        first.shared_groups = {0};
        first.shared_places = {"K\u00f6ln"};
        first.last_shared_event_size = 2;
        plan.introductions.push_back(first);
        // Before m3-m2 every grassroots member has a public tie, 1 of 2 public members a
        // grassroots one: the public side is quoted.
        Introduction second = across(3, 2, {0, 1}, {2, 2, 2, 1});
        second.gain = 0.00312;
        second.direct_gains = 2;
        second.a_contacts = 1;
        second.b_contacts = 2;
        second.ties_between_groups = 1;  // m0-m1, ranked above
        plan.introductions.push_back(second);

        report.after = measures(60.5, 1.0, 0.5, 0.375, 1.0, 0.5, 0, -0.5);
    }

    /// a and b in groups {a's, b's}, with the counts before: members of a's group, of them
    /// tied to b's group, members of b's group, of them tied to a's.
    static Introduction across(MemberIndex a, MemberIndex b, std::pair<SectorIndex, SectorIndex> groups,
                               std::array<std::uint64_t, 4> counts) {
        Introduction intro;
        intro.a = a;
        intro.b = b;
        std::tie(intro.group_a, intro.group_b) = groups;
        intro.group_a_members = counts[0];
        intro.group_a_tied_to_b = counts[1];
        intro.group_b_members = counts[2];
        intro.group_b_tied_to_a = counts[3];
        return intro;
    }

    static BridgingMeasures measures(double score, double reach_two, double reach_one, double depth, double weakest_two,
                                     double weakest_one, double without, double ei) {
        BridgingMeasures m;
        m.score = score;
        m.reach_two = reach_two;
        m.reach_one = reach_one;
        m.depth = depth;
        m.weakest_reach_two = weakest_two;
        m.weakest_reach_one = weakest_one;
        m.members_without_cross_tie = without;
        m.ei_index = ei;
        m.ties = 2;
        return m;
    }

    [[nodiscard]] std::string reason(const Introduction& intro) const {
        return introduction_reason(network, report.plan, report.request, intro);
    }
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    EXPECT_EQ(start, text.size()) << "the text ends in a newline";
    return lines;
}

// ---------------------------------------------------------------------------------------
// introduction_reason

TEST(IntroductionReason, SaysTheFactsInWords) {
    const Fixture fixture;
    EXPECT_EQ(fixture.reason(fixture.report.plan.introductions[0]), k_reason_1);
    EXPECT_EQ(fixture.reason(fixture.report.plan.introductions[1]), k_reason_2);
}

TEST(IntroductionReason, EachKindOfGainAndOfSharedSetting) {
    Fixture fixture;
    std::vector<std::string> said;
    // Every member already tied across (so no "where" clause); only b newly reaches a sector;
    // only the dated event is shared.
    Introduction intro = Fixture::across(0, 1, {1, 0}, {2, 2, 2, 2});
    intro.b_new_groups = 1;
    intro.shared_events = {0};
    intro.last_shared_event_size = 3;
    said.push_back(fixture.reason(intro));
    // Contacts gaining a route, then more of them; a shared group, then an organisation;
    // every setting ties (no size limit).
    intro.b_new_groups = 0;
    intro.contacts_gaining = 1;
    intro.shared_events.clear();
    intro.shared_groups = {0};
    fixture.report.request.ties.max_setting_size = 0;
    said.push_back(fixture.reason(intro));
    intro.contacts_gaining = 3;
    intro.shared_groups.clear();
    intro.shared_organisations = {0};
    said.push_back(fixture.reason(intro));
    // A place only; which contact each gains, ordinals past ten.
    intro.contacts_gaining = 0;
    intro.shared_organisations.clear();
    intro.shared_places = {"K\u00f6ln"};
    std::tie(intro.a_contacts, intro.b_contacts) = std::pair(10, 21);
    said.push_back(fixture.reason(intro));
    std::tie(intro.a_contacts, intro.b_contacts) = std::pair(11, 100);
    said.push_back(fixture.reason(intro));
    std::string text;
    for (const auto& sentence : said) text += sentence + "\n";
    EXPECT_EQ(text,
              "links public to grassroots; brings Bo \"B\" O'Neil, <x> & \\y within two steps of 1 more sector; both "
              "were at Spring <fair> & more (2018-06-01, 3 people) but never in a small group\n"
              "links public to grassroots; 1 of their contacts gains a two-step route to the other's sector; both are "
              "in g1 but have no tie\n"
              "links public to grassroots; 3 of their contacts gain a two-step route to the other's sector; both "
              "belong to Acme, \"Ltd\" <&> but have no tie\n"
              "links public to grassroots; gives Zo\u00eb \u00c5ngstr\u00f6m a 11th contact in the grassroots sector "
              "and Bo \"B\" O'Neil, <x> & \\y a 22nd in the public sector; both are in K\u00f6ln but have never been "
              "at the same event\n"
              "links public to grassroots; gives Zo\u00eb \u00c5ngstr\u00f6m a 12th contact in the grassroots sector "
              "and Bo \"B\" O'Neil, <x> & \\y a 101st in the public sector; both are in K\u00f6ln but have never been "
              "at the same event\n");
}

TEST(IntroductionReason, Communities) {
    Fixture fixture;
    fixture.report.request.across = IntroductionAcross::communities;
    fixture.report.plan.groups.names = {"community 1", "community 2", "community 3"};
    // 1 of 3 members of community 1 tied to community 2: the weaker direction (2 of 4 the
    // other way); a reaches two more communities; nothing shared.
    Introduction intro = Fixture::across(0, 1, {0, 1}, {3, 1, 4, 2});
    intro.a_new_groups = 2;
    const std::string first = fixture.reason(intro);
    intro.group_a_tied_to_b = 0;
    intro.a_new_groups = 0;
    intro.contacts_gaining = 2;
    EXPECT_EQ(first,
              "links community 1 to community 2, where only 1 of 3 members of community 1 has a tie to community 2; "
              "brings Zo\u00eb \u00c5ngstr\u00f6m within two steps of 2 more communities; they have never been at the "
              "same event");
    EXPECT_EQ(fixture.reason(intro),
              "links community 1 to community 2, where none of the 3 members of community 1 has a tie to community 2; "
              "2 of their contacts gain a two-step route to the other's community; they have never been at the same "
              "event");
}

// ---------------------------------------------------------------------------------------
// introductions_text

TEST(IntroductionsText, TheListAsAConvenorReadsIt) {
    const Fixture fixture;
    const std::string tie_model = describe_tie_model(fixture.report.request.ties, false);
    const std::string expected =
        "Introductions that would most strengthen bridging across sectors: our <net> & \"friends\" (4 members, "
        "all dates).\n" +
        tie_model +
        " Who knows whom: 2 ties.\n"
        "Bridging score 41.20 of 100. Cross-sector reach: 25.0% directly, 50.0% within two steps (mean over "
        "sector pairs); weakest: public -> grassroots, 50.0% within two steps.\n"
        "1 member not active since 2017-06-01 (no event attended since, nor a group running then) left out "
        "(--active-since DATE or --include-inactive to change that).\n"
        "\n"
        "Each pair has a mutual contact who could introduce them, unless it says otherwise (then its gain is at "
        "least 2 times the best such pair's). Score: points of bridging score each introduction adds, made after "
        "the ones above it.\n"
        "\n"
        " 1. Zo\u00eb \u00c5ngstr\u00f6m (m0; public, Acme, \"Ltd\" <&>)\n"
        "    and Bo \"B\" O'Neil, <x> & \\y (m1; grassroots)\n"
        "    introducer: \u5e02\u6c11 Tanaka (m2)\n"
        "    gain: gives Zo\u00eb \u00c5ngstr\u00f6m a first contact in the grassroots sector, and Bo \"B\" "
        "O'Neil, <x> & \\y a first contact in the public sector; the public and grassroots sectors would then have "
        "1 direct tie (score +19.3)\n"
        "    why: " +
        k_reason_1 +
        "\n"
        "    last seen: Zo\u00eb \u00c5ngstr\u00f6m at Spring <fair> & more (2018-06-01); Bo \"B\" O'Neil, <x> & "
        "\\y at Spring <fair> & more (2018-06-01)\n"
        "    they share: 2 events (Spring <fair> & more; e2); groups: g1; places: K\u00f6ln\n"
        "\n"
        " 2. m3 (m3; grassroots)\n"
        "    and \u5e02\u6c11 Tanaka (m2; public)\n"
        "    introducer: none (no mutual contact who is active and free to introduce them; introduce them "
        "yourself)\n"
        "    gain: gives m3 a second contact in the public sector; the grassroots and public sectors would then "
        "have 2 direct ties (score +0.00312)\n"
        "    why: " +
        k_reason_2 +
        "\n"
        "    last seen: m3 at no event attended; \u5e02\u6c11 Tanaka at Spring <fair> & more (2018-06-01)\n"
        "    they share: nothing recorded\n"
        "\n"
        "Made together, these 2 introductions would raise the bridging score from 41.20 to 60.50 "
        "(cross-sector reach within two steps 50.0% -> 100.0%, depth of direct contact 12.5% -> 37.5%).\n"
        "Run with --evaluate to compare them with random and Adamic-Adar pairs.\n";
    EXPECT_EQ(introductions_text(fixture.report), expected);
}

TEST(IntroductionsText, RanksAlignPastNine) {
    Fixture fixture;
    auto& list = fixture.report.plan.introductions;
    while (list.size() < 10) list.push_back(list[1]);
    const std::vector<std::string> lines = lines_of(introductions_text(fixture.report));
    const auto starts = [&](const std::string& prefix) {
        std::size_t found = 0;
        for (const auto& line : lines) found += line.rfind(prefix, 0) == 0 ? 1 : 0;
        return found;
    };
    EXPECT_EQ(starts("  1. Zo\u00eb"), 1u);
    EXPECT_EQ(starts("  9. m3 (m3; grassroots)"), 1u);
    EXPECT_EQ(starts(" 10. m3 (m3; grassroots)"), 1u);
    EXPECT_EQ(starts("     and "), 10u);  // the rank column (4) and a space
    EXPECT_EQ(starts("     why: "), 10u);
}

TEST(IntroductionsText, NoneAndTheEvaluationTable) {
    Fixture fixture;
    IntroductionEvaluation evaluation;
    evaluation.before = fixture.report.plan.before;
    evaluation.recommended = fixture.report.after;
    evaluation.random = Fixture::measures(45.25, 0.75, 0.375, 0.25, 0.5, k_not_defined, 1.5, -0.75);
    evaluation.adamic_adar = fixture.report.plan.before;
    evaluation.recommended_pairs = 2;
    evaluation.random_draws = 20;
    evaluation.random_pairs = 1.95;
    evaluation.adamic_adar_pairs = 1;
    fixture.report.evaluation = evaluation;
    const std::string text = introductions_text(fixture.report);
    const std::string table =
        "\nEvaluation: each set of introductions added to the network (same rules for all three):\n"
        "  recommended  the 2 above\n"
        "  random       2 random candidate pairs, mean of 20 draws (seeded by --seed)\n"
        "  Adamic-Adar  the 1 candidate pairs with the most (and least connected) mutual contacts, as \"people you "
        "may know\" ranks them\n\n"
        "                                                   before         recommended              random         "
        "Adamic-Adar\n"
        "  bridging score (0-100)                            41.20      60.50 (+19.30)       45.25 (+4.05)       41.20 "
        "(+0.00)\n"
        "  cross-sector reach within 2 steps, mean %         50.00     100.00 (+50.00)      75.00 (+25.00)       50.00 "
        "(+0.00)\n"
        "  cross-sector reach within 1 step, mean %          25.00      50.00 (+25.00)      37.50 (+12.50)       25.00 "
        "(+0.00)\n"
        "  depth of direct contact, mean %                   12.50      37.50 (+25.00)      25.00 (+12.50)       12.50 "
        "(+0.00)\n"
        "  weakest sector pair within 2 steps, %             50.00     100.00 (+50.00)       50.00 (+0.00)       50.00 "
        "(+0.00)\n"
        "  weakest sector pair within 1 step, %               0.00      50.00 (+50.00)           n/a (n/a)        0.00 "
        "(+0.00)\n"
        "  members with no tie to another sector               2.0          0.0 (-2.0)          1.5 (-0.5)          "
        "2.0 "
        "(+0.0)\n"
        "  E-I index (expected 0.667)                      -1.0000   -0.5000 (+0.5000)   -0.7500 (+0.2500)   -1.0000 "
        "(+0.0000)\n";
    ASSERT_GE(text.size(), table.size());
    EXPECT_EQ(text.substr(text.size() - table.size()), table);
    EXPECT_EQ(text.find("Run with --evaluate"), std::string::npos);

    fixture.report.plan.introductions.clear();
    fixture.report.plan.inactive_members = 2;
    fixture.report.plan.active_since.reset();  // no dated event: any activity counts
    fixture.report.plan.limits = {IntroductionLimit::per_member, IntroductionLimit::active};
    const std::vector<std::string> lines = lines_of(introductions_text(fixture.report));
    ASSERT_EQ(lines.size(), 7u);
    EXPECT_EQ(lines[3],
              "2 members with no attendance, group or recorded tie left out (--active-since DATE or "
              "--include-inactive to change that).");
    EXPECT_EQ(lines[5], "No introduction among the candidates would add reach across sectors.");
    EXPECT_EQ(lines[6],
              "Only 0 of the 2 introductions asked for: stopped by the limit of 2 introductions per member "
              "(--max-per-member) and by the rule that candidates are active (--active-since, --include-inactive); "
              "lifting any of them would allow more.");
}

// ---------------------------------------------------------------------------------------
// introductions_csv

std::string csv_row(const std::vector<std::string>& fields) {
    std::string row;
    for (const auto& field : fields) row += (row.empty() ? "" : ",") + field;
    return row;
}

/// The field as RFC 4180 quotes it: in quotes, quotes doubled.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

const std::string k_csv_header =
    "rank,member_a,member_b,sector_a,sector_b,introducer,gain,reason,name_a,name_b,organisation_a,organisation_b,"
    "introducer_name,shared_events,shared_groups,shared_places,shared_organisations,direct_gains,two_step_gains,"
    "members_gaining,gain_words,region_a,region_b,last_event_a,last_event_date_a,last_event_b,last_event_date_b";

TEST(IntroductionsCsv, OneQuotedRowPerIntroduction) {
    const Fixture fixture;
    const std::vector<std::string> expected = {
        k_csv_header,
        csv_row(
            {"1",
             "m0",
             "m1",
             "public",
             "grassroots",
             "m2",
             "19.3",
             quoted(k_reason_1),
             "Zo\u00eb \u00c5ngstr\u00f6m",
             "\"Bo \"\"B\"\" O'Neil, <x> & \\y\"",
             "\"Acme, \"\"Ltd\"\" <&>\"",
             "",
             "\u5e02\u6c11 Tanaka",
             "e1;e2",
             "g1",
             "K\u00f6ln",
             "",
             "2",
             "3",
             "2",
             quoted("gives Zo\u00eb \u00c5ngstr\u00f6m a first contact in the grassroots sector, and Bo \"B\" "
                    "O'Neil, <x> & \\y a first contact in the public sector; the public and grassroots sectors would "
                    "then have 1 direct tie"),
             "",
             "",
             "e1",
             "2018-06-01",
             "e1",
             "2018-06-01"}),
        csv_row({"2",
                 "m3",
                 "m2",
                 "grassroots",
                 "public",
                 "",
                 "0.00312",
                 quoted(k_reason_2),
                 "",
                 "\u5e02\u6c11 Tanaka",
                 "",
                 "",
                 "",
                 "",
                 "",
                 "",
                 "",
                 "2",
                 "0",
                 "0",
                 "gives m3 a second contact in the public sector; the grassroots and public sectors would then have 2 "
                 "direct ties",
                 "",
                 "",
                 "",
                 "",
                 "e1",
                 "2018-06-01"}),
    };
    EXPECT_EQ(lines_of(introductions_csv(fixture.report)), expected);
}

TEST(IntroductionsCsv, CommunitiesAddTheirColumns) {
    Fixture fixture;
    fixture.report.request.across = IntroductionAcross::communities;
    fixture.report.plan.groups.names = {"community 1", "community 2"};
    fixture.report.plan.groups.of_member = {0, 1, 0, k_unknown_sector};
    fixture.report.plan.introductions[0].group_a = 0;
    fixture.report.plan.introductions[0].group_b = 1;
    fixture.report.plan.introductions.pop_back();
    const std::vector<std::string> lines = lines_of(introductions_csv(fixture.report));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], k_csv_header + ",community_a,community_b");
    EXPECT_EQ(lines[1].substr(0, 32), "1,m0,m1,public,grassroots,m2,19.");
    EXPECT_EQ(lines[1].substr(lines[1].size() - 32), ",e1,2018-06-01,e1,2018-06-01,1,2");
    // The text names each member's community; a member in none is in "no group".
    fixture.report.plan.introductions[0].b = 3;
    const std::string text = introductions_text(fixture.report);
    EXPECT_NE(text.find(" 1. Zo\u00eb \u00c5ngstr\u00f6m (m0; public, community 1, Acme, \"Ltd\" <&>)\n    and m3 (m3; "
                        "grassroots, no group)\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("across communities: our"), std::string::npos);
}

// ---------------------------------------------------------------------------------------
// introductions_json

TEST(IntroductionsJson, ValuesAndEscaping) {
    Fixture fixture;
    fixture.report.request.count = 2;
    fixture.report.request.between = std::pair<SectorIndex, SectorIndex>{1, 0};
    fixture.report.request.exclude = {{0, 3}, {1, 2}, {2, 3}};
    fixture.report.request.seed = 7;
    fixture.report.after.ei_index = k_not_defined;
    const std::string text = introductions_json(fixture.report);
    const Json json = Json::parse(text);
    EXPECT_EQ(json["data"], "our <net> & \"friends\"");
    EXPECT_EQ(json["window"], "all dates");
    EXPECT_EQ(json["across"], "sectors");
    EXPECT_EQ(json["tie_model"]["max_setting_size"], 40);
    EXPECT_EQ(json["settings"]["count"], 2);
    EXPECT_EQ(json["settings"]["max_per_member"], 2);
    EXPECT_EQ(json["settings"]["warm_only"], false);
    EXPECT_EQ(json["settings"]["between"], Json({"public", "grassroots"}));
    EXPECT_EQ(json["settings"]["excluded_pairs"], 3);
    EXPECT_EQ(json["settings"]["seed"], 7);
    EXPECT_EQ(json["members"], 4);
    EXPECT_EQ(json["inactive_members_left_out"], 1);
    EXPECT_DOUBLE_EQ(json["before"]["score"].get<double>(), 41.2);
    EXPECT_DOUBLE_EQ(json["before"]["depth"].get<double>(), 0.125);
    EXPECT_EQ(json["before"]["weakest_pair"], Json({"public", "grassroots"}));
    EXPECT_FALSE(json["after"].contains("weakest_pair"));
    EXPECT_TRUE(json["after"]["ei_index"].is_null());
    EXPECT_DOUBLE_EQ(json["after"]["score"].get<double>(), 60.5);
    EXPECT_FALSE(json.contains("evaluation"));

    const Json& list = json["introductions"];
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["rank"], 1);
    EXPECT_EQ(list[0]["member_a"],
              Json({{"id", "m0"},
                    {"name", "Zo\u00eb \u00c5ngstr\u00f6m"},
                    {"sector", "public"},
                    {"organisation", "Acme, \"Ltd\" <&>"},
                    {"region", ""},
                    {"last_event", {{"id", "e1"}, {"name", "Spring <fair> & more"}, {"date", "2018-06-01"}}}}));
    EXPECT_TRUE(list[1]["member_a"]["last_event"].is_null());  // m3 attended nothing
    EXPECT_EQ(list[0]["member_b"]["name"], "Bo \"B\" O'Neil, <x> & \\y");
    EXPECT_EQ(list[0]["introducer"], Json({{"id", "m2"}, {"name", "\u5e02\u6c11 Tanaka"}, {"tie_weight", 1.5}}));
    EXPECT_DOUBLE_EQ(list[0]["gain"].get<double>(), 19.3);
    EXPECT_EQ(list[0]["two_step_gains"], 3);
    EXPECT_EQ(list[0]["shared"]["events"],
              Json::parse(R"([{"id":"e1","name":"Spring <fair> & more","date":"2018-06-01"},
                              {"id":"e2","name":"e2","date":""}])"));
    EXPECT_EQ(list[0]["shared"]["groups"], Json({"g1"}));
    EXPECT_EQ(list[0]["shared"]["places"], Json({"K\u00f6ln"}));
    EXPECT_EQ(list[0]["reason"], k_reason_1);
    EXPECT_TRUE(list[1]["introducer"].is_null());
    EXPECT_EQ(list[1]["member_a"]["name"], "");
    EXPECT_EQ(list[1]["reason"], k_reason_2);
    // JSON escapes quotes and backslashes, and writes <, & and UTF-8 as they are.
    EXPECT_NE(text.find(R"("name": "Bo \"B\" O'Neil, <x> & \\y")"), std::string::npos);
    EXPECT_NE(text.find("\"name\": \"\u5e02\u6c11 Tanaka\""), std::string::npos);
}

TEST(IntroductionsJson, EvaluationAndCommunities) {
    Fixture fixture;
    fixture.report.request.across = IntroductionAcross::communities;
    fixture.report.plan.groups.names = {"community 1", "community 2"};
    fixture.report.plan.groups.of_member = {1, 0, 1, 0};
    IntroductionEvaluation evaluation;
    evaluation.random = Fixture::measures(45.25, 0.75, 0.375, 0.25, 0.5, k_not_defined, 1.5, -0.75);
    evaluation.recommended_pairs = 2;
    evaluation.random_draws = 20;
    evaluation.random_pairs = 1.95;
    evaluation.adamic_adar_pairs = 1;
    fixture.report.evaluation = evaluation;
    const Json json = Json::parse(introductions_json(fixture.report));
    EXPECT_EQ(json["across"], "communities");
    EXPECT_EQ(json["before"]["weakest_pair"], Json({"community 2", "community 1"}));
    EXPECT_EQ(json["introductions"][0]["member_a"]["community"], 2);
    EXPECT_EQ(json["introductions"][0]["member_b"]["community"], 1);
    const Json& e = json["evaluation"];
    EXPECT_EQ(e["recommended_pairs"], 2);
    EXPECT_EQ(e["random_draws"], 20);
    EXPECT_DOUBLE_EQ(e["random_pairs"].get<double>(), 1.95);
    EXPECT_EQ(e["adamic_adar_pairs"], 1);
    EXPECT_DOUBLE_EQ(e["random"]["reach_within_two_steps"].get<double>(), 0.75);
    EXPECT_TRUE(e["random"]["weakest_reach_within_one_step"].is_null());
    EXPECT_TRUE(e["before"]["score"].is_null());  // a default IntroductionEvaluation: nothing measured
    EXPECT_DOUBLE_EQ(e["random"]["members_without_cross_tie"].get<double>(), 1.5);
}

}  // namespace
}  // namespace bridgemap::report
