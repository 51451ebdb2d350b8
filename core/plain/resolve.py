"""Name resolution on plain rows: from what a user types (昆山, kunshan, ks, 海门市, 320614) to one
unit, with no Polars, so that a lookup can run without loading it.

:func:`baiqiang.core.resolve.resolve` (the core's, on the catalog) and the command line's fast
lookup (:mod:`baiqiang.core.plain.index`) both call :func:`resolve_rows`: one set of rules.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple

from baiqiang.core.plain.names import SPECIAL_SUFFIXES, autonomous_short, search_key, split_suffix

Row = dict[str, Any]
"""A unit as :func:`baiqiang.core.resolve.units` gives it (adcode, name, province …, listed)."""


class Outcome(StrEnum):
    """What resolving a name came to."""

    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    MISSING = "missing"


class Match(StrEnum):
    """How a name matched a unit, tried in this order."""

    NONE = ""
    ADCODE = "adcode"
    FORMER_CODE = "former code"
    EXACT = "exact"
    SUFFIX = "suffix"
    FORMER = "former"
    PINYIN = "pinyin"
    INITIALS = "initials"
    PINYIN_PREFIX = "pinyin prefix"
    TRADITIONAL = "traditional"


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving a name.

    Attributes:
        status: Found, ambiguous or missing.
        unit: The unit found, when status is found.
        how: How it matched.
        candidates: The units it could mean (ambiguous) or close spellings (missing).
        others: Namesakes not in any list, when a listed unit was preferred to them.
        note: A sentence about the match (a former name, namesakes).
        note_zh: The same sentence in Chinese.
    """

    status: Outcome
    unit: Row | None = None
    how: Match = Match.NONE
    candidates: list[Row] = field(default_factory=list)
    others: list[Row] = field(default_factory=list)
    note: str = ""
    note_zh: str = ""


def describe(row: Row) -> str:
    """A unit as a person tells it apart: 铁西区 (辽宁省 鞍山市 210303)."""
    where = " ".join(str(row[k]) for k in ("province", "prefecture") if row.get(k))
    return f"{row['name']} ({where} {row['adcode']})" if where else str(row["name"])


MAX_QUERY = 64
"""The longest text resolved as a name (the longest unit's name has 12 characters)."""

_SUFFIX_RE = re.compile(r"(自治县|自治旗|市|县|区|旗)$")


class _Keys(NamedTuple):  # a tuple: 2,843 of them made for every lookup (a frozen dataclass: 4 ms)
    base: str
    has_suffix: bool
    pinyin: str
    pinyin_base: str
    initials: str
    initials_base: str


def match_keys(row: Row) -> list[object]:
    """What a unit's name is matched on, as plain values (the lookup index stores them)."""
    k = _keys_of(row)
    return [k.base, k.has_suffix, k.pinyin, k.pinyin_base, k.initials, k.initials_base]


def prime_keys(rows: Sequence[Row], keys: Sequence[Sequence[object]]) -> None:
    """Takes the match keys of rows as computed before (:func:`match_keys`), instead of
    computing them again."""
    for row, k in zip(rows, keys, strict=True):
        _PRIMED[(str(row["name"]), str(row.get("pinyin") or ""), str(row.get("initials") or ""))] = _Keys(
            str(k[0]), bool(k[1]), str(k[2]), str(k[3]), str(k[4]), str(k[5])
        )


_PRIMED: dict[tuple[str, str, str], _Keys] = {}


@lru_cache(maxsize=8192)
def _keys(name: str, pinyin: str, initials: str) -> _Keys:
    """What a unit's name is matched on: its base, pinyin keys and initials."""
    primed = _PRIMED.get((name, pinyin, initials))
    if primed is not None:
        return primed
    if name in SPECIAL_SUFFIXES:
        base = SPECIAL_SUFFIXES[name][0]
    else:
        base = _SUFFIX_RE.sub("", name) or name
    first = pinyin.split(" ")[0] if pinyin else ""
    return _Keys(
        base=base,
        has_suffix=bool(_SUFFIX_RE.search(name)) and base != name,
        pinyin=search_key(pinyin),
        pinyin_base=search_key(first),
        initials=initials,
        initials_base=initials[: len(base)],
    )


