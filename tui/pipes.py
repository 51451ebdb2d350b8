"""A reader that has gone away (``… | head``), and the plain writers that notice it. No Rich."""

from __future__ import annotations

import json
import sys
from typing import Any


class PipeClosed(Exception):
    """stdout's reader has gone (``| head``); not an OSError, so nothing reports it as one."""


def print_text(text: str) -> None:
    """Writes text and a newline to stdout; a reader that has gone ends the command quietly."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError as exc:
        raise PipeClosed from exc


def print_json(obj: Any) -> None:
    """Prints JSON to stdout."""
    print_text(json.dumps(obj, ensure_ascii=False, indent=2))
