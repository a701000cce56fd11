#include <bridgemap/metrics/tie_structure.hpp>

#include "concurrency/parallel_for.hpp"
#include "metrics/triangles.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace bridgemap {

namespace {

/// One worker's scratch space for bidirectional breadth-first searches: side 0 grows from
/// the tie's source, side 1 from its target. A member is seen by side s in the current
/// search when seen[s][member] == stamp.
class DetourSearch {
public:
    explicit DetourSearch(std::size_t members) {
        for (auto& side : seen_) side.assign(members, 0);
    }

    /// The hop distance between the ends of `tie` in `graph` without that tie, or −1 when
    /// there is none. Grows, one whole level at a time, the side whose frontier has fewer
    /// ties to follow, and stops at the first member seen from both sides.
    std::int32_t distance(const TieGraph& graph, const Tie& tie) {
        if (++stamp_ == 0) {  // the stamps wrapped around: forget every old search
            for (auto& side : seen_) std::fill(side.begin(), side.end(), 0);
            stamp_ = 1;
        }
        const MemberIndex ends[2] = {tie.source, tie.target};
        std::size_t work[2] = {0, 0};
        std::uint32_t level[2] = {0, 0};
        for (std::size_t side = 0; side < 2; ++side) {
            seen_[side][ends[side]] = stamp_;
            frontier_[side].assign(1, ends[side]);
            work[side] = graph.degree(ends[side]) - 1;
        }
        while (!frontier_[0].empty() && !frontier_[1].empty()) {
            const std::size_t side = work[0] <= work[1] ? 0 : 1;
            const std::size_t other = 1 - side;
            next_.clear();
            std::size_t next_work = 0;
            for (const MemberIndex x : frontier_[side]) {
                const bool at_end = x == ends[side];
                for (const MemberIndex y : graph.neighbours(x)) {
                    if (at_end && y == ends[other]) continue;  // the removed tie
                    if (seen_[other][y] == stamp_) {
                        // The first meeting gives the distance D. Nobody has been seen by
                        // both sides yet, so D > level[side] + level[other]; the path found
                        // here has length level[side] + 1 + (y's depth ≤ level[other]) ≥ D,
                        // so y is at depth level[other] and D = level[side] + 1 + level[other].
                        return static_cast<std::int32_t>(level[side] + 1 + level[other]);
                    }
                    if (seen_[side][y] == stamp_) continue;
                    seen_[side][y] = stamp_;
                    next_.push_back(y);
                    next_work += graph.degree(y);
                }
            }
            std::swap(frontier_[side], next_);
            ++level[side];
            work[side] = next_work;
        }
        return -1;
    }

private:
    std::vector<std::uint32_t> seen_[2];
    std::vector<MemberIndex> frontier_[2];
    std::vector<MemberIndex> next_;
    std::uint32_t stamp_ = 0;
};

}  // namespace

TieStructure tie_structure(const TieGraph& graph, const ParallelOptions& options) {
    const std::size_t m = graph.tie_count();
    const unsigned workers = concurrency::worker_count(options.threads);
    TieStructure result;
    result.embeddedness.assign(m, 0);
    result.overlap.assign(m, 0.0);
    result.local_bridge.assign(m, 0);
    result.span.assign(m, 2);

    result.embeddedness = metrics::triangles_per_tie(graph, workers);

    std::vector<TieIndex> local_bridges;
    for (std::size_t index = 0; index < m; ++index) {
        const Tie& tie = graph.tie(static_cast<TieIndex>(index));
        const auto common = static_cast<std::int64_t>(result.embeddedness[index]);
        const std::int64_t others = static_cast<std::int64_t>(graph.degree(tie.source)) - 1 +
                                    static_cast<std::int64_t>(graph.degree(tie.target)) - 1 - common;
        result.overlap[index] = others == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(others);
        if (common == 0) {
            result.local_bridge[index] = 1;
            local_bridges.push_back(static_cast<TieIndex>(index));
        }
    }

    std::vector<std::optional<DetourSearch>> searches(workers);
    concurrency::parallel_for(local_bridges.size(), workers, 8,
                              [&](unsigned worker, std::size_t begin, std::size_t end) {
                                  auto& search = searches[worker];
                                  if (!search) search.emplace(graph.member_count());
                                  for (std::size_t k = begin; k < end; ++k) {
                                      const TieIndex index = local_bridges[k];
                                      result.span[index] = search->distance(graph, graph.tie(index));
                                  }
                              });
    return result;
}

}  // namespace bridgemap
