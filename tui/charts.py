"""Terminal charts with plotext, with Chinese labels lined up.

plotext 5 counts every character as one terminal cell, but a CJK character takes two, so its
charts with Chinese labels come out ragged. Each label is handed to plotext as a stand-in of
the label's display width, made of characters that plotext and the terminal both count as one
cell; after plotext has drawn the chart the stand-ins are swapped back for the labels. Every
line of a chart is then padded to the same display width, which the tests check with
``rich.cells.cell_len``.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len

_LOCK = threading.Lock()  # plotext keeps one global figure
_PAD = "ſ"  # U+017F; it and the leads below are one cell wide for plotext and for terminals
_LEADS = [chr(c) for c in range(0x100, 0x250) if chr(c) != _PAD]  # Latin Extended-A and -B


class _Labels:
    """Stand-ins of equal display width for labels plotext would mis-measure."""

    def __init__(self) -> None:
        self._map: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if cell_len(text) == len(text):
            return text
        if text not in self._map:
            if len(self._map) >= len(_LEADS):
                raise ValueError(f"a chart takes at most {len(_LEADS)} labels")
            lead = _LEADS[len(self._map)]
            self._map[text] = lead + _PAD * (cell_len(text) - 1)
        return self._map[text]

    def restore(self, chart: str) -> str:
        # Longest stand-ins first, so that a shorter one never matches inside a longer one.
        for text, token in sorted(self._map.items(), key=lambda kv: -len(kv[1])):
            chart = chart.replace(token, text)
        return chart


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def visible(text: str) -> str:
    """The text without colour codes."""
    return _ANSI.sub("", text)


def square_up(chart: str, width: int | None = None, *, keep_color: bool = False) -> str:
    """Pads every line to the display width of the widest (or `width`); drops colour unless kept."""
    if not keep_color:
        chart = visible(chart)
    lines = chart.rstrip("\n").split("\n")
    if not keep_color:
        lines = [line.rstrip() for line in lines]
    target = max([cell_len(visible(line)) for line in lines] + [width or 0])
    return "\n".join(line + " " * (target - cell_len(visible(line))) for line in lines)


def fit_title(title: str, width: int) -> str:
    """A title cut to the chart's width with … (plotext drops a title that does not fit)."""
    room = max(width - 4, 8)
    if cell_len(title) <= room:
        return title
    out = ""
    for ch in title:
        if cell_len(out + ch) > room - 1:
            break
        out += ch
    return out + "…"


def _plotext() -> Any:
    """plotext, imported the first time a chart is drawn (not with the explorer's first frame)."""
    import plotext

    return plotext


def _begin(width: int, height: int) -> Any:
    plt = _plotext()
    plt.clf()
    plt.clear_data()
    plt.theme("clear")
    plt.limitsize(False, False)  # the size asked for, not the terminal's
    plt.plotsize(width, height)
    return plt


def bar_chart(
    labels: list[str], values: list[float], *, width: int = 80, height: int | None = None, title: str = ""
) -> str:
    """A horizontal bar chart, largest value on top.

    Args:
        labels: One label per bar (Chinese is fine).
        values: One value per bar.
        width: The chart's width in terminal cells.
        height: Its height in lines (by default two per bar).
        title: A title above the chart.

    Returns:
        The chart, every line of the same display width, at most `width`.
    """
    if not labels:
        return square_up("(no rows)", width)
    names = _Labels()
    height = height or len(labels) + 3 + (1 if title else 0)  # one line a bar
    with _LOCK:
        plt = _begin(width, height)
        # plotext draws the first bar at the bottom: reverse so the first label is on top.
        plt.bar(
            [names(lab) for lab in reversed(labels)],
            list(reversed(values)),
            orientation="horizontal",
            width=0.1,
        )
        top = max(values)
        if top > 0 and all(float(v).is_integer() for v in values):
            step = max(1, math.ceil(top / 5))
            plt.xticks(list(range(0, int(top) + step, step)))
        if title:
            plt.title(names(fit_title(title, width)))
        chart = plt.build()
    return square_up(names.restore(chart), width)


