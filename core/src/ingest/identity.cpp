#include <bridgemap/ingest/identity.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>

namespace bridgemap::ingest {
namespace {

/// A range of code points and the ASCII letters they fold to.
struct Fold {
    char32_t first;
    char32_t last;
    const char* ascii;
};

// Latin-1 Supplement and Latin Extended-A letters, plus the comma-below letters of Romanian.
constexpr Fold k_folds[] = {
    {0xC0, 0xC5, "a"},     {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},     {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"},     {0xD1, 0xD1, "n"},    {0xD2, 0xD6, "o"},   {0xD7, 0xD7, " "},     {0xD8, 0xD8, "o"},
    {0xD9, 0xDC, "u"},     {0xDD, 0xDD, "y"},    {0xDE, 0xDE, "th"},  {0xDF, 0xDF, "ss"},    {0xE0, 0xE5, "a"},
    {0xE6, 0xE6, "ae"},    {0xE7, 0xE7, "c"},    {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},     {0xF0, 0xF0, "d"},
    {0xF1, 0xF1, "n"},     {0xF2, 0xF6, "o"},    {0xF7, 0xF7, " "},   {0xF8, 0xF8, "o"},     {0xF9, 0xFC, "u"},
    {0xFD, 0xFD, "y"},     {0xFE, 0xFE, "th"},   {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"},   {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"},   {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},   {0x128, 0x131, "i"},
    {0x132, 0x133, "ij"},  {0x134, 0x135, "j"},  {0x136, 0x138, "k"}, {0x139, 0x142, "l"},   {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"},   {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},   {0x162, 0x167, "t"},
    {0x168, 0x173, "u"},   {0x174, 0x175, "w"},  {0x176, 0x178, "y"}, {0x179, 0x17E, "z"},   {0x17F, 0x17F, "s"},
    {0x218, 0x219, "s"},   {0x21A, 0x21B, "t"},  {0xA0, 0xA0, " "},   {0x2018, 0x2019, "'"}, {0x201C, 0x201D, "\""},
    {0x2010, 0x2015, "-"},
};

/// Decodes one code point of valid UTF-8 at `at`, advancing it; an invalid byte is returned as is.
char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (length == 1 || at + length > text.size()) {
        ++at;
        return byte;
    }
    char32_t code = byte & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    at += length;
    return code;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

template <std::size_t N>
bool contains(const std::string_view (&words)[N], std::string_view word) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

constexpr std::string_view k_titles[] = {
    "dr", "doctor", "prof",  "professor",  "cllr", "councillor", "sir",  "dame",  "mr",       "mrs",
    "ms", "miss",   "mx",    "rev",        "revd", "reverend",   "lord", "lady",  "baroness", "baron",
    "rt", "hon",    "right", "honourable", "the",  "canon",      "fr",   "father"};

constexpr std::string_view k_post_nominals[] = {
    "obe",  "mbe",  "cbe",  "kbe",  "dbe",   "bem",  "phd",   "dphil", "md",  "msc",  "ma",  "mba", "bsc",
    "ba",   "llb",  "llm",  "jp",   "mp",    "msp",  "qc",    "kc",    "dl",  "frsa", "frs", "fca", "aca",
    "acca", "frcp", "mrcp", "frcs", "frcgp", "ceng", "fcipd", "mcipd", "hon", "rn",   "esq", "jr",  "sr"};

constexpr std::string_view k_personal_mail[] = {
    "gmail",    "googlemail", "hotmail",    "outlook",    "live",       "msn",         "yahoo", "ymail",
    "icloud",   "me",         "mac",        "aol",        "btinternet", "btopenworld", "sky",   "virginmedia",
    "talktalk", "ntlworld",   "blueyonder", "protonmail", "proton",     "pm",          "gmx",   "mail",
    "zoho",     "fastmail",   "example",    "tiscali",    "orange",     "yandex",      "qq",    "163"};

constexpr std::string_view k_surname_particles[] = {"van",   "von", "de", "der", "den", "da",  "di",  "du", "del",
                                                    "della", "la",  "le", "st",  "ter", "ten", "dos", "das"};

/// Folded words of a name part: apostrophes and hyphens join, other punctuation splits.
std::vector<std::string> name_words(std::string_view folded) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : folded) {
        if (c == '\'' || c == '-' || c == '`') continue;
        if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

/// Drops leading titles and trailing post-nominals, keeping at least one word (and two
/// before a post-nominal: "Mei Ma" keeps its surname).
void strip_titles(std::vector<std::string>& words, bool& had_title) {
    std::size_t front = 0;
    while (words.size() - front > 1 && contains(k_titles, words[front])) ++front;
    if (front > 0) had_title = true;
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(front));
    while (words.size() > 2 && contains(k_post_nominals, words.back())) {
        words.pop_back();
        had_title = true;
    }
}

bool is_surname(const std::vector<std::string>& words) {
    if (words.size() == 1) return true;
    if (words.size() > 3) return false;
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (!contains(k_surname_particles, words[k])) return false;
    }
    return true;
}

// Groups of given names that can be one person's. A name may be in several groups (Chris).
const std::vector<std::vector<std::string_view>>& nickname_groups() {
    static const std::vector<std::vector<std::string_view>> groups = {
        {"robert", "rob", "robbie", "bob", "bobby", "bert"},
        {"elizabeth", "elisabeth", "liz", "lizzie", "lizzy", "beth", "betty", "libby", "eliza", "bess"},
        {"david", "dave", "davey", "davy"},
        {"james", "jim", "jimmy", "jamie"},
        {"michael", "mike", "mick", "micky", "mickey", "mikey"},
        {"katherine", "catherine", "kathryn", "katharine", "kathleen", "kate", "katie", "katy", "kathy", "cathy",
         "kath", "cath", "kat", "cat"},
        {"thomas", "tom", "tommy"},
        {"christopher", "chris", "kit"},
        {"christine", "christina", "chris", "chrissie", "tina"},
        {"samuel", "sam", "sammy"},
        {"samantha", "sam", "sammie"},
        {"alexander", "alex", "alec", "sandy"},
        {"alexandra", "alex", "lexi", "sandy"},
        {"daniel", "dan", "danny"},
        {"danielle", "dani"},
        {"stephen", "steven", "steve", "stevie"},
        {"stephanie", "steph"},
        {"andrew", "andy", "drew"},
        {"matthew", "matt", "matty"},
        {"nicholas", "nick", "nicky", "nic"},
        {"nicola", "nicky", "nikki", "nic"},
        {"peter", "pete"},
        {"william", "will", "bill", "billy", "liam", "willie"},
        {"benjamin", "ben", "benny"},
        {"joanne", "joanna", "jo", "joanie"},
        {"josephine", "jo", "josie"},
        {"susan", "sue", "susie", "suzie", "suzanne"},
        {"richard", "rich", "rick", "ricky", "richie", "dick"},
        {"anthony", "antony", "tony"},
        {"jennifer", "jenny", "jen", "jenni"},
        {"margaret", "maggie", "meg", "peggy"},
        {"patricia", "pat", "patty", "trish"},
        {"patrick", "pat", "paddy"},
        {"edward", "ed", "eddie", "ted", "ned"},
        {"timothy", "tim"},
        {"jonathan", "jon", "jonny"},
        {"philip", "phillip", "phil"},
        {"jacqueline", "jackie", "jacqui"},
        {"rebecca", "becky", "becca", "bex"},
        {"deborah", "debra", "debbie", "deb"},
        {"victoria", "vicky", "vicki", "tori"},
        {"charlotte", "charlie", "lottie"},
        {"charles", "charlie", "chas"},
        {"frances", "fran", "frankie"},
        {"francis", "frank", "frankie"},
        {"gregory", "greg"},
        {"geoffrey", "jeffrey", "geoff", "jeff"},
        {"kenneth", "ken", "kenny"},
        {"raymond", "ray"},
        {"ronald", "ron", "ronnie"},
        {"donald", "don", "donnie"},
        {"joseph", "joe", "joey"},
        {"abigail", "abi", "abby"},
        {"alison", "allison", "ali"},
        {"amanda", "mandy"},
        {"eleanor", "ellie", "nell"},
        {"jessica", "jess", "jessie"},
        {"judith", "judy"},
        {"lawrence", "laurence", "larry", "laurie"},
        {"louise", "lou"},
        {"natalie", "nat"},
        {"nathan", "nathaniel", "nat"},
        {"oliver", "ollie"},
        {"penelope", "penny"},
        {"sarah", "sara"},
        {"stuart", "stewart", "stu"},
        {"terence", "terry"},
        {"theresa", "teresa", "tess", "tessa"},
        {"vincent", "vince"},
        {"zachary", "zach", "zack", "zac"},
        {"gerald", "gerry"},
        {"geraldine", "gerry"},
        {"caroline", "carol", "carrie"},
        {"rebekah", "becky", "bekah"},
    };
    return groups;
}

/// Words of an organisation name that say nothing about which one it is.
constexpr std::string_view k_legal_forms[] = {"ltd", "limited", "plc", "llp", "inc", "cic", "cio", "co", "llc"};

constexpr std::string_view k_no_organisation[] = {
    "independent", "self employed",  "selfemployed", "freelance",  "freelancer",      "none",           "n a",
    "na",          "not applicable", "retired",      "unemployed", "no organisation", "no organization"};

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = std::min(text.find(' ', at), text.size());
        if (end > at) words.emplace_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

std::string join_words(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += separator;
        out += word;
    }
    return out;
}

/// True when every word of `small` is among the words of `large`.
bool words_within(const std::vector<std::string>& small, const std::vector<std::string>& large) {
    for (const auto& word : small) {
        if (std::find(large.begin(), large.end(), word) == large.end()) return false;
    }
    return !small.empty();
}

/// True when `acronym` is the initials of `words`, of every word or of all but "and", "of",
/// "for", "the" and "on" ("ROTA" and "ROA" for Race on the Agenda).
bool is_acronym(const std::string& acronym, const std::vector<std::string>& words) {
    std::string every;
    std::string meaningful;
    for (const auto& word : words) {
        every += word[0];
        if (word != "and" && word != "of" && word != "for" && word != "the" && word != "on") meaningful += word[0];
    }
    return words.size() >= 2 && (acronym == every || acronym == meaningful);
}

}  // namespace

