"""What a person sees: the first frame and the time to interactive, read off a real terminal.

Each program runs in a tmux window of 120×35 (a real terminal emulator: what counts is text on
its screen, not bytes written to a pty); the screen is read every 10 ms. The first frame is the
time from launch until 昆山市 is visible; the time to interactive is from launch until, with
``/jiangyin`` typed the instant 昆山市 is visible, only 江阴市 is left. Runs of ours and of the
least Textual app (tests/bench/minimal_app.py, the same rows) alternate, so that both meet the
machine in the same state; each figure is the median.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
import uuid
from collections.abc import Sequence

POLL = 0.01
"""How often the screen is read, in seconds."""

METHOD = (
    "tmux 120×35, the screen read every 10 ms; first frame: launch → 昆山市 visible; time to "
    "interactive: launch → only 江阴市 left, /jiangyin typed the instant 昆山市 is visible; "
    "runs alternate with the least Textual app; medians"
)


def available() -> bool:
    """Whether tmux is installed (the method needs it)."""
    return shutil.which("tmux") is not None


def _screen(server: str, target: str) -> str:
    return subprocess.run(
        ["tmux", "-L", server, "capture-pane", "-p", "-t", target],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def one_run(
    cmd: Sequence[str], env: dict[str, str], *, type_keys: bool, limit: float = 20.0
) -> tuple[float, float | None]:
    """(first frame, time to interactive or None) of one launch, in seconds."""
    server = f"bench-{uuid.uuid4().hex[:8]}"
    exports = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
    command = f"env {exports} {' '.join(_quote(c) for c in cmd)}; sleep 30"
    # the server first (its own start is not the program's), then the program in a window of it
    subprocess.run(
        ["tmux", "-L", server, "new", "-d", "-s", "idle", "-x", "120", "-y", "35", "sleep 60"], check=True
    )
    try:
        start = time.perf_counter()
        subprocess.run(
            ["tmux", "-L", server, "new-window", "-d", "-t", "idle", "-n", "run", command], check=True
        )
        target = "idle:run"
        subprocess.run(
            ["tmux", "-L", server, "resize-window", "-t", target, "-x", "120", "-y", "35"], check=False
        )
        first = None
        while time.perf_counter() - start < limit:
            if "昆山市" in _screen(server, target):
                first = time.perf_counter() - start
                break
            time.sleep(POLL)
        if first is None:
            raise RuntimeError(f"{cmd[0]}: 昆山市 never appeared")
        if not type_keys:
            return first, None
        subprocess.run(["tmux", "-L", server, "send-keys", "-t", target, "-l", "/jiangyin"], check=True)
        while time.perf_counter() - start < limit:
            text = _screen(server, target)
            if "江阴市" in text and "昆山市" not in text:
                return first, time.perf_counter() - start
            time.sleep(POLL)
        return first, None
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], check=False, capture_output=True)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def measure(
    ours: Sequence[str], minimal: Sequence[str], env: dict[str, str], *, runs: int = 6
) -> dict[str, float]:
    """Medians, in milliseconds, of ours' first frame and time to interactive and the least app's
    first frame, runs alternating; and the ratios of each to the least app's first frame."""
    one_run(ours, env, type_keys=False)  # the first launch writes the first view's snapshot
    first, ready, least = [], [], []
    for _ in range(runs):
        a, tti = one_run(ours, env, type_keys=True)
        b, _ = one_run(minimal, env, type_keys=False)
        first.append(a)
        least.append(b)
        if tti is not None:
            ready.append(tti)
    found = {
        "first": 1000 * statistics.median(first),
        "minimal": 1000 * statistics.median(least),
        "tti": 1000 * statistics.median(ready) if ready else float("nan"),
        "filtered": float(len(ready)),
        "runs": float(runs),
    }
    found["first_ratio"] = found["first"] / found["minimal"]
    found["tti_ratio"] = found["tti"] / found["minimal"]
    return found


def peak_memory(cmd: Sequence[str], env: dict[str, str], *, settle: float = 3.0) -> float:
    """The explorer's peak resident memory (VmHWM, in MB) once it has drawn 昆山市 and loaded,
    and a filter and a switch to 全部区县 (every unit) and back have run: tmux 120×35, as above."""
    server = f"bench-{uuid.uuid4().hex[:8]}"
    exports = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
    command = f"exec env {exports} {' '.join(_quote(c) for c in cmd)}"
    subprocess.run(
        ["tmux", "-L", server, "new", "-d", "-s", "m", "-x", "120", "-y", "35", command], check=True
    )
    try:
        start = time.perf_counter()
        while "昆山市" not in _screen(server, "m") and time.perf_counter() - start < 20:
            time.sleep(POLL)
        time.sleep(settle)  # the core loads behind the first frame
        for keys in (["-l", "/jiangyin"], ["Enter"], ["-l", "8"], ["-l", "1"]):
            subprocess.run(["tmux", "-L", server, "send-keys", "-t", "m", *keys], check=True)
            time.sleep(0.5)
        pid = subprocess.run(
            ["tmux", "-L", server, "display", "-p", "-t", "m", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            peak = next(line for line in fh if line.startswith("VmHWM:"))
        return int(peak.split()[1]) / 1024
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], check=False, capture_output=True)
