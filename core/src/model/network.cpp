#include <bridgemap/model/network.hpp>

#include <bridgemap/model/sector_names.hpp>

#include <algorithm>
#include <map>
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
    // Every label's key, after the aliases; "unknown" is the unknown sector.
    std::set<std::string, std::less<>> own_keys;
    for (const auto& member : network.members) own_keys.insert(sector_key(member.sector_label));
    for (const auto& organisation : network.organisations) own_keys.insert(sector_key(organisation.sector_label));
    std::map<std::string, std::string, std::less<>> alias_target;
    for (const auto& alias : network.sector_aliases) {
        std::string target = sector_key(alias.sector);
        if (is_unknown_sector_label(alias.sector) || own_keys.count(target) > 0) {
            alias_target.emplace(sector_key(alias.alias), std::move(target));
        }
    }
    const auto final_key = [&](std::string_view label) {
        std::string key = sector_key(label);
        const auto found = alias_target.find(key);
        return found == alias_target.end() ? key : found->second;
    };
    const auto is_unknown_key = [](std::string_view key) { return key.empty() || key == "unknown"; };

    // Uses of each spelling, and the sector keys they name.
    std::map<std::string, std::size_t, std::less<>> uses;
    for (const auto& member : network.members) ++uses[member.sector_label];
    for (const auto& organisation : network.organisations) ++uses[organisation.sector_label];
    struct Naming {
        std::string name;
        std::size_t uses = 0;
    };
    std::map<std::string, Naming, std::less<>> naming;  // final key -> best own spelling
    for (const auto& [label, count] : uses) {
        if (is_unknown_sector_label(label)) continue;
        const std::string key = final_key(label);
        if (is_unknown_key(key)) continue;
        auto& best = naming[key];
        if (sector_key(label) != key) continue;        // an aliased spelling does not name its sector
        if (count > best.uses) best = {label, count};  // labels come in byte order: ties keep the first
    }

    std::erase_if(naming, [](const auto& entry) { return entry.second.uses == 0; });  // only a chain of aliases
    network.sectors.clear();
    for (const auto& [key, best] : naming) network.sectors.push_back(best.name);
    std::sort(network.sectors.begin(), network.sectors.end());
    const auto sector_of = [&](std::string_view label) {
        if (is_unknown_sector_label(label)) return k_unknown_sector;
        const auto found = naming.find(final_key(label));
        return found == naming.end() ? k_unknown_sector : network.find_sector(found->second.name);
    };
    for (auto& organisation : network.organisations) organisation.sector = sector_of(organisation.sector_label);
    for (auto& member : network.members) {
        member.sector = sector_of(member.sector_label);
        if (member.sector == k_unknown_sector && member.organisation != k_none) {
            member.sector = network.organisations[member.organisation].sector;
        }
    }
}

}  // namespace bridgemap
