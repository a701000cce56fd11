#include <bridgemap/report/introduction_files.hpp>

#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/report/analysis_files.hpp>
#include <bridgemap/report/html.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap::report {
namespace {

using Json = nlohmann::ordered_json;

Json number_or_null(double value) {
    return is_defined(value) ? Json(value) : Json(nullptr);
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
}

/// "first", "second", ... "tenth", then "11th".
std::string ordinal(std::uint32_t n) {
    static const char* const k_words[] = {"first", "second",  "third",  "fourth", "fifth",
                                          "sixth", "seventh", "eighth", "ninth",  "tenth"};
    if (n >= 1 && n <= 10) return k_words[n - 1];
    const std::uint32_t last_two = n % 100;
    const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                         : n % 10 == 1                      ? "st"
                         : n % 10 == 2                      ? "nd"
                         : n % 10 == 3                      ? "rd"
                                                            : "th";
    return std::to_string(n) + suffix;
}

/// The words for the groups of one plan: sectors or communities.
struct GroupWords {
    const IntroductionPlan& plan;
    bool by_sector;

    /// "the public sector" or "community 3".
    [[nodiscard]] std::string group_name(SectorIndex g) const {
        return by_sector ? "the " + plan.groups.names[g] + " sector" : plan.groups.names[g];
    }
    /// "public members" or "members of community 3".
    [[nodiscard]] std::string members_of(SectorIndex g) const {
        return by_sector ? plan.groups.names[g] + " members" : "members of " + plan.groups.names[g];
    }
    /// "1 more sector", "2 more communities".
    [[nodiscard]] std::string more(std::uint32_t count) const {
        const char* word = by_sector ? (count == 1 ? "sector" : "sectors") : (count == 1 ? "community" : "communities");
        return std::to_string(count) + " more " + word;
    }
};

/// "links b to a, where 1 of 2 b members has a tie to the a sector": the weaker direction.
std::string thin_link(const GroupWords& words, const Introduction& intro) {
    SectorIndex from = intro.group_a;
    SectorIndex to = intro.group_b;
    std::uint64_t tied = intro.group_a_tied_to_b;
    std::uint64_t size = intro.group_a_members;
    if (static_cast<double>(intro.group_b_tied_to_a) / static_cast<double>(intro.group_b_members) <
        static_cast<double>(tied) / static_cast<double>(size)) {
        std::swap(from, to);
        tied = intro.group_b_tied_to_a;
        size = intro.group_b_members;
    }
    std::string text = "links " + words.plan.groups.names[from] + " to " + words.plan.groups.names[to];
    if (tied == 0) {
        text += ", where none of the " + std::to_string(size) + " " + words.members_of(from) + " has a tie to " +
                words.group_name(to);
    } else if (tied < size) {
        text += std::string(", where ") + (2 * tied < size ? "only " : "") + std::to_string(tied) + " of " +
                std::to_string(size) + " " + words.members_of(from) + (tied == 1 ? " has" : " have") + " a tie to " +
                words.group_name(to);
    }
    return text;
}

/// "; brings Ana within two steps of 1 more sector", or what else the introduction adds.
std::string what_it_adds(const Network& network, const GroupWords& words, const Introduction& intro) {
    const std::string a = network.members[intro.a].display_name();
    const std::string b = network.members[intro.b].display_name();
    if (intro.a_new_groups > 0) {
        std::string text = "; brings " + a + " within two steps of " + words.more(intro.a_new_groups);
        if (intro.b_new_groups > 0) text += " and " + b + " of " + words.more(intro.b_new_groups);
        return text;
    }
    if (intro.b_new_groups > 0) return "; brings " + b + " within two steps of " + words.more(intro.b_new_groups);
    if (intro.contacts_gaining > 0) {
        return "; " + std::to_string(intro.contacts_gaining) + " of their contacts " +
               (intro.contacts_gaining == 1 ? "gains" : "gain") + " a two-step route to the other's " +
               (words.by_sector ? "sector" : "community");
    }
    return "; gives " + a + " a " + ordinal(intro.a_contacts + 1) + " contact in " + words.group_name(intro.group_b) +
           " and " + b + " a " + ordinal(intro.b_contacts + 1) + " in " + words.group_name(intro.group_a);
}

/// "; both were at Spring assembly (2018-06-01, 5 people) but never in a small group", or
/// whatever else they share.
std::string what_they_share(const Network& network, const IntroductionOptions& request, const Introduction& intro) {
    const std::string not_tied = request.ties.max_setting_size > 0 ? " but never in a small group" : " but have no tie";
    if (!intro.shared_events.empty()) {
        const Event& last = network.events[intro.shared_events.back()];
        std::string text = "; both were at " + last.display_name() + " (";
        if (!last.date_text.empty()) text += last.date_text + ", ";
        text += std::to_string(intro.last_shared_event_size) + " people)";
        const std::size_t others = intro.shared_events.size() - 1;
        if (others > 0) text += " and " + std::to_string(others) + (others == 1 ? " other event" : " other events");
        return text + not_tied;
    }
    if (!intro.shared_groups.empty())
        return "; both are in " + network.groups[intro.shared_groups.front()].display_name() + not_tied;
    if (!intro.shared_organisations.empty()) {
        return "; both belong to " + network.organisations[intro.shared_organisations.front()].display_name() +
               not_tied;
    }
    if (!intro.shared_places.empty())
        return "; both are in " + intro.shared_places.front() + " but have never been at the same event";
    return "; they have never been at the same event";
}

/// "gives Andy Mycock a first contact in the public sector; the public and academic sectors
/// would then have 3 direct ties".
std::string gain_words(const Network& network, const GroupWords& words, const Introduction& intro) {
    std::string text;
    const auto first_contact = [&](MemberIndex member, SectorIndex group) {
        return network.members[member].display_name() + " a first contact in " + words.group_name(group);
    };
    if (intro.a_contacts == 0 && intro.b_contacts == 0) {
        text = "gives " + first_contact(intro.a, intro.group_b) + ", and " + first_contact(intro.b, intro.group_a);
    } else if (intro.a_contacts == 0) {
        text = "gives " + first_contact(intro.a, intro.group_b);
    } else if (intro.b_contacts == 0) {
        text = "gives " + first_contact(intro.b, intro.group_a);
    } else {
        text = "gives " + network.members[intro.a].display_name() + " a " + ordinal(intro.a_contacts + 1) +
               " contact in " + words.group_name(intro.group_b);
    }
    const std::uint64_t ties = intro.ties_between_groups + 1;
    const std::string& first = words.plan.groups.names[intro.group_a];
    const std::string& second = words.plan.groups.names[intro.group_b];
    text += words.by_sector ? "; the " + first + " and " + second + " sectors would then have "
                            : "; " + first + " and " + second + " would then have ";
    return text + std::to_string(ties) + (ties == 1 ? " direct tie" : " direct ties");
}

bool by_sector(const IntroductionReport& report) {
    return report.request.across == IntroductionAcross::sectors;
}

std::string organisation_name(const Network& network, MemberIndex member) {
    const OrganisationIndex organisation = network.members[member].organisation;
    return organisation == k_none ? std::string() : network.organisations[organisation].display_name();
}

std::string sector_name(const IntroductionReport& report, MemberIndex member) {
    const SectorIndex sector = report.plan.sectors.of_member[member];
    return sector == k_unknown_sector ? std::string() : report.plan.sectors.names[sector];
}

std::string group_label(const IntroductionReport& report, SectorIndex group) {
    return group == k_unknown_sector ? std::string("no group") : report.plan.groups.names[group];
}

std::string region_of(const Network& network, MemberIndex member) {
    std::string_view region = network.member_attributes.get("region", member);
    if (region.empty()) region = network.member_attributes.get("place", member);
    return std::string(region);
}

/// "Anna Smith (m00012; private, Acme Ltd; London)"
std::string describe_member(const IntroductionReport& report, MemberIndex member) {
    const Network& network = *report.network;
    std::string text = network.members[member].display_name() + " (" + network.members[member].id + "; ";
    const std::string sector = sector_name(report, member);
    text += sector.empty() ? "unknown sector" : sector;
    if (!by_sector(report)) text += ", " + group_label(report, report.plan.groups.of_member[member]);
    const std::string organisation = organisation_name(network, member);
    if (!organisation.empty()) text += ", " + organisation;
    const std::string region = region_of(network, member);
    if (!region.empty()) text += "; " + region;
    return text + ")";
}

/// "Spring assembly (2018-06-01)", or "no event attended".
std::string last_seen(const IntroductionReport& report, MemberIndex member) {
    const EventIndex event = member < report.plan.last_event.size() ? report.plan.last_event[member] : k_none;
    if (event == k_none) return "no event attended";
    const Event& last = report.network->events[event];
    return last.display_name() + " (" + last.date_text + ")";
}

std::string limit_words(const IntroductionReport& report, IntroductionLimit limit) {
    const IntroductionOptions& request = report.request;
    switch (limit) {
        case IntroductionLimit::per_member:
            return "the limit of " + std::to_string(request.max_per_member) +
                   (request.max_per_member == 1 ? " introduction" : " introductions") +
                   " per member (--max-per-member)";
        case IntroductionLimit::per_introducer:
            return "the limit of " + std::to_string(request.max_per_introducer) +
                   (request.max_per_introducer == 1 ? " introduction" : " introductions") +
                   " per introducer (--max-per-introducer)";
        case IntroductionLimit::warm_only:
            return "--warm-only (the other pairs that would add reach have no mutual contact who may introduce them)";
        case IntroductionLimit::same_region:
            return "--region same (the other pairs that would add reach are in different regions)";
        case IntroductionLimit::active:
            return "the rule that candidates are active" +
                   (report.plan.active_since ? " since " + format_day(*report.plan.active_since) : std::string()) +
                   " (--active-since, --include-inactive)";
    }
    return {};
}

std::string_view limit_key(IntroductionLimit limit) {
    switch (limit) {
        case IntroductionLimit::per_member:
            return "max_per_member";
        case IntroductionLimit::per_introducer:
            return "max_per_introducer";
        case IntroductionLimit::warm_only:
            return "warm_only";
        case IntroductionLimit::same_region:
            return "region";
        case IntroductionLimit::active:
            return "active_since";
    }
    return {};
}

/// "Only 2 of the 5 asked for: ..." when the plan is short; "" otherwise.
std::string shortfall(const IntroductionReport& report) {
    const std::size_t found = report.plan.introductions.size();
    if (found >= report.request.count) return {};
    std::string text = "Only " + std::to_string(found) + " of the " + std::to_string(report.request.count) +
                       " introductions asked for: ";
    if (report.plan.limits.empty()) {
        return text +
               "no other pair of candidates would add reach (every other pair is tied, excluded, or "
               "already reaches what it could bring).";
    }
    text += "stopped by ";
    for (std::size_t k = 0; k < report.plan.limits.size(); ++k) {
        text += k == 0 ? "" : k + 1 == report.plan.limits.size() ? " and by " : ", by ";
        text += limit_words(report, report.plan.limits[k]);
    }
    return text + (report.plan.limits.size() == 1 ? "; lifting it would allow more."
                                                  : "; lifting any of them would allow more.");
}

/// "Bridging score 41.20 of 100. Cross-sector reach: ...; weakest: ...".
std::string measures_line(const IntroductionReport& report, const BridgingMeasures& measures) {
    const std::string what = by_sector(report) ? "sector" : "community";
    std::string out = "Bridging score " + io::fixed(measures.score, 2) + " of 100. Cross-" + what +
                      " reach: " + io::percent(measures.reach_one) + " directly, " + io::percent(measures.reach_two) +
                      " within two steps (mean over " + what + " pairs)";
    if (measures.weakest_from != k_unknown_sector) {
        out += "; weakest: " + report.plan.groups.names[measures.weakest_from] + " -> " +
               report.plan.groups.names[measures.weakest_to] + ", " + io::percent(measures.weakest_reach_two) +
               " within two steps";
    }
    return out + ".\n";
}

/// The evaluation table: each measure before, and after each set of introductions.
std::string evaluation_text(const IntroductionReport& report) {
    const IntroductionEvaluation& e = *report.evaluation;
    const std::string what = by_sector(report) ? "sector" : "community";
    std::string out =
        "\nEvaluation: each set of introductions added to the network (same rules for all three):\n"
        "  recommended  the " +
        std::to_string(e.recommended_pairs) + " above\n  random       " + io::fixed(e.random_pairs, 0) +
        " random candidate pairs, mean of " + std::to_string(e.random_draws) +
        " draws (seeded by --seed)\n  Adamic-Adar  the " + std::to_string(e.adamic_adar_pairs) +
        " candidate pairs with the most (and least connected) mutual contacts, as \"people you may know\" ranks "
        "them\n\n";
    struct Row {
        std::string label;
        double BridgingMeasures::*field;
        double scale;
        int digits;
    };
    const std::vector<Row> rows = {
        {"bridging score (0-100)", &BridgingMeasures::score, 1.0, 2},
        {"cross-" + what + " reach within 2 steps, mean %", &BridgingMeasures::reach_two, 100.0, 2},
        {"cross-" + what + " reach within 1 step, mean %", &BridgingMeasures::reach_one, 100.0, 2},
        {"depth of direct contact, mean %", &BridgingMeasures::depth, 100.0, 2},
        {"weakest " + what + " pair within 2 steps, %", &BridgingMeasures::weakest_reach_two, 100.0, 2},
        {"weakest " + what + " pair within 1 step, %", &BridgingMeasures::weakest_reach_one, 100.0, 2},
        {"members with no tie to another " + what, &BridgingMeasures::members_without_cross_tie, 1.0, 1},
        {"E-I index (expected " + io::fixed(e.before.expected_ei_index, 3) + ")", &BridgingMeasures::ei_index, 1.0, 4},
    };
    const std::size_t label_width = 46;
    const std::size_t column = 20;
    out += "  " + io::pad_right("", label_width) + io::pad_left("before", 9) + io::pad_left("recommended", column) +
           io::pad_left("random", column) + io::pad_left("Adamic-Adar", column) + "\n";
    for (const Row& row : rows) {
        const double before = e.before.*row.field * row.scale;
        const auto cell = [&](const BridgingMeasures& after) {
            const double value = after.*row.field * row.scale;
            return io::fixed(value, row.digits) + " (" + io::signed_fixed(value - before, row.digits) + ")";
        };
        out += "  " + io::pad_right(row.label, label_width) + io::pad_left(io::fixed(before, row.digits), 9) +
               io::pad_left(cell(e.recommended), column) + io::pad_left(cell(e.random), column) +
               io::pad_left(cell(e.adamic_adar), column) + "\n";
    }
    return out;
}

/// "2 events (Spring assembly; Picnic); groups: ...; organisations: ...; places: ...".
std::string shared_text(const Network& network, const Introduction& intro) {
    std::vector<std::string> shared;
    if (!intro.shared_events.empty()) {
        std::vector<std::string> names;
        for (const EventIndex e : intro.shared_events) names.push_back(network.events[e].display_name());
        shared.push_back(std::to_string(names.size()) + (names.size() == 1 ? " event (" : " events (") +
                         join(names, "; ") + ")");
    }
    if (!intro.shared_groups.empty()) {
        std::vector<std::string> names;
        for (const GroupIndex g : intro.shared_groups) names.push_back(network.groups[g].display_name());
        shared.push_back("groups: " + join(names, "; "));
    }
    if (!intro.shared_organisations.empty()) {
        std::vector<std::string> names;
        for (const OrganisationIndex o : intro.shared_organisations)
            names.push_back(network.organisations[o].display_name());
        shared.push_back("organisations: " + join(names, "; "));
    }
    if (!intro.shared_places.empty()) shared.push_back("places: " + join(intro.shared_places, "; "));
    return shared.empty() ? "nothing recorded" : join(shared, "; ");
}

Json measures_json(const IntroductionReport& report, const BridgingMeasures& measures) {
    Json json;
    json["score"] = number_or_null(measures.score);
    json["reach_within_two_steps"] = number_or_null(measures.reach_two);
    json["reach_within_one_step"] = number_or_null(measures.reach_one);
    json["depth"] = number_or_null(measures.depth);
    json["weakest_reach_within_two_steps"] = number_or_null(measures.weakest_reach_two);
    json["weakest_reach_within_one_step"] = number_or_null(measures.weakest_reach_one);
    if (measures.weakest_from != k_unknown_sector) {
        json["weakest_pair"] = {report.plan.groups.names[measures.weakest_from],
                                report.plan.groups.names[measures.weakest_to]};
    }
    json["members_without_cross_tie"] = number_or_null(measures.members_without_cross_tie);
    json["ei_index"] = number_or_null(measures.ei_index);
    json["expected_ei_index"] = number_or_null(measures.expected_ei_index);
    json["ties"] = number_or_null(measures.ties);
    return json;
}

Json member_json(const IntroductionReport& report, MemberIndex member) {
    const Network& network = *report.network;
    Json json;
    json["id"] = network.members[member].id;
    json["name"] = network.members[member].name;
    json["sector"] = sector_name(report, member);
    json["organisation"] = organisation_name(network, member);
    if (!by_sector(report)) json["community"] = report.plan.groups.of_member[member] + 1;
    json["region"] = region_of(network, member);
    const EventIndex event = report.plan.last_event[member];
    json["last_event"] = event == k_none ? Json(nullptr)
                                         : Json({{"id", network.events[event].id},
                                                 {"name", network.events[event].name},
                                                 {"date", network.events[event].date_text}});
    return json;
}

}  // namespace

