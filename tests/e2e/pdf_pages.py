"""What the printout checks share (seat_printouts_in_browser.py, introduce_printout_in_browser.py):
printing an HTML file to PDF in headless Chromium, offline, and reading the PDF's pages back."""

import os
import re
import shutil
import subprocess
import tempfile


def outside_references(page):
    """The src=, href= and url() targets of an HTML page: a printout must have none."""
    return [a or b for a, b in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"|url\(([^)]*)\)', page)]


def print_to_pdf(html, pdf):
    """Prints `html` to `pdf` with chromium --headless --print-to-pdf; returns None, or why not."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        printed = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--disable-background-networking", "--no-pdf-header-footer", f"--user-data-dir={profile}",
             f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html)],
            capture_output=True, text=True, timeout=170)
    return None if os.path.exists(pdf) else f"chromium wrote no PDF: {printed.stderr[-500:]}"


def a4_pages(pdf):
    """(pages, None) for an A4 PDF (pdfinfo, poppler-utils), or (pages, why not A4)."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if abs(float(size.group(1)) - 595) > 2 or abs(float(size.group(2)) - 842) > 2:
        return pages, f"pages are {size.group(1)} x {size.group(2)} pt, not A4 (595 x 842)"
    return pages, None


def print_a4(html, pdf):
    """Prints `html` to `pdf` and reads its pages back: (pages, None) for an A4 PDF, or
    (0 or pages, why not)."""
    not_printed = print_to_pdf(html, pdf)
    if not_printed:
        return 0, not_printed
    return a4_pages(pdf)
