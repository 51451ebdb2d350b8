"""``baiqiang show`` the fast way: through the lookup index, with neither Polars nor Typer.

:func:`try_show` answers ``show NAME [--province P] [--prefecture C] [--format table|json]`` when
the index is there and the name resolves to one unit. Anything else — help, other options, a
prefecture, an ambiguous or unknown name, no index yet — returns None, and the full command
line answers (and writes the index for next time): the output is the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence

_VALUE_OPTIONS = {
    "--province": "province",
    "-p": "province",
    "--prefecture": "prefecture",
    "-c": "prefecture",
    "--format": "format",
    "-f": "format",
}


def _parse(args: Sequence[str]) -> dict[str, str] | None:
    """``show``'s arguments, or None for anything this path does not take."""
    if len(args) < 2 or args[0] != "show" or any(not a.strip() for a in args):
        return None  # (a blank value is refused by the full command line)
    found: dict[str, str] = {}
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        key, _, inline = arg.partition("=")
        if key in _VALUE_OPTIONS and (inline or rest):
            found[_VALUE_OPTIONS[key]] = inline or rest.pop(0)
        elif arg.startswith("-") or "name" in found:
            return None
        else:
            found["name"] = arg
    if "name" not in found or found.get("format", "table") not in ("table", "json"):
        return None
    return found


def try_show(args: Sequence[str]) -> int | None:
    """Prints a unit's profile through the index; None where the full command line must answer."""
    given = _parse(args)
    if given is None:
        return None
    from baiqiang.core.plain import geo
    from baiqiang.core.plain.index import fast_lookup, read_index

    province = None
    if "province" in given:
        found = geo.find_province(given["province"])
        if found is None:
            return None  # the full path says what is wrong with it
        province = found.short
    index = read_index()
    if index is None:
        return None
    profile = fast_lookup(index, given["name"], province=province, prefecture=given.get("prefecture"))
    if profile is None:
        return None
    from baiqiang.tui.pipes import PipeClosed, print_json, warn_damaged

    try:
        if given.get("format") == "json":
            print_json(profile.to_dict())  # no Rich for JSON
        else:
            from baiqiang.tui.profile_view import print_profile

            print_profile(profile.to_dict())
        warn_damaged(profile.damaged)
    except PipeClosed:
        from baiqiang.tui.cli.terminal import quiet_after_pipe_closed

        return quiet_after_pipe_closed()
    return 0
