"""What counts as a figure of the report's prose, and which row of the data accounts for each.

The rule (data/README.md, "Figures in the prose"): in the body's paragraphs — its lines of 40
characters or more, or ending in 。 or ；; not its tables, captions, headings, sources, footnotes or
table of contents — a figure is a number written in
digits (29.14, 1/6 aside) followed by a unit of measure (个, 家, 亿元, 万亿元, %, 个百分点, 平方公里 …);
a number after 第 (an ordinal), before 年/月/日 (a date) or inside a name (“十四五”) is not one,
and neither is a number written in words (八成, 三分之二: kept with their figure where the files
have them, not counted). Each figure is accounted for by one of:

- a row of ``facts.csv`` or ``group_facts.csv`` whose quote holds it, as the row's figure or as a
  threshold in the row's metric (“超过500亿元的市辖区数”: the 500);
- an audit claim whose quote holds it and whose stated values include it: a count of the tables'
  rows, which the audit recomputes from the tables rather than storing (广东省 22 个);
- a year-on-year statement of the audit (较上年新增 4 个), checked against a previous edition.

:func:`unaccounted` lists the figures none of them holds; the extractor refuses to write data
while there is one, and ``tests/core/test_extract.py`` counts both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baiqiang.core.build.extract import Report

MEASURES = (
    "万亿元|亿美元|万美元|亿元|万元|万亿|万人|万户|万件|万家|个百分点|平方公里|km²|"
    "个|家|件|只|户|席|项|种|倍|成|%|亿|万|元"
)
"""Units of measure a figure is written with, longest first."""

FIGURE = re.compile(rf"(?<![\d.第])(\d+(?:\.\d+)?)\s*(?:{MEASURES})(?![\d年月日])")
"""A number in digits and its unit of measure (not an ordinal, not a date)."""


@dataclass(frozen=True)
class TextFigure:
    """A figure of the prose: its line (1-based), where it stands in the report's flat text
    (:attr:`Report.flat`: lines joined as read, without the ``**`` bold marks — a sentence may
    run over two lines), the number, the figure as written, and the text of its line."""

    line: int
    at: int
    number: str
    token: str
    text: str


@dataclass(frozen=True)
class Holder:
    """A quote that accounts for the figures it holds: those in `numbers`."""

    source: str
    quote: str
    numbers: frozenset[str]


def _is_prose(line: str) -> bool:
    return (
        "\t" not in line
        and "....." not in line
        and (len(line) >= 40 or line.endswith(("。", "；")))  # a heading is short and has no stop
        and not re.match(r"^(?:图|表)\s*\d", line)
        and not re.match(r"^(?:来源|资料来源|数据来源|注)", line)
        and not re.match(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]", line)
    )


def text_figures(report: Report) -> list[TextFigure]:
    """Every figure of the report's body prose, by the rule above."""
    out: list[TextFigure] = []
    offset, body = 0, False
    for i, raw in enumerate(report.lines, 1):
        line = raw.strip().replace("**", "")  # as :func:`read_report` makes the flat text
        body = body or (line.startswith("第一篇") and "....." not in line)
        if body and _is_prose(line):
            for m in FIGURE.finditer(line):
                out.append(TextFigure(i, offset + m.start(), m.group(1), m.group(0), line))
        offset += len(line)
    return out


def _numbers(value: object) -> set[str]:
    """The numbers a value states (a claim's: a count, a dict of counts, names with ranks)."""
    if isinstance(value, dict):
        return {n for k, v in value.items() for n in (_numbers(k) | _numbers(v))}
    if isinstance(value, list | tuple | set | frozenset):
        return {n for x in value for n in _numbers(x)}
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, int | float):
        return {f"{value:g}", str(abs(int(value))) if float(value).is_integer() else f"{value:g}"}
    return set(re.findall(r"\d+(?:\.\d+)?", str(value)))


def holders(
    facts: Iterable[dict[str, object]], claims: Iterable[tuple[str, Sequence[str], object]]
) -> list[Holder]:
    """The quotes that account for figures: each fact row's (its figure, and the numbers of its
    metric) and each check's (the numbers it states). `claims` are (source, quotes, stated
    values): an audit claim (``audit ID``) or a phrase naming a group (``group ID``)."""
    out: list[Holder] = []
    for row in facts:
        quote, figure, metric = str(row["quote"]), str(row["figure"]), str(row["metric"])
        held = frozenset({figure, *re.findall(r"\d+(?:\.\d+)?", metric)})
        out.append(Holder(str(row.get("source", "facts")), quote, held))
    for cid, quotes, stated in claims:
        said = frozenset(_numbers(stated))
        for quote in quotes:
            for piece in re.split(r"……| … ", quote):
                if piece.strip():
                    out.append(Holder(cid, piece.strip().rstrip("。"), said))
    return out


def accounted_by(report: Report, figure: TextFigure, found: Sequence[Holder]) -> Holder | None:
    """The holder whose quote stands over the figure in the report's text and states its number."""
    for h in found:
        if figure.number not in h.numbers:
            continue
        start = report.flat.find(h.quote)
        while start >= 0:
            if start <= figure.at < start + len(h.quote):
                return h
            start = report.flat.find(h.quote, start + 1)
    return None


def unaccounted(report: Report, found: Sequence[Holder]) -> list[TextFigure]:
    """The figures of the prose that no row of the data and no check of the audit holds."""
    return [f for f in text_figures(report) if accounted_by(report, f, found) is None]


__all__ = [
    "FIGURE",
    "MEASURES",
    "Holder",
    "TextFigure",
    "accounted_by",
    "holders",
    "text_figures",
    "unaccounted",
]
