"""The report's figures in English: each metric's name and each measure, for English mode.

The report is in Chinese; the extractor writes, beside each fact's metric and measure, their
English (``metric_en``, ``measure_en`` in ``facts.csv`` and ``group_facts.csv``). A translation
names what the figure counts; it never changes the figure: 亿元 is "× 100m yuan", not a figure
divided by ten. A metric or a measure without its English stops the extractor
(``extract``), so no fact reaches the data in one language only.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

METRICS_FILE = Path(__file__).with_name("metrics_en.csv")
"""metric,metric_en: a line per metric the curated facts name (:mod:`.curated`)."""

MEASURES: dict[str, str] = {
    "": "",
    "%": "%",
    "个": "",
    "家": "firms",
    "件": "items",
    "只": "funds",
    "种": "kinds",
    "倍": "times",
    "成": "tenths",
    "个百分点": "percentage points",
    "平方公里": "km²",
    "万件": "× 10k items",
    "万户": "× 10k firms",
    "万元": "× 10k yuan",
    "万元/人": "× 10k yuan per person",
    "万美元": "× 10k USD",
    "万平方公里": "× 10k km²",
    "亿元": "× 100m yuan",
    "亿美元": "× 100m USD",
    "亿人": "× 100m people",
    "万亿元": "trillion yuan",
}
"""Each measure the facts use, in English: a multiplier stays one (× 100m yuan); 个 (a count of
units) needs no word; 只 counts the guidance funds, 万户 the enterprises, the only things the
report measures so."""


@cache
def _metrics() -> dict[str, str]:
    with METRICS_FILE.open(encoding="utf-8", newline="") as f:
        return {row["metric"]: row["metric_en"] for row in csv.DictReader(f) if row["metric_en"]}


def metric(name: str) -> str | None:
    """A metric's name in English (None: :data:`METRICS_FILE` has no line for it)."""
    return _metrics().get(name)


def measure(name: str) -> str | None:
    """A measure in English (None: :data:`MEASURES` has none for it)."""
    return MEASURES.get(name)
