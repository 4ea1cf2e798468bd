"""Parties given only by name, matched against the lists through a screener.

Any object with ``screen(name, *, limit=...)`` returning an object with ``.hits`` works (the
library's ``Screener`` has that contract); each hit has ``.entry.uid``, ``.score`` (0.0-1.0)
and ``.matched_name``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from screening.ownership.explain import NameMatch

__all__ = ["NameScreener", "resolve_name"]


class _Entry(Protocol):
    @property
    def uid(self) -> str: ...


class _Hit(Protocol):
    @property
    def entry(self) -> _Entry: ...

    @property
    def score(self) -> float: ...

    @property
    def matched_name(self) -> str: ...


class _Result(Protocol):
    @property
    def hits(self) -> Sequence[_Hit]: ...


class NameScreener(Protocol):
    """What name resolution needs from a screener."""

    def screen(self, name: str, *, limit: int = ...) -> _Result: ...


def resolve_name(screener: NameScreener, name: str, *, min_score: float) -> NameMatch | None:
    """The listed party ``name`` designates, if the best hit scores at least ``min_score``."""
    hits = screener.screen(name, limit=1).hits
    if not hits:
        return None
    best = hits[0]
    score = float(best.score)
    if score < min_score:
        return None
    return NameMatch(query=name, uid=best.entry.uid, matched_name=best.matched_name, score=score)
