"""The registry of tables: the report they come from, and every fact about each table, declared
once (no Polars: the explorer's first frame and the fast lookup read this too).

Everything else is derived from it: the catalog loads each table by its kind, the command line's
table argument and help, the API's ``tables()``, the 全部区县 table's rank columns, the explorer's
tabs (:mod:`baiqiang.tui.view_specs`). A new table is one :func:`register` call and its file;
next year's report is a new :data:`REPORT` and its files.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.plain.names import XIAN_SHI
from baiqiang.core.plain.suggest import did_you_mean, shorten


@dataclass(frozen=True)
class Report:
    """The report the built-in tables come from.

    Attributes:
        title: Its title as printed (中国县域工业经济发展报告（2022）).
        title_en: An English title.
        publisher: Who published it.
        year: The year in its title: the edition of its three lists.
    """

    title: str
    title_en: str
    publisher: str
    year: int


REPORT = Report(
    title="中国县域工业经济发展报告（2022）",
    title_en="CAICT report on China's county industrial economy (2022)",
    publisher="中国信息通信研究院 (CAICT)",
    year=2022,
)
"""The report of the built-in data (data/source.json says the same; a test compares)."""


class Kind(StrEnum):
    """What a table's rows are."""

    RANKING = "ranking"
    """Units with ranks 1…N (a list; other years' editions can be imported)."""
    CLUSTERS = "clusters"
    """Industrial clusters and the counties they are in."""
    DIVISIONS = "divisions"
    """Every county-level unit (the table your own data joins best to)."""


DISTRICT_TYPES: tuple[str, ...] = ("市辖区",)
"""The type the district list ranks."""


@dataclass(frozen=True)
class TableSpec:
    """One table, every fact about it.

    Attributes:
        id: The id used on the command line and in the API (industrial-counties …).
        file: Its file under ``data/``.
        number: The report's table number (表1 …), 0 for a table of this project's.
        name: The report's title without its year (中国工业百强县(市)).
        name_en: An English title.
        short: A short label (工业百强县): tabs, map legends, the lists a unit is in.
        short_en: The same in English (Industrial).
        kind: What its rows are.
        aliases: Other accepted spellings.
        edition: For a list, the edition the report's rows are (its year); None otherwise.
        unit_types: For a list, the county types it ranks.
        rank_column: For a list, its rank's column in the 全部区县 table (industrial_rank; made
            from the id where not given).
        tiers: Whether the report defines 梯队 (tiers) for the list, in its own edition only.
        star: What ★ after a name means in the list ("" where it has none).
        columns: The columns shown by default, in order.
    """

    id: str
    file: str
    number: int
    name: str
    name_en: str
    short: str
    short_en: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    edition: int | None = None
    unit_types: tuple[str, ...] = ()
    rank_column: str = ""
    tiers: bool = False
    star: str = ""
    columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind == Kind.RANKING and not self.rank_column:
            object.__setattr__(self, "rank_column", f"{self.id.replace('-', '_')}_rank")

    @property
    def title(self) -> str:
        """The report's title (2022年中国工业百强县(市)): with its year, for a list."""
        return f"{self.edition}年{self.name}" if self.edition else self.name

    @property
    def title_en(self) -> str:
        """An English title, with its year for a list (Top-100 industrial counties, 2022)."""
        return f"{self.name_en}, {self.edition}" if self.edition else self.name_en

    def title_in(self, edition: int | None, lang: str = "zh") -> str:
        """The title of an edition of the list: the report's own (None or its year), or an
        imported one, which says so (2021年中国工业百强县(市)（导入的版本）)."""
        if edition is None or edition == self.edition or not self.ranked:
            return self.title if lang == "zh" else self.title_en
        if lang == "zh":
            return f"{edition}年{self.name}（导入的 {edition} 年版，非报告原表）"
        return f"{self.name_en} (edition {edition}, imported: not the report's)"

    @property
    def label(self) -> str:
        """How the report refers to it (表1), or its short label where it has no number."""
        return f"表{self.number}" if self.number else self.short

    def label_in(self, lang: str) -> str:
        """:attr:`label` in a language: 表4, or Table 4 in English."""
        if lang == "zh":
            return self.label
        return f"Table {self.number}" if self.number else self.short_en

    @property
    def ranked(self) -> bool:
        """Whether it is a list of ranked units."""
        return self.kind == Kind.RANKING


_STAR = "省内第一（该省在本榜单中排名最前的单位）"
_LIST_COLUMNS = ("rank", "name", "province", "prefecture", "province_first", "region")

TABLES: dict[str, TableSpec] = {}
"""Every table by id, in the report's order."""


def register(spec: TableSpec) -> TableSpec:
    """Adds a table to the registry (the report's tables are registered below).

    Raises:
        InvalidValue: The id or an alias is taken.
    """
    taken = {w.casefold() for t in TABLES.values() for w in (t.id, *t.aliases)}
    clash = [w for w in (spec.id, *spec.aliases) if w.casefold() in taken]
    if clash:
        raise InvalidValue(f"the table name {clash[0]!r} is taken")
    TABLES[spec.id] = spec
    return spec


def unregister(table_id: str) -> None:
    """Removes a table registered at run time (for tests)."""
    TABLES.pop(table_id, None)


