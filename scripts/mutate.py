#!/usr/bin/env python3
"""The mutation run (docs/fuzzing.md): mutated copies of the bundled example and the test
fixtures, fed to `bridgemap validate` (and `bridgemap analyse` on some), counting what goes wrong.

    python3 scripts/mutate.py [--count 3000] [--seed 1] [--bridgemap build/bridgemap] [--jobs 2]

Each input is one network (a folder of CSV files, or the same tables as one .json file) with one
to three mutations: byte flips, truncations, duplicated, deleted and swapped lines, quotes added
or removed, huge and odd numbers, byte order marks, NUL bytes, CRLF and lone CR line ends,
random (and invalid) UTF-8, control and invisible characters, swapped, dropped and repeated
columns, thousands of columns, other delimiters, files emptied, removed or replaced by a folder,
and, in JSON, duplicate keys, numbers for text, deep nesting. The run is deterministic: the same
--seed and --count give the same inputs (the digest printed at the end says so).

Every input runs `bridgemap validate` with a time limit; every --analyse-every'th runs
`bridgemap analyse --out` as well. It counts crashes (killed by a signal), hangs (over
--timeout), exit codes, and non-zero exits that carry no diagnostic on the input: a line
`FILE:LINE: error: ...`, `FILE:/pointer: ...`, `FILE[SHEET]!CELL: ...` or `FILE: ...` (error or
warning) whose FILE is in the input. Those are listed, and their inputs kept in
--keep/seed-SEED (default build/mutate/findings/seed-1). Exit status 1 when there is a crash, a
hang or such an exit.
"""
import argparse
import concurrent.futures
import csv
import hashlib
import io
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
TABLES = ["members", "organisations", "events", "attendance", "groups", "group_members",
          "affiliations", "ties", "sectors"]

ODD_NUMBERS = ["1e400", "-1e400", "1e308", "123456789012345678901234567890", "123456789012345678901234567891",
               "-0", "+1", "0x10", "NaN", "inf", "-inf", "1.7976931348623157e308", "4.9e-324", "0999",
               "18446744073709551616", "9223372036854775808", "-9223372036854775809", "1,5", "١٢٣"]
ODD_TEXT = ["\u00a0", "\u200b", "\u202e", "\ufeff", "\u0000", "\x1b[2J\x1b[31m", "\x07", "\t", "\r", "\u2028",
            "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "<b>&amp;", "\\N", "Zoë", "日本語",
            "\U0001f600", "\udcff", "a/b", "~1", "\"", "\"\"", "'", "0000-00-00", "2018-02-30", "04/07/2018",
            "9999-12-31", "0999-01-01", "2018-13-01", "2018-7-4"]
BOM = b"\xef\xbb\xbf"


def network_sources():
    """The networks to mutate: the example and every fixture folder with a members table."""
    folders = [ROOT / "data" / "betterway-2017-2018"]
    fixtures = ROOT / "tests" / "fixtures"
    folders += sorted(p for p in fixtures.iterdir() if p.is_dir() and (p / "members.csv").exists())
    sources = []
    for folder in folders:
        files = {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}
        sources.append((folder.name, files))
    return sources


def as_json(files):
    """The tables of a folder as one JSON network (every value text), as bytes."""
    document = {}
    for table in TABLES:
        data = files.get(table + ".csv")
        if data is None:
            continue
        text = data.decode("utf-8-sig", errors="replace")
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        document[table] = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def random_utf8(rng):
    choice = rng.random()
    if choice < 0.3:
        return bytes([rng.randrange(0x80, 0x100) for _ in range(rng.randint(1, 4))])  # often invalid
    if choice < 0.6:
        return rng.choice(ODD_TEXT).encode("utf-8", errors="surrogatepass")
    return "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0x3000),
                                   rng.randrange(0x10000, 0x10ffff)])) for _ in range(rng.randint(1, 6))).encode(
        "utf-8", errors="surrogatepass")


def lines_of(data):
    return data.split(b"\n")


def join_lines(lines):
    return b"\n".join(lines)


def field_spans(line, delimiter=b","):
    """(start, end) of each field of one line, not minding quotes."""
    spans, start = [], 0
    while True:
        at = line.find(delimiter, start)
        if at < 0:
            spans.append((start, len(line)))
            return spans
        spans.append((start, at))
        start = at + 1


