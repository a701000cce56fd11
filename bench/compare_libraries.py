#!/usr/bin/python3
"""Times the metrics bridgemap computes against graph-tool, python-igraph and NetworkX on the
same graph, and checks that they computed the same thing.

    bench/compare_libraries.py BRIDGEMAP_BINARY NETWORK [--label NAME] [--samples K|auto]
                               [--libraries graph-tool,igraph,networkx] [--runs R]

The tie graph. `bridgemap analyse NETWORK --exact --timings --out TMP` (`--samples K` instead
of --exact, or neither with `--samples auto`) writes ties.csv; every peer then works on exactly
that graph, members in members.csv order:
weights w (eigenvector, PageRank, communities, constraint), path lengths 1/w (betweenness,
closeness, harmonic). bridgemap's time per metric is its stage time from `--timings` (the
fastest of R runs, default 3, or 1 run when a run takes over 30 s).

Threads. bridgemap uses every core (2 here); graph-tool uses both cores (OpenMP,
gt.openmp_set_num_threads(2)); python-igraph and NetworkX use one.

Time budget. Each peer call runs in a child process and is stopped after COMPARE_BUDGET seconds
(default 120; run.sh sets it per scale; COMPARE_BUDGET_GRAPH_TOOL, when set, is graph-tool's,
so that the peer to beat can finish where the others cannot): a metric that did not finish is "> budget" (a lower
bound, and so is its ratio). A call that finished within a tenth of the budget and under 5 s
is run twice more and the fastest counts. Building each library's graph is not timed.

Which calls stand for which metric:
- betweenness, closeness, harmonic: bridgemap computes all three (and bridging, the
  cross-sector betweenness) in one pass of shortest paths, its "paths" stage; the peers need one
  call each. So each of the three rows compares one peer call against bridgemap's whole stage
  (favouring the peers), and the row "all three" compares their sum. With --samples K
  (bridgemap estimates from K sources), graph-tool runs betweenness from K pivots, and for
  closeness and harmonic each peer computes K members' values (K shortest-path trees, the same
  work); the values are then estimates and not compared.
- graph-tool's exact betweenness, closeness and harmonic, and igraph's closeness and harmonic,
  are first timed from 100 sources (betweenness with graph-tool's pivots; closeness and harmonic
  of 100 members); when that time scaled by n/100 exceeds 0.8 of the budget, the scaled time is
  the figure (marked *, no agreement) and the full run is skipped; otherwise the full run is
  timed. graph-tool computes one member's closeness on one thread, so its per-member times
  count half (the ideal speed-up of its two threads, in its favour). python-igraph 0.10's
  betweenness takes no sources: it runs in full, or is "> budget". With --samples, igraph's
  betweenness is the full one too.
- NetworkX is too slow to run path metrics and Burt's measures in full on networks of this size,
  so those are "extrapolated" (marked *): betweenness from 20 sources with its own `k` option,
  closeness and harmonic of 20 members, constraint and effective size of 3 members, each scaled
  to the n members (or K sources), which is the full run's time since each source or member
  costs about the same.
- communities: bridgemap runs Leiden (modularity, weighted) until no member moves; igraph's
  Leiden runs one iteration at a time from its last partition until nothing changes (igraph
  0.10's n_iterations=-1 stops after the first iteration that moves a node); NetworkX runs
  Louvain. graph-tool has no weighted modularity optimiser: its counterpart is
  minimize_blockmodel_dl(state=ModularityState), which maximises *unweighted* modularity
  (graph-tool 2.45 takes no weights there), the same objective only when every weight is 1
  (the co-authorship networks). minimize_blockmodel_dl with a stochastic block model would be a
  different question (inference, not modularity). The agreement row gives the weighted
  modularity of each library's partition, computed here the same way for all.
- constraint and effective size: graph-tool has neither; igraph has constraint only.
- components, articulation points, bridges: label_components and label_biconnected_components
  (graph-tool), connected_components, articulation_points, bridges (igraph, NetworkX).
- triangles: bridgemap counts each tie's common neighbours (embeddedness, overlap, local
  bridges, span in one stage); the peers' nearest counterpart is local clustering (triangles
  per member): a similar count, not the same output. NetworkX's local_bridges(with_span=True)
  is the exact counterpart of local bridges with span.

Agreement (printed after the table): for betweenness, closeness, harmonic, eigenvector and
PageRank, the peer's values brought to bridgemap's definition (SPEC §3: NetworkX's
normalisation; graph-tool and igraph's closeness counts only reachable members, so it is scaled
by (r - 1)/(n - 1) for a component of r members; igraph's betweenness is divided by
(n - 1)(n - 2)/2; eigenvector scaled to a largest value of 1) against members.csv: the largest
absolute difference and Pearson's correlation. Components, articulation points and bridges are
counted against summary.json.

Progress (library, metric, network, time) goes to stderr; the table to stdout.
"""