for _spec in (
    TableSpec(
        "industrial-counties",
        "industrial_counties.csv",
        1,
        "中国工业百强县(市)",
        "Top-100 industrial counties",
        "工业百强县",
        "Industrial",
        Kind.RANKING,
        ("ic", "counties", "industrial", "工业百强县", "表1"),
        edition=REPORT.year,
        unit_types=XIAN_SHI,
        rank_column="industrial_rank",
        tiers=True,
        star=_STAR,
        columns=(*_LIST_COLUMNS, "tier", "county_type"),
    ),
    TableSpec(
        "innovation-counties",
        "innovation_counties.csv",
        2,
        "中国创新百强县(市)",
        "Top-100 innovation counties",
        "创新百强县",
        "Innovation",
        Kind.RANKING,
        ("inc", "innovation", "创新百强县", "表2"),
        edition=REPORT.year,
        unit_types=XIAN_SHI,
        rank_column="innovation_rank",
        star=_STAR,
        columns=(*_LIST_COLUMNS, "county_type"),
    ),
    TableSpec(
        "industrial-districts",
        "industrial_districts.csv",
        3,
        "中国工业百强区",
        "Top-100 industrial districts",
        "工业百强区",
        "Districts",
        Kind.RANKING,
        ("id", "districts", "工业百强区", "表3"),
        edition=REPORT.year,
        unit_types=DISTRICT_TYPES,
        rank_column="district_rank",
        star=_STAR,
        columns=_LIST_COLUMNS,
    ),
    TableSpec(
        "national-clusters",
        "national_clusters.csv",
        4,
        "县(市)国家级产业集群",
        "National industrial clusters in counties",
        "国家级产业集群",
        "National clusters",
        Kind.CLUSTERS,
        ("nc", "national", "国家级产业集群", "表4"),
        columns=("seq", "counties", "province", "cluster", "sector_group", "category"),
    ),
    TableSpec(
        "billion-clusters",
        "billion_clusters.csv",
        5,
        "部分代表性县(市)千亿级产业集群",
        "100-billion-yuan clusters in counties",
        "千亿级产业集群",
        "100bn clusters",
        Kind.CLUSTERS,
        ("bc", "billion", "千亿级产业集群", "表5"),
        columns=("seq", "county", "cluster", "scale", "scale_min_yi", "province"),
    ),
    TableSpec(
        "divisions",
        "divisions.csv",
        0,
        "全部县级行政区划",
        "Every county-level unit",
        "全部区县",
        "All units",
        Kind.DIVISIONS,
        ("all", "units", "全部区县"),
        columns=("adcode", "name", "province", "prefecture", "region", "county_type", "lists"),
    ),
):
    register(_spec)


def ranking_tables() -> tuple[str, ...]:
    """The ids of the lists, in the report's order (tables registered later after them)."""
    return tuple(t for t, s in TABLES.items() if s.ranked)


def tables_of(kind: Kind) -> tuple[str, ...]:
    """The ids of the tables of a kind."""
    return tuple(t for t, s in TABLES.items() if s.kind == kind)


DEFAULT_TABLE = "industrial-counties"
"""The table the explorer opens on and ``show`` lists first."""


def lists_for(county_type: str | None) -> tuple[str, ...]:
    """The lists that rank units of a county type (县级市 → the two county lists)."""
    return tuple(t for t, s in TABLES.items() if s.ranked and county_type in s.unit_types)


@dataclass(frozen=True)
class GroupSpec:
    """A set of units the report gives figures about that is not one of its tables.

    Attributes:
        id: Its id (``group`` in ``group_facts.csv``).
        zh: Its name in Chinese.
        en: Its name in English.
        about: What it is, for the data's README and the explorer.
    """

    id: str
    zh: str
    en: str
    about: str


GROUPS: dict[str, GroupSpec] = {
    g.id: g
    for g in (
        GroupSpec(
            "all-counties", "全国县(市)", "All counties", "the 1,864 县(市): 县, 县级市, 旗 …, no 市辖区"
        ),
        GroupSpec("all-districts", "全国市辖区", "All districts", "every 市辖区"),
        GroupSpec(
            "county-level",
            "全国县级行政区划",
            "All county-level units",
            "every county-level unit (县级行政区划, 区县级): 县(市) and 市辖区 alike (2,844 in 2020)",
        ),
        GroupSpec(
            "county-areas",
            "全国县域（2083 个）",
            "All 2,083 county areas",
            "the report's 全国 2083 个县域, counted its own way: none of our tables",
        ),
        GroupSpec(
            "districts-500yi",
            "工业增加值超500亿市辖区",
            "Districts over 50bn yuan",
            "the 54 市辖区 whose 工业增加值 passed 500 亿 by 2021",
        ),
        GroupSpec(
            "nationwide", "全国", "Nationwide", "the whole country: a national total the report compares with"
        ),
        GroupSpec(
            "provinces",
            "省份",
            "Provinces",
            "a figure of one or more named provinces (the metric names them)",
        ),
    )
}
"""The groups a headline figure can be about besides the tables (``group_facts.csv``)."""


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


__all__ = [
    "DEFAULT_TABLE",
    "DISTRICT_TYPES",
    "GROUPS",
    "REPORT",
    "TABLES",
    "GroupSpec",
    "Kind",
    "Report",
    "TableSpec",
    "lists_for",
    "ranking_tables",
    "register",
    "resolve_table",
    "tables_of",
    "unregister",
]
