"""The ``baiqiang`` command: the Typer app, its commands, and the one place errors are reported.

Data goes to stdout, messages to stderr. Bad input gives one line on stderr and a non-zero
exit, never a traceback.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Annotated, Any

import click
import typer

import baiqiang.tui.cli.options as o
from baiqiang.core.indicators.store import DatasetDamaged
from baiqiang.core.plain.errors import Ambiguous, BaiqiangError, DatasetExists, InvalidValue, TargetExists
from baiqiang.core.plain.suggest import did_you_mean, shorten
from baiqiang.core.plain.tables import DEFAULT_TABLE, REPORT, resolve_table
from baiqiang.core.plain.text import clip_runs
from baiqiang.tui import render
from baiqiang.tui.cli import audit, benchmark, charts, data, editions, lookup, serve, tables
from baiqiang.tui.cli.terminal import (
    degrade_terminal_text,
    explorer_terminal_problem,
    quiet_after_pipe_closed,
)
from baiqiang.tui.output import PipeClosed

# Typer escapes "[required]" and "[default: …]" as Rich markup (\\[required]) whenever Rich is
# installed, even for an app that draws no help with Rich (fastapi/typer#1058, fix proposed in
# #1089). The app draws plain help (rich_markup_mode=None), so Typer is told Rich is not there:
# with the mode None, that escape is the only thing the flag changes. typer is pinned (pyproject).
typer.core.HAS_RICH = False

SETTINGS: dict[str, Any] = dict(
    name="baiqiang",
    help=f"百强: explore CAICT's {REPORT.title} — county and district rankings. "
    "Without a command, opens the interactive explorer.",
    epilog="Examples: baiqiang show 昆山 · baiqiang list ic --province 浙江 --format csv > zj.csv · "
    "baiqiang stats ic --by province · baiqiang audit --issues · baiqiang map ic --province 江苏",
    add_completion=True,  # --install-completion / --show-completion: commands, tables, provinces
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
"""The ``baiqiang`` command's own settings (its help, and how it draws it)."""


def _need_terminal() -> None:
    problem = explorer_terminal_problem()
    if problem:
        raise InvalidValue(problem)


def _explore(table: str, province: str | None) -> None:
    tid = resolve_table(table)
    _need_terminal()
    from baiqiang.tui.app import run_app

    raise typer.Exit(run_app(o.catalog(), table=tid, province=province))


@o.only_filters("province")
def tui(
    table: Annotated[str, typer.Option("--table", help="The table to open on.")] = DEFAULT_TABLE,
    *,
    given: o.Given,
) -> None:
    """Open the interactive explorer (the default when no command is given)."""
    _explore(table, o.filters(o.catalog(), given).province)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            render.print_text(f"baiqiang {version('baiqiang')}")
        except PackageNotFoundError:
            render.print_text("baiqiang (not installed)")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    show_version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        _explore(DEFAULT_TABLE, None)


COMMANDS: dict[str, Callable[..., Any] | typer.Typer] = {
    "list": tables.list_,
    "stats": tables.stats_,
    "crosstab": tables.crosstab_,
    "overlap": tables.overlap_,
    "show": lookup.show,
    "compare": benchmark.compare_,
    "peers": benchmark.peers_,
    "audit": audit.audit,
    "chart": charts.chart,
    "map": charts.map_,
    "tables": tables.tables_,
    "data": data.app,
    "editions": editions.app,
    "movers": editions.movers_,
    "serve": serve.serve_,
    "tui": tui,
}
"""Every command (a group of them: a Typer app) by name, in the order ``--help`` lists them."""


def build(only: str | None = None) -> typer.Typer:
    """The Typer app: every command, or only the one named (a command line that names its
    command is parsed by an app of that command alone — Typer makes the Click command of every
    command it holds, each time it runs, 60 ms for all of ours)."""
    made = typer.Typer(**SETTINGS)
    made.callback(invoke_without_command=True)(_root)
    for name, command in COMMANDS.items():
        if only is None or name == only:
            if isinstance(command, typer.Typer):
                made.add_typer(command, name=name)
            else:
                made.command(name)(command)
    return made


app = build()
"""The whole command line (``--help``, completion, and a line that names no command)."""


HINTS: tuple[tuple[type[BaiqiangError], str], ...] = (
    (
        DatasetDamaged,
        " (baiqiang data check --repair mends what can be mended; baiqiang data remove NAME takes it away)",
    ),
    (DatasetExists, "; pass --replace to replace it"),
    (TargetExists, "; pass --force to replace it"),
    (Ambiguous, " (--province and --prefecture narrow it down)"),
)
"""What the command line adds to a core error: the option that helps."""