@lru_cache(maxsize=16384)
def short_names(name: str) -> tuple[str, ...]:
    """The shorter names a unit is known by in files: without its suffix (昆山 for 昆山市), an
    autonomous county's without its peoples (大厂县 for 大厂回族自治县)."""
    base = SPECIAL_SUFFIXES[name][0] if name in SPECIAL_SUFFIXES else _SUFFIX_RE.sub("", name)
    return tuple(x for x in (base if base and base != name else "", _short(name)) if x)


@lru_cache(maxsize=8192)
def _short(name: str) -> str:
    """An autonomous county's short name (大厂县), or "" for another."""
    return autonomous_short(name) or ""


def _keys_of(row: Row) -> _Keys:
    return _keys(str(row["name"]), str(row.get("pinyin") or ""), str(row.get("initials") or ""))


def _decide(hits: list[Row], how: Match, query: str) -> Resolution | None:
    if not hits:
        return None
    if len(hits) == 1:
        return Resolution(Outcome.FOUND, hits[0], how)
    listed = [h for h in hits if h.get("listed")]
    if len(listed) == 1:
        others = [h for h in hits if not h.get("listed")]
        shown = "; ".join(describe(o) for o in others[:5]) + (" …" if len(others) > 5 else "")
        note = f"{query!r} also names {len(others)} unit(s) in no list: {shown}"
        note_zh = f"“{query}”还可指 {len(others)} 个未入榜单位：{shown}"
        return Resolution(Outcome.FOUND, listed[0], how, others=others, note=note, note_zh=note_zh)
    ordered = listed + [h for h in hits if not h.get("listed")]
    return Resolution(Outcome.AMBIGUOUS, None, how, ordered)


def resolve_rows(
    units: Sequence[Row],
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    former: Sequence[Row] = (),
) -> Resolution:
    """Resolves a typed name to one unit, or says which units it could mean.

    Tried in order, the first kind that matches deciding: a six-digit adcode; a former code
    (320684 → 海门区); the exact name; the name without its suffix (昆山 → 昆山市); a former
    name (海门市 → 海门区); full pinyin, with or without the suffix (kunshan, kunshanshi);
    initials (ks, kss); the start of the pinyin (kunsh); the same in simplified characters
    (崑山). Where several units match and exactly one of them is in the report's lists, that one
    is the answer and the others are mentioned; otherwise several matches are ambiguous and
    never guessed between. With none, close spellings are suggested.

    Args:
        units: Every unit (rows of :func:`baiqiang.core.resolve.units`).
        query: What the user typed (full-width and traditional characters are accepted).
        province: Keep only units of this province (short name, 江苏).
        prefecture: Keep only units of this prefecture (苏州 or 苏州市).
        former: Former names and codes (rows of the catalog's ``former_names``).
    """
    rows = narrow(units, province, prefecture)
    text = normalise(query)
    if len(text) > MAX_QUERY:  # no unit's name is that long; and no time spent suggesting
        return Resolution(Outcome.MISSING)
    if text.isdigit() and len(text) == 6:
        found = _decide(list(_keyed(rows, "adcode").get(text, ())), Match.ADCODE, text)
        if found is not None and found.unit is not None:  # a code reused: say whose it was (500110)
            before = [
                o
                for o in _keyed(former, "former_code").get(text, ())
                if o["former_name"] != found.unit["name"]
            ]
            if before:
                was = "; ".join(f"{o['former_name']}'s in {o['in_use']}" for o in before[:3])
                was_zh = "；".join(f"{o['in_use']} 年为{o['former_name']}的代码" for o in before[:3])
                found = replace(
                    found,
                    note=f"{text} is {found.unit['name']}'s code now; it was {was}",
                    note_zh=f"{text} 现为{found.unit['name']}的代码；{was_zh}",
                )
        if found is None:
            olds = list(_keyed(former, "former_code").get(text, ()))
            found = _by_former(rows, olds, Match.FORMER_CODE, text)
        return found or Resolution(Outcome.MISSING)
    found = _by_name(rows, text, former)
    if found is None and has_han(text):
        simplified = to_simplified(text)
        if simplified != text:
            found = _by_name(rows, simplified, former)
            if found is not None and found.unit is not None:
                said = f"{text} is {simplified} in simplified characters"
                said_zh = f"{text}即简体的{simplified}"
                found = replace(
                    found,
                    how=Match.TRADITIONAL,
                    note="; ".join(filter(None, (said, found.note))),
                    note_zh="；".join(filter(None, (said_zh, found.note_zh))),
                )
            text = simplified
    return found or Resolution(Outcome.MISSING, None, Match.NONE, suggest(rows, text))


