#include <bridgemap/error.hpp>
#include <bridgemap/ingest/workbook.hpp>
#include <bridgemap/io/utf8.hpp>

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>

namespace bridgemap::ingest {

std::string column_letters(std::size_t column) {
    std::string letters;
    std::size_t n = column + 1;  // bijective base 26: A = 1, Z = 26, AA = 27
    while (n > 0) {
        const std::size_t digit = (n - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + digit));
        n = (n - 1) / 26;
    }
    return letters;
}

std::string cell_reference(std::size_t column, std::size_t row) {
    return column_letters(column) + std::to_string(row);
}

namespace {

constexpr std::size_t k_max_columns = 16'384;  // XFD, Excel's last column
constexpr std::size_t k_max_rows = 1'048'576;
constexpr char k_namespace_separator = '\x01';

/// The local part of an expat name "namespace\x01local" (or the name when it has no namespace).
std::string_view local_name(const XML_Char* name) {
    const std::string_view full(name);
    const auto cut = full.rfind(k_namespace_separator);
    return cut == std::string_view::npos ? full : full.substr(cut + 1);
}

/// The attribute whose local name is `wanted`, or nullptr.
const XML_Char* attribute(const XML_Char** attributes, std::string_view wanted) {
    for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
        if (local_name(attributes[i]) == wanted) return attributes[i + 1];
    }
    return nullptr;
}

/// The code unit of an `_xHHHH_` escape starting at `at`, if there is one.
std::optional<std::uint32_t> escape_at(std::string_view text, std::size_t at) {
    if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return std::nullopt;
    std::uint32_t code = 0;
    const auto [end, error] = std::from_chars(text.data() + at + 2, text.data() + at + 6, code, 16);
    if (error != std::errc() || end != text.data() + at + 6) return std::nullopt;
    return code;
}

/// Decodes the `_xHHHH_` escapes (ECMA-376 Part 1, §22.9.2.19 ST_Xstring) by which a workbook
/// stores characters XML cannot hold; `_x005F_` escapes the underscore of a literal "_xHHHH_".
/// A surrogate pair arrives as two escapes; a lone surrogate is left as it was written.
std::string decode_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto code = escape_at(text, i);
        if (!code) {
            out += text[i++];
            continue;
        }
        if (*code >= 0xD800 && *code <= 0xDBFF) {
            const auto low = escape_at(text, i + 7);
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                io::append_utf8(out, 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00));
                i += 14;
                continue;
            }
        }
        if (*code >= 0xD800 && *code <= 0xDFFF) {
            out += text.substr(i, 7);
        } else {
            io::append_utf8(out, *code);
        }
        i += 7;
    }
    return out;
}

/// Shortest text that reads back as `value`, laid out as ECMAScript's Number::toString does:
/// plain digits for 1e-7 <= |value| < 1e21 ("1", "0.1", "123456789012"), else "1e+21", "1.5e-8".
std::string shortest_number(double value) {
    if (value == 0) return "0";
    std::array<char, 64> buffer{};
    const auto [end, error] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific);
    const std::string_view scientific(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    // scientific is "-d.ddde+XX": split into sign, digits and exponent.
    std::string sign;
    std::string_view rest = scientific;
    if (rest.front() == '-') {
        sign = "-";
        rest.remove_prefix(1);
    }
    const auto e = rest.find('e');
    std::string digits;
    for (const char c : rest.substr(0, e)) {
        if (c != '.') digits += c;
    }
    int exponent = 0;
    std::string_view exponent_text = rest.substr(e + 1);
    if (exponent_text.front() == '+') exponent_text.remove_prefix(1);
    std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;  // value = 0.digits * 10^n
    if (k <= n && n <= 21) return sign + digits + std::string(static_cast<std::size_t>(n - k), '0');
    if (0 < n && n <= 21) {
        return sign + digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
    }
    if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    std::string out = sign + digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += n - 1 >= 0 ? "e+" : "e-";
    out += std::to_string(std::abs(n - 1));
    return out;
}

/// What a cell's number format makes of its number.
enum class NumberKind { number, date, time };

