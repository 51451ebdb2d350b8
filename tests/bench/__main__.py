"""``python -m tests.bench``: our figures beside their anchors, in one run.

- ``show`` (a unit's profile as JSON, the whole process) against VisiData converting the same
  100-row table in batch mode (``vd -b table.tsv -o /dev/null``), run in turn, A B A B …, the
  ratio taken pair by pair (the goal: at most 0.5).
- The explorer, in a 120×35 pty beside the least Textual app showing the same rows
  (``tests/bench/minimal_app.py``): launch until 昆山市 is on screen, and the bytes of its first
  frame and of a cursor move (VisiData's too, where installed).
- A filter keystroke until the frame with its rows is drawn: 表1, and a table of 20,000 rows ×
  50 numeric columns (synthetic figures, for timing only).
- Importing the 2020 census table as a user's file against reading it with fastexcel into a
  Polars frame, each the whole process (the goal: at most 2×).
- The core's operations (``tests.bench.core_bench``).
- The test suite as CI runs it (``python -m pytest``), pytest's own line against the goal of
  60 s (``--no-suite`` leaves it out: it takes most of a minute).

VisiData is not a dependency: ``pip install visidata`` into the venv for the anchor (without it
the anchor is left out, and said so). The package is byte-compiled first, as an install does. ``--write-readme`` puts the figures into the README's
speed section (between its bench markers). Nothing here is a test.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def _baiqiang() -> list[str]:
    """The command: the venv's ``baiqiang`` (the checkout's, after ``pip install -e``)."""
    installed = Path(sys.executable).with_name("baiqiang")
    return [str(installed)] if installed.is_file() else [sys.executable, "-m", "baiqiang"]


def verdict(ratio: float, goal: float) -> str:
    """A ratio against its goal, said: "0.46 (goal ≤ 0.5: met)" or "2.38 (goal ≤ 1.5: MISSED)"."""
    return f"{ratio:.2f} (goal ≤ {goal:g}: {_met(ratio, goal)})"


def _met(value: float, goal: float) -> str:
    """A figure against its ceiling, said: met or MISSED."""
    return "met" if value <= goal else "MISSED"


def bench_show(runs: int = 15, *, home: str | None = None, label: str = "") -> dict[str, float]:
    home = home or tempfile.mkdtemp(prefix="baiqiang-bench-")
    env = {**os.environ, "BAIQIANG_HOME": home}
    show = [*_baiqiang(), "show", "昆山市", "--format", "json"]
    subprocess.run(show, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)  # writes the index
    vd = shutil.which("vd", path=str(Path(sys.executable).parent)) or shutil.which("vd")
    table = Path(home) / "table.tsv"
    with table.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [*_baiqiang(), "list", "ic", "--format", "tsv"], env=env, stdout=fh, check=True, cwd=ROOT
        )
    ours, theirs, ratios = [], [], []
    for _ in range(runs):
        a = _timed(show, env)
        ours.append(a)
        if vd:
            b = _timed([vd, "-b", str(table), "-o", os.devnull], env)
            theirs.append(b)
            ratios.append(a / b)
    found = {"ours": 1000 * statistics.median(ours)}
    print(f"show 昆山市 --format json (whole process){label}   {found['ours']:7.0f} ms  (median of {runs})")
    if vd:
        found |= {"vd": 1000 * statistics.median(theirs), "ratio": statistics.median(ratios)}
        print(f"VisiData: vd -b table.tsv -o /dev/null     {found['vd']:7.0f} ms")
        print(f"ratio, pair by pair                         {verdict(found['ratio'], 0.5)}")
    else:
        print("VisiData: not installed here (pip install visidata), so no anchor")
    if not label:
        shutil.rmtree(home, ignore_errors=True)
    return found


CENSUS = ROOT.parent / "shared" / "data" / "census2020" / "census_county_2020_v1.xlsx"


def bench_census(runs: int = 5) -> dict[str, float]:
    """Importing the census table as a user's file (3,358 × 153 xlsx: read, match as of 2020,
    store), the whole process, against reading it with fastexcel into a Polars frame (the whole
    process too), pair by pair (the goal: at most 2×)."""
    if not CENSUS.is_file():
        print(f"census import: the table is not at {CENSUS}, so not measured")
        return {}
    home = tempfile.mkdtemp(prefix="baiqiang-bench-")
    env = {**os.environ, "BAIQIANG_HOME": home}
    ours_cmd = [*_baiqiang(), "data", "import", str(CENSUS), "--as", "census_again", "--replace"]
    anchor = [
        sys.executable,
        "-c",
        "import sys, fastexcel, polars; fastexcel.read_excel(sys.argv[1]).load_sheet(0).to_polars()",
        str(CENSUS),
    ]
    ours, theirs, ratios = [], [], []
    for _ in range(runs):
        a, b = _timed(ours_cmd, env), _timed(anchor, env)
        ours.append(a)
        theirs.append(b)
        ratios.append(a / b)
    shutil.rmtree(home, ignore_errors=True)
    found = {
        "ours": 1000 * statistics.median(ours),
        "anchor": 1000 * statistics.median(theirs),
        "ratio": statistics.median(ratios),
    }
    print(
        f"data import census_county_2020_v1.xlsx (whole process)  {found['ours']:7.0f} ms  (median of {runs})"
    )
    print(f"fastexcel + Polars frame of it (whole process)           {found['anchor']:7.0f} ms")
    print(f"ratio, pair by pair                                      {verdict(found['ratio'], 2)}")
    return found


def _pty_bytes(
    cmd: list[str], env: dict[str, str], keys: bytes, *, settle: float = 1.5
) -> tuple[int, int, float]:
    """What a full-screen program writes to a 120×35 pty: the bytes of its first frame (until it
    has been quiet for `settle` seconds), then for `keys` (a cursor move); and the seconds from
    spawning it until 昆山市 (the first row) was written."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 35, 120, 0, 0))
    spawned = time.perf_counter()
    seen: list[float] = []
    buffer = bytearray()
    marker = "昆山市".encode()
    proc = subprocess.Popen(
        cmd, stdin=child_fd, stdout=child_fd, stderr=child_fd, env={**env, "TERM": "xterm-256color"}, cwd=ROOT
    )
    os.close(child_fd)

    def drain(quiet: float, limit: float = 20.0) -> int:
        got, started, last = 0, time.monotonic(), time.monotonic()
        while time.monotonic() - last < quiet and time.monotonic() - started < limit:
            ready, _, _ = select.select([main_fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(main_fd, 65536)
                except OSError:
                    break
                got += len(chunk)
                last = time.monotonic()
                if not seen:
                    buffer.extend(chunk)
                    if marker in buffer:
                        seen.append(time.perf_counter() - spawned)
        return got

    first = drain(settle)
    os.write(main_fd, keys)
    move = drain(0.5)
    os.write(main_fd, b"q")
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
    os.close(main_fd)
    return first, move, seen[0] if seen else float("nan")


def bench_explorer(runs: int = 6) -> dict[str, object]:
    """The explorer beside the least Textual app showing the same rows: the first frame and the
    time to interactive as a person sees them (:mod:`tests.bench.screen`: tmux, visible text,
    alternating runs); and, in a 120×35 pty beside VisiData too, the bytes of the first frame and
    of one cursor move (its weight over SSH)."""
    home = tempfile.mkdtemp(prefix="baiqiang-bench-")
    env = {**os.environ, "BAIQIANG_HOME": home}
    table = Path(home) / "table.tsv"
    with table.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [*_baiqiang(), "list", "ic", "--format", "tsv"], env=env, stdout=fh, check=True, cwd=ROOT
        )
    ours = [*_baiqiang()]
    minimal = [sys.executable, str(ROOT / "tests" / "bench" / "minimal_app.py"), str(table)]
    from tests.bench import screen

    launch: dict[str, float] = {}
    if screen.available():
        launch = screen.measure(
            ours, minimal, {"BAIQIANG_HOME": home, "PATH": os.environ.get("PATH", "")}, runs=runs
        )
        print(f"what a person sees ({screen.METHOD}):")
        print(
            f"  first frame: baiqiang {launch['first']:.0f} ms, the least Textual app {launch['minimal']:.0f} ms, "
            f"ratio {verdict(launch['first_ratio'], 1.5)}"
        )
        print(
            f"  time to interactive: {launch['tti']:.0f} ms ({launch['filtered']:.0f} of {launch['runs']:.0f} runs "
            f"filtered), ratio to the least app's first frame {verdict(launch['tti_ratio'], 1.5)}"
        )
    else:
        print("first frame and time to interactive: tmux is not installed, so not measured")
    rows = [("baiqiang (the explorer)", ours), ("the least Textual app, same rows", minimal)]
    vd = shutil.which("vd", path=str(Path(sys.executable).parent)) or shutil.which("vd")
    if vd:
        rows.append(("VisiData, same rows", [vd, str(table)]))
    print("bytes written to a 120×35 pty (TERM=xterm-256color): first frame · one cursor move (↓)")
    weights = []
    for label, cmd in rows:
        first, move, _ = _pty_bytes(cmd, env, b"\x1b[B")  # the down arrow: a cursor move in all three
        print(f"  {label:36} {first:8,d} B · {move:6,d} B")
        weights.append((label, first, move))
    shutil.rmtree(home, ignore_errors=True)
    return {"launch": launch, "weights": weights}  # (launch: {} where tmux is missing)


_PANEL_IN_ITS_OWN_PROCESS = """
import json, sys
from pathlib import Path
from tests.bench.panel import bench_panel
print(json.dumps(bench_panel(Path(sys.argv[1]))))
"""


def bench_with_panel() -> dict[str, object]:
    """The panel (2,843 units × 30 years × 100 indicators, synthetic): import against
    ``pl.read_csv``, a list and a stats over it; then ``show`` and a 表1 keystroke (one of its
    columns shown) with it in the store."""
    import asyncio

    from tests.bench import bench_tui, screen

    home = Path(tempfile.mkdtemp(prefix="baiqiang-panel-home-"))
    memory: dict[str, float] = {}
    if screen.available():
        memory["census"] = screen.peak_memory(
            [*_baiqiang()], {"BAIQIANG_HOME": str(home), "PATH": os.environ["PATH"]}
        )
    # in a process of its own, as a person runs an import: not after the explorer's runs in this
    # one (their objects and threads in the same heap), both figures from the same fresh process
    done = subprocess.run(
        [sys.executable, "-c", _PANEL_IN_ITS_OWN_PROCESS, str(home)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    panel = json.loads(done.stdout.strip().splitlines()[-1])
    if screen.available():
        memory["panel"] = screen.peak_memory(
            [*_baiqiang()], {"BAIQIANG_HOME": str(home), "PATH": os.environ["PATH"]}
        )
        print(
            f"the explorer's peak memory (VmHWM, after a filter and 全部区县): {memory['census']:.0f} MB with the "
            f"census built in; {memory['panel']:.0f} MB with the panel stored too"
        )
    print(
        f"a panel of {panel['values']:,.0f} values: import {panel['import']:.0f} ms "
        f"(pl.read_csv of the same file {panel['read_csv']:.0f} ms: "
        f"{verdict(panel['import'] / panel['read_csv'], 3)}); list divisions with 50 of its "
        f"columns {panel['list']:.1f} ms; stats mean by province {panel['stats']:.1f} ms"
    )
    show = bench_show(home=str(home), label=" with the panel stored")
    os.environ["BAIQIANG_HOME"] = str(home)
    try:
        bench_tui.track_frames()
        times = asyncio.run(bench_tui.keystroke_times(extra=("v001",)))
    finally:
        os.environ.pop("BAIQIANG_HOME", None)
    keys = (statistics.median(times), bench_tui.p95(times))
    print(
        f"filter keystroke, 表1 with a panel column shown, to the frame drawn: median {keys[0]:.1f} ms, p95 {keys[1]:.1f} ms"
    )
    shutil.rmtree(home, ignore_errors=True)
    return {"panel": panel, "show": show, "keys": keys, "memory": memory}


def bench_keys() -> dict[str, tuple[float, float]]:
    """Filter keystroke to the frame drawn: 表1 (100 rows) and 20,000 rows × 50 numeric columns;
    and, for 表1, to the rows being in the table (before Textual's next frame)."""
    import asyncio

    from tests.bench import bench_tui

    bench_tui.track_frames()
    found = {}
    filled: list[float] = []
    times = asyncio.run(bench_tui.keystroke_times(filled=filled))
    found["100 rows (表1), to the rows in the table"] = (statistics.median(filled), bench_tui.p95(filled))
    found["100 rows (表1), to the frame drawn"] = (statistics.median(times), bench_tui.p95(times))
    wide = asyncio.run(bench_tui.wide_keystroke_times())
    label = f"{bench_tui.WIDE_ROWS:,} rows × {bench_tui.WIDE_COLUMNS} numeric columns, to the frame drawn"
    found[label] = (statistics.median(wide), bench_tui.p95(wide))
    for label, (median, p95) in found.items():
        print(f"filter keystroke, {label}: median {median:.1f} ms, p95 {p95:.1f} ms")
    return found


BEGIN, END = "<!-- bench:begin (python -m tests.bench --write-readme) -->", "<!-- bench:end -->"


def readme_block(
    machine: str,
    show: dict[str, float],
    explorer: dict[str, object],
    keys: dict[str, tuple[float, float]],
    stored: dict[str, object],
    core: list[tuple[str, float, int]],
    census: dict[str, float] | None = None,
    suite: dict[str, float] | None = None,
) -> str:
    """The README's figures, as Markdown."""
    lines = [
        BEGIN,
        f"Measured {machine}.",
        "",
        "| what | ours | anchor | ratio (pair by pair) |",
        "| --- | --- | --- | --- |",
    ]
    anchor = (
        f"VisiData `vd -b table.tsv -o /dev/null` (the same 100 rows): {show['vd']:.0f} ms"
        if "vd" in show
        else "VisiData not installed"
    )
    ratio = verdict(show["ratio"], 0.5) if "ratio" in show else "—"
    launch = explorer["launch"]
    assert isinstance(launch, dict)
    lines += [
        f"| `baiqiang show 昆山市 --format json`, the whole process | {show['ours']:.0f} ms | {anchor} | {ratio} |"
    ]
    if launch:
        from tests.bench.screen import METHOD

        least = f"the least Textual app's first frame (the same rows): {launch['minimal']:.0f} ms"
        lines += [
            f"| `baiqiang`: first frame, 昆山市 visible | {launch['first']:.0f} ms | {least} "
            f"| {verdict(launch['first_ratio'], 1.5)} |",
            f"| `baiqiang`: time to interactive, `/jiangyin` typed at the first frame until only 江阴市 is "
            f"left ({launch['filtered']:.0f} of {launch['runs']:.0f} runs) | {launch['tti']:.0f} ms | {least} "
            f"| {verdict(launch['tti_ratio'], 1.5)} |",
        ]
    lines += [
        "",
        *([f"First frame and time to interactive: {METHOD}.", ""] if launch else []),
        "| filter keystroke | median | 95th percentile | goal (p95) |",
        "| --- | --- | --- | --- |",
    ]
    for (label, (median, p95)), goal in zip(keys.items(), (50, 50, 100), strict=True):
        lines.append(f"| {label} | {median:.1f} ms | {p95:.1f} ms | ≤ {goal} ms: {_met(p95, goal)} |")
    panel, with_panel = stored["panel"], stored["show"]
    assert isinstance(panel, dict) and isinstance(with_panel, dict)
    median, p95 = stored["keys"]  # type: ignore[misc]
    lines += [
        "",
        f"Your own data at scale: a panel of {panel['values']:,.0f} values (2,843 units × 30 years × 100 "
        "indicators, synthetic: `tests/bench/panel.py` writes it as CSV), in the store; the import and "
        "`pl.read_csv` are timed in a fresh process of their own, five runs each, alternating, medians:",
        "",
        "| what | ours | anchor |",
        "| --- | --- | --- |",
        f"| `baiqiang data import panel.csv` (read, match 85,290 rows, store) | {panel['import']:.0f} ms "
        f"| `pl.read_csv` of the same file: {panel['read_csv']:.0f} ms; ratio "
        f"{verdict(panel['import'] / panel['read_csv'], 3)} |",
        f"| `list divisions` with 50 of its columns | {panel['list']:.1f} ms | |",
        f"| `stats divisions --by province --value v001 --agg mean` | {panel['stats']:.1f} ms | |",
        f"| `show 昆山市 --format json` with it stored, the whole process | {with_panel['ours']:.0f} ms "
        + (
            f"| VisiData {with_panel['vd']:.0f} ms, ratio {with_panel['ratio']:.2f} |"
            if "vd" in with_panel
            else "| |"
        ),
        f"| filter keystroke in 表1 with one of its columns shown, to the frame drawn | median {median:.1f} ms, "
        f"p95 {p95:.1f} ms | goal ≤ 50 ms (p95): {_met(p95, 50)} |",
    ]
    memory = stored.get("memory")
    if isinstance(memory, dict) and memory:
        lines.append(
            f"| the explorer's peak memory (VmHWM) after a filter and 全部区县 | {memory['panel']:.0f} MB with the "
            f"panel stored | {memory['census']:.0f} MB with the census alone (no view shows the panel: it is "
            "not read) |"
        )
    if census:
        lines.append(
            f"| `baiqiang data import census_county_2020_v1.xlsx` (3,358 × 153: read, match as of 2020, "
            f"store), the whole process | {census['ours']:.0f} ms | fastexcel into a Polars frame, the whole "
            f"process: {census['anchor']:.0f} ms; ratio {verdict(census['ratio'], 2)} |"
        )
    if suite:
        lines += [
            "",
            "| the test suite, as CI runs it (`python -m pytest`: -n 3 on 2 cores) | pytest's line | goal |",
            "| --- | --- | --- |",
            f"| {suite['passed']:.0f} passed, {suite['skipped']:.0f} skipped (the whole process: "
            f"{suite['wall']:.1f} s) | {suite['line']:.1f} s | ≤ 60 s: {_met(suite['line'], 60)} |",
        ]
    lines += ["", "| program (a 120×35 pty) | first frame | one cursor move (↓) |", "| --- | --- | --- |"]
    weights = explorer["weights"]
    assert isinstance(weights, list)
    lines += [f"| {label} | {first:,d} B | {move:,d} B |" for label, first, move in weights]
    lines += ["", "| the core's operation | median |", "| --- | --- |"]
    lines += [f"| {label} | {ms:.1f} ms |" for label, ms, _ in core]
    return "\n".join([*lines, END])


def write_readme(block: str) -> None:
    """Replaces the marked block of the README's speed section (atomically)."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    tmp = readme.with_suffix(".md.tmp")
    tmp.write_text(text[:start] + block + text[end:], encoding="utf-8")
    os.replace(tmp, readme)


def compiled() -> None:
    """Byte-compiles the package, as installing it does (pip writes the ``.pyc`` files): a
    checkout run with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every module it
    loads on every run, which no installed copy does — and its anchors are installed."""
    import compileall

    import baiqiang
    import baiqiang.core
    import baiqiang.tui

    for package in (baiqiang, baiqiang.core, baiqiang.tui):
        compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)


def bench_suite() -> dict[str, float] | None:
    """The test suite as CI runs it (``python -m pytest``, the project's options: -n 3 on this
    machine's cores): its own line's seconds ("584 passed in 44.18s") and the whole process."""
    import re

    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    said = re.search(r"(\d+) passed(?:, (\d+) skipped)? in ([\d.]+)s", done.stdout)
    if done.returncode != 0 or said is None:
        tail = done.stdout.strip().splitlines()[-1:] or ["no output"]
        print(f"the test suite did not pass ({tail[0]}): not timed")
        return None
    found = {"passed": float(said[1]), "skipped": float(said[2] or 0), "line": float(said[3]), "wall": wall}
    print(f"the test suite: {said[0]} (pytest's line); the whole process {wall:.1f} s")
    return found


def main() -> None:
    compiled()
    machine = (
        f"on {time.strftime('%Y-%m-%d')}, {platform.node()}: {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}"
    )
    print(machine)
    show = bench_show()
    explorer = bench_explorer()
    keys = bench_keys()
    stored = bench_with_panel()
    census = bench_census()
    suite = None if "--no-suite" in sys.argv[1:] else bench_suite()
    from tests.bench.core_bench import results

    core = results()
    for label, ms, runs in core:
        print(f"{label:40} {ms:8.2f} ms  (median of {runs})")
    if "--write-readme" in sys.argv[1:]:
        write_readme(readme_block(machine, show, explorer, keys, stored, core, census, suite))
        print("README.md: the figures are written")


if __name__ == "__main__":
    main()
