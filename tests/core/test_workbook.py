"""Reading a workbook's sheet ahead: taken only for the same file, unchanged, and the same sheet;
what it raised is raised where it is taken; the command line guesses the file from its words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from baiqiang.core.indicators.reader import read_raw
from baiqiang.core.plain import sheetxml, workbook
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
    assert raw.sheet == "县域指标" and raw.cells is not None and raw.cells.rows.height > 3
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


def _book(path: Path, rows: str) -> Path:
    """HOSTILE, SYNTHETIC: a minimal .xlsx whose one sheet holds `rows` (sheetData's XML)."""
    import zipfile

    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.'
        f'org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return path


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',  # one far corner: 17 G cells
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="GV1048576"><v>1</v></c></row>',
        '<row><c r="A1"><v>1</v></c></row><row><c r="XFD900000"><v>1</v></c></row>',  # rows unnumbered
    ],
)
def test_a_sheet_that_spans_too_far_is_refused_before_it_is_laid_out(tmp_path: Path, rows: str) -> None:
    """HOSTILE: a 1.5 KB workbook with one cell at XFD1048576 made the reader ask for 500 GB and
    abort the process (a hostile-input run found it)."""
    book = _book(tmp_path / "far.xlsx", rows)
    with pytest.raises(InvalidValue, match="too large to import: sheet 'S' spans"):
        read_raw(book)


def test_a_sheet_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _book(tmp_path / "wide.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * 5000)
    monkeypatch.setattr(sheetxml, "MAX_UNPACKED", 4000)  # SYNTHETIC: 5 KB of blanks is "too large"
    with pytest.raises(InvalidValue, match="unpacks to"):
        read_raw(book)
    monkeypatch.setattr(sheetxml, "MAX_UNPACKED", 2**30)
    assert read_raw(book).sheet == "S"  # and a small sheet is read


def test_an_import_reads_the_file_once_whatever_becomes_of_it(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HOSTILE: the file deleted (or made a folder, a FIFO) after it was read: the rows and the
    digest are those of the bytes read — no second open (which failed, or hung on a FIFO)."""
    import hashlib
    import os

    digest = hashlib.sha256(book.read_bytes()).hexdigest()
    original = workbook.opened

    def gone_then(path: Path, asked: str | None, data: bytes | None = None) -> workbook.OpenSheet:
        book.unlink()
        os.mkfifo(book)  # reading it now would wait for a writer for ever
        return original(path, asked, data)

    monkeypatch.setattr(workbook, "opened", gone_then)
    raw = read_raw(book, sheet="县域指标")
    assert raw.sha256 == digest and raw.cells is not None and raw.cells.rows.height > 3


def test_a_sheet_asked_for_by_a_digit_that_is_not_ascii_is_no_sheet(book: Path) -> None:
    with pytest.raises(InvalidValue, match="has no sheet '²'"):
        read_raw(book, sheet="²")
    assert read_raw(book, sheet="1").sheet is not None
