"""The user's datasets: each a folder under ``$BAIQIANG_HOME/datasets`` (default: the platform's
user data folder, ``~/.local/share/baiqiang/datasets`` on Linux).

A dataset folder holds ``values.parquet`` (adcode, year, one column per indicator, in the unit
written), ``dataset.json`` (its :class:`~.model.Dataset`: provenance, columns, units, match
summary) and, for ``show`` without Polars, ``units.jsonl`` with its ``units-index.json`` (each
unit's values on one line, and where that line is). A dataset is written into a temporary folder
and renamed into place, so a failed or interrupted import leaves the store as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from baiqiang.core.indicators.model import Dataset
from baiqiang.core.plain.errors import DatasetExists, InvalidValue, LookupFailed
from baiqiang.core.plain.indicators import names
from baiqiang.core.plain.paths import store_root

if TYPE_CHECKING:
    import polars as pl

_NAME = re.compile(r"^[\w\u3400-\u9fff][\w\u3400-\u9fff.\-]{0,63}$")


def check_name(name: str) -> str:
    """A dataset name as given, if it can be one (letters, digits, 汉字, ``_ . -``; no ``/``).

    Raises:
        InvalidValue: It cannot.
    """
    if not _NAME.match(name):
        raise InvalidValue(
            f"{name!r} cannot name a dataset: use letters, digits, Chinese, _ . - (up to 64)", field="as"
        )
    return name


def name_from_file(path: Path) -> str:
    """A dataset name made from a file's name (县域统计年鉴2022.xlsx → 县域统计年鉴2022)."""
    stem = re.sub(r"[^\w\u3400-\u9fff.\-]+", "_", path.stem).strip("._-")
    return stem[:64] or "dataset"


def describe(name: str, root: Path | None = None) -> Dataset:
    """A stored dataset's description.

    Raises:
        LookupFailed: No dataset has that name.
    """
    folder = (root or store_root()) / name
    try:
        return Dataset.from_dict(json.loads((folder / "dataset.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        known = names(root)
        from baiqiang.core.plain.suggest import did_you_mean

        raise LookupFailed(f"no dataset {name!r}", did_you_mean(name, known), known) from exc


def datasets(root: Path | None = None) -> list[Dataset]:
    """Every stored dataset's description."""
    return [describe(n, root) for n in names(root)]


def values(name: str, root: Path | None = None) -> pl.LazyFrame:
    """A dataset's values: ``adcode``, ``year`` and its columns."""
    import polars as pl

    describe(name, root)
    return pl.scan_parquet((root or store_root()) / name / "values.parquet")


def save(values: pl.DataFrame, dataset: Dataset, *, replace: bool = False, root: Path | None = None) -> Path:
    """Stores a dataset atomically.

    Raises:
        DatasetExists: A dataset has that name and `replace` is not set.
        OSError: The store cannot be written (it is left as it was).
    """
    base = root or store_root()
    target = base / check_name(dataset.name)
    if target.exists() and not replace:
        raise DatasetExists(f"a dataset named {dataset.name!r} exists", path=str(target))
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{dataset.name}.", dir=base))
    try:
        values.write_parquet(work / "values.parquet")
        _write_lookup(values, dataset, work)
        (work / "dataset.json").write_text(
            json.dumps(dataset.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        old = None
        if target.exists():
            old = base / f".{dataset.name}.old-{os.getpid()}"
            os.replace(target, old)
        os.replace(work, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def remove(name: str, root: Path | None = None) -> None:
    """Removes a dataset (renamed aside first, so that it is gone at once or not at all).

    Raises:
        LookupFailed: No dataset has that name.
    """
    describe(name, root)
    base = root or store_root()
    aside = base / f".{name}.removed-{os.getpid()}"
    os.replace(base / name, aside)
    shutil.rmtree(aside, ignore_errors=True)


def _write_lookup(values: pl.DataFrame, dataset: Dataset, folder: Path) -> None:
    """Each unit's values on one line (``{"adcode", "year": [...], column: [...]}``, written by
    Polars), and an index of where each line starts: what ``show`` reads without Polars."""
    import polars as pl

    cols = [c.name for c in dataset.columns]
    grouped = (
        values.sort("adcode", "year", nulls_last=False)
        .group_by("adcode", maintain_order=True)
        .agg(pl.col("year"), *[pl.col(c) for c in cols])
    )
    path = folder / "units.jsonl"
    grouped.write_ndjson(path)
    offsets: dict[str, list[int]] = {}
    data = path.read_bytes()
    start = 0
    for adcode in grouped["adcode"].to_list():
        end = data.index(b"\n", start) + 1
        offsets[str(adcode)] = [start, end - start]
        start = end
    (folder / "units-index.json").write_text(json.dumps(offsets), encoding="utf-8")
