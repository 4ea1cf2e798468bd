"""What a screening returns: hits with their explanation, and the evidence around them.

These pydantic models cross the API boundary (and the HTTP and CLI outputs); they are frozen
and serialise to the same JSON for the same inputs and lists, byte for byte.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from screening.models import Entry, EntryKind, ListIdentity

__all__ = ["Adjustment", "Explanation", "Hit", "ScreeningOptions", "ScreeningResult", "TokenMatch"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TokenMatch(_Frozen):
    """How query tokens were aligned with list-name tokens.

    Attributes:
        query: the query token(s), romanised (two when adjacent tokens were joined).
        listed: the list-name token(s).
        relation: ``exact``, ``translit``, ``variant``, ``wade-giles``, ``spelling``, ``abjad``,
            ``typo`` or ``initial`` (see :mod:`screening.matching.similarity`), prefixed with
            ``joined+`` when two tokens on one side were read as one.
        similarity: 0.0–1.0.
    """

    query: str
    listed: str
    relation: str
    similarity: float


class Adjustment(_Frozen):
    """A bonus or penalty applied to the name score, and why (``dob year match``)."""

    reason: str
    delta: float


class Explanation(_Frozen):
    """Why an entry was hit: which of its names matched, token by token, and every adjustment.

    ``name_score`` is the score of the name alone; ``adjustments`` are added to it (then clamped
    to 0.0–1.0 and to 0.99 unless the match was exact) to give the hit's score.
    """

    uid: str
    entry_name: str
    programs: tuple[str, ...]
    list_source: str
    matched_name: str
    name_type: str
    name_script: str
    alignments: tuple[TokenMatch, ...]
    unmatched_query: tuple[str, ...]
    unmatched_listed: tuple[str, ...]
    query_coverage: float
    name_coverage: float
    in_order: bool
    name_score: float
    adjustments: tuple[Adjustment, ...] = ()
    weak_aliases: tuple[str, ...] = Field(
        default=(), description="weak (low-quality) aliases that also match: confirmation only"
    )
    read_as: str | None = Field(
        default=None,
        description="the query as it was read for this hit when not as written: its Han "
        "characters read in Korean (金正恩 as 김정은), its single letters written apart "
        "joined (R O S N E F T as ROSNEFT), or its digits read as the letters they look like "
        "(R0SN3FT as ROSNEFT); the aligned query tokens are this reading's",
    )
    read_how: str | None = Field(
        default=None,
        description="how the query was read when not as written: 'in Korean', "
        "'with its letters joined' or 'with its digits as letters'",
    )

    def reading(self) -> str | None:
        """How the query was read for this hit when not as written (``read in Korean as
        '김정은'``, ``read with its letters joined as 'ROSNEFT'``); ``None`` when as written."""
        if self.read_as is None:
            return None
        how = f" {self.read_how}" if self.read_how else ""
        return f"read{how} as {self.read_as!r}"

    def summary(self) -> str:
        """One line for an analyst: ``29220 CHEN, Quanguo [GLOMAG] via 'CHEN, Quanguo': chen=chen
        (exact), quanguo=quanguo (exact)``."""
        pairs = ", ".join(f"{m.query}={m.listed} ({m.relation})" for m in self.alignments)
        parts = [f"{self.uid} {self.entry_name} [{'; '.join(self.programs)}]"]
        reading = self.reading()
        if reading is not None:
            parts.append(reading)
        parts.append(f"via {self.matched_name!r}: {pairs}")
        if self.unmatched_query:
            parts.append(f"unmatched query: {' '.join(self.unmatched_query)}")
        if self.unmatched_listed:
            parts.append(f"unmatched listed: {' '.join(self.unmatched_listed)}")
        for adj in self.adjustments:
            parts.append(f"{adj.reason} {adj.delta:+.2f}")
        if self.weak_aliases:
            parts.append(f"weak aliases agree: {'; '.join(self.weak_aliases)}")
        return "; ".join(parts)


class Hit(_Frozen):
    """One list entry at or above the threshold.

    Attributes:
        entry: the list entry.
        score: 0.0–1.0 (see README: what scores mean).
        matched_name: the entry's name (primary or alias) that matched best.
        explanation: token-level account of the match.
        list: identity of the list the entry comes from.
    """

    entry: Entry
    score: float = Field(ge=0.0, le=1.0)
    matched_name: str
    explanation: Explanation
    list: ListIdentity


class ScreeningOptions(_Frozen):
    """The options a screening ran with, recorded so that the decision can be reproduced."""

    threshold: float = Field(ge=0.0, le=1.0)
    limit: int = Field(ge=1)
    kind: EntryKind | None = None
    dob: str | None = None
    country: str | None = None


class ScreeningResult(_Frozen):
    """The answer to one screening query.

    Attributes:
        query: the name exactly as received.
        options: threshold, limit and the secondary identifiers used.
        hits: best first, only hits at or above the threshold.
        lists: identity (source, publish date, sha256...) of every list screened against.
        library_version: the ``screening`` version that produced the result.
        warnings: conditions an analyst must see (a sample list, a stale list, a query cut at
            1,000 characters).
    """

    query: str
    options: ScreeningOptions
    hits: tuple[Hit, ...]
    lists: tuple[ListIdentity, ...]
    library_version: str
    warnings: tuple[str, ...] = ()

    @property
    def is_hit(self) -> bool:
        """True if any entry is at or above the threshold."""
        return bool(self.hits)
