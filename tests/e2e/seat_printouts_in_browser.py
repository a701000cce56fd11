#!/usr/bin/python3
"""Prints the seating printouts (`bridgemap seat --print`) to PDF in headless Chromium and checks them.

    seat_printouts_in_browser.py --bridgemap BINARY --data DATA --event ID --tables T --rounds R
        --out DIR [--option=OPTION ...] [--expect-name NAME ...]

Writes DIR/printouts.html and DIR/plan.csv with `BINARY seat DATA --event ID --tables T --rounds R
--print ... --out ...`, prints the HTML to DIR/printouts.pdf with `chromium --headless --print-to-pdf`
(offline: the file is opened from disk and must reference nothing outside itself), and fails
(exit 1, saying why) unless
  - the PDF has 1 (briefing) + T×R (a page per table and round: tables here hold at most 16)
    + ceil(n/36) (the A–Z list) + ceil(n/8) (place cards) pages, n the people shown;
  - the pages are A4;
  - every attendee's name (from plan.csv, whitespace folded) is in the text of the A–Z list
    pages (pdftotext from poppler-utils), with their table in every round on the same line;
  - each --expect-name appears in the list.
Saves DIR/page-N.png of the first pages of each kind (pdftoppm) for people to look at.
"""

import argparse
import csv
import math
import os
import re
import shutil
import subprocess
import sys

import pdf_pages

TABLE_ROWS = 16
LIST_ROWS = 36
CARDS = 8


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bridgemap", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--event", required=True)
    parser.add_argument("--tables", type=int, required=True)
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--option", action="append", default=[])
    parser.add_argument("--expect-name", action="append", default=[])
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    html = os.path.join(args.out, "printouts.html")
    plan = os.path.join(args.out, "plan.csv")
    pdf = os.path.join(args.out, "printouts.pdf")
    for path in (html, plan, pdf):
        if os.path.exists(path):
            os.remove(path)
    command = [args.bridgemap, "seat", args.data, "--event", args.event, "--tables", str(args.tables),
               "--rounds", str(args.rounds), "--print", html, "--out", plan] + args.option
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"{' '.join(command)} exited {run.returncode}: {run.stderr}")

    page = open(html, encoding="utf-8").read()
    for outside in pdf_pages.outside_references(page):
        fail(f"the printouts refer to something outside the file: {outside}")
    if "<script" in page.replace("&lt;script", ""):
        fail("the printouts contain a script")

    rows = list(csv.DictReader(open(plan, encoding="utf-8")))
    people = {}
    for row in rows:
        person = people.setdefault(row["member_id"], {"name": row["name"] or row["member_id"], "tables": {}})
        person["tables"][int(row["round"])] = row["table"]
    hidden = len(re.findall(r"And (\d+) guests? not listed", page))
    n = len(people)
    if hidden:
        fail("this check expects no hidden members")

    pages, not_a4 = pdf_pages.print_a4(html, pdf)
    if not_a4:
        fail(not_a4)
    table_pages = args.tables * args.rounds
    list_pages = max(1, math.ceil(n / LIST_ROWS))
    card_pages = math.ceil(n / CARDS)
    expected = 1 + table_pages + list_pages + card_pages
    if pages != expected:
        fail(f"{pages} pages; expected 1 briefing + {args.tables} tables x {args.rounds} rounds + {list_pages} "
             f"list + {card_pages} cards = {expected} for {n} people")

    first_list = 2 + table_pages
    text = subprocess.run(["pdftotext", "-layout", "-f", str(first_list), "-l", str(first_list + list_pages - 1),
                           pdf, "-"], capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for member_id, person in sorted(people.items()):
        name = " ".join(person["name"].split())
        tables = " ".join(person["tables"][r] for r in range(1, args.rounds + 1))
        if not any(name in line and line.endswith(" " + tables) for line in lines):
            fail(f"{name!r} ({member_id}) is not in the find-your-table list with tables {tables}")
    for name in args.expect_name:
        if not any(name in line for line in lines):
            fail(f"{name!r} is not in the find-your-table list")

    if shutil.which("pdftoppm"):
        for number in sorted({1, 2, first_list, first_list + list_pages}):
            subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(number), "-l", str(number), pdf,
                            os.path.join(args.out, f"page-{number}")], check=False)
    print(f"printouts check passed: {pages} pages (1 briefing, {table_pages} tables, {list_pages} list, "
          f"{card_pages} cards), {n} names in the list")


if __name__ == "__main__":
    main()
