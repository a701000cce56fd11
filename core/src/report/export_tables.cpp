// Node-link JSON, the CSV tables and Pajek, and choosing the format.

#include <bridgemap/report/export_formats.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/io/csv_writer.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bridgemap::report {
namespace {

void append_json_string(std::string& out, std::string_view text) {
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

/// A column's value in JSON: a number, true/false, a string, or null when missing.
void append_json_value(std::string& out, const ExportColumn& column, std::size_t row) {
    if (!column.has_value(row)) {
        out += "null";
    } else if (column.type == ValueType::text) {
        append_json_string(out, column.texts[row]);
    } else {
        out += column.cell(row);
    }
}

void append_key(std::string& out, std::string_view key) {
    out += ", ";
    append_json_string(out, key);
    out += ": ";
}

}  // namespace

ExportFormat parse_export_format(std::string_view name) {
    for (const ExportFormat format : {ExportFormat::gexf, ExportFormat::graphml, ExportFormat::json, ExportFormat::csv,
                                      ExportFormat::xlsx, ExportFormat::pajek}) {
        if (format_name(format) == name) return format;
    }
    throw RequestError("unknown export format \"" + std::string(name) +
                       "\"; the formats are gexf, graphml, json, csv, xlsx and pajek");
}

ExportFormat export_format_for(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    if (extension == ".gexf") return ExportFormat::gexf;
    if (extension == ".graphml") return ExportFormat::graphml;
    if (extension == ".json") return ExportFormat::json;
    if (extension == ".csv") return ExportFormat::csv;
    if (extension == ".xlsx") return ExportFormat::xlsx;
    if (extension == ".net") return ExportFormat::pajek;
    throw RequestError("cannot tell the format from \"" + path.filename().string() +
                       "\": name it .gexf, .graphml, .json, .csv, .xlsx or .net, or say --format");
}

std::string_view format_name(ExportFormat format) noexcept {
    switch (format) {
        case ExportFormat::gexf:
            return "gexf";
        case ExportFormat::graphml:
            return "graphml";
        case ExportFormat::json:
            return "json";
        case ExportFormat::csv:
            return "csv";
        case ExportFormat::xlsx:
            return "xlsx";
        case ExportFormat::pajek:
            return "pajek";
    }
    return "gexf";
}

std::string node_link_json(const ExportNetwork& network) {
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    std::string out;
    out.reserve(nodes.count() * 900 + edges.count() * 300);
    out += "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": \"bridgemap export\"";
    append_key(out, "description");
    append_json_string(out, network.description);
    append_key(out, "tie_model");
    out += network.tie_model_json;
    out += "},\n\"nodes\": [\n";
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        out += "{\"id\": ";
        append_json_string(out, nodes.id[i]);
        append_key(out, "label");
        append_json_string(out, nodes.label[i]);
        for (std::size_t c = 0; c < nodes.columns.size(); ++c) {
            append_key(out, nodes.columns[c].name);
            append_json_value(out, nodes.columns[c], i);
        }
        append_key(out, "start");
        if (nodes.start[i].empty()) {
            out += "null";
        } else {
            append_json_string(out, nodes.start[i]);
        }
        out += ", \"x\": " + io::format_number(nodes.x[i]) + ", \"y\": " + io::format_number(nodes.y[i]) +
               ", \"size\": " + io::format_number(nodes.size[i]) + ", \"colour\": ";
        append_json_string(out, nodes.colour[i]);
        out += i + 1 < nodes.count() ? "},\n" : "}\n";
    }
    out += "],\n\"links\": [\n";
    for (std::size_t e = 0; e < edges.count(); ++e) {
        out += "{\"source\": ";
        append_json_string(out, nodes.id[edges.source[e]]);
        out += ", \"target\": ";
        append_json_string(out, nodes.id[edges.target[e]]);
        out += ", \"weight\": " + io::format_number(edges.weight[e]);
        append_key(out, "start");
        if (edges.start[e].empty()) {
            out += "null";
        } else {
            append_json_string(out, edges.start[e]);
        }
        for (std::size_t c = 0; c < edges.columns.size(); ++c) {
            append_key(out, edges.columns[c].name);
            append_json_value(out, edges.columns[c], e);
        }
        out += e + 1 < edges.count() ? "},\n" : "}\n";
    }
    out += "]}\n";
    return out;
}