std::string introduction_reason(const Network& network, const IntroductionPlan& plan,
                                const IntroductionOptions& request, const Introduction& introduction) {
    const GroupWords words{plan, request.across == IntroductionAcross::sectors};
    return thin_link(words, introduction) + what_it_adds(network, words, introduction) +
           what_they_share(network, request, introduction);
}

std::string introduction_gain(const Network& network, const IntroductionPlan& plan, const IntroductionOptions& request,
                              const Introduction& introduction) {
    return gain_words(network, GroupWords{plan, request.across == IntroductionAcross::sectors}, introduction);
}

std::string introductions_text(const IntroductionReport& report) {
    const Network& network = *report.network;
    const IntroductionPlan& plan = report.plan;
    const std::string what = by_sector(report) ? "sectors" : "communities";
    std::string out = "Introductions that would most strengthen bridging across " + what + ": " + report.data + " (" +
                      std::to_string(network.members.size()) + " members, " + describe_window(report.window) + ").\n" +
                      describe_tie_model(report.request.ties, !report.window.is_open()) +
                      " Who knows whom: " + std::to_string(plan.graph.tie_count()) + " ties.\n";
    out += measures_line(report, plan.before);
    if (plan.inactive_members > 0) {
        out += std::to_string(plan.inactive_members) + (plan.inactive_members == 1 ? " member" : " members") +
               (plan.active_since ? " not active since " + format_day(*plan.active_since) +
                                        " (no event attended since, nor a group running then)"
                                  : std::string(" with no attendance, group or recorded tie")) +
               " left out (--active-since DATE or --include-inactive to change that).\n";
    }
    if (plan.introductions.empty()) {
        out += "\nNo introduction among the candidates would add reach across " + what + ".\n";
        return io::terminal_safe(out + shortfall(report) + "\n");
    }
    out +=
        "\nEach pair has a mutual contact who could introduce them, unless it says otherwise (then its gain is at "
        "least " +
        io::significant(k_cold_gain_factor) +
        " times the best such pair's). Score: points of bridging score each introduction adds, made after the "
        "ones above it.\n\n";
    const std::size_t rank_width = std::to_string(plan.introductions.size()).size() + 2;
    const std::string indent(rank_width + 1, ' ');
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        out += io::pad_left(std::to_string(r + 1) + ".", rank_width) + " " + describe_member(report, intro.a) + "\n" +
               indent + "and " + describe_member(report, intro.b) + "\n";
        out += indent + "introducer: ";
        if (intro.introducer == k_none) {
            out += "none (no mutual contact who is active and free to introduce them; introduce them yourself)";
        } else {
            const Member& introducer = network.members[intro.introducer];
            out += introducer.display_name() + " (" + introducer.id + ")";
        }
        out += "\n" + indent + "gain: " + introduction_gain(network, plan, report.request, intro) + " (score +" +
               io::significant(intro.gain) + ")";
        out += "\n" + indent + "why: " + introduction_reason(network, plan, report.request, intro) + "\n";
        out += indent + "last seen: " + network.members[intro.a].display_name() + " at " + last_seen(report, intro.a) +
               "; " + network.members[intro.b].display_name() + " at " + last_seen(report, intro.b) + "\n";
        out += indent + "they share: " + shared_text(network, intro) + "\n\n";
    }
    if (const std::string short_of = shortfall(report); !short_of.empty()) out += short_of + "\n\n";
    out += "Made together, these " + std::to_string(plan.introductions.size()) +
           " introductions would raise the bridging score from " + io::fixed(plan.before.score, 2) + " to " +
           io::fixed(report.after.score, 2) + " (cross-" + (by_sector(report) ? "sector" : "community") +
           " reach within two steps " + io::percent(plan.before.reach_two) + " -> " +
           io::percent(report.after.reach_two) + ", depth of direct contact " + io::percent(plan.before.depth) +
           " -> " + io::percent(report.after.depth) + ").\n";
    out += report.evaluation ? evaluation_text(report)
                             : std::string("Run with --evaluate to compare them with random and Adamic-Adar pairs.\n");
    // Names come from the user's files: shown so that none can drive the terminal.
    return io::terminal_safe(out);
}