def scatter_chart(
    xs: list[float],
    ys: list[float],
    *,
    width: int = 80,
    height: int = 24,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
) -> str:
    """A scatter plot; with ranks, smaller is better, so both axes run from 1 upward."""
    names = _Labels()
    with _LOCK:
        plt = _begin(width, height)
        plt.scatter(xs, ys, marker="•")
        if title:  # the y ticks (4748.1, 12000.5) take room from the title's line too
            ticks = max((len(f"{v:.1f}") for v in ys), default=4)
            plt.title(names(fit_title(title, width - max(ticks - 4, 0))))
        if xlabel:
            plt.xlabel(names(xlabel))
        if ylabel:
            plt.ylabel(names(ylabel))
        chart = plt.build()
    return square_up(names.restore(chart), width)


def bump_chart(
    series: dict[str, list[tuple[int, int]]], *, width: int = 80, height: int = 20, title: str = ""
) -> str:
    """Ranks over editions, one line per unit, rank 1 at the top; the axis names each unit at
    its rank in the newest edition."""
    names = _Labels()
    ranks = [r for points in series.values() for _, r in points]
    years = sorted({y for points in series.values() for y, _ in points})
    if not ranks or len(years) < 2:
        return title
    low = max(ranks)
    with _LOCK:
        plt = _begin(width, height)
        latest: dict[int, str] = {}
        for name, points in series.items():
            if points:
                plt.plot([float(y) for y, _ in points], [float(low + 1 - r) for _, r in points], marker="•")
                latest[points[-1][1]] = name
        marks = sorted(latest)
        plt.yticks([float(low + 1 - r) for r in marks], [names(f"{r} {latest[r]}") for r in marks])
        plt.xticks([float(y) for y in years], [str(y) for y in years])
        if title:
            plt.title(names(fit_title(title, width)))
        chart = plt.build()
    return square_up(names.restore(chart), width)


_SHADES = " ░▒▓█"


