#include <bridgemap/metrics/spectral.hpp>

#include <bridgemap/error.hpp>

#include "graph/igraph_handle.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bridgemap {
namespace {

/// The weighted adjacency matrix of one component, in the component's own numbering
/// (members[i] is row i), multiplied straight from the tie graph's arrays.
struct ComponentMatrix {
    const TieGraph* graph;
    const std::vector<MemberIndex>* members;
    const std::vector<MemberIndex>* local;  // member -> row, for members of this component
};

igraph_error_t multiply_component(igraph_real_t* to, const igraph_real_t* from, int n, void* extra) {
    const auto& matrix = *static_cast<const ComponentMatrix*>(extra);
    const auto& local = *matrix.local;
    for (int i = 0; i < n; ++i) {
        const MemberIndex member = (*matrix.members)[static_cast<std::size_t>(i)];
        const auto neighbours = matrix.graph->neighbours(member);
        const auto weights = matrix.graph->weights(member);
        double sum = 0.0;
        for (std::size_t a = 0; a < neighbours.size(); ++a) sum += weights[a] * from[local[neighbours[a]]];
        to[i] = sum;
    }
    return IGRAPH_SUCCESS;
}

/// One component's principal eigenvector (unit length, non-negative) and eigenvalue.
struct Eigenpair {
    std::vector<MemberIndex> members;
    std::vector<double> vector;
    double value = 0.0;
};

/// ARPACK's Lanczos solver for the largest eigenvalue, set up as igraph's own eigenvector
/// centrality sets it (start from the strengths, converge to machine precision), but on the
/// tie graph's arrays, so nothing is copied into an igraph graph.
Eigenpair principal_eigenpair(const TieGraph& graph, std::vector<MemberIndex> members,
                              std::vector<MemberIndex>& local) {
    const auto size = static_cast<igraph_integer_t>(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) local[members[i]] = static_cast<MemberIndex>(i);
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    options.n = static_cast<int>(size);
    options.nev = 1;
    options.ncv = 0;  // chosen by igraph
    options.which[0] = 'L';
    options.which[1] = 'A';
    options.start = 1;
    graph::IgraphMatrix vectors(size, 1);
    for (igraph_integer_t i = 0; i < size; ++i) vectors.at(i, 0) = graph.strength(members[static_cast<std::size_t>(i)]);
    graph::IgraphRealVector values(1);
    ComponentMatrix matrix{&graph, &members, &local};
    graph::check(igraph_arpack_rssolve(multiply_component, &matrix, &options, nullptr, values.get(), vectors.get()),
                 "eigenvector centrality");
    Eigenpair pair{std::move(members), std::vector<double>(static_cast<std::size_t>(size)), values.values().at(0)};
    double norm = 0.0;
    for (igraph_integer_t i = 0; i < size; ++i) norm += vectors.at(i, 0) * vectors.at(i, 0);
    norm = std::sqrt(norm);
    for (igraph_integer_t i = 0; i < size; ++i) {
        pair.vector[static_cast<std::size_t>(i)] = norm > 0 ? std::abs(vectors.at(i, 0)) / norm : 0.0;
    }
    return pair;
}

}  // namespace

MemberScores eigenvector_centrality(const TieGraph& graph) {
    return eigenvector_centrality(graph, connectivity(graph));
}

MemberScores eigenvector_centrality(const TieGraph& graph, const Connectivity& parts) {
    const std::size_t n = graph.member_count();
    MemberScores scores(n, 0.0);
    if (graph.tie_count() == 0) return scores;
    std::vector<std::vector<MemberIndex>> members(parts.components());
    std::vector<double> top_strength(parts.components(), 0.0);
    for (MemberIndex i = 0; i < n; ++i) {
        members[parts.component[i]].push_back(i);
        top_strength[parts.component[i]] = std::max(top_strength[parts.component[i]], graph.strength(i));
    }
    // A component's largest eigenvalue is at most its largest strength (a row sum), so once
    // one component's eigenvalue is known, components whose strongest member falls short of
    // it cannot share it and need no solve. Components are tried strongest first.
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return top_strength[a] > top_strength[b]; });
    std::vector<MemberIndex> local(n, k_none);
    std::vector<Eigenpair> pairs;
    double largest = 0.0;
    for (const std::size_t c : order) {
        if (members[c].size() < 2 || top_strength[c] < largest * (1.0 - 1e-9)) continue;
        pairs.push_back(principal_eigenpair(graph, std::move(members[c]), local));
        largest = std::max(largest, pairs.back().value);
    }
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
    // With uniform teleporting and dangling members (only isolates, in an undirected graph)
    // jumping uniformly, the PageRank vector is proportional to y with y = 1 on isolates and
    // (I − d·W·S⁻¹) y = 1 on tied members (W the weights, S the strengths, d the damping).
    // With y = S^½ z this becomes (I − d·S^-½ W S^-½) z = S^-½ 1: a symmetric positive
    // definite system whose condition number is at most (1 + d)/(1 − d) ≈ 12.3, which the
    // conjugate gradient method solves to machine precision in a few dozen products.
    constexpr double damping = 0.85;
    const std::size_t n = graph.member_count();
    if (n == 0) return {};
    const auto offsets = graph.adjacency_offsets();
    const auto adjacency = graph.adjacency();
    const auto weights = graph.adjacency_weights();
    std::vector<double> inverse_root(n, 0.0);  // S^-½, 0 for isolates
    for (MemberIndex i = 0; i < n; ++i) {
        if (graph.strength(i) > 0) inverse_root[i] = 1.0 / std::sqrt(graph.strength(i));
    }
    std::vector<double> scaled(n);
    const auto apply = [&](const std::vector<double>& in, std::vector<double>& out) {  // out = (I − d·S^-½ W S^-½) in
        for (std::size_t i = 0; i < n; ++i) scaled[i] = inverse_root[i] * in[i];
        for (std::size_t i = 0; i < n; ++i) {
            double sum = 0.0;
            for (std::size_t k = offsets[i]; k < offsets[i + 1]; ++k) sum += weights[k] * scaled[adjacency[k]];
            out[i] = in[i] - damping * inverse_root[i] * sum;
        }
    };
    const auto dot = [n](const std::vector<double>& a, const std::vector<double>& b) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += a[i] * b[i];
        return sum;
    };
    std::vector<double> z(n, 0.0);
    std::vector<double> residual = inverse_root;  // b − A·0
    std::vector<double> direction = residual;
    std::vector<double> product(n);
    const double target = 1e-26 * dot(residual, residual);  // ‖r‖ ≤ 1e-13 ‖b‖
    double squared = dot(residual, residual);
    for (int step = 0; squared > target; ++step) {
        if (step == 1000) throw Error("PageRank did not converge");
        apply(direction, product);
        const double alpha = squared / dot(direction, product);
        for (std::size_t i = 0; i < n; ++i) {
            z[i] += alpha * direction[i];
            residual[i] -= alpha * product[i];
        }
        const double next = dot(residual, residual);
        const double beta = next / squared;
        squared = next;
        for (std::size_t i = 0; i < n; ++i) direction[i] = residual[i] + beta * direction[i];
    }
    MemberScores rank(n);
    for (std::size_t i = 0; i < n; ++i) rank[i] = inverse_root[i] > 0 ? z[i] / inverse_root[i] : 1.0;
    const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
    for (double& x : rank) x /= total;
    return rank;
}

}  // namespace bridgemap
