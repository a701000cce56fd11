#pragma once
// What a network holds, in counts a convenor can check against their spreadsheets.

#include <bridgemap/model/network.hpp>
#include <bridgemap/model/sector_names.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace bridgemap {

struct SectorCount {
    std::string sector;
    std::size_t members = 0;
    /// How members and organisations wrote it (sector_spellings), most used first.
    std::vector<SectorSpelling> spellings;
};

struct YearCount {
    int year = 0;
    std::size_t events = 0;
};

struct Inventory {
    std::size_t members = 0;
    std::size_t organisations = 0;
    std::size_t events = 0;
    std::size_t attendance = 0;
    std::size_t groups = 0;
    std::size_t group_members = 0;
    std::size_t affiliations = 0;
    std::size_t ties = 0;
    std::vector<SectorCount> sectors;        ///< Known sectors, most members first, then by name.
    std::size_t unknown_sector = 0;          ///< Members of unknown sector.
    std::vector<YearCount> events_per_year;  ///< By the year each event's date starts in, ascending.
    std::size_t undated_events = 0;
};

/// Members who took part in what `network` holds: attended one of its events, sit in one of
/// its groups, or have one of its recorded ties. On a windowed network (apply_window) these
/// are the members active in the window. O(size of the network).
std::size_t active_members(const Network& network);

/// Counts the rows of every table, members per resolved sector and events per year.
/// O(size of the network). An empty network gives all zeros.
Inventory take_inventory(const Network& network);

}  // namespace bridgemap