def message(exc: BaiqiangError) -> str:
    """A core error as the command line says it, with the option that helps where one does."""
    text = str(exc)
    if exc.field and text.startswith(exc.field):
        text = "--" + exc.field.replace("_", "-") + text.removeprefix(exc.field)
    for kind, hint in HINTS:
        if isinstance(exc, kind):
            text += hint
            break
    if isinstance(exc, DatasetDamaged):  # the name it has, where it can be one
        text = text.replace("remove NAME", f"remove {exc.damage.name}")
    return text


_NO_COMMAND = re.compile(r"No such command '(.*)'\.", re.S)


def usage(exc: click.ClickException) -> tuple[str, int]:
    """A Click error as the command line says it, and its exit status: 1 for a value an option
    cannot take (bad input, like a core error's), 2 for a malformed line (an unknown command or
    option, a missing argument), with the command or option meant where one is close."""
    if isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter):
        return " ".join(exc.format_message().split()), 1
    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    command = ctx.command if ctx else None
    where = ctx.command_path if ctx else "baiqiang"
    if isinstance(exc, click.NoSuchOption) and command is not None:
        names = [n for p in command.params for n in (*p.opts, *p.secondary_opts) if n.startswith("--")]
        bare = [n[2:] for n in names if n != "--help"]  # the dashes alike make every option close
        near = ["--" + n for n in did_you_mean(exc.option_name.lstrip("-"), bare, cutoff=0.7)]
        text = f"{where} has no option {shorten(exc.option_name)}"
        return text + (f"; did you mean {', '.join(near)}?" if near else f" (see {where} --help)"), 2
    unknown = _NO_COMMAND.fullmatch(exc.format_message())
    if unknown and ctx and isinstance(command, click.Group):
        near = did_you_mean(unknown[1], command.list_commands(ctx))
        text = f"{where} has no command {shorten(unknown[1])!r}"
        return text + (f"; did you mean {', '.join(near)}?" if near else f" (see {where} --help)"), 2
    return " ".join(exc.format_message().split()), 2


COMPLETION = ("--install-completion", "--show-completion")


def blank_argument(args: list[str]) -> str | None:
    """What is wrong where a command line gives a blank value (``--province "$P"`` with P unset,
    ``--output=``): it is refused, never read as "any" or as no option at all."""
    for i, arg in enumerate(args):
        key, eq, value = arg.partition("=")
        if arg.startswith("--") and eq and not value.strip():
            return f"{key} is empty: give it a value or leave it out"
        if not arg.strip():
            before = args[i - 1] if i else ""
            if before.startswith("-") and not before.lstrip("-").isdigit():
                return f"{before} is empty: give it a value or leave it out"
            return "an argument is empty: give a value or leave it out"
    return None


_ESCAPED_BYTE = re.compile(r"\\udc[89a-f][0-9a-f]")
"""A byte of an argument that was not UTF-8, as repr() quotes it (\\udcff)."""


def _fail(text: str, code: int) -> int:
    shown = _ESCAPED_BYTE.sub("\ufffd", text)  # as visible() shows the byte itself
    sys.stderr.write(f"baiqiang: error: {clip_runs(shown)}\n")
    sys.stderr.flush()
    return code


def main(argv: list[str] | None = None) -> int:
    """Runs the CLI; returns (and, called without `argv`, exits with) its exit code."""
    degrade_terminal_text()
    code = 0
    try:
        args = sys.argv[1:] if argv is None else argv
        blank = blank_argument(list(args))
        if blank:  # a value, not a malformed line: bad input
            raise InvalidValue(blank)
        asked = [a for a in args if a in COMPLETION]
        if asked and len(args) > 1:  # Typer would take `zsh` as a command and install for bash
            raise click.UsageError(
                f"{asked[0]} stands alone: it is for the shell it runs in (bash, zsh, fish or "
                f"PowerShell); run baiqiang {asked[0]} from that shell"
            )
        named = args[0] if args and args[0] in COMMANDS else None
        rv = (build(named) if named else app)(args=argv, prog_name="baiqiang", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:  # usage errors: unknown option, missing argument …
        code = _fail(*usage(exc))
    except typer.Abort:
        code = _fail("aborted", 130)
    except BaiqiangError as exc:
        code = _fail(message(exc), 1)
    except PipeClosed:
        code = quiet_after_pipe_closed()
    except KeyboardInterrupt:
        code = 130
    if argv is None:
        sys.exit(code)
    return code
