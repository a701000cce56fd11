// GEXF 1.3 and GraphML: the two XML formats of `bridgemap export`.

#include <bridgemap/report/export_formats.hpp>

#include <bridgemap/io/csv_writer.hpp>

#include <cstdio>

namespace bridgemap::report {
namespace {

/// `text` escaped for XML 1.0 text and attribute values: markup characters as entities,
/// line breaks and tabs as character references (so attribute values keep them), and the
/// control characters XML 1.0 forbids as U+FFFD.
void append_xml(std::string& out, std::string_view text) {
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
                out += "&apos;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            case '\t':
                out += "&#9;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\xEF\xBF\xBD";
                } else {
                    out.push_back(c);
                }
        }
    }
}

std::string xml(std::string_view text) {
    std::string out;
    append_xml(out, text);
    return out;
}

std::string_view gexf_type(ValueType type) {
    switch (type) {
        case ValueType::integer:
            return "integer";
        case ValueType::real:
            return "double";
        case ValueType::boolean:
            return "boolean";
        case ValueType::text:
            break;
    }
    return "string";
}

std::string_view graphml_type(ValueType type) {
    switch (type) {
        case ValueType::integer:
            return "int";
        case ValueType::real:
            return "double";
        case ValueType::boolean:
            return "boolean";
        case ValueType::text:
            break;
    }
    return "string";
}

/// "#RRGGBB" as r="…" g="…" b="…".
std::string rgb_attributes(const std::string& colour) {
    unsigned r = 0, g = 0, b = 0;
    if (colour.size() < 7 || std::sscanf(colour.c_str(), "#%02x%02x%02x", &r, &g, &b) != 3) r = g = b = 0;
    return "r=\"" + std::to_string(r) + "\" g=\"" + std::to_string(g) + "\" b=\"" + std::to_string(b) + "\"";
}

void gexf_attribute_declarations(std::string& out, const char* kind, const char* prefix,
                                 const std::vector<ExportColumn>& columns) {
    out += "    <attributes class=\"";
    out += kind;
    out += "\" mode=\"static\">\n";
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out += "      <attribute id=\"";
        out += prefix + std::to_string(c) + "\" title=\"";
        append_xml(out, columns[c].name);
        out += "\" type=\"";
        out += gexf_type(columns[c].type);
        out += "\"/>\n";
    }
    out += "    </attributes>\n";
}

/// `<attvalue for="` + prefix + column + `" value="` for each column, made once.
std::vector<std::string> attvalue_openings(const char* prefix, std::size_t columns) {
    std::vector<std::string> openings;
    for (std::size_t c = 0; c < columns; ++c) {
        openings.push_back(std::string("<attvalue for=\"") + prefix + std::to_string(c) + "\" value=\"");
    }
    return openings;
}

void gexf_values(std::string& out, const std::vector<std::string>& openings, const std::vector<ExportColumn>& columns,
                 std::size_t row, const char* indent) {
    out += indent;
    out += "<attvalues>";
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ExportColumn& column = columns[c];
        if (!column.has_value(row)) continue;
        out += openings[c];
        if (column.type == ValueType::text) {
            append_xml(out, column.texts[row]);
        } else {
            out += column.cell(row);  // digits, '.', '-', 'e', true/false: nothing to escape
        }
        out += "\"/>";
    }
    out += "</attvalues>\n";
}

}  // namespace

