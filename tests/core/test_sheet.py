"""A workbook's numbers are imported as its cells hold them (issue 21: read typed, the census
import got ~0.2× of fastexcel faster; and fastexcel writes a number as text to nine decimal
places, so 1/3 was stored as 0.333333333 and 5e-12 as 0).

Every workbook here is SYNTHETIC: made-up figures written by the test, for the importer only.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.indicators.importer import read_dataset
from baiqiang.core.indicators.model import ImportOptions, ImportResult
from baiqiang.core.indicators.reader import read_raw
from baiqiang.core.matching import places
from baiqiang.core.plain import sheetxml, workbook
from baiqiang.core.plain.errors import InvalidValue

EXACT = [1 / 3, 1.343642441124012e-07, 5e-12, 123456789.1234568, 99.99999999999999, 2 / 3 * 1e10]
"""Numbers that fastexcel writes as text otherwise: 0.333333333, 0.000000134, 0 … (each to 16
digits, as openpyxl writes a number)."""
UNITS = [("320583", "昆山市"), ("320281", "江阴市"), ("320582", "张家港市"), ("320585", "太仓市")]


def _openpyxl(path: Path, rows: list[list[Any]], *, at: str = "A") -> Path:
    """A workbook written by openpyxl (text inline, as pandas writes it), from column `at`."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    offset = ord(at) - ord("A")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1 + offset):
            if value is not None:
                sheet.cell(r, c, value)
    book.save(path)
    return path


def _xlsxwriter(path: Path, rows: list[list[Any]]) -> Path:
    """A workbook written by xlsxwriter (text shared, as Excel writes it)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    dated = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(r, c, value, dated)
            elif isinstance(value, str) and value.startswith("="):
                sheet.write_formula(r, c, value, None, value.removeprefix("=").strip('"'))
            elif isinstance(value, str):
                sheet.write_string(r, c, value)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    return path


def _import(catalog: Catalog, path: Path) -> tuple[pl.DataFrame, ImportResult]:
    return read_dataset(path, places(catalog), name="t", options=ImportOptions())


def _as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sheet read as text, its numbers read again (the way a sheet that cannot be read
    typed is read)."""
    monkeypatch.setattr(workbook, "measured", lambda source, index: None)


def _same(a: tuple[pl.DataFrame, ImportResult], b: tuple[pl.DataFrame, ImportResult]) -> None:
    (values_a, result_a), (values_b, result_b) = a, b
    assert values_a.equals(values_b)
    assert result_a.table.equals(result_b.table)
    assert result_a.ignored == result_b.ignored and result_a.notes == result_b.notes
    assert [c.__dict__ for c in result_a.dataset.columns] == [c.__dict__ for c in result_b.dataset.columns]


