#include <bridgemap/report/html.hpp>
#include <bridgemap/report/html_report.hpp>
#include <bridgemap/report/interactive_map.hpp>

#include <bridgemap/model/inventory.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace bridgemap::report {
namespace {

constexpr std::size_t k_top_rows = 25;

constexpr const char* k_style = R"CSS(
:root { --ink: #1d2329; --muted: #5b6670; --line: #d5dbe0; --paper: #ffffff; --tint: #f4f6f8;
        --under: #c55a11; --over: #0b6fa4; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: var(--paper); }
header, main, footer { max-width: 70rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; padding-top: .5rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
p, li, dd, td, th, caption, figcaption { overflow-wrap: break-word; }
p.lead { color: var(--muted); margin-top: 0; }
nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: 1rem 0; }
nav a { color: var(--accent); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.figure { background: var(--tint); border-radius: .5rem; padding: .75rem 1rem; }
.figure b { display: block; font-size: 1.6rem; line-height: 1.2; }
.figure span { color: var(--muted); font-size: .9rem; }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: .4rem 0; font-size: 1.05rem; }
.table-scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.table-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
table { border-collapse: separate; border-spacing: 0; min-width: 100%; font-size: .93rem; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; caption-side: top; }
caption span { display: inline-block; position: sticky; left: 0; max-width: calc(100vw - 2rem); }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.text { min-width: 14rem; }
th { background: var(--tint); font-weight: 600; }
.table-scroll tr > :first-child { position: sticky; left: 0; z-index: 1; background: var(--paper);
                                  box-shadow: inset -1px 0 0 var(--line); }
.table-scroll thead tr > :first-child, .table-scroll tbody th:first-child { background: var(--tint); }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit;
            text-align: inherit; }
th button::after { content: " \2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \2191"; }
th[aria-sort="descending"] button::after { content: " \2193"; }
table.heatmap td { text-align: center; min-width: 4.5rem; }
.weak { font-weight: 700; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .3rem; background: #fde8d7; color: #7a3306;
       font-size: .85rem; }
figure { margin: 1rem 0; }
.map { border: 1px solid var(--line); border-radius: .5rem; overflow: auto; background: #fff; }
.map svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
dl.method { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .3rem 1rem; }
dl.method dt { font-weight: 600; }
dl.method dd { margin: 0; min-width: 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; background: var(--tint); padding: 0 .2rem;
       overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: .85rem; padding: 2rem 1rem 3rem; }
@media screen and (max-width: 64rem) { .map > svg { min-width: var(--readable-width, 0); } }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.5rem; }
  dl.method { grid-template-columns: 1fr; }
  th, td { padding: .3rem .45rem; }
  table.sortable td:not(.num) { min-width: 8rem; }
  table.cards, table.cards caption, table.cards tbody, table.cards tr, table.cards td { display: block; }
  table.cards { min-width: 0; }
  table.cards caption span { position: static; max-width: none; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
                      white-space: nowrap; }
  table.cards tr { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 .6rem; padding: .4rem .7rem; }
  .table-scroll table.cards td { border: 0; padding: .1rem 0; text-align: left; min-width: 0; position: static;
                                 box-shadow: none; }
  table.cards td::before { content: attr(data-label) " "; color: var(--muted); font-size: .85rem; }
  table.cards td:first-child { font-weight: 600; }
  table.cards td.text::before { display: block; }
}
@page { margin: 15mm 12mm 18mm; }
@media print {
  nav, th button::after { display: none; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { margin-top: 1.5rem; }
  h2, h3, caption, thead, dt { break-after: avoid; }
  tbody tr:first-child { break-before: avoid; }
  dd { break-inside: avoid; }
  thead { display: table-header-group; }
  tr, figure, .figure { break-inside: avoid; }
  th button { display: contents; }
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .35rem; }
  td.text { min-width: 0; }
  .table-scroll { overflow: visible; }
  .table-scroll tr > :first-child { position: static; box-shadow: none; }
  caption span { position: static; max-width: none; }
  .map { overflow: visible; border: 0; }
  .map > svg { min-width: 0; max-width: 100%; max-height: 23cm; width: auto; margin: 0 auto; }
  a { color: inherit; }
}
)CSS";

