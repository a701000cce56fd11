#pragma once
// Everything `bridgemap analyse` computes, in one call: the tie graph of a (windowed)
// network and every metric of SPEC §3 for its members, its ties and the whole network.

#include <bridgemap/metrics/brokerage.hpp>
#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/metrics/path_centrality.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/metrics/structural_holes.hpp>
#include <bridgemap/metrics/tie_structure.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap {

struct AnalysisOptions {
    TieOptions ties;
    PathOptions paths;
    CommunityOptions communities;
    unsigned threads = 0;  ///< 0: every core. Results never depend on it.
};

/// Whether a tie joins two sectors: unknown when either end's sector is unknown.
enum class CrossSector : std::int8_t { unknown = -1, no = 0, yes = 1 };

struct Analysis {
    TieGraph graph;
    Sectors sectors;

    // Per member.
    PathCentrality paths;  ///< betweenness, closeness, harmonic, bridging (+ how they were computed)
    MemberScores eigenvector;
    MemberScores pagerank;
    StructuralHoles holes;
    MemberSectorScores sector_scores;
    BrokerageRoles brokerage;
    Communities communities;
    MemberScores participation;
    Connectivity connectivity;

    // Per tie.
    TieStructure tie_structure;
    std::vector<CrossSector> cross_sector;

    // Whole network.
    SectorMixing mixing;
    double density = 0.0;  ///< 2m / (n(n−1)); 0 when n < 2.
    /// Wall-clock seconds per stage, in the order run ("ties", "paths", ...). For --timings
    /// and the benchmarks only: they vary from run to run and are never written to outputs.
    std::vector<std::pair<std::string, double>> timings;
    double largest_component_share = 0.0;  ///< Largest component's members / n; 0 when n = 0.
};

/// The names of the per-member metrics member_metric() knows, in members.csv order.
const std::vector<std::string>& member_metric_names();

/// One per-member metric by its members.csv column name ("bridging", "degree", ...), as
/// numbers (NaN where not defined). Throws RequestError naming the known metrics when
/// `name` is not one of them. O(members).
MemberScores member_metric(const Analysis& analysis, std::string_view name);

/// Projects `network` (already seen through its window) into a tie graph and computes every
/// metric. Members and ties keep the network's member indices and the graph's tie indices.
/// An empty network gives empty results. Time dominated by path_centrality.
Analysis analyse(const Network& network, const AnalysisOptions& options);

}  // namespace bridgemap
