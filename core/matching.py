"""The one row matcher: rows of a file (what each says of its unit) in, an outcome per row out.

Every import goes through it — a yearbook table (:mod:`baiqiang.core.indicators`), another year's
edition of a list (:mod:`baiqiang.core.editions`), a built-in dataset — so that a name, a code, a
total row or a namesake is read the same way whatever the file is for. Matching never guesses:
an adcode (6, 9 or 12 digits), a former code, the exact name, the name without its suffix, a
former name or the same in simplified characters, narrowed by the row's province and prefecture;
several units that fit are ambiguous (:func:`baiqiang.core.plain.resolve.match_exactly`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from baiqiang.core.plain.resolve import Outcome, Row, describe, match_exactly

if TYPE_CHECKING:
    from baiqiang.core.catalog import Catalog


class RowOutcome(StrEnum):
    """What became of one row of an imported file."""

    MATCHED = "matched"
    FORMER = "former name"
    AMBIGUOUS = "ambiguous"
    UNMATCHED = "unmatched"
    NOT_COUNTY = "not county-level"
    DUPLICATE = "duplicate"
    FOOTNOTE = "footnote"

    @property
    def stored(self) -> bool:
        """Whether the row's values are kept."""
        return self in (RowOutcome.MATCHED, RowOutcome.FORMER)


@dataclass(frozen=True)
class RowReport:
    """One row's outcome.

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
        return {**asdict(self), "outcome": str(self.outcome)}


@dataclass(frozen=True)
class RowKey:
    """What a row of a file says about its unit (cells cleaned: NFKC, no blanks).

    Attributes:
        line: The row's number in the file.
        code: Its code cell ("" for none).
        name: Its name cell ("" for none).
        province: Its province, short (江苏), where the file says.
        prefecture: Its prefecture as written, where the file says.
        year: The year its values are for, where the file says (two rows of one unit are
            duplicates only within a year).
    """

    line: int
    code: str = ""
    name: str = ""
    province: str | None = None
    prefecture: str | None = None
    year: int | None = None

    @property
    def text(self) -> str:
        """What the row names, as the report shows it."""
        return self.name or self.code


@dataclass(frozen=True)
class Places:
    """What rows are matched against: every unit, the former names and codes, and the names and
    codes of prefectures and provinces (rows naming those are not county-level)."""

    units: Sequence[Row]
    former: Sequence[Row]
    areas: frozenset[str]
    area_codes: frozenset[str]

    @cached_property
    def by_code(self) -> dict[str, Row]:
        """Every unit by its adcode."""
        return {str(u["adcode"]): u for u in self.units}


def places(catalog: Catalog) -> Places:
    """What imported rows are matched against, from the catalog."""
    from baiqiang.core.profile import unit_rows

    units, former = unit_rows(catalog)
    d = catalog.divisions.select(
        "prefecture", "prefecture_code", "province", "province_code", "province_short"
    ).collect()
    areas = set(d["prefecture"].drop_nulls()) | set(d["province"]) | set(d["province_short"])
    areas |= {a.removesuffix("市") for a in d["prefecture"].drop_nulls() if a.endswith("市")}
    codes = set(d["prefecture_code"].drop_nulls()) | set(d["province_code"].drop_nulls())
    return Places(units, former, frozenset(areas), frozenset(str(c)[:6] for c in codes))


def province_of(cell: str | None) -> str | None:
    """A row's province cell as a province (short: 江苏), or None where it names none."""
    from baiqiang.core.plain import geo

    found = geo.find_province(cell) if cell else None
    return found.short if found else None


MAX_NAME = 64
"""The longest text tried as a unit's name (the longest name has 12 characters)."""

TOTAL = re.compile(
    r"^(全国|全省|全市|全区|全州|全盟|全县|合计|总计|总体|小计|平均|全部|其中)|(合计|总计|平均|小计)$"
)
"""A row that sums others up (合计, 全省 …), not a unit."""


def match_one(
    places: Places, query: str, province: str | None = None, prefecture: str | None = None
) -> tuple[RowOutcome, Row | None, str]:
    """One name or code: its outcome, the unit (where one), and a note.

    Args:
        places: What rows are matched against.
        query: A code (digits) or a name.
        province: The row's province (short), where the file says.
        prefecture: The row's prefecture, where the file says.
    """
    if query.isdigit():
        code = query[:6]
        if code in places.area_codes:
            return RowOutcome.NOT_COUNTY, None, "a prefecture or province code"
        unit = places.by_code.get(code) if len(query) in (6, 9, 12) else None
        if unit is not None and (province is None or unit.get("province_short") == province):
            return RowOutcome.MATCHED, unit, ""
    elif len(query) > MAX_NAME:
        return RowOutcome.UNMATCHED, None, f"{len(query):,} characters: no unit's name is that long"
    found = match_exactly(places.units, query, province=province, prefecture=prefecture, former=places.former)
    if found.status == Outcome.FOUND and found.unit is not None:
        former = found.how.value.startswith("former")
        return (RowOutcome.FORMER if former else RowOutcome.MATCHED), found.unit, found.note
    if not query.isdigit() and TOTAL.search(query):  # 合计, 全省 (全州县 is a unit: found above)
        return RowOutcome.NOT_COUNTY, None, "a total"
    area = not query.isdigit() and (query in places.areas or query.removesuffix("市") in places.areas)
    if found.status == Outcome.AMBIGUOUS:  # 朝阳: units of three provinces, and a prefecture
        shown = "; ".join(describe(c) for c in found.candidates[:6])
        also = " (or the prefecture of that name)" if area else ""
        return RowOutcome.AMBIGUOUS, None, f"could be {shown}{also}"
    if area:
        return RowOutcome.NOT_COUNTY, None, "a prefecture or province"
    near = "; ".join(describe(c) for c in found.candidates[:3])
    return RowOutcome.UNMATCHED, None, f"did you mean {near}?" if near else ""


def match_rows(places: Places, rows: Iterable[RowKey]) -> list[RowReport]:
    """Every row's outcome, in order: matched (or by a former name) to one unit, or why not.

    A row's code is tried first where it has one; a second row of a unit (in the same year) is
    a duplicate, naming the line that has it. The same name, province and prefecture are
    matched once, however many rows repeat them (a panel of thirty years).
    """
    reports: list[RowReport] = []
    seen: dict[tuple[str, int | None], int] = {}
    cache: dict[tuple[str, str | None, str | None], tuple[RowOutcome, Row | None, str]] = {}
    for row in rows:
        query = row.code if row.code.isdigit() else row.name
        if not query:
            reports.append(RowReport(row.line, row.text, RowOutcome.UNMATCHED, note="no name or code"))
            continue
        key = (query, row.province, row.prefecture)
        if key not in cache:
            cache[key] = match_one(places, query, row.province, row.prefecture)
        outcome, unit, note = cache[key]
        if unit is None:
            reports.append(RowReport(row.line, row.text, outcome, note=note))
            continue
        twice = (str(unit["adcode"]), row.year)
        if twice in seen:
            when = f" ({row.year})" if row.year else ""
            said = f"line {seen[twice]} has {unit['name']}{when} already"
            reports.append(
                RowReport(row.line, row.text, RowOutcome.DUPLICATE, str(unit["adcode"]), unit["name"], said)
            )
            continue
        seen[twice] = row.line
        reports.append(RowReport(row.line, row.text, outcome, str(unit["adcode"]), unit["name"], note))
    return reports


__all__ = [
    "TOTAL",
    "Places",
    "RowKey",
    "RowOutcome",
    "RowReport",
    "match_one",
    "match_rows",
    "places",
    "province_of",
]
