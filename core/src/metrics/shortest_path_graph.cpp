#include "metrics/shortest_path_graph.hpp"

#include "concurrency/parallel_for.hpp"
#include "metrics/dijkstra.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace bridgemap::metrics {
namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();
constexpr std::size_t k_members_per_chunk = 64;

/// A tie is left out only when a path beats it by more than slack · (D + L) (see build()).
double pruning_slack(std::size_t member_count) {
    return 1e-9 + 1e-15 * static_cast<double>(member_count);
}

/// Twice the eccentricity of the first member of each component: no finite distance is
/// longer. One Dijkstra per component, O(m + n log n) in all.
double longest_distance_bound(const TieGraph& ties) {
    const std::size_t n = ties.member_count();
    const std::span<const std::size_t> offsets = ties.adjacency_offsets();
    const std::span<const MemberIndex> adjacency = ties.adjacency();
    const std::span<const double> weights = ties.adjacency_weights();
    std::vector<double> distance(n, k_infinity);
    std::vector<std::uint8_t> done(n, 0);
    RadixHeap heap;
    double bound = 0.0;
    for (MemberIndex root = 0; root < n; ++root) {
        if (done[root] != 0 || offsets[root] == offsets[root + 1]) continue;
        distance[root] = 0.0;
        heap.clear();
        heap.push(root, 0.0);
        double farthest = 0.0;
        while (!heap.empty()) {
            const RadixHeap::Entry top = heap.pop();
            if (done[top.member] != 0 || top.key != distance[top.member]) continue;  // stale
            done[top.member] = 1;
            farthest = top.key;
            for (std::size_t a = offsets[top.member]; a < offsets[top.member + 1]; ++a) {
                const MemberIndex v = adjacency[a];
                const double candidate = top.key + 1.0 / weights[a];
                if (candidate < distance[v]) {
                    distance[v] = candidate;
                    heap.push(v, candidate);
                }
            }
        }
        bound = std::max(bound, 2.0 * farthest);
    }
    return bound;
}

/// Each member's ties by ascending length (descending weight; equal weights by ascending
/// neighbour), as positions within the member's adjacency row.
std::vector<std::uint32_t> rows_by_length(const TieGraph& ties, unsigned workers) {
    const std::span<const std::size_t> offsets = ties.adjacency_offsets();
    const std::span<const double> weights = ties.adjacency_weights();
    std::vector<std::uint32_t> by_length(offsets.back());
    const auto sort_rows = [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t u = begin; u < end; ++u) {
            const double* row = weights.data() + offsets[u];
            const auto first = by_length.begin() + static_cast<std::ptrdiff_t>(offsets[u]);
            const auto last = by_length.begin() + static_cast<std::ptrdiff_t>(offsets[u + 1]);
            std::iota(first, last, std::uint32_t{0});
            std::sort(first, last, [row](std::uint32_t a, std::uint32_t b) {
                return row[a] > row[b] || (row[a] == row[b] && a < b);
            });
        }
    };
    concurrency::parallel_for(ties.member_count(), workers, k_members_per_chunk, sort_rows);
    return by_length;
}

