#pragma once
// How sectors mix: per member (E-I index, diversity of contacts, cross-sector ties) and for
// the whole network (E-I against Krackhardt's baseline, assortativity, the mixing matrix
// against random mixing, and reach between sectors within one and two hops).

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstdint>
#include <vector>

namespace bridgemap {

struct MemberSectorScores {
    MemberScores ei_index;                         ///< (E − I)/(E + I); NaN when E + I = 0.
    MemberScores sector_diversity;                 ///< Blau 1 − Σ p_s²; NaN with no known-sector neighbour.
    std::vector<std::uint32_t> cross_sector_ties;  ///< Neighbours of a different known sector.
};

/// Per member, counting ties (not weights) to neighbours of known sector: E to another
/// sector, I to the member's own (Krackhardt & Stern 1988, doi:10.2307/2786835). A member
/// of unknown sector has E + I = 0 (E-I NaN, cross_sector_ties 0). sector_diversity uses
/// the shares p_s of the member's known-sector neighbours in each sector (Blau 1977), also
/// for a member of unknown sector. O(n + m). Throws bridgemap::Error when `sectors` does not
/// have one entry per member or names a sector index ≥ sectors.count().
MemberSectorScores member_sector_scores(const TieGraph& graph, const Sectors& sectors);

/// One unordered pair of sectors (a ≤ b) in the mixing matrix.
struct SectorPairMixing {
    SectorIndex a = 0;
    SectorIndex b = 0;
    std::uint64_t observed = 0;    ///< Ties between the two sectors (within, when a == b).
    double expected = 0.0;         ///< K_a·K_b/(2m) for a ≠ b, K_a²/(4m) within a sector.
    double ratio = k_not_defined;  ///< observed / expected; NaN when expected is 0.
};

/// One ordered pair of sectors in the reach table.
struct SectorReach {
    SectorIndex from = 0;
    SectorIndex to = 0;
    double within_one = 0.0;  ///< Share of `from` members with a `to` member among their neighbours.
    double within_two = 0.0;  ///< ... within two hops (never counting the member itself).
};

struct SectorMixing {
    std::vector<std::uint64_t> members;        ///< Active members by sector (all members without a window).
    std::uint64_t unknown_members = 0;         ///< Active members of unknown sector.
    std::uint64_t inactive_members = 0;        ///< Members not active in the window (Sectors::active).
    std::uint64_t ties = 0;                    ///< Every tie, members of unknown sector included.
    std::uint64_t known_ties = 0;              ///< m: ties with both ends of known sector.
    std::uint64_t external_ties = 0;           ///< E over the whole network.
    std::uint64_t internal_ties = 0;           ///< I over the whole network.
    double ei_index = k_not_defined;           ///< (E − I)/(E + I) over known-sector ties.
    double expected_ei_index = k_not_defined;  ///< (E_possible − I_possible)/(E_possible + I_possible).
    double assortativity = k_not_defined;      ///< NetworkX attribute_assortativity_coefficient.
    std::vector<SectorPairMixing> pairs;       ///< Every a ≤ b, by (a, b).
    std::vector<SectorReach> reach;            ///< Every ordered (from, to), by (from, to).
};

/// The whole network's sector mixing, over the active members of known sector and the ties
/// between them (members of unknown sector, and in a window the members not active in it
/// (SPEC §1), are counted apart and left out of the member counts, the expected E-I index
/// and the reach denominators):
/// - E-I over ties (NaN with no tie between known sectors); Krackhardt's expected E-I from
///   group sizes alone, with I_possible = Σ_s C(n_s, 2) and E_possible = C(Σ n_s, 2) −
///   I_possible (NaN with fewer than two members of known sector).
/// - assortativity: Newman's nominal assortativity by sector on the known-sector subgraph,
///   unweighted (NetworkX attribute_assortativity_coefficient), computed exactly as
///   r = (4m·I − Σ K_s²)/(4m² − Σ K_s²) (Newman 2003, doi:10.1103/PhysRevE.67.026126). NaN
///   when undefined: no tie between known sectors (where NetworkX returns 0 from an empty
///   mixing matrix) or all ties within one and the same sector (NetworkX nan).
/// - mixing: K_s sums the degrees (within the known-sector subgraph) of sector s; the
///   expected counts add up to m. With m = 0, expected is 0 and ratio NaN.
/// - reach: within one and two hops on the whole graph (paths may pass through members of
///   unknown sector); a member never counts as reaching itself (i–j–i), so reaching one's
///   own sector in two hops needs a neighbour with another neighbour in it. NaN for a
///   sector without members (member_sectors never gives one).
/// Time O(n + m·⌈sectors/64⌉) for reach (sector sets as bit sets), O(n + m + sectors²)
/// for the rest; memory 16·⌈sectors/64⌉ bytes per member. With no known sector, counts
/// are 0, ratios NaN, and pairs and reach empty. Throws as member_sector_scores.
SectorMixing sector_mixing(const TieGraph& graph, const Sectors& sectors);

/// sector_mixing(project_ties(network, ties), sectors) for what a map of a very large
/// network needs, without holding its ties (100,000 members tied through shared events have
/// about 13 million): members, unknown_members, the tie counts, ei_index,
/// expected_ei_index and pairs, equal to the last bit (the ties come from the same
/// projection code). assortativity is left NaN and reach empty. Time as project_ties, on
/// ties.threads threads (0: every core); memory O(members · threads + attendance); the
/// result does not depend on the thread count. Throws as sector_mixing.
SectorMixing projected_sector_mixing(const Network& network, const Sectors& sectors, const TieOptions& ties);

}  // namespace bridgemap
