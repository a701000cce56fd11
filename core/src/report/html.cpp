#include <bridgemap/report/html.hpp>

#include <cmath>
#include <cstdio>

namespace bridgemap::report {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string format_count(std::size_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string format_for_people(double value, int digits) {
    if (std::isnan(value)) return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, std::abs(value));
    std::string text = buffer;
    const auto point = text.find('.');
    std::string whole = text.substr(0, point);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    const bool negative = value < 0 && std::stod(text) != 0.0;
    return (negative ? "\u2212" : "") + grouped + (point == std::string::npos ? "" : text.substr(point));
}

std::string format_percent(double share) {
    if (std::isnan(share)) return "n/a";
    const double percent = 100.0 * share;
    return format_for_people(percent, percent != 0.0 && std::abs(percent) < 10.0 ? 1 : 0) + "%";
}

}  // namespace bridgemap::report
