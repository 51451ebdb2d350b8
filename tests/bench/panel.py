"""The scale of your own data: a long panel of 2,843 units × 30 years × 100 indicators (8.5 M
values, SYNTHETIC: seeded random numbers, for timing only), imported, joined and summed up.

``python -m tests.bench`` runs it with the other figures; nothing here is a test.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

YEARS = range(1992, 2022)
INDICATORS = 100
RUNS = 5
"""Runs of the import and of ``pl.read_csv``, alternating (the medians are compared)."""


def write_panel(path: Path) -> int:
    """Writes the panel as CSV (adcode, year, v001 … v100); returns its number of values."""
    import polars as pl

    from baiqiang.core.catalog import make_catalog

    codes = make_catalog().divisions.select("adcode").collect()
    years = pl.DataFrame({"year": list(YEARS)})
    frame = codes.join(years, how="cross").sort("adcode", "year")
    n = frame.height
    frame = frame.with_columns(
        # seeded, repeatable, made up: a hash of the row number, as a figure between 0 and 10,000
        (pl.int_range(n, dtype=pl.UInt64).hash(seed=i) % 1_000_000 / 100).alias(f"v{i:03d}")
        for i in range(1, INDICATORS + 1)
    )
    frame.write_csv(path)
    return n * INDICATORS


def _timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def bench_panel(home: Path) -> dict[str, float]:
    """Import against ``pl.read_csv`` of the same file; ``list divisions`` with 50 of the columns;
    a ``stats`` of one of them by province (medians, milliseconds). The store is left in `home`,
    so that the lookup and keystroke figures can be taken with it there."""
    import polars as pl

    from baiqiang.core.catalog import make_catalog
    from baiqiang.core.filters import Filters
    from baiqiang.core.indicators import import_file
    from baiqiang.core.query import Agg
    from baiqiang.core.service import rows, stats

    previous = os.environ.get("BAIQIANG_HOME")
    os.environ["BAIQIANG_HOME"] = str(home)
    try:
        path = Path(tempfile.mkdtemp(prefix="baiqiang-panel-")) / "panel.csv"
        values = write_panel(path)
        catalog = make_catalog()
        anchor: list[float] = []
        ours: list[float] = []
        for _ in range(RUNS):  # alternating: a drift of the machine's speed falls on both
            anchor.append(_timed(lambda: pl.read_csv(path), 1))
            ours.append(_timed(lambda: import_file(catalog, path, name="panel", replace=True), 1))
        found = {
            "values": float(values),
            "read_csv": statistics.median(anchor),
            "import": statistics.median(ours),
        }
        fifty = ["adcode", "name", *[f"v{i:03d}" for i in range(1, 51)]]
        found["list"] = _timed(
            lambda: rows(catalog, "divisions", Filters(), indicators=True, columns=fifty).collect(), 5
        )
        found["stats"] = _timed(
            lambda: stats(
                catalog, "divisions", Filters(), by="province", value="v001", agg=Agg.MEAN, indicators=True
            ).collect(),
            5,
        )
        path.unlink()
    finally:
        if previous is None:
            os.environ.pop("BAIQIANG_HOME", None)
        else:
            os.environ["BAIQIANG_HOME"] = previous
    return found
