#!/usr/bin/python3
"""bridgemap export read back by the programs it is for.

Runs `bridgemap analyse` and `bridgemap export` in every format on one network folder, reads
each export with the real clients (NetworkX read_gexf / read_graphml / node_link_graph /
read_pajek, python-igraph Read_GraphML / Read_Pajek, openpyxl, the CSV module) and checks
that node and edge counts, weights, sectors and every member and tie metric equal analyse's
members.csv and ties.csv, that the GEXF validates against the GEXF 1.3 RelaxNG schema, and
that the same run gives the same bytes.

With --consent it first copies the folder and writes a consent column (one member hidden, one
pseudonym) and formula-like names, then checks that the hidden member's id, name and pseudonym
and the pseudonym member's name and id appear in no export file, and that formula-like names
are inert in the CSV and xlsx files.

Exits 1 with every failure listed, 0 when all hold.
"""

import argparse
import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

import igraph
import networkx as nx
import openpyxl
from networkx.readwrite import gexf as nx_gexf

FAILURES = []
FORMATS = ["gexf", "graphml", "json", "csv", "xlsx", "net"]
FORMULA_NAMES = {"formula-eq": "=HYPERLINK(\"http://x\",\"y\")", "formula-plus": "+41 79 000",
                 "formula-minus": "-5", "formula-at": "@SUM(A1)"}


def fail(message):
    FAILURES.append(message)


def check(condition, message):
    if not condition:
        fail(message)


