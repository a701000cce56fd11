#include <bridgemap/recommend/introductions.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>

#include "concurrency/parallel_for.hpp"
#include "recommend/introductions_reach.hpp"
#include "recommend/introductions_rules.hpp"
#include "recommend/introductions_search.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace bridgemap {

using introductions_detail::CandidateRules;
using introductions_detail::ReachState;

BridgingMeasures bridging_measures(const TieGraph& graph, const Sectors& groups) {
    const SectorMixing mixing = sector_mixing(graph, groups);
    BridgingMeasures measures;
    measures.ties = static_cast<double>(graph.tie_count());
    measures.ei_index = mixing.ei_index;
    measures.expected_ei_index = mixing.expected_ei_index;
    const std::size_t groups_count = groups.count();
    // Depth: Σ ψ(contacts in t) over the members of s, in exact fixed point.
    std::vector<std::uint64_t> depth_sum(groups_count * groups_count, 0);
    std::vector<std::uint32_t> contacts(groups_count, 0);
    std::uint64_t without = 0;
    for (MemberIndex i = 0; i < graph.member_count(); ++i) {
        if (!groups.known(i)) continue;
        const SectorIndex own = groups.of_member[i];
        std::fill(contacts.begin(), contacts.end(), 0);
        for (const MemberIndex j : graph.neighbours(i)) {
            if (groups.known(j)) ++contacts[groups.of_member[j]];
        }
        bool across = false;
        for (std::size_t t = 0; t < groups_count; ++t) {
            if (t == own) continue;
            across |= contacts[t] > 0;
            depth_sum[own * groups_count + t] += introductions_detail::depth_value(contacts[t]);
        }
        if (!across) ++without;
    }
    measures.members_without_cross_tie = static_cast<double>(without);
    if (groups_count < 2) return measures;
    double phi_sum = 0.0;
    double depth_total = 0.0;
    double one_sum = 0.0;
    double two_sum = 0.0;
    std::size_t pairs = 0;
    for (const SectorReach& reach : mixing.reach) {
        if (reach.from == reach.to) continue;
        const double r1 = reach.within_one;
        const double r2 = reach.within_two;
        const double depth =
            static_cast<double>(depth_sum[reach.from * groups_count + reach.to]) /
            (static_cast<double>(introductions_detail::k_depth_unit) * static_cast<double>(mixing.members[reach.from]));
        phi_sum += (1.0 - (1.0 - depth) * (1.0 - depth)) + (1.0 - (1.0 - r2) * (1.0 - r2));
        depth_total += depth;
        one_sum += r1;
        two_sum += r2;
        ++pairs;
        if (!is_defined(measures.weakest_reach_one) || r1 < measures.weakest_reach_one) measures.weakest_reach_one = r1;
        if (!is_defined(measures.weakest_reach_two) || r2 < measures.weakest_reach_two) {
            measures.weakest_reach_two = r2;
            measures.weakest_from = reach.from;
            measures.weakest_to = reach.to;
        }
    }
    const auto count = static_cast<double>(pairs);
    measures.score = 100.0 * phi_sum / (2.0 * count);
    measures.depth = depth_total / count;
    measures.reach_one = one_sum / count;
    measures.reach_two = two_sum / count;
    return measures;
}

TieGraph with_introductions(const TieGraph& graph, std::span<const MemberPair> pairs) {
    std::vector<Tie> ties(graph.ties().begin(), graph.ties().end());
    ties.reserve(ties.size() + pairs.size());
    for (const auto& [a, b] : pairs) {
        if (a >= graph.member_count() || b >= graph.member_count())
            throw Error("with_introductions: member out of range");
        TieProvenance provenance;
        provenance.explicit_rows = 1;
        ties.push_back({std::min(a, b), std::max(a, b), 1.0, provenance});
    }
    return TieGraph::from_ties(graph.member_count(), std::move(ties));
}

namespace {

/// Communities as groups: "community 1", "community 2", ...; members in none are unknown.
Sectors community_groups(const TieGraph& graph, std::uint64_t seed) {
    CommunityOptions options;
    options.seed = seed;
    const Communities communities = leiden_communities(graph, options);
    Sectors groups;
    groups.of_member.resize(communities.of_member.size(), k_unknown_sector);
    for (std::size_t i = 0; i < communities.of_member.size(); ++i) {
        if (communities.of_member[i] != k_no_community) groups.of_member[i] = communities.of_member[i] - 1;
    }
    for (std::size_t c = 1; c <= communities.count; ++c) groups.names.push_back("community " + std::to_string(c));
    return groups;
}

/// What the two members of `intro` share: the settings both are in (events by date, then
/// index), their common place, and the size of the last shared event.
void add_shared(const Network& network, const detail::Settings& settings, Introduction& intro) {
    const auto intersect = [](const auto& a, const auto& b, auto& out) {
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    };
    std::vector<std::uint32_t> shared;
    intersect(settings.settings_of(intro.a), settings.settings_of(intro.b), shared);
    // Setting indices run over the events, then the groups, then the organisations.
    const std::size_t events = network.events.size();
    const std::size_t groups = network.groups.size();
    for (const std::uint32_t s : shared) {
        switch (settings.kind[s]) {
            case detail::SettingKind::event:
                intro.shared_events.push_back(static_cast<EventIndex>(s));
                break;
            case detail::SettingKind::group:
                intro.shared_groups.push_back(static_cast<GroupIndex>(s - events));
                break;
            case detail::SettingKind::organisation:
                intro.shared_organisations.push_back(static_cast<OrganisationIndex>(s - events - groups));
                break;
        }
    }
    std::stable_sort(intro.shared_events.begin(), intro.shared_events.end(), [&](EventIndex x, EventIndex y) {
        const auto& dx = network.events[x].date;
        const auto& dy = network.events[y].date;
        if (dx.has_value() != dy.has_value()) return dx.has_value();
        if (dx && dx->first != dy->first) return dx->first < dy->first;
        return x < y;
    });
    const auto member_place = [&](MemberIndex m) {
        std::string_view place = network.member_attributes.get("region", m);
        if (place.empty()) place = network.member_attributes.get("place", m);
        return place;
    };
    const std::string_view place_a = member_place(intro.a);
    if (!place_a.empty() && place_a == member_place(intro.b)) intro.shared_places.emplace_back(place_a);
    for (const EventIndex e : intro.shared_events) {
        std::string_view place = network.event_attributes.get("place", e);
        if (place.empty()) place = network.event_attributes.get("region", e);
        if (!place.empty()) intro.shared_places.emplace_back(place);
    }
    std::sort(intro.shared_places.begin(), intro.shared_places.end());
    intro.shared_places.erase(std::unique(intro.shared_places.begin(), intro.shared_places.end()),
                              intro.shared_places.end());
    if (!intro.shared_events.empty())
        intro.last_shared_event_size = settings.members_of(intro.shared_events.back()).size();
}

}  // namespace

