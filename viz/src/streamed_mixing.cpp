#include <bridgemap/viz/streamed_mixing.hpp>

#include <bridgemap/error.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace bridgemap::viz {
namespace {

enum class SettingKind : std::uint8_t { event, group, organisation };

/// Every setting (events, then groups, then organisations: the order project_ties uses)
/// with its distinct members, and each member's settings, ascending.
struct Settings {
    std::vector<SettingKind> kind;
    std::vector<double> increment;             // 1/(n_s − 1), or 0 when the setting ties nobody
    std::vector<std::size_t> member_offsets;   // setting s: members[member_offsets[s] .. [s+1])
    std::vector<MemberIndex> members;          // ascending within a setting
    std::vector<std::size_t> setting_offsets;  // member i: settings[setting_offsets[i] .. [i+1])
    std::vector<std::uint32_t> settings;       // ascending within a member
};

Settings collect_settings(const Network& network, const TieOptions& options) {
    const std::size_t n = network.members.size();
    Settings settings;
    const auto add = [&](SettingKind kind, std::vector<MemberIndex>& members) {
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        const std::size_t size = members.size();
        const bool too_large = options.max_setting_size > 0 && size > options.max_setting_size;
        settings.kind.push_back(kind);
        settings.increment.push_back(size >= 2 && !too_large ? 1.0 / static_cast<double>(size - 1) : 0.0);
        settings.member_offsets.push_back(settings.members.size());
        settings.members.insert(settings.members.end(), members.begin(), members.end());
        std::vector<MemberIndex>().swap(members);
    };
    {
        std::vector<std::vector<MemberIndex>> by_event(network.events.size());
        for (const Attendance& row : network.attendance) by_event[row.event].push_back(row.member);
        for (auto& members : by_event) add(SettingKind::event, members);
    }
    {
        std::vector<std::vector<MemberIndex>> by_group(network.groups.size());
        for (const GroupMembership& row : network.group_members) by_group[row.group].push_back(row.member);
        for (auto& members : by_group) add(SettingKind::group, members);
    }
    {
        std::vector<std::vector<MemberIndex>> by_organisation(network.organisations.size());
        for (MemberIndex i = 0; i < n; ++i) {
            if (network.members[i].organisation != k_none)
                by_organisation[network.members[i].organisation].push_back(i);
        }
        for (const Affiliation& row : network.affiliations) by_organisation[row.organisation].push_back(row.member);
        for (auto& members : by_organisation) add(SettingKind::organisation, members);
    }
    settings.member_offsets.push_back(settings.members.size());

    settings.setting_offsets.assign(n + 1, 0);
    for (const MemberIndex member : settings.members) ++settings.setting_offsets[member + 1];
    for (std::size_t i = 0; i < n; ++i) settings.setting_offsets[i + 1] += settings.setting_offsets[i];
    settings.settings.resize(settings.members.size());
    std::vector<std::size_t> fill(settings.setting_offsets.begin(), settings.setting_offsets.end() - 1);
    for (std::uint32_t s = 0; s < settings.kind.size(); ++s) {
        for (std::size_t k = settings.member_offsets[s]; k < settings.member_offsets[s + 1]; ++k) {
            settings.settings[fill[settings.members[k]]++] = s;
        }
    }
    return settings;
}

/// ties.csv rows held by their smaller end, in row order.
struct ExplicitRows {
    std::vector<std::size_t> offsets;
    std::vector<std::pair<MemberIndex, double>> rows;
};

ExplicitRows collect_explicit(const Network& network) {
    const std::size_t n = network.members.size();
    ExplicitRows rows;
    rows.offsets.assign(n + 1, 0);
    for (const ExplicitTie& tie : network.ties) {
        if (tie.source != tie.target) ++rows.offsets[std::min(tie.source, tie.target) + 1];
    }
    for (std::size_t i = 0; i < n; ++i) rows.offsets[i + 1] += rows.offsets[i];
    rows.rows.resize(rows.offsets[n]);
    std::vector<std::size_t> fill(rows.offsets.begin(), rows.offsets.end() - 1);
    for (const ExplicitTie& tie : network.ties) {
        if (tie.source == tie.target) continue;
        rows.rows[fill[std::min(tie.source, tie.target)]++] = {std::max(tie.source, tie.target), tie.weight};
    }
    return rows;
}

/// What one member's tie to a higher-numbered member adds up to so far.
struct Accumulator {
    double events = 0.0;
    double groups = 0.0;
    double organisations = 0.0;
    double ties = 0.0;
    bool touched = false;
};

/// One worker's counts of ties between known sectors a ≤ b, at a·S + b.
struct Counts {
    std::vector<std::uint64_t> observed;
};

std::uint64_t pairs_of(std::uint64_t count) noexcept {
    return count < 2 ? 0 : count * (count - 1) / 2;
}

}  // namespace

