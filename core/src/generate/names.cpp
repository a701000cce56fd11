#include "generate/names.hpp"

#include <array>
#include <cstddef>
#include <iterator>

namespace bridgemap::generate {
namespace {

/// A first name and, for some, the nickname its owner goes by.
struct FirstName {
    std::string_view name;
    std::string_view nickname;
};

// Word lists, laid out as tables.
// clang-format off
constexpr FirstName k_first_names[] = {
    {"James", "Jim"}, {"Olivia", "Liv"}, {"Mohammed", "Mo"}, {"Amelia", "Millie"},
    {"Priya", ""}, {"Siobhán", "Shiv"}, {"Zoë", "Z"}, {"Chloé", ""},
    {"Łukasz", ""}, {"Björn", ""}, {"Aoife", ""}, {"Niamh", ""},
    {"Seán", ""}, {"Dónal", ""}, {"Małgorzata", "Gosia"}, {"Agnieszka", "Aga"},
    {"Zofia", "Zosia"}, {"José", "Pepe"}, {"Inés", ""}, {"Renée", ""},
    {"Anaïs", ""}, {"François", ""}, {"Jürgen", ""}, {"Søren", ""},
    {"Åsa", ""}, {"Ngozi", ""}, {"Chidi", ""}, {"Oluwaseun", "Seun"},
    {"Kwame", ""}, {"Amara", ""}, {"Fatima", ""}, {"Aisha", ""},
    {"Yusuf", ""}, {"Omar", ""}, {"Hannah", ""}, {"Sarah", ""},
    {"David", "Dave"}, {"Peter", "Pete"}, {"Margaret", "Peggy"}, {"Susan", "Sue"},
    {"Gareth", ""}, {"Rhiannon", ""}, {"Dafydd", "Dai"}, {"Eilidh", ""},
    {"Mhairi", ""}, {"Hamish", ""}, {"Fiona", ""}, {"Ruth", ""},
    {"Grace", ""}, {"Rachel", ""}, {"Daniel", "Dan"}, {"Thomas", "Tom"},
    {"Joseph", "Joe"}, {"Samuel", "Sam"}, {"Rebecca", "Bex"}, {"Emma", ""},
    {"Lucy", ""}, {"Kathy", ""}, {"Geraldine", "Gerry"}, {"Richard", "Dick"},
    {"Elizabeth", "Libby"}, {"Colin", ""}, {"Alison", ""}, {"Helen", ""},
    {"Julia", ""}, {"Anne", ""}, {"Stephen", "Steve"}, {"Mark", ""},
    {"Paul", ""}, {"Andrew", "Andy"}, {"Ian", ""}, {"Jane", ""},
    {"Claire", ""}, {"Nicola", "Nicky"}, {"Sophie", ""}, {"Rosa", ""},
    {"Raj", ""}, {"Anjali", ""}, {"Deepak", ""}, {"Sunita", ""},
    {"Harpreet", ""}, {"Gurpreet", ""}, {"Wei", ""}, {"Mei", ""},
    {"Thi", ""}, {"Minh", ""}, {"Linh", ""}, {"Hùng", ""},
    {"Ahmed", ""}, {"Layla", ""}, {"Mariam", ""}, {"Ibrahim", ""},
    {"Tomasz", "Tomek"}, {"Katarzyna", "Kasia"}, {"Jiří", ""}, {"Zdeněk", ""},
    {"Catherine", "Kate"}, {"Michael", "Mike"}, {"Christopher", "Kit"}, {"Jennifer", "Jen"},
    {"Patrick", "Paddy"}, {"Bernadette", ""}, {"Declan", ""}, {"Ciarán", ""},
    {"Róisín", ""}, {"Éamon", ""}, {"Gráinne", ""}, {"Nuala", ""},
    {"Abdul", ""}, {"Nasreen", ""}, {"Shabnam", ""}, {"Tariq", ""},
    {"Kemi", ""}, {"Folake", ""}, {"Tunde", ""}, {"Adwoa", ""},
    {"Marcus", ""}, {"Delroy", ""}, {"Marcia", ""}, {"Leroy", ""},
    {"Georgia", ""}, {"Isla", ""}, {"Freya", ""}, {"Oscar", ""},
    {"Harry", ""}, {"Alfie", ""}, {"Ellie", ""}, {"Maya", ""},
    {"Noémie", ""}, {"Hélène", ""}, {"Matthäus", ""}, {"Jörg", ""},
};

constexpr std::array<std::string_view, 128> k_last_names{
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
    "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
    "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin",
    "Jackson", "Clarke", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward",
    "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patel", "Young",
    "Allen", "Mitchell", "Anderson", "Phillips", "Lee", "Bell", "Parker", "Davis",
    "Khan", "Begum", "Ali", "Hussain", "Ahmed", "Singh", "Kaur", "Shah",
    "Chowdhury", "Okafor", "Adeyemi", "Mensah", "Nguyễn", "Trần", "Lê", "Phạm",
    "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Lewandowski", "O'Neil", "O'Brien", "O'Connor",
    "O'Sullivan", "D'Souza", "McCarthy", "MacLeod", "Ó Briain", "Müller", "Schäfer", "Björk",
    "Lindqvist", "Søndergaard", "García", "Fernández", "López", "Núñez", "Dubois", "Lefèvre",
    "Côté", "Blake", "Bridge", "Nabarro", "Falconer", "Cooke", "Gallagher", "Doherty",
    "Kennedy", "Murphy", "Kelly", "Byrne", "Quinn", "Campbell", "Stewart", "Fraser",
    "Macdonald", "Reid", "Griffiths", "Llewellyn", "Pryce", "Owen", "Nwosu", "Obi",
    "Boateng", "Asante", "Francis", "Grant", "Okonkwo", "Chen", "Wang", "Zhang",
    "Yilmaz", "Demir", "Şahin", "Mahmood", "Iqbal", "Rahman", "Das", "Gupta",
};
// clang-format on

constexpr std::array<std::string_view, 8> k_london_towns{"Hackney",   "Lambeth", "Camden",  "Tower Hamlets",
                                                         "Southwark", "Brent",   "Croydon", "Newham"};
constexpr std::array<std::string_view, 6> k_south_east_towns{"Brighton",    "Oxford",     "Reading",
                                                             "Southampton", "Canterbury", "Milton Keynes"};
constexpr std::array<std::string_view, 5> k_east_towns{"Cambridge", "Norwich", "Ipswich", "Luton", "Peterborough"};
constexpr std::array<std::string_view, 5> k_south_west_towns{"Bristol", "Plymouth", "Exeter", "Bath", "Gloucester"};
constexpr std::array<std::string_view, 5> k_wales_towns{"Cardiff", "Swansea", "Newport", "Wrexham", "Bangor"};
constexpr std::array<std::string_view, 5> k_west_midlands_towns{"Birmingham", "Coventry", "Wolverhampton",
                                                                "Stoke-on-Trent", "Walsall"};
constexpr std::array<std::string_view, 5> k_east_midlands_towns{"Nottingham", "Leicester", "Derby", "Lincoln",
                                                                "Northampton"};
constexpr std::array<std::string_view, 6> k_yorkshire_towns{"Leeds", "Sheffield", "Bradford",
                                                            "Hull",  "York",      "Wakefield"};
constexpr std::array<std::string_view, 6> k_north_west_towns{"Manchester", "Liverpool", "Preston",
                                                             "Bolton",     "Oldham",    "Blackburn"};
constexpr std::array<std::string_view, 4> k_north_east_towns{"Newcastle", "Sunderland", "Middlesbrough", "Durham"};
constexpr std::array<std::string_view, 5> k_scotland_towns{"Glasgow", "Edinburgh", "Dundee", "Aberdeen", "Inverness"};
constexpr std::array<std::string_view, 4> k_northern_ireland_towns{"Belfast", "Derry", "Newry", "Armagh"};

const std::array<Region, 12> k_regions{{
    {"London", 26, k_london_towns},
    {"South East", 11, k_south_east_towns},
    {"East of England", 6, k_east_towns},
    {"South West", 7, k_south_west_towns},
    {"Wales", 4, k_wales_towns},
    {"West Midlands", 8, k_west_midlands_towns},
    {"East Midlands", 5, k_east_midlands_towns},
    {"Yorkshire and the Humber", 9, k_yorkshire_towns},
    {"North West", 11, k_north_west_towns},
    {"North East", 5, k_north_east_towns},
    {"Scotland", 6, k_scotland_towns},
    {"Northern Ireland", 2, k_northern_ireland_towns},
}};

constexpr std::array<std::string_view, 32> k_topics{
    "Sharing power",
    "Listening to communities",
    "Power, place and people",
    "Trust between sectors",
    "Commissioning differently",
    "Tackling loneliness",
    "Building a Bigger We",
    "Kindness in public services",
    "Young people's voices",
    "Homes and homelessness",
    "Food, dignity and community",
    "Health inequalities",
    "Relational public services",
    "Small charities, big change",
    "Leadership across boundaries",
    "Funding with trust",
    "Data we can trust",
    "Climate and communities",
    "Mental health and belonging",
    "Communities after the pandemic",
    "Refugees and welcome",
    "Local economies",
    "Social prescribing",
    "Volunteering now",
    "The \"hard to reach\" myth",
    "Bridging divides",
    "Digital inclusion",
    "Policing by consent",
    "Children and families",
    "Ageing well",
    "Arts, culture and place",
    "Learning from failure",
};

template <std::size_t N>
const std::string_view& pick(Random& random, const std::array<std::string_view, N>& words) {
    return words[random.below(N)];
}

/// Joins pieces into one string.
std::string join(std::initializer_list<std::string_view> pieces) {
    std::string text;
    for (const auto piece : pieces) text.append(piece);
    return text;
}

}  // namespace

std::span<const Region> regions() noexcept {
    return k_regions;
}

std::span<const std::string_view> topics() noexcept {
    return k_topics;
}

std::string member_name(Random& random) {
    const FirstName& first = k_first_names[random.below(std::size(k_first_names))];
    const std::string_view last = pick(random, k_last_names);
    // One in twenty of those with a nickname (about 1.5% of members) give it in the member list.
    if (!first.nickname.empty() && random.below(20) == 0) {
        return join({first.name, " \"", first.nickname, "\" ", last});
    }
    return join({first.name, " ", last});
}

std::string organisation_name(Random& random, std::string_view sector, std::string_view town) {
    const std::string_view surname = pick(random, k_last_names);
    if (sector == "voluntary") {
        constexpr std::array<std::string_view, 10> k_forms{" Community Trust", " Council for Voluntary Service",
                                                           " Citizens Advice", " Youth Partnership",
                                                           " Carers' Centre",  " Mind",
                                                           " Refugee Forum",   " Housing Association",
                                                           " Age Concern",     " Community Foundation for Change"};
        return join({town, pick(random, k_forms)});
    }
    if (sector == "grassroots") {
        constexpr std::array<std::string_view, 10> k_forms{
            " Food Bank",        " Men's Shed",     " Residents' Association", " Mums' Network",
            " Community Garden", " Tenants' Union", " Street Kitchen",         " Boxing Club",
            " Women's Circle",   " Mutual Aid"};
        if (random.below(5) == 0) return join({"Friends of ", town, " Park"});
        return join({town, pick(random, k_forms)});
    }
    if (sector == "public") {
        constexpr std::array<std::string_view, 8> k_forms{
            " City Council", " Borough Council",         " NHS Foundation Trust",  " Clinical Commissioning Group",
            " Police",       " Fire and Rescue Service", " Integrated Care Board", " Jobcentre Plus"};
        return join({town, pick(random, k_forms)});
    }
    if (sector == "funder") {
        constexpr std::array<std::string_view, 4> k_forms{" Foundation", " Charitable Trust", " Family Fund", " Trust"};
        if (random.below(3) == 0) return join({town, " Community Foundation"});
        return join({"The ", surname, pick(random, k_forms)});
    }
    if (sector == "private") {
        constexpr std::array<std::string_view, 5> k_forms{" Consulting", " & Partners LLP", " Housing Ltd",
                                                          " Associates", " Digital"};
        if (random.below(4) == 0) return join({surname, ", ", pick(random, k_last_names), " & Co"});
        return join({surname, pick(random, k_forms)});
    }
    if (sector == "academic") {
        constexpr std::array<std::string_view, 4> k_forms{"University of ", "", "", ""};
        const std::string_view form = pick(random, k_forms);
        if (!form.empty()) return join({form, town});
        constexpr std::array<std::string_view, 3> k_suffixes{" College", " Institute for Civil Society",
                                                             " Centre for Social Research"};
        return join({town, pick(random, k_suffixes)});
    }
    return join({town, " ", surname, " Network"});
}

}  // namespace bridgemap::generate
