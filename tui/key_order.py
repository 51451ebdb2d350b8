"""Every key typed reaches a view that answers it, in the order typed (:class:`KeyOrder`)."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.widget import Widget

HOPS = 3
"""How often a key that came back unanswered is sent on to where the focus has moved."""
LONGEST_WAIT = 5.0
"""Seconds the held keys wait at most for the keys before them (a widget that closed with keys
still queued never sends them back; one that is only slow, on a busy machine, does)."""


class KeysPassed(Message):
    """Posted to a widget behind the keys sent to it. It goes up the way a key the widget does not
    answer goes (the same queues, in the same order), so when the app has it back, every key
    sent there before it has been answered or has come back."""

    def __init__(self, token: int) -> None:
        super().__init__()
        self.token = token


class KeyOrder:
    """Where the app sends each key typed, so that none is lost and none overtakes another.

    A key goes to the focused widget; one it does not answer comes back up to the app, whose
    bindings then answer it (``/`` opens the filter there and moves the focus to it). Keys
    typed in one burst (``/jiangyin``) are all sent before the first has come back, so the
    ones behind ``/`` come back too, unanswered: they are sent on to where the focus is now.
    A key typed while keys sent to another widget may still come back waits until they have
    (:class:`KeysPassed`, not a time: a busy machine only makes it later), and so do keys typed
    while no view can answer them (:attr:`is_open`), to be sent, in order, once one can."""

    def __init__(self, app: App[Any], *, is_open: bool, may_release: Callable[[], bool]) -> None:
        self.app = app
        self.held: list[tuple[str, str | None]] = []
        """Keys waiting to be sent, in the order typed (name and character)."""
        self.is_open = is_open
        """Whether keys go where they are typed; while closed every key is held."""
        self._may_release = may_release
        self._sent: dict[int, tuple[events.Key, Widget, int]] = {}
        """The keys on their way to a widget: each, the widget it was sent to, and how often it
        was sent on because the focus had moved."""
        self._pending: dict[Widget, int] = {}
        """The widgets keys were sent to since they were last known to have passed them all, with
        the number of the last key sent to each."""
        self._sends = itertools.count(1)
        self._tokens = itertools.count(1)
        self._waits: dict[int, tuple[asyncio.Event, Widget, int]] = {}
        self._releasing = False

    def route(self, event: events.Key) -> events.Key | None:
        """The key the app goes on with (`event`, or a copy sent on to the focus), or None when
        the key is held."""
        focus = self.app.focused or self.app.screen
        hops = 0
        if event.is_forwarded:  # back from the widget it was sent to (or one above it)
            sent = self._sent.pop(id(event), None)
            if sent is None or sent[0] is not event or self.app.focused in (None, sent[1]) or sent[2] >= HOPS:
                return event  # to the app's bindings (or the focus keeps moving: let it be)
            event, hops = events.Key(event.key, event.character), sent[2] + 1
        elif not self.is_open or self.held or any(w is not focus for w in self._pending):
            self.hold(event.key, event.character)
            return None
        self._pending[focus] = next(self._sends)
        self._sent[id(event)] = (event, focus, hops)
        while len(self._sent) > 64:  # the keys a widget answered never come back
            del self._sent[next(iter(self._sent))]
        return event

    def hold(self, key: str, character: str | None) -> None:
        """Holds a key, to be sent once the keys before it have passed."""
        self.held.append((key, character))
        self.release()

    def open(self) -> None:
        """A view can answer keys now: the held ones are sent first."""
        self.is_open = True
        self.release()

    def release(self) -> None:
        """Sends the held keys on, in order, once the keys sent before them have passed (if keys
        are open and the app lets them go)."""
        if self.is_open and self.held and not self._releasing and self._may_release():
            self._releasing = True
            self.app.run_worker(self._release(), group="keys", exit_on_error=False)

    async def _release(self) -> None:
        try:
            await self.passed()
            while self.held:
                key, character = self.held.pop(0)
                self.app.post_message(events.Key(key, character))
        finally:
            self._releasing = False

    async def passed(self, *, focus_too: bool = False) -> None:
        """Waits until every key sent to a widget that does not have the focus (with `focus_too`,
        to any widget) has been answered there or has come back."""
        focus = self.app.focused or self.app.screen
        waits = []
        for widget, last in list(self._pending.items()):
            if widget is focus and not focus_too:
                continue
            token = next(self._tokens)
            if not widget.is_attached or not widget.post_message(KeysPassed(token)):
                del self._pending[widget]  # gone, and the keys queued there with it
                continue
            done = asyncio.Event()
            self._waits[token] = (done, widget, last)
            waits.append((token, done, widget))
        deadline = time.monotonic() + LONGEST_WAIT
        for token, done, widget in waits:
            while not done.is_set() and widget.is_attached and time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(done.wait(), 0.05)
                except TimeoutError:
                    pass
            if self._waits.pop(token, None) is not None:  # never came back: not waited for again
                self._pending.pop(widget, None)

    def came_back(self, message: KeysPassed) -> None:
        """The app has a :class:`KeysPassed` back: the keys sent before it have passed."""
        found = self._waits.pop(message.token, None)
        if found is None:
            return
        done, widget, last = found
        if self._pending.get(widget) == last:  # none was sent there since
            del self._pending[widget]
        done.set()
