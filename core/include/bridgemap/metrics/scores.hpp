#pragma once
// Types shared by every metric: scores by member, the members' sectors, and how much of
// the machine a computation may use.

#include <bridgemap/model/network.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace bridgemap {

/// One value per member, by member index. NaN means "not defined for this member" (a
/// constraint for an isolate, an E-I index with no tie to a known sector) and is written as
/// an empty field.
using MemberScores = std::vector<double>;

inline constexpr double k_not_defined = std::numeric_limits<double>::quiet_NaN();

[[nodiscard]] inline bool is_defined(double value) noexcept {
    return !std::isnan(value);
}

/// Which sector each member is in, and the sectors' names. Sectors with no member are
/// left out and the rest renumbered, so every sector here has at least one member.
struct Sectors {
    std::vector<SectorIndex> of_member;  ///< k_unknown_sector when unknown.
    std::vector<std::string> names;      ///< By sector index, sorted.
    /// Network::active: 1 for the members active in the window (SPEC §1). Empty: all are.
    /// Expected values (E-I baseline, reach denominators) count active members only.
    std::vector<std::uint8_t> active;

    [[nodiscard]] std::size_t count() const noexcept { return names.size(); }
    [[nodiscard]] bool known(std::size_t member) const noexcept { return of_member[member] != k_unknown_sector; }
    [[nodiscard]] bool is_active(std::size_t member) const noexcept { return active.empty() || active[member] != 0; }
};

/// The resolved sectors of a network's members, and which are active (Network::active).
/// O(members + sectors).
Sectors member_sectors(const Network& network);

/// How many threads a computation may use; 0 means every core. Results never depend on it.
struct ParallelOptions {
    unsigned threads = 0;
};

}  // namespace bridgemap
