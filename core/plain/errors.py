"""The one family of errors the core raises: each is a sentence for the user, never a traceback.

Core messages name no command-line flag; a front end adds its own hints (the CLI says which
option to pass, the explorer which key to press).
"""

from __future__ import annotations

from enum import StrEnum


class BaiqiangError(Exception):
    """Base of every error baiqiang reports to its user as one line.

    Attributes:
        message: One line saying what went wrong.
        suggestions: Close matches, best first ("did you mean").
        choices: The valid values, where there are few enough to list.
        field: The input the error is about (``tier``, ``ranks`` …), where the message starts
            with it; a front end may name it its own way (the CLI says ``--tier``).
    """

    def __init__(
        self,
        message: str,
        suggestions: list[str] | None = None,
        choices: list[str] | None = None,
        *,
        field: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []
        self.choices = choices or []
        self.field = field

    def __str__(self) -> str:
        text = self.message
        if self.suggestions:
            text += f"; did you mean {', '.join(self.suggestions[:3])}?"
        elif self.choices and len(self.choices) <= 12:
            text += f" (choose from: {', '.join(self.choices)})"
        return text


class LookupFailed(BaiqiangError):
    """A name, table, column or value given by the user matches nothing (or too much)."""


class InvalidValue(BaiqiangError):
    """A value is of the wrong form: an inverted rank range, a tier outside 1–4, no columns."""


class DataUnavailable(BaiqiangError):
    """The data folder is missing, incomplete or unreadable."""


class OutputReason(StrEnum):
    """Why an output cannot be written, for a front end to say in its own words."""

    EXISTS = "exists"
    IS_DIRECTORY = "is a directory"
    NO_DIRECTORY = "no such directory"
    UNKNOWN_ENDING = "unknown ending"
    BINARY_TO_TERMINAL = "binary to a terminal"
    OS_ERROR = "os error"


class OutputError(BaiqiangError):
    """The output cannot be written as asked (exists, a directory, a name too long, …).

    Attributes:
        reason: Why, as an :class:`OutputReason`.
        path: The file or folder concerned, where there is one.
        detail: The system's words for an OS error.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: OutputReason = OutputReason.OS_ERROR,
        path: str | None = None,
        detail: str = "",
    ):
        super().__init__(message)
        self.reason = reason
        self.path = path
        self.detail = detail


class TargetExists(OutputError):
    """The file to write exists and replacing it was not asked for."""

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message, reason=OutputReason.EXISTS, path=path)


class DatasetExists(TargetExists):
    """A dataset of that name is stored and replacing it was not asked for."""


class Ambiguous(LookupFailed):
    """A name fits several units and none of them is to be preferred; the message lists them."""
