"""``python -m baiqiang`` (the wheel installs this file as ``baiqiang/__main__.py`` too)."""

from baiqiang.tui.cli import main

main()