std::string fold_to_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = at;
        const char32_t code = next_code_point(text, at);
        if (code < 0x80) {
            out += static_cast<char>(code >= 'A' && code <= 'Z' ? code - 'A' + 'a' : code);
            continue;
        }
        if (code >= 0x300 && code <= 0x36F) continue;  // combining marks
        const auto fold = std::find_if(std::begin(k_folds), std::end(k_folds),
                                       [&](const Fold& f) { return f.first <= code && code <= f.last; });
        if (fold != std::end(k_folds)) {
            out += fold->ascii;
        } else {
            out.append(text.substr(start, at - start));
        }
    }
    return out;
}

std::string slug(std::string_view text) {
    const std::string folded = fold_to_ascii(text);
    std::string out;
    bool gap = false;
    for (const char c : folded) {
        if (c == '\'') continue;  // O'Neil → oneil
        if (is_ascii_alnum(c)) {
            if (gap && !out.empty()) out += '-';
            out += c;
            gap = false;
        } else {
            gap = true;
        }
    }
    return out;
}

PersonName parse_person_name(std::string_view written) {
    PersonName name;
    const std::string folded = fold_to_ascii(written);
    std::vector<std::string> words;
    const auto comma = folded.find(',');
    if (comma == std::string::npos) {
        words = name_words(folded);
        strip_titles(words, name.had_title);
    } else {
        auto before = name_words(std::string_view(folded).substr(0, comma));
        auto after = name_words(std::string_view(folded).substr(comma + 1));
        std::erase_if(after, [&](const std::string& word) {
            const bool honour = contains(k_post_nominals, word) || contains(k_titles, word);
            name.had_title |= honour;
            return honour;
        });
        strip_titles(before, name.had_title);
        if (!after.empty() && !before.empty() && is_surname(before)) {
            name.surname_first = true;
            words = std::move(after);
            words.insert(words.end(), before.begin(), before.end());
        } else {
            words = std::move(before);
            words.insert(words.end(), after.begin(), after.end());
        }
    }
    name.tokens = std::move(words);
    if (!name.tokens.empty()) {
        name.given = name.tokens.front();
        name.surname = name.tokens.back();
        if (name.tokens.size() >= 3 && contains(k_surname_particles, name.tokens[name.tokens.size() - 2])) {
            name.surname = name.tokens[name.tokens.size() - 2] + name.tokens.back();  // "van dijk"
        }
    }
    name.compact = join_words(name.tokens, "");
    return name;
}

