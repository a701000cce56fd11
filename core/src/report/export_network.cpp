#include <bridgemap/report/export_network.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/report/analysis_files.hpp>

#include "ties/settings.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace bridgemap::report {
namespace {

constexpr double k_none = std::numeric_limits<double>::quiet_NaN();
constexpr DayNumber k_no_day = k_open_end;
/// Colours of settings on a two-mode map: greys, darker for the larger kind of setting.
constexpr const char* k_organisation_colour = "#555555";
constexpr const char* k_event_colour = "#999999";
constexpr const char* k_group_colour = "#BBBBBB";
constexpr double k_min_size = 4.0;
constexpr double k_max_size = 40.0;

ExportColumn number_column(std::string name, ValueType type) {
    ExportColumn column;
    column.name = std::move(name);
    column.type = type;
    return column;
}

ExportColumn text_column(std::string name) {
    return number_column(std::move(name), ValueType::text);
}

ValueType metric_type(MemberMetric metric) {
    switch (metric) {
        case MemberMetric::degree:
        case MemberMetric::brokerage_coordinator:
        case MemberMetric::brokerage_consultant:
        case MemberMetric::brokerage_representative:
        case MemberMetric::brokerage_liaison:
        case MemberMetric::cross_sector_ties:
            return ValueType::integer;
        default:
            return ValueType::real;
    }
}

void earliest(DayNumber& at, DayNumber day) {
    if (day != k_open_start && day < at) at = day;
}

std::string day_text(DayNumber day) {
    return day == k_no_day ? std::string() : format_day(day);
}

bool is_own_column(std::string_view name) {
    return name == k_consent_column || name == "email" || name == "region";
}

void add_member_nodes(ExportNetwork& out, const Network& network, const Analysis& analysis,
                      const Disclosure& disclosure, const ExportRequest& request, std::vector<std::size_t>& row_of) {
    const std::size_t n = network.members.size();
    const ExportLook& look = request.look;
    if ((!look.x.empty() && look.x.size() != n) || look.x.size() != look.y.size()) {
        throw Error("export: the layout does not have one position per member");
    }
    const std::vector<DayNumber> starts = member_start_days(network);
    double largest_bridging = 0.0;
    for (const double value : analysis.paths.bridging) {
        if (is_defined(value)) largest_bridging = std::max(largest_bridging, value);
    }

    ExportNodes& nodes = out.nodes;
    std::vector<ExportColumn>& columns = nodes.columns;
    columns.push_back(text_column("kind"));
    columns.push_back(text_column("sector"));
    columns.push_back(text_column("organisation"));
    const bool has_region = std::find(network.member_attributes.names.begin(), network.member_attributes.names.end(),
                                      "region") != network.member_attributes.names.end();
    if (has_region) columns.push_back(text_column("region"));
    // analyse's members.csv columns after id, name, sector and organisation.
    std::vector<std::pair<std::size_t, MemberScores>> metrics;
    for (std::size_t k = 0; k < member_metric_names().size(); ++k) {
        const auto metric = static_cast<MemberMetric>(k);
        if (metric == MemberMetric::participation) {
            columns.push_back(number_column("community", ValueType::integer));
        }
        metrics.emplace_back(columns.size(), member_metric(analysis, metric));
        columns.push_back(number_column(member_metric_name(metric), metric_type(metric)));
    }
    const std::size_t community_column =
        std::find_if(columns.begin(), columns.end(), [](const auto& c) { return c.name == "community"; }) -
        columns.begin();
    const std::size_t component_column = columns.size();
    columns.push_back(number_column("component", ValueType::integer));
    columns.push_back(number_column("articulation_point", ValueType::boolean));
    std::vector<std::size_t> extras;  // member_attributes columns written
    for (std::size_t c = 0; c < network.member_attributes.names.size(); ++c) {
        if (is_own_column(network.member_attributes.names[c])) continue;
        extras.push_back(c);
        columns.push_back(text_column(network.member_attributes.names[c]));
    }
    // Under --pseudonymise nobody's extra columns may be written: leave the columns out.
    bool any_named = false;
    for (std::size_t i = 0; i < n; ++i) any_named |= disclosure.named(static_cast<MemberIndex>(i));
    if (!any_named) {
        columns.resize(columns.size() - extras.size());
        extras.clear();
    }

    row_of.assign(n, SIZE_MAX);
    for (std::size_t i = 0; i < n; ++i) {
        const auto member = static_cast<MemberIndex>(i);
        if (!disclosure.shown(member)) continue;
        row_of[i] = nodes.count();
        const Member& m = network.members[i];
        nodes.id.push_back(disclosure.id(member));
        nodes.label.push_back(disclosure.name(member));
        nodes.kind.push_back(NodeKind::member);
        nodes.start.push_back(day_text(starts[i]));
        const SectorIndex sector = analysis.sectors.of_member[i];
        nodes.colour.push_back(sector == k_unknown_sector ? look.unknown_sector_colour
                                                          : look.sector_colours.at(sector));
        nodes.x.push_back(look.x.empty() ? 0.0 : look.x[i]);
        nodes.y.push_back(look.y.empty() ? 0.0 : look.y[i]);
        const double bridging = analysis.paths.bridging[i];
        nodes.size.push_back(k_min_size + (largest_bridging > 0 && is_defined(bridging)
                                               ? (k_max_size - k_min_size) * bridging / largest_bridging
                                               : 0.0));
        std::size_t c = 0;
        columns[c++].texts.emplace_back("member");
        columns[c++].texts.emplace_back(sector == k_unknown_sector ? std::string() : analysis.sectors.names[sector]);
        columns[c++].texts.emplace_back(
            m.organisation == bridgemap::k_none ? std::string() : disclosure.organisation_name(m.organisation));
        if (has_region) columns[c++].texts.emplace_back(network.member_attributes.get("region", i));
        for (const auto& [column, values] : metrics) columns[column].numbers.push_back(values[i]);
        const std::uint32_t community = analysis.communities.of_member[i];
        columns[community_column].numbers.push_back(community == k_no_community ? k_none : community);
        columns[component_column].numbers.push_back(analysis.connectivity.component[i] + 1.0);
        columns[component_column + 1].numbers.push_back(analysis.connectivity.articulation_point[i] != 0 ? 1.0 : 0.0);
        for (std::size_t k = 0; k < extras.size(); ++k) {
            const auto& values = network.member_attributes.values[extras[k]];
            columns[component_column + 2 + k].texts.emplace_back(
                disclosure.attributes_shown(member) && i < values.size() ? values[i] : std::string());
        }
    }
}

/// Appends an empty value to every column of `columns` that has fewer than `rows` values.
void pad(std::vector<ExportColumn>& columns, std::size_t rows) {
    for (auto& column : columns) {
        if (column.type == ValueType::text) {
            column.texts.resize(rows);
        } else {
            column.numbers.resize(rows, k_none);
        }
    }
}

void add_setting_nodes(ExportNetwork& out, const Network& network, const Disclosure& disclosure,
                       const std::vector<std::size_t>& member_row, std::vector<std::size_t>& organisation_row,
                       std::vector<std::size_t>& event_row, std::vector<std::size_t>& group_row) {
    ExportNodes& nodes = out.nodes;
    const auto add = [&](NodeKind kind, std::string id, std::string label, DayNumber start, const char* colour) {
        const std::size_t row = nodes.count();
        nodes.id.push_back(std::string(kind_name(kind)) + ":" + id);
        nodes.label.push_back(std::move(label));
        nodes.kind.push_back(kind);
        nodes.start.push_back(day_text(start));
        nodes.colour.emplace_back(colour);
        nodes.x.push_back(0.0);
        nodes.y.push_back(0.0);
        nodes.size.push_back(k_min_size);
        pad(nodes.columns, row);
        nodes.columns[0].texts.emplace_back(kind_name(kind));
        pad(nodes.columns, row + 1);
        return row;
    };
    std::vector<DayNumber> organisation_start(network.organisations.size(), k_no_day);
    for (const auto& row : network.affiliations) earliest(organisation_start[row.organisation], row.period.first);
    std::vector<DayNumber> group_start(network.groups.size(), k_no_day);
    for (const auto& row : network.group_members) earliest(group_start[row.group], row.period.first);
    for (std::size_t o = 0; o < network.organisations.size(); ++o) {
        const auto index = static_cast<OrganisationIndex>(o);
        const std::string& name = disclosure.organisation_name(index);
        organisation_row.push_back(
            add(NodeKind::organisation,
                disclosure.policy() == ConsentPolicy::pseudonymise_everyone ? name : network.organisations[o].id, name,
                organisation_start[o], k_organisation_colour));
    }
    for (const auto& event : network.events) {
        event_row.push_back(add(NodeKind::event, event.id, event.display_name(),
                                event.date ? event.date->first : k_no_day, k_event_colour));
    }
    for (std::size_t g = 0; g < network.groups.size(); ++g) {
        group_row.push_back(add(NodeKind::group, network.groups[g].id, network.groups[g].display_name(), group_start[g],
                                k_group_colour));
    }
    // Each setting sits at the centre of its shown members.
    std::vector<double> sum_x(nodes.count(), 0.0), sum_y(nodes.count(), 0.0), count(nodes.count(), 0.0);
    const auto near = [&](MemberIndex member, std::size_t setting_row) {
        const std::size_t row = member_row[member];
        if (row == SIZE_MAX) return;
        sum_x[setting_row] += nodes.x[row];
        sum_y[setting_row] += nodes.y[row];
        count[setting_row] += 1.0;
    };
    for (const auto& row : network.attendance) near(row.member, event_row[row.event]);
    for (const auto& row : network.group_members) near(row.member, group_row[row.group]);
    for (const auto& row : network.affiliations) near(row.member, organisation_row[row.organisation]);
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        if (network.members[i].organisation != bridgemap::k_none) {
            near(static_cast<MemberIndex>(i), organisation_row[network.members[i].organisation]);
        }
    }
    for (std::size_t row = 0; row < nodes.count(); ++row) {
        if (count[row] > 0) {
            nodes.x[row] = sum_x[row] / count[row];
            nodes.y[row] = sum_y[row] / count[row];
        }
    }
}

