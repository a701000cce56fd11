#include <bridgemap/metrics/sector_mixing.hpp>

#include <bridgemap/error.hpp>

#include "ties/projection_engine.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bridgemap {

namespace {

__extension__ using Int128 = __int128;  // GCC and Clang; __extension__ keeps -Wpedantic quiet

/// Throws when `sectors` does not describe `members` members.
void check_sectors(std::size_t members, const Sectors& sectors, const char* where) {
    if (sectors.of_member.size() != members || (!sectors.active.empty() && sectors.active.size() != members)) {
        throw Error(std::string(where) + ": " + std::to_string(sectors.of_member.size()) + " sectors for " +
                    std::to_string(members) + " members");
    }
    for (const SectorIndex sector : sectors.of_member) {
        if (sector != k_unknown_sector && sector >= sectors.count()) {
            throw Error(std::string(where) + ": sector index " + std::to_string(sector) + " out of range");
        }
    }
}

std::uint64_t pairs(std::uint64_t count) noexcept {
    return count < 2 ? 0 : count * (count - 1) / 2;
}

/// Sets of sectors as bit sets of `words` 64-bit words per member.
class SectorSets {
public:
    SectorSets(std::size_t members, std::size_t sectors) : words_((sectors + 63) / 64), bits_(members * words_, 0) {}

    [[nodiscard]] std::size_t words() const noexcept { return words_; }
    [[nodiscard]] std::uint64_t* of(std::size_t member) noexcept { return bits_.data() + member * words_; }
    [[nodiscard]] const std::uint64_t* of(std::size_t member) const noexcept { return bits_.data() + member * words_; }

private:
    std::size_t words_;
    std::vector<std::uint64_t> bits_;
};

bool has(const std::uint64_t* set, SectorIndex sector) noexcept {
    return (set[sector / 64] >> (sector % 64)) & 1u;
}
void add(std::uint64_t* set, SectorIndex sector) noexcept {
    set[sector / 64] |= std::uint64_t{1} << (sector % 64);
}

/// Fills mixing's member counts and, from the counts of ties between known sectors
/// observed[a·S + b] (a ≤ b), its tie counts, E-I index, expected E-I index and pairs.
/// Returns K_s, the tie ends of each sector.
std::vector<std::uint64_t> mixing_from_counts(const Sectors& sectors, const std::vector<std::uint64_t>& observed,
                                              SectorMixing& mixing) {
    const std::size_t sector_count = sectors.count();
    mixing.members.assign(sector_count, 0);
    for (std::size_t i = 0; i < sectors.of_member.size(); ++i) {
        const SectorIndex sector = sectors.of_member[i];
        if (!sectors.is_active(i)) {
            ++mixing.inactive_members;
        } else if (sector == k_unknown_sector) {
            ++mixing.unknown_members;
        } else {
            ++mixing.members[sector];
        }
    }
    std::vector<std::uint64_t> degree_sum(sector_count, 0);
    for (std::size_t a = 0; a < sector_count; ++a) {
        for (std::size_t b = a; b < sector_count; ++b) {
            const std::uint64_t count = observed[a * sector_count + b];
            mixing.known_ties += count;
            degree_sum[a] += count;
            degree_sum[b] += count;
            (a == b ? mixing.internal_ties : mixing.external_ties) += count;
        }
    }
    const std::uint64_t m = mixing.known_ties;
    if (m > 0) {
        mixing.ei_index = (static_cast<double>(mixing.external_ties) - static_cast<double>(mixing.internal_ties)) /
                          static_cast<double>(m);
    }

    std::uint64_t known_members = 0;
    std::uint64_t internal_possible = 0;
    for (const std::uint64_t size : mixing.members) {
        known_members += size;
        internal_possible += pairs(size);
    }
    const std::uint64_t all_possible = pairs(known_members);
    if (all_possible > 0) {
        const std::uint64_t external_possible = all_possible - internal_possible;
        mixing.expected_ei_index = (static_cast<double>(external_possible) - static_cast<double>(internal_possible)) /
                                   static_cast<double>(all_possible);
    }

    mixing.pairs.reserve(sector_count * (sector_count + 1) / 2);
    for (std::size_t a = 0; a < sector_count; ++a) {
        for (std::size_t b = a; b < sector_count; ++b) {
            SectorPairMixing pair;
            pair.a = static_cast<SectorIndex>(a);
            pair.b = static_cast<SectorIndex>(b);
            pair.observed = observed[a * sector_count + b];
            if (m > 0) {
                const double ka = static_cast<double>(degree_sum[a]);
                const double kb = static_cast<double>(degree_sum[b]);
                pair.expected =
                    a == b ? ka * ka / (4.0 * static_cast<double>(m)) : ka * kb / (2.0 * static_cast<double>(m));
            }
            if (pair.expected > 0.0) pair.ratio = static_cast<double>(pair.observed) / pair.expected;
            mixing.pairs.push_back(pair);
        }
    }
    return degree_sum;
}

}  // namespace

