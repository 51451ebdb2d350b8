"""Helpers for driving the app headlessly, and the switches only tests need."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot) -> None:
    """Waits until workers are done and the screen has caught up. A worker cancelled by a newer
    one of its group (a view's chart, asked again by the next key) is done too: waiting for it
    raised WorkerCancelled on a busy machine, where the newer one starts before the wait ends."""
    for _ in range(2):
        for _ in range(20):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
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
