#pragma once
// Outputs are written whole or not at all, and a command's outputs together: after a failure,
// a signal or a crash, every destination holds its old contents or every one its new contents,
// never a mix, and no temporary stays behind.
//
// How (io/atomic_file.cpp; the promises in README, "What bridgemap promises about your files"):
// - each output is written to a temporary beside its destination (`.NAME.tmp-bridgemap-PID-XXXXXX`)
//   and synced to disk; only when all are written are they renamed into place, with SIGINT,
//   SIGTERM and SIGHUP held back meanwhile;
// - the old files are kept as hard links until every rename succeeded: a rename that fails
//   puts the earlier ones back; a journal (`.bridgemap-commit-PID`) lists the renames of a set,
//   and a run killed among them (SIGKILL, power loss) is rolled forward by the next run that
//   writes to that folder;
// - while committing, each destination folder is locked (flock on the folder itself, so no lock
//   file is left): a second run writing there waits up to a few seconds, then stops with a message;
// - a signal while writing removes the temporaries; temporaries and journals of runs that were
//   killed are removed (or finished) by the next run that writes to the same folder;
// - missing folders are created, and removed again when the set fails;
// - a destination that is a symbolic link is written through (its target is replaced); a
//   character device or FIFO (/dev/null, /dev/stdout, a named pipe) is written to directly; a
//   folder, socket or block device is refused;
// - "-" (`k_standard_output`) is standard output.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::io {

/// The output path that means standard output (`--out -`).
inline constexpr std::string_view k_standard_output = "-";

/// True when `path` is "-".
bool is_standard_output(const std::filesystem::path& path);

/// Writes `contents` to `path` whole (an OutputSet of one). Throws IoError naming the path on
/// failure; `path` is then unchanged.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

/// Several output files committed together. Stage each file's contents, then commit(). If
/// commit() throws, or the set is destroyed without commit(), every destination keeps its old
/// contents (or stays absent) and no temporary or created folder is left.
class OutputSet {
public:
    OutputSet() = default;
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    ~OutputSet();

    /// Adds one output; its folder is created when missing. "-" is standard output (at most one
    /// output of a set may be).
    void stage(std::filesystem::path path, std::string contents);

    /// Writes and renames every staged output. Throws IoError on failure.
    void commit();

    /// How long commit() waits for another run writing to the same folder (5 s by default).
    void set_lock_wait(std::chrono::milliseconds wait) { lock_wait_ = wait; }

private:
    struct Staged {
        std::filesystem::path path;
        std::string contents;
    };
    std::vector<Staged> staged_;
    std::chrono::milliseconds lock_wait_{5000};
};

/// Reads a whole file. Throws IoError naming the path when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace bridgemap::io
