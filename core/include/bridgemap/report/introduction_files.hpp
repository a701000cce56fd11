#pragma once
// What `bridgemap introduce` writes: the ranked list as text for the screen, as CSV (--out)
// and as JSON (--format json), and the reason line of each introduction, which the HTML
// report's introductions section shows too (docs/introductions.md).

#include <bridgemap/model/network.hpp>
#include <bridgemap/model/window.hpp>
#include <bridgemap/recommend/introductions.hpp>

#include <optional>
#include <string>

namespace bridgemap::report {

/// Everything introduce computed, ready to write.
struct IntroductionReport {
    const Network* network = nullptr;  ///< Seen through its window, as the plan was made from it.
    IntroductionOptions request;       ///< What was asked for.
    IntroductionPlan plan;
    BridgingMeasures after;                            ///< With all the plan's introductions made.
    std::optional<IntroductionEvaluation> evaluation;  ///< --evaluate.
    std::string data;                                  ///< The network folder or file, as given.
    Window window;                                     ///< --from/--until.
};

/// Why `introduction` is suggested, in one line of plain words made from its facts: the weaker
/// direction of its pair of groups and how few of that group are tied to the other ("links
/// public to grassroots, where only 2 of 9 public members have a tie to the grassroots
/// sector"), what it adds (groups newly within two steps of a or b, else contacts gaining a
/// two-step route, else which contact in the other group each gains: "a second contact"),
/// and what they share but a tie (the last event both attended, with its date and size, and
/// how many others; else a group, an organisation, a place). `plan` gives the group names;
/// request.across says sectors or communities, and request.ties.max_setting_size whether
/// large settings tie nobody ("but never in a small group") or every setting ties ("but have
/// no tie"). O(length of the names).
std::string introduction_reason(const Network& network, const IntroductionPlan& plan,
                                const IntroductionOptions& request, const Introduction& introduction);

/// The gain of `introduction` in words: whom it gives a first (or an n-th) contact in the
/// other group, and how many direct ties the two groups would then have ("gives Andy Mycock a
/// first contact in the public sector; the public and academic sectors would then have 3
/// direct ties"). The score stays in the gain column.
std::string introduction_gain(const Network& network, const IntroductionPlan& plan, const IntroductionOptions& request,
                              const Introduction& introduction);

/// The list a convenor reads on the screen: the network's bridging before, each introduction
/// (both members with sector, community and organisation, gain, introducer, reason, what they
/// share), the score after all of them, and the evaluation table when there is one. Columns
/// are aligned by display width.
std::string introductions_text(const IntroductionReport& report);

/// One row per introduction, by rank: rank, member_a, member_b, sector_a, sector_b,
/// introducer, gain, reason, name_a, name_b, organisation_a, organisation_b, introducer_name,
/// shared_events, shared_groups, shared_places, shared_organisations (ids joined by ';'),
/// direct_gains, two_step_gains, members_gaining, and community_a, community_b (from 1) when
/// across communities.
std::string introductions_csv(const IntroductionReport& report);

/// The whole result as one JSON document: data, window, across, tie_model, settings, the
/// measures before and after, the introductions (members, introducer, gain, shared settings,
/// reason) and the evaluation when there is one. Undefined measures are null.
std::string introductions_json(const IntroductionReport& report);

/// A mail-merge file (`introduce --emails`), one row per introduction: to (the introducer's
/// `email` column; empty without an introducer or an address), cc, subject and body (a double
/// opt-in draft in plain words: who, why, what they share, and to ask each first), then rank and
/// the ids of introducer, member_a and member_b.
std::string introduction_emails_csv(const IntroductionReport& report, const std::string& cc);

/// The introductions as A4 pages to print from a browser (`introduce --print`): one box per
/// introduction with both people (organisation, sector, region, last seen), the introducer,
/// the gain and reason in words, what they share, and tick boxes; two introductions to an A4
/// page (⌈k/2⌉ pages, at least one); offline, no script.
std::string introductions_print_html(const IntroductionReport& report, const std::string& title);

}  // namespace bridgemap::report
