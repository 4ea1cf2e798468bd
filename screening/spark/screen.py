"""``screen_dataframe``: screen a name column of a Spark DataFrame, one Arrow batch at a time.

The lists are resolved, compiled and checked on the driver (fail-closed: a missing directory or
a malformed list file raises here, before any task starts); the saved index is broadcast once,
and ``mapInPandas`` screens each batch with a screener loaded once per Python worker.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import (
    DateType,
    DoubleType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from screening.errors import InputError
from screening.matching.screener import Screener
from screening.models import Watchlist
from screening.spark._index import index_payload, worker_screener
from screening.spark._rows import CLEAR, ERROR, HIT, RESULT_COLUMNS, RowOptions, screen_batch

if TYPE_CHECKING:
    from pyspark import Broadcast

__all__ = ["CLEAR", "ERROR", "HIT", "screen_dataframe", "screened_schema"]

Lists = Screener | Watchlist | Iterable[Watchlist] | str | os.PathLike[str] | None

_RESULT_TYPES = {
    "status": StringType(),
    "error": StringType(),
    "rank": IntegerType(),
    "uid": StringType(),
    "matched_name": StringType(),
    "entry_name": StringType(),
    "kind": StringType(),
    "programs": StringType(),
    "score": DoubleType(),
    "explanation": StringType(),
    "list_source": StringType(),
    "list_published": DateType(),
    "list_sha256": StringType(),
    "warnings": StringType(),
}
_CONSTANT_COLUMNS = ("screened_lists", "library_version")


def screened_schema(id_field: StructField, name_field: StructField) -> StructType:
    """The schema of :func:`screen_dataframe`'s output, for input id and name fields.

    Columns: the input id and name (same names and types), ``status`` (``CLEAR``, ``HIT``,
    ``ERROR``), ``error`` (the reason of an ``ERROR``), ``rank`` (1 for a row's best hit),
    ``uid``, ``matched_name``, ``entry_name`` (the entry's primary name), ``kind``, ``programs``
    (joined with ``"; "``), ``score`` (0.0-1.0), ``explanation`` (one line, see
    :meth:`~screening.results.Explanation.summary`), ``list_source``, ``list_published``,
    ``list_sha256`` (the list of the hit), ``warnings`` (joined), then ``screened_lists`` (JSON:
    every list screened, with publish date, sha256 and sample flag) and ``library_version``.
    """
    fields = [
        StructField(id_field.name, id_field.dataType, True),
        StructField(name_field.name, name_field.dataType, True),
    ]
    fields += [StructField(c, _RESULT_TYPES[c], c != "status") for c in RESULT_COLUMNS]
    fields += [StructField(c, StringType(), False) for c in _CONSTANT_COLUMNS]
    return StructType(fields)


class _ScreenBatches:
    """The ``mapInPandas`` function. A module-level class, so that it is pickled by reference
    and the per-process screener cache in :mod:`screening.spark._index` is shared by tasks."""

    def __init__(self, index: Broadcast[bytes], sha256: str, options: RowOptions) -> None:
        self.index = index
        self.sha256 = sha256
        self.options = options

    def _bytes(self) -> bytes:
        return self.index.value

    def __call__(self, batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        screener: Screener | None = None
        for batch in batches:
            if screener is None:
                screener = worker_screener(self._bytes, self.sha256)
            yield screen_batch(screener, batch, self.options)


def _resolve(lists: Lists) -> Screener:
    if isinstance(lists, Screener):
        return lists
    if lists is None:
        from screening.default import default_screener

        return default_screener()
    if isinstance(lists, (str, os.PathLike)):
        return Screener.from_directory(lists)
    return Screener(lists)


def _check_columns(df: DataFrame, id_col: str, name_col: str, *optional: str | None) -> None:
    present = set(df.columns)
    wanted = [id_col, name_col, *(c for c in optional if c is not None)]
    missing = [c for c in wanted if c not in present]
    if missing:
        raise InputError(f"column(s) {missing!r} not in the DataFrame (columns: {df.columns!r})")
    if id_col == name_col:
        raise InputError(f"id_col and name_col are both {id_col!r}")
    clash = {id_col, name_col} & {*RESULT_COLUMNS, *_CONSTANT_COLUMNS}
    if clash:
        raise InputError(f"column(s) {sorted(clash)!r} clash with output columns; rename them")


def screen_dataframe(
    df: DataFrame,
    name_col: str,
    *,
    id_col: str,
    lists: Lists = None,
    threshold: float | None = None,
    limit: int | None = None,
    kind_col: str | None = None,
    dob_col: str | None = None,
    country_col: str | None = None,
) -> DataFrame:
    """Screen every name in ``df[name_col]`` against the lists; lazily, like any transformation.

    Args:
        df: the input rows (any number of partitions).
        name_col: the column of names to screen (strings; anything else gives ``ERROR`` rows).
        id_col: the column identifying input rows, copied to the output unchanged.
        lists: a :class:`~screening.Screener`, watchlists, a directory of list files (a saved
            index there is reused when fresh, see :meth:`Screener.from_directory`), or ``None``
            for the default lists (``SCREENING_LISTS_DIR``, else the bundled sample).
        threshold: minimum score of a hit, in (0, 1]; default the screener's (0.85).
        limit: maximum hits per row; default the screener's (10).
        kind_col, dob_col, country_col: optional per-row entry kind, date of birth (ISO string
            or date) and country, passed to :meth:`Screener.screen`.

    Returns:
        A DataFrame with :func:`screened_schema`: one row per input row (``CLEAR`` or ``ERROR``)
        or one per hit (``HIT``). No input row is dropped.

    Raises:
        ListNotFoundError, ListFormatError: the lists cannot be loaded (raised here, on the
            driver, before any task runs).
        IndexFileError: the compiled index does not save and load back intact.
        InputError: a missing or clashing column, an invalid threshold or limit.
    """
    _check_columns(df, id_col, name_col, kind_col, dob_col, country_col)
    screener = _resolve(lists)
    t = screener.threshold if threshold is None else threshold
    n = screener.limit if limit is None else limit
    screener.screen("", threshold=t, limit=n)  # the library's own checks of both options
    payload = index_payload(screener)
    index = df.sparkSession.sparkContext.broadcast(payload.data)
    options = RowOptions(id_col, name_col, kind_col, dob_col, country_col, float(t), n)
    wanted = (id_col, name_col, kind_col, dob_col, country_col)
    columns = list(dict.fromkeys(c for c in wanted if c is not None))
    schema = screened_schema(df.schema[id_col], df.schema[name_col])
    python_part = StructType([f for f in schema.fields if f.name not in _CONSTANT_COLUMNS])
    screened = df.select(*columns).mapInPandas(
        _ScreenBatches(index, payload.sha256, options),
        python_part,
    )
    lists_json = json.dumps(
        [identity.model_dump(mode="json") for identity in payload.identities], sort_keys=True
    )
    return screened.select(
        *screened.columns,
        F.lit(lists_json).alias("screened_lists"),
        F.lit(_version()).alias("library_version"),
    )


def _version() -> str:
    from screening import __version__

    return __version__
