#!/usr/bin/python3
"""Times the metrics bridgemap computes against NetworkX and python-igraph on the same graph.

    bench/compare_libraries.py ANALYSE_OUT_DIR BRIDGEMAP_BINARY NETWORK_DIR

ANALYSE_OUT_DIR holds the ties.csv that `bridgemap analyse` wrote for NETWORK_DIR: the tie
graph (weights w, path lengths 1/w) that all three libraries then work on. bridgemap's own
time per stage comes from `bridgemap analyse --timings` (both cores; the others use one).

NetworkX is too slow to run every metric in full on a network of this size within a
benchmark, so where it says "extrapolated", NetworkX ran on a sample (betweenness from k
sources with its own `k` option, scaled by n/k; closeness, harmonic, constraint and
effective size on a sample of members, scaled by n/sample), which is how long the full run
would take since each source or member costs about the same. Everything else ran in full.
"""

import csv
import os
import random
import re
import subprocess
import sys
import time

import igraph
import networkx as nx


def load(folder):
    with open(os.path.join(folder, "members.csv"), newline="", encoding="utf-8") as f:
        members = [row["id"] for row in csv.DictReader(f)]
    with open(os.path.join(folder, "ties.csv"), newline="", encoding="utf-8") as f:
        ties = [(row["source"], row["target"], float(row["weight"])) for row in csv.DictReader(f)]
    return members, ties


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def bridgemap_stages(binary, network):
    result = subprocess.run([binary, "analyse", network, "--format", "json", "--timings", "--exact"],
                            capture_output=True, text=True, check=True)
    stages = {}
    for line in result.stderr.splitlines():
        match = re.match(r"\s*([0-9.]+) s  (.*)", line)
        if match:
            stages[match.group(2)] = float(match.group(1))
    return stages


def main():
    out_dir, binary, network = sys.argv[1:4]
    members, ties = load(out_dir)
    n = len(members)
    G = nx.Graph()
    G.add_nodes_from(members)
    for a, b, w in ties:
        G.add_edge(a, b, weight=w, distance=1.0 / w)
    index = {m: i for i, m in enumerate(members)}
    H = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b, _ in ties])
    weights = [w for _, _, w in ties]
    lengths = [1.0 / w for w in weights]
    rng = random.Random(1)
    sample = rng.sample(members, min(n, 40))
    k = min(n, 40)

    ours = bridgemap_stages(binary, network)
    rows = []

    def row(name, our_stage, nx_seconds, nx_note, ig_seconds):
        rows.append((name, ours[our_stage], nx_seconds, nx_note, ig_seconds))

    nx_between = timed(lambda: nx.betweenness_centrality(G, k=k, weight="distance", seed=1)) * n / k
    ig_between = timed(lambda: H.betweenness(weights=lengths))
    nx_close = timed(lambda: [nx.closeness_centrality(G, u=v, distance="distance") for v in sample]) * n / len(sample)
    nx_harm = timed(lambda: nx.harmonic_centrality(G, nbunch=sample, distance="distance")) * n / len(sample)
    ig_close = timed(lambda: (H.closeness(weights=lengths), H.harmonic_centrality(weights=lengths)))
    row("betweenness + closeness + harmonic", "betweenness, closeness, harmonic, bridging",
        nx_between + nx_close + nx_harm, "extrapolated", ig_between + ig_close)
    row("eigenvector", "eigenvector",
        timed(lambda: nx.eigenvector_centrality(G, weight="weight", max_iter=1000)), "", 
        timed(lambda: H.eigenvector_centrality(weights=weights)))
    row("pagerank", "pagerank", timed(lambda: nx.pagerank(G, weight="weight")), "",
        timed(lambda: H.pagerank(weights=weights)))
    nx_holes = (timed(lambda: nx.constraint(G, nodes=sample, weight="weight")) +
                timed(lambda: nx.effective_size(G, nodes=sample, weight="weight"))) * n / len(sample)
    row("constraint + effective size", "constraint, effective size, efficiency, hierarchy", nx_holes, "extrapolated",
        timed(lambda: H.constraint(weights=weights)))
    row("communities (NetworkX: Louvain; igraph, bridgemap: Leiden)", "communities (Leiden), participation",
        timed(lambda: nx.community.louvain_communities(G, weight="weight", seed=1)), "",
        timed(lambda: H.community_leiden(objective_function="modularity", weights=weights, n_iterations=-1)))
    row("components + articulation points", "components, articulation points",
        timed(lambda: (list(nx.connected_components(G)), list(nx.articulation_points(G)))), "",
        timed(lambda: (H.connected_components(), H.articulation_points())))
    row("local bridges, span, bridges, embeddedness", "embeddedness, overlap, local bridges, span, bridges",
        timed(lambda: (list(nx.local_bridges(G, with_span=True)), list(nx.bridges(G)))), "",
        timed(lambda: H.bridges()))

    print(f"  {n} members, {len(ties)} ties (exact path metrics)")
    print(f"  {'metric':58} {'bridgemap':>10} {'NetworkX':>11} {'ratio':>8} {'igraph':>9} {'ratio':>7}")
    for name, our, nx_s, note, ig_s in rows:
        mark = "*" if note else " "
        print(f"  {name:58} {our:9.3f}s {nx_s:10.2f}s{mark} {nx_s / max(our, 1e-4):7.0f}x {ig_s:8.3f}s "
              f"{ig_s / max(our, 1e-4):6.1f}x")
    print("  * extrapolated from a sample (see the script's docstring); ratio = their time / bridgemap's")


if __name__ == "__main__":
    main()
