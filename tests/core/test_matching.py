"""The one row matcher (core/matching.py): rows in, an outcome per row out — what every import
(yearbook tables, editions of a list, built-in datasets) goes through."""

from __future__ import annotations

from baiqiang.core.catalog import Catalog
from baiqiang.core.matching import RowKey, RowOutcome, match_rows, places

Out = RowOutcome


def outcomes(catalog: Catalog, *rows: RowKey) -> list[tuple[RowOutcome, str]]:
    return [(r.outcome, r.adcode) for r in match_rows(places(catalog), rows)]


def test_codes_names_and_former_names(catalog: Catalog) -> None:
    got = outcomes(
        catalog,
        RowKey(2, code="320583"),  # an adcode
        RowKey(3, code="320583000000", year=2020),  # the 12 digits of the statistical code
        RowKey(4, name="江阴"),  # the name without its suffix
        RowKey(5, name="海门市"),  # a former name: now 海门区
        RowKey(6, code="320684", year=2020),  # a former code: 海门市's (another year: no duplicate)
    )
    assert got == [
        (Out.MATCHED, "320583"),
        (Out.MATCHED, "320583"),
        (Out.MATCHED, "320281"),
        (Out.FORMER, "320614"),
        (Out.FORMER, "320614"),
    ]


def test_what_is_not_one_unit(catalog: Catalog) -> None:
    reports = match_rows(
        places(catalog),
        [
            RowKey(2, name="鼓楼区"),  # several provinces have one
            RowKey(3, name="鼓楼区", province="江苏", prefecture="南京市"),  # the row says which
            RowKey(4, name="合计"),
            RowKey(5, name="苏州市"),  # a prefecture
            RowKey(6, code="320500"),  # a prefecture's code
            RowKey(7, name="昆山县"),  # no such unit
            RowKey(8),  # a row with neither
        ],
    )
    assert [r.outcome for r in reports] == [
        Out.AMBIGUOUS,
        Out.MATCHED,
        Out.NOT_COUNTY,
        Out.NOT_COUNTY,
        Out.NOT_COUNTY,
        Out.UNMATCHED,
        Out.UNMATCHED,
    ]
    assert "江苏省 南京市 320106" in reports[0].note and reports[1].adcode == "320106"
    assert reports[2].note == "a total" and "昆山市" in reports[5].note


def test_a_unit_twice_is_a_duplicate_within_a_year_only(catalog: Catalog) -> None:
    reports = match_rows(
        places(catalog),
        [
            RowKey(2, name="昆山市", year=2020),
            RowKey(3, name="昆山市", year=2021),
            RowKey(4, code="320583", year=2021),
        ],
    )
    assert [r.outcome for r in reports] == [Out.MATCHED, Out.MATCHED, Out.DUPLICATE]
    assert reports[2].note == "line 3 has 昆山市 (2021) already"
