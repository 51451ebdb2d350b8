"""Opening a workbook's sheet, and reading one ahead: the part of an import that runs outside
Python's lock (the Rust reader parses the sheet's XML), so it can run while the rest of the
program is still loading.

:func:`open_sheet` measures the sheet's XML first (:func:`~baiqiang.core.plain.sheetxml.measured`:
a sheet the reader could not lay out is refused unread), then reads it typed where it can (the
scan of its cells says its first row of numbers and the cells a typed read would turn), its
first rows as text from a copy of the workbook holding only them
(:func:`~baiqiang.core.plain.sheetxml.head_book`); else every cell as text. Blank rows are kept
(a row's line is the sheet's own). :func:`read_ahead` starts it in a thread of its own;
:func:`opened` then hands over what that thread read — for the same file, unchanged since, and
the same sheet asked for — or opens the sheet itself. A read ahead that nobody takes costs time
on the other core, nothing else: what is returned is always what :func:`open_sheet` gives now.
No Polars here (the command line calls :func:`read_ahead` before it loads Polars).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baiqiang.core.plain.sheetxml import (
    HEAD_ROWS,
    SheetTooLarge,
    head_book,
    measured,
    shared_text_size,
)

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
    """A sheet read: the workbook's sheet names, the one read, and its cells.

    Either `cells` (every cell as text: a fastexcel sheet, ``.to_polars()`` makes the frame),
    or, where the sheet could be read so (:attr:`Scan.typed`), `head` (its first
    :data:`HEAD_ROWS` rows as text) and `body` (its rows from `numbers_from` on, each column
    of numbers as numbers; :data:`Scan.text_columns` as text). `book` reads more of it.
    """

    sheets: tuple[str, ...]
    chosen: str
    cells: Any = None
    head: Any = None
    body: Any = None
    numbers_from: int = 0
    first_row: int = 1
    book: Any = None
    text_columns: frozenset[int] = frozenset()
    blanked: tuple[tuple[int, int, str], ...] = ()


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
    if re.fullmatch(r"[0-9]{1,6}", asked) and 1 <= int(asked) <= len(sheets):  # not ² or ٣
        return sheets[int(asked) - 1]
    raise NoSuchSheet(sheets)


def open_sheet(source: Path | bytes, asked: str | None) -> OpenSheet:
    """A workbook's sheet (a file, or its bytes as read): typed where it can be, else every cell
    as text (:class:`OpenSheet`). Once the sheet is measured, its rows of numbers are read (by
    the reader, outside Python's lock) while the scan looks at its cells.

    Raises:
        NoSheets, NoSuchSheet: As :func:`choose`.
        SheetTooLarge: As :func:`scan`.
        SheetUnreadable: The sheet could not be read.
        Exception: Whatever the reader raises for a file that is not a readable workbook.
    """
    import fastexcel

    quiet()
    data = source if isinstance(source, bytes) else source.read_bytes()
    shared_text_size(data)  # (the reader reads all of it as it opens the workbook)
    book = fastexcel.read_excel(data)
    sheets = tuple(book.sheet_names)
    chosen = choose(sheets, asked)
    try:
        sheet = measured(data, sheets.index(chosen))
    except SheetTooLarge as exc:
        raise SheetTooLarge(f"sheet {chosen!r} {exc}") from None
    first_row = sheet.first_row if sheet is not None else 1
    if sheet is not None and sheet.readable and sheet.numbers_from is not None:
        # (rows skipped are counted from the sheet's first: the reader's own start, where none
        # are, is its first used row)
        skip = sheet.numbers_from
        above = first_row - 1
        typed: list[Any] = []

        def read(text: frozenset[int] = frozenset()) -> None:
            try:
                typed.append(
                    book.load_sheet(
                        chosen,
                        header_row=None,
                        skip_rows=above + skip,
                        schema_sample_rows=None,
                        dtypes=dict.fromkeys(sorted(text), "string") or None,
                    )
                )
            except Exception:  # noqa: BLE001  (read as text below, as any sheet can be)
                pass

        read()  # (outside Python's lock: the command line goes on loading meanwhile)
        found = sheet.scan()  # (then the cells are looked at, which takes the lock)
        if found.text_columns and typed:  # TRUE in a column of numbers: read as text (seldom)
            typed.clear()
            read(found.text_columns)
        copy = head_book(data, found) if found.typed else None
        if copy is not None and typed:
            try:
                head = fastexcel.read_excel(copy).load_sheet(
                    chosen, header_row=None, skip_rows=above, dtypes="string", n_rows=HEAD_ROWS
                )
            except Exception:  # noqa: BLE001  (read as text below)
                pass
            else:
                return OpenSheet(
                    sheets,
                    chosen,
                    None,
                    head,
                    typed[0],
                    skip,
                    first_row,
                    book,
                    found.text_columns,
                    found.blanked,
                )
    try:  # (from the sheet's first row: blank rows above its first cell are the caller's to drop)
        cells = book.load_sheet(chosen, header_row=None, skip_rows=0, dtypes="string")
    except Exception as exc:
        raise SheetUnreadable(chosen) from exc
    return OpenSheet(sheets, chosen, cells, first_row=first_row, book=book)


def quiet() -> None:
    """The reader's notes on a column it reads as text (it found no type for one that is blank
    throughout) kept off the terminal: they are the reader's, not the user's."""
    import logging

    logging.getLogger("fastexcel").setLevel(logging.ERROR)


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


def opened(path: Path, asked: str | None, data: bytes | None = None) -> OpenSheet:
    """The sheet, from a read ahead of the same file (unchanged) and sheet where there is one,
    else read now (from `data`, the file's bytes as read, where given: the file may have changed
    since); raises as :func:`open_sheet` does."""
    key = _key(path, asked)
    ahead = _AHEAD.pop(key, None) if key is not None else None
    if ahead is None:
        return open_sheet(data if data is not None else path, asked)
    ahead.done.wait()
    if ahead.failed is not None:
        raise ahead.failed
    assert ahead.found is not None
    return ahead.found
