"""List loaders: one module per official format, and ``load_list`` that sniffs which to use.

Each format module provides ``FORMAT`` (its name), ``sniff(path) -> bool`` (never raises; true
only for the *main* file of a publication, e.g. ``SDN.CSV`` but not ``ADD.CSV``) and
``load(path) -> Watchlist`` (reading any companion files from the same directory).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import ModuleType

from screening._gc import paused_gc
from screening.errors import ListFormatError, ListNotFoundError
from screening.models import Watchlist
from screening.sources import advanced_xml, eu_xml, legacy_csv, legacy_xml, uk_xml, un_xml

__all__ = ["load_list", "load_lists", "sniff_format"]

log = logging.getLogger(__name__)

# Order matters only for speed: every sniffer is exact about what it accepts.
_FORMATS: tuple[ModuleType, ...] = (advanced_xml, legacy_xml, legacy_csv, un_xml, eu_xml, uk_xml)


def _format_of(path: Path) -> ModuleType | None:
    for module in _FORMATS:
        if module.sniff(path):
            return module
    return None


def sniff_format(path: str | os.PathLike[str]) -> str | None:
    """Name of the list format at ``path`` (a file or a directory), or ``None``. Never raises.

    Returns:
        ``"ofac-advanced-xml"``, ``"ofac-legacy-xml"``, ``"ofac-legacy-csv"``, ``"un-sc-xml"``
        (UN Security Council Consolidated List), ``"eu-fsf-xml"`` (EU Financial Sanctions
        File), ``"uk-sanctions-list-xml"`` (UK Sanctions List), or ``None`` when nothing known
        is there (or a directory mixes formats).
    """
    try:
        p = Path(path)
        if p.is_dir():
            formats = {
                m.FORMAT for c in sorted(p.iterdir()) if c.is_file() and (m := _format_of(c))
            }
            return formats.pop() if len(formats) == 1 else None
        module = _format_of(p)
    except Exception:  # a sniffer must not raise; be defensive about odd paths
        log.debug("sniffing %s failed", path, exc_info=True)
        return None
    return None if module is None else str(module.FORMAT)


def load_lists(path: str | os.PathLike[str]) -> list[Watchlist]:
    """Load every list publication at ``path``.

    A directory may hold several publications (the SDN and the consolidated CSV sets, or an
    ``SDN_ADVANCED.XML`` next to a ``CONS_ADVANCED.XML``); each becomes one watchlist.

    Raises:
        ListNotFoundError: ``path`` does not exist or holds no list file.
        ListFormatError: a file does not follow its format; nothing half-loaded is returned.
    """
    p = Path(path)
    if not p.exists():
        raise ListNotFoundError(f"{p}: no such file or directory")
    with paused_gc(promote=True):
        return _load_lists(p)


def _load_lists(p: Path) -> list[Watchlist]:
    if p.is_dir():
        found: list[Watchlist] = []
        for child in sorted(p.iterdir()):
            module = _format_of(child) if child.is_file() else None
            if module is not None:
                found.append(module.load(child))
        if not found:
            raise ListNotFoundError(f"{p}: no list file found in this directory")
        return found
    module = _format_of(p)
    if module is None:
        raise ListFormatError(p, None, "not a list format this library reads")
    return [module.load(p)]


def load_list(path: str | os.PathLike[str]) -> Watchlist:
    """Load one published list from a file or a directory, sniffing the format.

    Args:
        path: a list file (``SDN_ADVANCED.XML``, ``SDN.XML``, ``SDN.CSV``...) or a directory
            holding exactly one publication.

    Returns:
        The validated :class:`~screening.models.Watchlist` with its provenance.

    Raises:
        ListNotFoundError: nothing at ``path``.
        ListFormatError: the file is malformed (the error names the file and line or element),
            or a directory holds more than one publication (use :func:`load_lists`).
    """
    lists = load_lists(path)
    if len(lists) != 1:
        names = ", ".join(wl.provenance.source for wl in lists)
        raise ListFormatError(path, None, f"holds {len(lists)} lists ({names}); use load_lists()")
    return lists[0]
