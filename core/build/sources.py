"""The public datasets baiqiang ships data from, besides the report: declared once, cited in
``data/source.json`` (by the extractor) and checked by the programs that convert them (each
refuses a source file other than the one pinned here)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from baiqiang.core.build.extract import ExtractError


@dataclass(frozen=True)
class Source:
    """A public dataset and what is made of it.

    Attributes:
        id: Its short name here.
        title: What it is.
        by: Who made it.
        url: Where it is published.
        licence: Its licence (SPDX).
        file: The file converted.
        sha256: That file's digest (the version converted).
        writes: What is made of it in ``data/``.
        licence_file: Its licence's text, shipped beside the data (``data/…``).
    """

    id: str
    title: str
    by: str
    url: str
    licence: str
    file: str
    sha256: str
    writes: tuple[str, ...]
    licence_file: str

    def check(self, path: Path) -> None:
        """Refuses a file that is not the version pinned here.

        Raises:
            ExtractError: It is another file (or another version of it).
        """
        found = hashlib.sha256(path.read_bytes()).hexdigest()
        if found != self.sha256:
            raise ExtractError(
                f"{path} is not the {self.id} file this converts (SHA-256 {found[:12]}…, "
                f"not {self.sha256[:12]}…); update core/build/sources.py on purpose"
            )

    def cited(self) -> dict[str, object]:
        """As ``source.json`` cites it."""
        return {**asdict(self), "writes": list(self.writes)}


AREACODES = Source(
    "areacodes",
    "中华人民共和国县级以上行政区划代码 — every county-level and higher code and name at each year-end since 1981, and what became of each",
    "yescallop/areacodes, compiled from the Ministry of Civil Affairs' lists (民政部)",
    "https://github.com/yescallop/areacodes",
    "CC0-1.0",
    "result.csv",
    "e3b69e8e13fcb3151b5cd6a03674f89e043f301f308dcb67283533f1a8239794",
    ("history.csv", "former_names.csv"),
    "areacodes-LICENSE",
)
CENSUS2020 = Source(
    "census2020",
    "第七次全国人口普查 (2020 census) county table: 3,358 rows × 153 columns",
    "Lei Dong et al., leiii/census, digitised from the census's county publications",
    "https://github.com/leiii/census",
    "MIT",
    "census_county_2020_v1.xlsx",
    "04d37df90d4e358c13aac85a76051caab12afa84eca8a3b4f58cf2227ce69f43",
    ("datasets/census2020/",),
    "datasets/census2020/LICENSE",
)
SOURCES = (AREACODES, CENSUS2020)
"""Every public dataset shipped from."""
