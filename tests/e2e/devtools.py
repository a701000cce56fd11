"""What the browser checks share (report_in_browser.py, map_in_browser.py): Debian's chromium
started headless with a DevTools port, and a page driven over the DevTools protocol with
python3-websocket. Nothing here reaches the network."""

import json
import os
import shutil
import subprocess
import time
import urllib.request

import websocket


class Page:
    """One page target: send a method and wait for its result; events that arrive meanwhile
    are kept in `events`."""

    def __init__(self, url, timeout=120):
        self.timeout = timeout
        self.socket = websocket.create_connection(url, timeout=timeout)
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
        """Keeps the events that arrive in the next `seconds`."""
        self.socket.settimeout(0.1)
        end = time.time() + seconds
        while time.time() < end:
            try:
                self.events.append(json.loads(self.socket.recv()))
            except websocket.WebSocketTimeoutException:
                pass
        self.socket.settimeout(self.timeout)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluating {expression[:70]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key, code=None, text=None, key_code=0):
        base = {"key": key, "code": code or key, "windowsVirtualKeyCode": key_code}
        self.call("Input.dispatchKeyEvent", type="keyDown", text=text or "", **base)
        self.call("Input.dispatchKeyEvent", type="keyUp", **base)


def start_chromium(profile, graphics=("--disable-gpu",)):
    """Starts chromium headless with `profile` as its user data folder and the `graphics` flags;
    returns (process, the page target's DevTools websocket URL)."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    process = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox"] + list(graphics) +
        ["--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
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