void add_tie_edges(ExportNetwork& out, const Network& network, const Analysis& analysis, const Disclosure& disclosure,
                   const ExportRequest& request, const std::vector<std::size_t>& member_row) {
    const TieGraph& graph = analysis.graph;
    const std::vector<DayNumber> starts = tie_start_days(network, graph, request.ties.max_setting_size);
    struct Row {
        std::size_t source;  // node rows, written ids in order
        std::size_t target;
        TieIndex tie;
    };
    std::vector<Row> rows;
    rows.reserve(graph.tie_count());
    const auto& ids = out.nodes.id;
    for (TieIndex t = 0; t < graph.tie_count(); ++t) {
        const Tie& tie = graph.tie(t);
        if (!disclosure.shown(tie.source) || !disclosure.shown(tie.target)) continue;
        std::size_t a = member_row[tie.source];
        std::size_t b = member_row[tie.target];
        if (ids[b] < ids[a]) std::swap(a, b);
        rows.push_back({a, b, t});
    }
    std::sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
        const int first = ids[x.source].compare(ids[y.source]);
        return first != 0 ? first < 0 : ids[x.target] < ids[y.target];
    });

    ExportEdges& edges = out.edges;
    auto& columns = edges.columns;
    columns.push_back(text_column("kind"));
    for (const char* name : {"events", "groups", "organisations", "explicit"}) {
        columns.push_back(number_column(name, ValueType::integer));
    }
    columns.push_back(number_column("cross_sector", ValueType::boolean));
    columns.push_back(number_column("embeddedness", ValueType::integer));
    columns.push_back(number_column("overlap", ValueType::real));
    columns.push_back(number_column("local_bridge", ValueType::boolean));
    columns.push_back(number_column("span", ValueType::integer));
    columns.push_back(number_column("bridge", ValueType::boolean));
    const TieStructure& structure = analysis.tie_structure;
    for (const Row& row : rows) {
        const Tie& tie = graph.tie(row.tie);
        edges.source.push_back(row.source);
        edges.target.push_back(row.target);
        edges.weight.push_back(tie.weight);
        edges.start.push_back(day_text(starts[row.tie]));
        columns[0].texts.emplace_back("tie");
        columns[1].numbers.push_back(tie.provenance.events);
        columns[2].numbers.push_back(tie.provenance.groups);
        columns[3].numbers.push_back(tie.provenance.organisations);
        columns[4].numbers.push_back(tie.provenance.explicit_rows);
        const CrossSector cross = analysis.cross_sector[row.tie];
        columns[5].numbers.push_back(cross == CrossSector::unknown ? k_none : cross == CrossSector::yes ? 1.0 : 0.0);
        columns[6].numbers.push_back(structure.embeddedness[row.tie]);
        columns[7].numbers.push_back(structure.overlap[row.tie]);
        columns[8].numbers.push_back(structure.local_bridge[row.tie] != 0 ? 1.0 : 0.0);
        columns[9].numbers.push_back(structure.span[row.tie] < 0 ? k_none : structure.span[row.tie]);
        columns[10].numbers.push_back(analysis.connectivity.bridge[row.tie] != 0 ? 1.0 : 0.0);
    }
}