constexpr const char* k_script = R"JS(
(function () {
  // The width at which a drawing's smallest text is 10 px (or the drawn width, if smaller): on a
  // narrow screen the drawing keeps it and scrolls inside its frame (see --readable-width).
  document.querySelectorAll('.map > svg').forEach(function (svg) {
    var shown = svg.getBoundingClientRect().width;
    var drawn = svg.width && svg.width.baseVal ? svg.width.baseVal.value : 0;
    var smallest = Infinity;
    svg.querySelectorAll('text').forEach(function (text) {
      var matrix = text.getScreenCTM();
      var size = matrix ? parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b) : 0;
      if (size > 0 && size < smallest) { smallest = size; }
    });
    if (shown > 0 && drawn > 0 && smallest < Infinity) {
      var readable = Math.ceil(Math.min(drawn, drawn * 10 / (smallest * drawn / shown)));
      svg.style.setProperty('--readable-width', readable + 'px');
    }
  });
  function value(cell) {
    var raw = cell.getAttribute('data-sort');
    var text = raw !== null ? raw : cell.textContent.trim();
    var number = parseFloat(text);
    return { text: text.toLowerCase(), number: isNaN(number) ? null : number };
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      var button = th.querySelector('button');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[column]), y = value(b.cells[column]);
          var order = (x.number !== null && y.number !== null) ? x.number - y.number
                                                               : x.text.localeCompare(y.text);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
)JS";

std::string e(std::string_view text) {
    return html_escape(text);
}

std::string number_cell(double value, int digits) {
    if (!is_defined(value)) return "<td class=\"num\" data-sort=\"\">n/a</td>";
    char raw[64];
    std::snprintf(raw, sizeof raw, "%.12g", value);
    return "<td class=\"num\" data-sort=\"" + std::string(raw) + "\">" + format_for_people(value, digits) + "</td>";
}

std::string count_cell(std::uint64_t value) {
    return "<td class=\"num\" data-sort=\"" + std::to_string(value) + "\">" + format_count(value) + "</td>";
}

/// A table's frame and caption: the frame scrolls sideways when the table is wider than the
/// screen (its first column stays in view), and takes the keyboard focus so that it can be
/// scrolled without a mouse; the caption names it for screen readers.
std::string table_open(const std::string& table_class, const std::string& caption) {
    return "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + e(caption) +
           "\"><table class=\"" + table_class + "\"><caption><span>" + e(caption) + "</span></caption>";
}

/// How a table shows on a narrow screen: as a table that scrolls sideways in its frame, or as
/// one card per row, each value under its column's name (for rows that are mostly prose).
enum class TableShape { rows, cards_on_a_phone };

/// A sortable table's opening, caption and header row; `numeric` marks right-aligned columns.
/// Cards state the table's roles outright: browsers may stop announcing a table as one when its
/// cells are laid out as blocks.
std::string table_head(const std::string& caption, const std::vector<std::pair<std::string, bool>>& columns,
                       TableShape shape = TableShape::rows) {
    const bool cards = shape == TableShape::cards_on_a_phone;
    std::string out =
        cards ? table_open("sortable cards\" role=\"table", caption) + "<thead role=\"rowgroup\"><tr role=\"row\">"
              : table_open("sortable", caption) + "<thead><tr>";
    for (const auto& [name, numeric] : columns) {
        out += std::string("<th scope=\"col\"") + (cards ? " role=\"columnheader\"" : "") +
               (numeric ? " class=\"num\"" : "") + "><button type=\"button\">" + e(name) + "</button></th>";
    }
    return out + (cards ? "</tr></thead><tbody role=\"rowgroup\">" : "</tr></thead><tbody>");
}

/// A cell of a card table: `cell` is a "<td" element, given its role and its column's name,
/// which a narrow screen shows before the value.
std::string card_cell(const std::string& cell, const std::string& column) {
    return "<td role=\"cell\" data-label=\"" + e(column) + "\"" + cell.substr(3);
}

const char* k_table_end = "</tbody></table></div>";

std::string member_name(const Network& network, MemberIndex member) {
    return e(network.members[member].display_name());
}

std::string sector_of(const Network& network, MemberIndex member) {
    return e(network.sector_name(network.members[member].sector));
}

std::string organisation_of(const Network& network, MemberIndex member) {
    const auto organisation = network.members[member].organisation;
    return organisation == k_none ? "" : e(network.organisations[organisation].display_name());
}

