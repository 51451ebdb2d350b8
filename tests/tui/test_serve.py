"""``baiqiang serve`` in a real browser (headless Chromium through its driver) and over HTTP.

The browser test reads what the explorer drew as xterm.js did: every websocket message the page
received is kept (a script added before the page loads) and replayed into a terminal emulator
(pyte) of the size the page asked for. Screenshots at 1280×800 go to ``build/screenshots/``.
The token tests listen on 127.0.0.2: a loopback address, but not 127.0.0.1, so a token is
needed there as on any other host — never a routable address.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed")

from tests.cli.test_cli import sh  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")

# Every message the page receives, kept for the test (xterm.js draws on a canvas: no text in the DOM).
KEEP_MESSAGES = r"""
(() => {
  const Native = window.WebSocket;
  window.__received = []; window.__sent = [];
  function Kept(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener('message', async (ev) => {
      let d = ev.data;
      if (d instanceof Blob) d = await d.arrayBuffer();
      if (d instanceof ArrayBuffer) {
        let s = ''; for (const b of new Uint8Array(d)) s += String.fromCharCode(b);
        window.__received.push(btoa(s));
      }
    });
    const send = ws.send.bind(ws);
    ws.send = (d) => { window.__sent.push(typeof d === 'string' ? d : ''); return send(d); };
    return ws;
  }
  Kept.prototype = Native.prototype;
  Object.assign(Kept, Native);
  window.WebSocket = Kept;
})();
"""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class Served:
    """A ``baiqiang serve`` process, and the URL it printed."""

    def __init__(self, args: list[str], home: Path) -> None:
        env = {
            **os.environ,
            "BAIQIANG_HOME": str(home / "home"),
            "BAIQIANG_EXPORT_DIR": str(home / "exports"),
        }
        self.home = home
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "baiqiang", "serve", *args],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert self.proc.stderr is not None
        first = self.proc.stderr.readline()
        self.said = first + self.proc.stderr.readline()
        found = re.search(r"open (http\S+)", first)
        assert found, self.said
        self.url = found[1]
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # listening once the URL is printed; make sure
            try:
                with socket.create_connection((urllib.request.urlparse(self.url).hostname, self.port), 1):
                    break
            except OSError:
                time.sleep(0.1)

    @property
    def port(self) -> int:
        return int(urllib.request.urlparse(self.url).port or 80)

    def stop(self) -> None:
        if self.proc.stderr is None or self.proc.stderr.closed:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        assert self.proc.stderr is not None
        self.rest = self.proc.stderr.read()
        self.proc.stderr.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*args: str) -> Served:
        started.append(Served(list(args), tmp_path))
        return started[-1]

    yield start
    for s in started:
        s.stop()


def status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace"), dict(exc.headers)


def test_off_this_machine_every_request_needs_the_token(served: Callable[..., Served]) -> None:
    """On 127.0.0.2 a token is made and printed in the URL; without it, or with another: 403."""
    s = served("--host", "127.0.0.2", "--port", str(free_port("127.0.0.2")))
    assert "token=" in s.url and "anyone who can reach 127.0.0.2" in s.said
    base = s.url.split("?")[0]
    token = s.url.split("token=")[1]
    for path in ("", "ws", "static/js/textual.js", "download/x"):
        assert status(base + path)[0] == 403, path
        assert status(f"{base}{path}?token={'x' * len(token)}")[0] == 403, path
    code, page, headers = status(s.url)
    assert code == 200 and "textual-terminal" in page
    assert f"baiqiang_token={token}" in headers["Set-Cookie"] and "HttpOnly" in headers["Set-Cookie"]
    assert status(base + "static/js/textual.js", {"Cookie": f"baiqiang_token={token}"})[0] == 200
    assert status(base + "static/js/textual.js", {"Cookie": "baiqiang_token=wrong"})[0] == 403


def test_a_token_given_is_the_one_asked_for_and_sessions_are_capped(served: Callable[..., Served]) -> None:
    token = "a-token-of-our-own-1234"
    s = served(
        "--host", "127.0.0.2", "--port", str(free_port("127.0.0.2")), "--token", token, "--max-sessions", "1"
    )
    assert s.url.endswith(f"?token={token}")
    assert status(s.url.replace(token, token[:-1] + "5"))[0] == 403
    # a websocket from another site's page is refused, token or not
    code, _, _ = status(
        s.url.split("?")[0] + f"ws?token={token}",
        {"Origin": "http://example.com", "Upgrade": "websocket", "Connection": "Upgrade"},
    )
    assert code == 403
    asyncio.run(_one_session_then_the_next_is_refused(s.url.split("?")[0], token))


async def _one_session_then_the_next_is_refused(base: str, token: str) -> None:
    import aiohttp

    ws_url = base.replace("http:", "ws:") + "ws?width=80&height=24"
    async with aiohttp.ClientSession(cookies={"baiqiang_token": token}) as session:
        async with session.ws_connect(ws_url) as ws:
            await ws.receive(timeout=20)  # the explorer's first output: the session runs
            async with session.get(base) as busy:
                assert busy.status == 503 and "all 1 session(s) are in use" in await busy.text()
        for _ in range(100):  # the tab closed: its session ends, and the next may start
            async with session.get(base) as again:
                if again.status == 200:
                    break
            await asyncio.sleep(0.1)
        assert again.status == 200


def test_on_this_machine_no_token_is_needed_and_bad_options_are_one_line(
    served: Callable[..., Served],
) -> None:
    s = served("--port", str(free_port()))
    assert s.url == f"http://127.0.0.1:{s.port}/" and "only this machine can reach it" in s.said
    assert status(s.url)[0] == 200
    # a name made to point here (DNS rebinding: another site's page on 127.0.0.1) is refused
    assert status(s.url, {"Host": f"evil.example:{s.port}"})[0] == 403
    # a request too long to read is refused in one line of the server's log, never a traceback
    assert status(s.url + "x" * 9000)[0] in (400, 414, 431)
    # options it cannot take: refused before anything listens (in this process, as main() runs)
    for args, said in (
        (["--host", "example.com"], "is not an IP address"),
        (["--token", "short"], "16 to 128"),
        (["--token", "a" * 5000], "16 to 128"),
        (["--port", "0"], "--port 0 is not a port"),
        (["--lang", "fr"], "--lang 'fr': zh or en"),
        (["--max-sessions", "0"], "give 1 to 64"),
    ):
        done = refused(*args)
        assert done.returncode != 0 and said in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    # a port in use: a real process, as a person would start a second server
    proc = subprocess.run(
        [sys.executable, "-m", "baiqiang", "serve", "--port", str(s.port)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 1 and f"cannot listen on 127.0.0.1 port {s.port}" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    s.stop()  # what the server said after its first two lines: the long request, in one line
    assert "Traceback" not in s.rest and len(s.rest.strip().splitlines()) <= 1, s.rest


def refused(*args: str) -> subprocess.CompletedProcess[str]:
    """``baiqiang serve`` with options it must refuse, run in this process; a server that
    started instead fails the test (in a thread left behind) rather than hang it."""
    done: list[subprocess.CompletedProcess[str]] = []
    runner = threading.Thread(target=lambda: done.append(sh("serve", *args)), daemon=True)
    runner.start()
    runner.join(timeout=20)
    assert done, f"serve {args} did not refuse its options: it is running"
    return done[0]


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromedriver are not installed")
def test_a_browser_explores_filters_and_downloads_and_nothing_is_written_on_the_server(
    served: Callable[..., Served], tmp_path: Path
) -> None:
    import pyte
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    s = served("--port", str(free_port()))
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument("--window-size=1280,800")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    browser = webdriver.Chrome(service=Service(DRIVER or ""), options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": KEEP_MESSAGES})
        browser.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        browser.get(s.url)

        def screen() -> list[str]:
            sent = browser.execute_script("return window.__sent") or []
            sizes = [json.loads(m)[1] for m in sent if m.startswith('["resize"')]
            if not sizes:
                return []
            term = pyte.Screen(sizes[-1]["width"], sizes[-1]["height"])
            stream = pyte.ByteStream(term)
            for chunk in browser.execute_script("return window.__received") or []:
                stream.feed(base64.b64decode(chunk))
            return list(term.display)

        def wait_for(test: Callable[[list[str]], bool], what: str, seconds: float = 40) -> list[str]:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                shown = screen()
                if shown and test(shown):
                    return shown
                time.sleep(0.2)
            raise AssertionError(f"{what} never appeared:\n" + "\n".join(screen()))

        def listed(shown: list[str]) -> list[str]:  # the list's rows: rank, name, province …
            return [m[1] for line in shown if (m := re.match(r"^\s+\d+\s+(\S+)\s+\S+(省|市|区)\s", line))]

        wait_for(lambda shown: "昆山市" in listed(shown), "昆山市")
        browser.save_screenshot(str(SHOTS / "serve-1-opened.png"))
        browser.find_element(By.CSS_SELECTOR, ".xterm-screen").click()
        ActionChains(browser).send_keys("/jiangyin").perform()
        wait_for(lambda shown: listed(shown) == ["江阴市"], "only 江阴市")
        wait_for(
            lambda shown: any(line.strip(" ▊▎") == "jiangyin" for line in shown), "jiangyin in the filter bar"
        )
        ActionChains(browser).send_keys(Keys.ESCAPE).perform()
        browser.save_screenshot(str(SHOTS / "serve-2-filtered.png"))
        time.sleep(0.3)
        ActionChains(browser).send_keys("e").perform()
        wait_for(lambda shown: any("下载到你的浏览器" in line for line in shown), "the export dialog")
        browser.save_screenshot(str(SHOTS / "serve-3-export.png"))
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not list(downloads.glob("*.csv")):
            time.sleep(0.2)
        browser.save_screenshot(str(SHOTS / "serve-4-downloaded.png"))
    finally:
        browser.quit()
    got = list(downloads.glob("*.csv"))
    assert [p.name for p in got] == ["industrial-counties.csv"]
    rows = list(csv.DictReader(io.StringIO(got[0].read_text(encoding="utf-8-sig"))))
    assert [r["name"] for r in rows] == ["江阴市"]
    written = [p for p in (tmp_path / "home").rglob("*")] + [p for p in (tmp_path / "exports").rglob("*")]
    assert written == [], written  # no export, snapshot or crash log on the server
