#include <bridgemap/viz/markup.hpp>

#include <bridgemap/report/html.hpp>

#include <cstdint>

namespace bridgemap::viz {
namespace {

/// Length of the UTF-8 sequence starting at text[at], or 0 when it is not valid there.
std::size_t utf8_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[at + k]); };
    const std::uint8_t lead = byte(0);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0)
        length = 2, code = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, code = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, code = lead & 0x07;
    else
        return 0;
    if (at + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(k) & 0x3F);
    }
    const bool overlong =
        (length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

}  // namespace

std::string one_line(std::string_view text, std::size_t max_characters) {
    std::string line;
    line.reserve(text.size());
    std::size_t characters = 0;
    bool pending_space = false;
    bool cut = false;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_length(text, at);
        const auto lead = static_cast<std::uint8_t>(text[at]);
        // C0 controls, DEL, and the C1 controls (U+0080–U+009F, two bytes C2 80–C2 9F).
        const bool control = (length == 1 && (lead < 0x20 || lead == 0x7F)) ||
                             (length == 2 && lead == 0xC2 && static_cast<std::uint8_t>(text[at + 1]) < 0xA0);
        if (length == 1 && (lead == ' ' || control)) {
            pending_space = !line.empty();
            ++at;
            continue;
        }
        if (control) {
            pending_space = !line.empty();
            at += length;
            continue;
        }
        if (max_characters != 0 && characters + (pending_space ? 1 : 0) >= max_characters) {
            cut = true;
            break;
        }
        if (pending_space) line += ' ', ++characters, pending_space = false;
        if (length == 0) {
            line += "\uFFFD";
            ++at;
        } else {
            line.append(text.substr(at, length));
            at += length;
        }
        ++characters;
    }
    if (cut) {
        // Make room for the ellipsis.
        while (!line.empty()) {
            const char last = line.back();
            line.pop_back();
            if ((static_cast<std::uint8_t>(last) & 0xC0) != 0x80) break;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        line += "\u2026";
    }
    return line;
}

std::string html_label_text(std::string_view text) {
    // Graphviz reads a backslash in an HTML-like label as an escape: double it after the
    // markup characters are escaped as for any HTML.
    std::string escaped;
    const std::string html = report::html_escape(text);
    escaped.reserve(html.size());
    for (const char c : html) {
        if (c == '\\') escaped += '\\';
        escaped += c;
    }
    return escaped;
}

std::string tooltip_text(std::string_view text) {
    std::string safe;
    safe.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            safe += "\\\\";  // Graphviz reads "\\" in a tooltip as one backslash
        else if (c == '&')
            safe += "&amp;";
        else
            safe += c;
    }
    return safe;
}

std::string xml_text(std::string_view text) {
    return report::html_escape(text);
}

}  // namespace bridgemap::viz
