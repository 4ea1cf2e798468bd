"""The fact labels of OFAC's legacy formats, from the table ``ofac_fact_labels.tsv``."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

__all__ = ["FactKind", "label_kind", "match_label"]

FactKind = Literal["id", "fact"]


@functools.cache
def _table() -> dict[str, FactKind]:
    text = resources.files("screening.sources").joinpath("ofac_fact_labels.tsv").read_text("utf-8")
    table: dict[str, FactKind] = {}
    for raw in text.splitlines():
        if not raw or raw.startswith("#") or raw == "label\tkind":
            continue
        label, kind = raw.split("\t")
        if kind not in ("id", "fact") or label in table:
            raise RuntimeError(f"ofac_fact_labels.tsv: bad row {raw!r}")  # a packaging defect
        table[label] = "id" if kind == "id" else "fact"
    return table


@functools.cache
def _by_first_word() -> dict[str, tuple[str, ...]]:
    # Candidates per first word, longest first, so "Passport" never shadows a longer label.
    groups: dict[str, list[str]] = {}
    for label in _table():
        groups.setdefault(label.split(" ", 1)[0], []).append(label)
    return {word: tuple(sorted(group, key=len, reverse=True)) for word, group in groups.items()}


def label_kind(label: str) -> FactKind | None:
    """The kind of an exact label (an SDN.XML ``idType``), or ``None`` if the table lacks it."""
    return _table().get(label)


def match_label(item: str) -> tuple[str, FactKind, str] | None:
    """The longest table label that starts ``item`` as whole words, its kind, and the rest.

    >>> match_label("Tax ID No. 100036386 (Serbia)")
    ('Tax ID No.', 'id', '100036386 (Serbia)')
    """
    for label in _by_first_word().get(item.split(" ", 1)[0], ()):
        if item == label:
            return label, _table()[label], ""
        if item.startswith(label + " "):
            return label, _table()[label], item[len(label) + 1 :].strip()
    return None
