"""Reading a yearbook table: CSV/TSV (UTF-8 with or without BOM, GBK/GB18030), XLSX, Parquet.

A file is read as text cells. Its header is found below any title rows (:func:`find_header`),
a two-row header is joined (a merged group over its sub-columns), and a unit in brackets at the
end of a header becomes the column's unit. The body stays a Polars frame of text, cleaned into
numbers column by column (:func:`numbers`): a panel of millions of values never passes through
Python one cell at a time.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from pathlib import Path

import polars as pl

from baiqiang.core.indicators.sheet import PLAIN_NUMBER, SheetCells, text_rows
from baiqiang.core.indicators.sheet import cells as sheet_cells
from baiqiang.core.plain import sheetxml, workbook
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.text import clip
from baiqiang.core.plain.workbook import EXCEL_SUFFIXES, MAX_BYTES

TEXT_SUFFIXES = {".csv": ",", ".tsv": "\t", ".txt": "\t"}
PEEK = sheetxml.HEAD_ROWS
"""Rows looked at to find the header (a workbook's are read as text for it: as many)."""
MAX_LINE = 1_000_000
"""The longest line a table may have (a file with longer is not a table)."""

ROLES: dict[str, re.Pattern[str]] = {
    "code": re.compile(r"(区划)?代码|adcode|code|编码", re.I),
    "name": re.compile(
        r"^(地区|地区名称|区域|名称|单位|单位名称|县|县名|县区|区县|县市区|县（市、区）|县\(市、区\)|县（市）|县\(市\)|县市|区"
        r"|name|county|unit|district)$",
        re.I,
    ),
    "province": re.compile(r"^(省|省份|省区市|省（区、市）|省\(区、市\)|所属省份|province)$", re.I),
    "prefecture": re.compile(
        r"^(地级市|地市|市|所属地市|所属城市|城市|地级市（州、盟）|地区（市、州、盟）|prefecture|city)$", re.I
    ),
    "year": re.compile(r"^(年份|年度|年|统计年度|year)$", re.I),
    "rank": re.compile(r"^(排名|名次|位次|序号|rank|no\.?)$", re.I),
    "star": re.compile(r"^(★|省内第一|province_first|first)$", re.I),
}
"""What a header (its unit split off) says a column holds: a unit's code, name, province,
prefecture, the year, a rank, the ★ mark. Every import reads headers by these."""


def unique_names(names: list[str]) -> list[str]:
    """Column names made unique (a second 产值 is 产值_2), never blank (column_3) and never a
    pattern (:func:`literal`)."""
    out: list[str] = []
    taken: set[str] = set()
    for i, n in enumerate(names):
        base = literal(n) or f"column_{i + 1}"
        name, k = base, 2
        while name in taken:
            name, k = f"{base}_{k}", k + 1
        out.append(name)
        taken.add(name)
    return out


def literal(name: str) -> str:
    """A column name that Polars reads as that name: ``*`` (every column) and ``^…$`` (a regular
    expression) are patterns to it, so their first character is written full-width (＊, ＾…$)."""
    if name == "*":
        return "＊"
    if len(name) > 1 and name.startswith("^") and name.endswith("$"):
        return "＾" + name[1:]
    return name


_UNIT = re.compile(r"^(?P<name>.*?)\s*[（(\[【]\s*(?P<unit>[^（()）\[\]【】]*?)\s*[）)\]】]\s*$")
BLANK_MARKS = (
    "",
    "—",
    "——",
    "-",
    "--",
    "－",
    "…",
    "……",
    "...",
    "..",
    "/",
    "\\",
    "x",
    "X",
    "*",
    "NA",
    "N/A",
    "n/a",
    "na",
    "null",
    "NULL",
    "无",
    "不详",
)
_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "．": ".",
    "，": ",",
    "－": "-",
    "\u2212": "-",  # the minus sign, as typeset (−7)
    "\ufe63": "-",  # the small hyphen-minus
    "＋": "+",
    "％": "%",
}
_THOUSANDS = r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"
"""A number with thousands separators where they belong (1,234,567.5; never 1,2,3)."""
_UNIT_ROW = re.compile(r"^(?:计量)?单位\s*[:：]\s*(?P<unit>[^\s:：]{1,12})$")
"""A row above a table that gives every column its unit (单位：亿元)."""