/// keep[t] for every tie t: false when a two-step path beats it (see build()). Each tie u–v
/// is decided once, from its source u: with the lengths of u's ties at hand, v's ties are
/// tried by ascending length, and the search stops at the first middle member w that gives
/// a path short enough, or when v's ties grow too long for any w to do so. Most ties are
/// beaten, and usually through one of v's strongest ties, so this is far cheaper than
/// trying every common neighbour (at 20,000 members and 2.9 million ties: 0.8 s against
/// 12 s on one core).
std::vector<std::uint8_t> undominated_ties(const TieGraph& ties, double bound, unsigned threads) {
    const std::size_t n = ties.member_count();
    const std::span<const std::size_t> offsets = ties.adjacency_offsets();
    const std::span<const MemberIndex> adjacency = ties.adjacency();
    const std::span<const double> weights = ties.adjacency_weights();
    const double slack = pruning_slack(n);
    const unsigned workers = concurrency::worker_count(threads);
    const std::vector<std::uint32_t> by_length = rows_by_length(ties, workers);

    std::vector<std::uint8_t> keep(ties.tie_count(), 1);
    // length_from_u[w] while looking at u: len(u,w) for u's neighbours, +inf for the rest.
    std::vector<std::vector<double>> lengths_from(workers);
    const auto decide = [&](unsigned worker, std::size_t begin, std::size_t end) {
        std::vector<double>& length_from_u = lengths_from[worker];
        if (length_from_u.empty()) length_from_u.assign(n, k_infinity);
        for (std::size_t member = begin; member < end; ++member) {
            const auto u = static_cast<MemberIndex>(member);
            const std::size_t first = offsets[u];
            const std::size_t last = offsets[u + 1];
            if (first == last || adjacency[last - 1] < u) continue;  // no tie above u
            for (std::size_t a = first; a < last; ++a) length_from_u[adjacency[a]] = 1.0 / weights[a];
            const double shortest_from_u = 1.0 / weights[first + by_length[first]];
            const std::span<const TieIndex> tie_indices = ties.tie_indices(u);
            for (std::size_t a = first; a < last; ++a) {
                const MemberIndex v = adjacency[a];
                if (v < u) continue;
                const double limit = (1.0 / weights[a]) * (1.0 - slack) - slack * bound;
                for (std::size_t j = offsets[v]; j < offsets[v + 1]; ++j) {
                    const std::size_t b = offsets[v] + by_length[j];
                    const double second_step = 1.0 / weights[b];
                    if (!(shortest_from_u + second_step < limit)) break;  // v's later ties are longer
                    if (length_from_u[adjacency[b]] + second_step < limit) {
                        keep[tie_indices[a - first]] = 0;
                        break;
                    }
                }
            }
            for (std::size_t a = first; a < last; ++a) length_from_u[adjacency[a]] = k_infinity;
        }
    };
    concurrency::parallel_for(n, workers, k_members_per_chunk, decide);
    return keep;
}

/// For each arc u→v with u < v of `graph` (by position; other arcs are left 1): 0 when a path
/// of two or three arcs of `graph` beats it by more than the slack. With the distances of
/// the one- and two-arc paths from u at hand (only those shorter than u's longest arc),
/// a tie u–v is beaten when some arc x→v completes a path short enough.
std::vector<std::uint8_t> three_step_undominated_arcs(const ShortestPathGraph& graph, double bound, double slack,
                                                      unsigned threads) {
    const std::size_t n = graph.member_count();
    const std::span<const std::size_t> offsets = graph.offsets();
    std::vector<std::uint8_t> keep(graph.arc_count(), 1);
    const unsigned workers = concurrency::worker_count(threads);
    struct Workspace {
        std::vector<double> near;  // shortest path of one or two arcs from u, +inf when none known
        std::vector<MemberIndex> touched;
    };
    std::vector<Workspace> workspaces(workers);
    const auto decide = [&](unsigned worker, std::size_t begin, std::size_t end) {
        Workspace& workspace = workspaces[worker];
        std::vector<double>& near = workspace.near;
        if (near.empty()) near.assign(n, k_infinity);
        const auto reach = [&](MemberIndex x, double length) {
            if (near[x] == k_infinity) workspace.touched.push_back(x);
            near[x] = std::min(near[x], length);
        };
        for (std::size_t member = begin; member < end; ++member) {
            const auto u = static_cast<MemberIndex>(member);
            const std::span<const Arc> arcs = graph.arcs(u);
            if (arcs.empty() || arcs.back().target < u) continue;  // no arc to a member above u
            double longest = 0.0;
            for (const Arc& arc : arcs) longest = std::max(longest, arc.length);
            for (const Arc& arc : arcs) reach(arc.target, arc.length);
            for (const Arc& first : arcs) {
                if (!(first.length < longest)) continue;
                for (const Arc& second : graph.arcs(first.target)) {
                    const double length = first.length + second.length;
                    if (length < longest && second.target != u) reach(second.target, length);
                }
            }
            for (std::size_t a = 0; a < arcs.size(); ++a) {
                const MemberIndex v = arcs[a].target;
                if (v < u) continue;
                const double limit = arcs[a].length * (1.0 - slack) - slack * bound;
                for (const Arc& last : graph.arcs(v)) {
                    if (near[last.target] + last.length < limit) {
                        keep[offsets[u] + a] = 0;
                        break;
                    }
                }
            }
            for (const MemberIndex x : workspace.touched) near[x] = k_infinity;
            workspace.touched.clear();
        }
    };
    concurrency::parallel_for(n, workers, k_members_per_chunk, decide);
    return keep;
}

}  // namespace