MemberSectorScores member_sector_scores(const TieGraph& graph, const Sectors& sectors) {
    check_sectors(graph.member_count(), sectors, "member_sector_scores");
    const std::size_t n = graph.member_count();
    MemberSectorScores scores;
    scores.ei_index.assign(n, k_not_defined);
    scores.sector_diversity.assign(n, k_not_defined);
    scores.cross_sector_ties.assign(n, 0);
    std::vector<std::uint32_t> count(sectors.count(), 0);
    std::vector<SectorIndex> touched;
    for (std::size_t i = 0; i < n; ++i) {
        touched.clear();
        std::uint64_t known = 0;
        for (const MemberIndex neighbour : graph.neighbours(static_cast<MemberIndex>(i))) {
            const SectorIndex sector = sectors.of_member[neighbour];
            if (sector == k_unknown_sector) continue;
            if (count[sector]++ == 0) touched.push_back(sector);
            ++known;
        }
        if (known == 0) continue;
        std::uint64_t squares = 0;
        for (const SectorIndex sector : touched) squares += std::uint64_t{count[sector]} * count[sector];
        // Blau: 1 − Σ (c_s/K)² = 1 − Σ c_s² / K², from exact integers.
        scores.sector_diversity[i] = 1.0 - static_cast<double>(squares) / static_cast<double>(known * known);
        const SectorIndex own = sectors.of_member[i];
        if (own != k_unknown_sector) {
            const std::uint64_t internal = count[own];
            const std::uint64_t external = known - internal;
            scores.cross_sector_ties[i] = static_cast<std::uint32_t>(external);
            scores.ei_index[i] =
                (static_cast<double>(external) - static_cast<double>(internal)) / static_cast<double>(known);
        }
        for (const SectorIndex sector : touched) count[sector] = 0;
    }
    return scores;
}

