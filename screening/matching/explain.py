"""Turn an internal name score into the :class:`~screening.results.Explanation` an analyst reads."""

from __future__ import annotations

from collections.abc import Sequence

from screening.matching.scoring import NameScore
from screening.matching.similarity import How, TokenInfo
from screening.models import Entry, Name
from screening.results import Adjustment, Explanation, TokenMatch
from screening.text.tokens import Token

__all__ = [
    "DIGITS_AS_LETTERS",
    "IN_KOREAN",
    "LETTERS_JOINED",
    "RELATION_NAMES",
    "Reading",
    "explanation",
]

# The query as the screener read it for a hit, when not as written, and how it was read
# (Explanation.read_as, Explanation.read_how).
Reading = tuple[str, str]
IN_KOREAN = "in Korean"  # its Han characters read in Korean (金正恩 as 김정은)
LETTERS_JOINED = "with its letters joined"  # single letters written apart (R O S N E F T)
DIGITS_AS_LETTERS = "with its digits as letters"  # digits that look like letters (R0SN3FT)

RELATION_NAMES = {
    How.EXACT: "exact",
    How.TRANSLIT: "translit",
    How.VARIANT: "variant",
    How.WADE_GILES: "wade-giles",
    How.SPELLING: "spelling",
    How.ABJAD: "abjad",
    How.TYPO: "typo",
    How.INITIAL: "initial",
}


def _show(orig: str, text: str) -> str:
    return text if orig == text else f"{orig}({text})"


def explanation(
    query: Sequence[Token],
    listed: Sequence[TokenInfo],
    entry: Entry,
    name: Name,
    scored: NameScore,
    adjustments: tuple[Adjustment, ...],
    weak_aliases: tuple[str, ...],
    list_source: str,
    reading: Reading | None = None,
) -> Explanation:
    """The explanation of one hit (``reading``: the query as the screener read it, when that
    was not as written, and how: :data:`IN_KOREAN`, :data:`LETTERS_JOINED` or
    :data:`DIGITS_AS_LETTERS`)."""
    matches = []
    used_q: set[int] = set()
    used_c: set[int] = set()
    for a in scored.alignments:
        used_q.update(a.q)
        used_c.update(a.c)
        relation = RELATION_NAMES[a.how]
        if len(a.q) > 1 or len(a.c) > 1:
            relation = "joined+" + relation
        matches.append(
            TokenMatch(
                query=" ".join(_show(query[i].orig, query[i].text) for i in a.q),
                listed=" ".join(_show(listed[j].orig, listed[j].text) for j in a.c),
                relation=relation,
                similarity=round(a.sim, 4),
            )
        )
    return Explanation(
        uid=entry.uid,
        entry_name=entry.primary_name.full,
        programs=entry.programs,
        list_source=list_source,
        matched_name=name.full,
        name_type=name.type.value,
        name_script=name.script,
        alignments=tuple(matches),
        unmatched_query=tuple(
            _show(t.orig, t.text) for i, t in enumerate(query) if i not in used_q
        ),
        unmatched_listed=tuple(
            _show(t.orig, t.text) for j, t in enumerate(listed) if j not in used_c
        ),
        query_coverage=round(scored.query_coverage, 4),
        name_coverage=round(scored.name_coverage, 4),
        in_order=scored.in_order,
        name_score=round(scored.score, 4),
        adjustments=adjustments,
        weak_aliases=weak_aliases,
        read_as=None if reading is None else reading[0],
        read_how=None if reading is None else reading[1],
    )
