"""Keeps CPython's cyclic GC off the verifier's projection (process layer: the runner and the bench).

The projection is millions of long-lived objects (records, tuples, dicts) that never form reference
cycles, yet a full (generation 2) collection traverses every one of them, and one runs whenever the
heap has grown by a quarter: its cost grows with the index. ``gc.freeze()`` moves every object
alive into the permanent generation, which collections skip; doing it every FREEZE_EVERY_EVENTS
keeps each full collection to the objects made since. Frozen objects are still freed by reference
counting as usual; only a reference cycle alive at a freeze that later becomes garbage is never
collected — transient cycles (a Kafka client's futures, an exception's traceback) caught by a freeze
are the price, a few kilobytes per freeze.
"""

from __future__ import annotations

import gc

from services.verify.constants import FREEZE_EVERY_EVENTS


class HeapFreezer:
    """Counts events applied and freezes the heap every ``every`` of them."""

    def __init__(self, every: int = FREEZE_EVERY_EVENTS) -> None:
        self._every = every
        self._since = 0

    def applied(self, events: int = 1) -> None:
        self._since += events
        if self._since >= self._every:
            gc.freeze()
            self._since = 0
