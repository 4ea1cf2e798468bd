"""Problems found in ownership data: reported with the input line, never silently fixed."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

__all__ = ["IssueKind", "OwnershipIssue"]


class IssueKind(StrEnum):
    """What is wrong, and what was done about it."""

    PERCENT_INVALID = "percent_invalid"
    """Not a percentage in [0, 100]: the holding is kept as one of unknown share."""
    OWNERS_OVER_100 = "owners_over_100"
    """The owners of one entity hold more than 100% together (lower bounds, at ``as_of``)."""
    SELF_OWNERSHIP = "self_ownership"
    """An entity holding its own shares: ignored (the rule counts owners other than itself)."""
    DUPLICATE = "duplicate"
    """The same holding reported again (same owner, entity, class, stake and dates): counted
    once."""
    UNKNOWN_ID = "unknown_id"
    """An id that the data does not describe (a seed absent from the graph, a BODS record
    referring to a statement that is not there)."""
    UNRESOLVED_NAME = "unresolved_name"
    """A party given only by name that could not be matched to a listed party."""
    BAD_RECORD = "bad_record"
    """A row or statement that cannot be read as a holding: skipped."""
    NOT_OWNERSHIP = "not_ownership"
    """An interest that is neither ownership nor control (a trustee, a senior managing
    official): not an edge."""
    INDIRECT = "indirect"
    """An interest declared as indirect: not counted when its chain is given by component
    records (the chain's holdings count instead); otherwise kept as a holding of unknown share,
    since the rule looks through intermediaries that a declared figure does not show."""


class OwnershipIssue(BaseModel):
    """One problem in the ownership data.

    Attributes:
        kind: what is wrong.
        message: a sentence quoting the offending value.
        source: the file (or other source) the data came from, when known.
        where: the 1-based line number, or an element path such as ``"[3].recordDetails"``.
        ids: the entity ids concerned.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: IssueKind
    message: str
    source: str | None = None
    where: int | str | None = None
    ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.source is None and self.where is None:
            location = ""
        elif isinstance(self.where, int):
            location = f"{self.source or '<input>'}, line {self.where}: "
        elif self.where is None:
            location = f"{self.source}: "
        else:
            location = f"{self.source or '<input>'}, {self.where}: "
        return f"{location}{self.kind.value}: {self.message}"
