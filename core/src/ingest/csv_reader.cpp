#include <bridgemap/ingest/csv_reader.hpp>

#include <algorithm>
#include <array>
#include <cstring>

namespace bridgemap::ingest {
namespace {

/// Characters that end an unquoted field, or need attention inside one.
std::array<bool, 256> make_special(char delimiter) {
    std::array<bool, 256> table{};
    for (const char c : {delimiter, '\r', '\n', '"'}) table[static_cast<unsigned char>(c)] = true;
    return table;
}

bool starts_with_bom(std::string_view text) {
    return text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0;
}

/// Line breaks in `text`: LF, CRLF and a lone CR each count once.
std::size_t count_line_breaks(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++count;
    }
    return count;
}

/// Where one field's text lives: in the input, or unescaped in the scratch buffer.
struct FieldPlace {
    bool in_scratch;
    std::size_t offset;
    std::size_t length;
};

class Parser {
public:
    Parser(std::string_view text, const std::function<void(const CsvRecord&)>& on_record,
           std::vector<CsvProblem>& problems, char delimiter)
        : text_(text),
          on_record_(on_record),
          problems_(problems),
          delimiter_(delimiter),
          special_(make_special(delimiter)) {}

    void run() {
        if (starts_with_bom(text_)) pos_ = 3;
        while (pos_ < text_.size()) read_record();
    }

private:
    bool at_end() const { return pos_ >= text_.size(); }
    bool at_line_end() const { return text_[pos_] == '\r' || text_[pos_] == '\n'; }

    void read_record() {
        const std::size_t first_line = line_;
        places_.clear();
        scratch_.clear();
        stray_quote_reported_ = false;
        bool has_content = false;
        for (;;) {
            if (!at_end() && text_[pos_] == '"') {
                if (!read_quoted_field()) {
                    // A quote left open swallowed line breaks: this record is dropped and
                    // reading starts again on the line after the one the quote opened on.
                    pos_ = resume_at_;
                    line_ = first_line + 1;
                    return;
                }
                has_content = true;
            } else {
                has_content |= read_unquoted_field();
            }
            if (at_end()) break;
            if (text_[pos_] == delimiter_) {
                has_content = true;
                ++pos_;
                if (at_end()) {  // a trailing delimiter ends the file: one more, empty, field
                    places_.push_back({false, pos_, 0});
                    break;
                }
                continue;
            }
            // A line end: CRLF, LF or CR.
            if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
            ++pos_;
            ++line_;
            deliver(has_content, first_line, line_ - 1);
            return;
        }
        deliver(has_content, first_line, line_);
    }

    void deliver(bool has_content, std::size_t first_line, std::size_t last_line) {
        if (!has_content) return;  // a blank line
        fields_.clear();
        for (const auto& place : places_) {
            fields_.push_back(place.in_scratch ? std::string_view(scratch_).substr(place.offset, place.length)
                                               : text_.substr(place.offset, place.length));
        }
        on_record_({first_line, last_line, fields_});
    }

    /// Reads an unquoted field up to a delimiter or line end; returns whether it was non-empty.
    bool read_unquoted_field() {
        const std::size_t start = pos_;
        while (!at_end()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (special_[c]) {
                if (c != '"') break;
                if (!stray_quote_reported_) {
                    problems_.push_back({false, line_,
                                         "a quote inside an unquoted field (field " +
                                             std::to_string(places_.size() + 1) +
                                             ") is taken literally; quote the field and double the quote"});
                    stray_quote_reported_ = true;
                }
            }
            ++pos_;
        }
        places_.push_back({false, start, pos_ - start});
        return pos_ > start;
    }

