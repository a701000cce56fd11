#include <bridgemap/metrics/communities.hpp>

#include "graph/igraph_handle.hpp"

#include <algorithm>
#include <numeric>

namespace bridgemap {

Communities leiden_communities(const TieGraph& graph, const CommunityOptions& options) {
    const std::size_t n = graph.member_count();
    Communities result;
    result.of_member.assign(n, k_no_community);
    if (graph.tie_count() == 0) return result;

    graph::prepare_igraph(options.seed);
    const graph::IgraphGraph igraph(graph);
    std::vector<double> strengths(n);
    for (std::size_t i = 0; i < n; ++i) strengths[i] = graph.strength(static_cast<MemberIndex>(i));
    const graph::IgraphRealVector node_weights(strengths);
    graph::IgraphIntVector membership(static_cast<igraph_integer_t>(n));
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    const double two_m = 2.0 * graph.total_weight();
    graph::check(igraph_community_leiden(igraph.get(), igraph.weights(), node_weights.get(), options.resolution / two_m,
                                         0.01, false, -1, membership.get(), &clusters, &quality),
                 "Leiden community detection");
    const auto raw = membership.values();

    // Number communities of members with ties by decreasing size, then smallest member.
    std::vector<std::size_t> size(static_cast<std::size_t>(clusters), 0);
    std::vector<MemberIndex> first(static_cast<std::size_t>(clusters), k_none);
    for (std::size_t i = 0; i < n; ++i) {
        if (graph.degree(static_cast<MemberIndex>(i)) == 0) continue;
        const auto c = static_cast<std::size_t>(raw[i]);
        ++size[c];
        first[c] = std::min<MemberIndex>(first[c], static_cast<MemberIndex>(i));
    }
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < size.size(); ++c) {
        if (size[c] > 0) order.push_back(c);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<std::uint32_t> number(size.size(), k_no_community);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        number[order[rank]] = static_cast<std::uint32_t>(rank + 1);
        result.sizes.push_back(size[order[rank]]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (graph.degree(static_cast<MemberIndex>(i)) > 0) result.of_member[i] = number[static_cast<std::size_t>(raw[i])];
    }
    result.count = order.size();
    result.modularity = modularity(graph, result.of_member, options.resolution);
    return result;
}

double modularity(const TieGraph& graph, std::span<const std::uint32_t> community, double resolution) {
    const double m = graph.total_weight();
    if (graph.tie_count() == 0 || m <= 0) return 0.0;
    // Members in no community are singletons: give each its own label past the largest.
    std::uint32_t largest = 0;
    for (const auto c : community) largest = std::max(largest, c);
    std::vector<std::size_t> label(community.size());
    std::size_t next = static_cast<std::size_t>(largest) + 1;
    for (std::size_t i = 0; i < community.size(); ++i) label[i] = community[i] == k_no_community ? next++ : community[i];
    std::vector<double> inside(next, 0.0);
    std::vector<double> strength(next, 0.0);
    for (const Tie& tie : graph.ties()) {
        if (label[tie.source] == label[tie.target]) inside[label[tie.source]] += tie.weight;
    }
    for (std::size_t i = 0; i < community.size(); ++i) strength[label[i]] += graph.strength(static_cast<MemberIndex>(i));
    double q = 0.0;
    for (std::size_t c = 0; c < next; ++c) {
        const double share = strength[c] / (2.0 * m);
        q += inside[c] / m - resolution * share * share;
    }
    return q;
}

MemberScores participation(const TieGraph& graph, std::span<const std::uint32_t> community) {
    const std::size_t n = graph.member_count();
    MemberScores scores(n, k_not_defined);
    std::vector<double> by_community;
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < n; ++i) {
        const auto member = static_cast<MemberIndex>(i);
        const double total = graph.strength(member);
        if (graph.degree(member) == 0 || total <= 0) continue;
        const auto neighbours = graph.neighbours(member);
        const auto weights = graph.weights(member);
        for (std::size_t a = 0; a < neighbours.size(); ++a) {
            const std::uint32_t c = community[neighbours[a]];
            if (c >= by_community.size()) by_community.resize(c + 1, 0.0);
            if (by_community[c] == 0.0) touched.push_back(c);
            by_community[c] += weights[a];
        }
        std::sort(touched.begin(), touched.end());
        double sum = 0.0;
        for (const auto c : touched) {
            const double share = by_community[c] / total;
            sum += share * share;
            by_community[c] = 0.0;
        }
        touched.clear();
        scores[i] = 1.0 - sum;
    }
    return scores;
}

}  // namespace bridgemap
