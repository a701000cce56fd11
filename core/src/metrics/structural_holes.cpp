#include <bridgemap/metrics/structural_holes.hpp>

#include "concurrency/parallel_for.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace bridgemap {

namespace {

/// What member i puts at q while i is being processed: w_iq / s_q and w_iq (both 0 when q
/// is not a neighbour of i), side by side so that one load fetches both.
struct Spread {
    double over_strength = 0.0;
    double weight = 0.0;
};

/// For the tie i–j, with `spread` holding i's ties:
///   shared = Σ_{q∈N(i)∩N(j)} w_iq w_jq / s_q   (so Σ_q p_iq p_qj = shared / s_i), and
///   overlap = Σ_{q∈N(i)∩N(j)} w_iq w_jq        (so Σ_q p_iq m_jq = overlap / (s_i max_x w_jx)).
/// Both are symmetric in i and j. Summed over q ∈ N(j) in four interleaved partial sums, a
/// fixed order, so the result never depends on the thread count.
struct CommonSums {
    double shared = 0.0;
    double overlap = 0.0;
};

CommonSums common_sums(std::span<const MemberIndex> around, std::span<const double> weights,
                       const std::vector<Spread>& spread) noexcept {
    double shared[4] = {0.0, 0.0, 0.0, 0.0};
    double overlap[4] = {0.0, 0.0, 0.0, 0.0};
    const std::size_t size = around.size();
    std::size_t k = 0;
    for (; k + 4 <= size; k += 4) {
        for (std::size_t lane = 0; lane < 4; ++lane) {
            const Spread& s = spread[around[k + lane]];
            const double w = weights[k + lane];
            shared[lane] += s.over_strength * w;
            overlap[lane] += s.weight * w;
        }
    }
    for (std::size_t lane = 0; k < size; ++k, ++lane) {
        const Spread& s = spread[around[k]];
        shared[lane] += s.over_strength * weights[k];
        overlap[lane] += s.weight * weights[k];
    }
    return {(shared[0] + shared[1]) + (shared[2] + shared[3]), (overlap[0] + overlap[1]) + (overlap[2] + overlap[3])};
}

/// The tie i–j is summed by the member that scans the shorter list: the one of larger
/// degree (then of larger index) scans the neighbours of the other.
bool scans_for(const TieGraph& graph, MemberIndex i, MemberIndex j) noexcept {
    const std::size_t di = graph.degree(i);
    const std::size_t dj = graph.degree(j);
    return di > dj || (di == dj && i > j);
}

}  // namespace

StructuralHoles structural_holes(const TieGraph& graph, const ParallelOptions& options) {
    const std::size_t n = graph.member_count();
    StructuralHoles result;
    result.constraint.assign(n, k_not_defined);
    result.effective_size.assign(n, k_not_defined);
    result.efficiency.assign(n, k_not_defined);
    result.hierarchy.assign(n, k_not_defined);
    if (n == 0) return result;
    const unsigned workers = concurrency::worker_count(options.threads);

    // The strongest tie of each member: m_jq = w_jq / strongest[j] (NetworkX's norm=max).
    std::vector<double> strongest(n, 0.0);
    concurrency::parallel_for(n, workers, 1024, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t j = begin; j < end; ++j) {
            for (const double w : graph.weights(static_cast<MemberIndex>(j))) strongest[j] = std::max(strongest[j], w);
        }
    });

    // Pass 1: the symmetric sums of every tie, each summed once (half the work of summing
    // them from both ends), by tie index.
    std::vector<CommonSums> sums(graph.tie_count());
    std::vector<std::vector<Spread>> spreads(workers);
    concurrency::parallel_for(n, workers, 16, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& spread = spreads[worker];
        if (spread.empty()) spread.resize(n);
        for (std::size_t index = begin; index < end; ++index) {
            const auto i = static_cast<MemberIndex>(index);
            const auto around = graph.neighbours(i);
            const auto weights = graph.weights(i);
            const auto ties = graph.tie_indices(i);
            bool scans_any = false;
            for (const MemberIndex j : around) scans_any = scans_any || scans_for(graph, i, j);
            if (!scans_any) continue;
            for (std::size_t k = 0; k < around.size(); ++k) {
                spread[around[k]] = {weights[k] / graph.strength(around[k]), weights[k]};
            }
            for (std::size_t k = 0; k < around.size(); ++k) {
                const MemberIndex j = around[k];
                if (scans_for(graph, i, j)) sums[ties[k]] = common_sums(graph.neighbours(j), graph.weights(j), spread);
            }
            for (const MemberIndex q : around) spread[q] = {};
        }
    });
    spreads = {};

    // Pass 2: every member's measures from its ties' sums.
    std::vector<std::vector<double>> terms(workers);
    concurrency::parallel_for(n, workers, 256, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& term = terms[worker];
        for (std::size_t index = begin; index < end; ++index) {
            const auto i = static_cast<MemberIndex>(index);
            const auto around = graph.neighbours(i);
            const auto weights = graph.weights(i);
            const auto ties = graph.tie_indices(i);
            const std::size_t degree = around.size();
            if (degree == 0) continue;
            const double strength = graph.strength(i);
            term.resize(degree);
            double constraint = 0.0;
            double effective_size = 0.0;
            for (std::size_t k = 0; k < degree; ++k) {
                const CommonSums& common = sums[ties[k]];
                // p_ij + Σ_q p_iq p_qj, and Σ_q p_iq m_jq.
                const double local = (weights[k] + common.shared) / strength;
                term[k] = local * local;
                constraint += term[k];
                effective_size += 1.0 - common.overlap / (strength * strongest[around[k]]);
            }
            result.constraint[index] = constraint;
            result.effective_size[index] = effective_size;
            result.efficiency[index] = effective_size / static_cast<double>(degree);
            if (degree >= 2) {
                const double count = static_cast<double>(degree);
                const double mean = constraint / count;
                double sum = 0.0;
                for (std::size_t k = 0; k < degree; ++k) {
                    const double ratio = term[k] / mean;
                    sum += ratio * std::log(ratio);
                }
                result.hierarchy[index] = sum / (count * std::log(count));
            }
        }
    });
    return result;
}

}  // namespace bridgemap