def mutate_bytes(data, rng, json_file):
    """One mutation of one file's bytes; returns (new bytes, what was done)."""
    lines = lines_of(data)
    n = len(data)

    def pos():
        return rng.randrange(n + 1)

    def pick_line():
        return rng.randrange(len(lines))

    ops = ["flip", "insert", "truncate", "duplicate_line", "delete_line", "swap_lines", "quote", "unquote",
           "number", "bom", "bom_inside", "nul", "crlf", "cr", "utf8", "swap_columns", "drop_column",
           "repeat_header", "wide_header", "delimiter", "empty_field", "trailing_space", "long_field",
           "many_lines", "text_value"]
    if json_file:
        ops += ["json_number", "json_duplicate_key", "json_nesting", "json_null", "json_key_escape",
                "json_number", "json_duplicate_key"]
    op = rng.choice(ops)
    if op == "flip" and n:
        at = rng.randrange(n)
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:], f"flip byte {at}"
    if op == "insert":
        at = pos()
        return data[:at] + bytes([rng.randrange(256)]) + data[at:], f"insert a byte at {at}"
    if op == "truncate":
        at = pos()
        return data[:at], f"truncate at {at}"
    if op == "duplicate_line":
        k = pick_line()
        return join_lines(lines[:k + 1] + [lines[k]] + lines[k + 1:]), f"duplicate line {k + 1}"
    if op == "delete_line":
        k = pick_line()
        return join_lines(lines[:k] + lines[k + 1:]), f"delete line {k + 1}"
    if op == "swap_lines" and len(lines) > 1:
        a, b = rng.sample(range(len(lines)), 2)
        lines[a], lines[b] = lines[b], lines[a]
        return join_lines(lines), f"swap lines {a + 1} and {b + 1}"
    if op == "quote":
        at = pos()
        return data[:at] + b'"' + data[at:], f"quote at {at}"
    if op == "unquote" and b'"' in data:
        quotes = [i for i, c in enumerate(data) if c == 0x22]
        at = rng.choice(quotes)
        return data[:at] + data[at + 1:], f"remove the quote at {at}"
    if op in ("number", "text_value", "empty_field") and len(lines) > 1:
        k = rng.randrange(1, len(lines))
        spans = field_spans(lines[k])
        start, end = rng.choice(spans)
        value = {"number": lambda: rng.choice(ODD_NUMBERS).encode(),
                 "text_value": lambda: random_utf8(rng),
                 "empty_field": lambda: b""}[op]()
        lines[k] = lines[k][:start] + value + lines[k][end:]
        return join_lines(lines), f"{op} {value!r} on line {k + 1}"
    if op == "bom":
        return BOM + data, "BOM added at the start"
    if op == "bom_inside":
        at = pos()
        return data[:at] + BOM + data[at:], f"BOM at {at}"
    if op == "nul":
        at = pos()
        return data[:at] + b"\x00" + data[at:], f"NUL at {at}"
    if op == "crlf":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), "CRLF line ends"
    if op == "cr":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r"), "CR line ends"
    if op == "utf8":
        at = pos()
        return data[:at] + random_utf8(rng) + data[at:], f"UTF-8 at {at}"
    if op == "swap_columns" and not json_file:
        spans = field_spans(lines[0])
        if len(spans) > 1:
            a, b = sorted(rng.sample(range(len(spans)), 2))
            every = rng.random() < 0.5
            for k in range(len(lines) if every else 1):
                fields = [lines[k][s:e] for s, e in field_spans(lines[k])]
                if len(fields) > b:
                    fields[a], fields[b] = fields[b], fields[a]
                    lines[k] = b",".join(fields)
            return join_lines(lines), f"swap columns {a + 1} and {b + 1} ({'every line' if every else 'header'})"
    if op == "drop_column" and not json_file:
        spans = field_spans(lines[0])
        c = rng.randrange(len(spans))
        fields = [lines[0][s:e] for s, e in spans]
        del fields[c]
        lines[0] = b",".join(fields)
        return join_lines(lines), f"drop column {c + 1} of the header"
    if op == "repeat_header" and not json_file:
        spans = field_spans(lines[0])
        s, e = rng.choice(spans)
        lines[0] = lines[0] + b"," + lines[0][s:e]
        return join_lines(lines), "a header column repeated"
    if op == "wide_header" and not json_file:
        width = rng.choice([100, 1000, 3000])
        lines[0] = lines[0].rstrip(b"\r") + b"".join(b",extra%d" % i for i in range(width))
        return join_lines(lines), f"{width} more header columns"
    if op == "delimiter" and not json_file:
        new = rng.choice([b";", b"\t", b"|"])
        return data.replace(b",", new), f"delimiter {new!r}"
    if op == "trailing_space" and len(lines) > 1:
        k = rng.randrange(len(lines))
        lines[k] = lines[k].rstrip(b"\r") + rng.choice([b" ", b"\xc2\xa0", b"\t", b"\xe2\x80\x8b"])
        return join_lines(lines), f"trailing space on line {k + 1}"
    if op == "long_field":
        at = pos()
        return data[:at] + b"x" * rng.choice([10_000, 200_000]) + data[at:], f"long text at {at}"
    if op == "many_lines" and len(lines) > 1:
        k = rng.randrange(1, len(lines))
        return join_lines(lines + [lines[k]] * rng.choice([100, 5000])), f"line {k + 1} repeated many times"
    if op == "json_number":
        quoted = [m.span() for m in re.finditer(rb'": "[^"\\]*"', data)]
        if quoted:
            start, end = rng.choice(quoted)
            value = rng.choice(ODD_NUMBERS[:14] + ["1", "true", "false", "null", "[]", "{}", "[1]"]).encode()
            return data[:start + 3] + value + data[end:], f"JSON value {value!r} at {start}"
    if op == "json_duplicate_key":
        keys = [m.span() for m in re.finditer(rb'\n\s*"[a-z_]+": [^\n]*,?', data)]
        if keys:
            start, end = rng.choice(keys)
            entry = data[start:end].rstrip(b",")
            return data[:start] + entry + b"," + data[start:], f"JSON key repeated at {start}"
    if op == "json_nesting":
        depth = rng.choice([100, 10_000, 100_000])
        at = data.rfind(b"}")
        if at > 0:
            return data[:at] + b', "deep": ' + b"[" * depth + b"]" * depth + data[at:], f"JSON nested {depth} deep"
    if op == "json_null":
        return b"null", "JSON null"
    if op == "json_key_escape":
        keys = [m.span() for m in re.finditer(rb'"[a-z_]+": ', data)]
        if keys:
            start, end = rng.choice(keys)
            key = rng.choice([b'"a/b": ', b'"a~b": ', b'"": ', b'"\\u0000": ', b'"id\\u00a0": '])
            return data[:start] + key + data[end:], f"JSON key {key!r} at {start}"
    return data, f"{op} (not applicable)"


