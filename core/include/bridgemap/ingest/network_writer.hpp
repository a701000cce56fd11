#pragma once
// Writing a network back as a folder of CSV files in the SPEC §1 schema, so that what
// bridgemap writes, bridgemap (and a spreadsheet) reads.

#include <bridgemap/model/network.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace bridgemap::ingest {

/// The CSV text of each table of `network`, keyed by file name (members.csv, ...). Tables
/// with no rows are left out, except members.csv; sectors.csv holds Network::sector_aliases
/// when there are any. Attributes follow the SPEC columns.
std::map<std::string, std::string> network_to_csv(const Network& network);

/// Writes network_to_csv(network) into `folder` (created if missing), all files or none.
/// Throws IoError on failure.
void write_network_folder(const Network& network, const std::filesystem::path& folder);

}  // namespace bridgemap::ingest
