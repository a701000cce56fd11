#pragma once
// UTF-8 validation. Input files must be valid UTF-8; invalid bytes are reported with their
// position rather than passed on into outputs.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bridgemap::io {

/// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF are invalid), or nullopt when `text` is valid.
/// O(length), with an ASCII fast path.
std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/// True when `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) noexcept {
    return !find_invalid_utf8(text);
}

/// The code point of valid UTF-8 `text` starting at byte `at`, and moves `at` past it. On a
/// truncated sequence it reads what is there. O(1).
char32_t next_code_point(std::string_view text, std::size_t& at) noexcept;

/// Number of Unicode code points in valid UTF-8 `text`.
std::size_t utf8_length(std::string_view text) noexcept;

/// The code points of UTF-8 `text`; a byte that starts no valid sequence becomes U+FFFD. O(length).
std::u32string decode_utf8(std::string_view text);

/// Appends code point `code` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t code);

/// The lower-case letter of `code` for ASCII, Latin-1, Latin Extended-A, basic Greek and
/// basic Cyrillic capitals ('É' -> 'é', 'Ł' -> 'ł', 'Σ' -> 'σ', 'Д' -> 'д'); other code points
/// unchanged. A small simple case fold, not Unicode's full one (no 'ß' -> "ss"). O(1).
char32_t fold_case(char32_t code) noexcept;

/// `text` with every code point folded by fold_case. O(length).
std::string fold_case(std::string_view text);

}  // namespace bridgemap::io