/// Whether a format code shows a date or a time: it holds d, m or y (date) or h or s (time)
/// outside quoted text, [brackets] and backslash escapes. Only the first section counts.
NumberKind format_code_kind(std::string_view code) {
    bool date = false;
    bool time = false;
    bool month = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == ';') break;
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '[') {
            const auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const std::string_view inside = code.substr(i + 1, close - i - 1);
            if (inside == "h" || inside == "hh" || inside == "m" || inside == "mm" || inside == "s" || inside == "ss")
                time = true;  // elapsed time, [h]:mm:ss
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or a fill or width)
        } else if (c == 'd' || c == 'y') {
            date = true;
        } else if (c == 'm') {
            month = true;
        } else if (c == 'h' || c == 's') {
            time = true;
        }
    }
    if (date || (month && !time)) return NumberKind::date;
    return time ? NumberKind::time : NumberKind::number;
}

/// Built-in number formats (ECMA-376 Part 1, §18.8.30): 14-17 and 22 dates, 18-21 and 45-47 times.
NumberKind builtin_format_kind(unsigned id) {
    if ((id >= 14 && id <= 17) || id == 22) return NumberKind::date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberKind::time;
    return NumberKind::number;
}

/// Days from 1970-01-01 to a civil date's inverse: the civil date of a day count (Howard Hinnant's algorithm).
void civil_from_days(long long days, long long& year, unsigned& month, unsigned& day) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

std::string two_digits(unsigned value) {
    return std::string(1, static_cast<char>('0' + value / 10 % 10)) + static_cast<char>('0' + value % 10);
}

/// The text of a date or time serial. 1900 system: serial 1 is 1900-01-01, and Excel counts a
/// 1900-02-29 that never was (serial 60), so serials from 61 on are one day later than a plain
/// count from 1899-12-31. 1904 system: serial 0 is 1904-01-01. Times are rounded to the second.
std::optional<std::string> serial_text(double serial, bool date1904, NumberKind kind) {
    if (!(serial >= 0) || serial >= 2958466) return std::nullopt;  // Excel's range ends at 9999-12-31
    auto seconds = static_cast<long long>(std::llround(serial * 86400.0));
    long long whole_days = seconds / 86400;
    const long long second_of_day = seconds % 86400;
    std::string time = two_digits(static_cast<unsigned>(second_of_day / 3600)) + ":" +
                       two_digits(static_cast<unsigned>(second_of_day / 60 % 60)) + ":" +
                       two_digits(static_cast<unsigned>(second_of_day % 60));
    if (kind == NumberKind::time && whole_days == 0) return time;
    std::string date;
    if (!date1904 && whole_days == 60) {
        date = "1900-02-29";
    } else {
        // Days from 1970-01-01: 1899-12-31 is -25568, 1904-01-01 is -24107.
        const long long days = date1904 ? whole_days - 24107 : whole_days - 25568 - (whole_days > 60 ? 1 : 0);
        long long year = 0;
        unsigned month = 0;
        unsigned day = 0;
        civil_from_days(days, year, month, day);
        date = std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
    }
    if (second_of_day != 0) date += " " + time;
    return date;
}

