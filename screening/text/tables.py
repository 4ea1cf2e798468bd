"""Plain-text data tables shipped in ``screening/text/data``.

Each table is a UTF-8 TSV file whose ``#`` lines say where the content comes from. Tables are
not cached here: each user compiles the rows into the lookup it needs and caches that.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["read_table"]


def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of the table ``data/<name>.tsv``: tab-separated fields, comments and blank lines
    skipped, surrounding whitespace stripped from each field."""
    data = resources.files("screening.text").joinpath("data")
    text = data.joinpath(f"{name}.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)
