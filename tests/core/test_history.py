"""The history of the county-level map (core/history.py, data/history.csv, data/former_names.csv)."""

from __future__ import annotations

import polars as pl
import pytest

from baiqiang.core.build.extract import render
from baiqiang.core.build.history import derive
from baiqiang.core.history import Fate, History, Record, history_of
from tests.conftest import ROOT

SOURCE = ROOT.parent / "shared" / "data" / "areacodes" / "result.csv"


def test_rerunning_the_derivation_reproduces_the_shipped_files() -> None:
    if not SOURCE.is_file():
        pytest.skip(f"the code history is not at {SOURCE}")
    for name, frame in derive(SOURCE, ROOT / "data").items():
        assert render(frame) == (ROOT / "data" / name).read_bytes(), name


@pytest.fixture(scope="module")
def history() -> History:
    return history_of(ROOT / "data")


@pytest.mark.parametrize(
    ("code", "year", "fate", "units", "when"),
    [
        ("320584", 2010, Fate.SAME, ("320509",), 2012),  # 吴江市 → 吴江区
        ("320525", 1990, Fate.SAME, ("320509",), 2012),  # 吴江县 → 吴江市 (1992) → 吴江区
        ("110228", 2010, Fate.SAME, ("110118",), 2015),  # 密云县 → 密云区
        ("110103", 2005, Fate.MERGED, ("110101",), 2010),  # 崇文区 into 东城区
        ("110101", 2005, Fate.MERGED, ("110101",), 2010),  # 东城区 of 2005 is a part of today's
        ("500110", 2010, Fate.MERGED, ("500110",), 2011),  # 万盛区: the code is 綦江区's now
        ("500111", 2010, Fate.MERGED, ("500111",), 2011),  # 双桥区: the code is 大足区's now
        ("370284", 2010, Fate.MERGED, ("370211",), 2012),  # 胶南市 into 黄岛区
        ("410322", 2020, Fate.MERGED, ("410308",), 2021),  # 孟津县 and 吉利区 → 孟津区
        ("130429", 2015, Fate.SPLIT, ("130403", "130408"), 2016),  # 永年县: 永年区 and 丛台区
        ("540481", 2023, Fate.SAME, ("540422",), 2023),  # 米林市 (2023) is 米林县 of 2021
        ("653228", 2024, Fate.SPLIT, ("653223",), 2024),  # 和康县 (2024): a part of 皮山县
        # abolished in 2012 (to 三沙市), today's district set up on the land in 2020 (THROUGH): new
        # units, not renames (issue 20)
        ("469031", 2010, Fate.SUCCEEDED, ("460302",), 2020),  # 西沙群岛 (+ 中沙) → 三沙市 → 西沙区
        ("469032", 2010, Fate.SUCCEEDED, ("460303",), 2020),  # 南沙群岛 → 三沙市 → 南沙区
        ("460038", 1995, Fate.SUCCEEDED, ("460303",), 2020),  # the same under its code of 1988–2000
        ("330110", 2020, Fate.SPLIT, ("330110", "330113"), 2021),  # 余杭区 gave 临平区 (new) its land
        ("330110", 2021, Fate.SAME, ("330110",), None),  # … but 余杭区 of 2021 is today's
        ("320583", 2021, Fate.SAME, ("320583",), None),  # 昆山市, unchanged
    ],
)
def test_what_a_unit_of_some_year_is_now(
    history: History, code: str, year: int, fate: Fate, units: tuple[str, ...], when: int | None
) -> None:
    record = history.record(code, year)
    assert record is not None
    lineage = history.lineage(record, year)
    assert (lineage.fate, lineage.units, lineage.year) == (fate, units, when)


def test_the_map_of_2021_is_the_divisions(history: History) -> None:
    codes = {r.code for r in history.in_year(2021)}
    divisions = pl.read_csv(ROOT / "data" / "divisions.csv", infer_schema=False)
    assert codes == set(divisions["adcode"]) and len(codes) == 2843


