"""The lookup index: what ``show`` needs for any of the 2,843 units, in one JSON file, so that a
lookup loads no Polars.

The index holds the units (the rows names are resolved among), the former names and the
:class:`~baiqiang.core.profile_model.ProfileParts`; it is written by the core (from the same
functions the catalog's lookup uses) the first time a lookup runs the full way, and kept in the
user's cache under a name that changes whenever the data does (file names, sizes and times, and
the index's format), so a stale index is never read. A lookup through the index resolves with
:func:`~baiqiang.core.resolver.resolve_rows` and assembles with
:func:`~baiqiang.core.profile_model.found_profile`: the same code as the core's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baiqiang.core.paths import cache_dir, data_fingerprint, default_data_dir
from baiqiang.core.profile_model import Profile, ProfileParts, found_profile
from baiqiang.core.resolver import Outcome, match_keys, prime_keys, resolve_rows

if TYPE_CHECKING:
    from baiqiang.core.catalog import Catalog

FORMAT = 2
"""Bumped whenever what the index holds changes."""


@dataclass(frozen=True)
class Index:
    """A loaded index.

    Attributes:
        units: Every unit, as rows.
        former: Former names and codes, as rows.
        parts: The parts of every unit's profile.
    """

    units: list[dict[str, Any]]
    former: list[dict[str, Any]]
    parts: ProfileParts


def index_path(data_dir: Path | None = None) -> Path:
    """Where the index of this data belongs (whether or not it has been written)."""
    folder = (data_dir or default_data_dir()).resolve()
    return cache_dir() / f"index-{data_fingerprint(folder)}-{FORMAT}.json"


def build_index(catalog: Catalog) -> dict[str, Any]:
    """The index's content, from the catalog (this imports the Polars core)."""
    from baiqiang.core.profile import profile_parts, unit_rows

    rows, former = unit_rows(catalog)
    keys = [match_keys(r) for r in rows]
    parts = profile_parts(catalog).to_dict()
    return {"format": FORMAT, "units": rows, "keys": keys, "former": former, "parts": parts}


def write_index(catalog: Catalog) -> Path:
    """Writes the index of the catalog's data atomically (a temporary file, then a rename).

    Raises:
        OSError: The cache folder cannot be made.
        OutputError: The index cannot be written.
    """
    target = index_path(catalog.data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(build_index(catalog), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    from baiqiang.core.export import write_bytes  # only when writing: a lookup never needs it

    write_bytes(target, data, force=True)
    return target


def ensure_index(catalog: Catalog) -> None:
    """Writes the index if this data has none yet; a cache that cannot be written is no error."""
    from baiqiang.core.errors import OutputError

    try:
        if not index_path(catalog.data_dir).is_file():
            write_index(catalog)
    except (OSError, OutputError):
        pass


def read_index(data_dir: Path | None = None) -> Index | None:
    """The index of this data, or None where there is none (or it cannot be read)."""
    try:
        raw = json.loads(index_path(data_dir).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    prime_keys(raw["units"], raw["keys"])
    return Index(raw["units"], raw["former"], ProfileParts(**raw["parts"]))


def fast_lookup(
    index: Index, query: str, *, province: str | None = None, prefecture: str | None = None
) -> Profile | None:
    """The profile of the unit `query` names, or None where it names no one unit (a
    prefecture, several units, nothing: the full lookup says which)."""
    res = resolve_rows(index.units, query, province=province, prefecture=prefecture, former=index.former)
    if res.status != Outcome.FOUND or res.unit is None:
        return None
    return found_profile(index.parts, res)
