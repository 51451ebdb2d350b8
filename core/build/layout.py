"""How the repository becomes the package ``baiqiang``: a Hatch build hook (never in the wheel).

The repository keeps ``core/``, ``tui/`` and ``data/`` at its top level; the installed package is
one name, ``baiqiang``, so that it claims no generic import name::

    repository            package
    core/_package.py  ->  baiqiang/__init__.py
    tui/__main__.py   ->  baiqiang/__main__.py     (python -m baiqiang)
    core/py.typed     ->  baiqiang/py.typed        (the package is typed)
    core/             ->  baiqiang/core/           (pyproject: sources)
    tui/              ->  baiqiang/tui/            (pyproject: sources)
    data/             ->  baiqiang/core/_data/     (the wheel only)

- A wheel (``pip install .``) gets the files at those places: core/ and tui/ through
  ``sources`` in pyproject.toml, the rest through this hook.
- An editable install (``pip install -e .``) gets a ``.pth`` line naming ``build/dev``, where
  this hook lays out ``baiqiang/`` as links to the checkout's folders. Edits and new files are
  seen at once, and tools that read sys.path (mypy, pyright, editors) see the real package.
  Data is read from the checkout's ``data/`` (:func:`baiqiang.core.plain.paths.shipped_data_dir`).
  The links are symbolic: on Windows that takes Developer Mode.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

WHEEL_EXTRAS = {
    "core/_package.py": "baiqiang/__init__.py",
    "tui/__main__.py": "baiqiang/__main__.py",
    "core/py.typed": "baiqiang/py.typed",
    "data": "baiqiang/core/_data",
}
"""What the wheel takes besides core/ and tui/: checkout path → path in the wheel."""

DEV_TREE = "build/dev"
"""Where an editable install's ``baiqiang/`` is laid out (pyproject: dev-mode-dirs)."""

DEV_LINKS = {
    "__init__.py": "core/_package.py",
    "__main__.py": "tui/__main__.py",
    "py.typed": "core/py.typed",
    "core": "core",
    "tui": "tui",
}
"""The editable package: name under ``build/dev/baiqiang`` → checkout path it links to."""


class LayoutHook(BuildHookInterface):  # type: ignore[type-arg]
    """Places the root package's files in a wheel, or links the checkout for an editable one."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if version == "editable":
            link_checkout(Path(self.root))
        else:
            build_data["force_include"].update(WHEEL_EXTRAS)


def link_checkout(root: Path) -> Path:
    """Lays out ``build/dev/baiqiang`` as links into the checkout at `root` (made anew)."""
    tree = root / DEV_TREE
    shutil.rmtree(tree, ignore_errors=True)
    package = tree / "baiqiang"
    package.mkdir(parents=True)
    for name, target in DEV_LINKS.items():
        (package / name).symlink_to(os.path.relpath(root / target, package))
    return package
