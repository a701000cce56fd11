#pragma once
// RFC 4180 output: fields containing a comma, quote, CR or LF are quoted, quotes doubled;
// records end in LF. Numbers are written with 12 significant digits.
//
// Spreadsheet safety (OWASP "CSV injection"): a text field that begins with =, +, -, @, a tab
// or a carriage return would be taken for a formula by Excel and LibreOffice; it is written
// with a single quote before it ('=SUM(A1) stays text). Numbers bridgemap formats itself go
// through the numeric overloads and are never changed: -0.25 stays a number.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace bridgemap::io {

/// Appends the text `field` to `out`: with a leading ' when it would start a formula
/// (starts_formula()), quoted if it needs to be.
void append_csv_field(std::string& out, std::string_view field);

/// True when a spreadsheet would read `text` as a formula: it begins with =, +, -, @, a tab
/// or a carriage return.
bool starts_formula(std::string_view text) noexcept;

/// `value` rounded to 12 significant digits, without trailing zeros: 0.5, 1e-07, 3 (for
/// 2.9999999999999964, a sum of fractions). Twelve digits keep every metric's meaning and
/// drop floating-point noise a spreadsheet user would take for an error. NaN is written as
/// an empty string; -0 as 0.
std::string format_number(double value);

/// Builds CSV text row by row.
class CsvWriter {
public:
    explicit CsvWriter(std::string& out) : out_(out) {}

    /// A text field (made inert for spreadsheets, see above).
    CsvWriter& field(std::string_view text);
    /// Without this, a string literal would pick the bool overload.
    CsvWriter& field(const char* text) { return field(std::string_view(text)); }
    CsvWriter& field(const std::string& text) { return field(std::string_view(text)); }
    CsvWriter& field(double value);
    CsvWriter& field(std::int64_t value);
    CsvWriter& field(std::uint64_t value);
    CsvWriter& field(int value) { return field(static_cast<std::int64_t>(value)); }
    CsvWriter& field(unsigned value) { return field(static_cast<std::uint64_t>(value)); }
    CsvWriter& field(bool value) { return field(std::string_view(value ? "true" : "false")); }
    CsvWriter& empty_field() { return field(std::string_view()); }
    /// Ends the current row.
    void end_row();
    /// Writes a whole row of text fields.
    void row(std::initializer_list<std::string_view> fields);

private:
    void separator();
    std::string& out_;
    bool row_started_ = false;
};

}  // namespace bridgemap::io
