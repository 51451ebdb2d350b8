"""Shows a chart drawn by tui.charts (plain text, every line of one display width); scrollable."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.message import Message
from textual.widgets import Static


class ChartPanel(ScrollableContainer):
    """A text chart; the view that owns it draws the chart in a worker and hands it over."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="chart.down"),
        Binding("k", "scroll_up", "Up", show=False, id="chart.up"),
        Binding("h", "scroll_left", "Left", show=False, id="chart.left"),
        Binding("l", "scroll_right", "Right", show=False, id="chart.right"),
    ]

    class Resized(Message):
        """The panel's size changed: its owner redraws the chart to fit."""

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())

    def compose(self) -> ComposeResult:
        yield Static(classes="chart-text")

    def show_chart(self, chart: str) -> None:
        """Displays a chart (colours in it, as ANSI codes, are kept)."""
        text = Text.from_ansi(chart, no_wrap=True) if "\x1b[" in chart else Text(chart, no_wrap=True)
        text.overflow = "crop"
        self.query_one(Static).update(text)

    @property
    def text(self) -> str:
        """The chart shown, as plain text."""
        content = self.query_one(Static).content
        return content.plain if isinstance(content, Text) else str(content)
