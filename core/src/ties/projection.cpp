#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/ties/projection.hpp>

#include "ties/projection_engine.hpp"

#include <algorithm>

namespace bridgemap {
namespace detail {

Settings collect_settings(const Network& network) {
    const std::size_t n = network.members.size();
    Settings settings;
    const auto add = [&](SettingKind kind, std::vector<MemberIndex>& members) {
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        settings.kind.push_back(kind);
        settings.member_offsets.push_back(settings.members.size());
        settings.members.insert(settings.members.end(), members.begin(), members.end());
        std::vector<MemberIndex>().swap(members);
    };

    std::vector<std::vector<MemberIndex>> by_event(network.events.size());
    for (const Attendance& row : network.attendance) by_event[row.event].push_back(row.member);
    for (auto& attendees : by_event) add(SettingKind::event, attendees);

    std::vector<std::vector<MemberIndex>> by_group(network.groups.size());
    for (const GroupMembership& row : network.group_members) by_group[row.group].push_back(row.member);
    for (auto& members : by_group) add(SettingKind::group, members);

    // Colleague ties only between active members (SPEC §1: in a window, those who took part).
    std::vector<std::vector<MemberIndex>> by_organisation(network.organisations.size());
    for (MemberIndex i = 0; i < n; ++i) {
        if (network.members[i].organisation != k_none && network.is_active(i)) {
            by_organisation[network.members[i].organisation].push_back(i);
        }
    }
    for (const Affiliation& row : network.affiliations) {
        if (network.is_active(row.member)) by_organisation[row.organisation].push_back(row.member);
    }
    for (auto& members : by_organisation) add(SettingKind::organisation, members);

    // Both incidence lists: members per setting (above), settings per member (counting sort).
    settings.member_offsets.push_back(settings.members.size());
    settings.setting_offsets.assign(n + 1, 0);
    for (const MemberIndex member : settings.members) ++settings.setting_offsets[member + 1];
    for (std::size_t i = 0; i < n; ++i) settings.setting_offsets[i + 1] += settings.setting_offsets[i];
    settings.settings.resize(settings.members.size());
    std::vector<std::size_t> fill(settings.setting_offsets.begin(), settings.setting_offsets.end() - 1);
    for (std::uint32_t s = 0; s < settings.count(); ++s) {
        for (const MemberIndex member : settings.members_of(s)) settings.settings[fill[member]++] = s;
    }
    return settings;
}

double setting_increment(std::size_t members, const TieOptions& options) noexcept {
    const bool too_large = options.max_setting_size > 0 && members > options.max_setting_size;
    return members >= 2 && !too_large ? 1.0 / static_cast<double>(members - 1) : 0.0;
}

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

}  // namespace detail

std::string describe_tie_model(const TieOptions& options, bool windowed) {
    std::string text = "Tie model: a shared event, group or organisation";
    if (options.max_setting_size > 0) {
        text += " of at most " + std::to_string(options.max_setting_size) + " people, or a recorded tie";
        text += " (larger settings are exposure, not ties)";
    } else {
        text += " of any size, or a recorded tie";
    }
    const TieWeights& w = options.weights;
    text += "; weights events=" + io::format_number(w.events) + ", groups=" + io::format_number(w.groups) +
            ", orgs=" + io::format_number(w.organisations) + ", ties=" + io::format_number(w.ties);
    if (options.min_weight > 0) text += "; ties weaker than " + io::format_number(options.min_weight) + " dropped";
    if (windowed) text += "; colleague ties only between members active in the window";
    return text + ".";
}

TieGraph project_ties(const Network& network, const TieOptions& options) {
    const std::size_t n = network.members.size();
    std::vector<std::vector<Tie>> chunk_ties((n + detail::k_projection_chunk - 1) / detail::k_projection_chunk);
    detail::project_each<true>(network, options,
                               [&](unsigned, std::size_t chunk, const Tie& tie) { chunk_ties[chunk].push_back(tie); });

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
