"""Lines of mixed Chinese and Latin text for a width in cells, broken as Chinese is set.

Rich and Textual break lines only at spaces: a run of 汉字 is one "word" to them, so
``• s 选择排序列；再选一次同一列…`` leaves ``s`` alone on a line and starts the sentence on the
next. Here a line may end between any two 汉字 (as a Chinese typesetter would), at a space, or
inside a Latin word only when that word is longer than a whole line; no line starts with closing
punctuation (，。、；：）” …) or ends with opening punctuation (（“ …).
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_TOKEN = re.compile(
    r"\s+|[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c-\u201d\u2018-\u2019\u2014\u2026]|[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c-\u201d\u2018-\u2019\u2014\u2026]+"
)
"""A space run, one wide character (汉字, full-width punctuation, “ ” — …), or a run of others."""
_NO_START = frozenset("，。、；：！？）」』】》〉”’…—,.;:!?)")
"""What does not begin a line (a token of these alone: ``.csv`` may)."""
_NO_END = frozenset("（「『【《〈“‘(")
"""What does not end a line."""


def break_lines(text: str, width: int, *, indent: int = 0) -> list[tuple[int, int]]:
    """The lines of one paragraph (no line breaks in it) for `width` cells: (start, end) offsets
    into `text`, spaces at a break left out. Lines after the first are `indent` cells narrower
    (a list item's hanging indent, drawn by the caller)."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    blank = [text[a:b].isspace() for a, b in tokens]
    lines: list[tuple[int, int]] = []
    first = 0  # the token the line being filled starts with
    while first < len(tokens):
        if blank[first]:
            first += 1
            continue
        room = max(width - (indent if lines else 0), 2)
        used, i = 0, first
        while i < len(tokens) and used + cell_len(text[tokens[i][0] : tokens[i][1]]) <= room:
            used += cell_len(text[tokens[i][0] : tokens[i][1]])
            i += 1
        if i == len(tokens):
            cut = i
        elif i == first:  # a word longer than the line: cut where the line is full
            a, b = tokens[i]
            end = a + 1
            while end < b and cell_len(text[a : end + 1]) <= room:
                end += 1
            lines.append((a, end))
            tokens[i] = (end, b)
            continue
        else:
            cut = i  # break before token `cut`; not before closing or after opening punctuation
            while (
                cut - 1 > first
                and not blank[cut]
                and not blank[cut - 1]
                and (
                    set(text[slice(*tokens[cut])]) <= _NO_START
                    or set(text[slice(*tokens[cut - 1])]) <= _NO_END
                )
            ):
                cut -= 1
            if cut - 1 == first and cut != i and set(text[slice(*tokens[first])]) <= _NO_END:
                cut = i  # no break keeps both rules here: the one at the end of the room
        last = cut - 1
        while last > first and blank[last]:
            last -= 1
        lines.append((tokens[first][0], tokens[last][1]))
        first = cut
    return lines or [(0, 0)]
