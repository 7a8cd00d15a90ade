"""The HTML report in a real browser: headless Chromium, driven over the DevTools protocol.

The report of every fixture article is opened from a ``file://`` URL (no
network, no server). The test checks that the DOM holds exactly the findings
of the JSON output, that the filters (checkboxes, selects, the "Show all"
button, the keyboard and the URL fragment) hide and show the right ones, that
the inline script ran under the page's Content-Security-Policy, and saves a
screenshot (``tmp_path/report.png``; set ``MEDLINT_SCREENSHOT_DIR`` to keep one).

The DevTools protocol is spoken through a minimal stdlib WebSocket client, so
no extra dependency is needed. Skipped, with a message, when no Chromium
binary is installed (CI installs Debian's ``chromium``).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from medlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = os.environ.get("MEDLINT_CHROMIUM") or next(
    (found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no chromium binary (apt-get install chromium, or set MEDLINT_CHROMIUM): "
        "browser test skipped",
    ),
]


class DevTools:
    """Just enough of RFC 6455 and the DevTools protocol: masked text frames out, JSON in."""

    def __init__(self, ws_url: str) -> None:
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", ws_url)
        assert m, ws_url
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            assert chunk, "DevTools closed the connection during the handshake"
            head += chunk
        assert head.startswith(b"HTTP/1.1 101"), head
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _recv_exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            assert chunk, "DevTools closed the connection"
            buf += chunk
        return buf

    def _recv_message(self) -> dict[str, Any]:
        payload = b""
        while True:
            b0, b1 = self._recv_exact(2)
            length = b1 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            payload += self._recv_exact(length)
            if b0 & 0x80:  # FIN
                message: dict[str, Any] = json.loads(payload)
                return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        data = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([0x80 | len(data)])
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            message = self._recv_message()
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def js(self, expression: str) -> Any:
        """Evaluate ``expression`` in the page and return its JSON value."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The HTML and JSON reports of every fixture article, checked as one corpus."""
    out = tmp_path_factory.mktemp("browser")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        html_path = out / "report.html"
        json_path = out / "report.json"
        assert main(
            ["check", "--format", "html", "-o", str(html_path), "--fail-on", "never", "fixtures"]
        ) in (0, 2)
        assert main(
            ["check", "--format", "json", "-o", str(json_path), "--fail-on", "never", "fixtures"]
        ) in (0, 2)
    finally:
        os.chdir(cwd)
    return html_path, json.loads(json_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser(reports: tuple[Path, dict[str, Any]]) -> Iterator[DevTools]:
    html_path, _ = reports
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp(prefix="medlint-chromium-")
    proc = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1",
            "--window-size=1280,2000",
            html_path.as_uri(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        port = None
        deadline = time.monotonic() + 60
        while port is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            m = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
        assert port is not None, "chromium did not start its DevTools endpoint"
        targets: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
                targets = [t for t in json.load(resp) if t.get("type") == "page"]
            if targets:
                break
            time.sleep(0.1)
        assert targets, "no page target"
        tools = DevTools(targets[0]["webSocketDebuggerUrl"])
        tools.send("Runtime.enable")
        # The first page target can still be about:blank for a moment under load: wait for the
        # report itself to be the loaded document, not only for some document to be complete.
        while time.monotonic() < deadline and not (
            str(tools.js("location.href")).startswith("file://")
            and tools.js("document.readyState") == "complete"
        ):
            time.sleep(0.1)
        assert str(tools.js("location.href")).startswith("file://")
        yield tools
        tools.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


VISIBLE = """
Array.from(document.querySelectorAll('article.finding[data-state="active"]'))
  .filter(e => !e.hidden && e.closest('[hidden]') === null && e.offsetParent !== null)
  .map(e => e.id)
"""
ALL = (
    "Array.from(document.querySelectorAll('article.finding[data-state=\"active\"]')).map(e => e.id)"
)


def ids(findings: list[dict[str, Any]]) -> list[str]:
    return ["f-" + f["fingerprint"] for f in findings]


def reset(tools: DevTools) -> None:
    tools.js("document.getElementById('filter-clear').click()")


def test_dom_holds_every_finding_of_the_json_output(
    browser: DevTools, reports: tuple[Path, dict[str, Any]]
) -> None:
    _, payload = reports
    reset(browser)
    expected = ids(payload["findings"])
    assert len(expected) > 10, "the fixtures should produce a real report"
    assert browser.js(ALL) == expected  # same findings, same order
    assert browser.js(VISIBLE) == expected
    # The script ran under the page's CSP: it revealed the form and wrote the status line.
    assert browser.js("document.getElementById('filters').hidden") is False
    assert browser.js("document.getElementById('filter-status').textContent") == (
        f"Showing all {len(expected)} findings."
    )
    # Nothing was fetched: every resource the page loaded is the page itself.
    resources = browser.js("performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []


def test_severity_checkboxes_hide_and_show(
    browser: DevTools, reports: tuple[Path, dict[str, Any]]
) -> None:
    _, payload = reports
    reset(browser)
    for sev in ("warning", "info"):
        browser.js(f"document.querySelector('input[name=severity][value={sev}]').click()")
    errors = ids([f for f in payload["findings"] if f["severity"] == "error"])
    assert errors, "the fixtures should contain errors"
    assert browser.js(VISIBLE) == errors
    assert browser.js("location.hash") == "#severity=error"
    # Articles with no error are hidden as a whole, and so are their nav entries.
    with_errors = sorted({f["path"] for f in payload["findings"] if f["severity"] == "error"})
    shown_articles = browser.js(
        "Array.from(document.querySelectorAll('section.article')).filter(s => !s.hidden)"
        ".map(s => s.dataset.article)"
    )
    assert shown_articles == with_errors
    reset(browser)
    assert browser.js(VISIBLE) == ids(payload["findings"])
    assert browser.js("location.hash") == ""


def test_rule_and_article_selects(browser: DevTools, reports: tuple[Path, dict[str, Any]]) -> None:
    _, payload = reports
    reset(browser)
    select = (
        "(() => {{ const s = document.getElementById('{id}'); s.value = {value};"
        " s.dispatchEvent(new Event('change', {{bubbles: true}})); }})()"
    )
    browser.js(select.format(id="filter-rule", value=json.dumps("citation-needed")))
    assert browser.js(VISIBLE) == ids(
        [f for f in payload["findings"] if f["rule"] == "citation-needed"]
    )
    seed = "fixtures/seeds/ivig-dermatomyositis.txt"
    browser.js(select.format(id="filter-article", value=json.dumps(seed)))
    both = [f for f in payload["findings"] if f["rule"] == "citation-needed" and f["path"] == seed]
    assert both and browser.js(VISIBLE) == ids(both)
    browser.js(select.format(id="filter-rule", value='""'))
    browser.js(select.format(id="filter-article", value='""'))
    assert browser.js(VISIBLE) == ids(payload["findings"])


def test_keyboard_toggles_a_filter(browser: DevTools, reports: tuple[Path, dict[str, Any]]) -> None:
    _, payload = reports
    reset(browser)
    browser.js("document.querySelector('input[name=severity][value=warning]').focus()")
    for kind in ("keyDown", "keyUp"):
        browser.send(
            "Input.dispatchKeyEvent", type=kind, key=" ", code="Space", windowsVirtualKeyCode=32
        )
    assert browser.js("document.activeElement.value") == "warning"
    assert browser.js(VISIBLE) == ids(
        [f for f in payload["findings"] if f["severity"] != "warning"]
    )
    reset(browser)


def test_url_fragment_sets_the_filters(
    browser: DevTools, reports: tuple[Path, dict[str, Any]]
) -> None:
    _, payload = reports
    reset(browser)
    browser.js("location.hash = 'rule=references-empty'")
    deadline = time.monotonic() + 10
    expected = ids([f for f in payload["findings"] if f["rule"] == "references-empty"])
    while browser.js(VISIBLE) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    assert expected and browser.js(VISIBLE) == expected
    assert browser.js("document.getElementById('filter-rule').value") == "references-empty"
    reset(browser)
    assert browser.js(VISIBLE) == ids(payload["findings"])


def test_fragment_applied_on_load_with_dump_dom(
    reports: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """The plain ``--dump-dom`` route: JS applies ``#severity=error`` before the DOM is printed."""
    html_path, payload = reports
    assert CHROMIUM is not None
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            html_path.as_uri() + "#severity=error",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    tags = re.findall(r"<article class=\"finding\"[^>]*>", proc.stdout)
    active = [t for t in tags if 'data-state="active"' in t]
    assert len(active) == len(payload["findings"])
    shown = [re.search(r'id="([^"]+)"', t).group(1) for t in active if " hidden" not in t]  # type: ignore[union-attr]
    assert shown == ids([f for f in payload["findings"] if f["severity"] == "error"])


def test_screenshot(browser: DevTools, tmp_path: Path) -> None:
    reset(browser)
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=1280,
        height=2000,
        deviceScaleFactor=1,
        mobile=False,
    )
    browser.js("window.scrollTo(0, 0)")
    shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
    assert shot.startswith(b"\x89PNG\r\n\x1a\n") and len(shot) > 10_000
    width, height = struct.unpack(">II", shot[16:24])
    assert (width, height) == (1280, 2000)
    target = tmp_path / "report.png"
    target.write_bytes(shot)
    keep = os.environ.get("MEDLINT_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(keep) / "report.png")