/// A cell reference "B7" (or "B"): its 0-based column and its row (0 when absent).
std::optional<std::pair<std::size_t, std::size_t>> parse_reference(std::string_view text) {
    std::size_t i = 0;
    std::size_t column = 0;
    while (i < text.size() && text[i] >= 'A' && text[i] <= 'Z') {
        column = column * 26 + static_cast<std::size_t>(text[i] - 'A' + 1);
        if (column > k_max_columns) return std::nullopt;
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::size_t row = 0;
    if (i < text.size()) {
        const auto [end, error] = std::from_chars(text.data() + i, text.data() + text.size(), row);
        if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    }
    return std::pair(column - 1, row);
}

/// Joins a relationship's target to the folder of the part that holds it ("xl/"), resolving
/// "." and ".." segments; a target starting with "/" is taken from the root of the package.
std::string resolve_target(std::string_view base_folder, std::string_view target) {
    std::string joined =
        target.starts_with('/') ? std::string(target.substr(1)) : std::string(base_folder) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        auto slash = joined.find('/', start);
        if (slash == std::string::npos) slash = joined.size();
        const std::string segment = joined.substr(start, slash - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& segment : segments) out += (out.empty() ? "" : "/") + segment;
    return out;
}

std::string folder_of(std::string_view part) {
    const auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

/// Receives the events of one XML part.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const XML_Char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
};

struct ZipCloser {
    void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};
struct ParserFreer {
    void operator()(XML_ParserStruct* parser) const noexcept { XML_ParserFree(parser); }
};

/// One workbook being read: the zip, the byte budget and where problems go.
class WorkbookReader {
public:
    WorkbookReader(const std::filesystem::path& path, Diagnostics& diagnostics, const WorkbookLimits& limits)
        : file_(path.string()), diagnostics_(diagnostics), limits_(limits) {}

    std::vector<Sheet> read(const std::filesystem::path& path);

private:
    /// A problem with the workbook as a whole.
    void problem(std::string message) { diagnostics_.error(file_, 0, std::move(message)); }

    /// Streams the part `name` through `handler`. Reports (at `sheet`, or at the workbook when
    /// empty) and returns false when it is missing, over the budget or not well-formed XML.
    bool parse_part(const std::string& name, XmlHandler& handler, const std::string& sheet = {});

    bool exists(const std::string& name) const { return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0; }

    std::string file_;
    Diagnostics& diagnostics_;
    WorkbookLimits limits_;
    std::unique_ptr<zip_t, ZipCloser> archive_;
    std::uint64_t bytes_read_ = 0;
    bool over_budget_ = false;
};

bool WorkbookReader::parse_part(const std::string& name, XmlHandler& handler, const std::string& sheet) {
    const auto report = [&](std::string message) {
        if (sheet.empty())
            problem(std::move(message));
        else
            diagnostics_.error_in_sheet(file_, sheet, 0, {}, std::move(message));
    };
    if (over_budget_) return false;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) {
        report("the workbook has no part " + name + "; is it a damaged .xlsx?");
        return false;
    }
    std::unique_ptr<zip_file_t, ZipFileCloser> entry(zip_fopen_index(archive_.get(), stat.index, 0));
    if (!entry) {
        report("cannot unpack " + name + ": " + zip_strerror(archive_.get()));
        return false;
    }
    std::unique_ptr<XML_ParserStruct, ParserFreer> parser(XML_ParserCreateNS("UTF-8", k_namespace_separator));
    if (!parser) throw std::bad_alloc();
    struct Context {
        XmlHandler* handler;
        bool has_doctype;
    } context{&handler, false};
    XML_SetUserData(parser.get(), &context);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* element, const XML_Char** attributes) {
            static_cast<Context*>(data)->handler->start(local_name(element), attributes);
        },
        [](void* data, const XML_Char* element) { static_cast<Context*>(data)->handler->end(local_name(element)); });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
        static_cast<Context*>(data)->handler->text(std::string_view(text, static_cast<std::size_t>(length)));
    });
    // Office parts never declare a DTD; refusing one shuts out entity expansion altogether.
    XML_SetStartDoctypeDeclHandler(parser.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*,
                                                    int) { static_cast<Context*>(data)->has_doctype = true; });

    std::array<char, 1 << 16> buffer;
    std::uint64_t part_bytes = 0;
    for (;;) {
        const zip_int64_t got = zip_fread(entry.get(), buffer.data(), buffer.size());
        if (got < 0) {
            report("cannot unpack " + name + ": " + zip_file_strerror(entry.get()));
            return false;
        }
        part_bytes += static_cast<std::uint64_t>(got);
        bytes_read_ += static_cast<std::uint64_t>(got);
        if (bytes_read_ > limits_.max_uncompressed_bytes) {
            over_budget_ = true;
            problem("the workbook unpacks to more than " + std::to_string(limits_.max_uncompressed_bytes) +
                    " bytes (while reading " + name + "); it is too big or not an ordinary workbook");
            return false;
        }
        if ((stat.valid & ZIP_STAT_SIZE) != 0 && part_bytes > stat.size) {
            over_budget_ = true;  // a zip that lies about its sizes is not read any further
            problem(name + " unpacks to more bytes than the zip declares; it is damaged or not an ordinary workbook");
            return false;
        }
        const bool last = got == 0;
        if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), last ? 1 : 0) == XML_STATUS_ERROR ||
            context.has_doctype) {
            report(name + " is not a well-formed workbook part: " +
                   (context.has_doctype ? std::string("it declares a DTD")
                                        : std::string(XML_ErrorString(XML_GetErrorCode(parser.get())))) +
                   " (line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ")");
            return false;
        }
        if (last) break;
    }
    return true;
}

