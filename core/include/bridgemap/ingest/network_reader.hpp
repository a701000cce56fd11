#pragma once
// Reading a network (SPEC §1) from a folder of CSV (or .xlsx) files, one .xlsx workbook or
// one JSON file.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/progress.hpp>

#include <filesystem>

namespace bridgemap::ingest {

/// What was read and what is wrong with it.
struct ReadResult {
    Network network;          ///< As much as could be read; only usable when !diagnostics.has_errors().
    Diagnostics diagnostics;  ///< Every problem found, in file and line order.
};

/// How to read what the files leave open.
struct ReadOptions {
    /// How to read day-month-year dates such as 04/07/2018 (SPEC dates are YYYY-MM-DD): iso
    /// rejects them with an error that names --date-order; dmy and mdy read them.
    DateOrder date_order = DateOrder::iso;
    /// Told "reading FILE" as each file of a folder is read, then "checking the network" (empty: never).
    ProgressReport progress;
};

/// Reads `path`: a folder holding members.csv and the optional tables of SPEC §1 (any of them
/// may be TABLE.xlsx instead: its sheet named like the table, else its first sheet), a `.xlsx`
/// workbook with one sheet per table (sheet names matched without regard to case; problems at
/// `FILE.xlsx[SHEET]!CELL`), or a `.json` file with the same tables as arrays of objects. Every
/// problem is collected (missing file or column, empty or duplicate id, unknown reference,
/// malformed or impossible date, until before from, bad weight, self-tie, invalid UTF-8, bad CSV,
/// rows with the wrong number of fields) and duplicate rows are merged with a warning.
/// CSV files may be separated by semicolons or tabs (ingest::detect_delimiter; a warning says
/// so). Dates written day-month-year are read as options.date_order says; without an order
/// they are errors, reported once per file with the count of the others.
/// Sectors are resolved (members.sector, else the organisation's, else unknown), spellings
/// folded (sector_key: "Public sector" is "public") and mapped by the optional sectors table
/// (alias, sector); folded spellings and look-alike sector names (sector_keys_look_alike) are
/// warnings naming every row that uses the rarer one.
/// Throws IoError only when `path` does not exist or cannot be read at all, and RequestError
/// for a file that is neither `.json` nor `.xlsx`.
/// O(total size of the input).
ReadResult read_network(const std::filesystem::path& path, const ReadOptions& options);
ReadResult read_network(const std::filesystem::path& path);

}  // namespace bridgemap::ingest
