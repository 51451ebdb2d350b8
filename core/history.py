"""The history of the county-level map: what a code or a name of any year since 1981 is on
today's map (the 2,843 units of the end of 2021, :data:`BASE`).

``data/history.csv`` holds every code with the years it was in use and the codes its territory
went to (the Ministry of Civil Affairs' lists, via yescallop/areacodes, CC0). From it, for a
unit of year *Y* (a *record*):

- its **destinations**: the units of :data:`BASE` its territory is in now, following each change
  (a code retired into another, a code given a new name) — partial transfers of land, which the
  lists note with a year (``370211[1996]``), are changes of boundary, not of identity, unless the
  land went to a unit made then (余杭区 gave 临平区 its land in 2021: 余杭区 of 2020 is now in two
  units, split);
- its **fate**, from the destinations and from the other records of *Y* that share them:
  ``same`` (one unit now, made of it alone: renamed or recoded, 吴江市 → 吴江区), ``merged`` (one
  unit now, made of it and others: 崇文区 → 东城区, 孟津县 and 吉利区 → 孟津区), ``split`` (several
  units now), ``gone`` (the lists say nowhere);
- for a unit of a year after :data:`BASE` (米林市, 2023): the unit of BASE it comes from, when it
  is the whole of one (renamed), else none (a part split off, or several joined).

Plain Python (no Polars): the catalog, the matcher and the lookup index all read it.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

BASE = 2021
"""The year-end whose map is today's: the units of ``divisions.csv``."""


THROUGH = {"469031": "460302", "469033": "460302", "469032": "460303"}
"""Where the code lists say only that land went to a prefecture which later made districts of it
(三沙市, 2012; 西沙区 and 南沙区, 2020): the district each county-level unit's land is in, as the
decision that made them says (国务院 2020: 西沙区 governs 西沙群岛 and 中沙群岛的岛礁及其海域, 南沙区
governs 南沙群岛 — 民政部, 2020-04-18)."""


class Fate(StrEnum):
    """What a unit of some year is on today's map."""

    SAME = "same"
    """One unit now, made of it alone (renamed, recoded, or unchanged)."""
    MERGED = "merged"
    """One unit now, made of it and others: it is a part of that unit."""
    SPLIT = "split"
    """Several units now."""
    SUCCEEDED = "succeeded"
    """Abolished, its land held for years by a prefecture that later set up today's unit on it
    (西沙群岛, 2012 → 三沙市 → 西沙区, 2020): not the same unit, and not a rename."""
    GONE = "gone"
    """The lists say nowhere."""


_SUCCESSOR = re.compile(r"^(\d{6})(?:\[(\d{4})\])?$")


@dataclass(frozen=True, eq=False)
class Record:
    """A code and name in use over some years (each one object, equal only to itself: it is
    hashed as such in every cache and index, quickly).

    Attributes:
        code: The code.
        name: The name.
        level: ``county``, ``prefecture`` or ``province``.
        province: Its province then.
        prefecture: Its prefecture then (直辖 for a municipality's; empty for a prefecture).
        status: ``in use``, ``abolished`` (the code retired) or ``changed`` (the code went on
            under another name).
        start: The first year-end list it is in.
        end: The first year-end list it is no longer in (None: still in use).
        successors: Where its territory went: (code, year) — a year where part of it went then,
            None for the rest, at its end.
    """

    code: str
    name: str
    level: str
    province: str
    prefecture: str
    status: str
    start: int
    end: int | None
    successors: tuple[tuple[str, int | None], ...] = ()

    def valid(self, year: int) -> bool:
        """Whether it is in the list of the end of `year`."""
        return self.start <= year and (self.end is None or year < self.end)

    @property
    def label(self) -> str:
        """As a person tells it: 吴江市 (320584)."""
        return f"{self.name} ({self.code})"

    def at_end(self) -> list[str]:
        """The codes its territory went to at its end."""
        return [c for c, y in self.successors if y is None or y == self.end]

    def transfers(self) -> list[tuple[str, int]]:
        """Parts of its territory that went to other codes before its end: (code, year)."""
        return [(c, y) for c, y in self.successors if y is not None and y != self.end]


