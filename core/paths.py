"""Where baiqiang's files are: the shipped data, the user's cache. No Polars, no framework."""

from __future__ import annotations

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
