"""The search in plain Python (the first frame's, before Polars loads) answers as the Polars one
every live view filters with: every unit, hundreds of queries."""

from __future__ import annotations

import random

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import search_matches
from baiqiang.core.plain.names import search_key
from baiqiang.core.plain.search import SearchFields, matches


def fields_of(row: dict[str, str | None]) -> SearchFields:
    return SearchFields(
        name=row["name"] or "",
        reading=search_key(row["pinyin"] or ""),
        initials=row["initials"] or "",
        province=row["province"] or "",
        prefecture=row["prefecture"] or "",
        province_key=row["_province_key"] or "",
        prefecture_key=row["_prefecture_key"] or "",
    )


def test_the_plain_search_answers_as_the_polars_one(catalog: Catalog) -> None:
    units = catalog.tables["divisions"].collect()
    rows = units.select(
        "name", "pinyin", "initials", "province", "prefecture", "_province_key", "_prefecture_key"
    )
    fields = [fields_of(r) for r in rows.iter_rows(named=True)]
    rng = random.Random(2026)
    queries = [
        "jiangyin",
        "ks",
        "昆山",
        "苏州",
        "zhejiang",
        "Jiang Yin",
        "lüshun",
        "lvshun",
        "x",
        "",
        " 区 ",
        "河北",
        "7",
    ]
    for f in rng.sample(fields, 25):  # starts of readings and initials, parts of names and places
        queries += [
            f.reading[: rng.randint(1, 8)],
            f.initials[:2],
            f.name[rng.randint(0, 1) :][:2],
            f.province[:2],
        ]
        queries += [
            f.prefecture[1:3],
            f.province_key[:4],
            "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=3)),
        ]
    cols = rows.columns
    for q in dict.fromkeys(queries):
        polars_says = units.select(search_matches(q, cols).fill_null(False)).to_series().to_list()
        plain_says = [matches(f, q) for f in fields]
        assert plain_says == polars_says, q
