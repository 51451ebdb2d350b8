"""Reading a unit's imported values without Polars (what ``show`` needs), as each dataset keeps
them (written by :func:`baiqiang.core.indicators.store.save`):

- a user's dataset: its values once, ``values.arrow`` (Arrow IPC, uncompressed, rows sorted by
  unit and year: what Polars reads too), whose headers say where each column's numbers and
  blanks lie and whose adcodes which rows are a unit's; ``units-index.json`` names its columns
  (:data:`ARROW_FORMAT`);
- a built-in dataset (small, diffable): ``values.parquet``, and ``units.jsonl``, each unit's
  values on one line, with ``units-index.json``, where each line starts;
- a user's dataset stored by an earlier version: ``values.parquet`` and ``units.bin``, every
  column as 8-byte floats, NaN for a blank (:data:`COLUMNS_FORMAT`).
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from baiqiang.core.plain.paths import built_in_root, store_root

LINES = "units.jsonl"
COLUMNS = "units.bin"
INDEX = "units-index.json"
ARROW = "values.arrow"
PARQUET = "values.parquet"
COLUMNS_FORMAT = "float64-columns"
"""The index of a ``units.bin``: ``{"format", "byteorder", "rows", "columns", "units": {adcode:
[first row, rows]}}``."""
ARROW_FORMAT = "arrow-columns"
"""The index of a ``values.arrow``: ``{"format", "rows", "columns" (the year first), "whole" (the
columns of counts, shown as integers)}``; where each column's numbers lie, and each unit's rows,
are read from the file itself."""


def exact(value: float) -> int | float:
    """A whole number as an integer (149975, not 149975.0), where it is exact as one (1.8e308
    is not written with 309 digits)."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)


def written(value: int | float) -> str:
    """A value as written: 4748.06; 210 in a column of counts, 100.0 in one of decimals, as a
    list writes them (no float noise, no rescaling)."""
    return repr(value)


@dataclass(frozen=True)
class Indicator:
    """One imported value of a unit.

    Attributes:
        dataset: The dataset's name.
        column: The column's name.
        value: The value, in its unit: an integer in a column of counts (whole in every row).
        unit: The unit (亿元), or "".
        year: The year, where the file gives one.
        source: The file it was imported from.
        label: The column's name for people in Chinese, where it is not its name.
        label_en: The same in English, where known.
        headline: One of the few figures a built-in dataset shows first.
        built_in: From a dataset baiqiang ships (the 2020 census), not the user's.
    """

    dataset: str
    column: str
    value: int | float
    unit: str
    year: int | None
    source: str
    label: str = ""
    label_en: str = ""
    headline: bool = False
    built_in: bool = False

    def to_dict(self) -> dict[str, Any]:
        """As JSON (``show --format json``'s ``indicators``)."""
        return {
            "dataset": self.dataset,
            "column": self.column,
            "label": self.label or self.column,
            "label_en": self.label_en,
            "value": self.value,
            "unit": self.unit,
            "year": self.year,
            "source": self.source,
            "built_in": self.built_in,
            "headline": self.headline,
        }

    def named(self, lang: str = "en") -> str:
        """The column's name for people in a language (``zh`` or ``en``)."""
        return (self.label_en if lang == "en" else self.label) or self.label or self.column

    @property
    def shown(self) -> str:
        """The value as written (:func:`written`)."""
        return written(self.value)


@dataclass(frozen=True)
class Sections:
    """A unit's values as a profile shows them: a built-in dataset's headline figures first (the
    rest on request), then the user's own.

    Attributes:
        headline: The built-in datasets' headline figures (rows of :meth:`Indicator.to_dict`).
        more: How many other values each built-in dataset has for the unit.
        own: The user's values.
    """

    headline: list[dict[str, Any]]
    more: dict[str, int]
    own: list[dict[str, Any]]


def sections(items: list[dict[str, Any]]) -> Sections:
    """Splits a profile's values (rows of :meth:`Indicator.to_dict`) into :class:`Sections`."""
    more: dict[str, int] = {}
    for i in items:
        if i.get("built_in") and not i.get("headline"):
            more[i["dataset"]] = more.get(i["dataset"], 0) + 1
    return Sections(
        [i for i in items if i.get("built_in") and i.get("headline")],
        more,
        [i for i in items if not i.get("built_in")],
    )


def built_in_gaps(adcode: str) -> list[dict[str, str]]:
    """The built-in datasets with no value for a unit, and why (each dataset's ``gaps.json``:
    unit → ``{note, note_zh}``): ``{dataset, note, note_zh}``."""
    out = []
    base = built_in_root()
    for name in _listed(base):
        try:
            gaps = json.loads(_read(base / name / "gaps.json"))
            found = gaps.get(adcode)
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(found, dict):
            out.append(
                {"dataset": name, "note": str(found.get("note")), "note_zh": str(found.get("note_zh"))}
            )
    return out