/// The SVG element of an SVG document (Graphviz writes an XML prolog and a DOCTYPE, which
/// do not belong inside HTML).
std::string inline_svg(const std::string& svg) {
    const auto start = svg.find("<svg");
    return start == std::string::npos ? std::string() : svg.substr(start);
}

std::string headline(const ReportContent& content) {
    const Network& network = *content.network;
    const Analysis& analysis = *content.analysis;
    std::string out =
        "<section id=\"headline\" aria-labelledby=\"headline-title\"><h2 id=\"headline-title\">At a glance</h2>";
    out += "<div class=\"figures\">";
    const auto figure = [&](const std::string& value, const std::string& label) {
        out += "<div class=\"figure\"><b>" + value + "</b><span>" + e(label) + "</span></div>";
    };
    figure(format_count(network.members.size()), "members");
    figure(format_count(analysis.graph.tie_count()), "ties between them");
    figure(format_count(analysis.sectors.count()), "sectors");
    figure(format_count(network.events.size()), "events in the window");
    figure(format_percent(analysis.largest_component_share), "in the largest connected part");
    out += "</div>";
    if (!content.findings.empty()) {
        out += "<ul class=\"findings\">";
        for (const auto& finding : content.findings) {
            out += "<li>" + e(finding.text) + " <a href=\"#" + e(finding.section) + "\">See the table</a>.</li>";
        }
        out += "</ul>";
    }
    return out + "</section>";
}

/// Colour for an observed/expected ratio: orange below 1, blue above, stronger further away.
std::string heat_style(double ratio) {
    if (!is_defined(ratio)) return "";
    const double strength = std::min(1.0, std::abs(std::log2(std::max(ratio, 1e-3))) / 2.0);
    const int alpha = static_cast<int>(std::lround(20 + 60 * strength));
    return ratio < 1.0 ? " style=\"background: rgba(230,159,0,0." + std::to_string(alpha) + ")\""
                       : " style=\"background: rgba(86,180,233,0." + std::to_string(alpha) + ")\"";
}

std::string sector_mixing(const ReportContent& content) {
    const Analysis& analysis = *content.analysis;
    const Sectors& sectors = analysis.sectors;
    const SectorMixing& mixing = analysis.mixing;
    std::string out =
        "<section id=\"mixing\" aria-labelledby=\"mixing-title\"><h2 id=\"mixing-title\">Sector mixing</h2>";
    out +=
        "<p>Each cell compares the ties between two sectors with the number expected if ties ignored sectors "
        "(1.00 means as expected; below 1, the two sectors under-connect). Orange cells are below "
        "expectation and blue above; the number is always printed, and the weakest pairs are marked "
        "\u25BC.</p>";
    if (sectors.count() < 2) {
        return out + "<p>With fewer than two known sectors there is nothing to compare.</p></section>";
    }
    std::vector<std::vector<double>> ratio(sectors.count(), std::vector<double>(sectors.count(), k_not_defined));
    for (const auto& pair : mixing.pairs) ratio[pair.a][pair.b] = ratio[pair.b][pair.a] = pair.ratio;
    std::vector<std::pair<SectorIndex, SectorIndex>> weakest;
    for (const auto& link : content.weak_spots.sector_pairs) {
        if (weakest.size() < 3 && is_defined(link.ratio) && link.ratio < 1.0) weakest.emplace_back(link.a, link.b);
    }
    out += table_open("heatmap", "Ties observed \u00F7 expected, by pair of sectors") +
           "<thead><tr><th scope=\"col\">Sector</th>";
    for (const auto& name : sectors.names) out += "<th scope=\"col\">" + e(name) + "</th>";
    out += "</tr></thead><tbody>";
    for (std::size_t a = 0; a < sectors.count(); ++a) {
        out += "<tr><th scope=\"row\">" + e(sectors.names[a]) + "</th>";
        for (std::size_t b = 0; b < sectors.count(); ++b) {
            const bool weak =
                std::find(weakest.begin(), weakest.end(),
                          std::pair<SectorIndex, SectorIndex>(std::min(a, b), std::max(a, b))) != weakest.end();
            out += "<td" + heat_style(ratio[a][b]) + (weak ? " class=\"weak\"" : "") + ">" + (weak ? "\u25BC " : "") +
                   format_for_people(ratio[a][b], 2) + "</td>";
        }
        out += "</tr>";
    }
    out += std::string(k_table_end);
    out += "<p><strong>E-I index</strong> (+1 when every tie crosses sectors, \u22121 when none does): " +
           format_for_people(mixing.ei_index, 2) + ", against " + format_for_people(mixing.expected_ei_index, 2) +
           " if ties ignored sectors (Krackhardt\u2019s baseline from the sectors\u2019 sizes). Assortativity by "
           "sector: " +
           format_for_people(mixing.assortativity, 2) + " (0 is random mixing, 1 only within sectors).</p>";

    out +=
        "<h3 id=\"reach\">Reach between sectors</h3><p>Of each row\u2019s members, the share who have a tie "
        "to someone in the column\u2019s sector, and (after the slash) the share who know someone there directly "
        "or through one contact. Shares below half are in bold and marked \u25BC.</p>";
    std::vector<std::vector<const SectorReach*>> reach(sectors.count(),
                                                       std::vector<const SectorReach*>(sectors.count()));
    for (const auto& entry : mixing.reach) reach[entry.from][entry.to] = &entry;
    out +=
        table_open("heatmap", "Reach: directly / within two steps, from the row\u2019s sector to the column\u2019s") +
        "<thead><tr><th scope=\"col\">From \u2193 To \u2192</th>";
    for (const auto& name : sectors.names) out += "<th scope=\"col\">" + e(name) + "</th>";
    out += "</tr></thead><tbody>";
    for (std::size_t a = 0; a < sectors.count(); ++a) {
        out += "<tr><th scope=\"row\">" + e(sectors.names[a]) + " (" + format_count(mixing.members[a]) + ")</th>";
        for (std::size_t b = 0; b < sectors.count(); ++b) {
            const SectorReach* entry = reach[a][b];
            if (a == b || entry == nullptr) {
                out += "<td>\u2013</td>";
                continue;
            }
            const bool weak = entry->within_two < 0.5;
            out += std::string("<td") + (weak ? " class=\"weak\"" : "") + ">" + (weak ? "\u25BC " : "") +
                   format_percent(entry->within_one) + " / " + format_percent(entry->within_two) + "</td>";
        }
        out += "</tr>";
    }
    out += k_table_end;
    return out + "</section>";
}

