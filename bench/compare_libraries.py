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
Communities: bridgemap's Leiden iterates until no member moves. python-igraph's
n_iterations=-1 stops after the first iteration that moves a node in igraph 0.10 (one pass from
singletons), so it is run one iteration at a time from its own last partition until the
partition stops changing, the same work bridgemap does.

bridgemap's stage times and python-igraph's calls are the fastest of three runs (both are
quick); NetworkX runs once. Each library call stops after COMPARE_BUDGET seconds (default 120); a metric that did not
finish is shown as "> budget", which bounds NetworkX's time and its ratio from below.
"""

import csv
import os
import random
import re
import signal
import subprocess
import sys
import time

import igraph
import networkx as nx



def leiden_to_convergence(H, weights):
    """python-igraph's Leiden (modularity), one iteration at a time from its last partition,
    until an iteration changes nothing: what bridgemap's Leiden does."""
    partition = H.community_leiden(objective_function="modularity", weights=weights, n_iterations=1)
    while True:
        again = H.community_leiden(objective_function="modularity", weights=weights, n_iterations=1,
                                   initial_membership=partition.membership)
        if again.membership == partition.membership:
            return again
        partition = again

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


def bridgemap_stages(binary, network, runs=3):
    """The fastest of `runs` runs of each stage."""
    stages = {}
    for _ in range(runs):
        result = subprocess.run([binary, "analyse", network, "--format", "json", "--timings", "--exact"],
                                capture_output=True, text=True, check=True)
        for line in result.stderr.splitlines():
            match = re.match(r"\s*([0-9.]+) s  (.*)", line)
            if match:
                stage, seconds = match.group(2), float(match.group(1))
                stages[stage] = min(seconds, stages.get(stage, seconds))
    return stages


class OverBudget(Exception):
    pass


def budgeted(function, seconds, runs=1):
    """Runs function `runs` times; returns its fastest wall time, or None when a run took
    longer than `seconds`."""
    def stop(signum, frame):
        raise OverBudget()
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return min(timed(function) for _ in range(runs))
    except OverBudget:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def main():
    out_dir, binary, network = sys.argv[1:4]
    budget = int(os.environ.get("COMPARE_BUDGET", "120"))  # seconds per library call
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
    sample = rng.sample(members, min(n, 20))
    few = sample[:3]  # NetworkX's constraint costs about degree^3 per member
    k = len(sample)

    ours = bridgemap_stages(binary, network)
    print(f"  {n} members, {len(ties)} ties (exact path metrics); each library call stops after {budget} s")
    print(f"  {'metric':52} {'bridgemap':>10} {'NetworkX':>12} {'ratio':>8} {'igraph':>9} {'ratio':>7}", flush=True)

    def scaled(seconds, factor):
        return None if seconds is None else seconds * factor

    def total(*parts):
        return None if any(p is None for p in parts) else sum(parts)

    def row(name, our_stage, nx_seconds, extrapolated, ig_seconds):
        our = ours[our_stage]
        mark = "*" if extrapolated else " "
        nx_text = f"> {budget:7d}s{mark}" if nx_seconds is None else f"{nx_seconds:10.2f}s{mark}"
        nx_ratio = f"> {budget / max(our, 1e-4):5.0f}x" if nx_seconds is None else f"{nx_seconds / max(our, 1e-4):7.0f}x"
        ig_text = "  n/a" if ig_seconds is None else f"{ig_seconds:8.4f}s"
        ig_ratio = "" if ig_seconds is None else f"{ig_seconds / max(our, 1e-4):6.1f}x"
        print(f"  {name:52} {our:9.4f}s {nx_text:>12} {nx_ratio:>8} {ig_text:>9} {ig_ratio:>7}", flush=True)

    nx_paths = total(scaled(budgeted(lambda: nx.betweenness_centrality(G, k=k, weight="distance", seed=1), budget), n / k),
                     scaled(budgeted(lambda: [nx.closeness_centrality(G, u=v, distance="distance") for v in sample], budget), n / k),
                     scaled(budgeted(lambda: nx.harmonic_centrality(G, nbunch=sample, distance="distance"), budget), n / k))
    ig_paths = total(budgeted(lambda: H.betweenness(weights=lengths), budget, 3),
                     budgeted(lambda: (H.closeness(weights=lengths), H.harmonic_centrality(weights=lengths)), budget, 3))
    row("betweenness + closeness + harmonic", "betweenness, closeness, harmonic, bridging", nx_paths, True, ig_paths)
    row("eigenvector", "eigenvector",
        budgeted(lambda: nx.eigenvector_centrality(G, weight="weight", max_iter=1000), budget), False,
        budgeted(lambda: H.eigenvector_centrality(weights=weights), budget, 3))
    row("pagerank", "pagerank", budgeted(lambda: nx.pagerank(G, weight="weight"), budget), False,
        budgeted(lambda: H.pagerank(weights=weights), budget, 3))
    nx_holes = total(scaled(budgeted(lambda: nx.constraint(G, nodes=few, weight="weight"), budget), n / len(few)),
                     scaled(budgeted(lambda: nx.effective_size(G, nodes=few, weight="weight"), budget), n / len(few)))
    row("constraint + effective size", "constraint, effective size, efficiency, hierarchy", nx_holes, True,
        budgeted(lambda: H.constraint(weights=weights), budget, 3))
    row("communities (NetworkX Louvain; igraph, bridgemap Leiden)", "communities (Leiden)",
        budgeted(lambda: nx.community.louvain_communities(G, weight="weight", seed=1), budget), False,
        budgeted(lambda: leiden_to_convergence(H, weights), budget, 3))
    row("components + articulation points + bridges", "components, articulation points, bridges",
        budgeted(lambda: (list(nx.connected_components(G)), list(nx.articulation_points(G)), list(nx.bridges(G))),
                 budget), False,
        budgeted(lambda: (H.connected_components(), H.articulation_points(), H.bridges()), budget, 3))
    row("local bridges with span (igraph has none)", "embeddedness, overlap, local bridges, span",
        budgeted(lambda: list(nx.local_bridges(G, with_span=True)), budget), False, None)
    print("  * extrapolated from a sample of members (see the script's docstring); "
          "> : did not finish within the budget; ratio = their time / bridgemap's")


if __name__ == "__main__":
    main()
