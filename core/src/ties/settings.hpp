#pragma once
// Private: every event, group and organisation with its distinct members, and each member's
// settings, as the projection (SPEC §2) counts them. Shared by the projection, the weak spots
// of the report and the facts stated with each introduction.

#include <bridgemap/model/network.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::detail {

enum class SettingKind : std::uint8_t { event, group, organisation };

/// Every setting with its distinct members: one per event (index e), then one per group
/// (events.size() + g), then one per organisation (events.size() + groups.size() + o),
/// empty ones included; and for each member, the settings they are in.
struct Settings {
    std::vector<SettingKind> kind;
    std::vector<std::size_t> member_offsets;   // setting s has members [offsets[s], offsets[s+1])
    std::vector<MemberIndex> members;          // ascending within a setting
    std::vector<std::size_t> setting_offsets;  // member i is in settings [offsets[i], offsets[i+1])
    std::vector<std::uint32_t> settings;       // ascending within a member

    [[nodiscard]] std::size_t count() const noexcept { return kind.size(); }
    [[nodiscard]] std::span<const MemberIndex> members_of(std::size_t s) const {
        return {members.data() + member_offsets[s], members.data() + member_offsets[s + 1]};
    }
    [[nodiscard]] std::span<const std::uint32_t> settings_of(MemberIndex i) const {
        return {settings.data() + setting_offsets[i], settings.data() + setting_offsets[i + 1]};
    }
};

/// The settings of `network` (attendance, group membership, members.organisation and
/// affiliations), each member once per setting. O(rows log rows).
Settings collect_settings(const Network& network);

}  // namespace bridgemap::detail
