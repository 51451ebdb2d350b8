"""``python -m tests.bench``: our figures beside their anchors, in one run.

- ``show`` (a unit's profile as JSON, the whole process) against VisiData converting the same
  100-row table in batch mode (``vd -b table.tsv -o /dev/null``), run in turn, A B A B …, the
  ratio taken pair by pair (the goal: at most 0.5).
- The core's operations (``baiqiang.core.bench``).

VisiData is not a dependency: ``pip install visidata`` into the venv for the anchor (without it
the anchor is left out, and said so). Nothing here is a test.
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


def bench_show(runs: int = 15) -> None:
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
    print(
        f"show 昆山市 --format json (whole process)   {1000 * statistics.median(ours):7.0f} ms  (median of {runs})"
    )
    if vd:
        print(f"VisiData: vd -b table.tsv -o /dev/null     {1000 * statistics.median(theirs):7.0f} ms")
        print(f"ratio, pair by pair (goal ≤ 0.5)            {statistics.median(ratios):7.2f}")
    else:
        print("VisiData: not installed here (pip install visidata), so no anchor")
    shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    print(
        f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}"
    )
    bench_show()
    subprocess.run(
        [sys.executable, "-m", "tests.checkout", "-m", "baiqiang.core.bench"], cwd=ROOT, check=True
    )


if __name__ == "__main__":
    main()
