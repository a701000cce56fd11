#include <bridgemap/io/csv_writer.hpp>

#include <charconv>
#include <cmath>

namespace bridgemap::io {

bool starts_formula(std::string_view text) noexcept {
    if (text.empty()) return false;
    const char first = text.front();
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}

void append_csv_field(std::string& out, std::string_view field) {
    const bool inert = starts_formula(field);
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        if (inert) out.push_back('\'');
        out.append(field);
        return;
    }
    out.push_back('"');
    if (inert) out.push_back('\'');
    for (const char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

std::string format_number(double value) {
    if (std::isnan(value)) return {};
    if (value == 0.0) return "0";  // also turns -0 into 0
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
    return std::string(buffer, result.ptr);
}

void CsvWriter::separator() {
    if (row_started_) out_.push_back(',');
    row_started_ = true;
}

CsvWriter& CsvWriter::field(std::string_view text) {
    separator();
    append_csv_field(out_, text);
    return *this;
}

CsvWriter& CsvWriter::field(double value) {
    separator();
    out_ += format_number(value);
    return *this;
}

CsvWriter& CsvWriter::field(std::int64_t value) {
    separator();
    out_ += std::to_string(value);
    return *this;
}

CsvWriter& CsvWriter::field(std::uint64_t value) {
    separator();
    out_ += std::to_string(value);
    return *this;
}

void CsvWriter::end_row() {
    out_.push_back('\n');
    row_started_ = false;
}

void CsvWriter::row(std::initializer_list<std::string_view> fields) {
    for (const auto field_text : fields) field(field_text);
    end_row();
}

}  // namespace bridgemap::io
