"""The drill-down pane of one unit: its ranks, clusters and the report's facts about it."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from baiqiang.core.plain.indicators import sections, written
from baiqiang.core.plain.names import term
from baiqiang.core.plain.tables import TABLES
from baiqiang.tui.i18n import t, unit_word
from baiqiang.tui.messages import ClusterChosen, UnitsOf
from baiqiang.tui.render import context_text, fact_text, past_lines
from baiqiang.tui.screens.back import BackScreen
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.key_bar import KeyBar


class DetailScreen(BackScreen):
    """Everything about one unit; Escape goes back."""

    BINDINGS = [
        Binding("p", "units_of('province')", "Province's units", id="detail.province"),
        Binding("f", "units_of('prefecture')", "Prefecture's units", id="detail.prefecture"),
        Binding("c", "clusters", "Clusters", id="detail.clusters"),
        Binding("j", "scroll_down", "Down", show=False, id="detail.down"),
        Binding("k", "scroll_up", "Up", show=False, id="detail.up"),
        Binding("space", "page_down", "Page down", show=False, id="detail.page"),
    ]

    def __init__(self, profile: dict[str, Any], lang: str) -> None:
        super().__init__()
        self.profile = profile
        self.lang = lang

    def compose(self) -> ComposeResult:
        p, lang = self.profile, self.lang
        with VerticalScroll(id="detail"):
            head = Text.assemble(
                (p["name"], "bold"),
                f"  {p['pinyin']}" if p.get("pinyin") and lang == "en" else "",
                (f"  {p.get('adcode', '')}", "dim"),
            )
            region, kind = str(p.get("region") or ""), str(p.get("county_type") or "")
            region, kind = term("region", region, lang), term("county_type", kind, lang)
            where = [x for x in (p.get("province"), p.get("prefecture"), region, kind) if x]
            if p.get("province_en") and lang == "en":  # 中文 mode: Chinese only
                where.append(p["province_en"])
            yield Static(Group(head, Text(" · ".join(where), style="dim")), id="detail-head")
            yield Static(t("detail.rankings", lang), classes="section-title")
            if p["rankings"]:
                ranks = Grid(id="detail-rankings", cursor=False, zebra=False)
                ranks.fill(
                    [("table", t("col.table", lang)), ("rank", t("col.rank", lang)), ("first", "★")]
                    + [("tier", t("col.tier", lang))],
                    [
                        [
                            TABLES[r["table"]].title if lang == "zh" else TABLES[r["table"]].title_en,
                            str(r["rank"]),
                            f"★ {t('detail.first', lang)}" if r["province_first"] else "",
                            t(f"tier.{r['tier']}", lang) if r.get("tier") else "",
                        ]
                        for r in p["rankings"]
                    ],
                    right=["rank"],
                )
                yield ranks
            else:
                yield Static(t("detail.none", lang), classes="muted")
                yield Static(context_text(p, lang), classes="muted")
            note = p.get("note_zh") if lang == "zh" else p.get("note")
            if note:
                yield Static(Text(note, style="yellow"), classes="muted")
            if p.get("past"):
                yield Static(t("past.title", lang), classes="section-title")
                yield Static(Text("\n".join(past_lines(p, lang))), classes="muted")
            for gap in p.get("without", []):
                title = t(f"dataset.{gap['dataset']}", lang, default=gap["dataset"])
                yield Static(
                    Text(f"{title}：{gap['note_zh']}" if lang == "zh" else f"{title}: {gap['note']}"),
                    classes="muted",
                )
            found = sections(p.get("indicators") or [])
            for dataset in dict.fromkeys(i["dataset"] for i in found.headline):
                yield Static(t(f"dataset.{dataset}", lang, default=dataset), classes="section-title")
                figures = Grid(id=f"detail-{dataset}", cursor=False, zebra=False)
                figures.fill(
                    [
                        ("figure", t("col.indicator", lang)),
                        ("value", t("col.value", lang)),
                        ("unit", t("col.unit", lang)),
                    ],
                    [
                        [
                            i["label_en"] if lang == "en" else i["label"],
                            written(i["value"]),
                            unit_word(i["unit"], lang),
                        ]
                        for i in found.headline
                        if i["dataset"] == dataset
                    ],
                    right=["value"],
                )
                yield figures
                if found.more.get(dataset):
                    title = t(f"dataset.{dataset}", lang, default=dataset)
                    more = t(
                        "detail.more",
                        lang,
                        n=found.more[dataset],
                        dataset=dataset,
                        title=title,
                        name=p["name"],
                    )
                    yield Static(more, classes="muted")
            if found.own:
                items = found.own
                yield Static(f"{t('detail.indicators', lang)} ({len(items)})", classes="section-title")
                mine = Grid(id="detail-indicators", cursor=False, zebra=False)
                keys = ("dataset", "column", "value", "unit", "year", "source")
                mine.fill(
                    [(k, t(f"col.{k}", lang)) for k in keys],
                    [
                        [
                            i["dataset"],
                            i["column"],
                            written(i["value"]),
                            i["unit"],
                            str(i["year"] or ""),
                            i["source"],
                        ]
                        for i in items
                    ],
                    right=["value", "year"],
                )
                yield mine
            if p["clusters"]:
                yield Static(
                    t("detail.clusters", lang) + t("detail.enter_counties", lang), classes="section-title"
                )
                clusters = Grid(id="detail-clusters", zebra=False)
                clusters.fill(
                    [("table", t("col.table", lang)), ("cluster", t("col.cluster", lang))]
                    + [("scale", t("col.scale", lang)), ("shared", t("col.shared_with", lang))],
                    [
                        [
                            TABLES[c["table"]].label_in(lang),
                            c["cluster"],
                            term("scale", c["scale"], lang)
                            if c.get("scale")
                            else term("category", c.get("category") or "", lang),
                            c.get("shared_with") or "",
                        ]
                        for c in p["clusters"]
                    ],
                )
                yield clusters
            if p["facts"]:
                yield Static(f"{t('detail.facts', lang)} ({len(p['facts'])})", classes="section-title")
                yield Static(self._facts(p["facts"], lang), id="detail-facts")
        bar = KeyBar()
        bar.language = self.lang
        yield bar

    @staticmethod
    def _facts(facts: list[dict[str, Any]], lang: str) -> Group:
        return Group(*(fact_text(f, lang) for f in facts))

    def on_mount(self) -> None:
        self.refill()

    def refill(self) -> None:
        """Puts the focus on the pane, which scrolls from the start (↓ j PageDown Space End);
        ``c`` (or Tab) goes to the clusters, where Enter lists a cluster's counties."""
        found = self.query("#detail")
        if found:
            found.first().focus(scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``c`` only where the unit has clusters."""
        if action == "clusters":
            return bool(self.query("#detail-clusters"))
        return True

    def action_clusters(self) -> None:
        """Puts the cursor in the clusters (Enter lists a cluster's counties)."""
        found = self.query("#detail-clusters")
        if found:
            found.first().focus()

    def action_page_down(self) -> None:
        """Scrolls the pane a page down."""
        self.query_one("#detail", VerticalScroll).scroll_page_down()

    def action_units_of(self, level: str) -> None:
        """Lists the other listed units of this unit's province or prefecture."""
        p = self.profile
        if not p.get(level):
            self.notify(t("nothing.here", self.lang), severity="warning")
            return
        if level == "prefecture":  # a prefecture's name is not unique (省直辖县级行政区划)
            self.post_message(UnitsOf(province=p.get("province"), prefecture=p[level]))
        else:
            self.post_message(UnitsOf(province=p[level]))

    def action_scroll_down(self) -> None:
        """Scrolls the pane down."""
        self.query_one("#detail", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """Scrolls the pane up."""
        self.query_one("#detail", VerticalScroll).scroll_up()

    @on(Grid.RowSelected, "#detail-clusters")
    def _cluster(self, event: Grid.RowSelected) -> None:
        event.stop()
        c = self.profile["clusters"][event.cursor_row]
        counties = [self.profile["name"], *[x for x in (c.get("shared_with") or "").split("、") if x]]
        self.post_message(ClusterChosen(c["table"], -1, c["cluster"], counties))
