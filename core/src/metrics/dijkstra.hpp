#pragma once
// Private: Dijkstra's single-source shortest paths with the bookkeeping Brandes'
// betweenness needs (shortest-path counts σ, predecessors, members in order of distance),
// over a ShortestPathGraph. One ShortestPathSearch per thread, reused for every source.

#include "metrics/shortest_path_graph.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace bridgemap::metrics {

/// A radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990, doi:10.1145/77600.77615) of members
/// keyed by distance, for Dijkstra's monotone use: no key pushed is below the last popped.
/// Keys are non-negative doubles, ordered as their bit patterns. No decrease-key: a member
/// whose distance drops is pushed again and the caller skips stale entries. Entries of equal
/// key leave by ascending member (bar a push of exactly the key last popped, which Dijkstra
/// makes only for a length lost in rounding). Push O(1), pop O(log C) amortised, C the key
/// range in bits; measured as fast as a 4-ary heap with decrease-key here, and simpler.
class RadixHeap {
public:
    struct Entry {
        double key;
        MemberIndex member;
    };

    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

    void push(MemberIndex member, double key) {
        const std::size_t bucket = bucket_of(bits_of(key));
        buckets_[bucket].push_back({key, member});
        filled_ |= std::uint64_t{1} << bucket;
        ++size_;
    }

    /// Removes and returns an entry with the smallest key.
    Entry pop() {
        if (buckets_[0].empty()) {
            const auto i = static_cast<std::size_t>(std::countr_zero(filled_));
            std::vector<Entry>& bucket = buckets_[i];
            double smallest = bucket.front().key;
            for (const Entry& entry : bucket) smallest = entry.key < smallest ? entry.key : smallest;
            last_ = bits_of(smallest);
            filled_ &= ~(std::uint64_t{1} << i);
            for (const Entry& entry : bucket) {
                const std::size_t lower = bucket_of(bits_of(entry.key));
                buckets_[lower].push_back(entry);
                filled_ |= std::uint64_t{1} << lower;
            }
            bucket.clear();
            // Equal keys leave by ascending member, whatever else the heap held: the order
            // members are settled in depends only on their distances.
            std::vector<Entry>& equal = buckets_[0];
            if (equal.size() > 1) {
                std::sort(equal.begin(), equal.end(),
                          [](const Entry& a, const Entry& b) { return a.member > b.member; });
            }
        }
        const Entry top = buckets_[0].back();
        buckets_[0].pop_back();
        if (buckets_[0].empty()) filled_ &= ~std::uint64_t{1};
        --size_;
        return top;
    }

    /// The member the next pop() will return when it is already known without work (it has
    /// the key of the one just popped), else k_none: a hint for prefetching.
    [[nodiscard]] MemberIndex next_if_known() const noexcept {
        return buckets_[0].empty() ? k_none : buckets_[0].back().member;
    }

    void clear() noexcept {
        for (auto& bucket : buckets_) bucket.clear();
        filled_ = 0;
        size_ = 0;
        last_ = 0;
    }

private:
    static std::uint64_t bits_of(double key) noexcept { return std::bit_cast<std::uint64_t>(key); }
    /// 0 for the key last popped, else 1 + the highest bit in which the key differs from it:
    /// at most 63, keys being non-negative (the sign bit is 0).
    [[nodiscard]] std::size_t bucket_of(std::uint64_t bits) const noexcept {
        return bits == last_ ? 0 : static_cast<std::size_t>(64 - std::countl_zero(bits ^ last_));
    }

    std::array<std::vector<Entry>, 64> buckets_;
    std::uint64_t filled_ = 0;  // bit i: buckets_[i] holds entries
    std::uint64_t last_ = 0;
    std::size_t size_ = 0;
};

/// Shortest paths from one source at a time (Brandes 2001, doi:10.1080/0022250X.2001.9990249,
/// Algorithm 1 with Dijkstra). After run(s): order() holds the members reachable from s by
/// non-decreasing distance (equal distances by ascending member), s first; for each of them
/// distance(v), paths(v) = σ_sv (as a double) and its predecessors, the members just before
/// v on shortest paths from s, in the order they were settled (for_each_predecessor). Path
/// lengths are compared with compare_path_lengths; of two lengths that count as equal the
/// shorter is kept as the distance. Most members have one predecessor, kept beside the
/// distance; the rest go to an array indexed like the arcs. O(m + n log C) per source,
/// O(n + m) memory.
class ShortestPathSearch {
public:
    explicit ShortestPathSearch(const ShortestPathGraph& graph)
        : graph_(&graph),
          distance_(graph.member_count(), k_unreached),
          links_(graph.member_count()),
          paths_(graph.member_count(), 0.0),
          more_predecessors_(graph.arc_count()),
          equal_length_(common_length(graph)) {
        order_.reserve(graph.member_count());
        if (equal_length_ > 0.0) {
            // The targets alone, 4 bytes an arc instead of 16: with the per-member arrays
            // they fit in the core's cache for networks of tens of thousands of members.
            target_offsets_.assign(graph.offsets().begin(), graph.offsets().end());
            targets_.reserve(graph.arc_count());
            for (MemberIndex v = 0; v < graph.member_count(); ++v) {
                for (const Arc& arc : graph.arcs(v)) targets_.push_back(arc.target);
            }
        }
    }