@dataclass(frozen=True)
class RawTable:
    """A file's cells as text, before its header is known.

    Attributes:
        head: The first rows (title rows, the header, the first rows of the body).
        encoding: The text encoding read (CSV/TSV), or "".
        sheet: The sheet read (XLSX), or None.
        offset: Rows of the file before the first row read (a sheet's empty rows above its
            cells), so that a row's line is the file's own.
    """

    head: list[list[str | None]]
    encoding: str = ""
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    """Every sheet of the workbook (for a message naming the others)."""
    text: str | None = None
    separator: str = ","
    frame: pl.DataFrame | None = None
    offset: int = 0
    starts: tuple[int, ...] = ()
    """The line each row of `head` starts on, and the line after the last (a text table's)."""
    digest: Digest = dataclasses.field(default_factory=lambda: Digest(b""))
    """The digest of the bytes read (what the rows come from: the file may change after), worked
    out in a thread meanwhile: see :attr:`sha256`."""
    utf8: bytes | None = None
    """The file's bytes where they are `text` in UTF-8 as it stands (Polars reads them as they
    are: a panel's 80 MB are not encoded again)."""
    cells: SheetCells | None = None
    """A workbook sheet's cells (its numbers as the cells hold them)."""

    @property
    def sha256(self) -> str:
        """The digest of the bytes read (SHA-256, hex)."""
        return self.digest()

    def line_of(self, row: int) -> int:
        """The line (0-based, as the file's line breaks count) a row of a text table starts on."""
        return self.starts[row] if row < len(self.starts) else row

    def first_line(self, skip: int) -> int:
        """The file's own number (1-based, as a spreadsheet counts) of the row after `skip`."""
        return self.offset + skip + 1

    def body(self, skip: int, width: int, *, numbers: Sequence[int] = ()) -> pl.DataFrame:
        """The rows after the first `skip`, as `width` columns (:meth:`read_body`'s frame)."""
        return self.read_body(skip, width, numbers=numbers)[0]

    def read_body(self, skip: int, width: int, *, numbers: Sequence[int] = ()) -> tuple[pl.DataFrame, int]:
        """The rows after the first `skip`, as `width` columns ``column_0`` … of text (a row with
        fewer cells gets blanks), and how many rows have cells past the last of them (left out,
        and said so by the caller).

        Args:
            skip: The rows before the body (title rows, the header).
            width: The columns (the header's).
            numbers: The columns read as numbers (Float64) as the file is parsed (a column of
                numbers is parsed once, not read as text and cast); where a cell of one is not a
                number, every column is read as text (a workbook's: that column).

        Raises:
            InvalidValue: The rows cannot be read as a table (an unbalanced quote …).
        """
        found = self._parsed(skip, width, numbers)
        self.digest.start()  # (parsing took both cores: the digest is worked out now)
        df = found.rename({c: f"column_{i}" for i, c in enumerate(found.columns)})  # (a header may be ^.*$)
        beyond = df.columns[width:]
        past = df.select(pl.any_horizontal(pl.col(beyond).is_not_null()).sum()).item() if beyond else 0
        df = df.select(df.columns[:width]) if df.width >= width else df
        missing = [pl.lit(None, pl.String).alias(f"column_{i}") for i in range(df.width, width)]
        return (df.with_columns(missing) if missing else df), int(past)

    def _parsed(self, skip: int, width: int, numbers: Sequence[int]) -> pl.DataFrame:
        found: pl.DataFrame | None = self.frame.slice(skip) if self.frame is not None else None
        if self.cells is not None:
            found = self.cells.body(skip, numbers=numbers)
        if found is None and numbers:
            found = self._read(skip, width, numbers)
        if found is None and self.frame is None:
            found = self._read(skip, width, ())
        if found is None:  # quotes Polars will not read: the lenient reader
            found = _lenient(self.whole_text(), skip, self.separator)
        return found

    def _bytes(self) -> bytes:
        return self.utf8 if self.utf8 is not None else self.whole_text().encode("utf-8")

    def whole_text(self) -> str:
        """The file's text (decoded here where it was kept as ASCII bytes)."""
        if self.text is not None:
            return self.text
        assert self.utf8 is not None
        return self.utf8.decode("ascii")

    def _read(self, skip: int, width: int, numbers: Sequence[int]) -> pl.DataFrame | None:
        """The body of a text table, from the file's bytes as they are: `width` columns and one
        more (a row's cells past the header's), `numbers` as Float64; None where Polars cannot
        read it so (a cell of `numbers` that is not a number, quotes it refuses)."""
        taken = set(numbers)
        schema = {f"column_{i}": pl.Float64 if i in taken else pl.String for i in range(width + 1)}
        try:
            return pl.read_csv(
                self._bytes(),
                has_header=False,
                schema=schema,
                skip_lines=self.line_of(skip),  # (lines, as the file's line breaks count them)
                separator=self.separator,
                truncate_ragged_lines=True,
                missing_columns="insert",  # a row with its last cells left off: blanks
                extra_columns="ignore",
            )
        except pl.exceptions.PolarsError:
            return None


