"""The audit: claims hold or are shown as the report's inconsistencies; integrity can fail."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import polars as pl

from baiqiang.core.audit import CLAIMS, Status, audit_passes, run_audit
from baiqiang.core.build.extract import flatten, read_report
from baiqiang.core.catalog import Catalog

FAIL, HOLDS, INCONSISTENT, CHANGED = Status.FAIL, Status.HOLDS, Status.INCONSISTENT, Status.CHANGED


def test_shipped_data_passes_and_shows_the_known_inconsistency(catalog: Catalog) -> None:
    results = run_audit(catalog)
    assert audit_passes(results)
    by_id = {r.id: r for r in results}
    leaders = by_id["id-leaders"]
    assert leaders.status == INCONSISTENT
    assert leaders.differs == "四川 report 34 / data 33"  # prose: 翠屏区（34）; 表3 prints it at 33
    assert by_id["ic-leaders"].status == HOLDS
    cutoff = by_id["cutoff-dates"]  # 图15's footnote says 2021, the tables' say 2022
    assert (
        cutoff.status == INCONSISTENT and cutoff.differs == "图 15 report 2021年7月31日 / data 2022年7月31日"
    )
    assert {r.id for r in results if r.status == INCONSISTENT} == {
        "id-leaders",
        "cutoff-dates",
        "d500-region-share",  # "东北地区占比超过 75%" where its own 41 of 54 make it 东部
        "feature-cluster-provinces",  # "等5个省份" names six
        "id-leaders-table",  # "（见表 2）" about the districts of 表3
        "bc-prose-names",  # the prose's 江阴市金融新材料 is 表5's 金属新材料产业集群
    }
    assert by_id["d500-region-share"].data.startswith("东北 3.7, 东部 75.9")
    assert by_id["feature-cluster-provinces"].differs == "report 5 / data 6"
    assert by_id["bc-prose-names"].differs == "江阴市 report 金融新材料产业集群 / data 金属新材料产业集群"
    for held in (
        "id-figure22",
        "nc-bracket-counties",
        "id-named-lists",
        "id-named-listed",
        "id-capitals",
        "d500-city-clusters",
    ):
        assert by_id[held].status == HOLDS, held
    for slip in (r for r in results if r.status == INCONSISTENT):  # each known, with its reason
        assert slip.note and slip.note_zh, slip.id
    # where a claim holds only just, or by a reading, it says so
    assert "61%" in by_id["nc-regions"].note and "77.8" in by_id["d500-city-clusters"].note
    assert sum(r.kind in ("claim", "parse check") for r in results) == len(CLAIMS) >= 30


def test_checks_of_a_passage_against_itself_say_so(catalog: Catalog) -> None:
    kinds = {r.id: r.kind for r in run_audit(catalog)}
    assert kinds["nc-sectors"] == "parse check"  # the groups are read from that very paragraph
    # the tier sizes are checked against the tier paragraphs, not the bounds passage they come from;
    # but the bounds decide the sizes whatever 表1 holds: no claim about the table (issue 20)
    tier_sizes = next(c for c in CLAIMS if c.id == "ic-tier-sizes")
    assert not any("名构成" in q for q in tier_sizes.quotes) and kinds["ic-tier-sizes"] == "parse check"
    assert kinds["cutoff-dates"] == "parse check"  # footnotes against a footnote
    assert kinds["id-named-lists"] == "parse check" and kinds["id-named-listed"] == "claim"


def test_shares_are_rounded_once(catalog: Catalog) -> None:
    by_id = {r.id: r for r in run_audit(catalog)}
    assert "山西 3.8" in by_id["id-low-shares"].data  # 1/26 = 3.846…: 3.8, not 3.85 → 3.9
    # a whole number as the report prints it: 合计 54, 80 (not 54.0, 80.0); a share keeps its point
    assert by_id["d500-city-clusters"].report == "国家级城市群 % 77, 合计 54"
    assert by_id["d500-city-clusters"].data == "国家级城市群 % 77.8, 合计 54"
    assert by_id["ic-tier2-east"].report == "80"


def test_a_wrong_star_fails_integrity(catalog: Catalog) -> None:
    ic = catalog.tables["industrial-counties"]
    broken = ic.with_columns(
        province_first=pl.when(pl.col("rank") == 2).then(True).otherwise(pl.col("province_first"))
    )
    bad = dataclasses.replace(catalog, tables={**catalog.tables, "industrial-counties": broken})
    results = run_audit(bad)
    assert not audit_passes(results)
    assert {r.id for r in results if r.status == FAIL} == {"industrial-counties-stars"}


def test_a_changed_province_makes_claims_disagree(catalog: Catalog) -> None:
    ic = catalog.tables["industrial-counties"]
    moved = ic.with_columns(
        province_short=pl.when(pl.col("name") == "义乌市")
        .then(pl.lit("江苏"))
        .otherwise(pl.col("province_short"))
    )
    changed = dataclasses.replace(catalog, tables={**catalog.tables, "industrial-counties": moved})
    results = run_audit(changed)
    status = {r.id: r for r in results}
    assert status["ic-jiangsu-zhejiang"].status == CHANGED  # not a slip of the report's: the data's
    assert "浙江 report 25 / data 24" in status["ic-jiangsu-zhejiang"].differs
    assert "data or the code changed" in status["ic-jiangsu-zhejiang"].note
    assert not audit_passes(results)


def _shuffled(catalog: Catalog, table: str, seed: int) -> pl.LazyFrame:
    """A list with its ranks shuffled, ★ and tiers recomputed from the new ranks (and so
    consistent): what the integrity checks cannot see."""
    df = catalog.tables[table].collect()
    ranks = pl.Series(df["rank"]).shuffle(seed=seed)
    df = df.with_columns(rank=ranks).sort("rank")
    df = df.with_columns(province_first=pl.col("rank") == pl.col("rank").min().over("province_short"))
    if "tier" in df.columns:
        bounds = catalog.tiers.collect().select("tier", "first_rank", "last_rank").rows()
        tier = pl.lit(None, pl.Int64)
        for t, low, high in bounds:
            tier = pl.when(pl.col("rank").is_between(low, high)).then(pl.lit(t, pl.Int64)).otherwise(tier)
        df = df.with_columns(tier=tier)
    return df.lazy()


def test_a_mutation_of_the_tables_fails_the_audit(catalog: Catalog) -> None:
    """Issue 20: 表1 and 表3 ranks shuffled, ★ and tiers recomputed — the integrity checks all pass,
    and the claims that turn out otherwise are not blamed on the report: the audit fails."""
    tables = {
        **catalog.tables,
        "industrial-counties": _shuffled(catalog, "industrial-counties", 1),
        "industrial-districts": _shuffled(catalog, "industrial-districts", 2),
    }
    results = run_audit(dataclasses.replace(catalog, tables=tables))
    assert all(r.status == Status.OK for r in results if r.kind == "integrity")  # blind to it
    changed = [r for r in results if r.status == CHANGED]
    assert len(changed) >= 10 and not audit_passes(results)
    assert {r.id for r in results if r.status == INCONSISTENT} <= {
        "cutoff-dates",
        "d500-region-share",
        "feature-cluster-provinces",
        "id-leaders-table",
        "bc-prose-names",
    }  # only slips that do not depend on the ranks stay the report's


def test_a_known_slip_no_longer_seen_fails_the_audit(catalog: Catalog) -> None:
    id_ = catalog.tables["industrial-districts"]
    fixed = id_.with_columns(  # 翠屏区 at 34, as the prose has it (龙泉驿区 35, 城阳区 33)
        rank=pl.when(pl.col("name") == "翠屏区")
        .then(34)
        .when(pl.col("name") == "龙泉驿区")
        .then(35)
        .when(pl.col("name") == "城阳区")
        .then(33)
        .otherwise(pl.col("rank"))
    )
    results = run_audit(
        dataclasses.replace(catalog, tables={**catalog.tables, "industrial-districts": fixed})
    )
    leaders = next(r for r in results if r.id == "id-leaders")
    assert leaders.status == CHANGED and "no longer seen" in leaders.note
    assert not audit_passes(results)


def test_every_claim_quotes_the_report_verbatim(report_path: Path) -> None:
    flat = read_report(report_path).flat
    for claim in CLAIMS:
        for quote in claim.quotes:
            assert flatten(quote) in flat, (claim.id, quote)


def test_every_number_a_claim_states_is_in_its_quotes() -> None:
    def numbers(v: object) -> list[str]:
        if isinstance(v, dict):
            return [n for x in v.values() for n in numbers(x)]
        if isinstance(v, list):
            return [n for x in v for n in numbers(x)]
        if isinstance(v, bool) or v is None:
            return []
        if isinstance(v, (int, float)):
            return [f"{v:g}"]
        return re.findall(r"\d+", str(v))

    for claim in CLAIMS:
        text = " ".join(claim.quotes)
        if claim.id in (
            "ic-tier-sizes",
            "ic-tiers-3-4",
            "ic-jiangxi-tier3",
            "d500-city-clusters",
            "id-leaders-table",
            "ac-region-shares",
        ):
            continue  # tier numbers are ordinals (第三梯队); a sum (54) and a table number are the data's
        for n in numbers(claim.report):
            assert n in text, (claim.id, n)
