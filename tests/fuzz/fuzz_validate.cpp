// Fuzz target: the whole read-and-validate path of a network folder. The input is split at
// every byte 0x1E (ASCII record separator) into the tables of SPEC §1, in order: members.csv,
// organisations.csv, events.csv, attendance.csv, groups.csv, group_members.csv,
// affiliations.csv, ties.csv, sectors.csv; an empty part (or a missing one) is a file left out.
// The folder is then read and validated as `bridgemap validate` does (read_and_validate).

#include "fuzz_support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<const char*, 9> k_files{"members.csv",      "organisations.csv", "events.csv",
                                                        "attendance.csv",   "groups.csv",        "group_members.csv",
                                                        "affiliations.csv", "ties.csv",          "sectors.csv"};
    constexpr char k_separator = '\x1e';
    const auto folder = bridgemap::fuzz::scratch_folder() / "network";
    std::filesystem::create_directories(folder);
    std::string_view rest = bridgemap::fuzz::as_text(data, size);
    for (std::size_t k = 0; k < k_files.size(); ++k) {
        const std::size_t cut = rest.find(k_separator);
        const std::string_view part = rest.substr(0, cut);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
        const auto file = folder / k_files[k];
        if (part.empty()) {
            std::error_code ignored;
            std::filesystem::remove(file, ignored);
        } else {
            bridgemap::fuzz::write_bytes(file, part);
        }
    }
    bridgemap::fuzz::read_and_validate(folder);
    return 0;
}
