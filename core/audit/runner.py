"""The audit's runner: computes every claim, compares, and checks the tables' integrity.

A claim that disagrees is the report's own inconsistency: shown with both values, never
"fixed". The report's known slips are data (``report_slips.csv``: each with where it differs
and why); a claim that differs anywhere else, or a known slip no longer seen, means the data or
the code changed, and fails the audit (:attr:`Status.CHANGED`) — as do the integrity checks
that confirm the shipped tables are what the report prints (ranks 1–100, ★ on each province's
first, 表4 and 表5 complete).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from baiqiang.core.audit.claims import BC, CLAIMS, IC, ID, INC, NC, _df, _leaders
from baiqiang.core.audit.model import Kind, Result, Status, Value
from baiqiang.core.catalog import Catalog


def _fmt(v: Value) -> str:
    if isinstance(v, dict):
        return ", ".join(f"{k} {_fmt(x)}" for k, x in v.items())
    if isinstance(v, list):
        return "、".join(str(x) for x in v)
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))  # a count or a whole share as the report prints it (合计 54, 80), not 54.0
    return str(v)


def _same(report: Value, data: Value) -> bool:
    if isinstance(report, dict) and isinstance(data, dict):
        return {k: v for k, v in report.items() if v} == {k: v for k, v in data.items() if v}
    return report == data


def _parts(report: Value, data: Value) -> list[tuple[str, str, str]]:
    """Where the report and the data part, as (key, report's value, data's value); a key only
    the data has gets an empty report value."""
    if not (isinstance(report, dict) and isinstance(data, dict)):
        return [("", _fmt(report), _fmt(data))]
    parts = [(str(k), _fmt(report[k]), _fmt(data.get(k, 0))) for k in report if report[k] != data.get(k)]
    parts += [(str(k), "", _fmt(v)) for k, v in data.items() if k not in report and v]
    return parts


def _differences(parts: list[tuple[str, str, str]]) -> str:
    """``四川 report 34 / data 33``; a value only the data has is given as data alone."""
    return "; ".join(
        f"{k} report {r} / data {d}".strip() if r else f"{k} data {d}".strip() for k, r, d in parts
    )


def _order_like(report: Value, data: Value) -> Value:
    """Orders a computed dict like the report's, extra keys last, for side-by-side reading."""
    if isinstance(report, dict) and isinstance(data, dict):
        keys = [k for k in report if k in data] + sorted(k for k in data if k not in report)
        return {k: data[k] for k in keys}
    return data


def _integrity(c: Catalog) -> list[Result]:
    out: list[Result] = []

    def check(cid: str, table: str, statement: str, ok: bool, detail: str) -> None:
        out.append(
            Result(cid, Kind.INTEGRITY, table, statement, "", detail, Status.OK if ok else Status.FAIL, "")
        )

    for tid in (IC, INC, ID):
        df = _df(c, tid)
        check(
            f"{tid}-ranks",
            tid,
            "ranks are 1…100, once each",
            sorted(df["rank"].to_list()) == list(range(1, 101)),
            f"{df.height} rows",
        )
        leaders = _leaders(df)
        starred = {
            str(p): int(r)
            for p, r in df.filter(pl.col("province_first")).select("province_short", "rank").iter_rows()
        }
        bad = {p: r for p, r in leaders.items() if starred.get(p) != r}
        check(
            f"{tid}-stars",
            tid,
            "★ marks exactly each province's first",
            not bad and len(starred) == len(leaders),
            f"{len(starred)} ★ for {len(leaders)} provinces" + (f"; differ: {_fmt(bad)}" if bad else ""),
        )
    tiers = c.tiers.collect()
    covered = [r for a, b in tiers.select("first_rank", "last_rank").iter_rows() for r in range(a, b + 1)]
    check(
        "ic-tier-ranges",
        IC,
        "the four tiers cover ranks 1…100 once",
        covered == list(range(1, 101)),
        ", ".join(f"{a}-{b}" for a, b in tiers.select("first_rank", "last_rank").iter_rows()),
    )
    nc = _df(c, NC)
    check(
        "nc-rows",
        NC,
        "表4 rows numbered 1…18",
        nc["seq"].to_list() == list(range(1, 19)),
        f"{nc.height} rows",
    )
    bc = _df(c, BC)
    check(
        "bc-rows",
        BC,
        "表5 rows numbered 1…26",
        bc["seq"].to_list() == list(range(1, 27)),
        f"{bc.height} rows",
    )
    unlisted = bc.filter(pl.col("province").is_null())["county"].to_list()
    check(
        "bc-counties-listed",
        BC,
        "every 表5 county is in 工业百强县",
        not unlisted,
        "all listed" if not unlisted else "not listed: " + "、".join(unlisted),
    )
    return out


