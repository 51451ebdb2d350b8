"""The fast paths of an import give what the plain ones give: a CSV's columns of numbers parsed
as the file is read (with the text read instead wherever a cell is not a number), ASCII bytes
never decoded, and the values stored once (``values.arrow``), where ``show`` reads them without
Polars. Every figure here is SYNTHETIC (made up for the test)."""

from __future__ import annotations

import codecs
import json
import sys
from array import array
from itertools import accumulate, pairwise
from pathlib import Path

import polars as pl
import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.core.indicators import ImportOptions, import_file
from baiqiang.core.indicators.store import check, repair, save, values
from baiqiang.core.indicators.store import describe as described
from baiqiang.core.plain.arrow import NotArrow, read_layout, values_layout
from baiqiang.core.plain.indicators import ARROW, COLUMNS, INDEX, LINES, PARQUET, indicators_of, unit_values
from baiqiang.core.plain.paths import store_root

CODES = ["320583", "320281", "330282", "110101", "350582"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _panel(rows: int = 60) -> list[list[str]]:
    """SYNTHETIC: a long panel, units × years, with blanks, negatives and large numbers."""
    out = []
    for i in range(rows):
        code, year = CODES[i % len(CODES)], 1990 + i // len(CODES)
        out.append([code, str(year), f"{i * 1.25:.2f}", "" if i % 7 == 0 else str(-i), f"{i}e12"])
    return out


def _csv(rows: list[list[str]], header: str = "adcode,year,产值,利润,资产") -> str:
    return header + "\n" + "".join(",".join(r) + "\n" for r in rows)


def _stored_panel(catalog: Catalog, tmp_path: Path) -> Path:
    """SYNTHETIC: the panel of :func:`_panel` imported as "panel"; its folder."""
    path = tmp_path / "panel.csv"
    path.write_text(_csv(_panel(60)), encoding="utf-8")
    import_file(catalog, path, name="panel")
    return store_root() / "panel"


def _values(name: str) -> pl.DataFrame:
    return values(name).collect().sort("adcode", "year")


def _order(found: tuple[str, int | None, float]) -> tuple[str, int, float]:
    return found[0], -1 if found[1] is None else found[1], found[2]  # (a blank year first)


def _lookup(adcode: str, name: str) -> list[tuple[str, int | None, float]]:
    return sorted(
        ((i.column, i.year, i.value) for i in indicators_of(adcode) if i.dataset == name), key=_order
    )


def _stored(name: str, adcode: str) -> list[tuple[str, int | None, float]]:
    frame = _values(name).filter(pl.col("adcode") == adcode)
    columns = [c for c in frame.columns if c not in ("adcode", "year")]
    return sorted(
        (c, year, value)
        for row in frame.iter_rows(named=True)
        for c in columns
        if (value := row[c]) is not None
        for year in [row["year"]]
    )


def test_a_late_cell_that_is_not_a_number_reads_the_columns_as_text(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """The first forty rows say 产值 is numbers; a mark, a separated thousand and inf further down
    are read as the plain path reads them (the mark missing, 1,234 a number, inf not one)."""
    rows = _panel(60)
    rows[50][2], rows[52][2], rows[55][2] = "—", '"1,234"', "inf"
    path = tmp_path / "late.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    result = import_file(catalog, path, name="late")
    column = next(c for c in result.dataset.columns if c.name == "产值")
    assert (column.missing, column.not_numbers, column.examples) == (1, 1, ["inf"])
    stored = _values("late").filter(pl.col("year") == 1990 + 52 // 5, pl.col("adcode") == CODES[52 % 5])
    assert stored["产值"].to_list() == [1234.0]
    late = next(c for c in result.dataset.columns if c.name == "资产")  # 12 digits with e: numbers
    assert late.values == 60 and late.not_numbers == 0


@pytest.mark.parametrize("odd", ["inf", "nan", "-Infinity", "1e400", "1" * 400])
def test_a_late_number_that_is_not_finite_is_one_not_a_number(
    catalog: Catalog, home: Path, tmp_path: Path, odd: str
) -> None:
    """HOSTILE (a hostile-input run found it): a column parsed as numbers whose only odd cell,
    after the first forty rows, reads as infinity or nan is read again as text, that cell
    counted as not a number and left blank, the rest stored."""
    rows = _panel(50)
    rows[47][2] = odd
    path = tmp_path / "odd.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    result = import_file(catalog, path, name="odd")
    column = next(c for c in result.dataset.columns if c.name == "产值")
    assert (column.values, column.not_numbers, result.dataset.rows) == (49, 1, 50)


def test_ascii_bytes_utf8_with_bom_and_crlf_give_the_same_import(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    text = _csv(_panel(45), header="adcode,year,output,profit,assets")
    plain = tmp_path / "plain.csv"
    plain.write_bytes(text.encode("ascii"))
    bom = tmp_path / "bom.csv"
    bom.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("ascii"))
    results = [import_file(catalog, p, name=p.stem) for p in (plain, bom, crlf)]
    frames = [_values(p.stem) for p in (plain, bom, crlf)]
    assert frames[0].equals(frames[1]) and frames[0].equals(frames[2])
    assert [r.dataset.columns for r in results[1:]] == [results[0].dataset.columns] * 2
    assert results[0].table.equals(results[1].table)


def test_rows_with_line_breaks_past_the_first_lines_still_find_the_header(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """Forty rows of ten lines each (a note cell with line breaks): the first rows are read from
    the whole text, not cut in a cell."""
    note = '"' + "\n".join(["see below"] * 10) + '"'
    body = "".join(f"{CODES[i % 5]},{1990 + i // 5},{note},{i}\n" for i in range(50))
    path = tmp_path / "notes.csv"
    path.write_text("adcode,year,remark,产值\n" + body, encoding="utf-8")
    result = import_file(catalog, path, name="notes")
    assert [c.name for c in result.dataset.columns] == ["产值"] and result.dataset.rows == 50
    assert [i.column for i in result.ignored] == ["remark"]


@pytest.mark.parametrize(
    "title", ['"2021年各县主要指标\n（SYNTHETIC）",,,', '"2021年\n",,,', '"单位：\n亿元",,,']
)
def test_a_title_cell_with_a_line_break_above_the_header(
    catalog: Catalog, home: Path, tmp_path: Path, title: str
) -> None:
    """HOSTILE (a hostile-input run found it): the body begins after the header's row, counted
    in rows, not in lines — a title cell with a line break made the header a row of values, or
    left no rows at all."""
    body = "".join(f"{c},x,{i},{i * 2}\n" for i, c in enumerate(CODES))
    path = tmp_path / "title.csv"
    path.write_text(f"{title}\nadcode,name,产值（亿元）,人口\n{body}", encoding="utf-8")
    result = import_file(catalog, path, name="title")
    assert result.dataset.summary == {"matched": 5} and [c.name for c in result.dataset.columns] == [
        "产值",
        "人口",
    ]


def test_headers_that_are_patterns_to_polars_are_columns_of_their_own(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found it): ``^.*$`` and ``*`` are patterns to Polars (every
    column); a header written so crashed the import. They are imported under their name with
    the first character full-width."""
    body = "".join(f"{c},x,{i},{i * 2},{i * 3}\n" for i, c in enumerate(CODES))
    path = tmp_path / "patterns.csv"
    path.write_text(f"adcode,name,^.*$,*,^v\\d$\n{body}", encoding="utf-8")
    result = import_file(catalog, path, name="patterns")
    assert [c.name for c in result.dataset.columns] == ["＾.*$", "＊", "＾v\\d$"]
    assert _values("patterns").row(0)[2:] == (3.0, 6.0, 9.0)  # 110101, the fourth row


def test_six_digit_numbers_beside_names_are_numbers_not_codes(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found it): a column of populations of six digits under a
    header that names no code was taken for the units' codes — its values lost without a word,
    and four units called development zones (508878 reads as a 7x code)."""
    names = ["昆山市", "江阴市", "张家港市", "常熟市", "太仓市", "武进区"]
    people = [349523, 963576, 547673, 483275, 712345, 508878]
    body = "".join(f"{n},{v},0.5\n" for n, v in zip(names, people, strict=True))
    path = tmp_path / "pop6.csv"
    path.write_text("县名,常住人口（人）,GDP\n" + body, encoding="utf-8")
    result = import_file(catalog, path, name="pop6", options=ImportOptions(province="江苏"))
    assert result.dataset.summary == {"matched": 6}
    assert [c.name for c in result.dataset.columns] == ["常住人口（人）", "GDP"]
    stored = dict(_values("pop6").select("adcode", "常住人口（人）").iter_rows())
    assert stored["320583"] == 349523 and stored["320412"] == 508878


def test_other_code_columns_are_left_out_not_stored_as_figures(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found it): a second adcode column was stored as a column of
    figures (130208.0 …); so was a province's code. Codes are left out, and said so."""
    body = "".join(f"{c[:2]},{c},{c},x,{i}\n" for i, c in enumerate(CODES))
    path = tmp_path / "codes.csv"
    path.write_text("省代码,区划代码,adcode,name,人口\n" + body, encoding="utf-8")
    result = import_file(catalog, path, name="codes")
    assert [c.name for c in result.dataset.columns] == ["人口"]
    assert {(i.column, i.reason) for i in result.ignored} >= {
        ("省代码", "codes, not figures"),
        ("adcode", "codes, not figures"),
    }


def test_cells_past_the_headers_last_column_are_said(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    """HOSTILE (a hostile-input run found it): cells past the header's last column were dropped
    without a word. They are still left out (the header names the columns), and said so."""
    path = tmp_path / "wide.csv"
    path.write_text(
        "adcode,name,产值\n320583,昆山市,1,2,3,4\n320281,江阴市,5\n330282,慈溪市,6,,\n", encoding="utf-8"
    )
    result = import_file(catalog, path, name="wide")
    assert result.dataset.rows == 3 and [c.values for c in result.dataset.columns] == [3]
    assert result.notes == [
        "1 row(s) have cells past the header's last column (it names 3): those cells are left out"
    ]


def test_a_header_narrower_than_its_sub_header_keeps_every_column(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """The first header row has two cells, the second three: the body is as wide as the widest."""
    path = tmp_path / "two.csv"
    path.write_text("地区,产值\n,本年,上年\n昆山市,1,2\n江阴市,3,4\n", encoding="utf-8")
    result = import_file(catalog, path, name="two", options=ImportOptions(header_rows=2))
    assert [c.values for c in result.dataset.columns] == [2, 2] and result.dataset.rows == 2


def test_show_reads_every_value_the_store_holds(catalog: Catalog, home: Path, tmp_path: Path) -> None:
    folder = _stored_panel(catalog, tmp_path)
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    assert index["format"] == "arrow-columns"
    assert sorted(p.name for p in folder.iterdir()) == ["dataset.json", INDEX, ARROW]  # the values once
    for code in CODES:
        assert _lookup(code, "panel") == _stored("panel", code) != []
    assert any(v < 0 for _, _, v in _lookup("320583", "panel"))
    assert _lookup("440000", "panel") == []  # not in the dataset


def test_values_in_several_record_batches_with_blanks_read_as_polars_reads_them(home: Path) -> None:
    """Rows split over record batches (a batch boundary inside a unit's rows), blanks in the year
    and the numbers at bit positions that are not a byte's first: ``show`` reads each value as
    Polars does."""
    from baiqiang.core.indicators.model import Column, Dataset

    n = 150_000  # SYNTHETIC: 21,429 made-up units of 7 rows (Polars keeps chunks this long apart)
    frame = pl.DataFrame(
        {
            "adcode": (pl.int_range(n, eager=True) // 7).cast(pl.String).str.zfill(6),
            "year": (pl.int_range(n, eager=True) % 7 + 2000).cast(pl.Int32),
            "a": pl.int_range(n, eager=True).cast(pl.Float64) * 0.5 - 4,
            "b": pl.int_range(n, eager=True).cast(pl.Float64),
        }
    ).with_columns(
        # a blank year first in its unit's rows: in order (the rows are stored as they are)
        pl.when((pl.int_range(n) % 7 == 0) & (pl.int_range(n) % 11 == 3))
        .then(None)
        .otherwise("year")
        .alias("year"),
        pl.when(pl.int_range(n) % 3 == 0).then(None).otherwise("a").alias("a"),
    )
    cuts = [0, 70_003, 140_005, n]  # inside the units 10000 and 20000
    chunked = pl.concat([frame.slice(a, b - a) for a, b in pairwise(cuts)], rechunk=False)
    columns = [Column("a", "", "a", n - n // 3, n // 3, 0, []), Column("b", "", "b", n, 0, 0, [])]
    dataset = Dataset("split", "s.csv", "", None, "", {}, columns, n, (n + 6) // 7, [], {})
    save(chunked, dataset)
    index = json.loads((store_root() / "split" / INDEX).read_text(encoding="utf-8"))
    with (store_root() / "split" / ARROW).open("rb") as fh:
        sizes = [b.rows for b in read_layout(fh).batches]
    assert len(sizes) > 1 and sum(sizes) == n and any(s % 7 for s in sizes[:-1]) and index["whole"] == ["b"]
    ends = list(accumulate(sizes))[:-1]  # the units on each side of a batch's end, and one inside
    assert isinstance(check("split"), type(dataset))
    stored = values("split").collect()
    assert stored.equals(frame)
    for code in {
        "000000",
        "000002",  # its first year blank
        f"{(n - 1) // 7:06d}",
        *(f"{r // 7:06d}" for e in ends for r in (e - 1, e, e + 7)),
    }:
        got = _lookup(code, "split")
        rows = stored.filter(pl.col("adcode") == code)
        want = sorted(
            (
                (c, r["year"], r[c])
                for r in rows.iter_rows(named=True)
                for c in ("a", "b")
                if r[c] is not None
            ),
            key=_order,
        )
        assert got == want != []


def test_the_other_byte_order_is_refused_and_the_older_layouts_read_the_same(
    catalog: Catalog, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import baiqiang.core.plain.arrow as arrow
    from baiqiang.core.indicators.store import Damage

    folder = _stored_panel(catalog, tmp_path)
    expected = {code: _lookup(code, "panel") for code in CODES}
    stored, dataset = _values("panel"), described("panel")

    class Other:  # a machine of the other byte order: Polars wrote this file as this one's
        byteorder = "big" if sys.byteorder == "little" else "little"

    with monkeypatch.context() as patched:  # (a hostile run's footer said "big": numbers read swapped)
        patched.setattr(arrow, "sys", Other)
        assert unit_values("320583")[1] == ["panel"]
        (folder / INDEX).touch()  # (checked anew)
        assert isinstance(check("panel"), Damage)
    # the JSON lines of the built-in datasets
    save(stored, dataset, replace=True, small=True)
    assert (folder / LINES).exists() and (folder / PARQUET).exists() and not (folder / ARROW).exists()
    assert {code: _lookup(code, "panel") for code in CODES} == expected
    # the 8-byte floats of an earlier version (values.parquet and units.bin), checked and repaired
    (folder / LINES).unlink()
    floats = array("d")
    for column in ["year", *(c.name for c in dataset.columns)]:
        floats.extend(stored.get_column(column).cast(pl.Float64).fill_null(float("nan")).to_list())
    (folder / COLUMNS).write_bytes(floats.tobytes())
    units = {
        str(c): [int(f), int(n)]
        for c, f, n in stored.with_row_index()
        .group_by("adcode", maintain_order=True)
        .agg(pl.col("index").first(), pl.len())
        .iter_rows()
    }
    older = {"format": "float64-columns", "byteorder": sys.byteorder, "rows": stored.height}
    older |= {"columns": ["year", *(c.name for c in dataset.columns)], "units": units}
    (folder / INDEX).write_text(json.dumps(older), encoding="utf-8")
    assert isinstance(check("panel"), type(dataset))
    assert {code: _lookup(code, "panel") for code in CODES} == expected
    (folder / COLUMNS).write_bytes(floats.tobytes()[:-8])  # damaged: repaired into today's layout
    assert not isinstance(check("panel"), type(dataset)) and repair("panel")
    assert sorted(p.name for p in folder.iterdir()) == ["dataset.json", INDEX, ARROW]
    assert {code: _lookup(code, "panel") for code in CODES} == expected


def test_values_out_of_adcode_order_or_an_index_of_other_rows_are_damaged(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found these: an index whose units pointed at other rows gave
    another unit's numbers, and check said ok): a unit's rows are found in the file's own
    adcodes, checked; values out of adcode order are damaged, and so is an index of another
    number of rows (repaired from the values)."""
    from baiqiang.core.indicators.store import Damage

    folder = _stored_panel(catalog, tmp_path)
    expected = {code: _lookup(code, "panel") for code in CODES}
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    (folder / INDEX).write_text(json.dumps(index | {"rows": index["rows"] - 1}), encoding="utf-8")
    assert unit_values("320583")[1] == ["panel"]
    damage = check("panel")
    assert getattr(damage, "repairable", False) and INDEX in getattr(damage, "problem", "")
    assert repair("panel") and {code: _lookup(code, "panel") for code in CODES} == expected
    shuffled = values("panel").collect().sort("year", "adcode")  # SYNTHETIC: the same rows, by year
    shuffled.select("year", pl.exclude("year", "adcode"), "adcode").write_ipc(
        folder / ARROW, compression="uncompressed"
    )
    damage = check("panel")
    assert isinstance(damage, Damage) and "order" in damage.problem
    for code in CODES:  # never another unit's numbers: none, or the unit's own
        shown, damaged = unit_values(code)
        mine = {(i.column, i.year, i.value) for i in shown if i.dataset == "panel"}
        assert damaged == ["panel"] or mine <= set(expected[code])
    (folder / ARROW).write_bytes((folder / ARROW).read_bytes()[:-100])  # the values cut short
    assert unit_values("350582")[1] == ["panel"]
    damage = check("panel")
    assert not getattr(damage, "repairable", True) and ARROW in getattr(damage, "problem", "")


def test_a_damaged_header_of_the_values_is_said_never_read_as_numbers(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found these: Polars panicked on a footer that listed two
    record batches, and the whole store was unreadable; a buffer's offset moved 8 bytes gave
    other numbers, said to be ok): every byte of the file's headers (not its numbers) changed in
    turn, SYNTHETIC. Each change is refused (the dataset named damaged, the others kept) or
    changes nothing that is shown; no number is shown that was not stored."""
    import random

    from baiqiang.core.indicators.store import Damage, values

    folder = _stored_panel(catalog, tmp_path)
    expected = {code: _lookup(code, "panel") for code in CODES}
    original = (folder / ARROW).read_bytes()
    with (folder / ARROW).open("rb") as fh:
        layout = read_layout(fh)
    numbers = {i for b in layout.batches for at, size in b.buffers for i in range(at, at + size)}
    headers = [i for i in range(len(original)) if i not in numbers]
    for place in random.Random(21).sample(headers, 120):
        for value in (original[place] ^ 0xFF, original[place] ^ 0x01):
            (folder / ARROW).write_bytes(original[:place] + bytes([value]) + original[place + 1 :])
            found = check("panel")
            shown, damaged = unit_values("320583")
            if isinstance(found, Damage):
                assert not found.repairable, (place, value, found)
            else:  # a byte no reader needs (padding, a version): read as it was
                assert values("panel").collect().equals(_values("panel").sort("adcode", "year")), place
            assert (
                damaged == ["panel"]
                or sorted(((i.column, i.year, i.value) for i in shown if i.dataset == "panel"), key=_order)
                == expected["320583"]
            ), (place, value)
    (folder / ARROW).write_bytes(original)
    assert {code: _lookup(code, "panel") for code in CODES} == expected


def test_a_footer_that_lists_a_second_record_batch_is_damage_not_a_panic(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found it): the footer's count of record batches raised from
    1 to 2 made Polars panic (a BaseException) in every command, the census and the other
    datasets gone with it; the dataset is named damaged, the rest is there, and it can be
    removed."""
    import struct

    from baiqiang.core.indicators.store import Damage, remove
    from baiqiang.core.plain.arrow import _Table

    folder = _stored_panel(catalog, tmp_path)
    data = bytearray((folder / ARROW).read_bytes())
    size = struct.unpack_from("<i", data, len(data) - 10)[0]
    start = len(data) - 10 - size
    footer = bytes(data[start : len(data) - 10])
    table = _Table(footer, struct.unpack_from("<I", footer, 0)[0])
    at = table.pos + table._field(3)
    count = at + struct.unpack_from("<I", footer, at)[0]  # the vector of record batch blocks
    assert struct.unpack_from("<I", footer, count)[0] == 1
    struct.pack_into("<I", data, start + count, 2)
    (folder / ARROW).write_bytes(bytes(data))
    damage = check("panel")
    assert isinstance(damage, Damage) and not damage.repairable and not repair("panel")
    assert unit_values("320583")[1] == ["panel"] and any(i.built_in for i in indicators_of("320583"))
    remove("panel")
    assert not folder.exists()


def test_a_dataset_copied_under_another_name_is_damaged_not_a_second_one(
    catalog: Catalog, home: Path, tmp_path: Path
) -> None:
    """HOSTILE (a hostile-input run found it): a dataset's folder copied by hand made two datasets
    of one name, and every list failed (a duplicate column)."""
    import shutil

    from baiqiang.core.indicators.store import Damage, datasets

    folder = _stored_panel(catalog, tmp_path)
    shutil.copytree(folder, folder.parent / "copy")
    damage = check("copy")
    assert isinstance(damage, Damage) and "names another dataset" in damage.problem
    assert [d.name for d in datasets()] == ["census2020", "panel"] or [d.name for d in datasets()] == [
        "panel"
    ]


def test_values_that_are_not_the_datasets_are_refused(tmp_path: Path) -> None:
    """The values of another dataset (other columns, another type, adcode first, a compressed or
    a Parquet file) are refused by their headers, before any number is read."""
    frame = pl.DataFrame(
        {"year": [2020], "a": [1.5], "adcode": ["320583"]}, schema_overrides={"year": pl.Int32}
    )
    for name, write in (
        ("lz4", lambda p: frame.write_ipc(p, compression="lz4")),
        ("text", lambda p: p.write_text("year,a\n2020,1.5\n")),
        (
            "cut",
            lambda p: (frame.write_ipc(p, compression="uncompressed"), p.write_bytes(p.read_bytes()[:-30])),
        ),
        ("parquet", lambda p: frame.write_parquet(p)),
        ("int64", lambda p: frame.cast({"a": pl.Int64}).write_ipc(p, compression="uncompressed")),
        ("year64", lambda p: frame.cast({"year": pl.Int64}).write_ipc(p, compression="uncompressed")),
        ("order", lambda p: frame.select("adcode", "year", "a").write_ipc(p, compression="uncompressed")),
        ("names", lambda p: frame.rename({"a": "b"}).write_ipc(p, compression="uncompressed")),
        (
            "category",
            lambda p: frame.cast({"adcode": pl.Categorical}).write_ipc(p, compression="uncompressed"),
        ),
    ):
        path = tmp_path / f"{name}.arrow"
        write(path)
        with path.open("rb") as fh, pytest.raises(NotArrow):
            values_layout(fh, ["a"])
    for compat in (pl.CompatLevel.oldest(), pl.CompatLevel.newest()):  # the adcode as text of either kind
        frame.write_ipc(tmp_path / "ok.arrow", compression="uncompressed", compat_level=compat)
        with (tmp_path / "ok.arrow").open("rb") as fh:
            layout = values_layout(fh, ["a"])
        assert layout.byteorder == "little" and [b.rows for b in layout.batches] == [1]


@pytest.mark.parametrize(
    ("file", "how"),
    [
        ("dataset.json", "fifo"),
        ("units-index.json", "fifo"),
        ("values.arrow", "fifo"),
        ("dataset.json", "zero"),
        ("units-index.json", "zero"),
        ("values.arrow", "zero"),
        ("dataset.json", "deep"),
        ("units-index.json", "deep"),
        ("units-index.json", "infinity"),
        ("units-index.json", "shifted"),
        ("values.arrow", "folder"),
    ],
)
def test_a_damaged_store_file_is_said_never_waited_for(
    catalog: Catalog, home: Path, tmp_path: Path, file: str, how: str
) -> None:
    """HOSTILE (a hostile-input run found these): a FIFO or /dev/zero in a store file's place
    made the checks wait for ever or read without end; JSON nested 200,000 deep, an offset of
    Infinity, rows shifted by hand or a folder of the lookup's size passed as whole or crashed.
    Each is a damaged dataset, said at once; removing it works."""
    import os
    import threading

    from baiqiang.core.indicators.store import Damage, remove

    folder = _stored_panel(catalog, tmp_path)
    target = folder / file
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    target.unlink()
    if how == "fifo":
        os.mkfifo(target)
    elif how == "zero":
        target.symlink_to("/dev/zero")
    elif how == "deep":
        target.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    elif how == "infinity":
        index["rows"] = float("inf")
        target.write_text(json.dumps(index), encoding="utf-8")
    elif how == "shifted":
        index["columns"] = [index["columns"][0], *index["columns"][:0:-1]]
        target.write_text(json.dumps(index), encoding="utf-8")
    else:  # a folder where the file was, the file's size or not
        target.mkdir()
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.append((check("panel"), unit_values("320583"))), daemon=True
    )
    worker.start()
    worker.join(20)
    assert found, "waited"
    damage, (_, damaged) = found[0]  # type: ignore[misc]
    assert isinstance(damage, Damage) and damage.name == "panel"
    assert damaged == ["panel"] or how == "shifted"
    remove("panel")
    assert not folder.exists()


def test_a_huge_whole_number_is_shown_as_written_not_as_309_digits() -> None:
    from baiqiang.core.plain.indicators import Indicator

    def shown(value: float) -> str:
        return Indicator("d", "c", value, "", None, "f.csv").shown

    assert (shown(1.7976931348623157e308), shown(708829), shown(708829.0), shown(4748.06)) == (
        "1.7976931348623157e+308",
        "708829",  # from a column of counts
        "708829.0",  # from a column of decimals, as a list writes it
        "4748.06",
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "", "  ", "/srv/xdg"])
def test_the_user_data_folder_is_platformdirs_without_importing_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    from platformdirs import user_data_dir

    from baiqiang.core.plain.paths import _user_data_dir

    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert _user_data_dir() == Path(user_data_dir("baiqiang", appauthor=False))


def test_the_data_fingerprint_changes_with_a_files_size_or_time(tmp_path: Path) -> None:
    from baiqiang.core.plain.paths import data_fingerprint

    (tmp_path / "a.csv").write_text("x\n1\n")
    first = data_fingerprint(tmp_path)
    assert first is not None and len(first) == 16 and data_fingerprint(tmp_path) == first
    (tmp_path / "a.csv").write_text("x\n12\n")
    assert data_fingerprint(tmp_path) != first
    assert data_fingerprint(tmp_path / "nowhere") is None


def test_rows_in_the_lookups_order_are_told_from_rows_out_of_it() -> None:
    """The lookup is by unit and year, a blank year first: rows already so are not sorted."""
    from baiqiang.core.indicators.store import _in_order

    def frame(rows: list[tuple[str, int | None]]) -> pl.DataFrame:
        return pl.DataFrame(rows, schema={"adcode": pl.String, "year": pl.Int32}, orient="row")

    assert _in_order(frame([("320281", None), ("320281", 2020), ("320281", 2021), ("320583", 2019)]))
    assert _in_order(frame([("320583", 2020)]))
    assert not _in_order(frame([("320281", 2021), ("320281", None)]))  # a blank year comes first
    assert not _in_order(frame([("320281", 2021), ("320281", 2020)]))
    assert not _in_order(frame([("320583", 2020), ("320281", 2020)]))


def test_numbers_too_large_to_add_up_are_finite_and_inf_and_nan_are_not() -> None:
    """The count of finite numbers is taken from a column's sum where it is finite: 1e308 twice
    sums to inf and is still two finite numbers; inf, -inf and nan are none (SYNTHETIC)."""
    from baiqiang.core.indicators.importer import as_numbers

    body = pl.DataFrame(
        {
            "big": [1e308, 1e308, None],
            "odd": [float("inf"), float("nan"), 2.0],
            "both": [float("inf"), -float("inf"), 1.0],
        }
    )
    read = as_numbers(body, ["big", "odd", "both"])
    assert read.parsed == {"big": 2, "odd": 1, "both": 1}
    assert read.frame["big"].to_list() == [1e308, 1e308, None]
    assert read.frame["odd"].to_list() == [None, None, 2.0] and read.frame["both"].to_list() == [
        None,
        None,
        1.0,
    ]
