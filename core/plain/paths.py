"""Where baiqiang's files are, and every environment variable it reads: the one place for both.

=========================  ============================================================
``BAIQIANG_DATA``          the data folder read instead of the shipped one (the
                           extractor's output, or a copy of ``data/``)
``BAIQIANG_HOME``          the user's own folder: ``cache/``, ``datasets/``, ``editions/``
                           and ``crash.log`` under it (default: the platform's folders)
``BAIQIANG_EXPORT_DIR``    where the explorer suggests saving an export
``XDG_CACHE_HOME``         the cache's parent when ``BAIQIANG_HOME`` is not set
``NO_COLOR``               no colour in what is printed (https://no-color.org)
=========================  ============================================================

Every front end (the command line, its fast ``show``, the explorer's first frame, the Python
API) asks here, so that each honours them alike. No Polars, no framework.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

DATA = "BAIQIANG_DATA"
HOME = "BAIQIANG_HOME"
EXPORT_DIR = "BAIQIANG_EXPORT_DIR"


def _env(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


def shipped_data_dir() -> Path:
    """The ``data/`` shipped with baiqiang: inside the installed package, or beside ``core/`` in a
    checkout (an editable install)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parent / "data"


def data_dir() -> Path:
    """The data folder in use: ``$BAIQIANG_DATA``, else the shipped one (absolute)."""
    return (_env(DATA) or shipped_data_dir()).absolute()


def home_dir() -> Path | None:
    """``$BAIQIANG_HOME``, where it is set."""
    return _env(HOME)


def cache_dir() -> Path:
    """Where derived files are kept: ``$BAIQIANG_HOME/cache``, else ``$XDG_CACHE_HOME/baiqiang``
    (``~/.cache/baiqiang``)."""
    home = home_dir()
    if home is not None:
        return home / "cache"
    return (_env("XDG_CACHE_HOME") or Path.home() / ".cache") / "baiqiang"


KEPT = 4
"""Derived files of one kind kept in the cache (one per data folder in use): older ones go."""


def prune_cache(kind: str, keep: Path) -> None:
    """Removes the cache's older files of a kind (``index``: ``index-*.json``) beyond the
    :data:`KEPT` latest, never `keep` (the one just written): each change of the data writes a
    new one, and nothing else would remove the old. A file that cannot be removed stays."""
    try:
        found = sorted(
            (p for p in keep.parent.glob(f"{kind}-*.json") if p != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        return
    for old in found[KEPT - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass


def store_root() -> Path:
    """Where the user's datasets live: ``$BAIQIANG_HOME/datasets``, else the platform's user
    data folder's (``~/.local/share/baiqiang/datasets`` on Linux)."""
    home = home_dir()
    if home is not None:
        return home / "datasets"
    return _user_data_dir() / "datasets"


def _user_data_dir() -> Path:
    """The platform's user data folder for baiqiang: on Linux and the BSDs the XDG rule, as
    platformdirs has it (``$XDG_DATA_HOME/baiqiang``, else ``~/.local/share/baiqiang``), without
    importing it (5 ms of every lookup); elsewhere platformdirs'."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        given = os.environ.get("XDG_DATA_HOME", "").strip()
        return Path(given if given else os.path.expanduser("~/.local/share")) / "baiqiang"
    from platformdirs import user_data_dir

    return Path(user_data_dir("baiqiang", appauthor=False))


def built_in_root() -> Path:
    """The built-in datasets (the 2020 census): ``datasets/`` of the data folder."""
    return data_dir() / "datasets"


def editions_root() -> Path:
    """Where imported editions of the lists live: ``$BAIQIANG_HOME/editions``, else beside the
    datasets in the user data folder."""
    return store_root().parent / "editions"


def crash_log_path() -> Path:
    """Where the details of a crash are written: ``$BAIQIANG_HOME/crash.log``, else
    ``~/.local/state/baiqiang/crash.log``."""
    home = home_dir()
    return (home if home is not None else Path.home() / ".local" / "state" / "baiqiang") / "crash.log"


def export_dir() -> Path:
    """Where the explorer suggests saving: ``$BAIQIANG_EXPORT_DIR``, else ~/Downloads where it
    exists, else the home folder — a place the user can find, never silently the cwd."""
    given = _env(EXPORT_DIR)
    if given is not None:
        return given.absolute()
    home = Path.home()
    downloads = home / "Downloads"
    return downloads if downloads.is_dir() else home


def colour_wanted() -> bool:
    """Whether colour may be printed: not where ``NO_COLOR`` is set."""
    return "NO_COLOR" not in os.environ


def data_fingerprint(folder: Path) -> str | None:
    """A short digest of a data folder's files (names, sizes and times), or None where the folder
    cannot be read: what is derived from the data and cached carries it in its name, so that it
    is never read for other data."""
    said = []
    try:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".csv", ".json", ".parquet"):
                st = path.stat()
                said.append(f"{path.name} {st.st_size} {st.st_mtime_ns}")
    except OSError:
        return None
    text = "\n".join(said).encode()  # two checksums of it, 64 bits (hashlib's import: 3 ms a lookup)
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"
