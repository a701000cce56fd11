#include <bridgemap/error.hpp>
#include <bridgemap/generate/network_generator.hpp>
#include <bridgemap/model/date.hpp>
#include <bridgemap/random.hpp>

#include "generate/names.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace bridgemap::generate {
namespace {

// ----- Sectors ---------------------------------------------------------------------------------

using SectorCode = std::uint8_t;
constexpr SectorCode k_independent = 6;
constexpr SectorCode k_no_sector = 0xFF;
constexpr std::array<std::string_view, 7> k_sector_labels{"voluntary", "grassroots", "public",     "funder",
                                                          "private",   "academic",   "independent"};
/// The sector of a new organisation, by weight (independent people have no organisation).
constexpr std::array<unsigned, 6> k_organisation_sector_weights{44, 20, 15, 8, 6, 5};

/// Members per thousand with no sector and no organisation, and independent ones.
constexpr unsigned k_unknown_per_mille = 25;
constexpr unsigned k_independent_per_mille = 60;
/// Simon's process: a member starts a new organisation with this chance (per mille), else joins
/// the organisation of an earlier member picked uniformly, i.e. in proportion to its size.
constexpr unsigned k_new_organisation_per_mille = 550;
/// Members (per mille) who also give a sector of their own, and of those, how many give
/// one that differs from their organisation's.
constexpr unsigned k_own_sector_per_mille = 120;
constexpr unsigned k_other_own_sector_per_mille = 250;
/// Members of an organisation who moved from another one during the years (per mille).
constexpr unsigned k_moved_per_mille = 70;

// ----- Members --------------------------------------------------------------------------------

using RegionCode = std::uint8_t;
constexpr RegionCode k_no_region = 0xFF;

/// Members joined before first_year (per mille); the rest join in year y with weight 2 + y.
constexpr unsigned k_founders_per_mille = 120;

/// Activity tiers: core, regular, occasional, rare; share per hundred and the weight by which
/// a member of the tier is drawn for events.
constexpr std::array<unsigned, 4> k_tier_shares{6, 20, 44, 30};
constexpr std::array<unsigned, 4> k_tier_weights{24, 8, 3, 1};

/// Past one and a half chapters, the network is split into regional chapters of this size.
constexpr std::size_t k_chapter_members = 1100;

// ----- Events and groups ---------------------------------------------------------------------

constexpr std::size_t k_gathering_cap = 300;
/// Per chapter of 1,100 members and year, once every member has joined.
/// (Counts are integers and every computation is in integers, so that the output does not
/// depend on a platform's floating point.)
constexpr std::size_t k_dinners_per_year = 14;
constexpr std::size_t k_workshops_per_year = 8;
constexpr std::size_t k_online_per_year = 10;
/// One cell per this many members.
constexpr std::size_t k_members_per_cell = 40;
/// Explicit ties per thousand members.
constexpr std::size_t k_ties_per_mille = 750;

enum class EventKind : std::uint8_t { gathering, breakout, dinner, workshop, online, cell_meeting };

constexpr std::string_view kind_name(EventKind kind) {
    switch (kind) {
        case EventKind::gathering:
            return "gathering";
        case EventKind::breakout:
            return "breakout";
        case EventKind::dinner:
            return "dinner";
        case EventKind::workshop:
            return "workshop";
        case EventKind::online:
            return "online";
        case EventKind::cell_meeting:
            return "cell-meeting";
    }
    return "";
}

constexpr std::uint32_t k_role_participant = 1;
constexpr std::uint32_t k_role_host = 2;
constexpr std::uint32_t k_role_speaker = 3;
constexpr std::uint32_t k_role_facilitator = 4;

// Independent random streams, one per stage, so that changing one stage leaves the others alone.
constexpr std::uint64_t k_stream_members = 1;
constexpr std::uint64_t k_stream_names = 2;
constexpr std::uint64_t k_stream_organisations = 3;
constexpr std::uint64_t k_stream_cells = 4;
constexpr std::uint64_t k_stream_ties = 5;
constexpr std::uint64_t k_stream_events = 6;

// ----- Small helpers ---------------------------------------------------------------------------

template <class Weights>
std::size_t pick_weighted(Random& random, const Weights& weights) {
    std::uint64_t total = 0;
    for (const auto weight : weights) total += weight;
    std::uint64_t r = random.below(total);
    std::size_t i = 0;
    for (const auto weight : weights) {
        if (r < weight) return i;
        r -= weight;
        ++i;
    }
    return i - 1;
}

std::size_t pick_region(Random& random) {
    const auto all = regions();
    std::uint64_t total = 0;
    for (const auto& region : all) total += region.weight;
    std::uint64_t r = random.below(total);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (r < all[i].weight) return i;
        r -= all[i].weight;
    }
    return all.size() - 1;
}

