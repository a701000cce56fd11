#include "support/igraph_graph.hpp"

namespace bridgemap::testing {

IgraphGraph::IgraphGraph(const TieGraph& ties) : weights_(static_cast<igraph_integer_t>(ties.tie_count())) {
    graph::IgraphIntVector edges(static_cast<igraph_integer_t>(2 * ties.tie_count()));
    for (std::size_t k = 0; k < ties.tie_count(); ++k) {
        const Tie& tie = ties.tie(static_cast<TieIndex>(k));
        VECTOR(*edges.get())[2 * k] = tie.source;
        VECTOR(*edges.get())[2 * k + 1] = tie.target;
        VECTOR(*weights_.get())[k] = tie.weight;
    }
    graph::check(
        igraph_create(&graph_, edges.get(), static_cast<igraph_integer_t>(ties.member_count()), IGRAPH_UNDIRECTED),
        "building the graph");
}

IgraphGraph::~IgraphGraph() {
    igraph_destroy(&graph_);
}

}  // namespace bridgemap::testing
