"""Rich rendering of a unit's or a prefecture's profile, and the plain writers the command line
prints through. Rich only — no Polars — so that a lookup through the index loads neither.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from baiqiang.core.plain.indicators import sections, written
from baiqiang.core.plain.tables import TABLES
from baiqiang.core.plain.text import visible
from baiqiang.tui.i18n import t as tr
from baiqiang.tui.pipes import PipeClosed, print_json, print_text  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

_TIER_NAMES = {1: "第一梯队", 2: "第二梯队", 3: "第三梯队", 4: "第四梯队"}


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


_TRAILING_BLANKS = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$")


def _print(console: Console, renderable: Any) -> None:
    try:
        with console.capture() as captured:
            console.print(renderable)
        text = "\n".join(_TRAILING_BLANKS.sub(r"\1", line) for line in captured.get().split("\n"))
        console.file.write(text)
        console.file.flush()
    except BrokenPipeError as exc:
        raise PipeClosed from exc


def note(message: str) -> None:
    """A message for the user on stderr (flushed: it must not wait behind the data); what it
    quotes of a file is shown, never acted on (:func:`~baiqiang.core.plain.text.visible`)."""
    sys.stderr.write(visible(message) + "\n")
    sys.stderr.flush()


def amount_text(
    comparator: str, figure: object, value: float | None, measure: str | None, measure_en: str | None = None
) -> str:
    """A figure as a reader wants it: ``> 700 家``, ``≈ 80%（八成）`` — a figure printed in words
    is given as its number, with the report's words beside it. With `measure_en` (English mode),
    in English: ``> 700 firms``, ``≈ 80%``."""
    english = measure_en is not None
    unit = (measure_en if english else measure) or ""
    printed = str(figure)
    numeric = printed.replace(".", "", 1).isdigit()
    number = printed if numeric else (f"{value:g}" if value is not None else printed)
    joined = f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()
    words = "" if numeric or english else f"（{printed}）"
    return f"{comparator} {joined}{words}".strip()


def fact_text(f: dict[str, Any], lang: str = "en", *, both: bool = False) -> Group:
    """One fact: the figure as a reader wants it, the quoted sentence, and where it stands. In
    English mode the metric and measure are in English (the report's sentence is quoted as it
    is); `both`: the metric in Chinese with its English beside it, as the command line prints."""
    from rich.console import Group
    from rich.text import Text

    english = lang == "en" and not both and f.get("metric_en") is not None
    year = f" ({f['year']})" if f.get("year") else ""
    amount = amount_text(
        f["comparator"],
        f["figure"],
        f.get("value"),
        f.get("measure"),
        f.get("measure_en") if english else None,
    )
    words = {"target": ("目标", "target"), "prospect": ("有望", "prospect")}.get(f.get("kind") or "")
    kind = f" [{words[0] if lang == 'zh' else words[1]}]" if words else ""
    metric = f["metric_en"] if english else f["metric"]
    head = Text.assemble((f"{metric} ", "bold"), f"{amount}{year}", (kind, "yellow"))
    if both and f.get("metric_en"):
        head.append(f"  {f['metric_en']}", style="dim")
    quote = Text(f"  “{f['quote']}”", style="italic")
    src = Text("  — " + " › ".join(str(f["section"]).split(" › ")[-2:]), style="dim")
    return Group(head, quote, src)


def _fact_lines(facts: list[dict[str, Any]]) -> Table:
    from rich.table import Table

    t = Table(box=None, show_header=False, pad_edge=False, expand=False)
    t.add_column(ratio=1, overflow="fold")
    for f in facts:
        t.add_row(fact_text(f, both=True))
    return t


_KIND_ENGLISH = {"县(市)": "counties and county-level cities", "市辖区": "districts"}
"""The kinds of unit the report ranks apart (:func:`context_text`), in English."""


def context_text(p: dict[str, Any], lang: str = "en") -> Text:
    """For a unit in no list: its province's count of like units and how many of them are listed."""
    from rich.text import Text

    ctx = p.get("context")
    if not ctx:
        return Text("")
    zh = lang == "zh"
    sep = "，" if zh else ", "
    listed = sep.join(
        (f"{TABLES[t].title} {n} 个" if zh else f"{n} in {TABLES[t].title_en}")
        for t, n in ctx["listed_in_province"].items()
    )
    if zh:
        text = Text(f"{p.get('province')}共有 {ctx['units_in_province']} 个{ctx['kind']}；入选{listed}。")
    else:
        kind = _KIND_ENGLISH.get(ctx["kind"], ctx["kind"])
        text = Text(f"{p.get('province')} has {ctx['units_in_province']} {kind}; {listed}.")
    if ctx.get("not_ranked"):
        said = "报告不对直辖市排名" if zh else "The report does not rank the municipalities"
        text.append(f"\n{said}: “{ctx['not_ranked']}”.")
    if ctx["prefecture_listed"]:
        lists: dict[str, list[str]] = {}  # a unit once, with each list it is in (肥西县: 表1 and 表2)
        for u in ctx["prefecture_listed"]:
            spec = TABLES[u["table"]]
            lists.setdefault(u["name"], []).append(f"{spec.title if zh else spec.title_en} #{u['rank']}")
        near = "、".join(f"{name} ({sep.join(where)})" for name, where in lists.items())
        text.append(
            f"\n{p.get('prefecture')}入榜：{near}。" if zh else f"\nListed in {p.get('prefecture')}: {near}."
        )
    elif p.get("prefecture"):
        text.append(
            f"\n{p.get('prefecture')}没有入榜单位。"
            if zh
            else f"\nNo unit of {p.get('prefecture')} is listed."
        )
    return text


