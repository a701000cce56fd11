// Fuzz target: the workbook reader (ingest/workbook.hpp read_workbook) on an .xlsx file (it reads
// a path), then the same file read as a network and validated. An input that starts with "PK" (a
// zip archive's signature) is the file as it is; any other is a list of the archive's parts that
// fuzz_support.hpp write_zip packs (name, line feed, bytes; parts separated by 0x1E), so that
// mutations reach the XML. Checks that rows come in order without trailing empty cells, and that
// problems are placed in the file.

#include "fuzz_support.hpp"

#include <bridgemap/ingest/workbook.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace bridgemap;
    const auto file = fuzz::scratch_folder() / "network.xlsx";
    const std::string_view input = fuzz::as_text(data, size);
    if (input.starts_with("PK"))
        fuzz::write_bytes(file, input);
    else
        fuzz::write_zip(file, input);
    try {
        Diagnostics diagnostics;
        const ingest::WorkbookLimits limits{64ull << 20, 1'000};
        const auto sheets = ingest::read_workbook(file, diagnostics, limits);
        for (const auto& sheet : sheets) {
            std::size_t previous_row = 0;
            for (const auto& row : sheet.rows) {
                BRIDGEMAP_FUZZ_CHECK(row.row > previous_row);
                BRIDGEMAP_FUZZ_CHECK(!row.cells.empty() && !row.cells.back().empty());
                previous_row = row.row;
            }
        }
        for (const auto& diagnostic : diagnostics.all()) {
            BRIDGEMAP_FUZZ_CHECK(diagnostic.file == file.string());
            BRIDGEMAP_FUZZ_CHECK(!diagnostic.message.empty());
        }
    } catch (const std::exception& exception) {
        fuzz::finding(std::string("read_workbook threw: ") + exception.what());
    }
    fuzz::read_and_validate(file);
    return 0;
}
