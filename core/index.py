"""Writing the lookup index that :mod:`baiqiang.core.plain.index` reads without Polars: the units
and every unit's profile parts, from the same functions the catalog's lookup uses."""

from __future__ import annotations

import json
from typing import Any

from baiqiang.core.catalog import Catalog
from baiqiang.core.export import write_bytes
from baiqiang.core.plain.errors import OutputError
from baiqiang.core.plain.index import FORMAT, index_path
from baiqiang.core.plain.paths import prune_cache
from baiqiang.core.plain.resolve import match_keys
from baiqiang.core.profile import profile_parts, unit_rows


def build_index(catalog: Catalog) -> dict[str, Any]:
    """The index's content, from the catalog."""
    rows, _ = unit_rows(catalog)
    keys = [match_keys(r) for r in rows]
    parts = profile_parts(catalog).to_dict()
    return {"format": FORMAT, "units": rows, "keys": keys, "parts": parts}


def write_index(catalog: Catalog) -> None:
    """Writes the index of the catalog's data atomically (a temporary file, then a rename); a
    folder that cannot be read gets none.

    Raises:
        OSError: The cache folder cannot be made.
        OutputError: The index cannot be written.
    """
    target = index_path(catalog.data_dir)
    if target is None:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(build_index(catalog), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_bytes(target, data, force=True)
    prune_cache("index", target)


def ensure_index(catalog: Catalog) -> None:
    """Writes the index if this data has none yet; a cache that cannot be written is no error."""
    try:
        target = index_path(catalog.data_dir)
        if target is not None and not target.is_file():
            write_index(catalog)
    except (OSError, OutputError):
        pass
