#include <bridgemap/ingest/identity.hpp>

#include <gtest/gtest.h>

namespace bridgemap::ingest {
namespace {

TEST(FoldToAscii, FoldsCommonLatinLettersAndLowersCase) {
    EXPECT_EQ(fold_to_ascii("Zoë Ó Briain"), "zoe o briain");
    EXPECT_EQ(fold_to_ascii("Søren Straße"), "soren strasse");
    EXPECT_EQ(fold_to_ascii("Łukasz Æther Þór"), "lukasz aether thor");
    EXPECT_EQ(fold_to_ascii("Ștefan Çelik"), "stefan celik");
    EXPECT_EQ(fold_to_ascii("Jose\xCC\x81"), "jose");                            // combining acute accent dropped
    EXPECT_EQ(fold_to_ascii("O\xE2\x80\x99Neil\xC2\xA0Smith"), "o'neil smith");  // curly apostrophe, no-break space
    EXPECT_EQ(fold_to_ascii("市民"), "市民");                                    // kept as it is
}

TEST(Slug, IsAsciiLowerCaseWithSingleHyphens) {
    EXPECT_EQ(slug("Zoë Ó Briain"), "zoe-o-briain");
    EXPECT_EQ(slug("  Cate Newnes-Smith  "), "cate-newnes-smith");
    EXPECT_EQ(slug("O'Neil, Grace"), "oneil-grace");
    EXPECT_EQ(slug("Women's Aid & Co."), "womens-aid-co");
    EXPECT_EQ(slug("市民"), "");
}

TEST(ParsePersonName, DropsTitlesAndPostNominals) {
    const PersonName name = parse_person_name("Dr. Jane Q. Smith OBE PhD");
    EXPECT_EQ(name.tokens, (std::vector<std::string>{"jane", "q", "smith"}));
    EXPECT_EQ(name.given, "jane");
    EXPECT_EQ(name.surname, "smith");
    EXPECT_TRUE(name.had_title);
    EXPECT_EQ(parse_person_name("Cllr Sir Ian Bell").compact, "ianbell");
    EXPECT_EQ(parse_person_name("Baroness Lady Ann Ma").compact, "annma");
    // A post-nominal is dropped only when two words stay: "Mei Ma" keeps her surname.
    EXPECT_EQ(parse_person_name("Mei Ma").compact, "meima");
    // A title alone is kept as the name.
    EXPECT_EQ(parse_person_name("Dr").compact, "dr");
}

TEST(ParsePersonName, JoinsHyphensAndApostrophesAndSplitsOnFullStops) {
    EXPECT_EQ(parse_person_name("Cate Newnes-Smith").compact, parse_person_name("Cate Newnes Smith").compact);
    EXPECT_EQ(parse_person_name("Grace O'Neill").surname, "oneill");
    EXPECT_EQ(parse_person_name("J.Smith").tokens, (std::vector<std::string>{"j", "smith"}));
    EXPECT_EQ(parse_person_name("  DannyKruger ").compact, parse_person_name("Danny  Kruger").compact);
}

TEST(ParsePersonName, TurnsSurnameFirstRound) {
    const PersonName name = parse_person_name("Kruger, Danny");
    EXPECT_TRUE(name.surname_first);
    EXPECT_EQ(name.given, "danny");
    EXPECT_EQ(name.surname, "kruger");
    EXPECT_EQ(parse_person_name("van der Berg, Anna").compact, "annavanderberg");
    EXPECT_EQ(parse_person_name("van der Berg, Anna").surname, "derberg");
    // A comma before honours is not a surname-first name.
    const PersonName honoured = parse_person_name("Julia Unwin, CBE");
    EXPECT_FALSE(honoured.surname_first);
    EXPECT_EQ(honoured.compact, "juliaunwin");
    // Two words before the comma are not one surname: left in order.
    EXPECT_EQ(parse_person_name("Jane Smith, Acme").compact, "janesmithacme");
}

TEST(GivenNamesCompatible, UsesTheNicknameTable) {
    EXPECT_TRUE(given_names_compatible("bob", "robert"));
    EXPECT_TRUE(given_names_compatible("liz", "elizabeth"));
    EXPECT_TRUE(given_names_compatible("kathy", "cathy"));  // both Katherine's
    EXPECT_TRUE(given_names_compatible("chris", "christopher"));
    EXPECT_TRUE(given_names_compatible("chris", "christine"));
    EXPECT_FALSE(given_names_compatible("christopher", "christine"));
    EXPECT_FALSE(given_names_compatible("dan", "sam"));
    EXPECT_TRUE(given_names_compatible("jo", "jo"));
}

TEST(OrganisationKey, DropsWhatDoesNotTellOrganisationsApart) {
    EXPECT_EQ(organisation_key("The Mentor Ring"), "mentor ring");
    EXPECT_EQ(organisation_key("Makerble Ltd."), "makerble");
    EXPECT_EQ(organisation_key("Kjelgaard Limited"), "kjelgaard");
    EXPECT_EQ(organisation_key("Grapevine Coventry & Warwickshire"), "grapevine coventry and warwickshire");
    EXPECT_EQ(organisation_key("Women's Aid"), "womens aid");
    EXPECT_EQ(organisation_key("Esmée Fairbairn Foundation"), "esmee fairbairn foundation");
    EXPECT_EQ(organisation_key("Heart of Hastings CIC"), "heart of hastings");
    EXPECT_EQ(organisation_key("Carnegie UK Trust"), "carnegie uk trust");  // Trust kept
    EXPECT_EQ(organisation_key("The"), "the");
    for (const char* none : {"", " Independent ", "self-employed", "N/A", "-", "Freelance", "none"}) {
        EXPECT_EQ(organisation_key(none), "") << none;
    }
}

TEST(RelateOrganisations, SameCompatibleUnknownDifferent) {
    EXPECT_EQ(relate_organisations("hackney cvs", "hackneycvs"), OrganisationRelation::same);
    EXPECT_EQ(relate_organisations(organisation_key("Coventry Grapevine"),
                                   organisation_key("Grapevine Coventry and Warwickshire")),
              OrganisationRelation::compatible);
    EXPECT_EQ(relate_organisations("rota", "race on the agenda"), OrganisationRelation::compatible);
    EXPECT_EQ(relate_organisations("carnegie uk trsut", "carnegie uk trust"), OrganisationRelation::compatible);
    EXPECT_EQ(relate_organisations("", "osca"), OrganisationRelation::unknown);
    EXPECT_EQ(relate_organisations("groundswell", "trust for developing communities"), OrganisationRelation::different);
}

TEST(EditDistance, CountsASwapOfNeighboursAsOne) {
    EXPECT_EQ(edit_distance("jane", "jnae"), 1u);
    EXPECT_EQ(edit_distance("lowe", "low"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(RelateNames, FromSameToUnrelated) {
    const auto relate = [](const char* a, const char* b) {
        return relate_names(parse_person_name(a), parse_person_name(b));
    };
    EXPECT_EQ(relate("DannyKruger", "Danny Kruger"), NameRelation::same);
    EXPECT_EQ(relate("dr sarah HUGHES", "Sarah Hughes"), NameRelation::same);
    EXPECT_EQ(relate("Kruger, Danny", "Danny Kruger"), NameRelation::same);
    EXPECT_EQ(relate("Steve Wyler", "Stephen Wyler"), NameRelation::nickname);
    EXPECT_EQ(relate("Mary Ann Smith", "Mary Smith"), NameRelation::nickname);  // a middle name more
    EXPECT_EQ(relate("Smith Jane", "Jane Smith"), NameRelation::reordered);
    EXPECT_EQ(relate("J. Smith", "Jane Smith"), NameRelation::initial);
    EXPECT_EQ(relate("B. Davies", "Elizabeth Davies"), NameRelation::initial);  // B for Beth
    EXPECT_EQ(relate("Toby Low", "Toby Lowe"), NameRelation::typo);
    EXPECT_EQ(relate("Jnae Smith", "Jane Smith"), NameRelation::typo);
    EXPECT_EQ(relate("Martyn Evans", "Kathy Evans"), NameRelation::different_given);
    EXPECT_EQ(relate("Polly Neate", "Vincent Neate"), NameRelation::different_given);
    EXPECT_EQ(relate("Sue Tibballs", "Jess Steele"), NameRelation::unrelated);
}

PersonEvidence evidence(const char* name, const char* organisation = "", const char* email = "") {
    return person_evidence(name, organisation, email);
}

TEST(ScorePair, MergesTheSameNameUnlessOrganisationsDiffer) {
    // DannyKruger (2017 notes) and Danny Kruger: same name 1, same organisation +0.1.
    const MatchScore kruger =
        score_pair(evidence("DannyKruger", "West London Zone"), evidence("Danny Kruger", "West London Zone"));
    EXPECT_DOUBLE_EQ(kruger.score, 1.1);
    EXPECT_TRUE(kruger.merge);
    EXPECT_EQ(kruger.reason, "same name, same organisation");
    // One organisation missing: 1 + 0, merged.
    EXPECT_TRUE(score_pair(evidence("Richard Bridge", "Independent"), evidence("Richard Bridge", "Corndel")).merge);
    // Different organisations: 1 - 0.3 = 0.7, a near miss kept separate.
    const MatchScore moved =
        score_pair(evidence("Athol Halle", "Groundswell"), evidence("Athol Halle", "Trust for Developing Communities"));
    EXPECT_DOUBLE_EQ(moved.score, 0.7);
    EXPECT_FALSE(moved.merge);
    EXPECT_TRUE(moved.listed);
    EXPECT_TRUE(moved.conflict);
}

TEST(ScorePair, NearMissesNeedTheOrganisationToAgree) {
    // Typo 0.8 + same organisation 0.1 = 0.9: merged.
    EXPECT_TRUE(score_pair(evidence("Toby Low", "Newcastle University Business School"),
                           evidence("Toby Lowe", "Newcastle University Business School"))
                    .merge);
    // Typo 0.8 without organisation: a near miss.
    const MatchScore typo = score_pair(evidence("Toby Low"), evidence("Toby Lowe", "Newcastle University"));
    EXPECT_DOUBLE_EQ(typo.score, 0.8);
    EXPECT_FALSE(typo.merge);
    EXPECT_TRUE(typo.listed);
    // Initial 0.8 + similar organisation 0.05 = 0.85: not enough.
    EXPECT_FALSE(score_pair(evidence("J. Smith", "Acme"), evidence("Jane Smith", "Acme Widgets")).merge);
    EXPECT_TRUE(score_pair(evidence("J. Smith", "Acme Ltd"), evidence("Jane Smith", "ACME")).merge);
    // Nickname 0.95 with no organisation: merged.
    EXPECT_TRUE(score_pair(evidence("Bob Jones"), evidence("Robert Jones")).merge);
}

TEST(ScorePair, SameSurnameDifferentFirstNameIsNeverMerged) {
    const MatchScore family =
        score_pair(evidence("Martyn Evans", "Carnegie UK Trust"), evidence("Kathy Evans", "Carnegie UK Trust"));
    EXPECT_FALSE(family.merge);
    EXPECT_FALSE(family.listed);
    EXPECT_TRUE(family.conflict);
}

TEST(ScorePair, EmailsDecideFirst) {
    // The same email (case and spaces aside, as the caller passes it) is one person: score 1.
    const MatchScore same =
        score_pair(evidence("J. Smith-Jones", "", "jane@acme.org"), evidence("Jane Smith", "Acme", "jane@acme.org"));
    EXPECT_TRUE(same.merge);
    EXPECT_DOUBLE_EQ(same.score, 1.0);
    // Namesakes with different emails: 1 + 0 - 0.5 = 0.5, listed, never merged.
    const MatchScore namesakes =
        score_pair(evidence("Sam Lee", "", "sam@acme.org"), evidence("Sam Lee", "", "sam.lee@gmail.com"));
    EXPECT_DOUBLE_EQ(namesakes.score, 0.5);
    EXPECT_FALSE(namesakes.merge);
    EXPECT_TRUE(namesakes.listed);
    EXPECT_TRUE(namesakes.conflict);
    // A work email's domain names the organisation the other row gives: +0.05.
    EXPECT_EQ(email_organisation("jo@london-funders.org.uk"), "londonfunders");
    EXPECT_EQ(email_organisation("jo@gmail.com"), "");
    EXPECT_DOUBLE_EQ(
        score_pair(evidence("Jo Bell", "", "jo@londonfunders.org.uk"), evidence("Jo Bell", "London Funders")).score,
        1.05);
}

TEST(ScorePair, IsSymmetric) {
    const std::vector<PersonEvidence> rows = {evidence("J. Smith", "Acme"), evidence("Jane Smith", ""),
                                              evidence("Smith, Jane", "ACME Ltd", "j@acme.org"),
                                              evidence("Jane Smyth", "Beta"), evidence("John Smith", "Acme")};
    for (const auto& a : rows) {
        for (const auto& b : rows) {
            const MatchScore ab = score_pair(a, b);
            const MatchScore ba = score_pair(b, a);
            EXPECT_EQ(ab.score, ba.score);
            EXPECT_EQ(ab.merge, ba.merge);
            EXPECT_EQ(ab.reason, ba.reason);
        }
    }
}

}  // namespace
}  // namespace bridgemap::ingest
