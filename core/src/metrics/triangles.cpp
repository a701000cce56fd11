#include "metrics/triangles.hpp"

namespace bridgemap::metrics {

namespace {

/// True when `a` comes before `b` in the order by (degree, index).
bool ranks_below(const TieGraph& graph, MemberIndex a, MemberIndex b) noexcept {
    const std::size_t da = graph.degree(a);
    const std::size_t db = graph.degree(b);
    return da < db || (da == db && a < b);
}

}  // namespace

ForwardAdjacency::ForwardAdjacency(const TieGraph& graph, unsigned workers) {
    const std::size_t n = graph.member_count();
    offsets_.assign(n + 1, 0);
    concurrency::parallel_for(n, workers, 1024, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t index = begin; index < end; ++index) {
            const auto u = static_cast<MemberIndex>(index);
            std::size_t count = 0;
            for (const MemberIndex v : graph.neighbours(u)) count += ranks_below(graph, u, v) ? 1 : 0;
            offsets_[index + 1] = count;
        }
    });
    for (std::size_t index = 0; index < n; ++index) {
        max_higher_ = std::max(max_higher_, offsets_[index + 1]);
        offsets_[index + 1] += offsets_[index];
    }
    targets_.resize(offsets_[n]);
    ties_.resize(offsets_[n]);
    concurrency::parallel_for(n, workers, 1024, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t index = begin; index < end; ++index) {
            const auto u = static_cast<MemberIndex>(index);
            const auto around = graph.neighbours(u);
            const auto around_ties = graph.tie_indices(u);
            std::size_t out = offsets_[index];
            for (std::size_t k = 0; k < around.size(); ++k) {
                if (!ranks_below(graph, u, around[k])) continue;
                targets_[out] = around[k];
                ties_[out] = around_ties[k];
                ++out;
            }
        }
    });
}

std::vector<std::uint32_t> triangles_per_tie(const TieGraph& graph, unsigned workers) {
    const std::size_t n = graph.member_count();
    const std::size_t m = graph.tie_count();
    std::vector<std::uint32_t> result(m, 0);
    if (n < 3 || m < 3) return result;
    constexpr std::size_t k_counter_budget = std::size_t{1} << 30;  // bytes
    const std::size_t affordable = std::max<std::size_t>(1, k_counter_budget / (m * sizeof(std::uint32_t)));
    workers = static_cast<unsigned>(std::clamp<std::size_t>(workers, 1, affordable));
    const ForwardAdjacency forward(graph, workers);

    // The forward algorithm of for_each_triangle, with counters by slot of the forward
    // adjacency rather than by tie, for locality: the tie v–w is counted next to the slot
    // just read, the ties u–v and u–w in a small array for u. One counter array per worker
    // (atomic additions to shared counters are several times slower).
    constexpr std::uint32_t k_no_slot = 0xFFFFFFFFu;
    struct Closing {
        std::uint32_t vw;  // the slot of v–w, from v's first slot
        std::uint32_t uw;  // the slot of u–w, from u's first slot
    };
    struct Scratch {
        std::vector<std::uint32_t> by_slot;  // triangles counted by this worker, by slot
        std::vector<std::uint32_t> mark;     // mark[w] = the slot of u–w in higher(u), else k_no_slot
        std::vector<std::uint32_t> around;   // triangles on u's slots
        std::vector<Closing> found;          // the triangles u–v–w of one v, gathered without branching
    };
    std::vector<Scratch> scratch(workers);
    concurrency::parallel_for(n, workers, 64, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& [by_slot, mark, around, found] = scratch[worker];
        if (mark.empty()) {
            by_slot.assign(m, 0);
            mark.assign(n, k_no_slot);
            around.assign(forward.max_higher(), 0);
            found.resize(forward.max_higher() + 1);
        }
        for (std::size_t index = begin; index < end; ++index) {
            const auto u = static_cast<MemberIndex>(index);
            const auto up = forward.higher(u);
            const std::size_t size = up.size();
            if (size < 2) continue;
            for (std::size_t a = 0; a < size; ++a) mark[up[a]] = static_cast<std::uint32_t>(a);
            for (std::size_t a = 0; a < size; ++a) {
                const MemberIndex v = up[a];
                const auto vp = forward.higher(v);
                std::uint32_t* const counts = by_slot.data() + forward.first_slot(v);
                std::size_t closed = 0;
                for (std::size_t b = 0; b < vp.size(); ++b) {
                    const std::uint32_t slot = mark[vp[b]];
                    found[closed] = {static_cast<std::uint32_t>(b), slot};
                    closed += slot != k_no_slot ? 1 : 0;
                }
                for (std::size_t k = 0; k < closed; ++k) {
                    ++counts[found[k].vw];
                    ++around[found[k].uw];
                }
                around[a] += static_cast<std::uint32_t>(closed);
            }
            std::uint32_t* const counts = by_slot.data() + forward.first_slot(u);
            for (std::size_t a = 0; a < size; ++a) {
                counts[a] += around[a];
                around[a] = 0;
                mark[up[a]] = k_no_slot;
            }
        }
    });
    concurrency::parallel_for(n, workers, 1024, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t index = begin; index < end; ++index) {
            const auto u = static_cast<MemberIndex>(index);
            const auto ties = forward.higher_ties(u);
            const std::size_t first = forward.first_slot(u);
            for (std::size_t a = 0; a < ties.size(); ++a) {
                std::uint32_t total = 0;
                for (const auto& worker : scratch) {
                    if (!worker.by_slot.empty()) total += worker.by_slot[first + a];
                }
                result[ties[a]] = total;
            }
        }
    });
    return result;
}

}  // namespace bridgemap::metrics
