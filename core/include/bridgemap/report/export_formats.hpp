#pragma once
// The file formats of `bridgemap export`, each written from one ExportNetwork: GEXF 1.3
// (Gephi), GraphML (NetworkX, igraph, yEd, Cytoscape), node-link JSON (NetworkX, D3), CSV
// node and edge tables (spreadsheets, Gephi, GraphFrames, Neo4j), an xlsx workbook and Pajek.
// docs/export.md says what opens each one.

#include <bridgemap/report/export_network.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap::report {

enum class ExportFormat { gexf, graphml, json, csv, xlsx, pajek };

/// "gexf", "graphml", "json", "csv", "xlsx" or "pajek". Throws RequestError naming the six
/// otherwise.
ExportFormat parse_export_format(std::string_view name);

/// The format a file name implies: .gexf, .graphml, .json, .csv, .xlsx, .net (in any case).
/// Throws RequestError when the extension is none of them.
ExportFormat export_format_for(const std::filesystem::path& path);

std::string_view format_name(ExportFormat format) noexcept;

/// GEXF 1.3: typed <attributes> for nodes and edges, viz:color (the map's sector colours),
/// viz:position (the layout), viz:size (by bridging), and start dates (mode="dynamic",
/// timeformat="date") when any node or edge has one. The tie model is in meta/description.
/// Valid against the GEXF 1.3 RelaxNG schema. O(size of the output).
std::string gexf_document(const ExportNetwork& network);

/// GraphML: a typed <key> for every attribute (int, double, string, boolean), the tie model
/// as graph data keys `tie_model` (text) and `tie_model_json`, and `description`.
std::string graphml_document(const ExportNetwork& network);

/// NetworkX node-link JSON (node_link_data's layout: directed, multigraph, graph, nodes,
/// links), readable by networkx.node_link_graph and D3. Missing values are null; the graph
/// object holds `tie_model` (the JSON object) and `description`.
std::string node_link_json(const ExportNetwork& network);

/// Pajek .net: *Vertices with quoted labels (each node's id, unique; a double quote inside
/// is written as a single quote, which Pajek cannot escape) and x y in [0, 1], then *Edges
/// with weights.
std::string pajek_network(const ExportNetwork& network);

/// The node and edge tables as CSV, UTF-8 with a byte-order mark (so that Excel reads the
/// names right): nodes Id, Label, the attributes, start, x, y, colour; edges Source,
/// Target, Type (Undirected), Weight, start, the attributes. Text cells that would start a
/// formula are made inert (io/csv_writer); numbers are left as numbers.
struct CsvTables {
    std::string nodes;
    std::string edges;
};
CsvTables csv_tables(const ExportNetwork& network);

/// An xlsx workbook (report/xlsx_writer) with the sheets members (every node), ties (every
/// edge), sectors and summary (the tie model, the network-level figures and the
/// description); numbers as numbers, text always as strings, never formulas. The same
/// input gives the same bytes. Throws IoError when the workbook cannot be made.
std::string xlsx_workbook(const ExportNetwork& network);

/// The files an export to `out` in `format` writes, with their contents: one file, or for
/// CSV two beside `out` (net.csv: net-nodes.csv and net-edges.csv).
std::vector<std::pair<std::filesystem::path, std::string>> export_files(const ExportNetwork& network,
                                                                        ExportFormat format,
                                                                        const std::filesystem::path& out);

}  // namespace bridgemap::report
