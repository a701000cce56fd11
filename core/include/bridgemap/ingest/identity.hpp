#pragma once
// Telling whether two sign-up rows are one person (`bridgemap import`): names and
// organisations normalised (case, accents, spacing, punctuation, titles, nicknames), a score
// for a pair of spellings and the rule that turns it into merge or separate, and the slugs
// that become member and organisation ids. Pure functions of their text: no input order.

#include <bridgemap/io/text.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bridgemap::ingest {

/// `text` (UTF-8) in lower case with the accents of common Latin letters folded to ASCII
/// (é→e, ø→o, ß→ss, æ→ae, ł→l, þ→th), combining marks dropped, curly quotes and dashes as their
/// ASCII forms, no-break spaces as spaces. Other characters are kept as they are. O(length).
std::string fold_to_ascii(std::string_view text);

/// An id made of `text`: folded to ASCII, lower case, every run of other characters one
/// hyphen, no hyphen at either end ("Zoë Ó Briain" → "zoe-o-briain"). Empty when `text` has
/// no ASCII letter or digit once folded.
std::string slug(std::string_view text);

/// A person's name as it is compared: folded tokens without titles (Dr, Prof, Cllr, Sir,
/// Dame, Mr, Mrs, Ms, Miss, Mx, Rev, Lord, Lady, Baroness, ...) in front or post-nominals
/// (OBE, MBE, CBE, PhD, ...) behind; apostrophes and hyphens joined ("O'Neil" → "oneil",
/// "Newnes-Smith" → "newnessmith"); full stops and other punctuation split tokens.
/// "Surname, First" is turned round when the part before the comma is one surname (with its
/// particles: van, de, ...).
struct PersonName {
    std::vector<std::string> tokens;
    std::string given;    ///< First token ("" when none).
    std::string surname;  ///< Last token; equal to given for a one-word name.
    std::string compact;  ///< Every token joined: "DannyKruger" and "Danny Kruger" agree.
    bool had_title = false;
    bool surname_first = false;  ///< Written "Surname, First".
};

/// Parses a written name into a PersonName. O(length).
PersonName parse_person_name(std::string_view written);

/// True when two folded given names are the same name or one's usual short form
/// (Bob/Robert, Liz/Elizabeth, Chris/Christopher and Chris/Christine but not
/// Christopher/Christine). O(size of the nickname table).
bool given_names_compatible(std::string_view a, std::string_view b);

/// An organisation's name as it is compared: folded, "&" read as "and", punctuation
/// dropped, a leading "The" and trailing legal forms (Ltd, Limited, PLC, LLP, Inc, CIC, CIO)
/// left out, tokens joined by single spaces. "Trust", "Foundation" and "UK" are kept: they
/// tell organisations apart. Empty for text that names no organisation ("", "Independent",
/// "Self-employed", "Freelance", "None", "N/A", "Retired", "-").
std::string organisation_key(std::string_view written);

/// Edit distance of folded names, adjacent swaps counting one: io::edit_distance.
using io::edit_distance;

/// How two names relate, from strongest to weakest.
enum class NameRelation {
    same,             ///< Equal once normalised (spaces, hyphens, case, accents, titles).
    nickname,         ///< Same surname, compatible given names (nickname or a middle name more).
    reordered,        ///< The same words in another order ("Smith Jane").
    initial,          ///< Same surname, one given name is the other's initial ("J. Smith").
    typo,             ///< One edit apart (a letter wrong, missing, extra or two swapped).
    different_given,  ///< Same surname, given names that are not compatible: never one person.
    unrelated,
};

/// How two organisation keys relate.
enum class OrganisationRelation {
    same,        ///< Equal keys (or equal once spaces are removed).
    compatible,  ///< One's words within the other's, one edit apart, or one the other's initials;
                 ///< or, with one missing, the email's domain names the other (score_pair).
    unknown,     ///< One or both missing.
    different,
};

NameRelation relate_names(const PersonName& a, const PersonName& b);
OrganisationRelation relate_organisations(std::string_view key_a, std::string_view key_b);

/// The organisation an email address names, as an organisation key would be compacted: the
/// first label of its domain without hyphens ("jo@london-funders.org.uk" → "londonfunders"),
/// or empty for the domains of personal mail (gmail, hotmail, outlook, yahoo, icloud,
/// btinternet, ...) and example.org. O(length).
std::string email_organisation(std::string_view email);

/// What is known of one spelling of a person: name, organisation key and email (trimmed,
/// lower case; empty when none), and email_organisation of the email.
struct PersonEvidence {
    PersonName name;
    std::string organisation;
    std::string email;
    std::string email_organisation;
};

/// Evidence from what a row says.
PersonEvidence person_evidence(std::string_view name, std::string_view organisation, std::string_view email);

/// The score of a pair and what the rule decides for the pair on its own.
struct MatchScore {
    double score = 0.0;  ///< Name: same 1, nickname 0.95, reordered 0.85, initial/typo 0.8; org:
                         ///< same +0.1, compatible +0.05, unknown 0, different −0.3; emails
                         ///< that differ −0.5. The same email is 1 whatever the names.
    bool same_email = false;
    bool different_email = false;
    NameRelation names = NameRelation::unrelated;
    OrganisationRelation organisations = OrganisationRelation::unknown;
    bool merge = false;     ///< Same email, or score ≥ k_merge_score with no differing emails.
    bool listed = false;    ///< Worth showing the user: a merge, or score ≥ k_near_miss_score.
    bool conflict = false;  ///< May never be joined by the name rule: emails or organisations
                            ///< differ, or same surname with incompatible given names.
    std::string reason;     ///< "same email", "same name, same organisation", ...
};

inline constexpr double k_merge_score = 0.9;
inline constexpr double k_near_miss_score = 0.5;

/// Scores two spellings. Symmetric. O(length of the names).
MatchScore score_pair(const PersonEvidence& a, const PersonEvidence& b);

}  // namespace bridgemap::ingest
