"""The audit's model: a claim of the report's prose, and one line of the audit's result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from baiqiang.core.catalog import Catalog

Value = object
"""What a claim states or the data gives: a count, a list of names, a dict of counts …"""


class Status(StrEnum):
    """How one line of the audit came out."""

    HOLDS = "holds"
    """A claim the tables bear out."""
    INCONSISTENT = "report inconsistent"
    """A claim the report's own tables contradict: shown with both sides, never "fixed"."""
    OK = "ok"
    """An integrity check that passed."""
    FAIL = "FAIL"
    """An integrity check that failed: the shipped data is not what the report prints."""
    CHANGED = "CHANGED"
    """A claim or passage that differs where the report is not known to slip, or a known slip no
    longer seen: the data or the code changed (the report's known slips are data:
    ``report_slips.csv``). Fails the audit."""
    NEEDS_EDITION = "needs edition 2021"
    """A year-on-year statement that can be checked once the previous edition is imported."""
    NEEDS_MORE = "needs more than a list"
    """A year-on-year statement a rank list cannot check (it says what would)."""


class Kind(StrEnum):
    """What a line of the audit checks."""

    CLAIM = "claim"
    """The prose against the tables (or against another passage): a verification."""
    PARSE = "parse check"
    """The data read from a passage against that same passage: it shows the reading is
    consistent, and can show a passage that contradicts itself, but verifies nothing else."""
    INTEGRITY = "integrity"
    YEAR_ON_YEAR = "year on year"
    """A statement of change against the previous edition (see :mod:`baiqiang.core.audit.yoy`)."""


@dataclass(frozen=True)
class Claim:
    """A statement of the report's prose about its tables.

    Attributes:
        id: A short stable id.
        table: The table id the claim is about.
        statement: What is claimed, in brief.
        quotes: The report's words, verbatim.
        report: The values the report states.
        compute: Computes the same values from the catalog.
        holds: Compares the report's values with the computed ones; None for equality (zero
            counts aside).
        report_from: Reads the report's values from the extracted data instead (a figure
            printed as numbers, the footnotes), where they are not typed in the claim.
        kind: A verification (:attr:`Kind.CLAIM`) or a parse consistency check (one whose
            outcome the tables cannot change).
        note: What a reader should know when it holds only just, or by a reading (11 of 18 is
            61%, which the report calls 约三分之二); ``note_zh`` in Chinese.
    """

    id: str
    table: str
    statement: str
    quotes: tuple[str, ...]
    report: Value
    compute: Callable[[Catalog], Value]
    holds: Callable[[Value, Value], bool] | None = None
    report_from: Callable[[Catalog], Value] | None = None
    kind: Kind = Kind.CLAIM
    note: str = ""
    note_zh: str = ""


@dataclass(frozen=True)
class Result:
    """One line of the audit."""

    id: str
    kind: Kind
    table: str
    statement: str
    report: str
    data: str
    status: Status
    quote: str
    differs: str = ""
    report_part: str = ""
    """Where it differs: the report's side only (``四川 34``)."""
    data_part: str = ""
    """Where it differs: the data's side only (``四川 33``)."""
    note: str = ""
    """Why it differs (a known slip of the report's), or what to know where it holds only just."""
    note_zh: str = ""
    """The same in Chinese."""
