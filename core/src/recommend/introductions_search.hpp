#pragma once
// Private: one greedy step of recommend_introductions — the candidate pair whose tie raises
// the objective most, found with per-member upper bounds on the gain so that only the pairs
// the bounds cannot rule out are evaluated exactly.

#include "recommend/introductions_reach.hpp"
#include "recommend/introductions_rules.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace bridgemap::introductions_detail {

struct SearchContext {
    const ReachState* state = nullptr;
    const CandidateRules* rules = nullptr;
    const detail::Settings* settings = nullptr;
    std::span<const std::uint32_t> picks;         ///< Introductions each member is already in.
    const std::vector<bool>* eligible = nullptr;  ///< Candidates with room under the cap.
    /// Members who may not introduce (hidden, not active, or at max_per_introducer).
    const std::vector<bool>* barred = nullptr;
    bool warm = false;  ///< Only pairs with a mutual contact who is not barred.
    unsigned workers = 1;
};

struct Choice {
    MemberIndex u = k_none;  ///< u < v
    MemberIndex v = k_none;
    Effect effect;
};

/// The best pair by (gain, fewer earlier picks of the two, stronger introducer, more shared
/// events, lower indices), among eligible pairs allowed by the rules and not yet tied (and
/// warm, when context.warm), with a gain above 0; nullopt when there is none. The result does not depend on `workers`.
///
/// Bounds: for each eligible member x, own(x) = Σ μ2(g(x), t) over the groups t x does not
/// reach within two hops, and toward(x, T) = φ'(depth(g(x), T)) · (ψ(c + 1) − ψ(c)) / n_g(x)
/// for x's c contacts in T, + Σ μ2(g(y), T) over neighbours y of x who do not reach T within
/// two hops, where μ2 is the gain of one more member in a reach cell at the current counts.
/// Because φ is concave, the exact gain of (u, v) is at most own(u) + toward(u, g(v)) + own(v)
/// + toward(v, g(u)) ≤ best(u) + best(v) with best(x) = own(x) + max_T toward(x, T). Members
/// are scanned in
/// decreasing best(x); a pair is evaluated exactly only when its bound reaches the best gain
/// found so far.
std::optional<Choice> best_introduction(const SearchContext& context);

}  // namespace bridgemap::introductions_detail