IntroductionPlan recommend_introductions(const Network& network, const IntroductionOptions& options) {
    if (options.count == 0) throw RequestError("the number of introductions must be at least 1");
    IntroductionPlan plan;
    plan.graph = project_ties(network, options.ties);
    plan.sectors = member_sectors(network);
    if (options.between) {
        const auto [first, second] = *options.between;
        if (first >= plan.sectors.count() || second >= plan.sectors.count()) {
            throw RequestError("--between names a sector that no member is in");
        }
        if (first == second) throw RequestError("--between needs two different sectors");
    }
    plan.groups =
        options.across == IntroductionAcross::sectors ? plan.sectors : community_groups(plan.graph, options.seed);

    const std::size_t n = network.members.size();
    const std::vector<bool> active = introductions_detail::active_members(network);
    plan.candidates.assign(n, false);
    for (MemberIndex x = 0; x < n; ++x) {
        if (!plan.groups.known(x)) continue;
        if (x < options.hidden.size() && options.hidden[x]) continue;
        if (options.between) {
            const SectorIndex sector = plan.sectors.of_member[x];
            if (sector != options.between->first && sector != options.between->second) continue;
        }
        if (!active[x] && !options.include_inactive) {
            ++plan.inactive_members;
            continue;
        }
        plan.candidates[x] = true;
    }
    plan.before = bridging_measures(plan.graph, plan.groups);

    ReachState state(plan.graph, plan.groups);
    const CandidateRules rules(plan, options);
    const detail::Settings settings = detail::collect_settings(network);
    std::vector<std::uint32_t> picks(n, 0);
    std::vector<bool> eligible = plan.candidates;
    introductions_detail::SearchContext context;
    context.state = &state;
    context.rules = &rules;
    context.settings = &settings;
    context.picks = picks;
    context.eligible = &eligible;
    context.workers = concurrency::worker_count(options.threads);

    for (std::size_t rank = 0; rank < options.count; ++rank) {
        const auto choice = introductions_detail::best_introduction(context);
        if (!choice) break;
        Introduction intro;
        MemberIndex a = choice->u;
        MemberIndex b = choice->v;
        std::uint32_t a_new = choice->effect.u_new_groups;
        std::uint32_t b_new = choice->effect.v_new_groups;
        const bool flip = b_new > a_new || (b_new == a_new && plan.graph.degree(b) < plan.graph.degree(a));
        if (flip) {
            std::swap(a, b);
            std::swap(a_new, b_new);
        }
        intro.a = a;
        intro.b = b;
        const auto introducer = introductions_detail::strongest_mutual_contact(plan.graph, a, b, options.hidden);
        intro.introducer = introducer.member;
        intro.introducer_tie = introducer.tie;
        intro.gain = choice->effect.gain;
        intro.direct_gains = choice->effect.direct_gains;
        intro.two_step_gains = choice->effect.two_step_gains;
        intro.members_gaining = choice->effect.members_gaining;
        intro.contacts_gaining = choice->effect.contacts_gaining;
        intro.a_new_groups = a_new;
        intro.b_new_groups = b_new;
        intro.group_a = plan.groups.of_member[a];
        intro.group_b = plan.groups.of_member[b];
        intro.group_a_members = state.group_size(intro.group_a);
        intro.group_a_tied_to_b = state.direct_count(intro.group_a, intro.group_b);
        intro.group_b_members = state.group_size(intro.group_b);
        intro.group_b_tied_to_a = state.direct_count(intro.group_b, intro.group_a);
        intro.a_contacts = state.contacts(a, intro.group_b);
        intro.b_contacts = state.contacts(b, intro.group_a);
        add_shared(network, settings, intro);
        plan.introductions.push_back(std::move(intro));

        state.add_tie(choice->u, choice->v);
        for (const MemberIndex x : {choice->u, choice->v}) {
            ++picks[x];
            if (options.max_per_member > 0 && picks[x] >= options.max_per_member) eligible[x] = false;
        }
    }
    return plan;
}

}  // namespace bridgemap