import argparse
import csv
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

LIBRARIES = ("graph-tool", "igraph", "networkx")
NAMES = {"graph-tool": "graph-tool", "igraph": "igraph", "networkx": "NetworkX"}
THREADS = {"graph-tool": 2, "igraph": 1, "networkx": 1}
PROBE_SOURCES = 100
PATH_STAGE = "betweenness, closeness, harmonic, bridging"

# (key, label, bridgemap stage)
ROWS = [
    ("betweenness", "betweenness", PATH_STAGE),
    ("closeness", "closeness", PATH_STAGE),
    ("harmonic", "harmonic", PATH_STAGE),
    ("paths", "all three (peers: sum of the three)", PATH_STAGE),
    ("pagerank", "PageRank", "pagerank"),
    ("eigenvector", "eigenvector", "eigenvector"),
    ("communities", "communities (see docstring)", "communities (Leiden)"),
    ("constraint", "constraint + effective size", "constraint, effective size, efficiency, hierarchy"),
    ("connectivity", "components + articulation pts + bridges", "components, articulation points, bridges"),
    ("triangles", "triangles (peers: local clustering)", "embeddedness, overlap, local bridges, span"),
    ("local_bridges", "local bridges + span", "embeddedness, overlap, local bridges, span"),
]
METRICS = [key for key, _, _ in ROWS if key != "paths"]


def progress(text):
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# bridgemap


def bridgemap_run(binary, network, paths_option, runs, out):
    """Stage times (fastest of `runs`, fewer when a run takes over 30 s) and the output folder."""
    stages = {}
    for run in range(runs):
        start = time.perf_counter()
        result = subprocess.run([binary, "analyse", network, *paths_option, "--timings", "--out", out],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"compare: bridgemap analyse failed: {result.stderr.strip()}")
        wall = time.perf_counter() - start
        for line in result.stderr.splitlines():
            match = re.match(r"\s*([0-9.]+) s  (.*)", line)
            if match:
                stage, seconds = match.group(2), float(match.group(1))
                stages[stage] = min(seconds, stages.get(stage, seconds))
        progress(f"    bridgemap analyse {' '.join(paths_option)}: run {run + 1} {wall:.2f} s wall")
        if wall > 30:
            break
    return stages