def heat_map(
    row_labels: list[str],
    col_labels: list[str],
    matrix: list[list[int]],
    *,
    title: str = "",
    width: int = 80,
    lang: str = "en",
) -> str:
    """A heat map of counts in shaded cells, with the count in each cell and row totals.

    Shading uses block characters, not colour, so it reads the same with NO_COLOR.

    Args:
        row_labels: The rows (provinces …), top to bottom.
        col_labels: The columns (rank bands …), left to right.
        matrix: ``matrix[i][j]`` is the count for row i and column j.
        title: A line above the map.
        width: Lines wider than this are cut off at a column boundary.
        lang: The language of its words (total, the shades' legend): ``zh`` or ``en``.
    """
    from baiqiang.tui.i18n import t

    total = t("chart.total", lang)
    total_w = max(5, cell_len(total) + 1)  # the totals' column
    peak = max((v for row in matrix for v in row), default=0) or 1
    label_w = max([cell_len(r) for r in row_labels] + [cell_len(total)])
    note = ""
    widest_col = max([cell_len(c) for c in col_labels] + [4])
    if label_w + (widest_col + 1) * len(col_labels) + total_w > width and all("-" in c for c in col_labels):
        # Too narrow for "91-100": head each band by its first rank ("91-").
        col_labels = [c.split("-")[0] + "-" for c in col_labels]
        widest_col = max([cell_len(c) for c in col_labels] + [4])
        note = t("chart.bands", lang)
    # Roomy cells where they fit; narrower ones (still one shade mark and the count) where not.
    cell_w = widest_col + 2
    while cell_w > widest_col + 1 and label_w + cell_w * len(col_labels) + total_w > width:
        cell_w -= 1
    spaced = cell_w >= widest_col + 2

    def pad(text: str, w: int, right: bool = False) -> str:
        gap = " " * max(0, w - cell_len(text))
        return gap + text if right else text + gap

    def level(v: int) -> int:
        return 0 if v <= 0 else min(4, 1 + (v * 4 - 1) // peak)

    def cell(v: int) -> str:
        if v == 0:
            return pad("·", cell_w, right=True)
        lead = " " if spaced else ""
        return lead + _SHADES[level(v)] * (cell_w - 3 - len(lead)) + pad(str(v), 3, right=True)

    lines = [fit_title(title, width)] if title else []
    lines.append(
        pad("", label_w) + "".join(pad(c, cell_w, right=True) for c in col_labels) + pad(total, total_w, True)
    )
    for label, row in zip(row_labels, matrix, strict=True):
        lines.append(pad(label, label_w) + "".join(cell(v) for v in row) + pad(str(sum(row)), total_w, True))
    totals = [sum(col) for col in zip(*matrix, strict=False)] if matrix else []
    lines.append(
        pad(total, label_w)
        + "".join(pad(str(n), cell_w, True) for n in totals)
        + pad(str(sum(totals)), total_w, True)
    )
    tops = {level(v): v for v in range(1, peak + 1)}
    legend = "  ".join(f"{_SHADES[k]} ≤{tops[k]}" for k in sorted(tops))
    lines.append(f"{t('chart.shade', lang)}: {legend}   · 0")
    if note:
        lines.append(note)
    out = [_cut(line, width) for line in lines]
    if any(cell_len(line) > width for line in lines):
        out.append(_cut(f"(cut at {width} columns; widen with --width)", width))
    return square_up("\n".join(out), min(width, max(cell_len(x) for x in out)))


def _cut(line: str, width: int) -> str:
    """The longest prefix of `line` whose display width is at most `width`."""
    if cell_len(line) <= width:
        return line
    out, used = "", 0
    for ch in line:
        w = cell_len(ch)
        if used + w > width:
            break
        out += ch
        used += w
    return out


@dataclass(frozen=True)
class MapLayer:
    """Points drawn over the map's background, with one marker and colour."""

    label: str
    longitudes: list[float]
    latitudes: list[float]
    marker: str
    color: str


def map_chart(
    background: tuple[list[float], list[float]],
    layers: list[MapLayer],
    *,
    width: int = 100,
    height: int | None = None,
    title: str = "",
    color: bool = True,
) -> str:
    """Seats of county-level units as faint dots, with layers of listed units on top.

    Longitude runs across and latitude up, the height chosen (unless given) so that a degree
    looks about as long both ways in a terminal whose cells are twice as tall as wide. Each
    layer has its own marker, so the map reads without colour too.

    Args:
        background: Longitudes and latitudes of the faint dots.
        layers: Over the background, the first on top (tier 1 over tier 4 where two seats share
            a cell), with a legend in their order.
        width: Width in terminal cells.
        height: Height in lines.
        title: A line above the map.
        color: Keep ANSI colours (False gives plain text).
    """
    lons = background[0] + [x for layer in layers for x in layer.longitudes]
    lats = background[1] + [y for layer in layers for y in layer.latitudes]
    if not lons:
        return square_up("(no units)", width)
    x0, x1 = min(lons), max(lons)
    y0, y1 = min(lats), max(lats)
    padx, pady = max((x1 - x0) * 0.03, 0.2), max((y1 - y0) * 0.05, 0.2)
    x0, x1, y0, y1 = x0 - padx, x1 + padx, y0 - pady, y1 + pady
    # Title and legend go above the map, never over it (plotext's legend covers the west).
    legend = "  ".join(f"{layer.marker} {layer.label}" for layer in layers if layer.longitudes)
    head = [fit_title(line, width) for line in (title, legend) if line]
    if height is None:
        plot_w = max(width - 8, 10)
        height = min(max(round(plot_w * (y1 - y0) / (x1 - x0) / 2) + 4, 10), 80)
    else:
        height = max(height - len(head), 6)
    names = _Labels()
    with _LOCK:
        plt = _begin(width, height)
        plt.scatter(background[0], background[1], marker="·", color="gray")
        for layer in reversed(layers):  # the first on top: tier 1 is never hidden under tier 4
            if layer.longitudes:
                plt.scatter(layer.longitudes, layer.latitudes, marker=layer.marker, color=layer.color)
        plt.xlim(x0, x1)
        plt.ylim(y0, y1)
        chart = plt.build()
    return square_up("\n".join([*head, names.restore(chart)]), width, keep_color=color)
