#include <bridgemap/io/text.hpp>
#include <bridgemap/io/utf8.hpp>
#include <bridgemap/model/consent.hpp>
#include <bridgemap/model/lookup.hpp>

#include <algorithm>
#include <utility>

namespace bridgemap {
namespace {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// How far `name` (folded) is from `wanted` (folded): the edit distance, or 0 when `wanted` is
/// one of the name's words.
std::size_t distance_to(std::string_view wanted, const std::string& name) {
    if (name.empty()) return static_cast<std::size_t>(-1);
    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t end = std::min(name.find(' ', start), name.size());
        if (name.compare(start, end - start, wanted) == 0 && end - start < name.size()) return 0;
        start = end + 1;
    }
    return io::edit_distance(wanted, name);
}

/// look_up_member and look_up_event: `id_of(i)` and `name_of(i)` for i < count; only those
/// with `may_name(i)` are offered as near misses or listed as sharing a name.
template <typename IdOf, typename NameOf, typename MayName>
Lookup look_up(std::size_t count, std::uint32_t by_id, std::string_view text, IdOf id_of, NameOf name_of,
               MayName may_name) {
    Lookup lookup;
    if (by_id != k_none) {
        lookup.index = by_id;
        return lookup;
    }
    const std::string wanted = io::fold_case(trim_spaces(text));
    if (wanted.empty()) return lookup;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (io::fold_case(trim_spaces(name_of(i))) == wanted) lookup.same_name.push_back(i);
    }
    if (lookup.same_name.size() == 1) {
        lookup.index = lookup.same_name.front();
        lookup.same_name.clear();
        return lookup;
    }
    std::erase_if(lookup.same_name, [&](std::uint32_t i) { return !may_name(i); });
    if (!lookup.same_name.empty()) return lookup;
    const std::size_t limit = std::max<std::size_t>(1, io::utf8_length(wanted) / 4);
    std::vector<std::pair<std::size_t, std::uint32_t>> close;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t distance = std::min(io::edit_distance(wanted, io::fold_case(id_of(i))),
                                              distance_to(wanted, io::fold_case(trim_spaces(name_of(i)))));
        if (distance <= limit && may_name(i)) close.emplace_back(distance, i);
    }
    std::stable_sort(close.begin(), close.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < close.size() && k < 3; ++k) lookup.near_misses.push_back(close[k].second);
    return lookup;
}

}  // namespace

Lookup look_up_member(const Network& network, std::string_view text) {
    // Members who did not consent to be named (SPEC §5) are found by their id or name, but never
    // offered to someone who mistyped one.
    const std::vector<Consent> consent = member_consent(network);
    return look_up(
        network.members.size(), network.find_member(text), text,
        [&](std::uint32_t i) -> std::string_view { return network.members[i].id; },
        [&](std::uint32_t i) -> std::string_view { return network.members[i].name; },
        [&](std::uint32_t i) { return consent[i] == Consent::named; });
}

Lookup look_up_event(const Network& network, std::string_view text) {
    return look_up(
        network.events.size(), network.find_event(text), text,
        [&](std::uint32_t i) -> std::string_view { return network.events[i].id; },
        [&](std::uint32_t i) -> std::string_view { return network.events[i].name; },
        [](std::uint32_t) { return true; });
}

std::string lookup_hint(const Network& network, const Lookup& lookup, bool events) {
    const auto id_of = [&](std::uint32_t i) -> const std::string& {
        return events ? network.events[i].id : network.members[i].id;
    };
    const auto name_of = [&](std::uint32_t i) -> const std::string& {
        return events ? network.events[i].display_name() : network.members[i].display_name();
    };
    std::string hint;
    if (!lookup.same_name.empty()) {
        hint.append("; \"").append(name_of(lookup.same_name.front())).append("\" is the name of ");
        const bool one = lookup.same_name.size() == 1;
        hint.append(std::to_string(lookup.same_name.size()))
            .append(events ? (one ? " event: " : " events: ") : (one ? " member: " : " members: "));
        for (std::size_t k = 0; k < lookup.same_name.size(); ++k) {
            hint.append(k == 0 ? "" : ", ").append(id_of(lookup.same_name[k]));
        }
        return hint.append(" (give the id)");
    }
    for (std::size_t k = 0; k < lookup.near_misses.size(); ++k) {
        const std::uint32_t i = lookup.near_misses[k];
        hint += k == 0 ? "; did you mean " : k + 1 == lookup.near_misses.size() ? " or " : ", ";
        hint.append("\"").append(name_of(i)).append("\"");
        if (name_of(i) != id_of(i)) hint.append(" (").append(id_of(i)).append(")");
    }
    if (!hint.empty()) hint += "?";
    return hint;
}

}  // namespace bridgemap