void add_setting_edges(ExportNetwork& out, const Network& network, const std::vector<std::size_t>& member_row,
                       const std::vector<std::size_t>& organisation_row, const std::vector<std::size_t>& event_row,
                       const std::vector<std::size_t>& group_row) {
    // (member row, setting row) → first dated day; std::map keeps them in a fixed order.
    std::map<std::pair<std::size_t, std::size_t>, DayNumber> links;
    std::map<std::size_t, NodeKind> kind_of;
    const auto link = [&](MemberIndex member, std::size_t setting, DayNumber day, NodeKind kind) {
        const std::size_t row = member_row[member];
        if (row == SIZE_MAX) return;
        auto [at, inserted] = links.emplace(std::make_pair(row, setting), k_no_day);
        earliest(at->second, day);
        kind_of[setting] = kind;
    };
    for (const auto& row : network.attendance) {
        const auto& date = network.events[row.event].date;
        link(row.member, event_row[row.event], date ? date->first : k_no_day, NodeKind::event);
    }
    for (const auto& row : network.group_members)
        link(row.member, group_row[row.group], row.period.first, NodeKind::group);
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        const OrganisationIndex o = network.members[i].organisation;
        if (o != bridgemap::k_none)
            link(static_cast<MemberIndex>(i), organisation_row[o], k_no_day, NodeKind::organisation);
    }
    for (const auto& row : network.affiliations) {
        link(row.member, organisation_row[row.organisation], row.period.first, NodeKind::organisation);
    }
    ExportEdges& edges = out.edges;
    for (const auto& [pair, day] : links) {
        const std::size_t row = edges.count();
        edges.source.push_back(pair.first);
        edges.target.push_back(pair.second);
        edges.weight.push_back(1.0);
        edges.start.push_back(day_text(day));
        pad(edges.columns, row);
        edges.columns[0].texts.emplace_back(kind_name(kind_of[pair.second]));
        pad(edges.columns, row + 1);
    }
}

