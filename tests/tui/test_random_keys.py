"""A burst of random keys over every view, the palette, pickers, export, zoom and help (fixed seed).

Whatever they do, the explorer must still be running, and Escape then q must quit with status 0.
"""

from __future__ import annotations

import random

import pytest
from textual import events
from textual.pilot import Pilot

from baiqiang.core.catalog import Catalog
from baiqiang.tui.app import make_app
from tests.tui.conftest import settle

KEYS = [
    *"jkgGpertyxcszdvbLf1234567",
    "slash",
    "colon",
    "question_mark",
    "enter",
    "enter",
    "escape",
    "escape",
    "tab",
    "pagedown",
    "pageup",
    "up",
    "down",
    "ctrl+p",
    "a",
    "n",
    "dollar_sign",
    "space",  # marks, and = compares the marked or a unit and its peers; P lists peers
    "equals_sign",
    "P",
    "left",
    "right",
]
_CHARS = {
    "space": " ",
    "equals_sign": "=",
    "slash": "/",
    "colon": ":",
    "question_mark": "?",
    "dollar_sign": "$",
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
}


def key_event(key: str) -> events.Key:
    """The event a terminal's key press becomes (as Pilot makes it, without waiting after it)."""
    char = key if len(key) == 1 else _CHARS.get(key)
    if char is None and key.startswith("ctrl+") and len(key) == 6:
        char = chr(ord(key[-1]) - ord("a") + 1)
    return events.Key(key, char)


async def test_thousands_of_keys_in_bursts_never_end_the_explorer(
    catalog: Catalog, tmp_path, monkeypatch
) -> None:
    """800 keys, sent 40 at a time as a fast typist or a pasted string would send them (the
    races that a key-by-key Pilot never meets), then Escape… and quit."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BAIQIANG_EXPORT_DIR", str(tmp_path))
    rng = random.Random(2026)
    app = make_app(catalog)
    asked_to_quit: list[int] = []
    # The palette's Quit is a real way out that random keys find; count it instead of leaving.
    quit_for_real = app.action_quit
    monkeypatch.setattr(app, "action_quit", lambda: asked_to_quit.append(1) or _none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sent = 0
        while sent < 800:
            burst = [rng.choice(KEYS) for _ in range(40)]
            for key in burst:
                app.post_message(key_event(key))
            sent += len(burst)
            await pilot.pause()
            assert app.is_running, (
                f"stopped within keys {sent - len(burst)}–{sent}: {burst} rc={app.return_code}"
            )
        await settle(pilot)
        for _ in range(10):
            await pilot.press("escape")
        assert app.is_running
        monkeypatch.setattr(app, "action_quit", quit_for_real)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


async def in_one_burst(pilot: Pilot, *keys: str) -> None:  # type: ignore[type-arg]
    """Sends keys at once, as a fast typist or a paste does, and waits for all they start."""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await settle(pilot)
    await settle(pilot)


async def _none() -> None:
    return None


@pytest.mark.parametrize("seed", [7])
async def test_random_keys_never_end_the_explorer(catalog: Catalog, seed: int, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # an export, if the keys make one, lands here
    rng = random.Random(seed)
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for i in range(50):
            await pilot.press(rng.choice(KEYS))
            if i % 25 == 0:
                await pilot.pause()
            assert app.is_running, f"stopped after key {i}"
        await settle(pilot)
        for _ in range(8):
            await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        await app.action_quit()  # q may be text in a focused input: quit as the binding does
    assert app.return_code == 0


async def test_a_view_asked_for_again_before_it_has_composed(catalog: Catalog) -> None:
    """4 4 in one burst: the second asks the clusters view for its table before it has one."""
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("4", "4", "b", "4", "L", "4"):
            app.post_message(key_event(key))
        await settle(pilot)
        assert app.is_running
        await pilot.press("ctrl+c")
    assert app.return_code == 0


async def test_language_switches_in_a_burst_over_drill_downs(catalog: Catalog) -> None:
    """L L L over a units screen and a detail pane, faster than they redraw."""
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for burst in (
            ("p",),
            ("L", "escape"),
            ("p",),
            ("L", "L", "escape"),
            ("enter", "L", "escape", "escape"),
        ):
            for key in burst:
                app.post_message(key_event(key))
            await settle(pilot)
        assert app.is_running
        await pilot.press("ctrl+c")
    assert app.return_code == 0


async def test_view_keys_in_one_burst_end_on_the_last_view(catalog: Catalog) -> None:
    """2 1, 4 1, 4 5 6 7 8 1 in one burst: each view made asks for the focus once mounted, and a
    later key had switched away by then; the focus must not bring its tab back."""
    from textual.widgets import TabbedContent

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for burst, last in (
            (("2", "1"), "industrial-counties"),
            (("4", "5", "6", "7", "8", "3"), "industrial-districts"),
        ):
            await in_one_burst(pilot, *burst)
            assert app.query_one("#tabs", TabbedContent).active == f"tab-{last}", burst
            assert app.focused is not None and f"view-{last}" in [a.id for a in app.focused.ancestors], burst


async def test_enter_after_the_filters_enter_in_one_burst_opens_the_unit(catalog: Catalog) -> None:
    """/jiangyin Enter Enter in one burst: the first Enter closes the filter, the second reaches
    the table (it was lost to the closing bar) and opens 江阴市."""
    from baiqiang.tui.screens.detail_screen import DetailScreen

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await in_one_burst(pilot, "slash", *"jiangyin", "enter", "enter")
        assert isinstance(app.screen, DetailScreen) and app.screen.profile["name"] == "江阴市"


async def test_a_key_after_the_filters_enter_in_one_burst_is_not_typed_into_it(catalog: Catalog) -> None:
    """/jiangyin Enter L in one burst: L switches the language; it was typed into the closing bar
    (the search became jiangyinL, and nothing was found)."""
    from baiqiang.tui.widgets.table_view import TableView

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await in_one_burst(pilot, "slash", *"jiangyin", "enter", "L")
        view = app.query_one("#view-industrial-counties", TableView)
        assert view.state.filters.search == "jiangyin" and app.language == "en"
