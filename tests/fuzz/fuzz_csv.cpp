// Fuzz target: the CSV reader (ingest/csv_reader.hpp) on any bytes, with the delimiter it
// detects and with each of the three it knows. Besides what the sanitizers catch, it checks
// what the reader promises: records in line order, within the text's lines, fields no longer
// than the text, problems on lines that exist.

#include "fuzz_support.hpp"

#include <bridgemap/ingest/csv_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

/// Lines in `text` as the reader counts them: LF, CRLF and a lone CR each end one.
std::size_t count_lines(std::string_view text) {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    }
    return lines;
}

void parse_with(std::string_view text, char delimiter, std::size_t lines) {
    std::vector<bridgemap::ingest::CsvProblem> problems;
    std::size_t previous_last_line = 0;
    std::size_t field_bytes = 0;
    bridgemap::ingest::parse_csv(
        text,
        [&](const bridgemap::ingest::CsvRecord& record) {
            BRIDGEMAP_FUZZ_CHECK(record.line > previous_last_line);
            BRIDGEMAP_FUZZ_CHECK(record.last_line >= record.line);
            BRIDGEMAP_FUZZ_CHECK(record.last_line <= lines);
            BRIDGEMAP_FUZZ_CHECK(!record.fields.empty());
            for (const auto field : record.fields) field_bytes += field.size();
            previous_last_line = record.last_line;
        },
        problems, delimiter);
    BRIDGEMAP_FUZZ_CHECK(field_bytes <= text.size());
    for (const auto& problem : problems) {
        BRIDGEMAP_FUZZ_CHECK(problem.line >= 1 && problem.line <= lines);
        BRIDGEMAP_FUZZ_CHECK(!problem.message.empty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bridgemap::fuzz::as_text(data, size);
    const std::size_t lines = count_lines(text);
    const char detected = bridgemap::ingest::detect_delimiter(text);
    BRIDGEMAP_FUZZ_CHECK(detected == ',' || detected == ';' || detected == '\t');
    BRIDGEMAP_FUZZ_CHECK(!bridgemap::ingest::delimiter_note(detected).empty());
    parse_with(text, detected, lines);
    for (const char delimiter : {',', ';', '\t'}) {
        if (delimiter != detected) parse_with(text, delimiter, lines);
    }
    return 0;
}
