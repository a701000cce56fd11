#!/usr/bin/python3
"""Reference values for bridgemap's metrics, computed with NetworkX.

This script is independent of bridgemap's C++ code: it reads the same inputs with Python's
csv module, builds the tie graph of SPEC §2 itself (with exact fractions, so that paths of
equal length are recognised exactly), and computes every SPEC §3 metric with NetworkX's own
functions where NetworkX has them, or by brute force over the definitions where it does not
(brokerage, bridging, reach, Burt's hierarchy, E-I). The C++ test
tests/unit/metrics/networkx_reference_test.cpp compares bridgemap's results against the JSON
this writes, member by member and tie by tie, to 1e-6 relative.

Usage (Debian's python3 with python3-networkx):
  /usr/bin/python3 tests/reference/networkx_reference.py --out tests/reference/networkx_reference.json
  /usr/bin/python3 tests/reference/networkx_reference.py --check tests/reference/networkx_reference.json

Datasets:
  example    data/betterway-2017-2018 (the bundled example)
  generated  tests/fixtures/generated-150 (bridgemap generate --members 150 --seed 11 --years 2)
  davis      ../shared/datasets/davis-southern-women/derived_edges.csv (Davis, Gardner & Gardner
             1941, 18 women x 14 events; not copied into the project). Its women get the two
             groups of DGG's own analysis as sectors: women 1-9 "group-a", 10-17 "group-b",
             and Flora (18) no sector, so unknown-sector handling is exercised too.
"""

import argparse
import csv
import functools
import itertools
import json
import math
import os
import sys
from fractions import Fraction

import networkx as nx

