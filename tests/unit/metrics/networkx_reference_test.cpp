// bridgemap's metrics against NetworkX's, on real data: the bundled example, a generated
// network and Davis's Southern Women. The reference values come from
// tests/reference/networkx_reference.py (committed with its output); a CTest entry re-runs
// that script to check the committed file is what NetworkX computes.

#include <bridgemap/ingest/csv_reader.hpp>
#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/io/atomic_file.hpp>
#include <bridgemap/metrics/analysis.hpp>

#include "support/test_network.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

namespace bridgemap {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const Json& reference() {
    static const Json values =
        Json::parse(io::read_file(fs::path(BRIDGEMAP_SOURCE_DIR) / "tests" / "reference" / "networkx_reference.json"));
    return values;
}

/// Agreement to 1e-6 relative; values that are mathematically 0 may differ by 1e-12.
::testing::AssertionResult close(double actual, const Json& expected) {
    if (expected.is_null()) {
        if (std::isnan(actual)) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "expected empty, got " << actual;
    }
    const double want = expected.get<double>();
    if (std::isnan(actual)) return ::testing::AssertionFailure() << "expected " << want << ", got empty";
    if (std::abs(actual - want) <= 1e-6 * std::max(std::abs(actual), std::abs(want)) + 1e-12) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "expected " << want << ", got " << actual << " (relative difference "
                                         << std::abs(actual - want) / std::max(std::abs(actual), std::abs(want)) << ")";
}

/// Davis, Gardner & Gardner's Southern Women, read from ../shared (not copied into the
/// project), with the same sector assignment as the reference script.
std::optional<Network> davis_network() {
    const fs::path folder = fs::path(BRIDGEMAP_DATASETS_DIR) / "davis-southern-women";
    if (!fs::exists(folder / "derived_edges.csv")) return std::nullopt;
    std::vector<std::string> women;
    const auto rows = [](const fs::path& path) {
        std::vector<std::vector<std::string>> records;
        std::vector<ingest::CsvProblem> problems;
        ingest::parse_csv(
            io::read_file(path),
            [&](const ingest::CsvRecord& r) { records.emplace_back(r.fields.begin(), r.fields.end()); }, problems);
        return records;
    };
    testing::TestNetwork builder;
    int index = 0;
    for (const auto& record : rows(folder / "derived_nodes.csv")) {
        if (record[2] != "woman") continue;
        ++index;
        builder.member(record[1], index <= 9 ? "group-a" : index <= 17 ? "group-b" : "");
    }
    std::map<std::string, std::vector<std::string>> attendees;
    for (const auto& record : rows(folder / "derived_edges.csv")) {
        if (record[0] != "woman") attendees[record[1]].push_back(record[0]);
    }
    Network network = builder.build();
    for (const auto& [event, names] : attendees) {
        const auto e = static_cast<EventIndex>(network.events.size());
        network.events.push_back({event, event, "", std::nullopt, "", k_none});
        for (const auto& name : names) network.attendance.push_back({network.find_member(name), e, 0});
    }
    network.index_ids();
    return network;
}

void compare_with_networkx(const Network& network, const Json& expected) {
    AnalysisOptions options;
    options.ties.max_setting_size = 0;  // SPEC §2: the reference values count every setting
    options.paths.mode = PathOptions::Mode::exact;
    const Analysis analysis = analyse(network, options);
    const TieGraph& graph = analysis.graph;

    // Members.
    ASSERT_EQ(network.members.size(), expected["members"].size());
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        const std::string& id = network.members[i].id;
        SCOPED_TRACE("member " + id);
        const Json& want = expected["members"].at(id);
        const auto member = static_cast<MemberIndex>(i);
        EXPECT_EQ(graph.degree(member), want["degree"].get<std::size_t>());
        EXPECT_TRUE(close(graph.strength(member), want["strength"])) << "strength";
        EXPECT_TRUE(close(analysis.paths.betweenness[i], want["betweenness"])) << "betweenness";
        EXPECT_TRUE(close(analysis.paths.closeness[i], want["closeness"])) << "closeness";
        EXPECT_TRUE(close(analysis.paths.harmonic[i], want["harmonic"])) << "harmonic";
        EXPECT_TRUE(close(analysis.paths.bridging[i], want["bridging"])) << "bridging";
        EXPECT_TRUE(close(analysis.eigenvector[i], want["eigenvector"])) << "eigenvector";
        EXPECT_TRUE(close(analysis.pagerank[i], want["pagerank"])) << "pagerank";
        EXPECT_TRUE(close(analysis.holes.constraint[i], want["constraint"])) << "constraint";
        EXPECT_TRUE(close(analysis.holes.effective_size[i], want["effective_size"])) << "effective_size";
        EXPECT_TRUE(close(analysis.holes.efficiency[i], want["efficiency"])) << "efficiency";
        EXPECT_TRUE(close(analysis.holes.hierarchy[i], want["hierarchy"])) << "hierarchy";
        EXPECT_TRUE(close(analysis.sector_scores.ei_index[i], want["ei_index"])) << "ei_index";
        EXPECT_TRUE(close(analysis.sector_scores.sector_diversity[i], want["sector_diversity"])) << "sector_diversity";
        EXPECT_EQ(analysis.sector_scores.cross_sector_ties[i], want["cross_sector_ties"].get<std::uint32_t>());
        EXPECT_EQ(analysis.brokerage.coordinator[i], want["brokerage_coordinator"].get<std::uint64_t>());
        EXPECT_EQ(analysis.brokerage.consultant[i], want["brokerage_consultant"].get<std::uint64_t>());
        EXPECT_EQ(analysis.brokerage.representative[i], want["brokerage_representative"].get<std::uint64_t>());
        EXPECT_EQ(analysis.brokerage.liaison[i], want["brokerage_liaison"].get<std::uint64_t>());
    }

