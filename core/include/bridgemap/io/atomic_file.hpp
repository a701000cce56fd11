#pragma once
// Outputs are written whole or not at all: each is written to a temporary file beside its
// destination, synced to disk, and renamed over it only when complete. A set of outputs is
// committed together, so a failure while writing the third file leaves none of them in place.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::io {

/// Writes `contents` to `path` atomically (temporary file, fsync, rename, fsync of the folder).
/// Throws IoError naming the path on failure; `path` is then unchanged.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

/// Several output files committed together. Stage each file's contents, then commit():
/// every file is first written (and synced) to a temporary beside its destination; only when
/// all are written are they renamed into place. If writing fails, or the set is destroyed
/// without commit(), no destination is touched and the temporaries are removed. Renames are
/// atomic one file at a time, not together: should the k-th rename fail (a destination
/// turned into a folder meanwhile, say), the files before it are already the new ones, the
/// k-th and later keep their old contents, and the IoError names the k-th.
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
