#pragma once
// Writing HTML safely: every piece of text from the data goes through html_escape, so a
// member named <script>alert(1)</script> shows as text.

#include <string>
#include <string_view>

namespace bridgemap::report {

/// Escapes & < > " ' for use in HTML text and attribute values. O(length).
std::string html_escape(std::string_view text);

/// A number for people: `digits` decimals, thousands separated ("12,345", "0.42"); "n/a"
/// for NaN.
std::string format_for_people(double value, int digits);

/// A count with thousands separators ("1,100").
std::string format_count(std::size_t value);

/// A share as a percentage ("6%", "14.5%" below 10 when `precise`); "n/a" for NaN.
std::string format_percent(double share);

}  // namespace bridgemap::report
