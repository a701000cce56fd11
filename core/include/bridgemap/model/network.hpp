#pragma once
// The one in-memory model of a network folder (SPEC §1): members, organisations, events,
// attendance, groups, group membership, affiliations and explicit ties, each row resolved
// to indices, with the columns the SPEC does not name kept as attributes.

#include <bridgemap/model/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bridgemap {

using MemberIndex = std::uint32_t;
using OrganisationIndex = std::uint32_t;
using EventIndex = std::uint32_t;
using GroupIndex = std::uint32_t;
using SectorIndex = std::uint32_t;

/// "No such entity": an empty reference (a member without organisation, an event without parent).
inline constexpr std::uint32_t k_none = 0xFFFFFFFFu;
/// A member whose sector is not known (empty, "unknown", or not resolvable).
inline constexpr SectorIndex k_unknown_sector = 0xFFFFFFFFu;

/// Extra columns of one table, column by column: values[c][row] for names[c].
struct Attributes {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> values;

    [[nodiscard]] bool empty() const noexcept { return names.empty(); }
    /// The value of column `name` for `row`, or empty when the column does not exist.
    [[nodiscard]] std::string_view get(std::string_view name, std::size_t row) const;
};

struct Member {
    std::string id;
    std::string name;
    std::string sector_label;  ///< members.sector as written (may be empty).
    OrganisationIndex organisation = k_none;
    SectorIndex sector = k_unknown_sector;  ///< Resolved: own sector, else organisation's.

    /// The name, or the id when no name is given.
    [[nodiscard]] const std::string& display_name() const noexcept { return name.empty() ? id : name; }
};

struct Organisation {
    std::string id;
    std::string name;
    std::string sector_label;
    SectorIndex sector = k_unknown_sector;

    [[nodiscard]] const std::string& display_name() const noexcept { return name.empty() ? id : name; }
};

struct Event {
    std::string id;
    std::string name;
    std::string date_text;         ///< As written; empty when undated.
    std::optional<DateSpan> date;  ///< The days the date covers.
    std::string kind;              ///< gathering, dinner, workshop, breakout, online, cell-meeting, ...
    EventIndex parent = k_none;

    [[nodiscard]] const std::string& display_name() const noexcept { return name.empty() ? id : name; }
};

struct Attendance {
    MemberIndex member;
    EventIndex event;
    std::uint32_t role;  ///< Index into Network::roles; role 0 is the empty role.
};

struct Group {
    std::string id;
    std::string name;
    std::string kind;  ///< cell, working-group, ...

    [[nodiscard]] const std::string& display_name() const noexcept { return name.empty() ? id : name; }
};

struct GroupMembership {
    MemberIndex member;
    GroupIndex group;
    DateSpan period;  ///< from/until, inclusive, open where empty.
};

struct Affiliation {
    MemberIndex member;
    OrganisationIndex organisation;
    DateSpan period;
    std::string note;
};

struct ExplicitTie {
    MemberIndex source;
    MemberIndex target;
    std::string kind;  ///< introduced, collaborated, knows, ...
    double weight = 1.0;
    std::string date_text;
    std::optional<DateSpan> date;
};

/// A row of sectors.csv: members and organisations whose sector is written `alias` (in any
/// spelling sector_key folds together) are in the sector written `sector`.
struct SectorAlias {
    std::string alias;
    std::string sector;
};

/// A whole network. Tables keep the input's row order. Sectors are sorted by name.
struct Network {
    std::vector<Member> members;
    std::vector<Organisation> organisations;
    std::vector<Event> events;
    std::vector<Attendance> attendance;
    std::vector<Group> groups;
    std::vector<GroupMembership> group_members;
    std::vector<Affiliation> affiliations;
    std::vector<ExplicitTie> ties;

    std::vector<std::string> sectors;         ///< Known sector names, sorted (resolve_sectors names them).
    std::vector<SectorAlias> sector_aliases;  ///< sectors.csv rows, as the reader checked them.
    std::vector<std::string> roles;           ///< Attendance roles; roles[0] is "".

    Attributes member_attributes;
    Attributes organisation_attributes;
    Attributes event_attributes;
    Attributes attendance_attributes;
    Attributes group_attributes;
    Attributes group_member_attributes;
    Attributes affiliation_attributes;
    Attributes tie_attributes;

    /// Who is active (SPEC §1 "Active members"), by member: 1 when the member took part in
    /// the window this network was cut to (apply_window sets it). Empty when every member
    /// is active, as in a network read whole. Organisation (colleague) ties and the
    /// expected values of sector mixing count active members only.
    std::vector<std::uint8_t> active;
    [[nodiscard]] bool is_active(MemberIndex member) const noexcept { return active.empty() || active[member] != 0; }

    /// Index of the member with this id, or k_none. O(1) after index_ids().
    [[nodiscard]] MemberIndex find_member(std::string_view id) const;
    [[nodiscard]] EventIndex find_event(std::string_view id) const;
    [[nodiscard]] GroupIndex find_group(std::string_view id) const;
    [[nodiscard]] OrganisationIndex find_organisation(std::string_view id) const;
    /// Index of the sector with this name, or k_unknown_sector.
    [[nodiscard]] SectorIndex find_sector(std::string_view name) const;

    /// Name of a sector index; "unknown" for k_unknown_sector.
    [[nodiscard]] std::string_view sector_name(SectorIndex sector) const;

    /// Rebuilds the id lookups. Called by the readers; call it after editing ids by hand.
    void index_ids();

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    using IdIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;
    IdIndex member_ids_;
    IdIndex event_ids_;
    IdIndex group_ids_;
    IdIndex organisation_ids_;
};

/// By member, 1 for those who took part in what `network` holds: attended one of its events,
/// sit in one of its groups, or have one of its ties.csv rows. On a windowed network these
/// are the members active in the window. O(size of the network).
std::vector<std::uint8_t> took_part(const Network& network);

/// True when `label` means "sector not known": empty or "unknown" in any case.
bool is_unknown_sector_label(std::string_view label) noexcept;

/// Fills Network::sectors from the member and organisation labels and resolves each
/// member's sector: members.sector, else the sector of members.organisation, else unknown.
/// Labels with one sector_key ("Public", "public sector") are one sector, and so are the labels
/// network.sector_aliases maps onto it (an alias onto "unknown" makes a label unknown; an alias
/// onto a sector nobody uses is ignored: the reader reports it). A sector is named by its
/// spelling used most often among members and organisations, ties going to the first in byte
/// order; aliased spellings do not name it. O((members + organisations) log).
void resolve_sectors(Network& network);

}  // namespace bridgemap
