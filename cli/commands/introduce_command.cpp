// bridgemap introduce: a short ranked list of introductions that would do the most for the
// network's bridging capital, who could make each one warmly, and (--evaluate) what they
// achieve against random pairs and Adamic-Adar pairs (docs/introductions.md).

#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/member_lists.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/recommend/introductions.hpp>
#include <bridgemap/report/analysis_files.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace bridgemap::cli {
namespace {

struct IntroduceOptions {
    DataOptions data;
    std::size_t count = 10;
    std::string across = "sector";
    std::string between;
    std::size_t max_per_member = IntroductionOptions{}.max_per_member;
    bool warm_only = false;
    std::string exclude;
    bool include_inactive = false;
    bool evaluate = false;
    std::string out;
    std::string format = "text";
};

/// Pairs already tried: a CSV file with one pair per row. A first row naming columns
/// member_a and member_b (or source and target) picks those columns (a previous --out file
/// works as it is); otherwise the first two columns are used, and a first row in which
/// neither is a member id is taken for a header.
std::string fixed(double value, int digits) {
    if (!is_defined(value)) return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

std::string signed_fixed(double value, int digits) {
    if (!is_defined(value)) return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%+.*f", digits, value);
    std::string text = buffer;
    // A change that rounds to zero is shown as +0, whatever its sign.
    if (text.find_first_not_of("+-0.") == std::string::npos) text[0] = '+';
    return text;
}

/// Three significant digits: 0.149, 0.00312.
std::string significant(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
}

std::string percent(double share) {
    return is_defined(share) ? fixed(100.0 * share, 1) + "%" : "n/a";
}

std::string padded(const std::string& text, std::size_t width) {
    const std::size_t length = io::utf8_length(text);
    return length >= width ? text : text + std::string(width - length, ' ');
}

std::string left_padded(const std::string& text, std::size_t width) {
    const std::size_t length = io::utf8_length(text);
    return length >= width ? text : std::string(width - length, ' ') + text;
}

/// Everything the outputs are made from.
struct Result {
    const Network* network = nullptr;
    const IntroduceOptions* options = nullptr;
    IntroductionOptions request;
    IntroductionPlan plan;
    BridgingMeasures after;
    std::optional<IntroductionEvaluation> evaluation;
    std::string window;
    Window window_span;
};

std::string organisation_name(const Network& network, MemberIndex member) {
    const OrganisationIndex organisation = network.members[member].organisation;
    return organisation == k_none ? std::string() : network.organisations[organisation].display_name();
}

std::string sector_name(const Result& result, MemberIndex member) {
    const SectorIndex sector = result.plan.sectors.of_member[member];
    return sector == k_unknown_sector ? std::string() : result.plan.sectors.names[sector];
}

bool by_sector(const Result& result) {
    return result.request.across == IntroductionAcross::sectors;
}

std::string group_label(const Result& result, SectorIndex group) {
    return group == k_unknown_sector ? std::string("no group") : result.plan.groups.names[group];
}

/// "Anna Smith (m00012; private, Acme Ltd)"
std::string describe_member(const Result& result, MemberIndex member) {
    const Network& network = *result.network;
    std::string text = network.members[member].display_name() + " (" + network.members[member].id + "; ";
    const std::string sector = sector_name(result, member);
    text += sector.empty() ? "unknown sector" : sector;
    if (!by_sector(result)) text += ", " + group_label(result, result.plan.groups.of_member[member]);
    const std::string organisation = organisation_name(network, member);
    if (!organisation.empty()) text += ", " + organisation;
    return text + ")";
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
}

std::string describe_settings(const Result& result) {
    return describe_tie_model(result.request.ties, !result.window_span.is_open()) +
           " Who knows whom: " + std::to_string(result.plan.graph.tie_count()) + " ties.";
}

void print_measures_line(const Result& result, const BridgingMeasures& measures, std::ostream& out) {
    const std::string what = by_sector(result) ? "sector" : "community";
    out << "Bridging score " << fixed(measures.score, 2) << " of 100. Cross-" << what
        << " reach: " << percent(measures.reach_one) << " directly, " << percent(measures.reach_two)
        << " within two steps (mean over " << what << " pairs)";
    if (measures.weakest_from != k_unknown_sector) {
        out << "; weakest: " << result.plan.groups.names[measures.weakest_from] << " -> "
            << result.plan.groups.names[measures.weakest_to] << ", " << percent(measures.weakest_reach_two)
            << " within two steps";
    }
    out << ".\n";
}

void print_evaluation(const Result& result, std::ostream& out) {
    const IntroductionEvaluation& e = *result.evaluation;
    const std::string what = by_sector(result) ? "sector" : "community";
    out << "\nEvaluation: each set of introductions added to the network (same rules for all three):\n"
        << "  recommended  the " << e.recommended_pairs << " above\n"
        << "  random       " << fixed(e.random_pairs, 0) << " random candidate pairs, mean of " << e.random_draws
        << " draws (seeded by --seed)\n"
        << "  Adamic-Adar  the " << e.adamic_adar_pairs
        << " candidate pairs with the most (and least connected) mutual contacts, as \"people you may know\" ranks "
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
        {"E-I index (expected " + fixed(e.before.expected_ei_index, 3) + ")", &BridgingMeasures::ei_index, 1.0, 4},
    };
    const std::size_t label_width = 46;
    const std::size_t column = 20;
    out << "  " << padded("", label_width) << left_padded("before", 9) << left_padded("recommended", column)
        << left_padded("random", column) << left_padded("Adamic-Adar", column) << "\n";
    for (const Row& row : rows) {
        const double before = e.before.*row.field * row.scale;
        const auto cell = [&](const BridgingMeasures& after) {
            const double value = after.*row.field * row.scale;
            return fixed(value, row.digits) + " (" + signed_fixed(value - before, row.digits) + ")";
        };
        out << "  " << padded(row.label, label_width) << left_padded(fixed(before, row.digits), 9)
            << left_padded(cell(e.recommended), column) << left_padded(cell(e.random), column)
            << left_padded(cell(e.adamic_adar), column) << "\n";
    }
}

void print_text(const Result& result, std::ostream& out) {
    const Network& network = *result.network;
    const IntroductionPlan& plan = result.plan;
    const auto& options = *result.options;
    const std::string what = by_sector(result) ? "sectors" : "communities";
    out << "Introductions that would most strengthen bridging across " << what << ": " << options.data.data << " ("
        << network.members.size() << " members, " << result.window << ").\n"
        << describe_settings(result) << "\n";
    print_measures_line(result, plan.before, out);
    if (plan.inactive_members > 0) {
        out << plan.inactive_members << (plan.inactive_members == 1 ? " member" : " members")
            << " with no attendance, group or recorded tie left out (--include-inactive to suggest them too).\n";
    }
    if (plan.introductions.empty()) {
        out << "\nNo introduction among the candidates would add reach across " << what
            << ": every candidate pair is tied, excluded, or already reaches everything it could bring.\n";
        return;
    }
    out << "\nGain: points of bridging score each introduction adds, made after the ones above it.\n\n";
    const std::size_t rank_width = std::to_string(plan.introductions.size()).size() + 2;
    const std::string indent(rank_width + 1, ' ');
    for (std::size_t r = 0; r < plan.introductions.size(); ++r) {
        const Introduction& intro = plan.introductions[r];
        out << left_padded(std::to_string(r + 1) + ".", rank_width) << " " << describe_member(result, intro.a) << "\n"
            << indent << "and " << describe_member(result, intro.b) << "\n";
        out << indent << "gain +" << significant(intro.gain) << "   introducer: ";
        if (intro.introducer == k_none) {
            out << "none (no mutual contact; introduce them yourself)";
        } else {
            out << network.members[intro.introducer].display_name() << " (" << network.members[intro.introducer].id
                << ")";
        }
        out << "\n" << indent << "why: " << intro.reason << "\n";
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
        out << indent << "they share: " << (shared.empty() ? "nothing recorded" : join(shared, "; ")) << "\n\n";
    }
    out << "Made together, these " << plan.introductions.size() << " introductions would raise the bridging score from "
        << fixed(plan.before.score, 2) << " to " << fixed(result.after.score, 2) << " (cross-"
        << (by_sector(result) ? "sector" : "community") << " reach within two steps " << percent(plan.before.reach_two)
        << " -> " << percent(result.after.reach_two) << ", depth of direct contact " << percent(plan.before.depth)
        << " -> " << percent(result.after.depth) << ").\n";
    if (result.evaluation) {
        print_evaluation(result, out);
    } else {
        out << "Run with --evaluate to compare them with random and Adamic-Adar pairs.\n";
    }
}

std::string introductions_csv(const Result& result) {
    const Network& network = *result.network;
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
                                            "members_gaining"};
    if (!by_sector(result)) {
        header.push_back("community_a");
        header.push_back("community_b");
    }
    for (const auto field : header) csv.field(field);
    csv.end_row();
    for (std::size_t r = 0; r < result.plan.introductions.size(); ++r) {
        const Introduction& intro = result.plan.introductions[r];
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
            .field(sector_name(result, intro.a))
            .field(sector_name(result, intro.b))
            .field(intro.introducer == k_none ? std::string() : network.members[intro.introducer].id)
            .field(intro.gain)
            .field(intro.reason)
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
            .field(static_cast<std::uint64_t>(intro.members_gaining));
        if (!by_sector(result)) {
            csv.field(static_cast<std::uint64_t>(intro.group_a + 1))
                .field(static_cast<std::uint64_t>(intro.group_b + 1));
        }
        csv.end_row();
    }
    return text;
}

