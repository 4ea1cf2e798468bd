"""Explanations: why an entity is (or is not, or may be) blocked, down to the listed persons.

An explanation is a list of steps, dependencies first: every owner named in a step's links has
its own earlier step, and the chain ends in listed persons. A flat list rather than a nested
tree keeps a 3,000-link chain serialisable and shares owners that appear on several paths.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["Link", "NameMatch", "OwnershipExplanation", "Status", "Step"]

Status = Literal["blocked", "possibly_blocked", "not_blocked"]
Reason = Literal["listed", "owned", "controlled", "possibly_owned", "not_owned"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NameMatch(_Frozen):
    """How a party given only by name was matched to a listed party.

    Attributes:
        query: the name as given in the ownership data.
        uid: the listed party's uid.
        matched_name: the listed name that matched.
        score: the screener's score, 0.0-1.0.
    """

    query: str
    uid: str
    matched_name: str
    score: float


class Link(_Frozen):
    """One holding (or control relation) that counts towards a step.

    Attributes:
        owner: the id of the holder whose holding counts (the beneficial owner for a nominee
            holding).
        owned: the id of the entity held.
        kind: ``"ownership"``, ``"control"``, or ``"joint"`` (counted through a joint
            arrangement with a member of the owner's group, UK).
        stake: the percentage as given: ``"50"``, ``"(25, 50]"``, ``"unknown"``.
        lower, upper: the bounds counted, in percent.
        start, end: validity window (``end`` excluded), when given.
        source, where: where the holding was read (file and line or element path).
        nominee: the registered holder when the holding is held for ``owner``.
        share_class: the share class, when given.
        match: how ``owner`` was found when it was given only by name.
    """

    owner: str
    owner_name: str | None = None
    owned: str
    kind: Literal["ownership", "control", "joint"] = "ownership"
    stake: str
    lower: Decimal
    upper: Decimal
    start: date | None = None
    end: date | None = None
    source: str | None = None
    where: int | str | None = None
    nominee: str | None = None
    share_class: str | None = None
    match: NameMatch | None = None


class Step(_Frozen):
    """Why one entity has its status.

    Attributes:
        entity, name: the entity and its name where known.
        status: its three-valued status.
        reason: ``listed`` (a seed); ``owned`` or ``controlled`` (by the owners in ``links``,
            each blocked at an earlier step); ``possibly_owned`` (the upper bounds of ``links``
            reach the threshold, the lower bounds do not); ``not_owned``.
        programs: the programs a listed seed is designated under.
        share: the sum of the lower bounds of ``links`` (of the upper bounds for
            ``possibly_owned``), in percent.
        links: the holdings whose sum meets the threshold (for ``not_owned``: every holding by
            a blocked owner).
    """

    entity: str
    name: str | None = None
    status: Status
    reason: Reason
    programs: tuple[str, ...] = ()
    share: Decimal = Decimal(0)
    links: tuple[Link, ...] = ()


class OwnershipExplanation(_Frozen):
    """The full explanation of one entity's status under one regime at one date.

    Attributes:
        entity, name: the entity explained.
        status: ``blocked``, ``possibly_blocked`` or ``not_blocked``.
        regime, as_of, threshold, inclusive: the rule applied.
        share: aggregate percentage held by blocked owners (lower bound; for the UK regime the
            largest held by one designated person's group).
        steps: dependencies first; the last step is ``entity``'s own.
    """

    entity: str
    name: str | None = None
    status: Status
    regime: str
    as_of: date
    threshold: Decimal
    inclusive: bool
    share: Decimal
    steps: tuple[Step, ...]

    def text(self) -> str:
        """A readable rendering, one step per paragraph, the entity's own step first."""
        op = ">=" if self.inclusive else ">"
        lines = [
            f"{_label(self.entity, self.name)}: {self.status} under {self.regime} "
            f"(threshold {op} {_pct(self.threshold)}%, as of {self.as_of.isoformat()})"
        ]
        for step in reversed(self.steps):
            head = f"  {_label(step.entity, step.name)}: {step.reason}"
            if step.programs:
                head += f" ({', '.join(step.programs)})"
            if step.links:
                head += f", {_pct(step.share)}% counted"
            lines.append(head)
            for link in step.links:
                lines.append(f"    {_link_text(link)}")
        return "\n".join(lines)


def _pct(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _label(entity: str, name: str | None) -> str:
    return f"{entity} ({name})" if name and name != entity else entity


def _link_text(link: Link) -> str:
    if link.kind == "control":
        text = f"controlled by {_label(link.owner, link.owner_name)}"
    else:
        stake = "an unknown share" if link.stake == "unknown" else f"{link.stake}%"
        text = f"{stake} held by {_label(link.owner, link.owner_name)}"
        if link.kind == "joint":
            text += " (joint arrangement)"
    if link.nominee:
        text += f" through nominee {link.nominee}"
    if link.share_class:
        text += f", class {link.share_class}"
    if link.match is not None:
        text += f" [name {link.match.query!r} matched {link.match.matched_name!r}"
        text += f" (uid {link.match.uid}, score {link.match.score:.2f})]"
    if link.start or link.end:
        text += f" [{link.start or '…'} to {link.end or '…'})"
    if link.source:
        where = f", {link.where}" if isinstance(link.where, str) else ""
        where = f", line {link.where}" if isinstance(link.where, int) else where
        text += f" — {link.source}{where}"
    return text