/// _rels/.rels and xl/_rels/workbook.xml.rels: relationship id -> (type, resolved target).
class RelationshipsHandler : public XmlHandler {
public:
    struct Relationship {
        std::string type;  ///< The last segment of the type URI: "worksheet", "sharedStrings", ...
        std::string target;
    };
    explicit RelationshipsHandler(std::string base_folder) : base_folder_(std::move(base_folder)) {}

    void start(std::string_view name, const XML_Char** attributes) override {
        if (name != "Relationship") return;
        const XML_Char* id = attribute(attributes, "Id");
        const XML_Char* type = attribute(attributes, "Type");
        const XML_Char* target = attribute(attributes, "Target");
        const XML_Char* mode = attribute(attributes, "TargetMode");
        if (id == nullptr || type == nullptr || target == nullptr) return;
        if (mode != nullptr && std::string_view(mode) == "External") return;
        std::string_view kind(type);
        kind = kind.substr(kind.rfind('/') + 1);
        relationships[id] = {std::string(kind), resolve_target(base_folder_, target)};
    }
    void end(std::string_view) override {}

    /// The target of the first relationship of `type`, or "".
    std::string first_of_type(std::string_view type) const {
        for (const auto& [id, relationship] : relationships) {
            if (relationship.type == type) return relationship.target;
        }
        return {};
    }

    std::map<std::string, Relationship> relationships;

private:
    std::string base_folder_;
};

/// xl/workbook.xml: the sheets in tab order and the date system.
class WorkbookPartHandler : public XmlHandler {
public:
    struct SheetEntry {
        std::string name;
        std::string relationship;
    };
    void start(std::string_view name, const XML_Char** attributes) override {
        if (name == "workbookPr") {
            const XML_Char* value = attribute(attributes, "date1904");
            date1904 = value != nullptr && (std::string_view(value) == "1" || std::string_view(value) == "true");
        } else if (name == "sheet") {
            const XML_Char* sheet_name = attribute(attributes, "name");
            const XML_Char* id = attribute(attributes, "id");  // r:id
            if (sheet_name != nullptr && id != nullptr) sheets.push_back({sheet_name, id});
        }
    }
    void end(std::string_view) override {}

    std::vector<SheetEntry> sheets;
    bool date1904 = false;
};

/// Collects the text of <t> elements inside a string item (<si> or <is>), leaving out the
/// phonetic runs (<rPh>), and decodes the _xHHHH_ escapes at the end.
class StringItem {
public:
    void start(std::string_view name) {
        if (name == "rPh") ++phonetic_depth_;
        if (name == "t" && phonetic_depth_ == 0) in_text_ = true;
    }
    void end(std::string_view name) {
        if (name == "rPh") --phonetic_depth_;
        if (name == "t") in_text_ = false;
    }
    void text(std::string_view text) {
        if (in_text_) raw_ += text;
    }
    std::string take() {
        std::string out = decode_escapes(raw_);
        raw_.clear();
        in_text_ = false;
        phonetic_depth_ = 0;
        return out;
    }

private:
    std::string raw_;
    bool in_text_ = false;
    int phonetic_depth_ = 0;
};

/// xl/sharedStrings.xml.
class SharedStringsHandler : public XmlHandler {
public:
    void start(std::string_view name, const XML_Char**) override {
        if (name == "si") {
            in_item_ = true;
        } else if (in_item_) {
            item_.start(name);
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(item_.take());
            in_item_ = false;
        } else if (in_item_) {
            item_.end(name);
        }
    }
    void text(std::string_view text) override { item_.text(text); }

    std::vector<std::string> strings;

private:
    StringItem item_;
    bool in_item_ = false;
};

