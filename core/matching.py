"""The one row matcher: rows of a file (what each says of its unit) in, an outcome per row out.

Every import goes through it — a yearbook table (:mod:`baiqiang.core.indicators`), another year's
edition of a list (:mod:`baiqiang.core.editions`), the built-in census — so that a name, a code, a
total row or a namesake is read the same way whatever the file is for.

A row is read **as of its year** (the file's, or the row's in a panel): its code and name are
looked up in that year's list of the code history (:mod:`baiqiang.core.history`), and what that
unit is on today's map decides the outcome — the same unit (stored; ``renamed`` where its name or
code has changed since), a part of a unit formed by a merger (``merged``: not stored, unless the
parts are summed), several units now (``split``), or a code and a name that are two units
(``conflict``). Names match never guessing: the exact name, the name without its suffix
(昆山 → 昆山市), an autonomous county's short name (大厂县), or the same in simplified
characters, narrowed by the row's province and prefecture; several that fit are ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from baiqiang.core.history import Fate, History, Lineage, Record, history_of, last_year, succession
from baiqiang.core.plain.resolve import Row, describe, has_han, match_exactly, narrow, to_simplified

if TYPE_CHECKING:
    import polars as pl

    from baiqiang.core.catalog import Catalog


class RowOutcome(StrEnum):
    """What became of one row of an imported file."""

    MATCHED = "matched"
    RENAMED = "renamed"
    """Its unit was renamed or recoded since the file's year (the same territory): stored on
    today's unit, with a note."""
    SUMMED = "summed"
    """A part of a unit formed by a merger, added up with the other parts (asked for)."""
    MERGED = "merged"
    """Its unit is now a part of a bigger one: not stored (a part is not the whole)."""
    SPLIT = "split"
    """Its unit is now in several: not stored."""
    SUCCEEDED = "succeeded"
    """Its unit was abolished and today's was set up on its land alone years later (南沙群岛 →
    南沙区): stored on today's unit, with a note that it is another unit, not a rename (where the
    land of several went to one, the rows are ``merged``: parts)."""
    CONFLICT = "conflict"
    """Its code and its name are two different units in the file's year: not stored."""
    AMBIGUOUS = "ambiguous"
    UNMATCHED = "unmatched"
    NOT_COUNTY = "not county-level"
    DUPLICATE = "duplicate"
    FOOTNOTE = "footnote"

    @property
    def stored(self) -> bool:
        """Whether the row's values are kept."""
        return self.value in _STORED  # (a set of strings: asked for every row of a panel)


_STORED = frozenset({"matched", "renamed", "succeeded", "summed"})
"""The outcomes whose row's values are kept (:attr:`RowOutcome.stored`)."""


class RowReport(NamedTuple):
    """One row's outcome (a named tuple: a panel has a hundred thousand rows).

    Attributes:
        line: The row's number in the file (1-based, as a spreadsheet counts).
        text: What the row names (its name or code cell).
        outcome: What became of it.
        adcode: The unit it was matched to.
        name: That unit's name.
        note: Why (a former name, the candidates, a suggestion).
    """

    line: int
    text: str
    outcome: RowOutcome
    adcode: str = ""
    name: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """As a row of the per-row report."""
        return {**self._asdict(), "outcome": str(self.outcome)}


class RowKey(NamedTuple):
    """What a row of a file says about its unit (cells cleaned: NFKC, no blanks; a named tuple:
    a panel has a hundred thousand rows).

    Attributes:
        line: The row's number in the file.
        code: Its code cell ("" for none).
        name: Its name cell ("" for none).
        province: Its province, short (江苏), where the file says.
        prefecture: Its prefecture as written, where the file says.
        year: The year its values are for, where the file says (two rows of one unit are
            duplicates only within a year).
        as_of: The year-end whose list its code and name are read in (None: today's map).
    """

    line: int
    code: str = ""
    name: str = ""
    province: str | None = None
    prefecture: str | None = None
    year: int | None = None
    as_of: int | None = None

    @property
    def text(self) -> str:
        """What the row names, as the report shows it."""
        return self.name or self.code


