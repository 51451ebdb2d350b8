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

import io
import re
import threading
import zipfile
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


class SheetTooLarge(Exception):
    """The sheet spans (or unpacks to) more than a table can: said before it is read."""


MAX_CELLS = 100_000_000
"""The most cells the rectangle from a sheet's first cell to its last may hold. The reader lays
out every cell of it: one cell at XFD1048576 would ask for 500 GB and end the process."""
MAX_UNPACKED = 2**30
"""The most a sheet and its shared strings may unpack to (a small file of repeated blanks can
unpack to gigabytes)."""

_ROW = re.compile(rb'<row r="(\d+)"')
_WIDE_CELL = re.compile(rb' r="[A-Z]{3}[0-9]')
_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')


def sheet_part(book: zipfile.ZipFile, index: int) -> str | None:
    """The name of the part of an .xlsx that holds its `index`-th sheet (xl/worksheets/…)."""
    try:
        workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = book.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return None
    ids = re.findall(r"<sheet\b[^>]*\br:id=\"([^\"]+)\"", workbook)
    if not 0 <= index < len(ids):
        return None
    target = re.search(
        rf'Id="{re.escape(ids[index])}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{re.escape(ids[index])}"',
        rels,
    )
    if target is None:
        return None
    where = (target[1] or target[2]).lstrip("/")
    return where if where.startswith("xl/") else f"xl/{where}"


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def check_extent(source: Path | bytes, index: int) -> None:
    """Refuses a sheet whose cells span more than :data:`MAX_CELLS`, or that unpacks to more
    than :data:`MAX_UNPACKED`, before the reader lays it out. The rows are read from the row
    numbers; the columns are bounded by the widest written (a column of three letters, or a row
    without its number, makes every cell be looked at). An .xls, or a file that is no zip, is
    left to the reader.

    Raises:
        SheetTooLarge: It is too large.
    """
    try:
        book = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile):
        return
    with book:
        part = sheet_part(book, index)
        if part is None or part not in book.namelist():
            return
        unpacked = book.getinfo(part).file_size
        if "xl/sharedStrings.xml" in book.namelist():
            unpacked += book.getinfo("xl/sharedStrings.xml").file_size
        if unpacked > MAX_UNPACKED:
            raise SheetTooLarge(f"unpacks to {unpacked / 2**30:.1f} GB")
        last_row, last_column, every_cell = 0, 702, False  # two letters at most, unless seen
        cells: list[tuple[bytes, bytes]] = []
        tail = b""
        with book.open(part) as sheet:
            while chunk := sheet.read(1 << 22):
                data = tail + chunk
                tail = data[-128:]
                numbered = _ROW.findall(chunk)
                if numbered:
                    last_row = max(last_row, *map(int, numbered))
                rows = chunk.count(b"<row ") + chunk.count(b"<row>")
                # a row written otherwise (its number not first, or none), or a cell past ZZ:
                # every cell is looked at (the usual writers never do either)
                if every_cell or len(numbered) != rows or _WIDE_CELL.search(data):
                    every_cell = True
                    cells += _CELL.findall(data)
                    if len(cells) > 1_000_000:  # keep the widest and the lowest only
                        cells = [max(cells, key=lambda c: _column(c[0])), max(cells, key=lambda c: int(c[1]))]
    if every_cell and cells:
        last_column = max(_column(c) for c, _ in cells)
        last_row = max(last_row, max(int(r) for _, r in cells))
    if last_row * last_column > MAX_CELLS:
        across = f"{last_column:,}" if every_cell else f"up to {last_column:,}"
        raise SheetTooLarge(f"spans {last_row:,} rows × {across} columns")


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
    if re.fullmatch(r"[0-9]{1,6}", asked) and 1 <= int(asked) <= len(sheets):  # not ² or ٣
        return sheets[int(asked) - 1]
    raise NoSuchSheet(sheets)


def open_sheet(source: Path | bytes, asked: str | None) -> OpenSheet:
    """A workbook's sheet (a file, or its bytes as read), every cell as text.

    Raises:
        NoSheets, NoSuchSheet: As :func:`choose`.
        SheetTooLarge: As :func:`check_extent`.
        SheetUnreadable: The sheet could not be read.
        Exception: Whatever the reader raises for a file that is not a readable workbook.
    """
    import fastexcel

    data = source if isinstance(source, bytes) else source.read_bytes()
    book = fastexcel.read_excel(data)
    sheets = tuple(book.sheet_names)
    chosen = choose(sheets, asked)
    try:
        check_extent(data, sheets.index(chosen))
    except SheetTooLarge as exc:
        raise SheetTooLarge(f"sheet {chosen!r} {exc}") from None
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
