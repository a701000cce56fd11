#include <bridgemap/report/consent.hpp>

#include <bridgemap/error.hpp>
#include <bridgemap/report/pseudonyms.hpp>

namespace bridgemap::report {

const std::string& Disclosure::id(MemberIndex member) const {
    switch (consent_[member]) {
        case Consent::named:
            return network_->members[member].id;
        case Consent::pseudonym:
            return pseudonyms_[member];
        case Consent::hidden:
            break;
    }
    throw Error("a hidden member was about to be written");
}

const std::string& Disclosure::name(MemberIndex member) const {
    switch (consent_[member]) {
        case Consent::named:
            return network_->members[member].display_name();
        case Consent::pseudonym:
            return pseudonyms_[member];
        case Consent::hidden:
            break;
    }
    throw Error("a hidden member was about to be written");
}

const std::string& Disclosure::organisation_name(OrganisationIndex organisation) const {
    if (policy_ == ConsentPolicy::pseudonymise_everyone) return organisation_names_[organisation];
    return network_->organisations[organisation].display_name();
}

Disclosure disclosure(const Network& network, ConsentPolicy policy) {
    Disclosure result;
    result.network_ = &network;
    result.policy_ = policy;
    result.consent_ = member_consent(network);
    bool any_pseudonym = false;
    for (Consent& consent : result.consent_) {
        if (policy == ConsentPolicy::pseudonymise_everyone && consent == Consent::named) consent = Consent::pseudonym;
        any_pseudonym |= consent == Consent::pseudonym;
        result.hidden_ += consent == Consent::hidden;
        result.pseudonyms_shown_ += consent == Consent::pseudonym;
    }
    if (any_pseudonym) {
        result.pseudonyms_ = member_pseudonyms(network);
        for (std::size_t i = 0; i < result.consent_.size(); ++i) {
            if (result.consent_[i] != Consent::pseudonym) result.pseudonyms_[i].clear();
        }
    }
    if (policy == ConsentPolicy::pseudonymise_everyone) {
        for (std::size_t o = 0; o < network.organisations.size(); ++o) {
            result.organisation_names_.push_back("Organisation " + std::to_string(o + 1));
        }
    }
    return result;
}

Network disclosed_network(const Disclosure& disclosure, bool hidden_by_pseudonym) {
    const Network& network = *disclosure.network_;
    Network copy = network;
    std::vector<std::string> all_pseudonyms;
    if (hidden_by_pseudonym && disclosure.hidden_count() > 0) all_pseudonyms = member_pseudonyms(network);
    for (std::size_t i = 0; i < copy.members.size(); ++i) {
        const auto member = static_cast<MemberIndex>(i);
        if (disclosure.named(member)) continue;
        if (!disclosure.shown(member)) {
            if (all_pseudonyms.empty()) continue;
            copy.members[i].id = all_pseudonyms[i];
            copy.members[i].name = all_pseudonyms[i];
        } else {
            copy.members[i].id = disclosure.id(member);
            copy.members[i].name = disclosure.name(member);
        }
        for (auto& values : copy.member_attributes.values) {
            if (i < values.size()) values[i].clear();
        }
    }
    if (disclosure.policy() == ConsentPolicy::pseudonymise_everyone) {
        for (std::size_t o = 0; o < copy.organisations.size(); ++o) {
            copy.organisations[o].id = disclosure.organisation_name(static_cast<OrganisationIndex>(o));
            copy.organisations[o].name = copy.organisations[o].id;
        }
        copy.organisation_attributes = Attributes{};
        for (auto& affiliation : copy.affiliations) affiliation.note.clear();
        copy.affiliation_attributes = Attributes{};
    }
    copy.index_ids();
    return copy;
}

std::vector<bool> Disclosure::hidden_members() const {
    std::vector<bool> hidden;
    if (hidden_ == 0) return hidden;
    hidden.resize(consent_.size());
    for (std::size_t m = 0; m < consent_.size(); ++m) hidden[m] = consent_[m] == Consent::hidden;
    return hidden;
}

std::vector<std::string> small_sector_warnings(const Network& network) {
    std::vector<std::size_t> in_sector(network.sectors.size(), 0);
    for (const Member& member : network.members) {
        if (member.sector != k_unknown_sector) ++in_sector[member.sector];
    }
    std::vector<std::string> warnings;
    for (std::size_t s = 0; s < in_sector.size(); ++s) {
        if (in_sector[s] == 0 || in_sector[s] >= 5) continue;
        std::string warning = "sector ";
        warning.append(network.sectors[s]).append(" has ").append(std::to_string(in_sector[s]));
        warning.append(in_sector[s] == 1 ? " member: they" : " members: they").append(" may be recognisable");
        warnings.push_back(std::move(warning));
    }
    return warnings;
}

}  // namespace bridgemap::report
