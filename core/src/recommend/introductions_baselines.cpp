// The two baselines the recommendations are measured against (`introduce --evaluate`): k
// random candidate pairs and the k candidate pairs with the highest Adamic–Adar score.

#include <bridgemap/recommend/introductions.hpp>

#include <bridgemap/random.hpp>

#include "concurrency/parallel_for.hpp"
#include "recommend/introductions_rules.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace bridgemap {

using introductions_detail::CandidateRules;

namespace {

std::uint64_t pair_key(MemberIndex u, MemberIndex v) {
    if (u > v) std::swap(u, v);
    return (std::uint64_t{u} << 32) | v;
}

struct ScoredPair {
    double score;
    MemberIndex u;
    MemberIndex v;
};

/// Higher score first, then lower indices.
bool ranks_before(const ScoredPair& a, const ScoredPair& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.u != b.u) return a.u < b.u;
    return a.v < b.v;
}

/// The `limit` best Adamic–Adar candidate pairs (u < v), in rank order; `truncated` says
/// whether more pairs with a mutual contact existed.
std::vector<ScoredPair> top_adamic_adar(const IntroductionPlan& plan, const CandidateRules& rules, std::size_t limit,
                                        unsigned workers, bool& truncated) {
    const TieGraph& graph = plan.graph;
    const std::size_t n = graph.member_count();
    std::vector<double> inverse_log(n, 0.0);
    for (MemberIndex w = 0; w < n; ++w) {
        if (graph.degree(w) >= 2) inverse_log[w] = 1.0 / std::log(static_cast<double>(graph.degree(w)));
    }
    // Per worker: a heap of the best `limit` pairs (the worst on top), and the pairs seen.
    std::vector<std::vector<ScoredPair>> heaps(workers);
    std::vector<std::size_t> seen(workers, 0);
    std::vector<std::vector<double>> sums(workers);
    std::vector<std::vector<MemberIndex>> touched_lists(workers);
    concurrency::parallel_for(n, workers, 16, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& sum = sums[worker];
        auto& touched = touched_lists[worker];
        auto& heap = heaps[worker];
        if (sum.empty()) sum.assign(n, 0.0);
        for (std::size_t i = begin; i < end; ++i) {
            const auto u = static_cast<MemberIndex>(i);
            if (!rules.member(u)) continue;
            // Summed in ascending order of the mutual contact, whatever the thread.
            for (const MemberIndex w : graph.neighbours(u)) {
                const double add = inverse_log[w];
                if (add == 0.0) continue;
                for (const MemberIndex v : graph.neighbours(w)) {
                    if (v <= u || !rules.member(v)) continue;
                    if (sum[v] == 0.0) touched.push_back(v);
                    sum[v] += add;
                }
            }
            for (const MemberIndex v : touched) {
                const ScoredPair pair{sum[v], u, v};
                sum[v] = 0.0;
                if (!rules.groups_allow(u, v) || graph.find_tie(u, v) != k_none || rules.excluded(u, v)) continue;
                ++seen[worker];
                if (heap.size() < limit) {
                    heap.push_back(pair);
                    std::push_heap(heap.begin(), heap.end(), ranks_before);
                } else if (ranks_before(pair, heap.front())) {
                    std::pop_heap(heap.begin(), heap.end(), ranks_before);
                    heap.back() = pair;
                    std::push_heap(heap.begin(), heap.end(), ranks_before);
                }
            }
            touched.clear();
        }
    });
    std::vector<ScoredPair> all;
    std::size_t total = 0;
    for (std::size_t w = 0; w < workers; ++w) {
        all.insert(all.end(), heaps[w].begin(), heaps[w].end());
        total += seen[w];
    }
    std::sort(all.begin(), all.end(), ranks_before);
    if (all.size() > limit) all.resize(limit);
    truncated = total > all.size();
    return all;
}

/// Each measure averaged over the given sets of measures.
BridgingMeasures mean_measures(const std::vector<BridgingMeasures>& all) {
    BridgingMeasures mean;
    if (all.empty()) return mean;
    const auto average = [&](auto field) {
        double total = 0.0;
        for (const auto& measures : all) total += measures.*field;
        return total / static_cast<double>(all.size());
    };
    mean.score = average(&BridgingMeasures::score);
    mean.depth = average(&BridgingMeasures::depth);
    mean.reach_one = average(&BridgingMeasures::reach_one);
    mean.reach_two = average(&BridgingMeasures::reach_two);
    mean.weakest_reach_one = average(&BridgingMeasures::weakest_reach_one);
    mean.weakest_reach_two = average(&BridgingMeasures::weakest_reach_two);
    mean.members_without_cross_tie = average(&BridgingMeasures::members_without_cross_tie);
    mean.ei_index = average(&BridgingMeasures::ei_index);
    mean.expected_ei_index = average(&BridgingMeasures::expected_ei_index);
    mean.ties = average(&BridgingMeasures::ties);
    return mean;
}

}  // namespace

