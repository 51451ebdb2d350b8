"""Opening a workbook's sheet, and reading one ahead: the one part of an import that runs outside
Python's lock (the Rust reader parses the sheet's XML), so it can run while the rest of the
program is still loading.

:func:`open_sheet` gives a sheet's cells as text, blank rows kept (a row's line is the sheet's
own). :func:`read_ahead` starts it in a thread of its own; :func:`opened` then hands over what
that thread read — for the same file, unchanged since, and the same sheet asked for — or opens
the sheet itself. A read ahead that nobody takes costs time on the other core, nothing else: what
is returned is always what :func:`open_sheet` gives now. No Polars here (the command line calls
:func:`read_ahead` before it loads Polars).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
"""The workbooks read (by fastexcel)."""
MAX_BYTES = 2 * 2**30
"""The largest file read as a table: past it, a file is refused before it is read."""


class NoSheets(Exception):
    """A workbook without sheets."""


class NoSuchSheet(Exception):
    """The sheet asked for is not in the workbook (:attr:`sheets` are)."""

    def __init__(self, sheets: Sequence[str]) -> None:
        super().__init__("no such sheet")
        self.sheets = list(sheets)


class SheetUnreadable(Exception):
    """The workbook opened, the sheet could not be read."""


@dataclass(frozen=True)
class OpenSheet:
    """A sheet read: the workbook's sheet names, the one read, and its cells (a fastexcel
    sheet: ``.to_polars()`` makes the frame)."""

    sheets: tuple[str, ...]
    chosen: str
    cells: Any


def choose(sheets: Sequence[str], asked: str | None) -> str:
    """The sheet asked for (its name, or its number from 1); the first when none is.

    Raises:
        NoSheets: There is none.
        NoSuchSheet: There is no such sheet.
    """
    if not sheets:
        raise NoSheets
    if asked is None:
        return sheets[0]
    if asked in sheets:
        return asked
    if asked.isdigit() and 1 <= int(asked) <= len(sheets):
        return sheets[int(asked) - 1]
    raise NoSuchSheet(sheets)


def open_sheet(path: Path, asked: str | None) -> OpenSheet:
    """A workbook's sheet, every cell as text.

    Raises:
        NoSheets, NoSuchSheet: As :func:`choose`.
        SheetUnreadable: The sheet could not be read.
        Exception: Whatever the reader raises for a file that is not a readable workbook.
    """
    import fastexcel

    book = fastexcel.read_excel(str(path))
    sheets = tuple(book.sheet_names)
    chosen = choose(sheets, asked)
    try:
        cells = book.load_sheet(chosen, header_row=None, dtypes="string")
    except Exception as exc:
        raise SheetUnreadable(chosen) from exc
    return OpenSheet(sheets, chosen, cells)


@dataclass
class _Ahead:
    done: threading.Event = field(default_factory=threading.Event)
    found: OpenSheet | None = None
    failed: BaseException | None = None


_AHEAD: dict[tuple[str, str | None, int, int], _Ahead] = {}


def _key(path: Path, asked: str | None) -> tuple[str, str | None, int, int] | None:
    try:
        st = path.stat()
        return (str(path.resolve()), asked, st.st_size, st.st_mtime_ns)
    except OSError:
        return None


def read_ahead(path: Path, asked: str | None = None) -> None:
    """Starts reading a workbook's sheet in a thread of its own (a daemon: a program that ends
    first does not wait for it). Anything but a regular file is left alone."""
    key = _key(path, asked)
    if key is None or key in _AHEAD or not path.is_file() or key[2] > MAX_BYTES:
        return  # nothing to read ahead, or a file the import refuses unread
    ahead = _AHEAD[key] = _Ahead()

    def run() -> None:
        try:
            ahead.found = open_sheet(path, asked)
        except BaseException as exc:  # noqa: BLE001  (handed to whoever takes it)
            ahead.failed = exc
        finally:
            ahead.done.set()

    threading.Thread(target=run, name="baiqiang-read-ahead", daemon=True).start()


def opened(path: Path, asked: str | None) -> OpenSheet:
    """The sheet, from a read ahead of the same file (unchanged) and sheet where there is one,
    else read now; raises as :func:`open_sheet` does."""
    key = _key(path, asked)
    ahead = _AHEAD.pop(key, None) if key is not None else None
    if ahead is None:
        return open_sheet(path, asked)
    ahead.done.wait()
    if ahead.failed is not None:
        raise ahead.failed
    assert ahead.found is not None
    return ahead.found
