"""Messages that flow up from widgets and screens to the app, which routes them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    import polars as pl

    from baiqiang.tui.state import ViewState


class UnitChosen(Message):
    """The user chose a unit (Enter on a row): open its detail pane."""

    def __init__(
        self, name: str, province: str | None, prefecture: str | None, adcode: str | None = None
    ) -> None:
        self.name = name
        self.province = province
        self.prefecture = prefecture
        self.adcode = adcode
        super().__init__()


class ClusterChosen(Message):
    """The user chose a cluster: show its counties."""

    def __init__(self, table: str, seq: int, cluster: str, counties: list[str]) -> None:
        self.table = table
        self.seq = seq
        self.cluster = cluster
        self.counties = counties
        super().__init__()


class UnitsOf(Message):
    """Show the listed units of a province or prefecture (from a detail pane)."""

    def __init__(self, *, province: str | None = None, prefecture: str | None = None) -> None:
        self.province = province
        self.prefecture = prefecture
        super().__init__()


class ViewChanged(Message):
    """A table view's state changed: charts elsewhere follow it."""

    def __init__(self, state: ViewState) -> None:
        self.state = state
        super().__init__()


class ExportRequested(Message):
    """Export these rows (the current view, filtered and sorted)."""

    def __init__(self, frame: pl.DataFrame, suggested: str) -> None:
        self.frame = frame
        self.suggested = suggested
        super().__init__()


class PickRequested(Message):
    """A quick filter wants the user to pick a value."""

    def __init__(self, field: str, options: list[tuple[str, Any]], current: Any) -> None:
        self.field = field
        self.options = options
        self.current = current
        super().__init__()


class WorkFailed(Message):
    """A worker of a widget failed: the app turns it into a notification."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        super().__init__()


class MoversWanted(Message):
    """The user asked how a list's units moved between two editions."""

    def __init__(self, table: str, before: int, after: int) -> None:
        self.table = table
        self.before = before
        self.after = after
        super().__init__()


class MarkToggled(Message):
    """Space on a unit's row: mark it for a comparison, or unmark it."""

    def __init__(self, adcode: str) -> None:
        self.adcode = adcode
        super().__init__()


class CompareWanted(Message):
    """Compare these units (adcodes); with one, that unit and its nearest peers. With `marked`,
    the units marked instead where two or more are."""

    def __init__(self, adcodes: tuple[str, ...], *, marked: bool = False) -> None:
        self.adcodes = adcodes
        self.marked = marked
        super().__init__()


class PeersWanted(Message):
    """List a unit's peers (its 对标 units)."""

    def __init__(self, adcode: str) -> None:
        self.adcode = adcode
        super().__init__()
