#include <bridgemap/metrics/communities.hpp>

#include <bridgemap/random.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace bridgemap {
namespace {

/// A weighted graph in compressed rows, with a weight per node: the tie graph itself (node
/// weights = strengths) at the first level, then graphs of aggregated nodes.
struct LevelView {
    std::span<const std::size_t> offsets;
    std::span<const MemberIndex> neighbours;
    std::span<const double> weights;
    std::span<const double> node_weights;
    [[nodiscard]] std::size_t size() const noexcept { return node_weights.size(); }
};

struct Level {
    std::vector<std::size_t> offsets;
    std::vector<MemberIndex> neighbours;
    std::vector<double> weights;
    std::vector<double> node_weights;
    [[nodiscard]] LevelView view() const noexcept { return {offsets, neighbours, weights, node_weights}; }
};

/// Renumbers labels to 0, 1, … in order of first appearance; returns how many there are.
std::size_t renumber(std::vector<std::uint32_t>& labels) {
    std::vector<std::uint32_t> number(labels.size(), k_none);
    std::uint32_t next = 0;
    for (auto& label : labels) {
        if (number[label] == k_none) number[label] = next++;
        label = number[label];
    }
    return next;
}

/// Nodes grouped by label (a counting sort): the nodes labelled l are
/// order[start[l]] … order[start[l + 1] − 1], ascending.
struct Groups {
    std::vector<std::size_t> start;
    std::vector<std::uint32_t> order;
    [[nodiscard]] std::span<std::uint32_t> of(std::size_t label) {
        return {order.data() + start[label], order.data() + start[label + 1]};
    }
};

Groups group_by(const std::vector<std::uint32_t>& labels, std::size_t count) {
    Groups groups{std::vector<std::size_t>(count + 1, 0), std::vector<std::uint32_t>(labels.size())};
    for (const auto label : labels) ++groups.start[label + 1];
    for (std::size_t l = 0; l < count; ++l) groups.start[l + 1] += groups.start[l];
    std::vector<std::size_t> next(groups.start.begin(), groups.start.end() - 1);
    for (std::size_t v = 0; v < labels.size(); ++v) groups.order[next[labels[v]]++] = static_cast<std::uint32_t>(v);
    return groups;
}

/// Leiden for the quality Σ_ij (A_ij − r·k_i·k_j)·δ(c_i, c_j), with k the node weights and r
/// the resolution (modularity when k = strengths and r = γ/2m), as Traag, Waltman & van Eck
/// describe it and igraph 0.10 implements it (igraph_community_leiden): fast local moving,
/// refinement within each cluster with randomness β, aggregation of the refined clusters,
/// repeated until every cluster is a single node.
class Leiden {
public:
    Leiden(LevelView graph, double resolution, std::uint64_t seed)
        : graph_(graph), resolution_(resolution), random_(seed), scratch_(graph.size(), 0.0) {}