std::string gexf_document(const ExportNetwork& network) {
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    std::string out;
    out.reserve(nodes.count() * 1200 + edges.count() * 400);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n";
    out += "  <meta>\n    <creator>bridgemap " BRIDGEMAP_VERSION "</creator>\n    <description>";
    append_xml(out, network.description);
    out += "</description>\n  </meta>\n";
    out += "  <graph defaultedgetype=\"undirected\"";
    if (network.dynamic) out += " mode=\"dynamic\" timeformat=\"date\"";
    out += ">\n";
    gexf_attribute_declarations(out, "node", "n", nodes.columns);
    gexf_attribute_declarations(out, "edge", "e", edges.columns);
    const std::vector<std::string> node_openings = attvalue_openings("n", nodes.columns.size());
    const std::vector<std::string> edge_openings = attvalue_openings("e", edges.columns.size());
    out += "    <nodes count=\"" + std::to_string(nodes.count()) + "\">\n";
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        out += "      <node id=\"";
        append_xml(out, nodes.id[i]);
        out += "\" label=\"";
        append_xml(out, nodes.label[i]);
        out += "\"";
        if (!nodes.start[i].empty()) out += " start=\"" + nodes.start[i] + "\"";
        out += ">\n";
        gexf_values(out, node_openings, nodes.columns, i, "        ");
        out += "        <viz:color " + rgb_attributes(nodes.colour[i]) + "/>\n";
        out += "        <viz:position x=\"" + io::format_number(nodes.x[i]) + "\" y=\"" +
               io::format_number(nodes.y[i]) + "\" z=\"0\"/>\n";
        out += "        <viz:size value=\"" + io::format_number(nodes.size[i]) + "\"/>\n";
        out += "      </node>\n";
    }
    out += "    </nodes>\n";
    out += "    <edges count=\"" + std::to_string(edges.count()) + "\">\n";
    for (std::size_t e = 0; e < edges.count(); ++e) {
        out += "      <edge id=\"" + std::to_string(e) + "\" source=\"";
        append_xml(out, nodes.id[edges.source[e]]);
        out += "\" target=\"";
        append_xml(out, nodes.id[edges.target[e]]);
        out += "\" weight=\"" + io::format_number(edges.weight[e]) + "\"";
        if (!edges.start[e].empty()) out += " start=\"" + edges.start[e] + "\"";
        out += ">\n";
        gexf_values(out, edge_openings, edges.columns, e, "        ");
        out += "      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

std::string graphml_document(const ExportNetwork& network) {
    const ExportNodes& nodes = network.nodes;
    const ExportEdges& edges = network.edges;
    std::string out;
    out.reserve(nodes.count() * 1500 + edges.count() * 500);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out +=
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    const auto key = [&](const std::string& id, const char* domain, const std::string& name, std::string_view type) {
        out += "  <key id=\"" + id + "\" for=\"" + domain + "\" attr.name=\"";
        append_xml(out, name);
        out += "\" attr.type=\"";
        out += type;
        out += "\"/>\n";
    };
    key("g0", "graph", "description", "string");
    key("g1", "graph", "tie_model", "string");
    key("g2", "graph", "tie_model_json", "string");
    key("v0", "node", "label", "string");
    key("v1", "node", "start", "string");
    key("v2", "node", "x", "double");
    key("v3", "node", "y", "double");
    key("v4", "node", "size", "double");
    key("v5", "node", "colour", "string");
    for (std::size_t c = 0; c < nodes.columns.size(); ++c) {
        key("n" + std::to_string(c), "node", nodes.columns[c].name, graphml_type(nodes.columns[c].type));
    }
    key("w0", "edge", "weight", "double");
    key("w1", "edge", "start", "string");
    for (std::size_t c = 0; c < edges.columns.size(); ++c) {
        key("e" + std::to_string(c), "edge", edges.columns[c].name, graphml_type(edges.columns[c].type));
    }
    out += "  <graph id=\"bridgemap\" edgedefault=\"undirected\">\n";
    out += "    <data key=\"g0\">" + xml(network.description) + "</data>\n";
    out += "    <data key=\"g1\">" + xml(network.tie_model) + "</data>\n";
    out += "    <data key=\"g2\">" + xml(network.tie_model_json) + "</data>\n";
    const auto data = [&](const std::string& id, std::string_view value) {
        out += "<data key=\"" + id + "\">";
        append_xml(out, value);
        out += "</data>";
    };
    for (std::size_t i = 0; i < nodes.count(); ++i) {
        out += "    <node id=\"";
        append_xml(out, nodes.id[i]);
        out += "\">";
        data("v0", nodes.label[i]);
        if (!nodes.start[i].empty()) data("v1", nodes.start[i]);
        data("v2", io::format_number(nodes.x[i]));
        data("v3", io::format_number(nodes.y[i]));
        data("v4", io::format_number(nodes.size[i]));
        data("v5", nodes.colour[i]);
        for (std::size_t c = 0; c < nodes.columns.size(); ++c) {
            if (nodes.columns[c].has_value(i)) data("n" + std::to_string(c), nodes.columns[c].cell(i));
        }
        out += "</node>\n";
    }
    for (std::size_t e = 0; e < edges.count(); ++e) {
        out += "    <edge source=\"";
        append_xml(out, nodes.id[edges.source[e]]);
        out += "\" target=\"";
        append_xml(out, nodes.id[edges.target[e]]);
        out += "\">";
        data("w0", io::format_number(edges.weight[e]));
        if (!edges.start[e].empty()) data("w1", edges.start[e]);
        for (std::size_t c = 0; c < edges.columns.size(); ++c) {
            if (edges.columns[c].has_value(e)) data("e" + std::to_string(c), edges.columns[c].cell(e));
        }
        out += "</edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace bridgemap::report