def _open(path: Path) -> BinaryIO:
    """A file of the store, opened for reading only if it is a regular file — without waiting
    to find out: a FIFO put in a dataset's place would make a plain open wait for ever.

    Raises:
        OSError: It cannot be opened, or is no regular file.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read(path: Path) -> str:
    with _open(path) as fh:
        return fh.read().decode("utf-8")


def read_json(path: Path) -> Any:
    """A JSON file of the store, read only if it is a regular file (a FIFO or /dev/zero in its
    place is never waited for, nor read without end).

    Raises:
        OSError: It cannot be read, or is no regular file.
        ValueError: It is not JSON (or nested past what Python's reader can follow).
    """
    try:
        return json.loads(_read(path))
    except RecursionError as exc:
        raise ValueError("nested too deep") from exc


def regular(path: Path) -> Path:
    """`path`, where it is a regular file (a FIFO would make a reader wait for ever).

    Raises:
        OSError: It is not.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return path


def names(root: Path | None = None) -> list[str]:
    """The datasets' names: the built-in ones, then the user's, sorted."""
    return [n for n in folders(root) if (folder_of(n, root) / "dataset.json").is_file()]


def indicators_of(adcode: str, root: Path | None = None) -> list[Indicator]:
    """Every imported value of a unit, dataset by dataset (no Polars: ``show`` reads this)."""
    return unit_values(adcode, root)[0]


def unit_values(adcode: str, root: Path | None = None) -> tuple[list[Indicator], list[str]]:
    """Every imported value of a unit, and the datasets that could not be read (damaged: their
    values are not in the list, and whoever shows it must say so)."""
    out: list[Indicator] = []
    damaged: list[str] = []
    for name in folders(root):
        folder = folder_of(name, root)
        try:
            index = read_json(folder / INDEX)
            meta = read_json(folder / "dataset.json")
            if meta["name"] != name:  # a folder copied, or linked, in another's place
                raise ValueError("the description is another dataset's")
            if is_arrow_index(index):
                check_arrow_index(index, [c["name"] for c in meta["columns"]], int(meta["rows"]))
                line = _arrow_line(folder, index, adcode, filled=[int(c["values"]) for c in meta["columns"]])
            elif (folder / ARROW).exists():  # its values are there, and the index is not theirs
                raise ValueError("the index is not that of the values")
            elif is_columns_index(index):
                line = _columns_line(folder, index, adcode)
            else:
                line = _json_line(folder, index, adcode)
            if line is None:
                continue
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError):
            damaged.append(name)
            continue
        try:
            built = bool(meta.get("built_in"))
            if "values" in line:  # a list per column, in the description's order
                line |= {c["name"]: v for c, v in zip(meta["columns"], line["values"], strict=True)}
            source = meta["source"]
            columns = [  # what every value of a column shares (a panel has thirty years of each)
                (
                    line[c["name"]],
                    c["name"],
                    c["unit"],
                    c.get("year"),
                    c.get("label", ""),
                    c.get("label_en", ""),
                    bool(c.get("headline")),
                )
                for c in meta["columns"]
            ]
            found = [
                Indicator(name, column, v, unit, year or fixed, source, label, label_en, headline, built)
                for i, year in enumerate(line["year"])
                for values, column, unit, fixed, label, label_en, headline in columns
                if (v := values[i]) is not None
            ]
        except (TypeError, KeyError, IndexError, AttributeError, ValueError):  # not this version's
            damaged.append(name)
            continue
        out += found
    return out, damaged


def values_file(folder: Path) -> Path:
    """A dataset's values: ``values.arrow``, or (built in, or stored by an earlier version)
    ``values.parquet``."""
    return folder / ARROW if (folder / ARROW).exists() else folder / PARQUET


def check_arrow_index(index: dict[str, Any], columns: list[str], rows: int) -> None:
    """That the index of a ``values.arrow`` names its dataset's `rows` and `columns` (the year
    first), and which of the columns are counts (each once).

    Raises:
        ValueError: It does not.
    """
    whole = index["whole"]
    if index["columns"] != ["year", *columns] or index["rows"] != rows:
        raise ValueError("the values and their index disagree")
    if not isinstance(whole, list) or not set(whole) <= set(columns) or len(set(whole)) != len(whole):
        raise ValueError("the index's counts are not columns")


def is_arrow_index(index: Any) -> bool:
    """Whether a dataset's ``units-index.json`` (as read) is that of a ``values.arrow``."""
    return isinstance(index, dict) and index.get("format") == ARROW_FORMAT


def is_columns_index(index: Any) -> bool:
    """Whether a dataset's ``units-index.json`` (as read) is that of a ``units.bin``."""
    return isinstance(index, dict) and index.get("format") == COLUMNS_FORMAT


def _json_line(folder: Path, index: dict[str, Any], adcode: str) -> dict[str, Any] | None:
    where = index.get(adcode)
    if where is None:
        return None
    with _open(folder / LINES) as fh:
        fh.seek(where[0])
        line: dict[str, Any] = json.loads(fh.read(where[1]))
    return line