std::string_view pick_town(Random& random, RegionCode region) {
    const auto towns = regions()[region].towns;
    return towns[random.below(towns.size())];
}

std::string_view pick_topic(Random& random) {
    const auto all = topics();
    return all[random.below(all.size())];
}

/// `prefix` followed by `number` padded with zeros to `width` digits.
std::string padded_id(std::string_view prefix, std::uint64_t number, std::size_t width) {
    std::string digits = std::to_string(number);
    std::string id(prefix);
    if (digits.size() < width) id.append(width - digits.size(), '0');
    id += digits;
    return id;
}

std::size_t digit_count(std::uint64_t number) {
    return std::to_string(number).size();
}

/// A uniformly random day in [first, last].
DayNumber day_between(Random& random, DayNumber first, DayNumber last) {
    return static_cast<DayNumber>(random.between(first, last));
}

/// A day of `month` (1-12) of `year`, avoiding the 29th-31st so that every month works.
DayNumber day_in_month(Random& random, int year, unsigned month) {
    return days_from_civil(year, month, static_cast<unsigned>(1 + random.below(28)));
}

/// `expected_thousandths` / 1000 rounded up or down at random so that the mean is exact.
std::size_t random_round(Random& random, std::size_t expected_thousandths) {
    return expected_thousandths / 1000 + (random.below(1000) < expected_thousandths % 1000 ? 1 : 0);
}

// ----- The network as it is drawn ------------------------------------------------------------

/// What an event's attendees lean towards: members of its region and of its theme sector
/// are drawn this many times more often.
struct Bias {
    RegionCode region = k_no_region;
    unsigned region_factor = 1;
    SectorCode sector = k_no_sector;
    unsigned sector_factor = 1;
};

struct OrganisationDraft {
    SectorCode sector;
    RegionCode region;
    std::string name;
};

struct CellDraft {
    std::string name;
    RegionCode region;
    SectorCode sector;
    DayNumber formed;
    std::vector<GroupMembership> seats;  // group index filled in when kept
};

struct EventDraft {
    EventKind kind;
    DayNumber day;
    std::uint64_t sequence;  // creation order, to keep a breakout after its gathering
    std::uint32_t parent;    // index into the drafts, or k_none
    std::uint32_t cell;      // index into the cells, or k_none
    RegionCode region;
    SectorCode theme;
    std::string name;
    std::vector<MemberIndex> attendees;
    std::vector<std::uint32_t> roles;
};

class NetworkDraft {
public:
    explicit NetworkDraft(const GeneratorOptions& options)
        : options_(options),
          first_day_(days_from_civil(options.first_year, 1, 1)),
          last_day_(days_from_civil(options.first_year + options.years - 1, 12, 31)) {}

    Network draw() {
        draw_members();
        draw_organisations();
        draw_cells();
        draw_events();
        draw_ties();
        return assemble();
    }

private:
    // --- members ---

    void draw_members() {
        Random random = Random::stream(options_.seed, k_stream_members);
        const std::size_t n = options_.members;
        struct Draft {
            DayNumber joined;
            RegionCode region;
            std::uint8_t tier;
        };
        std::vector<Draft> drafts(n);
        std::vector<unsigned> year_weights;
        for (int y = 0; y < options_.years; ++y) year_weights.push_back(static_cast<unsigned>(2 + y));
        for (auto& draft : drafts) {
            int year = options_.first_year - 1;
            if (random.below(1000) >= k_founders_per_mille) {
                year = options_.first_year + static_cast<int>(pick_weighted(random, year_weights));
            }
            draft.joined = day_between(random, days_from_civil(year, 1, 1), days_from_civil(year, 12, 31));
            draft.region = static_cast<RegionCode>(pick_region(random));
            draft.tier = static_cast<std::uint8_t>(pick_weighted(random, k_tier_shares));
        }
        // Members are numbered in the order they joined.
        std::stable_sort(drafts.begin(), drafts.end(),
                         [](const Draft& a, const Draft& b) { return a.joined < b.joined; });
        joined_.resize(n);
        region_.resize(n);
        tier_.resize(n);
        for (std::size_t m = 0; m < n; ++m) {
            joined_[m] = drafts[m].joined;
            region_[m] = drafts[m].region;
            tier_[m] = drafts[m].tier;
        }
        mark_.assign(n, 0);
        everyone_.resize(n);
        std::iota(everyone_.begin(), everyone_.end(), MemberIndex{0});

        // Chapters: members in geographic order (region, then at random, so that every chapter
        // has old and new members), cut into equal runs.
        const std::size_t chapters =
            n * 2 <= k_chapter_members * 3 ? 1 : (n + k_chapter_members / 2) / k_chapter_members;
        std::vector<MemberIndex> by_region = everyone_;
        random.shuffle(std::span<MemberIndex>(by_region));
        std::stable_sort(by_region.begin(), by_region.end(),
                         [&](MemberIndex a, MemberIndex b) { return region_[a] < region_[b]; });
        chapter_.resize(n);
        chapter_members_.assign(chapters, {});
        std::vector<std::size_t> chapters_in_region(regions().size(), 0);
        for (std::size_t c = 0; c < chapters; ++c) {
            const std::size_t begin = c * n / chapters;
            const std::size_t end = (c + 1) * n / chapters;
            for (std::size_t i = begin; i < end; ++i) {
                chapter_[by_region[i]] = static_cast<std::uint32_t>(c);
                chapter_members_[c].push_back(by_region[i]);
            }
            std::sort(chapter_members_[c].begin(), chapter_members_[c].end());
            // A chapter is named after a town of the region most of its members are in.
            const RegionCode home = begin < end ? region_[by_region[(begin + end) / 2]] : RegionCode{0};
            const auto towns = regions()[home].towns;
            chapter_region_.push_back(home);
            chapter_town_.push_back(towns[chapters_in_region[home]++ % towns.size()]);
        }
    }