def narrow(units: Sequence[Row], province: str | None, prefecture: str | None) -> list[Row]:
    """The units of a province (short name) and a prefecture (苏州 or 苏州市), where given: the
    prefecture cell of a unit the province governs directly may say so (省直管, 省直辖), a
    municipality's district's may name the municipality (北京市)."""
    rows = units if isinstance(units, list) else list(units)  # the same list: its index is kept
    if province is not None:
        rows = [r for r in rows if r.get("province_short") == province]
    if prefecture is not None:
        p = normalise(prefecture).removesuffix("市")
        direct = p in DIRECT_SPELLINGS
        rows = [
            r
            for r in rows
            if str(r.get("prefecture") or "").startswith(p)
            or (direct and str(r.get("prefecture") or "") in ("", DIRECT_PREFECTURE))
            or (p and not r.get("prefecture") and str(r.get("province") or "").startswith(p))
        ]
    return rows


DIRECT_PREFECTURE = "省直辖县级行政区划"
"""The prefecture cell of a county-level unit a province governs directly (仙桃市)."""
DIRECT_SPELLINGS = frozenset({DIRECT_PREFECTURE, "省直辖", "省直管", "直辖", "省直辖县", "省直管县", "直管"})
"""How files write that cell."""


def match_exactly(
    units: Sequence[Row],
    query: str,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    former: Sequence[Row] = (),
    suggestions: bool = True,
) -> Resolution:
    """Matches a name or code from a data file to one unit, never guessing.

    Stricter than :func:`resolve_rows`, which serves people typing: only an adcode (6 digits, or
    the 12 of the statistical division code), a former code, the exact name, the name without
    its suffix (昆山 → 昆山市), a former name (海门市 → 海门区) or the same in simplified
    characters count; pinyin does not, and several units that fit are ambiguous whether or not
    one of them is in a list.

    Args:
        units: Every unit (rows of :func:`baiqiang.core.resolve.units`).
        query: The cell (ideographic spaces and full-width forms are accepted).
        province: Keep only units of this province (short name, 江苏).
        prefecture: Keep only units of this prefecture (苏州 or 苏州市).
        former: Former names and codes (rows of the catalog's ``former_names``).
        suggestions: Whether a name that matches nothing gets close names (the slow part).
    """
    rows = narrow(units, province, prefecture)
    text = normalise(query)
    if text.isdigit() and len(text) in (6, 9, 12):
        code = text[:6]
        hits = [r for r in rows if r["adcode"] == code]
        if hits:
            return Resolution(Outcome.FOUND, hits[0], Match.ADCODE)
        olds = [o for o in former if o["former_code"] == code]
        return (
            _strict(_by_former(rows, olds, Match.FORMER_CODE, code)) if olds else Resolution(Outcome.MISSING)
        )
    for candidate in (
        text,
        *([to_simplified(text)] if has_han(text) and not _any_named(rows, text) else []),
    ):
        for how in (Match.EXACT, Match.SUFFIX):
            hits = [r for r in rows if _matches(r, how, candidate, "")]
            if len(hits) == 1:
                note = f"{text} is {candidate} in simplified characters" if candidate != text else ""
                return Resolution(Outcome.FOUND, hits[0], how if not note else Match.TRADITIONAL, note=note)
            if hits:
                return Resolution(Outcome.AMBIGUOUS, None, how, hits)
        olds = [o for o in former if o["former_name"] == candidate]
        if olds:
            return _strict(_by_former(rows, olds, Match.FORMER, candidate))
    return Resolution(Outcome.MISSING, None, Match.NONE, suggest(rows, text) if suggestions else [])


def _any_named(rows: Sequence[Row], text: str) -> bool:
    """Whether any unit's name starts with `text` (then it is not traditional spelling)."""
    return any(str(r["name"]).startswith(text) for r in rows)


def _strict(found: Resolution | None) -> Resolution:
    """A former name's resolution without the preference for listed units."""
    if found is None:
        return Resolution(Outcome.MISSING)
    if found.unit is not None and found.others:
        return Resolution(Outcome.AMBIGUOUS, None, found.how, [found.unit, *found.others])
    return found


