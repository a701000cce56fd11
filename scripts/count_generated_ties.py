#!/usr/bin/python3
"""Counts the distinct tied pairs of a network folder under bridgemap's tie model (SPEC §2).

Two members are tied when they share an event, a group or an organisation (members.organisation
or an affiliations row), or have a ties.csv row. Used to calibrate `bridgemap generate`:

    ./build/bridgemap generate --members 1100 --seed 1 --out /tmp/net
    /usr/bin/python3 scripts/count_generated_ties.py /tmp/net

Prints the number of members, the distinct tied pairs and the average degree, the largest
event, and the sizes of events by kind. Needs only the standard library; holds the pairs as a
set of integers (about 100 bytes a pair: 2.8 million pairs take a few hundred MB).
"""

import collections
import csv
import os
import statistics
import sys


def read_rows(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def main(argv):
    if len(argv) != 2:
        print("usage: count_generated_ties.py NETWORK_FOLDER", file=sys.stderr)
        return 2
    folder = argv[1]
    members = read_rows(folder, "members.csv")
    index = {row["id"]: i for i, row in enumerate(members)}
    n = len(members)

    settings = collections.defaultdict(set)  # (table, id) -> member indices
    for row in members:
        if row.get("organisation"):
            settings[("organisation", row["organisation"])].add(index[row["id"]])
    for row in read_rows(folder, "affiliations.csv"):
        settings[("organisation", row["organisation_id"])].add(index[row["member_id"]])
    for row in read_rows(folder, "group_members.csv"):
        settings[("group", row["group_id"])].add(index[row["member_id"]])
    for row in read_rows(folder, "attendance.csv"):
        settings[("event", row["event_id"])].add(index[row["member_id"]])

    pairs = set()
    for people in settings.values():
        people = sorted(people)
        for a_position, a in enumerate(people):
            base = a * n
            pairs.update(base + b for b in people[a_position + 1 :])
    explicit = read_rows(folder, "ties.csv")
    for row in explicit:
        a, b = index[row["source"]], index[row["target"]]
        pairs.add(min(a, b) * n + max(a, b))

    kinds = {row["id"]: row.get("kind", "") for row in read_rows(folder, "events.csv")}
    sizes = collections.defaultdict(list)
    for (table, key), people in settings.items():
        if table == "event":
            sizes[kinds.get(key, "")].append(len(people))
    organisation_sizes = sorted((len(p) for (t, _), p in settings.items() if t == "organisation"), reverse=True)

    print(f"members: {n}")
    print(f"distinct tied pairs: {len(pairs)}")
    print(f"average degree: {2 * len(pairs) / n:.1f}" if n else "average degree: 0")
    largest = max((s for values in sizes.values() for s in values), default=0)
    print(f"largest event: {largest}")
    print(f"attendance rows: {sum(sum(v) for v in sizes.values())}; ties.csv rows: {len(explicit)}")
    print("events by kind: count, mean size, median, max")
    for kind in sorted(sizes):
        values = sizes[kind]
        print(f"  {kind or '(none)'}: {len(values)}, {statistics.mean(values):.1f}, "
              f"{statistics.median(values)}, {max(values)}")
    if organisation_sizes:
        singles = sum(1 for s in organisation_sizes if s == 1)
        print(f"organisations with members: {len(organisation_sizes)}, largest {organisation_sizes[:5]}, "
              f"single-member {singles}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
