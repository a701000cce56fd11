#pragma once
// Finding the member or event a person means: by id, or by exact name in any letter case, and
// when nothing fits, the closest ids and names, so that a typo gets "did you mean ...".

#include <bridgemap/model/network.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap {

/// What a text given for a member or an event matched.
struct Lookup {
    std::uint32_t index = k_none;            ///< The one match, or k_none.
    std::vector<std::uint32_t> same_name;    ///< When the name fits several and no id does: all of them, in order.
    std::vector<std::uint32_t> near_misses;  ///< When nothing fits: up to 3 of the closest, closest first.
};

/// The member `text` means: the member whose id is `text`; else the one member whose name equals
/// `text` ignoring letter case (io::fold_case) and surrounding spaces (several: Lookup::same_name);
/// else no match with the near misses: members whose folded id or name is within edit distance
/// max(1, length / 4) of the folded text (at most 3), or a word of whose name equals it, the
/// closest first, then in file order. Members whose members.consent is pseudonym or hidden (SPEC
/// §5) are found by their id or exact name but are never offered as near misses nor listed as
/// sharing a name. O(members · length²) when the id is not found.
Lookup look_up_member(const Network& network, std::string_view text);

/// The same for events, by id or name.
Lookup look_up_event(const Network& network, std::string_view text);

/// Why `lookup` of `text` found nothing, for a message after "unknown member" (or event):
/// `; did you mean "Helen Shah" (helen-shah)?`, `; "Jo Smith" is the name of 2 members: jo-smith-1,
/// jo-smith-2 (give the id)`, or empty when there is nothing to suggest. `events` says what
/// `lookup` indexes.
std::string lookup_hint(const Network& network, const Lookup& lookup, bool events);

}  // namespace bridgemap