def make_case(index, seed, sources, folder):
    """Writes input `index` under `folder`; returns (its path, description)."""
    rng = random.Random(f"{seed}:{index}")
    name, files = sources[rng.randrange(len(sources))]
    files = dict(files)
    json_file = rng.random() < 0.25
    notes = [name + (" as JSON" if json_file else "")]
    if json_file:
        data = as_json(files)
        for _ in range(rng.randint(1, 3)):
            data, note = mutate_bytes(data, rng, True)
            notes.append(note)
        path = folder / f"case-{index:05d}.json"
        path.write_bytes(data)
        return path, "; ".join(notes)
    path = folder / f"case-{index:05d}"
    path.mkdir()
    directories = set()
    for _ in range(rng.randint(1, 3)):
        target = rng.choice(sorted(files))
        roll = rng.random()
        if roll < 0.03:
            del files[target]
            notes.append(f"{target} removed")
        elif roll < 0.05:
            files[target] = b""
            notes.append(f"{target} emptied")
        elif roll < 0.06 and target != "members.csv":
            directories.add(target)
            notes.append(f"{target} is a folder")
        else:
            files[target], note = mutate_bytes(files[target], rng, False)
            notes.append(f"{target}: {note}")
        if not files:
            break
    for file_name, data in files.items():
        if file_name in directories:
            (path / file_name).mkdir()
        else:
            (path / file_name).write_bytes(data)
    return path, "; ".join(notes)


