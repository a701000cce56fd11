#include <bridgemap/report/pseudonyms.hpp>

#include <algorithm>
#include <cstdint>
#include <set>

namespace bridgemap::report {
namespace {

std::uint64_t keyed_hash(std::string_view key, std::string_view id) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto mix = [&](std::string_view text) {
        for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        hash ^= hash >> 31;
    };
    mix(key);
    mix("\x1f");
    mix(id);
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    return hash;
}

std::string code_of(std::uint64_t hash, std::size_t length) {
    static constexpr char k_letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no I, O, 0, 1
    std::string code;
    for (std::size_t i = 0; i < length; ++i) {
        code += k_letters[hash % 32];
        hash /= 32;
    }
    return code;
}

}  // namespace

std::vector<std::string> member_pseudonyms(const Network& network, std::string_view key) {
    std::string default_key;
    if (key.empty()) {
        std::vector<std::string_view> ids;
        for (const auto& member : network.members) ids.push_back(member.id);
        std::sort(ids.begin(), ids.end());
        for (const auto id : ids) {
            default_key += id;
            default_key += '\n';
        }
        key = default_key;
    }
    std::vector<std::string> pseudonyms;
    pseudonyms.reserve(network.members.size());
    std::set<std::string> used;
    for (const auto& member : network.members) {
        const std::uint64_t hash = keyed_hash(key, member.id);
        std::string pseudonym;
        for (std::size_t length = 4;; ++length) {
            pseudonym = "Member " + code_of(hash ^ (length > 12 ? length : 0), length);
            if (used.insert(pseudonym).second) break;
        }
        pseudonyms.push_back(std::move(pseudonym));
    }
    return pseudonyms;
}

Network pseudonymise(const Network& network, std::string_view key) {
    Network copy = network;
    std::vector<std::string> pseudonyms = member_pseudonyms(network, key);
    for (std::size_t i = 0; i < copy.members.size(); ++i) {
        copy.members[i].id = pseudonyms[i];
        copy.members[i].name = std::move(pseudonyms[i]);
    }
    for (std::size_t o = 0; o < copy.organisations.size(); ++o) {
        copy.organisations[o].id = "Organisation " + std::to_string(o + 1);
        copy.organisations[o].name = copy.organisations[o].id;
    }
    copy.member_attributes = Attributes{};
    copy.organisation_attributes = Attributes{};
    for (auto& affiliation : copy.affiliations) affiliation.note.clear();
    copy.affiliation_attributes = Attributes{};
    copy.index_ids();
    return copy;
}

}  // namespace bridgemap::report
