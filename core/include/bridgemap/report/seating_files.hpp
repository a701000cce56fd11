#pragma once
// What `bridgemap seat` writes: the plan laid out table by table, as the text a convenor
// reads, as CSV (--out) and JSON (--format json), and the HTML index of the table maps
// (--map). docs/seating.md explains how to read a plan.

#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/recommend/seating.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bridgemap::report {

/// One table of one round as the plan shows it.
struct PrintedTable {
    /// The persons at the table in display order: the host first, then by display name,
    /// then by member id.
    std::vector<std::uint32_t> persons;
    /// The new cross-sector pairs (PairValues::new_cross_sector) first seated together at
    /// this table, in the order of `persons`; a pair met in an earlier round is not repeated.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> new_pairs;
    std::vector<std::size_t> new_partners;  ///< Per person in `persons`: their pairs in new_pairs.
};

/// A plan laid out for printing. It refers to the network, problem and plan it was laid out
/// from, which must outlive it.
struct PrintedPlan {
    const Network* network = nullptr;  ///< Whose members are seated (names, organisations).
    const SeatingProblem* problem = nullptr;
    const SeatingPlan* plan = nullptr;
    EventIndex event = k_none;                      ///< The event seated, or k_none (--members).
    std::vector<std::vector<PrintedTable>> tables;  ///< [round][table]
    std::vector<bool> is_host;                      ///< Per person.
};

/// Lays `plan` of `problem` out per round and table; `network` holds the members of
/// problem.people. O(rounds · n²) time, n² bits of memory (which pairs have met).
PrintedPlan lay_out(const Network& network, const SeatingProblem& problem, const SeatingPlan& plan, EventIndex event);

/// "1 table of 6", "4 tables of 7", "3 tables of 6 or 7" (sizes differing by one), else
/// every size: "3 tables (8, 8, 10 seats)". Expects at least one table.
std::string describe_tables(const std::vector<std::size_t>& sizes);

/// What is missing when there are fewer hosts than tables, and how to add them (empty when
/// every table has one): "2 hosts for 30 tables: tables 3-30 have no host; to give every table
/// one, pass --hosts FILE: ...". For the text, JSON, printouts and a note on stderr.
std::string hosts_note(const SeatingProblem& problem);

/// The fair spread in one sentence: the caps kept ("no table holds more than its share of a
/// sector plus one, nor more than 1 of the 11 people of unknown sector."), or that no seating
/// keeping them was found and the first three tables over them.
std::string fair_spread_note(const SeatingProblem& problem, const SeatingPlan& plan);

/// The event as a heading names it: "\"Name\" (id, date)", without the date when it has none.
std::string event_heading(const Network& network, EventIndex event);

/// The plan as a convenor reads it on the screen: what is seated and which ties count (with
/// the tie model, describe_tie_model), the hosts, what the plan achieves against random
/// seating and the bound, then per round and table the people in aligned columns (name,
/// organisation, sector; measured in display width) and the new cross-sector pairs, wrapped
/// at 100 columns. `window` is the --from/--until window of the run.
std::string plan_text(const PrintedPlan& printed, const TieOptions& ties, const Window& window);

/// member_id,round,table,name,organisation,sector,host,new_cross_sector_partners: one row per
/// person and round, in round, table and display order; rounds and tables from 1.
std::string plan_csv(const PrintedPlan& printed);

/// The whole plan as one JSON document: the event, the problem's size, the tie model
/// (tie_model_json), the plan's new cross-sector pairs and objective against random seating
/// and the upper bound (rounded to 0.001), and per round and table its members and new pairs.
std::string plan_json(const PrintedPlan& printed, const TieOptions& ties, const Window& window);

/// The file of the map of `table` (0-based) in `round` (0-based): "round-1-table-07.svg",
/// the table's number padded with zeros to as many digits as the number of tables has.
std::string table_map_file(const PrintedPlan& printed, std::size_t round, std::size_t table);

/// The title of that map: "Round 1, table 7: 3 new cross-sector pairs".
std::string table_map_title(const PrintedPlan& printed, std::size_t round, std::size_t table);

/// index.html of the --map folder: every table's map (table_map_file), round by round, under
/// its title; every text from the data is escaped (html_escape).
std::string plan_map_index(const PrintedPlan& printed);

}  // namespace bridgemap::report
