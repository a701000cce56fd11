#include <bridgemap/error.hpp>
#include <bridgemap/ingest/attendee_lists.hpp>
#include <bridgemap/ingest/identity.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ingest/person_matching.hpp>
#include <bridgemap/ingest/signup_import.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/io/text.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace bridgemap::ingest {
namespace {

using io::in_quotes;

/// One attendee row with the event it is for.
struct ListRow {
    std::size_t event = 0;  ///< Index into the events file's events.
    Attendee attendee;
    std::string place;  ///< For matches.csv: relative to the events file's folder.
};

/// How good a spelling is as a member's name: a full first name, no title, not "Surname,
/// First", not all in one case, the most often written (`written_times`, over the person's
/// rows), the most words, accents kept, the longest, then the first in text order.
auto name_quality(const Spelling& spelling, std::size_t written_times) {
    const PersonName& name = spelling.evidence.name;
    const std::string& written = spelling.key.name;
    const bool mixed_case = std::any_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                            std::any_of(written.begin(), written.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const auto non_ascii =
        std::count_if(written.begin(), written.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return std::make_tuple(name.given.size() > 1, !name.had_title, !name.surname_first, mixed_case, written_times,
                           name.tokens.size(), non_ascii, written.size());
}

/// "Kruger, Danny" → "Danny Kruger"; other names as written.
std::string display_name(const Spelling& spelling) {
    const std::string& written = spelling.key.name;
    if (!spelling.evidence.name.surname_first) return written;
    const auto comma = written.find(',');
    std::string after = written.substr(comma + 1);
    std::string before = written.substr(0, comma);
    const auto trim = [](std::string& s) {
        s.erase(0, std::min(s.size(), s.find_first_not_of(' ')));
        s.erase(s.find_last_not_of(' ') + 1);
    };
    trim(after);
    trim(before);
    return after + " " + before;
}

/// A fresh id from `base` (or `fallback` when empty) not in `taken`: base, base-2, base-3, ...
std::string fresh_id(std::string base, const std::string& fallback, std::set<std::string>& taken) {
    if (base.empty()) base = fallback;
    std::string id = base;
    for (std::size_t n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
    taken.insert(id);
    return id;
}

std::uint32_t role_index(Network& network, const std::string& role) {
    if (network.roles.empty()) network.roles.emplace_back();
    for (std::size_t r = 0; r < network.roles.size(); ++r) {
        if (network.roles[r] == role) return static_cast<std::uint32_t>(r);
    }
    network.roles.push_back(role);
    return static_cast<std::uint32_t>(network.roles.size() - 1);
}

/// Column `name` of `attributes` (matched by header_key), added with empty values when new.
std::size_t attribute_column(Attributes& attributes, const std::string& name, std::size_t rows) {
    const std::string key = header_key(name);
    for (std::size_t c = 0; c < attributes.names.size(); ++c) {
        if (header_key(attributes.names[c]) == key) return c;
    }
    attributes.names.push_back(name);
    attributes.values.emplace_back(rows);
    return attributes.names.size() - 1;
}

void resize_attributes(Attributes& attributes, std::size_t rows) {
    for (auto& values : attributes.values) values.resize(rows);
}

}  // namespace

ImportResult import_signups(const ImportOptions& options, Diagnostics& diagnostics) {
    ImportResult result;
    Network& network = result.network;
    const std::string events_shown = options.events.string();
    const std::filesystem::path folder = options.events.parent_path();

    // The network imported into.
    if (options.into) {
        auto existing = read_network(*options.into, ReadOptions{options.date_order});
        for (const auto& diagnostic : existing.diagnostics.all()) diagnostics.add(diagnostic);
        if (existing.diagnostics.has_errors()) return result;
        network = std::move(existing.network);
    }
    network.active.clear();
    const std::size_t old_members = network.members.size();
    const std::size_t old_events = network.events.size();

    // The events and their lists.
    const auto events_table = read_text_table(options.events, events_shown, diagnostics);
    if (!events_table) return result;
    const EventsFile events = read_events(*events_table, diagnostics, options.date_order);
    result.summary.events = events.events.size();
    std::vector<ListRow> rows;
    std::vector<std::string> member_extra_names;
    bool any_job_title = false;
    for (std::size_t e = 0; e < events.events.size(); ++e) {
        report_progress(options.progress, "reading attendee lists", e, events.events.size());
        const EventEntry& event = events.events[e];
        if (network.find_event(event.id) != k_none && options.into) {
            report(diagnostics, event.place, true,
                   "event " + in_quotes(event.id) + " is already in " + options.into->string() +
                       "; give the new event another id");
        }
        if (event.list.empty()) continue;
        const std::filesystem::path list_path = folder / event.list;
        const std::string shown = list_path.string();
        std::error_code error;
        if (!std::filesystem::is_regular_file(list_path, error)) {
            report(diagnostics, event.place, true,
                   "event " + in_quotes(event.id) + ": list file " + in_quotes(event.list) + " not found (looked for " +
                       shown + ")");
            continue;
        }
        const auto table = read_text_table(list_path, shown, diagnostics);
        if (!table) continue;
        AttendeeList list = read_attendees(*table, diagnostics);
        std::vector<std::size_t> extra_column;
        for (const auto& name : list.extra_names) {
            const std::string key = header_key(name);
            auto found = std::find_if(member_extra_names.begin(), member_extra_names.end(),
                                      [&](const std::string& n) { return header_key(n) == key; });
            if (found == member_extra_names.end()) {
                member_extra_names.push_back(name);
                found = member_extra_names.end() - 1;
            }
            extra_column.push_back(static_cast<std::size_t>(found - member_extra_names.begin()));
        }
        for (auto& attendee : list.attendees) {
            any_job_title |= !attendee.job_title.empty();
            std::vector<std::string> extras(member_extra_names.size());
            for (std::size_t k = 0; k < attendee.extras.size(); ++k) extras[extra_column[k]] = attendee.extras[k];
            attendee.extras = std::move(extras);
            SourcePlace relative = attendee.place;
            relative.file = std::filesystem::path(event.list).generic_string();
            rows.push_back({e, std::move(attendee), relative.describe()});
        }
    }
    result.summary.rows = rows.size();
    for (auto& row : rows) row.attendee.extras.resize(member_extra_names.size());

    // The matches file.
    std::vector<MatchDecision> decisions;
    const std::string matches_shown = options.matches ? options.matches->string() : std::string();
    if (options.matches) decisions = read_match_decisions(io::read_file(*options.matches), matches_shown, diagnostics);

    // Existing organisations by key, and each existing member's email.
    std::map<std::string, OrganisationIndex> organisation_by_key;
    for (OrganisationIndex o = 0; o < network.organisations.size(); ++o) {
        organisation_by_key.emplace(organisation_key(network.organisations[o].display_name()), o);
    }
    std::size_t email_column = SIZE_MAX;
    for (std::size_t c = 0; c < network.member_attributes.names.size(); ++c) {
        if (header_key(network.member_attributes.names[c]) == "email") email_column = c;
    }

    // Records: existing members, then the rows in event order.
    std::vector<PersonRecord> records;
    for (MemberIndex m = 0; m < old_members; ++m) {
        const Member& member = network.members[m];
        PersonRecord record;
        record.name = member.display_name();
        if (member.organisation != k_none)
            record.organisation = network.organisations[member.organisation].display_name();
        if (email_column != SIZE_MAX) record.email = std::string(network.member_attributes.values[email_column][m]);
        record.place = "existing member " + member.id;
        record.existing_id = member.id;
        records.push_back(std::move(record));
    }
    for (const auto& row : rows) {
        records.push_back({row.attendee.name,
                           row.attendee.organisation,
                           row.attendee.email,
                           row.place,
                           {},
                           events.events[row.event].list});
    }
    if (diagnostics.has_errors()) return result;
    report_progress(options.progress, "matching people", 0, 0);
    const PersonMatching matching = match_people(records, decisions, matches_shown, diagnostics);

    // Rows of each person, latest last: events by date (undated first), then as listed.
    std::vector<DayNumber> event_day(events.events.size(), k_open_start);
    for (std::size_t e = 0; e < events.events.size(); ++e) {
        if (const auto span = parse_date(events.events[e].date)) event_day[e] = span->first;
    }
    std::vector<std::vector<std::size_t>> rows_of_person(matching.people);
    for (std::size_t r = 0; r < rows.size(); ++r)
        rows_of_person[matching.person_of_record[old_members + r]].push_back(r);
    for (auto& list : rows_of_person) {
        std::stable_sort(list.begin(), list.end(), [&](std::size_t x, std::size_t y) {
            return std::tie(event_day[rows[x].event], rows[x].event) <
                   std::tie(event_day[rows[y].event], rows[y].event);
        });
    }
    const auto latest = [&](std::size_t person, auto field) {
        const auto& list = rows_of_person[person];
        for (auto it = list.rbegin(); it != list.rend(); ++it) {
            const std::string& value = field(rows[*it].attendee);
            if (!value.empty()) return value;
        }
        return std::string();
    };

    // Organisations: one per key, and two keys are one organisation when one person wrote both
    // and they are compatible ("ROTA" and "Race on the Agenda"; a person who moved between two
    // different organisations joins nothing). Existing organisations keep theirs.
    std::map<std::string, std::string> alias;  // key → the key that stands for it
    const std::function<std::string(const std::string&)> canonical = [&](const std::string& key) -> std::string {
        const auto found = alias.find(key);
        return found == alias.end() || found->second == key ? key : canonical(found->second);
    };
    {
        std::vector<std::vector<std::string>> keys_of_person(matching.people);
        const auto add_key = [&](std::uint32_t person, const std::string& key) {
            auto& keys = keys_of_person[person];
            if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        };
        for (std::size_t r = 0; r < records.size(); ++r) {
            add_key(matching.person_of_record[r], organisation_key(records[r].organisation));
        }
        for (const auto& keys : keys_of_person) {
            for (std::size_t i = 0; i < keys.size(); ++i) {
                for (std::size_t j = 0; j < i; ++j) {
                    if (relate_organisations(keys[i], keys[j]) != OrganisationRelation::compatible) continue;
                    const std::string x = canonical(keys[i]);
                    const std::string y = canonical(keys[j]);
                    if (x == y) continue;
                    // An existing organisation stands for the set; else the key written first.
                    const bool x_stands = organisation_by_key.count(x) && !organisation_by_key.count(y);
                    if (x_stands) {
                        alias[y] = x;
                    } else {
                        alias[x] = y;
                    }
                }
            }
        }
    }
    std::set<std::string> organisation_ids;
    for (const auto& organisation : network.organisations) organisation_ids.insert(organisation.id);
    std::map<std::string, std::map<std::string, std::size_t>> spellings_of_key;  // key → written → count
    std::vector<std::string> new_keys;
    for (const auto& row : rows) {
        const std::string key = canonical(organisation_key(row.attendee.organisation));
        if (key.empty() || organisation_by_key.count(key)) continue;
        auto [at, inserted] = spellings_of_key.try_emplace(key);
        if (inserted) new_keys.push_back(key);
        ++at->second[row.attendee.organisation];
    }
    for (const auto& key : new_keys) {
        const auto& written = spellings_of_key[key];
        const auto best = std::max_element(written.begin(), written.end(), [](const auto& x, const auto& y) {
            const auto quality = [](const auto& entry) {
                const bool mixed = entry.first != fold_to_ascii(entry.first);
                return std::make_tuple(entry.second, mixed, entry.first.size());
            };
            return quality(x) < quality(y);  // ties: the first in text order stays
        });
        Organisation organisation;
        organisation.name = best->first;
        organisation.id = fresh_id(slug(organisation.name), "organisation", organisation_ids);
        organisation_by_key.emplace(key, static_cast<OrganisationIndex>(network.organisations.size()));
        network.organisations.push_back(std::move(organisation));
        ++result.summary.new_organisations;
    }
    resize_attributes(network.organisation_attributes, network.organisations.size());

    // Members: existing ones keep theirs; new ones get a slug, collisions numbered in the
    // order of their best spelling's text.
    std::vector<MemberIndex> member_of_person(matching.people, k_none);
    std::vector<const Spelling*> best_spelling(matching.people, nullptr);
    std::map<std::pair<std::uint32_t, std::string>, std::size_t> written_times;  // (person, name) → rows
    for (std::size_t s = 0; s < matching.spellings.size(); ++s) {
        const Spelling& spelling = matching.spellings[s];
        written_times[{matching.person_of_spelling[s], spelling.key.name}] += spelling.records.size();
    }
    const auto quality = [&](const Spelling& spelling, std::uint32_t person) {
        return name_quality(spelling, written_times[{person, spelling.key.name}]);
    };
    for (std::size_t s = 0; s < matching.spellings.size(); ++s) {
        const Spelling& spelling = matching.spellings[s];
        const std::uint32_t person = matching.person_of_spelling[s];
        if (!spelling.key.existing_id.empty()) {
            member_of_person[person] = network.find_member(spelling.key.existing_id);
            continue;
        }
        const Spelling*& best = best_spelling[person];
        if (best == nullptr || quality(*best, person) < quality(spelling, person)) best = &spelling;
    }
    std::set<std::string> member_ids;
    for (const auto& member : network.members) member_ids.insert(member.id);
    std::vector<std::uint32_t> new_people;
    for (std::uint32_t p = 0; p < matching.people; ++p) {
        if (member_of_person[p] == k_none) new_people.push_back(p);
    }
    std::vector<std::uint32_t> by_text = new_people;
    std::stable_sort(by_text.begin(), by_text.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return best_spelling[x]->key < best_spelling[y]->key; });
    std::map<std::uint32_t, std::string> id_of_person;
    for (const auto p : by_text)
        id_of_person[p] = fresh_id(slug(display_name(*best_spelling[p])), "member", member_ids);

    const std::size_t email_attribute = attribute_column(network.member_attributes, "email", old_members);
    const std::size_t job_attribute =
        any_job_title ? attribute_column(network.member_attributes, "job_title", old_members) : SIZE_MAX;
    std::vector<std::size_t> extra_attribute;
    for (const auto& name : member_extra_names) {
        std::string column = name;
        const std::string key = header_key(name);
        if (key == "id" || key == "organisationid" || key == "consent") column = "list " + name;
        extra_attribute.push_back(attribute_column(network.member_attributes, column, old_members));
    }
    for (const auto p : new_people) {
        Member member;
        member.id = id_of_person[p];
        member.name = display_name(*best_spelling[p]);
        member.sector_label = latest(p, [](const Attendee& a) -> const std::string& { return a.sector; });
        const std::string organisation =
            latest(p, [](const Attendee& a) -> const std::string& { return a.organisation; });
        const std::string key = canonical(organisation_key(organisation));
        if (!key.empty()) member.organisation = organisation_by_key.at(key);
        member_of_person[p] = static_cast<MemberIndex>(network.members.size());
        network.members.push_back(std::move(member));
        resize_attributes(network.member_attributes, network.members.size());
        const MemberIndex m = member_of_person[p];
        network.member_attributes.values[email_attribute][m] =
            latest(p, [](const Attendee& a) -> const std::string& { return a.email; });
        if (job_attribute != SIZE_MAX) {
            network.member_attributes.values[job_attribute][m] =
                latest(p, [](const Attendee& a) -> const std::string& { return a.job_title; });
        }
        for (std::size_t k = 0; k < extra_attribute.size(); ++k) {
            network.member_attributes.values[extra_attribute[k]][m] =
                latest(p, [k](const Attendee& a) -> const std::string& { return a.extras[k]; });
        }
    }
    result.summary.new_members = new_people.size();
    resize_attributes(network.member_attributes, network.members.size());

    // Events, then attendance in list order, one row per member and event.
    std::vector<std::size_t> event_extra_column;
    for (const auto& name : events.extra_names) {
        event_extra_column.push_back(attribute_column(network.event_attributes, name, old_events));
    }
    for (const auto& entry : events.events) {
        Event event;
        event.id = entry.id;
        event.name = entry.name;
        event.date_text = entry.date;
        event.date = parse_date(entry.date);
        event.kind = entry.kind;
        network.events.push_back(std::move(event));
        resize_attributes(network.event_attributes, network.events.size());
        for (std::size_t k = 0; k < event_extra_column.size(); ++k) {
            network.event_attributes.values[event_extra_column[k]].back() = entry.extras[k];
        }
    }
    network.index_ids();
    for (std::size_t e = 0; e < events.events.size(); ++e) {
        const EventEntry& entry = events.events[e];
        if (entry.parent.empty()) continue;
        const EventIndex parent = network.find_event(entry.parent);
        if (parent == k_none) {
            report(diagnostics, entry.place, true,
                   "event " + in_quotes(entry.id) + ": parent " + in_quotes(entry.parent) + " is not an event");
        } else if (parent == old_events + e) {
            report(diagnostics, entry.place, true, "event " + in_quotes(entry.id) + " is its own parent");
        } else {
            network.events[old_events + e].parent = parent;
        }
    }
    std::map<std::pair<MemberIndex, EventIndex>, std::size_t> first_row;
    std::set<MemberIndex> existing_on_lists;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const MemberIndex member = member_of_person[matching.person_of_record[old_members + r]];
        const auto event = static_cast<EventIndex>(old_events + rows[r].event);
        if (member < old_members) existing_on_lists.insert(member);
        const auto [at, inserted] = first_row.emplace(std::pair{member, event}, r);
        if (!inserted) {
            report(diagnostics, rows[r].attendee.place, false,
                   in_quotes(rows[r].attendee.name) + " is " + network.members[member].id +
                       ", already on this list at " + rows[at->second].attendee.place.describe() + "; counted once");
            continue;
        }
        network.attendance.push_back({member, event, role_index(network, rows[r].attendee.role)});
    }
    resize_attributes(network.attendance_attributes, network.attendance.size());
    result.summary.existing_members = existing_on_lists.size();
    network.index_ids();
    resolve_sectors(network);

    // matches.csv, pairs in the order of their people.
    const auto member_id = [&](std::uint32_t spelling) {
        return network.members[member_of_person[matching.person_of_spelling[spelling]]].id;
    };
    const auto lists = [&](std::uint32_t spelling) {
        std::string out;
        for (const auto r : matching.spellings[spelling].records) out += (out.empty() ? "" : "; ") + records[r].place;
        return out;
    };
    std::vector<const MatchPair*> pairs;
    for (const auto& pair : matching.pairs) pairs.push_back(&pair);
    std::stable_sort(pairs.begin(), pairs.end(), [&](const MatchPair* x, const MatchPair* y) {
        const auto key = [&](const MatchPair* p) {
            const auto pa = matching.person_of_spelling[p->a];
            const auto pb = matching.person_of_spelling[p->b];
            return std::make_tuple(std::min(pa, pb), std::max(pa, pb));
        };
        return key(x) < key(y);
    });
    std::string& out = result.matches_csv;
    out = std::string(k_matches_header) + "\n";
    io::CsvWriter csv(out);
    for (const MatchPair* pair : pairs) {
        const auto& a = matching.spellings[pair->a].key;
        const auto& b = matching.spellings[pair->b].key;
        csv.field(pair->merged ? "merge" : "separate").field(pair->suggested ? "merge" : "separate");
        csv.field(io::format_number(pair->score.score));
        std::string reason = pair->score.reason;
        if (pair->ambiguous) reason += "; could as well be another person: decide";
        if (pair->by_user) reason = "decided in " + options.matches->filename().string() + "; " + reason;
        csv.field(reason);
        csv.field(member_id(pair->a)).field(member_id(pair->b));
        csv.field(a.name).field(b.name).field(a.organisation).field(b.organisation).field(a.email).field(b.email);
        csv.field(lists(pair->a)).field(lists(pair->b));
        csv.end_row();
        ++(pair->merged ? result.summary.merges : result.summary.near_misses);
        result.summary.user_decisions += pair->by_user ? 1 : 0;
    }
    return result;
}

}  // namespace bridgemap::ingest
