"""The heap freezer moves the heap into the GC's permanent generation every N events, not before."""

from __future__ import annotations

import gc

import pytest

from services.verify.heap import HeapFreezer


@pytest.fixture
def thawed():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_heap_is_frozen_once_every_n_events(thawed):
    freezer = HeapFreezer(every=3)
    freezer.applied(2)
    assert gc.get_freeze_count() == 0
    freezer.applied(1)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    kept = [[] for _ in range(10)]  # noqa: F841 — alive, tracked by the GC after the freeze
    freezer.applied(2)
    assert gc.get_freeze_count() == frozen
    freezer.applied(1)
    assert gc.get_freeze_count() > frozen
