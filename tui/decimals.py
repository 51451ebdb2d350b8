"""Numbers in a column (or a row of a comparison) written to the same decimal places, so that
their points line up: 9.20 over 9.74, 100.0 over 99.2.

Only zeros are appended: no digit is rounded away or made up. A column whose numbers need more
than :data:`MOST_PLACES` places, or that holds one in exponent form (1e-07), inf or NaN, is left
as it is; so are columns of whole numbers. Machine formats (CSV, JSON …) are never padded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MOST_PLACES = 6
"""The most decimal places a column is padded to."""

_NUMBER = re.compile(r"-?\d+(?:\.(\d*))?")


def aligned(texts: Sequence[str | None]) -> list[str | None]:
    """`texts` (numbers as text, or None/"" for none), each with as many decimal places as the
    one with the most; anything that is not a plain decimal number leaves them all as they are."""
    places = 0
    for text in texts:
        if not text:
            continue
        found = _NUMBER.fullmatch(text)
        if found is None:
            return list(texts)
        places = max(places, len(found[1] or ""))
    if not 0 < places <= MOST_PLACES:
        return list(texts)
    return [_padded(text, places) if text else text for text in texts]


def _padded(text: str, places: int) -> str:
    point = text.find(".")
    if point < 0:
        return f"{text}.{'0' * places}"
    return text + "0" * (places - (len(text) - point - 1))
