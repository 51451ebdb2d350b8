"""Reading the lookup index: what ``show`` needs for any of the 2,843 units, in one JSON file, so
that a lookup loads no Polars.

The index holds the units (the rows names are resolved among) and the
:class:`~baiqiang.core.plain.profile.ProfileParts`; the former names are read from the data's
``former_names.csv`` when a lookup needs them. :mod:`baiqiang.core.index` writes it, from the
same functions the catalog's lookup uses, the first time a lookup runs the full way; it is kept
in the user's cache under a name that changes whenever the data does (file names, sizes and
times, and the index's format), so a stale index is never read. A lookup through the index
resolves with :func:`~baiqiang.core.plain.resolve.resolve_rows` and assembles with
:func:`~baiqiang.core.plain.profile.found_profile`: the same code as the core's.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from baiqiang.core.plain.paths import cache_dir, data_dir, data_fingerprint
from baiqiang.core.plain.profile import Profile, ProfileParts, found_profile
from baiqiang.core.plain.resolve import Outcome, prime_keys, resolve_rows

FORMAT = 6
"""Bumped whenever what the index holds changes."""


class FormerRows(Sequence[dict[str, Any]]):
    """The former names and codes (``former_names.csv``), read when a lookup first needs them:
    most lookups are today's names, and 3,800 rows of history cost a ``show`` its time."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._rows: list[dict[str, Any]] | None = None

    def _load(self) -> list[dict[str, Any]]:
        if self._rows is None:
            try:
                with self._path.open(encoding="utf-8", newline="") as fh:
                    self._rows = [
                        {**r, "year": int(r["year"]) if r.get("year") else None} for r in csv.DictReader(fh)
                    ]
            except (OSError, ValueError, csv.Error):
                self._rows = []
        return self._rows

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[dict[str, Any]]: ...
    def __getitem__(self, i: int | slice) -> dict[str, Any] | Sequence[dict[str, Any]]:
        return self._load()[i]

    def __len__(self) -> int:
        return len(self._load())

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._load())


@dataclass(frozen=True)
class Index:
    """A loaded index.

    Attributes:
        units: Every unit, as rows.
        former: Former names and codes, as rows.
        parts: The parts of every unit's profile.
    """

    units: list[dict[str, Any]]
    former: Sequence[dict[str, Any]]
    parts: ProfileParts


def index_path(folder: Path | None = None) -> Path | None:
    """Where the index of the data in `folder` (by default the one in use) belongs, whether or
    not it has been written; None where that folder cannot be read."""
    fingerprint = data_fingerprint((folder or data_dir()).resolve())
    return cache_dir() / f"index-{fingerprint}-{FORMAT}.json" if fingerprint else None


def read_index(folder: Path | None = None) -> Index | None:
    """The index of this data, or None where there is none (or it cannot be read)."""
    path = index_path(folder)
    try:
        raw = json.loads(path.read_bytes()) if path is not None else None
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    prime_keys(raw["units"], raw["keys"])
    former = FormerRows((folder or data_dir()) / "former_names.csv")
    return Index(raw["units"], former, ProfileParts(**raw["parts"]))


def fast_lookup(
    index: Index, query: str, *, province: str | None = None, prefecture: str | None = None
) -> Profile | None:
    """The profile of the unit `query` names, or None where it names no one unit (a
    prefecture, several units, nothing: the full lookup says which)."""
    res = resolve_rows(index.units, query, province=province, prefecture=prefecture, former=index.former)
    if res.status != Outcome.FOUND or res.unit is None:
        return None
    return found_profile(index.parts, res)
