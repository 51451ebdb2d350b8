"""The package ``baiqiang`` itself: the wheel installs this file as ``baiqiang/__init__.py``.

``import baiqiang as bq`` gives the Python API (:mod:`baiqiang.core.api`); the command line
is ``baiqiang.tui.cli`` and the explorer ``baiqiang.tui.app``. The API is loaded on first use
(it brings Polars), so that a lookup through the index, which needs neither, stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baiqiang.core.plain.errors import (
    Ambiguous,
    BaiqiangError,
    DataUnavailable,
    InvalidValue,
    LookupFailed,
    OutputError,
)

if TYPE_CHECKING:
    from baiqiang.core.api import (
        Filters,
        PrefectureProfile,
        Profile,
        audit,
        compare,
        import_file,
        movers,
        peers,
        show,
        stats,
        table,
        tables,
    )

_API = (
    "Filters",
    "PrefectureProfile",
    "Profile",
    "audit",
    "compare",
    "import_file",
    "movers",
    "peers",
    "show",
    "stats",
    "table",
    "tables",
)


def __getattr__(name: str) -> Any:
    if name in _API:
        from baiqiang.core import api

        return getattr(api, name)
    raise AttributeError(f"module 'baiqiang' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


__all__ = [
    "Ambiguous",
    "BaiqiangError",
    "DataUnavailable",
    "Filters",
    "InvalidValue",
    "LookupFailed",
    "OutputError",
    "PrefectureProfile",
    "Profile",
    "audit",
    "compare",
    "import_file",
    "movers",
    "peers",
    "show",
    "stats",
    "table",
    "tables",
]
