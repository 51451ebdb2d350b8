"""The help's text, laid out for the width it has, with lines broken as Chinese is set."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content, Span
from textual.geometry import Size
from textual.widget import Widget

from baiqiang.tui.linebreak import break_lines

_INLINE = re.compile(r"\*\*(.+?)\*\*|`(.+?)`")
_BULLET = " • "


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a list item: its text and styled spans (offsets into it)."""

    kind: str  # "heading", "paragraph" or "item"
    text: str
    spans: tuple[Span, ...]


def blocks(markdown: str) -> list[Block]:
    """The help file's blocks (its Markdown is ours: ``#`` a heading, ``-`` a list item, blank
    lines between paragraphs; ``**key**`` bold, ```code``` italic)."""
    out: list[Block] = []
    for line in markdown.splitlines():
        if not line.strip():
            continue
        kind, body = "paragraph", line.strip()
        if body.startswith("# "):
            kind, body = "heading", body[2:]
        elif body.startswith("- "):
            kind, body = "item", body[2:]
        text, spans, at = [], [], 0
        for found in _INLINE.finditer(body):
            text.append(body[at : found.start()])
            start = sum(map(len, text))
            inner = found[1] if found[1] is not None else found[2]
            text.append(inner)
            spans.append(Span(start, start + len(inner), "bold" if found[1] is not None else "italic"))
            at = found.end()
        text.append(body[at:])
        out.append(Block(kind, "".join(text), tuple(spans)))
    return out


def lay_out(parts: list[Block], width: int) -> list[Content]:
    """The lines of the blocks for `width` cells: a blank line between blocks but list items,
    an item's lines under its text (not under its bullet), the heading centred."""
    lines: list[Content] = []
    before: str | None = None
    for block in parts:
        if before is not None and not (before == block.kind == "item"):
            lines.append(Content(""))
        content = Content(block.text, list(block.spans))
        if block.kind == "heading":
            lines.append(Content(" " * max((width - cell_len(block.text)) // 2, 0)) + content.stylize("bold"))
        elif block.kind == "item":
            hang = len(_BULLET)
            for n, (a, b) in enumerate(break_lines(block.text, width - hang)):
                lines.append(Content(_BULLET if n == 0 else " " * hang) + content[a:b])
        else:
            lines.extend(content[a:b] for a, b in break_lines(block.text, width))
        before = block.kind
    return lines


class HelpText(Widget):
    """Text of a few blocks, broken into lines for the widget's width each time it is drawn."""

    DEFAULT_CSS = "HelpText { height: auto; }"

    def __init__(self, markdown: str, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.parts = blocks(markdown)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(lay_out(self.parts, width))

    def render(self) -> Content:
        return Content("\n").join(lay_out(self.parts, self.content_size.width))
