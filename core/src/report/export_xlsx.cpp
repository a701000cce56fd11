// The xlsx workbook of `bridgemap export`, written by libxlsxwriter.

#include <bridgemap/report/export_formats.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>

#include <xlsxwriter.h>

#include <unistd.h>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace bridgemap::report {
namespace {

/// A workbook being written to a temporary file, closed (and the file removed) when it goes.
class Workbook {
public:
    explicit Workbook(std::filesystem::path path) : path_(std::move(path)) {
        // Constant memory: each row goes to disk as it is written (rows are written in
        // order), text inline rather than in a shared table; a million ties take seconds.
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        workbook_ = workbook_new_opt(path_.c_str(), &options);
        if (workbook_ == nullptr) throw IoError("cannot create the workbook " + path_.string());
        // A fixed creation time: the same input gives the same bytes.
        lxw_doc_properties properties{};
        properties.created = 946684800;  // 2000-01-01T00:00:00Z
        properties.title = const_cast<char*>("bridgemap export");
        workbook_set_properties(workbook_, &properties);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    ~Workbook() {
        if (workbook_ != nullptr) workbook_close(workbook_);
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    [[nodiscard]] lxw_workbook* get() const noexcept { return workbook_; }
    /// Writes the file and returns its bytes.
    std::string close() {
        const lxw_error status = workbook_close(workbook_);
        workbook_ = nullptr;
        if (status != LXW_NO_ERROR) throw IoError(std::string("cannot write the workbook: ") + lxw_strerror(status));
        return io::read_file(path_);
    }

private:
    std::filesystem::path path_;
    lxw_workbook* workbook_ = nullptr;
};

void check(lxw_error status) {
    if (status != LXW_NO_ERROR) throw IoError(std::string("cannot write the workbook: ") + lxw_strerror(status));
}

/// Text always as a string cell: never a formula, whatever it starts with.
void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const std::string& value) {
    if (!value.empty()) check(worksheet_write_string(sheet, row, column, value.c_str(), nullptr));
}

/// A number as analyse prints it (12 significant digits), stored as that number.
void number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, double value) {
    if (std::isnan(value)) return;
    check(worksheet_write_number(sheet, row, column, std::strtod(io::format_number(value).c_str(), nullptr), nullptr));
}

void value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const ExportColumn& values, std::size_t index) {
    switch (values.type) {
        case ValueType::text:
            text(sheet, row, column, values.texts[index]);
            break;
        case ValueType::boolean:
            if (values.has_value(index)) {
                check(worksheet_write_boolean(sheet, row, column, values.numbers[index] != 0, nullptr));
            }
            break;
        case ValueType::integer:
        case ValueType::real:
            number(sheet, row, column, values.numbers[index]);
            break;
    }
}

std::filesystem::path temporary_path() {
    static std::atomic<unsigned> counter{0};
    return std::filesystem::temp_directory_path() /
           ("bridgemap-export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
}

}  // namespace

std::string xlsx_workbook(const ExportNetwork& network) {
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    if (nodes.count() >= 1048576 || edges.count() >= 1048576) {
        throw RequestError("a worksheet holds at most 1,048,575 rows; this network has " +
                           std::to_string(edges.count()) + " ties: export it as csv instead");
    }
    Workbook workbook(temporary_path());
    lxw_format* bold = workbook_add_format(workbook.get());
    format_set_bold(bold);

    lxw_worksheet* members = workbook_add_worksheet(workbook.get(), "members");
    lxw_col_t column = 0;
    const auto heading = [&](lxw_worksheet* sheet, const std::string& name) {
        check(worksheet_write_string(sheet, 0, column++, name.c_str(), bold));
    };
    for (const char* name : {"Id", "Label"}) heading(members, name);
    for (const auto& values : nodes.columns) heading(members, values.name);
    for (const char* name : {"start", "x", "y", "colour"}) heading(members, name);
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        lxw_col_t c = 0;
        text(members, row, c++, nodes.id[i]);
        text(members, row, c++, nodes.label[i]);
        for (const auto& values : nodes.columns) value(members, row, c++, values, i);
        text(members, row, c++, nodes.start[i]);
        number(members, row, c++, nodes.x[i]);
        number(members, row, c++, nodes.y[i]);
        text(members, row, c++, nodes.colour[i]);
    }
    worksheet_freeze_panes(members, 1, 0);

    lxw_worksheet* ties = workbook_add_worksheet(workbook.get(), "ties");
    column = 0;
    for (const char* name : {"Source", "Target", "Weight", "start"}) heading(ties, name);
    for (const auto& values : edges.columns) heading(ties, values.name);
    for (std::size_t e = 0; e < edges.count(); ++e) {
        const auto row = static_cast<lxw_row_t>(e + 1);
        lxw_col_t c = 0;
        text(ties, row, c++, nodes.id[edges.source[e]]);
        text(ties, row, c++, nodes.id[edges.target[e]]);
        number(ties, row, c++, edges.weight[e]);
        text(ties, row, c++, edges.start[e]);
        for (const auto& values : edges.columns) value(ties, row, c++, values, e);
    }
    worksheet_freeze_panes(ties, 1, 0);

    lxw_worksheet* sectors = workbook_add_worksheet(workbook.get(), "sectors");
    column = 0;
    for (const char* name : {"sector", "colour", "members"}) heading(sectors, name);
    lxw_row_t row = 1;
    for (std::size_t s = 0; s < network.sector_colours.size(); ++s, ++row) {
        text(sectors, row, 0, network.sector_colours[s].first);
        text(sectors, row, 1, network.sector_colours[s].second);
        number(sectors, row, 2, static_cast<double>(network.sector_members[s]));
    }
    text(sectors, row, 0, "unknown");
    number(sectors, row, 2, static_cast<double>(network.unknown_sector_members));

    lxw_worksheet* summary = workbook_add_worksheet(workbook.get(), "summary");
    column = 0;
    for (const char* name : {"figure", "value"}) heading(summary, name);
    row = 1;
    for (const auto& [name, figure] : network.summary) {
        text(summary, row, 0, name);
        char* end = nullptr;
        const double parsed = figure.empty() ? 0.0 : std::strtod(figure.c_str(), &end);
        if (!figure.empty() && end != nullptr && *end == '\0') {
            check(worksheet_write_number(summary, row, 1, parsed, nullptr));
        } else {
            text(summary, row, 1, figure);
        }
        ++row;
    }
    text(summary, row, 0, "tie_model_json");
    text(summary, row++, 1, network.tie_model_json);
    text(summary, row, 0, "description");
    text(summary, row, 1, network.description);
    worksheet_set_column(summary, 0, 0, 24, nullptr);
    return workbook.close();
}

}  // namespace bridgemap::report
