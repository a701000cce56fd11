// Seating: who is seated, the pair values (on the network before the event,
// model/history.hpp), and checking and scoring a seating. The search is in
// seating_search.cpp, the bound in seating_bound.cpp.

#include <bridgemap/io/text.hpp>
#include <bridgemap/recommend/seating.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/model/history.hpp>

#include "recommend/seating_search.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace bridgemap {
namespace {

void check_event(const Network& network, EventIndex event) {
    if (event >= network.events.size()) throw RequestError("no such event (index " + std::to_string(event) + ")");
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

using io::in_quotes;

}  // namespace

std::vector<MemberIndex> event_hosts(const Network& network, EventIndex event) {
    check_event(network, event);
    std::vector<MemberIndex> hosts;
    for (const auto& row : network.attendance) {
        if (row.event == event && row.role < network.roles.size() &&
            equals_ignoring_case(network.roles[row.role], "host")) {
            hosts.push_back(row.member);
        }
    }
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    return hosts;
}

std::vector<std::size_t> table_sizes_for(std::size_t people, const TableLayout& layout) {
    const int given = (layout.tables > 0) + (layout.table_size > 0) + (!layout.table_sizes.empty());
    if (given == 0) throw RequestError("say how to seat people: --tables T, --size S or --sizes LIST");
    if (given > 1) throw RequestError("give only one of --tables, --size and --sizes");
    if (people < 2) {
        throw RequestError(people == 0 ? "there is nobody to seat" : "there is only one person to seat");
    }
    const auto balanced = [&](std::size_t tables) {
        std::vector<std::size_t> sizes(tables, people / tables);
        for (std::size_t t = 0; t < people % tables; ++t) ++sizes[t];
        return sizes;
    };
    if (layout.tables > 0) {
        if (layout.tables > people) {
            throw RequestError("--tables " + std::to_string(layout.tables) + " is more tables than the " +
                               std::to_string(people) + " people to seat");
        }
        return balanced(layout.tables);
    }
    if (layout.table_size > 0) {
        if (layout.table_size < 2) throw RequestError("--size must be at least 2: a table of one meets nobody");
        return balanced((people + layout.table_size - 1) / layout.table_size);
    }
    std::vector<std::size_t> sizes = layout.table_sizes;
    std::size_t seats = 0;
    for (const std::size_t size : sizes) {
        if (size == 0) throw RequestError("--sizes: every table needs at least one seat");
        seats += size;
    }
    if (seats < people) {
        throw RequestError("--sizes gives " + std::to_string(seats) + " seats for " + std::to_string(people) +
                           " people");
    }
    if (sizes.size() > people) {
        throw RequestError("--sizes gives " + std::to_string(sizes.size()) + " tables for " + std::to_string(people) +
                           " people: some would stay empty");
    }
    for (; seats > people; --seats) --*std::max_element(sizes.begin(), sizes.end());
    return sizes;
}

PairValues::PairValues(std::size_t people, double same_sector_penalty)
    : size_(people),
      penalty_raw_(
          static_cast<std::int32_t>(std::llround(std::max(0.0, same_sector_penalty) * static_cast<double>(k_scale)))),
      raw_(people * people, 0),
      flags_(people * people, 0) {}

void PairValues::set(std::size_t p, std::size_t q, double bridging_value, std::uint8_t flags) {
    const auto raw =
        static_cast<std::int32_t>(std::llround(std::max(0.0, bridging_value) * static_cast<double>(k_scale))) -
        ((flags & same_sector) != 0 ? penalty_raw_ : 0);
    raw_[p * size_ + q] = raw;
    raw_[q * size_ + p] = raw;
    flags_[p * size_ + q] = flags;
    flags_[q * size_ + p] = flags;
}

SeatingProblem seating_problem(const Network& before, const SeatingRequest& request, const PairValueOptions& options) {
    constexpr std::size_t k_most_people = 5000;  // the pair values take 5·n² bytes
    const std::size_t n = request.people.size();
    if (n > k_most_people) {
        throw RequestError("seating plans are for at most " + std::to_string(k_most_people) + " people; " +
                           std::to_string(n) + " were given");
    }
    SeatingProblem problem;
    problem.table_sizes = table_sizes_for(n, request.layout);
    if (request.rounds == 0) throw RequestError("--rounds must be at least 1");
    problem.rounds = request.rounds;
    problem.max_per_sector = request.max_per_sector;
    problem.fair_spread = request.fair_spread;
    problem.people = request.people;

    std::vector<std::uint32_t> person_of(before.members.size(), k_none);
    for (std::uint32_t p = 0; p < n; ++p) {
        const MemberIndex member = request.people[p];
        if (member >= before.members.size())
            throw RequestError("no such member (index " + std::to_string(member) + ")");
        if (person_of[member] != k_none) {
            throw RequestError("member " + in_quotes(before.members[member].id) +
                               " is listed twice among the people to seat");
        }
        person_of[member] = p;
        problem.labels.push_back(before.members[member].id);
    }
    const auto person = [&](MemberIndex member, const char* what) {
        if (member >= before.members.size() || person_of[member] == k_none) {
            const std::string id = member < before.members.size() ? in_quotes(before.members[member].id) : "?";
            throw RequestError(std::string(what) + " " + id + " is not among the people to seat");
        }
        return person_of[member];
    };
    for (const MemberIndex host : request.hosts) {
        const std::uint32_t p = person(host, "host");
        if (std::find(problem.hosts.begin(), problem.hosts.end(), p) == problem.hosts.end()) problem.hosts.push_back(p);
    }
    const auto groups = [&](const std::vector<std::vector<MemberIndex>>& given, const char* what) {
        std::vector<std::vector<std::uint32_t>> result;
        for (const auto& group : given) {
            std::vector<std::uint32_t> persons;
            for (const MemberIndex member : group) persons.push_back(person(member, what));
            std::sort(persons.begin(), persons.end());
            persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
            if (persons.size() >= 2) result.push_back(std::move(persons));
        }
        return result;
    };
    problem.keep_apart = groups(request.keep_apart, "keep-apart member");
    problem.keep_together = groups(request.keep_together, "keep-together member");

    const Sectors sectors = member_sectors(before);
    problem.sector_names = sectors.names;
    for (const MemberIndex member : request.people) problem.sectors.push_back(sectors.of_member[member]);

    const TieGraph graph = project_ties(before, options.ties);
    const Communities communities = leiden_communities(graph, CommunityOptions{options.seed, 1.0});
    for (const MemberIndex member : request.people) problem.communities.push_back(communities.of_member[member]);

    // The weights of the ties among the people, by person pair (rows filled one at a time).
    std::vector<double> tie_weights;
    for (std::uint32_t p = 0; p < n; ++p) {
        const auto neighbours = graph.neighbours(request.people[p]);
        const auto weights = graph.weights(request.people[p]);
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            const std::uint32_t q = person_of[neighbours[k]];
            if (q != k_none && p < q) tie_weights.push_back(weights[k]);
        }
    }
    if (!tie_weights.empty()) {
        std::sort(tie_weights.begin(), tie_weights.end());
        const double quantile = std::clamp(options.strong_tie_quantile, 0.0, 1.0);
        problem.strong_tie_weight =
            tie_weights[static_cast<std::size_t>(std::floor(quantile * static_cast<double>(tie_weights.size() - 1)))];
    }