def normalise(query: str) -> str:
    """What a user typed, made comparable: full-width letters and digits to ASCII, ideographic
    and other spaces trimmed (``ｋｕｎｓｈａｎ`` → ``kunshan``, ``昆　山`` → ``昆山``)."""
    text = unicodedata.normalize("NFKC", query)
    return re.sub(r"\s+", "", text) if has_han(text) else text.strip()


def has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified (崑山 → 昆山), by OpenCC's maintained tables."""
    return str(_converter().convert(text))


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # only for names nothing else matched: keeps it off the usual path

    return opencc.OpenCC("t2s")


def _by_former(rows: list[Row], olds: list[Row], how: Match, text: str) -> Resolution | None:
    """The unit a former name or code now belongs to, with a note saying so; a unit split since
    (江干区) is in several: they are named, none is chosen."""
    codes = {o["adcode"]: o for o in olds}
    if len(codes) > 1 and all(o.get("fate") == "split" for o in olds):
        found = [r for r in rows if r["adcode"] in codes]
        if len(found) > 1:
            first = olds[-1]  # the most recent record of the name
            note = f"{first['former_name']} ({first['former_code']}) was split in {first.get('year') or '?'}"
            note_zh = (
                f"{first['former_name']}（{first['former_code']}）于 {first.get('year') or '?'} 年被分设"
            )
            return Resolution(Outcome.AMBIGUOUS, None, how, found, note=note, note_zh=note_zh)
    decided = _decide([r for r in rows if r["adcode"] in codes], how, text)
    if decided and decided.unit is not None:
        old = codes[decided.unit["adcode"]]
        unit = decided.unit
        was = f"{old['former_name']} ({old['former_code']})"
        # what became of it, as the code history says (became, merged into …), where the row has it
        note = str(old.get("note") or f"{was} is a former name of {unit['name']} ({unit['adcode']})")
        note_zh = str(old.get("note_zh") or f"{was} 是 {unit['name']} ({unit['adcode']}) 的旧称")
        return replace(decided, how=how, note=note, note_zh=note_zh)
    return decided


def _matches(row: Row, how: Match, text: str, key: str) -> bool:
    if how == Match.EXACT:
        return bool(row["name"] == text)
    k = _keys_of(row)
    if how == Match.SUFFIX:
        return (k.has_suffix and k.base == text) or _short(str(row["name"])) == text
    if how == Match.PINYIN:
        return key in (k.pinyin, k.pinyin_base)
    if how == Match.INITIALS:
        return key in (k.initials, k.initials_base)
    return k.pinyin.startswith(key)  # PINYIN_PREFIX


@dataclass(frozen=True)
class _Index:
    """Rows by what each kind of match compares (kept with the rows they index)."""

    rows: Sequence[Row]
    by: dict[Match, dict[str, list[Row]]]


_INDEXES: dict[int, _Index] = {}


def _index(rows: Sequence[Row]) -> dict[Match, dict[str, list[Row]]]:
    """The rows by exact name, short name, pinyin and initials (what :func:`_matches` compares):
    made once per list of rows, so that a name is found by a look-up, not a scan."""
    found = _INDEXES.get(id(rows))
    if found is not None and found.rows is rows:
        return found.by
    by: dict[Match, dict[str, list[Row]]] = {
        m: {} for m in (Match.EXACT, Match.SUFFIX, Match.PINYIN, Match.INITIALS)
    }
    for r in rows:
        k = _keys_of(r)
        keys = {
            Match.EXACT: {str(r["name"])},
            Match.SUFFIX: {x for x in (k.base if k.has_suffix else "", _short(str(r["name"]))) if x},
            Match.PINYIN: {k.pinyin, k.pinyin_base} - {""},
            Match.INITIALS: {k.initials, k.initials_base} - {""},
        }
        for how, texts in keys.items():
            for text in texts:
                by[how].setdefault(text, []).append(r)
    if len(_INDEXES) > 16:
        _INDEXES.clear()
    _INDEXES[id(rows)] = _Index(rows, by)  # the rows are kept: their id is not reused meanwhile
    return by


_KEYED: dict[tuple[int, str], tuple[Sequence[Row], dict[str, list[Row]]]] = {}


