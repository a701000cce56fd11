#!/usr/bin/python3
"""Opens a bridgemap HTML report in headless Chromium and checks it as a reader would see it.

    report_in_browser.py REPORT.html SCREENSHOT.png [--expect-text TEXT ...]
        [--bridgemap BINARY (--data DATA | --generate MEMBERS) [--report-option OPTION ...]]

With --bridgemap, first writes REPORT.html with `BINARY report DATA --out REPORT.html OPTION...`;
with --generate, DATA is first made by `BINARY generate --members MEMBERS --seed 7` in a folder
beside REPORT.html.

Fails (exit 1, saying why) when the page makes any network request, logs a console error or
a Content-Security-Policy violation, throws, opens a dialog (an injected alert), lacks one
of the report's sections or its map, or its tables do not sort. On a phone (390 CSS px wide)
it also fails when the page scrolls sideways, when a table is wider than the screen and not
in a frame of its own that scrolls with the first column held in place, when an
introduction's "why" cannot be brought wholly into view (in its scrolled frame or on its
card), or when the text of a drawing (the map, the trend chart) is shown smaller than 9.5 px. In print it fails when a table's header row is not repeated on every page
the table continues on (read back from the PDF with pdftotext) or a row may break across pages.
Saves a full-page screenshot at desktop width, one at phone width beside it (-phone.png, the
whole page), and the printed A4 PDF (-print.pdf).
Uses Debian's chromium, python3-websocket (the Chrome DevTools Protocol) and poppler-utils; no network.
"""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from devtools import Page, start_chromium

SECTIONS = ["headline", "mixing", "map", "bridge-builders", "weak-spots", "introductions", "method"]
PHONE_WIDTH = 390
SMALLEST_LABEL_PX = 9.5

# Every table at phone width: it fits on the screen, or it sits in a frame of its own that
# scrolls sideways (and not off the screen itself) and whose first column stays where it is
# when the frame is scrolled to its far end. Returns one line per problem.
TABLES_ON_A_PHONE = """(() => {
  const problems = [];
  const screen = document.documentElement.clientWidth;
  document.querySelectorAll('table').forEach((table, n) => {
    const name = table.caption ? table.caption.textContent.trim() : 'table ' + n;
    const box = table.getBoundingClientRect();
    if (box.left >= -0.5 && box.right <= screen + 0.5) return;
    const frame = table.parentElement;
    const overflow = getComputedStyle(frame).overflowX;
    if (!(overflow === 'auto' || overflow === 'scroll')) {
      problems.push(name + ': ' + Math.round(box.width) + 'px wide and not in a frame that scrolls'); return;
    }
    const framed = frame.getBoundingClientRect();
    if (framed.left < -0.5 || framed.right > screen + 0.5) {
      problems.push(name + ': its frame runs off the screen (' + Math.round(framed.left) + '..' + Math.round(framed.right) + ')');
    }
    frame.scrollLeft = frame.scrollWidth;
    if (frame.scrollLeft < 1) problems.push(name + ': its frame does not scroll');
    for (const row of table.rows) {
      const first = row.cells[0];
      const at = first.getBoundingClientRect().left - framed.left;
      if (getComputedStyle(first).position !== 'sticky' || Math.abs(at) > 1) {
        problems.push(name + ': the first column moves away when the frame scrolls (' + Math.round(at) + 'px)'); break;
      }
    }
    frame.scrollLeft = 0;
  });
  return problems;
})()"""

# Each introduction's "why", brought into view as a reader would (scrolling its frame so the
# cell starts just right of the held first column): wholly on screen, not under the first column.
WHY_ON_A_PHONE = """(() => {
  const table = document.querySelector('#introductions table');
  if (!table) return {checked: 0, problems: ['no introductions table']};
  const headers = Array.from(table.tHead.rows[0].cells).map(th => th.textContent.trim());
  const column = headers.indexOf('Why');
  if (column < 0) return {checked: 0, problems: ['no Why column in ' + JSON.stringify(headers)]};
  const frame = table.parentElement;
  const screen = document.documentElement.clientWidth;
  const problems = [];
  let checked = 0;
  for (const row of table.tBodies[0].rows) {
    const cell = row.cells[column];
    const held = row.cells[0].getBoundingClientRect();
    frame.scrollLeft = 0;
    frame.scrollLeft = cell.offsetLeft - held.width;
    cell.scrollIntoView({block: 'center', inline: 'nearest'});
    const box = cell.getBoundingClientRect();
    const after = row.cells[0].getBoundingClientRect();
    const cardlike = getComputedStyle(cell).display === 'block';
    const left = cardlike ? 0 : after.right;
    if (box.left < left - 0.5 || box.right > screen + 0.5 || box.top < 0 || box.bottom > innerHeight) {
      problems.push('why of row ' + (checked + 1) + ' is at x ' + Math.round(box.left) + '..' + Math.round(box.right) +
                    ', y ' + Math.round(box.top) + '..' + Math.round(box.bottom) + ' (visible from x ' +
                    Math.round(left) + ' to ' + screen + ')');
    }
    if (cell.textContent.trim().length < 10) problems.push('why of row ' + (checked + 1) + ' is nearly empty');
    ++checked;
  }
  frame.scrollLeft = 0;
  return {checked: checked, problems: problems};
})()"""

