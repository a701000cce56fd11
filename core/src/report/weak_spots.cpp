#include <bridgemap/report/html.hpp>
#include <bridgemap/report/weak_spots.hpp>

#include "report/weak_spots_phases.hpp"
#include "ties/projection_engine.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <span>

namespace bridgemap::report {
namespace {

/// Names of the settings (events, groups, organisations) able to tie people, with the
/// distinct members of each: the projection's own settings (ties/projection_engine.hpp).
struct Setting {
    std::string name;
    std::span<const MemberIndex> members;
};

std::vector<Setting> tying_settings(const Network& network, const bridgemap::detail::Settings& all,
                                    const TieOptions& ties) {
    const std::size_t events = network.events.size();
    const std::size_t groups = network.groups.size();
    std::vector<Setting> settings;
    for (std::size_t s = 0; s < all.count(); ++s) {
        const auto members = all.members_of(s);
        if (bridgemap::detail::setting_increment(members.size(), ties) == 0.0) continue;
        const bool event = s < events;
        const bool group = !event && s < events + groups;
        const double coefficient = event   ? ties.weights.events
                                   : group ? ties.weights.groups
                                           : ties.weights.organisations;
        if (coefficient <= 0) continue;
        settings.push_back({event   ? network.events[s].display_name()
                            : group ? network.groups[s - events].display_name()
                                    : network.organisations[s - events - groups].display_name(),
                            members});
    }
    return settings;
}

}  // namespace

namespace detail {

SectorCarriers sector_carriers(const TieGraph& graph, const Sectors& sectors) {
    const std::size_t k = sectors.count();
    SectorCarriers carriers{std::vector<std::vector<std::uint64_t>>(k, std::vector<std::uint64_t>(k, 0)),
                            std::vector<std::vector<MemberIndex>>(k, std::vector<MemberIndex>(k, k_none))};
    std::vector<std::uint8_t> reaches(k);
    for (MemberIndex i = 0; i < graph.member_count(); ++i) {
        const SectorIndex own = sectors.of_member[i];
        if (own == k_unknown_sector) continue;
        std::fill(reaches.begin(), reaches.end(), 0);
        for (const MemberIndex j : graph.neighbours(i)) {
            const SectorIndex other = sectors.of_member[j];
            if (other != k_unknown_sector && other != own) reaches[other] = 1;
        }
        for (std::size_t t = 0; t < k; ++t) {
            if (!reaches[t]) continue;
            ++carriers.with_tie[own][t];
            carriers.carrier[own][t] = i;
        }
    }
    return carriers;
}

JoiningSettings joining_settings(const Network& network, const Sectors& sectors, const TieOptions& ties) {
    const std::size_t k = sectors.count();
    JoiningSettings joining{std::vector<std::vector<std::uint64_t>>(k, std::vector<std::uint64_t>(k, 0)),
                            std::vector<std::vector<std::string>>(k, std::vector<std::string>(k))};
    std::vector<std::uint8_t> present(k);
    const bridgemap::detail::Settings all_settings = bridgemap::detail::collect_settings(network);
    for (const Setting& setting : tying_settings(network, all_settings, ties)) {
        std::fill(present.begin(), present.end(), 0);
        for (const MemberIndex member : setting.members) {
            if (sectors.known(member)) present[sectors.of_member[member]] = 1;
        }
        for (std::size_t a = 0; a < k; ++a) {
            for (std::size_t b = a + 1; b < k && present[a]; ++b) {
                if (!present[b]) continue;
                if (joining.count[a][b]++ == 0) joining.first[a][b] = setting.name;
            }
        }
    }
    if (ties.weights.ties > 0) {
        for (const auto& tie : network.ties) {
            const SectorIndex a = sectors.of_member[tie.source];
            const SectorIndex b = sectors.of_member[tie.target];
            if (a == k_unknown_sector || b == k_unknown_sector || a == b || tie.weight <= 0) continue;
            const auto [low, high] = std::minmax(a, b);
            if (joining.count[low][high]++ == 0) joining.first[low][high] = "a recorded tie";
        }
    }
    return joining;
}

std::vector<SectorPairLink> sector_pair_links(const Network& network, const SectorMixing& mixing,
                                              const SectorCarriers& carriers, const JoiningSettings& joining) {
    std::vector<SectorPairLink> links;
    for (const auto& pair : mixing.pairs) {
        if (pair.a == pair.b) continue;
        SectorPairLink link;
        link.a = pair.a;
        link.b = pair.b;
        link.ties = pair.observed;
        link.expected = pair.expected;
        link.ratio = pair.ratio;
        link.a_members_with_tie = carriers.with_tie[pair.a][pair.b];
        link.b_members_with_tie = carriers.with_tie[pair.b][pair.a];
        link.shared_settings = joining.count[pair.a][pair.b];
        if (link.shared_settings == 1) link.only_setting = joining.first[pair.a][pair.b];
        if (link.ties > 0 && link.a_members_with_tie == 1) {
            link.only_person = network.members[carriers.carrier[pair.a][pair.b]].display_name();
        } else if (link.ties > 0 && link.b_members_with_tie == 1) {
            link.only_person = network.members[carriers.carrier[pair.b][pair.a]].display_name();
        }
        links.push_back(std::move(link));
    }
    std::stable_sort(links.begin(), links.end(), [](const auto& x, const auto& y) {
        const double rx = std::isnan(x.ratio) ? 1e300 : x.ratio;
        const double ry = std::isnan(y.ratio) ? 1e300 : y.ratio;
        return rx < ry;
    });
    return links;
}

std::vector<CommunityReach> community_reach(const TieGraph& graph, const Sectors& sectors,
                                            const Communities& communities) {
    const std::size_t k = sectors.count();
    std::vector<CommunityReach> reaches(communities.count);
    std::vector<std::vector<std::size_t>> sector_counts(communities.count, std::vector<std::size_t>(k, 0));
    std::vector<double> inside(communities.count, 0.0);
    std::vector<double> total(communities.count, 0.0);
    for (MemberIndex i = 0; i < graph.member_count(); ++i) {
        const std::uint32_t c = communities.of_member[i];
        if (c == k_no_community) continue;
        CommunityReach& reach = reaches[c - 1];
        reach.community = c;
        ++reach.members;
        if (sectors.known(i)) ++sector_counts[c - 1][sectors.of_member[i]];
        bool bridgehead = false;
        const auto neighbours = graph.neighbours(i);
        const auto weights = graph.weights(i);
        for (std::size_t a = 0; a < neighbours.size(); ++a) {
            total[c - 1] += weights[a];
            if (communities.of_member[neighbours[a]] == c) {
                inside[c - 1] += weights[a];
            } else {
                bridgehead = true;
            }
        }
        reach.bridgeheads += bridgehead ? 1 : 0;
    }
    for (std::size_t c = 0; c < communities.count; ++c) {
        CommunityReach& reach = reaches[c];
        const auto top = std::max_element(sector_counts[c].begin(), sector_counts[c].end());
        if (top != sector_counts[c].end() && *top > 0) {
            reach.main_sector = sectors.names[static_cast<std::size_t>(top - sector_counts[c].begin())];
            reach.main_sector_share = static_cast<double>(*top) / static_cast<double>(reach.members);
        } else {
            reach.main_sector = "unknown";
        }
        reach.outside_share = total[c] > 0 ? 1.0 - inside[c] / total[c] : 0.0;
    }
    std::stable_sort(reaches.begin(), reaches.end(), [](const auto& x, const auto& y) {
        return static_cast<double>(x.bridgeheads) / static_cast<double>(std::max<std::size_t>(1, x.members)) <
               static_cast<double>(y.bridgeheads) / static_cast<double>(std::max<std::size_t>(1, y.members));
    });
    return reaches;
}

}  // namespace detail

WeakSpots find_weak_spots(const Network& network, const Analysis& analysis, const TieOptions& ties) {
    WeakSpots spots;
    spots.sector_pairs =
        detail::sector_pair_links(network, analysis.mixing, detail::sector_carriers(analysis.graph, analysis.sectors),
                                  detail::joining_settings(network, analysis.sectors, ties));
    spots.communities = detail::community_reach(analysis.graph, analysis.sectors, analysis.communities);
    return spots;
}

BridgeBuilders rank_bridge_builders(const Analysis& analysis, std::size_t limit) {
    const MemberScores& bridging = analysis.paths.bridging;
    BridgeBuilders builders;
    for (MemberIndex i = 0; i < bridging.size(); ++i) {
        if (!is_defined(bridging[i]) || bridging[i] <= 0) continue;
        if (analysis.sectors.known(i)) {
            builders.ranked.push_back(i);
        } else {
            ++builders.unknown_left_out;
        }
    }
    std::stable_sort(builders.ranked.begin(), builders.ranked.end(),
                     [&](MemberIndex a, MemberIndex b) { return bridging[a] > bridging[b]; });
    if (limit > 0 && builders.ranked.size() > limit) builders.ranked.resize(limit);
    return builders;
}

std::vector<Finding> headline_findings(const Network& network, const Analysis& analysis, const WeakSpots& weak_spots,
                                       const std::vector<bool>& hidden) {
    std::vector<Finding> findings;
    const Sectors& sectors = analysis.sectors;
    const SectorMixing& mixing = analysis.mixing;
    if (sectors.count() >= 2 && mixing.known_ties > 0) {
        // Tie ends per sector, K_s, for "share of s's ties that go to t".
        std::vector<double> ends(sectors.count(), 0.0);
        for (const auto& pair : mixing.pairs) {
            ends[pair.a] += static_cast<double>(pair.observed);
            ends[pair.b] += static_cast<double>(pair.observed);
        }
        const double all_ends = 2.0 * static_cast<double>(mixing.known_ties);
        const auto enough = [&](SectorIndex s) { return mixing.members[s] >= k_headline_min_members; };
        const SectorPairLink* lowest = nullptr;
        const SectorPairLink* highest = nullptr;
        for (const auto& link : weak_spots.sector_pairs) {
            if (std::isnan(link.ratio) || link.expected < 1.0 || !enough(link.a) || !enough(link.b)) continue;
            if (lowest == nullptr || link.ratio < lowest->ratio) lowest = &link;
            if (highest == nullptr || link.ratio > highest->ratio) highest = &link;
        }
        const SectorPairLink* standing_out = lowest != nullptr && lowest->ratio < k_headline_low_ratio      ? lowest
                                             : highest != nullptr && highest->ratio > k_headline_high_ratio ? highest
                                                                                                            : nullptr;
        if (standing_out != nullptr) {
            const SectorPairLink& link = *standing_out;
            // Say it from the smaller sector's side.
            const bool a_smaller = mixing.members[link.a] <= mixing.members[link.b];
            const SectorIndex from = a_smaller ? link.a : link.b;
            const SectorIndex to = a_smaller ? link.b : link.a;
            const double observed_share = ends[from] > 0 ? static_cast<double>(link.ties) / ends[from] : 0.0;
            const double expected_share = ends[to] / all_ends;
            findings.push_back({"Members of the " + sectors.names[from] + " sector make " +
                                    format_percent(observed_share) + " of their ties to " + sectors.names[to] +
                                    " members, against " + format_percent(expected_share) +
                                    " if sectors mixed at random (" + format_for_people(link.ratio, 2) +
                                    " times the ties chance would give).",
                                "mixing"});
        } else if (lowest != nullptr) {
            findings.push_back({"No pair of sectors stands out: every pair with at least " +
                                    std::to_string(k_headline_min_members) +
                                    " members on each side has between 0.8 and 1.25 times the ties expected if "
                                    "sectors mixed at random.",
                                "mixing"});
        }
        if (is_defined(mixing.ei_index) && is_defined(mixing.expected_ei_index)) {
            const double gap = mixing.ei_index - mixing.expected_ei_index;
            std::string text = gap < -0.05  ? "Ties stay within sectors more than chance would: "
                               : gap > 0.05 ? "Ties cross sectors more than chance would: "
                                            : "Ties cross sectors about as often as chance would: ";
            text += "E-I index " + format_for_people(mixing.ei_index, 2) + " against " +
                    format_for_people(mixing.expected_ei_index, 2) + " if ties ignored sectors.";
            findings.push_back({text, "mixing"});
        }
        // The sector pair least in reach of each other: within two steps when some members are
        // that far, else directly; nothing when everyone is in direct contact with every sector.
        const SectorReach* lowest_two = nullptr;
        const SectorReach* lowest_one = nullptr;
        for (const auto& entry : mixing.reach) {
            if (entry.from == entry.to || !enough(entry.from) || !enough(entry.to)) continue;
            if (lowest_two == nullptr || entry.within_two < lowest_two->within_two) lowest_two = &entry;
            if (lowest_one == nullptr || entry.within_one < lowest_one->within_one) lowest_one = &entry;
        }
        if (lowest_two != nullptr && lowest_two->within_two < 0.95) {
            findings.push_back({"Only " + format_percent(lowest_two->within_two) + " of " +
                                    sectors.names[lowest_two->from] + " members know someone in the " +
                                    sectors.names[lowest_two->to] + " sector, directly or through one contact.",
                                "reach"});
        } else if (lowest_one != nullptr && lowest_one->within_one < 0.95) {
            findings.push_back(
                {"Only " + format_percent(lowest_one->within_one) + " of " + sectors.names[lowest_one->from] +
                     " members have a tie of their own to someone in the " + sectors.names[lowest_one->to] +
                     " sector; through one contact, " + format_percent(lowest_one->within_two) + " do.",
                 "reach"});
        }
    }
    // Who holds the network together across sectors.
    const auto is_hidden = [&](std::size_t m) { return m < hidden.size() && hidden[m]; };
    std::vector<MemberIndex> order = rank_bridge_builders(analysis, hidden.empty() ? 3 : 0).ranked;
    std::erase_if(order, [&](MemberIndex m) { return is_hidden(m); });
    const auto& cut = analysis.connectivity.would_cut_off;
    auto most_cut = cut.end();
    for (auto it = cut.begin(); it != cut.end(); ++it) {
        if (!is_hidden(static_cast<std::size_t>(it - cut.begin())) && (most_cut == cut.end() || *it > *most_cut)) {
            most_cut = it;
        }
    }
    if (most_cut != cut.end() && *most_cut >= 2) {
        const auto who = static_cast<std::size_t>(most_cut - cut.begin());
        findings.push_back({"If " + network.members[who].display_name() + " stepped back, " + format_count(*most_cut) +
                                " members would lose every link to the rest of the network.",
                            "bridge-builders"});
    } else if (!order.empty()) {
        std::string names;
        for (std::size_t r = 0; r < std::min<std::size_t>(3, order.size()); ++r) {
            names += (r == 0 ? "" : r + 1 == std::min<std::size_t>(3, order.size()) ? " and " : ", ");
            names += network.members[order[r]].display_name();
        }
        findings.push_back({names + " carry the most cross-sector routes through the network.", "bridge-builders"});
    }
    return findings;
}

}  // namespace bridgemap::report
