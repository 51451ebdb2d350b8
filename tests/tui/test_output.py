"""tui.output: format choice, encodings and atomic writes."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tui.output import OutputError, choose_format, encode, write_file


def test_choose_format() -> None:
    assert choose_format(None, None, stdout_is_tty=True) == "table"
    assert choose_format(None, None, stdout_is_tty=False) == "csv"
    assert choose_format(None, Path("a.xlsx"), stdout_is_tty=True) == "xlsx"
    assert choose_format(None, Path("a.jsonl"), stdout_is_tty=True) == "ndjson"
    assert choose_format("tsv", Path("a.csv"), stdout_is_tty=True) == "tsv"
    with pytest.raises(OutputError, match="binary"):
        choose_format("parquet", None, stdout_is_tty=True)


def test_encode_lists_and_bom() -> None:
    df = pl.DataFrame({"a": ["昆山市"], "b": [["x", "y"]]})
    assert encode(df, "csv", bom=True) == "\ufeffa,b\n昆山市,x、y\n".encode()
    assert (
        encode(df, "json")
        == '[\n  {\n    "a": "昆山市",\n    "b": [\n      "x",\n      "y"\n    ]\n  }\n]\n'.encode()
    )


def test_write_file_refuses_and_forces(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    write_file(p, b"one", force=False)
    with pytest.raises(OutputError, match="exists"):
        write_file(p, b"two", force=False)
    assert p.read_bytes() == b"one"
    write_file(p, b"two", force=True)
    assert p.read_bytes() == b"two"
    with pytest.raises(OutputError, match="directory"):
        write_file(tmp_path, b"x", force=True)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.txt"]
