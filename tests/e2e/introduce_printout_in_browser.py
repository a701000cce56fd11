#!/usr/bin/python3
"""Prints the introductions printout (`bridgemap introduce --print`) to PDF in headless Chromium and checks it.

    introduce_printout_in_browser.py --bridgemap BINARY --data DATA --count K --out DIR
        [--option=OPTION ...] [--expect-name NAME ...]

Writes DIR/introductions.html and DIR/introductions.csv with `BINARY introduce DATA --count K
--print ... --out ...`, prints the HTML to DIR/introductions.pdf with `chromium --headless
--print-to-pdf` (offline: the file must reference nothing outside itself), and fails (exit 1,
saying why) unless
  - the PDF has ceil(k/2) A4 pages (two introductions to a page; at least one), k the
    introductions listed in the CSV;
  - both people's names and the introducer's name of every introduction (from the CSV,
    whitespace folded) are in the PDF's text (pdftotext from poppler-utils), on the page of
    its introduction;
  - each --expect-name appears.
Saves DIR/page-1.png for people to look at.
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


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bridgemap", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--option", action="append", default=[])
    parser.add_argument("--expect-name", action="append", default=[])
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    html = os.path.join(args.out, "introductions.html")
    listed = os.path.join(args.out, "introductions.csv")
    pdf = os.path.join(args.out, "introductions.pdf")
    for path in (html, listed, pdf):
        if os.path.exists(path):
            os.remove(path)
    command = [args.bridgemap, "introduce", args.data, "--count", str(args.count), "--print", html, "--out",
               listed] + args.option
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"{' '.join(command)} exited {run.returncode}: {run.stderr}")

    page = open(html, encoding="utf-8").read()
    for outside in pdf_pages.outside_references(page):
        fail(f"the printout refers to something outside the file: {outside}")
    if "<script" in page:
        fail("the printout contains a script")
    rows = list(csv.DictReader(open(listed, encoding="utf-8-sig")))
    k = len(rows)
    if k == 0:
        fail("no introductions to print: choose data and options that give some")

    pages, not_a4 = pdf_pages.print_a4(html, pdf)
    if not_a4:
        fail(not_a4)
    expected = max(1, math.ceil(k / 2))
    if pages != expected:
        fail(f"{pages} pages; expected {expected} for {k} introductions, two to a page")

    fold = lambda text: " ".join(text.split())
    for number, row in enumerate(rows):
        on_page = number // 2 + 1
        text = fold(subprocess.run(["pdftotext", "-f", str(on_page), "-l", str(on_page), pdf, "-"],
                                   capture_output=True, text=True).stdout)
        for column in ("name_a", "name_b", "introducer_name"):
            name = fold(row[column] or (row["member_a"] if column == "name_a" else
                                        row["member_b"] if column == "name_b" else ""))
            if name and name not in text:
                fail(f"introduction {row['rank']}: {column} {name!r} is not on page {on_page}")
    everything = fold(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
    for name in args.expect_name:
        if fold(name) not in everything:
            fail(f"{name!r} is not in the printout")

    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", "1", "-l", "1", pdf,
                        os.path.join(args.out, "page-1")], check=False)
    print(f"introductions printout check passed: {pages} pages for {k} introductions")


if __name__ == "__main__":
    main()
