"""Command palette provider: type a county or district (昆山, kunshan, ks) to open it."""

from __future__ import annotations

import heapq
import re
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast

from textual.command import Hit, Hits, Provider

from baiqiang.core.plain.names import search_key
from baiqiang.tui.i18n import t
from baiqiang.tui.messages import UnitChosen

if TYPE_CHECKING:
    import polars as pl


class HasUnits(Protocol):
    """An app that holds every county-level unit (the explorer does)."""

    units: pl.DataFrame
    language: str


class UnitCommands(Provider):
    """Finds units by name, pinyin or initials and opens their detail pane.

    Each unit's label and keys are made once, when the palette opens; a query first keeps the
    labels that hold its letters in order (what Textual's fuzzy matcher needs, tested by one
    compiled pattern), and only those are scored. The best :data:`MOST` are offered: a short
    query such as ``xian`` matches half of China, and nobody reads a list of 1,500.
    """

    MOST = 60

    async def startup(self) -> None:
        app = cast(HasUnits, self.app)
        self.entries = [
            _Entry(
                unit,
                label := _label(unit),
                label.lower(),
                search_key(str(unit.get("pinyin") or "")),
                str(unit.get("initials") or ""),
            )
            for unit in app.units.to_dicts()
        ]
        self.help = t("palette.unit", app.language)

    def _open(self, unit: dict[str, str | None]) -> None:
        self.app.post_message(
            UnitChosen(str(unit["name"]), unit.get("province"), unit.get("prefecture"), unit.get("adcode"))
        )

    async def search(self, query: str) -> Hits:
        key = search_key(query)
        matcher = self.matcher(query)
        letters = re.compile(".*?".join(map(re.escape, query.lower())), re.DOTALL)
        scored: list[tuple[float, int]] = []  # (score, -index): the report's order among equals
        for i, entry in enumerate(self.entries):
            score = matcher.match(entry.label) if letters.search(entry.lower) else 0.0
            if key and (entry.pinyin.startswith(key) or entry.initials.startswith(key)):
                score = max(score, 0.9)
            if score > 0:
                scored.append((score, -i))
        for score, i in heapq.nlargest(self.MOST, scored):
            entry = self.entries[-i]
            yield Hit(score, matcher.highlight(entry.label), partial(self._open, entry.unit), help=self.help)

    async def discover(self) -> Hits:
        """Opened empty, the palette lists the actions (the system provider's); units come
        once something is typed."""
        return
        yield


class _Entry(NamedTuple):
    """A unit as the palette searches it."""

    unit: dict[str, str | None]
    label: str
    """Name, pinyin, province and prefecture: what is shown and fuzzily matched."""
    lower: str
    pinyin: str
    initials: str


def _label(unit: dict[str, str | None]) -> str:
    where = " ".join(x for x in (unit.get("province"), unit.get("prefecture")) if x)
    return f"{unit['name']} {unit.get('pinyin') or ''} {where}".strip()
