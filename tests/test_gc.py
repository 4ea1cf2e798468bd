"""The collector pauses of builds (screening._gc)."""

from __future__ import annotations

import gc
from pathlib import Path

from screening import Screener
from screening._gc import paused_gc
from screening.sources import load_lists

FIXTURES = Path(__file__).parent / "fixtures"


class Held:
    """A tracked object (instances of classes are)."""


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_promote_moves_what_the_block_made_to_the_oldest_generation() -> None:
    with paused_gc(promote=True):
        made = Held()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # moved, not left frozen
    assert _in_generation(made, 2)


def test_without_promote_what_the_block_made_stays_young() -> None:
    gc.collect()  # counts at zero: no young collection comes before the generations are read
    with paused_gc():
        made = Held()
    assert _in_generation(made, 0)


def test_promote_leaves_a_callers_frozen_objects_frozen() -> None:
    before = Held()
    gc.collect()  # counts at zero: no young collection comes before the generations are read
    gc.freeze()
    try:
        with paused_gc(promote=True):
            made = Held()
        # Still frozen (unfreeze() would have emptied the permanent generation). Not the same
        # count: a frozen object freed meanwhile (by another test's thread) leaves it.
        assert gc.get_freeze_count() > 0
        assert not any(o is before for g in range(3) for o in gc.get_objects(generation=g))
        assert _in_generation(made, 0)
    finally:
        gc.unfreeze()


def test_promote_keeps_a_paused_collector_paused() -> None:
    gc.disable()
    try:
        with paused_gc(promote=True):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_builds_promote_what_they_made(tmp_path: Path) -> None:
    lists = load_lists(FIXTURES / "ofac_sdn_csv_2676")
    assert _in_generation(lists[0], 2)
    screener = Screener(lists)
    assert _in_generation(screener.compiled, 2)
    screener.save(tmp_path / "lists.idx")
    loaded = Screener.load(tmp_path / "lists.idx")
    assert _in_generation(loaded.compiled, 2)
