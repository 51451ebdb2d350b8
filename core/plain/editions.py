"""Reading imported editions of the lists without Polars (``show``'s history); the rest of the
edition work is :mod:`baiqiang.core.editions`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from baiqiang.core.plain.paths import editions_root
from baiqiang.core.plain.tables import TABLES, ranking_tables

FIRST_EDITION = 2000
"""The earliest year an edition of a list can have (the lists began in the late 2010s)."""


def plausible_years() -> range:
    """The years an edition can have: from :data:`FIRST_EDITION` to next year."""
    import datetime

    return range(FIRST_EDITION, datetime.date.today().year + 2)


def builtin_edition(table: str) -> int:
    """The edition of a list that is built in: the report's (its year), or 0 for a list
    registered without one."""
    return TABLES[table].edition or 0


def edition_path(table: str, year: int, root: Path | None = None) -> Path:
    return (root or editions_root()) / table / f"{year}.json"


def read_edition(table: str, year: int, root: Path | None = None) -> dict[str, Any] | None:
    try:
        raw = json.loads(edition_path(table, year, root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) and "rows" in raw else None


def imported_years(table: str, root: Path | None = None, *, damaged: bool = False) -> list[int]:
    """The years of the imported editions of a list that can be read, oldest first (`damaged`:
    those whose file cannot be read instead — an empty or cut file is no edition, but it can be
    removed)."""
    folder = (root or editions_root()) / table
    if not folder.is_dir():
        return []
    plausible = plausible_years()  # a stray file (99999999.json) is no edition
    found = sorted(
        int(p.stem)
        for p in folder.glob("*.json")
        if p.stem.isdigit() and len(p.stem) == 4 and int(p.stem) in plausible
    )
    return [y for y in found if (read_edition(table, y, root) is None) == damaged]


def history(adcode: str, root: Path | None = None) -> dict[str, list[dict[str, int]]]:
    """A unit's rank in every imported edition of each list, oldest first (no Polars)."""
    out: dict[str, list[dict[str, int]]] = {}
    for table in ranking_tables():
        for year in imported_years(table, root):
            raw = read_edition(table, year, root)
            found = next((r for r in raw["rows"] if r["adcode"] == adcode), None) if raw else None
            if found is not None:
                out.setdefault(table, []).append({"edition": year, "rank": found["rank"]})
    return out