std::string introductions_csv(const IntroductionReport& report) {
    const Network& network = *report.network;
    std::string text;
    io::CsvWriter csv(text);
    std::vector<std::string_view> header = {"rank",
                                            "member_a",
                                            "member_b",
                                            "sector_a",
                                            "sector_b",
                                            "introducer",
                                            "gain",
                                            "reason",
                                            "name_a",
                                            "name_b",
                                            "organisation_a",
                                            "organisation_b",
                                            "introducer_name",
                                            "shared_events",
                                            "shared_groups",
                                            "shared_places",
                                            "shared_organisations",
                                            "direct_gains",
                                            "two_step_gains",
                                            "members_gaining",
                                            "gain_words",
                                            "region_a",
                                            "region_b",
                                            "last_event_a",
                                            "last_event_date_a",
                                            "last_event_b",
                                            "last_event_date_b"};
    if (!by_sector(report)) {
        header.push_back("community_a");
        header.push_back("community_b");
    }
    for (const auto field : header) csv.field(field);
    csv.end_row();
    for (std::size_t r = 0; r < report.plan.introductions.size(); ++r) {
        const Introduction& intro = report.plan.introductions[r];
        std::vector<std::string> events;
        for (const EventIndex e : intro.shared_events) events.push_back(network.events[e].id);
        std::vector<std::string> groups;
        for (const GroupIndex g : intro.shared_groups) groups.push_back(network.groups[g].id);
        std::vector<std::string> organisations;
        for (const OrganisationIndex o : intro.shared_organisations)
            organisations.push_back(network.organisations[o].id);
        csv.field(static_cast<std::uint64_t>(r + 1))
            .field(network.members[intro.a].id)
            .field(network.members[intro.b].id)
            .field(sector_name(report, intro.a))
            .field(sector_name(report, intro.b))
            .field(intro.introducer == k_none ? std::string() : network.members[intro.introducer].id)
            .field(intro.gain)
            .field(introduction_reason(network, report.plan, report.request, intro))
            .field(network.members[intro.a].name)
            .field(network.members[intro.b].name)
            .field(organisation_name(network, intro.a))
            .field(organisation_name(network, intro.b))
            .field(intro.introducer == k_none ? std::string() : network.members[intro.introducer].name)
            .field(join(events, ";"))
            .field(join(groups, ";"))
            .field(join(intro.shared_places, ";"))
            .field(join(organisations, ";"))
            .field(static_cast<std::uint64_t>(intro.direct_gains))
            .field(static_cast<std::uint64_t>(intro.two_step_gains))
            .field(static_cast<std::uint64_t>(intro.members_gaining))
            .field(introduction_gain(network, report.plan, report.request, intro))
            .field(region_of(network, intro.a))
            .field(region_of(network, intro.b));
        for (const MemberIndex member : {intro.a, intro.b}) {
            const EventIndex event = report.plan.last_event[member];
            csv.field(event == k_none ? std::string() : network.events[event].id)
                .field(event == k_none ? std::string() : network.events[event].date_text);
        }
        if (!by_sector(report)) {
            csv.field(static_cast<std::uint64_t>(intro.group_a) + 1)
                .field(static_cast<std::uint64_t>(intro.group_b) + 1);
        }
        csv.end_row();
    }
    return text;
}

