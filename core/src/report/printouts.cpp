// The seating plan on paper: briefing, table pages, the A–Z list and place cards as A4 pages
// of one HTML file (printouts.hpp).

#include <bridgemap/report/printouts.hpp>

#include <bridgemap/io/text.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/report/html.hpp>

#include <algorithm>
#include <numeric>
#include <string>

namespace bridgemap::report {
namespace {

constexpr std::size_t k_cards_per_page = 8;

/// The A4 pages: fixed size, one per sheet, laid out for print and shown as sheets on screen.
constexpr const char* k_style = R"(@page{size:A4 portrait;margin:0}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;font-size:10pt;color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{width:210mm;height:296mm;padding:14mm 15mm 16mm;overflow:hidden;position:relative;break-after:page;page-break-after:always}
.page:last-child{break-after:auto;page-break-after:auto}
@media screen{body{background:#777}.page{background:#fff;margin:6mm auto}}
h1{font-size:19pt;margin:0 0 1.5mm}
h2{font-size:12pt;margin:5mm 0 1.5mm}
.sub{color:#333;margin:0 0 4mm;font-size:10.5pt}
p{margin:0 0 2mm}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th{text-align:left;font-size:8pt;text-transform:uppercase;letter-spacing:.03em;color:#333;border-bottom:1.2pt solid #111;padding:1.2mm 1.5mm}
td{padding:1.6mm 1.5mm;border-bottom:.4pt solid #aaa;vertical-align:top;overflow-wrap:anywhere}
td.n,th.n{width:9mm;text-align:right;color:#333}
tr.host td{background:#e6e6e6}
.table table{font-size:11.5pt}
.table td{padding:2.2mm 1.5mm}
.table td.met{font-size:10pt}
.tag{display:inline-block;font-size:7pt;font-weight:bold;border:.7pt solid #111;border-radius:1mm;padding:0 1mm;margin-left:1.5mm;vertical-align:1pt;text-transform:uppercase}
.met b{font-weight:bold}
.note{font-size:8.5pt;color:#333}
.foot{position:absolute;bottom:7mm;left:15mm;right:15mm;font-size:7.5pt;color:#555;display:flex;justify-content:space-between}
.list td{padding:1.1mm 1.5mm;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.list td.r,.list th.r{width:17mm;text-align:center}
.list td.r{font-size:12pt;font-weight:bold;padding-top:.4mm;padding-bottom:.4mm}
.cards{padding:0}
.card{position:absolute;width:90mm;height:62mm;border:.3pt dotted #bbb;padding:6mm 6mm 5mm;display:flex;flex-direction:column;text-align:center}
.card .ev{font-size:7.5pt;color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.card .nm{font-size:19pt;font-weight:bold;margin-top:5mm;line-height:1.15;max-height:22mm;overflow:hidden;overflow-wrap:anywhere}
.card .org{font-size:10pt;color:#333;margin-top:1.5mm;max-height:9mm;overflow:hidden}
.card .tb{margin-top:auto;display:flex;justify-content:center;gap:2mm}
.card .tb div{border:.8pt solid #111;border-radius:1.5mm;padding:.8mm 2mm;font-size:7.5pt;min-width:14mm}
.card .tb b{display:block;font-size:15pt}
.cut{position:absolute;background:#000}
.cut.h{height:.25mm;width:5mm}
.cut.v{width:.25mm;height:5mm}
.cols{column-count:3;column-gap:6mm;font-size:8.5pt}
.cols div{break-inside:avoid}
.facts td{border:none;padding:.6mm 1.5mm;font-size:9.5pt}
.intro td{padding:1mm 1.5mm;font-size:9pt}
.intro td div{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.id{font-size:7.5pt;color:#555;margin-left:1.5mm}
)";

const Member& member_of(const PrintedPlan& printed, std::uint32_t person) {
    return printed.network->members[printed.problem->people[person]];
}

std::string name_of(const PrintedPlan& printed, std::uint32_t person) {
    return member_of(printed, person).display_name();
}

std::string organisation_of(const PrintedPlan& printed, std::uint32_t person) {
    const Member& member = member_of(printed, person);
    if (member.organisation == k_none) return {};
    return printed.network->organisations[member.organisation].display_name();
}

std::string sector_of(const PrintedPlan& printed, std::uint32_t person) {
    const SectorIndex sector = printed.problem->sectors[person];
    return sector == k_unknown_sector ? "unknown" : printed.problem->sector_names[sector];
}

bool shown(const PrintedPlan& printed, const PrintoutOptions& options, std::uint32_t person) {
    const MemberIndex member = printed.problem->people[person];
    return options.hidden.empty() || !options.hidden[member];
}

std::string escaped(std::string_view text) {
    return html_escape(text);
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return format_count(count) + " " + std::string(count == 1 ? one : many);
}

/// The people shown, A–Z by folded name, then name, then id.
std::vector<std::uint32_t> alphabetical(const PrintedPlan& printed, const PrintoutOptions& options) {
    std::vector<std::uint32_t> people;
    std::vector<std::string> keys(printed.problem->people.size());
    for (std::uint32_t p = 0; p < printed.problem->people.size(); ++p) {
        if (!shown(printed, options, p)) continue;
        people.push_back(p);
        keys[p] = io::fold_case(name_of(printed, p));
    }
    std::sort(people.begin(), people.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        if (name_of(printed, a) != name_of(printed, b)) return name_of(printed, a) < name_of(printed, b);
        return member_of(printed, a).id < member_of(printed, b).id;
    });
    return people;
}

std::string event_title(const PrintedPlan& printed) {
    if (printed.event == k_none) return "Seating plan";
    const Event& event = printed.network->events[printed.event];
    return event.display_name() + (event.date_text.empty() ? std::string() : " · " + event.date_text);
}

void open_page(std::string& html, std::string_view kind) {
    html += "<section class=\"page ";
    html += kind;
    html += "\">\n";
}

void close_page(std::string& html, const PrintedPlan& printed, std::string_view what) {
    html += "<div class=\"foot\"><span>" + escaped(event_title(printed)) + "</span><span>" + escaped(what) +
            "</span></div>\n</section>\n";
}

/// The table of one round, which persons are shown and their seat numbers (1-based, in
/// display order; hidden people get none).
std::vector<std::uint32_t> shown_at(const PrintedPlan& printed, const PrintoutOptions& options,
                                    const PrintedTable& table) {
    std::vector<std::uint32_t> result;
    for (const std::uint32_t p : table.persons) {
        if (shown(printed, options, p)) result.push_back(p);
    }
    return result;
}

void table_pages(const PrintedPlan& printed, const PrintoutOptions& options, std::string& html) {
    const SeatingProblem& problem = *printed.problem;
    const std::size_t per_page = std::max<std::size_t>(1, options.table_rows_per_page);
    for (std::size_t r = 0; r < printed.tables.size(); ++r) {
        for (std::size_t t = 0; t < printed.tables[r].size(); ++t) {
            const PrintedTable& table = printed.tables[r][t];
            const std::vector<std::uint32_t> people = shown_at(printed, options, table);
            const std::size_t not_listed = table.persons.size() - people.size();
            const std::size_t pages = std::max<std::size_t>(1, (people.size() + per_page - 1) / per_page);
            const bool hosted = !people.empty() && printed.is_host[people.front()];
            for (std::size_t page = 0; page < pages; ++page) {
                open_page(html, "table");
                html += "<h1>Round " + std::to_string(r + 1) + " · Table " + std::to_string(t + 1) +
                        (page > 0 ? " (continued)" : "") + "</h1>\n";
                html += "<p class=\"sub\">" + plural(table.persons.size(), "person", "people") + " · " +
                        plural(table.new_pairs.size(), "new cross-sector pair", "new cross-sector pairs") + " · " +
                        (hosted ? "host: " + escaped(name_of(printed, people.front()))
                                : std::string("no host at this table")) +
                        "</p>\n";
                html +=
                    "<table><thead><tr><th class=\"n\">#</th><th style=\"width:50mm\">Name</th><th "
                    "style=\"width:58mm\">Organisation</th><th style=\"width:29mm\">Sector</th><th>Has not met "
                    "(by #)</th></tr></thead><tbody>\n";
                const std::size_t end = std::min(people.size(), (page + 1) * per_page);
                for (std::size_t i = page * per_page; i < end; ++i) {
                    const std::uint32_t p = people[i];
                    const bool host = printed.is_host[p];
                    html += host ? "<tr class=\"host\">" : "<tr>";
                    html += "<td class=\"n\">" + std::to_string(i + 1) + "</td><td>" + escaped(name_of(printed, p));
                    if (host) html += "<span class=\"tag\">Host</span>";
                    html += "</td><td>" + escaped(organisation_of(printed, p)) + "</td><td>" +
                            escaped(sector_of(printed, p)) + "</td><td class=\"met\">";
                    std::string unmet;
                    std::size_t count = 0;
                    for (std::size_t j = 0; j < people.size(); ++j) {
                        const std::uint32_t q = people[j];
                        if (q == p || problem.values.has(p, q, PairValues::tied)) continue;
                        ++count;
                        const bool cross = problem.values.has(p, q, PairValues::cross_sector);
                        if (!unmet.empty()) unmet += ' ';
                        if (cross) unmet += "<b>";
                        unmet += std::to_string(j + 1);
                        if (cross) unmet += "</b>";
                    }
                    if (people.size() > 1 && count == people.size() - 1)
                        html += "everyone";
                    else
                        html += count == 0 ? "— (has met everyone here)" : unmet;
                    html += "</td></tr>\n";
                }
                html += "</tbody></table>\n";
                if (page + 1 == pages) {
                    if (not_listed > 0) {
                        html += "<p class=\"note\">And " + plural(not_listed, "guest", "guests") +
                                " not listed here (by their choice).</p>\n";
                    }
                    html +=
                        "<p class=\"note\">“Has not met”: the people at this table (by #) with whom they had no tie "
                        "before the event (“everyone”: nobody here); <b>bold</b>: from another sector. " +
                        std::string(hosted ? "The host stays at this table every round." : "") + "</p>\n";
                }
                close_page(html, printed,
                           "Round " + std::to_string(r + 1) + ", table " + std::to_string(t + 1) + " of " +
                               std::to_string(printed.tables[r].size()));
            }
        }
    }
}

void list_pages(const PrintedPlan& printed, const PrintoutOptions& options, const std::vector<std::uint32_t>& people,
                std::string& html) {
    const std::size_t rounds = printed.tables.size();
    const std::size_t per_page = std::max<std::size_t>(1, options.list_rows_per_page);
    const std::size_t pages = std::max<std::size_t>(1, (people.size() + per_page - 1) / per_page);
    for (std::size_t page = 0; page < pages; ++page) {
        const std::size_t begin = page * per_page;
        const std::size_t end = std::min(people.size(), begin + per_page);
        open_page(html, "list");
        html += "<h1>Find your table</h1>\n<p class=\"sub\">";
        if (begin < end) {
            html += escaped(name_of(printed, people[begin])) + " – " + escaped(name_of(printed, people[end - 1]));
        }
        html += rounds > 1 ? " · your table in each round" : "";
        html += "</p>\n<table class=\"list\"><thead><tr><th style=\"width:62mm\">Name</th><th>Organisation</th>";
        for (std::size_t r = 0; r < rounds; ++r) html += "<th class=\"r\">Round " + std::to_string(r + 1) + "</th>";
        html += "</tr></thead><tbody>\n";
        for (std::size_t i = begin; i < end; ++i) {
            const std::uint32_t p = people[i];
            html += "<tr><td>" + escaped(name_of(printed, p));
            // Two people of one name: their ids tell them apart.
            const bool twin = (i > 0 && name_of(printed, people[i - 1]) == name_of(printed, p)) ||
                              (i + 1 < people.size() && name_of(printed, people[i + 1]) == name_of(printed, p));
            if (twin) html += "<span class=\"id\">" + escaped(member_of(printed, p).id) + "</span>";
            if (printed.is_host[p]) html += "<span class=\"tag\">Host</span>";
            html += "</td><td>" + escaped(organisation_of(printed, p)) + "</td>";
            for (std::size_t r = 0; r < rounds; ++r) {
                html += "<td class=\"r\">" + std::to_string(printed.plan->rounds[r].table_of[p] + 1) + "</td>";
            }
            html += "</tr>\n";
        }
        html += "</tbody></table>\n";
        close_page(html, printed, "Find your table, page " + std::to_string(page + 1) + " of " + std::to_string(pages));
    }
}

/// Cut marks 1 mm outside each corner of a card at (left, top), 5 mm long.
std::string cut_marks(double left, double top, double width, double height) {
    std::string html;
    const auto mark = [&](const char* kind, double x, double y) {
        html += "<div class=\"cut ";
        html += kind;
        html += "\" style=\"left:" + io::fixed(x, 2) + "mm;top:" + io::fixed(y, 2) + "mm\"></div>";
    };
    for (const double y : {top, top + height}) {
        mark("h", left - 6.0, y - 0.125);
        mark("h", left + width + 1.0, y - 0.125);
    }
    for (const double x : {left, left + width}) {
        mark("v", x - 0.125, top - 6.0);
        mark("v", x - 0.125, top + height + 1.0);
    }
    return html + "\n";
}

void card_pages(const PrintedPlan& printed, const PrintoutOptions& options, std::string& html) {
    // By table of the first round, then A–Z: the cards of one table lie together.
    std::vector<std::uint32_t> people = alphabetical(printed, options);
    std::stable_sort(people.begin(), people.end(), [&](std::uint32_t a, std::uint32_t b) {
        return printed.plan->rounds[0].table_of[a] < printed.plan->rounds[0].table_of[b];
    });
    constexpr double k_width = 90.0;
    constexpr double k_height = 62.0;
    constexpr double k_gap = 6.0;
    constexpr double k_left = 10.0;  // (210 − 2·90 − 10) / 2
    constexpr double k_top = 15.0;   // (296 − 4·62 − 3·6) / 2: the cut marks end 9 mm above the footer
    const std::size_t pages = (people.size() + k_cards_per_page - 1) / k_cards_per_page;
    const std::string title = escaped(event_title(printed));
    for (std::size_t page = 0; page < pages; ++page) {
        open_page(html, "cards");
        for (std::size_t k = 0; k < k_cards_per_page; ++k) {
            const std::size_t i = page * k_cards_per_page + k;
            if (i >= people.size()) break;
            const std::uint32_t p = people[i];
            const double left = k_left + static_cast<double>(k % 2) * (k_width + 10.0);
            const double top = k_top + static_cast<double>(k / 2) * (k_height + k_gap);
            html += "<div class=\"card\" style=\"left:" + io::fixed(left, 2) + "mm;top:" + io::fixed(top, 2) +
                    "mm\"><div class=\"ev\">" + title + "</div><div class=\"nm\">" + escaped(name_of(printed, p)) +
                    "</div><div class=\"org\">" + escaped(organisation_of(printed, p)) + "</div><div class=\"tb\">";
            for (std::size_t r = 0; r < printed.tables.size(); ++r) {
                html += "<div>" +
                        std::string(printed.is_host[p]          ? "Host, table"
                                    : printed.tables.size() > 1 ? "Round " + std::to_string(r + 1)
                                                                : "Table") +
                        "<b>" + std::to_string(printed.plan->rounds[r].table_of[p] + 1) + "</b></div>";
                if (printed.is_host[p]) break;  // hosts stay at their table
            }
            html += "</div></div>\n" + cut_marks(left, top, k_width, k_height);
        }
        close_page(html, printed, "Place cards, page " + std::to_string(page + 1) + " of " + std::to_string(pages));
    }
}

void briefing_page(const PrintedPlan& printed, const PrintoutOptions& options, std::string& html) {
    const SeatingProblem& problem = *printed.problem;
    const std::size_t n = problem.people.size();
    std::size_t hidden = 0;
    for (std::uint32_t p = 0; p < n; ++p) hidden += shown(printed, options, p) ? 0 : 1;
    open_page(html, "briefing");
    html += "<h1>Convenor’s briefing</h1>\n<p class=\"sub\">" + escaped(event_title(printed)) + "</p>\n";
    html += "<table class=\"facts\"><tbody>\n";
    const auto fact = [&](std::string_view label, const std::string& text) {
        html += "<tr><td style=\"width:38mm\"><b>" + std::string(label) + "</b></td><td>" + text + "</td></tr>\n";
    };
    fact("Seating", plural(n, "person", "people") + " at " + escaped(describe_tables(problem.table_sizes)) + ", " +
                        plural(problem.rounds, "round", "rounds") + "; no pair sits together twice.");
    std::string hosts = problem.hosts.empty() ? std::string("none.") : "";
    for (std::size_t k = 0; k < problem.hosts.size(); ++k) {
        const std::uint32_t p = problem.hosts[k];
        hosts += (k > 0 ? "; " : "") + std::string("table ") + std::to_string(k + 1) + ": " +
                 (shown(printed, options, p) ? escaped(name_of(printed, p)) : std::string("a guest not listed"));
    }
    if (!problem.hosts.empty()) hosts += ".";
    const std::string missing = hosts_note(problem);
    if (!missing.empty()) hosts += " <b>" + escaped(missing) + "</b>";
    fact("Hosts", hosts);
    const SeatingPlan& plan = *printed.plan;
    fact("New meetings",
         format_count(plan.score.new_cross_sector_pairs) +
             " new cross-sector pairs (people of different sectors with no tie yet seated together); random seating "
             "makes " +
             format_for_people(plan.random_new_cross_sector_pairs, 0) + ", no seating more than " +
             format_count(plan.bound.new_cross_sector_pairs) + ".");
    fact("Fair spread", escaped(fair_spread_note(problem, plan)));
    if (!options.tie_model.empty()) fact("Ties", "<span class=\"note\">" + escaped(options.tie_model) + "</span>");
    html += "</tbody></table>\n";

    // Who is coming, by sector (unknown last).
    std::vector<std::size_t> count(problem.sector_names.size() + 1, 0);
    for (const SectorIndex sector : problem.sectors) ++count[sector == k_unknown_sector ? count.size() - 1 : sector];
    html += "<h2>Who is coming</h2>\n<p>";
    bool first = true;
    std::vector<std::size_t> order(problem.sector_names.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return count[a] > count[b]; });
    order.push_back(count.size() - 1);
    for (const std::size_t s : order) {
        if (count[s] == 0) continue;
        html += (first ? "" : " · ") + std::string("<b>") + format_count(count[s]) + "</b> " +
                escaped(s + 1 == count.size() ? "of unknown sector" : problem.sector_names[s]);
        first = false;
    }
    html += ".";
    if (hidden > 0) html += " " + plural(hidden, "guest is", "guests are") + " on no list or card, by their choice.";
    html += "</p>\n";

    // Nobody of another sector they know in the room.
    std::vector<std::uint32_t> alone;
    for (const std::uint32_t p : alphabetical(printed, options)) {
        if (problem.sectors[p] == k_unknown_sector) continue;
        bool tied = false;
        for (std::uint32_t q = 0; q < n && !tied; ++q) {
            tied = q != p && problem.values.has(p, q, PairValues::cross_sector) &&
                   problem.values.has(p, q, PairValues::tied);
        }
        if (!tied) alone.push_back(p);
    }
    html += "<h2>No tie across sectors in the room (" + format_count(alone.size()) + ")</h2>\n";
    if (alone.empty()) {
        html += "<p>Everyone of known sector already knows someone here from another sector.</p>\n";
    } else {
        constexpr std::size_t k_most_names = 30;
        html +=
            "<p class=\"note\">Before the event they had no tie with anyone here from another sector: worth a "
            "welcome and an introduction.</p>\n<div class=\"cols\">";
        for (std::size_t i = 0; i < alone.size() && i < k_most_names; ++i) {
            html += "<div>" + escaped(name_of(printed, alone[i])) + " <span class=\"note\">(" +
                    escaped(sector_of(printed, alone[i])) + ")</span></div>";
        }
        if (alone.size() > k_most_names)
            html += "<div>… and " + format_count(alone.size() - k_most_names) + " more</div>";
        html += "</div>\n";
    }

    html += "<h2>Introductions to make in the room</h2>\n";
    if (options.introductions.empty()) {
        html += "<p>No introduction among the people here would add reach across sectors.</p>\n";
    } else {
        html +=
            "<table class=\"intro\"><thead><tr><th class=\"n\">#</th><th>Introduce</th><th>to</th><th "
            "style=\"width:40mm\">Who can "
            "introduce them</th></tr></thead><tbody>\n";
        const Network& network = *printed.network;
        const auto person = [&](MemberIndex member) {
            const Member& m = network.members[member];
            std::string text = "<div>" + escaped(m.display_name()) + "</div><div class=\"note\">";
            if (m.organisation != k_none) text += escaped(network.organisations[m.organisation].display_name()) + ", ";
            return text;
        };
        std::vector<std::uint32_t> person_of(network.members.size(), k_none);
        for (std::uint32_t p = 0; p < n; ++p) person_of[problem.people[p]] = p;
        const auto with_sector = [&](MemberIndex member) {
            return person(member) + escaped(sector_of(printed, person_of[member])) + "</div>";
        };
        for (std::size_t k = 0; k < options.introductions.size(); ++k) {
            const Introduction& intro = options.introductions[k];
            html += "<tr><td class=\"n\">" + std::to_string(k + 1) + "</td><td>" + with_sector(intro.a) + "</td><td>" +
                    with_sector(intro.b) + "</td><td>" +
                    (intro.introducer == k_none
                         ? std::string("<div>you</div><div class=\"note\">no mutual contact here</div>")
                         : "<div>" + escaped(network.members[intro.introducer].display_name()) + "</div>") +
                    "</td></tr>\n";
        }
        html +=
            "</tbody></table>\n<p class=\"note\">Pairs not seated together in any round, chosen to add most reach "
            "across sectors; the introducer knows both and is in the room.</p>\n";
    }
    close_page(html, printed, "Briefing");
}

}  // namespace

PrintoutPages printout_pages(const PrintedPlan& printed, const PrintoutOptions& options) {
    PrintoutPages pages;
    const std::size_t per_table = std::max<std::size_t>(1, options.table_rows_per_page);
    for (const auto& round : printed.tables) {
        for (const auto& table : round) {
            const std::size_t people = shown_at(printed, options, table).size();
            pages.tables += std::max<std::size_t>(1, (people + per_table - 1) / per_table);
        }
    }
    std::size_t people = 0;
    for (std::uint32_t p = 0; p < printed.problem->people.size(); ++p) people += shown(printed, options, p) ? 1 : 0;
    const std::size_t per_list = std::max<std::size_t>(1, options.list_rows_per_page);
    pages.list = std::max<std::size_t>(1, (people + per_list - 1) / per_list);
    pages.cards = (people + k_cards_per_page - 1) / k_cards_per_page;
    return pages;
}

std::vector<Introduction> room_introductions(const Network& before, const PrintedPlan& printed, const TieOptions& ties,
                                             std::uint64_t seed, const std::vector<bool>& hidden, std::size_t count) {
    if (count == 0) return {};
    IntroductionOptions options;
    options.ties = ties;
    options.count = count;
    options.seed = seed;
    options.include_inactive = true;  // coming to the event is activity enough
    options.hidden.assign(before.members.size(), true);
    for (const MemberIndex member : printed.problem->people) {
        options.hidden[member] = !hidden.empty() && hidden[member];
    }
    // Pairs the plan seats together meet anyway.
    for (const auto& round : printed.tables) {
        for (const auto& table : round) {
            for (std::size_t i = 0; i < table.persons.size(); ++i) {
                for (std::size_t j = i + 1; j < table.persons.size(); ++j) {
                    options.exclude.emplace_back(printed.problem->people[table.persons[i]],
                                                 printed.problem->people[table.persons[j]]);
                }
            }
        }
    }
    return recommend_introductions(before, options).introductions;
}

std::string seating_printouts(const PrintedPlan& printed, const PrintoutOptions& options) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
                       escaped("Printouts: " + event_title(printed)) + "</title>\n<style>" + k_style +
                       "</style></head><body>\n";
    briefing_page(printed, options, html);
    table_pages(printed, options, html);
    list_pages(printed, options, alphabetical(printed, options), html);
    card_pages(printed, options, html);
    html += "</body></html>\n";
    return html;
}

}  // namespace bridgemap::report
