"""Command palette provider: type a county or district (昆山, kunshan, ks) to open it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from core.query import search_key
from tui.messages import UnitChosen

if TYPE_CHECKING:
    from tui.app import BaiqiangApp


class UnitCommands(Provider):
    """Finds units by name, pinyin or initials and opens their detail pane."""

    async def startup(self) -> None:
        app: BaiqiangApp = self.app  # type: ignore[assignment]
        self.units = app.units.to_dicts()

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
                yield Hit(
                    score, matcher.highlight(label), partial(self._open, unit), help="open the unit's detail"
                )

    async def discover(self) -> Hits:
        for unit in [u for u in self.units if u.get("listed")][:10]:
            yield DiscoveryHit(self._label(unit), partial(self._open, unit), help="open the unit's detail")
