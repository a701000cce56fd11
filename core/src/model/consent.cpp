#include <bridgemap/model/consent.hpp>

#include <bridgemap/error.hpp>

#include <string>

namespace bridgemap {
namespace {

bool same_ignoring_case(std::string_view text, std::string_view word) noexcept {
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return true;
}

}  // namespace

std::optional<Consent> parse_consent(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty() || same_ignoring_case(text, "named")) return Consent::named;
    if (same_ignoring_case(text, "pseudonym")) return Consent::pseudonym;
    if (same_ignoring_case(text, "hidden")) return Consent::hidden;
    return std::nullopt;
}

std::vector<Consent> member_consent(const Network& network) {
    std::vector<Consent> consent(network.members.size(), Consent::named);
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        const std::string_view text = network.member_attributes.get(k_consent_column, i);
        const auto parsed = parse_consent(text);
        if (!parsed) {
            throw InvalidDataError("member \"" + network.members[i].id + "\" has consent \"" + std::string(text) +
                                   "\"; expected named, pseudonym or hidden");
        }
        consent[i] = *parsed;
    }
    return consent;
}

}  // namespace bridgemap
