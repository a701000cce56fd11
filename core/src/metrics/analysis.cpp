#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/metrics/spectral.hpp>

#include <bridgemap/error.hpp>

#include <algorithm>
#include <chrono>

namespace bridgemap {
namespace {

/// Runs `step` and records its wall-clock time under `name`.
template <class Step>
void timed(Analysis& analysis, const char* name, Step&& step) {
    const auto start = std::chrono::steady_clock::now();
    step();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    analysis.timings.emplace_back(name, took.count());
}

}  // namespace

Analysis analyse(const Network& network, const AnalysisOptions& options) {
    // Each stage is announced to options.progress as it starts.
    const auto timed = [&](Analysis& into, const char* name, auto&& step) {
        report_progress(options.progress, name, 0, 0);
        bridgemap::timed(into, name, step);
    };
    Analysis analysis;
    analysis.families = options.families.with_dependencies();
    const auto wanted = [&](MetricFamily family) { return analysis.families.contains(family); };
    TieOptions tie_options = options.ties;
    tie_options.threads = options.threads;
    timed(analysis, "tie projection", [&] {
        analysis.graph = project_ties(network, tie_options);
        analysis.sectors = member_sectors(network);
    });
    const TieGraph& graph = analysis.graph;
    const ParallelOptions parallel{options.threads};

    if (wanted(MetricFamily::paths)) {
        PathOptions path_options = options.paths;
        path_options.threads = options.threads;
        if (options.progress) {  // the sources done, under this stage's name
            path_options.progress = [&](std::string_view, std::size_t done, std::size_t total) {
                options.progress("betweenness, closeness, harmonic, bridging", done, total);
            };
        }
        timed(analysis, "betweenness, closeness, harmonic, bridging",
              [&] { analysis.paths = path_centrality(graph, analysis.sectors.of_member, path_options); });
    }
    if (wanted(MetricFamily::connectivity)) {
        timed(analysis, "components, articulation points, bridges",
              [&] { analysis.connectivity = connectivity(graph); });
    }
    if (wanted(MetricFamily::eigenvector)) {
        timed(analysis, "eigenvector",
              [&] { analysis.eigenvector = eigenvector_centrality(graph, analysis.connectivity); });
    }
    if (wanted(MetricFamily::pagerank)) timed(analysis, "pagerank", [&] { analysis.pagerank = pagerank(graph); });
    if (wanted(MetricFamily::structural_holes)) {
        timed(analysis, "constraint, effective size, efficiency, hierarchy",
              [&] { analysis.holes = structural_holes(graph, parallel); });
    }
    if (wanted(MetricFamily::sector_scores)) {
        timed(analysis, "E-I, diversity, cross-sector ties",
              [&] { analysis.sector_scores = member_sector_scores(graph, analysis.sectors); });
    }
    if (wanted(MetricFamily::brokerage)) {
        timed(analysis, "brokerage roles",
              [&] { analysis.brokerage = brokerage_roles(graph, analysis.sectors.of_member, parallel); });
    }
    if (wanted(MetricFamily::communities)) {
        timed(analysis, "communities (Leiden)",
              [&] { analysis.communities = leiden_communities(graph, options.communities); });
    }
    if (wanted(MetricFamily::participation)) {
        timed(analysis, "participation",
              [&] { analysis.participation = participation(graph, analysis.communities.of_member); });
    }
    if (wanted(MetricFamily::tie_structure)) {
        timed(analysis, "embeddedness, overlap, local bridges, span", [&] {
            analysis.tie_structure = tie_structure(graph, parallel);
            analysis.cross_sector.reserve(graph.tie_count());
            for (const Tie& tie : graph.ties()) {
                const SectorIndex a = analysis.sectors.of_member[tie.source];
                const SectorIndex b = analysis.sectors.of_member[tie.target];
                analysis.cross_sector.push_back(a == k_unknown_sector || b == k_unknown_sector ? CrossSector::unknown
                                                : a != b                                       ? CrossSector::yes
                                                                                               : CrossSector::no);
            }
        });
    }
    if (wanted(MetricFamily::mixing)) {
        timed(analysis, "sector mixing, reach, assortativity",
              [&] { analysis.mixing = sector_mixing(graph, analysis.sectors); });
    }
    const double n = static_cast<double>(graph.member_count());
    analysis.density = n < 2 ? 0.0 : 2.0 * static_cast<double>(graph.tie_count()) / (n * (n - 1.0));
    analysis.largest_component_share =
        n == 0 ? 0.0 : static_cast<double>(analysis.connectivity.largest_component()) / n;
    return analysis;
}

const std::vector<std::string>& member_metric_names() {
    // In MemberMetric order, which is members.csv order.
    static const std::vector<std::string> names = {"degree",
                                                   "strength",
                                                   "betweenness",
                                                   "closeness",
                                                   "harmonic",
                                                   "eigenvector",
                                                   "pagerank",
                                                   "constraint",
                                                   "effective_size",
                                                   "efficiency",
                                                   "hierarchy",
                                                   "ei_index",
                                                   "sector_diversity",
                                                   "participation",
                                                   "brokerage_coordinator",
                                                   "brokerage_consultant",
                                                   "brokerage_representative",
                                                   "brokerage_liaison",
                                                   "bridging",
                                                   "cross_sector_ties"};
    return names;
}

const std::string& member_metric_name(MemberMetric metric) {
    return member_metric_names().at(static_cast<std::size_t>(metric));
}

MemberMetric parse_member_metric(std::string_view name, std::string_view option) {
    const auto& names = member_metric_names();
    const auto found = std::find(names.begin(), names.end(), name);
    if (found != names.end()) return static_cast<MemberMetric>(found - names.begin());
    std::string known;
    for (const auto& metric : names) known += (known.empty() ? "" : ", ") + metric;
    throw RequestError("unknown metric \"" + std::string(name) + "\"" +
                       (option.empty() ? std::string() : " for " + std::string(option)) + "; the metrics are " + known);
}

std::optional<MetricFamily> family_of(MemberMetric metric) noexcept {
    switch (metric) {
        case MemberMetric::degree:
        case MemberMetric::strength:
            return std::nullopt;
        case MemberMetric::betweenness:
        case MemberMetric::closeness:
        case MemberMetric::harmonic:
        case MemberMetric::bridging:
            return MetricFamily::paths;
        case MemberMetric::eigenvector:
            return MetricFamily::eigenvector;
        case MemberMetric::pagerank:
            return MetricFamily::pagerank;
        case MemberMetric::constraint:
        case MemberMetric::effective_size:
        case MemberMetric::efficiency:
        case MemberMetric::hierarchy:
            return MetricFamily::structural_holes;
        case MemberMetric::ei_index:
        case MemberMetric::sector_diversity:
        case MemberMetric::cross_sector_ties:
            return MetricFamily::sector_scores;
        case MemberMetric::participation:
            return MetricFamily::participation;
        case MemberMetric::brokerage_coordinator:
        case MemberMetric::brokerage_consultant:
        case MemberMetric::brokerage_representative:
        case MemberMetric::brokerage_liaison:
            return MetricFamily::brokerage;
    }
    return std::nullopt;
}

MemberScores member_metric(const Analysis& analysis, MemberMetric metric) {
    const std::optional<MetricFamily> family = family_of(metric);
    if (family && !analysis.families.contains(*family)) {
        throw Error("member_metric: the analysis did not compute " + member_metric_name(metric));
    }
    const TieGraph& graph = analysis.graph;
    const std::size_t n = graph.member_count();
    const auto counts = [](const auto& values) { return MemberScores(values.begin(), values.end()); };
    switch (metric) {
        case MemberMetric::degree: {
            MemberScores scores(n);
            for (std::size_t i = 0; i < n; ++i)
                scores[i] = static_cast<double>(graph.degree(static_cast<MemberIndex>(i)));
            return scores;
        }
        case MemberMetric::strength: {
            MemberScores scores(n);
            for (std::size_t i = 0; i < n; ++i) scores[i] = graph.strength(static_cast<MemberIndex>(i));
            return scores;
        }
        case MemberMetric::betweenness:
            return analysis.paths.betweenness;
        case MemberMetric::closeness:
            return analysis.paths.closeness;
        case MemberMetric::harmonic:
            return analysis.paths.harmonic;
        case MemberMetric::bridging:
            return analysis.paths.bridging;
        case MemberMetric::eigenvector:
            return analysis.eigenvector;
        case MemberMetric::pagerank:
            return analysis.pagerank;
        case MemberMetric::constraint:
            return analysis.holes.constraint;
        case MemberMetric::effective_size:
            return analysis.holes.effective_size;
        case MemberMetric::efficiency:
            return analysis.holes.efficiency;
        case MemberMetric::hierarchy:
            return analysis.holes.hierarchy;
        case MemberMetric::ei_index:
            return analysis.sector_scores.ei_index;
        case MemberMetric::sector_diversity:
            return analysis.sector_scores.sector_diversity;
        case MemberMetric::participation:
            return analysis.participation;
        case MemberMetric::cross_sector_ties:
            return counts(analysis.sector_scores.cross_sector_ties);
        case MemberMetric::brokerage_coordinator:
            return counts(analysis.brokerage.coordinator);
        case MemberMetric::brokerage_consultant:
            return counts(analysis.brokerage.consultant);
        case MemberMetric::brokerage_representative:
            return counts(analysis.brokerage.representative);
        case MemberMetric::brokerage_liaison:
            return counts(analysis.brokerage.liaison);
    }
    throw Error("member_metric: unknown metric");
}

}  // namespace bridgemap
