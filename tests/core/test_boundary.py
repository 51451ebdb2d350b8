"""core/ never imports Textual, Typer or Rich."""

import subprocess
import sys

from tests.conftest import ROOT


def test_core_imports_no_presentation_package():
    code = (
        "import sys, importlib, pkgutil, core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    if m.name != 'extract': importlib.import_module('core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'typer', 'rich', 'plotext'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_core_modules_all_load():
    code = "import core.catalog, core.query, core.resolve, core.audit, core.profile, core.geo; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"
