#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus (tests/fuzz/corpus/TARGET/) from the bundled example
(data/betterway-2017-2018), the test fixtures (tests/fixtures) and hand-made edge cases.

    python3 tests/fuzz/make_corpus.py        # rewrites tests/fuzz/corpus/

Deterministic: the same sources give the same files. libFuzzer adds what it finds interesting to
a working copy (scripts/fuzz.sh), never to these folders; crashes and hangs it finds go, by hand,
to tests/fuzz/regressions/TARGET/.
"""
import csv
import hashlib
import io
import json
import pathlib
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
EXAMPLE = ROOT / "data" / "betterway-2017-2018"
FIXTURES = ROOT / "tests" / "fixtures"
# The tables of SPEC §1 in the order fuzz_validate.cpp splits its input into them.
TABLES = ["members", "organisations", "events", "attendance", "groups", "group_members",
          "affiliations", "ties", "sectors"]
SEPARATOR = b"\x1e"
MAX_SEED = 24 * 1024  # bigger seeds slow every execution down (libFuzzer's -max_len follows them)


def network_folders():
    folders = [EXAMPLE]
    folders += sorted(p for p in FIXTURES.iterdir()
                      if p.is_dir() and (p / "members.csv").exists() and p.name != "generated-150")
    return folders


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if len(data) <= MAX_SEED:
        (folder / name).write_bytes(data)


CSV_EDGES = {
    "empty": b"",
    "blank-lines": b"\n\r\n\r\r\n",
    "bom-only": b"\xef\xbb\xbf",
    "bom-crlf": b"\xef\xbb\xbfid,name\r\nm1,Ann\r\n",
    "lone-cr": b"id,name\rm1,Ann\rm2,Bo",
    "quoted-break": b'id,name\nm1,"Ann\r\nAble"\nm2,"B ""Bo"" B"\n',
    "open-quote": b'id,name\nm1,"Ann\nm2,Bo\nm3,Cy\n',
    "after-quote": b'id,name\nm1,"Ann"x,y\n',
    "stray-quote": b'id,name\nm1,An"n\n',
    "semicolons": b'id;name;sector\nm1;"A;B";public\n',
    "tabs": b'id\tname\nm1\tAnn\n',
    "tie": b'a,b;c;d\tE\n',
    "trailing-delimiter": b"id,name,\nm1,Ann,",
    "nul": b"id,na\x00me\nm\x001,Ann\x00\n",
    "invalid-utf8": b"id,name\nm1,\xff\xfe\xc3(\n",
    "nbsp": b"id,name\nkathy-evans\xc2\xa0,Kathy\n",
    "only-quotes": b'""""""\n"\n""',
}

JSON_EDGES = {
    "empty": b"",
    "not-object": b"[1,2,3]",
    "no-members": b'{"events": []}',
    "members-not-array": b'{"members": {"id": "a"}}',
    "row-not-object": b'{"members": [1, "a", null, [], {}]}',
    "numbers": b'{"members": [{"id": 1, "name": "One"}, {"id": "1", "name": "Also one"}, '
               b'{"id": 1.5e3, "name": true}, {"id": -0, "name": null}]}',
    "huge-numbers": b'{"members": [{"id": 123456789012345678901234567890, "name": "a"}, '
                    b'{"id": 123456789012345678901234567891, "name": "b"}, {"id": "x", "name": 1e300}]}',
    "duplicate-keys": b'{"members": [{"id": "a", "id": "b", "name": "n"}], "members": [{"id": "c", "name": "m"}]}',
    "escaped-keys": b'{"members": [{"id": "a", "name": "n", "a/b": "x", "c~d": {"nested": 1}}]}',
    "escapes": b'{"members": [{"id": "a\\u0000b", "name": "\\u202e\\u00a0\\ud83d\\ude00"}]}',
    "bad-escape": b'{"members": [{"id": "\\ud800", "name": "x"}]}',
    "invalid-utf8": b'{"members": [{"id": "\xff", "name": "x"}]}',
    "truncated": b'{"members": [{"id": "a", "name": "Ann"',
    "unknown-table": b'{"members": [{"id": "a", "name": "A"}], "people": []}',
    "weights": b'{"members": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], '
               b'"ties": [{"source": "a", "target": "b", "weight": 1e308}, {"source": "a", "target": "a", "weight": -1}]}',
}

VALIDATE_EDGES = {
    "empty": b"",
    "members-only": b"id,name\nm1,Ann\n",
    "no-members": SEPARATOR + b"id,name\no1,Org\n",
    "dates": b"id,name\nm1,Ann\nm2,Bo\n" + SEPARATOR * 2 +
             b"id,name,date,parent\ne1,A,2018-02-30,\ne2,B,04/07/2018,e1\ne3,C,0999-01-01,e3\ne4,D,+1,\n" +
             SEPARATOR + b"member_id,event_id\nm1,e1\nm2,e9\nm3,e2\n",
    "open-quote": b'id,name\nm1,Ann\nm2,"Bo\nm3,Cy\nm4,Di\n' + SEPARATOR * 3 +
                  b"member_id,event_id\nm1,e1\nm3,e1\nm4,e1\n",
    "ties": b"id,name\na,A\nb,B\n" + SEPARATOR * 7 + b"source,target,weight\na,b,1e308\na,a,1\nb,a,-2\na,c,x\n",
    "sectors": b"id,name,sector\na,A,Third sector\nb,B,charity\n" + SEPARATOR * 8 + b"alias,sector\nThird sector,charity\n",
}


def csv_rows(path):
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return list(csv.DictReader(io.StringIO(text), delimiter=";" if "habits-semicolon" in str(path) else ","))


def main():
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    # csv: every CSV table of the example and the fixtures, once each.
    seen = set()
    for folder in network_folders() + [FIXTURES / "generated-150"]:
        for path in sorted(folder.glob("*.csv")):
            data = path.read_bytes()
            digest = hashlib.sha1(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            write("csv", f"{folder.name}-{path.stem}.csv", data)
    for name, data in CSV_EDGES.items():
        write("csv", f"edge-{name}.csv", data)

    # json: the example and some fixtures as JSON networks (every value text), and edge cases.
    for folder in network_folders():
        if folder.name == "habits-semicolon":
            continue
        document = {}
        for table in TABLES:
            path = folder / f"{table}.csv"
            if path.exists():
                document[table] = csv_rows(path)
        write("json", f"{folder.name}.json", json.dumps(document, ensure_ascii=False, indent=1).encode())
    for name, data in JSON_EDGES.items():
        write("json", f"edge-{name}.json", data)

    # workbook: every fixture workbook, as it is and as the list of its parts (fuzz_workbook.cpp).
    for path in sorted((FIXTURES / "workbooks").rglob("*.xlsx")):
        data = path.read_bytes()
        write("workbook", f"{path.parent.name}-{path.name}", data)
        if data.startswith(b"PK") and path.stem != "zip-bomb":
            with zipfile.ZipFile(path) as archive:
                parts = [info.filename.encode() + b"\n" + archive.read(info) for info in archive.infolist()]
            write("workbook", f"{path.parent.name}-{path.stem}.parts", SEPARATOR.join(parts))

    # validate: each network folder as its tables joined by the separator, and edge cases.
    for folder in network_folders():
        parts = [(folder / f"{t}.csv").read_bytes() if (folder / f"{t}.csv").exists() else b"" for t in TABLES]
        while parts and not parts[-1]:
            parts.pop()
        write("validate", f"{folder.name}.bin", SEPARATOR.join(parts))
    for name, data in VALIDATE_EDGES.items():
        write("validate", f"edge-{name}.bin", data)


if __name__ == "__main__":
    main()
