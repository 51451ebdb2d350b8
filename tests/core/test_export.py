"""core.export: one table of formats, refused endings, atomic writes that never clobber."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.export import FORMATS, encode, format_of_path, write_bytes, write_frame
from baiqiang.core.plain.errors import LookupFailed, OutputError, TargetExists


def test_encode_lists_and_bom() -> None:
    df = pl.DataFrame({"a": ["昆山市"], "b": [["x", "y"]]})
    assert encode(df, "csv", bom=True) == "\ufeffa,b\n昆山市,x、y\n".encode()
    assert encode(df, "json", bom=True).startswith(b"[")  # a BOM only starts CSV/TSV
    assert (
        encode(df, "json")
        == '[\n  {\n    "a": "昆山市",\n    "b": [\n      "x",\n      "y"\n    ]\n  }\n]\n'.encode()
    )
    with pytest.raises(LookupFailed, match="unknown format 'xls'"):
        encode(df, "xls")


def test_every_format_round_trips_through_a_file(tmp_path: Path) -> None:
    df = pl.DataFrame({"rank": [1, 2], "name": ["昆山市", "江阴市"]})
    readers = {
        "csv": pl.read_csv,
        "tsv": lambda p: pl.read_csv(p, separator="\t"),
        "json": pl.read_json,
        "ndjson": pl.read_ndjson,
        "parquet": pl.read_parquet,
        "xlsx": None,
    }
    assert set(readers) == set(FORMATS)
    for name, spec in FORMATS.items():
        path = tmp_path / f"out{spec.extensions[0]}"
        assert write_frame(path, df, force=False) == name
        reader = readers[name]
        if reader is not None:
            assert reader(path).equals(df), name
        else:
            assert path.read_bytes()[:2] == b"PK"  # a zip: an xlsx workbook


@pytest.mark.parametrize("name", ["x.xls", "noext", "x.txt", "x.CSVX"])
def test_unknown_endings_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match="the endings written are"):
        format_of_path(tmp_path / name)
    assert format_of_path(Path("A.CSV")) == "csv" and format_of_path(Path("a.jsonl")) == "ndjson"


def test_write_refuses_and_forces(tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    write_bytes(p, b"one", force=False)
    with pytest.raises(TargetExists, match="exists"):
        write_bytes(p, b"two", force=False)
    assert p.read_bytes() == b"one"
    write_bytes(p, b"two", force=True)
    assert p.read_bytes() == b"two"
    with pytest.raises(OutputError, match="directory"):
        write_bytes(tmp_path, b"x", force=True)
    with pytest.raises(OutputError, match="no such directory"):
        write_bytes(tmp_path / "nowhere" / "f.csv", b"x", force=False)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.csv"]


def test_an_os_error_is_one_output_error(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 300 + ".csv")
    with pytest.raises(OutputError, match="cannot write .*name too long") as err:
        write_bytes(long, b"x", force=False)
    assert len(str(err.value)) < 200  # the name is not echoed whole
    assert list(tmp_path.iterdir()) == []


def test_a_spreadsheet_shows_every_decimal_a_value_has() -> None:
    """SYNTHETIC values. A column of floats gets the places its values need (0.0001 is not shown
    0.000, 3.14159 not 3.142: the cell's number was right, what a person read was not); a column
    of whole numbers none."""
    import io

    import openpyxl

    df = pl.DataFrame(
        {
            "r": [0.0001, 3.14159, 100.0],
            "p": [89.99, 100.0, None],
            "n": [1203, 760, 5681512],
            "w": [5000.0, 1.0, float("nan")],
        }
    )
    sheet = openpyxl.load_workbook(io.BytesIO(encode(df, "xlsx"))).active
    assert sheet is not None
    formats = {c.column_letter: c.number_format for c in sheet[2]}
    assert formats["A"] == "#,##0.00000" and formats["B"] == "#,##0.00" and formats["D"] == "#,##0"
    assert sheet["A2"].value == 0.0001 and sheet["C4"].value == 5681512
