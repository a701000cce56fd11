#pragma once
// How a member agreed to appear in what bridgemap writes (SPEC §5): the optional
// members.consent column, read here so that ingest can check it and report can apply it.

#include <bridgemap/model/network.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bridgemap {

enum class Consent : std::uint8_t {
    named,      ///< By name (the default, also for an empty cell).
    pseudonym,  ///< Only by their stable pseudonym ("Member K7QD").
    hidden,     ///< In no per-member or per-tie output at all.
};

/// The members.csv column that holds it.
inline constexpr std::string_view k_consent_column = "consent";

/// "named", "pseudonym" or "hidden" in any case, surrounded by spaces or not; an empty cell is
/// named. std::nullopt for anything else. O(length).
std::optional<Consent> parse_consent(std::string_view text) noexcept;

/// Each member's consent, by member index, from the consent column (named for everyone when
/// there is none). Throws InvalidDataError naming the member for a value parse_consent()
/// rejects (the readers report those as data errors first). O(members).
std::vector<Consent> member_consent(const Network& network);

}  // namespace bridgemap
