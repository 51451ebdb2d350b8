"""``baiqiang data import BOOK.xlsx``: the workbook's sheet is read while the rest of the program
loads (:func:`~baiqiang.core.plain.workbook.read_ahead`), before Typer has parsed the command
line — so this only guesses which file and sheet it will be, from the words given. A wrong guess
costs time on the other core, nothing else: the import takes the sheet read ahead only where it
is the same file, unchanged, and the same sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def read_ahead_for(args: Sequence[str]) -> None:
    """Starts reading the workbook of a ``data import`` command line, where it names one."""
    if len(args) < 3 or list(args[:2]) != ["data", "import"]:
        return
    from baiqiang.core.plain.workbook import EXCEL_SUFFIXES, read_ahead

    sheet: str | None = None
    book: str | None = None
    words = list(args[2:])
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if word.startswith("--sheet="):
            sheet = word.partition("=")[2]
        elif before == "--sheet":
            sheet = word
        elif (
            book is None
            and not word.startswith("-")
            and before != "--report"
            and word.lower().endswith(EXCEL_SUFFIXES)
        ):
            book = word
    if book is not None:
        read_ahead(Path(book), sheet)
