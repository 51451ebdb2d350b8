"""Writes ``data/history.csv`` — every county-level (and higher) code of China since 1981, with the
years it was in use and the codes its territory went to, from the official code lists — and
``data/former_names.csv``, what each name and code no longer on today's map is now.

Usage::

    python -m baiqiang.core.build.history AREACODES/result.csv data/ [--force]

The source is ``result.csv`` of yescallop/areacodes (CC0 1.0): the Ministry of Civil Affairs'
year-end code lists since 1981 and the changes between them, compiled by that project (its
LICENSE is shipped beside the data as ``data/areacodes-LICENSE``). This script
renames its columns to English, keeps every row and value as they are (years as numbers), and
checks what the rest of the data relies on: the codes in use at the end of 2021 are exactly the
2,843 units of ``divisions.csv``. How the rows are read — what became of each code — is
:mod:`baiqiang.core.history`'s; ``former_names.csv`` is its reading of every retired name and code
(:func:`~baiqiang.core.history.former_rows`), written here so that a lookup need not derive it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

from baiqiang.core.build.extract import ExtractError, Outputs, run_writer

COLUMNS = {
    "代码": "code",
    "一级行政区": "province",
    "二级行政区": "prefecture",
    "名称": "name",
    "级别": "level",
    "状态": "status",
    "启用时间": "start",
    "变更/弃用时间": "end",
    "新代码": "successors",
}
"""The source's columns and their names here, in its order."""

LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}
STATUS = {"在用": "in use", "弃用": "abolished", "变更": "changed"}


def read_source(path: Path) -> pl.DataFrame:
    """The source's rows, renamed (codes and names as text, years as numbers).

    Raises:
        ExtractError: It is not the table this expects.
    """
    try:
        raw = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise ExtractError(f"cannot read {path}: {exc}") from exc
    raw = raw.rename({c: c.lstrip("\ufeff") for c in raw.columns})
    if list(raw.columns) != list(COLUMNS):
        raise ExtractError(f"{path} has the columns {raw.columns}, not {list(COLUMNS)}")
    out = raw.rename(COLUMNS).with_columns(
        pl.col("level").replace_strict(LEVELS),
        pl.col("status").replace_strict(STATUS),
        pl.col("start").cast(pl.Int64),
        pl.col("end").cast(pl.Int64),
        pl.col("prefecture").fill_null(""),
        pl.col("successors").fill_null(""),
    )
    return out.select(
        "code", "name", "level", "province", "prefecture", "status", "start", "end", "successors"
    )


def check(history: pl.DataFrame, divisions: pl.DataFrame) -> None:
    """The county-level codes in use at the end of 2021 are the units of ``divisions.csv``.

    Raises:
        ExtractError: They are not.
    """
    valid = history.filter(
        (pl.col("level") == "county")
        & (pl.col("start") <= 2021)
        & (pl.col("end").is_null() | (pl.col("end") > 2021))
    )
    codes, units = set(valid["code"]), set(divisions["adcode"])
    if codes != units or valid.height != len(codes):
        raise ExtractError(
            f"the codes in use at the end of 2021 differ from divisions.csv: "
            f"{sorted(codes - units)[:5]} not there, {sorted(units - codes)[:5]} not in use"
        )


FORMER_SCHEMA = {
    "former_code": pl.String,
    "former_name": pl.String,
    "adcode": pl.String,
    "name": pl.String,
    "fate": pl.String,
    "year": pl.Int64,
    "in_use": pl.String,
    "note": pl.String,
    "note_zh": pl.String,
}


def derive(source: Path, data_dir: Path) -> Outputs:
    """``history.csv`` from the source, checked against the divisions in `data_dir`, and
    ``former_names.csv`` from it."""
    import tempfile

    from baiqiang.core.build.sources import AREACODES
    from baiqiang.core.history import History, former_rows, read_records

    AREACODES.check(source)
    history = read_source(source)
    divisions = pl.read_csv(data_dir / "divisions.csv", infer_schema=False)
    check(history, divisions)
    with tempfile.TemporaryDirectory() as tmp:  # read back as the run time reads it
        written = Path(tmp) / "history.csv"
        history.write_csv(written)
        records = read_records(written)
    names = dict(zip(divisions["adcode"], divisions["name"], strict=True))
    former = pl.DataFrame(former_rows(History(records), names), schema=FORMER_SCHEMA)
    return {"history.csv": history, "former_names.csv": former}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m baiqiang.core.build.history RESULT.csv DATA_DIR [--force]``."""
    return run_writer(
        "history",
        argv,
        "python -m baiqiang.core.build.history AREACODES/result.csv DATA_DIR [--force]",
        2,
        lambda a: (derive(Path(a[0]), Path(a[1])), Path(a[1])),
    )


if __name__ == "__main__":
    sys.exit(main())
