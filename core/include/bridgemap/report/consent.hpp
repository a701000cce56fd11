#pragma once
// How each member may appear in an output (SPEC §5), decided once for every writer: by name,
// by their stable pseudonym (report/pseudonyms), or not at all. Metrics are computed on the
// whole network first; a writer then asks this for each row it is about to write.

#include <bridgemap/model/consent.hpp>
#include <bridgemap/model/network.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace bridgemap::report {

/// Whose consent column counts.
enum class ConsentPolicy {
    as_recorded,            ///< members.consent as given (named when empty or absent).
    pseudonymise_everyone,  ///< --pseudonymise: every member is at least a pseudonym.
};

/// How each member of one network may appear. Cheap to query; built by disclosure().
class Disclosure {
public:
    /// The consent that applies to `member` under the policy.
    [[nodiscard]] Consent consent(MemberIndex member) const { return consent_[member]; }
    /// False for hidden members: they appear in no row, label, node or edge.
    [[nodiscard]] bool shown(MemberIndex member) const { return consent_[member] != Consent::hidden; }
    /// True when `member` may appear by name, with their own id and extra columns.
    [[nodiscard]] bool named(MemberIndex member) const { return consent_[member] == Consent::named; }
    /// The id to write: the member's own id when named, else their pseudonym. Throws
    /// bridgemap::Error for a hidden member (a writer that asks has a bug).
    [[nodiscard]] const std::string& id(MemberIndex member) const;
    /// The name to write: the member's name (or id when unnamed) when named, else their
    /// pseudonym. Throws bridgemap::Error for a hidden member.
    [[nodiscard]] const std::string& name(MemberIndex member) const;
    /// The name of an organisation: its own, or "Organisation N" (N by input order, as
    /// pseudonymise() numbers them) under ConsentPolicy::pseudonymise_everyone.
    [[nodiscard]] const std::string& organisation_name(OrganisationIndex organisation) const;
    /// Whether members' own text columns (email, the extra columns) may be written for
    /// `member`: only when named.
    [[nodiscard]] bool attributes_shown(MemberIndex member) const { return named(member); }
    /// By member, true for the hidden; empty when nobody is hidden. O(members).
    [[nodiscard]] std::vector<bool> hidden_members() const;
    /// Members left out of every row (they still count in network-level figures).
    [[nodiscard]] std::size_t hidden_count() const noexcept { return hidden_; }
    /// Members shown by pseudonym.
    [[nodiscard]] std::size_t pseudonym_count() const noexcept { return pseudonyms_shown_; }
    [[nodiscard]] ConsentPolicy policy() const noexcept { return policy_; }

private:
    friend Disclosure disclosure(const Network& network, ConsentPolicy policy);
    friend Network disclosed_network(const Disclosure& disclosure, bool hidden_by_pseudonym);

    /// A copy of the network a Disclosure was made for, with the same indices, for writers that
    /// take a Network: members shown by pseudonym get it as id and name and empty extra columns;
    /// under pseudonymise_everyone organisations are "Organisation N" and their extra columns and
    /// affiliation notes are dropped (as pseudonymise() does). Hidden members are left as they
    /// are: the writer must still leave them out (disclosure.shown()). Compute on the original,
    /// write from the copy. O(size of the network).
    Network disclosed_network(const Disclosure& disclosure);
    const Network* network_ = nullptr;
    ConsentPolicy policy_ = ConsentPolicy::as_recorded;
    std::vector<Consent> consent_;
    std::vector<std::string> pseudonyms_;  ///< By member; empty for named members.
    std::vector<std::string> organisation_names_;
    std::size_t hidden_ = 0;
    std::size_t pseudonyms_shown_ = 0;
};

/// The warnings a pseudonymised output carries (SPEC §5): one per known sector with 1 to 4
/// members, who may be recognised from their sector alone: "sector public has 2 members: they may
/// be recognisable". In sector order. O(members).
std::vector<std::string> small_sector_warnings(const Network& network);

/// How each member of `network` may appear under `policy`. Pseudonyms are those of
/// member_pseudonyms(network): the same membership gives the same codes in every output.
/// The Disclosure borrows `network`, which must outlive it. Throws InvalidDataError for an
/// unknown consent value (member_consent()). O(members log members + organisations).
Disclosure disclosure(const Network& network, ConsentPolicy policy);

/// A copy of the network a Disclosure was made for, with the same indices, for writers that
/// take a Network: members shown by pseudonym get it as id and name and empty extra columns;
/// under pseudonymise_everyone organisations are "Organisation N" and their extra columns and
/// affiliation notes are dropped (as pseudonymise() does). Hidden members are left as they
/// are: the writer must still leave them out (disclosure.shown()); with
/// `hidden_by_pseudonym` (seat, which seats them) they get their pseudonym too. Compute on
/// the original, write from the copy. O(size of the network).
Network disclosed_network(const Disclosure& disclosure, bool hidden_by_pseudonym = false);

}  // namespace bridgemap::report