std::vector<MemberPair> adamic_adar_introductions(const IntroductionPlan& plan, const IntroductionOptions& options) {
    const CandidateRules rules(plan, options);
    const unsigned workers = concurrency::worker_count(options.threads);
    std::size_t limit = std::max<std::size_t>(256, 32 * options.count);
    while (true) {
        bool truncated = false;
        const auto ranked = top_adamic_adar(plan, rules, limit, workers, truncated);
        std::vector<MemberPair> chosen;
        std::vector<std::uint32_t> picks(plan.graph.member_count(), 0);
        for (const ScoredPair& pair : ranked) {
            if (chosen.size() == options.count) break;
            if (options.max_per_member > 0 &&
                (picks[pair.u] >= options.max_per_member || picks[pair.v] >= options.max_per_member)) {
                continue;
            }
            ++picks[pair.u];
            ++picks[pair.v];
            chosen.emplace_back(pair.u, pair.v);
        }
        if (chosen.size() == options.count || !truncated) return chosen;
        limit *= 4;
    }
}

std::vector<MemberPair> random_introductions(const IntroductionPlan& plan, const IntroductionOptions& options,
                                             std::uint64_t draw) {
    const CandidateRules rules(plan, options);
    std::vector<MemberIndex> members;
    for (MemberIndex x = 0; x < plan.candidates.size(); ++x) {
        if (plan.candidates[x]) members.push_back(x);
    }
    std::vector<MemberPair> chosen;
    if (members.size() < 2) return chosen;
    Random random = Random::stream(options.seed, draw);
    std::unordered_set<std::uint64_t> taken;
    std::vector<std::uint32_t> picks(plan.graph.member_count(), 0);
    const std::size_t attempts = 1000 * options.count + 10000;
    for (std::size_t attempt = 0; attempt < attempts && chosen.size() < options.count; ++attempt) {
        const MemberIndex u = members[random.below(members.size())];
        const MemberIndex v = members[random.below(members.size())];
        if (!rules.pair(u, v) || taken.contains(pair_key(u, v))) continue;
        if (options.max_per_member > 0 && (picks[u] >= options.max_per_member || picks[v] >= options.max_per_member)) {
            continue;
        }
        taken.insert(pair_key(u, v));
        ++picks[u];
        ++picks[v];
        chosen.emplace_back(std::min(u, v), std::max(u, v));
    }
    return chosen;
}

IntroductionEvaluation evaluate_introductions(const IntroductionPlan& plan, const IntroductionOptions& options,
                                              std::size_t draws) {
    IntroductionEvaluation evaluation;
    evaluation.before = plan.before;
    std::vector<MemberPair> recommended;
    for (const Introduction& intro : plan.introductions) recommended.emplace_back(intro.a, intro.b);
    evaluation.recommended_pairs = recommended.size();
    evaluation.recommended = bridging_measures(with_introductions(plan.graph, recommended), plan.groups);

    evaluation.random_draws = draws;
    std::vector<BridgingMeasures> random(draws);
    std::vector<std::size_t> random_sizes(draws, 0);
    // Draws are independent streams; each result is stored by its index.
    concurrency::parallel_for(draws, concurrency::worker_count(options.threads), 1,
                              [&](unsigned, std::size_t begin, std::size_t end) {
                                  for (std::size_t d = begin; d < end; ++d) {
                                      const auto pairs = random_introductions(plan, options, d + 1);
                                      random_sizes[d] = pairs.size();
                                      random[d] = bridging_measures(with_introductions(plan.graph, pairs), plan.groups);
                                  }
                              });
    evaluation.random = mean_measures(random);
    double total = 0.0;
    for (const std::size_t size : random_sizes) total += static_cast<double>(size);
    evaluation.random_pairs = draws > 0 ? total / static_cast<double>(draws) : 0.0;

    const auto adamic_adar = adamic_adar_introductions(plan, options);
    evaluation.adamic_adar_pairs = adamic_adar.size();
    evaluation.adamic_adar = bridging_measures(with_introductions(plan.graph, adamic_adar), plan.groups);
    return evaluation;
}

}  // namespace bridgemap
