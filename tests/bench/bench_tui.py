"""The explorer's keystroke benchmarks (``python -m tests.bench`` runs them with the others;
``python -m tests.bench.bench_tui`` alone).

A filter keystroke until the frame with its rows is drawn: in 表1 (100 rows), and in a table of
20,000 rows × 50 numeric columns. Figures go in the README; nothing here is a test.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


async def type_and_erase(bar: Any, text: str, rounds: int, timed: Callable[..., Any]) -> None:
    """Types `text` into the filter a key at a time, then deletes it, `rounds` times; each edit
    goes through `timed(edit, the filter text it leads to)`."""
    typed = ""
    for _ in range(rounds):
        for ch in text:
            typed += ch
            await timed(partial(bar.insert_text_at_cursor, ch), typed)
        for _ in text:
            typed = typed[:-1]
            await timed(bar.action_delete_left, typed)


FILLED: list[float] = []
"""perf_counter() when each tracked keystroke's rows were in the table (before the frame)."""


async def keystroke_times(
    text: str = "zhejiangshi", *, filled: list[float] | None = None, extra: tuple[str, ...] = ()
) -> list[float]:
    """Milliseconds from each keystroke's edit of the filter until the frame showing its rows has
    been drawn (Textual draws at most 60 frames a second, so up to 17 ms of each figure is the
    wait for the next frame).

    Each character is inserted with the Input's own API (what a key press does), so the figure
    is the app's work (event, filter, worker, table, frame) without Pilot's per-key settling,
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
        if extra:  # imported columns shown beside the list's own (joined on every keystroke)
            view.state = replace(view.state, extra=extra)
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.press("slash")
        bar = view.query_one(FilterBar)

        async def timed(edit: Callable[[], None], expected: str) -> None:
            drawn = asyncio.Event()
            view._drawn = (expected, drawn)  # type: ignore[attr-defined]
            start = time.perf_counter()
            FILLED.clear()
            edit()
            await drawn.wait()
            times.append((time.perf_counter() - start) * 1000)
            if filled is not None and FILLED:
                filled.append((FILLED[0] - start) * 1000)

        await type_and_erase(bar, text, 5, timed)
    return times


WIDE_ROWS, WIDE_COLUMNS = 20_000, 50


def wide_frame() -> object:
    """A table of 20,000 rows: the 2,843 county-level units over and over, each with 50 numeric
    columns of SYNTHETIC figures (seeded random numbers, for timing only, never shown as data)."""
    import polars as pl

    from baiqiang.core.catalog import make_catalog

    units = (
        make_catalog()
        .divisions.select(
            "adcode",
            "name",
            "province",
            "prefecture",
            "pinyin",
            "initials",
            pl.col("province_pinyin").alias("_province_key"),
            pl.col("prefecture_pinyin").fill_null("").alias("_prefecture_key"),
        )
        .collect()
    )
    repeated = pl.concat([units] * (WIDE_ROWS // units.height + 1)).head(WIDE_ROWS)
    rng = __import__("random").Random(2026)
    numbers = {
        f"v{i:02d}": [round(rng.uniform(0, 10_000), 2) for _ in range(WIDE_ROWS)] for i in range(1, 51)
    }
    return repeated.hstack(pl.DataFrame(numbers))


async def wide_keystroke_times(text: str = "zhejiangshi") -> list[float]:
    """Milliseconds from a keystroke in the filter to the frame drawn, on :func:`wide_frame`.

    The app is made of the explorer's own parts: the filter box, the core's filter
    (:func:`baiqiang.core.filters.filter_units`) in a worker, as a view runs it for a large
    table, and the grid, which formats only the rows on screen.
    """
    import polars as pl
    from textual import work
    from textual.app import App, ComposeResult

    from baiqiang.core.filters import Filters, filter_units
    from baiqiang.tui.frame_rows import FrameRows, is_numeric
    from baiqiang.tui.widgets.filter_bar import FilterBar
    from baiqiang.tui.widgets.grid import Grid

    frame = wide_frame()
    assert isinstance(frame, pl.DataFrame)
    shown = [c for c in frame.columns if not c.startswith("_")]

    class Wide(App[None]):
        drawn: tuple[str, asyncio.Event] | None = None

        def compose(self) -> ComposeResult:
            yield FilterBar()
            yield Grid()

        def on_mount(self) -> None:
            self.show(frame, "")

        def on_input_changed(self, event: FilterBar.Changed) -> None:
            self.filter(event.value)

        @work(thread=True, exclusive=True)
        def filter(self, text: str) -> None:
            found = filter_units(frame.lazy(), Filters(search=text or None)).collect()
            self.call_from_thread(self.show, found, text)

        def show(self, df: pl.DataFrame, text: str) -> None:
            grid = self.query_one(Grid)
            grid.fill(
                [(c, c) for c in shown], FrameRows(df, shown), right=[c for c in shown if is_numeric(df, c)]
            )
            if self.drawn is not None and self.drawn[0] == text:
                self.call_after_refresh(self.drawn[1].set)

    app = Wide()
    times: list[float] = []
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        bar = app.query_one(FilterBar)
        bar.focus()

        async def timed(edit: Callable[[], None], expected: str) -> None:
            done = asyncio.Event()
            app.drawn = (expected, done)
            start = time.perf_counter()
            edit()
            await done.wait()
            times.append((time.perf_counter() - start) * 1000)

        await type_and_erase(bar, text, 3, timed)
    return times


def track_frames() -> None:
    """Makes each table view say when the frame with the rows for its filter has been drawn."""
    from baiqiang.tui.widgets.table_view import TableView

    original = TableView._show

    def tracking(self: TableView, state, rows, chart) -> None:  # type: ignore[no-untyped-def]
        original(self, state, rows, chart)
        expected, drawn = getattr(self, "_drawn", (None, None))
        if drawn is not None and (state.filters.search or "") == expected:
            FILLED.append(time.perf_counter())
            self.app.call_after_refresh(drawn.set)

    TableView._show = tracking  # type: ignore[method-assign]


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)]


def main() -> None:
    """Prints the figures."""
    track_frames()
    keys = asyncio.run(keystroke_times())
    print(
        f"filter keystroke to the frame drawn: median {statistics.median(keys):.1f} ms, "
        f"95th percentile {p95(keys):.1f} ms, max {max(keys):.1f} ms ({len(keys)} keys)"
    )
    wide = asyncio.run(wide_keystroke_times())
    print(
        f"the same on {WIDE_ROWS:,} rows × {WIDE_COLUMNS} numeric columns: median "
        f"{statistics.median(wide):.1f} ms, 95th percentile {p95(wide):.1f} ms ({len(wide)} keys)"
    )


if __name__ == "__main__":
    main()