# The rendered size of the labels of every drawing shown in a .map frame: each text's font size
# in the drawing's units times the drawing's scale on screen.
LABEL_SIZES = """(() => Array.from(document.querySelectorAll('.map svg')).filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const sizes = Array.from(svg.querySelectorAll('text')).map(text => {
      const matrix = text.getScreenCTM();
      return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    }).filter(size => size > 0);
    return {where: svg.closest('section') ? svg.closest('section').id : '?', labels: sizes.length,
            smallest: sizes.length ? Math.min(...sizes) : null};
  }))()"""

# Marks each table's header row and each of its body rows with a token pdftotext will find,
# so that the PDF can be read back page by page.
MARK_TABLES = """(() => {
  const tables = Array.from(document.querySelectorAll('table'));
  tables.forEach((table, n) => {
    if (!table.tHead) return;
    const th = table.tHead.rows[0].cells[0];
    (th.querySelector('button') || th).append(' QQH' + n + 'QQ');
    for (const row of table.tBodies[0].rows) row.cells[0].append(' QQR' + n + 'QQ');
  });
  return tables.length;
})()"""

PRINT_RULES = """(() => {
  const problems = [];
  document.querySelectorAll('thead').forEach(head => {
    if (getComputedStyle(head).display !== 'table-header-group') problems.push('a thead is not a table-header-group');
  });
  document.querySelectorAll('tbody tr').forEach(row => {
    const style = getComputedStyle(row);
    if (style.breakInside !== 'avoid' && style.pageBreakInside !== 'avoid') problems.push('a row may break across pages');
  });
  return Array.from(new Set(problems));
})()"""