/// xl/styles.xml: what each cell style (an index into cellXfs) makes of numbers.
class StylesHandler : public XmlHandler {
public:
    void start(std::string_view name, const XML_Char** attributes) override {
        if (name == "numFmt") {
            const XML_Char* id = attribute(attributes, "numFmtId");
            const XML_Char* code = attribute(attributes, "formatCode");
            if (id != nullptr && code != nullptr) custom_[number(id)] = format_code_kind(code);
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            const XML_Char* id = attribute(attributes, "numFmtId");
            format_ids_.push_back(id == nullptr ? 0 : number(id));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }

    /// The kind of number style `index` shows (NumberKind::number for an unknown style).
    std::vector<NumberKind> kinds() const {
        std::vector<NumberKind> out;
        for (const unsigned id : format_ids_) {
            const auto found = custom_.find(id);
            out.push_back(found != custom_.end() ? found->second : builtin_format_kind(id));
        }
        return out;
    }

private:
    static unsigned number(std::string_view text) {
        unsigned value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        return value;
    }
    std::map<unsigned, NumberKind> custom_;
    std::vector<unsigned> format_ids_;
    bool in_cell_xfs_ = false;
};

/// One worksheet part: <sheetData><row r><c r t s><v/><is/></c></row></sheetData>.
class SheetHandler : public XmlHandler {
public:
    SheetHandler(Sheet& sheet, const std::string& file, Diagnostics& diagnostics,
                 const std::vector<std::string>& shared_strings, const std::vector<NumberKind>& styles, bool date1904)
        : sheet_(sheet),
          file_(file),
          diagnostics_(diagnostics),
          shared_strings_(shared_strings),
          styles_(styles),
          date1904_(date1904) {}

    void start(std::string_view name, const XML_Char** attributes) override {
        if (name == "sheetData") {
            in_data_ = true;
        } else if (!in_data_) {
            return;
        } else if (name == "row") {
            const XML_Char* r = attribute(attributes, "r");
            std::size_t number = row_number_ + 1;
            if (r != nullptr) {
                const std::string_view text(r);
                std::from_chars(text.data(), text.data() + text.size(), number);
            }
            number = std::clamp<std::size_t>(number, 1, k_max_rows);
            // Rows come in increasing order in any workbook a spreadsheet program saved; one that
            // goes back would be read as a second row of that number (a second header, a row
            // reported twice), so it is an error and left out.
            skip_row_ = row_seen_ && number <= row_number_;
            row_seen_ = true;
            if (skip_row_) {
                diagnostics_.error_in_sheet(file_, sheet_.name, number, cell_reference(0, number),
                                            "row " + std::to_string(number) + " comes after row " +
                                                std::to_string(row_number_) +
                                                ": the sheet's rows are out of order, so the workbook is damaged; "
                                                "this row is left out (save the workbook again)");
            }
            if (!skip_row_) row_number_ = number;
            cells_.clear();
            column_ = 0;
            in_row_ = true;
        } else if (name == "c" && in_row_) {
            const XML_Char* r = attribute(attributes, "r");
            std::optional<std::pair<std::size_t, std::size_t>> reference;
            if (r != nullptr) reference = parse_reference(r);
            skip_cell_ = false;
            if (!skip_row_ && reference && reference->first < column_) {  // given again, or out of order
                skip_cell_ = true;
                diagnostics_.error_in_sheet(file_, sheet_.name, row_number_,
                                            cell_reference(reference->first, row_number_),
                                            "the cell comes after " + cell_reference(column_ - 1, row_number_) +
                                                ": the row's cells are out of order or repeated, so the workbook "
                                                "is damaged; this cell is left out (save the workbook again)");
            }
            column_ = reference && !skip_cell_ ? reference->first : column_;
            const XML_Char* t = attribute(attributes, "t");
            type_ = t == nullptr ? "n" : t;
            const XML_Char* s = attribute(attributes, "s");
            style_ = 0;
            if (s != nullptr) {
                const std::string_view text(s);
                std::from_chars(text.data(), text.data() + text.size(), style_);
            }
            value_.clear();
            has_value_ = false;
            has_formula_ = false;
            in_cell_ = true;
        } else if (in_cell_ && name == "v") {
            in_value_ = true;
            has_value_ = true;
        } else if (in_cell_ && name == "f") {
            has_formula_ = true;
        } else if (in_cell_ && name == "is") {
            in_inline_ = true;
            has_value_ = true;
        } else if (in_inline_) {
            inline_.start(name);
        }
    }

