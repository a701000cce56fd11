// Fuzz target: reading a network from a JSON file (ingest/network_reader.hpp, the rows through
// json_rows), then what `bridgemap validate` does with it (fuzz_support.hpp read_and_validate).

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = bridgemap::fuzz::scratch_folder() / "network.json";
    bridgemap::fuzz::write_bytes(file, bridgemap::fuzz::as_text(data, size));
    bridgemap::fuzz::read_and_validate(file);
    return 0;
}
