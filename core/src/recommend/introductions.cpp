#include <bridgemap/recommend/introductions.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/model/date.hpp>

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

std::optional<DayNumber> active_since_default(const Network& network) {
    std::optional<DayNumber> latest;
    for (const Event& event : network.events) {
        if (event.date && (!latest || event.date->last > *latest)) latest = event.date->last;
    }
    if (!latest) return std::nullopt;
    const CivilDate day = civil_from_days(*latest);
    const unsigned last_day = is_valid_date(day.year - 1, day.month, day.day) ? day.day : 28;
    return days_from_civil(day.year - 1, day.month, last_day);
}

namespace {

/// The latest dated event each member attended (k_none: none).
std::vector<EventIndex> last_events(const Network& network) {
    std::vector<EventIndex> last(network.members.size(), k_none);
    for (const Attendance& row : network.attendance) {
        const auto& date = network.events[row.event].date;
        if (!date) continue;
        EventIndex& current = last[row.member];
        if (current == k_none) {
            current = row.event;
            continue;
        }
        const DateSpan& known = *network.events[current].date;
        if (date->last > known.last || (date->last == known.last && row.event > current)) current = row.event;
    }
    return last;
}

/// The members' regions (`region`, else `place`) as ids into sorted names, 0 for none.
void add_regions(const Network& network, IntroductionPlan& plan) {
    std::vector<std::string_view> of_member(network.members.size());
    for (MemberIndex m = 0; m < network.members.size(); ++m) {
        std::string_view region = network.member_attributes.get("region", m);
        if (region.empty()) region = network.member_attributes.get("place", m);
        of_member[m] = region;
        if (!region.empty()) plan.region_names.emplace_back(region);
    }
    std::sort(plan.region_names.begin(), plan.region_names.end());
    plan.region_names.erase(std::unique(plan.region_names.begin(), plan.region_names.end()), plan.region_names.end());
    plan.region.assign(network.members.size(), 0);
    for (MemberIndex m = 0; m < network.members.size(); ++m) {
        if (of_member[m].empty()) continue;
        const auto found = std::lower_bound(plan.region_names.begin(), plan.region_names.end(), of_member[m]);
        plan.region[m] = static_cast<std::uint32_t>(found - plan.region_names.begin()) + 1;
    }
}

/// Ties between each pair of groups, counted both ways: [s * G + t].
std::vector<std::uint64_t> ties_between_groups(const TieGraph& graph, const Sectors& groups) {
    const std::size_t count = groups.count();
    std::vector<std::uint64_t> ties(count * count, 0);
    for (const Tie& tie : graph.ties()) {
        if (!groups.known(tie.source) || !groups.known(tie.target)) continue;
        const SectorIndex s = groups.of_member[tie.source];
        const SectorIndex t = groups.of_member[tie.target];
        ++ties[s * count + t];
        if (s != t) ++ties[t * count + s];
    }
    return ties;
}

/// The pair to take this step: the best warm pair, unless a cold one gains at least
/// k_cold_gain_factor times as much (docs/introductions.md). The best pair of all is found
/// first: when it is warm it is also the best warm pair, and the second search is not needed.
std::optional<introductions_detail::Choice> next_choice(introductions_detail::SearchContext& context, bool warm_only) {
    context.warm = warm_only;
    const auto any = introductions_detail::best_introduction(context);
    if (warm_only || !any) return any;  // no pair adds reach: no warm one either
    const TieGraph& graph = context.state->graph();
    if (introductions_detail::strongest_mutual_contact(graph, any->u, any->v, *context.barred).member != k_none) {
        return any;
    }
    context.warm = true;
    const auto warm = introductions_detail::best_introduction(context);
    if (!warm) return any;
    return any->effect.gain >= k_cold_gain_factor * warm->effect.gain ? any : warm;
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
    plan.last_event = last_events(network);
    add_regions(network, plan);

    const std::size_t n = network.members.size();
    plan.active_since = options.active_since ? options.active_since : active_since_default(network);
    const std::vector<bool> active = plan.active_since
                                         ? introductions_detail::active_members(network, *plan.active_since)
                                         : introductions_detail::active_members(network);
    const auto hidden = [&](MemberIndex x) { return x < options.hidden.size() && options.hidden[x]; };
    // Who may be suggested, and who may not if the rules on activity are lifted (for limits).
    std::vector<bool> if_inactive(n, false);
    plan.candidates.assign(n, false);
    for (MemberIndex x = 0; x < n; ++x) {
        if (!plan.groups.known(x) || hidden(x)) continue;
        if (!options.attending.empty() && !options.attending[x]) continue;
        if (options.between) {
            const SectorIndex sector = plan.sectors.of_member[x];
            if (sector != options.between->first && sector != options.between->second) continue;
        }
        if_inactive[x] = true;
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
    std::vector<std::uint32_t> introduced(n, 0);
    std::vector<bool> eligible = plan.candidates;
    // Introducers: active and shown, with room under max_per_introducer.
    std::vector<bool> barred(n, false);
    for (MemberIndex x = 0; x < n; ++x) barred[x] = hidden(x) || !active[x];
    std::vector<std::uint64_t> group_ties = ties_between_groups(plan.graph, plan.groups);
    const std::size_t group_count = plan.groups.count();
    introductions_detail::SearchContext context;
    context.state = &state;
    context.rules = &rules;
    context.settings = &settings;
    context.picks = picks;
    context.eligible = &eligible;
    context.barred = &barred;
    context.workers = concurrency::worker_count(options.threads);

    for (std::size_t rank = 0; rank < options.count; ++rank) {
        const auto choice = next_choice(context, options.warm_only);
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
        const auto introducer = introductions_detail::strongest_mutual_contact(plan.graph, a, b, barred);
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
        intro.ties_between_groups = group_ties[intro.group_a * group_count + intro.group_b];
        add_shared(network, settings, intro);

        state.add_tie(choice->u, choice->v);
        ++group_ties[intro.group_a * group_count + intro.group_b];
        ++group_ties[intro.group_b * group_count + intro.group_a];
        for (const MemberIndex x : {choice->u, choice->v}) {
            ++picks[x];
            if (options.max_per_member > 0 && picks[x] >= options.max_per_member) eligible[x] = false;
        }
        if (intro.introducer != k_none && options.max_per_introducer > 0 &&
            ++introduced[intro.introducer] >= options.max_per_introducer) {
            barred[intro.introducer] = true;
        }
        plan.introductions.push_back(std::move(intro));
    }
    if (plan.introductions.size() == options.count) return plan;

    // Fewer than asked for: which rules, lifted one at a time, would allow another pair.
    const auto allows_another = [&](auto&& lift) {
        introductions_detail::SearchContext relaxed = context;
        IntroductionOptions lifted = options;
        std::vector<bool> lifted_eligible = eligible;
        std::vector<bool> lifted_barred = barred;
        lift(lifted, lifted_eligible, lifted_barred);
        std::vector<bool> lifted_candidates = plan.candidates;
        for (MemberIndex x = 0; x < n; ++x) {
            if (lifted_eligible[x]) lifted_candidates[x] = true;
        }
        const CandidateRules lifted_rules(plan, lifted, lifted_candidates);
        relaxed.rules = &lifted_rules;
        relaxed.eligible = &lifted_eligible;
        relaxed.barred = &lifted_barred;
        return next_choice(relaxed, lifted.warm_only).has_value();
    };
    if (options.max_per_member > 0 && allows_another([&](auto&, auto& lifted_eligible, auto&) {
            for (MemberIndex x = 0; x < n; ++x) lifted_eligible[x] = plan.candidates[x];
        })) {
        plan.limits.push_back(IntroductionLimit::per_member);
    }
    if (options.warm_only && options.max_per_introducer > 0 && allows_another([&](auto&, auto&, auto& lifted_barred) {
            for (MemberIndex x = 0; x < n; ++x) lifted_barred[x] = hidden(x) || !active[x];
        })) {
        plan.limits.push_back(IntroductionLimit::per_introducer);
    }
    if (options.warm_only && allows_another([&](auto& lifted, auto&, auto&) { lifted.warm_only = false; })) {
        plan.limits.push_back(IntroductionLimit::warm_only);
    }
    if (options.same_region && allows_another([&](auto& lifted, auto&, auto&) { lifted.same_region = false; })) {
        plan.limits.push_back(IntroductionLimit::same_region);
    }
    if (plan.inactive_members > 0 && allows_another([&](auto&, auto& lifted_eligible, auto&) {
            for (MemberIndex x = 0; x < n; ++x) {
                if (if_inactive[x] && !plan.candidates[x]) lifted_eligible[x] = true;
            }
        })) {
        plan.limits.push_back(IntroductionLimit::active);
    }
    return plan;
}

}  // namespace bridgemap