    void run(MemberIndex source) {
        for (const MemberIndex member : order_) {
            distance_[member] = k_unreached;
            links_[member] = Links{};
        }
        order_.clear();
        if (equal_length_ > 0.0) {
            breadth_first(source);
            return;
        }
        const std::span<const std::size_t> offsets = graph_->offsets();
        const Arc* const arcs_begin = graph_->arcs(0).data();

        distance_[source] = 0.0;
        paths_[source] = 1.0;
        heap_.clear();
        heap_.push(source, 0.0);
        while (!heap_.empty()) {
            const RadixHeap::Entry top = heap_.pop();
            const MemberIndex u = top.member;
            // The rows of members are scattered in memory; fetch the next one's early.
            if (const MemberIndex next = heap_.next_if_known(); next != k_none) {
                __builtin_prefetch(graph_->arcs(next).data());
                __builtin_prefetch(&links_[next]);
            }
            Links& current = links_[u];
            // Stale: settled already, or pushed again with a shorter distance since.
            if ((current.count_and_settled & k_settled) != 0 || top.key != distance_[u]) continue;
            current.count_and_settled |= k_settled;
            order_.push_back(u);
            const double du = top.key;
            const double paths_u = paths_[u];
            for (const Arc& arc : graph_->arcs(u)) {
                double& next_distance = distance_[arc.target];
                const double candidate = du + arc.length;
                // Fast rejection of the common case: definitely longer than the best path
                // known (see compare_path_lengths; unreached members have +inf). Only the
                // distances are read for it, kept apart so that more of them stay in cache.
                if (candidate > next_distance * k_surely_longer) {
                    // The walk u → source → target is a path at least this short: when it
                    // beats the tie, the tie can be left out (ShortestPathGraph::leave_out).
                    if (beaten_ != nullptr && du + next_distance < graph_->beating_limit(arc.length)) {
                        mark_beaten(static_cast<std::size_t>(&arc - arcs_begin));
                    }
                    continue;
                }
                Links& next = links_[arc.target];
                if ((next.count_and_settled & k_settled) != 0) continue;
                if (next_distance == k_unreached) {
                    next_distance = candidate;
                    next.first_predecessor = u;
                    next.count_and_settled = 1;
                    paths_[arc.target] = paths_u;
                    heap_.push(arc.target, candidate);
                    continue;
                }
                const int comparison = compare_path_lengths(candidate, next_distance);
                if (comparison < 0) {
                    next_distance = candidate;
                    next.first_predecessor = u;
                    next.count_and_settled = 1;
                    paths_[arc.target] = paths_u;
                    heap_.push(arc.target, candidate);
                } else if (comparison == 0) {
                    more_predecessors_[offsets[arc.target] + next.count_and_settled - 1] = u;
                    ++next.count_and_settled;
                    paths_[arc.target] += paths_u;
                    if (candidate < next_distance) {
                        next_distance = candidate;
                        heap_.push(arc.target, candidate);
                    }
                }
            }
        }
    }

    /// From now on, run() sets beaten[a] = 1 for every arc a (indexed like the graph's arcs)
    /// that it shows beaten by a path through the source: d(s, u) + d(s, v) below
    /// ShortestPathGraph::beating_limit of the length of u→v. Searches on several threads
    /// may share one array. Only for a graph that can_leave_out(); an empty span stops it.
    void mark_beaten_arcs(std::span<std::uint8_t> beaten) noexcept {
        beaten_ = beaten.empty() || !graph_->can_leave_out() ? nullptr : beaten.data();
    }

    [[nodiscard]] std::span<const MemberIndex> order() const noexcept { return order_; }
    [[nodiscard]] double distance(MemberIndex member) const noexcept { return distance_[member]; }
    [[nodiscard]] double paths(MemberIndex member) const noexcept { return paths_[member]; }
    [[nodiscard]] std::size_t predecessor_count(MemberIndex member) const noexcept {
        return links_[member].count_and_settled & ~k_settled;
    }