    /// Reads a quoted field from its opening quote to past its closing quote. Returns false when
    /// the field is broken across lines (never closed, or closed by a quote followed by more
    /// text): the problem is reported once, and resume_at_ is the start of the line after the
    /// opening quote's, where reading should start again.
    bool read_quoted_field() {
        const std::size_t opened_line = line_;
        const std::size_t open = pos_;
        ++pos_;
        std::size_t segment = pos_;
        bool escaped = false;
        bool closed = false;
        const std::size_t scratch_start = scratch_.size();
        while (!at_end()) {
            const void* found = std::memchr(text_.data() + pos_, '"', text_.size() - pos_);
            if (found == nullptr) {
                pos_ = text_.size();
                break;
            }
            const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
            if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
                escaped = true;
                scratch_.append(text_.substr(segment, quote + 1 - segment));
                pos_ = quote + 2;
                segment = pos_;
                continue;
            }
            pos_ = quote;
            closed = true;
            break;
        }
        const std::size_t breaks = count_line_breaks(text_.substr(open, pos_ - open));
        const bool text_after = closed && pos_ + 1 < text_.size() && text_[pos_ + 1] != delimiter_ &&
                                text_[pos_ + 1] != '\r' && text_[pos_ + 1] != '\n';
        if (breaks > 0 && (!closed || text_after)) {
            problems_.push_back({true, opened_line,
                                 "the quoted field " + std::to_string(places_.size() + 1) +
                                     " that opens on this line is not closed on it (a closing quote is missing, or "
                                     "a quote inside it is not doubled); the line is left out and reading goes on "
                                     "with the next, so errors just after it may come from this one"});
            std::size_t next = open;
            while (next < text_.size() && text_[next] != '\n' && text_[next] != '\r') ++next;
            if (next < text_.size() && text_[next] == '\r' && next + 1 < text_.size() && text_[next + 1] == '\n')
                ++next;
            resume_at_ = std::min(next + 1, text_.size());
            return false;
        }
        const std::string_view rest = text_.substr(segment, pos_ - segment);
        if (escaped) {
            scratch_.append(rest);
            places_.push_back({true, scratch_start, scratch_.size() - scratch_start});
        } else {
            places_.push_back({false, segment, rest.size()});
        }
        line_ += breaks;
        if (!closed) {
            problems_.push_back({true, opened_line,
                                 "the quoted field " + std::to_string(places_.size()) +
                                     " that opens on this line is never closed (a closing quote is missing)"});
            return true;
        }
        ++pos_;  // past the closing quote
        if (!at_end() && text_[pos_] != delimiter_ && !at_line_end()) {
            problems_.push_back({true, line_,
                                 "unexpected text after the closing quote of field " + std::to_string(places_.size()) +
                                     " (a quote inside a quoted field must be doubled)"});
            while (!at_end() && text_[pos_] != delimiter_ && !at_line_end()) ++pos_;
        }
        return true;
    }

    std::string_view text_;
    const std::function<void(const CsvRecord&)>& on_record_;
    std::vector<CsvProblem>& problems_;
    char delimiter_;
    std::array<bool, 256> special_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::string scratch_;
    std::vector<FieldPlace> places_;
    std::vector<std::string_view> fields_;
    bool stray_quote_reported_ = false;
    std::size_t resume_at_ = 0;
};

}  // namespace

char detect_delimiter(std::string_view text) {
    std::size_t pos = starts_with_bom(text) ? 3 : 0;
    while (pos < text.size() && (text[pos] == '\r' || text[pos] == '\n')) ++pos;  // blank lines
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
            quoted = !quoted;  // a doubled quote toggles twice
        } else if (quoted) {
            continue;
        } else if (c == '\r' || c == '\n') {
            break;
        } else if (c == ',') {
            ++commas;
        } else if (c == ';') {
            ++semicolons;
        } else if (c == '\t') {
            ++tabs;
        }
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

std::string_view delimiter_name(char delimiter) {
    switch (delimiter) {
        case ',':
            return "commas";
        case ';':
            return "semicolons";
        case '\t':
            return "tabs";
        default:
            return "an unusual character";
    }
}

std::string delimiter_note(char delimiter) {
    if (delimiter == ';') {
        return "fields are separated by semicolons, as a spreadsheet set to a European language saves CSV; "
               "read as such";
    }
    return "fields are separated by " + std::string(delimiter_name(delimiter)) + ", not commas; read as such";
}

void parse_csv(std::string_view text, const std::function<void(const CsvRecord&)>& on_record,
               std::vector<CsvProblem>& problems, char delimiter) {
    Parser(text, on_record, problems, delimiter).run();
}

}  // namespace bridgemap::ingest
