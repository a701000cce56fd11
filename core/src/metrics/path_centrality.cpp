#include <bridgemap/metrics/path_centrality.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/random.hpp>

#include "concurrency/parallel_for.hpp"
#include "metrics/dijkstra.hpp"
#include "metrics/path_centrality_kernel.hpp"
#include "metrics/shortest_path_graph.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>

namespace bridgemap {
namespace {

using metrics::ShortestPathGraph;
using metrics::ShortestPathSearch;

/// Sources are taken in blocks of this many consecutive ones; each block's sums are added
/// to the totals in block order. Fixed, so that sums never depend on the thread count.
constexpr std::size_t k_sources_per_block = 32;
/// The sources are searched in rounds of whole blocks, the first of this many blocks per
/// worker and each next one four times as large; between rounds the ties the searches showed
/// beaten are left out (ShortestPathGraph::leave_out). The first round already finds
/// nearly all of them (20,000 members, 744,276 ties: 249,000 after build()'s pruning,
/// 77,114 after the first 64 sources, 74,636 after 1,344).
constexpr std::size_t k_first_round_blocks = 1;
/// Automatic mode samples when n·(n + m) exceeds this (see exact_path_cost_limit).
constexpr std::uint64_t k_exact_path_cost_limit = 100'000'000'000ULL;
/// The default sample keeps k·(n + m) near this (see sampled_path_cost).
constexpr std::uint64_t k_sampled_path_cost = 10'000'000'000ULL;
/// The default sample never has fewer sources than this (or than n).
constexpr std::size_t k_minimum_samples = 100;
constexpr double k_confidence = 0.95;

/// Per-member sums over one block of sources.
struct BlockSums {
    std::vector<double> betweenness;  // Σ_s δ_s(v)
    std::vector<double> bridging;     // Σ_s δ'_s(v), dependencies on cross-sector targets
    // Sampled mode only, over the sources s ≠ v that reach v:
    std::vector<double> distance;        // Σ d(s, v)
    std::vector<double> harmonic;        // Σ 1/d(s, v)
    std::vector<std::uint32_t> reached;  // how many

    BlockSums(std::size_t n, bool with_distances)
        : betweenness(n, 0.0),
          bridging(n, 0.0),
          distance(with_distances ? n : 0, 0.0),
          harmonic(with_distances ? n : 0, 0.0),
          reached(with_distances ? n : 0, 0) {}

    void clear() {
        std::fill(betweenness.begin(), betweenness.end(), 0.0);
        std::fill(bridging.begin(), bridging.end(), 0.0);
        std::fill(distance.begin(), distance.end(), 0.0);
        std::fill(harmonic.begin(), harmonic.end(), 0.0);
        std::fill(reached.begin(), reached.end(), 0u);
    }

    void add(const BlockSums& other) {
        for (std::size_t v = 0; v < betweenness.size(); ++v) betweenness[v] += other.betweenness[v];
        for (std::size_t v = 0; v < bridging.size(); ++v) bridging[v] += other.bridging[v];
        for (std::size_t v = 0; v < distance.size(); ++v) distance[v] += other.distance[v];
        for (std::size_t v = 0; v < harmonic.size(); ++v) harmonic[v] += other.harmonic[v];
        for (std::size_t v = 0; v < reached.size(); ++v) reached[v] += other.reached[v];
    }
};

/// Adds blocks' sums to the total in block order, whichever thread finishes a block
/// first: the total is ((b0 + b1) + b2) + ... member by member, on any number of threads.
/// Blocks finished early wait (as sums, not as threads) until the blocks before them are in.
class OrderedSums {
public:
    OrderedSums(std::size_t n, bool with_distances)
        : n_(n), with_distances_(with_distances), total_(n, with_distances) {}

    /// Zeroed sums for a new block.
    std::unique_ptr<BlockSums> take() {
        std::unique_ptr<BlockSums> sums;
        {
            const std::lock_guard lock(mutex_);
            if (!spare_.empty()) {
                sums = std::move(spare_.back());
                spare_.pop_back();
            }
        }
        if (!sums) return std::make_unique<BlockSums>(n_, with_distances_);
        sums->clear();
        return sums;
    }

    /// Hands in the sums of block `block`.
    void finish(std::size_t block, std::unique_ptr<BlockSums> sums) {
        const std::lock_guard lock(mutex_);
        waiting_.emplace(block, std::move(sums));
        for (auto next = waiting_.find(next_block_); next != waiting_.end(); next = waiting_.find(next_block_)) {
            total_.add(*next->second);
            spare_.push_back(std::move(next->second));
            waiting_.erase(next);
            ++next_block_;
        }
    }