@dataclass(frozen=True)
class Places:
    """What rows are matched against: today's units, the code history, and the names of
    prefectures and provinces (rows naming those are not county-level)."""

    units: Sequence[Row]
    history: History
    areas: frozenset[str]

    @cached_property
    def by_code(self) -> dict[str, Row]:
        """Today's units by adcode."""
        return {str(u["adcode"]): u for u in self.units}


@cache
def places(catalog: Catalog) -> Places:
    """What imported rows are matched against, from the catalog (made once per catalog)."""
    from baiqiang.core.resolve import units as unit_frame

    units = unit_frame(catalog).collect().to_dicts()  # (not the former names: the history has them)
    d = catalog.divisions.select("prefecture", "province", "province_short").collect()
    areas = set(d["prefecture"].drop_nulls()) | set(d["province"]) | set(d["province_short"])
    areas |= {a.removesuffix("市") for a in d["prefecture"].drop_nulls() if a.endswith("市")}
    return Places(units, history_of(catalog.data_dir), frozenset(a for a in areas if a))


class Trust(StrEnum):
    """Which of a row's code and name decides where they name two different units."""

    CODE = "code"
    NAME = "name"


def province_of(cell: str | None) -> str | None:
    """A row's province cell as a province (short: 江苏), or None where it names none."""
    from baiqiang.core.plain import geo

    found = geo.find_province(cell) if cell else None
    return found.short if found else None


MAX_NAME = 64
"""The longest text tried as a unit's name (the longest name has 12 characters)."""

TOTAL = re.compile(
    r"^(全国|全省|全市|全区|全州|全盟|全县|合计|总计|总体|小计|平均|全部|其中|市辖区$|县$)|(合计|总计|平均|小计|直辖县级行政区划)$"
)
"""A row that sums others up (合计, 全省 …), not a unit."""
FUNCTIONAL = re.compile(
    r"(开发区|高新区|新区|管理区|管委会|园区|示范区|试验区|实验区|保税区|工业区|经济区|农场|林场|产业园|科技园"
    r"|工业园|食品区|合作区|旅游区|度假区|风景区|航空港区|行政委员会)$"
)
"""A development zone or other functional area: a place in statistics, not a county-level unit."""


@dataclass(frozen=True)
class Found:
    """What one row's code and name come to.

    Attributes:
        outcome: What becomes of its values.
        unit: Today's unit they are stored on (for ``merged``: the unit it is a part of).
        note: Why (the unit it was, the candidates, a suggestion).
        lineage: The row's unit as of its year, on today's map.
    """

    outcome: RowOutcome
    unit: Row | None = None
    note: str = ""
    lineage: Lineage | None = None


