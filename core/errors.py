"""Errors that the core raises for bad input, with suggestions for the user."""

from __future__ import annotations


class LookupFailed(Exception):
    """A name, table, column or value given by the user matches nothing.

    Attributes:
        message: One line saying what was not found.
        suggestions: Close matches, best first ("did you mean").
        choices: The valid values, where there are few enough to list.
    """

    def __init__(self, message: str, suggestions: list[str] | None = None, choices: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []
        self.choices = choices or []

    def __str__(self) -> str:
        text = self.message
        if self.suggestions:
            text += f"; did you mean {', '.join(self.suggestions[:3])}?"
        elif self.choices and len(self.choices) <= 12:
            text += f" (choose from: {', '.join(self.choices)})"
        return text
