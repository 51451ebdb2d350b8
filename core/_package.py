"""The package ``baiqiang`` itself: the wheel installs this file as ``baiqiang/__init__.py``.

``import baiqiang as bq`` gives the Python API (:mod:`baiqiang.core.api`); the command line
is ``baiqiang.tui.cli`` and the explorer ``baiqiang.tui.app``.
"""

from baiqiang.core.api import (
    Filters,
    PrefectureProfile,
    Profile,
    audit,
    show,
    stats,
    table,
    tables,
)
from baiqiang.core.errors import (
    Ambiguous,
    BaiqiangError,
    DataUnavailable,
    InvalidValue,
    LookupFailed,
    OutputError,
)

__all__ = [
    "Ambiguous",
    "BaiqiangError",
    "InvalidValue",
    "PrefectureProfile",
    "DataUnavailable",
    "Filters",
    "LookupFailed",
    "OutputError",
    "Profile",
    "audit",
    "show",
    "stats",
    "table",
    "tables",
]