    [[nodiscard]] const BlockSums& total() const noexcept { return total_; }

private:
    std::size_t n_;
    bool with_distances_;
    BlockSums total_;
    std::mutex mutex_;
    std::size_t next_block_ = 0;
    std::map<std::size_t, std::unique_ptr<BlockSums>> waiting_;
    std::vector<std::unique_ptr<BlockSums>> spare_;
};

/// One thread's search and dependency arrays, reused for every source it takes.
struct SourceWork {
    explicit SourceWork(const ShortestPathGraph& arcs)
        : search(arcs), dependency(arcs.member_count(), 0.0), cross_dependency(arcs.member_count(), 0.0) {}
    ShortestPathSearch search;
    std::vector<double> dependency;        // δ_s(v)
    std::vector<double> cross_dependency;  // δ'_s(v): only targets of another known sector count
};

/// Members of known sector and pairs of them in different sectors.
struct SectorPairs {
    std::uint64_t known = 0;
    std::uint64_t pairs = 0;         // unordered pairs {s, t} of different known sectors
    std::uint64_t most_targets = 0;  // max over sectors c of (known − members of c)
};

SectorPairs count_sector_pairs(std::span<const SectorIndex> sectors) {
    std::vector<SectorIndex> known;
    for (const SectorIndex sector : sectors) {
        if (sector != k_unknown_sector) known.push_back(sector);
    }
    std::sort(known.begin(), known.end());
    SectorPairs result;
    result.known = known.size();
    std::uint64_t same = 0;  // Σ_c K_c²
    for (std::size_t i = 0; i < known.size();) {
        std::size_t j = i;
        while (j < known.size() && known[j] == known[i]) ++j;
        const std::uint64_t size = j - i;
        same += size * size;
        result.most_targets = std::max(result.most_targets, result.known - size);
        i = j;
    }
    result.pairs = (result.known * result.known - same) / 2;
    return result;
}

/// The default number of sampled sources: as many as keep k·(n + m) near `cost`,
/// at least k_minimum_samples, at most n.
std::size_t default_samples(std::size_t n, std::size_t tie_count, std::uint64_t cost) {
    const std::uint64_t per_source = static_cast<std::uint64_t>(n) + tie_count;
    const std::uint64_t budget = cost / std::max<std::uint64_t>(1, per_source);
    return static_cast<std::size_t>(
        std::clamp<std::uint64_t>(budget, std::min<std::uint64_t>(n, k_minimum_samples), n));
}

/// k distinct members drawn uniformly with `seed` (a partial Fisher–Yates shuffle), ascending.
std::vector<MemberIndex> sample_sources(std::size_t n, std::size_t k, std::uint64_t seed) {
    std::vector<MemberIndex> members(n);
    std::iota(members.begin(), members.end(), MemberIndex{0});
    Random random(seed);
    for (std::size_t i = 0; i < k; ++i) std::swap(members[i], members[i + random.below(n - i)]);
    members.resize(k);
    std::sort(members.begin(), members.end());
    return members;
}

std::string format_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
}

/// Brandes' accumulation for one source: dependencies (all targets, and cross-sector
/// targets only) into `sums`. With `own_scores` (exact mode), the source's own closeness
/// and harmonic go there; else (sampled mode) the distances from the source go into `sums`.
void visit_source(MemberIndex source, std::span<const SectorIndex> sectors, SourceWork& work, BlockSums& sums,
                  PathCentrality* own_scores) {
    ShortestPathSearch& search = work.search;
    search.run(source);
    const std::span<const MemberIndex> order = search.order();
    const std::size_t n = sectors.size();

    if (own_scores != nullptr) {
        double total = 0.0;
        double harmonic = 0.0;
        for (std::size_t i = 1; i < order.size(); ++i) {
            const double d = search.distance(order[i]);
            total += d;
            harmonic += 1.0 / d;
        }
        const double others = static_cast<double>(order.size() - 1);
        own_scores->closeness[source] =
            total > 0.0 && n > 1 ? others / total * (others / static_cast<double>(n - 1)) : 0.0;
        own_scores->harmonic[source] = n > 1 ? harmonic / static_cast<double>(n - 1) : 0.0;
    } else {
        for (std::size_t i = 1; i < order.size(); ++i) {
            const MemberIndex v = order[i];
            const double d = search.distance(v);
            sums.distance[v] += d;
            sums.harmonic[v] += 1.0 / d;
            ++sums.reached[v];
        }
    }

    std::vector<double>& delta = work.dependency;
    std::vector<double>& cross = work.cross_dependency;
    const SectorIndex source_sector = sectors[source];
    if (source_sector == k_unknown_sector) {
        for (std::size_t i = order.size(); i-- > 1;) {
            const MemberIndex w = order[i];
            const double coefficient = (1.0 + delta[w]) / search.paths(w);
            search.for_each_predecessor(w, [&](MemberIndex p) { delta[p] += search.paths(p) * coefficient; });
            sums.betweenness[w] += delta[w];
            delta[w] = 0.0;
        }
    } else {
        for (std::size_t i = order.size(); i-- > 1;) {
            const MemberIndex w = order[i];
            const double paths = search.paths(w);
            const double coefficient = (1.0 + delta[w]) / paths;
            const double counted = sectors[w] != k_unknown_sector && sectors[w] != source_sector ? 1.0 : 0.0;
            const double cross_coefficient = (counted + cross[w]) / paths;
            search.for_each_predecessor(w, [&](MemberIndex p) {
                const double paths_p = search.paths(p);
                delta[p] += paths_p * coefficient;
                cross[p] += paths_p * cross_coefficient;
            });
            sums.betweenness[w] += delta[w];
            sums.bridging[w] += cross[w];
            delta[w] = 0.0;
            cross[w] = 0.0;
        }
    }
    delta[source] = 0.0;
    cross[source] = 0.0;
}

}  // namespace

