#include <bridgemap/ties/projection.hpp>

#include "concurrency/parallel_for.hpp"

#include <algorithm>

namespace bridgemap {
namespace {

enum class SettingKind : std::uint8_t { event, group, organisation };

/// Every setting (event, group, organisation) with its distinct members, in the order
/// events, groups, organisations; and for each member, the settings they are in.
struct Settings {
    std::vector<SettingKind> kind;
    std::vector<std::size_t> member_offsets;  // setting s has members [offsets[s], offsets[s+1])
    std::vector<MemberIndex> members;         // ascending within a setting
    std::vector<std::size_t> setting_offsets; // member i is in settings [offsets[i], offsets[i+1])
    std::vector<std::uint32_t> settings;      // ascending within a member

    [[nodiscard]] std::span<const MemberIndex> members_of(std::size_t s) const {
        return {members.data() + member_offsets[s], members.data() + member_offsets[s + 1]};
    }
    [[nodiscard]] std::span<const std::uint32_t> settings_of(MemberIndex i) const {
        return {settings.data() + setting_offsets[i], settings.data() + setting_offsets[i + 1]};
    }
};

/// Collects (setting, member) pairs and turns them into both incidence lists.
class SettingsBuilder {
public:
    explicit SettingsBuilder(std::size_t member_count) : member_count_(member_count) {}

    void add_setting(SettingKind kind, std::vector<MemberIndex> members) {
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        settings_.kind.push_back(kind);
        settings_.member_offsets.push_back(settings_.members.size());
        settings_.members.insert(settings_.members.end(), members.begin(), members.end());
    }

