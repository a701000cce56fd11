#pragma once
// A synthetic network of realistic shape (SPEC §4, `bridgemap generate`): for tests,
// benchmarks and demonstrations where a real network cannot be shared.

#include <bridgemap/model/network.hpp>

#include <cstddef>
#include <cstdint>

namespace bridgemap::generate {

struct GeneratorOptions {
    std::size_t members = 1100;
    std::uint64_t seed = 1;
    int first_year = 2017;
    int years = 8;
};

/// Generates a cross-sector network of `options.members` members with events over the
/// years first_year .. first_year + years - 1, shaped like the network bridgemap was
/// written for (about 1,100 members):
/// - Members join over time (about 12% before first_year, then more each year); extra
///   member columns `region` (12 regions, London the largest) and `joined` (a date).
///   Nobody attends an event, joins a cell or has a ties.csv row dated before they joined.
/// - Sectors are skewed: voluntary largest, then grassroots and public, funder, private,
///   academic; about 6% `independent` people without organisation and about 2.5% with no
///   sector and no organisation (unknown). Most members take their sector from their
///   organisation; about 12% also give their own.
/// - Organisation sizes are heavy-tailed (a Simon/Yule preferential process: about three
///   fifths of organisations have one member). About 7% of members moved organisation:
///   two affiliations rows (the old one ending, the current one starting).
/// - Cells (groups of kind `cell`, 5-15 members, about one per 40 members, some leaving
///   after a while): 60% of a cell's seats go to the sector it leans to; where too few of
///   that sector had joined, the cell is smaller, so that they always hold 55% or more.
/// - Every year has gatherings (one annual gathering of up to 300 people and one or two
///   smaller ones, each with `breakout` children whose attendees also attend the parent),
///   dinners (10-30 people), workshops (15-40), online events (20-80) and cell-meetings.
///   Attendees are drawn by each member's activity (four tiers, a few very active people)
///   with a bias towards the event's region and theme sector (extra event columns
///   `region`, `theme`, and `group` naming a cell-meeting's cell). Roles: participant,
///   host, speaker, facilitator.
/// - Explicit ties (introduced, collaborated, knows; weight 1-3; dated), about 0.75 per
///   member, never a self-tie and at most one row per pair.
/// - Past 1,650 members the network is split into regional chapters of about 1,100 members,
///   each with its own calendar, plus one national gathering a year and some online events
///   open to all, so that the average degree of the tie graph (SPEC §2) stays roughly
///   constant (about 245 distinct neighbours at 1,100 members, 280 at 20,000, 255 at
///   100,000) and no event exceeds 300 people.
///
/// Randomness comes only from bridgemap::Random, in integer arithmetic, so the same
/// options give the same network on every platform; different seeds give different
/// networks. Ids are `m00001`, `o0001`, `e2017-001`, `g0001` (widened when needed); events
/// are in date order. Sectors are resolved and ids indexed. The result writes with
/// ingest::write_network_folder and reads back without a diagnostic.
///
/// Time O(members · years + attendance rows), memory O(attendance rows); about 10
/// attendance rows per member (100,000 members: about 1 s and 150 MB, written).
/// Degenerate input: members == 0 gives an empty network (no rows, roles == {""}); a
/// network too small for an event (an event needs two attendees) or a cell (five members)
/// has none. Throws RequestError when years < 1, when the years fall outside 1001-9999, or
/// when members exceeds what a MemberIndex can hold.
Network generate_network(const GeneratorOptions& options);

}  // namespace bridgemap::generate
