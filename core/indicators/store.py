"""The user's datasets: each a folder under ``$BAIQIANG_HOME/datasets`` (default: the platform's
user data folder, ``~/.local/share/baiqiang/datasets`` on Linux).

A dataset folder holds its values (adcode, year, one column per indicator, in the unit written),
``dataset.json`` (its :class:`~.model.Dataset`: provenance, columns, units, match summary) and
``units-index.json`` (see :mod:`baiqiang.core.plain.indicators`): the values once, as
``values.arrow``, which ``show`` reads without Polars (its headers say where each column's
numbers are, its adcodes which rows are a unit's); a built-in dataset's as ``values.parquet``
(small) and ``units.jsonl``. A dataset is written into a temporary folder and renamed into place, so a
failed or interrupted import leaves the store as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baiqiang.core.indicators.model import Dataset
from baiqiang.core.plain.arrow import values_layout
from baiqiang.core.plain.errors import DatasetExists, DataUnavailable, InvalidValue, LookupFailed, OutputError
from baiqiang.core.plain.indicators import (
    ARROW,
    ARROW_FORMAT,
    COLUMNS,
    INDEX,
    LINES,
    PARQUET,
    check_arrow_index,
    folder_of,
    folders,
    is_arrow_index,
    is_built_in,
    is_columns_index,
    read_json,
    regular,
    values_file,
)
from baiqiang.core.plain.paths import store_root
from baiqiang.core.plain.text import clip, visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    import polars as pl

_NAME = re.compile(r"^[\w\u3400-\u9fff][\w\u3400-\u9fff.\-]{0,63}$")


def check_name(name: str) -> str:
    """A dataset name as given, if it can be one (letters, digits, 汉字, ``_ . -``; no ``/``).

    Raises:
        InvalidValue: It cannot.
    """
    if not _NAME.match(name):
        raise InvalidValue(
            f"{clip(name)!r} cannot name a dataset: use letters, digits, Chinese, _ . - (up to 64)",
            field="as",
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
        DataUnavailable: It is there but damaged (what, and what to do).
    """
    if not _NAME.match(name) or not folder_of(name, root).is_dir():  # a path, .., "", 50,000 characters
        known = folders(root)
        from baiqiang.core.plain.suggest import did_you_mean

        raise LookupFailed(f"no dataset {clip(name)!r}", did_you_mean(name, known), known)
    found = check(name, root)
    if isinstance(found, Damage):
        raise DatasetDamaged(found)
    return found


def describe_or_damaged(name: str, root: Path | None = None) -> Dataset | Damage:
    """A dataset's description, or what is damaged in it: for what works on a damaged dataset
    too (removing it).

    Raises:
        LookupFailed: No dataset has that name (a path or another text that cannot be one
            included: nothing outside the store is ever touched).
    """
    try:
        return describe(name, root)
    except DatasetDamaged as exc:
        return exc.damage


class DatasetDamaged(DataUnavailable):
    """A dataset of the store cannot be read whole.

    Attributes:
        damage: What is damaged, and whether it can be repaired.
    """

    def __init__(self, damage: Damage) -> None:
        super().__init__(damage_text(damage))
        self.damage = damage


def damage_text(damage: Damage) -> str:
    """A damaged dataset in a sentence: what cannot be read, and what can be done."""
    fix = "it can be repaired" if damage.repairable else "remove it and import its file again"
    return f"dataset {damage.name!r} is damaged: {damage.problem}; {fix}"


@dataclass(frozen=True)
class Damage:
    """A dataset of the store that cannot be read whole.

    Attributes:
        name: Its folder's name.
        problem: What cannot be read.
        repairable: Whether :func:`repair` can rebuild it from what can be read.
    """

    name: str
    problem: str
    repairable: bool


_HEALTH: dict[tuple[str, tuple[int, ...]], Dataset | Damage] = {}
"""Each dataset's health by its files' sizes and times: checked once per version of them."""