void add_summary(ExportNetwork& out, const Network& network, const Analysis& analysis, const Disclosure& disclosure,
                 const ExportRequest& request) {
    const auto number = [](double value) { return io::format_number(value); };
    auto& summary = out.summary;
    summary.emplace_back("members", std::to_string(network.members.size()));
    summary.emplace_back("ties", std::to_string(analysis.graph.tie_count()));
    summary.emplace_back("members_exported", std::to_string(network.members.size() - disclosure.hidden_count()));
    summary.emplace_back("members_hidden", std::to_string(disclosure.hidden_count()));
    summary.emplace_back("members_by_pseudonym", std::to_string(disclosure.pseudonym_count()));
    summary.emplace_back("ties_exported", std::to_string(std::count(out.edges.columns[0].texts.begin(),
                                                                    out.edges.columns[0].texts.end(), "tie")));
    summary.emplace_back("density", number(analysis.density));
    summary.emplace_back("components", std::to_string(analysis.connectivity.components()));
    summary.emplace_back("largest_component_share", number(analysis.largest_component_share));
    summary.emplace_back("ei_index", number(analysis.mixing.ei_index));
    summary.emplace_back("expected_ei_index", number(analysis.mixing.expected_ei_index));
    summary.emplace_back("assortativity", number(analysis.mixing.assortativity));
    summary.emplace_back("communities", std::to_string(analysis.communities.count));
    summary.emplace_back("modularity", number(analysis.communities.modularity));
    summary.emplace_back("bridges", std::to_string(analysis.connectivity.bridges));
    summary.emplace_back("articulation_points", std::to_string(analysis.connectivity.articulation_points));
    summary.emplace_back("tie_model", out.tie_model);
    summary.emplace_back("layout", request.look.layout);
}

}  // namespace

