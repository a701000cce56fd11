#pragma once
// Problems found in a user's data, collected rather than thrown so that every problem
// is reported in one run, each as `FILE:LINE: error: MESSAGE` (a JSON pointer for JSON input,
// `FILE.xlsx[SHEET]!CELL` for a workbook), in the words of the user's own ids.

#include <cstddef>
#include <string>
#include <vector>

namespace bridgemap {

enum class Severity { warning, error };

/// One problem at one place in the input.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;      ///< The path as the user gave it (folder joined with file name).
    std::size_t line = 0;  ///< 1-based line where the record starts (a workbook's row); 0 when not line-based.
    std::string pointer;   ///< JSON pointer (RFC 6901) for JSON input; empty for CSV.
    std::string message;
    std::string sheet;  ///< Workbook input: the sheet's name; empty otherwise.
    std::string cell;   ///< Workbook input: the cell ("B7"); empty for a whole sheet or workbook.
};

/// Formats `FILE:LINE: error: MESSAGE`, `FILE:/pointer: warning: MESSAGE`,
/// `FILE[SHEET]!CELL: error: MESSAGE`, `FILE[SHEET]: error: MESSAGE` or `FILE: error: MESSAGE`.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// An ordered collection of diagnostics.
class Diagnostics {
public:
    void error(std::string file, std::size_t line, std::string message);
    void warning(std::string file, std::size_t line, std::string message);
    void error_at(std::string file, std::string pointer, std::string message);
    void warning_at(std::string file, std::string pointer, std::string message);
    /// At a cell of a workbook's sheet (`cell` empty: the whole sheet); `row` orders them.
    void error_in_sheet(std::string file, std::string sheet, std::size_t row, std::string cell, std::string message);
    void warning_in_sheet(std::string file, std::string sheet, std::size_t row, std::string cell, std::string message);
    void add(Diagnostic diagnostic);
    /// Counts `count` errors that another diagnostic's message sums up ("... and 199 more dates
    /// written this way"): they count in error_count() without a line of their own.
    void count_summarised_errors(std::size_t count) noexcept { errors_ += count; }

    [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }
    [[nodiscard]] std::size_t warning_count() const noexcept { return warnings_; }
    [[nodiscard]] bool has_errors() const noexcept { return errors_ > 0; }
    [[nodiscard]] const std::vector<Diagnostic>& all() const noexcept { return items_; }

    /// Orders by the given file order (files not listed go last, by name), then by line,
    /// keeping the order of discovery among equals. A workbook's diagnostic is placed by
    /// `FILE[SHEET]` when `file_order` lists it, else by `FILE`, then by sheet name.
    void sort(const std::vector<std::string>& file_order);

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

}  // namespace bridgemap
