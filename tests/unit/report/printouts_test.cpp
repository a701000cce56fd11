// The seating printouts (seat --print) on a small plan built by hand: the pages and their
// count, hosts marked, who has not met whom, the A–Z list, place cards, the briefing, consent
// and escaping.

#include <bridgemap/report/printouts.hpp>

#include <bridgemap/report/html.hpp>

#include <gtest/gtest.h>

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

/// Four people at two tables of two over two rounds (as in seating_files_test). Member 0 is not
/// seated, so person p is member p + 1: Zoë (arts, hosts table 1), `Bø \ <b>&` (business), m-cy
/// (no name, arts) and Di "Dee" (business). Bø and m-cy were tied before; every other pair of
/// different sectors is new. Round 1: {Zoë, Bø} {m-cy, Di}; round 2: {Zoë, Di} {Bø, m-cy}.
struct Fixture {
    Network network;
    SeatingProblem problem;
    SeatingPlan plan;

    Fixture() {
        network.organisations.push_back({"o-arts", "Arts & Co", "", k_unknown_sector});
        network.organisations.push_back({"o-civ", "\u5E02\u6C11\u4F1A", "", k_unknown_sector});  // 市民会
        network.members = {member("m-out", "Not seated"), member("m-zoe", "Zo\u00EB", 0),
                           member("m-bo", "B\u00F8 \\ <b>&"), member("m-cy", "", 1), member("m-di", "Di \"Dee\"")};
        Event event;
        event.id = "e1";
        event.name = "Tom's \"Spring\" <Gala> & more";
        event.date_text = "2018-03-01";
        event.date = parse_date(event.date_text);
        network.events.push_back(event);

        problem.people = {1, 2, 3, 4};
        problem.labels = {"m-zoe", "m-bo", "m-cy", "m-di"};
        problem.sectors = {0, 1, 0, 1};
        problem.sector_names = {"arts", "business"};
        problem.communities = {0, 0, 0, 0};
        problem.table_sizes = {2, 2};
        problem.rounds = 2;
        problem.hosts = {0};
        problem.values = PairValues(4, 0.1);
        problem.values.set(0, 1, 1.0, PairValues::cross_sector);
        problem.values.set(0, 2, 0.0, PairValues::same_sector);
        problem.values.set(0, 3, 1.0, PairValues::cross_sector);
        problem.values.set(1, 2, 0.5, PairValues::cross_sector | PairValues::tied);
        problem.values.set(1, 3, 0.0, PairValues::same_sector);
        problem.values.set(2, 3, 1.0, PairValues::cross_sector);

        plan.rounds.resize(2);
        plan.rounds[0].table_of = {0, 0, 1, 1};
        plan.rounds[1].table_of = {0, 1, 1, 0};
        plan.score.new_cross_sector_pairs = 3;
        plan.random_new_cross_sector_pairs = 1.2;
        plan.bound.new_cross_sector_pairs = 4;
    }
};

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

/// The HTML of the page sections whose class is `kind`, in order.
std::vector<std::string> pages_of(const std::string& html, const std::string& kind) {
    std::vector<std::string> pages;
    const std::string open = "<section class=\"page " + kind + "\">";
    for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        pages.push_back(html.substr(at, html.find("</section>", at) - at));
    }
    return pages;
}

TEST(PrintoutPages, BriefingTablesListAndCards) {
    const Fixture f;
    const PrintedPlan printed = lay_out(f.network, f.problem, f.plan, 0);
    PrintoutOptions options;
    // 1 briefing + 2 rounds × 2 tables + ceil(4 / 36) list + ceil(4 / 8) cards = 7.
    PrintoutPages pages = printout_pages(printed, options);
    EXPECT_EQ(pages.tables, 4u);
    EXPECT_EQ(pages.list, 1u);
    EXPECT_EQ(pages.cards, 1u);
    EXPECT_EQ(pages.total(), 7u);
    const std::string html = seating_printouts(printed, options);
    EXPECT_EQ(occurrences(html, "<section class=\"page "), 7u);
    // Three rows of the list a page: ceil(4/3) = 2; one person a table page: 2 pages per table.
    options.list_rows_per_page = 3;
    options.table_rows_per_page = 1;
    pages = printout_pages(printed, options);
    EXPECT_EQ(pages.list, 2u);
    EXPECT_EQ(pages.tables, 8u);
    EXPECT_EQ(occurrences(seating_printouts(printed, options), "<section class=\"page "), pages.total());
}

