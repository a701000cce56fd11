// The xlsx workbook of `bridgemap export`, written by the report's own xlsx writer
// (xlsx_writer.hpp says why not libxlsxwriter).

#include <bridgemap/report/export_formats.hpp>

#include "xlsx_writer.hpp"

#include <bridgemap/error.hpp>

#include <cmath>
#include <cstdlib>

namespace bridgemap::report {
namespace {

using detail::XlsxSheet;

void value(XlsxSheet& sheet, const ExportColumn& values, std::size_t index) {
    switch (values.type) {
        case ValueType::text:
            sheet.text(values.texts[index]);
            break;
        case ValueType::boolean:
            if (values.has_value(index)) {
                sheet.boolean(values.numbers[index] != 0);
            } else {
                sheet.skip();
            }
            break;
        case ValueType::integer:
        case ValueType::real:
            sheet.number(values.numbers[index]);
            break;
    }
}

}  // namespace

std::string xlsx_workbook(const ExportNetwork& network) {
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    if (nodes.count() >= 1048576 || edges.count() >= 1048576) {
        throw RequestError("a worksheet holds at most 1,048,575 rows; this network has " +
                           std::to_string(edges.count()) + " ties: export it as csv instead");
    }
    std::vector<XlsxSheet> sheets;
    sheets.reserve(4);

    XlsxSheet& members = sheets.emplace_back("members");
    members.freeze_top_row();
    members.row();
    for (const char* name : {"Id", "Label"}) members.heading(name);
    for (const auto& values : nodes.columns) members.heading(values.name);
    for (const char* name : {"start", "x", "y", "colour"}) members.heading(name);
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        members.row();
        members.text(nodes.id[i]);
        members.text(nodes.label[i]);
        for (const auto& values : nodes.columns) value(members, values, i);
        members.text(nodes.start[i]);
        members.number(nodes.x[i]);
        members.number(nodes.y[i]);
        members.text(nodes.colour[i]);
    }

    XlsxSheet& ties = sheets.emplace_back("ties");
    ties.freeze_top_row();
    ties.row();
    for (const char* name : {"Source", "Target", "Weight", "start"}) ties.heading(name);
    for (const auto& values : edges.columns) ties.heading(values.name);
    for (std::size_t e = 0; e < edges.count(); ++e) {
        ties.row();
        ties.text(nodes.id[edges.source[e]]);
        ties.text(nodes.id[edges.target[e]]);
        ties.number(edges.weight[e]);
        ties.text(edges.start[e]);
        for (const auto& values : edges.columns) value(ties, values, e);
    }

    XlsxSheet& sectors = sheets.emplace_back("sectors");
    sectors.freeze_top_row();
    sectors.row();
    for (const char* name : {"sector", "colour", "members"}) sectors.heading(name);
    for (std::size_t s = 0; s < network.sector_colours.size(); ++s) {
        sectors.row();
        sectors.text(network.sector_colours[s].first);
        sectors.text(network.sector_colours[s].second);
        sectors.number(static_cast<double>(network.sector_members[s]));
    }
    sectors.row();
    sectors.text("unknown");
    sectors.skip();
    sectors.number(static_cast<double>(network.unknown_sector_members));

    XlsxSheet& summary = sheets.emplace_back("summary");
    summary.freeze_top_row();
    summary.column_width(0, 0, 24);
    summary.row();
    for (const char* name : {"figure", "value"}) summary.heading(name);
    for (const auto& [name, figure] : network.summary) {
        summary.row();
        summary.text(name);
        char* end = nullptr;
        const double parsed = figure.empty() ? 0.0 : std::strtod(figure.c_str(), &end);
        if (!figure.empty() && end != nullptr && *end == '\0' && std::isfinite(parsed) &&
            figure.find_first_not_of("0123456789.eE+-") == std::string::npos) {
            summary.number_text(figure);
        } else {
            summary.text(figure);
        }
    }
    summary.row();
    summary.text("tie_model_json");
    summary.text(network.tie_model_json);
    summary.row();
    summary.text("description");
    summary.text(network.description);
    return detail::xlsx_file(std::move(sheets), "bridgemap export");
}

}  // namespace bridgemap::report
