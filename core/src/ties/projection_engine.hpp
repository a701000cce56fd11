#pragma once
// Private: the one implementation of SPEC §2's projection. project_ties keeps the ties it
// yields; projected_sector_mixing only counts them (a 100,000-member network has about 13
// million ties it need not hold); report/weak_spots reads the settings themselves.

#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>
#include <bridgemap/ties/tie_graph.hpp>

#include "concurrency/parallel_for.hpp"
#include "ties/settings.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::detail {

/// What each member of setting s adds to a tie with each other member before the kind's
/// coefficient: 1/(n_s − 1), or 0 when the setting ties nobody (one member, or more than
/// options.max_setting_size).
double setting_increment(std::size_t members, const TieOptions& options) noexcept;

/// ties.csv rows held by their smaller end, in row order (self-ties left out).
struct ExplicitRows {
    std::vector<std::size_t> offsets;
    std::vector<std::pair<MemberIndex, double>> rows;
};
ExplicitRows collect_explicit(const Network& network);

/// Calls on_tie(worker, chunk, tie) for every tie project_ties(network, options) returns,
/// from options.threads workers; the ties of the members of one chunk (members
/// [chunk·k_projection_chunk, …)) come from one worker, by source, then by target when
/// `sorted`. Time O(Σ_s n_s² + ties); memory O(members · workers).
inline constexpr std::size_t k_projection_chunk = 32;

template <bool sorted, class OnTie>
void project_each(const Network& network, const TieOptions& options, OnTie&& on_tie) {
    const std::size_t n = network.members.size();
    const Settings settings = collect_settings(network);
    const ExplicitRows explicit_rows = collect_explicit(network);
    std::vector<double> increment(settings.count());
    for (std::size_t s = 0; s < increment.size(); ++s) {
        increment[s] = setting_increment(settings.members_of(s).size(), options);
    }

    struct Accumulator {
        double events = 0.0;
        double groups = 0.0;
        double organisations = 0.0;
        double ties = 0.0;
        TieProvenance provenance;
    };
    const unsigned workers = concurrency::worker_count(options.threads);
    std::vector<std::vector<Accumulator>> accumulators(workers);
    std::vector<std::vector<MemberIndex>> touched_lists(workers);
    const TieWeights& a = options.weights;

    concurrency::parallel_for(n, workers, k_projection_chunk, [&](unsigned worker, std::size_t begin, std::size_t end) {
        auto& accumulator = accumulators[worker];
        auto& touched = touched_lists[worker];
        if (accumulator.empty()) accumulator.resize(n);
        const std::size_t chunk = begin / k_projection_chunk;
        for (std::size_t i = begin; i < end; ++i) {
            const auto member = static_cast<MemberIndex>(i);
            const auto touch = [&](MemberIndex other) -> Accumulator& {
                Accumulator& into = accumulator[other];
                const TieProvenance& p = into.provenance;
                if (p.events + p.groups + p.organisations + p.explicit_rows == 0) touched.push_back(other);
                return into;
            };
            for (const std::uint32_t s : settings.settings_of(member)) {
                const double add = increment[s];
                if (add == 0.0) continue;
                const auto others = settings.members_of(s);
                for (auto j = std::upper_bound(others.begin(), others.end(), member); j != others.end(); ++j) {
                    Accumulator& into = touch(*j);
                    switch (settings.kind[s]) {
                        case SettingKind::event:
                            into.events += add, ++into.provenance.events;
                            break;
                        case SettingKind::group:
                            into.groups += add, ++into.provenance.groups;
                            break;
                        case SettingKind::organisation:
                            into.organisations += add, ++into.provenance.organisations;
                            break;
                    }
                }
            }
            for (std::size_t r = explicit_rows.offsets[i]; r < explicit_rows.offsets[i + 1]; ++r) {
                const auto [other, weight] = explicit_rows.rows[r];
                Accumulator& into = touch(other);
                into.ties += weight;
                ++into.provenance.explicit_rows;
            }
            if constexpr (sorted) std::sort(touched.begin(), touched.end());
            for (const MemberIndex other : touched) {
                Accumulator& from = accumulator[other];
                const double weight = a.events * from.events + a.groups * from.groups +
                                      a.organisations * from.organisations + a.ties * from.ties;
                if (weight > 0.0 && weight >= options.min_weight) {
                    on_tie(worker, chunk, Tie{member, other, weight, from.provenance});
                }
                from = Accumulator{};
            }
            touched.clear();
        }
    });
}

}  // namespace bridgemap::detail
