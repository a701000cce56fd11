#pragma once
// What every command shares: the network argument and the options of SPEC §4, loading the
// network with its diagnostics, and the exit codes.

#include <bridgemap/ingest/diagnostics.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/report/consent.hpp>
#include <bridgemap/ties/projection.hpp>

#include <CLI/CLI.hpp>

#include "progress.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap::cli {

inline constexpr int k_exit_success = 0;
inline constexpr int k_exit_failure = 1;
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_invalid_data = 3;

/// The options every command that reads a network takes, with the tie model (SPEC §2).
struct DataOptions {
    std::string data;
    std::string from;
    std::string until;
    std::string date_order;  ///< --date-order: "", "dmy" or "mdy".
    std::string weights;
    double min_weight = 0.0;
    std::size_t max_setting_size = k_default_max_setting_size;
    std::uint64_t seed = 1;
    std::size_t leiden_iterations = 0;  ///< 0: until no member moves.
};

/// Adds DATA, --from, --until, --date-order, --weights and --seed to `command`.
void add_data_options(CLI::App& command, DataOptions& options);

/// Adds --pseudonymise (SPEC §5) to a command whose output names members: every member is
/// then shown by a stable pseudonym and organisations as "Organisation N".
void add_consent_options(CLI::App& command, bool& pseudonymise);

/// Adds --progress (cli/progress.hpp): progress on stderr for runs longer than 2 s even when
/// stderr is not a terminal.
void add_progress_option(CLI::App& command, bool& progress);

/// Where a command's own messages go: standard output, or standard error when one of `outputs`
/// is "-" (`--out -`), so that standard output carries that file alone.
std::ostream& message_stream(std::initializer_list<std::string_view> outputs);

/// Throws RequestError when `out` is "-": `option` names a folder, which cannot go to standard output.
void refuse_standard_output(std::string_view option, std::string_view out);

/// How each member of `network` may appear in a command's output: as members.consent says,
/// or everyone by pseudonym when `pseudonymise` (--pseudonymise). Borrows `network`. Throws
/// InvalidDataError for an unknown consent value.
report::Disclosure member_disclosure(const Network& network, bool pseudonymise);

/// The layout seed of a map: `seed` itself, or under --pseudonymise one mixed with the
/// network's pseudonyms, so that a pseudonymised map does not share its layout with the
/// named one (a reader holding both cannot match marks by position).
std::uint64_t map_seed(std::uint64_t seed, const Network& network, bool pseudonymise);

/// How the network is to be read: --date-order as an ingest::ReadOptions.
ingest::ReadOptions read_options(const DataOptions& options);

/// Adds --leiden-iterations to a command that finds communities.
void add_community_options(CLI::App& command, DataOptions& options);

/// Adds the rest of the tie model, --min-weight and --max-setting-size, to a command that
/// builds ties; `min_weight_help` says what happens to weaker ties there.
void add_tie_model_options(
    CLI::App& command, DataOptions& options,
    const std::string& min_weight_help = "Drop ties weaker than this weight (default 0: keep all)");

/// The one tie model of SPEC §2 from the command line: --weights, --min-weight and
/// --max-setting-size. Every command builds its TieOptions here. Throws RequestError for bad
/// --weights.
TieOptions tie_options(const DataOptions& options);

/// What analyse() is given by every command: tie_options(options), and --seed for path
/// sampling and Leiden, --leiden-iterations; every metric family (callers narrow it).
AnalysisOptions analysis_options(const DataOptions& options);

/// The tie coefficients of --weights ("events=1,groups=0.5,orgs=1,ties=2"; keys may be
/// left out). Throws RequestError saying what was expected.
TieWeights parse_tie_weights(const std::string& text);

/// A network read and checked, with the window applied.
struct LoadedNetwork {
    Network whole;  ///< Everything in the input.
    Window window;
    /// The network as seen through the window: `whole` itself when the window is open (no
    /// copy is made), else its filtered copy.
    [[nodiscard]] const Network& windowed() const { return filtered ? *filtered : whole; }
    std::optional<Network> filtered;  ///< Set only when the window is not open.
};

/// Reads options.data and seeds the libraries' generators from options.seed (once per run).
/// Prints every diagnostic to `diagnostics_out` (after clearing `progress`'s line, which it
/// tells "reading the network" when given); throws
/// InvalidDataError (exit 3) when there are errors. Throws RequestError for a bad window.
LoadedNetwork load_network(const DataOptions& options, std::ostream& diagnostics_out, Progress* progress = nullptr);

/// Option checks with plain messages, for every command: CLI11's own accept "-1" for an
/// unsigned option (it wraps round) and word their range as "0.000000 to 1.8e308".
/// A whole number of `least` or more: "expected a whole number of 1 or more, not "-1"".
CLI::Validator whole_number(std::size_t least);
/// A finite number of 0 or more: "expected a number of 0 or more, not "-1"".
CLI::Validator non_negative_number();

/// `text` in double quotes, for messages.
std::string in_quotes(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view trimmed(std::string_view text);

/// `text` with ASCII letters in lower case.
std::string lower(std::string_view text);

/// --between "public,grassroots": two different sectors of `sectors`, each matched exactly,
/// else by sector_key (ignoring case, spacing and a trailing "sector"). Throws RequestError saying what was expected
/// and listing the sectors.
std::pair<SectorIndex, SectorIndex> parse_between(const std::string& text, const Sectors& sectors);

/// The member an option names (`--member`): its id, or its name in any letter case. Throws
/// RequestError "unknown member "X" for --member; did you mean ...?" (model/lookup) otherwise.
/// With `disclosure`, a member it hides is unknown too, and when it hides or pseudonymises anyone
/// (--pseudonymise) nothing is suggested: a suggestion could name them (SPEC §5).
MemberIndex member_argument(const Network& network, const std::string& text, std::string_view option,
                            const report::Disclosure* disclosure = nullptr);

/// The event an option names (`--event`), by id or name; `outside` is added to the message
/// when nothing fits (say, " (or not in the --from/--until window)").
EventIndex event_argument(const Network& network, const std::string& text, std::string_view option,
                          std::string_view outside = {});

/// --sizes "8,8,10,6": the seats of each table, each a whole number of 1 or more. Throws
/// RequestError saying what was expected.
std::vector<std::size_t> parse_table_sizes(const std::string& text);

/// How the path metrics (betweenness, bridging, closeness) are computed: --exact or --samples K,
/// else automatically (exact up to about 20,000 members).
struct PathChoice {
    bool exact = false;
    std::size_t samples = 0;
};

/// Adds --exact and --samples K to a command that writes every metric (analyse, export).
void add_path_options(CLI::App& command, PathChoice& choice);

/// Sets analysis.paths from the choice. Throws RequestError when both are given.
void apply_path_choice(const PathChoice& choice, AnalysisOptions& analysis);

/// Prints how long each stage of a command took, on stderr, when enabled (--timings).
class StageClock {
public:
    /// With `progress`, its line is cleared before each time is printed.
    explicit StageClock(bool enabled, Progress* progress = nullptr) : enabled_(enabled), progress_(progress) {}
    /// Prints the time since the last lap (or since construction) with `stage`.
    void lap(const char* stage);

private:
    bool enabled_;
    Progress* progress_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// A command registers itself with the application and says what to run once the
/// arguments are parsed.
using CommandRunner = std::function<int()>;
struct Command {
    CLI::App* app = nullptr;
    CommandRunner run;
};

}  // namespace bridgemap::cli
