"""Reading a unit's imported values without Polars (what ``show`` needs): each dataset keeps
every unit's values on one line of ``units.jsonl`` and where each line starts in
``units-index.json`` (written by :func:`baiqiang.core.indicators.store.save`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baiqiang.core.plain.paths import store_root


@dataclass(frozen=True)
class Indicator:
    """One imported value of a unit.

    Attributes:
        dataset: The dataset's name.
        column: The column's name.
        value: The value, in its unit.
        unit: The unit (亿元), or "".
        year: The year, where the file gives one.
        source: The file it was imported from.
    """

    dataset: str
    column: str
    value: float
    unit: str
    year: int | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        """As JSON (``show --format json``'s ``indicators``)."""
        return {
            "dataset": self.dataset,
            "column": self.column,
            "value": self.value,
            "unit": self.unit,
            "year": self.year,
            "source": self.source,
        }

    @property
    def shown(self) -> str:
        """The value as written: 4748.06, 210 (no float noise, no rescaling)."""
        return str(int(self.value)) if float(self.value).is_integer() else repr(float(self.value))


def names(root: Path | None = None) -> list[str]:
    """The datasets' names, sorted."""
    base = root or store_root()
    if not base.is_dir():
        return []
    return sorted(
        p.name
        for p in base.iterdir()
        if p.is_dir() and not p.name.startswith(".") and (p / "dataset.json").is_file()
    )


def indicators_of(adcode: str, root: Path | None = None) -> list[Indicator]:
    """Every imported value of a unit, dataset by dataset (no Polars: ``show`` reads this)."""
    return unit_values(adcode, root)[0]


def unit_values(adcode: str, root: Path | None = None) -> tuple[list[Indicator], list[str]]:
    """Every imported value of a unit, and the datasets that could not be read (damaged: their
    values are not in the list, and whoever shows it must say so)."""
    out: list[Indicator] = []
    damaged: list[str] = []
    base = root or store_root()
    for name in folders(base):
        folder = base / name
        try:
            index = json.loads((folder / "units-index.json").read_text(encoding="utf-8"))
            where = index.get(adcode)
            if where is None:
                continue
            with (folder / "units.jsonl").open("rb") as fh:
                fh.seek(where[0])
                line = json.loads(fh.read(where[1]))
            meta = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            damaged.append(name)
            continue
        try:
            units = {c["name"]: (c["unit"], c.get("year")) for c in meta["columns"]}
            found = [
                Indicator(name, column, line[column][i], unit, year or column_year, meta["source"])
                for i, year in enumerate(line["year"])
                for column, (unit, column_year) in units.items()
                if line[column][i] is not None
            ]
        except (TypeError, KeyError, IndexError, AttributeError):  # not readable as this version's
            damaged.append(name)
            continue
        out += found
    return out, damaged


def folders(root: Path | None = None) -> list[str]:
    """Every dataset's folder in the store, readable or not (hidden ones are work in progress)."""
    base = root or store_root()
    try:
        return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
