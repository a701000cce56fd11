#include <bridgemap/report/html.hpp>

#include <bridgemap/io/text.hpp>

#include <algorithm>
#include <cmath>
#include <string>

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
    return io::with_thousands(value);
}

std::string format_for_people(double value, int digits) {
    if (std::isnan(value)) return "n/a";
    const std::string text = io::fixed(std::abs(value), digits);
    const auto point = std::min(text.find('.'), text.size());
    // Whole parts beyond 18 digits (never a count or score of a network) are left ungrouped.
    const std::string grouped =
        point <= 18 ? io::with_thousands(std::stoull(text.substr(0, point))) : text.substr(0, point);
    const bool negative = value < 0 && std::stod(text) != 0.0;
    return (negative ? "\u2212" : "") + grouped + text.substr(point);
}

std::string format_percent(double share) {
    if (std::isnan(share)) return "n/a";
    const double percent = 100.0 * share;
    return format_for_people(percent, percent != 0.0 && std::abs(percent) < 10.0 ? 1 : 0) + "%";
}

}  // namespace bridgemap::report