std::string introductions_json(const IntroductionReport& report) {
    const Network& network = *report.network;
    const IntroductionOptions& request = report.request;
    const IntroductionPlan& plan = report.plan;
    Json json;
    json["data"] = report.data;
    json["window"] = describe_window(report.window);
    json["across"] = by_sector(report) ? "sectors" : "communities";
    json["tie_model"] = Json::parse(tie_model_json(request.ties, !report.window.is_open()));
    Json settings;
    settings["count"] = request.count;
    settings["max_per_member"] = request.max_per_member;
    settings["max_per_introducer"] = request.max_per_introducer;
    settings["active_since"] = plan.active_since ? Json(format_day(*plan.active_since)) : Json(nullptr);
    settings["region"] = request.same_region ? "same" : "any";
    settings["attending_only"] = !request.attending.empty();
    settings["cold_gain_factor"] = k_cold_gain_factor;
    settings["warm_only"] = request.warm_only;
    settings["between"] =
        request.between
            ? Json({plan.sectors.names[request.between->first], plan.sectors.names[request.between->second]})
            : Json(nullptr);
    settings["excluded_pairs"] = request.exclude.size();
    settings["include_inactive"] = request.include_inactive;
    settings["seed"] = request.seed;
    json["settings"] = settings;
    json["members"] = network.members.size();
    json["inactive_members_left_out"] = plan.inactive_members;
    json["before"] = measures_json(report, plan.before);
    Json list = Json::array();
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        Json item;
        item["rank"] = r + 1;
        item["member_a"] = member_json(report, intro.a);
        item["member_b"] = member_json(report, intro.b);
        if (intro.introducer == k_none) {
            item["introducer"] = nullptr;
        } else {
            item["introducer"] = {{"id", network.members[intro.introducer].id},
                                  {"name", network.members[intro.introducer].name},
                                  {"tie_weight", intro.introducer_tie}};
        }
        item["gain"] = intro.gain;
        item["gain_words"] = introduction_gain(network, plan, request, intro);
        item["warm"] = intro.introducer != k_none;
        item["direct_gains"] = intro.direct_gains;
        item["two_step_gains"] = intro.two_step_gains;
        item["members_gaining"] = intro.members_gaining;
        Json events = Json::array();
        for (const EventIndex e : intro.shared_events) {
            events.push_back({{"id", network.events[e].id},
                              {"name", network.events[e].name},
                              {"date", network.events[e].date_text}});
        }
        Json groups = Json::array();
        for (const GroupIndex g : intro.shared_groups) groups.push_back(network.groups[g].id);
        Json organisations = Json::array();
        for (const OrganisationIndex o : intro.shared_organisations)
            organisations.push_back(network.organisations[o].id);
        item["shared"] = {
            {"events", events}, {"groups", groups}, {"organisations", organisations}, {"places", intro.shared_places}};
        item["reason"] = introduction_reason(network, plan, request, intro);
        list.push_back(item);
    }
    json["introductions"] = list;
    Json limits = Json::array();
    for (const IntroductionLimit limit : plan.limits) limits.push_back(limit_key(limit));
    json["stopped_by"] = limits;
    json["shortfall"] = shortfall(report);
    json["after"] = measures_json(report, report.after);
    if (report.evaluation) {
        const IntroductionEvaluation& e = *report.evaluation;
        json["evaluation"] = {{"before", measures_json(report, e.before)},
                              {"recommended", measures_json(report, e.recommended)},
                              {"recommended_pairs", e.recommended_pairs},
                              {"random", measures_json(report, e.random)},
                              {"random_draws", e.random_draws},
                              {"random_pairs", e.random_pairs},
                              {"adamic_adar", measures_json(report, e.adamic_adar)},
                              {"adamic_adar_pairs", e.adamic_adar_pairs}};
    }
    return json.dump(2) + "\n";
}

