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
        (Out.RENAMED, "320614"),
        (Out.RENAMED, "320614"),
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
            RowKey(7, name="昆山镇"),  # no such unit
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


def test_a_row_is_read_as_of_its_year(catalog: Catalog) -> None:
    """The code lists of the row's year decide: a reused code, a merger, a rename, a swap."""
    p = places(catalog)
    reports = match_rows(
        p,
        [
            RowKey(2, code="500110", name="万盛区", as_of=2010),  # 500110 is 綦江区's code since 2011
            RowKey(3, code="500110", name="綦江区", as_of=2015),  # … and 綦江区 in 2015
            RowKey(4, code="320584", name="吴江市", as_of=2010),  # renamed 吴江区 in 2012
            RowKey(5, code="130208", name="丰南区", as_of=2010),  # 丰润区's code: the two swapped
            RowKey(6, code="110103", name="崇文区", as_of=2005),  # merged into 东城区 in 2010
            RowKey(7, code="130429", name="永年县", as_of=2015),  # split into 永年区 and 复兴区
            RowKey(8, code="130171", name="石家庄高新技术产业开发区", as_of=2020),  # a development zone
            RowKey(9, name="杜尔伯特县", as_of=2020),  # an autonomous county's short name
            RowKey(10, name="仙桃市", province="湖北", prefecture="省直管", as_of=2020),
            RowKey(11, name="东城区", province="北京", prefecture="北京市", as_of=2020),
            RowKey(12, name="全州县", as_of=2020),  # 全 begins a name, not a total
        ],
    )
    got = [(r.outcome, r.adcode) for r in reports]
    assert got == [
        (Out.MERGED, "500110"),
        (Out.MATCHED, "500110"),
        (Out.RENAMED, "320509"),
        (Out.CONFLICT, ""),
        (Out.MERGED, "110101"),
        (Out.SPLIT, ""),
        (Out.NOT_COUNTY, ""),
        (Out.MATCHED, "230624"),
        (Out.MATCHED, "429004"),
        (Out.MATCHED, "110101"),
        (Out.MATCHED, "450324"),
    ]
    assert reports[0].note.startswith(
        "万盛区 (500110) of 2010 is only a part of today's 綦江区 (500110) since 2011"
    )
    assert reports[2].note == "吴江市 (320584) became 吴江区 (320509) in 2012"
    assert "丰润区" in reports[3].note and "丰南区" in reports[3].note
    assert "永年区" in reports[5].note and "丛台区" in reports[5].note