def _when(year: int | None, lang: str) -> dict[str, str]:
    """The year of a change as the history's sentences take it (nothing where none is known)."""
    return {k: tr(f"past.{k}", lang, year=year) if year else "" for k in ("when", "since")}


def past_lines(p: dict[str, Any], lang: str = "en") -> list[str]:
    """A unit's former names and codes and the units merged into it, a line each, oldest first:
    ``1999–2010  居巢区  341402  is it now (since 2011)``."""
    from rich.cells import cell_len

    past = p.get("past") or []
    names = [visible(x["name"]) for x in past]
    wide = max(map(cell_len, names), default=0)
    years = max((len(x["in_use"]) for x in past), default=0)
    return [
        f"{x['in_use'].ljust(years)}  {name}{' ' * (wide - cell_len(name))}  {x['code']}  "
        + tr(f"past.{x['fate']}", lang, **_when(x.get("year"), lang))
        for x, name in zip(past, names, strict=True)
    ]


def profile_renderable(p: dict[str, Any]) -> Any:
    """A unit's profile (or a prefecture's roll-up) as a Rich renderable."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if p.get("kind") == "prefecture":
        return _prefecture_renderable(p)
    parts: list[Any] = []
    head = Text.assemble(
        (p["name"], "bold"),
        f"  {p['pinyin']}" if p.get("pinyin") else "",
        (f"  {p.get('adcode', '')}", "dim"),
    )
    parts.append(head)
    where = [x for x in (p.get("province"), p.get("prefecture"), p.get("region"), p.get("county_type")) if x]
    if p.get("province_en"):
        where.append(p["province_en"])
    parts.append(
        Text(" · ".join(where) if where else "province not given by the report's tables", style="dim")
    )
    if p["rankings"]:
        t = Table(box=box.SIMPLE_HEAD, title="Rankings", title_justify="left", pad_edge=False)
        moved = any(len(r.get("history") or []) > 1 for r in p["rankings"])
        for col in ("list", "rank", "★", "tier", *(("editions",) if moved else ())):
            t.add_column(col, justify="right" if col == "rank" else "left")
        for r in p["rankings"]:
            tier = _TIER_NAMES.get(r.get("tier") or 0, "")
            row = [r["title"], str(r["rank"]), "★ 省内第一" if r["province_first"] else "", tier]
            if moved:
                row.append(" → ".join(f"{h['edition']} #{h['rank']}" for h in r.get("history") or []))
            t.add_row(*row)
        parts.append(t)
    else:
        parts.append(Text("In none of the report's three lists.", style="yellow"))
        parts.append(context_text(p))
    for e in p.get("earlier") or []:
        ranks = ", ".join(f"{h['edition']} #{h['rank']}" for h in e["history"])
        parts.append(Text(f"Earlier editions of {TABLES[e['table']].title}: {ranks}", style="dim"))
    if p.get("note"):
        parts.append(Text(p["note"], style="yellow"))
    if p.get("past"):
        parts.append(Text(tr("past.title", "en"), style="bold"))
        parts.append(Text("\n".join(f"  {line}" for line in past_lines(p)), style="dim"))
    if p["clusters"]:
        t = Table(box=box.SIMPLE_HEAD, title="Clusters", title_justify="left", pad_edge=False)
        for col in ("table", "cluster", "scale / type", "with"):
            t.add_column(col, overflow="fold")
        for c in p["clusters"]:
            kind = c.get("scale") or " ".join(x for x in (c.get("category"), c.get("sector_group")) if x)
            t.add_row(
                f"{TABLES[c['table']].label} {TABLES[c['table']].short.removesuffix('产业集群')}",
                c["cluster"],
                kind,
                c.get("shared_with") or "",
            )
        parts.append(t)
    if p["facts"]:
        parts.append(Text(f"Facts from the report ({len(p['facts'])})", style="bold"))
        parts.append(_fact_lines(p["facts"]))
    for gap in p.get("without", []):
        title = tr(f"dataset.{gap['dataset']}", "en", default=gap["dataset"])
        parts.append(Text(f"{title}: {visible(gap['note'])}", style="dim"))
    if p.get("indicators"):
        found = sections(p["indicators"])
        if found.headline:
            parts.append(_headline(found.headline, found.more, p["name"]))
        if found.own:
            parts.append(_indicators(found.own))
    return Group(*parts)


def _headline(items: list[dict[str, Any]], more: dict[str, int], name: str) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    out: list[Any] = []
    for dataset in dict.fromkeys(i["dataset"] for i in items):
        mine = [i for i in items if i["dataset"] == dataset]
        t = Table(
            box=box.SIMPLE_HEAD,
            title=tr(f"dataset.{dataset}", "en", default=dataset),
            title_justify="left",
            pad_edge=False,
            show_header=False,
        )
        t.add_column("figure")
        t.add_column("value", justify="right")
        t.add_column("unit")
        for i in mine:
            unit = tr(f"unit.{i['unit']}", "en", default=i["unit"])
            t.add_row(Text(visible(i["label_en"] or i["label"])), written(i["value"]), Text(visible(unit)))
        out.append(t)
        if more.get(dataset):
            out.append(
                Text(
                    tr(
                        "detail.more",
                        "en",
                        n=more[dataset],
                        dataset=dataset,
                        title=tr(f"dataset.{dataset}", "en", default=dataset),
                        name=name,
                    ),
                    style="dim",
                )
            )
    return Group(*out)


def _indicators(items: list[dict[str, Any]]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = Table(box=box.SIMPLE_HEAD, title=f"Your data ({len(items)})", title_justify="left", pad_edge=False)
    for col in ("dataset", "column", "value", "unit", "year", "source"):
        t.add_column(col, justify="right" if col in ("value", "year") else "left", overflow="fold")
    for i in items:
        cells = (i["dataset"], i["column"], written(i["value"]), i["unit"], str(i["year"] or ""), i["source"])
        t.add_row(*(Text(visible(c)) for c in cells))  # a file's words: shown, never run
    return t


def _prefecture_renderable(p: dict[str, Any]) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    counts = ", ".join(f"{t} {n}" for t, n in p["counts"].items())
    head = Text.assemble((p["prefecture"], "bold"), f" ({p['province']}) · {counts}")
    parts: list[Any] = [head]
    if p["units"]:
        t = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for col in ("list", "rank", "name", "★", "tier"):
            t.add_column(col, justify="right" if col == "rank" else "left")
        for u in p["units"]:
            t.add_row(
                u["table"],
                str(u["rank"]),
                u["name"],
                "★" if u["province_first"] else "",
                _TIER_NAMES.get(u.get("tier") or 0, ""),
            )
        parts.append(t)
    else:
        parts.append(Text(f"No unit of {p['prefecture']} is in the report's lists.", style="yellow"))
    if p["clusters"]:
        c = Table(box=box.SIMPLE_HEAD, title="Clusters", title_justify="left", pad_edge=False)
        for col in ("county", "cluster", "scale / type"):
            c.add_column(col, overflow="fold")
        for x in p["clusters"]:
            c.add_row(x["county"], x["cluster"], x.get("scale") or x.get("category", ""))
        parts.append(c)
    if p.get("divisions"):
        names = "、".join(d["name"] + ("*" if d["listed"] else "") for d in p["divisions"])
        star = " (* listed)" if any(d["listed"] for d in p["divisions"]) else ""
        parts.append(Text(f"\nIts {len(p['divisions'])} county-level units{star}: {names}", style="dim"))
    return Group(*parts)


def print_profile(p: dict[str, Any]) -> None:
    """Prints a unit's profile."""
    from rich import box
    from rich.panel import Panel

    _print(_console(), Panel(profile_renderable(p), box=box.ROUNDED, expand=False))
