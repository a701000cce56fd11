#include <bridgemap/report/seating_files.hpp>

#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/report/analysis_files.hpp>
#include <bridgemap/report/html.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace bridgemap::report {
namespace {

const Member& member_of(const PrintedPlan& printed, std::uint32_t person) {
    return printed.network->members[printed.problem->people[person]];
}

std::string organisation_of(const PrintedPlan& printed, std::uint32_t person) {
    const Member& member = member_of(printed, person);
    if (member.organisation == k_none) return {};
    return printed.network->organisations[member.organisation].display_name();
}

std::string sector_of(const PrintedPlan& printed, std::uint32_t person) {
    const SectorIndex sector = printed.problem->sectors[person];
    return sector == k_unknown_sector ? "unknown" : printed.problem->sector_names[sector];
}

/// What is seated, which ties count, and the hosts: the lines above the summary.
void print_heading(const PrintedPlan& printed, const TieOptions& ties, const Window& window, std::ostream& out) {
    const Network& network = *printed.network;
    const SeatingProblem& problem = *printed.problem;
    out << "Seating plan" << (printed.event != k_none ? " for " + event_heading(network, printed.event) : std::string())
        << ": " << problem.people.size() << " people at " << describe_tables(problem.table_sizes) << ", "
        << problem.rounds << (problem.rounds == 1 ? " round" : " rounds")
        << ". Rounds and tables are numbered from 1.\n";
    const bool windowed = !window.is_open();
    if (printed.event != k_none) {
        const Event& event = network.events[printed.event];
        if (event.date) {
            out << "Ties counted: those formed before " << event.date_text << (windowed ? " in the window" : "")
                << ", or undated (not this event, its breakouts or the event it is part of; a date by month or year "
                   "counts when that month or year ended before)";
        } else {
            out << "Ties counted: every tie in the data" << (windowed ? " in the window" : "")
                << " except this event and its breakouts (the event has no date)";
        }
    } else {
        out << "Ties counted: every tie in the data" << (windowed ? " in the window" : "");
    }
    out << ".\n" << describe_tie_model(ties, windowed) << "\n";
    if (!problem.hosts.empty()) {
        out << (problem.hosts.size() == 1 ? "1 host heads table 1 and stays there"
                                          : std::to_string(problem.hosts.size()) + " hosts head tables 1-" +
                                                std::to_string(problem.hosts.size()) + " and stay there")
            << (problem.rounds > 1 ? " every round" : "") << ".\n";
    }
    const std::string missing = hosts_note(problem);
    if (!missing.empty()) out << missing << "\n";
    out << "Fair spread: " << fair_spread_note(problem, *printed.plan) << "\n";
    out << "\n";
}

/// What the plan achieved against random seating and the bound, in two lines.
void print_summary(const SeatingPlan& plan, std::ostream& out) {
    const double random_pairs = plan.random_new_cross_sector_pairs;
    out << "New cross-sector pairs (people of different sectors with no tie yet, seated together): "
        << plan.score.new_cross_sector_pairs << "\n  random seating: " << io::fixed(random_pairs, 1) << " on average";
    if (random_pairs > 0) {
        out << " (the plan makes "
            << io::fixed(static_cast<double>(plan.score.new_cross_sector_pairs) / random_pairs, 2) << " times as many)";
    }
    out << "; no seating can make more than " << plan.bound.new_cross_sector_pairs << ".\n";
    out << "Objective (new pairs across sectors and communities, weak ties counting a little): "
        << io::fixed(plan.score.objective, 1) << "\n  random seating: " << io::fixed(plan.random_objective, 1)
        << "; upper bound: " << io::fixed(plan.bound.objective, 1);
    if (plan.bound.objective > 0) {
        out << " (the plan reaches " << io::fixed(100.0 * plan.score.objective / plan.bound.objective, 1) << "% of it)";
    }
    out << ".\n";
}

/// The table's new cross-sector pairs, one line per person with the people after them at the
/// table they meet: "Ann Lee with Bob Hart, Cy Dee", wrapped at 100 columns.
void print_new_pairs(const PrintedPlan& printed, const PrintedTable& table, std::ostream& out) {
    constexpr std::size_t k_width = 100;
    out << "    New cross-sector pairs (" << table.new_pairs.size() << ")"
        << (table.new_pairs.empty() ? ": none\n" : ":\n");
    for (const std::uint32_t p : table.persons) {
        std::string line = "      " + member_of(printed, p).display_name() + " with";
        std::size_t length = io::display_width(line);
        bool first = true;
        for (const auto& [a, b] : table.new_pairs) {
            if (a != p) continue;
            std::string item = first ? " " : ", ";
            item += member_of(printed, b).display_name();
            const std::size_t item_length = io::display_width(item);
            if (!first && length + item_length > k_width) {
                out << line << ",\n";
                line = "        ";
                line += member_of(printed, b).display_name();
                length = io::display_width(line);
            } else {
                line += item;
                length += item_length;
            }
            first = false;
        }
        if (!first) out << line << "\n";
    }
}

/// Every round's tables: the people in columns of name (with " (host)"), organisation and
/// sector, then the table's new pairs.
void print_tables(const PrintedPlan& printed, std::ostream& out) {
    const SeatingProblem& problem = *printed.problem;
    std::size_t name_width = 0;
    std::size_t organisation_width = 0;
    for (std::uint32_t p = 0; p < problem.people.size(); ++p) {
        name_width = std::max(name_width,
                              io::display_width(member_of(printed, p).display_name()) + (printed.is_host[p] ? 7 : 0));
        organisation_width = std::max(organisation_width, io::display_width(organisation_of(printed, p)));
    }
    name_width = std::min<std::size_t>(name_width, 36);
    organisation_width = std::min<std::size_t>(std::max<std::size_t>(organisation_width, 1), 40);

    for (std::size_t r = 0; r < printed.tables.size(); ++r) {
        out << "\nRound " << r + 1 << "\n";
        for (std::size_t t = 0; t < printed.tables[r].size(); ++t) {
            const PrintedTable& table = printed.tables[r][t];
            out << "  Table " << t + 1 << ": " << table.persons.size() << " people, " << table.new_pairs.size()
                << " new cross-sector " << (table.new_pairs.size() == 1 ? "pair" : "pairs") << "\n";
            for (const std::uint32_t p : table.persons) {
                const std::string name = member_of(printed, p).display_name() + (printed.is_host[p] ? " (host)" : "");
                const std::string organisation = organisation_of(printed, p);
                out << "    " << io::pad_right(name, name_width) << "  "
                    << io::pad_right(organisation.empty() ? "-" : organisation, organisation_width) << "  "
                    << sector_of(printed, p) << "\n";
            }
            print_new_pairs(printed, table, out);
        }
    }
}

double rounded(double value) {
    return std::round(value * 1000.0) / 1000.0;
}

}  // namespace