    /// Improves `membership` (one label below n per node) by one Leiden iteration started
    /// from it: local moving, refinement and aggregation until every cluster is one node.
    /// Returns whether any node moved, at any level (igraph's `changed`); when none did, the
    /// partition is unchanged and no node can raise the quality by moving alone.
    bool improve(std::vector<std::uint32_t>& membership) {
        const std::size_t n = graph_.size();
        LevelView level = graph_;
        Level owned;
        std::vector<std::uint32_t> cluster = membership;
        std::vector<std::uint32_t> node_of(n);  // each original node's node at this level
        std::iota(node_of.begin(), node_of.end(), 0U);
        bool moved = false;
        for (;;) {
            moved = move_nodes(level, cluster) || moved;
            const std::size_t clusters = renumber(cluster);
            if (clusters == level.size()) break;
            std::vector<std::uint32_t> refined = refine(level, cluster, clusters);
            std::size_t refined_count = renumber(refined);
            if (refined_count == level.size()) {  // refinement merged nothing: aggregate by the clusters
                refined = cluster;
                refined_count = clusters;
            }
            for (auto& node : node_of) node = refined[node];
            std::vector<std::uint32_t> next_cluster(refined_count);
            for (std::size_t v = 0; v < level.size(); ++v) next_cluster[refined[v]] = cluster[v];
            Level next = aggregate(level, refined, refined_count);
            owned = std::move(next);
            level = owned.view();
            cluster = std::move(next_cluster);
        }
        for (std::size_t i = 0; i < n; ++i) membership[i] = cluster[node_of[i]];
        return moved;
    }

private:
    /// Fast local moving: visits nodes from a queue (first all, in random order), moves each
    /// to the neighbouring or empty cluster that raises the quality most (strictly), and
    /// queues its neighbours outside its new cluster. Returns whether any node moved.
    bool move_nodes(const LevelView& level, std::vector<std::uint32_t>& cluster) {
        const std::size_t n = level.size();
        std::vector<double> cluster_weight(n, 0.0);
        std::vector<std::uint32_t> cluster_size(n, 0);
        for (std::size_t v = 0; v < n; ++v) {
            cluster_weight[cluster[v]] += level.node_weights[v];
            ++cluster_size[cluster[v]];
        }
        std::vector<std::uint32_t> empty;
        for (std::size_t c = n; c-- > 0;) {
            if (cluster_size[c] == 0) empty.push_back(static_cast<std::uint32_t>(c));
        }
        std::vector<std::uint32_t> queue(n);  // a ring: every node is queued at most once
        std::iota(queue.begin(), queue.end(), 0U);
        random_.shuffle(std::span<std::uint32_t>(queue));
        std::vector<std::uint8_t> queued(n, 1);
        std::size_t head = 0;
        std::size_t waiting = n;
        bool moved = false;
        // The inner loops use plain pointers: the compiler then keeps them in registers
        // instead of reloading the vectors' data after every store.
        const std::size_t* const offsets = level.offsets.data();
        const MemberIndex* const neighbours = level.neighbours.data();
        const double* const weights = level.weights.data();
        std::uint32_t* const label = cluster.data();
        double* const total = cluster_weight.data();
        double* const weight_to = scratch_.data();  // all 0 between visits
        touched_.resize(std::max(touched_.size(), n));
        std::uint32_t* const touched = touched_.data();
        while (waiting > 0) {
            const std::uint32_t v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            --waiting;
            queued[v] = 0;
            const std::uint32_t current = label[v];
            const double k = level.node_weights[v];
            const double pull = k * resolution_;  // gain lost per unit of a cluster's weight
            total[current] -= k;
            if (--cluster_size[current] == 0) empty.push_back(current);
            std::size_t touched_count = 0;
            for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a) {
                const std::uint32_t c = label[neighbours[a]];
                if (weight_to[c] == 0.0) touched[touched_count++] = c;
                weight_to[c] += weights[a];
            }
            std::uint32_t best = current;
            double best_gain = weight_to[current] - pull * total[current];
            if (best_gain < 0.0) {  // an empty cluster gains 0
                best = empty.back();
                best_gain = 0.0;
            }
            for (std::size_t t = 0; t < touched_count; ++t) {
                const std::uint32_t c = touched[t];
                const double gain = weight_to[c] - pull * total[c];
                weight_to[c] = 0.0;
                if (gain > best_gain) {
                    best = c;
                    best_gain = gain;
                }
            }
            weight_to[current] = 0.0;
            total[best] += k;
            if (cluster_size[best]++ == 0) empty.pop_back();  // best was the empty cluster on top
            if (best == current) continue;
            label[v] = best;
            moved = true;
            for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a) {
                const MemberIndex u = neighbours[a];
                if (queued[u] || label[u] == best) continue;
                queued[u] = 1;
                const std::size_t tail = head + waiting;
                queue[tail >= n ? tail - n : tail] = u;
                ++waiting;
            }
        }
        touched_.clear();
        return moved;
    }

    /// Refinement: within each cluster, starting from singletons, merges each node that is
    /// still alone and well connected to its cluster into a well-connected refined cluster
    /// that does not lower the quality, chosen with probability ∝ exp(gain/β).
    std::vector<std::uint32_t> refine(const LevelView& level, const std::vector<std::uint32_t>& cluster,
                                      std::size_t clusters) {
        constexpr double beta = 0.01;
        const std::size_t n = level.size();
        std::vector<std::uint32_t> refined(n);
        std::iota(refined.begin(), refined.end(), 0U);
        std::vector<double> weight(level.node_weights.begin(), level.node_weights.end());
        std::vector<std::uint32_t> size(n, 1);
        std::vector<double> outward(n, 0.0);  // weight from the refined cluster to the rest of its cluster
        std::vector<double> cluster_total(clusters, 0.0);
        Groups nodes = group_by(cluster, clusters);
        for (std::size_t v = 0; v < n; ++v) {
            cluster_total[cluster[v]] += level.node_weights[v];
            for (std::size_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
                if (cluster[level.neighbours[a]] == cluster[v]) outward[v] += level.weights[a];
            }
        }
        std::vector<std::pair<std::uint32_t, double>> candidates;
        for (std::size_t c = 0; c < clusters; ++c) {
            const std::span<std::uint32_t> order = nodes.of(c);
            random_.shuffle(order);
            const double total = cluster_total[c];
            const auto connected = [&](std::uint32_t r) {
                return outward[r] >= weight[r] * (total - weight[r]) * resolution_;
            };
            for (const std::uint32_t v : order) {
                const std::uint32_t own = refined[v];
                if (size[own] != 1 || !connected(own)) continue;
                const double k = level.node_weights[v];
                weight[own] = 0.0;
                outward[own] = 0.0;
                size[own] = 0;
                gather(level, v, refined, cluster, static_cast<std::uint32_t>(c));
                // Staying alone gains 0 and is always a candidate.
                candidates.assign(1, {own, 0.0});
                double best_gain = 0.0;
                for (const std::uint32_t r : touched_) {
                    if (r == own || !connected(r)) continue;
                    const double gain = scratch_[r] - k * weight[r] * resolution_;
                    if (gain < 0.0) continue;
                    candidates.emplace_back(r, gain);
                    best_gain = std::max(best_gain, gain);
                }
                clear_scratch(own);
                double sum = 0.0;
                for (auto& [r, gain] : candidates) sum += (gain = std::exp((gain - best_gain) / beta));
                double pick = random_.uniform() * sum;
                std::uint32_t chosen = candidates.back().first;
                for (const auto& [r, chance] : candidates) {
                    if (pick < chance) {
                        chosen = r;
                        break;
                    }
                    pick -= chance;
                }
                refined[v] = chosen;
                weight[chosen] += k;
                ++size[chosen];
                for (std::size_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
                    const MemberIndex u = level.neighbours[a];
                    if (cluster[u] != c) continue;
                    outward[chosen] += refined[u] == chosen ? -level.weights[a] : level.weights[a];
                }
            }
        }
        return refined;
    }

    /// The graph of the refined clusters: node weights and tie weights summed, ties inside a
    /// cluster dropped (they move with it and change no gain).
    Level aggregate(const LevelView& level, const std::vector<std::uint32_t>& refined, std::size_t count) {
        Level next;
        next.node_weights.assign(count, 0.0);
        for (std::size_t v = 0; v < level.size(); ++v) next.node_weights[refined[v]] += level.node_weights[v];
        Groups nodes = group_by(refined, count);
        next.offsets.reserve(count + 1);
        // At most every tie of this level, and at most every pair of aggregated nodes.
        const std::size_t bound = std::min(level.neighbours.size(), count * (count - 1));
        next.neighbours.reserve(bound);
        next.weights.reserve(bound);
        next.offsets.push_back(0);
        for (std::size_t r = 0; r < count; ++r) {
            for (const std::uint32_t v : nodes.of(r)) {
                for (std::size_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
                    const std::uint32_t target = refined[level.neighbours[a]];
                    if (target == r) continue;
                    if (scratch_[target] == 0.0) touched_.push_back(target);
                    scratch_[target] += level.weights[a];
                }
            }
            for (const std::uint32_t target : touched_) {
                next.neighbours.push_back(target);
                next.weights.push_back(scratch_[target]);
                scratch_[target] = 0.0;
            }
            touched_.clear();
            next.offsets.push_back(next.neighbours.size());
        }
        return next;
    }

    /// Sums v's tie weights to nodes u with within[u] == c by label[u] into scratch_, listing
    /// the labels in touched_.
    void gather(const LevelView& level, std::uint32_t v, const std::vector<std::uint32_t>& label,
                const std::vector<std::uint32_t>& within, std::uint32_t c) {
        touched_.clear();
        for (std::size_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
            const MemberIndex u = level.neighbours[a];
            if (within[u] != c) continue;
            const std::uint32_t l = label[u];
            if (scratch_[l] == 0.0) touched_.push_back(l);
            scratch_[l] += level.weights[a];
        }
    }

    void clear_scratch(std::uint32_t also) {
        for (const std::uint32_t l : touched_) scratch_[l] = 0.0;
        touched_.clear();
        scratch_[also] = 0.0;
    }

    LevelView graph_;
    double resolution_;
    Random random_;
    std::vector<double> scratch_;  // weight to each label; all 0 between uses
    std::vector<std::uint32_t> touched_;
};