    /// The number of members of `pool` (in join order) who had joined by `day`.
    [[nodiscard]] std::size_t joined_by(std::span<const MemberIndex> pool, DayNumber day) const {
        const auto end =
            std::partition_point(pool.begin(), pool.end(), [&](MemberIndex m) { return joined_[m] <= day; });
        return static_cast<std::size_t>(end - pool.begin());
    }

    // --- drawing members for events and cells ---

    [[nodiscard]] unsigned weight(MemberIndex m, const Bias& bias) const {
        unsigned w = k_tier_weights[tier_[m]];
        if (bias.region != k_no_region && region_[m] == bias.region) w *= bias.region_factor;
        if (bias.sector != k_no_sector && sector_[m] == bias.sector) w *= bias.sector_factor;
        return w;
    }

    /// Starts a new set of draws: members drawn from now on are not drawn twice.
    void begin_draw() {
        if (++stamp_ == 0) {
            std::fill(mark_.begin(), mark_.end(), 0);
            stamp_ = 1;
        }
    }

    /// Appends to `chosen` up to `wanted` more members of `pool` that `admit`, not yet drawn
    /// since begin_draw(), each drawn with probability proportional to weight(m, bias): by
    /// rejection, a uniform candidate kept with chance weight / the largest weight. Gives up
    /// (fewer members) after a bounded number of candidates, so a small pool cannot stall it.
    template <class Admit>
    void draw_more(Random& random, std::span<const MemberIndex> pool, std::size_t wanted, const Bias& bias, Admit admit,
                   std::vector<MemberIndex>& chosen) {
        if (pool.empty() || wanted == 0) return;
        const unsigned top = k_tier_weights[0] * (bias.region == k_no_region ? 1 : bias.region_factor) *
                             (bias.sector == k_no_sector ? 1 : bias.sector_factor);
        const std::size_t limit = 200 * wanted + 1000;
        std::size_t got = 0;
        for (std::size_t trial = 0; trial < limit && got < wanted; ++trial) {
            const MemberIndex m = pool[random.below(pool.size())];
            if (mark_[m] == stamp_ || random.below(top) >= weight(m, bias) || !admit(m)) continue;
            mark_[m] = stamp_;
            chosen.push_back(m);
            ++got;
        }
    }

    std::vector<MemberIndex> draw_members_for(Random& random, std::span<const MemberIndex> pool, std::size_t wanted,
                                              const Bias& bias) {
        std::vector<MemberIndex> chosen;
        chosen.reserve(wanted);
        begin_draw();
        draw_more(
            random, pool, wanted, bias, [](MemberIndex) { return true; }, chosen);
        return chosen;
    }

    // --- organisations ---

    void draw_organisations() {
        Random random = Random::stream(options_.seed, k_stream_organisations);
        const std::size_t n = options_.members;
        organisation_.assign(n, k_none);
        own_sector_.assign(n, k_no_sector);
        sector_.assign(n, k_no_sector);
        chapter_organisations_.assign(chapter_members_.size(), {});
        for (std::size_t c = 0; c < chapter_members_.size(); ++c) {
            std::vector<MemberIndex> attached;                                      // members with an organisation
            std::vector<std::vector<MemberIndex>> attached_here(regions().size());  // ... by region
            for (const MemberIndex m : chapter_members_[c]) {
                const auto kind = random.below(1000);
                if (kind < k_unknown_per_mille) continue;
                if (kind < k_unknown_per_mille + k_independent_per_mille) {
                    own_sector_[m] = sector_[m] = k_independent;
                    continue;
                }
                OrganisationIndex organisation = k_none;
                if (attached.empty() || random.below(1000) < k_new_organisation_per_mille) {
                    const auto sector = static_cast<SectorCode>(pick_weighted(random, k_organisation_sector_weights));
                    const std::string_view town = pick_town(random, region_[m]);
                    organisation = static_cast<OrganisationIndex>(organisations_.size());
                    organisations_.push_back(
                        {sector, region_[m], organisation_name(random, k_sector_labels[sector], town)});
                    chapter_organisations_[c].push_back(organisation);
                } else {
                    // Mostly an organisation of the member's own region; in proportion to its size.
                    const auto& local = attached_here[region_[m]];
                    const auto& from = !local.empty() && random.below(10) < 6 ? local : attached;
                    organisation = organisation_[from[random.below(from.size())]];
                }
                organisation_[m] = organisation;
                attached.push_back(m);
                attached_here[region_[m]].push_back(m);
                const SectorCode sector = organisations_[organisation].sector;
                sector_[m] = sector;
                if (random.below(1000) < k_own_sector_per_mille) {
                    own_sector_[m] = sector;
                    if (random.below(1000) < k_other_own_sector_per_mille) {
                        auto other = static_cast<SectorCode>(pick_weighted(random, k_organisation_sector_weights));
                        if (other == sector) other = k_independent;
                        own_sector_[m] = sector_[m] = other;
                    }
                }
            }
        }
        draw_moves(random);
    }

