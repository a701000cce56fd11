#pragma once
// The phases of find_weak_spots (report/weak_spots.hpp), each a value of its own so that tests
// can check them one by one. Matrices are indexed [sector][sector] over Sectors::count().

#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/report/weak_spots.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bridgemap::report::detail {

/// Who carries the ties between each ordered pair of sectors.
struct SectorCarriers {
    /// [a][b]: members of sector a with a tie to someone in sector b.
    std::vector<std::vector<std::uint64_t>> with_tie;
    /// [a][b]: the last such member (the only one when with_tie[a][b] == 1); k_none if none.
    std::vector<std::vector<MemberIndex>> carrier;
};

/// Members of unknown sector carry nothing. O(n + m·1 + n·sectors).
SectorCarriers sector_carriers(const TieGraph& graph, const Sectors& sectors);

/// The settings and ties.csv rows able to tie members of each pair of sectors.
struct JoiningSettings {
    /// [a][b] with a < b: tying settings holding members of both, plus recorded ties between them.
    std::vector<std::vector<std::uint64_t>> count;
    /// [a][b] with a < b: the first of them by name ("a recorded tie" for a ties.csv row).
    std::vector<std::vector<std::string>> first;
};

/// Settings count only when `ties` lets them tie people (a positive coefficient, and a size
/// the projection ties); recorded ties only when their coefficient and weight are positive.
/// O(Σ setting sizes + settings·sectors² + ties).
JoiningSettings joining_settings(const Network& network, const Sectors& sectors, const TieOptions& ties);

/// One link per pair of different sectors in `mixing`, weakest ratio first (no ratio last),
/// naming the only person or setting a pair rests on.
std::vector<SectorPairLink> sector_pair_links(const Network& network, const SectorMixing& mixing,
                                              const SectorCarriers& carriers, const JoiningSettings& joining);

/// Every community's size, main sector, outside share and bridgeheads, fewest bridgeheads
/// per member first. O(n + m + communities·sectors).
std::vector<CommunityReach> community_reach(const TieGraph& graph, const Sectors& sectors,
                                            const Communities& communities);

}  // namespace bridgemap::report::detail
