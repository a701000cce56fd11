#include "command_line.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/model/lookup.hpp>
#include <bridgemap/model/sector_names.hpp>
#include <bridgemap/random.hpp>
#include <bridgemap/report/pseudonyms.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <ostream>

namespace bridgemap::cli {

void add_data_options(CLI::App& command, DataOptions& options) {
    command.add_option("DATA", options.data, "Network folder (members.csv, ...), .json file or .xlsx workbook")
        ->required()
        ->check(CLI::ExistingPath)
        ->type_name("DATA");
    command
        .add_option("--from", options.from,
                    "Keep events, ties and memberships from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
        ->type_name("DATE");
    command.add_option("--until", options.until, "Keep events, ties and memberships until this date, inclusive")
        ->type_name("DATE");
    command
        .add_option("--date-order", options.date_order,
                    "Read dates written like 04/07/2018 (also 4-7-2018, 04.07.2018) day-first (dmy: 4 July) or "
                    "month-first (mdy: 7 April); without it they are errors. --from and --until stay YYYY-MM-DD")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                if (text == "dmy" || text == "mdy") return {};
                return "expected dmy (day first: 04/07/2018 is 4 July) or mdy (month first: 7 April), not " +
                       in_quotes(text);
            },
            "", "dmy or mdy"))
        ->type_name("dmy|mdy");
    command
        .add_option("--weights", options.weights,
                    "Tie weight coefficients, e.g. events=1,groups=1,orgs=1,ties=1 (default all 1)")
        ->type_name("LIST");
    command.add_option("--seed", options.seed, "Random seed for anything randomised (default 1)")->type_name("N");
}

void add_progress_option(CLI::App& command, bool& progress) {
    command.add_flag("--progress", progress,
                     "Show progress on stderr (stage and percentage) for runs longer than 2 s even when stderr is not "
                     "a terminal (on a terminal it is always shown)");
}

void add_consent_options(CLI::App& command, bool& pseudonymise) {
    command.add_flag("--pseudonymise", pseudonymise,
                     "Show every member by a stable pseudonym (\"Member K7QD\") and organisations as \"Organisation "
                     "N\"; sectors kept. Members' consent column (hidden, pseudonym) is obeyed either way");
}

report::Disclosure member_disclosure(const Network& network, bool pseudonymise) {
    return report::disclosure(
        network, pseudonymise ? report::ConsentPolicy::pseudonymise_everyone : report::ConsentPolicy::as_recorded);
}

std::uint64_t map_seed(std::uint64_t seed, const Network& network, bool pseudonymise) {
    if (!pseudonymise) return seed;
    std::uint64_t hash = 0xcbf29ce484222325ULL ^ seed;
    for (const auto& pseudonym : report::member_pseudonyms(network)) {
        for (const char c : pseudonym) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    hash ^= hash >> 33;
    return hash == seed ? hash + 1 : hash;
}

void add_community_options(CLI::App& command, DataOptions& options) {
    command
        .add_option("--leiden-iterations", options.leiden_iterations,
                    "Communities (Leiden): at most N iterations (default 0: until no member moves)")
        ->check(whole_number(0))
        ->type_name("N");
}

ingest::ReadOptions read_options(const DataOptions& options) {
    ingest::ReadOptions read;
    if (options.date_order == "dmy") read.date_order = DateOrder::dmy;
    if (options.date_order == "mdy") read.date_order = DateOrder::mdy;
    return read;
}

TieWeights parse_tie_weights(const std::string& text) {
    TieWeights weights;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        const std::size_t equals = item.find('=');
        const auto fail = [&](const std::string& why) {
            throw RequestError("--weights \"" + text + "\": " + why +
                               "; expected for example events=1,groups=1,orgs=1,ties=1");
        };
        if (equals == std::string::npos) fail("\"" + item + "\" has no '='");
        const std::string key = item.substr(0, equals);
        const std::string value = item.substr(equals + 1);
        double number = 0;
        const auto [stop, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || stop != value.data() + value.size() || !std::isfinite(number) || number < 0) {
            fail("\"" + value + "\" is not a number of 0 or more");
        }
        if (key == "events")
            weights.events = number;
        else if (key == "groups")
            weights.groups = number;
        else if (key == "orgs" || key == "organisations")
            weights.organisations = number;
        else if (key == "ties")
            weights.ties = number;
        else
            fail("unknown key \"" + key + "\"");
        start = end + 1;
    }
    return weights;
}

