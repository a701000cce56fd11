#include <bridgemap/model/network.hpp>

#include <algorithm>
#include <set>

namespace bridgemap {
namespace {

template <class Index>
std::uint32_t lookup(const Index& index, std::string_view id) {
    const auto found = index.find(id);
    return found == index.end() ? k_none : found->second;
}

template <class Index, class Rows>
void rebuild(Index& index, const Rows& rows) {
    index.clear();
    index.reserve(rows.size());
    for (std::uint32_t i = 0; i < rows.size(); ++i) index.emplace(rows[i].id, i);
}

}  // namespace

std::string_view Attributes::get(std::string_view name, std::size_t row) const {
    for (std::size_t c = 0; c < names.size(); ++c) {
        if (names[c] == name) return row < values[c].size() ? std::string_view(values[c][row]) : std::string_view();
    }
    return {};
}

MemberIndex Network::find_member(std::string_view id) const {
    return lookup(member_ids_, id);
}
EventIndex Network::find_event(std::string_view id) const {
    return lookup(event_ids_, id);
}
GroupIndex Network::find_group(std::string_view id) const {
    return lookup(group_ids_, id);
}
OrganisationIndex Network::find_organisation(std::string_view id) const {
    return lookup(organisation_ids_, id);
}

SectorIndex Network::find_sector(std::string_view name) const {
    const auto found = std::lower_bound(sectors.begin(), sectors.end(), name);
    if (found == sectors.end() || *found != name) return k_unknown_sector;
    return static_cast<SectorIndex>(found - sectors.begin());
}

std::string_view Network::sector_name(SectorIndex sector) const {
    return sector == k_unknown_sector || sector >= sectors.size() ? std::string_view("unknown")
                                                                  : std::string_view(sectors[sector]);
}

std::vector<std::uint8_t> took_part(const Network& network) {
    std::vector<std::uint8_t> active(network.members.size(), 0);
    for (const auto& row : network.attendance) active[row.member] = 1;
    for (const auto& row : network.group_members) active[row.member] = 1;
    for (const auto& tie : network.ties) active[tie.source] = active[tie.target] = 1;
    return active;
}

void Network::index_ids() {
    rebuild(member_ids_, members);
    rebuild(event_ids_, events);
    rebuild(group_ids_, groups);
    rebuild(organisation_ids_, organisations);
}

bool is_unknown_sector_label(std::string_view label) noexcept {
    if (label.empty()) return true;
    constexpr std::string_view k_unknown = "unknown";
    if (label.size() != k_unknown.size()) return false;
    for (std::size_t i = 0; i < label.size(); ++i) {
        char c = label[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != k_unknown[i]) return false;
    }
    return true;
}

void resolve_sectors(Network& network) {
    std::set<std::string, std::less<>> names;
    for (const auto& member : network.members) {
        if (!is_unknown_sector_label(member.sector_label)) names.insert(member.sector_label);
    }
    for (const auto& organisation : network.organisations) {
        if (!is_unknown_sector_label(organisation.sector_label)) names.insert(organisation.sector_label);
    }
    network.sectors.assign(names.begin(), names.end());
    for (auto& organisation : network.organisations) {
        organisation.sector = is_unknown_sector_label(organisation.sector_label)
                                  ? k_unknown_sector
                                  : network.find_sector(organisation.sector_label);
    }
    for (auto& member : network.members) {
        if (!is_unknown_sector_label(member.sector_label)) {
            member.sector = network.find_sector(member.sector_label);
        } else if (member.organisation != k_none) {
            member.sector = network.organisations[member.organisation].sector;
        } else {
            member.sector = k_unknown_sector;
        }
    }
}

}  // namespace bridgemap
