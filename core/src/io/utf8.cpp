#include <bridgemap/io/utf8.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace bridgemap::io {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // ASCII fast path: eight bytes at a time.
        if (i + 8 <= size) {
            std::uint64_t block;
            std::memcpy(&block, bytes + i, 8);
            if ((block & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        std::uint32_t min_code;
        std::uint32_t code;
        if ((lead & 0xE0) == 0xC0) {
            length = 2, min_code = 0x80, code = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, min_code = 0x800, code = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, min_code = 0x10000, code = lead & 0x07;
        } else {
            return i;
        }
        if (i + length > size) return i;
        for (std::size_t k = 1; k < length; ++k) {
            const unsigned char next = bytes[i + k];
            if ((next & 0xC0) != 0x80) return i;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
        i += length;
    }
    return std::nullopt;
}

std::size_t utf8_length(std::string_view text) noexcept {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

char32_t next_code_point(std::string_view text, std::size_t& at) noexcept {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    for (std::size_t k = 1; k < length && at + k < text.size(); ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    }
    at += length;
    return code;
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string codes;
    codes.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto bad = find_invalid_utf8(text.substr(i, std::min<std::size_t>(4, text.size() - i)));
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
        if (bad == std::size_t{0} || i + length > text.size()) {
            codes.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t code = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        codes.push_back(code);
        i += length;
    }
    return codes;
}

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

char32_t fold_case(char32_t code) noexcept {
    if (code >= U'A' && code <= U'Z') return code + 32;
    if (code < 0xC0) return code;
    if (code <= 0xDE) return code == 0xD7 ? code : code + 32;                    // À-Þ, not ×
    if (code == 0x130) return U'i';                                              // İ
    if (code >= 0x100 && code <= 0x137) return code | 1;                         // Ā-ķ: capitals even
    if (code >= 0x139 && code <= 0x148) return code % 2 == 1 ? code + 1 : code;  // Ĺ-ň: capitals odd
    if (code >= 0x14A && code <= 0x177) return code | 1;                         // Ŋ-ŷ: capitals even
    if (code == 0x178) return 0xFF;                                              // Ÿ
    if (code >= 0x179 && code <= 0x17E) return code % 2 == 1 ? code + 1 : code;  // Ź-ž
    if (code >= 0x391 && code <= 0x3AB && code != 0x3A2) return code + 32;       // Greek Α-Ϋ
    if (code >= 0x410 && code <= 0x42F) return code + 32;                        // Cyrillic А-Я
    if (code >= 0x400 && code <= 0x40F) return code + 80;                        // Cyrillic Ѐ-Џ
    return code;
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t code : decode_utf8(text)) append_utf8(out, fold_case(code));
    return out;
}

}  // namespace bridgemap::io
