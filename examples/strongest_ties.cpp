// Reads a network folder, builds its tie graph and prints the strongest ties that cross
// sectors: the library's read -> project path in thirty lines.
//
//   example_strongest_ties data/betterway-2017-2018

#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/ties/projection.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: example_strongest_ties NETWORK_FOLDER\n";
        return 2;
    }
    const auto result = bridgemap::ingest::read_network(argv[1]);
    for (const auto& problem : result.diagnostics.all()) std::cerr << format_diagnostic(problem) << "\n";
    if (result.diagnostics.has_errors()) return 3;
    const bridgemap::Network& network = result.network;
    const bridgemap::TieGraph graph = bridgemap::project_ties(network, {});

    std::vector<bridgemap::Tie> across;
    for (const auto& tie : graph.ties()) {
        const auto a = network.members[tie.source].sector;
        const auto b = network.members[tie.target].sector;
        if (a != bridgemap::k_unknown_sector && b != bridgemap::k_unknown_sector && a != b) across.push_back(tie);
    }
    std::stable_sort(across.begin(), across.end(), [](const auto& x, const auto& y) { return x.weight > y.weight; });
    std::cout << network.members.size() << " members, " << graph.tie_count() << " ties, " << across.size()
              << " across sectors.\nStrongest ties across sectors:\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(5, across.size()); ++k) {
        const auto& source = network.members[across[k].source];
        const auto& target = network.members[across[k].target];
        std::printf("  %.3f  %s (%s) - %s (%s), %u shared events\n", across[k].weight, source.display_name().c_str(),
                    std::string(network.sector_name(source.sector)).c_str(), target.display_name().c_str(),
                    std::string(network.sector_name(target.sector)).c_str(), across[k].provenance.events);
    }
    return 0;
}
