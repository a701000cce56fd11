// bridgemap seat: tables or breakout groups for a gathering that seat people who have not
// met, from different sectors and communities, together (docs/seating.md).

#include "commands/commands.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/ingest/member_lists.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/metrics/analysis.hpp>
#include <bridgemap/model/history.hpp>
#include <bridgemap/recommend/seating.hpp>
#include <bridgemap/report/analysis_files.hpp>
#include <bridgemap/viz/member_map.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

namespace bridgemap::cli {
namespace {

struct SeatOptions {
    DataOptions data;
    std::string event;
    std::string members_file;
    std::size_t tables = 0;
    std::size_t size = 0;
    std::string sizes;
    std::size_t rounds = 1;
    std::string hosts_file;
    std::string keep_apart_file;
    std::string keep_together_file;
    std::size_t max_per_sector = 0;
    std::string out;
    std::string format = "text";
    std::string map;
    std::size_t iterations = 0;
};

/// "8,8,10,6" as table sizes. Throws RequestError saying what was expected.
std::vector<std::size_t> parse_sizes(const std::string& text) {
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

using ingest::MemberRow;
using ingest::read_member_rows;

/// Leaves out, with a warning, the members of `rows` not among the people seated.
void keep_people_seated(std::vector<MemberRow>& rows, const std::vector<bool>& seated, const Network& network,
                        const std::string& path, Diagnostics& diagnostics) {
    for (auto& row : rows) {
        std::erase_if(row.members, [&](MemberIndex member) {
            if (seated[member]) return false;
            diagnostics.warning(path, row.line,
                                in_quotes(network.members[member].id) + " is not among the people to seat; left out");
            return true;
        });
    }
}

// ---------------------------------------------------------------------------------------
// The plan as a convenor reads it.

/// A plan laid out for printing: per round, per table, the people in display order (host
/// first, then by name) and the new cross-sector pairs.
struct PrintedTable {
    std::vector<std::uint32_t> persons;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> new_pairs;
    std::vector<std::size_t> new_partners;  ///< Per person in `persons`.
};

struct PlanContext {
    const Network* network = nullptr;
    const SeatingProblem* problem = nullptr;
    const SeatingPlan* plan = nullptr;
    EventIndex event = k_none;
    std::vector<std::vector<PrintedTable>> tables;  ///< [round][table]
    std::vector<bool> is_host;                      ///< Per person.
};

const Member& member_of(const PlanContext& context, std::uint32_t person) {
    return context.network->members[context.problem->people[person]];
}

std::string organisation_of(const PlanContext& context, std::uint32_t person) {
    const Member& member = member_of(context, person);
    if (member.organisation == k_none) return {};
    return context.network->organisations[member.organisation].display_name();
}

std::string sector_of(const PlanContext& context, std::uint32_t person) {
    const SectorIndex sector = context.problem->sectors[person];
    return sector == k_unknown_sector ? "unknown" : context.problem->sector_names[sector];
}

PlanContext lay_out(const Network& network, const SeatingProblem& problem, const SeatingPlan& plan, EventIndex event) {
    PlanContext context{&network, &problem, &plan, event, {}, std::vector<bool>(problem.people.size(), false)};
    for (const auto host : problem.hosts) context.is_host[host] = true;
    const std::size_t tables = problem.table_sizes.size();
    std::vector<bool> seen(problem.people.size() * problem.people.size(), false);
    for (const auto& round : plan.rounds) {
        std::vector<PrintedTable> printed(tables);
        for (std::uint32_t p = 0; p < round.table_of.size(); ++p) printed[round.table_of[p]].persons.push_back(p);
        for (auto& table : printed) {
            std::stable_sort(table.persons.begin(), table.persons.end(), [&](std::uint32_t a, std::uint32_t b) {
                if (context.is_host[a] != context.is_host[b]) return static_cast<bool>(context.is_host[a]);
                const Member& x = member_of(context, a);
                const Member& y = member_of(context, b);
                if (x.display_name() != y.display_name()) return x.display_name() < y.display_name();
                return x.id < y.id;
            });
            table.new_partners.assign(table.persons.size(), 0);
            for (std::size_t i = 0; i < table.persons.size(); ++i) {
                for (std::size_t j = i + 1; j < table.persons.size(); ++j) {
                    const std::uint32_t p = table.persons[i];
                    const std::uint32_t q = table.persons[j];
                    const std::size_t key = std::min(p, q) * problem.people.size() + std::max(p, q);
                    if (!problem.values.new_cross_sector(p, q) || seen[key]) continue;
                    seen[key] = true;
                    table.new_pairs.emplace_back(p, q);
                    ++table.new_partners[i];
                    ++table.new_partners[j];
                }
            }
        }
        context.tables.push_back(std::move(printed));
    }
    return context;
}

std::string fixed(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

/// Pads `text` with spaces to `width` code points.
std::string padded(const std::string& text, std::size_t width) {
    const std::size_t length = io::utf8_length(text);
    return length >= width ? text : text + std::string(width - length, ' ');
}

std::string describe_tables(const std::vector<std::size_t>& sizes, bool as_given) {
    const auto [smallest, largest] = std::minmax_element(sizes.begin(), sizes.end());
    std::string text = std::to_string(sizes.size()) + (sizes.size() == 1 ? " table" : " tables");
    if (*smallest == *largest) return text + " of " + std::to_string(*largest);
    if (!as_given && *largest == *smallest + 1) {
        return text + " of " + std::to_string(*smallest) + " or " + std::to_string(*largest);
    }
    text += " (";
    for (std::size_t t = 0; t < sizes.size(); ++t) text += (t > 0 ? ", " : "") + std::to_string(sizes[t]);
    return text + " seats)";
}

std::string event_heading(const Network& network, EventIndex event) {
    const Event& e = network.events[event];
    std::string text = in_quotes(e.display_name()) + " (" + e.id;
    if (!e.date_text.empty()) text += ", " + e.date_text;
    return text + ")";
}

/// What the plan achieved against random seating and the bound, in two lines.
void print_summary(const PlanContext& context, std::ostream& out) {
    const SeatingPlan& plan = *context.plan;
    const double random_pairs = plan.random_new_cross_sector_pairs;
    out << "New cross-sector pairs (people of different sectors with no tie yet, seated together): "
        << plan.score.new_cross_sector_pairs << "\n  random seating: " << fixed(random_pairs, 1) << " on average";
    if (random_pairs > 0) {
        out << " (the plan makes " << fixed(static_cast<double>(plan.score.new_cross_sector_pairs) / random_pairs, 2)
            << " times as many)";
    }
    out << "; no seating can make more than " << plan.bound.new_cross_sector_pairs << ".\n";
    out << "Objective (new pairs across sectors and communities, weak ties counting a little): "
        << fixed(plan.score.objective, 1) << "\n  random seating: " << fixed(plan.random_objective, 1)
        << "; upper bound: " << fixed(plan.bound.objective, 1);
    if (plan.bound.objective > 0) {
        out << " (the plan reaches " << fixed(100.0 * plan.score.objective / plan.bound.objective, 1) << "% of it)";
    }
    out << ".\n";
}

/// The table's new cross-sector pairs, one line per person with the people after them at the
/// table they meet: "Ann Lee with Bob Hart, Cy Dee", wrapped at 100 columns.
void print_new_pairs(const PlanContext& context, const PrintedTable& table, std::ostream& out) {
    constexpr std::size_t k_width = 100;
    out << "    New cross-sector pairs (" << table.new_pairs.size() << ")"
        << (table.new_pairs.empty() ? ": none\n" : ":\n");
    for (const std::uint32_t p : table.persons) {
        std::string line = "      " + member_of(context, p).display_name() + " with";
        std::size_t length = io::utf8_length(line);
        bool first = true;
        for (const auto& [a, b] : table.new_pairs) {
            if (a != p) continue;
            std::string item = first ? " " : ", ";
            item += member_of(context, b).display_name();
            const std::size_t item_length = io::utf8_length(item);
            if (!first && length + item_length > k_width) {
                out << line << ",\n";
                line = "        ";
                line += member_of(context, b).display_name();
                length = io::utf8_length(line);
            } else {
                line += item;
                length += item_length;
            }
            first = false;
        }
        if (!first) out << line << "\n";
    }
}

void print_plan(const PlanContext& context, const DataOptions& data, const TieOptions& ties, std::ostream& out) {
    const Network& network = *context.network;
    const SeatingProblem& problem = *context.problem;
    out << "Seating plan" << (context.event != k_none ? " for " + event_heading(network, context.event) : std::string())
        << ": " << problem.people.size() << " people at " << describe_tables(problem.table_sizes, false) << ", "
        << problem.rounds << (problem.rounds == 1 ? " round" : " rounds")
        << ". Rounds and tables are numbered from 1.\n";
    const bool window = !data.from.empty() || !data.until.empty();
    if (context.event != k_none) {
        const Event& event = network.events[context.event];
        if (event.date) {
            out << "Ties counted: those formed before " << event.date_text << (window ? " in the window" : "")
                << ", or undated (not this event, its breakouts or the event it is part of; a date by month or year "
                   "counts when that month or year ended before)";
        } else {
            out << "Ties counted: every tie in the data" << (window ? " in the window" : "")
                << " except this event and its breakouts (the event has no date)";
        }
    } else {
        out << "Ties counted: every tie in the data" << (window ? " in the window" : "");
    }
    out << ".\n" << describe_tie_model(ties, window) << "\n";
    if (!problem.hosts.empty()) {
        out << (problem.hosts.size() == 1 ? "1 host heads table 1 and stays there"
                                          : std::to_string(problem.hosts.size()) + " hosts head tables 1-" +
                                                std::to_string(problem.hosts.size()) + " and stay there")
            << (problem.rounds > 1 ? " every round" : "");
        const std::size_t without = problem.table_sizes.size() - problem.hosts.size();
        if (without > 0) out << "; " << without << (without == 1 ? " table has" : " tables have") << " no host";
        out << ".\n";
    }
    out << "\n";
    print_summary(context, out);

    std::size_t name_width = 0;
    std::size_t organisation_width = 0;
    for (std::uint32_t p = 0; p < problem.people.size(); ++p) {
        name_width =
            std::max(name_width, io::utf8_length(member_of(context, p).display_name()) + (context.is_host[p] ? 7 : 0));
        organisation_width = std::max(organisation_width, io::utf8_length(organisation_of(context, p)));
    }
    name_width = std::min<std::size_t>(name_width, 36);
    organisation_width = std::min<std::size_t>(std::max<std::size_t>(organisation_width, 1), 40);

    for (std::size_t r = 0; r < context.tables.size(); ++r) {
        out << "\nRound " << r + 1 << "\n";
        for (std::size_t t = 0; t < context.tables[r].size(); ++t) {
            const PrintedTable& table = context.tables[r][t];
            out << "  Table " << t + 1 << ": " << table.persons.size() << " people, " << table.new_pairs.size()
                << " new cross-sector " << (table.new_pairs.size() == 1 ? "pair" : "pairs") << "\n";
            for (const std::uint32_t p : table.persons) {
                const std::string name = member_of(context, p).display_name() + (context.is_host[p] ? " (host)" : "");
                const std::string organisation = organisation_of(context, p);
                out << "    " << padded(name, name_width) << "  "
                    << padded(organisation.empty() ? "-" : organisation, organisation_width) << "  "
                    << sector_of(context, p) << "\n";
            }
            print_new_pairs(context, table, out);
        }
    }
}

std::string plan_csv(const PlanContext& context) {
    std::string text;
    io::CsvWriter csv(text);
    csv.row({"member_id", "round", "table", "name", "organisation", "sector", "host", "new_cross_sector_partners"});
    for (std::size_t r = 0; r < context.tables.size(); ++r) {
        for (std::size_t t = 0; t < context.tables[r].size(); ++t) {
            const PrintedTable& table = context.tables[r][t];
            for (std::size_t i = 0; i < table.persons.size(); ++i) {
                const std::uint32_t p = table.persons[i];
                csv.field(member_of(context, p).id)
                    .field(static_cast<std::uint64_t>(r + 1))
                    .field(static_cast<std::uint64_t>(t + 1))
                    .field(member_of(context, p).name)
                    .field(organisation_of(context, p))
                    .field(sector_of(context, p))
                    .field(static_cast<bool>(context.is_host[p]))
                    .field(static_cast<std::uint64_t>(table.new_partners[i]));
                csv.end_row();
            }
        }
    }
    return text;
}

double rounded(double value) {
    return std::round(value * 1000.0) / 1000.0;
}

std::string plan_json(const PlanContext& context, const TieOptions& ties, const Window& window) {
    using Json = nlohmann::ordered_json;
    const Network& network = *context.network;
    const SeatingProblem& problem = *context.problem;
    const SeatingPlan& plan = *context.plan;
    Json json;
    if (context.event != k_none) {
        const Event& event = network.events[context.event];
        json["event"] = {{"id", event.id}, {"name", event.name}, {"date", event.date_text}};
    } else {
        json["event"] = nullptr;
    }
    json["people"] = problem.people.size();
    json["rounds"] = problem.rounds;
    json["table_sizes"] = problem.table_sizes;
    json["numbering"] = "rounds and tables are numbered from 1";
    json["strong_tie_weight"] = problem.strong_tie_weight;
    json["tie_model"] = Json::parse(report::tie_model_json(ties, !window.is_open()));
    json["new_cross_sector_pairs"] = {{"plan", plan.score.new_cross_sector_pairs},
                                      {"random", rounded(plan.random_new_cross_sector_pairs)},
                                      {"upper_bound", plan.bound.new_cross_sector_pairs}};
    json["objective"] = {{"plan", rounded(plan.score.objective)},
                         {"random", rounded(plan.random_objective)},
                         {"upper_bound", rounded(plan.bound.objective)}};
    json["random_seatings"] = plan.random_seating_count;
    Json rounds = Json::array();
    for (std::size_t r = 0; r < context.tables.size(); ++r) {
        Json tables = Json::array();
        for (std::size_t t = 0; t < context.tables[r].size(); ++t) {
            const PrintedTable& table = context.tables[r][t];
            Json members = Json::array();
            for (const std::uint32_t p : table.persons) {
                members.push_back({{"id", member_of(context, p).id},
                                   {"name", member_of(context, p).name},
                                   {"organisation", organisation_of(context, p)},
                                   {"sector", sector_of(context, p)},
                                   {"host", static_cast<bool>(context.is_host[p])}});
            }
            Json pairs = Json::array();
            for (const auto& [p, q] : table.new_pairs)
                pairs.push_back({member_of(context, p).id, member_of(context, q).id});
            tables.push_back({{"table", t + 1}, {"members", members}, {"new_cross_sector_pairs", pairs}});
        }
        rounds.push_back({{"round", r + 1}, {"objective", rounded(plan.rounds[r].objective)}, {"tables", tables}});
    }
    json["plan"] = rounds;
    return json.dump(2) + "\n";
}

/// Stages DIR/round-R-table-TT.svg, one map per table and round of the people at it and the
/// ties they had before the event, and DIR/index.html showing them all, round by round.
void stage_maps(const PlanContext& context, const Network& before, const SeatOptions& options,
                const LoadedNetwork& loaded, const TieOptions& ties, io::OutputSet& outputs) {
    const std::filesystem::path folder = options.map;
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw IoError("cannot create folder " + folder.string() + ": " + error.message());
    AnalysisOptions analysis_options;
    analysis_options.ties = ties;
    analysis_options.paths.seed = options.data.seed;
    analysis_options.communities.seed = options.data.seed;
    analysis_options.communities.max_iterations = options.data.leiden_iterations;
    const Analysis analysis = analyse(before, analysis_options);

    viz::MapOptions map_options;
    map_options.seed = options.data.seed;
    map_options.data_name = options.data.data;
    map_options.window = loaded.window;
    map_options.ties = ties;
    const std::size_t digits = std::to_string(context.problem->table_sizes.size()).size();
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seating plan</title>\n"
        "<style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;margin:1em;vertical-align:top}"
        "img{max-width:480px}</style></head><body>\n<h1>Seating plan";
    const auto escape = [](const std::string& text) {
        std::string escaped;
        for (const char c : text) {
            if (c == '&')
                escaped += "&amp;";
            else if (c == '<')
                escaped += "&lt;";
            else if (c == '>')
                escaped += "&gt;";
            else if (c == '"')
                escaped += "&quot;";
            else
                escaped += c;
        }
        return escaped;
    };
    if (context.event != k_none) html += " for " + escape(context.network->events[context.event].display_name());
    html +=
        "</h1>\n<p>Each map shows the people at one table and the ties they had before the event; "
        "people with no tie across sectors at the table are outlined.</p>\n";
    for (std::size_t r = 0; r < context.tables.size(); ++r) {
        html += "<h2>Round " + std::to_string(r + 1) + "</h2>\n";
        for (std::size_t t = 0; t < context.tables[r].size(); ++t) {
            const PrintedTable& table = context.tables[r][t];
            std::string number = std::to_string(t + 1);
            number.insert(0, digits - number.size(), '0');
            const std::string name = "round-" + std::to_string(r + 1) + "-table-" + number + ".svg";
            std::vector<MemberIndex> members;
            for (const std::uint32_t p : table.persons) members.push_back(context.problem->people[p]);
            map_options.title = "Round " + std::to_string(r + 1) + ", table " + std::to_string(t + 1) + ": " +
                                std::to_string(table.new_pairs.size()) + " new cross-sector pairs";
            outputs.stage(folder / name,
                          viz::render_member_map(before, analysis, members, map_options, viz::MapFormat::svg));
            html += "<figure><img src=\"" + name + "\" alt=\"" + escape(map_options.title) + "\"><figcaption>" +
                    escape(map_options.title) + "</figcaption></figure>\n";
        }
    }
    html += "</body></html>\n";
    outputs.stage(folder / "index.html", html);
}

// ---------------------------------------------------------------------------------------

int run_seat(const SeatOptions& options) {
    if (options.event.empty() == options.members_file.empty()) {
        throw RequestError("say who to seat: --event ID (the people attending it) or --members FILE, not both");
    }
    TableLayout layout;
    layout.tables = options.tables;
    layout.table_size = options.size;
    if (!options.sizes.empty()) layout.table_sizes = parse_sizes(options.sizes);
    const int given = (layout.tables > 0) + (layout.table_size > 0) + (!layout.table_sizes.empty());
    if (given != 1) throw RequestError("say how to seat people with one of --tables T, --size S or --sizes LIST");
    PairValueOptions values;
    values.ties = tie_options(options.data);
    values.seed = options.data.seed;

    const LoadedNetwork loaded = load_network(options.data, std::cerr);
    const Network& whole = loaded.whole;
    Diagnostics diagnostics;
    EventIndex event = k_none;
    std::vector<MemberIndex> people;
    std::vector<MemberIndex> hosts;
    if (!options.event.empty()) {
        event = whole.find_event(options.event);
        if (event == k_none) throw RequestError("unknown event " + in_quotes(options.event) + " (not in events)");
        people = event_attendees(whole, event);
        if (people.empty()) {
            throw RequestError("nobody attends " + in_quotes(options.event) +
                               " in attendance; give the people to seat with --members FILE");
        }
        if (options.hosts_file.empty()) hosts = event_hosts(whole, event);
    } else {
        std::map<MemberIndex, std::size_t> first_line;
        for (const auto& row : read_member_rows(options.members_file, whole, false, diagnostics)) {
            const MemberIndex member = row.members.front();
            const auto [at, inserted] = first_line.emplace(member, row.line);
            if (inserted) {
                people.push_back(member);
            } else {
                diagnostics.warning(options.members_file, row.line,
                                    in_quotes(whole.members[member].id) + " is listed again (first on line " +
                                        std::to_string(at->second) + "); seated once");
            }
        }
    }
    std::vector<bool> seated(whole.members.size(), false);
    for (const MemberIndex member : people) seated[member] = true;
    const auto read_groups = [&](const std::string& path, bool whole_rows) {
        std::vector<MemberRow> rows;
        if (path.empty()) return rows;
        rows = read_member_rows(path, whole, whole_rows, diagnostics);
        keep_people_seated(rows, seated, whole, path, diagnostics);
        return rows;
    };
    for (const auto& row : read_groups(options.hosts_file, false)) {
        if (!row.members.empty()) hosts.push_back(row.members.front());
    }
    std::vector<std::vector<MemberIndex>> keep_apart;
    for (auto& row : read_groups(options.keep_apart_file, true)) keep_apart.push_back(std::move(row.members));
    std::vector<std::vector<MemberIndex>> keep_together;
    for (auto& row : read_groups(options.keep_together_file, true)) keep_together.push_back(std::move(row.members));
    for (const auto& diagnostic : diagnostics.all()) std::cerr << format_diagnostic(diagnostic) << '\n';
    if (diagnostics.has_errors()) {
        const auto errors = diagnostics.error_count();
        throw InvalidDataError(std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                               " in the member lists; nothing was planned");
    }
    if (options.hosts_file.empty() && event != k_none) {
        const std::size_t tables = table_sizes_for(people.size(), layout).size();
        if (hosts.size() > tables) {
            throw RequestError(std::to_string(hosts.size()) + " people have the host role at " +
                               in_quotes(options.event) + " but there " +
                               (tables == 1 ? "is only 1 table" : "are only " + std::to_string(tables) + " tables") +
                               " (one host per table); add tables or name the hosts with --hosts FILE");
        }
    }

    std::optional<Network> before_event;
    if (event != k_none) before_event = apply_window(network_before_event(whole, event), loaded.window);
    const Network& before = before_event ? *before_event : loaded.windowed();
    SeatingRequest request;
    request.people = people;
    request.layout = layout;
    request.rounds = options.rounds;
    request.hosts = hosts;
    request.keep_apart = keep_apart;
    request.keep_together = keep_together;
    request.max_per_sector = options.max_per_sector;
    const SeatingProblem problem = seating_problem(before, request, values);
    SeatingSearchOptions search;
    search.seed = options.data.seed;
    search.iterations = options.iterations;
    const SeatingPlan plan = plan_seating(problem, search);
    const PlanContext context = lay_out(whole, problem, plan, event);

    io::OutputSet outputs;
    if (!options.out.empty()) outputs.stage(options.out, plan_csv(context));
    if (!options.map.empty()) stage_maps(context, before, options, loaded, values.ties, outputs);
    outputs.commit();

    if (options.format == "json") {
        std::cout << plan_json(context, values.ties, loaded.window);
    } else {
        print_plan(context, options.data, values.ties, std::cout);
        if (!options.out.empty()) std::cout << "\nWrote " << options.out << ".\n";
        if (!options.map.empty()) {
            std::cout << (options.out.empty() ? "\n" : "") << "Wrote a map of every table to "
                      << (std::filesystem::path(options.map) / "index.html").string() << ".\n";
        }
    }
    return k_exit_success;
}

}  // namespace

Command add_seat_command(CLI::App& app) {
    auto options = std::make_shared<SeatOptions>();
    CLI::App* command =
        app.add_subcommand("seat", "Plan tables or breakout groups that create new cross-sector meetings");
    command->footer(
        "Seats the people attending an event (or listed in a file) so that as many pairs as possible meet\n"
        "who have no tie yet and come from different sectors or communities; only ties formed before the event\n"
        "count. Prints the plan per round and table, with what it achieves against random seating and the best\n"
        "possible. Member files: one member id per row (first column; a header row member_id is allowed);\n"
        "keep-apart and keep-together files: one group of member ids per row. docs/seating.md explains it all.");
    add_data_options(*command, options->data);
    command->add_option("--event", options->event, "Seat the people attending this event (or its breakouts)")
        ->type_name("ID");
    command->add_option("--members", options->members_file, "Seat the members listed in this file instead")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    command->add_option("--tables", options->tables, "Number of tables; sizes differ by at most one")
        ->check(whole_number(1))
        ->type_name("T");
    command->add_option("--size", options->size, "People per table, at most; as few tables as that allows")
        ->check(whole_number(1))
        ->type_name("S");
    command->add_option("--sizes", options->sizes, "Seats of each table of a real room, e.g. 8,8,10,6")
        ->type_name("LIST");
    command->add_option("--rounds", options->rounds, "Rounds of seating; no pair sits together twice (default 1)")
        ->check(whole_number(1))
        ->type_name("R");
    command
        ->add_option("--hosts", options->hosts_file,
                     "Table hosts, one per table, staying at their table (default: the host role at the event)")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    command
        ->add_option("--keep-apart", options->keep_apart_file, "Groups who must sit at different tables, one per row")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    command
        ->add_option("--keep-together", options->keep_together_file,
                     "Groups who must sit at the same table every round, one per row")
        ->check(CLI::ExistingFile)
        ->type_name("FILE");
    command->add_option("--max-per-sector", options->max_per_sector, "At most N people of one sector per table")
        ->check(whole_number(1))
        ->type_name("N");
    add_tie_model_options(*command, options->data,
                          "Ties weaker than this do not count as having met (default 0: every tie counts)");
    add_community_options(*command, options->data);
    command->add_option("--out", options->out, "Also write the plan as CSV: member_id,round,table,...")
        ->type_name("FILE.csv");
    command
        ->add_option("--map", options->map,
                     "Also draw each table's people and their ties: DIR/round-R-table-T.svg and DIR/index.html")
        ->type_name("DIR");
    command->add_option("--format", options->format, "What to print: text (the plan) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    command
        ->add_option("--iterations", options->iterations,
                     "Local-search iterations per round (default: chosen from the size of the gathering)")
        ->check(whole_number(1))
        ->type_name("K");
    return {command, [options] { return run_seat(*options); }};
}

}  // namespace bridgemap::cli
