#!/usr/bin/python3
"""Writes realistic event sign-up lists from a known population, to measure how well
`bridgemap import` finds one person across lists (tests/unit/ingest/person_matching_test.cpp
asserts pairwise precision >= 0.99 and recall >= 0.95 on --seed 15).

  /usr/bin/python3 scripts/signup_lists.py --seed 15 --out DIR [--people 300] [--events 8]

DIR gets events.csv (id,name,date,kind,list), one list per event in the formats convenors
get (Eventbrite, Google Forms, Zoom, a typed sign-in sheet; commas, semicolons or tabs), and
truth.csv (list,line,person): which person of the population each row is.

The population has what makes matching hard: surnames shared within families and between
colleagues of one organisation, pairs of different people with the same full name at
different organisations (each with their own email), accented names, and people who move
to another organisation between events. Each row is written with the slips of people typing
their own name or a convenor typing a sign-in sheet: case, doubled or missing spaces,
accents dropped, a title or post-nominal added, a nickname, one typo, "Surname, First",
an initial, the organisation written another way or left out, the email left out (about
half; a tenth on Zoom's registration reports, which have no organisation) or in another case.

Randomness comes from a fixed linear congruential generator, not Python's `random`, so the
same seed writes the same files on every Python version.
"""
import argparse
import csv
import os


class Lcg:
    """Knuth's MMIX LCG; the high bits as a float in [0, 1)."""

    def __init__(self, seed):
        self.state = (seed * 6364136223846793005 + 1442695040888963407) % 2**64

    def random(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 11) / float(2**53)

    def below(self, n):
        return min(int(self.random() * n), n - 1)

    def choice(self, items):
        return items[self.below(len(items))]

    def chance(self, p):
        return self.random() < p


GIVEN = ["Robert", "Elizabeth", "David", "James", "Michael", "Katherine", "Thomas", "Christopher",
         "Christine", "Samuel", "Samantha", "Alexander", "Daniel", "Stephen", "Andrew", "Matthew",
         "Nicholas", "Peter", "William", "Benjamin", "Joanne", "Susan", "Richard", "Jennifer",
         "Margaret", "Patricia", "Edward", "Timothy", "Jonathan", "Philip", "Rebecca", "Deborah",
         "Victoria", "Charlotte", "Anthony", "Amira", "Priya", "Kwame", "Aisha", "Oluwaseun",
         "Siobhán", "Zoë", "Siân", "José", "Chloé", "Hélène", "Björn", "Søren", "Łukasz", "Renée",
         "Niamh", "Ewan", "Fatima", "Mohammed", "Yusuf", "Leila", "Grace", "Hannah", "Laura",
         "Emma", "Sophie", "Rachel", "Claire", "Helen", "Sarah", "Lucy", "Ruth", "Fiona", "Gareth",
         "Rhys", "Owen", "Callum", "Declan", "Aidan", "Ravi", "Anil", "Mei", "Wei", "Hui", "Tariq",
         "Imran", "Nadia", "Bethan", "Cerys", "Alison", "Geraldine", "Caroline", "Frances",
         "Jessica", "Eleanor", "Julia", "Karin", "Sally", "Toby", "Vincent", "Duncan", "Simon",
         "Graeme", "Martyn", "Colin", "Athol", "Polly", "Libby", "Merron", "Sona", "Bethia"]
SURNAMES = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
            "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
            "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood",
            "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
            "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
            "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter",
            "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards",
            "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Ahmed",
            "Hussain", "Ali", "Okafor", "Mensah", "Nowak", "Kowalski", "Müller", "Ó Briain",
            "O'Neill", "McNeil", "MacDonald", "Newnes-Smith", "Fernández", "García", "Søndergaard",
            "Brontë", "Chen", "Wang", "Nguyen", "Kruger", "Wyler", "Slocock", "Tibballs", "Halle",
            "Mahtani", "Thaladi", "Falconer", "Gregg", "Buddery", "Shrubsole", "Kewley", "Wightman",
            "van der Berg", "de Souza", "Ferguson", "Henderson", "Holbrook", "Menzies", "Mulligan"]
NICKNAMES = {"Robert": ["Rob", "Bob"], "Elizabeth": ["Liz", "Beth"], "David": ["Dave"],
             "James": ["Jim", "Jamie"], "Michael": ["Mike"], "Katherine": ["Kate", "Kathy"],
             "Thomas": ["Tom"], "Christopher": ["Chris"], "Christine": ["Chris"], "Samuel": ["Sam"],
             "Samantha": ["Sam"], "Alexander": ["Alex"], "Daniel": ["Dan", "Danny"],
             "Stephen": ["Steve"], "Andrew": ["Andy"], "Matthew": ["Matt"], "Nicholas": ["Nick"],
             "Peter": ["Pete"], "William": ["Will", "Bill"], "Benjamin": ["Ben"], "Joanne": ["Jo"],
             "Susan": ["Sue"], "Richard": ["Rich", "Rick"], "Jennifer": ["Jen", "Jenny"],
             "Margaret": ["Maggie"], "Edward": ["Ed", "Ted"], "Timothy": ["Tim"],
             "Jonathan": ["Jon"], "Philip": ["Phil"], "Rebecca": ["Becky"], "Deborah": ["Debbie"],
             "Victoria": ["Vicky"], "Charlotte": ["Charlie"], "Anthony": ["Tony"],
             "Jessica": ["Jess"], "Eleanor": ["Ellie"]}
