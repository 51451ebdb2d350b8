"""tui.output: the format chosen for stdout or a file, and the text table both front ends write."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.plain.errors import LookupFailed, OutputError
from baiqiang.tui.output import choose_format, save


def test_choose_format() -> None:
    assert choose_format(None, None, stdout_is_tty=True) == "table"
    assert choose_format(None, None, stdout_is_tty=False) == "csv"
    assert choose_format(None, Path("a.xlsx"), stdout_is_tty=True) == "xlsx"
    assert choose_format(None, Path("a.jsonl"), stdout_is_tty=True) == "ndjson"
    assert choose_format(None, Path("a.txt"), stdout_is_tty=False) == "table"
    assert choose_format("tsv", Path("a.csv"), stdout_is_tty=True) == "tsv"
    with pytest.raises(OutputError, match="binary"):
        choose_format("parquet", None, stdout_is_tty=True)
    with pytest.raises(OutputError, match="'.xls'"):
        choose_format(None, Path("a.xls"), stdout_is_tty=False)
    with pytest.raises(LookupFailed, match="did you mean csv"):
        choose_format("cvs", None, stdout_is_tty=False)


def test_save_writes_a_text_table_for_txt(tmp_path: Path) -> None:
    df = pl.DataFrame({"rank": [1], "name": ["昆山市"]})
    assert save(df, tmp_path / "t.txt", force=False, title="demo") == "table"
    text = (tmp_path / "t.txt").read_text(encoding="utf-8")
    assert "昆山市" in text and "demo" in text and not any(line.endswith(" ") for line in text.splitlines())
    assert save(df, tmp_path / "t.csv", force=False) == "csv"