using Json = nlohmann::ordered_json;

Json number(double value) {
    return is_defined(value) ? Json(value) : Json(nullptr);
}

Json measures_json(const Result& result, const BridgingMeasures& measures) {
    Json json;
    json["score"] = number(measures.score);
    json["reach_within_two_steps"] = number(measures.reach_two);
    json["reach_within_one_step"] = number(measures.reach_one);
    json["depth"] = number(measures.depth);
    json["weakest_reach_within_two_steps"] = number(measures.weakest_reach_two);
    json["weakest_reach_within_one_step"] = number(measures.weakest_reach_one);
    if (measures.weakest_from != k_unknown_sector) {
        json["weakest_pair"] = {result.plan.groups.names[measures.weakest_from],
                                result.plan.groups.names[measures.weakest_to]};
    }
    json["members_without_cross_tie"] = number(measures.members_without_cross_tie);
    json["ei_index"] = number(measures.ei_index);
    json["expected_ei_index"] = number(measures.expected_ei_index);
    json["ties"] = number(measures.ties);
    return json;
}

Json member_json(const Result& result, MemberIndex member) {
    const Network& network = *result.network;
    Json json;
    json["id"] = network.members[member].id;
    json["name"] = network.members[member].name;
    json["sector"] = sector_name(result, member);
    json["organisation"] = organisation_name(network, member);
    if (!by_sector(result)) json["community"] = result.plan.groups.of_member[member] + 1;
    return json;
}

