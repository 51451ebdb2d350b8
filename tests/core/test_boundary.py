"""The layers' boundaries: core imports no presentation package; the CLI imports no Textual;
core.plain (what the fast paths load) imports no Polars and nothing of core outside itself."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PRELUDE = "import sys, importlib, pkgutil\n"


def _loaded_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    script = PRELUDE + code + "\nprint(); print(','.join(sorted({n.split('.')[0] for n in sys.modules})))\n"
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return out.stdout.strip().splitlines()[-1].split(",")


def test_core_imports_no_presentation_package():
    loaded = _loaded_after(
        "import baiqiang.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'baiqiang.core.'):\n"
        "    if not m.name.startswith('baiqiang.core.build'):  # build time: never in the wheel\n"
        "        importlib.import_module(m.name)\n"
    )
    assert not {"textual", "typer", "rich", "plotext"} & set(loaded)


def test_the_api_imports_no_presentation_package():
    loaded = _loaded_after("import baiqiang\nbaiqiang.show('昆山')")
    assert not {"textual", "typer", "rich", "plotext"} & set(loaded)


def test_the_command_line_imports_no_textual():
    loaded = _loaded_after("import baiqiang.tui.cli\nbaiqiang.tui.cli.main(['list', 'ic', '--limit', '1'])")
    assert "typer" in loaded and "textual" not in loaded


def test_a_lookup_through_the_index_imports_no_polars_typer_or_rich(tmp_path):
    show = "import baiqiang.tui.cli\nbaiqiang.tui.cli.main(['show', '昆山', '-f', 'json'])"
    home = {"BAIQIANG_HOME": str(tmp_path)}
    first = _loaded_after(show, home)  # the full way, which writes the index
    assert "polars" in first
    again = _loaded_after(show, home)
    assert not {"polars", "typer", "textual", "rich", "plotext"} & set(again)


def test_the_explorers_first_frame_needs_no_polars_or_typer():
    loaded = _loaded_after("import baiqiang.tui.app, baiqiang.tui.cli")
    assert "textual" in loaded and not {"polars", "typer", "plotext"} & set(loaded)


def test_the_suite_runs_the_checkout():
    """`pip install -e .` links build/dev/baiqiang to the checkout: the code under test is this
    tree's, not a copy installed earlier (CI installs the checkout editable before the tests)."""
    import baiqiang.core
    import baiqiang.tui

    assert Path(baiqiang.core.__file__).resolve().parent == ROOT / "core"
    assert Path(baiqiang.tui.__file__).resolve().parent == ROOT / "tui"


def test_core_plain_imports_no_polars_and_nothing_of_core_outside_it():
    """The rule of core/plain/: read from the source (a lazy import inside a function counts
    too), then checked by importing every module of it."""
    for path in sorted((ROOT / "core" / "plain").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert name.split(".")[0] != "polars", f"{path.name} imports {name}"
                if name.startswith("baiqiang"):
                    assert name.startswith("baiqiang.core.plain"), f"{path.name} imports {name}"
    loaded = _loaded_after(
        "import baiqiang.core.plain as plain\n"
        "for m in pkgutil.walk_packages(plain.__path__, 'baiqiang.core.plain.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    assert "polars" not in loaded