std::string map_section(const ReportContent& content) {
    std::string out = "<section id=\"map\" aria-labelledby=\"map-title\"><h2 id=\"map-title\">The map</h2>";
    const std::string svg = inline_svg(content.map_svg);
    if (svg.empty()) return out + "<p>No map was drawn.</p></section>";
    out += interactive_map_markup(content);  // the interactive map, when there are positions
    out += "<figure><div class=\"map\" role=\"img\" aria-label=\"" + e(content.map_caption) + "\">" + svg + "</div>";
    out += "<figcaption>" + e(content.map_caption) + "</figcaption></figure>";
    return out + "</section>";
}

std::string bridge_builders(const ReportContent& content) {
    const Network& network = *content.network;
    const Analysis& analysis = *content.analysis;
    std::string out =
        "<section id=\"bridge-builders\" aria-labelledby=\"bridge-builders-title\"><h2 "
        "id=\"bridge-builders-title\">Bridge builders</h2>";
    out +=
        "<p>Members who carry contact between sectors: <em>bridging</em> is the share of shortest routes "
        "between members of different sectors that run through them; a <em>liaison</em> links two people of "
        "two other sectors who are not tied to each other; low <em>constraint</em> means their contacts are "
        "not all tied to one another.</p>";
    const MemberScores& bridging = analysis.paths.bridging;
    const auto is_hidden = [&](MemberIndex m) { return m < content.hidden.size() && content.hidden[m]; };
    const BridgeBuilders builders = rank_bridge_builders(analysis, content.hidden.empty() ? k_top_rows : 0);
    std::vector<MemberIndex> order;
    for (const MemberIndex m : builders.ranked) {
        if (order.size() < k_top_rows && !is_hidden(m)) order.push_back(m);
    }
    if (order.empty()) {
        out +=
            "<p>No member carries cross-sector routes (the network has fewer than two known sectors, or no "
            "ties between them).</p>";
    } else {
        out += table_head("Top " + std::to_string(order.size()) + " members by bridging",
                          {{"Member", false},
                           {"Sector", false},
                           {"Organisation", false},
                           {"Bridging", true},
                           {"Betweenness", true},
                           {"Liaison", true},
                           {"Representative", true},
                           {"Contacts in other sectors", true},
                           {"Constraint", true}});
        for (const MemberIndex i : order) {
            out += "<tr><td>" + member_name(network, i) + "</td><td>" + sector_of(network, i) + "</td><td>" +
                   organisation_of(network, i) + "</td>";
            out += number_cell(bridging[i], 4) + number_cell(analysis.paths.betweenness[i], 4);
            out += count_cell(analysis.brokerage.liaison[i]) + count_cell(analysis.brokerage.representative[i]);
            out +=
                count_cell(analysis.sector_scores.cross_sector_ties[i]) + number_cell(analysis.holes.constraint[i], 3);
            out += "</tr>";
        }
        out += k_table_end;
    }
    if (builders.unknown_left_out > 0) {
        out += "<p>" + format_count(builders.unknown_left_out) +
               (builders.unknown_left_out == 1 ? " member" : " members") +
               " of unknown sector also carry cross-sector routes; they are not ranked, since the data does not say "
               "which sectors they bridge.</p>";
    }

    out += "<h3 id=\"holding-together\">Who holds the network together</h3>";
    std::vector<MemberIndex> holders;
    for (MemberIndex i = 0; i < network.members.size(); ++i) {
        if (analysis.connectivity.would_cut_off[i] > 0 && !is_hidden(i)) holders.push_back(i);
    }
    std::stable_sort(holders.begin(), holders.end(), [&](MemberIndex a, MemberIndex b) {
        return analysis.connectivity.would_cut_off[a] > analysis.connectivity.would_cut_off[b];
    });
    if (holders.empty()) {
        out += "<p>No single member\u2019s absence would split the network.</p>";
    } else {
        if (holders.size() > k_top_rows) holders.resize(k_top_rows);
        out += "<p>" + format_count(analysis.connectivity.articulation_points) +
               " members are the only link between parts of the network: if one of them stepped back, the members "
               "counted here would lose every path to the rest.</p>";
        out += table_head("Members whose absence would split the network",
                          {{"Member", false}, {"Sector", false}, {"Members who would be cut off", true}});
        for (const MemberIndex i : holders) {
            out += "<tr><td>" + member_name(network, i) + "</td><td>" + sector_of(network, i) + "</td>" +
                   count_cell(analysis.connectivity.would_cut_off[i]) + "</tr>";
        }
        out += k_table_end;
    }
    out += "<p>" + format_count(analysis.connectivity.bridges) +
           (analysis.connectivity.bridges == 1 ? " tie is a bridge" : " ties are bridges") +
           ": removing it would split the network.</p>";
    return out + "</section>";
}

