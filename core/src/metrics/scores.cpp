#include <bridgemap/metrics/scores.hpp>

namespace bridgemap {

Sectors member_sectors(const Network& network) {
    std::vector<std::size_t> members_in(network.sectors.size(), 0);
    for (const auto& member : network.members) {
        if (member.sector != k_unknown_sector) ++members_in[member.sector];
    }
    std::vector<SectorIndex> renumbered(network.sectors.size(), k_unknown_sector);
    Sectors sectors;
    for (std::size_t s = 0; s < network.sectors.size(); ++s) {
        if (members_in[s] == 0) continue;
        renumbered[s] = static_cast<SectorIndex>(sectors.names.size());
        sectors.names.push_back(network.sectors[s]);
    }
    sectors.of_member.reserve(network.members.size());
    for (const auto& member : network.members) {
        sectors.of_member.push_back(member.sector == k_unknown_sector ? k_unknown_sector : renumbered[member.sector]);
    }
    sectors.active = network.active;
    return sectors;
}

}  // namespace bridgemap
