"""Test helper: a real headless Chromium (Debian `chromium`) driven over the DevTools protocol.

Started with a fresh profile and no network services; `evaluate` runs JavaScript in the page after it loaded,
`screenshot` saves a PNG of an element. `.ci/run` installs `chromium` when it is missing.
"""
from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-port=0",
         "--window-size=1400,1000", "--hide-scrollbars")
START_SECONDS = 30.0
LOAD_SECONDS = 60.0
MAX_MESSAGE = 256 * 1024 * 1024  # a full-page screenshot of a report is large


def chromium_path() -> str | None:
    """Return the path of the installed Chromium, or None."""
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


class Chromium:
    """One headless Chromium process with one page, as a context manager."""

    def __init__(self, binary: str) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="dkbudget-chromium-"))
        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ids = itertools.count(1)
        port = self._port()
        pages = []
        deadline = time.monotonic() + START_SECONDS
        while not pages and time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as resp:
                pages = [t for t in json.load(resp) if t["type"] == "page"]
            time.sleep(0.1)
        self._connection = connect(pages[0]["webSocketDebuggerUrl"], max_size=MAX_MESSAGE,
                                   open_timeout=START_SECONDS)
        self.ws = self._connection.__enter__()

    def _port(self) -> int:
        """Wait for Chromium to write its DevTools port into the profile; return it."""
        marker = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.proc.returncode}")
            if marker.exists() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            time.sleep(0.05)
        raise RuntimeError("chromium did not open its DevTools port")

    def send(self, method: str, **params) -> dict:
        """Given a DevTools method and its parameters, return its result (events in between are dropped)."""
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]

    def evaluate(self, expression: str):
        """Given a JavaScript expression, return its value in the page (JSON-able)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"javascript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str) -> None:
        """Given a URL, load it and wait until the page and its images are loaded."""
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + LOAD_SECONDS
        while time.monotonic() < deadline:
            if self.evaluate("document.readyState === 'complete' && location.href !== 'about:blank'"):
                return
            time.sleep(0.1)
        raise TimeoutError(f"{url} did not load in {LOAD_SECONDS} s")

    def screenshot(self, selector: str, path: Path) -> Path:
        """Given a CSS selector, save a PNG of the first element it selects; return the path."""
        box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                            ".getBoundingClientRect(); return {x: r.left + scrollX, y: r.top + scrollY, "
                            "width: r.width, height: r.height}; })()")
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={**box, "scale": 1})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        try:
            self._connection.__exit__(None, None, None)
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
