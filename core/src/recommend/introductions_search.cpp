#include "recommend/introductions_search.hpp"

#include "concurrency/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>

namespace bridgemap::introductions_detail {

namespace {

/// Bounds are compared with this relative slack so that rounding never rules out a pair whose
/// exact gain equals the best (that would make the tie-break depend on timing).
constexpr double k_slack = 1e-9;

struct Bounds {
    std::vector<double> own;     ///< per member
    std::vector<double> toward;  ///< per member × group
    std::vector<double> best;    ///< per member
};

Bounds compute_bounds(const ReachState& state, const std::vector<bool>& eligible, unsigned workers) {
    const std::size_t n = state.member_count();
    const std::size_t groups = state.groups();
    const std::size_t words = state.words();
    // φ(D) is concave: its rise for a step h of the depth D is at most h·(2 − 2D).
    std::vector<double> depth_slope(groups * groups, 0.0);
    std::vector<double> two_step(groups * groups, 0.0);
    for (SectorIndex s = 0; s < groups; ++s) {
        for (SectorIndex t = 0; t < groups; ++t) {
            if (s == t) continue;
            const double units = static_cast<double>(k_depth_unit) * static_cast<double>(state.group_size(s));
            const double depth = static_cast<double>(state.depth_sum(s, t)) / units;
            depth_slope[s * groups + t] = state.scale() * (2.0 - 2.0 * depth) / units;
            two_step[s * groups + t] = state.scale() * phi_step(state.two_step_count(s, t), 1, state.group_size(s));
        }
    }
    std::vector<std::uint64_t> all(words, 0);
    for (std::size_t g = 0; g < groups; ++g) set_bit(all.data(), g);

    Bounds bounds;
    bounds.own.assign(n, 0.0);
    bounds.toward.assign(n * groups, 0.0);
    bounds.best.assign(n, 0.0);
    // The groups y does not reach within two hops, as gains of one more member: μ2(g(y), t).
    const auto for_each_missing = [&](MemberIndex y, auto&& f) {
        const SectorIndex g = state.group(y);
        if (g == k_unknown_sector) return;
        const std::uint64_t* reach = state.reach(y);
        for (std::size_t w = 0; w < words; ++w) {
            std::uint64_t bits = all[w] & ~reach[w];
            if (g / 64 == w) bits &= ~(std::uint64_t{1} << (g % 64));
            while (bits != 0) {
                const std::size_t t = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
                f(t, two_step[g * groups + t]);
                bits &= bits - 1;
            }
        }
    };
    // For a neighbour y who misses more groups than it reaches, add the whole row μ2(g(y), ·)
    // (counted per group and added once) and take away the groups y reaches: with many groups
    // (communities) most members reach few of them.
    std::vector<std::uint32_t> reached(n, 0);
    for (MemberIndex y = 0; y < n; ++y) {
        const std::uint64_t* reach = state.reach(y);
        for (std::size_t w = 0; w < words; ++w)
            reached[y] += static_cast<std::uint32_t>(__builtin_popcountll(reach[w]));
    }
    std::vector<std::vector<std::uint32_t>> full_rows(workers);
    std::vector<std::vector<SectorIndex>> touched_rows(workers);
    concurrency::parallel_for(n, workers, 64, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& full = full_rows[worker];
        auto& touched = touched_rows[worker];
        if (full.empty()) full.assign(groups, 0);
        for (std::size_t i = begin; i < end; ++i) {
            const auto x = static_cast<MemberIndex>(i);
            if (!eligible[x]) continue;
            double* row = bounds.toward.data() + x * groups;
            state.for_each_neighbour(x, [&](MemberIndex y) {
                const SectorIndex q = state.group(y);
                if (q == k_unknown_sector) return;
                if (2 * std::size_t{reached[y]} + 1 >= groups) {
                    for_each_missing(y, [&](std::size_t t, double step) { row[t] += step; });
                    return;
                }
                if (full[q]++ == 0) touched.push_back(q);
                for_each_bit(state.reach(y), words, [&](std::size_t t) { row[t] -= two_step[q * groups + t]; });
            });
            for (const SectorIndex q : touched) {
                const double count = static_cast<double>(full[q]);
                const double* steps = two_step.data() + q * groups;
                for (std::size_t t = 0; t < groups; ++t) row[t] += count * steps[t];
                full[q] = 0;
            }
            touched.clear();
            const SectorIndex g = state.group(x);
            double own = 0.0;
            for_each_missing(x, [&](std::size_t, double step) { own += step; });
            double most = 0.0;
            for (std::size_t t = 0; t < groups; ++t) {
                if (t == g) {
                    row[t] = 0.0;
                    continue;
                }
                row[t] = std::max(0.0, row[t]) +
                         depth_slope[g * groups + t] *
                             static_cast<double>(depth_step(state.contacts(x, static_cast<SectorIndex>(t))));
                most = std::max(most, row[t]);
            }
            bounds.own[x] = own;
            bounds.best[x] = own + most;
        }
    });
    return bounds;
}

/// A pair found, with the tie-break details computed when first needed.
struct Scored {
    MemberIndex u = k_none;
    MemberIndex v = k_none;
    Effect effect;
    bool detailed = false;
    std::uint32_t picks = 0;
    double warmth = 0.0;
    std::size_t shared = 0;
};

void detail(Scored& pair, const SearchContext& context) {
    if (pair.detailed) return;
    pair.picks = context.picks[pair.u] + context.picks[pair.v];
    pair.warmth = strongest_mutual_contact(context.state->graph(), pair.u, pair.v, *context.barred).tie;
    pair.shared = shared_event_count(*context.settings, pair.u, pair.v);
    pair.detailed = true;
}

/// True when a comes before b.
bool better(Scored& a, Scored& b, const SearchContext& context) {
    if (a.effect.gain != b.effect.gain) return a.effect.gain > b.effect.gain;
    detail(a, context);
    detail(b, context);
    if (a.picks != b.picks) return a.picks < b.picks;
    if (a.warmth != b.warmth) return a.warmth > b.warmth;
    if (a.shared != b.shared) return a.shared > b.shared;
    if (a.u != b.u) return a.u < b.u;
    return a.v < b.v;
}

void raise(std::atomic<double>& best, double value) {
    double current = best.load(std::memory_order_relaxed);
    while (value > current && !best.compare_exchange_weak(current, value, std::memory_order_relaxed)) {
    }
}

bool ruled_out(double bound, double best) {
    return bound <= 0.0 || bound * (1.0 + k_slack) < best;
}

}  // namespace