    Settings finish() {
        settings_.member_offsets.push_back(settings_.members.size());
        settings_.setting_offsets.assign(member_count_ + 1, 0);
        for (const MemberIndex member : settings_.members) ++settings_.setting_offsets[member + 1];
        for (std::size_t i = 0; i < member_count_; ++i) settings_.setting_offsets[i + 1] += settings_.setting_offsets[i];
        settings_.settings.resize(settings_.members.size());
        std::vector<std::size_t> fill(settings_.setting_offsets.begin(), settings_.setting_offsets.end() - 1);
        const std::size_t count = settings_.kind.size();
        for (std::uint32_t s = 0; s < count; ++s) {
            for (const MemberIndex member : settings_.members_of(s)) settings_.settings[fill[member]++] = s;
        }
        return std::move(settings_);
    }

private:
    std::size_t member_count_;
    Settings settings_;
};

Settings collect_settings(const Network& network) {
    const std::size_t n = network.members.size();
    SettingsBuilder builder(n);

    std::vector<std::vector<MemberIndex>> by_event(network.events.size());
    for (const Attendance& row : network.attendance) by_event[row.event].push_back(row.member);
    for (auto& attendees : by_event) builder.add_setting(SettingKind::event, std::move(attendees));

    std::vector<std::vector<MemberIndex>> by_group(network.groups.size());
    for (const GroupMembership& row : network.group_members) by_group[row.group].push_back(row.member);
    for (auto& members : by_group) builder.add_setting(SettingKind::group, std::move(members));

    std::vector<std::vector<MemberIndex>> by_organisation(network.organisations.size());
    for (MemberIndex i = 0; i < n; ++i) {
        if (network.members[i].organisation != k_none) by_organisation[network.members[i].organisation].push_back(i);
    }
    for (const Affiliation& row : network.affiliations) by_organisation[row.organisation].push_back(row.member);
    for (auto& members : by_organisation) builder.add_setting(SettingKind::organisation, std::move(members));

    return builder.finish();
}

/// Explicit ties.csv rows as adjacency lists holding only the larger endpoint, in row order.
struct ExplicitRows {
    std::vector<std::size_t> offsets;
    std::vector<std::pair<MemberIndex, double>> rows;
};

ExplicitRows collect_explicit(const Network& network) {
    const std::size_t n = network.members.size();
    ExplicitRows explicit_rows;
    explicit_rows.offsets.assign(n + 1, 0);
    for (const ExplicitTie& tie : network.ties) {
        if (tie.source != tie.target) ++explicit_rows.offsets[std::min(tie.source, tie.target) + 1];
    }
    for (std::size_t i = 0; i < n; ++i) explicit_rows.offsets[i + 1] += explicit_rows.offsets[i];
    explicit_rows.rows.resize(explicit_rows.offsets[n]);
    std::vector<std::size_t> fill(explicit_rows.offsets.begin(), explicit_rows.offsets.end() - 1);
    for (const ExplicitTie& tie : network.ties) {
        if (tie.source == tie.target) continue;
        explicit_rows.rows[fill[std::min(tie.source, tie.target)]++] = {std::max(tie.source, tie.target), tie.weight};
    }
    return explicit_rows;
}

/// What one member's ties to higher-numbered members add up to so far.
struct Accumulator {
    double events = 0.0;
    double groups = 0.0;
    double organisations = 0.0;
    double ties = 0.0;
    TieProvenance provenance;
};

}  // namespace

TieGraph project_ties(const Network& network, const TieOptions& options) {
    const std::size_t n = network.members.size();
    const Settings settings = collect_settings(network);
    const ExplicitRows explicit_rows = collect_explicit(network);
    std::vector<double> increment(settings.kind.size());
    for (std::size_t s = 0; s < increment.size(); ++s) {
        const std::size_t size = settings.member_offsets[s + 1] - settings.member_offsets[s];
        const bool too_large = options.max_setting_size > 0 && size > options.max_setting_size;
        increment[s] = size >= 2 && !too_large ? 1.0 / static_cast<double>(size - 1) : 0.0;
    }

    const unsigned workers = concurrency::worker_count(options.threads);
    constexpr std::size_t k_chunk = 32;
    const std::size_t chunks = (n + k_chunk - 1) / k_chunk;
    std::vector<std::vector<Tie>> chunk_ties(chunks);
    std::vector<std::vector<Accumulator>> accumulators(workers);
    std::vector<std::vector<MemberIndex>> touched_lists(workers);

    concurrency::parallel_for(n, workers, k_chunk, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& accumulator = accumulators[worker];
        auto& touched = touched_lists[worker];
        if (accumulator.empty()) accumulator.resize(n);
        std::vector<Tie>& out = chunk_ties[begin / k_chunk];
        for (std::size_t i = begin; i < end; ++i) {
            const auto member = static_cast<MemberIndex>(i);
            for (const std::uint32_t s : settings.settings_of(member)) {
                const double add = increment[s];
                if (add == 0.0) continue;
                const auto others = settings.members_of(s);
                auto j = std::upper_bound(others.begin(), others.end(), member);
                for (; j != others.end(); ++j) {
                    Accumulator& into = accumulator[*j];
                    const TieProvenance& p = into.provenance;
                    if (p.events + p.groups + p.organisations + p.explicit_rows == 0) touched.push_back(*j);
                    switch (settings.kind[s]) {
                        case SettingKind::event: into.events += add, ++into.provenance.events; break;
                        case SettingKind::group: into.groups += add, ++into.provenance.groups; break;
                        case SettingKind::organisation:
                            into.organisations += add, ++into.provenance.organisations;
                            break;
                    }
                }
            }
            for (std::size_t r = explicit_rows.offsets[i]; r < explicit_rows.offsets[i + 1]; ++r) {
                const auto [other, weight] = explicit_rows.rows[r];
                Accumulator& into = accumulator[other];
                const TieProvenance& p = into.provenance;
                if (p.events + p.groups + p.organisations + p.explicit_rows == 0) touched.push_back(other);
                into.ties += weight;
                ++into.provenance.explicit_rows;
            }
            std::sort(touched.begin(), touched.end());
            const TieWeights& a = options.weights;
            for (const MemberIndex other : touched) {
                Accumulator& from = accumulator[other];
                const double weight = a.events * from.events + a.groups * from.groups +
                                      a.organisations * from.organisations + a.ties * from.ties;
                if (weight > 0.0 && weight >= options.min_weight) {
                    out.push_back({member, other, weight, from.provenance});
                }
                from = Accumulator{};
            }
            touched.clear();
        }
    });

    std::size_t total = 0;
    for (const auto& ties : chunk_ties) total += ties.size();
    std::vector<Tie> ties;
    ties.reserve(total);
    for (auto& chunk : chunk_ties) {
        ties.insert(ties.end(), chunk.begin(), chunk.end());
        std::vector<Tie>().swap(chunk);
    }
    return TieGraph::from_sorted_ties(n, std::move(ties));
}

}  // namespace bridgemap
