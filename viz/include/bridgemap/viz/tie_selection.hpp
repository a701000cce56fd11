#pragma once
// Which ties a map draws. An event projection ties almost everyone to almost everyone (a
// network of 1,100 members has about 135,000 ties): drawn whole it is a grey blot and takes
// minutes to lay out. A map therefore draws each member's strongest ties, which carry the
// structure, and every weak bridge, which carries the story.

#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::viz {

/// Per tie (by tie index): 1 when it is a weak bridge, a single tie carrying contact
/// between parts of the network:
/// - a cross-sector tie (both sectors known and different) that is a local bridge (its ends
///   have no common neighbour, Granovetter 1973), or
/// - the only tie between its two sectors, or
/// - the only tie between its two communities (both ends in a community);
/// and neither end has no other tie (a tie to someone tied to nobody else holds no two parts
/// together: those people are isolated in all but one tie, and maps mark them instead).
/// `local_bridge` is TieStructure::local_bridge; `community` is Communities::of_member
/// (empty to ignore communities). O(members + ties). An empty graph gives an empty vector.
/// Throws bridgemap::Error when the spans do not match the graph.
std::vector<std::uint8_t> weak_bridges(const TieGraph& graph, const Sectors& sectors,
                                       std::span<const std::uint8_t> local_bridge,
                                       std::span<const std::uint32_t> community);

struct DrawnTies {
    std::vector<TieIndex> ties;    ///< Ascending.
    std::size_t candidates = 0;    ///< Ties between the members shown.
    bool all = true;               ///< Every candidate is drawn.
    std::size_t per_member = 0;    ///< When not all: each member's strongest ties drawn.
    std::size_t weak_bridges = 0;  ///< Weak bridges among the drawn ties.
};

/// The ties to draw between `members` (member indices; repeats ignored). When there are at
/// most `draw_all_up_to` ties between them, all of them; otherwise each member's
/// `per_member` strongest ties to other members shown (ties of equal weight by the other
/// member's index) and every tie with weak[tie] set. `weak` is empty or has one entry per
/// tie. O(Σ degree of members shown + drawn · log drawn).
DrawnTies select_ties(const TieGraph& graph, std::span<const MemberIndex> members, std::span<const std::uint8_t> weak,
                      std::size_t per_member, std::size_t draw_all_up_to);

}  // namespace bridgemap::viz