    /// Some members moved organisation: the earlier one ends the day before the current one starts.
    void draw_moves(Random& random) {
        for (MemberIndex m = 0; m < organisation_.size(); ++m) {
            const OrganisationIndex current = organisation_[m];
            if (current == k_none || random.below(1000) >= k_moved_per_mille) continue;
            const auto& candidates = chapter_organisations_[chapter_[m]];
            const DayNumber earliest = std::max(joined_[m], first_day_) + 60;
            const DayNumber latest = last_day_ - 30;
            if (candidates.size() < 2 || earliest > latest) continue;
            OrganisationIndex previous = current;
            while (previous == current) previous = candidates[random.below(candidates.size())];
            const DayNumber moved = day_between(random, earliest, latest);
            const DayNumber since =
                random.below(2) == 0 ? k_open_start : moved - static_cast<DayNumber>(random.between(400, 3000));
            affiliations_.push_back(
                {m, previous, DateSpan{since, moved - 1}, "moved to " + organisations_[current].name});
            affiliations_.push_back({m, current, DateSpan{moved, k_open_end}, std::string()});
        }
    }

    // --- cells ---

    void draw_cells() {
        Random random = Random::stream(options_.seed, k_stream_cells);
        for (std::size_t c = 0; c < chapter_members_.size(); ++c) {
            const auto& pool = chapter_members_[c];
            const std::size_t count = pool.size() / k_members_per_cell;
            for (std::size_t k = 0; k < count; ++k) {
                CellDraft cell;
                cell.formed = day_between(random, first_day_, std::max(first_day_, last_day_ - 120));
                cell.region = region_[pool[random.below(pool.size())]];
                // Members who had joined by the time the cell formed, or soon after.
                const std::span<const MemberIndex> eligible(pool.data(), joined_by(pool, cell.formed + 180));
                if (eligible.size() < 5) continue;
                // It leans to the sector of one of them, and 60% of its seats go to that sector.
                cell.sector = k_no_sector;
                for (int tries = 0; tries < 50 && cell.sector == k_no_sector; ++tries) {
                    cell.sector = sector_[eligible[random.below(eligible.size())]];
                }
                cell.name = std::string(pick_town(random, cell.region)) + " cell: " + std::string(pick_topic(random));
                const auto size = static_cast<std::size_t>(random.between(5, 15));
                const std::size_t leaning = (size * 6 + 5) / 10;  // 60%, rounded
                const Bias bias{cell.region, 3, k_no_sector, 1};
                std::vector<MemberIndex> chosen;
                begin_draw();
                const SectorCode lean = cell.sector;
                draw_more(
                    random, eligible, leaning, bias, [&](MemberIndex m) { return sector_[m] == lean; }, chosen);
                // Fewer from the leaning sector than hoped: fewer others too, so that it keeps 60%.
                const std::size_t others = std::min(size - leaning, (chosen.size() * 2 + 1) / 3);
                draw_more(
                    random, eligible, others, bias, [&](MemberIndex m) { return sector_[m] != lean; }, chosen);
                if (chosen.size() < 5) continue;
                std::sort(chosen.begin(), chosen.end());
                for (const MemberIndex m : chosen) {
                    const DayNumber from = std::max(cell.formed, joined_[m]);
                    DayNumber until = k_open_end;
                    if (random.below(100) < 15) {
                        const DayNumber left = from + static_cast<DayNumber>(random.between(120, 900));
                        if (left < last_day_) until = left;
                    }
                    cell.seats.push_back({m, 0, DateSpan{from, until}});
                }
                cells_.push_back(std::move(cell));
            }
        }
    }

    // --- events ---

    EventDraft& add_event(EventKind kind, DayNumber day, RegionCode region, SectorCode theme, std::string name) {
        events_.push_back({kind, day, next_sequence_++, k_none, k_none, region, theme, std::move(name), {}, {}});
        return events_.back();
    }

