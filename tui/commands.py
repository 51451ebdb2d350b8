"""Command palette provider: type a county or district (昆山, kunshan, ks) to open it."""

from __future__ import annotations

import heapq
import re
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, cast

from textual.command import Hit, Hits, Provider

from baiqiang.core.plain.names import search_key, split_suffix
from baiqiang.tui.i18n import t
from baiqiang.tui.messages import UnitChosen

if TYPE_CHECKING:
    import polars as pl


class HasUnits(Protocol):
    """An app that holds every county-level unit (the explorer does)."""

    units: pl.DataFrame
    language: str


STARTS = 1000.0
"""Added to the fuzzy score of a unit whose name, pinyin or initials begin with the query
(``xian``: 献县, 西安区, 仙居县 …), so that it comes before a unit that has the letters only
somewhere in its line (the ``Xian`` of every 县)."""
WHOLE = 2000.0
"""Added for a unit the query names whole: its name with or without its suffix (昆山), or the
pinyin of that (``xian`` is 献县's and 西安区's)."""
LISTED = 100.0
"""Added, among those, for a unit in the report's lists: ``ks`` is 昆山市 first, as ``show ks``."""


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
                str(unit["name"]),
                (str(unit["name"]), split_suffix(str(unit["name"]))[0]),
                search_key(str(unit.get("pinyin") or "")),
                _base_pinyin(str(unit.get("pinyin") or "")),
                str(unit.get("initials") or ""),
                bool(unit.get("listed")),
            )
            for unit in app.units.to_dicts()
        ]
        self.help = t("palette.unit", app.language)

    def _open(self, unit: dict[str, Any]) -> None:
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
            if query in entry.whole or (key and key == entry.base):  # 献县 for xian, 昆山市 for 昆山
                score += WHOLE + (LISTED if entry.listed else 0.0)
            elif entry.name.startswith(query) or (
                key and (entry.pinyin.startswith(key) or entry.initials.startswith(key))
            ):  # what the unit's name begins with: before letters found anywhere in its line
                score += STARTS + (LISTED if entry.listed else 0.0)
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

    unit: dict[str, Any]
    label: str
    """Name, pinyin, province and prefecture: what is shown and fuzzily matched."""
    lower: str
    name: str
    whole: tuple[str, str]
    """The name, and the name without its suffix (昆山市, 昆山)."""
    pinyin: str
    base: str
    """The pinyin of the name without its suffix, as compared (``kunshan``)."""
    initials: str
    listed: bool
    """In one of the report's lists."""


def _base_pinyin(pinyin: str) -> str:
    """``Kunshan Shi`` → ``kunshan``: the pinyin without its last word (the suffix's), where it
    has more than one."""
    words = pinyin.split()
    return search_key(" ".join(words[:-1] if len(words) > 1 else words))


def _label(unit: dict[str, Any]) -> str:
    where = " ".join(x for x in (unit.get("province"), unit.get("prefecture")) if x)
    return f"{unit['name']} {unit.get('pinyin') or ''} {where}".strip()
