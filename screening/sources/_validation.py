"""A pydantic validation error as one line for a :class:`~screening.errors.ListFormatError`."""

from __future__ import annotations

from pydantic import ValidationError

__all__ = ["validation_reason"]


def validation_reason(exc: ValidationError) -> str:
    """``"full: String should have at least 1 character ('')"``: field, problem, value."""
    return "; ".join(
        f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']} ({e['input']!r})" for e in exc.errors()
    )
