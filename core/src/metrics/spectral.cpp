#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/metrics/spectral.hpp>

#include "graph/igraph_handle.hpp"

#include <algorithm>
#include <cmath>

namespace bridgemap {
namespace {

/// One component's principal eigenvector (unit length, non-negative) and eigenvalue.
struct Eigenpair {
    std::vector<MemberIndex> members;
    std::vector<double> vector;
    double value = 0.0;
};

Eigenpair principal_eigenpair(const TieGraph& graph, std::vector<MemberIndex> members) {
    // The component as a graph of its own, members renumbered in ascending order (which
    // keeps the ties sorted).
    std::vector<MemberIndex> local(graph.member_count(), k_none);
    for (std::size_t i = 0; i < members.size(); ++i) local[members[i]] = static_cast<MemberIndex>(i);
    std::vector<Tie> ties;
    for (const MemberIndex member : members) {
        const auto neighbours = graph.neighbours(member);
        const auto weights = graph.weights(member);
        for (std::size_t a = 0; a < neighbours.size(); ++a) {
            if (neighbours[a] > member) ties.push_back({local[member], local[neighbours[a]], weights[a], {}});
        }
    }
    const TieGraph component = TieGraph::from_sorted_ties(members.size(), std::move(ties));
    const graph::IgraphGraph igraph(component);
    graph::IgraphRealVector vector;
    igraph_real_t value = 0;
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    graph::check(igraph_eigenvector_centrality(igraph.get(), vector.get(), &value, false, true, igraph.weights(), &options),
                 "eigenvector centrality");
    Eigenpair pair{std::move(members), vector.values(), value};
    double norm = 0.0;
    for (const double x : pair.vector) norm += x * x;
    norm = std::sqrt(norm);
    for (double& x : pair.vector) x = norm > 0 ? std::abs(x) / norm : 0.0;
    return pair;
}

}  // namespace

MemberScores eigenvector_centrality(const TieGraph& graph) {
    const std::size_t n = graph.member_count();
    MemberScores scores(n, 0.0);
    if (graph.tie_count() == 0) return scores;
    const Connectivity parts = connectivity(graph);
    std::vector<std::vector<MemberIndex>> members(parts.components());
    for (MemberIndex i = 0; i < n; ++i) members[parts.component[i]].push_back(i);
    std::vector<Eigenpair> pairs;
    for (auto& list : members) {
        if (list.size() >= 2) pairs.push_back(principal_eigenpair(graph, std::move(list)));
    }
    double largest = 0.0;
    for (const auto& pair : pairs) largest = std::max(largest, pair.value);
    for (const auto& pair : pairs) {
        if (pair.value < largest * (1.0 - 1e-9)) continue;
        double weight = 0.0;
        for (const double x : pair.vector) weight += x;
        for (std::size_t i = 0; i < pair.members.size(); ++i) scores[pair.members[i]] = weight * pair.vector[i];
    }
    const double top = *std::max_element(scores.begin(), scores.end());
    if (top > 0) {
        for (double& x : scores) x /= top;
    }
    return scores;
}

MemberScores pagerank(const TieGraph& graph) {
    const std::size_t n = graph.member_count();
    if (n == 0) return {};
    const graph::IgraphGraph igraph(graph);
    graph::IgraphRealVector vector;
    igraph_real_t value = 0;
    graph::check(igraph_pagerank(igraph.get(), IGRAPH_PAGERANK_ALGO_ARPACK, vector.get(), &value, igraph_vss_all(), false,
                                 0.85, igraph.weights(), nullptr),
                 "PageRank");
    return vector.values();
}

}  // namespace bridgemap
