#pragma once
// Reads a CSV file bridgemap wrote, for end-to-end tests: every row as its fields, with
// bridgemap's own CSV reader, expecting no problem in it.

#include "support/temporary_files.hpp"

#include <bridgemap/ingest/csv_reader.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bridgemap::testing {

inline std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::vector<ingest::CsvProblem> problems;
    ingest::parse_csv(
        slurp(path), [&](const ingest::CsvRecord& r) { rows.emplace_back(r.fields.begin(), r.fields.end()); },
        problems);
    EXPECT_TRUE(problems.empty()) << path;
    return rows;
}

}  // namespace bridgemap::testing
