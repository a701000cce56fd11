#pragma once
// Outputs are written whole or not at all: each is written to a temporary file beside its
// destination and renamed over it only when complete. A set of outputs is committed
// together, so a failure while writing the third file leaves none of them in place.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::io {

/// Writes `contents` to `path` atomically (temporary file, flush, rename).
/// Throws IoError naming the path on failure; `path` is then unchanged.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

/// Several output files committed together. Stage each file's contents, then commit():
/// every file is first written to a temporary beside its destination; only when all are
/// written are they renamed into place. If anything fails, or the set is destroyed
/// without commit(), no destination is touched and the temporaries are removed.
class OutputSet {
public:
    OutputSet() = default;
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    ~OutputSet();

    /// Adds one output; its directory must exist when commit() runs.
    void stage(std::filesystem::path path, std::string contents);

    /// Writes and renames every staged output. Throws IoError on failure.
    void commit();

private:
    struct Staged {
        std::filesystem::path path;
        std::string contents;
    };
    std::vector<Staged> staged_;
    std::vector<std::filesystem::path> temporaries_;
};

/// Reads a whole file. Throws IoError naming the path when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace bridgemap::io