std::string introduction_emails_csv(const IntroductionReport& report, const std::string& cc) {
    const Network& network = *report.network;
    const IntroductionPlan& plan = report.plan;
    std::string text;
    io::CsvWriter csv(text);
    csv.row({"to", "cc", "subject", "body", "rank", "introducer", "member_a", "member_b"});
    const auto about = [&](MemberIndex member) {
        std::string words = network.members[member].display_name();
        std::vector<std::string> facts;
        if (const std::string organisation = organisation_name(network, member); !organisation.empty())
            facts.push_back(organisation);
        if (const std::string sector = sector_name(report, member); !sector.empty())
            facts.push_back(sector + " sector");
        if (!facts.empty()) words += " (" + join(facts, ", ") + ")";
        return words;
    };
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        const std::string a = network.members[intro.a].display_name();
        const std::string b = network.members[intro.b].display_name();
        const bool warm = intro.introducer != k_none;
        std::string body;
        if (warm) {
            body = "Dear " + network.members[intro.introducer].display_name() + ",\n\nYou know both " + about(intro.a) +
                   " and " + about(intro.b) + ". Would you be willing to introduce them to each other?\n\n";
        } else {
            body = "(No mutual contact who could introduce them: this draft is for you, the convenor.)\n\n" +
                   about(intro.a) + " and " + about(intro.b) + " have no tie yet, and no one they both know.\n\n";
        }
        body += "Why: this " + introduction_gain(network, plan, report.request, intro) + ".\n\n";
        body += "What they share: " + shared_text(network, intro) + ".\n\n";
        body +=
            "Please ask each of them first, separately, whether they would welcome the introduction, and "
            "introduce them only once both have said yes. If either says no, that is fine: just let us know.\n\n"
            "Thank you.\n";
        const std::string to = warm ? std::string(network.member_attributes.get("email", intro.introducer)) : "";
        csv.field(to)
            .field(cc)
            .field("Would you introduce " + a + " and " + b + "?")
            .field(body)
            .field(static_cast<std::uint64_t>(r + 1))
            .field(warm ? network.members[intro.introducer].id : std::string())
            .field(network.members[intro.a].id)
            .field(network.members[intro.b].id);
        csv.end_row();
    }
    return text;
}

