#include <bridgemap/model/sector_names.hpp>

#include <bridgemap/io/utf8.hpp>

#include <algorithm>
#include <map>
#include <numeric>

namespace bridgemap {

std::string sector_key(std::string_view label) {
    const std::string folded = io::fold_case(label);
    std::string key;
    key.reserve(folded.size());
    bool pending_space = false;
    for (const char c : folded) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-') {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key += ' ';
        pending_space = false;
        key += c;
    }
    constexpr std::string_view k_suffix = " sector";
    if (key.size() > k_suffix.size() && key.ends_with(k_suffix)) key.resize(key.size() - k_suffix.size());
    return key;
}

std::vector<std::vector<SectorSpelling>> sector_spellings(const Network& network) {
    std::map<std::string, std::size_t, std::less<>> uses;
    for (const auto& member : network.members) {
        if (member.sector != k_unknown_sector && !is_unknown_sector_label(member.sector_label)) {
            ++uses[member.sector_label];
        }
    }
    for (const auto& organisation : network.organisations) {
        if (organisation.sector != k_unknown_sector && !is_unknown_sector_label(organisation.sector_label)) {
            ++uses[organisation.sector_label];
        }
    }
    std::vector<std::vector<SectorSpelling>> spellings(network.sectors.size());
    std::vector<std::string> keys(network.sectors.size());
    for (std::size_t s = 0; s < keys.size(); ++s) keys[s] = sector_key(network.sectors[s]);
    // A label's sector is the one a member or organisation writing it got.
    std::map<std::string, SectorIndex, std::less<>> sector_of;
    for (const auto& member : network.members) {
        if (member.sector != k_unknown_sector && !is_unknown_sector_label(member.sector_label)) {
            sector_of.emplace(member.sector_label, member.sector);
        }
    }
    for (const auto& organisation : network.organisations) {
        if (organisation.sector != k_unknown_sector && !is_unknown_sector_label(organisation.sector_label)) {
            sector_of.emplace(organisation.sector_label, organisation.sector);
        }
    }
    for (const auto& [label, count] : uses) {
        const SectorIndex sector = sector_of.at(label);
        if (sector >= spellings.size()) continue;
        spellings[sector].push_back({label, count, sector_key(label) != keys[sector]});
    }
    for (auto& list : spellings) {
        std::stable_sort(list.begin(), list.end(),
                         [](const SectorSpelling& a, const SectorSpelling& b) { return a.uses > b.uses; });
    }
    return spellings;
}

namespace {

/// True when `plural` is `singular` + "s", + "es", or with a final "y" made "ies".
bool is_plural_of(std::string_view plural, std::string_view singular) {
    if (singular.empty()) return false;
    if (plural.size() == singular.size() + 1 && plural.starts_with(singular) && plural.ends_with('s')) return true;
    if (plural.size() == singular.size() + 2 && plural.starts_with(singular) && plural.ends_with("es")) return true;
    return singular.ends_with('y') && plural.size() == singular.size() + 2 &&
           plural.starts_with(singular.substr(0, singular.size() - 1)) && plural.ends_with("ies");
}

}  // namespace

bool sector_keys_look_alike(std::string_view a, std::string_view b) {
    if (a == b) return false;
    if (is_plural_of(a, b) || is_plural_of(b, a)) return true;
    const std::size_t shorter = std::min(io::utf8_length(a), io::utf8_length(b));
    const std::size_t longer = std::max(io::utf8_length(a), io::utf8_length(b));
    const std::size_t limit = shorter >= 6 ? 2 : 1;
    if (longer - shorter > limit) return false;
    return edit_distance(a, b) <= limit;
}

}  // namespace bridgemap
