"""The report's five tables: ids, files, titles and aliases (no Polars: the explorer's first
frame and the fast lookup read this too)."""

from __future__ import annotations

from dataclasses import dataclass

from baiqiang.core.plain.errors import LookupFailed
from baiqiang.core.plain.suggest import did_you_mean, shorten


@dataclass(frozen=True)
class TableSpec:
    """One of the report's five tables.

    Attributes:
        id: The table id used on the command line (industrial-counties …).
        file: Its file under ``data/``.
        number: The report's table number (表1 …).
        title: The report's title for it.
        title_en: An English title.
        kind: ``ranking`` (units with ranks), ``clusters``, or ``divisions`` (every unit: the
            table your own data joins best to).
        aliases: Other accepted spellings.
    """

    id: str
    file: str
    number: int
    title: str
    title_en: str
    kind: str
    aliases: tuple[str, ...] = ()


TABLES: dict[str, TableSpec] = {
    t.id: t
    for t in (
        TableSpec(
            "industrial-counties",
            "industrial_counties.csv",
            1,
            "2022年中国工业百强县(市)",
            "Top-100 industrial counties",
            "ranking",
            ("ic", "counties", "industrial", "工业百强县", "表1"),
        ),
        TableSpec(
            "innovation-counties",
            "innovation_counties.csv",
            2,
            "2022年中国创新百强县(市)",
            "Top-100 innovation counties",
            "ranking",
            ("inc", "innovation", "创新百强县", "表2"),
        ),
        TableSpec(
            "industrial-districts",
            "industrial_districts.csv",
            3,
            "2022年中国工业百强区",
            "Top-100 industrial districts",
            "ranking",
            ("id", "districts", "工业百强区", "表3"),
        ),
        TableSpec(
            "national-clusters",
            "national_clusters.csv",
            4,
            "县(市)国家级产业集群",
            "National industrial clusters in counties",
            "clusters",
            ("nc", "national", "国家级产业集群", "表4"),
        ),
        TableSpec(
            "billion-clusters",
            "billion_clusters.csv",
            5,
            "部分代表性县(市)千亿级产业集群",
            "100-billion-yuan clusters in counties",
            "clusters",
            ("bc", "billion", "千亿级产业集群", "表5"),
        ),
        TableSpec(
            "divisions",
            "divisions.csv",
            0,
            "全部县级行政区划",
            "Every county-level unit",
            "divisions",
            ("all", "units", "全部区县"),
        ),
    )
}

RANKING_TABLES: tuple[str, ...] = tuple(t for t, s in TABLES.items() if s.kind == "ranking")


def resolve_table(text: str) -> str:
    """Maps a table id or alias to its id.

    Raises:
        LookupFailed: No table has that name.
    """
    key = text.strip().casefold()
    for spec in TABLES.values():
        if key == spec.id or key in {a.casefold() for a in spec.aliases}:
            return spec.id
    spelt = {a: t.id for t in TABLES.values() for a in (t.id, *t.aliases)}
    near = dict.fromkeys(spelt[s] for s in did_you_mean(text, list(spelt)))
    raise LookupFailed(f"unknown table {shorten(text)!r}", list(near), list(TABLES))


__all__ = ["RANKING_TABLES", "TABLES", "TableSpec", "resolve_table"]