PrintedPlan lay_out(const Network& network, const SeatingProblem& problem, const SeatingPlan& plan, EventIndex event) {
    PrintedPlan printed{&network, &problem, &plan, event, {}, std::vector<bool>(problem.people.size(), false)};
    for (const auto host : problem.hosts) printed.is_host[host] = true;
    const std::size_t tables = problem.table_sizes.size();
    std::vector<bool> seen(problem.people.size() * problem.people.size(), false);
    for (const auto& round : plan.rounds) {
        std::vector<PrintedTable> laid(tables);
        for (std::uint32_t p = 0; p < round.table_of.size(); ++p) laid[round.table_of[p]].persons.push_back(p);
        for (auto& table : laid) {
            std::stable_sort(table.persons.begin(), table.persons.end(), [&](std::uint32_t a, std::uint32_t b) {
                if (printed.is_host[a] != printed.is_host[b]) return static_cast<bool>(printed.is_host[a]);
                const Member& x = member_of(printed, a);
                const Member& y = member_of(printed, b);
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
        printed.tables.push_back(std::move(laid));
    }
    return printed;
}

std::string hosts_note(const SeatingProblem& problem) {
    const std::size_t tables = problem.table_sizes.size();
    const std::size_t hosts = problem.hosts.size();
    if (hosts >= tables) return {};
    const std::string how =
        "to give every table one, pass --hosts FILE: one member (id or name) per row, the k-th heads table k";
    if (hosts == 0) return "No table has a host; " + how + ".";
    const std::string rest = hosts + 1 == tables ? "table " + std::to_string(tables)
                                                 : "tables " + std::to_string(hosts + 1) + "-" + std::to_string(tables);
    return std::to_string(hosts) + (hosts == 1 ? " host" : " hosts") + " for " + std::to_string(tables) +
           " tables: " + rest + (tables - hosts == 1 ? " has" : " have") + " no host; " + how + ".";
}

std::string fair_spread_note(const SeatingProblem& problem, const SeatingPlan& plan) {
    if (!problem.fair_spread) return "off.";
    const std::size_t unknown =
        static_cast<std::size_t>(std::count(problem.sectors.begin(), problem.sectors.end(), k_unknown_sector));
    const std::size_t tables = problem.table_sizes.size();
    std::string text = "no table holds more than its share of a sector plus one";
    if (unknown > 0) {
        text += ", nor more than " + std::to_string((unknown + tables - 1) / tables) + " of the " +
                std::to_string(unknown) + (unknown == 1 ? " person" : " people") + " of unknown sector";
    }
    if (plan.unfair.empty()) return text + ".";
    text = "no seating was found in which " + text + "; this is the best one found, with " +
           std::to_string(plan.unfair.size()) + (plan.unfair.size() == 1 ? " place" : " places") + " over the caps: ";
    const std::size_t shown = std::min<std::size_t>(plan.unfair.size(), 3);
    for (std::size_t k = 0; k < shown; ++k) text += (k > 0 ? "; " : "") + plan.unfair[k];
    if (plan.unfair.size() > shown) text += "; and " + std::to_string(plan.unfair.size() - shown) + " more";
    return text + ".";
}

std::string describe_tables(const std::vector<std::size_t>& sizes) {
    const auto [smallest, largest] = std::minmax_element(sizes.begin(), sizes.end());
    std::string text = std::to_string(sizes.size()) + (sizes.size() == 1 ? " table" : " tables");
    if (*smallest == *largest) return text + " of " + std::to_string(*largest);
    if (*largest == *smallest + 1) return text + " of " + std::to_string(*smallest) + " or " + std::to_string(*largest);
    text += " (";
    for (std::size_t t = 0; t < sizes.size(); ++t) text += (t > 0 ? ", " : "") + std::to_string(sizes[t]);
    return text + " seats)";
}

std::string event_heading(const Network& network, EventIndex event) {
    const Event& e = network.events[event];
    std::string text = "\"" + e.display_name() + "\" (" + e.id;
    if (!e.date_text.empty()) text += ", " + e.date_text;
    return text + ")";
}

std::string plan_text(const PrintedPlan& printed, const TieOptions& ties, const Window& window) {
    std::ostringstream out;
    print_heading(printed, ties, window, out);
    print_summary(*printed.plan, out);
    print_tables(printed, out);
    // Names come from the user's files: shown so that none can drive the terminal.
    return io::terminal_safe(out.str());
}

std::string plan_csv(const PrintedPlan& printed) {
    std::string text;
    io::CsvWriter csv(text);
    csv.row({"member_id", "round", "table", "name", "organisation", "sector", "host", "new_cross_sector_partners"});
    for (std::size_t r = 0; r < printed.tables.size(); ++r) {
        for (std::size_t t = 0; t < printed.tables[r].size(); ++t) {
            const PrintedTable& table = printed.tables[r][t];
            for (std::size_t i = 0; i < table.persons.size(); ++i) {
                const std::uint32_t p = table.persons[i];
                csv.field(member_of(printed, p).id)
                    .field(static_cast<std::uint64_t>(r + 1))
                    .field(static_cast<std::uint64_t>(t + 1))
                    .field(member_of(printed, p).name)
                    .field(organisation_of(printed, p))
                    .field(sector_of(printed, p))
                    .field(static_cast<bool>(printed.is_host[p]))
                    .field(static_cast<std::uint64_t>(table.new_partners[i]));
                csv.end_row();
            }
        }
    }
    return text;
}

std::string plan_json(const PrintedPlan& printed, const TieOptions& ties, const Window& window) {
    using Json = nlohmann::ordered_json;
    const Network& network = *printed.network;
    const SeatingProblem& problem = *printed.problem;
    const SeatingPlan& plan = *printed.plan;
    Json json;
    if (printed.event != k_none) {
        const Event& event = network.events[printed.event];
        json["event"] = {{"id", event.id}, {"name", event.name}, {"date", event.date_text}};
    } else {
        json["event"] = nullptr;
    }
    json["people"] = problem.people.size();
    json["rounds"] = problem.rounds;
    json["table_sizes"] = problem.table_sizes;
    json["numbering"] = "rounds and tables are numbered from 1";
    json["strong_tie_weight"] = problem.strong_tie_weight;
    json["tie_model"] = Json::parse(tie_model_json(ties, !window.is_open()));
    json["new_cross_sector_pairs"] = {{"plan", plan.score.new_cross_sector_pairs},
                                      {"random", rounded(plan.random_new_cross_sector_pairs)},
                                      {"upper_bound", plan.bound.new_cross_sector_pairs}};
    json["objective"] = {{"plan", rounded(plan.score.objective)},
                         {"random", rounded(plan.random_objective)},
                         {"upper_bound", rounded(plan.bound.objective)}};
    json["random_seatings"] = plan.random_seating_count;
    json["hosts"] = {{"count", problem.hosts.size()},
                     {"tables_without_host",
                      problem.table_sizes.size() - std::min(problem.hosts.size(), problem.table_sizes.size())},
                     {"note", hosts_note(problem)}};
    json["fair_spread"] = {{"on", problem.fair_spread}, {"kept", plan.unfair.empty()}, {"over", plan.unfair}};
    Json rounds = Json::array();
    for (std::size_t r = 0; r < printed.tables.size(); ++r) {
        Json tables = Json::array();
        for (std::size_t t = 0; t < printed.tables[r].size(); ++t) {
            const PrintedTable& table = printed.tables[r][t];
            Json members = Json::array();
            for (const std::uint32_t p : table.persons) {
                members.push_back({{"id", member_of(printed, p).id},
                                   {"name", member_of(printed, p).name},
                                   {"organisation", organisation_of(printed, p)},
                                   {"sector", sector_of(printed, p)},
                                   {"host", static_cast<bool>(printed.is_host[p])}});
            }
            Json pairs = Json::array();
            for (const auto& [p, q] : table.new_pairs)
                pairs.push_back({member_of(printed, p).id, member_of(printed, q).id});
            tables.push_back({{"table", t + 1}, {"members", members}, {"new_cross_sector_pairs", pairs}});
        }
        rounds.push_back({{"round", r + 1}, {"objective", rounded(plan.rounds[r].objective)}, {"tables", tables}});
    }
    json["plan"] = rounds;
    return json.dump(2) + "\n";
}

std::string table_map_file(const PrintedPlan& printed, std::size_t round, std::size_t table) {
    const std::size_t digits = std::to_string(printed.problem->table_sizes.size()).size();
    std::string number = std::to_string(table + 1);
    number.insert(0, digits - number.size(), '0');
    return "round-" + std::to_string(round + 1) + "-table-" + number + ".svg";
}

std::string table_map_title(const PrintedPlan& printed, std::size_t round, std::size_t table) {
    return "Round " + std::to_string(round + 1) + ", table " + std::to_string(table + 1) + ": " +
           std::to_string(printed.tables[round][table].new_pairs.size()) + " new cross-sector pairs";
}

std::string plan_map_index(const PrintedPlan& printed) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seating plan</title>\n"
        "<style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;margin:1em;vertical-align:top}"
        "img{max-width:480px}</style></head><body>\n<h1>Seating plan";
    if (printed.event != k_none) html += " for " + html_escape(printed.network->events[printed.event].display_name());
    html +=
        "</h1>\n<p>Each map shows the people at one table and the ties they had before the event; "
        "people with no tie across sectors at the table are outlined.</p>\n";
    for (std::size_t r = 0; r < printed.tables.size(); ++r) {
        html += "<h2>Round " + std::to_string(r + 1) + "</h2>\n";
        for (std::size_t t = 0; t < printed.tables[r].size(); ++t) {
            const std::string title = html_escape(table_map_title(printed, r, t));
            html += "<figure><img src=\"";
            html += table_map_file(printed, r, t);
            html += "\" alt=\"" + title + "\"><figcaption>";
            html += title + "</figcaption></figure>\n";
        }
    }
    html += "</body></html>\n";
    return html;
}

}  // namespace bridgemap::report