# NetworkX's structural-hole functions recompute each normalised mutual weight many times;
# it is a pure function of a graph that does not change here, so memoising it changes no
# value and makes the script minutes faster.
_structuralholes = nx.algorithms.structuralholes
_structuralholes.normalized_mutual_weight = functools.lru_cache(maxsize=None)(
    _structuralholes.normalized_mutual_weight)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def read_table(folder, name):
    path = os.path.join(folder, name + ".csv")
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k.strip().lower(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def is_unknown(label):
    return label == "" or label.lower() == "unknown"


def load_folder(folder):
    """Members (id -> sector or None) and settings (lists of member ids) of a network folder."""
    members = read_table(folder, "members")
    organisations = {row["id"]: row for row in read_table(folder, "organisations")}
    ids = [row["id"] for row in members]
    sector = {}
    org_members = {}
    for row in members:
        own = row.get("sector", "")
        org = row.get("organisation", "")
        if not is_unknown(own):
            sector[row["id"]] = own
        elif org and org in organisations and not is_unknown(organisations[org].get("sector", "")):
            sector[row["id"]] = organisations[org]["sector"]
        else:
            sector[row["id"]] = None
        if org:
            org_members.setdefault(org, set()).add(row["id"])
    for row in read_table(folder, "affiliations"):
        org_members.setdefault(row["organisation_id"], set()).add(row["member_id"])
    event_members = {}
    for row in read_table(folder, "attendance"):
        event_members.setdefault(row["event_id"], set()).add(row["member_id"])
    group_members = {}
    for row in read_table(folder, "group_members"):
        group_members.setdefault(row["group_id"], set()).add(row["member_id"])
    settings = list(event_members.values()) + list(group_members.values()) + list(org_members.values())
    explicit = [(row["source"], row["target"], Fraction(row.get("weight") or "1")) for row in read_table(folder, "ties")]
    return ids, sector, settings, explicit


def load_davis(folder):
    path = os.path.join(folder, "derived_edges.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    women = []
    events = {}
    for row in rows:
        if row["woman"] not in women:
            women.append(row["woman"])
        events.setdefault(row["event"], set()).add(row["woman"])
    with open(os.path.join(folder, "derived_nodes.csv"), newline="", encoding="utf-8") as f:
        order = [row["label"] for row in csv.DictReader(f) if row["mode"] == "woman"]
    sector = {}
    for index, woman in enumerate(order, start=1):
        sector[woman] = "group-a" if index <= 9 else ("group-b" if index <= 17 else None)
    return order, sector, list(events.values()), []


def build_graph(ids, sector, settings, explicit):
    """SPEC §2 with all coefficients 1: w = Σ 1/(n_s − 1) over shared settings + Σ ties weights."""
    weight = {}
    provenance = {}
    for members in settings:
        n = len(members)
        if n < 2:
            continue
        for a, b in itertools.combinations(sorted(members), 2):
            weight[(a, b)] = weight.get((a, b), Fraction(0)) + Fraction(1, n - 1)
            provenance[(a, b)] = provenance.get((a, b), 0) + 1
    for a, b, w in explicit:
        key = (min(a, b), max(a, b))
        weight[key] = weight.get(key, Fraction(0)) + w
    G = nx.Graph()
    for member in ids:
        G.add_node(member, sector=sector[member])
    for (a, b), w in weight.items():
        if w > 0:
            G.add_edge(a, b, exact=w, weight=float(w), distance=1 / w)
    return G


def hierarchy(G, v):
    """Burt's hierarchy: Σ_j (c_j/c̄) ln(c_j/c̄) / (N ln N) over the constraint terms c_j."""
    neighbours = list(G[v])
    N = len(neighbours)
    if N < 2:
        return None
    terms = [nx.algorithms.structuralholes.local_constraint(G, v, j, weight="weight") for j in neighbours]
    mean = sum(terms) / N
    return sum((c / mean) * math.log(c / mean) for c in terms if c > 0) / (N * math.log(N))


def principal_eigenvector(G):
    """NetworkX eigenvector centrality on the component(s) with the largest eigenvalue."""
    result = {v: 0.0 for v in G}
    best = []
    for component in nx.connected_components(G):
        if len(component) < 2:
            continue
        H = G.subgraph(component)
        x = nx.eigenvector_centrality(H, weight="weight", max_iter=100000, tol=1e-15)
        # Rayleigh quotient for the eigenvalue.
        num = sum(x[u] * H[u][v]["weight"] * x[v] * 2 for u, v in H.edges())
        den = sum(value * value for value in x.values())
        best.append((num / den, x))
    if not best:
        return result
    top = max(value for value, _ in best)
    for value, x in best:
        if value >= top * (1 - 1e-9):
            norm = math.sqrt(sum(v * v for v in x.values()))
            total = sum(v / norm for v in x.values())
            for v, score in x.items():
                result[v] = total * score / norm
    largest = max(result.values())
    return {v: s / largest for v, s in result.items()} if largest > 0 else result


def brokerage(G, v):
    roles = dict(coordinator=0, consultant=0, representative=0, liaison=0)
    s = G.nodes[v]["sector"]
    if s is None:
        return roles
    for a, b in itertools.combinations(sorted(G[v]), 2):
        if G.has_edge(a, b):
            continue
        sa, sb = G.nodes[a]["sector"], G.nodes[b]["sector"]
        if sa is None or sb is None:
            continue
        if sa == s and sb == s:
            roles["coordinator"] += 1
        elif sa == sb:
            roles["consultant"] += 1
        elif sa == s or sb == s:
            roles["representative"] += 1
        else:
            roles["liaison"] += 1
    return roles


def bridging(G):
    known = [v for v in G if G.nodes[v]["sector"] is not None]
    sectors = sorted({G.nodes[v]["sector"] for v in known})
    pairs = sum(1 for a, b in itertools.combinations(known, 2) if G.nodes[a]["sector"] != G.nodes[b]["sector"])
    if pairs == 0:
        return {v: None for v in G}
    total = {v: Fraction(0) for v in G}
    for s in sectors:
        sources = [v for v in known if G.nodes[v]["sector"] == s]
        targets = [v for v in known if G.nodes[v]["sector"] != s]
        # Undirected subset betweenness halves each pair; summing over both sides counts it once.
        part = nx.betweenness_centrality_subset(G, sources, targets, normalized=False, weight="distance")
        for v, value in part.items():
            total[v] += Fraction(value)
    return {v: float(total[v] / pairs) for v in G}


def reach(G):
    known = [v for v in G if G.nodes[v]["sector"] is not None]
    sectors = sorted({G.nodes[v]["sector"] for v in known})
    table = []
    for s in sectors:
        sources = [v for v in known if G.nodes[v]["sector"] == s]
        for t in sectors:
            one = two = 0
            for v in sources:
                near = nx.single_source_shortest_path_length(G, v, cutoff=2)
                if any(G.nodes[u]["sector"] == t and d == 1 for u, d in near.items() if u != v):
                    one += 1
                if any(G.nodes[u]["sector"] == t and 1 <= d <= 2 for u, d in near.items() if u != v):
                    two += 1
            table.append({"from": s, "to": t, "within_1_hop": one / len(sources), "within_2_hops": two / len(sources)})
    return table


def louvain_best(G):
    """The best modularity NetworkX's Louvain finds over a few seeds: a bar Leiden should clear."""
    H = G.subgraph([v for v in G if G.degree(v) > 0])
    if H.number_of_edges() == 0:
        return 0.0
    return max(nx.community.modularity(H, nx.community.louvain_communities(H, weight="weight", seed=s), weight="weight")
               for s in range(1, 6))


def analyse(G):
    n = G.number_of_nodes()
    betweenness = nx.betweenness_centrality(G, weight="distance", normalized=True)
    closeness = nx.closeness_centrality(G, distance="distance")
    harmonic = nx.harmonic_centrality(G, distance="distance")
    eigenvector = principal_eigenvector(G)
    pagerank = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    constraint = nx.constraint(G, weight="weight")
    effective_size = nx.effective_size(G, weight="weight")
    bridge_scores = bridging(G)
    members = {}
    for v in G:
        degree = G.degree(v)
        s = G.nodes[v]["sector"]
        others = [G.nodes[u]["sector"] for u in G[v] if G.nodes[u]["sector"] is not None]
        external = sum(1 for o in others if s is not None and o != s)
        internal = sum(1 for o in others if s is not None and o == s)
        shares = [others.count(x) / len(others) for x in set(others)] if others else []
        member = {
            "degree": degree,
            "strength": float(sum(G[v][u]["exact"] for u in G[v])),
            "betweenness": betweenness[v],
            "closeness": float(closeness[v]),
            "harmonic": float(harmonic[v]) / (n - 1) if n > 1 else 0.0,
            "eigenvector": eigenvector[v],
            "pagerank": pagerank[v],
            "constraint": None if degree == 0 else constraint[v],
            "effective_size": None if degree == 0 else effective_size[v],
            "efficiency": None if degree == 0 else effective_size[v] / degree,
            "hierarchy": hierarchy(G, v),
            "ei_index": (external - internal) / (external + internal) if external + internal > 0 else None,
            "sector_diversity": 1 - sum(p * p for p in shares) if others else None,
            "bridging": bridge_scores[v],
            "cross_sector_ties": external,
        }
        for role, count in brokerage(G, v).items():
            member["brokerage_" + role] = count
        members[v] = member

    spans = {(min(u, v), max(u, v)): span for u, v, span in nx.local_bridges(G, with_span=True)}
    bridges = {(min(u, v), max(u, v)) for u, v in nx.bridges(G)}
    ties = {}
    for u, v in G.edges():
        a, b = min(u, v), max(u, v)
        common = len(list(nx.common_neighbors(G, a, b)))
        denominator = (G.degree(a) - 1) + (G.degree(b) - 1) - common
        sa, sb = G.nodes[a]["sector"], G.nodes[b]["sector"]
        span = spans.get((a, b), 2)
        ties[a + "|" + b] = {
            "weight": G[a][b]["weight"],
            "cross_sector": None if sa is None or sb is None else sa != sb,
            "embeddedness": common,
            "overlap": common / denominator if denominator > 0 else 0.0,
            "local_bridge": (a, b) in spans,
            "span": None if span == math.inf else span,
            "bridge": (a, b) in bridges,
        }

    known = G.subgraph([v for v in G if G.nodes[v]["sector"] is not None])
    sizes = {}
    for v in known:
        sizes[known.nodes[v]["sector"]] = sizes.get(known.nodes[v]["sector"], 0) + 1
    E = sum(1 for a, b in known.edges() if known.nodes[a]["sector"] != known.nodes[b]["sector"])
    I = known.number_of_edges() - E
    i_possible = sum(k * (k - 1) // 2 for k in sizes.values())
    all_possible = len(known) * (len(known) - 1) // 2
    e_possible = all_possible - i_possible
    m = known.number_of_edges()
    K = {s: sum(known.degree(v) for v in known if known.nodes[v]["sector"] == s) for s in sizes}
    mixing = []
    for s, t in itertools.combinations_with_replacement(sorted(sizes), 2):
        observed = sum(1 for a, b in known.edges()
                       if {known.nodes[a]["sector"], known.nodes[b]["sector"]} == {s, t} and
                       (s != t or known.nodes[a]["sector"] == s))
        expected = (K[s] * K[t] / (2 * m) if s != t else K[s] * K[s] / (4 * m)) if m > 0 else 0.0
        mixing.append({"sectors": [s, t], "observed": observed, "expected": expected,
                       "ratio": observed / expected if expected > 0 else None})
    try:
        assortativity = nx.attribute_assortativity_coefficient(known, "sector")
        assortativity = None if math.isnan(assortativity) else assortativity
    except (ZeroDivisionError, ValueError):
        assortativity = None
    components = list(nx.connected_components(G))
    network = {
        "members": n,
        "ties": G.number_of_edges(),
        "density": nx.density(G),
        "components": len(components),
        "largest_component_share": max(len(c) for c in components) / n,
        "sectors": dict(sorted(sizes.items()), unknown=n - len(known)),
        "ei_index": (E - I) / (E + I) if E + I > 0 else None,
        "expected_ei_index": (e_possible - i_possible) / all_possible if all_possible > 0 else None,
        "assortativity": assortativity,
        "mixing": mixing,
        "reach": reach(G),
        "bridges": len(bridges),
        "articulation_points": len(list(nx.articulation_points(G))),
        "louvain_modularity": louvain_best(G),
    }
    return {"members": members, "ties": ties, "network": network}


def compute(datasets_dir):
    results = {}
    results["example"] = analyse(build_graph(*load_folder(os.path.join(ROOT, "data", "betterway-2017-2018"))))
    results["generated"] = analyse(build_graph(*load_folder(os.path.join(ROOT, "tests", "fixtures", "generated-150"))))
    davis = os.path.join(datasets_dir, "davis-southern-women")
    if os.path.isdir(davis):
        results["davis"] = analyse(build_graph(*load_davis(davis)))
    return results


def same(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))
    return a == b


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", help="write the reference values here")
    parser.add_argument("--check", help="recompute and compare with this committed file; exit 1 if they differ")
    parser.add_argument("--datasets", default=os.path.join(ROOT, "..", "shared", "datasets"))
    args = parser.parse_args()
    results = compute(args.datasets)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, sort_keys=True)
            f.write("\n")
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            committed = json.load(f)
        if "davis" not in results:
            print("note: Davis dataset not found under --datasets; checking the others only")
            committed.pop("davis", None)
        if not same(results, committed):
            print("the committed reference values differ from what NetworkX computes now", file=sys.stderr)
            return 1
        print("reference values reproduced by NetworkX " + nx.__version__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
