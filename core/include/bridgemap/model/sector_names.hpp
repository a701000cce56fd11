#pragma once
// Sector labels as people type them: "Public", "public", "Public sector" and "PUBLIC" name one
// sector. A label's key folds case and spacing; sectors.csv aliases map other spellings onto a
// sector; sector names a letter or two apart are flagged as possible typos.

#include <bridgemap/io/text.hpp>
#include <bridgemap/model/network.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap {

/// The key two sector labels share when they name one sector: the label lower-cased
/// (io::fold_case: ASCII, Latin-1, Latin Extended-A, basic Greek and Cyrillic), runs of spaces,
/// tabs, underscores and hyphens made one space, trimmed, and a trailing word "sector" dropped
/// when a word comes before it. "Public_Sector " -> "public"; "sector" stays "sector". O(length).
std::string sector_key(std::string_view label);

/// One way a sector was written in members.sector or organisations.sector, and by how many rows.
struct SectorSpelling {
    std::string label;
    std::size_t uses = 0;
    bool aliased = false;  ///< Folded into its sector by a sectors.csv alias, not by sector_key.
};

/// For each sector of network.sectors, the labels of members and organisations that resolve
/// to it: most used first, then by label. O((members + organisations) log).
std::vector<std::vector<SectorSpelling>> sector_spellings(const Network& network);

/// Edit distance in code points, adjacent swaps counting one: io::edit_distance.
using io::edit_distance;

/// True when two distinct sector keys look like one sector mistyped: one is the other's plural
/// (+"s", +"es", "y" -> "ies"), or their edit distance is at most 2 when both have 6 or more
/// letters, at most 1 otherwise ("buisness"/"business", "pubic"/"public"). Common distinct
/// sectors never look alike: public/private are 6 apart, ngo/nhs 2 at 3 letters, faith/health
/// 3 (the unit test checks a list of them pairwise). O(|a|·|b|).
bool sector_keys_look_alike(std::string_view a, std::string_view b);

}  // namespace bridgemap
