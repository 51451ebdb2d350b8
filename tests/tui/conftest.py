"""Helpers for driving the app headlessly, and the switches only tests need."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input


async def settle(pilot: Pilot) -> None:
    """Waits until workers are done and the screen has caught up."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def settle_until(pilot: Pilot, done: Callable[[], bool], *, seconds: float = 5.0) -> None:
    """Settles until `done()` holds (a screen a replayed key opens after the hand-over comes a
    few refreshes later on a busy machine), for at most `seconds`; the caller asserts after."""
    waited = 0.0
    await settle(pilot)
    while not done() and waited < seconds:
        await pilot.pause(0.02)
        await settle(pilot)
        waited += 0.02


@pytest.fixture
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors that do not blink, so that a snapshot does not depend on when it is taken."""
    steady: reactive[bool] = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)