def printed_pages(pdf_path):
    """The text of each page of a PDF: pdftotext ends every page with a form feed."""
    if not shutil.which("pdftotext"):
        raise RuntimeError("pdftotext is missing (Debian's poppler-utils; scripts/setup.sh test installs it)")
    text = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def repeated_headers(pages):
    """Problems with tables whose rows continue on a page that lacks the table's header row."""
    problems = []
    spanning = 0
    tables = sorted({int(n) for page in pages for n in re.findall(r"QQR(\d+)QQ", page)})
    for table in tables:
        on = [i for i, page in enumerate(pages) if f"QQR{table}QQ" in page]
        spanning += len(on) > 1
        for i in on:
            if f"QQH{table}QQ" not in pages[i]:
                problems.append(f"in print, table {table} continues on page {i + 1} without its header row")
    return problems, spanning


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("screenshot")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--bridgemap", help="make the report first with this bridgemap binary")
    parser.add_argument("--data", help="the network to report on, with --bridgemap")
    parser.add_argument("--generate", type=int, help="report on a generated network of this many members (seed 7)")
    parser.add_argument("--report-option", action="append", default=[])
    args = parser.parse_args()
    report = os.path.abspath(args.report)
    os.makedirs(os.path.dirname(report), exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
    if args.bridgemap and args.generate:
        args.data = os.path.splitext(report)[0] + "-data"
        made = subprocess.run([args.bridgemap, "generate", "--members", str(args.generate), "--seed", "7", "--out",
                               args.data], stdout=subprocess.DEVNULL)
        if made.returncode != 0:
            print(f"report_in_browser: bridgemap generate exited with {made.returncode}", file=sys.stderr)
            return 1
    if args.bridgemap:
        made = subprocess.run([args.bridgemap, "report", args.data, "--out", report] + args.report_option)
        if made.returncode != 0:
            print(f"report_in_browser: bridgemap report exited with {made.returncode}", file=sys.stderr)
            return 1
    report_url = "file://" + report
    problems = []

    profile = tempfile.mkdtemp(prefix="bridgemap-chromium-")
    process, url = start_chromium(profile)
    try:
        page = Page(url, timeout=60)
        for domain in ("Page", "Network", "Runtime", "Log"):
            page.call(domain + ".enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=report_url)
        page.drain(3.0)

        for event in page.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                requested = params["request"]["url"]
                if requested != report_url and not requested.startswith("data:"):
                    problems.append(f"network request: {requested}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                problems.append("console error: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                problems.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                problems.append(f"log error: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                problems.append(f"a dialog opened: {params.get('message')}")
                page.call("Page.handleJavaScriptDialog", accept=True)

        found = page.evaluate("JSON.stringify(Array.from(document.querySelectorAll('main section[id]')).map(s => s.id))")
        for section in SECTIONS:
            if section not in json.loads(found):
                problems.append(f"section #{section} is missing")
        if not page.evaluate("document.querySelector('#map svg') !== null"):
            problems.append("the map (#map svg) is missing")
        if not page.evaluate("document.querySelector('#map [role=img][aria-label]') !== null"):
            problems.append("the map has no text alternative")
        headings = page.evaluate("document.querySelectorAll('h1').length")
        if headings != 1:
            problems.append(f"expected one h1, found {headings}")
        text = page.evaluate("document.body.innerText")
        for expected in args.expect_text:
            if expected not in text:
                problems.append(f"text not shown as text: {expected!r}")
        if page.evaluate("document.querySelectorAll('script').length") != 1:
            problems.append("a script element came from the data")

        sorted_ok = page.evaluate("""(() => {
            const table = document.querySelector('table.sortable');
            if (!table) return 'no sortable table';
            const button = table.querySelector('thead th button');
            button.click();
            const th = button.closest('th');
            if (th.getAttribute('aria-sort') !== 'ascending') return 'aria-sort not set after a click';
            button.click();
            return th.getAttribute('aria-sort') === 'descending' ? 'ok' : 'second click did not reverse';
        })()""")
        if sorted_ok != "ok":
            problems.append(f"sorting: {sorted_ok}")

        height = page.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=min(int(height), 16000), deviceScaleFactor=1,
                  mobile=False)
        shot = page.call("Page.captureScreenshot", format="png")
        with open(args.screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

        page.call("Emulation.setDeviceMetricsOverride", width=PHONE_WIDTH, height=844, deviceScaleFactor=2,
                  mobile=True)
        page.drain(0.5)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth, "
                               "window.innerWidth]")
        if widths[1] != PHONE_WIDTH or widths[2] != PHONE_WIDTH:
            problems.append(f"the phone's layout viewport is {widths[1:]} px, not {PHONE_WIDTH}")
        if widths[0] > PHONE_WIDTH:
            problems.append(f"at phone width the page scrolls sideways: {widths[0]}px wide on a {PHONE_WIDTH}px screen")
        for problem in page.evaluate(TABLES_ON_A_PHONE):
            problems.append("at phone width, " + problem)
        why = page.evaluate(WHY_ON_A_PHONE) if page.evaluate("!!document.querySelector('#introductions table')") \
            else {"checked": 0, "problems": []}
        for problem in why["problems"]:
            problems.append("at phone width, " + problem)
        labels = page.evaluate(LABEL_SIZES)
        for drawing in labels:
            if drawing["smallest"] is not None and drawing["smallest"] < SMALLEST_LABEL_PX:
                problems.append(f"at phone width, the drawing in #{drawing['where']} has labels of "
                                f"{drawing['smallest']:.1f}px (at least {SMALLEST_LABEL_PX:g}px needed)")
        page.evaluate("window.scrollTo(0, 0)")
        phone_height = page.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        phone = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": PHONE_WIDTH, "height": min(int(phone_height), 16000),
                                "scale": 1})
        with open(args.screenshot.replace(".png", "-phone.png"), "wb") as f:
            f.write(base64.b64decode(phone["data"]))

        page.call("Emulation.clearDeviceMetricsOverride")
        page.call("Emulation.setEmulatedMedia", media="print")
        for problem in page.evaluate(PRINT_RULES):
            problems.append("in print, " + problem)
        page.call("Emulation.setEmulatedMedia", media="")
        page.evaluate(MARK_TABLES)
        pdf = page.call("Page.printToPDF", printBackground=True, preferCSSPageSize=True, paperWidth=8.27,
                        paperHeight=11.69)
        data = base64.b64decode(pdf["data"])
        if not data.startswith(b"%PDF") or len(data) < 10000:
            problems.append("printing to PDF failed")
        pdf_path = args.screenshot.replace(".png", "-print.pdf")
        with open(pdf_path, "wb") as f:
            f.write(data)
        pages = printed_pages(pdf_path)
        header_problems, spanning = repeated_headers(pages)
        problems += header_problems
        sizes = ", ".join(f"#{d['where']} {d['smallest']:.1f}px" for d in labels if d["smallest"] is not None)
        print(f"report_in_browser: at {PHONE_WIDTH}px the page is {widths[0]}px wide; {why['checked']} whys brought "
              f"into view; smallest labels {sizes or 'none'}; printed on {len(pages)} A4 pages, "
              f"{spanning} tables across pages")
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(profile, ignore_errors=True)

    if problems:
        for problem in problems:
            print("report_in_browser: " + problem, file=sys.stderr)
        return 1
    print(f"report_in_browser: {args.report} rendered with no network request and no console error; "
          f"screenshots at {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
