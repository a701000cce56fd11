#include <bridgemap/io/utf8.hpp>

#include <gtest/gtest.h>

namespace bridgemap::io {
namespace {

TEST(FindInvalidUtf8, AcceptsAsciiAndMultiByteLetters) {
    EXPECT_FALSE(find_invalid_utf8(""));
    EXPECT_FALSE(find_invalid_utf8("plain ascii text that is longer than eight bytes"));
    EXPECT_FALSE(find_invalid_utf8("Zo\xC3\xAB Siobh\xC3\xA1n \xC5\x81ukasz Nguy\xE1\xBB\x85n \xF0\x9F\x99\x82"));
}

TEST(FindInvalidUtf8, FindsTheFirstBadByte) {
    // Latin-1 "é" (0xE9) where UTF-8 is expected: "Beyonc" 6 bytes + "é" 2 + " Andr" 5 = offset 13.
    EXPECT_EQ(find_invalid_utf8("Beyonc\xC3\xA9 Andr\xE9"), std::optional<std::size_t>(13));
    EXPECT_EQ(find_invalid_utf8("\xFF"), std::optional<std::size_t>(0));
    EXPECT_EQ(find_invalid_utf8("abc\x80"), std::optional<std::size_t>(3));  // lone continuation byte
}

TEST(FindInvalidUtf8, RejectsOverlongSurrogatesTruncatedAndTooLarge) {
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), std::optional<std::size_t>(0));          // overlong "/"
    EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), std::optional<std::size_t>(0));      // overlong, 3 bytes
    EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), std::optional<std::size_t>(1));     // U+D800 surrogate
    EXPECT_EQ(find_invalid_utf8("ab\xE2\x82"), std::optional<std::size_t>(2));        // cut short
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), std::optional<std::size_t>(0));  // U+110000
    EXPECT_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));                              // U+10FFFF is fine
}

TEST(Utf8Length, CountsCodePoints) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("Zo\xC3\xAB"), 3u);
    EXPECT_EQ(utf8_length("\xF0\x9F\x99\x82!"), 2u);
}

TEST(DecodeUtf8, CodePointsRoundTripThroughAppendUtf8) {
    const std::string text = "a\u00E9\u5E02\U0001F642";  // a é 市 🙂: 1, 2, 3 and 4 bytes
    EXPECT_EQ(decode_utf8(text), (std::u32string{U'a', 0xE9, 0x5E02, 0x1F642}));
    std::string back;
    for (const char32_t code : decode_utf8(text)) append_utf8(back, code);
    EXPECT_EQ(back, text);
    std::size_t at = 1;
    EXPECT_EQ(next_code_point(text, at), 0xE9u);
    EXPECT_EQ(at, 3u);
}

TEST(FoldCase, LatinGreekAndCyrillicCapitalsOnly) {
    EXPECT_EQ(fold_case("HELEN Shah"), "helen shah");
    EXPECT_EQ(fold_case("\u00C9LODIE \u00D8STERG\u00C5RD"), "\u00E9lodie \u00F8sterg\u00E5rd");  // ÉLODIE ØSTERGÅRD
    EXPECT_EQ(fold_case("\u0141UKASZ \u017B\u00D3\u0141W"), "\u0142ukasz \u017C\u00F3\u0142w");  // ŁUKASZ ŻÓŁW
    EXPECT_EQ(fold_case("\u03A9\u0414"), "\u03C9\u0434");                                        // Ω Д
    EXPECT_EQ(fold_case("\u00D7\u00DF\u5E02"), "\u00D7\u00DF\u5E02");  // ×, ß and 市 have no lower case here
    EXPECT_EQ(fold_case(U'\u0178'), U'\u00FF');                        // Ÿ → ÿ
    EXPECT_EQ(fold_case(U'\u0139'), U'\u013A');                        // Ĺ → ĺ (odd capitals in this run)
}

TEST(FoldCase, AsciiLatinGreekAndCyrillicCapitals) {
    EXPECT_EQ(fold_case("PUBLIC Sector"), "public sector");
    EXPECT_EQ(fold_case("ÉCOLE ÀÖØÞ"), "école àöøþ");
    EXPECT_EQ(fold_case("ŁÓDŹ ŒUVRE Ÿ"), "łódź œuvre ÿ");
    EXPECT_EQ(fold_case("ΣΩ Д"), "σω д");
    EXPECT_EQ(fold_case("× ß 市民"), "× ß 市民");  // not letters with a simple capital: unchanged
    EXPECT_EQ(fold_case(std::string("a\xFF"
                                    "B")),
              "a\xEF\xBF\xBD"
              "b");  // a bad byte becomes U+FFFD
}

TEST(DecodeUtf8, CodePointsAndBack) {
    const std::u32string codes = decode_utf8("aé市😀");
    EXPECT_EQ(codes, (std::u32string{U'a', U'\u00E9', U'\u5E02', U'\U0001F600'}));
    std::string back;
    for (const char32_t code : codes) append_utf8(back, code);
    EXPECT_EQ(back, "aé市😀");
}
}  // namespace
}  // namespace bridgemap::io
