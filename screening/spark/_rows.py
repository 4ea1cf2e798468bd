"""One Arrow batch of input rows screened into output rows, in pandas (runs on executors).

Every input row gives at least one output row: ``CLEAR`` (no hit), ``HIT`` (one row per hit,
best first, ``rank`` 1, 2...) or ``ERROR`` with the reason (a null or non-string name, an invalid
kind or date of birth). A row is never dropped, and an error is never reported as clear.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from screening.errors import InputError
from screening.matching.screener import Screener
from screening.results import ScreeningResult

__all__ = ["CLEAR", "ERROR", "HIT", "RESULT_COLUMNS", "RowOptions", "screen_batch"]

log = logging.getLogger(__name__)

CLEAR, HIT, ERROR = "CLEAR", "HIT", "ERROR"
RESULT_COLUMNS = (
    "status",
    "error",
    "rank",
    "uid",
    "matched_name",
    "entry_name",
    "kind",
    "programs",
    "score",
    "explanation",
    "list_source",
    "list_published",
    "list_sha256",
    "warnings",
)


@dataclass(frozen=True)
class RowOptions:
    """Which input columns to read, and the screening options (validated on the driver)."""

    id_col: str
    name_col: str
    kind_col: str | None
    dob_col: str | None
    country_col: str | None
    threshold: float
    limit: int


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _column(batch: pd.DataFrame, name: str | None) -> list[Any]:
    if name is None:
        return [None] * len(batch)
    return [None if _missing(v) else v for v in batch[name].tolist()]


def _screen(
    screener: Screener, name: Any, kind: Any, dob: Any, country: Any, options: RowOptions
) -> ScreeningResult:
    if _missing(name):
        raise InputError("name is null")
    if dob is not None and not isinstance(dob, (str, date)):
        raise InputError(f"dob must be a str or date, got {type(dob).__name__}")
    if country is not None and not isinstance(country, str):
        raise InputError(f"country must be a str, got {type(country).__name__}")
    return screener.screen(
        name,
        kind=kind,
        dob=dob,
        country=country,
        threshold=options.threshold,
        limit=options.limit,
    )


def screen_batch(screener: Screener, batch: pd.DataFrame, options: RowOptions) -> pd.DataFrame:
    """Screen the rows of one batch; returns the output rows (see the module docstring).

    The id and name columns are copied from the input with their own types, so ids round-trip
    exactly (64-bit integers, decimals, strings...).
    """
    names = batch[options.name_col].tolist()
    kinds = _column(batch, options.kind_col)
    dobs = _column(batch, options.dob_col)
    countries = _column(batch, options.country_col)
    positions: list[int] = []
    cols: dict[str, list[Any]] = {c: [] for c in RESULT_COLUMNS}

    def add(position: int, status: str, **values: Any) -> None:
        positions.append(position)
        for column in RESULT_COLUMNS:
            cols[column].append(values.get(column))
        cols["status"][-1] = status

    unexpected = 0
    for i, name in enumerate(names):
        try:
            result = _screen(screener, name, kinds[i], dobs[i], countries[i], options)
        except InputError as exc:
            add(i, ERROR, error=str(exc))
            continue
        except Exception as exc:  # any failure is an ERROR row, never a CLEAR
            unexpected += 1
            add(i, ERROR, error=f"unexpected {type(exc).__name__}: {exc}")
            continue
        warnings = "; ".join(result.warnings) or None
        if not result.hits:
            add(i, CLEAR, warnings=warnings)
        for rank, hit in enumerate(result.hits, start=1):
            add(
                i,
                HIT,
                rank=rank,
                uid=hit.entry.uid,
                matched_name=hit.matched_name,
                entry_name=hit.entry.primary_name.full,
                kind=hit.entry.kind.value,
                programs="; ".join(hit.entry.programs),
                score=hit.score,
                explanation=hit.explanation.summary(),
                list_source=hit.list.source,
                list_published=hit.list.publish_date,
                list_sha256=hit.list.sha256,
                warnings=warnings,
            )
    if unexpected:
        log.warning("%d of %d rows failed unexpectedly (reported as ERROR)", unexpected, len(names))
    out = pd.DataFrame(
        {
            options.id_col: batch[options.id_col].iloc[positions].reset_index(drop=True),
            options.name_col: batch[options.name_col].iloc[positions].reset_index(drop=True),
        }
    )
    for column in RESULT_COLUMNS:
        out[column] = cols[column]
    out["rank"] = pd.array(cols["rank"], dtype="Int32")
    out["score"] = pd.array(cols["score"], dtype="Float64")
    return out
