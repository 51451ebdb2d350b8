"""The README's examples that print the same on any terminal (CSV, JSON, one line on stderr) are
run as the README shows them, in a fresh home, and must print what it shows: an example that
drifts from the program fails here (an independent run of every example found 16 that had)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import sh
from tests.conftest import ROOT

EXAMPLES = (
    "list divisions --columns name,province,population,urbanisation_rate --sort population --desc --limit 3",
    "list id --prefecture 苏州 --columns rank,name,prefecture --format csv",
    "stats ic --by region --format csv",
    "overlap ic inc | head -4",
    "show 海门市 --format json | head -4",
    "show cs",
    "list ic --province Jiangsuu",
    "audit 2>&1 >/dev/null | tail -1",
)
"""Examples whose output a terminal's width does not change (tables are left to the eye)."""


def shown(command: str) -> list[str]:
    """What the README shows under ``$ baiqiang COMMAND`` (its first such example)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"$ baiqiang {command}") + 1
    end = start
    while end < len(lines) and lines[end] and not lines[end].startswith(("$ ", "```")):
        end += 1
    return lines[start:end]


@pytest.mark.parametrize("command", EXAMPLES)
def test_the_readme_shows_what_the_command_prints(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAIQIANG_HOME", str(tmp_path))
    words, _, pipe = command.partition(" | ")
    to_stderr = words.endswith(" 2>&1 >/dev/null")
    args = words.removesuffix(" 2>&1 >/dev/null").split(" ")
    done = sh(*args)
    text = done.stderr if to_stderr or not done.stdout else done.stdout
    printed = text.rstrip("\n").split("\n")
    if pipe:
        tool, count = pipe.split(" -")
        printed = printed[: int(count)] if tool == "head" else printed[-int(count) :]
    assert printed == shown(command)