def check(name: str, root: Path | None = None) -> Dataset | Damage:
    """A dataset's description if every file of it can be read and they agree; else what is
    damaged (a truncated dataset.json, its values, or the index ``show`` reads them by)."""
    folder = folder_of(name, root)
    files = ("dataset.json", ARROW, PARQUET, COLUMNS, LINES, INDEX)
    stamp: list[int] = []
    for f in files:
        try:
            st = (folder / f).stat()
            stamp += [st.st_size, st.st_mtime_ns]
        except OSError:
            stamp += [-1, -1]
    key = (str(folder), tuple(stamp))
    if key not in _HEALTH:
        if len(_HEALTH) > 256:
            _HEALTH.clear()
        _HEALTH[key] = _check(name, folder)
    return _HEALTH[key]


def _check(name: str, folder: Path) -> Dataset | Damage:
    import polars as pl

    try:
        dataset = Dataset.from_dict(read_json(folder / "dataset.json"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Damage(name, "its description (dataset.json) cannot be read", False)
    if dataset.name != name:  # (a folder copied by hand: two datasets of one name)
        return Damage(
            name,
            f"its description (dataset.json) names another dataset ({visible(clip(dataset.name))})",
            False,
        )
    path = values_file(folder)
    arrow = path.name == ARROW
    try:
        values = regular(path)  # (a FIFO: Polars would wait for ever)
        if arrow:  # its headers checked (fields, types, rows) before Polars reads it
            with values.open("rb") as fh:
                layout = values_layout(fh, [c.name for c in dataset.columns])
            if layout.rows != dataset.rows or layout.filled() != [c.values for c in dataset.columns]:
                return Damage(name, f"its values ({path.name}) do not match its description", False)
            codes = pl.scan_ipc(values).select("adcode").collect().to_series()
            if codes.null_count() or not codes.rechunk().is_sorted():  # (show finds a unit by halves)
                return Damage(name, f"its values ({path.name}) are not in the order of their units", False)
        else:
            schema = pl.read_parquet_schema(values)
            rows = pl.scan_parquet(values).select(pl.len()).collect().item()
            missing = [c.name for c in dataset.columns if c.name not in schema] + [
                c for c in ("adcode", "year") if c not in schema
            ]
            if missing or rows != dataset.rows:
                return Damage(name, f"its values ({path.name}) do not match its description", False)
    except (OSError, ValueError, pl.exceptions.PolarsError, pl.exceptions.PanicException):
        return Damage(name, f"its values ({path.name}) cannot be read", False)
    lookup = INDEX
    try:
        index = read_json(folder / INDEX)
        if arrow:
            if not is_arrow_index(index):
                raise ValueError("not the index of these values")
            check_arrow_index(index, [c.name for c in dataset.columns], dataset.rows)
        elif is_columns_index(index):
            lookup = COLUMNS
            _check_columns(index, dataset, regular(folder / COLUMNS).stat().st_size)
            _check_older(
                index, pl.scan_parquet(values).sort("adcode", "year", nulls_last=False), folder / COLUMNS
            )
        else:
            lookup = LINES
            size = regular(folder / LINES).stat().st_size
            ends = max((start + length for start, length in index.values()), default=0)
            if ends != size or len(index) != dataset.units:
                raise ValueError("the lines and their index disagree")
    except (OSError, ValueError, TypeError, AttributeError, KeyError, OverflowError):
        return Damage(name, f"the lookup that show reads ({lookup}) cannot be read", True)
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException):
        return Damage(name, f"its values ({path.name}) cannot be read", False)
    return dataset


def _units(values: pl.DataFrame | pl.LazyFrame) -> dict[str, list[int]] | None:
    """Each unit's rows of a dataset's values, as its index has them (``{adcode: [first row,
    rows]}``); None where a unit's rows are not one run (the values are not in its order)."""
    import polars as pl

    codes = values.select("adcode")
    # (one chunk: Polars' run lengths of a column in several panic, read lazily)
    codes = (codes.collect() if isinstance(codes, pl.LazyFrame) else codes).rechunk()
    runs = codes.select(pl.col("adcode").rle()).unnest("adcode")
    units: dict[str, list[int]] = {}
    at = 0
    for rows, adcode in runs.iter_rows():
        if adcode is None or str(adcode) in units:
            return None
        units[str(adcode)] = [at, rows]
        at += rows
    return units


def _check_older(index: dict[str, Any], values: pl.LazyFrame, floats: Path) -> None:
    """That the index of a ``units.bin`` (an earlier version's) is that of its values: the same
    units, and the years as the values have them, read in the byte order it says.

    Raises:
        ValueError: It is not.
    """
    import polars as pl

    if index["units"] != _units(values):
        raise ValueError("not the index of these values")
    years = array("d")
    with floats.open("rb") as fh:
        years.frombytes(fh.read(8 * int(index["rows"])))
    if index["byteorder"] != sys.byteorder:
        years.byteswap()
    stored = values.select(pl.col("year").cast(pl.Float64).fill_null(float("nan"))).collect().to_series()
    if not stored.equals(pl.Series("year", years.tolist(), pl.Float64).fill_nan(float("nan"))):
        raise ValueError("its years are not the values' years")


def _check_units(index: dict[str, object], dataset: Dataset) -> None:
    """That an index's units cover every row of its dataset once, each unit's rows one after the
    other, and it names every column.

    Raises:
        ValueError: They do not.
    """
    units = index["units"]
    if not isinstance(units, dict):
        raise ValueError("no units")
    spans = sorted((int(first), int(rows)) for first, rows in units.values())
    at = 0
    for first, rows in spans:  # one after the other, from the first row to the last
        if first != at or rows < 1:
            raise ValueError("the units' rows overlap or leave a gap")
        at += rows
    names = ["year", *(c.name for c in dataset.columns)]
    if (
        index["columns"] != names
        or index["rows"] != dataset.rows
        or at != dataset.rows
        or len(spans) != dataset.units
    ):
        raise ValueError("the values and their index disagree")


def _check_columns(index: dict[str, object], dataset: Dataset, size: int) -> None:
    """That a ``units.bin`` index fits its dataset and its file: every column, every row once
    (each unit's rows one after the other), a byte order, the file's size.

    Raises:
        ValueError: It does not.
    """
    if index.get("byteorder") not in ("little", "big"):
        raise ValueError("no byte order")
    _check_units(index, dataset)
    if size != 8 * dataset.rows * (len(dataset.columns) + 1):
        raise ValueError("the values and their index disagree")


def scan(root: Path | None = None) -> tuple[list[Dataset], list[Damage]]:
    """Every dataset of the store: those that can be read whole, and those that cannot."""
    good: list[Dataset] = []
    bad: list[Damage] = []
    for name in folders(root):
        found = check(name, root)
        (good if isinstance(found, Dataset) else bad).append(found)  # type: ignore[arg-type]
    return good, bad


def datasets(root: Path | None = None) -> list[Dataset]:
    """Every dataset of the store that can be read whole (see :func:`scan` for the others)."""
    return scan(root)[0]


def repair(name: str, root: Path | None = None) -> bool:
    """Rebuilds what can be rebuilt of a damaged dataset (the lines ``show`` reads, from its
    values); True where it is whole again.

    Raises:
        OutputError: The store cannot be written.
    """
    import polars as pl

    found = check(name, root)
    if not isinstance(found, Damage) or not found.repairable:
        return isinstance(found, Dataset)
    folder = folder_of(name, root)
    dataset = Dataset.from_dict(read_json(folder / "dataset.json"))
    work = Path(tempfile.mkdtemp(prefix=f".{name}.repair.", dir=folder.parent))
    values = values_file(folder)
    arrow = values.name == ARROW
    try:
        try:  # its values are whole (checked): read them for what the index says of them
            read = pl.read_ipc(values) if arrow else pl.read_parquet(values)
        except (OSError, ValueError, pl.exceptions.PolarsError, pl.exceptions.PanicException):
            return False  # they cannot be read after all: not repaired
        if arrow:  # the index alone is rebuilt
            _write_index(read, [c.name for c in dataset.columns], work)
        else:  # an earlier layout's: rewritten as today's, the values in values.arrow
            _write_lookup(read, dataset, work)
            os.replace(work / ARROW, folder / ARROW)
        os.replace(work / INDEX, folder / INDEX)
        for older in (COLUMNS, LINES, PARQUET) if not arrow else ():
            (folder / older).unlink(missing_ok=True)
    except OSError as exc:
        raise store_error(folder, exc) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return isinstance(check(name, root), Dataset)


def values(name: str, root: Path | None = None) -> pl.LazyFrame:
    """A dataset's values: ``adcode``, ``year`` and its columns."""
    import polars as pl

    describe(name, root)
    path = values_file(folder_of(name, root))
    if path.name == ARROW:  # (stored year, columns, adcode: the code is asked for first)
        return pl.scan_ipc(path).select("adcode", pl.exclude("adcode"))
    return pl.scan_parquet(path)


def save(
    values: pl.DataFrame,
    dataset: Dataset,
    *,
    replace: bool = False,
    root: Path | None = None,
    small: bool = False,
) -> Path:
    """Stores a dataset atomically (`small`: its values compressed harder, for a shipped one).

    Raises:
        DatasetExists: A dataset has that name and `replace` is not set.
        OSError: The store cannot be written (it is left as it was).
    """
    base = root or store_root()
    target = base / check_name(dataset.name)
    refuse_built_in(dataset.name, root)
    if target.exists() and not replace:
        raise DatasetExists(f"a dataset named {dataset.name!r} exists", path=str(target))
    try:
        base.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{dataset.name}.", dir=base))
    except OSError as exc:
        raise store_error(base, exc) from exc
    try:
        if small:
            values.write_parquet(work / PARQUET, compression_level=22, statistics=False)
        _write_lookup(values, dataset, work, small=small)
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
    except OSError as exc:  # a full disk, a store made read-only: the store stays as it was
        raise store_error(base, exc) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def refuse_built_in(name: str, root: Path | None = None, *, removing: bool = False) -> None:
    """Refuses to write or remove a dataset baiqiang ships.

    Raises:
        InvalidValue: `name` is a built-in dataset's.
    """
    if is_built_in(name, root):
        why = "it cannot be removed" if removing else "it cannot be replaced: give yours another name"
        raise InvalidValue(f"{name!r} is a built-in dataset: {why}", field="as")
    if not removing and root is None:
        from baiqiang.core.plain.paths import built_in_root

        try:
            same = [p.name for p in built_in_root().iterdir() if p.name.casefold() == name.casefold()]
        except OSError:
            same = []
        if same:  # CENSUS2020 beside census2020: one name to the eye, and on some disks one folder
            raise InvalidValue(
                f"{name!r} is the built-in dataset {same[0]!r} in other letters: give yours another name",
                field="as",
            )


def store_error(folder: Path, exc: OSError) -> OutputError:
    """The store cannot be written (read-only, full): one sentence, naming the folder."""
    said = exc.strerror or str(exc)
    which = exc.filename2 or exc.filename  # the file it was about (a folder in a file's place)
    if which and Path(str(which)).parent == folder:
        said = f"{Path(str(which)).name}: {said}"
    return OutputError(
        f"cannot write the store in {folder}: {clip(said, 160)}", path=str(folder), detail=said
    )


def remove(name: str, root: Path | None = None) -> None:
    """Removes a dataset (renamed aside first, so that it is gone at once or not at all).

    Raises:
        LookupFailed: No dataset has that name.
    """
    base = root or store_root()
    describe_or_damaged(name, root)  # not a dataset's name (a path: /tmp/x, .., ""): no such dataset
    refuse_built_in(name, root, removing=True)
    if not (base / name).is_dir():
        describe(name, root)  # no such dataset: says so, with the names there are
    aside = base / f".{name}.removed-{os.getpid()}"
    try:
        os.replace(base / name, aside)
    except OSError as exc:
        raise store_error(base, exc) from exc
    if aside.is_symlink():  # a link put in a dataset's place: the link goes, not what it points to
        aside.unlink(missing_ok=True)
    shutil.rmtree(aside, ignore_errors=True)


def whole_number_columns(frame: pl.DataFrame | pl.LazyFrame, columns: Sequence[str]) -> list[str]:
    """Those of `columns` holding floats that are all whole numbers (blanks aside) and exact as
    integers: counts, which are then written 12, not 12.0. A LazyFrame is read for the answer
    alone (a panel's 8.5 M values are not held to find it)."""
    import polars as pl

    schema = frame.collect_schema()
    floats = [c for c in columns if schema[c].is_float()]
    if floats and isinstance(frame, pl.DataFrame) and frame.height > 10_000:
        floats = _whole_at_the_head(frame, floats)  # a column of decimals shows it at once
    if not floats:
        return []
    checks = frame.select(_all_whole(c) for c in floats)
    whole = (checks.collect() if isinstance(checks, pl.LazyFrame) else checks).row(0)
    return [c for c, w in zip(floats, whole, strict=True) if w]


def _all_whole(column: str) -> pl.Expr:
    """Whether a float column's values are all whole numbers an integer holds exactly (blanks aside)."""
    import polars as pl

    col = pl.col(column)
    return (col.is_null() | ((col == col.round(0)) & (col.abs() < 2**53))).all()


def _whole_at_the_head(frame: pl.DataFrame, floats: list[str]) -> list[str]:
    """Those of `floats` whose first thousand rows are whole numbers: only those can be whole
    throughout (a panel of 100 columns of decimals is not read twice to say so)."""

    head = frame.head(1000).select(_all_whole(c) for c in floats)
    return [c for c, w in zip(floats, head.row(0), strict=True) if w]


def _in_order(values: pl.DataFrame) -> bool:
    """Whether a dataset's rows are in the lookup's order already, by unit and year (a year left
    blank first): a file in order is not sorted, nor copied."""
    import polars as pl

    year = pl.col("year").cast(pl.Int64).fill_null(-(2**62))
    before, earlier = pl.col("adcode").shift(1), year.shift(1)
    step = (pl.col("adcode") > before) | ((pl.col("adcode") == before) & (year >= earlier))
    return bool(values.select(step.fill_null(True).all()).item())


def _write_index(values: pl.DataFrame, cols: list[str], folder: Path) -> None:
    """The index of a ``values.arrow`` (:data:`ARROW_FORMAT`): its rows, its columns, which of
    them are counts (read back as integers)."""
    index = {
        "format": ARROW_FORMAT,
        "rows": values.height,
        "columns": ["year", *cols],
        "whole": whole_number_columns(values, cols),
    }
    (folder / INDEX).write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def _write_lookup(values: pl.DataFrame, dataset: Dataset, folder: Path, *, small: bool = False) -> None:
    """The values as ``show`` reads them without Polars (:mod:`baiqiang.core.plain.indicators`):
    ``values.arrow``, the values once (year, the columns, adcode; uncompressed: the panel's 8.5 M
    values in 0.04 s, read by Polars at once), sorted by unit and year, and its index (the rows,
    the columns, which are counts). `small` (a shipped dataset's, beside its ``values.parquet``): each
    unit's values on one line of ``units.jsonl``, ``"values": [[...], ...]``, a list per column in
    the description's order, whole numbers as integers, and where each line starts."""
    import polars as pl

    cols = [c.name for c in dataset.columns]
    ordered = values if _in_order(values) else values.sort("adcode", "year", nulls_last=False)
    if not small:
        ordered.select(
            pl.col("year").cast(pl.Int32),
            *(pl.col(c).cast(pl.Float64) for c in cols),
            pl.col("adcode").cast(pl.String),
        ).write_ipc(folder / ARROW, compression="uncompressed")
        _write_index(ordered, cols, folder)
        return
    offsets: dict[str, list[int]] = {}
    path = folder / LINES
    whole = whole_number_columns(values, cols)  # written as integers (12, not 12.0)
    grouped = (
        ordered.with_columns(pl.col(c).cast(pl.Int64) for c in whole)
        .group_by("adcode", maintain_order=True)
        .agg(pl.col("year"), *[pl.col(c) for c in cols])
    )
    start = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
    with path.open("wb") as fh:
        for row in grouped.iter_rows():
            line = dumps({"adcode": row[0], "year": row[1], "values": row[2:]}).encode() + b"\n"
            fh.write(line)
            offsets[str(row[0])] = [start, len(line)]
            start += len(line)
    (folder / INDEX).write_text(json.dumps(offsets), encoding="utf-8")