def test_a_workbooks_numbers_are_stored_as_its_cells_hold_them(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed, and read as text with its numbers read again: every value to the last digit, in
    a column of numbers and in one with a mark (—) among them."""
    rows: list[list[Any]] = [["区划代码", "县", "份额", "带标记"]]
    for (code, name), value in zip(UNITS, EXACT, strict=False):
        rows.append([code, name, value, value])
    rows[2][3] = "—"
    for writer in (_openpyxl, _xlsxwriter):
        book = writer(tmp_path / f"{writer.__name__}.xlsx", rows)
        for how in ("typed", "as text"):
            if how == "as text":
                _as_text(monkeypatch)
            values, _ = _import(catalog, book)
            got = dict(zip(values["adcode"], values["份额"], strict=True))
            marked = dict(zip(values["adcode"], values["带标记"], strict=True))
            assert got == {code: v for (code, _), v in zip(UNITS, EXACT, strict=False)}, (writer, how)
            assert marked == got | {"320281": None}, (writer, how)
            monkeypatch.undo()


def test_the_reader_blanks_exactly_the_text_the_scan_knows_it_blanks(tmp_path: Path) -> None:
    """fastexcel reads some text as a blank (or NaN) in a column of numbers: NULL_LIKE must be
    that list, no more and no less, for the scan to put each such cell back."""
    import fastexcel

    others = ["NAN", "Nan", " NA ", "na", "none", "NONE", "Null", "#n/a", "-", "—", "…", "inf", "1,234", "无"]
    candidates = sorted(sheetxml.NULL_LIKE - {""}) + others
    rows = [[1.5] * len(candidates), candidates, [2.5] * len(candidates)]
    book = _xlsxwriter(tmp_path / "nulls.xlsx", rows)
    read = fastexcel.read_excel(str(book)).load_sheet(0, header_row=None, schema_sample_rows=None).to_polars()
    blanked = {t for t, c in zip(candidates, read.columns, strict=True) if read.schema[c] == pl.Float64}
    assert blanked == sheetxml.NULL_LIKE - {""}


def _scan(path: Path) -> sheetxml.Scan:
    found = sheetxml.scan(path.read_bytes(), 0)
    assert found is not None
    return found


def test_the_scan_finds_the_cells_a_typed_read_would_turn(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["区划代码", "县", "甲", "乙", "丙", "丁"],
        ["NA", "全国", 1.0, "None", True, "#N/A"],
        ["320583", "昆山市", 2.0, 3.0, 4.0, '="NA"'],
        ["320281", "江阴市", "NA", 5.0, 6.0, 7.0],
    ]
    found = _scan(_xlsxwriter(tmp_path / "b.xlsx", rows))
    assert found.typed and found.first_row == 1 and found.numbers_from == 2
    assert found.text_columns == {4}  # TRUE, read as 1.0 in a column of numbers
    assert sorted(found.blanked) == [(0, 1, "NA"), (2, 3, "NA"), (3, 1, "None"), (5, 1, "#N/A"), (5, 2, "NA")]
    inline = _scan(_openpyxl(tmp_path / "i.xlsx", rows))  # (no value written for its formula)
    assert sorted(inline.blanked) == [(0, 1, "NA"), (2, 3, "NA"), (3, 1, "None")]  # (#N/A: an error)


def test_shared_text_is_found_by_its_own_index(tmp_path: Path) -> None:
    """The cells of NA are found by NA's index among the shared strings (an index one off found
    the cells of the text before it)."""
    rows: list[list[Any]] = [["县", "甲"], ["昆山市", "NA"], ["江阴市", 1.0], ["NA", 2.0]]
    assert sorted(_scan(_xlsxwriter(tmp_path / "s.xlsx", rows)).blanked) == [(0, 3, "NA"), (1, 1, "NA")]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda x: x.replace(b'<c r="A2" t="s">', b'<c r="A2" t="s" s="0">'), "a type not written last"),
        (lambda x: x.replace(b'<c r="A2" t="s">', b"<c r='A2' t='s'>"), "attributes in single quotes"),
        (lambda x: x.replace(b'<row r="2"', b"<row"), "a row without its number"),
    ],
)
def test_a_sheet_the_scan_cannot_read_is_read_as_text(
    tmp_path: Path, change: Callable[[bytes], bytes], why: str
) -> None:
    import zipfile

    rows: list[list[Any]] = [["县", "甲"], ["昆山市", 1.0], ["江阴市", 2.0]]
    book = _xlsxwriter(tmp_path / "a.xlsx", rows)
    assert _scan(book).typed
    changed = tmp_path / "changed.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, change(data) if name == "xl/worksheets/sheet1.xml" else data)
    assert not _scan(changed).typed, why


def test_the_scan_reads_a_sheet_whatever_its_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HOSTILE to the scan: read 61 bytes at a time, every cell crosses a chunk's end somewhere;
    what it finds is what it finds in one read."""
    rows: list[list[Any]] = [["区划代码", "县", "甲", "乙"]]
    rows += [
        [code, name, "NA" if i % 2 else float(i), True if i == 3 else 1.0]
        for i, (code, name) in enumerate(UNITS * 30)
    ]
    book = _xlsxwriter(tmp_path / "long.xlsx", rows)
    whole = _scan(book)
    monkeypatch.setattr(sheetxml, "CHUNK", 61)
    assert _scan(book) == whole and len(whole.blanked) == 60 and whole.text_columns == {3}