    /// Gives the first `hosts` attendees (the most active are drawn first) the host role,
    /// the next `speakers` the speaker role and the rest the participant role.
    static void give_roles(EventDraft& event, std::size_t hosts, std::size_t speakers) {
        event.roles.assign(event.attendees.size(), k_role_participant);
        for (std::size_t i = 0; i < event.roles.size() && i < hosts + speakers; ++i) {
            event.roles[i] = i < hosts ? k_role_host : k_role_speaker;
        }
    }

    /// A gathering of about `share_percent` of the members of `pool` who had joined by `day`
    /// (at most k_gathering_cap), with breakouts that share most of its attendees out.
    void add_gathering(Random& random, std::span<const MemberIndex> pool, DayNumber day, std::size_t share_percent,
                       const Bias& bias, std::string name) {
        const std::size_t eligible = joined_by(pool, day);
        const std::size_t size = std::min(k_gathering_cap, eligible * share_percent / 100);
        if (size < 2) return;
        std::vector<MemberIndex> attendees = draw_members_for(random, pool.first(eligible), size, bias);
        if (attendees.size() < 2) return;
        const auto gathering = static_cast<std::uint32_t>(events_.size());
        EventDraft& event = add_event(EventKind::gathering, day, bias.region, bias.sector, std::move(name));
        event.attendees = std::move(attendees);
        give_roles(event, 2, static_cast<std::size_t>(random.between(2, 5)));
        const std::size_t n = event.attendees.size();
        if (n < 40) return;
        // Breakouts: about 70% of the attendees, shared round the breakouts at random.
        const std::size_t breakouts = std::clamp<std::size_t>(n / 30, 2, 10);
        std::vector<MemberIndex> people = events_[gathering].attendees;
        random.shuffle(std::span<MemberIndex>(people));
        people.resize(n * 7 / 10);
        std::vector<std::string_view> themes(topics().begin(), topics().end());
        random.shuffle(std::span<std::string_view>(themes));
        for (std::size_t b = 0; b < breakouts; ++b) {
            EventDraft& breakout = add_event(EventKind::breakout, day, events_[gathering].region,
                                             events_[gathering].theme, "Breakout: " + std::string(themes[b]));
            breakout.parent = gathering;
            for (std::size_t i = b; i < people.size(); i += breakouts) breakout.attendees.push_back(people[i]);
            breakout.roles.assign(breakout.attendees.size(), k_role_participant);
            breakout.roles[random.below(breakout.roles.size())] = k_role_facilitator;
        }
    }

    /// A small event: `low`-`high` people (at most 60% of those who had joined by `day`).
    void add_small_event(Random& random, EventKind kind, std::span<const MemberIndex> pool, DayNumber day,
                         std::size_t low, std::size_t high, const Bias& bias, std::string name, std::size_t speakers) {
        const std::size_t eligible = joined_by(pool, day);
        const std::size_t size = std::min(
            static_cast<std::size_t>(random.between(static_cast<std::int64_t>(low), static_cast<std::int64_t>(high))),
            eligible * 6 / 10);
        if (size < 2) return;
        std::vector<MemberIndex> attendees = draw_members_for(random, pool.first(eligible), size, bias);
        if (attendees.size() < 2) return;
        EventDraft& event = add_event(kind, day, bias.region, bias.sector, std::move(name));
        event.attendees = std::move(attendees);
        give_roles(event, 1, std::min(speakers, event.attendees.size() - 1));
    }

    /// A sector in proportion to its members; none when the member drawn has none or is independent.
    [[nodiscard]] SectorCode random_theme(Random& random, std::span<const MemberIndex> pool) const {
        const SectorCode sector = pool.empty() ? k_no_sector : sector_[pool[random.below(pool.size())]];
        return sector == k_independent ? k_no_sector : sector;
    }