/// Gives each connected piece of a community of the first level its own label (0, 1, … in
/// order of the pieces' smallest nodes) and returns the quality Σ_ij (A_ij − r·k_i·k_j)·
/// δ(c_i, c_j) of the result. Pieces share no tie, so splitting them raises the quality by
/// 2r·K_a·K_b: it never lowers it. O(n + m).
double split_disconnected(const LevelView& graph, std::vector<std::uint32_t>& label, double resolution) {
    const std::size_t n = graph.size();
    std::vector<std::uint32_t> piece(n, k_none);
    std::vector<std::uint32_t> stack;
    double inside = 0.0;
    double spread = 0.0;
    std::uint32_t pieces = 0;
    for (std::size_t start = 0; start < n; ++start) {
        if (piece[start] != k_none) continue;
        piece[start] = pieces;
        stack.assign(1, static_cast<std::uint32_t>(start));
        double total = 0.0;
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            total += graph.node_weights[v];
            for (std::size_t a = graph.offsets[v]; a < graph.offsets[v + 1]; ++a) {
                const MemberIndex u = graph.neighbours[a];
                if (label[u] != label[v]) continue;
                inside += graph.weights[a];
                if (piece[u] != k_none) continue;
                piece[u] = pieces;
                stack.push_back(u);
            }
        }
        spread += total * total;
        ++pieces;
    }
    label = std::move(piece);
    return inside - resolution * spread;
}

}  // namespace