std::string introductions_json(const Result& result) {
    const Network& network = *result.network;
    const auto& options = *result.options;
    Json json;
    json["data"] = options.data.data;
    json["window"] = result.window;
    json["across"] = by_sector(result) ? "sectors" : "communities";
    json["tie_model"] = Json::parse(report::tie_model_json(result.request.ties, !result.window_span.is_open()));
    Json settings;
    settings["count"] = options.count;
    settings["max_per_member"] = options.max_per_member;
    settings["warm_only"] = options.warm_only;
    settings["between"] = result.request.between ? Json({result.plan.sectors.names[result.request.between->first],
                                                         result.plan.sectors.names[result.request.between->second]})
                                                 : Json(nullptr);
    settings["excluded_pairs"] = result.request.exclude.size();
    settings["include_inactive"] = options.include_inactive;
    settings["seed"] = options.data.seed;
    json["settings"] = settings;
    json["members"] = network.members.size();
    json["inactive_members_left_out"] = result.plan.inactive_members;
    json["before"] = measures_json(result, result.plan.before);
    Json list = Json::array();
    for (std::size_t r = 0; r < result.plan.introductions.size(); ++r) {
        const Introduction& intro = result.plan.introductions[r];
        Json item;
        item["rank"] = r + 1;
        item["member_a"] = member_json(result, intro.a);
        item["member_b"] = member_json(result, intro.b);
        if (intro.introducer == k_none) {
            item["introducer"] = nullptr;
        } else {
            item["introducer"] = {{"id", network.members[intro.introducer].id},
                                  {"name", network.members[intro.introducer].name},
                                  {"tie_weight", intro.introducer_tie}};
        }
        item["gain"] = intro.gain;
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
        item["reason"] = intro.reason;
        list.push_back(item);
    }
    json["introductions"] = list;
    json["after"] = measures_json(result, result.after);
    if (result.evaluation) {
        const IntroductionEvaluation& e = *result.evaluation;
        json["evaluation"] = {{"before", measures_json(result, e.before)},
                              {"recommended", measures_json(result, e.recommended)},
                              {"recommended_pairs", e.recommended_pairs},
                              {"random", measures_json(result, e.random)},
                              {"random_draws", e.random_draws},
                              {"random_pairs", e.random_pairs},
                              {"adamic_adar", measures_json(result, e.adamic_adar)},
                              {"adamic_adar_pairs", e.adamic_adar_pairs}};
    }
    return json.dump(2) + "\n";
}