    /// Calls visit(p) for each predecessor p of a member reached by the last run().
    template <class Visit>
    void for_each_predecessor(MemberIndex member, Visit&& visit) const {
        const Links& links = links_[member];
        const std::uint32_t count = links.count_and_settled & ~k_settled;
        if (count == 0) return;
        visit(links.first_predecessor);
        const std::size_t offset = equal_length_ > 0.0 ? target_offsets_[member] : graph_->offsets()[member];
        const MemberIndex* more = more_predecessors_.data() + offset;
        for (std::uint32_t i = 1; i < count; ++i) visit(more[i - 1]);
    }

private:
    /// run() when every arc has the same length L (unweighted networks, such as
    /// co-authorship): breadth-first, level by level. Every member of level k gets the same
    /// distance, computed as Dijkstra does (level k−1's distance + L), the same predecessors
    /// in the same order (level k−1 is settled by ascending member) and the same σ; each new
    /// level is sorted by member, so members are settled in Dijkstra's order exactly, without
    /// a heap. No tie can be beaten when all are equally long, so none is marked.
    void breadth_first(MemberIndex source) {
        distance_[source] = 0.0;
        paths_[source] = 1.0;
        links_[source].count_and_settled = k_settled;
        order_.push_back(source);
        for (std::size_t level = 0; level < order_.size();) {
            const std::size_t level_end = order_.size();
            const double next_distance = distance_[order_[level]] + equal_length_;
            for (std::size_t i = level; i < level_end; ++i) {
                const MemberIndex u = order_[i];
                const double paths_u = paths_[u];
                for (std::size_t a = target_offsets_[u]; a < target_offsets_[u + 1]; ++a) {
                    const MemberIndex v = targets_[a];
                    double& distance = distance_[v];
                    if (distance == k_unreached) {
                        distance = next_distance;
                        links_[v] = Links{u, 1};
                        paths_[v] = paths_u;
                        order_.push_back(v);
                    } else if (distance == next_distance) {
                        Links& links = links_[v];
                        more_predecessors_[target_offsets_[v] + links.count_and_settled - 1] = u;
                        ++links.count_and_settled;
                        paths_[v] += paths_u;
                    }
                }
            }
            sort_members(level_end);
            for (std::size_t i = level_end; i < order_.size(); ++i) links_[order_[i]].count_and_settled |= k_settled;
            level = level_end;
        }
    }

    /// Sorts order_[first..] ascending: through a bitmap of the members when there are many
    /// (levels of thousands, as in unweighted networks), else by comparison.
    void sort_members(std::size_t first) {
        const auto begin = order_.begin() + static_cast<std::ptrdiff_t>(first);
        const std::size_t count = order_.size() - first;
        const std::size_t n = distance_.size();
        if (count < 64 || count * 16 < n / 64) {
            std::sort(begin, order_.end());
            return;
        }
        if (bitmap_.empty()) bitmap_.assign((n + 63) / 64, 0);
        for (auto it = begin; it != order_.end(); ++it) bitmap_[*it / 64] |= std::uint64_t{1} << (*it % 64);
        auto out = begin;
        for (std::size_t word = 0; word < bitmap_.size(); ++word) {
            for (std::uint64_t bits = bitmap_[word]; bits != 0; bits &= bits - 1) {
                *out++ = static_cast<MemberIndex>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
            }
            bitmap_[word] = 0;
        }
    }

    /// The length every arc of `graph` has, or 0 when they differ (or there are none).
    static double common_length(const ShortestPathGraph& graph) {
        double length = 0.0;
        for (MemberIndex v = 0; v < graph.member_count(); ++v) {
            for (const Arc& arc : graph.arcs(v)) {
                if (length == 0.0) length = arc.length;
                if (arc.length != length) return 0.0;
            }
        }
        return length;
    }

    void mark_beaten(std::size_t arc) noexcept {
        std::atomic_ref<std::uint8_t> mark(beaten_[arc]);
        if (mark.load(std::memory_order_relaxed) == 0) mark.store(1, std::memory_order_relaxed);
    }

    static constexpr double k_unreached = std::numeric_limits<double>::infinity();
    /// candidate > distance · this means compare_path_lengths(candidate, distance) > 0.
    static constexpr double k_surely_longer = 1.0 + 2.5 * k_path_length_tolerance;
    static constexpr std::uint32_t k_settled = 0x80000000u;

    struct Links {
        MemberIndex first_predecessor = k_none;
        std::uint32_t count_and_settled = 0;  // predecessors found; k_settled once settled
    };

    const ShortestPathGraph* graph_;
    std::vector<double> distance_;  // +inf: not reached
    std::vector<Links> links_;
    std::vector<double> paths_;
    // Member v's second, third, ... predecessors at [offsets[v], offsets[v] + count − 1): a
    // member has at most as many predecessors as arcs, the graph being symmetric.
    std::vector<MemberIndex> more_predecessors_;
    std::vector<MemberIndex> order_;
    std::vector<std::uint64_t> bitmap_;  // sort_members' workspace, all 0 between calls
    double equal_length_;                // > 0: every arc has this length (breadth_first)
    // breadth_first's copy of the graph's arcs, targets only (the graph's arcs as they were
    // when the search was made: ties of equal length are never left out, none being beaten).
    std::vector<std::size_t> target_offsets_;
    std::vector<MemberIndex> targets_;
    RadixHeap heap_;
    std::uint8_t* beaten_ = nullptr;  // see mark_beaten_arcs
};

}  // namespace bridgemap::metrics