ORGANISATIONS = [
    ("London Funders", "funder"), ("Carnegie UK Trust", "funder"), ("Power to Change", "funder"),
    ("Lloyds Bank Foundation", "funder"), ("Esmée Fairbairn Foundation", "funder"),
    ("Children England", "voluntary"), ("Hackney CVS", "voluntary"), ("Homeless Link", "voluntary"),
    ("Social Enterprise UK", "voluntary"), ("Civil Exchange", "voluntary"), ("Catch22", "voluntary"),
    ("Centre for Mental Health", "voluntary"), ("Volunteering Matters", "voluntary"),
    ("Women's Aid", "voluntary"), ("Newcastle CVS", "voluntary"), ("Surrey Youth Focus", "voluntary"),
    ("Sheila McKechnie Foundation", "voluntary"), ("Community Links", "voluntary"),
    ("Locality", "voluntary"), ("Race on the Agenda", "voluntary"),
    ("Jericho Road", "grassroots"), ("Selby Centre", "grassroots"), ("The Mentor Ring", "grassroots"),
    ("Clock Tower Sanctuary", "grassroots"), ("Advising Communities", "grassroots"),
    ("Hackney Play Association", "grassroots"), ("Bentley Area Community Library", "grassroots"),
    ("Grapevine Coventry & Warwickshire", "grassroots"), ("Trust for Developing Communities", "grassroots"),
    ("Heart of Hastings Community Land Trust", "grassroots"),
    ("Office for Civil Society", "public"), ("New NHS Alliance", "public"),
    ("Hackney Council", "public"), ("Coventry City Council", "public"), ("NHS England", "public"),
    ("Newcastle City Council", "public"), ("Department for Education", "public"),
    ("Corndel Ltd", "private"), ("Makerble Ltd", "private"), ("Kjelgaard", "private"),
    ("Inspire Chilli", "private"), ("OSCA", "private"), ("Relationship Capital Strategies", "private"),
    ("Social Finance", "private"), ("Arup", "private"),
    ("University of Manchester", "academic"), ("University of Huddersfield", "academic"),
    ("Newcastle University Business School", "academic"), ("University of Birmingham", "academic"),
    ("London School of Economics", "academic")]
TITLES = ["Dr", "Cllr", "Prof", "Mr", "Ms", "Mrs", "Rev"]
POST_NOMINALS = ["OBE", "MBE", "CBE", "PhD"]
FOLD = str.maketrans({"é": "e", "è": "e", "ë": "e", "ó": "o", "Ó": "O", "ö": "o", "ø": "o", "Ø": "O",
                      "ü": "u", "á": "a", "â": "a", "í": "i", "ñ": "n", "ł": "l", "Ł": "L", "å": "a"})
FORMATS = ["eventbrite", "google", "zoom", "signin", "google", "eventbrite", "zoom", "signin"]


def slug(text):
    out = "".join(c if c.isalnum() else " " for c in text.translate(FOLD).lower())
    return ".".join(out.split())


def make_population(rng, count):
    people = []
    taken = set()

    def add(given, surname, organisation):
        email = slug(given) + "." + slug(surname).replace(".", "")
        while email in taken:
            email += str(rng.below(10))
        taken.add(email)
        people.append({"given": given, "surname": surname, "organisation": organisation,
                       "email": email + "@" + slug(organisation[0]).replace(".", "-") + ".example.org",
                       "moved_to": None, "activity": 0.2 + 0.6 * rng.random()})

    while len(people) < count - 40:
        add(rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(ORGANISATIONS))
    # Colleagues and relatives with one surname at one organisation, different first names.
    for _ in range(12):
        first = people[rng.below(len(people))]
        given = rng.choice(GIVEN)
        while given == first["given"] or given in NICKNAMES.get(first["given"], []):
            given = rng.choice(GIVEN)
        add(given, first["surname"], first["organisation"])
    # Two different people with the same full name at different organisations.
    for _ in range(8):
        first = people[rng.below(len(people))]
        other = rng.choice(ORGANISATIONS)
        while other == first["organisation"]:
            other = rng.choice(ORGANISATIONS)
        add(first["given"], first["surname"], other)
    while len(people) < count:
        add(rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(ORGANISATIONS))
    # Some people move to another organisation half way.
    for _ in range(10):
        person = people[rng.below(len(people))]
        person["moved_to"] = rng.choice(ORGANISATIONS)
    return people


def typo(rng, word):
    if len(word) < 5:
        return word
    k = 1 + rng.below(len(word) - 2)
    kind = rng.below(4)
    letter = rng.choice("abcdefghijklmnoprstuvwy")
    if kind == 0:
        return word[:k] + letter + word[k + 1:]
    if kind == 1:
        return word[:k] + word[k + 1:]
    if kind == 2:
        return word[:k] + letter + word[k:]
    return word[:k - 1] + word[k] + word[k - 1] + word[k + 1:]


