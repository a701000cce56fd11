#pragma once
// Private to generate: the built-in word lists the synthetic network generator draws its
// names from: people (with non-ASCII letters, apostrophes and the odd quoted nickname, so
// that downstream escaping is exercised), regions and their towns, organisations by
// sector, and the topics events and cells are about.

#include <bridgemap/random.hpp>

#include <span>
#include <string>
#include <string_view>

namespace bridgemap::generate {

/// A region of the country, with its share of members (a weight) and some of its towns.
struct Region {
    std::string_view name;
    unsigned weight;
    std::span<const std::string_view> towns;
};

/// The regions, in geographic order (neighbours next to each other), London first.
/// Weights are skewed: London has about a quarter of the members.
std::span<const Region> regions() noexcept;

/// "First Last", now and then with a quoted nickname (`Zoë "Z" O'Neil`). O(1).
std::string member_name(Random& random);

/// A name for an organisation of `sector` (voluntary, grassroots, public, funder, private,
/// academic; anything else gets a generic name) based in `town`. O(1).
std::string organisation_name(Random& random, std::string_view sector, std::string_view town);

/// What events and cells are about ("Sharing power", "Power, place and people", ...).
std::span<const std::string_view> topics() noexcept;

}  // namespace bridgemap::generate
