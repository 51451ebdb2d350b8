"""Where each column's numbers lie in an Arrow IPC file (``values.arrow``, written by Polars):
read from the file's footer and its record batches' headers, as the Arrow columnar format fixes
them (https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format), so that ``show``
reads a unit's values at those places without Polars.

The headers are FlatBuffers tables; only what is needed is read: the footer's record batch
blocks, and each batch's row count, field nodes (length, nulls) and buffers (offset, length).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

MAGIC = b"ARROW1"
RECORD_BATCH = 3
"""The ``MessageHeader`` union's number for a record batch."""


class NotArrow(ValueError):
    """A file that is not an uncompressed Arrow IPC file of record batches."""


@dataclass(frozen=True)
class Batch:
    """One record batch: its rows, and per field its nulls and its buffers, each as (where in the
    file, bytes)."""

    rows: int
    nulls: tuple[int, ...]
    buffers: tuple[tuple[int, int], ...]


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

    def structs(self, i: int, fmt: str) -> list[tuple[int, ...]]:
        at = self._target(i)
        if at is None:
            return []
        size = struct.calcsize("<" + fmt)
        count = _unpack("<I", self.buf, at)
        if at + 4 + count * size > len(self.buf):
            raise NotArrow("a vector runs past its header")
        return [struct.unpack_from("<" + fmt, self.buf, at + 4 + k * size) for k in range(count)]


def _unpack(fmt: str, buf: bytes, at: int) -> int:
    if at < 0 or at + struct.calcsize(fmt) > len(buf):
        raise NotArrow("a header points outside itself")
    value: int = struct.unpack_from(fmt, buf, at)[0]
    return value


def record_batches(fh: BinaryIO) -> tuple[str, list[Batch]]:
    """The byte order and the record batches of an Arrow IPC file open for reading.

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
    big_endian = schema is not None and schema.scalar(0, "h") == 1
    found = []
    for offset, meta_size, body_size in footer.structs(
        3, "qi4xq"
    ):  # Block: offset, metaDataLength, bodyLength
        if offset < 0 or meta_size < 8 or offset + meta_size + body_size > size:
            raise NotArrow("a record batch lies outside the file")
        fh.seek(offset)
        meta = fh.read(meta_size)
        start = 8 if meta[:4] == b"\xff\xff\xff\xff" else 4  # (the continuation marker)
        message = _Table(meta, start + _unpack("<I", meta, start))
        batch = message.table(2)
        if message.scalar(1, "B") != RECORD_BATCH or batch is None:
            raise NotArrow("a block that is not a record batch")
        if batch.table(3) is not None:
            raise NotArrow("its record batches are compressed")
        body = offset + meta_size
        buffers = tuple((body + at, length) for at, length in batch.structs(2, "qq"))
        if any(at < body or length < 0 or at + length > body + body_size for at, length in buffers):
            raise NotArrow("a buffer lies outside its record batch")
        nulls = tuple(n for _, n in batch.structs(1, "qq"))
        found.append(Batch(batch.scalar(0, "q"), nulls, buffers))
    return ("big" if big_endian else "little"), found
