#pragma once
// Numbers and columns for people to read: the one place that formats a number with a fixed
// count of decimals, groups thousands, or pads text to a column. Columns are measured in
// display width (what a terminal shows), never in bytes, so that "Matthäus", "Phạm" and
// "市民" line up with ASCII names.

#include <cstddef>
#include <string>
#include <string_view>

namespace bridgemap::io {

/// `value` with `digits` decimals ("0.432"); "n/a" for NaN.
std::string fixed(double value, int digits);

/// `value` with `digits` decimals and its sign ("+0.12", "-0.03"); a value that rounds to
/// zero is "+0.00" whatever its sign; "n/a" for NaN.
std::string signed_fixed(double value, int digits);

/// Three significant digits ("0.149", "0.00312").
std::string significant(double value);

/// A share as a percentage with one decimal ("42.5%"); "n/a" for NaN.
std::string percent(double share);

/// A whole number with its thousands grouped by commas ("133,740").
std::string with_thousands(std::size_t value);

/// Columns a terminal gives valid UTF-8 `text`: one per code point, none for combining marks
/// and zero-width characters, two for East Asian wide and fullwidth characters. O(length).
std::size_t display_width(std::string_view text) noexcept;

/// `text` followed by spaces up to `width` columns (left-aligned); unchanged when wider.
std::string pad_right(std::string_view text, std::size_t width);

/// Spaces and then `text`, up to `width` columns (right-aligned); unchanged when wider.
std::string pad_left(std::string_view text, std::size_t width);

/// Whether `code` is a character a reader cannot see or that acts on a terminal or on the
/// direction of text: C0 and C1 controls (escape, bell, NUL), DEL, the no-break space, the soft
/// hyphen, zero-width characters, line and paragraph separators, bidirectional controls (RLO)
/// and the byte-order mark.
bool is_invisible(char32_t code) noexcept;

/// `text` with each invisible character (is_invisible) shown as <U+XXXX>, so that messages and
/// text on a terminal show what is there and cannot be driven by it: "kathy-evans<U+00A0>".
std::string visible(std::string_view text);

/// `text` for a terminal: as visible(), but line breaks and tabs kept. For the text outputs
/// that print names (introduce, seat), so that a name cannot clear the screen or reverse a line.
std::string terminal_safe(std::string_view text);

/// `text` in double quotes, for messages that name the user's ids and values: "m-7";
/// invisible characters shown as visible() shows them.
std::string in_quotes(std::string_view text);

/// Edit distance between `a` and `b` counted in code points: insertions, deletions, substitutions
/// and swaps of two adjacent code points cost one each (optimal string alignment: "buisness" is 1
/// from "business"; "ca" is 3 from "abc"). For "did you mean", sector look-alikes and name
/// matching. O(|a| · |b|) time, O(|b|) memory.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace bridgemap::io
