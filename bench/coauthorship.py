#!/usr/bin/python3
"""Writes one of Newman's arXiv co-authorship networks as a bridgemap network folder.

    bench/coauthorship.py NAME DATASETS_DIR OUT_DIR        NAME: cond-mat or astro-ph

DATASETS_DIR is the shared datasets folder (../shared/datasets next to the repository; the
build's BRIDGEMAP_DATASETS_DIR); the data stay there and are never copied into the repository.
The folder written has members.csv (id, name: every author, isolates too) and ties.csv
(source, target: one row per co-authored pair, weight 1 by default), so bridgemap's tie graph
is the co-authorship graph with every weight 1 (path length 1), and the peers in
bench/compare_libraries.py read the same graph back from `analyse`'s ties.csv. Formats, per
the dataset's README: `u v` edge lists with 0-based ids and CRLF line ends; cond-mat's names are
`id "SURNAME, INITIALS"`, astro-ph's `id SURNAME, INITIALS` sorted by name.
"""

import csv
import os
import sys

FILES = {"cond-mat": ("cond-mat.net", "cond-mat_names.txt"),
         "astro-ph": ("astro-ph.txt", "astro-ph_names.txt")}


def main():
    name, datasets, out = sys.argv[1:4]
    edges_file, names_file = FILES[name]
    folder = os.path.join(datasets, "coauthorship-arxiv-newman")
    names = {}
    with open(os.path.join(folder, names_file), encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line:
                node, label = line.split(None, 1)
                names[int(node)] = label.strip().strip('"')
    pairs = set()
    with open(os.path.join(folder, edges_file), encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                a, b = int(parts[0]), int(parts[1])
                if a != b:
                    pairs.add((min(a, b), max(a, b)))
    ident = lambda node: f"a{node:05d}"
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "members.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name"])
        for node in sorted(names):
            writer.writerow([ident(node), names[node]])
    with open(os.path.join(out, "ties.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "target"])
        for a, b in sorted(pairs):
            writer.writerow([ident(a), ident(b)])
    print(f"{name}: {len(names)} members, {len(pairs)} ties -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
