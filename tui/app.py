"""The Textual explorer. This module only composes the views and routes messages between them."""

from __future__ import annotations

import gc
import io
import sys
from collections.abc import Iterable
from functools import cache, partial
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from rich.console import Console
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Header, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from baiqiang.core.plain.errors import BaiqiangError, OutputError, OutputReason
from baiqiang.core.plain.tables import DEFAULT_TABLE, REPORT, TABLES
from baiqiang.core.plain.text import visible
from baiqiang.tui.commands import UnitCommands
from baiqiang.tui.i18n import is_ours, key_label, output_error_text, t
from baiqiang.tui.key_order import KeyOrder, KeysPassed
from baiqiang.tui.messages import (
    ClusterChosen,
    CompareWanted,
    ExportRequested,
    MarkToggled,
    MoversWanted,
    PeersWanted,
    UnitChosen,
    UnitsOf,
    ViewChanged,
    WorkFailed,
)
from baiqiang.tui.screens.back import BackScreen
from baiqiang.tui.screens.dialog import Dialog
from baiqiang.tui.screens.palette_screen import Palette
from baiqiang.tui.snapshot import TABLE as SNAPSHOT_TABLE
from baiqiang.tui.snapshot import Snapshot, read_snapshot
from baiqiang.tui.view_specs import KEYS, list_tabs, view_of, views
from baiqiang.tui.widgets.first_view import FirstView
from baiqiang.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    import polars as pl

    from baiqiang.core.audit import Result
    from baiqiang.core.catalog import Catalog
    from baiqiang.tui.state import ViewState

# Everything that needs Polars (the core, the live views, the drill-downs) is imported where it
# is used, so that the first frame can be drawn from a snapshot before Polars has loaded.


DRILL_DEPTH = 6
"""How many screens deep drill-downs stack before each replaces the one on top."""
MAX_SCREENS = 10
"""How many screens may be open at once (drill-downs and dialogs)."""


