#pragma once
// Everything `bridgemap analyse` computes, in one call: the tie graph of a (windowed)
// network and every metric of SPEC §3 for its members, its ties and the whole network, or
// only the families of metrics a caller asks for (a map needs a few of them).

#include <bridgemap/metrics/brokerage.hpp>
#include <bridgemap/metrics/communities.hpp>
#include <bridgemap/metrics/connectivity.hpp>
#include <bridgemap/metrics/path_centrality.hpp>
#include <bridgemap/metrics/scores.hpp>
#include <bridgemap/metrics/sector_mixing.hpp>
#include <bridgemap/metrics/structural_holes.hpp>
#include <bridgemap/metrics/tie_structure.hpp>
#include <bridgemap/model/network.hpp>
#include <bridgemap/progress.hpp>
#include <bridgemap/ties/projection.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridgemap {

/// The families of metrics analyse() computes, one per step of Analysis::timings. The tie
/// graph, the sectors and the density are always computed.
enum class MetricFamily : std::uint8_t {
    paths,             ///< Analysis::paths: betweenness, closeness, harmonic, bridging.
    connectivity,      ///< Analysis::connectivity and largest_component_share.
    eigenvector,       ///< Analysis::eigenvector; needs connectivity.
    pagerank,          ///< Analysis::pagerank.
    structural_holes,  ///< Analysis::holes: constraint, effective size, efficiency, hierarchy.
    sector_scores,     ///< Analysis::sector_scores: E-I index, sector diversity, cross-sector ties.
    brokerage,         ///< Analysis::brokerage: Gould–Fernandez roles.
    communities,       ///< Analysis::communities (Leiden).
    participation,     ///< Analysis::participation; needs communities.
    tie_structure,     ///< Analysis::tie_structure and Analysis::cross_sector (per tie).
    mixing,            ///< Analysis::mixing: sector mixing, reach, assortativity.
};

inline constexpr std::size_t k_metric_family_count = 11;

/// A set of metric families (a bit set). Default-constructed it is empty.
class MetricFamilies {
public:
    constexpr MetricFamilies() noexcept = default;
    constexpr MetricFamilies(std::initializer_list<MetricFamily> families) noexcept {
        for (const MetricFamily family : families) add(family);
    }
    /// Every family.
    [[nodiscard]] static constexpr MetricFamilies all() noexcept {
        MetricFamilies families;
        families.bits_ = static_cast<std::uint16_t>((1u << k_metric_family_count) - 1u);
        return families;
    }
    constexpr MetricFamilies& add(MetricFamily family) noexcept {
        bits_ = static_cast<std::uint16_t>(bits_ | bit(family));
        return *this;
    }
    [[nodiscard]] constexpr bool contains(MetricFamily family) const noexcept { return (bits_ & bit(family)) != 0; }
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
    /// These families and the families they need: eigenvector needs connectivity,
    /// participation needs communities.
    [[nodiscard]] constexpr MetricFamilies with_dependencies() const noexcept {
        MetricFamilies families = *this;
        if (contains(MetricFamily::eigenvector)) families.add(MetricFamily::connectivity);
        if (contains(MetricFamily::participation)) families.add(MetricFamily::communities);
        return families;
    }
    friend constexpr bool operator==(MetricFamilies, MetricFamilies) noexcept = default;

private:
    [[nodiscard]] static constexpr std::uint16_t bit(MetricFamily family) noexcept {
        return static_cast<std::uint16_t>(1u << static_cast<unsigned>(family));
    }
    std::uint16_t bits_ = 0;
};

struct AnalysisOptions {
    TieOptions ties;
    PathOptions paths;
    CommunityOptions communities;
    unsigned threads = 0;  ///< 0: every core. Results never depend on it.
    /// The families to compute; the families they need are added (with_dependencies()).
    /// Each family's values do not depend on which others are computed.
    MetricFamilies families = MetricFamilies::all();
    /// Told each stage as it starts (the names of Analysis::timings), and the sources done of
    /// the shortest-path stage, from the calling thread (empty: never). Never changes a result.
    ProgressReport progress;
};

/// Whether a tie joins two sectors: unknown when either end's sector is unknown.
enum class CrossSector : std::int8_t { unknown = -1, no = 0, yes = 1 };

/// Families not computed (AnalysisOptions::families) are left as default-constructed
/// values: empty vectors, zero counts.
struct Analysis {
    TieGraph graph;
    Sectors sectors;
    /// The families computed: AnalysisOptions::families with their dependencies.
    MetricFamilies families;

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
    /// Largest component's members / n; 0 when n = 0 or connectivity was not computed.
    double largest_component_share = 0.0;
};

/// The per-member metrics, in members.csv order (the order of member_metric_names()).
enum class MemberMetric : std::uint8_t {
    degree,
    strength,
    betweenness,
    closeness,
    harmonic,
    eigenvector,
    pagerank,
    constraint,
    effective_size,
    efficiency,
    hierarchy,
    ei_index,
    sector_diversity,
    participation,
    brokerage_coordinator,
    brokerage_consultant,
    brokerage_representative,
    brokerage_liaison,
    bridging,
    cross_sector_ties,
};

/// The names of the per-member metrics (their members.csv column names), in members.csv
/// order: member_metric_names()[k] names MemberMetric k.
const std::vector<std::string>& member_metric_names();

/// The members.csv column name of `metric` ("bridging", "degree", ...).
const std::string& member_metric_name(MemberMetric metric);

/// The metric named `name` (a members.csv column name). Throws RequestError naming every
/// metric when `name` is none of them: `unknown metric "NAME"; the metrics are ...`, or
/// with `option` (say "--size") `unknown metric "NAME" for --size; the metrics are ...`.
MemberMetric parse_member_metric(std::string_view name, std::string_view option = {});

/// The family that computes `metric`; none for degree and strength, which the tie graph
/// gives by itself.
std::optional<MetricFamily> family_of(MemberMetric metric) noexcept;

/// One per-member metric as numbers (NaN where not defined), by member index. Throws
/// bridgemap::Error when `analysis` did not compute its family. O(members).
MemberScores member_metric(const Analysis& analysis, MemberMetric metric);

/// Projects `network` (already seen through its window) into a tie graph and computes the
/// families of options.families and those they need (every metric by default). Members and
/// ties keep the network's member indices and the graph's tie indices. An empty network
/// gives empty results. Time dominated by path_centrality when paths are computed.
Analysis analyse(const Network& network, const AnalysisOptions& options);

}  // namespace bridgemap
