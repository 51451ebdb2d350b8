"""Configuration: every path (the full command line, the fast ``show``, the explorer's first frame
and its load, the API) honours ``BAIQIANG_DATA`` and ``BAIQIANG_HOME`` alike (core/plain/paths)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from baiqiang.core.plain import paths
from baiqiang.core.plain.index import index_path
from baiqiang.tui.app import BaiqiangApp
from baiqiang.tui.snapshot import read_snapshot, snapshot_path
from tests.cli.test_cli import sh
from tests.conftest import ROOT


@pytest.fixture()
def moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ elsewhere, and a home of its own, both set in the environment."""
    folder = tmp_path / "moved-data"
    shutil.copytree(ROOT / "data", folder)
    monkeypatch.setenv(paths.DATA, str(folder))
    monkeypatch.setenv(paths.HOME, str(tmp_path / "home"))
    return folder


def test_every_path_reads_the_moved_folder(moved: Path, tmp_path: Path) -> None:
    assert paths.data_dir() == moved and paths.cache_dir() == tmp_path / "home" / "cache"
    first = sh("show", "昆山", "-f", "json")  # the full way: writes the index of the moved data
    assert first.returncode == 0 and json.loads(first.stdout)["adcode"] == "320583"
    written = index_path()
    assert written is not None and written.is_file() and written == index_path(moved)
    again = sh("show", "昆山", "-f", "json")  # through that index
    assert again.stdout == first.stdout
    listed = sh("list", "ic", "--limit", "1")
    assert listed.returncode == 0 and "昆山市" in listed.stdout
    import baiqiang as bq

    assert bq.show("昆山").adcode == "320583"


def test_a_missing_data_folder_fails_every_path_in_one_line(moved: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sh("show", "昆山", "-f", "json")  # indexes of good data are in this home now: the moved …
    monkeypatch.delenv(paths.DATA)
    sh("show", "昆山", "-f", "json")  # … and the shipped
    monkeypatch.setenv(paths.DATA, str(moved.parent / "nowhere"))
    for args in (("show", "昆山", "-f", "json"), ("show", "昆山"), ("list", "ic"), ("tables",)):
        proc = sh(*args)
        if args == ("tables",):  # needs no data
            assert proc.returncode == 0
            continue
        assert proc.returncode == 1 and proc.stdout == "", args
        assert proc.stderr.startswith("baiqiang: error: no data found in") and proc.stderr.count("\n") == 1
    assert index_path() is None and snapshot_path() is None and read_snapshot() is None


async def test_the_explorer_loads_the_folder_in_use(moved: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(paths.DATA, str(moved.parent / "nowhere"))
    app = BaiqiangApp(None)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if app.return_code is not None:
                break
    assert app.return_code == 1 and app.load_error is not None and "nowhere" in app.load_error
