#pragma once
// The seating plan on paper (`bridgemap seat --print FILE.html`): one HTML file of A4 pages to
// print from a browser, offline and deterministic. In this order:
//   - a one-page briefing for the convenor: who is coming (by sector), the hosts, the fair
//     spread, who has no cross-sector tie in the room, and suggested in-room introductions
//     with their introducers;
//   - one page per table per round: the host first, then everyone's name, organisation and
//     sector, and whom at the table each has not met (before the event);
//   - an A–Z "find your table" list for the door, every round on one line;
//   - place cards (name, organisation, table per round), eight to a page, with cut marks.
// Members hidden by consent (SPEC §5) are on no page (a table page counts them as "guests not
// listed"); the network a PrintedPlan refers to already carries pseudonyms where they apply.
// docs/seating.md shows the pages.

#include <bridgemap/recommend/introductions.hpp>
#include <bridgemap/report/seating_files.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bridgemap::report {

/// What the printouts need beyond the plan.
struct PrintoutOptions {
    std::vector<bool> hidden;  ///< By member index: on no page (consent hidden); empty: nobody.
    /// For the briefing, by rank (room_introductions); members refer to the plan's network.
    std::vector<Introduction> introductions;
    /// The tie model's sentence (describe_tie_model), stated on the briefing: "no tie yet" means
    /// no tie under it (SPEC §2). Empty: not stated.
    std::string tie_model;
    std::size_t list_rows_per_page = 36;   ///< Rows of the A–Z list per page.
    std::size_t table_rows_per_page = 16;  ///< People per table page (a larger table continues on the next).
};

/// How many pages each part takes, for a printer or a test.
struct PrintoutPages {
    std::size_t briefing = 1;
    std::size_t tables = 0;  ///< Σ over rounds and tables of ⌈people shown / table_rows_per_page⌉ (at least 1).
    std::size_t list = 0;    ///< ⌈people shown / list_rows_per_page⌉ (at least 1).
    std::size_t cards = 0;   ///< ⌈people shown / 8⌉.
    [[nodiscard]] std::size_t total() const noexcept { return briefing + tables + list + cards; }
};

/// The pages the printouts of `printed` take. O(n · rounds).
PrintoutPages printout_pages(const PrintedPlan& printed, const PrintoutOptions& options);

/// Up to `count` introductions among the people seated: recommend_introductions on `before`
/// (the network before the event, the same members as printed.network) with everyone not
/// seated, and everyone `hidden`, neither suggested nor introducer (so the introducer is in
/// the room), members without earlier activity included, and the pairs the plan already seats
/// together left out. At most two per member (recommend_introductions' default).
std::vector<Introduction> room_introductions(const Network& before, const PrintedPlan& printed, const TieOptions& ties,
                                             std::uint64_t seed, const std::vector<bool>& hidden,
                                             std::size_t count = 8);

/// The printouts as one self-contained HTML file (no script, no fetch): CSS sets A4 pages with
/// fixed rows per page, so that the page count is printout_pages(...).total(). Every text from
/// the data is escaped (html_escape). O(n · rounds + Σ table size²).
std::string seating_printouts(const PrintedPlan& printed, const PrintoutOptions& options);

}  // namespace bridgemap::report