@dataclass(frozen=True)
class Lineage:
    """A record of some year as today's map sees it.

    Attributes:
        record: The record.
        fate: What it is now.
        units: The codes of today's units its territory is in.
        parts: For ``merged``: every record of that year that makes up the unit.
        year: The year of the change that decided the fate (a rename's, a merger's, a split's);
            None for a record of today's map unchanged.
        renamed: For ``same``: the years in which its name or code changed.
    """

    record: Record
    fate: Fate
    units: tuple[str, ...]
    parts: tuple[Record, ...] = ()
    year: int | None = None
    renamed: tuple[int, ...] = field(default_factory=tuple)


def _successors(text: str) -> tuple[tuple[str, int | None], ...]:
    out: list[tuple[str, int | None]] = []
    for part in text.split(";"):
        found = _SUCCESSOR.match(part.strip())
        if found:
            out.append((found[1], int(found[2]) if found[2] else None))
    return tuple(out)


def read_records(path: Path) -> list[Record]:
    """The records of ``history.csv``."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows)
        if header != [
            "code",
            "name",
            "level",
            "province",
            "prefecture",
            "status",
            "start",
            "end",
            "successors",
        ]:
            raise ValueError(f"{path} has the columns {header}")
        return [
            Record(code, name, level, province, prefecture, status, int(start), int(end) if end else None,
                   _successors(successors) if successors else ())
            for code, name, level, province, prefecture, status, start, end, successors in rows
        ]  # fmt: skip


class History:
    """Every record, and what any of them is on today's map.

    Args:
        records: The records of ``history.csv``.
        base: The year whose map is today's.
    """

    def __init__(self, records: Iterable[Record], *, base: int = BASE) -> None:
        self.base = base
        self.records = list(records)
        self._by_code: dict[str, list[Record]] = defaultdict(list)
        for r in self.records:
            self._by_code[r.code].append(r)
        for found in self._by_code.values():
            found.sort(key=lambda r: r.start)
        self._years: dict[int, dict[str, list[Record]]] = {}

    # --- records of a year ------------------------------------------------------------------

    def record(self, code: str, year: int) -> Record | None:
        """The record of a code in the list of the end of `year`, or None."""
        return next((r for r in self._by_code.get(code, ()) if r.valid(year)), None)

    def of_code(self, code: str) -> list[Record]:
        """Every record a code has had, oldest first."""
        return list(self._by_code.get(code, ()))

    def in_year(self, year: int, *, level: str = "county") -> list[Record]:
        """The records of a level in the list of the end of `year`."""
        return list(self._in_year(year, level))

    @cache  # noqa: B019  (one History per data folder, kept as long as the process)
    def _in_year(self, year: int, level: str) -> tuple[Record, ...]:
        return tuple(r for r in self.records if r.level == level and r.valid(year))

    def named(self, name: str) -> list[Record]:
        """Every county-level record of that name, in any year."""
        return [r for r in self.records if r.level == "county" and r.name == name]

    @cache  # noqa: B019
    def rows(self, year: int | None = None) -> list[dict[str, object]]:
        """The county-level records of a year (every year, for None) as rows the name rules of
        :func:`~baiqiang.core.plain.resolve.match_exactly` read (``adcode``, ``name``,
        ``province``, ``province_short``, ``prefecture``), each with its ``record``."""
        from baiqiang.core.plain import geo

        short = {
            p: (geo.find_province(p) or geo.PROVINCES[0]).short for p in {r.province for r in self.records}
        }
        chosen = [r for r in self.records if r.level == "county" and (year is None or r.valid(year))]
        return [
            {
                "adcode": r.code,
                "name": r.name,
                "province": r.province,
                "province_short": short[r.province],
                "prefecture": "" if r.prefecture == "直辖" else r.prefecture,
                "record": r,
            }
            for r in chosen
        ]

    @cache  # noqa: B019
    def rows_named(self, year: int | None) -> dict[str, list[dict[str, object]]]:
        """:meth:`rows` by name."""
        out: dict[str, list[dict[str, object]]] = defaultdict(list)
        for r in self.rows(year):
            out[str(r["name"])].append(r)
        return out

    @cache  # noqa: B019
    def rows_shortened(self, year: int | None) -> dict[str, list[dict[str, object]]]:
        """:meth:`rows` by their names shortened: without the suffix (昆山 for 昆山市), an
        autonomous county's without its peoples (大厂县)."""
        from baiqiang.core.plain.resolve import short_names

        out: dict[str, list[dict[str, object]]] = defaultdict(list)
        for r in self.rows(year):
            for short in short_names(str(r["name"])):
                out[short].append(r)
        return out

    @cache  # noqa: B019
    def rows_in(self, year: int | None, province: str | None) -> list[dict[str, object]]:
        """:meth:`rows` of one province (short name; every province for None)."""
        rows = self.rows(year)
        return rows if province is None else [r for r in rows if r["province_short"] == province]

    @cache  # noqa: B019
    def area_names(self, year: int) -> dict[str, Record]:
        """The prefectures and provinces of a year-end list by name (巢湖市 and 巢湖 for 2010)."""
        out: dict[str, Record] = {}
        for r in self.records:
            if r.level != "county" and r.valid(year):
                out[r.name] = r
                out.setdefault(r.name.removesuffix("市"), r)
        return out

    def area(self, code: str, year: int) -> Record | None:
        """The prefecture or province a code named in the list of the end of `year`, if any."""
        found = self.record(code, year)
        return found if found is not None and found.level != "county" else None

    # --- forward: what a record became -------------------------------------------------------

    def destinations(self, record: Record, year: int | None = None) -> frozenset[str]:
        """The codes, in the list of the end of `year` (default :attr:`base`), whose units hold
        the record's territory (partial transfers before its end aside)."""
        return self._destinations(record, self.base if year is None else year)

    @cache  # noqa: B019  (one History per data folder, kept as long as the process)
    def _destinations(self, record: Record, year: int) -> frozenset[str]:
        if record.code in THROUGH and record.end is not None and record.end <= year:
            found = self.record(THROUGH[record.code], year)
            if found is not None:
                return self._destinations(found, year)
        if record.valid(year):
            if record.level != "county":  # a county's land under a prefecture (三沙市), now its districts
                later = [
                    d
                    for code, when in record.successors
                    if when is not None and when <= year and (nxt := self.record(code, when)) is not None
                    for d in self._destinations(nxt, year)
                ]
                return frozenset(later or {record.code})
            return frozenset({record.code})
        if record.start > year:  # after the year: no destination in it
            return frozenset()
        assert record.end is not None
        out: set[str] = set()
        for code in record.at_end():
            nxt = self.record(code, record.end)
            if nxt is not None and nxt is not record:
                out |= self._destinations(nxt, year)
        return frozenset(out)

    def lineage(self, record: Record, year: int) -> Lineage:
        """What a record of the list of the end of `year` is on today's map."""
        return self._lineage(record, year)

    @cache  # noqa: B019
    def _lineage(self, record: Record, year: int) -> Lineage:
        if year > self.base:
            if record.valid(self.base):
                return Lineage(record, Fate.SAME, (record.code,), (record,))
            came, parted = self._after(year)
            return self._later(record, year, came, parted)
        if record.valid(self.base) and not record.successors:  # today's, and no land given away
            if len(self._sources(year).get(record.code, ())) == 1:  # and nothing merged into it
                return Lineage(record, Fate.SAME, (record.code,), (record,))
        through = next((r for r in self._chain(record) if r.code in THROUGH), None)
        if through is not None and through.end is not None and through.end <= self.base:
            unit = THROUGH[through.code]
            made = self.record(unit, self.base)
            parts = tuple(r for r in self.in_year(through.end - 1) if THROUGH.get(r.code) == unit)
            return Lineage(
                record, Fate.SUCCEEDED, (unit,), parts, year=made.start if made is not None else None
            )
        units = self.destinations(record)
        when = self._change_year(record)
        spun = self._spun_off(record, year)
        if spun and units:  # land it gave a unit made after `year` (余杭区 2020: 临平区 of 2021)
            return Lineage(
                record, Fate.SPLIT, tuple(sorted(units | spun)), year=min(self._spins(record, year))
            )
        if not units:
            return Lineage(record, Fate.GONE, (), year=record.end)
        if len(units) > 1:
            return Lineage(record, Fate.SPLIT, tuple(sorted(units)), year=when)
        (u,) = units
        parts = tuple(sorted(self._sources(year)[u], key=lambda p: p.code))
        if len(parts) > 1:
            return Lineage(record, Fate.MERGED, (u,), parts, year=self._merge_year(record, parts))
        steps = self._renames(record)
        return Lineage(record, Fate.SAME, (u,), (record,), year=steps[-1] if steps else None, renamed=steps)

    def _spins(self, record: Record, year: int) -> dict[int, set[str]]:
        """The units made, after `year` and up to :attr:`base`, of land a record (or what it went
        on as) gave them — a part transferred to a code new that year — by year."""
        out: dict[int, set[str]] = defaultdict(set)
        for r in self._chain(record):
            if r.level != "county":  # a prefecture's districts (三沙市's): :data:`THROUGH`
                break
            for code, when in r.transfers():
                if year < when <= self.base:
                    new = self.record(code, when)
                    if new is not None and new.start == when and new.level == "county":
                        out[when] |= self.destinations(new)
        return out

    def _spun_off(self, record: Record, year: int) -> frozenset[str]:
        return frozenset(u for units in self._spins(record, year).values() for u in units)

    @cache  # noqa: B019
    def _sources(self, year: int) -> dict[str, list[Record]]:
        """For each unit of today: the county-level records of `year` whose land it holds."""
        sources: dict[str, list[Record]] = defaultdict(list)
        for r in self.in_year(year):
            for u in self.destinations(r):
                sources[u].append(r)
        return sources

    def chain(self, record: Record) -> list[Record]:
        """The records after this one while each goes on as one code, itself first (the last is
        where its territory was split, or today's, or the prefecture it went to)."""
        return list(self._chain(record))

    def _chain(self, record: Record) -> list[Record]:
        """The records after this one while each goes on as one code (its last is where its
        territory was split, or today's)."""
        chain = [record]
        while not chain[-1].valid(self.base) and chain[-1].end is not None and chain[-1].end <= self.base:
            last = chain[-1]
            assert last.end is not None
            codes = last.at_end()
            if len(codes) != 1:
                break
            nxt = self.record(codes[0], last.end)
            if nxt is None or nxt is last:
                break
            chain.append(nxt)
        return chain

    def _renames(self, record: Record) -> tuple[int, ...]:
        """The years in which a record's code or name changed on its way to today's unit."""
        chain = self._chain(record)
        return tuple(
            a.end
            for a, b in zip(chain, chain[1:], strict=False)
            if a.end is not None and (a.code, a.name) != (b.code, b.name)
        )

    def _change_year(self, record: Record) -> int | None:
        chain = self._chain(record)
        if chain[-1].level != "county" and len(chain) > 1:  # its land went to a prefecture (三沙市)
            return chain[-2].end
        return chain[-1].end if not chain[-1].valid(self.base) else None

    def _merge_year(self, record: Record, parts: tuple[Record, ...]) -> int | None:
        """The year the parts came together: the first year-end at which the record's code and
        another part's lead to one code."""
        ends = {p: self._path(p) for p in parts}
        mine = ends[record]
        joined: int | None = None
        for other, path in ends.items():
            if other is record:
                continue
            common = [y for y, code in mine.items() if path.get(y) == code]
            if common and (joined is None or min(common) < joined):
                joined = min(common)
        if joined is None:  # a part split among several (江干区 into 上城区 and 钱塘区): when it ended
            gone = [p.end for p in parts if p is not record and p.end is not None and p.end <= self.base]
            joined = min(gone) if gone else None
        return joined

    def _path(self, record: Record) -> dict[int, str]:
        """The code a record's territory had at each year-end from its start to today (while it
        went on as one code)."""
        out: dict[int, str] = {}
        since = record.start
        for r in self._chain(record):
            last = self.base if r.end is None else min(r.end - 1, self.base)
            for y in range(max(r.start, since), last + 1):
                out[y] = r.code
            since = last + 1
        return out

    # --- after the base year -----------------------------------------------------------------

    def _after(self, year: int) -> tuple[dict[str, list[Record]], dict[str, list[Record]]]:
        """For the codes of a year after :attr:`base`: the units of base whose territory went
        to each (at their end), and those that gave it a part (a transfer of land)."""
        came: dict[str, list[Record]] = defaultdict(list)
        parted: dict[str, list[Record]] = defaultdict(list)
        for u in self.in_year(self.base):
            for code in self.destinations(u, year):
                came[code].append(u)
            for code, _ in u.successors:
                parted[code].append(u)
        return came, parted

    def _later(
        self, record: Record, year: int, came_to: dict[str, list[Record]], parted_to: dict[str, list[Record]]
    ) -> Lineage:
        """A record of a year after :attr:`base`: the unit of base it is, where it is one whole."""
        came, parted = came_to.get(record.code, []), parted_to.get(record.code, [])
        if len(came) == 1 and self.destinations(came[0], year) == {record.code} and not parted[1:]:
            u = came[0]
            steps = (record.start,) if (u.code, u.name) != (record.code, record.name) else ()
            return Lineage(
                record, Fate.SAME, (u.code,), (u,), year=steps[0] if steps else None, renamed=steps
            )
        sources = tuple(sorted({u.code for u in [*came, *parted]}))
        if len(sources) == 1:  # a part of one unit of the base year
            return Lineage(record, Fate.SPLIT, sources, year=record.start)
        return Lineage(record, Fate.MERGED if sources else Fate.GONE, sources, year=record.start)

    # --- which year a file's codes are of ----------------------------------------------------

    def name_vintage(self, names: Iterable[str]) -> tuple[int, int, float] | None:
        """The year-ends whose lists hold the most of `names` (a file without codes: its names,
        or their short forms — 昆山 for 昆山市), as :meth:`vintage` does for codes."""
        from baiqiang.core.plain.resolve import short_names

        index: dict[str, list[Record]] = defaultdict(list)
        for r in self.records:
            if r.level == "county":
                for key in {r.name, *short_names(r.name)}:
                    index[key].append(r)
        wanted = {n for n in names if n and n in index}
        asked = {n for n in names if n and not n.isdigit()}
        if not wanted or len(wanted) < max(10, len(asked) // 2):  # mostly totals, notes: no year
            return None
        return self._most_held([[(r.start, r.end) for r in index[name]] for name in wanted])

    def vintage(self, codes: Iterable[str]) -> tuple[int, int, float] | None:
        """The year-ends whose lists hold the most of `codes` (county-level, six digits): the
        first and the last of them, and the share of the codes they hold; None for no code."""
        wanted = {  # a prefecture's or province's code (320500) says nothing of a year
            c[:6]
            for c in codes
            if c[:6].isdigit() and len(c) in (6, 9, 12) and not c[:6].endswith("00") and c[4] != "7"
        }
        if not wanted:
            return None
        return self._most_held(
            [
                [(r.start, r.end) for r in self._by_code.get(code, ()) if r.level == "county"]
                for code in wanted
            ]
        )

    def _most_held(self, spans: list[list[tuple[int, int | None]]]) -> tuple[int, int, float]:
        """The years in which the most of some things were in use (each thing's spans of years,
        ``end`` exclusive, None for still in use): the first and the last, and the share held."""
        last = max(self.base, *(r.end or r.start for r in self.records))
        change = [0] * (last + 2 - 1981)  # +1 where a thing comes into use, −1 where it goes
        for thing in spans:  # a thing under two records of overlapping years counts once
            for start, end in _merged((max(a, 1981), min(b or last + 1, last + 1)) for a, b in thing):
                change[start - 1981] += 1
                change[end - 1981] -= 1
        held: dict[int, int] = {}
        now = 0
        for i, step in enumerate(change[:-1]):
            now += step
            held[1981 + i] = now
        most = max(held.values())
        found = [y for y, n in held.items() if n == most]
        return found[0], found[-1], most / len(spans)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of years (``end`` exclusive) with the overlapping and touching ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(x for x in spans if x[0] < x[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def last_year(record: Record, base: int = BASE) -> int:
    """The year-end a record is read as of when looked up by itself: its last in use (or its
    first, for one of a year after the base)."""
    if record.end is None or record.start > base:
        return record.start
    return record.end - 1


STILL = 9999
"""The last year of a stretch still in use (``2023–``)."""


def years_text(spans: list[tuple[int, int]]) -> str:
    """Years in use, first to last of each stretch (``1981–1998``, ``1981, 1983–1989``): the
    stretches that meet or overlap are one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return ", ".join(f"{a}" if a == b else f"{a}–{b if b != STILL else ''}" for a, b in merged)


def former_rows(history: History, names: dict[str, str]) -> list[dict[str, object]]:
    """Every county-level name and code no longer on today's map, with what it is now: a row
    per unit of today it leads to (``former_code``, ``former_name``, ``adcode``, ``name``,
    ``fate``, ``year`` of the change, the years it was ``in_use``) and the sentence a lookup says
    of it (``note``, ``note_zh``); the most recent record of a name last.

    Args:
        history: The history.
        names: Today's units' names by adcode.
    """
    out: list[dict[str, object]] = []
    seen: set[tuple[str, str, str]] = set()
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for r in history.records:  # a code and name can be in use twice (榆树县 220121: 1981, 1983–1989)
        if r.level == "county":
            spans[(r.code, r.name)].append((r.start, r.end - 1 if r.end else STILL))
    for record in sorted(history.records, key=lambda r: (r.end or r.start, r.code)):
        if record.level != "county" or record.valid(history.base):
            continue
        lineage = history.lineage(record, last_year(record, history.base))
        if lineage.fate == Fate.GONE:
            continue
        for unit in lineage.units:
            key = (record.code, record.name, unit)
            if key in seen or unit not in names:
                continue
            seen.add(key)
            note, note_zh = _said(history, record, lineage, unit, names, after=record.start > history.base)
            out.append(
                {
                    "former_code": record.code,
                    "former_name": record.name,
                    "adcode": unit,
                    "name": names[unit],
                    "fate": str(lineage.fate),
                    "year": lineage.year,
                    "in_use": years_text(spans[(record.code, record.name)]),
                    "note": note,
                    "note_zh": note_zh,
                }
            )
    return out


def _said(
    history: History, record: Record, lineage: Lineage, unit: str, names: dict[str, str], *, after: bool
) -> tuple[str, str]:
    """What a lookup by an old name or code says: in English and in Chinese."""
    now = f"{names[unit]} ({unit})"
    now_zh = f"{names[unit]}（{unit}）"
    was, was_zh = record.label, f"{record.name}（{record.code}）"
    if after:  # a name of a year after the base: today's unit is what it was before
        if lineage.fate == Fate.SAME:
            return (
                f"{was} is {now}, renamed in {lineage.year} (after {BASE}, the year of this map)",
                f"{was_zh}即 {now_zh}，于 {lineage.year} 年更名（本图为 {BASE} 年末区划）",
            )
        return (
            f"{was} was made in {lineage.year}, after {BASE} (the year of this map), of land of {now}",
            f"{was_zh}设于 {lineage.year} 年（本图为 {BASE} 年末区划），原属 {now_zh}",
        )
    when = f" in {lineage.year}" if lineage.year else ""
    when_zh = f"于 {lineage.year} 年" if lineage.year else ""
    if lineage.fate == Fate.SAME:
        return f"{was} became {now}{when}", f"{was_zh}{when_zh}改为 {now_zh}"
    if lineage.fate == Fate.MERGED:
        return (
            f"{was} merged into {now}{when}: it is a part of it",
            f"{was_zh}{when_zh}并入 {now_zh}，是其一部分",
        )
    if lineage.fate == Fate.SUCCEEDED:
        return succession(history, record, lineage, now, now_zh)
    return (
        f"{was} was split{when}; part of it is now {now}",
        f"{was_zh}{when_zh}被分设，其一部分今属 {now_zh}",
    )


def succession(history: History, record: Record, lineage: Lineage, now: str, now_zh: str) -> tuple[str, str]:
    """What is said of a unit whose land went to a prefecture that later set up today's unit on
    it (:attr:`Fate.SUCCEEDED`), in English and in Chinese."""
    chain = history.chain(record)
    gone = next((r.end for r in chain if r.code in THROUGH), record.end)
    held = next((r.name for r in chain if r.level == "prefecture"), "")
    via, via_zh = (f"its land went to {held}", f"其地属{held}") if held else ("", "")
    others = [p.name for p in lineage.parts if p.name != record.name]
    also, also_zh = (f" and {'、'.join(others)}'s", f"及{'、'.join(others)}") if others else ("", "")
    return (
        f"{record.label} was abolished in {gone}" + (f" ({via})" if via else "") + f"; {now} was set "
        f"up in {lineage.year} on its land{also}: a new unit, not a rename",
        f"{record.name}（{record.code}）于 {gone} 年撤销"
        + (f"（{via_zh}）" if via_zh else "")
        + f"；{now_zh}于 {lineage.year} 年设于其{also_zh}辖地：是新设，不是更名",
    )


@cache
def history_of(data_dir: Path) -> History:
    """The history of a data folder's ``history.csv`` (read once per folder)."""
    return History(read_records(data_dir / "history.csv"))


__all__ = [
    "BASE",
    "Fate",
    "History",
    "Lineage",
    "Record",
    "former_rows",
    "history_of",
    "succession",
    "last_year",
    "read_records",
]
