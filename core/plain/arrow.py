"""A dataset's ``values.arrow`` read without Polars: where each column's numbers lie, and which
unit a row is, as the Arrow IPC file format fixes them
(https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format).

The file's headers are FlatBuffers tables; only what is needed is read — the footer's schema
(each field's name and type) and record batch blocks, and each batch's row count, field nodes
(length, nulls) and buffers (offset, length) — and every offset is checked to lie inside what
it points into, and the buffers to follow one another as a writer lays them (Polars, as every
Arrow writer, pads each to a multiple of 8 or 64 bytes), so that a damaged or hostile file is
refused (:class:`NotArrow`), never read past or trusted. A file in the other byte order than
this machine's is refused too: Polars writes this machine's, so one is no file of ours. The values of a dataset are its year (32-bit integers), its columns (64-bit
floats) and its adcode (text), in that order (:func:`values_layout`).
"""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass
from typing import BinaryIO

MAGIC = b"ARROW1"
RECORD_BATCH = 3
"""The ``MessageHeader`` union's number for a record batch."""
_INT, _FLOAT, _UTF8, _LARGE_UTF8, _UTF8_VIEW = 2, 3, 5, 20, 24
"""The ``Type`` union's numbers of the types a dataset's values have."""
_DOUBLE = 2
_MOST = 1 << 20
"""The most fields, batches or buffers a header may list (a dataset has a few hundred)."""


class NotArrow(ValueError):
    """A file that is not an uncompressed Arrow IPC file of a dataset's values."""


@dataclass(frozen=True)
class Field:
    """A field of the schema: its name and type (``int32``, ``float64``, ``utf8``,
    ``large_utf8``, ``utf8_view``, or ``other``)."""

    name: str
    kind: str


@dataclass(frozen=True)
class Batch:
    """One record batch: its rows, and per field its nulls and its buffers, each as (where in the
    file, bytes)."""

    rows: int
    nulls: tuple[int, ...]
    buffers: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Layout:
    """What an Arrow IPC file's headers say: its byte order, size, fields and record batches."""

    byteorder: str
    size: int
    fields: tuple[Field, ...]
    batches: tuple[Batch, ...]

    @property
    def rows(self) -> int:
        """Its rows, in every batch."""
        return sum(b.rows for b in self.batches)

    def filled(self) -> list[int]:
        """How many values each field between the first and the last has (a dataset's columns,
        between its year and its adcode): its rows less its blanks."""
        return [self.rows - sum(b.nulls[k] for b in self.batches) for k in range(1, len(self.fields) - 1)]


class _Table:
    """A FlatBuffers table of `buf` at `pos` (little-endian, as the format has it)."""

    def __init__(self, buf: bytes, pos: int) -> None:
        self.buf, self.pos = buf, pos
        self.vtable = pos - _unpack("<i", buf, pos)
        self.vtable_size = _unpack("<H", buf, self.vtable)

    def _field(self, i: int) -> int:
        at = 4 + 2 * i
        return 0 if at >= self.vtable_size else _unpack("<H", self.buf, self.vtable + at)

    def scalar(self, i: int, fmt: str) -> int:
        off = self._field(i)
        return 0 if not off else _unpack("<" + fmt, self.buf, self.pos + off)

    def _target(self, i: int) -> int | None:
        off = self._field(i)
        return None if not off else self.pos + off + _unpack("<I", self.buf, self.pos + off)

    def table(self, i: int) -> _Table | None:
        at = self._target(i)
        return None if at is None else _Table(self.buf, at)

    def _vector(self, i: int, size: int) -> tuple[int, int]:
        at = self._target(i)
        if at is None:
            return 0, 0
        count = _unpack("<I", self.buf, at)
        if count > _MOST or at + 4 + count * size > len(self.buf):
            raise NotArrow("a vector runs past its header")
        return at + 4, count

    def structs(self, i: int, fmt: str) -> list[tuple[int, ...]]:
        size = struct.calcsize("<" + fmt)
        at, count = self._vector(i, size)
        return [struct.unpack_from("<" + fmt, self.buf, at + k * size) for k in range(count)]

    def tables(self, i: int) -> list[_Table]:
        at, count = self._vector(i, 4)
        return [_Table(self.buf, at + 4 * k + _unpack("<I", self.buf, at + 4 * k)) for k in range(count)]

    def text(self, i: int) -> str:
        at = self._target(i)
        if at is None:
            return ""
        size = _unpack("<I", self.buf, at)
        if at + 4 + size > len(self.buf):
            raise NotArrow("a name runs past its header")
        try:
            return self.buf[at + 4 : at + 4 + size].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotArrow("a name is not UTF-8") from exc