std::vector<DayNumber> member_start_days(const Network& network) {
    std::vector<DayNumber> start(network.members.size(), k_no_day);
    for (const auto& row : network.attendance) {
        const auto& date = network.events[row.event].date;
        if (date) earliest(start[row.member], date->first);
    }
    for (const auto& row : network.group_members) earliest(start[row.member], row.period.first);
    for (const auto& row : network.affiliations) earliest(start[row.member], row.period.first);
    for (const auto& tie : network.ties) {
        if (!tie.date) continue;
        earliest(start[tie.source], tie.date->first);
        earliest(start[tie.target], tie.date->first);
    }
    return start;
}

std::vector<DayNumber> tie_start_days(const Network& network, const TieGraph& graph, std::size_t max_setting_size) {
    std::vector<DayNumber> start(graph.tie_count(), k_no_day);
    const detail::Settings settings = detail::collect_settings(network);
    const auto small = [&](std::size_t setting) {
        const std::size_t n = settings.members_of(setting).size();
        return n >= 2 && (max_setting_size == 0 || n <= max_setting_size);
    };
    const auto tie_on = [&](MemberIndex a, MemberIndex b, DayNumber day) {
        if (a == b || day == k_no_day || day == k_open_start) return;
        const TieIndex tie = graph.find_tie(a, b);
        if (tie != bridgemap::k_none && day < start[tie]) start[tie] = day;
    };
    for (std::size_t e = 0; e < network.events.size(); ++e) {
        if (!network.events[e].date || !small(e)) continue;
        const auto members = settings.members_of(e);
        for (std::size_t i = 0; i < members.size(); ++i) {
            for (std::size_t j = i + 1; j < members.size(); ++j)
                tie_on(members[i], members[j], network.events[e].date->first);
        }
    }
    // Groups and organisations: the dated memberships of each setting, pair by pair.
    const auto memberships = [&](std::size_t count, std::size_t offset, auto rows_of) {
        std::vector<std::vector<std::pair<MemberIndex, DayNumber>>> by_setting(count);
        rows_of(by_setting);
        for (std::size_t s = 0; s < count; ++s) {
            if (!small(offset + s)) continue;
            const auto& rows = by_setting[s];
            for (std::size_t i = 0; i < rows.size(); ++i) {
                for (std::size_t j = i + 1; j < rows.size(); ++j) {
                    if (rows[i].second == k_open_start && rows[j].second == k_open_start) continue;
                    tie_on(rows[i].first, rows[j].first, std::max(rows[i].second, rows[j].second));
                }
            }
        }
    };
    memberships(network.groups.size(), network.events.size(), [&](auto& by_group) {
        for (const auto& row : network.group_members) by_group[row.group].emplace_back(row.member, row.period.first);
    });
    memberships(network.organisations.size(), network.events.size() + network.groups.size(),
                [&](auto& by_organisation) {
                    for (const auto& row : network.affiliations) {
                        by_organisation[row.organisation].emplace_back(row.member, row.period.first);
                    }
                });
    for (const auto& tie : network.ties) {
        if (tie.date) tie_on(tie.source, tie.target, tie.date->first);
    }
    return start;
}