def _keyed(rows: Sequence[Row], field: str) -> dict[str, list[Row]]:
    """Rows by one field's value, made once per list of rows (kept with it)."""
    found = _KEYED.get((id(rows), field))
    if found is not None and found[0] is rows:
        return found[1]
    by: dict[str, list[Row]] = {}
    for r in rows:
        by.setdefault(str(r.get(field)), []).append(r)
    if len(_KEYED) > 32:
        _KEYED.clear()
    _KEYED[(id(rows), field)] = (rows, by)
    return by


_ASKED: dict[int, tuple[Sequence[Row], int]] = {}


def _asked_again(rows: Sequence[Row]) -> bool:
    """Whether names were looked up in these rows before: an index pays from the second lookup
    (a palette, an import, a test of thousands), a scan is quicker for one (``show``)."""
    found = _ASKED.get(id(rows))
    count = found[1] + 1 if found is not None and found[0] is rows else 1
    if len(_ASKED) > 16:
        _ASKED.clear()
    _ASKED[id(rows)] = (rows, count)
    return count > 1


def _by_name(rows: list[Row], text: str, former: Sequence[Row]) -> Resolution | None:
    key = search_key(text)
    index = _index(rows) if len(rows) > 64 and _asked_again(rows) else None
    for how in (Match.EXACT, Match.SUFFIX, Match.FORMER, Match.PINYIN, Match.INITIALS, Match.PINYIN_PREFIX):
        if index is not None and how in index:
            looked = text if how in (Match.EXACT, Match.SUFFIX) else key
            decided = _decide(list(index[how].get(looked, ())), how, text) if looked else None
        elif how == Match.FORMER:
            olds = list(_keyed(former, "former_name").get(text, ()))
            decided = _by_former(rows, olds, how, text) if olds else None
        elif how == Match.PINYIN_PREFIX:
            if len(key) < 3 or not key.isascii() or not key.isalpha():
                continue
            decided = _decide([r for r in rows if _matches(r, how, text, key)], how, text)
            if decided and decided.unit is not None and not decided.note:
                u = decided.unit
                note = f"{text!r} is the start of the pinyin of {u['name']} ({u['pinyin']})"
                note_zh = f"“{text}”是 {u['name']}（{u['pinyin']}）拼音的开头"
                decided = replace(decided, note=note, note_zh=note_zh)
        else:
            if not (text if how in (Match.EXACT, Match.SUFFIX) else key):
                continue
            decided = _decide([r for r in rows if _matches(r, how, text, key)], how, text)
        if decided:
            return decided
    return None


def _likeness(a: str, floor: float = 0.5) -> Callable[[str], float]:
    """difflib's ratio of `a` and a spelling, where it can reach `floor` (else 0). Its two upper
    bounds are tried first, as difflib's get_close_matches does — lengths, then the letters the
    two have in common, counted here without building a matcher — so most of 2,843 names cost
    no matching."""
    counts: dict[str, int] = {}
    for ch in a:
        counts[ch] = counts.get(ch, 0) + 1

    def ratio(b: str) -> float:
        total = len(a) + len(b)
        if not total:
            return 1.0  # (as difflib has it)
        if 2 * min(len(a), len(b)) < floor * total:
            return 0.0
        left = dict(counts)
        common = 0
        for ch in b:
            if left.get(ch, 0) > 0:
                left[ch] -= 1
                common += 1
        if 2 * common < floor * total:
            return 0.0
        return difflib.SequenceMatcher(None, a, b).ratio()

    return ratio


def suggest(rows: Sequence[Row], text: str, *, n: int = 5) -> list[Row]:
    """Units whose name or pinyin is close to `text`, best first (listed units first on ties)."""
    scored: dict[int, float] = {}
    key = search_key(text)
    like_text, like_key = _likeness(text), _likeness(key)
    for i, r in enumerate(rows):
        name = str(r["name"])
        base, _ = split_suffix(name)
        score = max(
            like_text(name),
            like_text(base),
            like_key(search_key(str(r.get("pinyin") or ""))) if key else 0.0,
            0.8 if len(text) >= 2 and text in name else 0.0,
        )
        if score >= 0.5:
            scored[i] = score + (0.05 if r.get("listed") else 0.0)
    best = sorted(scored, key=lambda i: -scored[i])[:n]
    return [rows[i] for i in best]
