"""Close-match suggestions for misspelt input."""

from __future__ import annotations

import difflib


def did_you_mean(text: str, choices: list[str], *, n: int = 3, cutoff: float = 0.5) -> list[str]:
    """The choices closest to `text`, best first, compared case-insensitively.

    Args:
        text: What the user typed.
        choices: The valid values.
        n: At most this many suggestions.
        cutoff: The least similarity (0–1) to suggest.
    """
    size = len(text)  # only a choice of a near length can be close (a pasted page is near none)
    folded = {c.casefold(): c for c in choices if 2 * min(size, len(c)) >= cutoff * (size + len(c))}
    if not folded:
        return []
    hits = difflib.get_close_matches(text.casefold(), list(folded), n=n, cutoff=cutoff)
    return [folded[h] for h in hits]


def shorten(text: str, limit: int = 40) -> str:
    """What a user typed, cut with … for an error message when it is long."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
