"""SVG snapshots: one per distinct screen state, at 80×24 unless the state is about size.

Each shows one thing: the body of a view (the header and the tab bar hidden, so that a new tab
or a new report's title changes none of them), and the app's frame once (:func:`test_list_view`:
header, tabs, the first view). Update after an intended change of the look with
``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from baiqiang.core.catalog import Catalog
from baiqiang.tui.app import make_app
from baiqiang.tui.widgets.key_bar import KeyBar
from tests.tui.conftest import settle

pytestmark = pytest.mark.usefixtures("steady_cursor")


def _keys(*keys: str, frame: bool = False):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        if not frame:  # the body only: no header, no tab bar of the app's tabs
            for widget in pilot.app.query("Header, #tabs > Tabs"):
                widget.display = False
            await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for _ in range(40):  # a view opened by a key takes the focus once it is made (up to 2 s)
            if pilot.app.focused is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)  # the footer shows the focused widget's keys a moment after focus moves
        await settle(pilot)
        for bar in pilot.app.screen.query(KeyBar):  # as the screen's keys are now, not a frame ago
            bar.update_keys()
        await settle(pilot)

    return run_before


def _snap(  # type: ignore[no-untyped-def]
    snap_compare,
    catalog: Catalog,
    keys: Sequence[str],
    size: tuple[int, int] = (80, 24),
    *,
    frame: bool = False,
) -> bool:
    return bool(snap_compare(make_app(catalog), terminal_size=size, run_before=_keys(*keys, frame=frame)))


def test_list_view(snap_compare, catalog: Catalog) -> None:
    """The first screen, whole: the header, the tab bar (the one snapshot that shows them), and
    工业百强县 with its columns, status line and key bar at 80×24."""
    assert _snap(snap_compare, catalog, [], frame=True)


def test_list_view_wide(snap_compare, catalog: Catalog) -> None:
    """工业百强区 at 120×40: wider columns and more rows, nothing cut."""
    assert _snap(snap_compare, catalog, ["3"], (120, 40))


def test_filtered_list(snap_compare, catalog: Catalog) -> None:
    """The ``/`` filter open with text typed: the bar, the rows it keeps, the reproducing command."""
    assert _snap(snap_compare, catalog, ["slash", "s", "u", "z", "h", "o", "u"])


def test_clusters(snap_compare, catalog: Catalog) -> None:
    """产业集群: 表4 and 表5 as titled sub-tabs (b switches), 表4 shown with the whole height at 80×24."""
    assert _snap(snap_compare, catalog, ["4"])


def test_highlights(snap_compare, catalog: Catalog) -> None:
    """报告要点: the group facts and the highlighted fact's quote, with the report's inconsistencies."""
    assert _snap(snap_compare, catalog, ["5"])


def test_stats(snap_compare, catalog: Catalog) -> None:
    """统计 at 80 columns: counts by province above their bar chart, the chart titled."""
    assert _snap(snap_compare, catalog, ["6"])


def test_tree(snap_compare, catalog: Catalog) -> None:
    """分布树: region → province → prefecture → unit, with counts."""
    assert _snap(snap_compare, catalog, ["7"])


def test_detail(snap_compare, catalog: Catalog) -> None:
    """A unit's detail pane (昆山市): ranks, clusters and facts with their sentences."""
    assert _snap(snap_compare, catalog, ["enter"])


def test_help(snap_compare, catalog: Catalog) -> None:
    """Help over the list: the text and the keys that work there."""
    assert _snap(snap_compare, catalog, ["question_mark"])


def test_heat_map_zoomed(snap_compare, catalog: Catalog) -> None:
    """The province × rank-band heat map given the whole view (shade glyphs, no colour needed)."""
    assert _snap(snap_compare, catalog, ["c", "c", "c", "c", "z"])


def test_map_zoomed(snap_compare, catalog: Catalog) -> None:
    """The map of every seat with the 100 on top, given the whole view; title and legend above it."""
    assert _snap(snap_compare, catalog, ["c", "c", "c", "c", "c", "z"])


def test_no_color(snap_compare, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR the list still tells the cursor row, the header and the key bar apart."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(catalog)
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24), run_before=_keys())


def test_compare_screen(snap_compare, catalog: Catalog) -> None:
    """Three units marked with space (昆山市, 江阴市, 张家港市) and compared with =: a row per
    indicator, a column per unit, the status line with the command that prints the same, at
    80×24. The bar chart is left out of the picture (plotext spaces its axis labels a cell
    differently now and then); tests/tui/test_compare.py checks what it shows."""
    keys = _keys("space", "space", "space", "equals_sign")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await keys(pilot)
        pilot.app.screen.query_one("#compare-chart").display = False
        await settle(pilot)

    assert snap_compare(make_app(catalog), terminal_size=(80, 24), run_before=run_before)
