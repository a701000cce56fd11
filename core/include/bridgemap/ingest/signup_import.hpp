#pragma once
// `bridgemap import`: a network (SPEC §1) from an events file and one sign-up export per
// event, each person once however many lists they are on and however they were spelled,
// optionally added to an existing network; and matches.csv, the merges and near misses for
// the user to check and overrule.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/model/date.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/progress.hpp>

#include <cstddef>

#include <filesystem>
#include <optional>
#include <string>

namespace bridgemap::ingest {

struct ImportOptions {
    std::filesystem::path events;                  ///< The events file (CSV or .xlsx), as the user gave it.
    std::optional<std::filesystem::path> into;     ///< A network folder or JSON file to add to.
    std::optional<std::filesystem::path> matches;  ///< A matches.csv with the user's decisions.
    DateOrder date_order = DateOrder::iso;         ///< How to read 04/07/2018 in the events file and in --into.
    /// Told "reading attendee lists", events done of events, then "matching people" (empty: never).
    ProgressReport progress;
};

/// What an import found, for the command's summary line.
struct ImportSummary {
    std::size_t events = 0;
    std::size_t rows = 0;  ///< Attendee rows read (rows without a name are not counted).
    std::size_t new_members = 0;
    std::size_t existing_members = 0;  ///< Members of the network imported into who are on a list.
    std::size_t merges = 0;            ///< matches.csv rows decided "merge".
    std::size_t near_misses = 0;       ///< matches.csv rows decided "separate".
    std::size_t user_decisions = 0;    ///< Rows where the matches file overruled bridgemap.
    std::size_t new_organisations = 0;
};

struct ImportResult {
    Network network;          ///< The whole network to write (the existing one with the new rows).
    std::string matches_csv;  ///< The text of matches.csv.
    ImportSummary summary;
};

/// Reads the events file and every list it names (relative to its folder), the network
/// `into` and the matches file when given, matches people (person_matching.hpp) and builds
/// the network:
/// - members: one per person, id = slug of their name ("Zoë Ó Briain" → zoe-o-briain; a
///   collision gets -2, -3 in the order of the people's spellings), name = their fullest,
///   most often written spelling; sector, organisation, email and the other columns from
///   their latest row (events by date, then as listed) that has one; members of `into`
///   keep their id and row;
/// - organisations: one per organisation_key, id = slug, name = the most written spelling;
///   those of `into` are matched by name and keep theirs;
/// - events in the events file's order; attendance one row per member and event, in list
///   order, role = the row's role or ticket type.
/// Problems are diagnostics (FILE:LINE or FILE[SHEET]!CELL); an event id that `into` already
/// has is an error. The result is meaningful only when there is no error. Throws IoError
/// when a file exists but cannot be read. O(rows · block size) for matching.
ImportResult import_signups(const ImportOptions& options, Diagnostics& diagnostics);

/// The header of matches.csv.
inline constexpr const char* k_matches_header =
    "decision,suggested,score,reason,member_a,member_b,name_a,name_b,organisation_a,organisation_b,email_a,email_"
    "b,lists_a,lists_b";

}  // namespace bridgemap::ingest
