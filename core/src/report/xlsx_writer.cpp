#include "xlsx_writer.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>

#include <zip.h>

#include <unistd.h>
#include <atomic>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>
#include <utility>

namespace bridgemap::report::detail {
namespace {

bool is_hex(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/// Whether `text` at `at` reads as an OOXML character escape `_xHHHH_`, which a reader would
/// decode: such text is written with its underscore escaped (`_x005F_`).
bool looks_like_escape(std::string_view text, std::size_t at) noexcept {
    if (at + 7 > text.size() || text[at + 1] != 'x' || text[at + 6] != '_') return false;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
        if (!is_hex(text[i])) return false;
    }
    return true;
}

/// `text` as the content of an inline string's <t>: markup characters as entities; control
/// characters that XML 1.0 forbids, and carriage returns (which XML turns into line feeds),
/// as OOXML's `_xHHHH_`.
void append_cell_text(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
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
            case '\t':
            case '\n':
                out.push_back(c);
                break;
            case '_':
                out += looks_like_escape(text, i) ? "_x005F_" : "_";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "_x00";
                    out.push_back(hex[(c >> 4) & 0xF]);
                    out.push_back(hex[c & 0xF]);
                    out.push_back('_');
                } else {
                    out.push_back(c);
                }
        }
    }
}

bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The sheet name as an XML attribute value.
std::string attribute(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '"') {
            out += "&quot;";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

constexpr std::string_view k_xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string content_types(std::size_t sheets) {
    std::string out(k_xml_declaration);
    out +=
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/docProps/app.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    for (std::size_t s = 1; s <= sheets; ++s) {
        out += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(s) +
               ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    }
    return out + "</Types>";
}

std::string package_relationships() {
    std::string out(k_xml_declaration);
    return out +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
           "Target=\"xl/workbook.xml\"/>"
           "<Relationship Id=\"rId2\" "
           "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
           "Target=\"docProps/core.xml\"/>"
           "<Relationship Id=\"rId3\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
           "Target=\"docProps/app.xml\"/>"
           "</Relationships>";
}

std::string core_properties(std::string_view title) {
    std::string out(k_xml_declaration);
    out +=
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>";
    append_cell_text(out, title);
    // A fixed creation date: the same input gives the same bytes.
    return out +
           "</dc:title><dc:creator>bridgemap</dc:creator>"
           "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"
           "</cp:coreProperties>";
}

std::string app_properties() {
    std::string out(k_xml_declaration);
    return out +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>bridgemap</Application></Properties>";
}

std::string workbook(const std::vector<XlsxSheet>& sheets) {
    std::string out(k_xml_declaration);
    out +=
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>";
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const std::string number = std::to_string(s + 1);
        out += "<sheet name=\"" + attribute(sheets[s].name()) + "\" sheetId=\"" + number + "\" r:id=\"rId" + number +
               "\"/>";
    }
    return out + "</sheets></workbook>";
}

std::string workbook_relationships(std::size_t sheets) {
    std::string out(k_xml_declaration);
    out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t s = 1; s <= sheets; ++s) {
        const std::string number = std::to_string(s);
        out += "<Relationship Id=\"rId" + number +
               "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
               "Target=\"worksheets/sheet" +
               number + ".xml\"/>";
    }
    out += "<Relationship Id=\"rId" + std::to_string(sheets + 1) +
           "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
           "Target=\"styles.xml\"/>";
    return out + "</Relationships>";
}

/// Two cell formats: 0 the default (Calibri 11), 1 bold (headings).
std::string styles() {
    std::string out(k_xml_declaration);
    return out +
           "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
           "<fonts count=\"2\">"
           "<font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
           "<font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
           "</fonts>"
           "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
           "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
           "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
           "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
           "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
           "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
           "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
           "</styleSheet>";
}

