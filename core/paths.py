"""Where baiqiang's files are: the shipped data, the user's cache. No Polars, no framework."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def default_data_dir() -> Path:
    """The ``data/`` folder: inside the installed package, or beside ``core/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parent / "data"


def cache_dir() -> Path:
    """Where derived files are kept: ``$BAIQIANG_HOME/cache``, else ``$XDG_CACHE_HOME/baiqiang``
    (``~/.cache/baiqiang``)."""
    home = os.environ.get("BAIQIANG_HOME")
    if home:
        return Path(home) / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "baiqiang"


def data_fingerprint(data_dir: Path) -> str:
    """A short digest of a data folder's files (names, sizes and times): what is derived from the
    data and cached carries it in its name, so that it is never read for other data."""
    h = hashlib.sha256()
    for path in sorted(data_dir.iterdir()):
        if path.suffix in (".csv", ".json"):
            st = path.stat()
            h.update(f"{path.name} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def store_root() -> Path:
    """Where the user's datasets live: ``$BAIQIANG_HOME/datasets``, else the platform's user
    data folder's (``~/.local/share/baiqiang/datasets`` on Linux)."""
    home = os.environ.get("BAIQIANG_HOME")
    if home:
        return Path(home) / "datasets"
    from platformdirs import user_data_dir

    return Path(user_data_dir("baiqiang", appauthor=False)) / "datasets"


def editions_root() -> Path:
    """Where imported editions of the lists live: ``$BAIQIANG_HOME/editions``, else beside the
    datasets in the user data folder."""
    return store_root().parent / "editions"