std::string weak_spots(const ReportContent& content) {
    const Network& network = *content.network;
    const Analysis& analysis = *content.analysis;
    const Sectors& sectors = analysis.sectors;
    std::string out =
        "<section id=\"weak-spots\" aria-labelledby=\"weak-spots-title\"><h2 id=\"weak-spots-title\">Weak "
        "spots</h2>";
    out += "<h3>Sector pairs that barely connect</h3>";
    if (content.weak_spots.sector_pairs.empty()) {
        out += "<p>With fewer than two known sectors there are no pairs to compare.</p>";
    } else {
        out += table_head("Every pair of sectors, weakest first", {{"Sectors", false},
                                                                   {"Ties", true},
                                                                   {"Expected", true},
                                                                   {"Observed \u00F7 expected", true},
                                                                   {"Members with a tie across", false},
                                                                   {"Settings joining them", true},
                                                                   {"Rests on", false}});
        for (const auto& link : content.weak_spots.sector_pairs) {
            const auto& mixing = analysis.mixing;
            out += "<tr><td>" + e(sectors.names[link.a]) + " \u2013 " + e(sectors.names[link.b]) + "</td>";
            out += count_cell(link.ties) + number_cell(link.expected, 1) + number_cell(link.ratio, 2);
            out += "<td>" + format_count(link.a_members_with_tie) + " of " + format_count(mixing.members[link.a]) +
                   " " + e(sectors.names[link.a]) + "; " + format_count(link.b_members_with_tie) + " of " +
                   format_count(mixing.members[link.b]) + " " + e(sectors.names[link.b]) + "</td>";
            out += count_cell(link.shared_settings);
            std::string rests;
            if (!link.only_person.empty())
                rests += "<span class=\"tag\">one person: " + e(link.only_person) + "</span> ";
            if (link.shared_settings == 1)
                rests += "<span class=\"tag\">one setting: " + e(link.only_setting) + "</span>";
            if (link.ties == 0) rests = "<span class=\"tag\">no tie at all</span>";
            out += "<td>" + rests + "</td></tr>";
        }
        out += k_table_end;
    }

    out +=
        "<h3>Cross-sector ties nobody else backs up</h3><p>Ties between two sectors whose two members have no "
        "contact in common (local bridges): if the tie lapsed, the two circles would lose their short link.</p>";
    std::vector<TieIndex> lonely;
    for (TieIndex t = 0; t < analysis.graph.tie_count(); ++t) {
        if (analysis.cross_sector[t] == CrossSector::yes && analysis.tie_structure.local_bridge[t]) lonely.push_back(t);
    }
    std::stable_sort(lonely.begin(), lonely.end(), [&](TieIndex a, TieIndex b) {
        return analysis.tie_structure.span[a] < 0 ? analysis.tie_structure.span[b] >= 0
                                                  : analysis.tie_structure.span[b] >= 0 &&
                                                        analysis.tie_structure.span[a] > analysis.tie_structure.span[b];
    });
    if (lonely.empty()) {
        out += "<p>None: every cross-sector tie is backed by a shared contact.</p>";
    } else {
        const std::size_t total = lonely.size();
        // Consent: ties of hidden members count in the total but get no row.
        const auto is_hidden = [&](MemberIndex m) { return m < content.hidden.size() && content.hidden[m]; };
        std::erase_if(lonely, [&](TieIndex t) {
            return is_hidden(analysis.graph.tie(t).source) || is_hidden(analysis.graph.tie(t).target);
        });
        if (lonely.size() > k_top_rows) lonely.resize(k_top_rows);
        out +=
            table_head(format_count(total) + " such ties" + (total > k_top_rows ? "; the longest way round first" : ""),
                       {{"Member", false},
                        {"Sector", false},
                        {"Member", false},
                        {"Sector", false},
                        {"Steps apart without it", true}});
        for (const TieIndex t : lonely) {
            const Tie& tie = analysis.graph.tie(t);
            const int span = analysis.tie_structure.span[t];
            out += "<tr><td>" + member_name(network, tie.source) + "</td><td>" + sector_of(network, tie.source) +
                   "</td><td>" + member_name(network, tie.target) + "</td><td>" + sector_of(network, tie.target) +
                   "</td>";
            out += span < 0 ? "<td class=\"num\" data-sort=\"1000000\">no other way</td>"
                            : count_cell(static_cast<std::uint64_t>(span));
            out += "</tr>";
        }
        out += k_table_end;
    }

    out += "<h3>Communities and how they reach out</h3>";
    if (content.weak_spots.communities.empty()) {
        out += "<p>No communities (the network has no ties).</p>";
    } else {
        out += "<p>Communities are closely knit parts of the network (Leiden, modularity " +
               format_for_people(analysis.communities.modularity, 2) +
               "). Bridgeheads are its members with a tie to another community; communities with few of them "
               "barely connect to the rest.</p>";
        auto rows = content.weak_spots.communities;
        if (rows.size() > k_top_rows) rows.resize(k_top_rows);
        out += table_head("Communities, fewest bridgeheads per member first", {{"Community", true},
                                                                               {"Members", true},
                                                                               {"Main sector", false},
                                                                               {"Ties going outside", true},
                                                                               {"Bridgeheads", true}});
        for (const auto& row : rows) {
            out += "<tr>" + count_cell(row.community) + count_cell(row.members) + "<td>" + e(row.main_sector) + " (" +
                   format_percent(row.main_sector_share) + ")</td>";
            out += "<td class=\"num\" data-sort=\"" + std::to_string(row.outside_share) + "\">" +
                   format_percent(row.outside_share) + "</td>" + count_cell(row.bridgeheads) + "</tr>";
        }
        out += k_table_end;
    }
    return out + "</section>";
}