ShortestPathGraph ShortestPathGraph::build(const TieGraph& ties, TiePruning pruning, unsigned threads) {
    const std::size_t n = ties.member_count();
    const unsigned workers = concurrency::worker_count(threads);
    ShortestPathGraph graph;
    graph.offsets_.assign(n + 1, 0);
    const bool prune = pruning == TiePruning::dominated && ties.tie_count() > 0;
    std::vector<std::uint8_t> keep;
    if (prune) {
        graph.distance_bound_ = longest_distance_bound(ties);
        keep = undominated_ties(ties, graph.distance_bound_, threads);
    } else {
        keep.assign(ties.tie_count(), 1);
    }
    for (MemberIndex v = 0; v < n; ++v) {
        std::size_t kept = 0;
        for (const TieIndex t : ties.tie_indices(v)) kept += keep[t];
        graph.offsets_[v + 1] = graph.offsets_[v] + kept;
    }
    graph.arcs_.resize(graph.offsets_[n]);
    concurrency::parallel_for(n, workers, 1024, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t member = begin; member < end; ++member) {
            const auto v = static_cast<MemberIndex>(member);
            const std::span<const MemberIndex> neighbours = ties.neighbours(v);
            const std::span<const double> weights = ties.weights(v);
            const std::span<const TieIndex> tie_indices = ties.tie_indices(v);
            std::size_t out = graph.offsets_[v];
            for (std::size_t a = 0; a < neighbours.size(); ++a) {
                if (keep[tie_indices[a]] == 0) continue;
                graph.arcs_[out++] = Arc{1.0 / weights[a], neighbours[a]};
            }
        }
    });
    if (!prune) return graph;

    // Second round: ties beaten by a path of three ties (which the first round cannot see),
    // found on the much smaller graph of the ties left.
    const std::vector<std::uint8_t> keep_arc =
        three_step_undominated_arcs(graph, graph.distance_bound_, pruning_slack(n), threads);
    // An arc u→v with u > v goes with v→u, found by binary search in v's arcs.
    const auto kept = [&](MemberIndex u, std::size_t position) {
        if (u < graph.arcs_[position].target) return keep_arc[position] != 0;
        return keep_arc[graph.reverse_arc(u, position)] != 0;
    };
    std::vector<std::uint8_t> keep_both(graph.arcs_.size());
    concurrency::parallel_for(n, workers, 1024, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t member = begin; member < end; ++member) {
            const auto u = static_cast<MemberIndex>(member);
            for (std::size_t a = graph.offsets_[u]; a < graph.offsets_[u + 1]; ++a) keep_both[a] = kept(u, a) ? 1 : 0;
        }
    });
    ShortestPathGraph smaller;
    smaller.distance_bound_ = graph.distance_bound_;
    smaller.slack_ = pruning_slack(n);
    smaller.offsets_.assign(n + 1, 0);
    for (std::size_t u = 0; u < n; ++u) {
        std::size_t count = 0;
        for (std::size_t a = graph.offsets_[u]; a < graph.offsets_[u + 1]; ++a) count += keep_both[a];
        smaller.offsets_[u + 1] = smaller.offsets_[u] + count;
    }
    smaller.arcs_.reserve(smaller.offsets_[n]);
    for (std::size_t a = 0; a < graph.arcs_.size(); ++a) {
        if (keep_both[a] != 0) smaller.arcs_.push_back(graph.arcs_[a]);
    }
    return smaller;
}

std::size_t ShortestPathGraph::reverse_arc(MemberIndex u, std::size_t position) const noexcept {
    const MemberIndex v = arcs_[position].target;
    const auto first = arcs_.begin() + static_cast<std::ptrdiff_t>(offsets_[v]);
    const auto last = arcs_.begin() + static_cast<std::ptrdiff_t>(offsets_[v + 1]);
    return static_cast<std::size_t>(
        std::lower_bound(first, last, u, [](const Arc& arc, MemberIndex target) { return arc.target < target; }) -
        arcs_.begin());
}

void ShortestPathGraph::leave_out(std::span<const std::uint8_t> beaten) {
    const std::size_t n = member_count();
    std::vector<std::size_t> offsets(n + 1, 0);
    std::vector<Arc> arcs;
    arcs.reserve(arcs_.size());
    for (MemberIndex u = 0; u < n; ++u) {
        for (std::size_t a = offsets_[u]; a < offsets_[u + 1]; ++a) {
            if (beaten[a] == 0 && beaten[reverse_arc(u, a)] == 0) arcs.push_back(arcs_[a]);
        }
        offsets[u + 1] = arcs.size();
    }
    offsets_ = std::move(offsets);
    arcs_ = std::move(arcs);
}

}  // namespace bridgemap::metrics