def test_a_sheet_read_typed_imports_what_it_imports_read_as_text(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The typed read changes nothing but speed where the text read was exact: the same
    values, outcomes, columns, blanks and notes, for a sheet with everything that can differ."""
    rows: list[list[Any]] = [
        ["2020年各县主要指标（合成数据，测试用）", None, None, None, None, None, None, None, None, None],
        ["单位：万元", None, None, None, None, None, None, None, None, None],
        ["区划代码", "县", "年份", "产值", "人口", "标记", "缺失", "真假", "日期", "公式"],
        ["NA", "全省", "2020", 100.5, 123456789, "—", "NA", 1.0, datetime.datetime(2020, 1, 2), 1.0],
    ]
    for i, (code, name) in enumerate(UNITS):
        rows.append(
            [
                int(code),
                name,
                2020 if i else "NA",
                10.25 * (i + 1),
                349523 + i,
                "—" if i == 2 else 7.5,
                "None" if i == 1 else "#N/A" if i == 3 else 3.0,
                True if i == 0 else 2.0,
                5.0,
                '="x"' if i == 1 else 4.0,
            ]
        )
    rows.append(["注：合成数据。", None, None, None, None, None, None, None, None, None])
    for writer in (_openpyxl, _xlsxwriter):
        book = writer(tmp_path / f"{writer.__name__}.xlsx", rows)
        raw = read_raw(book)
        assert raw.cells is not None and raw.cells.typed, writer  # (else the test tests nothing)
        typed = _import(catalog, book)
        _as_text(monkeypatch)
        raw = read_raw(book)
        assert raw.cells is not None and not raw.cells.typed
        _same(typed, _import(catalog, book))
        monkeypatch.undo()


@pytest.mark.parametrize("how", ["rows from elsewhere", "a number not the same"])
def test_a_typed_read_that_disagrees_with_the_first_rows_is_not_used(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The typed rows are checked against the first rows read as text (the same cells, read two
    ways): where they disagree, the sheet is read as text instead."""
    rows: list[list[Any]] = [["区划代码", "县", "产值"]] + [[c, n, 1.5 * i] for i, (c, n) in enumerate(UNITS)]
    book = _openpyxl(tmp_path / "b.xlsx", rows)
    right = _import(catalog, book)
    other = [rows[0]] + [[c, n, 1.5 * i + (i == 2)] for i, (c, n) in enumerate(UNITS)]
    elsewhere = _openpyxl(tmp_path / "other.xlsx", other)
    original = workbook.open_sheet

    def disagreeing(source: Path | bytes, asked: str | None) -> workbook.OpenSheet:
        found = original(source, asked)
        assert found.body is not None  # read typed
        if how == "rows from elsewhere":
            return dataclasses.replace(found, numbers_from=found.numbers_from + 1)
        return dataclasses.replace(found, head=original(elsewhere, None).head)

    monkeypatch.setattr(workbook, "open_sheet", disagreeing)
    raw = read_raw(book)
    assert raw.cells is not None and not raw.cells.typed
    _same(right, _import(catalog, book))


def test_a_sheet_whose_first_column_is_blank_is_read_as_text(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's columns start at the first used one: without column A, a typed read's
    columns could not be told from its first rows'; read as text, the numbers are still exact."""
    rows: list[list[Any]] = [["区划代码", "县", "份额"]] + [
        [c, n, v] for (c, n), v in zip(UNITS, EXACT, strict=False)
    ]
    book = _openpyxl(tmp_path / "b.xlsx", rows, at="B")
    raw = read_raw(book)
    assert raw.cells is not None and not raw.cells.typed
    values, _ = _import(catalog, book)
    assert values["份额"].to_list() == EXACT[: len(UNITS)]


def test_a_sheet_of_one_long_text_is_scanned_in_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HOSTILE: a cell of 3 MB of text in the sheet, read 4 KB at a time: looked at in windows
    of about that (held whole until the next tag, it was copied again with every chunk: a
    quadratic scan)."""
    from tests.core.test_workbook import _book

    book = _book(
        tmp_path / "long.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>县</t></is></c><c r="B1"><v>1</v></c></row>'
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"x" * 3_000_000}</t></is></c><c r="B2"><v>2</v></c></row>',
    )
    monkeypatch.setattr(sheetxml, "CHUNK", 4096)
    held: list[int] = []
    windows = sheetxml._windows

    def watched(*args: Any) -> Any:
        for data, start, end in windows(*args):
            held.append(len(data))
            yield data, start, end

    monkeypatch.setattr(sheetxml, "_windows", watched)
    _scan(book)  # (read as text: a cell's text longer than the scan looks ahead)
    assert len(held) > 300 and max(held) <= 2 * 4096 + 3 * sheetxml.MARGIN


def test_a_sheet_that_unpacks_to_more_than_its_workbook_says_is_refused(tmp_path: Path) -> None:
    """HOSTILE: a zip that says its sheet unpacks to 100 bytes (a bomb's lie): the sheet is
    unpacked no further than that, and refused."""
    import struct

    from tests.core.test_workbook import _book

    book = _book(tmp_path / "bomb.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * 50_000)
    data = bytearray(book.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", 100)
            at = data.find(signature, at + 1)
    book.write_bytes(bytes(data))
    with pytest.raises(
        InvalidValue, match="too large to import: sheet 'S' unpacks to more than the workbook says"
    ):
        read_raw(book)


def test_a_sheet_too_large_to_keep_is_unpacked_again_for_its_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows: list[list[Any]] = [["县", "甲"]] + [
        [n, "NA" if i % 3 else float(i)] for i, (_, n) in enumerate(UNITS * 50)
    ]
    book = _xlsxwriter(tmp_path / "b.xlsx", rows)
    kept = _scan(book)
    monkeypatch.setattr(sheetxml, "CHUNK", 512)
    monkeypatch.setattr(sheetxml, "KEPT", 1024)
    found = sheetxml.measured(book.read_bytes(), 0)
    assert found is not None and found.windows is None
    assert found.scan() == kept and len(kept.blanked) == 133


def _hand(path: Path, rows: str, shared: list[str] | None = None) -> Path:
    """HOSTILE, SYNTHETIC: a minimal .xlsx written by hand: sheetData's XML `rows`, and the
    shared strings `shared` where given (each an <si>'s inner XML, or its text)."""
    import zipfile

    from tests.core.test_workbook import _book

    _book(path, rows)
    if shared is None:
        return path
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si>{s if s.startswith('<') else f'<t>{s}</t>'}</si>" for s in shared)
        + "</sst>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _units_xml(first: int, values: list[str]) -> str:
    """Rows from row `first`: a header (县, 值) as shared strings 0 and 1, then one unit a row
    (its name shared string 2 + i) with the cell XML of `values` in column B."""
    rows = f'<row r="{first}"><c r="A{first}" t="s"><v>0</v></c><c r="B{first}" t="s"><v>1</v></c></row>'
    for i, value in enumerate(values):
        r = first + 1 + i
        rows += f'<row r="{r}"><c r="A{r}" t="s"><v>{2 + i}</v></c>{value.format(r=r)}</row>'
    return rows


NAMES = [n for _, n in UNITS]


@pytest.mark.parametrize("first", [2, 5])
def test_a_sheet_whose_first_rows_are_blank_imports_whole(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: int
) -> None:
    """A sheet starting at row 2 (or 5) crashed the import: the reader counts rows it is told to
    skip from the sheet's first row, and drops blank ones above its first cell when not told."""
    cells = ['<c r="B{r}"><v>0.3333333333333333</v></c>', '<c r="B{r}"><v>2.5</v></c>']
    cells += ['<c r="B{r}" t="s"><v>6</v></c>', '<c r="B{r}"><v>4</v></c>']
    book = _hand(tmp_path / "b.xlsx", _units_xml(first, cells), ["县", "值", *NAMES, "—"])
    assert read_raw(book).cells.typed  # type: ignore[union-attr]
    typed = _import(catalog, book)
    assert typed[0]["值"].to_list() == [1 / 3, 2.5, None, 4.0]
    assert typed[1].table["line"].to_list() == list(range(first + 1, first + 5))  # the sheet's own
    _as_text(monkeypatch)
    _same(typed, _import(catalog, book))


def test_a_first_row_of_a_formula_without_its_value_is_no_row(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = '<row r="1"><c r="A1"><f>CONCATENATE("a","b")</f></c></row>' + _units_xml(
        2, ['<c r="B{r}"><v>1.5</v></c>', '<c r="B{r}"><v>2.5</v></c>']
    )
    book = _hand(tmp_path / "f.xlsx", rows, ["县", "值", *NAMES])
    typed = _import(catalog, book)
    assert typed[0]["值"].to_list() == [1.5, 2.5]
    _as_text(monkeypatch)
    _same(typed, _import(catalog, book))


@pytest.mark.parametrize(
    "text",
    [" None ", "N&#111;ne", "<![CDATA[None]]>", "\n#N/A\t"],
)
def test_text_the_reader_reads_as_a_blank_is_found_however_written(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """The reader drops white space at a text's ends (unless told to keep it), and reads
    characters by number and CDATA: " None " is None to it, a blank in a column of numbers.
    The scan must see it so too, for the cell to be put back as written (not a number)."""
    values = ['<c r="B{r}"><v>1.5</v></c>', '<c r="B{r}" t="s"><v>6</v></c>', '<c r="B{r}"><v>3.5</v></c>']
    book = _hand(tmp_path / "n.xlsx", _units_xml(1, values), ["县", "值", *NAMES, f"<t>{text}</t>"])
    found = _scan(book)
    assert found.typed and [b[:2] for b in found.blanked] == [(1, 2)]
    typed = _import(catalog, book)
    column = typed[1].dataset.columns[0]
    assert (column.missing, column.not_numbers) == (0, 1)
    _as_text(monkeypatch)
    _same(typed, _import(catalog, book))


def test_text_kept_with_its_white_space_is_no_blank(tmp_path: Path) -> None:
    values = ['<c r="B{r}" t="s"><v>6</v></c>']
    book = _hand(
        tmp_path / "p.xlsx", _units_xml(1, values), ["县", "值", *NAMES, '<t xml:space="preserve"> None </t>']
    )
    assert _scan(book).blanked == ()


def test_codes_and_years_with_decimals_are_read_alike_either_way(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year of 2019.9999999999 is no year, and a code of 320582.0000000001 no code, read
    typed or as text (as text, they were 2020 and 320582: the reader's nine places)."""
    rows: list[list[Any]] = [
        ["代码", "县", "年份", "值"],
        [320583, "昆山市", 2020, 1.5],
        [320281, "江阴市", 2019.9999999999, 2.5],
        [320582.0000000001, "张家港市", 2020, 3.5],
    ]
    book = _openpyxl(tmp_path / "y.xlsx", rows)
    typed = _import(catalog, book)
    assert typed[0]["adcode"].to_list() == ["320583", "320582"]  # (张家港市 by its name)
    assert "its year '2019.9999999999' is not a year" in typed[1].table["note"].to_list()[1]
    _as_text(monkeypatch)
    _same(typed, _import(catalog, book))


def test_a_number_too_large_for_a_float_stays_as_written(catalog: Catalog, tmp_path: Path) -> None:
    """1e400 in a cell of text is not a number: its example is 1e400, not inf."""
    rows: list[list[Any]] = [["县", "值"], ["昆山市", 1.5], ["江阴市", "1e400"], ["张家港市", 2.5]]
    _, result = _import(catalog, _xlsxwriter(tmp_path / "inf.xlsx", rows))
    assert result.dataset.columns[0].examples == ["1e400"]


def test_a_workbook_with_a_part_named_twice_is_read_without_a_warning(tmp_path: Path) -> None:
    """HOSTILE: copying its head, the zip module warned (two lines on stderr) of the name."""
    import zipfile

    book = _xlsxwriter(tmp_path / "d.xlsx", [["县", "值"], ["昆山市", 1.5], ["江阴市", 2.5]])
    with zipfile.ZipFile(book) as source:
        parts = [(n, source.read(n)) for n in source.namelist()]
    with zipfile.ZipFile(book, "w") as target, pytest.warns(UserWarning, match="Duplicate name"):
        for name, data in [*parts, ("docProps/app.xml", b"<x/>")]:
            target.writestr(name, data)
    assert read_raw(book).cells.typed  # type: ignore[union-attr]  (filterwarnings: error)


def test_a_workbook_with_much_shared_text_is_read_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read typed, a workbook's shared text is read twice (its head's copy holds all of it):
    past SHARED_MOST, it is read as text once; past MAX_UNPACKED, refused before it is opened."""
    book = _xlsxwriter(tmp_path / "s.xlsx", [["县", "值"], ["昆山市", 1.5], ["江阴市", 2.5]])
    assert read_raw(book).cells.typed  # type: ignore[union-attr]
    monkeypatch.setattr(sheetxml, "SHARED_MOST", 10)
    assert not read_raw(book).cells.typed  # type: ignore[union-attr]
    monkeypatch.setattr(sheetxml, "MAX_UNPACKED", 100)
    with pytest.raises(InvalidValue, match="too large to import: its shared text unpacks to"):
        read_raw(book)
