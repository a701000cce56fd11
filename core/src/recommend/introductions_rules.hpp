#pragma once
// Private: which pairs may be suggested (the same rules for the recommendations and for both
// baselines), who could introduce a pair, and what a pair already shares.

#include <bridgemap/recommend/introductions.hpp>

#include "ties/settings.hpp"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace bridgemap::introductions_detail {

/// The strongest mutual contact of two members in a graph.
struct Introducer {
    MemberIndex member = k_none;
    double tie = 0.0;  ///< min(w(a,i), w(i,b)); 0 without introducer.
};

/// The rules of IntroductionOptions, over the plan's candidates and who-knows-whom graph.
class CandidateRules {
public:
    CandidateRules(const IntroductionPlan& plan, const IntroductionOptions& options);
    /// The same rules over other candidates than the plan's (by member index).
    CandidateRules(const IntroductionPlan& plan, const IntroductionOptions& options,
                   const std::vector<bool>& candidates);

    /// A member who may be suggested at all.
    [[nodiscard]] bool member(MemberIndex x) const { return (*candidates_)[x]; }
    /// Two candidate members in different groups and (with --between) different sectors, and
    /// (with same_region) of one region.
    [[nodiscard]] bool groups_allow(MemberIndex u, MemberIndex v) const;
    [[nodiscard]] bool excluded(MemberIndex u, MemberIndex v) const;
    /// Every pair rule except the cap per member: candidates, groups, untied in the plan's
    /// graph, not excluded, and a mutual contact when warm_only. O(log degree), or
    /// O(degree) for warm_only.
    [[nodiscard]] bool pair(MemberIndex u, MemberIndex v) const;
    [[nodiscard]] bool warm_only() const noexcept { return warm_only_; }
    [[nodiscard]] std::size_t max_per_member() const noexcept { return max_per_member_; }
    /// IntroductionOptions::hidden: members who may not introduce.
    [[nodiscard]] const std::vector<bool>& hidden() const noexcept { return *hidden_; }

private:
    const IntroductionPlan* plan_;
    const std::vector<bool>* candidates_;
    bool warm_only_;
    bool between_;
    std::size_t max_per_member_;
    bool same_region_;
    const std::vector<bool>* hidden_;
    std::unordered_set<std::uint64_t> excluded_;
};

/// True when u and v have a neighbour in common. O(min degree · log max degree).
bool have_mutual_contact(const TieGraph& graph, MemberIndex u, MemberIndex v);

/// The strongest mutual contact: the largest min(w(u,i), w(i,v)), then the larger sum, then
/// the lower index; never a member marked in `hidden` (by index; empty: nobody).
/// O(degree(u) + degree(v)).
Introducer strongest_mutual_contact(const TieGraph& graph, MemberIndex u, MemberIndex v,
                                    const std::vector<bool>& hidden = {});

/// Events both u and v attended, from the projection's settings (events come first in each
/// member's ascending list). O(settings of u + settings of v).
std::size_t shared_event_count(const detail::Settings& settings, MemberIndex u, MemberIndex v);

/// Members with an attendance row, a group membership or a ties.csv row.
std::vector<bool> active_members(const Network& network);

/// Members active since `since` (IntroductionOptions::active_since): an event attended that
/// ended on or after it, a group membership running to it or later, or a ties.csv row dated
/// then or later.
std::vector<bool> active_members(const Network& network, DayNumber since);

}  // namespace bridgemap::introductions_detail