/// True when `initial` starts `given` or one of its usual short forms ("B." for Elizabeth, as Beth).
bool initial_fits(char initial, std::string_view given) {
    if (given.front() == initial) return true;
    for (const auto& group : nickname_groups()) {
        if (std::find(group.begin(), group.end(), given) == group.end()) continue;
        for (const auto name : group) {
            if (name.front() == initial) return true;
        }
    }
    return false;
}

bool given_names_compatible(std::string_view a, std::string_view b) {
    if (a == b) return true;
    for (const auto& group : nickname_groups()) {
        if (std::find(group.begin(), group.end(), a) != group.end() &&
            std::find(group.begin(), group.end(), b) != group.end()) {
            return true;
        }
    }
    return false;
}

std::string organisation_key(std::string_view written) {
    std::string folded = fold_to_ascii(written);
    std::string spaced;
    for (std::size_t k = 0; k < folded.size(); ++k) {
        const char c = folded[k];
        if (c == '&' || c == '+') {
            spaced += " and ";
        } else if (c == '\'' || c == '.') {
            continue;  // Women's → womens, C.V.S. → cvs
        } else if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
            spaced += c;
        } else {
            spaced += ' ';
        }
    }
    auto words = split_words(spaced);
    if (contains(k_no_organisation, join_words(words, " ")) || words.empty()) return {};
    if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
    while (words.size() > 1 && contains(k_legal_forms, words.back())) words.pop_back();
    return join_words(words, " ");
}