TEST(SeatingPrintouts, TablePagesHostFirstAndWhoHasNotMetWhom) {
    const Fixture f;
    const std::string html = seating_printouts(lay_out(f.network, f.problem, f.plan, 0), {});
    const auto tables = pages_of(html, "table");
    ASSERT_EQ(tables.size(), 4u);
    EXPECT_NE(tables[0].find("<h1>Round 1 · Table 1</h1>"), std::string::npos);
    EXPECT_NE(tables[0].find("host: Zo\u00EB"), std::string::npos);
    EXPECT_NE(tables[0].find("<td class=\"n\">1</td><td>Zo\u00EB<span class=\"tag\">Host</span>"), std::string::npos);
    // Zoë and Bø never met: each has met nobody here.
    EXPECT_EQ(occurrences(tables[0], "<td class=\"met\">everyone</td>"), 2u);
    EXPECT_NE(tables[1].find("no host at this table"), std::string::npos);
    // Round 2, table 2: Bø and m-cy were tied before the event.
    EXPECT_NE(tables[3].find("<h1>Round 2 · Table 2</h1>"), std::string::npos);
    EXPECT_EQ(occurrences(tables[3], "<td class=\"met\">— (has met everyone here)</td>"), 2u);
    EXPECT_NE(tables[3].find("0 new cross-sector pairs"), std::string::npos);
}

TEST(SeatingPrintouts, ListAToZWithEveryRoundOnOneLine) {
    const Fixture f;
    const std::string html = seating_printouts(lay_out(f.network, f.problem, f.plan, 0), {});
    const auto list = pages_of(html, "list");
    ASSERT_EQ(list.size(), 1u);
    // By folded name: "bø …", "di …", "m-cy", "zoë"; tables per round from the plan.
    const std::string bo =
        "<tr><td>B\u00F8 \\ &lt;b&gt;&amp;</td><td></td><td class=\"r\">1</td><td class=\"r\">2</td>";
    const std::string di = "<tr><td>Di &quot;Dee&quot;</td><td></td><td class=\"r\">2</td><td class=\"r\">1</td>";
    const std::string cy = "<tr><td>m-cy</td><td>\u5E02\u6C11\u4F1A</td><td class=\"r\">2</td><td class=\"r\">2</td>";
    const std::string zoe =
        "<tr><td>Zo\u00EB<span class=\"tag\">Host</span></td><td>Arts &amp; Co</td><td class=\"r\">1</td><td "
        "class=\"r\">1</td>";
    ASSERT_NE(list[0].find(bo), std::string::npos);
    ASSERT_NE(list[0].find(di), std::string::npos);
    ASSERT_NE(list[0].find(cy), std::string::npos);
    ASSERT_NE(list[0].find(zoe), std::string::npos);
    EXPECT_LT(list[0].find(bo), list[0].find(di));
    EXPECT_LT(list[0].find(di), list[0].find(cy));
    EXPECT_LT(list[0].find(cy), list[0].find(zoe));
}

TEST(SeatingPrintouts, PlaceCardsByFirstTableWithCutMarks) {
    const Fixture f;
    const std::string html = seating_printouts(lay_out(f.network, f.problem, f.plan, 0), {});
    const auto cards = pages_of(html, "cards");
    ASSERT_EQ(cards.size(), 1u);
    EXPECT_EQ(occurrences(cards[0], "<div class=\"card\""), 4u);
    EXPECT_EQ(occurrences(cards[0], "<div class=\"cut "), 4u * 8u);  // two marks at each corner
    // Table 1 first (Bø, Zoë), then table 2 (Di, m-cy); the host's card names only her table.
    EXPECT_LT(cards[0].find("B\u00F8 \\ &lt;b&gt;&amp;"), cards[0].find("Zo\u00EB"));
    EXPECT_LT(cards[0].find("Zo\u00EB"), cards[0].find("Di &quot;Dee&quot;"));
    EXPECT_NE(cards[0].find("<div>Host, table<b>1</b></div></div>"), std::string::npos);
    EXPECT_NE(cards[0].find("<div>Round 1<b>2</b></div><div>Round 2<b>1</b></div>"), std::string::npos);  // Di
}

