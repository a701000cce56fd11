#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_writer.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>

#include <system_error>

namespace bridgemap::ingest {
namespace {

std::string format_period_bound(DayNumber day) {
    return day == k_open_start || day == k_open_end ? std::string() : format_day(day);
}

/// Writes the header: the SPEC columns, then the attribute names.
void header(io::CsvWriter& csv, std::initializer_list<std::string_view> columns, const Attributes& attributes) {
    for (const auto column : columns) csv.field(column);
    for (const auto& name : attributes.names) csv.field(name);
    csv.end_row();
}

void attribute_fields(io::CsvWriter& csv, const Attributes& attributes, std::size_t row) {
    for (const auto& values : attributes.values) csv.field(row < values.size() ? std::string_view(values[row]) : "");
}

std::string_view id_or_empty(const auto& rows, std::uint32_t index) {
    return index == k_none ? std::string_view() : std::string_view(rows[index].id);
}

}  // namespace

std::map<std::string, std::string> network_to_csv(const Network& network) {
    std::map<std::string, std::string> files;
    {
        std::string& out = files["members.csv"];
        io::CsvWriter csv(out);
        header(csv, {"id", "name", "sector", "organisation"}, network.member_attributes);
        for (std::size_t i = 0; i < network.members.size(); ++i) {
            const Member& member = network.members[i];
            csv.field(member.id).field(member.name).field(member.sector_label);
            csv.field(id_or_empty(network.organisations, member.organisation));
            attribute_fields(csv, network.member_attributes, i);
            csv.end_row();
        }
    }
    if (!network.organisations.empty()) {
        std::string& out = files["organisations.csv"];
        io::CsvWriter csv(out);
        header(csv, {"id", "name", "sector"}, network.organisation_attributes);
        for (std::size_t i = 0; i < network.organisations.size(); ++i) {
            const Organisation& organisation = network.organisations[i];
            csv.field(organisation.id).field(organisation.name).field(organisation.sector_label);
            attribute_fields(csv, network.organisation_attributes, i);
            csv.end_row();
        }
    }
    if (!network.events.empty()) {
        std::string& out = files["events.csv"];
        io::CsvWriter csv(out);
        header(csv, {"id", "name", "date", "kind", "parent"}, network.event_attributes);
        for (std::size_t i = 0; i < network.events.size(); ++i) {
            const Event& event = network.events[i];
            csv.field(event.id).field(event.name).field(event.date_text).field(event.kind);
            csv.field(id_or_empty(network.events, event.parent));
            attribute_fields(csv, network.event_attributes, i);
            csv.end_row();
        }
    }
    if (!network.attendance.empty()) {
        std::string& out = files["attendance.csv"];
        out.reserve(network.attendance.size() * 32);
        io::CsvWriter csv(out);
        header(csv, {"member_id", "event_id", "role"}, network.attendance_attributes);
        for (std::size_t i = 0; i < network.attendance.size(); ++i) {
            const Attendance& row = network.attendance[i];
            csv.field(network.members[row.member].id).field(network.events[row.event].id);
            csv.field(row.role < network.roles.size() ? std::string_view(network.roles[row.role]) : "");
            attribute_fields(csv, network.attendance_attributes, i);
            csv.end_row();
        }
    }
    if (!network.groups.empty()) {
        std::string& out = files["groups.csv"];
        io::CsvWriter csv(out);
        header(csv, {"id", "name", "kind"}, network.group_attributes);
        for (std::size_t i = 0; i < network.groups.size(); ++i) {
            const Group& group = network.groups[i];
            csv.field(group.id).field(group.name).field(group.kind);
            attribute_fields(csv, network.group_attributes, i);
            csv.end_row();
        }
    }
    if (!network.group_members.empty()) {
        std::string& out = files["group_members.csv"];
        io::CsvWriter csv(out);
        header(csv, {"member_id", "group_id", "from", "until"}, network.group_member_attributes);
        for (std::size_t i = 0; i < network.group_members.size(); ++i) {
            const GroupMembership& row = network.group_members[i];
            csv.field(network.members[row.member].id).field(network.groups[row.group].id);
            csv.field(format_period_bound(row.period.first)).field(format_period_bound(row.period.last));
            attribute_fields(csv, network.group_member_attributes, i);
            csv.end_row();
        }
    }
    if (!network.affiliations.empty()) {
        std::string& out = files["affiliations.csv"];
        io::CsvWriter csv(out);
        header(csv, {"member_id", "organisation_id", "from", "until", "note"}, network.affiliation_attributes);
        for (std::size_t i = 0; i < network.affiliations.size(); ++i) {
            const Affiliation& row = network.affiliations[i];
            csv.field(network.members[row.member].id).field(network.organisations[row.organisation].id);
            csv.field(format_period_bound(row.period.first)).field(format_period_bound(row.period.last));
            csv.field(row.note);
            attribute_fields(csv, network.affiliation_attributes, i);
            csv.end_row();
        }
    }
    if (!network.ties.empty()) {
        std::string& out = files["ties.csv"];
        io::CsvWriter csv(out);
        header(csv, {"source", "target", "kind", "weight", "date"}, network.tie_attributes);
        for (std::size_t i = 0; i < network.ties.size(); ++i) {
            const ExplicitTie& tie = network.ties[i];
            csv.field(network.members[tie.source].id).field(network.members[tie.target].id).field(tie.kind);
            csv.field(tie.weight).field(tie.date_text);
            attribute_fields(csv, network.tie_attributes, i);
            csv.end_row();
        }
    }
    if (!network.sector_aliases.empty()) {
        io::CsvWriter csv(files["sectors.csv"]);
        csv.field("alias").field("sector").end_row();
        for (const auto& alias : network.sector_aliases) csv.field(alias.alias).field(alias.sector).end_row();
    }
    return files;
}

void write_network_folder(const Network& network, const std::filesystem::path& folder) {
    io::OutputSet outputs;  // creates the folder when missing
    for (auto& [name, text] : network_to_csv(network)) outputs.stage(folder / name, std::move(text));
    outputs.commit();
}

}  // namespace bridgemap::ingest
