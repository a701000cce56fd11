#include <bridgemap/report/analysis_files.hpp>

#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/model/inventory.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace bridgemap::report {
namespace {

std::string_view text_of(CrossSector value) {
    switch (value) {
        case CrossSector::yes:
            return "true";
        case CrossSector::no:
            return "false";
        case CrossSector::unknown:
            break;
    }
    return "";
}

/// A JSON number, or null when not defined.
nlohmann::ordered_json number_or_null(double value) {
    return is_defined(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string members_csv(const Network& network, const Analysis& analysis, const Disclosure& disclosure) {
    std::string out;
    io::CsvWriter csv(out);
    // The member metrics in member_metric_names() order, with each member's community before
    // participation (which is taken within it) and the component facts after them.
    csv.field("id").field("name").field("sector").field("organisation");
    for (const auto& metric : member_metric_names()) {
        if (metric == "participation") csv.field("community");
        csv.field(metric);
    }
    csv.field("component").field("articulation_point");
    for (const auto& name : network.member_attributes.names) csv.field(name);
    csv.end_row();

    const TieGraph& graph = analysis.graph;
    std::vector<MemberIndex> rows;
    rows.reserve(network.members.size());
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        if (disclosure.shown(static_cast<MemberIndex>(i))) rows.push_back(static_cast<MemberIndex>(i));
    }
    if (disclosure.pseudonym_count() > 0) {
        std::sort(rows.begin(), rows.end(),
                  [&](MemberIndex a, MemberIndex b) { return disclosure.id(a) < disclosure.id(b); });
    }
    const bool organisations_renamed = disclosure.policy() == ConsentPolicy::pseudonymise_everyone;
    for (const MemberIndex member : rows) {
        const std::size_t i = member;
        const Member& m = network.members[i];
        if (disclosure.named(member)) {
            csv.field(m.id).field(m.name);
        } else {
            csv.field(disclosure.id(member)).field(disclosure.name(member));
        }
        csv.field(m.sector == k_unknown_sector ? std::string_view() : std::string_view(network.sectors[m.sector]));
        if (m.organisation == k_none || (!disclosure.attributes_shown(member) && !organisations_renamed)) {
            csv.empty_field();
        } else if (organisations_renamed) {
            csv.field(disclosure.organisation_name(m.organisation));
        } else {
            csv.field(network.organisations[m.organisation].id);
        }
        csv.field(static_cast<std::uint64_t>(graph.degree(member))).field(graph.strength(member));
        csv.field(analysis.paths.betweenness[i]).field(analysis.paths.closeness[i]).field(analysis.paths.harmonic[i]);
        csv.field(analysis.eigenvector[i]).field(analysis.pagerank[i]);
        csv.field(analysis.holes.constraint[i]).field(analysis.holes.effective_size[i]);
        csv.field(analysis.holes.efficiency[i]).field(analysis.holes.hierarchy[i]);
        csv.field(analysis.sector_scores.ei_index[i]).field(analysis.sector_scores.sector_diversity[i]);
        if (analysis.communities.of_member[i] == k_no_community) {
            csv.empty_field();
        } else {
            csv.field(static_cast<std::uint64_t>(analysis.communities.of_member[i]));
        }
        csv.field(analysis.participation[i]);
        csv.field(analysis.brokerage.coordinator[i]).field(analysis.brokerage.consultant[i]);
        csv.field(analysis.brokerage.representative[i]).field(analysis.brokerage.liaison[i]);
        csv.field(analysis.paths.bridging[i]);
        csv.field(static_cast<std::uint64_t>(analysis.sector_scores.cross_sector_ties[i]));
        csv.field(static_cast<std::uint64_t>(analysis.connectivity.component[i] + 1));
        csv.field(analysis.connectivity.articulation_point[i] != 0);
        for (const auto& values : network.member_attributes.values) {
            if (disclosure.attributes_shown(member)) {
                csv.field(values[i]);
            } else {
                csv.empty_field();
            }
        }
        csv.end_row();
    }
    return out;
}

std::string ties_csv(const Network& /*network*/, const Analysis& analysis, const Disclosure& disclosure) {
    const TieGraph& graph = analysis.graph;
    struct Row {
        const std::string* source;
        const std::string* target;
        TieIndex tie;
    };
    std::vector<Row> rows;
    rows.reserve(graph.tie_count());
    for (TieIndex t = 0; t < graph.tie_count(); ++t) {
        const Tie& tie = graph.tie(t);
        if (!disclosure.shown(tie.source) || !disclosure.shown(tie.target)) continue;
        const std::string* a = &disclosure.id(tie.source);
        const std::string* b = &disclosure.id(tie.target);
        if (*b < *a) std::swap(a, b);
        rows.push_back({a, b, t});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        const int first = x.source->compare(*y.source);
        return first != 0 ? first < 0 : *x.target < *y.target;
    });

    std::string out;
    out.reserve(rows.size() * 64);
    io::CsvWriter csv(out);
    csv.row({"source", "target", "weight", "events", "groups", "organisations", "explicit", "cross_sector",
             "embeddedness", "overlap", "local_bridge", "span", "bridge"});
    const TieStructure& structure = analysis.tie_structure;
    for (const Row& row : rows) {
        const Tie& tie = graph.tie(row.tie);
        csv.field(*row.source).field(*row.target).field(tie.weight);
        csv.field(tie.provenance.events).field(tie.provenance.groups);
        csv.field(tie.provenance.organisations).field(tie.provenance.explicit_rows);
        csv.field(text_of(analysis.cross_sector[row.tie]));
        csv.field(structure.embeddedness[row.tie]).field(structure.overlap[row.tie]);
        csv.field(structure.local_bridge[row.tie] != 0);
        if (structure.span[row.tie] < 0) {
            csv.empty_field();
        } else {
            csv.field(static_cast<std::int64_t>(structure.span[row.tie]));
        }
        csv.field(analysis.connectivity.bridge[row.tie] != 0);
        csv.end_row();
    }
    return out;
}

std::string tie_model_json(const TieOptions& ties, bool windowed) {
    using Json = nlohmann::ordered_json;
    const Json model = {{"max_setting_size", ties.max_setting_size},
                        {"weights",
                         {{"events", ties.weights.events},
                          {"groups", ties.weights.groups},
                          {"orgs", ties.weights.organisations},
                          {"ties", ties.weights.ties}}},
                        {"min_weight", ties.min_weight},
                        {"colleague_ties", windowed ? "members active in the window" : "all members"},
                        {"text", describe_tie_model(ties, windowed)}};
    return model.dump();
}

std::string summary_json(const Network& network, const Analysis& analysis, const AnalysisContext& context,
                         bool pseudonymised) {
    using Json = nlohmann::ordered_json;
    const TieGraph& graph = analysis.graph;
    const SectorMixing& mixing = analysis.mixing;
    const Sectors& sectors = analysis.sectors;
    Json summary;
    summary["members"] = graph.member_count();
    summary["ties"] = graph.tie_count();
    summary["events"] = network.events.size();
    // Active (SPEC §1): everyone without a window, those who took part in it with one.
    summary["active_members"] = graph.member_count() - mixing.inactive_members;
    summary["members_without_activity"] = graph.member_count() - active_members(network);
    summary["density"] = analysis.density;
    summary["components"] = analysis.connectivity.components();
    summary["largest_component_share"] = analysis.largest_component_share;
    Json sector_counts = Json::object();
    for (std::size_t s = 0; s < sectors.count(); ++s) sector_counts[sectors.names[s]] = mixing.members[s];
    sector_counts["unknown"] = mixing.unknown_members;
    summary["sectors"] = sector_counts;
    summary["ei_index"] = number_or_null(mixing.ei_index);
    summary["expected_ei_index"] = number_or_null(mixing.expected_ei_index);
    summary["assortativity"] = number_or_null(mixing.assortativity);
    Json pairs = Json::array();
    for (const auto& pair : mixing.pairs) {
        pairs.push_back({{"sectors", {sectors.names[pair.a], sectors.names[pair.b]}},
                         {"observed", pair.observed},
                         {"expected", pair.expected},
                         {"ratio", number_or_null(pair.ratio)}});
    }
    summary["mixing"] = pairs;
    Json reach = Json::array();
    for (const auto& entry : mixing.reach) {
        reach.push_back({{"from", sectors.names[entry.from]},
                         {"to", sectors.names[entry.to]},
                         {"within_1_hop", entry.within_one},
                         {"within_2_hops", entry.within_two}});
    }
    summary["reach"] = reach;
    summary["communities"] = analysis.communities.count;
    summary["modularity"] = analysis.communities.modularity;
    summary["bridges"] = analysis.connectivity.bridges;
    summary["articulation_points"] = analysis.connectivity.articulation_points;
    std::size_t isolates = 0;
    for (std::size_t i = 0; i < graph.member_count(); ++i) isolates += graph.degree(static_cast<MemberIndex>(i)) == 0;
    summary["isolates"] = isolates;

    const PathCentrality& paths = analysis.paths;
    summary["path_metrics"] = {{"exact", paths.exact},
                               {"sources", paths.sources},
                               {"error_bound", paths.error_bound},
                               {"bridging_error_bound", paths.bridging_error_bound},
                               {"confidence", paths.confidence},
                               {"method", paths.method}};
    summary["tie_model"] = Json::parse(tie_model_json(context.ties, !context.window.is_open()));
    const DateSpan span = context.window.span();
    summary["settings"] = {{"data", pseudonymised ? Json(nullptr) : Json(context.data)},
                           {"from", context.window.from ? Json(format_day(span.first)) : Json(nullptr)},
                           {"until", context.window.until ? Json(format_day(span.last)) : Json(nullptr)},
                           {"weights",
                            {{"events", context.ties.weights.events},
                             {"groups", context.ties.weights.groups},
                             {"orgs", context.ties.weights.organisations},
                             {"ties", context.ties.weights.ties}}},
                           {"min_weight", context.ties.min_weight},
                           {"max_setting_size", context.ties.max_setting_size},
                           {"seed", context.seed},
                           {"bridgemap_version", BRIDGEMAP_VERSION}};
    return summary.dump(2) + "\n";
}

}  // namespace bridgemap::report