LoadedNetwork load_network(const DataOptions& options, std::ostream& diagnostics_out, Progress* progress) {
    LoadedNetwork loaded;
    loaded.window = parse_window(options.from, options.until);
    seed_library_generators(options.seed);
    ingest::ReadOptions read = read_options(options);
    if (progress != nullptr) {
        progress->update("reading the network", 0, 0);
        read.progress = progress->reporter();
    }
    auto result = ingest::read_network(options.data, read);
    if (progress != nullptr && !result.diagnostics.all().empty()) progress->clear();
    for (const auto& diagnostic : result.diagnostics.all()) diagnostics_out << format_diagnostic(diagnostic) << '\n';
    if (result.diagnostics.has_errors()) {
        const auto errors = result.diagnostics.error_count();
        throw InvalidDataError(std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in " + options.data +
                               "; nothing was computed (run 'bridgemap validate " + options.data +
                               "' for the full check)");
    }
    loaded.whole = std::move(result.network);
    if (!loaded.window.is_open()) loaded.filtered = apply_window(loaded.whole, loaded.window);
    return loaded;
}

std::ostream& message_stream(std::initializer_list<std::string_view> outputs) {
    for (const auto output : outputs) {
        if (output == io::k_standard_output) return std::cerr;
    }
    return std::cout;
}

void refuse_standard_output(std::string_view option, std::string_view out) {
    if (out == io::k_standard_output) {
        throw RequestError(std::string(option) + " names a folder, which cannot be written to standard output (-)");
    }
}

std::string in_quotes(std::string_view text) {
    return io::in_quotes(text);
}

CLI::Validator whole_number(std::size_t least) {
    return CLI::Validator(
        [least](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 9 &&
                                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits && std::stoul(text) >= least) return {};
            return "expected a whole number of " + std::to_string(least) + " or more, not " + in_quotes(text);
        },
        "", "whole number");
}

CLI::Validator non_negative_number() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            std::size_t used = 0;
            double value = -1.0;
            try {
                value = std::stod(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (!text.empty() && used == text.size() && std::isfinite(value) && value >= 0.0) return {};
            return "expected a number of 0 or more, not " + in_quotes(text);
        },
        "", "number of 0 or more");
}

void add_tie_model_options(CLI::App& command, DataOptions& options, const std::string& min_weight_help) {
    command.add_option("--min-weight", options.min_weight, min_weight_help)
        ->check(non_negative_number())
        ->type_name("W");
    command
        .add_option("--max-setting-size", options.max_setting_size,
                    "Only events, groups and organisations of at most N people make ties (default " +
                        std::to_string(k_default_max_setting_size) +
                        "; 0: every setting). A larger setting is a shared room, not a tie")
        ->check(whole_number(0))
        ->type_name("N");
}

TieOptions tie_options(const DataOptions& options) {
    TieOptions ties;
    ties.weights = parse_tie_weights(options.weights);
    ties.min_weight = options.min_weight;
    ties.max_setting_size = options.max_setting_size;
    return ties;
}

AnalysisOptions analysis_options(const DataOptions& options) {
    AnalysisOptions analysis;
    analysis.ties = tie_options(options);
    analysis.paths.seed = options.seed;
    analysis.communities.seed = options.seed;
    analysis.communities.max_iterations = options.leiden_iterations;
    return analysis;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string result(text);
    for (char& c : result) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return result;
}