bool ExportColumn::has_value(std::size_t row) const {
    return type == ValueType::text ? !texts[row].empty() : is_defined(numbers[row]);
}

std::string ExportColumn::cell(std::size_t row) const {
    switch (type) {
        case ValueType::text:
            return texts[row];
        case ValueType::boolean:
            return is_defined(numbers[row]) ? (numbers[row] != 0 ? "true" : "false") : "";
        case ValueType::integer:
        case ValueType::real:
            break;
    }
    return io::format_number(numbers[row]);
}

std::string_view kind_name(NodeKind kind) noexcept {
    switch (kind) {
        case NodeKind::member:
            return "member";
        case NodeKind::organisation:
            return "organisation";
        case NodeKind::event:
            return "event";
        case NodeKind::group:
            return "group";
    }
    return "member";
}

ExportNetwork export_network(const Network& network, const Analysis& analysis, const Disclosure& disclosure,
                             const ExportRequest& request) {
    for (const MetricFamily family : {MetricFamily::paths, MetricFamily::connectivity, MetricFamily::communities,
                                      MetricFamily::tie_structure, MetricFamily::mixing}) {
        if (!analysis.families.contains(family)) throw Error("export needs every metric family of the analysis");
    }
    ExportNetwork out;
    out.tie_model = describe_tie_model(request.ties, request.windowed);
    out.tie_model_json = tie_model_json(request.ties, request.windowed);
    std::vector<std::size_t> member_row;
    add_member_nodes(out, network, analysis, disclosure, request, member_row);
    add_tie_edges(out, network, analysis, disclosure, request, member_row);
    if (request.with_settings) {
        std::vector<std::size_t> organisation_row, event_row, group_row;
        add_setting_nodes(out, network, disclosure, member_row, organisation_row, event_row, group_row);
        add_setting_edges(out, network, member_row, organisation_row, event_row, group_row);
    }
    for (const auto& start : out.nodes.start) out.dynamic |= !start.empty();
    for (const auto& start : out.edges.start) out.dynamic |= !start.empty();

    const Sectors& sectors = analysis.sectors;
    out.sector_members.assign(sectors.count(), 0);
    for (std::size_t s = 0; s < sectors.count(); ++s) {
        out.sector_colours.emplace_back(sectors.names[s], request.look.sector_colours.at(s));
    }
    for (const SectorIndex sector : sectors.of_member) {
        if (sector == k_unknown_sector) {
            ++out.unknown_sector_members;
        } else {
            ++out.sector_members[sector];
        }
    }
    add_summary(out, network, analysis, disclosure, request);

    std::string& text = out.description;
    text = "The network of " + std::to_string(network.members.size()) + " members exported by bridgemap " +
           BRIDGEMAP_VERSION + ": members";
    if (request.with_settings) text += ", organisations, events and groups";
    text += " as nodes, ties as edges, with every metric of bridgemap analyse. " + out.tie_model;
    if (disclosure.hidden_count() > 0) {
        text.append(" ").append(std::to_string(disclosure.hidden_count()));
        text.append(" members who asked to be hidden are left out (they count in the metrics).");
    }
    if (disclosure.pseudonym_count() > 0) {
        text.append(" ")
            .append(std::to_string(disclosure.pseudonym_count()))
            .append(" members appear by pseudonym only.");
    }
    if (!request.look.layout.empty()) text += " Positions: " + request.look.layout + ".";
    return out;
}

}  // namespace bridgemap::report
