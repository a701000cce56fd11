#include "fuzz_support.hpp"

#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/model/inventory.hpp>
#include <bridgemap/model/window.hpp>

#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace bridgemap::fuzz {
namespace {

std::filesystem::path make_scratch_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bridgemap-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) finding("cannot make a scratch folder under " + pattern);
    return pattern;
}

}  // namespace

const std::filesystem::path& scratch_folder() {
    // Never destroyed, so that the exit handler that removes it still has its name.
    static const std::filesystem::path* const folder = [] {
        const auto* made = new std::filesystem::path(make_scratch_folder());
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratch_folder(), ignored);
        });
        return made;
    }();
    return *folder;
}

void write_bytes(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) finding("cannot write " + path.string());
}

void write_zip(const std::filesystem::path& path, std::string_view description) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive == nullptr) finding("cannot make a zip archive at " + path.string());
    // The sources point into `description`: libzip reads them when the archive closes, below.
    while (!description.empty()) {
        const std::size_t cut = description.find('\x1e');
        const std::string_view part = description.substr(0, cut);
        description = cut == std::string_view::npos ? std::string_view() : description.substr(cut + 1);
        const std::size_t name_end = part.find('\n');
        if (name_end == 0 || name_end == std::string_view::npos) continue;
        const std::string name(part.substr(0, name_end));
        const std::string_view bytes = part.substr(name_end + 1);
        zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        if (source == nullptr) continue;
        const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            continue;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) zip_discard(archive);
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(path, ignored)) write_bytes(path, "");  // libzip writes no empty archive
}

void read_and_validate(const std::filesystem::path& path) {
    try {
        const auto result = ingest::read_network(path);
        const auto& diagnostics = result.diagnostics;
        std::size_t errors = 0;
        std::size_t warnings = 0;
        for (const auto& diagnostic : diagnostics.all()) {
            (diagnostic.severity == Severity::error ? errors : warnings) += 1;
            const std::string text = format_diagnostic(diagnostic);
            BRIDGEMAP_FUZZ_CHECK(text.starts_with(diagnostic.file));
            BRIDGEMAP_FUZZ_CHECK(!diagnostic.message.empty());
        }
        BRIDGEMAP_FUZZ_CHECK(errors <= diagnostics.error_count());
        BRIDGEMAP_FUZZ_CHECK(warnings == diagnostics.warning_count());
        BRIDGEMAP_FUZZ_CHECK(diagnostics.has_errors() == (errors > 0));
        const Inventory inventory = take_inventory(result.network);
        if (!diagnostics.has_errors()) {
            BRIDGEMAP_FUZZ_CHECK(inventory.members == result.network.members.size());
            const Network windowed = apply_window(result.network, parse_window("2018", "2018-06"));
            BRIDGEMAP_FUZZ_CHECK(windowed.members.size() == result.network.members.size());
            (void)take_inventory(windowed);
        }
    } catch (const std::exception& exception) {
        finding(std::string("reading ") + path.string() + " threw: " + exception.what());
    }
}

void finding(std::string_view what) {
    std::fprintf(stderr, "bridgemap fuzz finding: %.*s\n", static_cast<int>(what.size()), what.data());
    std::fflush(stderr);
    std::abort();
}

}  // namespace bridgemap::fuzz