std::uint64_t exact_path_cost_limit() noexcept {
    return k_exact_path_cost_limit;
}

std::uint64_t sampled_path_cost() noexcept {
    return k_sampled_path_cost;
}

namespace metrics {

PathCentrality path_centrality_over(ShortestPathGraph arcs, std::size_t tie_count, std::span<const SectorIndex> sectors,
                                    const PathOptions& options) {
    const std::size_t n = arcs.member_count();
    if (sectors.size() != n) {
        throw Error("path_centrality: " + std::to_string(sectors.size()) + " sectors given for " + std::to_string(n) +
                    " members");
    }
    PathCentrality result;
    result.betweenness.assign(n, 0.0);
    result.closeness.assign(n, 0.0);
    result.harmonic.assign(n, 0.0);
    const SectorPairs sector_pairs = count_sector_pairs(sectors);
    result.bridging.assign(n, sector_pairs.pairs > 0 ? 0.0 : k_not_defined);

    // How many sources.
    std::size_t k = n;
    if (options.mode == PathOptions::Mode::sampled) {
        k = options.samples > 0
                ? std::min(options.samples, n)
                : default_samples(n, tie_count, options.cost_limit > 0 ? options.cost_limit : k_sampled_path_cost);
    } else if (options.mode == PathOptions::Mode::automatic) {
        const Uint128 cost = static_cast<Uint128>(n) * (static_cast<Uint128>(n) + tie_count);
        if (options.cost_limit > 0) {
            if (cost > options.cost_limit) k = default_samples(n, tie_count, options.cost_limit);
        } else if (cost > k_exact_path_cost_limit) {
            k = default_samples(n, tie_count, k_sampled_path_cost);
        }
    }
    const bool exact = k == n;
    result.exact = exact;
    result.sources = k;
    const std::string ties_used =
        std::to_string(arcs.arc_count() / 2) + " of " + std::to_string(tie_count) + " ties can lie on a shortest path";
    if (n == 0) {
        result.method = "exact: empty network";
        return result;
    }

    std::vector<MemberIndex> sources;
    if (exact) {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), MemberIndex{0});
    } else {
        sources = sample_sources(n, k, options.seed);
    }

    const std::size_t blocks = (k + k_sources_per_block - 1) / k_sources_per_block;
    const unsigned workers =
        static_cast<unsigned>(std::min<std::size_t>(concurrency::worker_count(options.threads), blocks));
    OrderedSums ordered(n, !exact);
    std::vector<std::unique_ptr<SourceWork>> work(workers);
    // Sources done, counted by every worker and reported by worker 0 (the calling thread).
    std::atomic<std::size_t> sources_done{0};
    report_progress(options.progress, "shortest paths", 0, k);
    // Each search also shows ties beaten by a path through its source (most of the ties
    // build()'s pruning left are: at 20,000 members 70% lie on no shortest path). They are
    // left out between rounds, so later rounds search a smaller graph (20,000 members: path
    // stage 33 s -> 21 s); no result changes, not even in the last bit.
    const bool leave_out = arcs.can_leave_out();
    std::vector<std::uint8_t> beaten;
    std::size_t round_blocks = leave_out ? k_first_round_blocks * workers : blocks;
    for (std::size_t first_block = 0, last_block = 0; first_block < blocks; first_block = last_block) {
        last_block = std::min(blocks, first_block + round_blocks);
        round_blocks *= 4;
        if (leave_out) beaten.assign(last_block < blocks ? arcs.arc_count() : 0, 0);
        concurrency::parallel_for(
            last_block - first_block, workers, 1, [&](unsigned worker, std::size_t begin, std::size_t end) {
                if (!work[worker]) work[worker] = std::make_unique<SourceWork>(arcs);
                work[worker]->search.mark_beaten_arcs(beaten);
                for (std::size_t block = first_block + begin; block < first_block + end; ++block) {
                    std::unique_ptr<BlockSums> sums = ordered.take();
                    const std::size_t first = block * k_sources_per_block;
                    const std::size_t last = std::min(k, first + k_sources_per_block);
                    for (std::size_t i = first; i < last; ++i) {
                        visit_source(sources[i], sectors, *work[worker], *sums, exact ? &result : nullptr);
                    }
                    ordered.finish(block, std::move(sums));
                    const std::size_t done =
                        sources_done.fetch_add(last - first, std::memory_order_relaxed) + (last - first);
                    if (worker == 0) report_progress(options.progress, "shortest paths", done, k);
                }
            });
        if (leave_out && last_block < blocks) {
            const std::size_t before = arcs.arc_count();
            arcs.leave_out(beaten);
            // Once a round finds few more, the rest run as one last round without looking.
            if (before - arcs.arc_count() < before / 100) round_blocks = blocks;
        }
    }
    work.clear();
    report_progress(options.progress, "shortest paths", k, k);

    const BlockSums& total = ordered.total();
    const double dn = static_cast<double>(n);
    const double dk = static_cast<double>(k);
    const double scale = exact ? 1.0 : dn / dk;
    const double betweenness_scale = (n > 2 ? 1.0 / ((dn - 1.0) * (dn - 2.0)) : 1.0) * scale;
    for (std::size_t v = 0; v < n; ++v) result.betweenness[v] = total.betweenness[v] * betweenness_scale;
    if (sector_pairs.pairs > 0) {
        const double bridging_scale = scale / (2.0 * static_cast<double>(sector_pairs.pairs));
        for (std::size_t v = 0; v < n; ++v) result.bridging[v] = total.bridging[v] * bridging_scale;
    }

    if (exact) {
        result.method =
            "exact: Brandes shortest paths (lengths 1/w) from all " + std::to_string(n) + " members; " + ties_used;
        return result;
    }

    // Sampled closeness and harmonic: Σ_v d(u,v) ≈ (n/k)·Σ_{s sampled} d(s,u), and likewise
    // for the number of members u reaches and for Σ 1/d.
    for (std::size_t u = 0; u < n; ++u) {
        const double reached = static_cast<double>(total.reached[u]);
        result.closeness[u] =
            total.distance[u] > 0.0 ? scale * reached * reached / ((dn - 1.0) * total.distance[u]) : 0.0;
        result.harmonic[u] = scale * total.harmonic[u] / (dn - 1.0);
    }

    // Hoeffding (1963, Theorem 4 covers sampling without replacement) with a union bound over
    // the 2n estimates: each is a mean of k terms in [0, R], so all are within
    // R·sqrt(ln(4n/(1 − confidence))/(2k)) at once with probability ≥ confidence.
    // Betweenness: R = n/(n−1) (δ_s(v) ≤ n−2). Bridging: R = n·M/(2P), M = max_c (K − K_c).
    const double spread = std::sqrt(std::log(4.0 * dn / (1.0 - k_confidence)) / (2.0 * dk));
    result.confidence = k_confidence;
    result.error_bound = dn / (dn - 1.0) * spread;
    result.bridging_error_bound = sector_pairs.pairs > 0 ? dn * static_cast<double>(sector_pairs.most_targets) /
                                                               (2.0 * static_cast<double>(sector_pairs.pairs)) * spread
                                                         : k_not_defined;
    const std::string bridging_bound = sector_pairs.pairs > 0 ? " and every bridging within " +
                                                                    format_number(result.bridging_error_bound) +
                                                                    " (n*M/(2P)*sqrt(ln(4n/0.05)/(2k)))"
                                                              : "";
    result.method = "sampled: Brandes shortest paths (lengths 1/w) from " + std::to_string(k) + " of " +
                    std::to_string(n) + " members (seed " + std::to_string(options.seed) +
                    "), scaled by n/k; with probability 0.95 every betweenness is within " +
                    format_number(result.error_bound) + " (n/(n-1)*sqrt(ln(4n/0.05)/(2k)))" + bridging_bound +
                    ", by Hoeffding's inequality; " + ties_used;
    return result;
}

}  // namespace metrics

PathCentrality path_centrality(const TieGraph& graph, std::span<const SectorIndex> sectors,
                               const PathOptions& options) {
    if (sectors.size() != graph.member_count()) {
        throw Error("path_centrality: " + std::to_string(sectors.size()) + " sectors given for " +
                    std::to_string(graph.member_count()) + " members");
    }
    ShortestPathGraph arcs = ShortestPathGraph::build(graph, metrics::TiePruning::dominated, options.threads);
    return metrics::path_centrality_over(std::move(arcs), graph.tie_count(), sectors, options);
}

}  // namespace bridgemap