_PLAIN_NUMBER = re.compile(PLAIN_NUMBER)
_CODE_LIKE = re.compile(r"^(\d{6}|\d{9}|\d{12})(\.0)?$")


def text_columns(headers: list[str]) -> list[int]:
    """The columns whose header names a unit, a place or the year: read as text, as written."""
    roles = [ROLES[r] for r in ("code", "name", "province", "prefecture", "year")]
    return [i for i, h in enumerate(headers) if any(r.search(split_unit(h)[0]) for r in roles)]


def number_columns(rows: list[list[str | None]], headers: list[str]) -> list[int]:
    """The columns worth parsing as numbers as a file is read: every cell of them in `rows` (the
    first rows of the body) a plain number, none of them a code, and a header that names no
    unit, place or year (those are read as text)."""
    text = set(text_columns(headers))
    found = []
    for i, _ in enumerate(headers):
        if i in text:
            continue
        cells = [c for r in rows if i < len(r) and (c := r[i])]
        if cells and all(_PLAIN_NUMBER.match(c) and not _CODE_LIKE.match(c) for c in cells):
            found.append(i)
    return found


def _lenient(text: str, skip: int, separator: str) -> pl.DataFrame:
    """The rows after the first `skip`, read by Python's csv module, which takes what Polars
    refuses (a quote inside a field, ``"y")``) as it stands.

    Raises:
        InvalidValue: Not even so (a field past the csv module's limit: an unbalanced quote).
    """
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))[skip:]
    except csv.Error as exc:
        raise InvalidValue(
            f"the rows cannot be read as a table ({clip(str(exc), 80)}): an unbalanced quote?"
        ) from exc
    width = max((len(r) for r in rows), default=0)
    columns = {
        f"column_{i}": [r[i] if i < len(r) and r[i] != "" else None for r in rows] for i in range(width)
    }
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` where the bytes look like text in it (the zero bytes of its
    ASCII characters all on one side of each pair, and many of them), else None."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even + odd < max(4, len(head) // 10):
        return None
    if even * 9 <= odd:
        return "utf-16-le"
    if odd * 9 <= even:
        return "utf-16-be"
    return None


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV/TSV and its encoding: UTF-8 (a BOM is dropped), else GB18030 (which
    reads GBK too); `encoding` forces one.

    Raises:
        InvalidValue: The bytes are not text in that encoding (or in either, when detecting).
    """
    utf16 = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) and b"\x00\x00" not in data[:4096]
    if utf16 and (encoding or "utf-16").lower().startswith("utf-16"):
        try:  # Excel's "Unicode text": UTF-16 with its byte-order mark
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InvalidValue(f"the file is not text in utf-16 (its byte {exc.start} is not)") from None
    if b"\x00" in data[:4096]:
        if (encoding or "").lower().replace("_", "-").startswith("utf-16"):
            try:
                return data.decode(encoding or "utf-16"), encoding or "utf-16"
            except UnicodeDecodeError as exc:
                raise InvalidValue(
                    f"the file is not text in {encoding} (its byte {exc.start} is not)"
                ) from None
        utf16_order = _utf16_without_bom(data[:4096])
        raise InvalidValue(
            "the file is binary, not a table of text (CSV/TSV), XLSX or Parquet"
            + (
                f" (it looks like text in UTF-16 without its byte-order mark: give the encoding {utf16_order})"
                if utf16_order
                else ""
            )
        )
    if encoding:
        try:  # a text encoding: rot13, hex, base64, zlib … are codecs of bytes, not of text
            codecs.lookup(encoding)
            "".encode(encoding).decode(encoding)
            b"a".decode(encoding)
        except (LookupError, UnicodeError, TypeError, ValueError):
            raise InvalidValue(
                f"unknown encoding {clip(encoding, 24)!r}; files are read as utf-8, gbk or gb18030",
                field="encoding",
            ) from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise InvalidValue(
                f"the file is not text in {encoding}: its byte {exc.start:,} is not (leave the encoding out "
                "to have it found)"
            ) from None
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mixed = _utf8_line_after(data, first_bad)
    if mixed:
        raise InvalidValue(
            f"the file mixes encodings: its line {mixed[0]} is not UTF-8 but its line {mixed[1]} is; "
            "save it in one encoding"
        )
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InvalidValue("the file's text is neither UTF-8 nor GBK/GB18030; give its encoding") from None


def _utf8_line_after(data: bytes, bad: int) -> tuple[int, int] | None:
    """Where a file that is not UTF-8 as a whole has a line that is, in Chinese, after (or
    before) the first line that is not: (that line, the UTF-8 line), both 1-based; else None."""
    lines = data.split(b"\n")
    gbk_line = data.count(b"\n", 0, bad) + 1
    for i, line in enumerate(lines, 1):
        if i == gbk_line or line.isascii():
            continue
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if any("\u3400" <= ch <= "\u9fff" for ch in decoded):
            return gbk_line, i
    return None


def read_raw(path: Path, *, sheet: str | None = None, encoding: str | None = None) -> RawTable:
    """Reads a file's cells as text.

    Raises:
        InvalidValue: The file is empty, binary, of a kind not read, or the sheet is missing.
    """
    suffix = path.suffix.lower()
    shown = clip(str(path), 100)  # as given: a missing folder shows
    try:
        if not path.is_file():  # /dev/zero, a pipe, a folder: no table to read, and no end
            what = "a folder" if path.is_dir() else "not a regular file" if path.exists() else None
            if what is None:
                raise FileNotFoundError(2, "No such file or directory")
            raise InvalidValue(f"cannot read {shown}: {what}")
        if path.stat().st_size > MAX_BYTES:
            raise InvalidValue(f"{shown} is larger than {MAX_BYTES // 2**30} GB: not a table to import")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidValue(f"cannot read {shown}: {exc.strerror or exc}") from exc
    if not data or data.isspace():
        raise InvalidValue(f"{shown} is empty")
    digest = Digest(data)  # (a text table's: worked out once its rows are parsed)
    if encoding and suffix not in TEXT_SUFFIXES:
        raise InvalidValue(
            f"{shown} is not a CSV/TSV: an encoding is for text files (a workbook says its own)",
            field="encoding",
        )
    if sheet is not None and suffix not in EXCEL_SUFFIXES:
        raise InvalidValue(f"{shown} has no sheets: a sheet is for a workbook (.xlsx)", field="sheet")
    if suffix in TEXT_SUFFIXES:
        # ASCII is UTF-8 as it stands: checked as bytes, decoded only where read (a panel's 80 MB
        # are neither decoded nor copied)
        plain = encoding is None and data.isascii() and b"\r" not in data and b"\x00" not in data[:4096]
        text: str | None = None
        if plain:
            found = "utf-8"
            ends = [-1, *islice(_newlines(data), 64)]  # the first lines' lengths, from where they end
            longest = max(b - a - 1 for a, b in pairwise([*ends, len(data)] if len(ends) <= 64 else ends))
            quotes = data.count(b'"') if b'"' in data else 0  # (a search stops at the first)
            start = data[:8192].decode("ascii")
        else:
            text, found = decode(data, encoding)
            if "\r" in text:  # a lone CR, mixed endings: one kind
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            longest = max((len(line) for line in text[: 4 * MAX_LINE].split("\n", 64)[:64]), default=0)
            quotes = text.count('"')
            start = text[:8192]
        if longest > MAX_LINE:
            raise InvalidValue(f"{shown} has a line of more than {MAX_LINE:,} characters: not a table")
        separator = _separator(start, TEXT_SUFFIXES[suffix])
        if quotes % 2:
            whole = text if text is not None else data.decode("ascii")
            line = next(i for i, t in enumerate(whole.split("\n"), 1) if t.count('"') % 2)
            raise InvalidValue(
                f'{shown} has an unbalanced quote: the " on line {line} opens a cell that never closes'
            )
        try:
            head, starts = _head(text if text is not None else data, separator)
        except csv.Error as exc:
            raise InvalidValue(f"{shown} cannot be read as a table ({clip(str(exc), 80)})") from exc
        if not any(any(r) for r in head):
            raise InvalidValue(f"{path.name} has no cells")
        same = plain or (found == "utf-8" and not data.startswith(codecs.BOM_UTF8) and b"\r" not in data)
        return RawTable(
            head,
            found,
            text=text,
            separator=separator,
            digest=digest,
            utf8=data if same else None,
            starts=starts,
        )
    if suffix in EXCEL_SUFFIXES:
        digest.start()  # (meanwhile: the sheet's rows were read outside Python's lock already)
        return dataclasses.replace(_excel(path, sheet, data), digest=digest)
    if suffix == ".parquet":
        try:
            df = pl.read_parquet(io.BytesIO(data))
        except Exception as exc:  # polars raises several kinds for a damaged file
            raise InvalidValue(f"{path.name} is not a readable Parquet file") from exc
        frame = pl.concat(
            [
                pl.DataFrame([list(df.columns)], schema=[(c, pl.String) for c in df.columns], orient="row"),
                df.select(_as_text(c, t) for c, t in df.schema.items()),
            ]
        )
        digest.start()
        return RawTable(text_rows(frame.head(PEEK)), frame=frame, digest=digest)
    raise InvalidValue(
        f"cannot read {path.name}: baiqiang reads .csv, .tsv, .xlsx, .xls and .parquet",
        field="file",
    )


class Digest:
    """The SHA-256 (hex) of the bytes read, worked out in a thread where they are large (hashing
    lets go of Python's lock) once :meth:`start` is called — after a text table's rows are parsed,
    which takes both cores — or where it is asked for (call it)."""

    def __init__(self, data: bytes) -> None:
        self._data: bytes | None = data
        self._done = ""
        self._worker: threading.Thread | None = None

    def start(self) -> None:
        """Starts working it out, in a thread of its own where the bytes are large."""
        data = self._data
        if data is None or self._worker is not None:
            return
        if len(data) < 1 << 20:
            self._finish(data)
            return
        self._worker = threading.Thread(target=self._finish, args=(data,), daemon=True)
        self._worker.start()

    def _finish(self, data: bytes) -> None:
        self._done = hashlib.sha256(data).hexdigest()
        self._data = None

    def __call__(self) -> str:
        self.start()
        if self._worker is not None:
            self._worker.join()
        return self._done


def _head(source: str | bytes, separator: str) -> tuple[list[list[str | None]], tuple[int, ...]]:
    """The first :data:`PEEK` rows of a text table (its text, or its bytes where they are
    ASCII), read from the lines they can be on (a panel's 80 MB are not copied into a reader for
    forty rows), and the line each of them starts on (a cell may hold line breaks: a title's).

    Raises:
        csv.Error: The rows cannot be read.
    """
    ends = [i for i, _ in zip(_newlines(source), range(8 * PEEK), strict=False)]  # lines to spare
    cut = source if len(ends) < 8 * PEEK else source[: ends[-1] + 1]
    if csv.field_size_limit() < MAX_LINE:  # a cell as long as a line may be (Polars reads it so)
        csv.field_size_limit(MAX_LINE)
    while True:
        part = cut if isinstance(cut, str) else cut.decode("ascii")
        reader = csv.reader(io.StringIO(part, newline=""), delimiter=separator)
        rows: list[list[str | None]] = []
        starts = [0]
        try:  # a row after the forty: they are whole (else all of the text)
            for _, r in zip(range(PEEK + 1), reader, strict=False):
                rows.append([c if c.strip() else None for c in r])
                starts.append(reader.line_num)
        except csv.Error:
            if len(cut) == len(source):
                raise
            rows = []
        if len(rows) > PEEK or len(cut) == len(source):
            return rows[:PEEK], tuple(starts[: PEEK + 1])
        cut = source


def _newlines(source: str | bytes) -> Iterator[int]:
    """Where each newline of a text (or its bytes) is."""
    at = -1
    while True:
        at = source.find("\n", at + 1) if isinstance(source, str) else source.find(b"\n", at + 1)
        if at < 0:
            return
        yield at


def _separator(text: str, default: str) -> str:
    """The separator of a text table: a tab, a comma, or a semicolon (Excel's CSV where the
    comma is the decimal mark), by what the first lines hold most consistently."""
    lines = [line for line in text[:8192].splitlines()[:20] if line.strip()]
    if default == "\t" and any("\t" in line for line in lines):
        return "\t"

    def steady(sep: str) -> int:  # the fewest times a line holds it (a table's lines all do)
        return min((line.count(sep) for line in lines), default=0)

    counts = {sep: steady(sep) for sep in ("\t", ",", ";")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    if counts[best] == 0:  # no line holds one throughout: the most in all
        totals = {sep: sum(line.count(sep) for line in lines) for sep in counts}
        best = max(totals, key=lambda sep: (totals[sep], sep == ","))
    return best


def _excel(path: Path, sheet: str | None, data: bytes) -> RawTable:
    try:  # blank rows kept (a row's line is the sheet's own)
        found = workbook.opened(path, sheet, data)
    except workbook.NoSheets:
        raise InvalidValue(f"{path.name} has no sheets") from None
    except workbook.NoSuchSheet as exc:
        raise InvalidValue(f"{path.name} has no sheet {sheet!r}", [], exc.sheets, field="sheet") from None
    except sheetxml.SheetTooLarge as exc:
        raise InvalidValue(f"{clip(path.name, 60)} is too large to import: {clip(str(exc), 120)}") from None
    except workbook.SheetUnreadable as exc:
        raise InvalidValue(f"cannot read sheet {clip(str(exc), 40)!r} of {clip(path.name, 60)}") from exc
    except Exception as exc:  # not a workbook, or a damaged one
        raise InvalidValue(f"{clip(path.name, 60)} is not a readable workbook (.xlsx or .xls)") from exc
    chosen, sheets = found.chosen, found.sheets
    try:
        read = sheet_cells(found, PEEK, BLANK_MARKS)
    except Exception as exc:
        raise InvalidValue(f"cannot read sheet {clip(chosen, 40)!r} of {clip(path.name, 60)}") from exc
    if not read.head:
        raise InvalidValue(f"sheet {clip(chosen, 40)!r} of {clip(path.name, 60)} is empty")
    return RawTable(read.head, sheet=chosen, cells=read, offset=read.origin, sheets=tuple(sheets))


def clean(text: str | None) -> str:
    """A header or name cell made comparable: full-width forms to ASCII, blanks trimmed."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _squeeze(text: str | None) -> str:
    """A header cell as written, without its spaces (ideographic ones too)."""
    return re.sub(r"\s+", "", text or "")


_YEAR_IN_BRACKETS = re.compile(r"^(?:19|20)\d{2}(?:年(?:末|底|度)?)?$")
_NOT_A_UNIT = re.compile(
    r"[\d+=*@<>^]|^(男|女|城镇|乡村|城市|农村|合计|小计|总计|其中|全部|常住|户籍|人|其他)$"
)
"""What brackets hold that is not a unit: digits and operators (0岁（男）, =SUM(1+2)), a qualifier."""


def split_header(header: str) -> tuple[str, str, int | None]:
    """A header's name, its unit and its year, from brackets at its end: ``地区生产总值（亿元）`` →
    (地区生产总值, 亿元, None); ``GDP（2023）`` → (GDP, "", 2023); ``人口（万人）（2020年）`` → (人口,
    万人, 2020). Brackets that hold neither (``0岁（男）``, ``=SUM(1+2)``) stay in the name; a
    trailing % is a unit too."""
    name, unit, year = header.strip(), "", None
    while True:
        found = _UNIT.match(name)
        if not found or not found["name"]:
            break
        inside = found["unit"].strip()
        if year is None and _YEAR_IN_BRACKETS.match(inside):
            year = int(inside[:4])
        elif not unit and inside and not _NOT_A_UNIT.search(inside) and len(inside) <= 12:
            unit = inside
        else:
            break
        name = found["name"].strip()
    if not unit and name.endswith("%") and len(name) > 1:
        name, unit = name[:-1].strip(), "%"
    return name, unit, year


def split_unit(header: str) -> tuple[str, str]:
    """A header's name and unit (:func:`split_header` without the year)."""
    name, unit, _ = split_header(header)
    return name, unit


def _is_number(text: str) -> bool:
    t = clean(text).replace(",", "").removesuffix("%")
    try:
        float(t)
    except ValueError:
        return False
    return True


def header_of(raw: RawTable) -> int:
    """:func:`find_header` of a table read, naming the sheet and the others where it fails."""
    try:
        return find_header(raw.head)
    except InvalidValue as exc:
        if raw.sheet is None or len(raw.sheets) < 2:
            raise
        others = ", ".join(clip(s, 24) for s in raw.sheets if s != raw.sheet)
        raise InvalidValue(
            f"no header row found in the sheet {clip(raw.sheet, 24)!r}; the workbook also has {others} "
            "(choose one with the sheet option)",
            field="sheet",
        ) from exc


def find_header(rows: list[list[str | None]]) -> int:
    """The index of the header row among the first rows: the first row that names at least two
    columns, mostly with words (not numbers), and at least half as many as the widest row has
    cells; title rows (one merged cell, 单位：亿元) above it are skipped.

    Raises:
        InvalidValue: No row looks like a header.
    """
    widest = max((sum(1 for c in r if c and c.strip()) for r in rows), default=0)
    for i, row in enumerate(rows):
        filled = [c for c in row if c and c.strip()]
        words = [c for c in filled if not _is_number(c)]
        if len(filled) >= 2 and len(words) * 2 > len(filled) and len(filled) * 2 >= widest:
            return i
    raise InvalidValue("no header row found: the file needs a row of column names above its rows")


def header_names(rows: list[list[str | None]], start: int, count: int) -> list[str]:
    """The column names from `count` header rows: a merged group cell (written once, over the
    blanks to its right) is carried over its sub-columns and joined to each of them."""
    width = max(len(r) for r in rows[start : start + count])
    names = [""] * width
    for r in rows[start : start + count]:
        carried = ""
        for i in range(width):
            cell = _squeeze(r[i]) if i < len(r) else ""
            if count > 1 and r is rows[start]:  # the group row: carried over blanks to the right
                carried = cell or (carried if i and _group_continues(rows, start, i) else "")
                cell = carried
            if cell and cell != names[i]:
                names[i] = _join(names[i], cell)
    return names


def _group_continues(rows: list[list[str | None]], start: int, i: int) -> bool:
    """Whether a blank in the group row belongs to the merged cell at its left (its sub-row has
    a cell there)."""
    below = rows[start + 1]
    return i < len(below) and bool(_squeeze(below[i]))


def _join(group: str, sub: str) -> str:
    if not group:
        return sub
    name, unit = split_unit(group)
    sub_name, sub_unit = split_unit(sub)
    joined = name + sub_name if _han(name[-1:]) and _han(sub_name[:1]) else f"{name} {sub_name}"
    unit = sub_unit or unit
    return f"{joined}（{unit}）" if unit else joined


def _han(text: str) -> bool:
    return bool(text) and "\u3400" <= text <= "\u9fff"


def _as_text(column: str, dtype: pl.DataType) -> pl.Expr:
    """A Parquet column as text: a nested value (a list, a struct) or bytes is no number, and
    reads as a mark of what it is (then left out, and said so)."""
    if dtype.is_nested() or dtype in (pl.Binary, pl.Object):
        return pl.when(pl.col(column).is_not_null()).then(pl.lit(f"({dtype.base_type()})")).alias(column)
    return pl.col(column).cast(pl.String)


def numbers(column: str) -> pl.Expr:
    """A text column as numbers: full-width digits, the minus sign (−7), spaces, a trailing % and
    thousands separators where they belong (1,234,567) undone; blanks, marks (—, N/A, --) and
    whatever is not a finite number (1,2,3; inf; nan; 1e400) null. Values stay in their unit."""
    text = (
        pl.col(column)
        .str.replace_many(list(_FULL_WIDTH), list(_FULL_WIDTH.values()))
        .str.replace_all(r"[\s\u3000]", "")
        .str.strip_suffix("%")
    )
    text = pl.when(text.str.contains(_THOUSANDS)).then(text.str.replace_all(",", "")).otherwise(text)
    return finite(text.cast(pl.Float64, strict=False))


def finite(value: pl.Expr) -> pl.Expr:
    """A number, or null where it is infinite or not a number (inf, nan, 1e400 read as inf)."""
    return pl.when(value.is_finite()).then(value).otherwise(None)


def table_unit(rows: list[list[str | None]]) -> str:
    """The unit a row above a table gives every column (单位：亿元), or ""."""
    for row in rows:
        for cell in row:
            found = _UNIT_ROW.match(clean(cell)) if cell else None
            if found:
                return found["unit"].strip("（）()")
    return ""


def blank(column: str) -> pl.Expr:
    """True where a text cell is blank or one of the blank marks (—, -, …, N/A)."""
    text = pl.col(column).str.replace_all(r"[\s\u3000]", "")
    return text.is_null() | text.is_in(BLANK_MARKS)
