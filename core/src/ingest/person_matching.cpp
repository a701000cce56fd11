#include <bridgemap/ingest/csv_reader.hpp>
#include <bridgemap/ingest/person_matching.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <utility>

namespace bridgemap::ingest {
namespace {

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

/// Union-find over spellings, keeping each set's members for the conflict checks.
class People {
public:
    explicit People(std::size_t count) : parent_(count), members_(count) {
        std::iota(parent_.begin(), parent_.end(), 0u);
        for (std::uint32_t k = 0; k < count; ++k) members_[k] = {k};
    }
    std::uint32_t find(std::uint32_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    const std::vector<std::uint32_t>& members(std::uint32_t root) const { return members_[root]; }
    void join(std::uint32_t x, std::uint32_t y) {
        x = find(x), y = find(y);
        if (x == y) return;
        if (members_[x].size() < members_[y].size()) std::swap(x, y);
        parent_[y] = x;
        members_[x].insert(members_[x].end(), members_[y].begin(), members_[y].end());
        members_[y].clear();
    }

private:
    std::vector<std::uint32_t> parent_;
    std::vector<std::vector<std::uint32_t>> members_;
};

using PairSet = std::set<std::pair<std::uint32_t, std::uint32_t>>;

std::pair<std::uint32_t, std::uint32_t> ordered(std::uint32_t x, std::uint32_t y) {
    return x < y ? std::pair{x, y} : std::pair{y, x};
}

/// True when the two spellings have a row on the same list.
bool share_a_list(const Spelling& x, const Spelling& y) {
    for (const auto& list : x.lists) {
        if (!list.empty() && std::binary_search(y.lists.begin(), y.lists.end(), list)) return true;
    }
    return false;
}

/// The partition of spellings: user merges, then shared emails, then the name rule.
struct Clustering {
    const std::vector<Spelling>& spellings;
    const std::vector<MatchPair>& candidates;  // sorted by (a, b)
    PairSet user_separate;
    std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::size_t>> user_merge;  // with line

    bool kept_apart(const People& people, std::uint32_t x, std::uint32_t y, bool by_name,
                    const std::map<std::pair<std::uint32_t, std::uint32_t>, const MatchScore*>& scores) const {
        for (const auto i : people.members(x)) {
            for (const auto j : people.members(y)) {
                if (user_separate.count(ordered(i, j))) return true;
                if (!spellings[i].key.existing_id.empty() && !spellings[j].key.existing_id.empty()) return true;
                if (!by_name) continue;
                if (share_a_list(spellings[i], spellings[j])) return true;
                const auto found = scores.find(ordered(i, j));
                const bool conflict = found != scores.end()
                                          ? found->second->conflict
                                          : score_pair(spellings[i].evidence, spellings[j].evidence).conflict;
                if (conflict) return true;
            }
        }
        return false;
    }

