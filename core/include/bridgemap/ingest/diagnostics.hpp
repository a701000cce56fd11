#pragma once
// Problems found in a user's data, collected rather than thrown so that every problem
// is reported in one run, each as `FILE:LINE: error: MESSAGE` (or a JSON pointer for JSON
// input), in the words of the user's own ids.

#include <cstddef>
#include <string>
#include <vector>

namespace bridgemap {

enum class Severity { warning, error };

/// One problem at one place in the input.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;      ///< The path as the user gave it (folder joined with file name).
    std::size_t line = 0;  ///< 1-based line where the record starts; 0 when not line-based.
    std::string pointer;   ///< JSON pointer (RFC 6901) for JSON input; empty for CSV.
    std::string message;
};

/// Formats `FILE:LINE: error: MESSAGE`, `FILE:/pointer: warning: MESSAGE` or `FILE: error: MESSAGE`.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// An ordered collection of diagnostics.
class Diagnostics {
public:
    void error(std::string file, std::size_t line, std::string message);
    void warning(std::string file, std::size_t line, std::string message);
    void error_at(std::string file, std::string pointer, std::string message);
    void warning_at(std::string file, std::string pointer, std::string message);
    void add(Diagnostic diagnostic);
    /// Counts `count` errors that another diagnostic's message sums up ("... and 199 more dates
    /// written this way"): they count in error_count() without a line of their own.
    void count_summarised_errors(std::size_t count) noexcept { errors_ += count; }

    [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }
    [[nodiscard]] std::size_t warning_count() const noexcept { return warnings_; }
    [[nodiscard]] bool has_errors() const noexcept { return errors_ > 0; }
    [[nodiscard]] const std::vector<Diagnostic>& all() const noexcept { return items_; }

    /// Orders by the given file order (files not listed go last, by name), then by line,
    /// then by pointer, keeping the order of discovery among equals.
    void sort(const std::vector<std::string>& file_order);

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

}  // namespace bridgemap
