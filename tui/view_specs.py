"""The registry of the explorer's views: how each is shown — its tab's label and key, the columns
of a list, its charts, its marker on a map. Plain Python, no Textual.

The facts about a table are core's (:mod:`baiqiang.core.plain.tables`); this says only how the
explorer presents it. A table registered in core without a view here gets one made from its
facts (:func:`views`): a tab after the others, on the next free number key.
"""

from __future__ import annotations

from dataclasses import dataclass

from baiqiang.core.plain.tables import TABLES, Kind


@dataclass(frozen=True)
class ViewSpec:
    """One view of the explorer.

    Attributes:
        tab: The tab's id: a table id for a view of one table's rows, else the view's own name.
        label: The tab's label in Chinese.
        label_en: The tab's label in English.
        key: The number key that opens it ("" for none).
        table: The table whose rows it lists (None for a view of its own: clusters, stats …).
        columns: For a list: its columns (the table's defaults where empty).
        charts: For a list: the charts ``c`` cycles through.
        marker: For a ranking list: its letter and colour on a map.
        extra: For a list: the imported columns it shows from the start (a built-in dataset's,
            where the data has it).
    """

    tab: str
    label: str
    label_en: str
    key: str = ""
    table: str | None = None
    columns: tuple[str, ...] = ()
    charts: tuple[str, ...] = ()
    marker: tuple[str, str] = ("●", "red")
    extra: tuple[str, ...] = ()

    def shown_columns(self) -> tuple[str, ...]:
        """The columns the list shows: its own, else its table's defaults (for every unit, with
        each list's rank)."""
        if self.columns or self.table is None:
            return self.columns
        spec = TABLES[self.table]
        if spec.kind == Kind.DIVISIONS:
            return (*spec.columns, *(s.rank_column for s in TABLES.values() if s.ranked))
        return spec.columns

    def title(self, lang: str) -> str:
        """The tab's label in a language."""
        return self.label if lang == "zh" else self.label_en


_RANKING_CHARTS = ("province", "region", "heat", "map", "bump")

VIEWS: dict[str, ViewSpec] = {
    v.tab: v
    for v in (
        ViewSpec(
            "industrial-counties",
            "工业百强县",
            "Industrial",
            "1",
            "industrial-counties",
            charts=("province", "region", "tier", "heat", "map", "bump"),
            marker=("I", "red"),
        ),
        ViewSpec(
            "innovation-counties",
            "创新百强县",
            "Innovation",
            "2",
            "innovation-counties",
            charts=_RANKING_CHARTS,
            marker=("N", "green"),
        ),
        ViewSpec(
            "industrial-districts",
            "工业百强区",
            "Districts",
            "3",
            "industrial-districts",
            charts=_RANKING_CHARTS,
            marker=("D", "blue"),
        ),
        ViewSpec("clusters", "产业集群", "Clusters", "4"),
        ViewSpec("highlights", "报告要点", "Highlights", "5"),
        ViewSpec("stats", "统计", "Stats", "6"),
        ViewSpec("tree", "分布树", "Tree", "7"),
        ViewSpec(
            "divisions",
            "全部区县",
            "All units",
            "8",
            "divisions",
            charts=("province", "region"),
            extra=("population", "urbanisation_rate", "aged_65_share", "schooling_years"),  # the 2020 census
        ),
    )
}
"""The views of the report's tables and the explorer's own, in tab order."""


def _cluster_view(table: str, charts: tuple[str, ...]) -> ViewSpec:
    spec = TABLES[table]
    return ViewSpec(
        table,
        f"{spec.label_in('zh')} {spec.title}",
        f"{spec.label_in('en')} {spec.title_en}",
        table=table,
        charts=charts,
    )


CLUSTER_VIEWS: dict[str, ViewSpec] = {
    "national-clusters": _cluster_view("national-clusters", ("sector_group", "category")),
    "billion-clusters": _cluster_view("billion-clusters", ("scale", "county")),
}
"""The two lists of the clusters view (its sub-tabs)."""

KEYS = "123456789"
"""The number keys that open views."""


def views() -> list[ViewSpec]:
    """Every view in tab order: those above, then one for each table registered without a view
    (a ranking table or every unit), on the next free number key."""
    out = list(VIEWS.values())
    used = {v.key for v in out}
    shown = {v.table for v in out} | set(CLUSTER_VIEWS)
    for tid, spec in TABLES.items():
        if tid in shown or spec.kind == Kind.CLUSTERS:
            continue
        key = next((k for k in KEYS if k not in used), "")
        used.add(key)
        charts = ("province", "region", "heat", "map") if spec.ranked else ("province", "region")
        out.append(ViewSpec(tid, spec.short, spec.short_en, key, tid, charts=charts))
    return out


def view_of(tab: str) -> ViewSpec:
    """A view by its tab id (a table's, or a list of the clusters view).

    Raises:
        KeyError: No such view.
    """
    if tab in CLUSTER_VIEWS:
        return CLUSTER_VIEWS[tab]
    found = next((v for v in views() if v.tab == tab), None)
    if found is None:
        raise KeyError(tab)
    return found


def list_tabs() -> tuple[str, ...]:
    """The tabs that list one table's rows (the lists and every unit)."""
    return tuple(v.tab for v in views() if v.table is not None)


def label(tab: str, lang: str) -> str:
    """A view's (or a table's) label in a language; the id itself for neither."""
    try:
        return view_of(tab).title(lang)
    except KeyError:
        spec = TABLES.get(tab)
        if spec is None:
            return tab
        return spec.short if lang == "zh" else spec.short_en
