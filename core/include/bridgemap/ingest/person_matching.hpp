#pragma once
// One person across many sign-up lists (`bridgemap import`): rows spelled the same way are
// one spelling; spellings are joined into people by the user's decisions (matches.csv), then
// by shared email, then by the name rule of identity.hpp, never joining two spellings in
// conflict (differing emails or organisations, the same surname with another first name, two
// existing members, a pair the user keeps apart). The result does not depend on the order of
// the rows: spellings are compared in the order of their text.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/ingest/identity.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::ingest {

/// One row of one list, or one member of an existing network (`existing_id` set).
struct PersonRecord {
    std::string name;          ///< As written.
    std::string organisation;  ///< As written.
    std::string email;         ///< As written.
    std::string place;         ///< "lists/dinner.csv:7", "lists/gathering.xlsx[Sheet1]!B4", "existing member ab".
    std::string existing_id;   ///< The member's id in the network imported into; empty for list rows.
    std::string list;          ///< The list it is on: two differently spelled rows of one list are two people.
};

/// A record's name, organisation and email as they identify a spelling: spaces trimmed and
/// collapsed, the email in lower case.
struct SpellingKey {
    std::string name;
    std::string organisation;
    std::string email;
    std::string existing_id;
    friend auto operator<=>(const SpellingKey&, const SpellingKey&) = default;
    friend bool operator==(const SpellingKey&, const SpellingKey&) = default;
};

SpellingKey spelling_key(const PersonRecord& record);

/// A decision read from a matches file: the two spellings and merge (true) or separate.
struct MatchDecision {
    SpellingKey a;
    SpellingKey b;
    bool merge = false;
    std::size_t line = 0;
};

/// One pair of spellings worth showing (a merge, a near miss or a user's decision).
struct MatchPair {
    std::uint32_t a = 0;  ///< Spelling indices, a < b.
    std::uint32_t b = 0;
    MatchScore score;
    bool merged = false;     ///< In the result: one person.
    bool suggested = false;  ///< What bridgemap decides without the matches file.
    bool by_user = false;    ///< A decision of the matches file changed this pair's outcome.
    bool ambiguous = false;  ///< One of the two could as well be another person, who conflicts
                             ///< with the first ("Sam Lee" with no organisation, and Sam Lees at
                             ///< two organisations): not merged by the name rule.
};

struct Spelling {
    SpellingKey key;
    PersonEvidence evidence;
    std::vector<std::size_t> records;  ///< Indices of the records spelled so, in record order.
    std::vector<std::string> lists;    ///< The lists they are on, sorted.
};

/// People found among the records.
struct PersonMatching {
    std::vector<Spelling> spellings;                ///< Sorted by key.
    std::vector<std::uint32_t> person_of_spelling;  ///< 0-based person per spelling.
    std::vector<std::uint32_t> person_of_record;    ///< 0-based person per record.
    std::size_t people = 0;                         ///< Numbered by first record, in record order.
    std::vector<MatchPair> pairs;                   ///< Sorted by (a, b).
};

/// Joins `records` into people (see the file comment), applying `decisions` where they differ
/// from what bridgemap would decide alone. A decision naming a spelling that is not among the
/// records, a merge that would join two spellings kept apart (by the user or as two existing
/// members), is a warning at its line of `decisions_file`. Blocks candidate pairs by surname,
/// given name, email, sorted words and the first and last four letters of the compact name,
/// so it is about O(records · block size).
PersonMatching match_people(const std::vector<PersonRecord>& records, const std::vector<MatchDecision>& decisions,
                            const std::string& decisions_file, Diagnostics& diagnostics);

/// Reads a matches file written by bridgemap import (columns decision, name_a, name_b,
/// organisation_a, organisation_b, email_a, email_b; others ignored). A decision other than
/// merge or separate, or a missing column, is an error at its line.
std::vector<MatchDecision> read_match_decisions(std::string_view text, const std::string& file,
                                                Diagnostics& diagnostics);

}  // namespace bridgemap::ingest
