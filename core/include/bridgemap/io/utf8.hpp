#pragma once
// UTF-8 validation. Input files must be valid UTF-8; invalid bytes are reported with their
// position rather than passed on into outputs.

#include <cstddef>
#include <optional>
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

/// Number of Unicode code points in valid UTF-8 `text`.
std::size_t utf8_length(std::string_view text) noexcept;

}  // namespace bridgemap::io
