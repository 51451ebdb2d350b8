"""The lookup index: the fast path and the core agree for every unit, and stale data is never read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from baiqiang.core.catalog import Catalog, make_catalog
from baiqiang.core.index import write_index
from baiqiang.core.plain.index import fast_lookup, index_path, read_index
from baiqiang.core.plain.profile import assemble
from baiqiang.core.profile import lookup, unit_profile, unit_rows


@pytest.fixture(scope="module")
def index(catalog: Catalog):  # type: ignore[no-untyped-def]
    write_index(catalog)
    found = read_index(catalog.data_dir)
    assert found is not None
    return found


def test_the_index_gives_every_units_profile_as_the_core_does(catalog: Catalog, index) -> None:  # type: ignore[no-untyped-def]
    rows, former = unit_rows(catalog)
    assert index.units == rows and list(index.former) == former  # what names are resolved among
    assert len(rows) == 2843
    for unit in rows:  # all 2,843, listed or not, with their facts, clusters and context
        assert assemble(index.parts, unit).to_dict() == unit_profile(catalog, unit).to_dict(), unit["name"]


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("昆山", None),
        ("kun", None),
        ("崑山", None),
        ("320684", None),
        ("海门市", None),
        ("铁西区", "辽宁"),
        ("长子县", None),
    ],
)
def test_a_fast_lookup_is_the_cores(catalog: Catalog, index, typed: str, province: str | None) -> None:  # type: ignore[no-untyped-def]
    fast = fast_lookup(index, typed, province=province)
    core = lookup(catalog, typed, province=province)
    if fast is None:  # several units, a prefecture, nothing: the full lookup answers
        assert core.kind == "prefecture" or typed == "铁西区"
    else:
        assert fast.to_dict() == core.to_dict()


def test_changed_data_is_never_read_through_an_old_index(catalog: Catalog, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(catalog.data_dir, data)
    copy = make_catalog(data)
    write_index(copy)
    assert read_index(data) is not None
    target = data / "facts.csv"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 1_000_000_000))
    assert read_index(data) is None  # another fingerprint: the old file is not this data's index
    index_path(data).write_text(json.dumps({"format": -1}), encoding="utf-8")
    assert read_index(data) is None  # another format is not read either


def test_old_indexes_are_removed_when_a_new_one_is_written(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baiqiang.core.plain.paths import KEPT

    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path))

    written = index_path(catalog.data_dir)
    assert written is not None
    written.parent.mkdir(parents=True, exist_ok=True)
    old = [written.parent / f"index-{i:016x}-3.json" for i in range(KEPT + 3)]
    for age, path in enumerate(old):
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # old[0] is the newest of them
    other = written.parent / "first-view-0-x.json"
    other.write_text("{}", encoding="utf-8")
    write_index(catalog)
    left = sorted(p.name for p in written.parent.glob("index-*.json"))
    assert left == sorted([written.name, *(p.name for p in old[: KEPT - 1])])
    assert other.exists()  # another kind is not touched