std::optional<Choice> best_introduction(const SearchContext& context) {
    const ReachState& state = *context.state;
    const CandidateRules& rules = *context.rules;
    const std::vector<bool>& eligible = *context.eligible;
    const std::size_t n = state.member_count();
    const std::size_t groups = state.groups();
    if (groups < 2) return std::nullopt;

    const Bounds bounds = compute_bounds(state, eligible, context.workers);
    std::vector<MemberIndex> order;
    for (MemberIndex x = 0; x < n; ++x) {
        if (eligible[x]) order.push_back(x);
    }
    std::sort(order.begin(), order.end(), [&](MemberIndex a, MemberIndex b) {
        if (bounds.best[a] != bounds.best[b]) return bounds.best[a] > bounds.best[b];
        return a < b;
    });
    std::vector<std::uint32_t> position(n, 0);
    for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;

    const unsigned workers = std::max(1u, context.workers);
    std::atomic<double> best_gain{0.0};
    std::vector<std::optional<Scored>> found(workers);
    std::vector<EffectScratch> scratch(workers);
    std::vector<std::vector<std::uint32_t>> stamps(workers);
    const TieGraph& graph = state.graph();

    concurrency::parallel_for(order.size(), workers, 4, [&](unsigned worker, std::size_t begin, std::size_t end) {
        if (scratch[worker].cell_count.empty()) scratch[worker] = state.make_scratch();
        auto& local = found[worker];
        const auto consider = [&](MemberIndex u, MemberIndex v) {
            if (!rules.groups_allow(u, v)) return;
            const double bound = bounds.own[u] + bounds.toward[u * groups + state.group(v)] + bounds.own[v] +
                                 bounds.toward[v * groups + state.group(u)];
            if (ruled_out(bound, best_gain.load(std::memory_order_relaxed))) return;
            if (state.tied(u, v) || rules.excluded(u, v)) return;
            if (u > v) std::swap(u, v);
            const Effect effect = state.effect(u, v, scratch[worker]);
            if (effect.gain <= 0.0 || effect.gain < best_gain.load(std::memory_order_relaxed)) return;
            Scored pair{u, v, effect};
            if (!local || better(pair, *local, context)) local = pair;
            raise(best_gain, effect.gain);
        };
        for (std::size_t i = begin; i < end; ++i) {
            if (i + 1 >= order.size()) continue;
            const MemberIndex u = order[i];
            const double own_best = bounds.best[u];
            if (ruled_out(own_best + bounds.best[order[i + 1]], best_gain.load(std::memory_order_relaxed))) continue;
            if (context.warm) {
                // Only members two steps away (through a contact who may introduce) are warm.
                auto& stamp = stamps[worker];
                if (stamp.empty()) stamp.assign(n, 0);
                const auto mark = static_cast<std::uint32_t>(i + 1);
                for (const MemberIndex w : graph.neighbours(u)) {
                    if ((*context.barred)[w]) continue;
                    for (const MemberIndex v : graph.neighbours(w)) {
                        if (v == u || stamp[v] == mark) continue;
                        stamp[v] = mark;
                        if (!eligible[v] || position[v] <= i) continue;
                        if (ruled_out(own_best + bounds.best[v], best_gain.load(std::memory_order_relaxed))) continue;
                        consider(u, v);
                    }
                }
                continue;
            }
            for (std::size_t j = i + 1; j < order.size(); ++j) {
                const MemberIndex v = order[j];
                if (ruled_out(own_best + bounds.best[v], best_gain.load(std::memory_order_relaxed))) break;
                consider(u, v);
            }
        }
    });

    std::optional<Scored> best;
    for (auto& candidate : found) {
        if (!candidate) continue;
        if (!best || better(*candidate, *best, context)) best = candidate;
    }
    if (!best) return std::nullopt;
    return Choice{best->u, best->v, best->effect};
}

}  // namespace bridgemap::introductions_detail