std::string introductions_print_html(const IntroductionReport& report, const std::string& title) {
    const Network& network = *report.network;
    const IntroductionPlan& plan = report.plan;
    const auto e = [](std::string_view text) { return html_escape(text); };
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        e(title) +
        " \u2013 introductions</title>\n<style>\n"
        "@page { size: A4; margin: 15mm; }\n"
        "body { font: 11pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #111; "
        "margin: 0 auto; max-width: 180mm; padding: 0 4mm; }\n"
        "h1 { font-size: 18pt; margin: 0 0 2mm; } p.lead { margin: 0 0 5mm; color: #333; }\n"
        ".intro { border: 0.4mm solid #999; border-radius: 2mm; padding: 3mm 4mm; margin: 0 0 4mm; "
        "break-inside: avoid; page-break-inside: avoid; }\n"
        ".intro h2 { font-size: 13pt; margin: 0 0 1.5mm; } .rank { color: #555; font-weight: normal; }\n"
        ".people { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; margin: 0 0 2mm; }\n"
        ".person { background: #f3f3f3; padding: 2mm 3mm; border-radius: 1.5mm; overflow-wrap: anywhere; }\n"
        ".person strong { display: block; font-size: 12pt; } .person span { display: block; color: #333; }\n"
        "dl { margin: 0; display: grid; grid-template-columns: 27mm 1fr; gap: 1mm 3mm; }\n"
        "dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }\n"
        ".done { margin-top: 2mm; color: #333; } .box { display: inline-block; width: 3.5mm; height: 3.5mm; "
        "border: 0.3mm solid #333; vertical-align: -0.5mm; margin-right: 1.5mm; }\n"
        "footer { font-size: 9pt; color: #444; margin-top: 4mm; }\n"
        "@media print { .page-break { break-after: page; page-break-after: always; } }\n"
        "@media (max-width: 600px) { .people { grid-template-columns: 1fr; } dl { grid-template-columns: 1fr; } }\n"
        "</style>\n</head>\n<body>\n<main>\n<h1>" +
        e(title) + ": introductions to make</h1>\n";
    const std::size_t warm = static_cast<std::size_t>(std::count_if(
        plan.introductions.begin(), plan.introductions.end(), [](const auto& i) { return i.introducer != k_none; }));
    html += "<p class=\"lead\">" + std::to_string(plan.introductions.size()) + " introductions, " +
            std::to_string(warm) +
            " with a mutual contact who could make them. Ask each person first; introduce them only once both say "
            "yes.</p>\n";
    if (plan.introductions.empty()) html += "<p>No introduction among the candidates would add reach.</p>\n";
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        html += "<section class=\"intro\"><h2><span class=\"rank\">" + std::to_string(r + 1) + ".</span> " +
                e(network.members[intro.a].display_name()) + " &amp; " + e(network.members[intro.b].display_name()) +
                "</h2>\n<div class=\"people\">";
        for (const MemberIndex member : {intro.a, intro.b}) {
            html += "<div class=\"person\"><strong>" + e(network.members[member].display_name()) + "</strong>";
            const std::string organisation = organisation_name(network, member);
            const std::string sector = sector_name(report, member);
            const std::string region = region_of(network, member);
            html += "<span>" + e(organisation.empty() ? std::string("no organisation") : organisation) + "</span>";
            html += "<span>" + e(sector.empty() ? std::string("sector unknown") : sector + " sector") +
                    (region.empty() ? std::string() : " \u00b7 " + e(region)) + "</span>";
            html += "<span>Last seen: " + e(last_seen(report, member)) + "</span></div>";
        }
        html += "</div>\n<dl><dt>Introducer</dt><dd>" +
                (intro.introducer == k_none ? std::string("none: no mutual contact; introduce them yourself")
                                            : e(network.members[intro.introducer].display_name()) + " (" +
                                                  e(organisation_name(network, intro.introducer).empty()
                                                        ? std::string("no organisation")
                                                        : organisation_name(network, intro.introducer)) +
                                                  ")") +
                "</dd>\n<dt>Gain</dt><dd>" + e(introduction_gain(network, plan, report.request, intro)) +
                "</dd>\n<dt>Why</dt><dd>" + e(introduction_reason(network, plan, report.request, intro)) +
                "</dd>\n<dt>They share</dt><dd>" + e(shared_text(network, intro)) + "</dd></dl>\n";
        html += "<p class=\"done\"><span class=\"box\"></span>asked " + e(network.members[intro.a].display_name()) +
                " &nbsp; <span class=\"box\"></span>asked " + e(network.members[intro.b].display_name()) +
                " &nbsp; <span class=\"box\"></span>introduced</p></section>\n";
        // Two introductions to a page, so that a printed list has a known number of pages.
        if (r % 2 == 1 && r + 1 < plan.introductions.size()) html += "<div class=\"page-break\"></div>\n";
    }
    if (const std::string short_of = shortfall(report); !short_of.empty()) html += "<p>" + e(short_of) + "</p>\n";
    html += "<footer>" + e(describe_tie_model(report.request.ties, !report.window.is_open())) +
            " Made by bridgemap introduce.</footer>\n</main>\n</body>\n</html>\n";
    return html;
}

}  // namespace bridgemap::report
