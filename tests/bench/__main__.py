"""``python -m tests.bench``: our figures beside their anchors, in one run.

- ``show`` (a unit's profile as JSON, the whole process) against VisiData converting the same
  100-row table in batch mode (``vd -b table.tsv -o /dev/null``), run in turn, A B A B …, the
  ratio taken pair by pair (the goal: at most 0.5).
- The core's operations (``baiqiang.core.bench``).

VisiData is not a dependency: ``pip install visidata`` into the venv for the anchor (without it
the anchor is left out, and said so). ``--write-readme`` puts the figures into the README's
speed section (between its bench markers). Nothing here is a test.
"""

from __future__ import annotations

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
    """The command: the installed ``baiqiang`` if this venv has one, else the checkout's."""
    installed = Path(sys.executable).with_name("baiqiang")
    return [str(installed)] if installed.is_file() else [sys.executable, "-m", "tests.checkout"]


def bench_show(runs: int = 15) -> dict[str, float]:
    home = tempfile.mkdtemp(prefix="baiqiang-bench-")
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
    print(f"show 昆山市 --format json (whole process)   {found['ours']:7.0f} ms  (median of {runs})")
    if vd:
        found |= {"vd": 1000 * statistics.median(theirs), "ratio": statistics.median(ratios)}
        print(f"VisiData: vd -b table.tsv -o /dev/null     {found['vd']:7.0f} ms")
        print(f"ratio, pair by pair (goal ≤ 0.5)            {found['ratio']:7.2f}")
    else:
        print("VisiData: not installed here (pip install visidata), so no anchor")
    shutil.rmtree(home, ignore_errors=True)
    return found


def _pty_bytes(cmd: list[str], env: dict[str, str], keys: bytes, *, settle: float = 1.5) -> tuple[int, int]:
    """Bytes a full-screen program writes to a 120×35 pty: its first frame (until it has been
    quiet for `settle` seconds), then for `keys` (a cursor move)."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 35, 120, 0, 0))
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
    return first, move


def bench_bytes() -> list[tuple[str, int, int]]:
    """The weight of the explorer over SSH, beside VisiData and the least Textual app."""
    home = tempfile.mkdtemp(prefix="baiqiang-bench-")
    env = {**os.environ, "BAIQIANG_HOME": home}
    table = Path(home) / "table.tsv"
    with table.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [*_baiqiang(), "list", "ic", "--format", "tsv"], env=env, stdout=fh, check=True, cwd=ROOT
        )
    rows = [("baiqiang (the explorer)", [*_baiqiang()])]
    rows.append(
        (
            "the least Textual app, same rows",
            [sys.executable, str(ROOT / "tests" / "bench" / "minimal_app.py"), str(table)],
        )
    )
    vd = shutil.which("vd", path=str(Path(sys.executable).parent)) or shutil.which("vd")
    if vd:
        rows.append(("VisiData, same rows", [vd, str(table)]))
    print("bytes written to a 120×35 pty (TERM=xterm-256color): first frame · one cursor move (↓)")
    found = []
    for label, cmd in rows:
        first, move = _pty_bytes(cmd, env, b"\x1b[B")  # the down arrow: a cursor move in all three
        print(f"  {label:36} {first:8,d} B · {move:6,d} B")
        found.append((label, first, move))
    shutil.rmtree(home, ignore_errors=True)
    return found


BEGIN, END = "<!-- bench:begin (python -m tests.bench --write-readme) -->", "<!-- bench:end -->"


def readme_block(
    machine: str,
    show: dict[str, float],
    weights: list[tuple[str, int, int]],
    core: list[tuple[str, float, int]],
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
    ratio = f"{show['ratio']:.2f} (goal ≤ 0.5)" if "ratio" in show else "—"
    lines += [
        f"| `baiqiang show 昆山市 --format json`, the whole process | {show['ours']:.0f} ms | {anchor} | {ratio} |",
        "",
    ]
    lines += ["| program (a 120×35 pty) | first frame | one cursor move (↓) |", "| --- | --- | --- |"]
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


def main() -> None:
    machine = (
        f"on {time.strftime('%Y-%m-%d')}, {platform.node()}: {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}"
    )
    print(machine)
    show = bench_show()
    weights = bench_bytes()
    from tests import checkout

    checkout.install()
    from baiqiang.core.bench import results

    core = results()
    for label, ms, runs in core:
        print(f"{label:40} {ms:8.2f} ms  (median of {runs})")
    if "--write-readme" in sys.argv[1:]:
        write_readme(readme_block(machine, show, weights, core))
        print("README.md: the figures are written")


if __name__ == "__main__":
    main()