    problem.values = PairValues(n, options.same_sector_penalty);
    std::vector<double> row(n, 0.0);
    for (std::uint32_t p = 0; p < n; ++p) {
        const auto neighbours = graph.neighbours(request.people[p]);
        const auto weights = graph.weights(request.people[p]);
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            const std::uint32_t q = person_of[neighbours[k]];
            if (q != k_none) row[q] = weights[k];
        }
        for (std::uint32_t q = p + 1; q < n; ++q) {
            const SectorIndex a = problem.sectors[p];
            const SectorIndex b = problem.sectors[q];
            std::uint8_t flags = 0;
            if (a != k_unknown_sector && b != k_unknown_sector) {
                flags |= a == b ? PairValues::same_sector : PairValues::cross_sector;
            }
            const std::uint32_t ca = problem.communities[p];
            const std::uint32_t cb = problem.communities[q];
            if (ca != k_no_community && cb != k_no_community && ca != cb) flags |= PairValues::cross_community;
            const double weight = row[q];
            if (weight > 0) flags |= PairValues::tied;

            const double bridging = (flags & PairValues::cross_sector) != 0      ? 1.0
                                    : (flags & PairValues::cross_community) != 0 ? options.community_value
                                                                                 : 0.0;
            double novelty = 1.0;
            if (weight > 0) {
                const double strong = problem.strong_tie_weight;
                novelty = strong > 0 ? options.weak_tie_value * std::max(0.0, 1.0 - weight / strong) : 0.0;
            }
            problem.values.set(p, q, bridging * novelty, flags);
        }
        for (std::size_t k = 0; k < neighbours.size(); ++k) {
            const std::uint32_t q = person_of[neighbours[k]];
            if (q != k_none) row[q] = 0.0;
        }
    }
    return problem;
}

