#pragma once
// What `bridgemap export` writes, before it is written: the members (and, on request, the
// organisations, events and groups) as nodes and the ties as edges, each with typed
// attributes whose values are formatted exactly as `analyse` writes them, already filtered
// by consent (report/consent). One ExportNetwork feeds every format (export_formats.hpp).

#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/report/consent.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap::report {

/// The type of an attribute, as GEXF, GraphML and a spreadsheet declare it.
enum class ValueType : std::uint8_t { integer, real, text, boolean };

/// One attribute of every node or every edge, by row. Numbers (integer, real, boolean as
/// 0/1) are kept as doubles with NaN for "no value"; text as strings with "" for none.
struct ExportColumn {
    std::string name;
    ValueType type = ValueType::text;
    std::vector<double> numbers;     ///< integer, real and boolean columns.
    std::vector<std::string> texts;  ///< text columns.

    /// Whether row `row` has a value.
    [[nodiscard]] bool has_value(std::size_t row) const;
    /// The value as analyse writes it: io::format_number for numbers, "true"/"false", the
    /// text itself; "" when there is none.
    [[nodiscard]] std::string cell(std::size_t row) const;
};

/// What a node stands for (`kind` attribute).
enum class NodeKind : std::uint8_t { member, organisation, event, group };

/// "member", "organisation", "event" or "group".
std::string_view kind_name(NodeKind kind) noexcept;

struct ExportNodes {
    std::vector<std::string> id;
    std::vector<std::string> label;
    std::vector<NodeKind> kind;
    /// First day the node exists ("YYYY-MM-DD"), or "" when it has no dated setting.
    std::vector<std::string> start;
    std::vector<std::string> colour;  ///< "#RRGGBB".
    std::vector<double> x;            ///< Layout position, points, y upwards.
    std::vector<double> y;
    std::vector<double> size;  ///< Drawing size: 4 to 40, by bridging (members).
    /// Attributes in output order: kind, sector, organisation, region, every members.csv
    /// metric (analyse's names and order), then the member's extra columns.
    std::vector<ExportColumn> columns;
    [[nodiscard]] std::size_t count() const noexcept { return id.size(); }
};

struct ExportEdges {
    std::vector<std::size_t> source;  ///< Node rows.
    std::vector<std::size_t> target;
    std::vector<double> weight;
    std::vector<std::string> start;  ///< As ExportNodes::start.
    /// Attributes in output order: kind ("tie", or the setting kind for a member→setting
    /// edge), events, groups, organisations, explicit, cross_sector, embeddedness, overlap,
    /// local_bridge, span, bridge (analyse's ties.csv columns after weight).
    std::vector<ExportColumn> columns;
    [[nodiscard]] std::size_t count() const noexcept { return source.size(); }
};

/// Where the members are drawn and in which colours, from viz (core does not draw):
/// export_command computes it with viz::member_positions and viz::sector_style.
struct ExportLook {
    std::vector<double> x;  ///< By member index, points; empty: every member at (0, 0).
    std::vector<double> y;
    std::vector<std::string> sector_colours;  ///< By Analysis::sectors index.
    std::string unknown_sector_colour = "#D9D9D9";
    std::string layout;  ///< How the positions were found, for the file's description.
};

struct ExportRequest {
    /// Also export organisations, events and groups as nodes, with member→setting edges
    /// (the two-mode network; member ties are kept).
    bool with_settings = false;
    TieOptions ties;
    bool windowed = false;
    ExportLook look;
};

struct ExportNetwork {
    ExportNodes nodes;
    ExportEdges edges;
    std::string tie_model;       ///< describe_tie_model(): one line.
    std::string tie_model_json;  ///< tie_model_json(): a JSON object.
    std::string description;     ///< One paragraph: what the file holds, the layout, consent.
    /// The sectors sheet: name, colour, members (every member, hidden ones too).
    std::vector<std::pair<std::string, std::string>> sector_colours;
    std::vector<std::size_t> sector_members;
    std::size_t unknown_sector_members = 0;
    /// The summary sheet: network-level figures of the whole network (hidden members
    /// included), as (name, value) with numbers formatted as summary.json has them.
    std::vector<std::pair<std::string, std::string>> summary;
    /// Whether any node has a start date (then GEXF is dynamic).
    bool dynamic = false;
};

/// The first dated setting of each member (the `start` of export's GEXF, the report's year
/// slider): an event attended, a group or organisation joined (its `from`), or a dated
/// ties.csv row. k_open_end when none is dated. O(attendance + memberships + ties).
std::vector<DayNumber> member_start_days(const Network& network);

/// The first dated setting that made each tie of `graph` (SPEC §2: events, groups and
/// organisations of at most max_setting_size members (0: any size), and ties.csv rows): an
/// event's date, the later of two members' `from` in a group or organisation. k_open_end when
/// none is dated. O(Σ setting sizes² · log degree).
std::vector<DayNumber> tie_start_days(const Network& network, const TieGraph& graph, std::size_t max_setting_size);

/// The export of `network` (already seen through its window) and its full `analysis`
/// (every family). Hidden members appear in no node or edge, pseudonym members only by
/// pseudonym with their extra columns left empty; the metrics are the whole network's.
/// Members in input order, then organisations, events and groups; ties sorted by the
/// written ids of their ends (source < target), as analyse sorts them; member→setting
/// edges after them. Time O(members · columns + ties + Σ setting sizes²).
/// Throws bridgemap::Error when `analysis` lacks a metric family.
ExportNetwork export_network(const Network& network, const Analysis& analysis, const Disclosure& disclosure,
                             const ExportRequest& request);

}  // namespace bridgemap::report
