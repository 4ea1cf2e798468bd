"""Where the library finds its lists when the caller does not say.

Resolution order for the default lists:

1. the ``lists_dir`` argument,
2. the ``SCREENING_LISTS_DIR`` environment variable,
3. the bundled sample list (``lists/sample`` in the source tree, ``screening.lists`` when
   installed), which is *not* a real OFAC publication and is marked ``sample`` in every result.

A configured directory that is missing or empty is an error, never a silent fall-back to the
sample: screening against no list must not look like "no hit".
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from screening.models import Watchlist
from screening.sources import load_list, load_lists

__all__ = ["ENV_LISTS_DIR", "bundled_sample_path", "default_watchlists", "load_bundled_sample"]

ENV_LISTS_DIR = "SCREENING_LISTS_DIR"
_SAMPLE_FILE = "SDN_ADVANCED.XML"


def bundled_sample_path() -> Path:
    """Path of the bundled sample list file (official advanced XML format)."""
    try:
        return Path(str(resources.files("screening.lists").joinpath("sample", _SAMPLE_FILE)))
    except ModuleNotFoundError:
        # Imported from a source checkout that is not installed: lists/ sits beside screening/.
        return Path(__file__).resolve().parent.parent / "lists" / "sample" / _SAMPLE_FILE


def load_bundled_sample() -> Watchlist:
    """Load the bundled sample list, marked ``sample=True`` in its provenance."""
    wl = load_list(bundled_sample_path())
    provenance = wl.provenance.model_copy(update={"sample": True})
    return Watchlist(wl.entries, provenance)


def default_watchlists(lists_dir: str | os.PathLike[str] | None = None) -> list[Watchlist]:
    """The lists to screen against when the caller gives none.

    Args:
        lists_dir: a directory of official list files; overrides ``SCREENING_LISTS_DIR``.

    Raises:
        ListNotFoundError: the configured directory does not exist or holds no list.
        ListFormatError: a configured list file is malformed.
    """
    configured = lists_dir if lists_dir is not None else os.environ.get(ENV_LISTS_DIR) or None
    if configured is not None:
        return load_lists(configured)
    return [load_bundled_sample()]