std::string introductions(const ReportContent& content) {
    std::string out =
        "<section id=\"introductions\" aria-labelledby=\"introductions-title\"><h2 "
        "id=\"introductions-title\">Suggested introductions</h2>";
    if (!content.introductions_note.empty()) out += "<p>" + e(content.introductions_note) + "</p>";
    if (content.introductions.empty()) return out + "<p>No introductions to suggest.</p></section>";
    out += table_head("Introductions that would do most for bridging",
                      {{"Rank", true},
                       {"Member", false},
                       {"Member", false},
                       {"Who could introduce them", false},
                       {"Gain", true},
                       {"Why", false}},
                      TableShape::cards_on_a_phone);
    for (std::size_t r = 0; r < content.introductions.size(); ++r) {
        const auto& row = content.introductions[r];
        out += "<tr role=\"row\">" + card_cell(count_cell(r + 1), "Rank") +
               card_cell("<td>" + e(row.member_a) + " (" + e(row.sector_a) + ")</td>", "Member") +
               card_cell("<td>" + e(row.member_b) + " (" + e(row.sector_b) + ")</td>", "Member") +
               card_cell("<td>" + (row.introducer.empty() ? "no mutual contact" : e(row.introducer)) + "</td>",
                         "Who could introduce them") +
               card_cell(number_cell(row.gain, 3), "Gain") +
               card_cell("<td class=\"text\">" + e(row.reason) + "</td>", "Why") + "</tr>";
    }
    return out + k_table_end + "</section>";
}