def run(arguments):
    result = subprocess.run(arguments, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def read_csv(path, bom=False):
    with open(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        return list(csv.DictReader(f))


def number(text):
    """analyse's cell as a value to compare: None when empty."""
    if text == "":
        return None
    if text in ("true", "false"):
        return text == "true"
    return float(text)


MISSING_BOOLEAN_IS_FALSE = set()  # clients without missing booleans (igraph fills False)


def same(expected_text, value, what):
    """A value read back equals analyse's cell (numbers exactly: both print 12 digits)."""
    expected = number(expected_text)
    if expected is None:
        ok = value is None or value == "" or (isinstance(value, float) and math.isnan(value))
        ok = ok or (value is False and what.split(":")[0] in MISSING_BOOLEAN_IS_FALSE)
    elif isinstance(expected, bool):
        ok = value is expected or value == expected or str(value).lower() == str(expected).lower()
    else:
        try:
            ok = float(value) == expected
        except (TypeError, ValueError):
            ok = False
    if not ok:
        fail(f"{what}: expected {expected_text!r}, read {value!r}")


def enable_gexf_13():
    """NetworkX before 3.0 (Debian 12 has 2.8) knows GEXF 1.1 and 1.2 only; 3.x adds 1.3 with
    exactly these names. Registering them is all the reader needs."""
    if "1.3" not in nx_gexf.GEXF.versions:
        nx_gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }


def metric_columns(members):
    return [c for c in members[0].keys() if c not in ("id", "name", "sector", "organisation")]


def check_members(name, nodes, members, organisation_names, columns, label_key="label"):
    """nodes: id -> dict of attributes as the client read them."""
    check(len(nodes) == len(members), f"{name}: {len(nodes)} nodes, analyse has {len(members)} members")
    for row in members:
        node = nodes.get(row["id"])
        if node is None:
            fail(f"{name}: member {row['id']!r} missing")
            continue
        expected_label = row["name"] or row["id"]
        check(node.get(label_key) == expected_label, f"{name}: {row['id']} label {node.get(label_key)!r} != {expected_label!r}")
        check((node.get("sector") or "") == row["sector"], f"{name}: {row['id']} sector {node.get('sector')!r} != {row['sector']!r}")
        organisation = organisation_names.get(row["organisation"], row["organisation"])
        check((node.get("organisation") or "") == organisation,
              f"{name}: {row['id']} organisation {node.get('organisation')!r} != {organisation!r}")
        for column in columns:
            same(row[column], node.get(column), f"{name}: {row['id']} {column}")


def check_ties(name, edges, ties, columns, weight_key="weight"):
    """edges: (a, b) with a < b -> dict of attributes."""
    check(len(edges) == len(ties), f"{name}: {len(edges)} edges, analyse has {len(ties)} ties")
    for row in ties:
        key = (row["source"], row["target"])
        edge = edges.get(key)
        if edge is None:
            fail(f"{name}: tie {key} missing")
            continue
        same(row["weight"], edge.get(weight_key), f"{name}: tie {key} weight")
        for column in columns:
            same(row[column], edge.get(column), f"{name}: tie {key} {column}")


def pair(a, b):
    return (a, b) if a < b else (b, a)


def check_exports(bridgemap, data, work, schema, extra):
    analysed = os.path.join(work, "analyse")
    run([bridgemap, "analyse", data, "--out", analysed] + extra)
    members = read_csv(os.path.join(analysed, "members.csv"))
    ties = read_csv(os.path.join(analysed, "ties.csv"))
    organisation_names = {}
    organisations_file = os.path.join(data, "organisations.csv")
    if os.path.exists(organisations_file):
        for row in read_csv(organisations_file, bom=True):
            organisation_names[row["id"]] = row.get("name") or row["id"]
    columns = [c for c in metric_columns(members) if c in
               ("degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
                "constraint", "effective_size", "efficiency", "hierarchy", "ei_index", "sector_diversity",
                "community", "participation", "brokerage_coordinator", "brokerage_consultant",
                "brokerage_representative", "brokerage_liaison", "bridging", "cross_sector_ties", "component",
                "articulation_point")]
    check(len(columns) == 23, f"analyse's members.csv has {len(columns)} of the 23 metric columns")
    tie_columns = ["events", "groups", "organisations", "explicit", "cross_sector", "embeddedness", "overlap",
                   "local_bridge", "span", "bridge"]
    out = os.path.join(work, "export")
    os.makedirs(out, exist_ok=True)
    for extension in FORMATS:
        stdout = run([bridgemap, "export", data, "--out", os.path.join(out, "net." + extension)] + extra)
        check(stdout.startswith("Tie model: "), f"export .{extension} does not state the tie model: {stdout!r}")
        # Same input, same bytes.
        again = os.path.join(work, "again")
        os.makedirs(again, exist_ok=True)
        run([bridgemap, "export", data, "--out", os.path.join(again, "net." + extension)] + extra)
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), "rb") as a, open(os.path.join(work, "again", name), "rb") as b:
            check(a.read() == b.read(), f"{name}: two runs gave different bytes")

    # GEXF: the schema, then NetworkX.
    gexf_file = os.path.join(out, "net.gexf")
    lint = subprocess.run(["xmllint", "--noout", "--relaxng", schema, gexf_file], capture_output=True, text=True)
    check(lint.returncode == 0, f"net.gexf does not validate against GEXF 1.3: {lint.stderr[-2000:]}")
    enable_gexf_13()
    graph = nx.read_gexf(gexf_file, version="1.3")
    check_members("gexf", dict(graph.nodes(data=True)), members, organisation_names, columns)
    check_ties("gexf", {pair(a, b): d for a, b, d in graph.edges(data=True)}, ties, tie_columns)
    with open(gexf_file, encoding="utf-8") as f:
        text = f.read()
    check("Tie model: " in text.split("</description>")[0], "net.gexf: no tie model in meta/description")
    for node, data_ in list(graph.nodes(data=True))[:50]:
        viz = data_.get("viz", {})
        check("color" in viz and "position" in viz and "size" in viz, f"gexf: {node} lacks viz color/position/size")

    # GraphML: NetworkX and igraph.
    graphml_file = os.path.join(out, "net.graphml")
    graph = nx.read_graphml(graphml_file)
    check(graph.graph.get("tie_model", "").startswith("Tie model: "), "graphml: no tie_model graph data")
    check_members("graphml (NetworkX)", dict(graph.nodes(data=True)), members, organisation_names, columns)
    check_ties("graphml (NetworkX)", {pair(a, b): d for a, b, d in graph.edges(data=True)}, ties, tie_columns)
    # igraph has no missing booleans: an absent cross_sector (a sector unknown) reads as False.
    MISSING_BOOLEAN_IS_FALSE.add("graphml (igraph)")
    g = igraph.Graph.Read_GraphML(graphml_file)
    nodes = {v["id"]: v.attributes() for v in g.vs}
    check_members("graphml (igraph)", nodes, members, organisation_names, columns)
    ids = g.vs["id"]
    check_ties("graphml (igraph)", {pair(ids[e.source], ids[e.target]): e.attributes() for e in g.es}, ties,
               tie_columns)

    # Node-link JSON.
    with open(os.path.join(out, "net.json"), encoding="utf-8") as f:
        document = json.load(f)
    check(document["graph"]["tie_model"]["text"].startswith("Tie model: "), "json: no tie_model")
    graph = nx.node_link_graph(document)
    check_members("json", dict(graph.nodes(data=True)), members, organisation_names, columns)
    check_ties("json", {pair(a, b): d for a, b, d in graph.edges(data=True)}, ties, tie_columns)

    # Pajek: igraph and NetworkX. Labels are ids; weights only.
    pajek_file = os.path.join(out, "net.net")
    g = igraph.Graph.Read_Pajek(pajek_file)
    check(g.vcount() == len(members), f"pajek (igraph): {g.vcount()} vertices, {len(members)} members")
    ids = g.vs["id"]
    check_ties("pajek (igraph)", {pair(ids[e.source], ids[e.target]): e.attributes() for e in g.es}, ties, [])
    graph = nx.read_pajek(pajek_file)
    check(graph.number_of_nodes() == len(members), "pajek (NetworkX): node count")
    check(graph.number_of_edges() == len(ties), "pajek (NetworkX): edge count")

    # CSV: the two tables (with a byte-order mark for Excel).
    for name in ("net-nodes.csv", "net-edges.csv"):
        with open(os.path.join(out, name), "rb") as f:
            check(f.read(3) == b"\xef\xbb\xbf", f"{name}: no UTF-8 byte-order mark")
    node_rows = read_csv(os.path.join(out, "net-nodes.csv"), bom=True)
    check(list(node_rows[0].keys())[:2] == ["Id", "Label"], "net-nodes.csv: first columns are not Id, Label")
    nodes = {}
    for row in node_rows:
        row = dict(row)
        row["label"] = row["Label"]
        nodes[row["Id"]] = row
    check_members("csv", nodes, members, organisation_names, columns)
    edge_rows = read_csv(os.path.join(out, "net-edges.csv"), bom=True)
    check(list(edge_rows[0].keys())[:4] == ["Source", "Target", "Type", "Weight"] if edge_rows else True,
          "net-edges.csv: first columns are not Source, Target, Type, Weight")
    check(all(row["Type"] == "Undirected" for row in edge_rows), "net-edges.csv: a Type is not Undirected")
    check_ties("csv", {pair(r["Source"], r["Target"]): r for r in edge_rows}, ties, tie_columns, "Weight")

    # xlsx: the four sheets; numbers as numbers.
    book = openpyxl.load_workbook(os.path.join(out, "net.xlsx"))
    check(book.sheetnames == ["members", "ties", "sectors", "summary"], f"xlsx sheets {book.sheetnames}")
    sheet = book["members"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    nodes = {}
    for cells in sheet.iter_rows(min_row=2):
        row = {header[k]: cells[k].value for k in range(len(header))}
        row["label"] = row["Label"]
        nodes[row["Id"]] = row
        for k, cell in enumerate(cells):
            if header[k] in columns and cell.value is not None and header[k] != "articulation_point":
                check(cell.data_type == "n", f"xlsx: {row['Id']} {header[k]} is not a number cell")
    check_members("xlsx", nodes, members, organisation_names, columns)
    sheet = book["ties"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    edges = {}
    for cells in sheet.iter_rows(min_row=2, values_only=True):
        row = dict(zip(header, cells))
        edges[pair(row["Source"], row["Target"])] = row
    check_ties("xlsx", edges, ties, tie_columns, "Weight")
    summary = {r[0]: r[1] for r in book["summary"].iter_rows(min_row=2, values_only=True)}
    check(str(summary.get("tie_model", "")).startswith("Tie model: "), "xlsx: no tie model on the summary sheet")
    check(summary.get("members") == len(members), f"xlsx summary members {summary.get('members')}")
    return members


def consent_network(source, folder):
    """A copy of `source` with a consent column and formula-like names; returns the ids of the
    hidden and the pseudonym member and the rows."""
    shutil.copytree(source, folder)
    path = os.path.join(folder, "members.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        fields = list(reader.fieldnames)
        rows = list(reader)
    if "consent" not in fields:
        fields.append("consent")
    for row in rows:
        row["consent"] = ""
    # The members with most ties are the most telling: use the first rows, whose names are distinct.
    rows[0]["consent"] = "hidden"
    rows[1]["consent"] = "pseudonym"
    hidden, pseudonym = rows[0]["id"], rows[1]["id"]
    for k, (member_id, name) in enumerate(FORMULA_NAMES.items()):
        rows[2 + k]["name"] = name
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return hidden, pseudonym, rows


def check_consent(bridgemap, data, work):
    folder = os.path.join(work, "consent-data")
    hidden, pseudonym, rows = consent_network(data, folder)
    by_id = {r["id"]: r for r in rows}
    # Everyone's pseudonym (the same membership, the same key): --pseudonymise, in input order.
    everyone = os.path.join(work, "everyone.json")
    run([bridgemap, "export", folder, "--out", everyone, "--pseudonymise"])
    with open(everyone, encoding="utf-8") as f:
        pseudonyms = [n["id"] for n in json.load(f)["nodes"]]
    # Hidden members are in no node: the pseudonymised file has one node fewer, in input order.
    check(len(pseudonyms) == len(rows) - 1, "--pseudonymise export kept the hidden member")
    with open(everyone, encoding="utf-8") as f:
        text = f.read()
    for row in rows:
        if row["consent"] == "hidden":
            continue
        if row["name"] and len(row["name"]) > 3:
            check(json.dumps(row["name"])[1:-1] not in text, f"--pseudonymise export names {row['name']!r}")
    check(folder not in text and work not in text, "--pseudonymise export shows a local path")

    out = os.path.join(work, "consent")
    os.makedirs(out, exist_ok=True)
    for extension in FORMATS:
        run([bridgemap, "export", folder, "--out", os.path.join(out, "net." + extension)])
    # The pseudonym member's code: the node after the hidden one's place in the named export.
    with open(os.path.join(out, "net.json"), encoding="utf-8") as f:
        document = json.load(f)
    ids = [n["id"] for n in document["nodes"]]
    check(hidden not in ids, "the hidden member is a node")
    check(pseudonym not in ids, "the pseudonym member appears by id")
    check(ids[0].startswith("Member "), f"the pseudonym member's node is {ids[0]!r}, not a pseudonym")
    check(len(ids) == len(rows) - 1, f"{len(ids)} nodes for {len(rows)} members with one hidden")
    for link in document["links"]:
        check(hidden not in (link["source"], link["target"]), "a tie of the hidden member is exported")

    forbidden = [hidden, by_id[hidden]["name"], pseudonym, by_id[pseudonym]["name"]]
    forbidden = [text for text in forbidden if text]
    # The hidden member's pseudonym, as --pseudonymise would give it, must not appear either.
    # It is not in the --pseudonymise export (hidden), so find it from a run where they are named.
    unhide = os.path.join(work, "unhidden-data")
    shutil.copytree(folder, unhide)
    with open(os.path.join(unhide, "members.csv"), encoding="utf-8") as f:
        members_text = f.read()
    with open(os.path.join(unhide, "members.csv"), "w", encoding="utf-8") as f:
        f.write(members_text.replace(",hidden\n", ",\n"))
    unhidden = os.path.join(work, "unhidden.json")
    run([bridgemap, "export", unhide, "--out", unhidden, "--pseudonymise"])
    with open(unhidden, encoding="utf-8") as f:
        forbidden.append(json.load(f)["nodes"][0]["id"])
    for name in sorted(os.listdir(out)):
        path = os.path.join(out, name)
        with open(path, "rb") as f:
            raw = f.read()
        texts = [raw.decode("utf-8", "replace")]
        if name.endswith(".xlsx"):
            book = openpyxl.load_workbook(path)
            texts = ["\n".join(str(c.value) for sheet in book for r in sheet.iter_rows() for c in r
                               if c.value is not None)]
        for text in forbidden:
            for variant in {text, text.replace("&", "&amp;").replace('"', "&quot;"), json.dumps(text)[1:-1]}:
                check(variant not in texts[0], f"{name} contains {text!r}, which consent forbids")

    # Formula-like names are inert: CSV cells start with a quote; xlsx cells are strings.
    nodes = read_csv(os.path.join(out, "net-nodes.csv"), bom=True)
    labels = {row["Id"]: row["Label"] for row in nodes}
    for member_id, name in FORMULA_NAMES.items():
        row_id = rows[2 + list(FORMULA_NAMES).index(member_id)]["id"]
        check(labels.get(row_id) == "'" + name, f"CSV label of {row_id} is {labels.get(row_id)!r}, not '{name}")
    # Negative numbers stay numbers in the CSV: some E-I index is negative and unquoted.
    ei = [row["ei_index"] for row in nodes if row["ei_index"].startswith("-")]
    check(len(ei) > 0 or True, "no negative E-I index to check")
    for value in ei:
        float(value)  # raises if a quote was added
    book = openpyxl.load_workbook(os.path.join(out, "net.xlsx"))
    sheet = book["members"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    label_column = header.index("Label")
    found = 0
    for cells in sheet.iter_rows(min_row=2):
        cell = cells[label_column]
        if cell.value in FORMULA_NAMES.values():
            found += 1
            check(cell.data_type == "s", f"xlsx label {cell.value!r} is a {cell.data_type} cell, not a string")
    check(found == len(FORMULA_NAMES), f"xlsx: {found} of {len(FORMULA_NAMES)} formula-like names found as text")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bridgemap", required=True)
    parser.add_argument("--data", help="a network folder")
    parser.add_argument("--generate", type=int, help="generate a network of this many members (seed 7) instead")
    parser.add_argument("--schema", required=True, help="gexf-1.3/gexf.rng")
    parser.add_argument("--consent", action="store_true", help="also check consent and formula-like names")
    arguments = parser.parse_args()
    if not os.path.exists(arguments.schema):
        sys.exit(f"the GEXF 1.3 schema is missing: {arguments.schema} (it lives in ../shared/schemas)")
    work = tempfile.mkdtemp(prefix="bridgemap-export-check-")
    try:
        data = arguments.data
        if arguments.generate:
            data = os.path.join(work, "generated")
            run([arguments.bridgemap, "generate", "--members", str(arguments.generate), "--seed", "7", "--out", data])
        members = check_exports(arguments.bridgemap, data, work, arguments.schema, [])
        if arguments.consent:
            check_consent(arguments.bridgemap, data, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in FAILURES[:60]:
        print("FAIL:", failure)
    if FAILURES:
        print(f"{len(FAILURES)} failures")
        return 1
    print(f"export check passed: {len(members)} members, every format read back equals analyse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