def test_the_former_names_say_what_became_of_each(catalog) -> None:  # type: ignore[no-untyped-def]
    former = pl.read_csv(ROOT / "data" / "former_names.csv", infer_schema=False)
    by = {(r["former_name"], r["former_code"]): r for r in former.iter_rows(named=True)}
    assert by[("吴江市", "320584")]["note"] == "吴江市 (320584) became 吴江区 (320509) in 2012"
    assert by[("榆树县", "220121")]["in_use"] == "1981, 1983–1989"  # 222521 in 1982, then back
    assert by[("冷水江市", "432502")]["in_use"] == "1981–1998"  # two records, one stretch
    assert by[("崇文区", "110103")]["note"].startswith("崇文区 (110103) merged into 东城区 (110101) in 2010")
    # what the older derivation (from cpca) took for renames and the code lists do not
    assert by[("孟津县", "410322")]["fate"] == "merged"  # with 吉利区
    assert by[("蓬莱市", "370684")]["fate"] == "merged"  # with 长岛县
    assert ("西沙群岛", "460321") not in by  # 西沙区 is a new district (2020), not a rename


def synthetic() -> History:
    """SYNTHETIC: a made-up map — A renamed, B and C merged into a new D, E split into F and G,
    H absorbed I, a code reused (J's 5 is K's later)."""
    r = Record
    return History(
        [
            r("100001", "甲县", "county", "某省", "某市", "abolished", 1990, 2000, (("100002", None),)),
            r("100002", "甲市", "county", "某省", "某市", "in use", 2000, None),
            r("100003", "乙县", "county", "某省", "某市", "abolished", 1990, 2005, (("100005", None),)),
            r("100004", "丙县", "county", "某省", "某市", "abolished", 1990, 2005, (("100005", None),)),
            r("100005", "丁区", "county", "某省", "某市", "in use", 2005, None),
            r(
                "100006",
                "戊县",
                "county",
                "某省",
                "某市",
                "abolished",
                1990,
                2008,
                (("100007", None), ("100008", None)),
            ),
            r("100007", "己区", "county", "某省", "某市", "in use", 2008, None),
            r("100008", "庚区", "county", "某省", "某市", "in use", 2008, None),
            r("100009", "辛县", "county", "某省", "某市", "in use", 1990, None),
            r("100010", "壬县", "county", "某省", "某市", "abolished", 1990, 2010, (("100009", None),)),
        ],
        base=2021,
    )


def test_the_rules_on_a_synthetic_map() -> None:
    h = synthetic()

    def fate(code: str, year: int) -> tuple[Fate, tuple[str, ...]]:
        record = h.record(code, year)
        assert record is not None
        found = h.lineage(record, year)
        return found.fate, found.units

    assert fate("100001", 1995) == (Fate.SAME, ("100002",))
    assert fate("100003", 2000) == (Fate.MERGED, ("100005",))
    assert fate("100006", 2000) == (Fate.SPLIT, ("100007", "100008"))
    assert fate("100009", 2005) == (Fate.MERGED, ("100009",))  # 辛县 of 2005 lacked 壬县
    assert fate("100009", 2015) == (Fate.SAME, ("100009",))
    assert h.vintage(["100001", "100003", "100006"])[1:] == (1999, 1.0)  # the latest year all were in use
    assert h.vintage(["100002", "100005"])[1:] == (2021, 1.0)


def test_a_units_profile_tells_its_history(catalog) -> None:  # type: ignore[no-untyped-def]
    """Every row of the former names is in the past of the unit it names, oldest first, and no
    unit's past holds itself (农安县 220122 was 农安县 220122 of another prefecture)."""
    from baiqiang.core.profile import lookup, profile_parts

    past = profile_parts(catalog).past
    former = pl.read_csv(ROOT / "data" / "former_names.csv", infer_schema=False)
    changed = former.filter(
        (pl.col("former_code") != pl.col("adcode")) | (pl.col("former_name") != pl.col("name"))
    )
    assert sum(map(len, past.values())) == changed.height > 3_800
    for r in changed.iter_rows(named=True):
        row = [
            r["former_code"],
            r["former_name"],
            r["in_use"],
            r["fate"],
            int(r["year"]) if r["year"] else None,
        ]
        assert row in past[r["adcode"]], row
    assert all([p[2] for p in ps] == sorted(p[2] for p in ps) for ps in past.values())
    chaohu = [(p.name, p.code, p.fate, p.year) for p in lookup(catalog, "巢湖市").past]
    assert chaohu == [
        ("巢县", "342624", "merged", 1983),
        ("巢湖市", "342601", "same", 2011),
        ("居巢区", "341402", "same", 2011),
    ]
    dazu = lookup(catalog, "大足区").past
    assert {(p.name, p.fate) for p in dazu if p.in_use == "1997–2010"} == {
        ("双桥区", "merged"),
        ("大足县", "merged"),
    }
