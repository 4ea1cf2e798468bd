"""Batch screening of customer files: streaming CSV in, hits and rejects out, on every core.

Modules, in the order the data flows: :mod:`~screening.batch.dialect` (encoding, delimiter),
:mod:`~screening.batch.reading` (records, rejects), :mod:`~screening.batch.workers` (screening
in forked processes), :mod:`~screening.batch.writing` (output rows), :mod:`~screening.batch.sink`
and :mod:`~screening.batch.resume` (files and checkpoint), :mod:`~screening.batch.run`
(:func:`screen_file`, tying them together).
"""

from __future__ import annotations

from screening.batch.run import screen_file
from screening.batch.summary import BatchProgress, BatchSummary

__all__ = ["BatchProgress", "BatchSummary", "screen_file"]
