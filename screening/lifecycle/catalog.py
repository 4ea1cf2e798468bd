"""The OFAC publications the list store can download, and where OFAC publishes them.

OFAC's Sanctions List Service serves every file under one base address; the old
``https://www.treasury.gov/ofac/downloads/`` addresses redirect there. The base is
configurable (``--source`` / ``base_url=``) so that a bank can use its own mirror.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.errors import InputError

__all__ = [
    "DEFAULT_PUBLICATIONS",
    "OFAC_BASE_URL",
    "PUBLICATIONS",
    "Publication",
    "publication",
]

OFAC_BASE_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"


@dataclass(frozen=True, slots=True)
class Publication:
    """One downloadable publication: its files, as OFAC names them, main file first.

    Attributes:
        name: the store's name for it (``"SDN_ADVANCED"``), also its directory in the store.
        files: the file names to download; ``files[0]`` is the one :func:`load_list` reads
            (the legacy CSV set's companions sit next to it).
        format: the format the main file must sniff as.
        source: the list the file must load as (``"SDN"`` or ``"CONSOLIDATED"``).
    """

    name: str
    files: tuple[str, ...]
    format: str
    source: str

    @property
    def main(self) -> str:
        """The file that :func:`~screening.sources.load_list` reads."""
        return self.files[0]


PUBLICATIONS: dict[str, Publication] = {
    p.name: p
    for p in (
        Publication("SDN_ADVANCED", ("SDN_ADVANCED.XML",), "ofac-advanced-xml", "SDN"),
        Publication("CONS_ADVANCED", ("CONS_ADVANCED.XML",), "ofac-advanced-xml", "CONSOLIDATED"),
        Publication("SDN_XML", ("SDN.XML",), "ofac-legacy-xml", "SDN"),
        Publication("CONS_XML", ("CONSOLIDATED.XML",), "ofac-legacy-xml", "CONSOLIDATED"),
        Publication(
            "SDN_CSV",
            ("SDN.CSV", "ADD.CSV", "ALT.CSV", "SDN_COMMENTS.CSV"),
            "ofac-legacy-csv",
            "SDN",
        ),
        Publication(
            "CONS_CSV",
            ("CONS_PRIM.CSV", "CONS_ADD.CSV", "CONS_ALT.CSV", "CONS_COMMENTS.CSV"),
            "ofac-legacy-csv",
            "CONSOLIDATED",
        ),
    )
}

# The advanced XML carries everything the legacy formats do, plus original-script names.
DEFAULT_PUBLICATIONS: tuple[str, ...] = ("SDN_ADVANCED", "CONS_ADVANCED")


def publication(name: str) -> Publication:
    """The publication called ``name`` (any case).

    Raises:
        InputError: no such publication; the message lists the known ones.
    """
    found = PUBLICATIONS.get(name.upper())
    if found is None:
        known = ", ".join(PUBLICATIONS)
        raise InputError(f"unknown publication {name!r}; known: {known}")
    return found
