"""A workbook sheet's XML read before the reader (fastexcel) reads the sheet: how far its cells
span (a sheet the reader could not lay out is refused unread), and what a typed read of it needs
to know — its first row of numbers, and the cells a typed read would turn (TRUE into 1.0, NA
and None into blanks). Read as it unpacks, window by window, with the standard library only
(the command line reads a sheet ahead before it loads Polars).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


class SheetTooLarge(Exception):
    """The sheet spans (or unpacks to) more than a table can: said before it is read."""


MAX_CELLS = 100_000_000
"""The most cells the rectangle from a sheet's first cell to its last may hold. The reader lays
out every cell of it: one cell at XFD1048576 would ask for 500 GB and end the process."""
MAX_UNPACKED = 2**30
"""The most a sheet and its shared strings may unpack to (a small file of repeated blanks can
unpack to gigabytes)."""

_ROW = re.compile(rb'<row r="(\d+)"')
_ANY_ROW = re.compile(rb'<row(?=[\s>/])(?: r="(\d+)")?')
_WIDE_CELL = re.compile(rb' r="[A-Z]{3}[0-9]')
_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_FILLED_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?<!/)>(.*?)</c>', re.S)
"""A cell with something in it (the reader's range starts at the first), its column, row,
attributes and content."""
_TYPED = re.compile(rb""" t=(?:"(?!n"|e"|s")([^"]{0,12})"(.)|')""")
"""A cell's type but a number's, an error's and a shared text's, and what follows it (``>``:
written last); or a type in single quotes (no group)."""
_KIND = re.compile(rb'\bt="([^"]*)"')
_COLUMN_A = re.compile(rb'<c r="A[0-9]+"[^>]*?(?<!/)>')

CHUNK = 1 << 22
"""How much of a sheet's XML the scan reads at a time (unpacked)."""
MARGIN = 4096
"""The XML kept at hand around a window of it (a cell's tag and text are shorter)."""
SHARED_MOST = 1 << 24
"""The most shared text (unpacked) of a workbook whose sheet is read typed: its first rows are
read from a copy holding all of it, and the reader reads it twice."""
KEPT = 1 << 26
"""The most of a sheet's XML kept unpacked between the scan's two passes."""
HEAD_BYTES = 1 << 22
"""How much of a sheet's XML its first rows are looked for in."""
HEAD_ROWS = 40
"""The rows of a sheet read as text to find its header (and the rows under it)."""

NULL_LIKE = frozenset(
    {
        "",
        "#N/A",
        "#N/A N/A",
        "#NA",
        "-1.#IND",
        "-1.#QNAN",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "<NA>",
        "N/A",
        "NA",
        "NULL",
        "NaN",
        "None",
        "n/a",
        "nan",
        "null",
    }
)
"""Text the reader takes for a blank (or NaN) where it reads a column's type from its cells:
pandas' list (tests/core/test_sheet.py holds the reader to it). The scan finds every such cell,
and the importer puts its text back."""
_ESCAPED = {t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in NULL_LIKE}
_NULL_ALTERNATIVES = b"|".join(
    re.escape(t.encode()) for t in sorted(_ESCAPED.values(), key=len, reverse=True) if t
)
_NULL_SI = re.compile(rb"<si(?:\s[^>]*)?><t(\s[^>]*)?>(\s*(?:" + _NULL_ALTERNATIVES + rb")\s*)</t></si>")
_SHARED = re.compile(rb"<si(?:\s[^>]*)?(?:/>|>(.*?)</si>)", re.S)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_RUN = re.compile(rb"<t(\s[^>]*)?>(.*?)</t>", re.S)
_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.S)
_INLINE = re.compile(rb't="inlineStr"><is>(?:<t(\s[^>]*)?>([^<]*)</t>|<t\s*/>)</is></c>')
_FORMULA_TEXT = re.compile(rb't="str">(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?(?:<v>([^<]*)</v>)?</c>')


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


def _unescape(text: bytes) -> str:
    import html

    return html.unescape(text.decode("utf-8", "replace"))


def _t_text(attrs: bytes | None, content: bytes) -> str:
    """The text of a ``<t>`` element as the reader takes it: entities and CDATA read, and the
    white space at its ends dropped unless it says to keep it (``xml:space="preserve"``)."""
    parts, at = [], 0
    for found in _CDATA.finditer(content):
        parts += [_unescape(content[at : found.start()]), found[1].decode("utf-8", "replace")]
        at = found.end()
    text = "".join([*parts, _unescape(content[at:])])
    return text if attrs and b'xml:space="preserve"' in attrs else text.strip(" \t\r\n")


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


@dataclass(frozen=True)
class Scan:
    """What a sheet's XML says before the reader reads it (:func:`scan`).

    Attributes:
        part: The sheet's part in the workbook (xl/worksheets/…).
        first_row: The number (1-based) of the first row with a cell written in it: the reader's
            first row.
        head: The sheet's XML up to the row after its first :data:`HEAD_ROWS` rows from
            `first_row` (the whole of sheetData where it has fewer), or None where that cannot
            be told (rows without numbers, a head larger than the first read).
        numbers_from: The first of those rows (0 = `first_row`) with numbers in it: two cells
            of numbers, else one; None where there is none.
        text_columns: The columns (0 = A) that hold a cell the reader would turn into a number
            where it reads a column's type from its cells (TRUE is 1.0; a date written as
            text): those are read as text.
        blanked: The cells of :data:`NULL_LIKE` text (NA, None, #N/A), which the reader makes
            blanks in a column of numbers, as (column, row, text): row 0 = `first_row`.
        typed: Whether the sheet can be read typed at all: every cell and row numbered, a cell's
            type written last, column A used (the reader's columns start at the first used one),
            and every text cell's text known to the scan.
    """

    part: str
    first_row: int
    head: bytes | None = None
    numbers_from: int | None = None
    text_columns: frozenset[int] = frozenset()
    blanked: tuple[tuple[int, int, str], ...] = ()
    typed: bool = False


def scan(source: Path | bytes, index: int) -> Scan | None:
    """Reads an .xlsx sheet's XML as it unpacks: refuses a sheet whose cells span more than
    :data:`MAX_CELLS`, or that unpacks to more than :data:`MAX_UNPACKED`, before the reader lays
    it out (:func:`measured`), and tells what a typed read needs to know (:class:`Scan`). None
    for an .xls, or a file that is no zip (left to the reader).

    Raises:
        SheetTooLarge: It is too large.
    """
    found = measured(source, index)
    return None if found is None else found.scan()


@dataclass(frozen=True)
class Measured:
    """A sheet's XML, unpacked and measured (:func:`measured`): its extent is one the reader can
    lay out. :attr:`head` and :attr:`numbers_from` are known; :meth:`scan` looks at every cell."""

    part: str
    first_row: int
    head: bytes | None
    numbers_from: int | None
    windows: tuple[tuple[bytes, int, int], ...] | None = field(repr=False)
    """The XML as unpacked, where it is no larger than :data:`KEPT` (else unpacked again)."""
    nulls: dict[bytes, str] | None = field(repr=False)
    readable: bool
    """Whether the scan can read it at all: every row numbered, column A used."""
    source: bytes | None = field(repr=False, default=None)

    def scan(self) -> Scan:
        """What a typed read needs to know (:class:`Scan`): every cell with a type looked at."""
        if not self.readable or self.head is None:
            return Scan(self.part, self.first_row)
        look = _Look(self.nulls)
        if self.windows is not None:
            windows: Iterable[tuple[bytes, int, int]] = self.windows
        elif self.source is not None:
            windows = _windows(zipfile.ZipFile(io.BytesIO(self.source)), self.part, self.source)
        else:
            return Scan(self.part, self.first_row)
        for data, start, end in windows:
            if not look.look(data, start, end):
                return Scan(self.part, self.first_row)
        blanked = tuple((column, row - self.first_row, text) for column, row, text in look.blanked)
        return Scan(
            self.part,
            self.first_row,
            self.head,
            self.numbers_from,
            frozenset(look.columns),
            blanked,
            typed=True,
        )


def measured(source: Path | bytes, index: int) -> Measured | None:
    """An .xlsx sheet's XML, unpacked, once its extent is known to be one the reader can lay
    out. The rows are read from the row numbers; the columns are bounded by the widest written
    (a column of three letters, or a row without its number, makes every cell be looked at).
    None for an .xls, or a file that is no zip (left to the reader).

    Raises:
        SheetTooLarge: It is too large.
    """
    try:
        book = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile):
        return None
    with book:
        part = sheet_part(book, index)
        names = set(book.namelist())
        if part is None or part not in names:
            return None
        unpacked = book.getinfo(part).file_size
        if "xl/sharedStrings.xml" in names:
            unpacked += book.getinfo("xl/sharedStrings.xml").file_size
        if unpacked > MAX_UNPACKED:
            raise SheetTooLarge(f"unpacks to {unpacked / 2**30:.1f} GB")
        last_row, last_column, every_cell = 0, 702, False  # two letters at most, unless seen
        cells: list[tuple[bytes, bytes]] = []
        first = b""
        column_a = False
        windows: list[tuple[bytes, int, int]] | None = []
        raw = source if isinstance(source, bytes) else None
        for data, start, end in _windows(book, part, raw):
            if windows is not None:
                windows.append((data, start, end))
                if len(windows) * CHUNK > KEPT:
                    windows = None  # (too large to keep: the look unpacks it again)
            if len(first) < HEAD_BYTES:
                first = data[:end] if not first else first + data[start:end]
            column_a = column_a or _COLUMN_A.search(data, max(0, start - 64), end) is not None
            rows = _ANY_ROW.findall(data, start, end)  # its number, or b"" (written otherwise)
            numbered = [int(r) for r in rows if r]
            if numbered:
                last_row = max(last_row, *numbered)
            # a row written otherwise (its number not first, or none), or a cell past ZZ:
            # every cell is looked at (the usual writers never do either)
            if every_cell or (rows and not all(rows)) or _WIDE_CELL.search(data, start, end):
                every_cell = True
                cells += _CELL.findall(data, start, end)
                if len(cells) > 1_000_000:  # keep the widest and the lowest only
                    cells = [max(cells, key=lambda c: _column(c[0])), max(cells, key=lambda c: int(c[1]))]
        if every_cell and cells:
            last_column = max(_column(c) for c, _ in cells)
            last_row = max(last_row, max(int(r) for _, r in cells))
        if last_row * last_column > MAX_CELLS:
            across = f"{last_column:,}" if every_cell else f"up to {last_column:,}"
            raise SheetTooLarge(f"spans {last_row:,} rows × {across} columns")
        nulls = _null_like_shared(book, names)
    starts = _FILLED_CELL.search(first[: 1 << 20])
    first_row = int(starts[2]) if starts else 1
    readable = not every_cell and column_a and starts is not None
    head = _head(first, first_row) if readable else None
    numbers_from = _numbers_from(head, first_row) if head is not None else None
    kept = tuple(windows) if windows is not None else None
    return Measured(part, first_row, head, numbers_from, kept, nulls, readable, raw)


def _unpacked(book: zipfile.ZipFile, part: str, source: bytes | None) -> Iterator[bytes]:
    """A part of a workbook, unpacked :data:`CHUNK` at a time: from the bytes as read where the
    part is deflated (the usual), by the zip module otherwise."""
    info = book.getinfo(part)
    header = info.header_offset
    if (
        source is not None
        and info.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)
        and not info.flag_bits & 0x1  # (not encrypted)
        and source[header : header + 4] == b"PK\x03\x04"
    ):
        start = header + 30 + int.from_bytes(source[header + 26 : header + 28], "little")
        start += int.from_bytes(source[header + 28 : header + 30], "little")
        packed = source[start : start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            for at in range(0, len(packed), CHUNK):
                yield packed[at : at + CHUNK]
            return
        inflate, left = zlib.decompressobj(-15), info.file_size
        while packed and left >= 0:
            chunk = inflate.decompress(packed, CHUNK)
            packed = inflate.unconsumed_tail
            if not chunk and not packed:
                break
            left -= len(chunk)
            yield chunk
        if left < 0 or inflate.decompress(b"", 1):
            raise SheetTooLarge("unpacks to more than the workbook says")  # (a zip bomb's lie)
        return
    with book.open(part) as sheet:
        while chunk := sheet.read(CHUNK):
            yield chunk


def _windows(
    book: zipfile.ZipFile, part: str, source: bytes | None = None
) -> Iterator[tuple[bytes, int, int]]:
    """A sheet's XML as it unpacks, in windows ``data[start:end]`` that together hold every
    byte once: each ends where a tag starts (no tag is cut), with :data:`MARGIN` bytes after it
    at hand (a cell's text, after its tag) and :data:`MARGIN` before it (a cell's tag, before
    its type)."""
    data, start = b"", 0
    for chunk in _unpacked(book, part, source):
        data += chunk
        end = data.rfind(b"<", start + 1, len(data) - MARGIN)
        if end < 0:  # no tag starts in it: text, or a tag longer than a chunk
            if len(data) - start <= CHUNK + MARGIN:
                continue  # not enough yet
            end = len(data) - MARGIN  # (cut where no tag starts, or in one that long)
        yield data, start, end
        keep = max(0, end - MARGIN)
        data, start = data[keep:], end - keep
    if start < len(data):
        yield data, start, len(data)


class _Look:
    """What a typed read needs to know of a sheet's XML, window by window (:func:`_windows`):
    every cell with a type (text, TRUE, a date) is looked at once.

    Args:
        nulls: The shared strings of :data:`NULL_LIKE` text, by index (b"17"); None where the
            shared strings cannot be read here.
    """

    def __init__(self, nulls: dict[bytes, str] | None) -> None:
        self.nulls = nulls
        self.columns: set[int] = set()
        self.blanked: list[tuple[int, int, str]] = []

    def look(self, data: bytes, start: int, end: int) -> bool:
        """Looks at the cells whose type starts in data[start:end]; False where the sheet cannot
        be read typed."""
        shared = data.find(b' t="s"', start, end)
        if shared >= 0:
            if self.nulls is None or data.find(b' t="s" ', shared, end + 6) >= 0:
                return False  # shared strings not read here, or a type not written last
            for index, text in self.nulls.items():  # NA, None … by their index: b' t="s"><v>17</v>'
                needle = b' t="s"><v>' + index + b"</v>"
                upto = end + len(needle) - 1  # (one that starts in the window)
                at = data.find(needle, shared, upto)
                while at >= 0:
                    if not self._blanked(data, at, text):
                        return False
                    at = data.find(needle, at + 1, upto)
        for typed in _TYPED.finditer(data, start):  # the other types (a number's has none, or n)
            at = typed.start()
            if at >= end:
                break
            kind, after = typed[1], typed[2]
            if kind is None:
                return False  # a type in single quotes: not what the scan reads
            if after == b" " and data.startswith(b"/>", typed.end(2)):
                continue  # an empty cell (<c r="A2" t="str" />)
            if after not in (b">", b"/"):
                return False  # a type not written last
            if kind in (b"b", b"d"):  # TRUE (read as 1.0), a date written as text
                cell = _cell_of(data, at)
                if cell is None:
                    return False
                self.columns.add(cell[0])
            elif kind in (b"inlineStr", b"str"):
                found = (_INLINE if kind == b"inlineStr" else _FORMULA_TEXT).match(data, at + 1)
                if found is None:
                    if after == b"/":
                        continue  # an empty cell
                    return False  # text in runs, or written otherwise: not read here
                if kind == b"inlineStr":
                    text = _t_text(found[1], found[2] or b"")
                else:  # a formula's text, as written (the reader keeps its white space)
                    text = _unescape(found[1] or b"")
                if text in NULL_LIKE and not self._blanked(data, at, text):
                    return False
            else:
                return False  # a type the scan does not know
        return True

    def _blanked(self, data: bytes, at: int, text: str) -> bool:
        """Notes the cell whose tag holds `at` as NULL_LIKE `text`; False where its tag cannot
        be read."""
        cell = _cell_of(data, at)
        if cell is None:
            return False
        self.blanked.append((cell[0], cell[1], text))
        return True


def _cell_of(data: bytes, at: int) -> tuple[int, int] | None:
    """The column (0 = A) and row of the cell whose tag holds `at`; None where its tag cannot be
    found before it."""
    start = data.rfind(b"<c ", 0, at)
    found = _CELL.match(data, start) if start >= 0 else None
    if found is None or data.find(b">", start, at) >= 0:  # not this cell's tag
        return None
    return _column(found[1]) - 1, int(found[2])


def _null_like_shared(book: zipfile.ZipFile, names: set[str]) -> dict[bytes, str] | None:
    """The shared strings of :data:`NULL_LIKE` text, by the index a cell gives (b"17"); None
    where there are shared strings the scan does not read (too many: :data:`SHARED_MOST`)."""
    if "xl/sharedStrings.xml" not in names:
        return {} if not any(n.lower().endswith("sharedstrings.xml") for n in names) else None
    if book.getinfo("xl/sharedStrings.xml").file_size > SHARED_MOST:
        return None
    strings = book.read("xl/sharedStrings.xml")
    if any(mark in strings for mark in (b"<r>", b"<r ", b"<rPh", b"CDATA", b"&#")):
        found: dict[bytes, str] = {}  # text in runs, a reading, CDATA, characters by number: read
        for i, si in enumerate(_SHARED.finditer(strings)):
            runs = _RUN.findall(_PHONETIC.sub(b"", si[1] or b""))  # (a reading is not the text)
            text = "".join(_t_text(attrs, content) for attrs, content in runs)
            if text in NULL_LIKE:
                found[str(i).encode()] = text
        return found
    out: dict[bytes, str] = {}
    for m in _NULL_SI.finditer(strings):  # where each is, by the strings before it
        text = _t_text(m[1], m[2])
        if text in NULL_LIKE:
            out[str(strings.count(b"<si", 0, m.start())).encode()] = text
    return out


def _head(first: bytes, first_row: int) -> bytes | None:
    """The XML of a sheet up to the row after its first :data:`HEAD_ROWS` rows (from what was
    read first); None where the rows past them do not start there."""
    end = first_row + HEAD_ROWS
    for found in _ROW.finditer(first):
        if int(found[1]) >= end:
            return first[: found.start()]
    closed = first.find(b"</sheetData>")
    return first[:closed] if closed >= 0 else None


def _numbers_from(head: bytes, first_row: int) -> int | None:
    """The first row (0 = `first_row`) with two cells of numbers, else with one."""
    counts: dict[int, int] = {}
    for found in _FILLED_CELL.finditer(head):
        kind = _KIND.search(found[3])
        if (kind is None or kind[1] == b"n") and b"<v>" in found[4]:
            row = int(found[2])
            counts[row] = counts.get(row, 0) + 1
            if counts[row] == 2 and row == min(counts):  # (rows come in order)
                return row - first_row
    two = [r for r in sorted(counts) if counts[r] >= 2]
    chosen = two[0] if two else min(counts) if counts else None
    return None if chosen is None else chosen - first_row


def head_book(source: bytes, found: Scan) -> bytes | None:
    """A copy of an .xlsx that holds only the head of the scanned sheet (:attr:`Scan.head`) and
    one cell in column A below it, so that the reader's columns start at A as in the whole
    sheet; the other sheets are left empty. Its first rows read as the sheet's own: the same
    shared strings, styles and workbook settings (a 1904 date system)."""
    if found.head is None:
        return None
    marker = found.first_row + HEAD_ROWS
    sheet = (
        found.head
        + f'<row r="{marker}"><c r="A{marker}" t="inlineStr"><is><t>.</t></is></c></row>'.encode()
        + b"</sheetData></worksheet>"
    )
    blank = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData/></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as book, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        written: set[str] = set()
        for info in book.infolist():
            name = info.filename
            if name in written:  # a part named twice: the reader takes one (the zip module warns)
                continue
            written.add(name)
            if name == found.part:
                copy.writestr(name, sheet)
            elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
                copy.writestr(name, blank)
            elif name.startswith(("xl/media/", "xl/drawings/", "xl/charts/", "xl/embeddings/", "xl/pivot")):
                continue  # pictures and charts: nothing the cells read
            else:
                copy.writestr(name, book.read(name))
    return out.getvalue()


def shared_text_size(source: bytes) -> None:
    """Refuses a workbook whose shared text unpacks to more than :data:`MAX_UNPACKED` before
    the reader opens it (it reads all of it then).

    Raises:
        SheetTooLarge: It is too large.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as book:
            size = sum(
                i.file_size for i in book.infolist() if i.filename.lower().endswith("sharedstrings.xml")
            )
    except (OSError, zipfile.BadZipFile):
        return
    if size > MAX_UNPACKED:
        raise SheetTooLarge(f"its shared text unpacks to {size / 2**30:.1f} GB")
