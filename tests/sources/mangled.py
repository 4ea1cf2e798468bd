"""What the hypothesis tests of the XML loaders share: odd values to put in a file, and the
one outcome allowed for a mangled file (a small list, or a ListFormatError naming it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import event
from hypothesis import strategies as st

from screening import ListFormatError, Watchlist

ODD_VALUES = st.text(max_size=12) | st.sampled_from(
    ["", " ", "0", "00", "-1", "1951-02-29", "31/02/2001", "dd/mm/yyyy", "9" * 25]
)


def loads_or_refuses(load: Callable[[Path], Watchlist], path: Path, *, max_entries: int) -> None:
    """``load(path)`` gives at most ``max_entries`` entries or raises ListFormatError naming
    ``path``; any other exception fails the test."""
    try:
        wl = load(path)
    except ListFormatError as exc:
        event(f"ListFormatError: {exc.reason.split(':')[0][:30]}")
        assert exc.path == str(path)
        return
    event("loaded")
    assert 1 <= len(wl) <= max_entries
