#include <bridgemap/viz/tie_selection.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/metrics/communities.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace bridgemap::viz {
namespace {

/// Counts ties per unordered pair of groups and marks the ties that are alone in theirs.
void mark_only_ties(const TieGraph& graph, const auto& group_of, auto in_group, std::vector<std::uint8_t>& weak) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::size_t, TieIndex>> pairs;
    const auto ties = graph.ties();
    for (TieIndex t = 0; t < ties.size(); ++t) {
        const std::uint32_t a = group_of[ties[t].source];
        const std::uint32_t b = group_of[ties[t].target];
        if (!in_group(a) || !in_group(b) || a == b) continue;
        auto& [count, tie] = pairs[{std::min(a, b), std::max(a, b)}];
        ++count;
        tie = t;
    }
    for (const auto& [pair, entry] : pairs) {
        if (entry.first == 1) weak[entry.second] = 1;
    }
}

}  // namespace

std::vector<std::uint8_t> weak_bridges(const TieGraph& graph, const Sectors& sectors,
                                       std::span<const std::uint8_t> local_bridge,
                                       std::span<const std::uint32_t> community) {
    const std::size_t n = graph.member_count();
    if (sectors.of_member.size() != n) throw Error("weak_bridges: sectors do not match the tie graph");
    if (local_bridge.size() != graph.tie_count()) throw Error("weak_bridges: local bridges do not match the tie graph");
    if (!community.empty() && community.size() != n)
        throw Error("weak_bridges: communities do not match the tie graph");
    std::vector<std::uint8_t> weak(graph.tie_count(), 0);
    const auto ties = graph.ties();
    for (TieIndex t = 0; t < ties.size(); ++t) {
        const SectorIndex a = sectors.of_member[ties[t].source];
        const SectorIndex b = sectors.of_member[ties[t].target];
        if (local_bridge[t] && a != k_unknown_sector && b != k_unknown_sector && a != b) weak[t] = 1;
    }
    mark_only_ties(
        graph, sectors.of_member, [](std::uint32_t s) { return s != k_unknown_sector; }, weak);
    if (!community.empty()) {
        mark_only_ties(
            graph, community, [](std::uint32_t c) { return c != k_no_community; }, weak);
    }
    // A tie to someone with no other tie holds nobody else together: their isolation is the
    // point, and the map marks them instead.
    for (TieIndex t = 0; t < ties.size(); ++t) {
        if (graph.neighbours(ties[t].source).size() == 1 || graph.neighbours(ties[t].target).size() == 1) weak[t] = 0;
    }
    return weak;
}

DrawnTies select_ties(const TieGraph& graph, std::span<const MemberIndex> members, std::span<const std::uint8_t> weak,
                      std::size_t per_member, std::size_t draw_all_up_to) {
    if (!weak.empty() && weak.size() != graph.tie_count())
        throw Error("select_ties: weak bridges do not match the tie graph");
    std::vector<std::uint8_t> shown(graph.member_count(), 0);
    for (const MemberIndex m : members) {
        if (m >= graph.member_count()) throw Error("select_ties: a member is not in the tie graph");
        shown[m] = 1;
    }
    DrawnTies drawn;
    std::vector<TieIndex> candidates;
    for (MemberIndex m = 0; m < graph.member_count(); ++m) {
        if (!shown[m]) continue;
        const auto neighbours = graph.neighbours(m);
        const auto indices = graph.tie_indices(m);
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            if (neighbours[k] > m && shown[neighbours[k]]) candidates.push_back(indices[k]);
        }
    }
    std::sort(candidates.begin(), candidates.end());
    drawn.candidates = candidates.size();
    if (candidates.size() <= draw_all_up_to) {
        drawn.ties = std::move(candidates);
    } else {
        drawn.all = false;
        drawn.per_member = per_member;
        std::vector<std::pair<double, MemberIndex>> strongest;
        for (MemberIndex m = 0; m < graph.member_count(); ++m) {
            if (!shown[m]) continue;
            const auto neighbours = graph.neighbours(m);
            const auto weights = graph.weights(m);
            const auto indices = graph.tie_indices(m);
            strongest.clear();
            for (std::size_t k = 0; k < neighbours.size(); ++k) {
                if (shown[neighbours[k]]) strongest.emplace_back(weights[k], static_cast<MemberIndex>(k));
            }
            const std::size_t keep = std::min(per_member, strongest.size());
            std::partial_sort(strongest.begin(), strongest.begin() + static_cast<std::ptrdiff_t>(keep), strongest.end(),
                              [&](const auto& x, const auto& y) {
                                  if (x.first != y.first) return x.first > y.first;
                                  return neighbours[x.second] < neighbours[y.second];
                              });
            for (std::size_t k = 0; k < keep; ++k) drawn.ties.push_back(indices[strongest[k].second]);
        }
        if (!weak.empty()) {
            for (const TieIndex t : candidates) {
                if (weak[t]) drawn.ties.push_back(t);
            }
        }
        std::sort(drawn.ties.begin(), drawn.ties.end());
        drawn.ties.erase(std::unique(drawn.ties.begin(), drawn.ties.end()), drawn.ties.end());
    }
    if (!weak.empty()) {
        drawn.weak_bridges = static_cast<std::size_t>(
            std::count_if(drawn.ties.begin(), drawn.ties.end(), [&](TieIndex t) { return weak[t] != 0; }));
    }
    return drawn;
}

}  // namespace bridgemap::viz
