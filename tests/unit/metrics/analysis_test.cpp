// analyse(): which metric families it computes, and the per-member metrics by name and by
// enum.

#include <bridgemap/metrics/analysis.hpp>

#include <bridgemap/error.hpp>

#include <bridgemap/generate/network_generator.hpp>

#include "support/test_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace bridgemap {
namespace {

constexpr MetricFamily k_every_family[] = {
    MetricFamily::paths,         MetricFamily::connectivity,     MetricFamily::eigenvector,
    MetricFamily::pagerank,      MetricFamily::structural_holes, MetricFamily::sector_scores,
    MetricFamily::brokerage,     MetricFamily::communities,      MetricFamily::participation,
    MetricFamily::tie_structure, MetricFamily::mixing,
};

// A path a1 – a2 – b1 – b2 (alpha, alpha, beta, beta) with a triangle a2 – b1 – c1
// (gamma), a2 – b1 of weight 2, and an isolate i (alpha): 5 ties among 6 members.
Network example() {
    struct Row {
        const char* id;
        const char* sector;
    };
    testing::TestNetwork network;
    for (const Row row : {Row{"a1", "alpha"}, Row{"a2", "alpha"}, Row{"b1", "beta"}, Row{"b2", "beta"},
                          Row{"c1", "gamma"}, Row{"i", "alpha"}}) {
        network.member(row.id, row.sector);
    }
    network.tie("a1", "a2").tie("a2", "b1", 2.0).tie("b1", "b2").tie("a2", "c1").tie("b1", "c1");
    return network.build();
}

/// Equal values, NaN equal to NaN.
void expect_same(const MemberScores& got, const MemberScores& want, const std::string& what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    for (std::size_t k = 0; k < want.size(); ++k) {
        EXPECT_TRUE(got[k] == want[k] || (std::isnan(got[k]) && std::isnan(want[k]))) << what << " " << k;
    }
}

TEST(MetricFamilies, SetOperations) {
    EXPECT_TRUE(MetricFamilies{}.empty());
    const MetricFamilies all = MetricFamilies::all();
    for (const MetricFamily family : k_every_family) EXPECT_TRUE(all.contains(family));
    const MetricFamilies two{MetricFamily::pagerank, MetricFamily::mixing};
    EXPECT_TRUE(two.contains(MetricFamily::pagerank));
    EXPECT_TRUE(two.contains(MetricFamily::mixing));
    EXPECT_FALSE(two.contains(MetricFamily::paths));
    EXPECT_EQ(MetricFamilies{}.add(MetricFamily::mixing).add(MetricFamily::pagerank), two);
    EXPECT_NE(two, all);
}

TEST(MetricFamilies, DependenciesAreAdded) {
    EXPECT_EQ(MetricFamilies{MetricFamily::eigenvector}.with_dependencies(),
              (MetricFamilies{MetricFamily::eigenvector, MetricFamily::connectivity}));
    EXPECT_EQ(MetricFamilies{MetricFamily::participation}.with_dependencies(),
              (MetricFamilies{MetricFamily::participation, MetricFamily::communities}));
    EXPECT_EQ(MetricFamilies{MetricFamily::paths}.with_dependencies(), MetricFamilies{MetricFamily::paths});
    EXPECT_EQ(MetricFamilies::all().with_dependencies(), MetricFamilies::all());
}

TEST(MemberMetricNames, InMembersCsvOrderAndParsedBack) {
    const std::vector<std::string>& names = member_metric_names();
    ASSERT_EQ(names.size(), 20u);
    // members.csv order: the degree first, the path metrics third to fifth, bridging and the
    // cross-sector ties last.
    EXPECT_EQ(names[0], "degree");
    EXPECT_EQ(names[2], "betweenness");
    EXPECT_EQ(names[4], "harmonic");
    EXPECT_EQ(names[13], "participation");
    EXPECT_EQ(names[18], "bridging");
    EXPECT_EQ(names[19], "cross_sector_ties");
    for (std::size_t k = 0; k < names.size(); ++k) {
        const MemberMetric metric = parse_member_metric(names[k]);
        EXPECT_EQ(static_cast<std::size_t>(metric), k) << names[k];
        EXPECT_EQ(member_metric_name(metric), names[k]);
    }
    EXPECT_EQ(parse_member_metric("bridging"), MemberMetric::bridging);
    EXPECT_EQ(parse_member_metric("effective_size"), MemberMetric::effective_size);
    EXPECT_EQ(parse_member_metric("cross_sector_ties"), MemberMetric::cross_sector_ties);
}

TEST(ParseMemberMetric, UnknownNamesListTheMetrics) {
    // Every name, in order, after "the metrics are ".
    std::string known;
    for (const std::string& name : member_metric_names()) known += (known.empty() ? "" : ", ") + name;
    EXPECT_EQ(known.rfind("degree, strength, betweenness, ", 0), 0u);
    try {
        parse_member_metric("fame");
        ADD_FAILURE() << "no exception";
    } catch (const RequestError& error) {
        EXPECT_EQ(std::string(error.what()), "unknown metric \"fame\"; the metrics are " + known);
    }
    try {
        parse_member_metric("Degree", "--size");  // names are case-sensitive
        ADD_FAILURE() << "no exception";
    } catch (const RequestError& error) {
        EXPECT_EQ(std::string(error.what()), "unknown metric \"Degree\" for --size; the metrics are " + known);
    }
    EXPECT_THROW(parse_member_metric(""), RequestError);
}

TEST(FamilyOf, EachMetricsFamily) {
    EXPECT_EQ(family_of(MemberMetric::degree), std::nullopt);
    EXPECT_EQ(family_of(MemberMetric::strength), std::nullopt);
    for (const MemberMetric m :
         {MemberMetric::betweenness, MemberMetric::closeness, MemberMetric::harmonic, MemberMetric::bridging}) {
        EXPECT_EQ(family_of(m), MetricFamily::paths);
    }
    EXPECT_EQ(family_of(MemberMetric::eigenvector), MetricFamily::eigenvector);
    EXPECT_EQ(family_of(MemberMetric::pagerank), MetricFamily::pagerank);
    for (const MemberMetric m :
         {MemberMetric::constraint, MemberMetric::effective_size, MemberMetric::efficiency, MemberMetric::hierarchy}) {
        EXPECT_EQ(family_of(m), MetricFamily::structural_holes);
    }
    for (const MemberMetric m :
         {MemberMetric::ei_index, MemberMetric::sector_diversity, MemberMetric::cross_sector_ties}) {
        EXPECT_EQ(family_of(m), MetricFamily::sector_scores);
    }
    EXPECT_EQ(family_of(MemberMetric::participation), MetricFamily::participation);
    for (const MemberMetric m : {MemberMetric::brokerage_coordinator, MemberMetric::brokerage_consultant,
                                 MemberMetric::brokerage_representative, MemberMetric::brokerage_liaison}) {
        EXPECT_EQ(family_of(m), MetricFamily::brokerage);
    }
}

TEST(MemberMetric, HandDerivedValues) {
    const Network network = example();
    const Analysis analysis = analyse(network, {});
    // Degrees and strengths by member: a1 1, a2 3 (1 + 2 + 1), b1 3 (2 + 1 + 1), b2 1, c1 2, i 0.
    EXPECT_EQ(member_metric(analysis, MemberMetric::degree), (MemberScores{1, 3, 3, 1, 2, 0}));
    EXPECT_EQ(member_metric(analysis, MemberMetric::strength), (MemberScores{1, 4, 4, 1, 2, 0}));
    // Cross-sector ties: a2 has b1 and c1, b1 has a2 and c1, c1 has both; a1, b2 and i none.
    EXPECT_EQ(member_metric(analysis, MemberMetric::cross_sector_ties), (MemberScores{0, 2, 2, 0, 2, 0}));
    EXPECT_EQ(member_metric(analysis, MemberMetric::bridging), analysis.paths.bridging);
    EXPECT_EQ(member_metric(analysis, MemberMetric::brokerage_liaison),
              MemberScores(analysis.brokerage.liaison.begin(), analysis.brokerage.liaison.end()));
    // The isolate has no constraint.
    EXPECT_TRUE(std::isnan(member_metric(analysis, MemberMetric::constraint)[5]));
}

TEST(Analyse, OnlyTheFamiliesAskedForAndTheirDependencies) {
    const Network network = example();
    AnalysisOptions options;
    options.families = {MetricFamily::eigenvector, MetricFamily::participation};
    const Analysis some = analyse(network, options);
    EXPECT_EQ(some.families, (MetricFamilies{MetricFamily::eigenvector, MetricFamily::connectivity,
                                             MetricFamily::participation, MetricFamily::communities}));
    // Always: the graph, the sectors, the density 2·5 / (6·5) = 1/3.
    EXPECT_EQ(some.graph.tie_count(), 5u);
    EXPECT_EQ(some.sectors.count(), 3u);
    EXPECT_DOUBLE_EQ(some.density, 1.0 / 3.0);
    // Computed: the same as when every family is.
    const Analysis all = analyse(network, {});
    expect_same(some.eigenvector, all.eigenvector, "eigenvector");
    expect_same(some.participation, all.participation, "participation");
    EXPECT_EQ(some.communities.of_member, all.communities.of_member);
    EXPECT_EQ(some.connectivity.sizes, all.connectivity.sizes);
    // Largest component: 5 of 6 members.
    EXPECT_DOUBLE_EQ(some.largest_component_share, 5.0 / 6.0);
    // Not computed: empty.
    EXPECT_TRUE(some.paths.bridging.empty());
    EXPECT_TRUE(some.pagerank.empty());
    EXPECT_TRUE(some.holes.constraint.empty());
    EXPECT_TRUE(some.sector_scores.ei_index.empty());
    EXPECT_TRUE(some.brokerage.liaison.empty());
    EXPECT_TRUE(some.tie_structure.local_bridge.empty());
    EXPECT_TRUE(some.cross_sector.empty());
    EXPECT_TRUE(some.mixing.pairs.empty());
    // Metrics of families not computed are refused, those computed and degree given.
    EXPECT_THROW(member_metric(some, MemberMetric::bridging), Error);
    EXPECT_THROW(member_metric(some, MemberMetric::brokerage_liaison), Error);
    expect_same(member_metric(some, MemberMetric::eigenvector), all.eigenvector, "eigenvector");
    EXPECT_EQ(member_metric(some, MemberMetric::degree), (MemberScores{1, 3, 3, 1, 2, 0}));
    // One timing per step run: the projection and the four families.
    EXPECT_EQ(some.timings.size(), 5u);
    EXPECT_EQ(all.timings.size(), 1u + k_metric_family_count);
}

TEST(Analyse, NoFamiliesGivesTheGraphOnly) {
    const Network network = example();
    AnalysisOptions options;
    options.families = {};
    const Analysis none = analyse(network, options);
    EXPECT_TRUE(none.families.empty());
    EXPECT_EQ(none.graph.tie_count(), 5u);
    EXPECT_DOUBLE_EQ(none.largest_component_share, 0.0);  // connectivity not computed
    EXPECT_TRUE(none.communities.of_member.empty());
    EXPECT_EQ(member_metric(none, MemberMetric::strength), (MemberScores{1, 4, 4, 1, 2, 0}));
}

TEST(Analyse, EachFamilyAloneGivesWhatTheFullAnalysisGives) {
    const Network network = example();
    const Analysis all = analyse(network, {});
    for (const MemberMetric metric : {MemberMetric::bridging, MemberMetric::betweenness, MemberMetric::pagerank,
                                      MemberMetric::constraint, MemberMetric::ei_index, MemberMetric::participation,
                                      MemberMetric::brokerage_coordinator, MemberMetric::eigenvector}) {
        AnalysisOptions options;
        options.families = {*family_of(metric)};
        const Analysis one = analyse(network, options);
        expect_same(member_metric(one, metric), member_metric(all, metric), member_metric_name(metric));
    }
}

TEST(Analyse, ReportsEachStageAndTheSourcesDoneFromTheCallingThread) {
    // 300 members: the path stage is exact (300 sources, in blocks of 32 over 2 threads).
    generate::GeneratorOptions generator;
    generator.members = 300;
    const Network network = generate::generate_network(generator);
    struct Call {
        std::string stage;
        std::size_t done;
        std::size_t total;
        std::thread::id thread;
    };
    std::vector<Call> calls;
    AnalysisOptions options;
    options.threads = 2;
    options.progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
        calls.push_back({std::string(stage), done, total, std::this_thread::get_id()});
    };
    const Analysis reported = analyse(network, options);