def match_one(
    places: Places,
    query: str,
    province: str | None = None,
    prefecture: str | None = None,
    *,
    name: str = "",
    as_of: int | None = None,
    trust: Trust | None = None,
) -> Found:
    """One row's code (or name, as `query`) and name, read as of a year.

    Args:
        places: What rows are matched against.
        query: The row's code (digits) or, for a row without one, its name.
        province: The row's province (short), where the file says.
        prefecture: The row's prefecture, where the file says.
        name: The row's name, where it has a code too.
        as_of: The year-end whose list the code and name are read in (None: today's map).
        trust: Which decides where the code and the name are two units (None: neither).
    """
    h = places.history
    year = h.base if as_of is None else as_of
    code = query[:6] if query.isdigit() and len(query) in (6, 9, 12) else ""
    text = name if code else ("" if query.isdigit() else query)
    if query.isdigit() and not code:
        return Found(RowOutcome.UNMATCHED, note=f"{query!r} is not a code (6, 9 or 12 digits)")
    by_code: Record | None = None
    fallback: Record | None = None
    code_note = ""
    if code:
        area = h.area(code, year) or (h.area(code, h.base) if h.record(code, year) is None else None)
        if area is not None or code.endswith("00"):
            return Found(RowOutcome.NOT_COUNTY, note="a prefecture or province code")
        by_code = h.record(code, year)
        if by_code is None:
            if code[4] == "7":
                return Found(
                    RowOutcome.NOT_COUNTY, note="a development zone or other functional area (its code)"
                )
            fallback = _nearest(h.of_code(code), year)
            code_note = f"code {code} was not in use in {year}" if fallback else f"no unit had code {code}"
    if len(text) > MAX_NAME:
        return Found(RowOutcome.UNMATCHED, note=f"{len(text):,} characters: no unit's name is that long")
    if prefecture is not None and text and _same_place(prefecture, text):
        prefecture = None  # a prefecture cell repeating the unit (西沙群岛): it narrows nothing
    by_name: list[Record] = []
    name_note = ""
    if by_code is not None and by_code.name == text:  # the code and its own name: the usual row
        by_name = [by_code]
    elif text:
        by_name, name_note, ambiguous = _named(h, text, province, prefecture, year)
        if ambiguous and not (by_code is not None and by_code in ambiguous):
            if by_code is None:
                named_area = text in places.areas or text.removesuffix("市") in places.areas
                shown = "; ".join(_where(r) for r in ambiguous[:6])
                also = " (or the prefecture of that name)" if named_area else ""
                return Found(RowOutcome.AMBIGUOUS, note=f"could be {shown}{also}")
        if ambiguous and by_code is not None and by_code in ambiguous:
            by_name = [by_code]
    record: Record | None
    if by_code is not None and by_name and by_name[0] is not by_code and _one_unit(h, by_code, by_name[0]):
        record, name_note = by_code, f"named {text}, {by_name[0].label} until {(by_name[0].end or 0) - 1}"
    elif by_code is not None and by_name and by_name[0] is not by_code:
        if trust == Trust.NAME:
            record, code_note = by_name[0], f"the code says {by_code.label}: the name decides"
        elif trust == Trust.CODE:
            record, code_note = by_code, f"the name says {by_name[0].label}: the code decides"
        else:
            return Found(
                RowOutcome.CONFLICT,
                note=f"in {year} code {code} is {by_code.label} and the name is {by_name[0].label}",
            )
    elif by_code is not None:
        record = by_code
        if text and not by_name and _base(text) != _base(by_code.name):  # 320281 named 不存在县
            name_note = f"the file names it {text}, no unit's name in {year}: the code decides"
    elif by_name:
        record = by_name[0]
        if code:
            code_note = code_note or f"code {code} is not {record.name}'s"
    elif code and fallback is not None and not text:
        record = fallback
    else:
        return _unmatched(places, text, code, code_note, year)
    return _fate(places, record, year, "; ".join(n for n in (code_note, name_note) if n))


def _statistical(h: History, code: str, year: int) -> bool:
    """Whether a code no list has is one of a prefecture of that year: the statistics' own
    county-level units (大兴安岭地区's 加格达奇区, 232761), which the Ministry's lists lack."""
    area = h.record(code[:4] + "00", year)
    return area is not None and area.level == "prefecture"


def _one_unit(h: History, a: Record, b: Record) -> bool:
    """Whether two records are one unit under two names: each is the whole of the same unit of
    today (海门市 of 2019 and 海门区 of 2020, a file naming a unit as it was just before)."""
    la, lb = (h.lineage(r, r_year) for r, r_year in ((a, last_year(a, h.base)), (b, last_year(b, h.base))))
    return la.fate == lb.fate == Fate.SAME and la.units == lb.units


def _base(name: str) -> str:
    """A name without its suffix (昆山 for 昆山市): a file may write either."""
    from baiqiang.core.plain.names import split_suffix

    return split_suffix(name)[0]


def _same_place(a: str, b: str) -> bool:
    """Whether two cells name one place (三沙市 and 三沙, 西沙群岛 and 西沙群岛)."""
    return a == b or a.removesuffix("市") == b.removesuffix("市")


def _nearest(records: Sequence[Record], year: int) -> Record | None:
    """The county-level record of a code nearest in time to `year` (the latest before it, else
    the first after)."""
    county = [r for r in records if r.level == "county"]
    before = [r for r in county if r.start <= year]
    if before:
        return max(before, key=lambda r: r.start)
    return min(county, key=lambda r: r.start) if county else None