NameRelation relate_names(const PersonName& a, const PersonName& b) {
    if (a.compact.empty() || b.compact.empty()) return NameRelation::unrelated;
    if (a.compact == b.compact) return NameRelation::same;
    const bool two_words = a.tokens.size() >= 2 && b.tokens.size() >= 2;
    if (two_words && a.surname == b.surname) {
        if (given_names_compatible(a.given, b.given)) return NameRelation::nickname;
        if ((a.given.size() == 1 && initial_fits(a.given.front(), b.given)) ||
            (b.given.size() == 1 && initial_fits(b.given.front(), a.given))) {
            return NameRelation::initial;
        }
        if (a.given.size() >= 3 && b.given.size() >= 3 && edit_distance(a.given, b.given) == 1) {
            return NameRelation::typo;
        }
        return NameRelation::different_given;
    }
    auto sorted_a = a.tokens;
    auto sorted_b = b.tokens;
    std::sort(sorted_a.begin(), sorted_a.end());
    std::sort(sorted_b.begin(), sorted_b.end());
    if (sorted_a == sorted_b) return NameRelation::reordered;
    if (two_words && given_names_compatible(a.given, b.given) && a.surname.size() >= 3 && b.surname.size() >= 3 &&
        edit_distance(a.surname, b.surname) == 1) {
        return NameRelation::typo;
    }
    if (a.compact.size() >= 6 && b.compact.size() >= 6 && edit_distance(a.compact, b.compact) == 1) {
        return NameRelation::typo;
    }
    return NameRelation::unrelated;
}

OrganisationRelation relate_organisations(std::string_view key_a, std::string_view key_b) {
    if (key_a.empty() || key_b.empty()) return OrganisationRelation::unknown;
    if (key_a == key_b) return OrganisationRelation::same;
    const auto words_a = split_words(key_a);
    const auto words_b = split_words(key_b);
    const std::string compact_a = join_words(words_a, "");
    const std::string compact_b = join_words(words_b, "");
    if (compact_a == compact_b) return OrganisationRelation::same;
    const auto meaningful = [](std::vector<std::string> words) {
        std::erase_if(words, [](const std::string& w) { return w == "and" || w == "of" || w == "for"; });
        return words;
    };
    const auto core_a = meaningful(words_a);
    const auto core_b = meaningful(words_b);
    if (words_within(core_a, core_b) || words_within(core_b, core_a)) return OrganisationRelation::compatible;
    if (compact_a.size() >= 5 && compact_b.size() >= 5 && edit_distance(compact_a, compact_b) <= 1) {
        return OrganisationRelation::compatible;
    }
    if ((words_a.size() == 1 && is_acronym(words_a[0], words_b)) ||
        (words_b.size() == 1 && is_acronym(words_b[0], words_a))) {
        return OrganisationRelation::compatible;
    }
    return OrganisationRelation::different;
}

