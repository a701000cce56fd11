#include <bridgemap/metrics/brokerage.hpp>

#include <bridgemap/error.hpp>

#include "concurrency/parallel_for.hpp"
#include "metrics/triangles.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace bridgemap {

namespace {

enum Role : std::size_t { coordinator = 0, consultant = 1, representative = 2, liaison = 3 };

/// The role of broker i between a and b (all of known sector), from whether i shares a's
/// sector, b's sector, and whether a and b share one: a table rather than branches, as
/// the triangles come in no predictable order of sectors.
std::size_t role_of(bool own_is_first, bool own_is_second, bool first_is_second) noexcept {
    // Index: own_is_first | own_is_second << 1 | first_is_second << 2. Impossible
    // combinations (equality is transitive) are never looked up.
    constexpr std::array<std::size_t, 8> k_roles = {liaison,    representative, representative, liaison,
                                                    consultant, liaison,        liaison,        coordinator};
    return k_roles[std::size_t{own_is_first} | std::size_t{own_is_second} << 1 | std::size_t{first_is_second} << 2];
}

std::uint64_t pairs(std::uint64_t count) noexcept {
    return count < 2 ? 0 : count * (count - 1) / 2;
}

}  // namespace

BrokerageRoles brokerage_roles(const TieGraph& graph, std::span<const SectorIndex> sectors,
                               const ParallelOptions& options) {
    const std::size_t n = graph.member_count();
    if (sectors.size() != n) {
        throw Error("brokerage_roles: " + std::to_string(sectors.size()) + " sectors for " + std::to_string(n) +
                    " members");
    }
    BrokerageRoles roles;
    roles.coordinator.assign(n, 0);
    roles.consultant.assign(n, 0);
    roles.representative.assign(n, 0);
    roles.liaison.assign(n, 0);
    std::size_t sector_count = 0;
    for (const SectorIndex sector : sectors) {
        if (sector != k_unknown_sector) sector_count = std::max<std::size_t>(sector_count, std::size_t{sector} + 1);
    }
    if (sector_count == 0) return roles;

    // Closed pairs a–i–b (a and b tied), by broker i and role: from the triangles, each
    // giving one closed pair to each of its three corners.
    const unsigned workers = concurrency::worker_count(options.threads);
    std::vector<std::vector<std::uint64_t>> closed(workers, std::vector<std::uint64_t>(4 * n, 0));
    metrics::for_each_triangle(graph, workers, [&](unsigned worker, const metrics::Triangle& triangle) {
        const auto [a, b, c] = triangle.members;
        const SectorIndex sa = sectors[a];
        const SectorIndex sb = sectors[b];
        const SectorIndex sc = sectors[c];
        if (sa == k_unknown_sector || sb == k_unknown_sector || sc == k_unknown_sector) return;
        const bool ab = sa == sb;
        const bool ac = sa == sc;
        const bool bc = sb == sc;
        std::uint64_t* const counts = closed[worker].data();
        ++counts[4 * std::size_t{a} + role_of(ab, ac, bc)];
        ++counts[4 * std::size_t{b} + role_of(ab, bc, ac)];
        ++counts[4 * std::size_t{c} + role_of(ac, bc, ab)];
    });

    // All pairs of known-sector neighbours by role, from the neighbours' sector counts c_s
    // (K = Σ c_s, own sector S), minus the closed ones.
    std::vector<std::vector<std::uint32_t>> tallies(workers);
    concurrency::parallel_for(n, workers, 256, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& count = tallies[worker];
        if (count.empty()) count.assign(sector_count, 0);
        std::vector<SectorIndex> touched;
        for (std::size_t i = begin; i < end; ++i) {
            const SectorIndex own = sectors[i];
            if (own == k_unknown_sector) continue;
            touched.clear();
            std::uint64_t known = 0;
            for (const MemberIndex neighbour : graph.neighbours(static_cast<MemberIndex>(i))) {
                const SectorIndex sector = sectors[neighbour];
                if (sector == k_unknown_sector) continue;
                if (count[sector]++ == 0) touched.push_back(sector);
                ++known;
            }
            const std::uint64_t same = count[own];
            std::uint64_t other_pairs = 0;
            std::uint64_t other_squares = 0;
            for (const SectorIndex sector : touched) {
                const std::uint64_t c = count[sector];
                count[sector] = 0;
                if (sector == own) continue;
                other_pairs += pairs(c);
                other_squares += c * c;
            }
            const std::uint64_t other = known - same;
            std::array<std::uint64_t, 4> all = {pairs(same), other_pairs, same * other,
                                                (other * other - other_squares) / 2};
            for (const auto& counts : closed) {
                for (std::size_t role = 0; role < 4; ++role) all[role] -= counts[4 * i + role];
            }
            roles.coordinator[i] = all[coordinator];
            roles.consultant[i] = all[consultant];
            roles.representative[i] = all[representative];
            roles.liaison[i] = all[liaison];
        }
    });
    return roles;
}

}  // namespace bridgemap