CsvTables csv_tables(const ExportNetwork& network) {
    static constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    const auto write_column = [](io::CsvWriter& csv, const ExportColumn& column, std::size_t row) {
        switch (column.type) {
            case ValueType::text:
                csv.field(column.texts[row]);
                break;
            case ValueType::boolean:
                if (column.has_value(row)) {
                    csv.field(column.numbers[row] != 0);
                } else {
                    csv.empty_field();
                }
                break;
            case ValueType::integer:
            case ValueType::real:
                csv.field(column.numbers[row]);  // NaN: empty
                break;
        }
    };
    CsvTables tables;
    tables.nodes = k_byte_order_mark;
    tables.nodes.reserve(nodes.count() * 400);
    io::CsvWriter node_csv(tables.nodes);
    node_csv.field("Id").field("Label");
    for (const auto& column : nodes.columns) node_csv.field(column.name);
    node_csv.field("start").field("x").field("y").field("colour");
    node_csv.end_row();
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        node_csv.field(nodes.id[i]).field(nodes.label[i]);
        for (const auto& column : nodes.columns) write_column(node_csv, column, i);
        node_csv.field(nodes.start[i]).field(nodes.x[i]).field(nodes.y[i]).field(nodes.colour[i]);
        node_csv.end_row();
    }
    tables.edges = k_byte_order_mark;
    tables.edges.reserve(edges.count() * 120);
    io::CsvWriter edge_csv(tables.edges);
    edge_csv.field("Source").field("Target").field("Type").field("Weight").field("start");
    for (const auto& column : edges.columns) edge_csv.field(column.name);
    edge_csv.end_row();
    for (std::size_t e = 0; e < edges.count(); ++e) {
        edge_csv.field(nodes.id[edges.source[e]]).field(nodes.id[edges.target[e]]).field("Undirected");
        edge_csv.field(edges.weight[e]).field(edges.start[e]);
        for (const auto& column : edges.columns) write_column(edge_csv, column, e);
        edge_csv.end_row();
    }
    return tables;
}

std::string pajek_network(const ExportNetwork& network) {
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
    if (nodes.count() > 0) {
        min_x = max_x = nodes.x[0];
        min_y = max_y = nodes.y[0];
    }
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        min_x = std::min(min_x, nodes.x[i]);
        max_x = std::max(max_x, nodes.x[i]);
        min_y = std::min(min_y, nodes.y[i]);
        max_y = std::max(max_y, nodes.y[i]);
    }
    const double span = std::max({max_x - min_x, max_y - min_y, 1.0});
    std::string out;
    out.reserve(nodes.count() * 40 + edges.count() * 20);
    out += "*Vertices " + std::to_string(nodes.count()) + "\r\n";
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        out += std::to_string(i + 1) + " \"";
        for (const char c : nodes.id[i]) {
            // Pajek has no escapes: a double quote would end the label, a line break the line.
            if (c == '"') {
                out.push_back('\'');
            } else if (c == '\n' || c == '\r' || c == '\t') {
                out.push_back(' ');
            } else {
                out.push_back(c);
            }
        }
        out += "\" " + io::format_number(std::round((nodes.x[i] - min_x) / span * 1e4) / 1e4) + " " +
               io::format_number(std::round((nodes.y[i] - min_y) / span * 1e4) / 1e4) + "\r\n";
    }
    out += "*Edges\r\n";
    for (std::size_t e = 0; e < edges.count(); ++e) {
        out += std::to_string(edges.source[e] + 1) + " " + std::to_string(edges.target[e] + 1) + " " +
               io::format_number(edges.weight[e]) + "\r\n";
    }
    return out;
}

std::vector<std::pair<std::filesystem::path, std::string>> export_files(const ExportNetwork& network,
                                                                        ExportFormat format,
                                                                        const std::filesystem::path& out) {
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    switch (format) {
        case ExportFormat::gexf:
            files.emplace_back(out, gexf_document(network));
            break;
        case ExportFormat::graphml:
            files.emplace_back(out, graphml_document(network));
            break;
        case ExportFormat::json:
            files.emplace_back(out, node_link_json(network));
            break;
        case ExportFormat::xlsx:
            files.emplace_back(out, xlsx_workbook(network));
            break;
        case ExportFormat::pajek:
            files.emplace_back(out, pajek_network(network));
            break;
        case ExportFormat::csv: {
            CsvTables tables = csv_tables(network);
            std::filesystem::path stem = out;
            if (stem.extension() == ".csv" || stem.extension() == ".CSV") stem.replace_extension();
            files.emplace_back(stem.string() + "-nodes.csv", std::move(tables.nodes));
            files.emplace_back(stem.string() + "-edges.csv", std::move(tables.edges));
            break;
        }
    }
    return files;
}

}  // namespace bridgemap::report