    std::vector<std::uint32_t> run(Diagnostics* diagnostics, const std::string& file) const {
        People people(spellings.size());
        std::map<std::pair<std::uint32_t, std::uint32_t>, const MatchScore*> scores;
        for (const auto& pair : candidates) scores[{pair.a, pair.b}] = &pair.score;
        for (const auto& [pair, line] : user_merge) {
            const auto x = people.find(pair.first);
            const auto y = people.find(pair.second);
            if (x == y) continue;
            if (kept_apart(people, x, y, false, scores)) {
                if (diagnostics) {
                    diagnostics->warning(file, line,
                                         "not merged: it would join two spellings kept apart (by another "
                                         "line of this file, or as two members of the existing network)");
                }
                continue;
            }
            people.join(x, y);
        }
        for (const auto& pair : candidates) {
            if (!pair.score.same_email) continue;
            const auto x = people.find(pair.a);
            const auto y = people.find(pair.b);
            if (x != y && !kept_apart(people, x, y, false, scores)) people.join(x, y);
        }
        std::vector<const MatchPair*> by_score;
        for (const auto& pair : candidates) {
            if (pair.score.merge && !pair.score.same_email && !pair.ambiguous) by_score.push_back(&pair);
        }
        std::stable_sort(by_score.begin(), by_score.end(),
                         [](const MatchPair* p, const MatchPair* q) { return p->score.score > q->score.score; });
        for (const MatchPair* pair : by_score) {
            const auto x = people.find(pair->a);
            const auto y = people.find(pair->b);
            if (x != y && !kept_apart(people, x, y, true, scores)) people.join(x, y);
        }
        std::vector<std::uint32_t> root(spellings.size());
        for (std::uint32_t k = 0; k < spellings.size(); ++k) root[k] = people.find(k);
        return root;
    }
};

/// Keys under which two spellings may be one person; pairs sharing none are never compared.
std::vector<std::string> block_keys(const Spelling& spelling) {
    const PersonName& name = spelling.evidence.name;
    std::vector<std::string> keys;
    if (!spelling.evidence.email.empty()) keys.push_back("e:" + spelling.evidence.email);
    if (name.compact.empty()) return keys;
    keys.push_back("s:" + name.surname);
    keys.push_back("g:" + name.given);
    keys.push_back("p:" + name.compact.substr(0, 4));
    keys.push_back("x:" + name.compact.substr(name.compact.size() - std::min<std::size_t>(4, name.compact.size())));
    auto sorted = name.tokens;
    std::sort(sorted.begin(), sorted.end());
    std::string joined;
    for (const auto& token : sorted) joined += token + " ";
    keys.push_back("t:" + joined);
    return keys;
}

}  // namespace

SpellingKey spelling_key(const PersonRecord& record) {
    return {collapse_spaces(record.name), collapse_spaces(record.organisation),
            lower_ascii(collapse_spaces(record.email)), record.existing_id};
}

PersonMatching match_people(const std::vector<PersonRecord>& records, const std::vector<MatchDecision>& decisions,
                            const std::string& decisions_file, Diagnostics& diagnostics) {
    PersonMatching result;
    std::map<SpellingKey, std::vector<std::size_t>> grouped;
    for (std::size_t r = 0; r < records.size(); ++r) grouped[spelling_key(records[r])].push_back(r);
    std::map<SpellingKey, std::uint32_t> index;
    for (auto& [key, members] : grouped) {
        Spelling spelling;
        spelling.key = key;
        spelling.evidence = person_evidence(key.name, key.organisation, key.email);
        spelling.records = std::move(members);
        for (const auto r : spelling.records) spelling.lists.push_back(records[r].list);
        std::sort(spelling.lists.begin(), spelling.lists.end());
        spelling.lists.erase(std::unique(spelling.lists.begin(), spelling.lists.end()), spelling.lists.end());
        index[key] = static_cast<std::uint32_t>(result.spellings.size());
        result.spellings.push_back(std::move(spelling));
    }
    const auto& spellings = result.spellings;

    // Candidate pairs from the blocks, scored once.
    std::map<std::string, std::vector<std::uint32_t>> blocks;
    for (std::uint32_t k = 0; k < spellings.size(); ++k) {
        for (auto& key : block_keys(spellings[k])) blocks[std::move(key)].push_back(k);
    }
    PairSet compared;
    for (const auto& [key, members] : blocks) {
        for (std::size_t i = 0; i < members.size(); ++i) {
            for (std::size_t j = i + 1; j < members.size(); ++j) compared.insert(ordered(members[i], members[j]));
        }
    }

    // The user's decisions, by spelling.
    std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, const MatchDecision*>> decided;
    for (const auto& decision : decisions) {
        const auto a = index.find(decision.a);
        const auto b = index.find(decision.b);
        if (a == index.end() || b == index.end()) {
            const SpellingKey& missing = a == index.end() ? decision.a : decision.b;
            diagnostics.warning(decisions_file, decision.line,
                                "no list has \"" + missing.name + "\" with organisation \"" + missing.organisation +
                                    "\" and email \"" + missing.email + "\" any more; decision ignored");
            continue;
        }
        if (a->second == b->second) continue;
        const auto pair = ordered(a->second, b->second);
        compared.insert(pair);
        decided.emplace_back(pair, &decision);
    }

    std::vector<MatchPair> candidates;
    for (const auto& [a, b] : compared) {
        MatchPair pair;
        pair.a = a;
        pair.b = b;
        pair.score = score_pair(spellings[a].evidence, spellings[b].evidence);
        candidates.push_back(std::move(pair));
    }

    // A spelling the name rule would join to two spellings in conflict could be either person.
    {
        std::vector<std::vector<std::uint32_t>> partners(spellings.size());
        for (const auto& pair : candidates) {
            if (!pair.score.merge || pair.score.same_email) continue;
            partners[pair.a].push_back(pair.b);
            partners[pair.b].push_back(pair.a);
        }
        // Only the best-scored partners count: a spelling goes with the one it fits best.
        std::vector<bool> ambiguous(spellings.size(), false);
        for (std::uint32_t s = 0; s < spellings.size(); ++s) {
            auto& list = partners[s];
            double best = 0.0;
            for (const auto p : list)
                best = std::max(best, score_pair(spellings[s].evidence, spellings[p].evidence).score);
            std::erase_if(list, [&](std::uint32_t p) {
                return score_pair(spellings[s].evidence, spellings[p].evidence).score < best;
            });
            for (std::size_t i = 0; i < list.size() && !ambiguous[s]; ++i) {
                for (std::size_t j = i + 1; j < list.size() && !ambiguous[s]; ++j) {
                    ambiguous[s] = score_pair(spellings[list[i]].evidence, spellings[list[j]].evidence).conflict;
                }
            }
        }
        for (auto& pair : candidates) {
            pair.ambiguous = !pair.score.same_email && (ambiguous[pair.a] || ambiguous[pair.b]);
        }
    }

    // What bridgemap decides alone; then the decisions that differ from it.
    Clustering automatic{spellings, candidates, {}, {}};
    const auto alone = automatic.run(nullptr, decisions_file);
    Clustering with_user{spellings, candidates, {}, {}};
    for (const auto& [pair, decision] : decided) {
        const bool suggested = alone[pair.first] == alone[pair.second];
        if (decision->merge == suggested) continue;
        if (decision->merge) {
            with_user.user_merge.emplace_back(pair, decision->line);
        } else {
            with_user.user_separate.insert(pair);
        }
    }
    const auto root = with_user.run(&diagnostics, decisions_file);

    // People numbered by their first record.
    std::vector<std::uint32_t> first_record(spellings.size(), 0);
    std::map<std::uint32_t, std::size_t> first_of_root;
    for (std::uint32_t k = 0; k < spellings.size(); ++k) {
        const std::size_t first = spellings[k].records.front();
        auto [at, inserted] = first_of_root.emplace(root[k], first);
        if (!inserted) at->second = std::min(at->second, first);
    }
    std::vector<std::pair<std::size_t, std::uint32_t>> order;
    for (const auto& [r, first] : first_of_root) order.emplace_back(first, r);
    std::sort(order.begin(), order.end());
    std::map<std::uint32_t, std::uint32_t> person_of_root;
    for (const auto& [first, r] : order) person_of_root.emplace(r, static_cast<std::uint32_t>(person_of_root.size()));
    result.people = person_of_root.size();
    result.person_of_spelling.resize(spellings.size());
    result.person_of_record.resize(records.size());
    for (std::uint32_t k = 0; k < spellings.size(); ++k) {
        result.person_of_spelling[k] = person_of_root[root[k]];
        for (const auto r : spellings[k].records) result.person_of_record[r] = result.person_of_spelling[k];
    }

    PairSet decided_pairs;
    for (const auto& [pair, decision] : decided) decided_pairs.insert(pair);
    for (auto& pair : candidates) {
        pair.merged = root[pair.a] == root[pair.b];
        pair.suggested = alone[pair.a] == alone[pair.b];
        pair.by_user = decided_pairs.count({pair.a, pair.b}) && pair.merged != pair.suggested;
        if (pair.score.listed || pair.merged || pair.suggested || decided_pairs.count({pair.a, pair.b})) {
            result.pairs.push_back(std::move(pair));
        }
    }
    return result;
}

std::vector<MatchDecision> read_match_decisions(std::string_view text, const std::string& file,
                                                Diagnostics& diagnostics) {
    std::vector<MatchDecision> decisions;
    std::vector<CsvProblem> problems;
    const std::vector<std::string_view> wanted = {"decision", "name_a",  "name_b",  "organisation_a", "organisation_b",
                                                  "email_a",  "email_b", "lists_a", "lists_b"};
    std::vector<std::size_t> column(wanted.size(), SIZE_MAX);
    bool header = true;
    bool usable = true;
    parse_csv(
        text,
        [&](const CsvRecord& record) {
            if (header) {
                header = false;
                for (std::size_t f = 0; f < record.fields.size(); ++f) {
                    for (std::size_t w = 0; w < wanted.size(); ++w) {
                        if (record.fields[f] == wanted[w] && column[w] == SIZE_MAX) column[w] = f;
                    }
                }
                for (std::size_t w = 0; w < 7; ++w) {
                    if (column[w] == SIZE_MAX) {
                        diagnostics.error(file, record.line,
                                          "missing column \"" + std::string(wanted[w]) +
                                              "\": a matches file is the matches.csv that bridgemap import wrote");
                        usable = false;
                    }
                }
                return;
            }
            if (!usable) return;
            const auto field = [&](std::size_t w) -> std::string {
                return column[w] < record.fields.size() ? std::string(record.fields[column[w]]) : std::string();
            };
            const auto existing = [&](std::size_t w) -> std::string {
                const std::string lists = field(w);
                const std::string_view prefix = "existing member ";
                return lists.rfind(prefix, 0) == 0 ? lists.substr(prefix.size()) : std::string();
            };
            const std::string decision = lower_ascii(collapse_spaces(field(0)));
            if (decision != "merge" && decision != "separate") {
                diagnostics.error(file, record.line,
                                  "decision \"" + field(0) + "\": expected \"merge\" or \"separate\"");
                return;
            }
            MatchDecision row;
            row.merge = decision == "merge";
            row.line = record.line;
            row.a = spelling_key({field(1), field(3), field(5), "", existing(7), {}});
            row.b = spelling_key({field(2), field(4), field(6), "", existing(8), {}});
            decisions.push_back(std::move(row));
        },
        problems);
    for (const auto& problem : problems) {
        if (problem.is_error) {
            diagnostics.error(file, problem.line, problem.message);
        } else {
            diagnostics.warning(file, problem.line, problem.message);
        }
    }
    return decisions;
}

}  // namespace bridgemap::ingest
