"""A burst of random keys over every view, the palette, pickers, export, zoom and help (fixed seed).

Whatever they do, the explorer must still be running, and Escape then q must quit with status 0.
"""

from __future__ import annotations

import random

import pytest

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
]


@pytest.mark.parametrize("seed", [7])
async def test_random_keys_never_end_the_explorer(catalog: Catalog, seed: int, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # an export, if the keys make one, lands here
    rng = random.Random(seed)
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for i in range(100):
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
