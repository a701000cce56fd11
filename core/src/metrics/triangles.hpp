#pragma once
// Private: listing every triangle of the tie graph once, for the metrics that count closed
// triads (brokerage roles, tie embeddedness). The "forward" algorithm with a degree order
// (Schank & Wagner 2005, doi:10.1007/11427186_54; Latapy 2008,
// doi:10.1016/j.tcs.2008.07.017): every tie is directed from the member of lower rank
// (degree, then index) to the one of higher rank, and a triangle u < v < w (by rank) is
// found once, from u, as w ∈ higher(u) ∩ higher(v) for v ∈ higher(u).

#include <bridgemap/ties/tie_graph.hpp>

#include "concurrency/parallel_for.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::metrics {

/// One triangle: three members and the three ties between them, ties[k] joining
/// members[k] and members[(k + 1) % 3]. members are in increasing rank (degree, then
/// index), not necessarily in increasing index.
struct Triangle {
    std::array<MemberIndex, 3> members;
    std::array<TieIndex, 3> ties;
};

/// The tie graph with every tie kept once, at its member of lower rank. O(members + ties).
class ForwardAdjacency {
public:
    ForwardAdjacency(const TieGraph& graph, unsigned workers);

    [[nodiscard]] std::size_t member_count() const noexcept { return offsets_.size() - 1; }
    [[nodiscard]] std::size_t tie_count() const noexcept { return targets_.size(); }
    /// The largest number of neighbours of higher rank of any member.
    [[nodiscard]] std::size_t max_higher() const noexcept { return max_higher_; }
    /// Where the ties of higher(member) start in the slots [0, tie_count()).
    [[nodiscard]] std::size_t first_slot(MemberIndex member) const noexcept { return offsets_[member]; }
    /// Neighbours of higher rank, ascending by index.
    [[nodiscard]] std::span<const MemberIndex> higher(MemberIndex member) const noexcept {
        return {targets_.data() + offsets_[member], targets_.data() + offsets_[member + 1]};
    }
    /// The ties to higher(member), in the same order.
    [[nodiscard]] std::span<const TieIndex> higher_ties(MemberIndex member) const noexcept {
        return {ties_.data() + offsets_[member], ties_.data() + offsets_[member + 1]};
    }

private:
    std::vector<std::size_t> offsets_;
    std::vector<MemberIndex> targets_;
    std::vector<TieIndex> ties_;
    std::size_t max_higher_ = 0;
};

/// Calls body(worker, triangle) once for every triangle of `graph`, on `workers` threads
/// (worker in [0, workers)). The calls run concurrently and in no fixed order: a body must
/// only add to per-worker or atomic integer counters (integer sums do not depend on the
/// order). Time O(Σ_{(u,v) ties, u lower} |higher(v)|) = O(ties^1.5); memory
/// O(members + ties) plus O(members) per worker.
template <class Body>
void for_each_triangle(const TieGraph& graph, unsigned workers, Body&& body) {
    const std::size_t n = graph.member_count();
    if (n < 3 || graph.tie_count() < 3) return;
    workers = std::max(1u, workers);
    const ForwardAdjacency forward(graph, workers);
    struct Found {
        MemberIndex w;
        TieIndex vw;
        TieIndex uw;
    };
    struct Scratch {
        std::vector<TieIndex> mark;  // mark[w] = the tie u–w while u is processed, else k_none
        std::vector<Found> found;    // the triangles u–v–w of one v, gathered without branching
    };
    std::vector<Scratch> scratch(workers);
    concurrency::parallel_for(n, workers, 64, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& [mark, found] = scratch[worker];
        if (mark.empty()) {
            mark.assign(n, k_none);
            found.resize(forward.max_higher() + 1);
        }
        Triangle triangle{};
        for (std::size_t index = begin; index < end; ++index) {
            const auto u = static_cast<MemberIndex>(index);
            const auto up = forward.higher(u);
            const auto up_ties = forward.higher_ties(u);
            if (up.size() < 2) continue;
            for (std::size_t a = 0; a < up.size(); ++a) mark[up[a]] = up_ties[a];
            triangle.members[0] = u;
            for (std::size_t a = 0; a < up.size(); ++a) {
                const MemberIndex v = up[a];
                const auto vp = forward.higher(v);
                const auto vp_ties = forward.higher_ties(v);
                // Most candidates w close a triangle about half the time: a branch would
                // be mispredicted often, so every candidate is written and kept or not.
                std::size_t count = 0;
                for (std::size_t b = 0; b < vp.size(); ++b) {
                    const TieIndex uw = mark[vp[b]];
                    found[count] = {vp[b], vp_ties[b], uw};
                    count += uw != k_none ? 1 : 0;
                }
                triangle.members[1] = v;
                triangle.ties[0] = up_ties[a];
                for (std::size_t k = 0; k < count; ++k) {
                    triangle.members[2] = found[k].w;
                    triangle.ties[1] = found[k].vw;
                    triangle.ties[2] = found[k].uw;
                    body(worker, static_cast<const Triangle&>(triangle));
                }
            }
            for (const MemberIndex v : up) mark[v] = k_none;
        }
    });
}

/// The number of triangles each tie is in (its embeddedness), by tie index, counted with
/// for_each_triangle into one counter array per worker and summed. Uses fewer workers
/// when the counters of every worker would exceed about 1 GB.
std::vector<std::uint32_t> triangles_per_tie(const TieGraph& graph, unsigned workers);

}  // namespace bridgemap::metrics
