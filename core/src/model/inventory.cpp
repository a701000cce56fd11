#include <bridgemap/model/inventory.hpp>

#include <algorithm>
#include <cstdint>
#include <map>

namespace bridgemap {

std::size_t active_members(const Network& network) {
    const std::vector<std::uint8_t> active = took_part(network);
    return static_cast<std::size_t>(std::count(active.begin(), active.end(), std::uint8_t{1}));
}

Inventory take_inventory(const Network& network) {
    Inventory inventory;
    inventory.members = network.members.size();
    inventory.organisations = network.organisations.size();
    inventory.events = network.events.size();
    inventory.attendance = network.attendance.size();
    inventory.groups = network.groups.size();
    inventory.group_members = network.group_members.size();
    inventory.affiliations = network.affiliations.size();
    inventory.ties = network.ties.size();

    std::vector<std::size_t> per_sector(network.sectors.size(), 0);
    for (const auto& member : network.members) {
        if (member.sector == k_unknown_sector) {
            ++inventory.unknown_sector;
        } else {
            ++per_sector[member.sector];
        }
    }
    auto spellings = sector_spellings(network);
    for (std::size_t s = 0; s < per_sector.size(); ++s) {
        if (per_sector[s] > 0)
            inventory.sectors.push_back({network.sectors[s], per_sector[s], std::move(spellings[s])});
    }
    std::stable_sort(inventory.sectors.begin(), inventory.sectors.end(),
                     [](const SectorCount& a, const SectorCount& b) { return a.members > b.members; });

    std::map<int, std::size_t> per_year;
    for (const auto& event : network.events) {
        if (event.date) {
            ++per_year[civil_from_days(event.date->first).year];
        } else {
            ++inventory.undated_events;
        }
    }
    for (const auto& [year, count] : per_year) inventory.events_per_year.push_back({year, count});
    return inventory;
}

}  // namespace bridgemap