    void draw_chapter_year(Random& random, std::size_t c, int year) {
        const std::span<const MemberIndex> pool = chapter_members_[c];
        if (pool.empty()) return;
        const std::size_t joined_mid_year = joined_by(pool, days_from_civil(year, 7, 1));
        // Small events scale with the chapter's size and, a quarter fixed and three quarters in
        // proportion, with how many of its members had joined by mid-year: in thousandths.
        const std::size_t scale = (250 * pool.size() + 750 * joined_mid_year) / k_chapter_members;
        const bool single = chapter_members_.size() == 1;
        const auto pick_region_of_pool = [&] { return region_[pool[random.below(pool.size())]]; };

        // The annual gathering in June or July, and one or two smaller gatherings in spring or autumn.
        // Where there is a national gathering too, the chapters' own are a little smaller.
        const std::size_t share = single ? static_cast<std::size_t>(random.between(28, 34))
                                         : static_cast<std::size_t>(random.between(25, 31));
        const std::string gathering_name =
            (single ? std::string("Annual") : std::string(chapter_town_[c])) + " Gathering " + std::to_string(year);
        const Bias everyone_here{single ? k_no_region : chapter_region_[c], 1, k_no_sector, 1};
        add_gathering(random, pool, day_in_month(random, year, static_cast<unsigned>(random.between(6, 7))), share,
                      everyone_here, gathering_name);
        const auto smaller = random.between(1, 2);
        for (std::int64_t g = 0; g < smaller; ++g) {
            const unsigned month =
                g == 0 ? static_cast<unsigned>(random.between(3, 5)) : static_cast<unsigned>(random.between(9, 11));
            const RegionCode region = pick_region_of_pool();
            const SectorCode theme = random.below(3) == 0 ? random_theme(random, pool) : k_no_sector;
            add_gathering(random, pool, day_in_month(random, year, month),
                          static_cast<std::size_t>(random.between(8, 14)), Bias{region, 3, theme, 2},
                          std::string(pick_town(random, region)) + " Gathering: " + std::string(pick_topic(random)));
        }
        const std::size_t dinners = random_round(random, k_dinners_per_year * scale);
        for (std::size_t i = 0; i < dinners; ++i) {
            const RegionCode region = pick_region_of_pool();
            const SectorCode theme = random.below(2) == 0 ? random_theme(random, pool) : k_no_sector;
            add_small_event(random, EventKind::dinner, pool,
                            day_in_month(random, year, static_cast<unsigned>(1 + random.below(12))), 10, 30,
                            Bias{region, 5, theme, 3},
                            std::string(pick_town(random, region)) + " dinner: " + std::string(pick_topic(random)), 0);
        }
        const std::size_t workshops = random_round(random, k_workshops_per_year * scale);
        for (std::size_t i = 0; i < workshops; ++i) {
            const RegionCode region = pick_region_of_pool();
            add_small_event(random, EventKind::workshop, pool,
                            day_in_month(random, year, static_cast<unsigned>(1 + random.below(12))), 15, 40,
                            Bias{region, 3, random_theme(random, pool), 3},
                            "Workshop: " + std::string(pick_topic(random)),
                            static_cast<std::size_t>(random.between(1, 2)));
        }
        // Online events: one in five is open to members of every chapter.
        const std::size_t online = random_round(random, k_online_per_year * scale);
        for (std::size_t i = 0; i < online; ++i) {
            const SectorCode theme = random.below(2) == 0 ? random_theme(random, pool) : k_no_sector;
            const std::span<const MemberIndex> audience =
                random.below(5) == 0 ? std::span<const MemberIndex>(everyone_) : pool;
            add_small_event(random, EventKind::online, audience,
                            day_in_month(random, year, static_cast<unsigned>(1 + random.below(12))), 20, 80,
                            Bias{k_no_region, 1, theme, 3}, "Online: " + std::string(pick_topic(random)),
                            static_cast<std::size_t>(random.between(0, 2)));
        }
    }

    void draw_cell_meetings(Random& random, std::uint32_t cell_index, int year) {
        const CellDraft& cell = cells_[cell_index];
        const DayNumber first = std::max(cell.formed, days_from_civil(year, 1, 1));
        const DayNumber last = days_from_civil(year, 12, 31);
        if (first > last) return;
        const auto meetings = random.between(2, 5);
        for (std::int64_t k = 0; k < meetings; ++k) {
            const DayNumber day = day_between(random, first, last);
            std::vector<MemberIndex> present;
            for (const auto& seat : cell.seats) {
                if (seat.period.contains(day) && random.below(4) < 3) present.push_back(seat.member);
            }
            if (present.size() < 2) continue;
            EventDraft& event =
                add_event(EventKind::cell_meeting, day, cell.region, cell.sector, "Meeting of " + cell.name);
            event.cell = cell_index;
            event.attendees = std::move(present);
            event.roles.assign(event.attendees.size(), k_role_participant);
            event.roles[random.below(event.roles.size())] = k_role_host;
        }
    }

    void draw_events() {
        for (int y = 0; y < options_.years; ++y) {
            const int year = options_.first_year + y;
            const auto year_stream = (k_stream_events << 48) | (static_cast<std::uint64_t>(y) << 24);
            for (std::size_t c = 0; c < chapter_members_.size(); ++c) {
                Random random = Random::stream(options_.seed, year_stream | c);
                draw_chapter_year(random, c, year);
            }
            Random random = Random::stream(options_.seed, year_stream | 0xFFFFFF);
            if (chapter_members_.size() > 1) {
                add_gathering(random, everyone_,
                              day_in_month(random, year, static_cast<unsigned>(random.between(6, 7))),
                              static_cast<std::size_t>(random.between(24, 30)), Bias{},
                              "National Gathering " + std::to_string(year));
            }
            for (std::uint32_t cell = 0; cell < cells_.size(); ++cell) draw_cell_meetings(random, cell, year);
        }
    }

