"""Benchmarks of the core: ``python -m tests.bench.core_bench``.

Prints the median of repeated runs for loading the data, filtering, counting, resolving a
name, profiling a unit and the full audit. Figures go in the README, never in tests.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from baiqiang.core.audit import run_audit
from baiqiang.core.catalog import _load, make_catalog
from baiqiang.core.compare import compare
from baiqiang.core.filters import Filters, filter_units
from baiqiang.core.peers import find_peers
from baiqiang.core.plain.names import display_width
from baiqiang.core.plain.paths import data_dir
from baiqiang.core.plain.resolve import resolve_rows
from baiqiang.core.profile import lookup, unit_rows
from baiqiang.core.query import counts, crosstab


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def results() -> list[tuple[str, float, int]]:
    """Each benchmark's (label, median milliseconds, runs)."""

    def cold_load() -> object:
        _load.cache_clear()
        return make_catalog()

    c = make_catalog()
    ic = c.tables["industrial-counties"]
    rows, former = unit_rows(c)
    census = [i.column for i in lookup(c, "沁源县").indicators if i.built_in]  # type: ignore[union-attr]
    cases: list[tuple[str, Callable[[], object], int]] = [
        ("load catalog from data/ (cold)", cold_load, 20),
        (
            "filter: 江苏, tier 2, name 'c'",
            lambda: filter_units(ic, Filters(province="江苏", tier=2, name="c")).collect(),
            200,
        ),
        ("counts by province", lambda: counts(ic, by="province").collect(), 200),
        (
            "crosstab rank_band × province",
            lambda: crosstab(ic, rows="rank_band", cols="province").collect(),
            200,
        ),
        ("resolve 'kunshan'", lambda: resolve_rows(rows, "kunshan", former=former), 200),
        ("profile of 昆山 (show)", lambda: lookup(c, "昆山"), 50),
        ("full audit", lambda: run_audit(c), 20),
        ("compare 4 units (every row)", lambda: compare(c, ["昆山", "江阴", "张家港", "沁源县"]).frame(), 20),
        ("peers of 沁源县, 5 census columns (goal ≤ 50 ms)", lambda: find_peers(c, "沁源县"), 20),
        (
            f"peers of 沁源县 by every census column it has a value in ({len(census)})",
            lambda: find_peers(c, "沁源县", by=census),
            20,
        ),
    ]
    out = []
    for label, fn, repeat in cases:
        fn()  # warm up
        out.append((label, _median_ms(fn, repeat), repeat))
    return out


def main() -> None:
    """Runs each benchmark and prints its median time in milliseconds."""
    print(f"data: {data_dir()}")
    for label, ms, repeat in results():
        pad = " " * (40 - display_width(label))
        print(f"{label}{pad} {ms:8.2f} ms  (median of {repeat})")


if __name__ == "__main__":
    main()
