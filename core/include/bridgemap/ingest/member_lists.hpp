#pragma once
// Files of member ids that commands take besides the network: who is coming to an event,
// who hosts, who must or must not sit together (`seat`), and pairs not to suggest
// (`introduce --exclude`). Each is a CSV file naming members by id or by name (any letter
// case; model/lookup); every problem is a FILE:LINE diagnostic in the user's own ids, an
// unknown one with the closest ids and names ("did you mean ...").

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/model/network.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap::ingest {

/// One row of a member list file: its line and the members named on it.
struct MemberRow {
    std::size_t line = 0;
    std::vector<MemberIndex> members;
};

/// Reads a file of member ids: the first column of each row (`whole_rows` false) or every
/// field of each row, one group per row (`whole_rows` true). A first row whose first field
/// is member_id, member, members or id (any case, and not a member's id) is a header. Unknown
/// ids and names, invalid UTF-8 and bad CSV are reported; rows naming no known member are left out.
/// Throws IoError when the file cannot be read.
std::vector<MemberRow> read_member_rows(const std::string& path, const Network& network, bool whole_rows,
                                        Diagnostics& diagnostics);

/// The members of a file of member ids, first column, each once in the order first listed; a
/// member listed again is a warning naming the line it was first on.
std::vector<MemberIndex> read_member_list(const std::string& path, const Network& network, Diagnostics& diagnostics);

/// The groups of a file of member ids, as read_member_rows reads them, less the members for
/// whom `kept[member]` is false, each left out with a warning ("… is not among the people to
/// seat; left out"). A group can so end up empty.
std::vector<std::vector<MemberIndex>> read_member_groups(const std::string& path, const Network& network,
                                                         bool whole_rows, const std::vector<bool>& kept,
                                                         Diagnostics& diagnostics);

/// Reads a file of member pairs, one per row: the columns member_a and member_b (or source
/// and target) when the first row names them, otherwise the first two columns, with a first
/// row that names no member taken as a header. A row naming one member twice is a warning
/// and left out. Throws IoError when the file cannot be read.
std::vector<std::pair<MemberIndex, MemberIndex>> read_member_pairs(const std::string& path, const Network& network,
                                                                   Diagnostics& diagnostics);

}  // namespace bridgemap::ingest
