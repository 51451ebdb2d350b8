"""Imports this checkout as the package ``baiqiang``, laid out as the wheel lays it out.

The repository keeps ``core/`` and ``tui/`` at its top level, and the wheel installs them as
``baiqiang.core`` and ``baiqiang.tui`` (``pyproject.toml`` maps them), so that an installed
baiqiang claims no generic import name. Hatch cannot make an editable install of such a
mapping, so the tests and a developer's runs import the checkout through this module:

    python -m tests.checkout                       # the baiqiang command, from the checkout
    python -m tests.checkout list ic --province 浙江
    python -m tests.checkout -m baiqiang.core.extract REPORT.txt data/ --force

Everything installed into the venv stays untouched: this only decides where ``baiqiang`` is
imported from in this process.
"""

from __future__ import annotations

import importlib.util
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def install() -> None:
    """Makes ``import baiqiang`` load this checkout (idempotent)."""
    current = sys.modules.get("baiqiang")
    if current is not None and list(getattr(current, "__path__", [])) == [str(ROOT)]:
        return
    for name in [n for n in sys.modules if n == "baiqiang" or n.startswith("baiqiang.")]:
        del sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        "baiqiang", ROOT / "core" / "_package.py", submodule_search_locations=[str(ROOT)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["baiqiang"] = module
    spec.loader.exec_module(module)


def main() -> None:
    """``python -m tests.checkout [-m MODULE] ARGS``: runs the CLI (or MODULE) from the checkout."""
    install()
    args = sys.argv[1:]
    if args[:1] == ["-m"] and len(args) >= 2:
        sys.argv = [args[1], *args[2:]]
        runpy.run_module(args[1], run_name="__main__", alter_sys=True)
        return
    from baiqiang.tui.cli import main as cli_main

    sys.argv = ["baiqiang", *args]
    cli_main()


if __name__ == "__main__":
    main()
