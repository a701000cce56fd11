#pragma once
// Reading a network (SPEC §1) from a folder of CSV (or .xlsx) files, one .xlsx workbook or
// one JSON file.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/model/network.hpp>

#include <filesystem>

namespace bridgemap::ingest {

/// What was read and what is wrong with it.
struct ReadResult {
    Network network;          ///< As much as could be read; only usable when !diagnostics.has_errors().
    Diagnostics diagnostics;  ///< Every problem found, in file and line order.
};

/// Reads `path`: a folder holding members.csv and the optional tables of SPEC §1 (any of them
/// may be TABLE.xlsx instead: its sheet named like the table, else its first sheet), a `.xlsx`
/// workbook with one sheet per table (sheet names matched without regard to case; problems at
/// `FILE.xlsx[SHEET]!CELL`), or a `.json` file with the same tables as arrays of objects. Every problem is collected
/// (missing file or column, empty or duplicate id, unknown reference, malformed or
/// impossible date, until before from, bad weight, self-tie, invalid UTF-8, bad CSV,
/// rows with the wrong number of fields) and duplicate rows are merged with a warning.
/// Sectors are resolved (members.sector, else the organisation's, else unknown).
/// Throws IoError only when `path` does not exist or cannot be read at all, and RequestError
/// for a file that is neither `.json` nor `.xlsx`.
/// O(total size of the input).
ReadResult read_network(const std::filesystem::path& path);

}  // namespace bridgemap::ingest
