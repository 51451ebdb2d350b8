"""SVG snapshots of every view at 80×24 and 120×40 (cursor blink off).

Update after an intended change of the look with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import pytest

from core.catalog import Catalog
from tests.tui.conftest import settle
from tui.app import make_app

SIZES = [(80, 24), (120, 40)]
VIEWS = {
    "industrial-counties": [],
    "innovation-counties": ["2"],
    "industrial-districts": ["3"],
    "clusters": ["4"],
    "highlights": ["5"],
    "stats": ["6"],
    "tree": ["7"],
    "detail": ["enter"],
    "chart-heat": ["c", "c", "c", "c", "z"],
    "chart-map": ["c", "c", "c", "c", "c", "z"],
    "filtered": ["slash", "s", "u", "z", "h", "o", "u"],
    "help": ["question_mark"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(VIEWS))
def test_view_snapshot(snap_compare, catalog: Catalog, name: str, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in VIEWS[name]:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(make_app(catalog, blink=False), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("name", ["industrial-counties", "chart-heat"])
def test_no_color_snapshot(snap_compare, catalog: Catalog, monkeypatch, name: str) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in VIEWS[name]:
            await pilot.press(key)
            await settle(pilot)

    app = make_app(catalog, blink=False)
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
