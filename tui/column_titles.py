"""A column's title for people, in a language: the interface's word for the report's columns, the
dataset's label for an imported or built-in one (population is 常住人口), else its name."""

from __future__ import annotations

from baiqiang.tui.i18n import t


def column_title(column: str, lang: str, labels: dict[str, str] | None = None) -> str:
    """The title of `column` in `lang` (``zh`` or ``en``); `labels` (:func:`column_labels`'s, for
    a caller that has them) saves reading the datasets' descriptions."""
    known = t(f"col.{column}", lang, default="")
    if known:
        return known
    if labels is None:
        from baiqiang.core.indicators.join import column_labels

        labels = column_labels(lang)
    return labels.get(column) or column
