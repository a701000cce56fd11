#include "recommend/introductions_rules.hpp"

#include <algorithm>

namespace bridgemap::introductions_detail {

namespace {

std::uint64_t pair_key(MemberIndex u, MemberIndex v) {
    if (u > v) std::swap(u, v);
    return (std::uint64_t{u} << 32) | v;
}

template <class T>
void sort_unique(std::vector<T>& items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
}

}  // namespace

CandidateRules::CandidateRules(const IntroductionPlan& plan, const IntroductionOptions& options)
    : CandidateRules(plan, options, plan.candidates) {}

CandidateRules::CandidateRules(const IntroductionPlan& plan, const IntroductionOptions& options,
                               const std::vector<bool>& candidates)
    : plan_(&plan),
      candidates_(&candidates),
      warm_only_(options.warm_only),
      between_(options.between.has_value()),
      max_per_member_(options.max_per_member),
      same_region_(options.same_region),
      hidden_(&options.hidden) {
    excluded_.reserve(options.exclude.size());
    for (const auto& [u, v] : options.exclude) excluded_.insert(pair_key(u, v));
}

bool CandidateRules::groups_allow(MemberIndex u, MemberIndex v) const {
    if (u == v || !member(u) || !member(v)) return false;
    const auto& groups = plan_->groups.of_member;
    if (groups[u] == groups[v]) return false;
    if (same_region_ && (plan_->region[u] == 0 || plan_->region[u] != plan_->region[v])) return false;
    // With --between, candidates are already in one of its two sectors: one of each.
    return !between_ || plan_->sectors.of_member[u] != plan_->sectors.of_member[v];
}

bool CandidateRules::excluded(MemberIndex u, MemberIndex v) const {
    return !excluded_.empty() && excluded_.contains(pair_key(u, v));
}

bool CandidateRules::pair(MemberIndex u, MemberIndex v) const {
    if (!groups_allow(u, v)) return false;
    if (plan_->graph.find_tie(u, v) != k_none) return false;
    if (excluded(u, v)) return false;
    if (!warm_only_) return true;
    // A hidden member may not introduce: with some, only a shown mutual contact makes it warm.
    if (!hidden_->empty()) return strongest_mutual_contact(plan_->graph, u, v, *hidden_).member != k_none;
    return have_mutual_contact(plan_->graph, u, v);
}

bool have_mutual_contact(const TieGraph& graph, MemberIndex u, MemberIndex v) {
    auto small = graph.neighbours(u);
    auto large = graph.neighbours(v);
    if (small.size() > large.size()) std::swap(small, large);
    if (small.empty()) return false;
    // Two pointers when the lists are alike in size, binary search otherwise.
    if (large.size() < 8 * small.size()) {
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < small.size() && j < large.size()) {
            if (small[i] == large[j]) return true;
            if (small[i] < large[j])
                ++i;
            else
                ++j;
        }
        return false;
    }
    for (const MemberIndex x : small) {
        if (std::binary_search(large.begin(), large.end(), x)) return true;
    }
    return false;
}

Introducer strongest_mutual_contact(const TieGraph& graph, MemberIndex u, MemberIndex v,
                                    const std::vector<bool>& hidden) {
    const auto a = graph.neighbours(u);
    const auto a_weights = graph.weights(u);
    const auto b = graph.neighbours(v);
    const auto b_weights = graph.weights(v);
    Introducer best;
    double best_sum = 0.0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else if (a[i] < hidden.size() && hidden[a[i]]) {
            ++i;
            ++j;
        } else {
            const double tie = std::min(a_weights[i], b_weights[j]);
            const double sum = a_weights[i] + b_weights[j];
            // Ascending indices: a later contact wins only when strictly stronger.
            if (best.member == k_none || tie > best.tie || (tie == best.tie && sum > best_sum)) {
                best = {a[i], tie};
                best_sum = sum;
            }
            ++i;
            ++j;
        }
    }
    return best;
}

std::size_t shared_event_count(const detail::Settings& settings, MemberIndex u, MemberIndex v) {
    const auto a = settings.settings_of(u);
    const auto b = settings.settings_of(v);
    const auto is_event = [&](std::uint32_t s) { return settings.kind[s] == detail::SettingKind::event; };
    std::size_t shared = 0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size() && is_event(a[i]) && is_event(b[j])) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++shared, ++i, ++j;
        }
    }
    return shared;
}

std::vector<bool> active_members(const Network& network) {
    std::vector<bool> active(network.members.size(), false);
    for (const Attendance& row : network.attendance) active[row.member] = true;
    for (const GroupMembership& row : network.group_members) active[row.member] = true;
    for (const ExplicitTie& tie : network.ties) {
        active[tie.source] = true;
        active[tie.target] = true;
    }
    return active;
}

std::vector<bool> active_members(const Network& network, DayNumber since) {
    std::vector<bool> active(network.members.size(), false);
    for (const Attendance& row : network.attendance) {
        const auto& date = network.events[row.event].date;
        if (date && date->last >= since) active[row.member] = true;
    }
    for (const GroupMembership& row : network.group_members) {
        if (row.period.last >= since) active[row.member] = true;
    }
    for (const ExplicitTie& tie : network.ties) {
        if (tie.date && tie.date->last >= since) active[tie.source] = active[tie.target] = true;
    }
    return active;
}

}  // namespace bridgemap::introductions_detail
