#pragma once
// Reports shared outside the network: members and organisations replaced by stable
// pseudonyms, sectors kept.

#include <bridgemap/model/network.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::report {

/// A copy of `network` in which every member's id and name become a pseudonym such as
/// "Member K7QD" (the same member always gets the same one for the same key), every
/// organisation becomes "Organisation N" (numbered by first appearance), members' extra
/// columns and affiliation notes are dropped, and sectors, events, groups and every tie are
/// kept. The pseudonym is a keyed hash of the member's id: with the default key (the
/// network's own sorted member ids), it is the same across runs on the same membership
/// and cannot be recomputed from one member's id alone. Collisions get a longer code.
/// O(members + organisations).
Network pseudonymise(const Network& network, std::string_view key = {});

/// The pseudonyms pseudonymise() gives, by member index: the same key, the same codes.
/// O(members log members).
std::vector<std::string> member_pseudonyms(const Network& network, std::string_view key = {});

}  // namespace bridgemap::report
