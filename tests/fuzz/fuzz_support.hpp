#pragma once
// What the fuzz targets share: a scratch folder of their own, files written into it, and a
// finding that stops the run. Used both under libFuzzer and by the replay program.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bridgemap::fuzz {

/// The input as text (bytes, not necessarily UTF-8).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// This process's scratch folder under the temporary directory ($TMPDIR), made on first use and
/// removed when the process exits normally.
const std::filesystem::path& scratch_folder();

/// Writes `bytes` to `path` whole, replacing it. Aborts (a finding in the harness) when it cannot.
void write_bytes(const std::filesystem::path& path, std::string_view bytes);

/// Writes a zip archive to `path` holding the parts `description` lists: parts separated by the
/// byte 0x1E, each its name, a line feed, then its bytes (stored, not compressed). A part without
/// a name or a name libzip refuses is left out. This lets the fuzzer change the XML of a workbook
/// directly rather than through deflate and CRCs.
void write_zip(const std::filesystem::path& path, std::string_view description);

/// Reads the network at `path` (a folder, .json or .xlsx) as `bridgemap validate` does: every
/// diagnostic formatted, the inventory taken, and, when there is no error, the network cut to a
/// window. Checks that the diagnostics agree with their counts; any exception is a finding.
void read_and_validate(const std::filesystem::path& path);

/// Reports a broken invariant or an unexpected exception and aborts, so that libFuzzer (or the
/// replay, through the sanitizers or its exit status) records the input as a finding.
[[noreturn]] void finding(std::string_view what);

}  // namespace bridgemap::fuzz

/// Checks an invariant of the code under test; a false one is a finding.
#define BRIDGEMAP_FUZZ_CHECK(condition)                                                                          \
    do {                                                                                                         \
        if (!(condition)) ::bridgemap::fuzz::finding(__FILE__ ":" + std::to_string(__LINE__) + ": " #condition); \
    } while (false)
