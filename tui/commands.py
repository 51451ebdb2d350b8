"""Command palette provider: type a county or district (昆山, kunshan, ks) to open it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

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
    """Finds units by name, pinyin or initials and opens their detail pane."""

    async def startup(self) -> None:
        app = cast(HasUnits, self.app)
        self.units = app.units.to_dicts()
        self.help = t("palette.unit", app.language)

    def _open(self, unit: dict[str, str | None]) -> None:
        self.app.post_message(
            UnitChosen(str(unit["name"]), unit.get("province"), unit.get("prefecture"), unit.get("adcode"))
        )

    def _label(self, unit: dict[str, str | None]) -> str:
        where = " ".join(x for x in (unit.get("province"), unit.get("prefecture")) if x)
        return f"{unit['name']} {unit.get('pinyin') or ''} {where}".strip()

    async def search(self, query: str) -> Hits:
        key = search_key(query)
        matcher = self.matcher(query)
        for unit in self.units:
            label = self._label(unit)
            score = matcher.match(label)
            pinyin = search_key(str(unit.get("pinyin") or ""))
            if key and (pinyin.startswith(key) or str(unit.get("initials") or "").startswith(key)):
                score = max(score, 0.9)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._open, unit), help=self.help)

    async def discover(self) -> Hits:
        """Opened empty, the palette lists the actions (the system provider's); units come
        once something is typed."""
        return
        yield
