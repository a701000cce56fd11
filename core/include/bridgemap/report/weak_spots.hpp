#pragma once
// Where bridging is weak: sector pairs that barely connect, contact between two sectors
// that rests on one person or one setting, and communities with few members reaching out.

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/network.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bridgemap::report {

/// Two different sectors and how they connect.
struct SectorPairLink {
    SectorIndex a = 0;
    SectorIndex b = 0;
    std::uint64_t ties = 0;
    double expected = 0.0;                 ///< Ties expected if sectors mixed at random (SPEC §3 mixing).
    double ratio = 0.0;                    ///< ties / expected; NaN when expected is 0.
    std::uint64_t a_members_with_tie = 0;  ///< Members of a with a tie to someone in b.
    std::uint64_t b_members_with_tie = 0;
    /// Settings (events, groups, organisations) holding members of both sectors and able
    /// to tie them, plus ties.csv rows between them.
    std::uint64_t shared_settings = 0;
    std::string only_setting;  ///< The one such setting's name when shared_settings == 1.
    std::string only_person;   ///< Name of the one member carrying every tie on one side, if so.
};

/// A community and how it reaches the rest of the network.
struct CommunityReach {
    std::uint32_t community = 0;
    std::size_t members = 0;
    std::string main_sector;  ///< The most common known sector ("unknown" if none).
    double main_sector_share = 0.0;
    double outside_share = 0.0;   ///< Share of its members' tie strength going to other communities.
    std::size_t bridgeheads = 0;  ///< Its members with a tie to another community.
};

struct WeakSpots {
    std::vector<SectorPairLink> sector_pairs;  ///< Every pair of different sectors, weakest ratio first.
    std::vector<CommunityReach> communities;   ///< Every community, fewest bridgeheads per member first.
};

/// Computes the weak spots of an analysed network. `ties` must be the tie options the
/// analysis used (which settings can tie people). O(n + m·sectors + Σ setting sizes).
WeakSpots find_weak_spots(const Network& network, const Analysis& analysis, const TieOptions& ties);

/// A plain-language finding with the id of the report section that backs it up.
struct Finding {
    std::string text;
    std::string section;
};

/// A headline states a sector pair or a sector's reach only when both sectors have at least
/// this many (active) members: a ratio resting on three people is noise.
inline constexpr std::uint64_t k_headline_min_members = 10;
/// A sector pair stands out when its ties are below 0.8 or above 1.25 times the number
/// expected if sectors mixed at random.
inline constexpr double k_headline_low_ratio = 0.8;
inline constexpr double k_headline_high_ratio = 1.25;

/// Members who carry the most cross-sector routes, by decreasing bridging (ties by member
/// index), at most `limit` (0: all): members of known sector with bridging above 0. Members
/// of unknown sector are not ranked; `unknown_left_out` counts those with bridging above 0.
/// The one ranking of analyse, the report's bridge builders and its headline. O(n log n).
struct BridgeBuilders {
    std::vector<MemberIndex> ranked;
    std::size_t unknown_left_out = 0;
};
BridgeBuilders rank_bridge_builders(const Analysis& analysis, std::size_t limit);

/// Three or four findings a convenor can read at a glance, drawn from the numbers, each only
/// when it stands out: the sector pair (both with at least k_headline_min_members members)
/// whose ties are furthest below 0.8 times, else above 1.25 times, what random mixing
/// expects, or a sentence that no pair stands out; the E-I index against its baseline; the
/// lowest cross-sector reach between such sectors, when below 95%; who holds bridging (the
/// ranking above). Fewer when the network has fewer than two known sectors or no ties.
/// Members marked in `hidden` (consent, by index) are never named: the findings name the
/// first shown ones.
std::vector<Finding> headline_findings(const Network& network, const Analysis& analysis, const WeakSpots& weak_spots,
                                       const std::vector<bool>& hidden = {});

}  // namespace bridgemap::report