class BaiqiangApp(App[None]):
    """百强: the report's lists, drill-downs and charts in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "百强 baiqiang"
    SUB_TITLE = REPORT.title
    COMMANDS = App.COMMANDS | {UnitCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f1", "help", "Help", show=False, id="app.help_f1"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit_ctrl_c"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True, id="app.palette"),
        Binding("L", "toggle_language", "中/EN", id="app.language"),
        *(Binding(k, f"show_key('{k}')", f"View {k}", show=False, id=f"app.tab{k}") for k in KEYS),
    ]

    # The app's state flows down to the views (data_bind, watchers); it draws nothing itself, so
    # a change is a var, not a reactive: a reactive of the App repaints the whole screen on every
    # change (a full frame per filter keystroke, through stats_source).
    language: var[str] = var("zh")
    stats_source: var[ViewState | None] = var(None)
    audit_issues: var[list[Result]] = var(list)
    marked: var[tuple[str, ...]] = var(())
    """The units marked for a comparison (adcodes, in the order marked), in every list."""

    def __init__(
        self,
        catalog: Catalog | None,
        *,
        table: str = DEFAULT_TABLE,
        province: str | None = None,
        snapshot: Snapshot | None = None,
        served: bool = False,
        language: str = "zh",
    ) -> None:
        """The explorer on a catalog; or, with `catalog` None, on the data loaded after the first
        frame, which is drawn from `snapshot` (the default view as text). `served`: a session in a
        browser (``baiqiang serve``), which writes nothing on the server's disk — an export is a
        download in the browser, and no snapshot or crash log is written."""
        super().__init__()
        self.served = served
        self.set_reactive(BaiqiangApp.language, language)
        self.catalog = catalog
        self.start_table = table
        self.start_province = province
        self.snapshot = snapshot if table == SNAPSHOT_TABLE and province is None else None
        self.units: pl.DataFrame | None = None
        self.load_error: str | None = None
        self.key_order = KeyOrder(
            self,
            # closed while no view can answer keys: on a first launch (no snapshot) until the live
            # view has the focus, and from the moment the first view gives way to the live one
            # until the live one has it; the keys typed meanwhile are held and sent, in order
            is_open=catalog is not None or self.snapshot is not None,
            # and held keys wait for the live view while the first view holds keys itself
            may_release=lambda: self.loaded or not any(f.holding for f in self.query(FirstView)),
        )
        self._held_drill: BackScreen | None = None
        """A drill-down asked for while a dialog was on top: opened once the dialogs close."""
        if catalog is not None:  # loaded already: the first frame shows the live view
            from baiqiang.core.resolve import units
            from baiqiang.tui.state import ViewState

            self.units = units(catalog).collect()
            self.set_reactive(BaiqiangApp.stats_source, ViewState(DEFAULT_TABLE))

    @property
    def loaded(self) -> bool:
        """Whether the core is loaded (until then only the first view, from its snapshot, is shown)."""
        return self.catalog is not None and self.units is not None

    def compose(self) -> ComposeResult:
        start = self._start_tab()
        yield Header()
        with TabbedContent(initial=f"tab-{start}", id="tabs"):
            for tab in (v.tab for v in views()):
                with TabPane(t(f"tab.{tab}", "zh"), id=f"tab-{tab}"):
                    if tab != start:
                        continue
                    if self.loaded:
                        yield self._view(tab)
                    elif self.snapshot is not None:
                        yield FirstView(self.snapshot, id="first-view").data_bind(BaiqiangApp.language)
        yield KeyBar().data_bind(BaiqiangApp.language)

    def on_mount(self) -> None:
        if self.loaded:
            self._focus_tab(self._active_tab())
            self._chores()
            self.call_after_refresh(gc.freeze)
        else:
            self._load()

    @work(thread=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        """Loads the core (Polars, the catalog, the views' modules) off the UI thread."""
        try:
            from baiqiang.core.catalog import make_catalog
            from baiqiang.core.resolve import units
            from baiqiang.tui import views  # noqa: F401  (the live views' modules, loaded here)

            catalog = make_catalog()
            found = units(catalog).collect()
        except BaiqiangError as exc:
            self.call_from_thread(self._load_failed, str(exc))
            return
        self.call_from_thread(self._loaded, catalog, found)

    @on(FirstView.LanguageAsked)
    def _language_asked(self) -> None:
        self.action_toggle_language()

    @on(FirstView.KeysHeld)
    def _hold_key(self, event: FirstView.KeysHeld) -> None:
        if self.loaded:  # the live view is there already: the key goes to it now
            self.post_message(events.Key(event.key, event.character))
        else:
            self.key_order.held.append((event.key, event.character))

    @on(KeysPassed)
    def _keys_passed(self, event: KeysPassed) -> None:
        event.stop()
        self.key_order.came_back(event)

    async def on_event(self, event: events.Event) -> None:
        """Every key typed reaches a view that answers it, in the order typed (:class:`KeyOrder`)."""
        if isinstance(event, events.Key) and self._screens_gone():
            return  # its screens are gone (ctrl+c, then the rest of a burst, held, sent late)
        if isinstance(event, events.Key) and event.key != "ctrl+c":
            routed = self.key_order.route(event)
            if routed is None:
                return
            event = routed
        await super().on_event(event)

    def _screens_gone(self) -> bool:
        """Whether the app has no screen left to send a key to (it is closing)."""
        try:
            return not self.screen_stack
        except KeyError:  # the stacks themselves are gone
            return True

    def _load_failed(self, message: str) -> None:
        self.load_error = message
        self.exit(return_code=1)

    def _loaded(self, catalog: Catalog, units: pl.DataFrame) -> None:
        """Puts the live view where the first view (from its snapshot) was, on the same row and
        with the same search (:meth:`_swap_in`)."""
        from baiqiang.tui.state import ViewState

        self.catalog = catalog
        self.units = units
        self.stats_source = ViewState(DEFAULT_TABLE)
        self.key_order.is_open = False  # until the live view has the focus: new keys wait from now on
        self.run_worker(self._swap_in(), group="swap", exit_on_error=False)

    async def _swap_in(self) -> None:
        """Puts the live view in place once the first view has answered the keys already on
        their way to it (its search bar's: removed with them, they would be lost)."""
        from baiqiang.tui.views import TableView

        firsts = list(self.query(FirstView))
        if firsts:
            await self.key_order.passed(focus_too=True)
        start = self._start_tab()
        search = firsts[0].search if firsts else ""
        searching = bool(firsts) and firsts[0].searching
        view = self._view(start, search=search)
        pane = self.query_one(f"#tab-{start}", TabPane)
        for first in firsts:
            if isinstance(view, TableView):
                view.start_row = first.cursor_row
            first.remove()
        pane.mount(view)
        if isinstance(view, TableView) and (search or searching):  # the search typed goes on here
            self.call_after_refresh(view.open_filter, search, focus=searching)
        else:
            self.call_after_refresh(self._focus_tab, self._active_tab())
        self.call_after_refresh(self.key_order.open)
        self._chores()
        # What is loaded now lives as long as the app: the collector need not walk it again on
        # every full collection (which otherwise shows as a pause now and then while typing).
        self.call_after_refresh(gc.freeze)

    def _start_tab(self) -> str:
        """The tab the explorer opens on: the start table's, or the clusters' for a cluster table."""
        return self.start_table if self.start_table in list_tabs() else "clusters"

    def _active_tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active.removeprefix("tab-")

    def _view(self, tab: str, *, search: str = "") -> Widget:
        """The view of a tab, bound to the app's language (and the statistics to the last list).

        Only the first tab's view is made at start; each other is made the first time its tab
        is opened (:meth:`_open_view`), so the first frame and every refresh have less to do.
        """
        from baiqiang.core.filters import Filters
        from baiqiang.tui.state import ViewState
        from baiqiang.tui.views import ClusterView, HighlightsView, RegionTree, StatsView, TableView

        c = self.catalog
        assert c is not None
        if tab in list_tabs():
            province = self.start_province if tab == self.start_table else None
            state = ViewState(
                tab, Filters(province=province, search=search or None), extra=view_of(tab).extra
            )
            view = TableView(c, state, id=f"view-{tab}")
            return view.data_bind(BaiqiangApp.language, marked=BaiqiangApp.marked)
        if tab == "clusters":
            national = TableView(c, ViewState("national-clusters"), id="view-national")
            province = self.start_province if self.start_table == "billion-clusters" else None
            billion = TableView(
                c, ViewState("billion-clusters", Filters(province=province)), id="view-billion"
            )
            return ClusterView(national, billion, id="view-clusters").data_bind(BaiqiangApp.language)
        if tab == "highlights":
            self._run_audit()  # what the view tells under its first row: only when it is opened
            return HighlightsView(c.group_facts.collect(), id="view-highlights").data_bind(
                BaiqiangApp.language, audit=BaiqiangApp.audit_issues
            )
        if tab == "stats":
            return StatsView(c, id="view-stats").data_bind(
                BaiqiangApp.language, source=BaiqiangApp.stats_source
            )
        return RegionTree(c, id="view-tree").data_bind(BaiqiangApp.language)

    def _open_view(self, tab: str) -> bool:
        """Makes a tab's view if it has none yet; True when it was made now (focus it after mount)."""
        panes = self.query(f"#tab-{tab}")
        if not self.loaded or not panes or panes.first().children:
            return False
        pane = panes.first()
        if not pane.is_attached:  # the tabs are being laid out again (a burst of keys): next time
            return False
        pane.mount(self._view(tab))
        self.call_after_refresh(self._focus_tab, tab)
        return True

    @work(thread=True, group="chores", exit_on_error=False)
    def _chores(self) -> None:
        """After the first frame, off the UI thread: says which datasets of the store are damaged
        (their columns are left out), and writes the snapshot the next launch draws from."""
        from baiqiang.core.indicators.store import scan
        from baiqiang.tui.pipes import damage_notes
        from baiqiang.tui.snapshot import ensure_snapshot

        assert self.catalog is not None
        for line in damage_notes([d.name for d in scan()[1]]):
            self.call_from_thread(self.notify, line, severity="warning", timeout=10)
        if not self.served:  # a served session writes nothing on the server
            ensure_snapshot(self.catalog)  # the next launch draws its first frame from it

    @work(thread=True, group="audit", exit_on_error=False)
    def _run_audit(self) -> None:
        """Finds the report's inconsistencies for 报告要点 (when it is first opened), off the UI
        thread: it takes ~0.1 s that no other view needs."""
        from baiqiang.core.audit import Status, run_audit

        assert self.catalog is not None
        issues = [r for r in run_audit(self.catalog) if r.status in (Status.INCONSISTENT, Status.CHANGED)]
        self.call_from_thread(setattr, self, "audit_issues", issues)

    # --- routing ------------------------------------------------------------------------------

    @on(UnitChosen)
    def _open_unit(self, event: UnitChosen) -> None:
        from baiqiang.core.plain import geo
        from baiqiang.core.profile import lookup
        from baiqiang.tui.views import DetailScreen

        assert self.catalog is not None
        prov = geo.find_province(event.province) if event.province else None
        try:
            profile = lookup(
                self.catalog,
                event.adcode or event.name,
                province=prov.short if prov and not event.adcode else None,
                prefecture=event.prefecture if prov and not event.adcode else None,
            )
        except BaiqiangError as exc:  # a name given without its province may be ambiguous
            self.notify(str(exc), severity="warning")
            return
        except Exception as exc:  # the explorer never dies of one lookup: say it and go on
            self.post_message(WorkFailed(exc))
            return
        self._drill(DetailScreen(profile.to_dict(), self.language))

    @on(UnitsOf)
    def _units_of(self, event: UnitsOf) -> None:
        from baiqiang.core.service import area_units
        from baiqiang.tui.views import UnitsScreen

        assert self.catalog is not None
        place = event.prefecture or event.province or ""
        df = area_units(self.catalog, province=event.province, prefecture=event.prefecture)
        shown = df.select("table", "rank", "name", "province", "prefecture", "province_first", "adcode")
        self._drill(UnitsScreen(partial(t, "units.province", x=place, n=df.height), shown, self.language))

    @on(ClusterChosen)
    def _cluster(self, event: ClusterChosen) -> None:
        from baiqiang.core.service import cluster_counties
        from baiqiang.tui.views import UnitsScreen

        assert self.catalog is not None
        seq = event.seq if event.seq >= 0 else None
        df = cluster_counties(self.catalog, table=event.table, seq=seq, counties=event.counties)
        self._drill(UnitsScreen(partial(t, "units.cluster", x=event.cluster), df, self.language))

    @on(MoversWanted)
    def _movers(self, event: MoversWanted) -> None:
        from baiqiang.core.editions import movers
        from baiqiang.tui.views import UnitsScreen

        assert self.catalog is not None
        if event.before == event.after:
            self.notify(t("edition.one", self.language), severity="warning")
            return
        df = movers(self.catalog, event.table, frm=event.before, to=event.after).collect()
        shown = df.select(
            "name", "province", "prefecture", "rank_from", "rank_to", "change", "status", "adcode"
        )

        def title(lang: str) -> str:
            return t("movers.title", lang, list=t(f"tab.{event.table}", lang), a=event.before, b=event.after)

        self._drill(UnitsScreen(title, shown, self.language))

    @on(MarkToggled)
    def _mark(self, event: MarkToggled) -> None:
        code = event.adcode
        self.marked = (
            tuple(c for c in self.marked if c != code) if code in self.marked else (*self.marked, code)
        )

    @on(CompareWanted)
    def _compare(self, event: CompareWanted) -> None:
        from baiqiang.core.compare import MAX_UNITS, compare
        from baiqiang.tui.screens.compare_screen import CompareScreen

        assert self.catalog is not None
        codes = self.marked if event.marked and len(self.marked) >= 2 else event.adcodes
        if not codes:
            return
        try:
            if len(codes) == 1:  # one unit: it and its nearest peers
                from baiqiang.core.peers import find_peers

                peers = find_peers(self.catalog, codes[0], k=MAX_UNITS - 1)
                codes = tuple(peers.frame["adcode"].to_list())
            elif len(codes) > MAX_UNITS:
                self.notify(t("compare.many", self.language, n=MAX_UNITS), severity="warning")
                codes = codes[:MAX_UNITS]
            found = compare(self.catalog, codes)
        except BaiqiangError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._drill(CompareScreen(found, self.language))

    @on(PeersWanted)
    def _peers(self, event: PeersWanted) -> None:
        from baiqiang.core.indicators.join import column_labels
        from baiqiang.core.peers import find_peers
        from baiqiang.core.plain.compare import MAX_UNITS
        from baiqiang.tui.views import UnitsScreen

        assert self.catalog is not None
        try:
            found = find_peers(self.catalog, event.adcode)
        except BaiqiangError as exc:
            self.notify(str(exc), severity="warning")
            return

        labels = cache(column_labels)  # (read once a language: the title and the headers use it)

        def title(lang: str) -> str:
            labels_in = labels(lang)
            comma = "、" if lang == "zh" else ", "
            used = comma.join(labels_in.get(c) or t(f"col.{c}", lang, default=c) for c in found.columns)
            return t(
                "peers.title",
                lang,
                name=found.target.name,
                columns=used,
                n=found.considered,
                left=found.left_out,
            )

        compared = tuple(found.frame["adcode"].head(MAX_UNITS).to_list())
        self._drill(UnitsScreen(title, found.frame, self.language, labels=labels, compared=compared))

    @on(ViewChanged)
    def _view_changed(self, event: ViewChanged) -> None:
        if event.state.table in list_tabs() or event.state.table == "billion-clusters":
            self.stats_source = event.state  # flows down to the statistics view

    @on(ExportRequested)
    def _export(self, event: ExportRequested) -> None:
        from baiqiang.core.export import format_of_path
        from baiqiang.core.plain.paths import export_dir
        from baiqiang.tui.output import TEXT_ENDINGS, export_endings, export_target
        from baiqiang.tui.views import ConfirmScreen, ExportScreen

        frame = event.frame
        lang = self.language
        if self.served:
            self._export_to_browser(frame, event.suggested)
            return
        base = export_dir()

        def chosen(typed: str | None) -> None:
            if not typed:
                return
            target = export_target(typed, base=base)
            try:
                if target.is_dir():
                    raise OutputError("", reason=OutputReason.IS_DIRECTORY, path=str(target))
                if not target.parent.is_dir():
                    raise OutputError("", reason=OutputReason.NO_DIRECTORY, path=str(target.parent))
                format_of_path(target, extra=TEXT_ENDINGS)
                exists = target.exists()
            except OutputError as exc:  # said, and asked again with what was typed, to be mended
                self.notify(output_error_text(exc, self.language), severity="error")
                self.push_screen(ExportScreen(prompt, typed, self.language), chosen)
                return
            except OSError:  # a name too long …: the writer says so, in one notification
                exists = False
            if exists:

                def confirmed(yes: bool | None) -> None:
                    if yes:
                        self._write_export(frame, target, force=True)

                def question(lang: str) -> tuple[str, str, str]:
                    return t("export.exists", lang, path=target), t("yes", lang), t("no", lang)

                self.push_screen(ConfirmScreen(question, self.language), confirmed)
            else:
                self._write_export(frame, target, force=False)

        def prompt(lang: str) -> str:
            return t("export.prompt", lang, dir=base, endings=export_endings())

        self.push_screen(ExportScreen(prompt, str(base / event.suggested), lang), chosen)

    def _export_to_browser(self, frame: pl.DataFrame, suggested: str) -> None:
        """A served session's export: a file name (its ending says the format), and the file is
        delivered to the browser as a download — nothing is written on the server."""
        from baiqiang.core.export import format_of_path
        from baiqiang.tui.output import TEXT_ENDINGS, export_endings
        from baiqiang.tui.views import ExportScreen

        lang = self.language

        def chosen(typed: str | None) -> None:
            name = PurePosixPath((typed or "").strip().replace("\\", "/")).name
            if not name:
                return
            try:
                format_of_path(Path(name), extra=TEXT_ENDINGS)
            except OutputError as exc:
                self.notify(output_error_text(exc, lang), severity="error")
                return
            self._deliver_export(frame, name)

        def prompt(lang: str) -> str:
            return t("export.prompt_served", lang, endings=export_endings())

        self.push_screen(ExportScreen(prompt, PurePosixPath(suggested).name, lang), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _deliver_export(self, frame: pl.DataFrame, name: str) -> None:
        """Encodes the export in memory, off the UI thread, and hands it to the browser."""
        from baiqiang.tui.output import encoded

        data, mime = encoded(frame, Path(name), bom=name.lower().endswith(".csv"))
        self.call_from_thread(self.deliver_binary, io.BytesIO(data), save_filename=name, mime_type=mime)
        self.call_from_thread(self.notify, t("export.sent", self.language, n=frame.height, name=name))

    @work(thread=True, group="export", exit_on_error=False)
    def _write_export(self, frame: pl.DataFrame, target: Path, *, force: bool) -> None:
        """Writes the export atomically, off the UI thread; never replaces without `force`."""
        from baiqiang.tui.output import save

        save(frame, target, force=force, bom=target.suffix.lower() == ".csv")
        self.call_from_thread(self.notify, t("export.done", self.language, n=frame.height, path=target))

    @on(Worker.StateChanged)
    def _app_worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.error))

    @on(WorkFailed)
    def _work_failed(self, event: WorkFailed) -> None:
        """Every worker's failure becomes a notification: the explorer never dies of one."""
        error = event.error
        if isinstance(error, OutputError):
            self.notify(output_error_text(error, self.language), severity="error")
        elif isinstance(error, BaiqiangError):
            self.notify(str(error), severity="error")
        else:
            self.notify(
                f"{type(error).__name__}: {error}", title=t("error.worker", self.language), severity="error"
            )

    # --- actions ----------------------------------------------------------------------------

    def _focus_tab(self, tab: str) -> None:
        """Gives a view's table the focus, if its tab is still the one shown: a view made a moment
        ago asks after it is mounted, and by then a later key (4 then 1, in one burst) may have
        switched away; focusing it would switch back (TabbedContent shows the pane with focus)."""
        if self._active_tab() != tab:
            return
        if tab == "clusters":
            from baiqiang.tui.views import ClusterView

            views = self.query(ClusterView)
            if views:
                views.first().focus_table()
            return
        targets = {
            **{tid: f"#view-{tid} Grid" for tid in list_tabs()},
            "clusters": "#view-national Grid",
            "highlights": "#highlights-table",
            "stats": "#stats-table",
            "tree": "#view-tree",
        }
        found = self.query(targets[tab])
        if found:
            found.first().focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A number key with no view does nothing (and is left out of help and the palette)."""
        if action == "show_key" and parameters:
            return any(v.key == parameters[0] for v in views())
        return True

    def action_show_key(self, key: str) -> None:
        """Switches to the view a number key opens."""
        found = next((v.tab for v in views() if v.key == key), None)
        if found is not None:
            self.action_show_tab(found)

    def action_show_tab(self, tab: str) -> None:
        """Switches to a view (made the first time it is shown)."""
        self.query_one("#tabs", TabbedContent).active = f"tab-{tab}"
        if not self._open_view(tab):
            self._focus_tab(tab)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab chosen with the mouse: its table takes the focus.

        TabbedContent also activates whichever pane gains focus, so focusing here could answer
        a stale activation and start a tab switch back and forth that starves the keys. Focus
        moves only for the pane active now, on the screen on top, when it does not hold focus.
        """
        pane = event.pane
        if event.tabbed_content.id != "tabs":  # the cluster view's own sub-tabs
            return
        if not pane.id or event.tabbed_content.active != pane.id or pane.screen is not self.screen:
            return
        self._follow_list(pane.id.removeprefix("tab-"))
        if self._open_view(pane.id.removeprefix("tab-")):
            return
        focused = self.screen.focused
        if focused is not None and (focused is pane or pane in focused.ancestors):
            return
        self._focus_tab(pane.id.removeprefix("tab-"))

    def _follow_list(self, tab: str) -> None:
        """A list shown becomes the statistics' source (统计 counts the list last looked at, 1
        then 6, not the last one filtered). Before the core is loaded there is none: the views'
        modules are the loader's to import (imported here at the first frame, they waited for
        Polars, which the loader was importing, and the first keys waited with them: ~140 ms)."""
        if not self.loaded:
            return
        from baiqiang.tui.views import TableView

        if tab in list_tabs():
            found = self.query(f"#view-{tab}").results(TableView)
            view = next(found, None)
            if view is not None and view.is_mounted:
                self.stats_source = view.state

    def _drill(self, screen: BackScreen) -> None:
        """Opens a drill-down; past :data:`DRILL_DEPTH` it takes the place of the one on top.

        Detail → units → detail … could otherwise stack without end (and a deep stack under a
        dialog is slow to draw); Escape still steps back through the drill-downs kept.
        """
        if isinstance(self.screen, ModalScreen):  # asked for beneath a dialog opened since (P
            self._held_drill = screen  # then s, in one burst): it opens once the dialogs close,
            return  # never over them (Escape would then have drill-downs under dialogs to undo)
        if isinstance(self.screen, BackScreen) and len(self.screen_stack) >= DRILL_DEPTH:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def pop_screen(self) -> AwaitComplete:
        """Closes the screen on top; a drill-down asked for while dialogs were open opens now,
        once they are all closed."""
        done = super().pop_screen()
        held = self._held_drill
        if held is not None and not isinstance(self.screen, ModalScreen):
            self._held_drill = None
            self.call_later(self._drill, held)
        return done

    def push_screen(self, screen, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        """Pushes a screen, unless :data:`MAX_SCREENS` are open already (then says so).

        Dialogs can open over dialogs (the palette over an export over the palette …); every way a
        screen is opened, ours and Textual's, comes through here.
        """
        if len(self.screen_stack) >= MAX_SCREENS:
            self.notify(t("screens.too_many", self.language), severity="warning")
            return AwaitComplete.nothing()
        return super().push_screen(screen, *args, **kwargs)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: a message may quote a file (a column's name, a
        line), which is shown, never read as markup or acted on by the terminal."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def action_command_palette(self) -> None:
        """Opens the command palette (a guarded one: see :mod:`baiqiang.tui.screens.palette_screen`);
        before the core is loaded, ctrl+p waits, and every key typed after it waits behind it (the
        first view answers none of them: ``j`` is a letter of the palette's search, not a move)."""
        if not self.loaded:  # the keys typed after it are the palette's: they wait with it
            self.key_order.held.append(("ctrl+p", None))
            for first in self.query(FirstView):
                first.holding = True
            return
        if self.use_command_palette and not isinstance(self.screen, Palette):
            # no fixed id: a closing palette may still be attached
            self.push_screen(Palette(placeholder=t("palette.placeholder", self.language)))

    def action_toggle_language(self) -> None:
        """Switches the interface between Chinese and English."""
        self.language = "en" if self.language == "zh" else "zh"

    def watch_language(self) -> None:
        found = list(self.query("#tabs").results(TabbedContent))
        if not found or not found[0].is_mounted:
            return  # composing: the tabs get their labels in the start language
        try:
            for view in views():
                found[0].get_tab(f"tab-{view.tab}").label = view.title(self.language)
        except NoMatches:  # tabs not composed yet: they get their labels on the next refresh
            self.call_after_refresh(self.watch_language)
            return
        self.sub_title = t("app.subtitle", self.language)
        for screen in self.screen_stack:  # drill-downs and dialogs open now follow the switch too
            if isinstance(screen, BackScreen):
                self.call_later(screen.set_language, self.language)
            elif isinstance(screen, Dialog):
                screen.set_language(self.language)

    def action_help(self) -> None:
        """Shows the help and the keys that work here, in the interface's language."""
        seen: set[str] = set()
        bindings = []  # the keys of the screen it was asked on, in every language it is shown in
        for key, active in self.screen.active_bindings.items():
            b = active.binding
            if b.description and (b.id or key) not in seen:
                seen.add(b.id or key)
                bindings.append(b)

        def content(lang: str) -> tuple[str, list[tuple[str, str]]]:
            keys = [(self.get_key_display(b), key_label(b.id, b.description, lang)) for b in bindings]
            text = (resources.files("baiqiang.tui") / f"help.{lang}.md").read_text(encoding="utf-8")
            tabs = " · ".join(f"**{v.key}** {v.title(lang)}" for v in views() if v.key)
            report = REPORT.title if lang == "zh" else REPORT.title_en
            return text.replace("{report}", report).replace("{tabs}", tabs), keys

        from baiqiang.tui.screens.help_screen import HelpScreen  # Markdown: loaded when asked for

        self.push_screen(HelpScreen(content, self.language))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's actions, in the interface's language: the views, help, language, quit,
        and every key of ours that works where the palette was opened (Textual's own commands,
        English and about widgets, are left out)."""
        lang = self.language
        for view in views():
            yield SystemCommand(
                f"{view.key} {view.title(lang)}".strip(),
                t("palette.view", lang),
                partial(self.action_show_tab, view.tab),
            )
        yield SystemCommand(t("key.app.help", lang), t("palette.help", lang), self.action_help)
        yield SystemCommand("中/EN", t("palette.language", lang), self.action_toggle_language)
        yield SystemCommand(t("key.app.quit", lang), t("palette.quit", lang), self.action_quit)
        # Every other key that works where the palette was opened, run on the node that defines it.
        seen = {"help", "toggle_language", "quit", "command_palette"} | {f"show_key('{k}')" for k in KEYS}
        for active in screen.active_bindings.values():
            binding = active.binding
            if not is_ours(binding.id) or binding.action in seen:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                f"{key_label(binding.id, binding.description, lang)} ({self.get_key_display(binding)})",
                t("palette.here", lang),
                partial(self.run_action, binding.action, active.node),
            )


def make_app(
    catalog: Catalog | None = None,
    *,
    table: str = DEFAULT_TABLE,
    province: str | None = None,
) -> BaiqiangApp:
    """Builds the app on the catalog from the one factory (the CLI and the tests call this).

    Args:
        catalog: The data; by default :func:`baiqiang.core.catalog.make_catalog`'s.
        table: The table to open on.
        province: A province (short name) to filter that table by.
    """
    from baiqiang.core.catalog import make_catalog

    return BaiqiangApp(catalog or make_catalog(), table=table, province=province)


def run_app(catalog: Catalog | None, *, table: str, province: str | None) -> int:
    """Runs the explorer until the user quits.

    Args:
        catalog: The data; None to load it after the first frame (drawn from the snapshot of
            the default view, where there is one).
        table: The table to open on.
        province: A province (short name) to filter that table by.

    Returns:
        The exit status: 0, or 1 after an error the explorer could not carry on from. Then the
        terminal is restored, the details go to :func:`crash_log_path` and one line on stderr
        says where.
    """
    if catalog is None:
        app = BaiqiangApp(None, table=table, province=province, snapshot=read_snapshot())
    else:
        app = make_app(catalog, table=table, province=province)
    details = io.StringIO()
    app.error_console = Console(file=details, markup=False, highlight=False, width=120)
    app.run()
    code = app.return_code or 0
    if app.load_error:
        sys.stderr.write(f"baiqiang: error: {app.load_error}\n")
    elif code and details.getvalue():
        from baiqiang.core.plain.paths import crash_log_path

        path = crash_log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(details.getvalue(), encoding="utf-8")
            where = f"details in {path}"
        except OSError:
            where = "details could not be written"
        sys.stderr.write(f"baiqiang: error: the explorer stopped on an internal error; {where}\n")
    return code


__all__ = ["BaiqiangApp", "TABLES", "make_app", "run_app"]