def _one_after_another(placed: list[tuple[int, ...]], body: int, align: int) -> bool:
    """Whether a record batch's buffers lie one after the other from its body's start, each
    where the one before ends, padded to `align` bytes (as Polars writes them: 64; Arrow's
    least, 8), and end where the body ends: a buffer moved by a byte is not where it must be."""
    end = 0
    for at, length in placed:
        if length < 0 or at != -(-end // align) * align:
            return False
        end = at + length
    return -(-end // align) * align == body or end == body


def _unpack(fmt: str, buf: bytes, at: int) -> int:
    if at < 0 or at + struct.calcsize(fmt) > len(buf):
        raise NotArrow("a header points outside itself")
    value: int = struct.unpack_from(fmt, buf, at)[0]
    return value


def _kind(field: _Table) -> str:
    if field.table(4) is not None:  # dictionary-encoded
        return "other"
    kind, spec = field.scalar(2, "B"), field.table(3)
    if kind == _INT and spec is not None and spec.scalar(0, "i") == 32 and spec.scalar(1, "?"):
        return "int32"
    if kind == _FLOAT and spec is not None and spec.scalar(0, "h") == _DOUBLE:
        return "float64"
    return {_UTF8: "utf8", _LARGE_UTF8: "large_utf8", _UTF8_VIEW: "utf8_view"}.get(kind, "other")


def read_layout(fh: BinaryIO) -> Layout:
    """What the headers of an Arrow IPC file open for reading say.

    Raises:
        NotArrow: It is not an uncompressed Arrow IPC file, or its headers do not fit in it.
    """
    size = fh.seek(0, 2)
    if size < 18:
        raise NotArrow("too short for an Arrow file")
    fh.seek(0)
    head = fh.read(6)
    fh.seek(size - 10)
    tail = fh.read(10)
    if head != MAGIC or tail[4:] != MAGIC:
        raise NotArrow("not an Arrow IPC file")
    footer_size = _unpack("<i", tail, 0)
    if not 0 < footer_size <= size - 18:
        raise NotArrow("its footer does not fit in it")
    fh.seek(size - 10 - footer_size)
    buf = fh.read(footer_size)
    footer = _Table(buf, _unpack("<I", buf, 0))
    schema = footer.table(1)
    if schema is None:
        raise NotArrow("it has no schema")
    if footer.structs(2, "qi4xq"):  # (Polars writes none for these types)
        raise NotArrow("it has dictionary batches")
    found = schema.tables(1)
    for table in [schema, *found]:  # what a reader may look at besides: metadata, children
        for pair in table.tables(2 if table is schema else 6):
            pair.text(0), pair.text(1)
    if any(f.tables(5) for f in found):
        raise NotArrow("a field has children")
    fields = tuple(Field(f.text(0), _kind(f)) for f in found)
    batches = []
    blocks = footer.structs(3, "qi4xq")  # Block: offset, metaDataLength, bodyLength
    ends = [offset + meta_size + body_size for offset, meta_size, body_size in blocks]
    footer_at = size - 10 - footer_size
    # one after the other, the last followed by the footer (after the stream's end marker): a
    # block that says it is elsewhere, or of another length, is not where a writer put it
    if blocks and (
        any(blocks[k + 1][0] != ends[k] for k in range(len(blocks) - 1)) or footer_at - ends[-1] not in (0, 8)
    ):
        raise NotArrow("its record batches do not follow one another")
    for offset, meta_size, body_size in blocks:
        if offset < 8 or meta_size < 8 or body_size < 0 or offset + meta_size + body_size > footer_at:
            raise NotArrow("a record batch lies outside the file")
        fh.seek(offset)
        meta = fh.read(meta_size)
        if meta[:4] != b"\xff\xff\xff\xff" or 8 + _unpack("<i", meta, 4) != meta_size:
            raise NotArrow("a record batch's header is not the length its block says")
        message = _Table(meta, 8 + _unpack("<I", meta, 8))
        batch = message.table(2)
        if message.scalar(1, "B") != RECORD_BATCH or batch is None or message.scalar(3, "q") != body_size:
            raise NotArrow("a block that is not a record batch")
        if batch.table(3) is not None:
            raise NotArrow("its record batches are compressed")
        body = offset + meta_size
        placed = batch.structs(2, "qq")
        if not any(_one_after_another(placed, body_size, align) for align in (64, 8)):
            raise NotArrow("its buffers do not follow one another")
        buffers = tuple((body + at, length) for at, length in placed)
        rows = batch.scalar(0, "q")
        nodes = batch.structs(1, "qq")
        if rows < 0 or len(nodes) != len(fields) or any(n != rows or not 0 <= k <= rows for n, k in nodes):
            raise NotArrow("a record batch's fields do not have its rows")
        batches.append(Batch(rows, tuple(k for _, k in nodes), buffers))
    return Layout("big" if schema.scalar(0, "h") == 1 else "little", size, fields, tuple(batches))


_SIZES = {"int32": 4, "float64": 8}


def values_layout(fh: BinaryIO, columns: list[str]) -> Layout:
    """The layout of a dataset's ``values.arrow`` (:func:`read_layout`), checked to be its
    values: the year (32-bit integers), `columns` (64-bit floats), the adcode (text), every
    buffer as long as its rows need.

    Raises:
        NotArrow: It is not.
    """
    layout = read_layout(fh)
    if layout.byteorder != sys.byteorder:  # (never written here: Polars writes this machine's)
        raise NotArrow(f"it is {layout.byteorder}-endian, this machine {sys.byteorder}-endian")
    want = ["year", *columns, "adcode"]
    if [f.name for f in layout.fields] != want:
        raise NotArrow("its fields are not the year, the dataset's columns and the adcode")
    kinds = [f.kind for f in layout.fields]
    if kinds[:-1] != ["int32", *(["float64"] * len(columns))] or kinds[-1] not in (
        "utf8",
        "large_utf8",
        "utf8_view",
    ):
        raise NotArrow("its fields are not of the types of a dataset's values")
    numbers = len(columns) + 1
    code = 2 if kinds[-1] == "utf8_view" else 3  # (blanks and views; blanks, offsets and text)
    for batch in layout.batches:
        if len(batch.buffers) < 2 * numbers + code:
            raise NotArrow("a record batch has too few buffers")
        for k, kind in enumerate(kinds):
            (_, bits), (_, data) = batch.buffers[2 * k], batch.buffers[2 * k + 1]
            if batch.nulls[k] and bits < (batch.rows + 7) // 8:
                raise NotArrow("a field's blanks are fewer than its rows")
            if data < batch.rows * _SIZES.get(kind, 0):
                raise NotArrow("a field's numbers are fewer than its rows")
    return layout


def unit_rows(fh: BinaryIO, layout: Layout, adcode: str) -> range:
    """The rows of a unit in a dataset's ``values.arrow`` (sorted by adcode), found by halves
    and checked: every row of the range is the unit's (empty where it has none).

    Raises:
        NotArrow: The rows found are not all the unit's (the file is not in adcode order).
    """
    rows = layout.rows

    def first(after: bool) -> int:  # the first row whose adcode is past (or at) `adcode`
        low, high = 0, rows
        while low < high:
            mid = (low + high) // 2
            code = adcodes(fh, layout, range(mid, mid + 1))[0] or ""
            if code < adcode or (after and code == adcode):
                low = mid + 1
            else:
                high = mid
        return low

    low, high = first(False), first(True)
    start = max(low - 1, 0)
    around = adcodes(fh, layout, range(start, min(high + 1, rows)))  # its rows, and one each side
    before = around[0] if low > 0 else ""  # ("" before every code, U+10FFFF after)
    after = around[-1] if high < rows else "\U0010ffff"
    if around[low - start : high - start] != [adcode] * (high - low) or not (before or "") < adcode < (
        after or ""
    ):
        raise NotArrow("its rows are not in adcode order")
    return range(low, high)


def adcodes(fh: BinaryIO, layout: Layout, rows: range) -> list[str | None]:
    """The adcodes of some rows of a dataset's ``values.arrow`` (None for a blank, or a code no
    county-level unit has: longer than twelve bytes)."""
    kind = layout.fields[-1].kind
    k = len(layout.fields) - 1
    out: list[str | None] = []
    start = 0
    for batch in layout.batches:
        low, high = max(rows.start, start) - start, min(rows.stop, start + batch.rows) - start
        start += batch.rows
        for row in range(low, high):
            if batch.nulls[k]:
                fh.seek(batch.buffers[2 * k][0] + row // 8)
                if not fh.read(1)[0] >> (row % 8) & 1:
                    out.append(None)
                    continue
            out.append(_code(fh, batch, 2 * k, row, kind))
    return out


def _code(fh: BinaryIO, batch: Batch, first: int, row: int, kind: str) -> str | None:
    at = batch.buffers[first + 1][0]
    if kind == "utf8_view":
        fh.seek(at + 16 * row)
        view = fh.read(16)
        size = struct.unpack_from("<i", view, 0)[0] if len(view) == 16 else -1
        text = view[4 : 4 + size] if 0 <= size <= 12 else None
    else:
        data, data_size = batch.buffers[first + 2]
        width = 8 if kind == "large_utf8" else 4
        fh.seek(at + width * row)
        ends = fh.read(2 * width)
        if len(ends) != 2 * width:
            return None
        low, high = struct.unpack("<qq" if width == 8 else "<ii", ends)
        if not 0 <= low <= high <= min(data_size, low + 12):
            return None
        fh.seek(data + low)
        text = fh.read(high - low)
    try:
        return None if text is None else text.decode("utf-8")
    except UnicodeDecodeError:
        return None
