"""A reader that has gone away (``… | head``), and the plain writers that notice it. No Rich."""

from __future__ import annotations

import functools
import json
import math
import sys
from typing import Any

from baiqiang.core.plain.text import json_safe


class PipeClosed(Exception):
    """stdout's reader has gone (``| head``); not an OSError, so nothing reports it as one."""


def print_text(text: str) -> None:
    """Writes text and a newline to stdout; a reader that has gone ends the command quietly."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError as exc:
        raise PipeClosed from exc


def json_text(obj: Any) -> str:
    """JSON indented for reading, except that the items of a long list of objects (a panel's
    thousands of ``indicators``) take a line each: the indented encoder is pure Python and
    would take longer than the whole lookup."""
    if isinstance(obj, dict):
        long = {
            k
            for k, v in obj.items()
            if isinstance(v, list) and len(v) > 50 and all(isinstance(x, dict) for x in v)
        }
        if long:
            head = json.dumps({k: v for k, v in obj.items() if k not in long}, ensure_ascii=False, indent=2)
            parts = [
                f"  {json.dumps(k, ensure_ascii=False)}: [\n"
                + ",\n".join("    " + _flat(x) for x in obj[k])
                + "\n  ]"
                for k in long
            ]
            body = head[:-2] if head.endswith("\n}") else head[:-1]
            return body + ("," if obj.keys() - long else "") + "\n" + ",\n".join(parts) + "\n}"
    return json.dumps(obj, ensure_ascii=False, indent=2)


@functools.cache
def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)  # the same few names thousands of times: encoded once
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _flat(item: dict[str, Any]) -> str:
    """One object on one line, as ``json.dumps`` writes it."""
    return "{" + ", ".join(f"{_string(k)}: {_scalar(v)}" for k, v in item.items()) + "}"


def damage_notes(damaged: list[str]) -> list[str]:
    """What to say of datasets that could not be read: that their values are missing, and what
    to do (the same words wherever a front end meets one)."""
    return [
        f"dataset {name!r} is damaged and left out: baiqiang data check --repair mends what it can, "
        f"baiqiang data remove {name} takes it away"
        for name in damaged
    ]


def warn_damaged(damaged: list[str]) -> None:
    """Says on stderr which datasets were left out because they could not be read."""
    from baiqiang.core.plain.text import visible

    for line in damage_notes(damaged):
        sys.stderr.write(visible(line) + "\n")
    sys.stderr.flush()


def print_json(obj: Any) -> None:
    """Prints JSON to stdout (what a terminal would act on escaped: :func:`json_safe`)."""
    print_text(json_safe(json_text(obj)))