int run_introduce(const IntroduceOptions& options) {
    if (options.count == 0) throw RequestError("--count must be at least 1");
    IntroductionAcross across = IntroductionAcross::sectors;
    if (options.across == "community") across = IntroductionAcross::communities;

    const LoadedNetwork loaded = load_network(options.data, std::cerr);
    const Network& network = loaded.windowed();

    Result result;
    result.network = &network;
    result.options = &options;
    result.window = describe_window(loaded.window);
    result.window_span = loaded.window;
    IntroductionOptions& request = result.request;
    request.ties = tie_options(options.data);
    request.count = options.count;
    request.across = across;
    request.max_per_member = options.max_per_member;
    request.warm_only = options.warm_only;
    request.include_inactive = options.include_inactive;
    request.seed = options.data.seed;
    if (!options.between.empty()) request.between = parse_between(options.between, member_sectors(network));
    if (!options.exclude.empty()) {
        Diagnostics diagnostics;
        request.exclude = ingest::read_member_pairs(options.exclude, network, diagnostics);
        for (const auto& diagnostic : diagnostics.all()) std::cerr << format_diagnostic(diagnostic) << '\n';
        if (diagnostics.has_errors()) {
            const auto errors = diagnostics.error_count();
            throw InvalidDataError(std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in " +
                                   options.exclude + "; nothing was computed");
        }
    }

    result.plan = recommend_introductions(network, request);
    std::vector<MemberPair> pairs;
    for (const Introduction& intro : result.plan.introductions) pairs.emplace_back(intro.a, intro.b);
    result.after = bridging_measures(with_introductions(result.plan.graph, pairs), result.plan.groups);
    if (options.evaluate) result.evaluation = evaluate_introductions(result.plan, request);

    if (!options.out.empty()) io::write_file_atomically(options.out, introductions_csv(result));
    if (options.format == "json") {
        std::cout << introductions_json(result);
    } else {
        print_text(result, std::cout);
        if (!options.out.empty()) std::cout << "\nWrote " << options.out << ".\n";
    }
    return k_exit_success;
}

}  // namespace

Command add_introduce_command(CLI::App& app) {
    auto options = std::make_shared<IntroduceOptions>();
    CLI::App* command =
        app.add_subcommand("introduce", "Who to introduce to whom to build bridging ties between sectors");
    command->footer(
        "Suggests pairs of members from different sectors (or communities) who are not yet tied, chosen one at a\n"
        "time (gains re-evaluated after each pick) so that together they raise the network's bridging score most:\n"
        "for every pair of sectors, how many contacts each sector's members have in the other (the first counts\n"
        "most) and the share who reach it within two steps, the weakest sector pairs weighing most. It is not a\n"
        "\"people you may know\" list: --evaluate compares the set with random and Adamic-Adar pairs. Each\n"
        "suggestion names the strongest mutual contact who could introduce them, what they already share, and why.\n"
        "Who knows whom counts only events, groups and organisations of at most --max-setting-size people\n"
        "(default 40), and ties.csv rows: two people who were only in the same large room are still candidates.\n"
        "--exclude FILE: pairs already tried, one pair of member ids per row (a previous --out file works).\n"
        "docs/introductions.md explains the objective, the algorithm and the evaluation.");
    add_data_options(*command, options->data);
    command->add_option("--count", options->count, "How many introductions (default 10)")
        ->check(whole_number(1))
        ->type_name("K");
    command
        ->add_option("--across", options->across, "Bridge sectors (default) or communities (Leiden, on who knows whom)")
        ->check(CLI::IsMember({"sector", "community"}))
        ->type_name("sector|community");
    command
        ->add_option("--between", options->between,
                     "Only pairs with one member in each of two sectors, e.g. public,grassroots")
        ->type_name("SECTOR,SECTOR");
    command
        ->add_option("--max-per-member", options->max_per_member,
                     "Nobody in more than N introductions (default 2; 0: no limit)")
        ->check(whole_number(0))
        ->type_name("N");
    command->add_flag("--warm-only", options->warm_only, "Only pairs with a mutual contact who could introduce them");
    command->add_option("--exclude", options->exclude, "Pairs not to suggest (already tried), one per row")
        ->check(CLI::Validator(CLI::ExistingFile).description(""))
        ->type_name("FILE");
    add_tie_model_options(*command, options->data);
    command->add_flag("--include-inactive", options->include_inactive,
                      "Also suggest members with no attendance, group or recorded tie");
    command->add_flag(
        "--evaluate", options->evaluate,
        "Add the introductions to the network and compare before/after with random and Adamic-Adar pairs");
    command
        ->add_option("--out", options->out,
                     "Also write the list as CSV: rank,member_a,member_b,sector_a,sector_b,introducer,gain,reason,...")
        ->type_name("FILE.csv");
    command->add_option("--format", options->format, "What to print: text (the list) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    return {command, [options] { return run_introduce(*options); }};
}

}  // namespace bridgemap::cli
