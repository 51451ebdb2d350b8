"""What ``compare`` and ``peers`` take, declared without Polars: the command line builds its
options from these before any of the core is loaded (:mod:`baiqiang.core.compare`,
:mod:`baiqiang.core.peers` compute)."""

from __future__ import annotations

from enum import StrEnum

MIN_UNITS, MAX_UNITS = 2, 8
"""How many units a comparison takes."""


class RowGroup(StrEnum):
    """The groups of a comparison's rows, in their order."""

    IDENTITY = "identity"
    RANKINGS = "rankings"
    CLUSTERS = "clusters"
    FACTS = "facts"
    CENSUS = "census"
    INDICATORS = "indicators"


DEFAULT_COLUMNS = (
    "population",
    "urbanisation_rate",
    "manufacturing_share",
    "schooling_years",
    "aged_65_share",
)
"""The census columns peers are found by unless others are asked for."""

MAX_PEERS = 100
"""The most peers asked for at once."""


class Within(StrEnum):
    """Which units are considered as peers."""

    ALL = "all"
    PROVINCE = "province"
    REGION = "region"
    TYPE = "type"
    LIST = "list"