std::string email_organisation(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos) return {};
    const std::string_view domain = email.substr(at + 1);
    const std::string label(domain.substr(0, domain.find('.')));
    if (contains(k_personal_mail, label)) return {};
    std::string out;
    for (const char c : label) {
        if (c != '-') out += c;
    }
    return out;
}

PersonEvidence person_evidence(std::string_view name, std::string_view organisation, std::string_view email) {
    PersonEvidence evidence;
    evidence.name = parse_person_name(name);
    evidence.organisation = organisation_key(organisation);
    evidence.email = std::string(email);
    evidence.email_organisation = email_organisation(evidence.email);
    return evidence;
}

MatchScore score_pair(const PersonEvidence& a, const PersonEvidence& b) {
    MatchScore result;
    result.names = relate_names(a.name, b.name);
    result.organisations = relate_organisations(a.organisation, b.organisation);
    if (result.organisations == OrganisationRelation::unknown) {
        // One organisation missing: the other's email may name it.
        const auto named_by_email = [](const PersonEvidence& with_email, const PersonEvidence& with_organisation) {
            if (with_email.email_organisation.empty() || with_organisation.organisation.empty()) return false;
            const auto words = split_words(with_organisation.organisation);
            auto meaningful = words;
            std::erase_if(meaningful, [](const std::string& w) { return w == "and" || w == "of" || w == "the"; });
            return with_email.email_organisation == join_words(words, "") ||
                   with_email.email_organisation == join_words(meaningful, "") ||
                   is_acronym(with_email.email_organisation, words);
        };
        if ((a.organisation.empty() && named_by_email(a, b)) || (b.organisation.empty() && named_by_email(b, a))) {
            result.organisations = OrganisationRelation::compatible;
        }
    }
    result.same_email = !a.email.empty() && a.email == b.email;
    result.different_email = !a.email.empty() && !b.email.empty() && a.email != b.email;

    double name_score = 0.0;
    std::string why;
    switch (result.names) {
        case NameRelation::same:
            name_score = 1.0, why = "same name";
            break;
        case NameRelation::nickname:
            name_score = 0.95, why = "same name but for a nickname or middle name";
            break;
        case NameRelation::reordered:
            name_score = 0.85, why = "same words in another order";
            break;
        case NameRelation::initial:
            name_score = 0.8, why = "an initial for the first name";
            break;
        case NameRelation::typo:
            name_score = 0.8, why = "names one letter apart";
            break;
        case NameRelation::different_given:
            why = "same surname, different first name";
            break;
        case NameRelation::unrelated:
            why = "different names";
            break;
    }
    double organisation_score = 0.0;
    switch (result.organisations) {
        case OrganisationRelation::same:
            organisation_score = 0.1, why += ", same organisation";
            break;
        case OrganisationRelation::compatible:
            organisation_score = 0.05, why += ", similar organisation";
            break;
        case OrganisationRelation::unknown:
            why += ", organisation not given on both";
            break;
        case OrganisationRelation::different:
            organisation_score = -0.3, why += ", different organisations";
            break;
    }
    result.score = name_score + organisation_score - (result.different_email ? 0.5 : 0.0);
    if (result.different_email) why += ", different emails";
    if (result.same_email) {
        result.score = 1.0;
        why = "same email; " + why;
    }
    result.score = std::max(0.0, std::round(result.score * 100.0) / 100.0);
    result.conflict = result.different_email || result.organisations == OrganisationRelation::different ||
                      result.names == NameRelation::different_given;
    result.merge = result.same_email || (!result.conflict && result.score >= k_merge_score);
    result.listed = result.merge || (result.score >= k_near_miss_score && name_score > 0.0);
    result.reason = std::move(why);
    return result;
}

}  // namespace bridgemap::ingest
