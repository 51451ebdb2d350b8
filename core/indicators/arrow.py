"""The bytes of a column of numbers as Polars holds them, through the Arrow C stream interface
(``__arrow_c_stream__``, the layout Apache Arrow fixes for every library): what the lookup file
``show`` reads is written from, without formatting 8.5 million numbers as text or copying them
into Python objects.
"""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import polars as pl


class _Schema(ctypes.Structure):
    pass


class _Array(ctypes.Structure):
    pass


class _Stream(ctypes.Structure):
    pass


_Schema._fields_ = [
    ("format", ctypes.c_char_p),
    ("name", ctypes.c_char_p),
    ("metadata", ctypes.c_char_p),
    ("flags", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("children", ctypes.c_void_p),
    ("dictionary", ctypes.c_void_p),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(_Schema))),
    ("private_data", ctypes.c_void_p),
]
_Array._fields_ = [
    ("length", ctypes.c_int64),
    ("null_count", ctypes.c_int64),
    ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)),
    ("children", ctypes.c_void_p),
    ("dictionary", ctypes.c_void_p),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(_Array))),
    ("private_data", ctypes.c_void_p),
]
_Stream._fields_ = [
    ("get_schema", ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Stream), ctypes.POINTER(_Schema))),
    ("get_next", ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_Stream), ctypes.POINTER(_Array))),
    ("get_last_error", ctypes.CFUNCTYPE(ctypes.c_char_p, ctypes.POINTER(_Stream))),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(_Stream))),
    ("private_data", ctypes.c_void_p),
]

_capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_pointer.restype = ctypes.c_void_p
_capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]


class NotFloats(ValueError):
    """A column that is not 64-bit floats without nulls, one buffer per chunk."""


def write_floats(series: pl.Series, out: BinaryIO) -> int:
    """Writes the values of a Float64 column without nulls to `out`, as native-endian 8-byte
    floats, chunk by chunk, from Polars' own memory (not copied first); returns the bytes
    written. The caller fills the nulls first (NaN).

    Raises:
        NotFloats: The column is of another type, holds nulls, or is laid out otherwise.
    """
    capsule = series.__arrow_c_stream__()  # its destructor releases the stream
    stream = _Stream.from_address(_capsule_pointer(capsule, b"arrow_array_stream"))
    schema = _Schema()
    if stream.get_schema(ctypes.byref(stream), ctypes.byref(schema)) != 0:
        raise NotFloats("the column has no schema")
    try:
        if schema.format != b"g":  # float64, in the Arrow format strings
            raise NotFloats(f"the column is not float64 (Arrow format {schema.format!r})")
    finally:
        if schema.release:
            schema.release(ctypes.byref(schema))
    written = 0
    while True:
        array = _Array()
        if stream.get_next(ctypes.byref(stream), ctypes.byref(array)) != 0:
            raise NotFloats("the column could not be read")
        if not array.release:  # the end of the stream
            return written
        try:
            if array.n_buffers != 2 or array.null_count != 0 or not array.buffers[1]:
                raise NotFloats("the column has nulls or another layout")
            start = array.buffers[1] + array.offset * 8
            if array.length:  # (written while the chunk is held: released just after)
                written += out.write((ctypes.c_char * (array.length * 8)).from_address(start))
        finally:
            array.release(ctypes.byref(array))
