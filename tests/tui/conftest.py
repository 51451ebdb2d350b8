"""Helpers for driving the app headlessly, and the switches only tests need."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input


async def settle(pilot: Pilot) -> None:
    """Waits until workers are done and the screen has caught up."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.fixture
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors that do not blink, so that a snapshot does not depend on when it is taken."""
    steady: reactive[bool] = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)