Communities leiden_communities(const TieGraph& graph, const CommunityOptions& options) {
    const std::size_t n = graph.member_count();
    Communities result;
    result.of_member.assign(n, k_no_community);
    if (graph.tie_count() == 0) return result;

    std::vector<double> strengths(n);
    for (std::size_t i = 0; i < n; ++i) strengths[i] = graph.strength(static_cast<MemberIndex>(i));
    const LevelView ties{graph.adjacency_offsets(), graph.adjacency(), graph.adjacency_weights(), strengths};
    const double resolution = options.resolution / (2.0 * graph.total_weight());
    Leiden leiden(ties, resolution, options.seed);
    std::vector<std::uint32_t> raw(n);
    std::iota(raw.begin(), raw.end(), 0U);
    // Iterations, the first from singletons, each later one from the partition the last one
    // left, until one moves no node (then every node is where it raises the quality most)
    // or the cap. Leiden keeps communities connected, except where refinement merged nothing
    // and the clusters themselves were aggregated: a community left in pieces is split, and
    // a piece may then move in the next iteration. Every move and every split raises the
    // quality, so it rises with every iteration that changes the partition; one that does
    // not raise the computed quality (moves between clusters of equal gain, decided by
    // rounding) ends the run, as it could otherwise go back and forth for ever.
    double reached = -std::numeric_limits<double>::infinity();
    std::vector<std::uint32_t> before;
    for (std::size_t iteration = 0; options.max_iterations == 0 || iteration < options.max_iterations; ++iteration) {
        before = raw;
        const bool moved = leiden.improve(raw);
        const std::size_t clusters = renumber(raw);
        const double now = split_disconnected(ties, raw, resolution);
        const std::size_t pieces = renumber(raw);
        if (!moved && pieces == clusters) break;
        if (now <= reached) {
            if (now < reached) raw = std::move(before);
            break;
        }
        reached = now;
    }
    const std::size_t clusters = renumber(raw);

    // Number communities of members with ties by decreasing size, then smallest member.
    std::vector<std::size_t> size(clusters, 0);
    std::vector<MemberIndex> first(clusters, k_none);
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
        if (graph.degree(static_cast<MemberIndex>(i)) > 0)
            result.of_member[i] = number[static_cast<std::size_t>(raw[i])];
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
    for (std::size_t i = 0; i < community.size(); ++i)
        label[i] = community[i] == k_no_community ? next++ : community[i];
    std::vector<double> inside(next, 0.0);
    std::vector<double> strength(next, 0.0);
    for (const Tie& tie : graph.ties()) {
        if (label[tie.source] == label[tie.target]) inside[label[tie.source]] += tie.weight;
    }
    for (std::size_t i = 0; i < community.size(); ++i)
        strength[label[i]] += graph.strength(static_cast<MemberIndex>(i));
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
