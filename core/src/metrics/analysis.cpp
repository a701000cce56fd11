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
    Analysis analysis;
    TieOptions tie_options = options.ties;
    tie_options.threads = options.threads;
    timed(analysis, "tie projection", [&] {
        analysis.graph = project_ties(network, tie_options);
        analysis.sectors = member_sectors(network);
    });
    const TieGraph& graph = analysis.graph;
    const ParallelOptions parallel{options.threads};

    PathOptions path_options = options.paths;
    path_options.threads = options.threads;
    timed(analysis, "betweenness, closeness, harmonic, bridging",
          [&] { analysis.paths = path_centrality(graph, analysis.sectors.of_member, path_options); });
    timed(analysis, "components, articulation points, bridges", [&] { analysis.connectivity = connectivity(graph); });
    timed(analysis, "eigenvector",
          [&] { analysis.eigenvector = eigenvector_centrality(graph, analysis.connectivity); });
    timed(analysis, "pagerank", [&] { analysis.pagerank = pagerank(graph); });
    timed(analysis, "constraint, effective size, efficiency, hierarchy",
          [&] { analysis.holes = structural_holes(graph, parallel); });
    timed(analysis, "E-I, diversity, cross-sector ties",
          [&] { analysis.sector_scores = member_sector_scores(graph, analysis.sectors); });
    timed(analysis, "brokerage roles",
          [&] { analysis.brokerage = brokerage_roles(graph, analysis.sectors.of_member, parallel); });
    timed(analysis, "communities (Leiden)",
          [&] { analysis.communities = leiden_communities(graph, options.communities); });
    timed(analysis, "participation",
          [&] { analysis.participation = participation(graph, analysis.communities.of_member); });
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
    timed(analysis, "sector mixing, reach, assortativity",
          [&] { analysis.mixing = sector_mixing(graph, analysis.sectors); });
    const double n = static_cast<double>(graph.member_count());
    analysis.density = n < 2 ? 0.0 : 2.0 * static_cast<double>(graph.tie_count()) / (n * (n - 1.0));
    analysis.largest_component_share =
        n == 0 ? 0.0 : static_cast<double>(analysis.connectivity.largest_component()) / n;
    return analysis;
}

const std::vector<std::string>& member_metric_names() {
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

MemberScores member_metric(const Analysis& analysis, std::string_view name) {
    const TieGraph& graph = analysis.graph;
    const std::size_t n = graph.member_count();
    const auto counts = [&](const auto& values) { return MemberScores(values.begin(), values.end()); };
    MemberScores scores(n);
    if (name == "degree") {
        for (std::size_t i = 0; i < n; ++i) scores[i] = static_cast<double>(graph.degree(static_cast<MemberIndex>(i)));
        return scores;
    }
    if (name == "strength") {
        for (std::size_t i = 0; i < n; ++i) scores[i] = graph.strength(static_cast<MemberIndex>(i));
        return scores;
    }
    if (name == "betweenness") return analysis.paths.betweenness;
    if (name == "closeness") return analysis.paths.closeness;
    if (name == "harmonic") return analysis.paths.harmonic;
    if (name == "bridging") return analysis.paths.bridging;
    if (name == "eigenvector") return analysis.eigenvector;
    if (name == "pagerank") return analysis.pagerank;
    if (name == "constraint") return analysis.holes.constraint;
    if (name == "effective_size") return analysis.holes.effective_size;
    if (name == "efficiency") return analysis.holes.efficiency;
    if (name == "hierarchy") return analysis.holes.hierarchy;
    if (name == "ei_index") return analysis.sector_scores.ei_index;
    if (name == "sector_diversity") return analysis.sector_scores.sector_diversity;
    if (name == "participation") return analysis.participation;
    if (name == "cross_sector_ties") return counts(analysis.sector_scores.cross_sector_ties);
    if (name == "brokerage_coordinator") return counts(analysis.brokerage.coordinator);
    if (name == "brokerage_consultant") return counts(analysis.brokerage.consultant);
    if (name == "brokerage_representative") return counts(analysis.brokerage.representative);
    if (name == "brokerage_liaison") return counts(analysis.brokerage.liaison);
    std::string known;
    for (const auto& metric : member_metric_names()) known += (known.empty() ? "" : ", ") + metric;
    throw RequestError("unknown metric \"" + std::string(name) + "\"; the metrics are " + known);
}

}  // namespace bridgemap
