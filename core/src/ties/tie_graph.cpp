#include <bridgemap/error.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace bridgemap {

TieGraph TieGraph::from_sorted_ties(std::size_t member_count, std::vector<Tie> ties) {
    for (std::size_t k = 0; k < ties.size(); ++k) {
        const Tie& tie = ties[k];
        if (tie.source >= tie.target || tie.target >= member_count) {
            throw Error("tie graph: tie " + std::to_string(k) + " is not ordered source < target < member count");
        }
        if (!(tie.weight > 0.0) || !std::isfinite(tie.weight)) {
            throw Error("tie graph: tie " + std::to_string(k) + " has a weight that is not positive and finite");
        }
        if (k > 0 && std::tie(ties[k - 1].source, ties[k - 1].target) >= std::tie(tie.source, tie.target)) {
            throw Error("tie graph: ties are not sorted without repeats");
        }
    }
    TieGraph graph;
    graph.ties_ = std::move(ties);
    graph.offsets_.assign(member_count + 1, 0);
    for (const Tie& tie : graph.ties_) {
        ++graph.offsets_[tie.source + 1];
        ++graph.offsets_[tie.target + 1];
    }
    for (std::size_t v = 0; v < member_count; ++v) graph.offsets_[v + 1] += graph.offsets_[v];
    const std::size_t arcs = graph.offsets_[member_count];
    graph.neighbours_.resize(arcs);
    graph.weights_.resize(arcs);
    graph.tie_indices_.resize(arcs);
    std::vector<std::size_t> fill(graph.offsets_.begin(), graph.offsets_.end() - 1);
    // Ties are sorted by (source, target): filling targets' lists first (their sources come
    // in ascending order and are all smaller) and then sources' lists keeps every list sorted.
    for (TieIndex k = 0; k < graph.ties_.size(); ++k) {
        const Tie& tie = graph.ties_[k];
        const std::size_t at = fill[tie.target]++;
        graph.neighbours_[at] = tie.source;
        graph.weights_[at] = tie.weight;
        graph.tie_indices_[at] = k;
    }
    for (TieIndex k = 0; k < graph.ties_.size(); ++k) {
        const Tie& tie = graph.ties_[k];
        const std::size_t at = fill[tie.source]++;
        graph.neighbours_[at] = tie.target;
        graph.weights_[at] = tie.weight;
        graph.tie_indices_[at] = k;
    }
    graph.strengths_.assign(member_count, 0.0);
    for (std::size_t v = 0; v < member_count; ++v) {
        double sum = 0.0;
        for (std::size_t a = graph.offsets_[v]; a < graph.offsets_[v + 1]; ++a) sum += graph.weights_[a];
        graph.strengths_[v] = sum;
    }
    for (const Tie& tie : graph.ties_) graph.total_weight_ += tie.weight;
    return graph;
}

TieGraph TieGraph::from_ties(std::size_t member_count, std::vector<Tie> ties) {
    for (Tie& tie : ties) {
        if (tie.source > tie.target) std::swap(tie.source, tie.target);
    }
    std::erase_if(ties, [](const Tie& tie) { return tie.source == tie.target; });
    std::stable_sort(ties.begin(), ties.end(), [](const Tie& a, const Tie& b) {
        return std::tie(a.source, a.target) < std::tie(b.source, b.target);
    });
    std::vector<Tie> merged;
    merged.reserve(ties.size());
    for (const Tie& tie : ties) {
        if (!merged.empty() && merged.back().source == tie.source && merged.back().target == tie.target) {
            Tie& into = merged.back();
            into.weight += tie.weight;
            into.provenance.events += tie.provenance.events;
            into.provenance.groups += tie.provenance.groups;
            into.provenance.organisations += tie.provenance.organisations;
            into.provenance.explicit_rows += tie.provenance.explicit_rows;
        } else {
            merged.push_back(tie);
        }
    }
    return from_sorted_ties(member_count, std::move(merged));
}

TieIndex TieGraph::find_tie(MemberIndex a, MemberIndex b) const noexcept {
    if (a >= member_count() || b >= member_count()) return k_none;
    if (degree(a) > degree(b)) std::swap(a, b);
    const auto list = neighbours(a);
    const auto found = std::lower_bound(list.begin(), list.end(), b);
    if (found == list.end() || *found != b) return k_none;
    return tie_indices(a)[static_cast<std::size_t>(found - list.begin())];
}

}  // namespace bridgemap
