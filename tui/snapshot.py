"""The explorer's first view, kept as text so that it can be drawn before Polars is loaded.

Opening ``baiqiang`` shows 表1 in rank order. The explorer keeps that view's cells, headers and
status line (for both interface languages) in the user's cache, under a name that changes with
the data (:func:`baiqiang.core.plain.paths.data_fingerprint`) and with the explorer's own wording; the next
launch draws its first frame from it while the core loads, then puts the live view in its place.
A missing, stale or unreadable snapshot only means the first frame waits for the core.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baiqiang.core.plain.paths import cache_dir, data_dir, data_fingerprint, prune_cache
from baiqiang.core.plain.search import SearchFields
from baiqiang.core.plain.tables import DEFAULT_TABLE

if TYPE_CHECKING:
    from baiqiang.core.catalog import Catalog

FORMAT = 2
"""Bumped whenever what a snapshot holds changes."""

TABLE = DEFAULT_TABLE
"""The table the explorer opens on by default: the one a snapshot holds."""


@dataclass(frozen=True)
class Page:
    """The first view in one language.

    Attributes:
        columns: ``(key, label)`` per column.
        right: Keys of the columns aligned right.
        rows: The cells as the table shows them.
        summary: The status line (rows, filters).
        command: The equivalent command line.
    """

    columns: list[tuple[str, str]]
    right: list[str]
    rows: list[list[str]]
    summary: str
    command: str
    search_label: str = ""


@dataclass(frozen=True)
class Snapshot:
    """The first view in each interface language (``zh``, ``en``), and what the search (``/``)
    looks at in each row (:class:`~baiqiang.core.plain.search.SearchFields`, as lists), so that
    the first frame can filter before the core loads; `search_flag` is the command's option."""

    pages: dict[str, Page]
    search: list[list[str]] = field(default_factory=list)
    search_flag: str = "--search"

    def search_fields(self) -> list[SearchFields]:
        """Each row's search fields."""
        return [SearchFields(*row) for row in self.search]


def _wording() -> str:
    """A digest of the explorer's wording and cell formats, and of the editions of 表1 imported
    (the view shows the latest, with its changes): a snapshot is kept per version of them."""
    from baiqiang.core.plain.editions import imported_years

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"format {FORMAT} editions {imported_years(TABLE)}".encode())
    for name in ("i18n.py", "frame_rows.py", "state.py", "widgets/table_view.py"):
        st = (here / name).stat()
        h.update(f"{name} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()[:12]


def snapshot_path(folder: Path | None = None) -> Path | None:
    """Where the snapshot of the data in `folder` (by default the one in use) and of this explorer
    belongs; None where that folder cannot be read."""
    fingerprint = data_fingerprint((folder or data_dir()).resolve())
    return cache_dir() / f"first-view-{fingerprint}-{_wording()}.json" if fingerprint else None


def read_snapshot(folder: Path | None = None) -> Snapshot | None:
    """The snapshot of this data, or None where there is none (or it cannot be read)."""
    path = snapshot_path(folder)
    if path is None:
        return None
    try:
        raw = json.loads(path.read_bytes())
        pages = {
            lang: Page(
                columns=[(k, v) for k, v in page["columns"]],
                right=list(page["right"]),
                rows=page["rows"],
                summary=page["summary"],
                command=page["command"],
                search_label=page["search_label"],
            )
            for lang, page in raw["pages"].items()
        }
        search = [[str(x) for x in row] for row in raw["search"]]
        snap = Snapshot(pages, search, str(raw["search_flag"]))
        snap.search_fields()  # seven fields a row, or not this format
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not {"zh", "en"} <= pages.keys() or any(len(p.rows) != len(search) for p in pages.values()):
        return None
    return snap


def make_snapshot(catalog: Catalog) -> Snapshot:
    """The first view, from the catalog, exactly as the live view draws it (this loads Polars)."""
    import polars as pl

    from baiqiang.core.filters import FILTERS
    from baiqiang.core.plain.names import search_key
    from baiqiang.core.service import base_rows
    from baiqiang.tui.frame_rows import FrameRows, is_numeric
    from baiqiang.tui.i18n import t
    from baiqiang.tui.state import ViewState
    from baiqiang.tui.widgets.status_line import StatusLine
    from baiqiang.tui.widgets.table_view import edition_options, view_columns

    state = ViewState(TABLE)
    # the rows as the live view has them (rows() is base_rows() without the search keys, in the
    # report's order), read once: the search keys are kept for the first view's search
    keys = base_rows(catalog, state.table, state.filters, **edition_options(state)).collect()
    df = keys.select(pl.exclude(r"^_.*$"))
    pages = {}
    for lang in ("zh", "en"):
        cols = view_columns(state.table, lang, df.columns)
        text = FrameRows(df, cols, lang=lang)
        summary, command = StatusLine.texts(state, df.height, lang)
        pages[lang] = Page(
            columns=[(c, t(f"col.{c}", lang, default=c)) for c in cols],
            right=[c for c in cols if is_numeric(df, c)],
            rows=[list(text.cells(i)) for i in range(len(text))],
            summary=summary,
            command=command,
            search_label=FILTERS["search"].label if lang == "zh" else "search",
        )
    search = [
        [r["name"] or "", search_key(r["pinyin"] or ""), r["initials"] or "", r["province"] or ""]
        + [r["prefecture"] or "", r["_province_key"] or "", r["_prefecture_key"] or ""]
        for r in keys.iter_rows(named=True)
    ]
    return Snapshot(pages, search, FILTERS["search"].flag)


def write_snapshot(snapshot: Snapshot, folder: Path | None = None) -> Path | None:
    """Writes a snapshot atomically (a temporary file, then a rename); none for a data folder that
    cannot be read.

    Raises:
        OSError: The cache folder cannot be made.
        OutputError: The snapshot cannot be written.
    """
    target = snapshot_path(folder)
    if target is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    content: dict[str, Any] = {
        "pages": {lang: asdict(page) for lang, page in snapshot.pages.items()},
        "search": snapshot.search,
        "search_flag": snapshot.search_flag,
    }
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    from baiqiang.core.export import write_bytes

    write_bytes(target, data, force=True)
    prune_cache("first-view", target)
    return target


def ensure_snapshot(catalog: Catalog) -> None:
    """Writes the snapshot if this data has none yet; a cache that cannot be written is no error."""
    from baiqiang.core.plain.errors import OutputError

    try:
        target = snapshot_path(catalog.data_dir)
        if target is not None and not target.is_file():
            write_snapshot(make_snapshot(catalog), catalog.data_dir)
    except (OSError, OutputError):
        pass