def load(out):
    """Members in members.csv order, their bridgemap values, and the ties as index arrays."""
    with open(os.path.join(out, "members.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ids = [row["id"] for row in rows]
    index = {m: i for i, m in enumerate(ids)}

    def column(name):
        return np.array([float(row[name]) if row.get(name) not in (None, "") else np.nan for row in rows])

    ours = {name: column(name) for name in ("betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
                                           "constraint")}
    ours["community"] = np.array([int(row["community"]) if row.get("community") else -1 for row in rows])
    with open(os.path.join(out, "ties.csv"), newline="", encoding="utf-8") as f:
        ties = [(index[row["source"]], index[row["target"]], float(row["weight"])) for row in csv.DictReader(f)]
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    source = np.array([t[0] for t in ties], dtype=np.int64)
    target = np.array([t[1] for t in ties], dtype=np.int64)
    weight = np.array([t[2] for t in ties], dtype=np.float64)
    return ids, source, target, weight, ours, summary


# ---------------------------------------------------------------------------------------------
# The peers: each builds its graph once in a child process, then runs the metrics in turn.


def component_sizes(n, source, target):
    """The size of each member's component (union-find), for closeness's (r - 1)/(n - 1)."""
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(source.tolist(), target.tolist()):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    roots = np.array([find(x) for x in range(n)])
    counts = np.bincount(roots, minlength=n)
    return counts[roots]


def reachable_closeness_to_networkx(values, sizes, n):
    """graph-tool and igraph: (r - 1)/Σd over the r members reachable; NetworkX (SPEC §3)
    multiplies by (r - 1)/(n - 1); isolates 0."""
    values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    values[sizes <= 1] = 0.0
    return values * (sizes - 1) / max(n - 1, 1)


def scaled_to_largest(values):
    values = np.asarray(values, dtype=float)
    top = np.max(np.abs(values)) if len(values) else 0
    return values / top if top > 0 else values


class Setup:
    """What every worker needs, inherited by the forked children."""

    def __init__(self, n, source, target, weight, samples, rng_seed=1):
        self.n, self.source, self.target, self.weight = n, source, target, weight
        self.length = 1.0 / weight
        self.samples = samples  # None: exact; K: bridgemap estimated paths from K sources
        rng = random.Random(rng_seed)
        self.nx_sample = rng.sample(range(n), min(n, 20))  # NetworkX's extrapolation sample
        self.nx_few = self.nx_sample[:3]  # NetworkX's constraint costs about degree^3 per member
        self.sources = rng.sample(range(n), min(n, samples)) if samples else None
        # graph-tool's and igraph's exact path metrics are first timed from these sources; when
        # that, scaled by n/len(probe), says the full run would not fit the budget, the scaled
        # time is the figure (marked *) and the full run is not started.
        self.probe = rng.sample(range(n), min(n, PROBE_SOURCES))
        self.sizes = component_sizes(n, source, target)


def graph_tool_metrics(s):
    import graph_tool.all as gt
    gt.openmp_set_num_threads(THREADS["graph-tool"])
    g = gt.Graph(directed=False)
    g.add_vertex(s.n)
    g.add_edge_list(np.column_stack([s.source, s.target]))
    w = g.new_ep("double", vals=s.weight)
    d = g.new_ep("double", vals=s.length)

    def betweenness(sources):
        if sources is None:
            return lambda: gt.betweenness(g, weight=d)[0].a.copy()
        return lambda: gt.betweenness(g, weight=d, pivots=np.array(sources, dtype=np.int64))[0].a.copy()

    def closeness(harmonic, sources):
        """From some sources: one call per source, each one shortest-path tree on one thread, so
        the time counts half (the ideal speed-up of its two threads, in graph-tool's favour)."""
        if sources is None:
            return lambda: gt.closeness(g, weight=d, harmonic=harmonic).a.copy()
        return lambda: [gt.closeness(g, weight=d, harmonic=harmonic, source=g.vertex(v)) for v in sources]

    def communities():
        state = gt.minimize_blockmodel_dl(g, state=gt.ModularityState)
        return np.array(state.b.a)

    def connectivity():
        comp, hist = gt.label_components(g)
        bicomp, articulation, _ = gt.label_biconnected_components(g)
        edges_per_bicomp = np.bincount(bicomp.a)
        return {"components": len(hist), "articulation_points": int(articulation.a.sum()),
                "bridges": int(np.sum(edges_per_bicomp == 1))}

    exact = s.sources is None
    scale = s.n / len(s.probe)
    if exact:
        paths = {
            "betweenness": (betweenness(None), lambda v: v, 1, (betweenness(s.probe), scale)),
            "closeness": (closeness(False, None), lambda v: reachable_closeness_to_networkx(v, s.sizes, s.n), 1,
                          (closeness(False, s.probe), scale / 2)),
            "harmonic": (closeness(True, None), lambda v: v, 1, (closeness(True, s.probe), scale / 2)),
        }
    else:
        paths = {
            "betweenness": (betweenness(s.sources), None),
            "closeness": (closeness(False, s.sources), None, 0.5),
            "harmonic": (closeness(True, s.sources), None, 0.5),
        }
    return {
        **paths,
        "pagerank": (lambda: gt.pagerank(g, weight=w).a.copy(), lambda v: v),
        "eigenvector": (lambda: gt.eigenvector(g, weight=w)[1].a.copy(), scaled_to_largest),
        "communities": (communities, None),
        "connectivity": (connectivity, None),
        "triangles": (lambda: gt.local_clustering(g).a.copy(), False),
    }


def igraph_metrics(s):
    import igraph
    H = igraph.Graph(n=s.n, edges=np.column_stack([s.source, s.target]).tolist())
    weights, lengths = s.weight.tolist(), s.length.tolist()
    pairs = (s.n - 1) * (s.n - 2) / 2 if s.n > 2 else 1

    def leiden_to_convergence():
        """One iteration at a time from the last partition until an iteration changes nothing:
        what bridgemap's Leiden does."""
        partition = H.community_leiden(objective_function="modularity", weights=weights, n_iterations=1)
        while True:
            again = H.community_leiden(objective_function="modularity", weights=weights, n_iterations=1,
                                       initial_membership=partition.membership)
            if again.membership == partition.membership:
                return np.array(again.membership)
            partition = again

    def connectivity():
        return {"components": len(H.connected_components()), "articulation_points": len(H.articulation_points()),
                "bridges": len(H.bridges())}

    betweenness = lambda: H.betweenness(weights=lengths)  # python-igraph 0.10 takes no sources
    closeness = lambda vertices: lambda: H.closeness(vertices=vertices, weights=lengths)
    harmonic = lambda vertices: lambda: H.harmonic_centrality(vertices=vertices, weights=lengths)
    scale = s.n / len(s.probe)
    if s.sources is None:
        paths = {
            "betweenness": (betweenness, lambda v: np.array(v) / pairs),
            "closeness": (closeness(None), lambda v: reachable_closeness_to_networkx(v, s.sizes, s.n), 1,
                          (closeness(s.probe), scale)),
            "harmonic": (harmonic(None), lambda v: np.array(v), 1, (harmonic(s.probe), scale)),
        }
    else:
        paths = {
            "betweenness": (betweenness, None),  # every source: over the budget at this size
            "closeness": (closeness(s.sources), None),
            "harmonic": (harmonic(s.sources), None),
        }
    return {
        **paths,
        "pagerank": (lambda: H.pagerank(weights=weights), lambda v: np.array(v)),
        "eigenvector": (lambda: H.eigenvector_centrality(weights=weights), scaled_to_largest),
        "communities": (leiden_to_convergence, None),
        "constraint": (lambda: H.constraint(weights=weights), lambda v: np.array(v)),
        "connectivity": (connectivity, None),
        "triangles": (lambda: H.transitivity_local_undirected(mode="zero"), False),
    }


def networkx_metrics(s):
    import networkx as nx
    G = nx.Graph()
    G.add_nodes_from(range(s.n))
    G.add_edges_from((a, b, {"weight": w, "distance": l})
                     for a, b, w, l in zip(s.source.tolist(), s.target.tolist(), s.weight.tolist(), s.length.tolist()))
    sample, few = s.nx_sample, s.nx_few
    k = len(sample)
    whole = s.n if s.sources is None else len(s.sources)  # sources or members of the full run

    def ordered(values):
        return np.array([values[v] for v in range(s.n)])

    return {
        # (function, comparison, extrapolation factor)
        "betweenness": (lambda: nx.betweenness_centrality(G, k=k, weight="distance", seed=1), False, whole / k),
        "closeness": (lambda: [nx.closeness_centrality(G, u=v, distance="distance") for v in sample], False, whole / k),
        # harmonic from the sample's sources (nbunch would still run every source); symmetric
        "harmonic": (lambda: nx.harmonic_centrality(G, sources=sample, distance="distance"), False, whole / k),
        "pagerank": (lambda: nx.pagerank(G, weight="weight"), ordered, 1),
        "eigenvector": (lambda: nx.eigenvector_centrality(G, weight="weight", max_iter=1000),
                        lambda v: scaled_to_largest(ordered(v)), 1),
        "communities": (lambda: nx.community.louvain_communities(G, weight="weight", seed=1), "sets", 1),
        "constraint": (lambda: (nx.constraint(G, nodes=few, weight="weight"),
                                nx.effective_size(G, nodes=few, weight="weight")), False, s.n / len(few)),
        "connectivity": (lambda: {"components": nx.number_connected_components(G),
                                  "articulation_points": sum(1 for _ in nx.articulation_points(G)),
                                  "bridges": sum(1 for _ in nx.bridges(G))}, None, 1),
        "triangles": (lambda: nx.clustering(G), False, 1),
        "local_bridges": (lambda: list(nx.local_bridges(G, with_span=True)), False, 1),
    }


BUILDERS = {"graph-tool": graph_tool_metrics, "igraph": igraph_metrics, "networkx": networkx_metrics}


def worker(library, setup, jobs, budget, conn):
    """Builds the library's graph, then for each job: ("start", job), ("first", job, seconds)
    after one run, ("done", job, best seconds, factor, comparable values)."""
    import warnings
    warnings.filterwarnings("ignore")  # graph-tool's closeness divides by zero for isolates (handled)
    try:
        start = time.perf_counter()
        metrics = BUILDERS[library](setup)
        conn.send(("built", time.perf_counter() - start))
        for job in jobs:
            if job not in metrics:
                conn.send(("none", job))
                continue
            spec = metrics[job]
            function, compare = spec[0], spec[1]
            factor = spec[2] if len(spec) > 2 else 1
            probe = spec[3] if len(spec) > 3 else None
            conn.send(("start", job))
            if probe is not None:
                began = time.perf_counter()
                probe[0]()
                seconds = time.perf_counter() - began
                if seconds * probe[1] > 0.8 * budget:  # the full run would not fit: extrapolate
                    conn.send(("first", job, seconds))
                    conn.send(("done", job, seconds, probe[1], None))
                    continue
            began = time.perf_counter()
            values = function()
            best = time.perf_counter() - began
            conn.send(("first", job, best))
            if best < min(5.0, budget / 10):
                for _ in range(2):
                    began = time.perf_counter()
                    function()
                    best = min(best, time.perf_counter() - began)
            if compare == "sets":  # NetworkX's communities: a list of sets
                membership = np.empty(setup.n, dtype=np.int64)
                for number, members in enumerate(values):
                    membership[list(members)] = number
                comparable = membership
            elif isinstance(values, dict) and job == "connectivity":
                comparable = values
            elif job == "communities":
                comparable = np.asarray(values)
            elif callable(compare):
                comparable = compare(values)
            else:
                comparable = None
            conn.send(("done", job, best, factor, comparable))
    except Exception as error:  # reported by the parent against the job running
        conn.send(("error", repr(error)))
    finally:
        conn.close()


def run_library(library, setup, budget, label):
    """{job: (seconds or None, factor, comparable, note)} for every metric."""
    results = {}
    remaining = list(METRICS)
    context = multiprocessing.get_context("fork")
    while remaining:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=worker, args=(library, setup, remaining, budget, send))
        child.start()
        send.close()
        current = None
        try:
            if not receive.poll(max(budget, 60)):
                raise TimeoutError("building the graph")
            message = receive.recv()
            if message[0] == "error":
                raise RuntimeError(message[1])
            progress(f"  [{label}] {NAMES[library]}: graph built in {message[1]:.1f} s")
            while remaining:
                message = receive.recv()
                if message[0] == "none":
                    results[remaining.pop(0)] = (None, 1, None, "n/a")
                    continue
                if message[0] == "error":
                    raise RuntimeError(message[1])
                current = message[1]
                progress(f"  [{label}] {NAMES[library]} {THREADS[library]} thread(s): {current} ...")
                if not receive.poll(budget):
                    progress(f"  [{label}] {NAMES[library]}: {current} > {budget} s, stopped")
                    results[remaining.pop(0)] = (None, 1, None, "budget")
                    break
                message = receive.recv()
                if message[0] == "error":
                    raise RuntimeError(message[1])
                first = message[2]
                message = receive.recv()
                if message[0] == "error":
                    raise RuntimeError(message[1])
                _, job, best, factor, comparable = message
                note = "" if factor == 1 else f" (x {factor:.3g} = {best * factor:.2f} s, " + \
                    ("counted half for its two threads)" if factor == 0.5 else "extrapolated)")
                progress(f"  [{label}] {NAMES[library]}: {job} {best:.3f} s (first run {first:.3f} s){note}")
                results[remaining.pop(0)] = (best * factor, factor, comparable, "")
        except (EOFError, TimeoutError, RuntimeError) as error:
            job = remaining.pop(0) if remaining else None
            progress(f"  [{label}] {NAMES[library]}: {job or ''} failed: {error}")
            if job:
                results[job] = (None, 1, None, "failed")
            if isinstance(error, TimeoutError):
                for job in remaining:
                    results[job] = (None, 1, None, "failed")
                remaining = []
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            receive.close()
    return results


# ---------------------------------------------------------------------------------------------
# The table and the agreement


def weighted_modularity(membership, source, target, weight):
    """Newman's modularity on the weighted graph: Σ_c [W_c/W − (S_c/2W)²]."""
    membership = np.asarray(membership)
    total = weight.sum()
    if total == 0:
        return 0.0
    labels, membership = np.unique(membership, return_inverse=True)
    inside = np.bincount(membership[source], weights=weight * (membership[source] == membership[target]),
                         minlength=len(labels))
    strength = np.bincount(source, weights=weight, minlength=len(membership)) + \
        np.bincount(target, weights=weight, minlength=len(membership))
    per_community = np.bincount(membership, weights=strength, minlength=len(labels))
    return float(np.sum(inside / total - (per_community / (2 * total)) ** 2))


def communities_of_two_or_more(membership):
    values, counts = np.unique(np.asarray(membership), return_counts=True)
    return int(np.sum(counts >= 2))


def agreement(ours, theirs):
    mask = ~np.isnan(ours) & ~np.isnan(theirs)
    a, b = ours[mask], theirs[mask]
    if len(a) < 2:
        return "-"
    difference = float(np.max(np.abs(a - b)))
    correlation = float(np.corrcoef(a, b)[0, 1]) if np.std(a) > 0 and np.std(b) > 0 else float("nan")
    return f"max |diff| {difference:.1e}, r = {correlation:.6f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("network")
    parser.add_argument("--label", default=None)
    parser.add_argument("--samples", default=None,
                        help="bridgemap estimates path metrics from K sources, or 'auto': analyse's own choice "
                             "(exact up to about 20,000 members, sampled above); default --exact")
    parser.add_argument("--libraries", default=",".join(LIBRARIES))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    budget = int(os.environ.get("COMPARE_BUDGET", "120"))  # seconds per library call
    budgets = {library: budget for library in LIBRARIES}
    budgets["graph-tool"] = int(os.environ.get("COMPARE_BUDGET_GRAPH_TOOL", budget))
    label = args.label or os.path.basename(os.path.normpath(args.network))
    libraries = [l.strip().lower() for l in args.libraries.split(",") if l.strip()]
    for library in libraries:
        if library not in LIBRARIES:
            sys.exit(f"compare: unknown library {library}; the libraries are {', '.join(LIBRARIES)}")

    began = time.perf_counter()
    out = tempfile.mkdtemp(prefix="bridgemap-compare-")
    try:
        paths_option = [] if args.samples == "auto" else ["--samples", str(int(args.samples))] if args.samples \
            else ["--exact"]
        progress(f"  [{label}] bridgemap analyse {' '.join(paths_option)} --timings ...")
        stages = bridgemap_run(args.binary, args.network, paths_option, args.runs, out)
        ids, source, target, weight, ours, summary = load(out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    n = len(ids)
    path_metrics = summary.get("path_metrics", {})
    samples = None if path_metrics.get("exact", True) else int(path_metrics["sources"])
    setup = Setup(n, source, target, weight, samples)
    results = {}
    for library in libraries:
        progress(f"  [{label}] {NAMES[library]} ({THREADS[library]} thread(s)), budget {budgets[library]} s a call")
        results[library] = run_library(library, setup, budgets[library], label)

    stages["paths"] = stages.get(PATH_STAGE)
    path_kind = f"path metrics estimated from {samples} sources" if samples else "exact path metrics"
    limits = f"{budget} s" if budgets["graph-tool"] == budget else \
        f"{budgets['graph-tool']} s (graph-tool), {budget} s (the others)"
    print(f"  {label}: {n} members, {len(weight)} ties, {path_kind}; each peer call stops after {limits}")
    print(f"  threads: bridgemap 2 (every core), graph-tool {THREADS['graph-tool']} (OpenMP), "
          f"igraph {THREADS['igraph']}, NetworkX {THREADS['networkx']}")
    shown = [l for l in LIBRARIES if l in libraries]
    header = f"  {'metric':42} {'bridgemap':>10}" + "".join(f" {NAMES[l]:>12}" for l in shown)
    if "graph-tool" in shown:
        header += f" {'graph-tool/bridgemap':>21}"
    print(header)

    def peer_seconds(library, key):
        if key == "paths":
            parts = [results[library].get(k, (None,))[0] for k in ("betweenness", "closeness", "harmonic")]
            notes = [results[library].get(k, (None, 1, None, "n/a"))[3] for k in ("betweenness", "closeness", "harmonic")]
            if any(note == "n/a" for note in notes):
                return None, "n/a"
            if any(p is None for p in parts):
                return None, "budget"
            return sum(parts), ""
        seconds, _, _, note = results[library].get(key, (None, 1, None, "n/a"))
        return seconds, note

    def cell(library, key):
        seconds, note = peer_seconds(library, key)
        parts = ("betweenness", "closeness", "harmonic") if key == "paths" else (key,)
        mark = "*" if any(results[library].get(k, (None, 1))[1] != 1 for k in parts) else " "
        if seconds is None:
            return {"n/a": "n/a ", "budget": f"> {budgets[library]} s ", "failed": "failed "}.get(note, "n/a ")
        return f"{seconds:9.3f} s{mark}"

    for key, text, stage in ROWS:
        our = stages.get(stage)
        mark = "†" if key in ("betweenness", "closeness", "harmonic") else " "
        our_text = f"{our:8.3f} s{mark}" if our is not None else "n/a "
        line = f"  {text:42} {our_text:>10}" + "".join(f" {cell(l, key):>12}" for l in shown)
        if "graph-tool" in shown:
            seconds, note = peer_seconds("graph-tool", key)
            if our is None or note == "n/a":
                ratio = ""
            elif seconds is None:
                ratio = f"> {budgets['graph-tool'] / max(our, 1e-4):.1f}x" if note == "budget" else ""
            else:
                ratio = f"{seconds / max(our, 1e-4):.1f}x"
            line += f" {ratio:>21}"
        print(line)
    print("  † bridgemap's one pass computes betweenness, closeness, harmonic and bridging together (its whole stage")
    print("    time on each row); * extrapolated from a sample of sources or members (see the script's docstring);")
    print("  > : did not finish within the budget; graph-tool/bridgemap > 1: bridgemap is faster")

    print(f"  agreement with bridgemap's members.csv and summary.json ({label}):")
    for key in ("betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "constraint"):
        parts = []
        for library in shown:
            comparable = results[library].get(key, (None, 1, None, ""))[2]
            if comparable is not None and len(comparable) == n:
                parts.append(f"{NAMES[library]} {agreement(ours[key], np.asarray(comparable, dtype=float))}")
        if parts:
            print(f"    {key:12} " + "; ".join(parts))
    if samples:
        print("    (path metrics estimated from samples: no value-by-value agreement; bridgemap states its error bound)")
    bridgemap_modularity = weighted_modularity(ours["community"], source, target, weight)
    parts = [f"bridgemap {bridgemap_modularity:.4f} ({communities_of_two_or_more(ours['community'])} communities)"]
    for library in shown:
        comparable = results[library].get("communities", (None, 1, None, ""))[2]
        if comparable is not None:
            parts.append(f"{NAMES[library]} {weighted_modularity(comparable, source, target, weight):.4f} "
                         f"({communities_of_two_or_more(comparable)})")
    print(f"    {'modularity':12} weighted, of each partition (communities of 2 or more): " + "; ".join(parts))
    counts = {k: summary.get(k) for k in ("components", "articulation_points", "bridges")}
    counts = {k: (len(v) if isinstance(v, list) else v) for k, v in counts.items()}
    parts = [f"bridgemap {counts['components']}/{counts['articulation_points']}/{counts['bridges']}"]
    for library in shown:
        comparable = results[library].get("connectivity", (None, 1, None, ""))[2]
        if comparable:
            parts.append(f"{NAMES[library]} {comparable['components']}/{comparable['articulation_points']}/"
                         f"{comparable['bridges']}")
    print(f"    {'connectivity':12} components/articulation points/bridges: " + "; ".join(parts))
    progress(f"  [{label}] compare took {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