    // Every stage is announced (total 0) as it starts, in the order of the timings.
    std::vector<std::string> announced;
    for (const Call& call : calls) {
        EXPECT_EQ(call.thread, std::this_thread::get_id()) << call.stage;
        if (call.total == 0) announced.push_back(call.stage);
    }
    std::vector<std::string> timed;
    for (const auto& [stage, seconds] : reported.timings) timed.push_back(stage);
    EXPECT_EQ(announced, timed);

    // The path stage counts its sources up from 0 to all 300.
    const std::string paths = "betweenness, closeness, harmonic, bridging";
    std::vector<std::size_t> done;
    for (const Call& call : calls) {
        if (call.total == 0) continue;
        EXPECT_EQ(call.stage, paths);
        EXPECT_EQ(call.total, 300u);
        done.push_back(call.done);
    }
    ASSERT_GE(done.size(), 3u);  // the start, at least one block, the end
    EXPECT_EQ(done.front(), 0u);
    EXPECT_EQ(done.back(), 300u);
    EXPECT_TRUE(std::is_sorted(done.begin(), done.end()));

    // Reporting changes nothing.
    options.progress = {};
    const Analysis quiet = analyse(network, options);
    for (std::size_t k = 0; k < member_metric_names().size(); ++k) {
        const auto metric = static_cast<MemberMetric>(k);
        expect_same(member_metric(reported, metric), member_metric(quiet, metric), member_metric_name(metric));
    }
    EXPECT_EQ(reported.communities.of_member, quiet.communities.of_member);
    EXPECT_EQ(reported.cross_sector, quiet.cross_sector);
    EXPECT_EQ(reported.paths.method, quiet.paths.method);
    EXPECT_EQ(reported.mixing.ei_index, quiet.mixing.ei_index);
}

}  // namespace
}  // namespace bridgemap
