"""Benchmarks of the explorer: ``python -m tests.bench.bench_tui``.

1. Launch to first frame: a fresh Python process starts the app (headless) and reports when the
   first table has its rows on screen; measured from just before the process is spawned.
2. Filter keystroke to updated table: typing into the ``/`` filter, the time from each key
   press until the table shows the rows for the new text.

Figures go in the README; nothing here is a test.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from tests import checkout  # noqa: E402

checkout.install()

CHILD = r"""
import sys, time
t0 = float(sys.argv[1])
from tests import checkout; checkout.install()
from baiqiang.tui.app import make_app
from baiqiang.tui.widgets.table_view import TableView

app = make_app()
shown = TableView._show

def first(self, state, rows, chart):
    shown(self, state, rows, chart)
    if rows.height and not getattr(app, "_first", None):
        app._first = time.time() - t0
        app.call_after_refresh(app.exit)

TableView._show = first
app.run(headless=True, size=(100, 30))
print(f"{app._first:.3f}")
"""


def launch_times(runs: int = 5) -> list[float]:
    """Seconds from spawning the process to the first table on screen."""
    out = []
    for _ in range(runs):
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(t0)], cwd=ROOT, capture_output=True, text=True, check=True
        )
        out.append(float(proc.stdout.strip().splitlines()[-1]))
    return out


async def keystroke_times(text: str = "zhejiangshi") -> list[float]:
    """Milliseconds from each keystroke's edit of the filter to the table showing its rows.

    Each character is inserted with the Input's own API (what a key press does), so the figure
    is the app's work (event, filter, worker, table rebuild) without Pilot's per-key settling,
    which by itself costs about 90 ms a key.
    """
    from baiqiang.tui.app import make_app
    from baiqiang.tui.widgets.filter_bar import FilterBar
    from baiqiang.tui.widgets.table_view import TableView

    app = make_app()
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        view = app.query_one("#view-industrial-counties", TableView)
        await pilot.press("slash")
        bar = view.query_one(FilterBar)
        typed = ""
        for _ in range(5):
            for ch in text:
                typed += ch
                start = time.perf_counter()
                bar.insert_text_at_cursor(ch)
                while view._shown != typed:  # type: ignore[attr-defined]
                    await asyncio.sleep(0.0002)
                times.append((time.perf_counter() - start) * 1000)
            for _ in text:
                typed = typed[:-1]
                start = time.perf_counter()
                bar.action_delete_left()
                while view._shown != typed:  # type: ignore[attr-defined]
                    await asyncio.sleep(0.0002)
                times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    """Prints the figures."""
    from baiqiang.tui.widgets.table_view import TableView

    original = TableView._show

    def tracking(self: TableView, state, rows, chart) -> None:  # type: ignore[no-untyped-def]
        original(self, state, rows, chart)
        self._shown = state.filters.search or ""

    TableView._shown = None  # type: ignore[attr-defined]
    TableView._show = tracking  # type: ignore[method-assign]

    launches = launch_times()
    print(
        f"launch to first frame: median {statistics.median(launches) * 1000:.0f} ms, "
        f"max {max(launches) * 1000:.0f} ms ({len(launches)} runs)"
    )
    keys = asyncio.run(keystroke_times())
    keys.sort()
    p95 = keys[int(len(keys) * 0.95) - 1]
    print(
        f"filter keystroke to updated table: median {statistics.median(keys):.1f} ms, "
        f"95th percentile {p95:.1f} ms, max {max(keys):.1f} ms ({len(keys)} keys)"
    )


if __name__ == "__main__":
    main()
