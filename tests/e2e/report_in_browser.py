#!/usr/bin/python3
"""Opens a bridgemap HTML report in headless Chromium and checks it as a reader would see it.

    report_in_browser.py REPORT.html SCREENSHOT.png [--expect-text TEXT ...]
        [--bridgemap BINARY --data DATA [--report-option OPTION ...]]

With --bridgemap, first writes REPORT.html with `BINARY report DATA --out REPORT.html OPTION...`.

Fails (exit 1, saying why) when the page makes any network request, logs a console error or
a Content-Security-Policy violation, throws, opens a dialog (an injected alert), lacks one
of the report's sections or its map, overflows a phone-width screen sideways, or its tables
do not sort. Saves a full-page screenshot at desktop width, one at phone width beside it
(-phone.png), and prints the page to PDF (-print.pdf) to show that it prints.
Uses Debian's chromium and python3-websocket (the Chrome DevTools Protocol); no network.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

SECTIONS = ["headline", "mixing", "map", "bridge-builders", "weak-spots", "introductions", "method"]


class Page:
    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def drain(self, seconds):
        self.socket.settimeout(0.2)
        end = time.time() + seconds
        while time.time() < end:
            try:
                self.events.append(json.loads(self.socket.recv()))
            except websocket.WebSocketTimeoutException:
                pass
        self.socket.settimeout(60)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluating {expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")


def start_chromium(profile):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    process = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
         f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    for _ in range(300):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("chromium did not start")
    port = open(port_file).read().split()[0]
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as response:
                targets = [t for t in json.load(response) if t["type"] == "page"]
            if targets:
                return process, targets[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("no page target in chromium")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("screenshot")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--bridgemap", help="make the report first with this bridgemap binary")
    parser.add_argument("--data", help="the network to report on, with --bridgemap")
    parser.add_argument("--report-option", action="append", default=[])
    args = parser.parse_args()
    report = os.path.abspath(args.report)
    os.makedirs(os.path.dirname(report), exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
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
        page = Page(url)
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

        page.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
        page.drain(0.5)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            problems.append(f"at phone width the page scrolls sideways by {overflow}px")
        phone = page.call("Page.captureScreenshot", format="png")
        with open(args.screenshot.replace(".png", "-phone.png"), "wb") as f:
            f.write(base64.b64decode(phone["data"]))

        page.call("Emulation.clearDeviceMetricsOverride")
        pdf = page.call("Page.printToPDF", printBackground=True)
        data = base64.b64decode(pdf["data"])
        if not data.startswith(b"%PDF") or len(data) < 10000:
            problems.append("printing to PDF failed")
        with open(args.screenshot.replace(".png", "-print.pdf"), "wb") as f:
            f.write(data)
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
