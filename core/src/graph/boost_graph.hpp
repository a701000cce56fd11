#pragma once
// Private: the tie graph as a Boost.Graph adjacency list (vertex i is member i, edge k is
// tie k with its weight), for the algorithms taken from Boost.Graph and for tests that
// check one library against the other.

#include <bridgemap/ties/tie_graph.hpp>

#include <boost/graph/adjacency_list.hpp>

namespace bridgemap::graph {

using BoostGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
    boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, std::size_t>>>;

/// Copies `ties` into a Boost.Graph. O(members + ties).
inline BoostGraph to_boost_graph(const TieGraph& ties) {
    BoostGraph graph(ties.member_count());
    for (std::size_t k = 0; k < ties.tie_count(); ++k) {
        const Tie& tie = ties.tie(static_cast<TieIndex>(k));
        boost::add_edge(
            tie.source, tie.target,
            boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, std::size_t>>(tie.weight,
                                                                                                             k),
            graph);
    }
    return graph;
}

}  // namespace bridgemap::graph
