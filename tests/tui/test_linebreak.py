"""Lines broken as Chinese is set: the help's text at every width."""

from __future__ import annotations

from importlib import resources

from rich.cells import cell_len

from baiqiang.core.plain.tables import REPORT
from baiqiang.tui.linebreak import _NO_END, _NO_START, break_lines
from baiqiang.tui.widgets.help_text import blocks, lay_out

HELP = {
    lang: (resources.files("baiqiang.tui") / f"help.{lang}.md")
    .read_text(encoding="utf-8")
    .replace("{report}", REPORT.title)
    .replace("{tabs}", "1 工业百强县 · 2 创新百强县")
    for lang in ("zh", "en")
}
"""The help as shown (the report's title and the tabs put in)."""


def test_every_line_fits_loses_nothing_and_keeps_punctuation_with_its_words() -> None:
    for lang, markdown in HELP.items():
        for block in blocks(markdown):
            for width in range(4, 101, 3):
                lines = break_lines(block.text, width, indent=3)
                shown = [block.text[a:b] for a, b in lines]
                for n, line in enumerate(shown):
                    assert cell_len(line) <= max(width - (3 if n else 0), 2), (lang, width, line)
                    assert line == line.strip(), (lang, width, line)  # a break drops its space
                    if width >= 16 and n:  # (ASCII punctuation goes with its word: .csv may begin one)
                        starts, ends = line[0], shown[n - 1][-1]
                        assert cell_len(starts) == 1 or starts not in _NO_START, (
                            lang,
                            width,
                            shown[n - 1],
                            line,
                        )
                        assert cell_len(ends) == 1 or ends not in _NO_END, (lang, width, shown[n - 1], line)
                assert "".join(shown).replace(" ", "") == block.text.replace(" ", ""), (lang, width)


def test_a_key_is_not_left_alone_before_a_sentence_of_hanzi() -> None:
    """Rich and Textual break only at spaces: "• s" stood alone, its sentence on the next line."""
    item = next(b for b in blocks(HELP["zh"]) if b.text.startswith("s 选择排序列"))
    first = item.text[slice(*break_lines(item.text, 60)[0])]
    assert first.startswith("s 选择排序列") and cell_len(first) >= 58
    latin = next(b for b in blocks(HELP["en"]) if b.text.startswith("Quick filters"))
    assert [latin.text[a:b] for a, b in break_lines(latin.text, 30)] == [
        "Quick filters: p province, r",
        "region, t tier, y county type.",
    ]


def test_a_word_longer_than_the_line_is_cut_where_the_line_is_full() -> None:
    text = "see https://example.org/a/very/long/address/indeed 然后"
    shown = [text[a:b] for a, b in break_lines(text, 12)]
    assert shown[0] == "see" and all(cell_len(s) <= 12 for s in shown)
    assert "".join(shown[1:-1]) + shown[-1] == "https://example.org/a/very/long/address/indeed然后"


def test_the_help_is_laid_out_with_its_keys_bold_and_its_items_hanging() -> None:
    lines = lay_out(blocks(HELP["zh"]), 40)
    heading = lines[0]
    title = "百强 baiqiang — 帮助"
    assert heading.plain == " " * ((40 - cell_len(title)) // 2) + title  # centred by cells, not characters
    item = next(i for i, line in enumerate(lines) if line.plain.startswith(" • / "))
    assert lines[item + 1].plain.startswith("   ") and not lines[item + 1].plain.startswith("    ")
    bold = [line.plain[s.start : s.end] for line in lines for s in line.spans if s.style == "bold"]
    assert "/" in bold and "Esc" in bold and "x" in bold