def _named(
    h: History, text: str, province: str | None, prefecture: str | None, year: int
) -> tuple[list[Record], str, list[Record]]:
    """The record a name is in a year's list (narrowed by province and prefecture), or, where no
    unit had that name that year, the record of that name nearest in time; with a note where so,
    and the candidates where several fit."""
    found, note = _hits(h, year, text, province, prefecture)
    if len(found) == 1:
        return found, note, []
    if found:
        return [], "", found
    if text in h.area_names(year):  # a prefecture that year (巢湖市, 2010): no county's name
        return [], "", []
    anytime, note = _hits(h, None, text, province, prefecture)
    if not anytime and prefecture is not None:
        elsewhere = _named(h, text, province, None, year)
        record = elsewhere[0][0] if elsewhere[0] else None
        if record is None:
            return elsewhere
        its = "none" if record.prefecture in ("", "直辖") else record.prefecture
        said = f"the file's prefecture {prefecture} is not {record.name}'s ({its})"
        return [record], "; ".join(x for x in (said, elsewhere[1]) if x), []
    candidates = anytime
    if not candidates:
        return [], "", []
    fates = {_destination(h, r) for r in candidates}
    if len(fates) > 1:  # names of different places in different years
        return [], "", candidates
    record = max(candidates, key=lambda r: (r.end or 9999, r.start))
    return (
        [record],
        f"{text} was no unit's name in {year}: read as {record.label}, "
        + (f"in use {record.start}–{record.end - 1}" if record.end else f"in use since {record.start}"),
        [],
    )


def _hits(
    h: History, year: int | None, text: str, province: str | None, prefecture: str | None
) -> tuple[list[Record], str]:
    """The records of a year's list (every year's, for None) a name is, by the rules of
    :func:`~baiqiang.core.plain.resolve.match_exactly` — the exact name, else the name without
    its suffix or an autonomous county's short name, else the same in simplified characters —
    within the province and prefecture; with a note for the last."""
    candidate = text
    for _ in range(2):
        for index in (h.rows_named(year), h.rows_shortened(year)):
            rows = [
                r for r in index.get(candidate, ()) if province is None or r["province_short"] == province
            ]
            found = narrow(rows, None, prefecture) if rows else rows
            if found:
                note = f"{text} is {candidate} in simplified characters" if candidate != text else ""
                return [r["record"] for r in found], note  # type: ignore[misc]
        if not has_han(text) or (candidate := to_simplified(text)) == text:
            break
    return [], ""


def _destination(h: History, record: Record) -> frozenset[str]:
    """Where a record's land is now (which names of two places, years apart, tell apart)."""
    return h.destinations(record)


def _where(record: Record) -> str:
    """A record as a person tells it apart: 鼓楼区 (江苏省 南京市 320106)."""
    where = " ".join(
        x for x in (record.province, "" if record.prefecture == "直辖" else record.prefecture) if x
    )
    return f"{record.name} ({where} {record.code})"


