#pragma once
// For tests only: igraph as an oracle. The tie graph copied into an igraph graph; the
// wrappers of igraph's vectors and matrices, check() and seeding are core's
// (core/src/graph/igraph_handle.hpp).

#include <bridgemap/ties/tie_graph.hpp>

#include "graph/igraph_handle.hpp"

#include <igraph.h>

namespace bridgemap::testing {

/// An undirected igraph copy of a tie graph: vertex i is member i, edge k is tie k, and
/// weights() holds the tie weights by edge. O(members + ties).
class IgraphGraph {
public:
    explicit IgraphGraph(const TieGraph& ties);
    ~IgraphGraph();
    IgraphGraph(const IgraphGraph&) = delete;
    IgraphGraph& operator=(const IgraphGraph&) = delete;
    const igraph_t* get() const noexcept { return &graph_; }
    const igraph_vector_t* weights() const noexcept { return weights_.get(); }

private:
    igraph_t graph_;
    graph::IgraphRealVector weights_;
};

}  // namespace bridgemap::testing