    // --- explicit ties ---

    void draw_ties() {
        Random random = Random::stream(options_.seed, k_stream_ties);
        const std::size_t n = options_.members;
        if (n < 2) return;
        const std::size_t wanted = n * k_ties_per_mille / 1000;
        std::unordered_set<std::uint64_t> pairs;
        pairs.reserve(wanted * 2);
        for (std::size_t attempt = 0; attempt < wanted * 2 && ties_.size() < wanted; ++attempt) {
            begin_draw();
            std::vector<MemberIndex> chosen;
            draw_more(
                random, everyone_, 1, Bias{}, [](MemberIndex) { return true; }, chosen);
            if (chosen.empty()) continue;
            const MemberIndex source = chosen[0];
            const auto kind = random.below(10);  // 0-2 introduced, 3-5 collaborated, 6-9 knows
            const std::span<const MemberIndex> pool =
                random.below(10) == 0 ? std::span<const MemberIndex>(everyone_) : chapter_members_[chapter_[source]];
            const SectorCode sector = sector_[source];
            if (kind < 3) {
                // An introduction across sectors.
                draw_more(
                    random, pool, 1, Bias{},
                    [&](MemberIndex m) { return sector == k_no_sector || sector_[m] != sector; }, chosen);
            } else {
                draw_more(
                    random, pool, 1, Bias{region_[source], kind < 6 ? 1u : 4u, k_no_sector, 1},
                    [](MemberIndex) { return true; }, chosen);
            }
            if (chosen.size() < 2) continue;
            const MemberIndex target = chosen[1];
            const std::uint64_t key =
                (static_cast<std::uint64_t>(std::min(source, target)) << 32) | std::max(source, target);
            const DayNumber earliest = std::max({joined_[source], joined_[target], first_day_});
            if (earliest > last_day_ || !pairs.insert(key).second) continue;
            ExplicitTie tie;
            tie.source = source;
            tie.target = target;
            tie.kind = kind < 3 ? "introduced" : kind < 6 ? "collaborated" : "knows";
            tie.weight = static_cast<double>(kind < 3 ? 1 : kind < 6 ? random.between(2, 3) : random.between(1, 2));
            const DayNumber day = day_between(random, earliest, last_day_);
            tie.date_text = format_day(day);
            tie.date = DateSpan{day, day};
            ties_.push_back(std::move(tie));
        }
    }

    // --- the Network ---

    Network assemble() {
        Network network;
        network.roles = {"", "participant", "host", "speaker", "facilitator"};
        const std::size_t n = options_.members;
        Random names = Random::stream(options_.seed, k_stream_names);

        const std::size_t member_width = std::max<std::size_t>(5, digit_count(n));
        network.members.reserve(n);
        network.member_attributes.names = {"region", "joined"};
        network.member_attributes.values.assign(2, {});
        for (auto& column : network.member_attributes.values) column.reserve(n);
        for (MemberIndex m = 0; m < n; ++m) {
            Member member;
            member.id = padded_id("m", m + 1, member_width);
            member.name = member_name(names);
            if (own_sector_[m] != k_no_sector) member.sector_label = k_sector_labels[own_sector_[m]];
            member.organisation = organisation_[m];
            network.members.push_back(std::move(member));
            network.member_attributes.values[0].emplace_back(regions()[region_[m]].name);
            network.member_attributes.values[1].push_back(format_day(joined_[m]));
        }

        const std::size_t organisation_width = std::max<std::size_t>(4, digit_count(organisations_.size()));
        network.organisation_attributes.names = {"region"};
        network.organisation_attributes.values.assign(1, {});
        for (std::size_t o = 0; o < organisations_.size(); ++o) {
            const OrganisationDraft& draft = organisations_[o];
            network.organisations.push_back({padded_id("o", o + 1, organisation_width), draft.name,
                                             std::string(k_sector_labels[draft.sector]), k_unknown_sector});
            network.organisation_attributes.values[0].emplace_back(regions()[draft.region].name);
        }

        const std::size_t group_width = std::max<std::size_t>(4, digit_count(cells_.size()));
        network.group_attributes.names = {"region"};
        network.group_attributes.values.assign(1, {});
        for (std::size_t g = 0; g < cells_.size(); ++g) {
            network.groups.push_back({padded_id("g", g + 1, group_width), cells_[g].name, "cell"});
            network.group_attributes.values[0].emplace_back(regions()[cells_[g].region].name);
            for (GroupMembership seat : cells_[g].seats) {
                seat.group = static_cast<GroupIndex>(g);
                network.group_members.push_back(seat);
            }
        }

        assemble_events(network);
        network.affiliations = std::move(affiliations_);
        network.ties = std::move(ties_);
        resolve_sectors(network);
        network.index_ids();
        return network;
    }