def organisation_variant(rng, name):
    roll = rng.random()
    if roll < 0.25 and "&" in name:
        return name.replace("&", "and")
    if roll < 0.5 and name.endswith(" Ltd"):
        return name[:-4]
    if roll < 0.6 and not name.startswith("The "):
        return "The " + name
    if roll < 0.8:
        return name.lower()
    return name + " Ltd" if not name.endswith("Ltd") else name.upper()


def written_row(rng, person, event_index, events, fmt):
    """The fields of one sign-up row for `person` as written on the list of format `fmt`."""
    given, surname = person["given"], person["surname"]
    organisation = person["organisation"]
    if person["moved_to"] and event_index >= events // 2:
        organisation = person["moved_to"]
    org_name = organisation[0]
    if rng.chance(0.3) and given in NICKNAMES:
        given = rng.choice(NICKNAMES[given])
    if rng.chance(0.5):
        given, surname = given.translate(FOLD), surname.translate(FOLD)
    if rng.chance(0.03):
        if rng.chance(0.5):
            given = typo(rng, given)
        else:
            surname = typo(rng, surname)
    if rng.chance(0.02):
        given = given[0] + "."
    full = given + " " + surname
    if fmt in ("google", "zoom"):
        roll = rng.random()
        if roll < 0.04:
            full = surname + ", " + given
        elif roll < 0.07:
            full = given + surname.replace(" ", "")
        elif roll < 0.12:
            full = given + "  " + surname + " "
        if rng.chance(0.05):
            full = rng.choice(TITLES) + " " + full
        if rng.chance(0.03):
            full = full + " " + rng.choice(POST_NOMINALS)
    roll = rng.random()
    if roll < 0.08:
        full, given, surname = full.lower(), given.lower(), surname.lower()
    elif roll < 0.1:
        full, given, surname = full.upper(), given.upper(), surname.upper()
    if rng.chance(0.12):
        org_name = organisation_variant(rng, org_name)
    if rng.chance(0.08):
        org_name = ""
    # Zoom's registration report has the email of nearly everyone; other lists about half.
    email = person["email"] if rng.chance(0.9 if fmt == "zoom" else 0.5) else ""
    if email and rng.chance(0.2):
        email = email[0].upper() + email[1:].replace(".", ".", 1)
        email = email.split("@")[0].title() + "@" + email.split("@")[1]
    return {"full": full, "given": given, "surname": surname, "organisation": org_name,
            "sector": organisation[1], "email": email}


def write_list(path, fmt, rows):
    if fmt == "eventbrite":
        header = ["Order #", "First Name", "Last Name", "Email", "Company", "Job Title", "Ticket Type"]
        lines = [[str(500000 + k), r["given"], r["surname"], r["email"], r["organisation"], "", "General"]
                 for k, r in enumerate(rows)]
        delimiter = ","
    elif fmt == "google":
        header = ["Timestamp", "Full name", "Email address", "Organisation", "Sector"]
        lines = [["2019-03-%02d 10:%02d" % (1 + k % 28, k % 60), r["full"], r["email"], r["organisation"],
                  r["sector"]] for k, r in enumerate(rows)]
        delimiter = ","
    elif fmt == "zoom":
        header = ["Name (Original Name)", "User Email", "Join Time", "Duration (Minutes)"]
        lines = [[r["full"], r["email"], "10:%02d" % (k % 60), str(30 + k % 60)] for k, r in enumerate(rows)]
        delimiter = "\t"
    else:
        header = ["Surname", "First name", "Organisation", "Role"]
        lines = [[r["surname"], r["given"], r["organisation"], ""] for r in rows]
        delimiter = ";"
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", required=True)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--events", type=int, default=8)
    options = parser.parse_args()
    rng = Lcg(options.seed)
    people = make_population(rng, options.people)
    os.makedirs(options.out, exist_ok=True)
    truth = [["list", "line", "person"]]
    events = [["id", "name", "date", "kind", "list"]]
    for e in range(options.events):
        fmt = FORMATS[e % len(FORMATS)]
        name = "event-%d-%s.csv" % (e + 1, fmt)
        attendees = [p for p in range(len(people)) if rng.chance(people[p]["activity"] * 0.55)]
        rows = []
        for p in attendees:
            row = written_row(rng, people[p], e, options.events, fmt)
            if fmt in ("zoom",):
                row["organisation"] = ""
            rows.append(row)
            truth.append([name, str(len(rows) + 1), "p%03d" % p])
        write_list(os.path.join(options.out, name), fmt, rows)
        events.append(["event-%d" % (e + 1), "Event %d" % (e + 1), "%d-%02d-15" % (2019 + e // 12, e % 12 + 1),
                       "online" if fmt == "zoom" else "workshop", name])
    for filename, table in (("events.csv", events), ("truth.csv", truth)):
        with open(os.path.join(options.out, filename), "w", newline="", encoding="utf-8") as out:
            csv.writer(out, lineterminator="\n").writerows(table)


if __name__ == "__main__":
    main()
