"""Memory for a full list: pydantic models share their "fields set".

Every pydantic model instance carries ``__pydantic_fields_set__``, a ``set`` of the field names
given to it (200-700 bytes). A full SDN list makes ~200,000 small models (names, name parts,
identifiers, addresses), and the sets alone took ~50 MB of the ~220 MB a 130 MB advanced XML
file loaded into (benchmarks/bench_load.py). Models of one class given the same fields can share
one set: it is only read (``model_dump(exclude_unset=True)``); pydantic copies it before
changing it (``model_copy``), and the models are frozen.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

__all__ = ["compact"]

M = TypeVar("M", bound=BaseModel)

_SHARED: dict[frozenset[str], set[str]] = {}


def compact(model: M) -> M:
    """``model`` with its fields set replaced by the one shared by equal sets; returns it."""
    fields = model.__pydantic_fields_set__
    key = frozenset(fields)
    shared = _SHARED.get(key)
    if shared is None:
        shared = _SHARED[key] = set(key)
    object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model