def _fate(places: Places, record: Record, year: int, note: str) -> Found:
    """The outcome of a row whose unit (as of its year) is `record`."""
    h = places.history
    lineage = h.lineage(record, year if record.valid(year) else last_year(record, h.base))
    said = [note] if note else []
    if lineage.fate == Fate.SAME and lineage.units[0] not in places.by_code:
        city = h.record(lineage.units[0], h.base)
        named = f"{city.name} ({city.code})" if city is not None else lineage.units[0]
        said.insert(0, f"{record.label} is now {named}, a prefecture-level city without county-level units")
        return Found(RowOutcome.NOT_COUNTY, None, "; ".join(said), lineage)
    if lineage.fate == Fate.SAME:
        unit = places.by_code[lineage.units[0]]
        if (record.code, record.name) == (unit["adcode"], unit["name"]):
            return Found(RowOutcome.MATCHED, unit, "; ".join(said), lineage)
        when = f" in {_years(lineage.renamed)}" if lineage.renamed else ""
        said.insert(0, f"{record.label} became {unit['name']} ({unit['adcode']}){when}")
        return Found(RowOutcome.RENAMED, unit, "; ".join(said), lineage)
    if lineage.fate == Fate.MERGED:
        whole = places.by_code.get(lineage.units[0])
        others = [p.label for p in lineage.parts if p is not record]
        now = f"{whole['name']} ({whole['adcode']})" if whole else lineage.units[0]
        with_ = f", with {', '.join(others)}" if others else ""
        when = f" since {lineage.year}" if lineage.year else ""
        said.insert(0, f"{record.label} of {year} is only a part of today's {now}{when}{with_}")
        return Found(RowOutcome.MERGED, whole, "; ".join(said), lineage)
    if lineage.fate == Fate.SPLIT:
        now = ", ".join(f"{places.by_code[u]['name']} ({u})" for u in lineage.units if u in places.by_code)
        when = f" (split in {lineage.year})" if lineage.year else ""
        said.insert(0, f"{record.label} is now in {now}{when}")
        return Found(RowOutcome.SPLIT, None, "; ".join(said), lineage)
    if lineage.fate == Fate.SUCCEEDED:  # the same land, another unit: said, and a part is a part
        holder = places.by_code.get(lineage.units[0])
        now = f"{holder['name']} ({holder['adcode']})" if holder else lineage.units[0]
        said.insert(0, succession(h, record, lineage, now, now)[0])
        outcome = RowOutcome.MERGED if len(lineage.parts) > 1 else RowOutcome.SUCCEEDED
        return Found(outcome, holder, "; ".join(said), lineage)
    said.insert(0, f"{record.label}: the code lists say nothing of what became of it")
    return Found(RowOutcome.UNMATCHED, None, "; ".join(said), lineage)


def _years(years: tuple[int, ...]) -> str:
    return " and ".join(map(str, years))


def _unmatched(places: Places, text: str, code: str, code_note: str, year: int) -> Found:
    """A row whose code and name match no unit of its year: not county-level where it names a
    prefecture, a province, a total or a functional area; else unmatched, with close names."""
    if text:
        if TOTAL.search(text):
            return Found(RowOutcome.NOT_COUNTY, note="a total")
        then = places.history.area_names(year).get(text)
        if then is not None and then.level == "prefecture" and text not in places.areas:
            return Found(RowOutcome.NOT_COUNTY, note=f"{then.label} was a prefecture in {year}")
        if text in places.areas or text.removesuffix("市") in places.areas or then is not None:
            return Found(RowOutcome.NOT_COUNTY, note="a prefecture or province")
        if FUNCTIONAL.search(text):
            return Found(RowOutcome.NOT_COUNTY, note="a development zone or other functional area")
        if code and not places.history.of_code(code) and _statistical(places.history, code, year):
            return Found(
                RowOutcome.NOT_COUNTY,
                note=f"{code_note}: a unit of the statistics' code lists only, not of the Ministry of Civil Affairs' (加格达奇区)",
            )
        near = "; ".join(describe(c) for c in match_exactly(places.units, text).candidates[:3])
        tail = f"did you mean {near}?" if near else ""
        return Found(RowOutcome.UNMATCHED, note="; ".join(x for x in (code_note, tail) if x))
    return Found(RowOutcome.UNMATCHED, note=code_note or "no name or code")


@dataclass(frozen=True)
class Matched:
    """Every row's outcome, and the units formed by a merger whose parts the file has (for
    ``sum``): unit → the reports of its parts, per year.

    Attributes:
        table: A row per row given, in order: ``line``, ``text``, ``outcome``, ``adcode``,
            ``name``, ``note`` (:func:`report_schema`; a panel's hundred thousand rows stay a
            frame until asked for as :attr:`reports`).
        parts: The parts summed, per unit and year.
    """

    table: pl.DataFrame
    parts: dict[tuple[str, int | None], list[RowReport]]

    @cached_property
    def reports(self) -> list[RowReport]:
        """Every row's outcome, as :class:`RowReport` objects."""
        return reports_of(self.table)


