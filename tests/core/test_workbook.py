"""Reading a workbook's sheet ahead: taken only for the same file, unchanged, and the same sheet;
what it raised is raised where it is taken; the command line guesses the file from its words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from baiqiang.core.indicators.reader import read_raw
from baiqiang.core.plain import workbook
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.tui.cli import ahead
from tests.fixtures import make_synthetic as synthetic

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    target = tmp_path / "book.xlsx"
    shutil.copy(FIXTURES / synthetic.XLSX, target)
    return target


def _settled(path: Path, sheet: str | None) -> None:
    workbook.read_ahead(path, sheet)
    found = workbook._AHEAD[workbook._key(path, sheet)]  # type: ignore[index]
    assert found.done.wait(30)


def _no_reading_now(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def fail(path: Path, asked: str | None) -> workbook.OpenSheet:
        calls.append(str(path))
        raise AssertionError("read again")

    monkeypatch.setattr(workbook, "open_sheet", fail)
    return calls


def test_a_sheet_read_ahead_is_taken_once(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(book, "县域指标")
    calls = _no_reading_now(monkeypatch)
    raw = read_raw(book, sheet="县域指标")
    assert raw.sheet == "县域指标" and raw.frame is not None and raw.frame.height > 3
    assert calls == []
    with pytest.raises(AssertionError, match="read again"):  # taken: the next read is a read
        workbook.opened(book, "县域指标")


def test_another_sheet_or_a_changed_file_is_read_anew(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(book, None)
    _settled(book, "县域指标")
    stat = book.stat()
    os.utime(book, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # changed since
    calls = _no_reading_now(monkeypatch)
    with pytest.raises(AssertionError):
        workbook.opened(book, "县域指标")
    with pytest.raises(AssertionError):
        workbook.opened(book, "2")  # the same sheet by number is another key: read now
    assert len(calls) == 2
    workbook._AHEAD.clear()


def test_what_a_read_ahead_raised_is_raised_where_it_is_taken(tmp_path: Path) -> None:
    fake = tmp_path / "not.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    _settled(fake, None)
    with pytest.raises(InvalidValue, match="not a readable workbook"):
        read_raw(fake)
    before = dict(workbook._AHEAD)
    workbook.read_ahead(tmp_path / "none.xlsx")  # no such file, a folder: nothing started
    workbook.read_ahead(tmp_path)
    assert workbook._AHEAD == before


def test_the_command_line_guesses_the_workbook_from_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(workbook, "read_ahead", lambda path, sheet=None: started.append((path, sheet)))
    ahead.read_ahead_for(["data", "import", "--report", "r.xlsx", "--as", "x", "a.XLSX", "--sheet", "2"])
    ahead.read_ahead_for(["data", "import", "b.xls", "--sheet=表1"])
    ahead.read_ahead_for(["data", "import", "c.csv"])  # not a workbook
    ahead.read_ahead_for(["list", "d.xlsx"])  # not an import
    assert started == [(Path("a.XLSX"), "2"), (Path("b.xls"), "表1")]


def test_a_file_too_large_to_import_is_not_read_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"PK\x03\x04")
    monkeypatch.setattr(workbook, "MAX_BYTES", 3)  # SYNTHETIC: a 4-byte file is "too large"
    workbook.read_ahead(big)
    assert workbook._key(big, None) not in workbook._AHEAD
