// bridgemap introduce: a short ranked list of introductions that would do the most for the
// network's bridging capital, who could make each one warmly, and (--evaluate) what they
// achieve against random pairs and Adamic-Adar pairs (docs/introductions.md).

#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/member_lists.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/model/date.hpp>
#include <bridgemap/recommend/introductions.hpp>
#include <bridgemap/report/introduction_files.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

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
    std::string active_since;
    std::size_t max_per_introducer = IntroductionOptions{}.max_per_introducer;
    std::string region = "any";
    std::string event;
    std::string emails;
    std::string cc;
    std::string print;
    bool evaluate = false;
    std::string out;
    std::string format = "text";
    bool pseudonymise = false;
    bool progress = false;
};

/// --active-since: a YYYY-MM-DD day.
std::optional<DayNumber> active_since(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto span = parse_date(text);
    if (!span || text.size() != 10) {
        throw RequestError("--active-since " + io::in_quotes(text) + ": give a date as YYYY-MM-DD, e.g. 2024-01-31");
    }
    return span->first;
}

int run_introduce(const IntroduceOptions& options) {
    if (options.count == 0) throw RequestError("--count must be at least 1");
    if (!options.print.empty() && !options.print.ends_with(".html")) {
        throw RequestError("--print " + options.print + ": the printout is one HTML file; give a name ending in .html");
    }
    Progress progress("introduce", options.progress);
    const LoadedNetwork loaded = load_network(options.data, std::cerr, &progress);
    const Network& network = loaded.windowed();
    const report::Disclosure disclosure = member_disclosure(network, options.pseudonymise);

    report::IntroductionReport result;
    result.network = &network;
    // No local path in a pseudonymised output.
    result.data = options.pseudonymise ? std::string("pseudonymised network") : options.data.data;
    result.window = loaded.window;
    IntroductionOptions& request = result.request;
    request.ties = tie_options(options.data);
    request.count = options.count;
    request.across = options.across == "community" ? IntroductionAcross::communities : IntroductionAcross::sectors;
    request.max_per_member = options.max_per_member;
    request.warm_only = options.warm_only;
    request.include_inactive = options.include_inactive;
    request.active_since = active_since(options.active_since);
    request.max_per_introducer = options.max_per_introducer;
    request.same_region = options.region == "same";
    if (!options.event.empty()) {
        const EventIndex event =
            event_argument(network, options.event, "--event", " (or not in the --from/--until window)");
        request.attending.assign(network.members.size(), false);
        for (const Attendance& row : network.attendance) {
            if (row.event == event) request.attending[row.member] = true;
        }
    }
    request.seed = options.data.seed;
    request.hidden = disclosure.hidden_members();
    if (!options.between.empty()) request.between = parse_between(options.between, member_sectors(network));
    if (!options.exclude.empty()) {
        Diagnostics diagnostics;
        request.exclude = ingest::read_member_pairs(options.exclude, network, diagnostics);
        progress.clear();
        for (const auto& diagnostic : diagnostics.all()) std::cerr << format_diagnostic(diagnostic) << '\n';
        if (diagnostics.has_errors()) {
            const auto errors = diagnostics.error_count();
            throw InvalidDataError(std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in " +
                                   options.exclude + "; nothing was computed");
        }
    }

    progress.update("choosing introductions", 0, 0);
    result.plan = recommend_introductions(network, request);
    progress.update("measuring bridging with them", 0, 0);
    std::vector<MemberPair> pairs;
    for (const Introduction& intro : result.plan.introductions) pairs.emplace_back(intro.a, intro.b);
    result.after = bridging_measures(with_introductions(result.plan.graph, pairs), result.plan.groups);
    if (options.evaluate) {
        progress.update("comparing with random and Adamic-Adar pairs", 0, 0);
        result.evaluation = evaluate_introductions(result.plan, request);
    }
    // Written from a copy that names members as their consent allows (same indices).
    std::optional<Network> shown;
    if (disclosure.hidden_count() > 0 || disclosure.pseudonym_count() > 0 || options.pseudonymise) {
        shown = report::disclosed_network(disclosure);
        result.network = &*shown;
    }

    // Every file whole, or none (io/atomic_file).
    progress.update("writing", 0, 0);
    io::OutputSet files;
    if (!options.out.empty()) files.stage(options.out, report::introductions_csv(result));
    if (!options.emails.empty()) files.stage(options.emails, report::introduction_emails_csv(result, options.cc));
    if (!options.print.empty()) {
        const std::string title = options.pseudonymise ? std::string("Pseudonymised network")
                                                       : std::filesystem::path(options.data.data).filename().string();
        files.stage(options.print, report::introductions_print_html(result, title));
    }
    files.commit();
    progress.finish();
    std::ostream& messages = message_stream({options.out, options.emails, options.print});
    if (options.format == "json") {
        messages << report::introductions_json(result);
    } else {
        messages << report::introductions_text(result);
        for (const std::string* path : {&options.out, &options.emails, &options.print}) {
            if (!path->empty()) messages << "\nWrote " << *path << ".";
        }
        if (!options.out.empty() || !options.emails.empty() || !options.print.empty()) messages << "\n";
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
        "Candidates are active: they attended an event (or were in a group) since --active-since, by default 12\n"
        "months before the latest event. Warm first: a pair with an active mutual contact is preferred; a pair\n"
        "without one is chosen only when it gains at least twice as much as the best warm pair. Each introducer is\n"
        "asked at most --max-per-introducer times, each member appears at most --max-per-member times. When fewer\n"
        "than --count are found, the output says which rule stopped it.\n"
        "Who knows whom counts only events, groups and organisations of at most --max-setting-size people\n"
        "(default 40), and ties.csv rows: two people who were only in the same large room are still candidates.\n"
        "--exclude FILE: pairs already tried, one pair of members (ids or names) per row (a previous --out file "
        "works).\n"
        "Consent (SPEC §5): members whose consent is hidden are never suggested nor named as introducer (paths\n"
        "through them still count); pseudonym members, and everyone with --pseudonymise, appear by pseudonym.\n"
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
    command
        ->add_option("--active-since", options->active_since,
                     "Suggest and ask only members active since DATE: an event attended or a group running then "
                     "(default: 12 months before the latest event)")
        ->type_name("YYYY-MM-DD");
    command->add_flag("--include-inactive", options->include_inactive,
                      "Also suggest members who are not active (introducers stay active ones)");
    command
        ->add_option("--max-per-introducer", options->max_per_introducer,
                     "Nobody asked to make more than N introductions (default 2; 0: no limit)")
        ->check(whole_number(0))
        ->type_name("N");
    command->add_option("--region", options->region, "same: only pairs in one region (members' region column)")
        ->check(CLI::IsMember({"same", "any"}))
        ->type_name("same|any");
    command->add_option("--event", options->event, "Only people attending this event (id or name): a briefing list")
        ->type_name("EVENT");
    command
        ->add_option("--emails", options->emails,
                     "Also write a mail-merge CSV (to, cc, subject, body): a double opt-in draft to each introducer")
        ->type_name("FILE.csv");
    command->add_option("--cc", options->cc, "The address to copy on each --emails draft (yours)")
        ->type_name("ADDRESS");
    command->add_option("--print", options->print, "Also write the introductions as A4 pages to print from a browser")
        ->type_name("FILE.html");
    add_consent_options(*command, options->pseudonymise);
    add_progress_option(*command, options->progress);
    command->add_flag(
        "--evaluate", options->evaluate,
        "Add the introductions to the network and compare before/after with random and Adamic-Adar pairs");
    command
        ->add_option("--out", options->out,
                     "Also write the list as CSV (- for standard output): "
                     "rank,member_a,member_b,sector_a,sector_b,introducer,gain,reason,...")
        ->type_name("FILE.csv");
    command->add_option("--format", options->format, "What to print: text (the list) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    return {command, [options] { return run_introduce(*options); }};
}

}  // namespace bridgemap::cli
