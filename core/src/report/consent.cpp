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

}  // namespace bridgemap::report