    void end(std::string_view name) override {
        if (name == "sheetData") {
            in_data_ = false;
        } else if (!in_data_) {
            return;
        } else if (name == "row" && in_row_) {
            while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
            if (!cells_.empty() && !skip_row_) sheet_.rows.push_back({row_number_, std::move(cells_)});
            cells_ = {};
            in_row_ = false;
        } else if (name == "c" && in_cell_) {
            finish_cell();
            in_cell_ = false;
            ++column_;
        } else if (name == "v") {
            in_value_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (in_inline_) {
            inline_.end(name);
        }
    }

    void text(std::string_view text) override {
        if (in_value_) value_ += text;
        if (in_inline_) inline_.text(text);
    }

private:
    void error(std::string message) {
        diagnostics_.error_in_sheet(file_, sheet_.name, row_number_, cell_reference(column_, row_number_),
                                    std::move(message));
    }

    void finish_cell() {
        if (skip_row_ || skip_cell_) {
            if (type_ == "inlineStr") inline_.take();
            if (skip_cell_) --column_;  // the next cell without a reference follows the one before this
            return;
        }
        if (column_ >= k_max_columns) {
            error("a cell beyond column XFD, Excel's last");
            return;
        }
        std::string text = cell_text();
        if (text.empty()) return;
        if (cells_.size() <= column_) cells_.resize(column_ + 1);
        cells_[column_] = std::move(text);
    }

    std::string cell_text() {
        if (type_ == "inlineStr") return inline_.take();
        if (!has_value_) {
            if (has_formula_) {
                diagnostics_.warning_in_sheet(
                    file_, sheet_.name, row_number_, cell_reference(column_, row_number_),
                    "a formula without a saved result; open the workbook in a spreadsheet program and save it");
            }
            return {};
        }
        if (type_ == "s") {
            std::size_t index = 0;
            const auto [end, problem] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
            if (problem != std::errc() || end != value_.data() + value_.size() || index >= shared_strings_.size()) {
                error("refers to shared string " + value_ + ", which the workbook does not hold");
                return {};
            }
            return shared_strings_[index];
        }
        if (type_ == "str") return decode_escapes(value_);
        if (type_ == "b") return value_ == "1" || value_ == "true" ? "true" : "false";
        if (type_ == "e") {
            error("the cell holds the error value " + value_ + "; put a value there or leave it empty");
            return {};
        }
        if (type_ == "d") {  // an ISO 8601 date; midnight is written as the plain date
            const auto t = value_.find('T');
            if (t != std::string::npos && value_.substr(t).starts_with("T00:00:00")) return value_.substr(0, t);
            return value_;
        }
        double number = 0;
        const char* begin = value_.data();
        const char* stop = value_.data() + value_.size();
        if (begin != stop && *begin == '+') ++begin;
        const auto [end, problem] = std::from_chars(begin, stop, number);
        if (problem != std::errc() || end != stop || !std::isfinite(number)) {
            error("the number \"" + value_ + "\" cannot be read");
            return {};
        }
        const NumberKind kind = style_ < styles_.size() ? styles_[style_] : NumberKind::number;
        if (kind != NumberKind::number) {
            if (auto date = serial_text(number, date1904_, kind)) return *date;
        }
        return shortest_number(number);
    }

    Sheet& sheet_;
    const std::string& file_;
    Diagnostics& diagnostics_;
    const std::vector<std::string>& shared_strings_;
    const std::vector<NumberKind>& styles_;
    bool date1904_;

    bool in_data_ = false;
    bool in_row_ = false;
    bool row_seen_ = false;
    bool skip_row_ = false;   ///< The row goes back to an earlier number (reported, left out).
    bool skip_cell_ = false;  ///< The cell goes back to an earlier column (reported, left out).
    bool in_cell_ = false;
    bool in_value_ = false;
    bool in_inline_ = false;
    std::size_t row_number_ = 0;
    std::size_t column_ = 0;
    std::vector<std::string> cells_;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    bool has_value_ = false;
    bool has_formula_ = false;
    StringItem inline_;
};

std::vector<Sheet> WorkbookReader::read(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) throw IoError("cannot read " + file_ + ": no such file");
    int code = 0;
    archive_.reset(zip_open(path.c_str(), ZIP_RDONLY, &code));
    if (!archive_) {
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) {
            problem(
                "not a zip archive, so not an .xlsx workbook (a workbook saved as .xls or .csv needs "
                "\"Save As\" Excel Workbook (.xlsx))");
            return {};
        }
        zip_error_t zip_error;
        zip_error_init_with_code(&zip_error, code);
        const std::string message = zip_error_strerror(&zip_error);
        zip_error_fini(&zip_error);
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_SEEK || code == ZIP_ER_MEMORY)
            throw IoError("cannot read " + file_ + ": " + message);
        problem("not a readable zip archive: " + message);
        return {};
    }

    const zip_int64_t entries = zip_get_num_entries(archive_.get(), 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits_.max_entries) {
        problem("the workbook holds " + std::to_string(entries) + " files, more than the " +
                std::to_string(limits_.max_entries) + " a workbook is allowed; it is not an ordinary workbook");
        return {};
    }
    std::uint64_t declared = 0;
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(i), 0, &stat) == 0 &&
            (stat.valid & ZIP_STAT_SIZE) != 0) {
            declared += stat.size;
        }
    }
    if (declared > limits_.max_uncompressed_bytes) {
        problem("the workbook unpacks to " + std::to_string(declared) + " bytes, more than the limit of " +
                std::to_string(limits_.max_uncompressed_bytes) + "; it is too big or not an ordinary workbook");
        return {};
    }

    RelationshipsHandler package_rels("");
    std::string workbook_part = "xl/workbook.xml";
    if (exists("_rels/.rels")) {
        if (!parse_part("_rels/.rels", package_rels)) return {};
        const std::string target = package_rels.first_of_type("officeDocument");
        if (!target.empty()) workbook_part = target;
    }
    if (!exists(workbook_part)) {
        problem("a zip archive but not an .xlsx workbook: it has no " + workbook_part);
        return {};
    }
    WorkbookPartHandler workbook;
    if (!parse_part(workbook_part, workbook)) return {};
    const std::string folder = folder_of(workbook_part);
    const std::string rels_part = folder + "_rels/" + workbook_part.substr(folder.size()) + ".rels";
    RelationshipsHandler rels(folder);
    if (!parse_part(rels_part, rels)) return {};

    SharedStringsHandler shared;
    const std::string shared_part = rels.first_of_type("sharedStrings");
    if (!shared_part.empty() && !parse_part(shared_part, shared)) return {};
    StylesHandler styles;
    const std::string styles_part = rels.first_of_type("styles");
    if (!styles_part.empty() && !parse_part(styles_part, styles)) return {};
    const std::vector<NumberKind> kinds = styles.kinds();

    std::vector<Sheet> sheets;
    for (const auto& entry : workbook.sheets) {
        const auto found = rels.relationships.find(entry.relationship);
        if (found == rels.relationships.end()) {
            diagnostics_.error_in_sheet(
                file_, entry.name, 0, {},
                "the workbook names no part for this sheet (relationship " + entry.relationship + " is missing)");
            continue;
        }
        if (found->second.type != "worksheet") continue;  // a chart sheet or dialog sheet holds no cells
        Sheet sheet{entry.name, {}};
        SheetHandler handler(sheet, file_, diagnostics_, shared.strings, kinds, workbook.date1904);
        if (!parse_part(found->second.target, handler, entry.name)) {
            if (over_budget_) return {};
            continue;
        }
        sheets.push_back(std::move(sheet));
    }
    return sheets;
}

}  // namespace

std::vector<Sheet> read_workbook(const std::filesystem::path& file, Diagnostics& diagnostics,
                                 const WorkbookLimits& limits) {
    WorkbookReader reader(file, diagnostics, limits);
    return reader.read(file);
}

}  // namespace bridgemap::ingest
