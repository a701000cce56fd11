#pragma once
// The one canonical tie graph (SPEC §2): members as vertices, one undirected weighted tie
// per tied pair, with where the tie comes from. The converters to igraph and Boost.Graph
// serve only the tests (tests/support/).

#include <bridgemap/model/network.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap {

using TieIndex = std::uint32_t;

/// How many shared settings and ties.csv rows make up one tie.
struct TieProvenance {
    std::uint32_t events = 0;
    std::uint32_t groups = 0;
    std::uint32_t organisations = 0;
    std::uint32_t explicit_rows = 0;
};

/// One tie between two members, source < target.
struct Tie {
    MemberIndex source = 0;
    MemberIndex target = 0;
    double weight = 0.0;
    TieProvenance provenance;
};

/// An undirected weighted graph over every member of a network. Ties are sorted by
/// (source, target); each member's neighbours are sorted ascending. Immutable once built.
class TieGraph {
public:
    TieGraph() = default;

    /// Builds the graph from ties with source < target < member_count, sorted by
    /// (source, target), without repeats and with positive finite weights. Throws
    /// bridgemap::Error when they are not. O(members + ties).
    static TieGraph from_sorted_ties(std::size_t member_count, std::vector<Tie> ties);

    /// Sorts, merges repeated pairs (adding weights and provenance) and orients ties, then
    /// builds the graph. Self-ties are dropped. O(ties log ties).
    static TieGraph from_ties(std::size_t member_count, std::vector<Tie> ties);

    [[nodiscard]] std::size_t member_count() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    [[nodiscard]] std::size_t tie_count() const noexcept { return ties_.size(); }
    [[nodiscard]] std::span<const Tie> ties() const noexcept { return ties_; }
    [[nodiscard]] const Tie& tie(TieIndex index) const noexcept { return ties_[index]; }

    /// Neighbours of `member`, ascending.
    [[nodiscard]] std::span<const MemberIndex> neighbours(MemberIndex member) const noexcept {
        return {neighbours_.data() + offsets_[member], neighbours_.data() + offsets_[member + 1]};
    }
    /// Weights of the ties to neighbours(member), in the same order.
    [[nodiscard]] std::span<const double> weights(MemberIndex member) const noexcept {
        return {weights_.data() + offsets_[member], weights_.data() + offsets_[member + 1]};
    }
    /// Tie indices of the ties to neighbours(member), in the same order.
    [[nodiscard]] std::span<const TieIndex> tie_indices(MemberIndex member) const noexcept {
        return {tie_indices_.data() + offsets_[member], tie_indices_.data() + offsets_[member + 1]};
    }
    [[nodiscard]] std::size_t degree(MemberIndex member) const noexcept {
        return offsets_[member + 1] - offsets_[member];
    }
    /// Sum of the member's tie weights.
    [[nodiscard]] double strength(MemberIndex member) const noexcept { return strengths_[member]; }
    /// Sum of all tie weights.
    [[nodiscard]] double total_weight() const noexcept { return total_weight_; }

    /// The tie between a and b, or k_none. O(log degree).
    [[nodiscard]] TieIndex find_tie(MemberIndex a, MemberIndex b) const noexcept;

    /// Offsets into the adjacency arrays (member_count + 1 entries): for kernels that walk
    /// the raw arrays.
    [[nodiscard]] std::span<const std::size_t> adjacency_offsets() const noexcept { return offsets_; }
    [[nodiscard]] std::span<const MemberIndex> adjacency() const noexcept { return neighbours_; }
    [[nodiscard]] std::span<const double> adjacency_weights() const noexcept { return weights_; }

private:
    std::vector<Tie> ties_;
    std::vector<std::size_t> offsets_;
    std::vector<MemberIndex> neighbours_;
    std::vector<double> weights_;
    std::vector<TieIndex> tie_indices_;
    std::vector<double> strengths_;
    double total_weight_ = 0.0;
};

}  // namespace bridgemap
