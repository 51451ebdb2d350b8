"""The report's year-on-year statements, checked against an imported previous edition.

The report states how its lists changed against their previous edition ("东部…较上年新增 4 个").
With that edition of the list imported (``baiqiang data import … --list … --edition 2021``) such a
statement holds or is shown as the report's inconsistency, like any claim; without it, its
status says which edition it needs, and the audit still passes. A statement that needs more
than a rank list (梯队 membership: the cut-offs may differ by year) says what it would need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from baiqiang.core.audit.model import Kind, Result, Status
from baiqiang.core.plain.editions import imported_years
from baiqiang.core.plain.tables import REPORT

if TYPE_CHECKING:
    from baiqiang.core.catalog import Catalog

PREVIOUS = REPORT.year - 1


@dataclass(frozen=True)
class YearOnYear:
    """A statement of change against the previous edition.

    Attributes:
        id: Ends in ``-yoy``.
        table: The list.
        statement: In brief.
        quote: The report's words.
        change: The changes it states, by region (the report's count − the previous edition's).
        needs: Where a rank list is not enough: what would be.
    """

    id: str
    table: str
    statement: str
    quote: str
    change: dict[str, int]
    needs: str = ""


YOY_CLAIMS: tuple[YearOnYear, ...] = (
    YearOnYear(
        "ic-regions-yoy",
        "industrial-counties",
        "工业百强县 by region against 2021: 东部 +4, 中部 −3, 西部 −1, 东北 unchanged",
        "2022 年东部扭转了入围县（市）数量略有下滑的趋势，较上年新增 4 个……中部 20 个，较去年减少 3 个；西部 9 个，较上年减少 1 个；"
        "东北地区 1 个，仍为辽宁省瓦房店市。",
        {"东部": 4, "中部": -3, "西部": -1, "东北": 0},
    ),
    YearOnYear(
        "id-regions-yoy",
        "industrial-districts",
        "工业百强区 by region against 2021: 东部 +3, 中部 −5, 西部 +1, 东北 +1",
        "东部地区 78 个，较上年增加 3 个，中部地区 9 个，较上年减少 5 个，西部地区 11 个，较上年增加 1 个，东北地区 2 个，较上年增加 1 个。",
        {"东部": 3, "中部": -5, "西部": 1, "东北": 1},
    ),
    YearOnYear(
        "ic-tier2-yoy",
        "industrial-counties",
        "第二梯队 has 30 县(市), 9 more than in 2021",
        "第二梯队包含了 30 个县（市），比上年增加 9 个",
        {},
        needs="needs the 2021 report's 梯队 cut-offs (the ranks each tier spans), not only its list",
    ),
)


def _fmt(change: dict[str, int]) -> str:
    return ", ".join(f"{k} {v:+d}" for k, v in change.items())


def check_year_on_year(
    catalog: Catalog, count_by_region: Callable[[Catalog, str, int], dict[str, int]]
) -> list[Result]:
    """One result per year-on-year statement.

    Args:
        catalog: The catalog.
        count_by_region: Units per region in an edition of a list.
    """
    out = []
    for claim in YOY_CLAIMS:
        if claim.needs:
            status, data = Status.NEEDS_MORE, claim.needs
        elif PREVIOUS not in imported_years(claim.table):
            status, data = Status.NEEDS_EDITION, f"import edition {PREVIOUS} of {claim.table} to check"
        else:
            now = count_by_region(catalog, claim.table, REPORT.year)
            then = count_by_region(catalog, claim.table, PREVIOUS)
            found = {k: now.get(k, 0) - then.get(k, 0) for k in claim.change}
            status = Status.HOLDS if found == claim.change else Status.INCONSISTENT
            data = _fmt(found)
        out.append(
            Result(
                claim.id,
                Kind.YEAR_ON_YEAR,
                claim.table,
                claim.statement,
                _fmt(claim.change) or "+9",
                data,
                status,
                claim.quote,
            )
        )
    return out