def located_diagnostic(output, case):
    """Whether `output` holds a diagnostic placed in the input `case` (a folder or a file)."""
    prefix = re.escape(str(case))
    pattern = re.compile(r"^" + prefix + r"[^:\n]*(:\d+|:/[^\n]*?|\[[^\]\n]+\](![A-Z]+\d+)?)?: (error|warning): ",
                         re.MULTILINE)
    return pattern.search(output) is not None


def run(command, timeout):
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ""
    output = done.stdout.decode("utf-8", errors="replace") + done.stderr.decode("utf-8", errors="replace")
    return done.returncode, output


def check(index, path, description, args, work):
    """Runs validate (and analyse on some) on one input; returns its results."""
    results = []
    commands = [("validate", [args.bridgemap, "validate", str(path)])]
    if args.analyse_every > 0 and index % args.analyse_every == 0:
        out = work / f"out-{index:05d}"
        commands.append(("analyse", [args.bridgemap, "analyse", str(path), "--out", str(out)]))
    for name, command in commands:
        code, output = run(command, args.timeout)
        if code is None:
            kind = "hang"
        elif code < 0:
            kind = "crash"
        elif code == 0:
            kind = "ok"
        elif located_diagnostic(output, path):
            kind = "located"
        else:
            kind = "unlocated"
        results.append({"index": index, "command": name, "code": code, "kind": kind, "input": description,
                        "output": output[-600:]})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3000, help="how many inputs (default 3000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bridgemap", default=str(ROOT / "build" / "bridgemap"))
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per command (default 20)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--analyse-every", type=int, default=10, help="run analyse on every Nth input (0: never)")
    parser.add_argument("--keep", default=str(ROOT / "build" / "mutate" / "findings"),
                        help="folder where the inputs of findings are copied")
    args = parser.parse_args()
    if not os.access(args.bridgemap, os.X_OK):
        sys.exit(f"mutate.py: no program at {args.bridgemap} (build it first, or give --bridgemap)")

    sources = network_sources()
    with tempfile.TemporaryDirectory(prefix="bridgemap-mutate-") as scratch:
        work = pathlib.Path(scratch)
        cases = [make_case(i, args.seed, sources, work) for i in range(args.count)]
        digest = hashlib.sha256()
        for path, description in cases:
            digest.update(description.encode())
            for file in sorted([path] if path.is_file() else path.rglob("*")):
                if file.is_file():
                    digest.update(file.read_bytes())
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(check, i, path, description, args, work) for i, (path, description) in
                       enumerate(cases)]
            results = [r for future in futures for r in future.result()]

        keep = pathlib.Path(args.keep) / f"seed-{args.seed}"
        shutil.rmtree(keep, ignore_errors=True)  # the findings of this seed's last run
        bad = [r for r in results if r["kind"] in ("crash", "hang", "unlocated")]
        if bad:
            keep.mkdir(parents=True, exist_ok=True)
            for r in bad:
                path = cases[r["index"]][0]
                destination = keep / path.name
                if not destination.exists():
                    (shutil.copytree if path.is_dir() else shutil.copy)(path, destination)

    for command in ("validate", "analyse"):
        mine = [r for r in results if r["command"] == command]
        if not mine:
            continue
        counts = {kind: sum(1 for r in mine if r["kind"] == kind) for kind in
                  ("ok", "located", "unlocated", "crash", "hang")}
        codes = {}
        for r in mine:
            codes[r["code"]] = codes.get(r["code"], 0) + 1
        print(f"{command}: {len(mine)} runs; exit 0: {counts['ok']}; non-zero with a located diagnostic: "
              f"{counts['located']}; non-zero without: {counts['unlocated']}; crashes: {counts['crash']}; "
              f"hangs: {counts['hang']}; exit codes: "
              + ", ".join(f"{code if code is not None else 'timeout'}: {n}"
                          for code, n in sorted(codes.items(), key=lambda item: str(item[0]))))
    for r in bad:
        print(f"\n[{r['kind']}] {r['command']} case-{r['index']:05d} (exit {r['code']}): {r['input']}")
        print("  " + "\n  ".join(r["output"].strip().splitlines()[-4:]))
    print(f"\ninputs: {args.count}, seed {args.seed}, digest {digest.hexdigest()[:16]}"
          + (f"; findings kept in {keep}" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
