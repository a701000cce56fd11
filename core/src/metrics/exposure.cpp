#include <bridgemap/metrics/exposure.hpp>

#include <algorithm>
#include <unordered_map>

namespace bridgemap {
namespace {

std::uint64_t pair_key(MemberIndex a, MemberIndex b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

/// The first day each pair was tied by a small setting or a recorded tie.
class FirstTieDates {
public:
    void tie(MemberIndex a, MemberIndex b, DayNumber day) {
        if (a == b) return;
        const auto [at, inserted] = dates_.try_emplace(pair_key(a, b), day);
        if (!inserted) at->second = std::min(at->second, day);
    }
    /// k_open_end when the pair was never tied.
    [[nodiscard]] DayNumber of(MemberIndex a, MemberIndex b) const {
        const auto found = dates_.find(pair_key(a, b));
        return found == dates_.end() ? k_open_end : found->second;
    }

private:
    std::unordered_map<std::uint64_t, DayNumber> dates_;
};

struct Membership {
    MemberIndex member;
    DateSpan period;
};

/// Ties pairs of a setting's memberships from the day both are in it.
void tie_memberships(FirstTieDates& dates, std::vector<Membership> rows, std::size_t max_size) {
    std::vector<MemberIndex> distinct;
    for (const auto& row : rows) distinct.push_back(row.member);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() < 2 || (max_size > 0 && distinct.size() > max_size)) return;
    for (std::size_t x = 0; x < rows.size(); ++x) {
        for (std::size_t y = x + 1; y < rows.size(); ++y) {
            const DayNumber start = std::max(rows[x].period.first, rows[y].period.first);
            const DayNumber end = std::min(rows[x].period.last, rows[y].period.last);
            if (start <= end) dates.tie(rows[x].member, rows[y].member, start);
        }
    }
}

FirstTieDates first_tie_dates(const Network& network, const TieOptions& ties) {
    FirstTieDates dates;
    const std::size_t max_size = ties.max_setting_size;
    if (ties.weights.events > 0) {
        std::vector<std::vector<MemberIndex>> by_event(network.events.size());
        for (const auto& row : network.attendance) by_event[row.event].push_back(row.member);
        for (EventIndex e = 0; e < by_event.size(); ++e) {
            if (!network.events[e].date) continue;
            auto& attendees = by_event[e];
            std::sort(attendees.begin(), attendees.end());
            attendees.erase(std::unique(attendees.begin(), attendees.end()), attendees.end());
            if (attendees.size() < 2 || (max_size > 0 && attendees.size() > max_size)) continue;
            for (std::size_t x = 0; x < attendees.size(); ++x) {
                for (std::size_t y = x + 1; y < attendees.size(); ++y) {
                    dates.tie(attendees[x], attendees[y], network.events[e].date->first);
                }
            }
        }
    }
    if (ties.weights.groups > 0) {
        std::vector<std::vector<Membership>> by_group(network.groups.size());
        for (const auto& row : network.group_members) by_group[row.group].push_back({row.member, row.period});
        for (auto& rows : by_group) tie_memberships(dates, std::move(rows), max_size);
    }
    if (ties.weights.organisations > 0) {
        std::vector<std::vector<Membership>> by_organisation(network.organisations.size());
        for (MemberIndex i = 0; i < network.members.size(); ++i) {
            const auto organisation = network.members[i].organisation;
            if (organisation != k_none) by_organisation[organisation].push_back({i, DateSpan{}});
        }
        for (const auto& row : network.affiliations) by_organisation[row.organisation].push_back({row.member, row.period});
        for (auto& rows : by_organisation) tie_memberships(dates, std::move(rows), max_size);
    }
    if (ties.weights.ties > 0) {
        for (const auto& tie : network.ties) {
            if (tie.weight > 0) dates.tie(tie.source, tie.target, tie.date ? tie.date->first : k_open_start);
        }
    }
    return dates;
}

}  // namespace

std::vector<SettingExposure> setting_exposure(const Network& network, const Sectors& sectors,
                                              const ExposureOptions& options) {
    const FirstTieDates dates = first_tie_dates(network, options.ties);
    std::vector<std::vector<MemberIndex>> by_event(network.events.size());
    for (const auto& row : network.attendance) {
        if (sectors.known(row.member)) by_event[row.event].push_back(row.member);
    }
    std::vector<SettingExposure> result;
    for (EventIndex e = 0; e < by_event.size(); ++e) {
        const Event& event = network.events[e];
        auto& attendees = by_event[e];
        std::sort(attendees.begin(), attendees.end());
        attendees.erase(std::unique(attendees.begin(), attendees.end()), attendees.end());
        if (!event.date || attendees.size() < 2) continue;
        const DayNumber day = event.date->first;
        const DayNumber horizon = day + options.horizon_days;
        SettingExposure setting;
        setting.event = e;
        for (std::size_t x = 0; x < attendees.size(); ++x) {
            for (std::size_t y = x + 1; y < attendees.size(); ++y) {
                const bool cross = sectors.of_member[attendees[x]] != sectors.of_member[attendees[y]];
                ++setting.pairs;
                setting.cross_pairs += cross;
                const DayNumber tied = dates.of(attendees[x], attendees[y]);
                if (tied < day) continue;  // tied before the event
                ++setting.untied_pairs;
                if (tied <= horizon) {
                    ++setting.formed;
                    setting.cross_formed += cross;
                }
            }
        }
        result.push_back(setting);
    }
    return result;
}

ExposureSummary summarise_exposure(const std::vector<SettingExposure>& settings, std::string kind) {
    ExposureSummary summary;
    summary.kind = std::move(kind);
    for (const auto& setting : settings) {
        ++summary.settings;
        summary.pairs += setting.pairs;
        summary.cross_pairs += setting.cross_pairs;
        summary.formed += setting.formed;
        summary.cross_formed += setting.cross_formed;
    }
    if (summary.pairs > 0) summary.exposure = static_cast<double>(summary.cross_pairs) / static_cast<double>(summary.pairs);
    if (summary.formed > 0) {
        summary.formed_share = static_cast<double>(summary.cross_formed) / static_cast<double>(summary.formed);
    }
    if (is_defined(summary.exposure) && is_defined(summary.formed_share) && summary.exposure > 0) {
        summary.friending_bias = 1.0 - summary.formed_share / summary.exposure;
    }
    return summary;
}

}  // namespace bridgemap
