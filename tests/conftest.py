"""Shared fixtures: the catalog (through the one factory) and the report's text."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests keep their own cache (the lookup index) and crash log, never the user's.
os.environ["BAIQIANG_HOME"] = tempfile.mkdtemp(prefix="baiqiang-tests-")
# No animations in tests (Textual's own switch): a tab's sliding underline or a smooth scroll is
# a dozen frames drawn for nothing; what a test reads is the state they end in.
os.environ["TEXTUAL_ANIMATIONS"] = "none"
atexit.register(shutil.rmtree, os.environ["BAIQIANG_HOME"], ignore_errors=True)

from baiqiang.core.catalog import Catalog, make_catalog  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REPORT = Path(
    os.environ.get("BAIQIANG_REPORT", ROOT.parent / "shared" / "seeds" / "000_fcfd996388513c44.txt")
)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return make_catalog(ROOT / "data")


@pytest.fixture(scope="session")
def report_path() -> Path:
    if not REPORT.is_file():
        pytest.skip(f"the report's text is not at {REPORT} (set BAIQIANG_REPORT to its path)")
    return REPORT


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long random-key runs first, so that the two workers finish together."""
    items.sort(key=lambda item: "test_random_keys" not in item.nodeid)
