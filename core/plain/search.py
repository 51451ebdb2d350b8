"""The explorer's search (``/``) in plain Python, for the first frame drawn before Polars loads.

:func:`matches` is the rule of :func:`baiqiang.core.filters.search_matches` (the Polars
expression every live view filters with), row by row: a unit matches where its name contains the
text, or its pinyin or initials start with it, or its province or prefecture contains it, or
(for letters) their pinyin starts with it. ``tests/core/test_search.py`` holds the two to the
same answers for every unit and hundreds of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from baiqiang.core.plain.names import search_key


@dataclass(frozen=True)
class SearchFields:
    """What the search looks at in one row (pinyin and province keys as :func:`search_key` gives
    them; "" where a row has none)."""

    name: str
    reading: str
    initials: str
    province: str
    prefecture: str
    province_key: str
    prefecture_key: str


def matches(fields: SearchFields, text: str) -> bool:
    """Whether a row matches what was typed into the search."""
    t = text.strip()
    key = search_key(t)
    if t in fields.name or fields.reading.startswith(key) or fields.initials.startswith(key):
        return True
    if t in fields.province or t in fields.prefecture:
        return True
    if key.isascii() and key.isalpha():
        return fields.province_key.startswith(key) or fields.prefecture_key.startswith(key)
    return False