TEST(SeatingPrintouts, BriefingSaysHostsMissingAndWhoHasNoCrossSectorTie) {
    const Fixture f;
    const auto briefing = pages_of(seating_printouts(lay_out(f.network, f.problem, f.plan, 0), {}), "briefing");
    ASSERT_EQ(briefing.size(), 1u);
    EXPECT_NE(briefing[0].find("table 1: Zo\u00EB."), std::string::npos);
    EXPECT_NE(briefing[0].find("1 host for 2 tables: table 2 has no host; to give every table one, pass --hosts FILE"),
              std::string::npos);
    EXPECT_NE(briefing[0].find("<b>2</b> arts · <b>2</b> business."), std::string::npos);
    // Bø and m-cy are tied across sectors; Zoë and Di have no such tie here.
    EXPECT_NE(briefing[0].find("No tie across sectors in the room (2)"), std::string::npos);
    EXPECT_NE(briefing[0].find("<div>Di &quot;Dee&quot; <span class=\"note\">(business)</span></div><div>Zo\u00EB"),
              std::string::npos);
    EXPECT_NE(briefing[0].find("No introduction among the people here"), std::string::npos);
    EXPECT_NE(briefing[0].find("3 new cross-sector pairs"), std::string::npos);
}

TEST(SeatingPrintouts, IntroductionsWithTheirIntroducer) {
    const Fixture f;
    PrintoutOptions options;
    Introduction intro;
    intro.a = 1;  // Zoë
    intro.b = 4;  // Di
    intro.introducer = 2;
    options.introductions.push_back(intro);
    intro.introducer = k_none;
    options.introductions.push_back(intro);
    const auto briefing = pages_of(seating_printouts(lay_out(f.network, f.problem, f.plan, 0), options), "briefing");
    ASSERT_EQ(briefing.size(), 1u);
    EXPECT_NE(briefing[0].find("<td><div>Zo\u00EB</div><div class=\"note\">Arts &amp; Co, arts</div></td><td><div>Di "
                               "&quot;Dee&quot;</div><div class=\"note\">business</div></td><td><div>B\u00F8 \\ "
                               "&lt;b&gt;&amp;</div></td>"),
              std::string::npos);
    EXPECT_NE(briefing[0].find("<div>you</div><div class=\"note\">no mutual contact here</div>"), std::string::npos);
}

TEST(SeatingPrintouts, HiddenMembersOnNoPageAndTextEscaped) {
    const Fixture f;
    PrintoutOptions options;
    options.hidden = {false, false, true, false, false};  // Bø (member 2)
    const PrintedPlan printed = lay_out(f.network, f.problem, f.plan, 0);
    const std::string html = seating_printouts(printed, options);
    EXPECT_EQ(html.find("B\u00F8"), std::string::npos);
    EXPECT_EQ(html.find("m-bo"), std::string::npos);
    // The tables Bø sits at say one guest is not listed: round 1 table 1 and round 2 table 2.
    EXPECT_EQ(occurrences(html, "And 1 guest not listed here"), 2u);
    EXPECT_NE(html.find("1 guest is on no list or card"), std::string::npos);
    // 3 people shown: 4 table pages, 1 list page, 1 card page and the briefing.
    EXPECT_EQ(printout_pages(printed, options).total(), 7u);
    EXPECT_EQ(occurrences(html, "<div class=\"card\""), 3u);
    // The event's name, escaped wherever it appears; no raw markup from the data.
    EXPECT_EQ(html.find("<Gala>"), std::string::npos);
    EXPECT_NE(html.find("Tom&#39;s &quot;Spring&quot; &lt;Gala&gt; &amp; more"), std::string::npos);
}

}  // namespace
}  // namespace bridgemap::report