namespace {

/// A sector by name: exactly, else as sector_key folds it (case, spacing, a trailing "sector"). Throws RequestError
/// listing the sectors.
SectorIndex find_sector(const Sectors& sectors, std::string_view name) {
    for (SectorIndex s = 0; s < sectors.count(); ++s) {
        if (sectors.names[s] == name) return s;
    }
    for (SectorIndex s = 0; s < sectors.count(); ++s) {
        if (sector_key(sectors.names[s]) == sector_key(name)) return s;  // "Public sector" finds "public"
    }
    std::string known;
    for (const auto& sector : sectors.names) known += (known.empty() ? "" : ", ") + sector;
    throw RequestError("--between: no sector " + in_quotes(name) +
                       " in this network (no member is in a sector called " + in_quotes(name) + ")" +
                       (known.empty() ? "; no member has a known sector" : "; the sectors are " + known));
}

}  // namespace

std::pair<SectorIndex, SectorIndex> parse_between(const std::string& text, const Sectors& sectors) {
    const std::size_t comma = text.find(',');
    if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos ||
        trimmed(std::string_view(text).substr(0, comma)).empty() ||
        trimmed(std::string_view(text).substr(comma + 1)).empty()) {
        throw RequestError("--between " + in_quotes(text) + ": expected two sectors, e.g. --between public,grassroots");
    }
    const SectorIndex first = find_sector(sectors, trimmed(std::string_view(text).substr(0, comma)));
    const SectorIndex second = find_sector(sectors, trimmed(std::string_view(text).substr(comma + 1)));
    if (first == second) throw RequestError("--between " + in_quotes(text) + ": name two different sectors");
    return {first, second};
}

std::vector<std::size_t> parse_table_sizes(const std::string& text) {
    std::vector<std::size_t> sizes;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string_view item = trimmed(std::string_view(text).substr(start, end - start));
        std::size_t value = 0;
        const auto [stop, error] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (item.empty() || error != std::errc() || stop != item.data() + item.size() || value == 0) {
            throw RequestError("--sizes \"" + text + "\": \"" + std::string(item) +
                               "\" is not a number of seats; expected for example 8,8,10,6");
        }
        sizes.push_back(value);
        start = end + 1;
    }
    return sizes;
}

MemberIndex member_argument(const Network& network, const std::string& text, std::string_view option,
                            const report::Disclosure* disclosure) {
    const Lookup found = look_up_member(network, text);
    const bool private_members =
        disclosure != nullptr && (disclosure->hidden_count() > 0 || disclosure->pseudonym_count() > 0);
    if (found.index == k_none || (disclosure != nullptr && !disclosure->shown(found.index))) {
        throw RequestError("unknown member " + in_quotes(text) + " for " + std::string(option) +
                           (private_members ? std::string() : lookup_hint(network, found, false)));
    }
    return found.index;
}

EventIndex event_argument(const Network& network, const std::string& text, std::string_view option,
                          std::string_view outside) {
    const Lookup found = look_up_event(network, text);
    if (found.index == k_none) {
        throw RequestError("unknown event " + in_quotes(text) + " for " + std::string(option) +
                           (found.same_name.empty() ? std::string(outside) : std::string()) +
                           lookup_hint(network, found, true));
    }
    return found.index;
}

void StageClock::lap(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    if (enabled_ && progress_ != nullptr) progress_->clear();
    if (enabled_) std::fprintf(stderr, "%9.3f s  %s\n", std::chrono::duration<double>(now - start_).count(), stage);
    start_ = now;
}

void add_path_options(CLI::App& command, PathChoice& choice) {
    command.add_flag("--exact", choice.exact,
                     "Exact betweenness, bridging and closeness even for large networks (slow above ~20,000 members)");
    command
        .add_option("--samples", choice.samples,
                    "Estimate betweenness, bridging and closeness from K sampled members (faster, with a stated "
                    "error bound)")
        ->check(whole_number(1))
        ->type_name("K");
}

void apply_path_choice(const PathChoice& choice, AnalysisOptions& analysis) {
    if (choice.exact && choice.samples > 0) throw RequestError("--exact and --samples cannot be used together");
    if (choice.exact) analysis.paths.mode = PathOptions::Mode::exact;
    if (choice.samples > 0) {
        analysis.paths.mode = PathOptions::Mode::sampled;
        analysis.paths.samples = choice.samples;
    }
}

}  // namespace bridgemap::cli