    // Ties.
    ASSERT_EQ(graph.tie_count(), expected["ties"].size());
    for (TieIndex t = 0; t < graph.tie_count(); ++t) {
        const Tie& tie = graph.tie(t);
        std::string a = network.members[tie.source].id;
        std::string b = network.members[tie.target].id;
        if (b < a) std::swap(a, b);
        SCOPED_TRACE("tie " + a + " - " + b);
        const Json& want = expected["ties"].at(a + "|" + b);
        EXPECT_TRUE(close(tie.weight, want["weight"])) << "weight";
        const CrossSector cross = analysis.cross_sector[t];
        if (want["cross_sector"].is_null()) {
            EXPECT_EQ(cross, CrossSector::unknown);
        } else {
            EXPECT_EQ(cross == CrossSector::yes, want["cross_sector"].get<bool>());
        }
        EXPECT_EQ(analysis.tie_structure.embeddedness[t], want["embeddedness"].get<std::uint32_t>());
        EXPECT_TRUE(close(analysis.tie_structure.overlap[t], want["overlap"])) << "overlap";
        EXPECT_EQ(analysis.tie_structure.local_bridge[t] != 0, want["local_bridge"].get<bool>());
        if (want["span"].is_null()) {
            EXPECT_EQ(analysis.tie_structure.span[t], -1);
        } else {
            EXPECT_EQ(analysis.tie_structure.span[t], want["span"].get<int>());
        }
        EXPECT_EQ(analysis.connectivity.bridge[t] != 0, want["bridge"].get<bool>());
    }

    // The whole network.
    const Json& want = expected["network"];
    const SectorMixing& mixing = analysis.mixing;
    EXPECT_EQ(graph.member_count(), want["members"].get<std::size_t>());
    EXPECT_TRUE(close(analysis.density, want["density"])) << "density";
    EXPECT_EQ(analysis.connectivity.components(), want["components"].get<std::size_t>());
    EXPECT_TRUE(close(analysis.largest_component_share, want["largest_component_share"]));
    for (std::size_t s = 0; s < analysis.sectors.count(); ++s) {
        EXPECT_EQ(mixing.members[s], want["sectors"].at(analysis.sectors.names[s]).get<std::uint64_t>());
    }
    EXPECT_EQ(mixing.unknown_members, want["sectors"]["unknown"].get<std::uint64_t>());
    EXPECT_EQ(analysis.sectors.count() + 1, want["sectors"].size());
    EXPECT_TRUE(close(mixing.ei_index, want["ei_index"])) << "ei_index";
    EXPECT_TRUE(close(mixing.expected_ei_index, want["expected_ei_index"])) << "expected_ei_index";
    EXPECT_TRUE(close(mixing.assortativity, want["assortativity"])) << "assortativity";
    ASSERT_EQ(mixing.pairs.size(), want["mixing"].size());
    for (std::size_t k = 0; k < mixing.pairs.size(); ++k) {
        const auto& pair = mixing.pairs[k];
        const Json& entry = want["mixing"][k];
        EXPECT_EQ(analysis.sectors.names[pair.a], entry["sectors"][0].get<std::string>());
        EXPECT_EQ(analysis.sectors.names[pair.b], entry["sectors"][1].get<std::string>());
        EXPECT_EQ(pair.observed, entry["observed"].get<std::uint64_t>());
        EXPECT_TRUE(close(pair.expected, entry["expected"])) << "mixing expected";
        EXPECT_TRUE(close(pair.ratio, entry["ratio"])) << "mixing ratio";
    }
    ASSERT_EQ(mixing.reach.size(), want["reach"].size());
    for (std::size_t k = 0; k < mixing.reach.size(); ++k) {
        const auto& entry = mixing.reach[k];
        const Json& w = want["reach"][k];
        EXPECT_EQ(analysis.sectors.names[entry.from], w["from"].get<std::string>());
        EXPECT_EQ(analysis.sectors.names[entry.to], w["to"].get<std::string>());
        EXPECT_TRUE(close(entry.within_one, w["within_1_hop"])) << "reach 1";
        EXPECT_TRUE(close(entry.within_two, w["within_2_hops"])) << "reach 2";
    }
    EXPECT_EQ(analysis.connectivity.bridges, want["bridges"].get<std::size_t>());
    EXPECT_EQ(analysis.connectivity.articulation_points, want["articulation_points"].get<std::size_t>());
    // Leiden should find a partition at least as good as NetworkX's Louvain (best of five seeds).
    EXPECT_GE(analysis.communities.modularity, want["louvain_modularity"].get<double>() - 0.005);
}

TEST(NetworkxReference, BundledExample) {
    const auto result = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    ASSERT_FALSE(result.diagnostics.has_errors());
    compare_with_networkx(result.network, reference()["example"]);
}

TEST(NetworkxReference, GeneratedNetwork) {
    const auto result = ingest::read_network(fs::path(BRIDGEMAP_FIXTURES_DIR) / "generated-150");
    ASSERT_FALSE(result.diagnostics.has_errors());
    compare_with_networkx(result.network, reference()["generated"]);
}

TEST(NetworkxReference, DavisSouthernWomen) {
    const auto network = davis_network();
    // The public datasets sit beside the project (../shared); a missing copy is a failure, not a skip.
    ASSERT_TRUE(network.has_value()) << "Davis data not found under " << BRIDGEMAP_DATASETS_DIR;
    ASSERT_EQ(network->members.size(), 18u);
    ASSERT_EQ(network->attendance.size(), 89u);  // the DGG Figure 1 version
    compare_with_networkx(*network, reference()["davis"]);
}

}  // namespace
}  // namespace bridgemap