std::vector<std::size_t> fair_spread_caps(const SeatingProblem& problem) {
    const std::size_t n = problem.people.size();
    const std::size_t tables = problem.table_sizes.size();
    const std::size_t width = problem.sector_names.size() + 1;
    std::vector<std::size_t> count(width, 0);
    for (const SectorIndex sector : problem.sectors) ++count[sector == k_unknown_sector ? width - 1 : sector];
    std::vector<std::size_t> caps(tables * width, 0);
    if (n == 0 || tables == 0) return caps;
    for (std::size_t t = 0; t < tables; ++t) {
        for (std::size_t s = 0; s + 1 < width; ++s) {
            caps[t * width + s] = (count[s] * problem.table_sizes[t] + n - 1) / n + 1;
        }
        caps[t * width + width - 1] = (count[width - 1] + tables - 1) / tables;
    }
    return caps;
}

std::vector<std::string> fair_spread_shortfalls(const SeatingProblem& problem, const Seating& seating) {
    std::vector<std::string> shortfalls;
    const std::size_t tables = problem.table_sizes.size();
    const std::size_t width = problem.sector_names.size() + 1;
    const std::vector<std::size_t> caps = fair_spread_caps(problem);
    for (std::size_t r = 0; r < seating.size(); ++r) {
        std::vector<std::size_t> count(tables * width, 0);
        for (std::size_t p = 0; p < seating[r].size() && p < problem.sectors.size(); ++p) {
            const SectorIndex sector = problem.sectors[p];
            if (seating[r][p] < tables)
                ++count[seating[r][p] * width + (sector == k_unknown_sector ? width - 1 : sector)];
        }
        for (std::size_t t = 0; t < tables; ++t) {
            for (std::size_t s = 0; s < width; ++s) {
                if (count[t * width + s] <= caps[t * width + s]) continue;
                const std::string sector = s + 1 == width ? "unknown sector" : problem.sector_names[s];
                shortfalls.push_back("round " + std::to_string(r + 1) + ", table " + std::to_string(t + 1) + ": " +
                                     std::to_string(count[t * width + s]) + " of " + sector + " (fair share at most " +
                                     std::to_string(caps[t * width + s]) + ")");
            }
        }
    }
    return shortfalls;
}

SeatingScore score_seating(const SeatingProblem& problem, const Seating& seating) {
    const std::size_t n = problem.people.size();
    const std::size_t tables = problem.table_sizes.size();
    std::vector<bool> seen(n * n, false);
    std::int64_t objective = 0;
    SeatingScore score;
    std::vector<std::vector<std::uint32_t>> at(tables);
    for (const auto& table_of : seating) {
        for (auto& members : at) members.clear();
        for (std::uint32_t p = 0; p < table_of.size() && p < n; ++p) {
            if (table_of[p] < tables) at[table_of[p]].push_back(p);
        }
        for (const auto& members : at) {
            for (std::size_t i = 0; i < members.size(); ++i) {
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    const std::uint32_t p = members[i];
                    const std::uint32_t q = members[j];
                    if (seen[p * n + q]) continue;
                    seen[p * n + q] = true;
                    ++score.pairs;
                    objective += problem.values.raw(p, q);
                    if (problem.values.new_cross_sector(p, q)) ++score.new_cross_sector_pairs;
                }
            }
        }
    }
    score.objective = static_cast<double>(objective) / static_cast<double>(PairValues::k_scale);
    return score;
}