std::filesystem::path temporary_path() {
    static std::atomic<unsigned> counter{0};
    return std::filesystem::temp_directory_path() /
           ("bridgemap-export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
}

/// A zip archive being written to a temporary file, discarded (and the file removed) when it
/// goes unless closed.
class Archive {
public:
    explicit Archive(std::filesystem::path path) : path_(std::move(path)) {
        int code = 0;
        archive_ = zip_open(path_.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
        if (archive_ == nullptr) throw IoError("cannot create the workbook " + path_.string());
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;
    ~Archive() {
        if (archive_ != nullptr) zip_discard(archive_);
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }

    /// Adds `contents` as `name`. The text must outlive close(): libzip reads it then.
    void add(const std::string& name, const std::string& contents) {
        zip_source_t* source = zip_source_buffer(archive_, contents.data(), contents.size(), 0);
        if (source == nullptr) fail();
        const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail();
        }
        const auto entry = static_cast<zip_uint64_t>(index);
        // Level 1: a fifth of the time of the default level for files about 20% larger.
        // A fixed date (2000-01-01): the same input gives the same bytes.
        if (zip_set_file_compression(archive_, entry, ZIP_CM_DEFLATE, 1) != 0 ||
            zip_file_set_mtime(archive_, entry, 946684800, 0) != 0) {
            fail();
        }
    }

    /// Writes the archive and returns its bytes.
    std::string close() {
        if (zip_close(archive_) != 0) fail();
        archive_ = nullptr;
        return io::read_file(path_);
    }

private:
    [[noreturn]] void fail() const {
        throw IoError(std::string("cannot write the workbook: ") + zip_strerror(archive_));
    }

    std::filesystem::path path_;
    zip_t* archive_ = nullptr;
};

}  // namespace

XlsxSheet::XlsxSheet(std::string name) : name_(std::move(name)) {}

void XlsxSheet::row() {
    if (row_count_ == 0) begin();
    if (row_count_ > 0) xml_ += "</row>";
    ++row_count_;
    row_number_ = std::to_string(row_count_);
    column_ = 0;
    xml_ += "<row r=\"" + row_number_ + "\">";
}

const std::string& XlsxSheet::column_name(std::size_t column) {
    while (column_names_.size() <= column) {
        std::string letters;
        for (std::size_t n = column_names_.size() + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
        }
        column_names_.push_back(std::move(letters));
    }
    return column_names_[column];
}

void XlsxSheet::open_cell(const char* attributes) {
    xml_ += "<c r=\"";
    xml_ += column_name(column_++);
    xml_ += row_number_;
    xml_ += '"';
    xml_ += attributes;
    xml_ += '>';
}

void XlsxSheet::text(std::string_view value) {
    if (value.empty()) {
        skip();
        return;
    }
    open_cell(" t=\"inlineStr\"");
    xml_ += is_space(value.front()) || is_space(value.back()) ? "<is><t xml:space=\"preserve\">" : "<is><t>";
    append_cell_text(xml_, value);
    xml_ += "</t></is></c>";
}

void XlsxSheet::heading(std::string_view value) {
    open_cell(" s=\"1\" t=\"inlineStr\"");
    xml_ += "<is><t>";
    append_cell_text(xml_, value);
    xml_ += "</t></is></c>";
}

void XlsxSheet::number_text(std::string_view digits) {
    if (digits.empty() || digits == "inf" || digits == "-inf" || digits == "nan") {
        skip();
        return;
    }
    open_cell("");
    xml_ += "<v>";
    xml_ += digits;
    xml_ += "</v></c>";
}

void XlsxSheet::number(double value) {
    if (!std::isfinite(value)) {
        skip();
        return;
    }
    number_text(io::format_number(value));
}

void XlsxSheet::boolean(bool value) {
    open_cell(" t=\"b\"");
    xml_ += value ? "<v>1</v></c>" : "<v>0</v></c>";
}

void XlsxSheet::column_width(std::size_t first, std::size_t last, double width) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, width).ptr;
    widths_ += "<col min=\"" + std::to_string(first + 1) + "\" max=\"" + std::to_string(last + 1) + "\" width=\"" +
               std::string(digits, end) + "\" customWidth=\"1\"/>";
}

void XlsxSheet::begin() {
    xml_ = k_xml_declaration;
    xml_ +=
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<sheetViews><sheetView workbookViewId=\"0\">";
    if (freeze_top_row_) {
        xml_ +=
            "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            "<selection pane=\"bottomLeft\"/>";
    }
    xml_ += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!widths_.empty()) xml_ += "<cols>" + widths_ + "</cols>";
    xml_ += "<sheetData>";
}

std::string XlsxSheet::finish() {
    if (xml_.empty()) begin();
    if (row_count_ > 0) xml_ += "</row>";
    xml_ += "</sheetData></worksheet>";
    return std::move(xml_);
}

std::string xlsx_file(std::vector<XlsxSheet> sheets, std::string_view title) {
    std::vector<std::pair<std::string, std::string>> parts;
    parts.reserve(sheets.size() + 7);
    parts.emplace_back("[Content_Types].xml", content_types(sheets.size()));
    parts.emplace_back("_rels/.rels", package_relationships());
    parts.emplace_back("docProps/app.xml", app_properties());
    parts.emplace_back("docProps/core.xml", core_properties(title));
    parts.emplace_back("xl/workbook.xml", workbook(sheets));
    parts.emplace_back("xl/_rels/workbook.xml.rels", workbook_relationships(sheets.size()));
    parts.emplace_back("xl/styles.xml", styles());
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        parts.emplace_back("xl/worksheets/sheet" + std::to_string(s + 1) + ".xml", sheets[s].finish());
    }
    Archive archive(temporary_path());
    for (const auto& [name, contents] : parts) archive.add(name, contents);
    return archive.close();
}

}  // namespace bridgemap::report::detail