SectorMixing sector_mixing(const TieGraph& graph, const Sectors& sectors) {
    check_sectors(graph.member_count(), sectors, "sector_mixing");
    const std::size_t n = graph.member_count();
    const std::size_t sector_count = sectors.count();
    const auto& of = sectors.of_member;
    SectorMixing mixing;

    // Ties between known sectors: observed[a·S + b] for a ≤ b.
    std::vector<std::uint64_t> observed(sector_count * sector_count, 0);
    for (const Tie& tie : graph.ties()) {
        SectorIndex a = of[tie.source];
        SectorIndex b = of[tie.target];
        if (a == k_unknown_sector || b == k_unknown_sector) continue;
        if (a > b) std::swap(a, b);
        ++observed[std::size_t{a} * sector_count + b];
    }
    const std::vector<std::uint64_t> degree_sum = mixing_from_counts(sectors, observed, mixing);
    mixing.ties = graph.tie_count();
    const std::uint64_t m = mixing.known_ties;

    // Newman's r with e_st the share of tie ends (both directions): tr e = I/m and
    // Σ a_s² = Σ K_s² / (2m)², so r = (4m·I − Σ K_s²) / (4m² − Σ K_s²), exact in integers.
    if (m > 0) {
        Int128 squares = 0;
        for (const std::uint64_t k : degree_sum) squares += static_cast<Int128>(k) * k;
        const Int128 numerator = Int128{4} * m * mixing.internal_ties - squares;
        const Int128 denominator = Int128{4} * m * m - squares;
        if (denominator != 0) {
            mixing.assortativity = static_cast<double>(numerator) / static_cast<double>(denominator);
        }
    }

    // Reach. For every member j: the sectors of at least one and of at least two of its
    // neighbours. Member i (sector s) reaches t within two hops through neighbour j when j
    // has a neighbour in t other than i itself: t ∈ once(j) for t ≠ s, t ∈ twice(j) for t = s.
    SectorSets once(n, sector_count);
    SectorSets twice(n, sector_count);
    const std::size_t words = once.words();
    for (std::size_t j = 0; j < n; ++j) {
        std::uint64_t* one = once.of(j);
        std::uint64_t* two = twice.of(j);
        for (const MemberIndex neighbour : graph.neighbours(static_cast<MemberIndex>(j))) {
            const SectorIndex sector = of[neighbour];
            if (sector == k_unknown_sector) continue;
            if (has(one, sector)) {
                add(two, sector);
            } else {
                add(one, sector);
            }
        }
    }
    std::vector<std::uint64_t> reach_one(sector_count * sector_count, 0);
    std::vector<std::uint64_t> reach_two(sector_count * sector_count, 0);
    std::vector<std::uint64_t> within_two(words, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const SectorIndex own = of[i];
        if (own == k_unknown_sector || !sectors.is_active(i)) continue;
        const std::uint64_t* one = once.of(i);
        std::copy(one, one + words, within_two.begin());
        // Through j, i reaches its own sector only with a second neighbour of j in it.
        const std::size_t own_word = own / 64;
        const std::uint64_t own_bit = std::uint64_t{1} << (own % 64);
        std::uint64_t own_reached = one[own_word] & own_bit;
        for (const MemberIndex j : graph.neighbours(static_cast<MemberIndex>(i))) {
            const std::uint64_t* via = once.of(j);
            for (std::size_t w = 0; w < words; ++w) within_two[w] |= via[w];
            own_reached |= twice.of(j)[own_word] & own_bit;
        }
        within_two[own_word] = (within_two[own_word] & ~own_bit) | own_reached;
        for (std::size_t t = 0; t < sector_count; ++t) {
            reach_one[std::size_t{own} * sector_count + t] += has(one, static_cast<SectorIndex>(t)) ? 1 : 0;
            reach_two[std::size_t{own} * sector_count + t] +=
                has(within_two.data(), static_cast<SectorIndex>(t)) ? 1 : 0;
        }
    }
    mixing.reach.reserve(sector_count * sector_count);
    for (std::size_t s = 0; s < sector_count; ++s) {
        for (std::size_t t = 0; t < sector_count; ++t) {
            SectorReach reach;
            reach.from = static_cast<SectorIndex>(s);
            reach.to = static_cast<SectorIndex>(t);
            if (mixing.members[s] == 0) {
                reach.within_one = k_not_defined;
                reach.within_two = k_not_defined;
            } else {
                const double size = static_cast<double>(mixing.members[s]);
                reach.within_one = static_cast<double>(reach_one[s * sector_count + t]) / size;
                reach.within_two = static_cast<double>(reach_two[s * sector_count + t]) / size;
            }
            mixing.reach.push_back(reach);
        }
    }
    return mixing;
}

SectorMixing projected_sector_mixing(const Network& network, const Sectors& sectors, const TieOptions& ties) {
    check_sectors(network.members.size(), sectors, "projected_sector_mixing");
    const std::size_t sector_count = sectors.count();
    const auto& of = sectors.of_member;
    std::vector<std::vector<std::uint64_t>> observed_by_worker(concurrency::worker_count(ties.threads),
                                                               std::vector<std::uint64_t>(sector_count * sector_count));
    std::vector<std::uint64_t> ties_by_worker(observed_by_worker.size(), 0);
    detail::project_each<false>(network, ties, [&](unsigned worker, std::size_t, const Tie& tie) {
        ++ties_by_worker[worker];
        SectorIndex a = of[tie.source];
        SectorIndex b = of[tie.target];
        if (a == k_unknown_sector || b == k_unknown_sector) return;
        if (a > b) std::swap(a, b);
        ++observed_by_worker[worker][std::size_t{a} * sector_count + b];
    });
    std::vector<std::uint64_t> observed(sector_count * sector_count, 0);
    for (const auto& part : observed_by_worker) {
        for (std::size_t k = 0; k < observed.size(); ++k) observed[k] += part[k];
    }
    SectorMixing mixing;
    mixing_from_counts(sectors, observed, mixing);
    for (const std::uint64_t count : ties_by_worker) mixing.ties += count;
    return mixing;
}

}  // namespace bridgemap
