#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/io/text.hpp>

#include <algorithm>
#include <tuple>

namespace bridgemap {

std::string format_diagnostic(const Diagnostic& diagnostic) {
    std::string text = diagnostic.file;
    if (!diagnostic.sheet.empty()) {
        text += '[';
        text += diagnostic.sheet;
        text += ']';
        if (!diagnostic.cell.empty()) {
            text += '!';
            text += diagnostic.cell;
        }
    } else if (!diagnostic.pointer.empty()) {
        text += ':';
        text += diagnostic.pointer;
    } else if (diagnostic.line > 0) {
        text += ':';
        text += std::to_string(diagnostic.line);
    }
    text += diagnostic.severity == Severity::error ? ": error: " : ": warning: ";
    text += diagnostic.message;
    // Names and ids from the user's files: shown, never obeyed, by a terminal (U+001B, RLO).
    return io::visible(text);
}

void Diagnostics::add(Diagnostic diagnostic) {
    (diagnostic.severity == Severity::error ? errors_ : warnings_) += 1;
    items_.push_back(std::move(diagnostic));
}

void Diagnostics::error(std::string file, std::size_t line, std::string message) {
    add({Severity::error, std::move(file), line, {}, std::move(message), {}, {}});
}

void Diagnostics::warning(std::string file, std::size_t line, std::string message) {
    add({Severity::warning, std::move(file), line, {}, std::move(message), {}, {}});
}

void Diagnostics::error_at(std::string file, std::string pointer, std::string message) {
    add({Severity::error, std::move(file), 0, std::move(pointer), std::move(message), {}, {}});
}

void Diagnostics::warning_at(std::string file, std::string pointer, std::string message) {
    add({Severity::warning, std::move(file), 0, std::move(pointer), std::move(message), {}, {}});
}

void Diagnostics::error_in_sheet(std::string file, std::string sheet, std::size_t row, std::string cell,
                                 std::string message) {
    add({Severity::error, std::move(file), row, {}, std::move(message), std::move(sheet), std::move(cell)});
}

void Diagnostics::warning_in_sheet(std::string file, std::string sheet, std::size_t row, std::string cell,
                                   std::string message) {
    add({Severity::warning, std::move(file), row, {}, std::move(message), std::move(sheet), std::move(cell)});
}

void Diagnostics::sort(const std::vector<std::string>& file_order) {
    const auto rank = [&](const Diagnostic& diagnostic) {
        if (!diagnostic.sheet.empty()) {
            const std::string source = diagnostic.file + "[" + diagnostic.sheet + "]";
            const auto found = std::find(file_order.begin(), file_order.end(), source);
            if (found != file_order.end()) return static_cast<std::size_t>(found - file_order.begin());
        }
        const auto found = std::find(file_order.begin(), file_order.end(), diagnostic.file);
        return static_cast<std::size_t>(found - file_order.begin());
    };
    std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(rank(a), a.file, a.sheet, a.line) < std::tuple(rank(b), b.file, b.sheet, b.line);
    });
}

}  // namespace bridgemap