def _columns_line(folder: Path, index: dict[str, Any], adcode: str) -> dict[str, Any] | None:
    """A unit's rows of a ``units.bin`` as a line of the JSON layout: ``{"year": [...], column:
    [...]}``, None for a blank.

    Raises:
        ValueError: The file is shorter than its index says.
    """
    where = index["units"].get(adcode)
    if where is None:
        return None
    first, count = int(where[0]), int(where[1])
    rows = int(index["rows"])
    line: dict[str, Any] = {}
    with _open(folder / COLUMNS) as fh:
        for j, column in enumerate(index["columns"]):
            fh.seek((j * rows + first) * 8)
            data = fh.read(count * 8)
            if len(data) != count * 8:
                raise ValueError("the values are shorter than their index")
            values = array("d")
            values.frombytes(data)
            if index["byteorder"] != sys.byteorder:
                values.byteswap()
            line[column] = [None if math.isnan(v) else v for v in values]
    line["year"] = [None if y is None else int(y) for y in line["year"]]
    whole = index.get("whole")
    for column in index["columns"][1:]:  # a column of counts as integers, as a list has it
        if whole is None:  # an index written before it said which: each whole value
            line[column] = [v if v is None or not v.is_integer() else exact(v) for v in line[column]]
        elif column in whole:
            line[column] = [None if v is None else exact(v) for v in line[column]]
    return line


def _arrow_line(
    folder: Path, index: dict[str, Any], adcode: str, *, filled: list[int]
) -> dict[str, Any] | None:
    """A unit's rows of a ``values.arrow`` as a line of the JSON layout: ``{"year": [...],
    column: [...]}``, None for a blank. Where the numbers lie is read from the file itself
    (:func:`~baiqiang.core.plain.arrow.values_layout`), the unit's rows found in its adcodes
    (:func:`~baiqiang.core.plain.arrow.unit_rows`), and each column's values checked to be as
    many as `filled` (the description's counts).

    Raises:
        ValueError: The file is not the dataset's values.
    """
    from baiqiang.core.plain.arrow import unit_rows, values_layout

    names = index["columns"]
    with _open(folder / ARROW) as fh:
        layout = values_layout(fh, names[1:])
        if layout.rows != index["rows"]:
            raise ValueError("the values are not as many rows as their index says")
        if layout.filled() != filled:
            raise ValueError("the values are not as many as their description says")
        found = unit_rows(fh, layout, adcode)
        if not found:
            return None
        first, count = found.start, len(found)
        line: dict[str, list[Any]] = {name: [] for name in names}
        start = 0
        for batch in layout.batches:
            low, high = max(first, start) - start, min(first + count, start + batch.rows) - start
            start += batch.rows
            if low >= high:
                continue
            for j, name in enumerate(names):
                (bits_at, _), (at, _) = batch.buffers[2 * j], batch.buffers[2 * j + 1]
                values = array("i" if j == 0 else "d")  # the year: 32-bit integers
                size = values.itemsize
                fh.seek(at + low * size)
                data = fh.read((high - low) * size)
                if len(data) != (high - low) * size:
                    raise ValueError("the values are shorter than their headers say")
                values.frombytes(data)
                got: list[Any] = values.tolist()
                if batch.nulls[j]:
                    fh.seek(bits_at + low // 8)
                    bits = fh.read((high - 1) // 8 - low // 8 + 1)
                    if len(bits) != (high - 1) // 8 - low // 8 + 1:
                        raise ValueError("the blanks are shorter than their headers say")
                    base = low - low % 8
                    got = [
                        v if bits[(low + i - base) // 8] >> ((low + i) % 8) & 1 else None
                        for i, v in enumerate(got)
                    ]
                line[name] += got
    whole = set(index["whole"])
    for name in names[1:]:  # a column of counts as integers, as a list has it
        if name in whole:
            line[name] = [None if v is None else exact(v) for v in line[name]]
        else:
            line[name] = [None if v is None or math.isnan(v) else v for v in line[name]]
    return line


def folders(root: Path | None = None) -> list[str]:
    """Every dataset's folder, readable or not (hidden ones are work in progress): the built-in
    ones first, then the store's (`root`: that folder's alone)."""
    if root is not None:
        return _listed(root)
    built = _listed(built_in_root())
    return [*built, *(n for n in _listed(store_root()) if n not in built)]


def _listed(base: Path) -> list[str]:
    try:
        return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def is_built_in(name: str, root: Path | None = None) -> bool:
    """Whether a dataset is one baiqiang ships (the 2020 census), not the user's."""
    return root is None and bool(name) and not name.startswith(".") and (built_in_root() / name).is_dir()


def folder_of(name: str, root: Path | None = None) -> Path:
    """Where a dataset's files are: the built-in one of that name, else the store's."""
    return built_in_root() / name if is_built_in(name, root) else (root or store_root()) / name