    void assemble_events(Network& network) {
        // Events in date order, numbered within their year; a breakout follows its gathering.
        std::vector<std::uint32_t> order(events_.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return events_[a].day != events_[b].day ? events_[a].day < events_[b].day
                                                    : events_[a].sequence < events_[b].sequence;
        });
        std::vector<std::uint32_t> position(events_.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;

        std::size_t most_in_a_year = 0;
        std::vector<std::size_t> per_year(static_cast<std::size_t>(options_.years), 0);
        for (const auto& event : events_) {
            const auto y = static_cast<std::size_t>(civil_from_days(event.day).year - options_.first_year);
            most_in_a_year = std::max(most_in_a_year, ++per_year[y]);
        }
        const std::size_t event_width = std::max<std::size_t>(3, digit_count(most_in_a_year));

        std::size_t attendance_rows = 0;
        for (const auto& event : events_) attendance_rows += event.attendees.size();
        network.attendance.reserve(attendance_rows);
        network.events.reserve(events_.size());
        network.event_attributes.names = {"region", "theme", "group"};
        network.event_attributes.values.assign(3, {});
        for (auto& column : network.event_attributes.values) column.reserve(events_.size());

        int year = std::numeric_limits<int>::min();
        std::size_t number = 0;
        std::vector<std::pair<MemberIndex, std::uint32_t>> rows;
        for (const std::uint32_t e : order) {
            EventDraft& draft = events_[e];
            const int event_year = civil_from_days(draft.day).year;
            if (event_year != year) {
                year = event_year;
                number = 0;
            }
            Event event;
            event.id = padded_id("e" + std::to_string(year) + "-", ++number, event_width);
            event.name = std::move(draft.name);
            event.date_text = format_day(draft.day);
            event.date = parse_date(event.date_text);
            event.kind = kind_name(draft.kind);
            event.parent = draft.parent == k_none ? k_none : position[draft.parent];
            const auto index = static_cast<EventIndex>(network.events.size());
            network.events.push_back(std::move(event));
            const bool in_person = draft.kind != EventKind::online;
            network.event_attributes.values[0].emplace_back(
                in_person && draft.region != k_no_region ? regions()[draft.region].name : std::string_view());
            network.event_attributes.values[1].emplace_back(draft.theme != k_no_sector ? k_sector_labels[draft.theme]
                                                                                       : std::string_view());
            network.event_attributes.values[2].emplace_back(draft.cell == k_none ? std::string()
                                                                                 : network.groups[draft.cell].id);

            rows.clear();
            for (std::size_t i = 0; i < draft.attendees.size(); ++i) {
                rows.emplace_back(draft.attendees[i], draft.roles[i]);
            }
            std::sort(rows.begin(), rows.end());
            for (const auto& [member, role] : rows) network.attendance.push_back({member, index, role});
            draft.attendees = {};
            draft.roles = {};
        }
    }

    const GeneratorOptions& options_;
    DayNumber first_day_;
    DayNumber last_day_;

    // Members, by index (join order).
    std::vector<DayNumber> joined_;
    std::vector<RegionCode> region_;
    std::vector<std::uint8_t> tier_;
    std::vector<SectorCode> sector_;      // resolved: own, else the organisation's
    std::vector<SectorCode> own_sector_;  // members.sector, or k_no_sector
    std::vector<OrganisationIndex> organisation_;
    std::vector<std::uint32_t> chapter_;
    std::vector<MemberIndex> everyone_;
    std::vector<std::vector<MemberIndex>> chapter_members_;  // each in join order
    std::vector<RegionCode> chapter_region_;
    std::vector<std::string_view> chapter_town_;

    std::vector<std::uint32_t> mark_;  // == stamp_ when drawn in the current draw
    std::uint32_t stamp_ = 0;

    std::vector<OrganisationDraft> organisations_;
    std::vector<std::vector<OrganisationIndex>> chapter_organisations_;
    std::vector<Affiliation> affiliations_;
    std::vector<CellDraft> cells_;
    std::vector<EventDraft> events_;
    std::uint64_t next_sequence_ = 0;
    std::vector<ExplicitTie> ties_;
};

}  // namespace

Network generate_network(const GeneratorOptions& options) {
    if (options.years < 1) throw RequestError("generate: --years must be at least 1");
    // The founders joined the year before first_year; dates have four-digit years.
    if (options.first_year < 1001 || options.first_year > 10000 - options.years) {
        throw RequestError("generate: the years must fall between 1001 and 9999");
    }
    if (options.members > std::numeric_limits<MemberIndex>::max() / 2) {
        throw RequestError("generate: too many members (" + std::to_string(options.members) + ")");
    }
    if (options.members == 0) {
        Network network;
        network.roles = {""};
        network.index_ids();
        return network;
    }
    return NetworkDraft(options).draw();
}

}  // namespace bridgemap::generate