std::vector<std::string> seating_violations(const SeatingProblem& problem, const Seating& seating) {
    constexpr std::size_t k_most_messages = 50;
    std::vector<std::string> problems;
    std::size_t more = 0;
    const auto report = [&](std::string message) {
        if (problems.size() < k_most_messages)
            problems.push_back(std::move(message));
        else
            ++more;
    };
    const std::size_t n = problem.people.size();
    const std::size_t tables = problem.table_sizes.size();
    const auto label = [&](std::uint32_t p) { return in_quotes(problem.labels.at(p)); };
    if (seating.size() != problem.rounds) {
        report("the plan has " + std::to_string(seating.size()) + " rounds; " + std::to_string(problem.rounds) +
               " were asked for");
    }
    const seating_search::Units units = seating_search::seating_units(problem);
    std::unordered_map<std::uint64_t, std::uint32_t> first_round;  // pair → round (1-based) it first sat together
    for (std::size_t r = 0; r < seating.size(); ++r) {
        const std::string round = "round " + std::to_string(r + 1) + ": ";
        const auto& table_of = seating[r];
        if (table_of.size() != n) {
            report(round + std::to_string(table_of.size()) + " seats given for " + std::to_string(n) + " people");
            continue;
        }
        std::vector<std::vector<std::uint32_t>> at(tables);
        bool complete = true;
        for (std::uint32_t p = 0; p < n; ++p) {
            if (table_of[p] >= tables) {
                report(round + label(p) + " is at table " + std::to_string(table_of[p] + 1) + ", which does not exist");
                complete = false;
            } else {
                at[table_of[p]].push_back(p);
            }
        }
        for (std::size_t t = 0; t < tables; ++t) {
            if (at[t].size() != problem.table_sizes[t]) {
                report(round + "table " + std::to_string(t + 1) + " has " + std::to_string(at[t].size()) +
                       " people for " + std::to_string(problem.table_sizes[t]) + " seats");
            }
        }
        if (!complete) continue;
        for (std::size_t k = 0; k < problem.hosts.size(); ++k) {
            if (table_of[problem.hosts[k]] != k) {
                report(round + "host " + label(problem.hosts[k]) + " is not at table " + std::to_string(k + 1));
            }
        }
        for (const auto& group : problem.keep_together) {
            for (const std::uint32_t p : group) {
                if (table_of[p] != table_of[group.front()]) {
                    report(round + label(p) + " is not at the table of " + label(group.front()) + " (keep-together)");
                }
            }
        }
        for (const auto& group : problem.keep_apart) {
            for (std::size_t i = 0; i < group.size(); ++i) {
                for (std::size_t j = i + 1; j < group.size(); ++j) {
                    if (table_of[group[i]] == table_of[group[j]]) {
                        report(round + label(group[i]) + " and " + label(group[j]) + " share table " +
                               std::to_string(table_of[group[i]] + 1) + " (keep-apart)");
                    }
                }
            }
        }
        if (problem.max_per_sector > 0) {
            for (std::size_t t = 0; t < tables; ++t) {
                std::vector<std::size_t> count(problem.sector_names.size(), 0);
                for (const std::uint32_t p : at[t]) {
                    if (problem.sectors[p] != k_unknown_sector) ++count[problem.sectors[p]];
                }
                for (std::size_t s = 0; s < count.size(); ++s) {
                    if (count[s] > problem.max_per_sector) {
                        report(round + "table " + std::to_string(t + 1) + " has " + std::to_string(count[s]) + " of " +
                               problem.sector_names[s] + " (--max-per-sector " +
                               std::to_string(problem.max_per_sector) + ")");
                    }
                }
            }
        }
        for (const auto& members : at) {
            for (std::size_t i = 0; i < members.size(); ++i) {
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    const std::uint32_t p = members[i];
                    const std::uint32_t q = members[j];
                    std::uint32_t& first = first_round[static_cast<std::uint64_t>(p) * n + q];
                    if (first != 0 && units.of_person[p] != units.of_person[q]) {
                        report(round + label(p) + " and " + label(q) + " sit together again (first in round " +
                               std::to_string(first) + ")");
                    }
                    if (first == 0) first = static_cast<std::uint32_t>(r + 1);
                }
            }
        }
    }
    if (more > 0) problems.push_back("and " + std::to_string(more) + " more");
    return problems;
}

Seating SeatingPlan::seating() const {
    Seating result;
    result.reserve(rounds.size());
    for (const auto& round : rounds) result.push_back(round.table_of);
    return result;
}

}  // namespace bridgemap
