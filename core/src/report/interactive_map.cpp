#include <bridgemap/report/interactive_map.hpp>

#include <bridgemap/model/date.hpp>
#include <bridgemap/report/export_network.hpp>
#include <bridgemap/report/html.hpp>
#include <bridgemap/report/html_report.hpp>
#include <bridgemap/report/weak_spots.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

namespace bridgemap::report {
namespace detail {
// viewer_script.cpp, written by viewer/embed.cmake at build time.
extern const char k_viewer_script[];
extern const std::size_t k_viewer_script_size;
}  // namespace detail

namespace {

/// Positions are integers 0..k_grid on the longer side.
constexpr double k_grid = 10000.0;

constexpr const char* k_style = R"CSS(
.imap { margin: 1rem 0; }
.imap-controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: .5rem; }
.imap-controls label { display: flex; flex-direction: column; flex: 1 1 10rem; min-width: 0; font-size: .85rem;
  color: var(--muted, #5b6670); }
.imap-controls label.imap-check { flex: 0 0 auto; flex-direction: row; gap: .3rem; align-items: center; }
.imap-controls input, .imap-controls select, .imap-controls button { font: inherit; font-size: .95rem; color: inherit; }
.imap-controls select, .imap-controls input[type=search] { padding: .3rem .4rem; border: 1px solid #9aa5ae;
  border-radius: .3rem; background: #fff; width: 100%; }
.imap-search { position: relative; flex: 1 1 14rem; min-width: 0; }
.imap-search input { width: 100%; }
.imap-suggestions { position: absolute; z-index: 5; left: 0; right: 0; margin: 0; padding: 0; list-style: none;
  background: #fff; border: 1px solid #9aa5ae; border-radius: 0 0 .3rem .3rem; max-height: 16rem; overflow-y: auto; }
.imap-suggestions li { padding: .3rem .5rem; cursor: pointer; }
.imap-suggestions li small { color: var(--muted, #5b6670); }
.imap-suggestions li[aria-selected=true], .imap-suggestions li:hover { background: #e3f0f8; }
.imap-year { flex: 1 1 10rem; }
.imap-year input { width: 100%; }
.imap-zoom { display: flex; gap: .25rem; flex: 0 0 auto; }
.imap-zoom button, .imap-panel button { border: 1px solid #9aa5ae; background: #fff; border-radius: .3rem;
  padding: .2rem .55rem; cursor: pointer; }
.imap-body { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: .75rem; }
.imap-canvas { position: relative; height: 34rem; border: 1px solid var(--line, #d5dbe0); border-radius: .5rem;
  background: #fff; overflow: hidden; }
.imap-canvas:focus-visible, .imap button:focus-visible, .imap input:focus-visible, .imap select:focus-visible {
  outline: 3px solid var(--accent, #0072b2); outline-offset: 1px; }
.imap-panel { border: 1px solid var(--line, #d5dbe0); border-radius: .5rem; padding: .6rem .8rem; font-size: .9rem;
  max-height: 34rem; overflow-y: auto; overflow-wrap: anywhere; }
.imap-panel h3 { margin: 0 0 .3rem; font-size: 1.1rem; }
.imap-panel h4 { margin: .7rem 0 .2rem; font-size: .95rem; }
.imap-panel ul { margin: 0; padding-left: 1.1rem; }
.imap-panel p { margin: .3rem 0; }
.imap-panel .imap-swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .3em;
  vertical-align: baseline; border: 1px solid rgba(0,0,0,.3); }
.imap-contacts button { margin: .15rem .15rem 0 0; font-size: .85rem; }
.imap-status { color: var(--muted, #5b6670); font-size: .85rem; margin: .3rem 0 0; }
.imap-note { background: #fff6e5; border-left: 4px solid #e69f00; padding: .4rem .7rem; }
@media (max-width: 48rem) {
  .imap-body { grid-template-columns: minmax(0, 1fr); }
  .imap-canvas { height: 24rem; }
  .imap-panel { max-height: none; }
}
@media print { .imap { display: none !important; } }
)CSS";

void write_varint(std::string& out, std::uint32_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

std::string base64(std::string_view bytes) {
    static constexpr char k_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += {k_digits[n >> 18], k_digits[(n >> 12) & 63], k_digits[(n >> 6) & 63], k_digits[n & 63]};
    }
    if (i + 1 == bytes.size()) {
        const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        out += {k_digits[n >> 18], k_digits[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += {k_digits[n >> 18], k_digits[(n >> 12) & 63], k_digits[(n >> 6) & 63], '='};
    }
    return out;
}

/// JSON text made safe inside <script>: '<', '>' and '&' can only occur inside JSON strings,
/// where their \u escapes mean the same; so can U+2028 and U+2029.
std::string script_safe(const std::string& json) {
    std::string out;
    out.reserve(json.size() + json.size() / 16);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '>') {
            out += "\\u003e";
        } else if (c == '&') {
            out += "\\u0026";
        } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
                   (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

int year_of(DayNumber day) {
    return civil_from_days(day).year;
}

bool usable_day(DayNumber day) {
    return day != k_open_start && day != k_open_end;
}

}  // namespace

std::string interactive_map_data(const ReportContent& content) {
    const Network& network = *content.network;
    const Analysis& analysis = *content.analysis;
    const MapLook& look = content.map_look;
    const std::size_t members = network.members.size();
    const auto shown = [&](MemberIndex m) { return m >= content.hidden.size() || !content.hidden[m]; };

    // Renumber the shown members in member order.
    std::vector<std::uint32_t> renumbered(members, UINT32_MAX);
    std::vector<MemberIndex> order;
    for (MemberIndex m = 0; m < members; ++m) {
        if (!shown(m)) continue;
        renumbered[m] = static_cast<std::uint32_t>(order.size());
        order.push_back(m);
    }

    nlohmann::json data;
    data["version"] = 1;
    data["pseudonymised"] = content.pseudonymised;

    // Sectors, organisations (only those of shown members, numbered by first appearance).
    nlohmann::json sectors = nlohmann::json::array();
    for (std::size_t s = 0; s < analysis.sectors.count(); ++s) {
        sectors.push_back({{"name", analysis.sectors.names[s]},
                           {"colour", s < look.sector_colours.size() ? look.sector_colours[s] : "#888888"}});
    }
    data["sectors"] = std::move(sectors);
    data["unknownColour"] = look.unknown_sector_colour;

    std::vector<std::int64_t> organisation_number(network.organisations.size(), -1);
    nlohmann::json organisations = nlohmann::json::array();
    nlohmann::json names = nlohmann::json::array();
    std::vector<std::int64_t> organisation;
    std::vector<std::int64_t> sector;
    std::vector<std::uint32_t> community;
    for (const MemberIndex m : order) {
        const Member& member = network.members[m];
        names.push_back(member.display_name());
        std::int64_t o = -1;
        if (member.organisation != k_none) {
            auto& number = organisation_number[member.organisation];
            if (number < 0) {
                number = static_cast<std::int64_t>(organisations.size());
                organisations.push_back(network.organisations[member.organisation].display_name());
            }
            o = number;
        }
        organisation.push_back(o);
        sector.push_back(analysis.sectors.known(m) ? static_cast<std::int64_t>(analysis.sectors.of_member[m]) : -1);
        community.push_back(m < analysis.communities.of_member.size() ? analysis.communities.of_member[m] : 0);
    }
    data["names"] = std::move(names);
    data["organisations"] = std::move(organisations);
    data["organisation"] = organisation;
    data["sector"] = sector;
    data["community"] = community;

    // Positions on one scale, the longer side 0..k_grid.
    double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
    bool first = true;
    for (const MemberIndex m : order) {
        const double x = m < look.x.size() ? look.x[m] : 0.0;
        const double y = m < look.y.size() ? look.y[m] : 0.0;
        min_x = first ? x : std::min(min_x, x);
        max_x = first ? x : std::max(max_x, x);
        min_y = first ? y : std::min(min_y, y);
        max_y = first ? y : std::max(max_y, y);
        first = false;
    }
    const double extent = std::max({max_x - min_x, max_y - min_y, 1e-9});
    std::vector<std::int64_t> xs;
    std::vector<std::int64_t> ys;
    for (const MemberIndex m : order) {
        xs.push_back(std::llround(((m < look.x.size() ? look.x[m] : 0.0) - min_x) / extent * k_grid));
        ys.push_back(std::llround(((m < look.y.size() ? look.y[m] : 0.0) - min_y) / extent * k_grid));
    }
    data["x"] = xs;
    data["y"] = ys;

    // Bridging in basis points, and its rank among the shown members who carry cross-sector
    // routes (the report's bridge builders' ranking, hidden members skipped so that no gap in
    // the ranks hints at one).
    const MemberScores& bridging = analysis.paths.bridging;
    std::vector<std::int64_t> bridging_points;
    for (const MemberIndex m : order) {
        const double value = m < bridging.size() ? bridging[m] : k_not_defined;
        bridging_points.push_back(is_defined(value) ? std::llround(value * 10000.0) : -1);
    }
    data["bridging"] = bridging_points;
    const BridgeBuilders builders = rank_bridge_builders(analysis, 0);
    std::vector<std::uint32_t> rank(order.size(), 0);
    std::uint32_t ranked = 0;
    for (const MemberIndex m : builders.ranked) {
        if (renumbered[m] != UINT32_MAX) rank[renumbered[m]] = ++ranked;
    }
    data["rank"] = rank;
    data["ranked"] = ranked;
    data["allMembers"] = members;

    // First years: of each shown member, of each tie between shown members.
    const std::vector<DayNumber> member_days = member_start_days(network);
    const std::vector<DayNumber> tie_days =
        tie_start_days(network, analysis.graph, content.context.ties.max_setting_size);
    int first_year = 0, last_year = 0;
    bool any_year = false;
    const auto see_year = [&](DayNumber day) {
        if (!usable_day(day)) return;
        const int year = year_of(day);
        first_year = any_year ? std::min(first_year, year) : year;
        last_year = any_year ? std::max(last_year, year) : year;
        any_year = true;
    };
    for (const MemberIndex m : order) see_year(member_days[m]);
    for (TieIndex t = 0; t < analysis.graph.tie_count(); ++t) {
        const Tie& tie = analysis.graph.tie(t);
        if (shown(tie.source) && shown(tie.target)) see_year(tie_days[t]);
    }
    // One byte per year: a span of more than 254 years folds its earliest into the first.
    if (any_year) first_year = std::max(first_year, last_year - 253);
    const auto year_byte = [&](DayNumber day) -> std::uint8_t {
        if (!usable_day(day)) return 0;
        return static_cast<std::uint8_t>(std::max(year_of(day), first_year) - first_year + 1);
    };
    data["firstYear"] = any_year ? first_year : 0;
    data["lastYear"] = any_year ? last_year : 0;
    std::vector<std::uint32_t> member_year;
    for (const MemberIndex m : order) member_year.push_back(year_byte(member_days[m]));
    data["start"] = member_year;

    // Ties between shown members, sorted by (lower, higher) new number.
    struct Row {
        std::uint32_t low;
        std::uint32_t high;
        TieIndex tie;
    };
    std::vector<Row> rows;
    double min_weight = 0, max_weight = 0;
    for (TieIndex t = 0; t < analysis.graph.tie_count(); ++t) {
        const Tie& tie = analysis.graph.tie(t);
        if (!shown(tie.source) || !shown(tie.target)) continue;
        const std::uint32_t a = renumbered[tie.source];
        const std::uint32_t b = renumbered[tie.target];
        rows.push_back({std::min(a, b), std::max(a, b), t});
        min_weight = rows.size() == 1 ? tie.weight : std::min(min_weight, tie.weight);
        max_weight = rows.size() == 1 ? tie.weight : std::max(max_weight, tie.weight);
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row& p, const Row& q) { return std::tie(p.low, p.high) < std::tie(q.low, q.high); });
    std::string adjacency;
    std::string weights;
    std::string years;
    std::size_t next = 0;
    const double log_span = max_weight > min_weight && min_weight > 0 ? std::log(max_weight / min_weight) : 0.0;
    for (std::uint32_t member = 0; member < order.size(); ++member) {
        std::size_t end = next;
        while (end < rows.size() && rows[end].low == member) ++end;
        write_varint(adjacency, static_cast<std::uint32_t>(end - next));
        std::uint32_t previous = member;
        for (; next < end; ++next) {
            write_varint(adjacency, rows[next].high - previous);
            previous = rows[next].high;
            const double weight = analysis.graph.tie(rows[next].tie).weight;
            const double level = log_span > 0 ? std::log(weight / min_weight) / log_span : 1.0;
            weights.push_back(static_cast<char>(1 + std::lround(254.0 * std::clamp(level, 0.0, 1.0))));
            years.push_back(static_cast<char>(year_byte(tie_days[rows[next].tie])));
        }
    }
    data["ties"] = rows.size();
    data["adjacency"] = base64(adjacency);
    data["weights"] = base64(weights);
    data["years"] = base64(years);

    // The report's suggested introductions, by new number (hidden members are never suggested).
    nlohmann::json introductions = nlohmann::json::array();
    for (const IntroductionRow& row : content.introductions) {
        if (row.a == k_none || row.b == k_none || !shown(row.a) || !shown(row.b)) continue;
        introductions.push_back({renumbered[row.a], renumbered[row.b], row.introducer, row.reason});
    }
    data["introductions"] = std::move(introductions);

    return script_safe(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string interactive_map_markup(const ReportContent& content) {
    if (content.map_look.x.empty()) return {};
    const Analysis& analysis = *content.analysis;
    std::string out =
        "<div class=\"imap\" id=\"imap\" hidden>"
        "<div class=\"imap-controls\" role=\"group\" aria-label=\"Map controls\">"
        "<div class=\"imap-search\"><label for=\"imap-search\">Find a member"
        "<input id=\"imap-search\" type=\"search\" role=\"combobox\" autocomplete=\"off\" spellcheck=\"false\" "
        "aria-autocomplete=\"list\" aria-expanded=\"false\" aria-controls=\"imap-suggestions\" "
        "placeholder=\"Type a name\" data-testid=\"member-search\"></label>"
        "<ul class=\"imap-suggestions\" id=\"imap-suggestions\" role=\"listbox\" aria-label=\"Members\" "
        "hidden></ul></div>"
        "<label for=\"imap-sector\">Sector<select id=\"imap-sector\" data-testid=\"sector-filter\">"
        "<option value=\"\">All sectors</option>";
    for (std::size_t s = 0; s < analysis.sectors.count(); ++s) {
        out += "<option value=\"" + std::to_string(s) + "\">" + html_escape(analysis.sectors.names[s]) + "</option>";
    }
    out +=
        "<option value=\"-1\">Unknown sector</option></select></label>"
        "<label for=\"imap-community\">Community<select id=\"imap-community\" data-testid=\"community-filter\">"
        "<option value=\"\">All communities</option></select></label>"
        "<label class=\"imap-year\" for=\"imap-year\">Year: <output id=\"imap-year-value\" for=\"imap-year\">all"
        "</output><input id=\"imap-year\" type=\"range\" step=\"1\" data-testid=\"year-slider\"></label>"
        "<label class=\"imap-check\" for=\"imap-all-ties\">"
        "<input id=\"imap-all-ties\" type=\"checkbox\"> Every tie</label>"
        "<div class=\"imap-zoom\" role=\"group\" aria-label=\"Zoom\">"
        "<button type=\"button\" id=\"imap-zoom-in\" aria-label=\"Zoom in\">+</button>"
        "<button type=\"button\" id=\"imap-zoom-out\" aria-label=\"Zoom out\">\u2212</button>"
        "<button type=\"button\" id=\"imap-zoom-reset\">Whole map</button></div></div>"
        "<div class=\"imap-body\"><div class=\"imap-canvas\" id=\"imap-canvas\" tabindex=\"0\" "
        "role=\"application\" aria-roledescription=\"network map\" aria-describedby=\"imap-help\" "
        "aria-label=\"Interactive map of the members\" data-testid=\"map-canvas\"></div>"
        "<aside class=\"imap-panel\" id=\"imap-panel\" aria-live=\"polite\" data-testid=\"member-panel\">"
        "<p>Find a member above, or click a mark, to see who they are tied to, how much they bridge "
        "sectors and the introductions suggested for them.</p></aside></div>"
        "<p class=\"imap-status\" id=\"imap-help\">Marks are members, coloured by sector and sized by how much "
        "they bridge sectors; lines are each member\u2019s strongest ties (every tie of a chosen member). "
        "Names appear as you zoom in. Keys on the map: arrows move, + and \u2212 zoom, 0 shows the whole map, "
        "Escape lets go of the chosen member.</p>"
        "<p class=\"imap-status\" id=\"imap-status\" aria-live=\"polite\"></p></div>"
        "<p class=\"imap-note\" id=\"imap-fallback\" hidden>The interactive map needs WebGL, which this browser "
        "does not offer; the static map below shows the same network.</p>";
    return out;
}

std::string_view interactive_map_style() {
    return k_style;
}

std::string_view interactive_map_script() {
    return {detail::k_viewer_script, detail::k_viewer_script_size};
}

}  // namespace bridgemap::report