std::string trend(const ReportContent& content) {
    if (content.trend.empty() && content.trend_svg.empty()) return {};
    std::string out =
        "<section id=\"trend\" aria-labelledby=\"trend-title\"><h2 id=\"trend-title\">Change over "
        "time</h2>";
    if (!content.trend_note.empty()) out += "<p>" + e(content.trend_note) + "</p>";
    const std::string svg = inline_svg(content.trend_svg);
    if (!svg.empty()) {
        out += "<figure><div class=\"map\" role=\"img\" aria-label=\"Cross-sector connection over time\">" + svg +
               "</div><figcaption>Cross-sector connection by period.</figcaption></figure>";
    }
    if (!content.trend.empty()) {
        out += table_head("By period", {{"Period", false},
                                        {"Active members", true},
                                        {"Ties", true},
                                        {"E-I index", true},
                                        {"E-I if ties ignored sectors", true},
                                        {"Note", false}});
        for (const auto& row : content.trend) {
            out += "<tr><td>" + e(row.period) + "</td>" + count_cell(row.active_members) + count_cell(row.ties) +
                   number_cell(row.ei_index, 2) + number_cell(row.expected_ei_index, 2) + "<td>" + e(row.note) +
                   "</td></tr>";
        }
        out += k_table_end;
    }
    return out + "</section>";
}