def report_schema() -> dict[str, Any]:
    """The columns of a table of outcomes: line, text, outcome, adcode, name, note."""
    import polars as pl

    return {"line": pl.Int64, "text": pl.String, "outcome": pl.String} | dict.fromkeys(
        ("adcode", "name", "note"), pl.String
    )


def key_schema() -> dict[str, Any]:
    """The columns of a table of rows to match (the fields of :class:`RowKey`)."""
    import polars as pl

    return {
        "line": pl.Int64,
        "code": pl.String,
        "name": pl.String,
        "province": pl.String,
        "prefecture": pl.String,
        "year": pl.Int32,
        "as_of": pl.Int32,
    }


_OUTCOMES = {str(o): o for o in RowOutcome}


def reports_of(table: pl.DataFrame) -> list[RowReport]:
    """A table of outcomes (:func:`report_schema`) as :class:`RowReport` objects."""
    return [
        RowReport(line, text, _OUTCOMES[outcome], adcode, name, note)
        for line, text, outcome, adcode, name, note in table.select(*report_schema()).iter_rows()
    ]


def match_rows(
    places: Places, rows: Iterable[RowKey], *, trust: Trust | None = None, merge_sum: bool = False
) -> list[RowReport]:
    """Every row's outcome, in order (see :func:`match_frame`)."""
    return match_all(places, rows, trust=trust, merge_sum=merge_sum).reports


def match_all(
    places: Places, rows: Iterable[RowKey], *, trust: Trust | None = None, merge_sum: bool = False
) -> Matched:
    """Every row's outcome, in order (:func:`match_frame`, for rows given one by one)."""
    import polars as pl

    frame = pl.DataFrame(list(rows), schema=key_schema(), orient="row")
    return match_frame(places, frame, trust=trust, merge_sum=merge_sum)


_KEY = ("code", "name", "province", "prefecture", "as_of")


def match_frame(
    places: Places, rows: pl.DataFrame, *, trust: Trust | None = None, merge_sum: bool = False
) -> Matched:
    """Every row's outcome, in order: stored on one unit (matched, renamed or summed), or why not.

    Args:
        places: What rows are matched against.
        rows: The rows, with the columns of :func:`key_schema` (a code or name cell left out is
            "").
        trust: Which decides where a row's code and name are two units.
        merge_sum: Sum the parts of a unit formed by a merger where the file has every one of
            them (in a year); they stay ``merged`` otherwise.

    A row's code is tried first where it has one; a second row of a unit (in the same year) is
    a duplicate, naming the line that has it. The same code, name, province, prefecture and
    year are matched once, however many rows repeat them (a panel of thirty years): the rows
    are a frame, and only their distinct keys pass through Python.
    """
    import polars as pl

    rows = rows.select(
        pl.col(c).cast(t) if c in rows.columns else pl.lit(None, t).alias(c) for c, t in key_schema().items()
    ).with_columns(pl.col("code", "name").fill_null(""))
    keys = rows.select(_KEY).unique(maintain_order=True)
    found: list[Found] = []
    for code, name, province, prefecture, as_of in keys.iter_rows():
        query = code if code.isdigit() else name
        if not query:
            found.append(Found(RowOutcome.UNMATCHED, note="no name or code"))
            continue
        named = name if code.isdigit() else ""
        found.append(match_one(places, query, province, prefecture, name=named, as_of=as_of, trust=trust))
    keyed = keys.with_columns(
        pl.Series("_k", range(len(found)), pl.Int64),
        pl.Series("outcome", [str(f.outcome) for f in found], pl.String),
        pl.Series("_stored", [f.outcome.stored and f.unit is not None for f in found], pl.Boolean),
        pl.Series("adcode", [str(f.unit["adcode"]) if f.unit else "" for f in found], pl.String),
        pl.Series("unit", [str(f.unit["name"]) if f.unit else "" for f in found], pl.String),
        pl.Series("note", [f.note for f in found], pl.String),
    )
    table = (
        rows.with_row_index("_r")
        .join(keyed, on=list(_KEY), how="left", nulls_equal=True, maintain_order="left")
        .with_columns(text=pl.when(pl.col("name") != "").then("name").otherwise("code"))
    )
    # a second row of a unit in a year: a duplicate of the first (looked for in the rows stored,
    # and only where there is one: a panel of 85,000 rows has none, as a rule)
    stored = table.filter("_stored")
    if stored.select(pl.struct("adcode", "year").is_duplicated().any()).item():
        first = stored.group_by("adcode", "year").agg(
            pl.col("_r").first().alias("_first"), pl.col("line").first().alias("_at")
        )
        table = table.join(first, on=["adcode", "year"], how="left", nulls_equal=True, maintain_order="left")
        twice = pl.col("_stored") & (pl.col("_r") != pl.col("_first"))
        when = (
            pl.when(pl.col("year").is_not_null() & (pl.col("year") != 0))
            .then(pl.format(" ({})", "year"))
            .otherwise(pl.lit(""))
        )
        table = table.with_columns(
            outcome=pl.when(twice).then(pl.lit(str(RowOutcome.DUPLICATE))).otherwise("outcome"),
            note=pl.when(twice)
            .then(pl.format("line {} has {}{} already", "_at", "unit", when))
            .otherwise("note"),
        )
    parts, rows_summed = _summed(table, found, merge_sum=merge_sum)
    if parts:
        changed = pl.DataFrame(
            [(r, str(report.outcome), report.note) for r, report in rows_summed],
            schema={"_r": pl.UInt32, "outcome": pl.String, "note": pl.String},
            orient="row",
        )
        table = table.update(changed, on="_r")
    out = table.select("line", "text", "outcome", "adcode", pl.col("unit").alias("name"), "note")
    return Matched(out, parts)


