"""What an indicator import takes and gives: options, per-row outcomes, a dataset's description."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from baiqiang.core.matching import RowOutcome, RowReport, reports_of

if TYPE_CHECKING:
    import polars as pl


@dataclass(frozen=True)
class ImportOptions:
    """How to read and match a file (every field optional: found by itself where left out).

    Attributes:
        sheet: The sheet of a workbook (its name, or its position from 1); the first by default.
        header_rows: Rows the header takes (2 joins a merged group row over its sub-columns).
        key: The column that names the units.
        province: The province of every row (short name), for a file of one province.
        year: The year of every value, for a file without a year column.
        encoding: The text encoding of a CSV/TSV (found by itself: UTF-8, with or without
            BOM, else GB18030, which reads GBK too).
        merge: ``sum`` adds up the rows of the parts of a unit formed by a merger, where the
            file has every part (the columns must add up); by default they are not stored.
        trust: ``code`` or ``name``: which decides where a row's code and name are two units
            (by default neither: the row is a conflict, not stored).
    """

    sheet: str | None = None
    header_rows: int | None = None
    key: str | None = None
    province: str | None = None
    year: int | None = None
    encoding: str | None = None
    merge: str | None = None
    trust: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The options that were set, for the dataset's provenance."""
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Column:
    """An imported column.

    Attributes:
        name: Its name, without the unit (地区生产总值).
        unit: The unit from its header (亿元), or "".
        header: The header as written (地区生产总值（亿元）).
        values: How many of its values are not blank.
        missing: Of the rows stored, the cells left blank or marked missing (—, N/A, --).
        not_numbers: Of the rows stored, the cells that are not a number (1,2,3; inf; 甲): left
            out as missing, and said so.
        examples: A few of those cells as written (cut short).
        year: The year its header gives (GDP（2023）), for values whose row gives none.
        label: Its name for people, in Chinese, where it is not its name (a built-in dataset's
            figure named for scripts: ``population`` is 常住人口).
        label_en: Its name for people, in English ("" where none is known: the name is shown).
        note: What it is, where the name does not say (a figure worked out from others).
        headline: One of the few figures a built-in dataset shows first (``show``, the explorer).
    """

    name: str
    unit: str
    header: str
    values: int = 0
    missing: int = 0
    not_numbers: int = 0
    examples: list[str] = field(default_factory=list)
    year: int | None = None
    label: str = ""
    label_en: str = ""
    note: str = ""
    headline: bool = False

    def shown(self, lang: str = "en") -> str:
        """Its name for people in a language (``zh`` or ``en``)."""
        return (self.label_en if lang == "en" else self.label) or self.label or self.name


@dataclass(frozen=True)
class LeftOut:
    """A column of the file not imported, and why (text, not numbers; empty).

    Attributes:
        column: Its header (shown safely).
        reason: Why it was left out.
    """

    column: str
    reason: str


@dataclass(frozen=True)
class Dataset:
    """A stored dataset and its provenance.

    Attributes:
        name: The name it is stored and addressed under.
        source: The file's name.
        sha256: The file's digest.
        sheet: The sheet read, for a workbook.
        imported_at: When (ISO 8601, UTC).
        options: The import options that were set.
        columns: The imported columns.
        rows: Rows of values stored.
        units: Units with values.
        years: The years the values are for (empty where the file gives none).
        summary: Rows per outcome.
        built_in: Shipped with baiqiang (not the user's): listed, never removed or replaced.
        about: Where it comes from, for a built-in dataset (the work, its authors, where).
        licence: Its licence, for a built-in dataset (the text is beside its files).
    """

    name: str
    source: str
    sha256: str
    sheet: str | None
    imported_at: str
    options: dict[str, Any]
    columns: list[Column]
    rows: int
    units: int
    years: list[int]
    summary: dict[str, int] = field(default_factory=dict)
    built_in: bool = False
    about: str = ""
    licence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """As JSON."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Dataset:
        """From :meth:`to_dict`'s output."""
        return cls(**{**raw, "columns": [Column(**c) for c in raw["columns"]]})


@dataclass(frozen=True)
class ImportResult:
    """An import's outcome: the dataset stored (or that would be), every row's outcome, and the
    columns left out because they hold text, not numbers (备注).

    Attributes:
        table: Every row's outcome, in the file's order (the columns of
            :func:`~baiqiang.core.matching.report_schema`: a panel's hundred thousand rows stay
            a frame until asked for as :attr:`reports`).
    """

    dataset: Dataset
    table: pl.DataFrame
    ignored: list[LeftOut] = field(default_factory=list)
    read_as: str = ""
    """Which year's list the codes and names were read in, and why."""
    notes: list[str] = field(default_factory=list)
    """What else the summary says (the rates left blank for units summed)."""

    @cached_property
    def reports(self) -> list[RowReport]:
        """Every row's outcome, as :class:`~baiqiang.core.matching.RowReport` objects."""
        return reports_of(self.table)

    def _among(self, outcomes: tuple[RowOutcome, ...]) -> list[RowReport]:
        import polars as pl

        return reports_of(self.table.filter(pl.col("outcome").is_in([str(o) for o in outcomes])))

    @property
    def unexplained(self) -> list[RowReport]:
        """The rows a strict import refuses: unmatched, ambiguous, a conflict, a duplicate (not
        those whose unit's history explains why they are not stored: merged, split)."""
        return self._among(
            (RowOutcome.UNMATCHED, RowOutcome.AMBIGUOUS, RowOutcome.CONFLICT, RowOutcome.DUPLICATE)
        )

    @property
    def problems(self) -> list[RowReport]:
        """The rows whose values were not stored, other than footnotes and totals."""
        keep = (RowOutcome.FOOTNOTE, RowOutcome.NOT_COUNTY)
        return self._among(tuple(o for o in RowOutcome if not o.stored and o not in keep))