def run_audit(catalog: Catalog) -> list[Result]:
    """Checks every claim and the tables' integrity.

    Returns:
        Integrity results first, then one result per claim.
    """
    results = _integrity(catalog)
    slips = known_slips(catalog)
    for claim in CLAIMS:
        report = claim.report_from(catalog) if claim.report_from else claim.report
        data = claim.compute(catalog)
        ok = _same(report, data) if claim.holds is None else claim.holds(report, data)
        parts = [] if ok else _parts(report, data)
        differs = _differences(parts)
        slip = slips.get(claim.id)
        status, note, note_zh = (
            (Status.HOLDS, claim.note, claim.note_zh) if ok else (Status.INCONSISTENT, "", "")
        )
        if not ok and slip is not None and slip.differs == differs:
            note, note_zh = slip.reason, slip.reason_zh
        elif not ok:
            status = Status.CHANGED
            said = f" (the report's known slip here: {slip.differs})" if slip is not None else ""
            note = f"differs where the report is not known to{said}: the data or the code changed"
            note_zh = "此处报告并无已知笔误而数据与之不符：数据或代码已改变"
        elif slip is not None:
            status = Status.CHANGED
            note = f"the report's known slip ({slip.differs}) is no longer seen: the data or the code changed"
            note_zh = f"报告的已知笔误（{slip.differs}）不再出现：数据或代码已改变"
        results.append(
            Result(
                claim.id,
                claim.kind,
                claim.table,
                claim.statement,
                _fmt(report),
                _fmt(_order_like(report, data)),
                status,
                " … ".join(claim.quotes),
                differs,
                ", ".join(f"{k} {r}".strip() for k, r, _ in parts if r),
                ", ".join(f"{k} {d}".strip() for k, _, d in parts),
                note,
                note_zh,
            )
        )
    from baiqiang.core.audit.yoy import check_year_on_year

    return results + check_year_on_year(catalog, _regions)


@dataclass(frozen=True)
class Slip:
    """A known slip of the report's (a row of ``report_slips.csv``)."""

    audit_id: str
    differs: str
    reason: str
    reason_zh: str


def known_slips(catalog: Catalog) -> dict[str, Slip]:
    """The report's known slips, by the id of the audit's line that shows each (none where the
    data folder has no ``report_slips.csv``: every difference is then news)."""
    import csv

    path = catalog.data_dir / "report_slips.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return {r["audit_id"]: Slip(**r) for r in csv.DictReader(fh)}
    except (OSError, TypeError, csv.Error):
        return {}


def _regions(catalog: Catalog, table: str, edition: int) -> dict[str, int]:
    """Units per region in an edition of a list."""
    from baiqiang.core.editions import edition_frame

    df = edition_frame(catalog, table, edition).group_by("region").len().collect()
    return {str(r): int(n) for r, n in df.iter_rows()}


def audit_passes(results: list[Result]) -> bool:
    """True when every integrity check is ok and no claim differs but where the report is known
    to slip (claims may be the report's known inconsistencies)."""
    return all(r.status not in (Status.FAIL, Status.CHANGED) for r in results)


def tally(results: list[Result]) -> dict[Kind, tuple[int, int]]:
    """Per kind of check: (how many, how many hold or are ok)."""
    out: dict[Kind, tuple[int, int]] = {}
    for kind in Kind:
        mine = [r for r in results if r.kind == kind]
        out[kind] = (len(mine), sum(r.status in (Status.HOLDS, Status.OK) for r in mine))
    return out