def _summed(
    table: pl.DataFrame, found: list[Found], *, merge_sum: bool
) -> tuple[dict[tuple[str, int | None], list[RowReport]], list[tuple[int, RowReport]]]:
    """The rows of the parts of a unit formed by a merger, ``summed``, per unit and year: where
    `merge_sum` and the file has every part (and no row of the unit itself) in that year; and
    each of those rows' position in `table` with its new report."""
    import polars as pl

    merged = table.filter((pl.col("outcome") == str(RowOutcome.MERGED)) & (pl.col("adcode") != ""))
    if not merge_sum or merged.height == 0:
        return {}, []
    groups: dict[tuple[str, int | None], list[tuple[int, RowReport, Found]]] = {}
    for r, line, text, adcode, unit, note, year, k in merged.select(
        "_r", "line", "text", "adcode", "unit", "note", "year", "_k"
    ).iter_rows():
        report = RowReport(line, text, RowOutcome.MERGED, adcode, unit, note)
        groups.setdefault((adcode, year), []).append((r, report, found[k]))
    taken = set(table.filter(pl.col("_stored")).select("adcode", "year").iter_rows())
    complete: dict[tuple[str, int | None], list[RowReport]] = {}
    changed: list[tuple[int, RowReport]] = []
    for (adcode, year), members in groups.items():
        lineage = members[0][2].lineage
        needed = {p.code for p in lineage.parts} if lineage else set()
        have = {m[2].lineage.record.code for m in members if m[2].lineage}
        if have != needed or len(members) != len(needed) or (adcode, year) in taken:
            continue
        lines = ", ".join(str(m[1].line) for m in members)
        summed = [
            (r, m._replace(outcome=RowOutcome.SUMMED, note=f"{m.note}; summed with lines {lines}"))
            for r, m, _ in members
        ]
        complete[(adcode, year)] = [m for _, m in summed]
        changed += summed
    return complete, changed


__all__ = [
    "FUNCTIONAL",
    "TOTAL",
    "Found",
    "Matched",
    "Places",
    "RowKey",
    "RowOutcome",
    "RowReport",
    "Trust",
    "match_all",
    "match_frame",
    "match_one",
    "match_rows",
    "places",
    "province_of",
]
