"""Country names and codes to ISO 3166-1 alpha-2 (``data/countries.tsv``)."""

from __future__ import annotations

from functools import cache

from screening.text.tables import read_table

__all__ = ["country_code"]


@cache
def _codes() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_table("countries"):
        code = row[0]
        table[code.casefold()] = code
        for name in row[1:]:
            table.setdefault(" ".join(name.casefold().split()), code)
    return table


def country_code(text: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or code (``"Russia"``, ``"RUS"``, ``"ru"``,
    ``"Korea, North"``), or of the last part of a place (``"Pingyu, Henan, China"`` → ``"CN"``);
    ``None`` when unknown."""
    if not text:
        return None
    table = _codes()
    folded = " ".join(text.casefold().split())
    found = table.get(folded)
    if found is None and "," in folded:
        found = table.get(folded.rsplit(",", 1)[1].strip())
    return found