std::string method(const ReportContent& content) {
    const Analysis& analysis = *content.analysis;
    const Inventory& inventory = content.inventory;
    const AnalysisContext& context = content.context;
    std::string out =
        "<section id=\"method\" aria-labelledby=\"method-title\"><h2 id=\"method-title\">Method</h2><dl "
        "class=\"method\">";
    const auto item = [&](const std::string& term, const std::string& html) {
        out += "<dt>" + e(term) + "</dt><dd>" + html + "</dd>";
    };
    item("Data", "<code>" + e(context.data) + "</code>: " + format_count(inventory.members) + " members, " +
                     format_count(inventory.organisations) + " organisations, " + format_count(inventory.events) +
                     " events, " + format_count(inventory.attendance) + " attendance rows, " +
                     format_count(inventory.groups) + " groups, " + format_count(inventory.group_members) +
                     " group memberships, " + format_count(inventory.affiliations) + " affiliations, " +
                     format_count(inventory.ties) + " recorded ties.");
    item("Dates",
         e(describe_window(context.window)) + " (events dated inside the window; memberships that overlap it).");
    {
        const std::size_t members = content.network->members.size();
        const std::size_t took_part = active_members(*content.network);
        item("Active members",
             context.window.is_open()
                 ? "All " + format_count(members) + " members count in the whole-network figures" +
                       (took_part == members ? std::string(", and every one of them took part in something recorded.")
                                             : "; " + format_count(members - took_part) + " of them never took part" +
                                                   " in anything recorded (no event, group or recorded tie).") +
                       " The year-by-year figures count only the members active in each year."
                 : format_count(took_part) + " of " + format_count(members) +
                       " members took part in the window (attended an event, sat in a group or recorded a tie); "
                       "colleague ties join only them, and the sector baselines and reach count only them.");
    }
    item("Ties", e(describe_tie_model(context.ties, !context.window.is_open())) +
                     " Every section of this report uses this one model. A shared setting "
                     "of n people adds 1/(n\u22121) to the tie\u2019s weight (Newman\u2019s collaboration weighting), "
                     "times the weight of its kind.");
    item("Sectors", "A member\u2019s own sector, or else their organisation\u2019s. " +
                        format_count(analysis.mixing.unknown_members) +
                        (analysis.mixing.unknown_members == 1
                             ? " member of unknown sector stays in the network but is left out of sector comparisons."
                             : " members of unknown sector stay in the network but are left out of sector "
                               "comparisons."));
    item("Measures",
         "Bridging: share of shortest routes (a strong tie is a short step) between members of different sectors "
         "that pass through a member. Brokerage roles: Gould and Fernandez (1989). Constraint: Burt (1992). E-I "
         "index: Krackhardt and Stern (1988). Communities: Leiden (Traag et al. 2019), modularity objective. "
         "Route-based measures: " +
             e(analysis.paths.method) + ".");
    std::string privacy = content.pseudonymised
                              ? "Members and organisations are shown by stable pseudonyms; sectors are real."
                              : "Members are shown by name.";
    if (!content.pseudonymised && content.consent_pseudonyms > 0) {
        privacy += " " + format_count(content.consent_pseudonyms) +
                   (content.consent_pseudonyms == 1 ? " member is" : " members are") +
                   " shown by pseudonym, as their consent asks.";
    }
    std::size_t hidden = 0;
    for (const bool h : content.hidden) hidden += h;
    if (hidden > 0) {
        privacy += " " + format_count(hidden) + (hidden == 1 ? " member asked" : " members asked") +
                   " not to be shown: they count in every figure but appear in no table, list or map.";
    }
    for (const auto& warning : content.privacy_warnings) privacy += " " + e(warning) + ".";
    item("Privacy", privacy);
    item("Reproduce", "<code>" + e(content.command_line) + "</code> (seed " + std::to_string(context.seed) + ").");
    item("Software", "bridgemap " + e(BRIDGEMAP_VERSION));
    return out + "</dl></section>";
}

}  // namespace

std::string render_html_report(const ReportContent& content) {
    std::string html;
    html.reserve(content.map_svg.size() + content.trend_svg.size() + 200000);
    html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html +=
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">\n";
    html += "<title>" + e(content.title) + " \u2013 bridging report</title>\n<style>" + k_style +
            std::string(content.map_look.x.empty() ? std::string_view() : interactive_map_style()) +
            "</style>\n</head>\n<body>\n";
    html += "<header><h1>" + e(content.title) + ": where bridges are strong and weak</h1>";
    html += "<p class=\"lead\">" + e(describe_window(content.context.window)) + ". A report by bridgemap " +
            e(BRIDGEMAP_VERSION) + (content.pseudonymised ? "; members shown by pseudonym" : "") + ".</p>";
    html +=
        "<nav aria-label=\"Sections\"><ol><li><a href=\"#headline\">At a glance</a></li><li><a href=\"#mixing\">Sector "
        "mixing</a></li><li><a href=\"#map\">Map</a></li><li><a href=\"#bridge-builders\">Bridge builders</a></li>"
        "<li><a href=\"#weak-spots\">Weak spots</a></li><li><a href=\"#introductions\">Introductions</a></li>";
    if (!content.trend.empty() || !content.trend_svg.empty())
        html += "<li><a href=\"#trend\">Change over time</a></li>";
    html += "<li><a href=\"#method\">Method</a></li></ol></nav></header>\n<main>\n";
    html += headline(content);
    html += sector_mixing(content);
    html += map_section(content);
    html += bridge_builders(content);
    html += weak_spots(content);
    html += introductions(content);
    html += trend(content);
    html += method(content);
    html += "\n</main>\n<footer>Made with bridgemap " + e(BRIDGEMAP_VERSION) +
            ". Every number is explained in the Method section; the tables can be sorted by clicking their "
            "headings.</footer>\n<script>" +
            std::string(k_script);
    if (!content.map_look.x.empty()) {  // the interactive map: its data, then the viewer
        html += "var BRIDGEMAP_MAP = " + interactive_map_data(content) + ";\n";
        html += interactive_map_script();
    }
    html += "</script>\n</body>\n</html>\n";
    return html;
}

}  // namespace bridgemap::report