SectorMixing streamed_sector_mixing(const Network& network, const Sectors& sectors, const TieOptions& options) {
    const std::size_t n = network.members.size();
    if (sectors.of_member.size() != n) throw Error("streamed_sector_mixing: the sectors do not match the network");
    const std::size_t sector_count = sectors.count();
    const auto& of = sectors.of_member;
    for (const SectorIndex sector : of) {
        if (sector != k_unknown_sector && sector >= sector_count)
            throw Error("streamed_sector_mixing: a member's sector is not among the sectors");
    }

    const Settings settings = collect_settings(network, options);
    const ExplicitRows explicit_rows = collect_explicit(network);
    const TieWeights& a = options.weights;

    unsigned workers = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(1, n / 64)));
    std::vector<Counts> counts(workers);
    std::atomic<std::size_t> next_chunk{0};
    constexpr std::size_t k_chunk = 64;

    const auto work = [&](unsigned worker) {
        std::vector<std::uint64_t>& observed = counts[worker].observed;
        observed.assign(sector_count * sector_count, 0);
        std::vector<Accumulator> accumulator(n);
        std::vector<MemberIndex> touched;
        while (true) {
            const std::size_t begin = next_chunk.fetch_add(k_chunk);
            if (begin >= n) break;
            const std::size_t end = std::min(n, begin + k_chunk);
            for (std::size_t i = begin; i < end; ++i) {
                const auto member = static_cast<MemberIndex>(i);
                // The member's ties to higher-numbered members, summed as project_ties sums them.
                for (std::size_t k = settings.setting_offsets[i]; k < settings.setting_offsets[i + 1]; ++k) {
                    const std::uint32_t s = settings.settings[k];
                    const double add = settings.increment[s];
                    if (add == 0.0) continue;
                    const MemberIndex* first = settings.members.data() + settings.member_offsets[s];
                    const MemberIndex* last = settings.members.data() + settings.member_offsets[s + 1];
                    for (const MemberIndex* j = std::upper_bound(first, last, member); j != last; ++j) {
                        Accumulator& into = accumulator[*j];
                        if (!into.touched) into.touched = true, touched.push_back(*j);
                        switch (settings.kind[s]) {
                            case SettingKind::event:
                                into.events += add;
                                break;
                            case SettingKind::group:
                                into.groups += add;
                                break;
                            case SettingKind::organisation:
                                into.organisations += add;
                                break;
                        }
                    }
                }
                for (std::size_t r = explicit_rows.offsets[i]; r < explicit_rows.offsets[i + 1]; ++r) {
                    const auto [other, weight] = explicit_rows.rows[r];
                    Accumulator& into = accumulator[other];
                    if (!into.touched) into.touched = true, touched.push_back(other);
                    into.ties += weight;
                }
                const SectorIndex own = of[i];
                for (const MemberIndex other : touched) {
                    Accumulator& from = accumulator[other];
                    const double weight = a.events * from.events + a.groups * from.groups +
                                          a.organisations * from.organisations + a.ties * from.ties;
                    from = Accumulator{};
                    if (!(weight > 0.0 && weight >= options.min_weight)) continue;
                    SectorIndex x = own;
                    SectorIndex y = of[other];
                    if (x == k_unknown_sector || y == k_unknown_sector) continue;
                    if (x > y) std::swap(x, y);
                    ++observed[std::size_t{x} * sector_count + y];
                }
                touched.clear();
            }
        }
    };
    if (workers == 1) {
        work(0);
    } else {
        std::vector<std::thread> threads;
        threads.reserve(workers);
        for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work, w);
        for (auto& thread : threads) thread.join();
    }

    SectorMixing mixing;
    mixing.members.assign(sector_count, 0);
    for (const SectorIndex sector : of) {
        if (sector == k_unknown_sector)
            ++mixing.unknown_members;
        else
            ++mixing.members[sector];
    }
    std::vector<std::uint64_t> observed(sector_count * sector_count, 0);
    for (const Counts& part : counts) {
        for (std::size_t k = 0; k < observed.size(); ++k) observed[k] += part.observed[k];
    }
    std::vector<std::uint64_t> degree_sum(sector_count, 0);
    for (std::size_t x = 0; x < sector_count; ++x) {
        for (std::size_t y = x; y < sector_count; ++y) {
            const std::uint64_t count = observed[x * sector_count + y];
            mixing.known_ties += count;
            degree_sum[x] += count;
            degree_sum[y] += count;
            if (x == y)
                mixing.internal_ties += count;
            else
                mixing.external_ties += count;
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
        internal_possible += pairs_of(size);
    }
    const std::uint64_t all_possible = pairs_of(known_members);
    if (all_possible > 0) {
        const std::uint64_t external_possible = all_possible - internal_possible;
        mixing.expected_ei_index = (static_cast<double>(external_possible) - static_cast<double>(internal_possible)) /
                                   static_cast<double>(all_possible);
    }
    mixing.pairs.reserve(sector_count * (sector_count + 1) / 2);
    for (std::size_t x = 0; x < sector_count; ++x) {
        for (std::size_t y = x; y < sector_count; ++y) {
            SectorPairMixing pair;
            pair.a = static_cast<SectorIndex>(x);
            pair.b = static_cast<SectorIndex>(y);
            pair.observed = observed[x * sector_count + y];
            if (m > 0) {
                const double kx = static_cast<double>(degree_sum[x]);
                const double ky = static_cast<double>(degree_sum[y]);
                pair.expected =
                    x == y ? kx * kx / (4.0 * static_cast<double>(m)) : kx * ky / (2.0 * static_cast<double>(m));
            }
            if (pair.expected > 0.0) pair.ratio = static_cast<double>(pair.observed) / pair.expected;
            mixing.pairs.push_back(pair);
        }
    }
    return mixing;
}

}  // namespace bridgemap::viz
