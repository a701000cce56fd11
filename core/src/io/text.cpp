#include <bridgemap/io/text.hpp>
#include <bridgemap/io/utf8.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace bridgemap::io {
namespace {

struct Range {
    char32_t first;
    char32_t last;
};

/// Combining marks and zero-width characters (Unicode general categories Mn, Me and Cf in
/// the blocks names use): they take no column of their own.
constexpr Range k_zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x0900, 0x0902}, {0x093A, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
    {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

/// East Asian wide and fullwidth characters (Unicode's EastAsianWidth W and F): two columns.
constexpr Range k_wide[] = {
    {0x1100, 0x115F}, {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in(const Range (&ranges)[N], char32_t c) noexcept {
    for (const Range& range : ranges) {
        if (c < range.first) return false;  // the ranges are sorted
        if (c <= range.last) return true;
    }
    return false;
}

std::string printed(const char* format, int digits, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, digits, value);
    return buffer;
}

}  // namespace

std::string fixed(double value, int digits) {
    return std::isnan(value) ? "n/a" : printed("%.*f", digits, value);
}

std::string signed_fixed(double value, int digits) {
    if (std::isnan(value)) return "n/a";
    std::string text = printed("%+.*f", digits, value);
    if (text.find_first_not_of("+-0.") == std::string::npos) text[0] = '+';
    return text;
}

std::string significant(double value) {
    return printed("%.*g", 3, value);
}

std::string percent(double share) {
    return std::isnan(share) ? "n/a" : fixed(100.0 * share, 1) + "%";
}

std::string with_thousands(std::size_t value) {
    const std::string digits = std::to_string(value);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) grouped += ',';
        grouped += digits[k];
    }
    return grouped;
}

std::size_t display_width(std::string_view text) noexcept {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (c < 0x300) {
            ++width;
        } else if (!in(k_zero_width, c)) {
            width += in(k_wide, c) ? 2 : 1;
        }
    }
    return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
    const std::size_t columns = display_width(text);
    std::string out(text);
    if (columns < width) out.append(width - columns, ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
    const std::size_t columns = display_width(text);
    std::string out = columns < width ? std::string(width - columns, ' ') : std::string();
    out += text;
    return out;
}

bool is_invisible(char32_t code) noexcept {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0xA0 || code == 0xAD ||
           (code >= 0x200B && code <= 0x200F) || (code >= 0x2028 && code <= 0x202E) ||
           (code >= 0x2060 && code <= 0x2069) || code == 0xFEFF;
}

namespace {

/// `text` with each invisible character shown as <U+XXXX>, except line breaks and tabs when
/// `keep_layout`. One pass over the code points.
std::string shown(std::string_view text, bool keep_layout) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = at;
        const char32_t code = next_code_point(text, at);
        if (!is_invisible(code) || (keep_layout && (code == '\n' || code == '\t'))) {
            out.append(text.substr(start, at - start));
            continue;
        }
        char name[16];
        std::snprintf(name, sizeof name, "<U+%04X>", static_cast<unsigned>(code));
        out += name;
    }
    return out;
}

}  // namespace

std::string visible(std::string_view text) {
    return shown(text, false);
}

std::string terminal_safe(std::string_view text) {
    return shown(text, true);
}

std::string in_quotes(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    return out.append(1, '"').append(visible(text)).append(1, '"');
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string x = decode_utf8(a);
    const std::u32string y = decode_utf8(b);
    // Three rows: two back for a swap, the last, and the one being filled.
    std::vector<std::size_t> before(y.size() + 1);
    std::vector<std::size_t> last(y.size() + 1);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) last[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, last);
        std::swap(last, row);
    }
    return last[y.size()];
}

}  // namespace bridgemap::io
