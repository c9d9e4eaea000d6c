"""What each unit's owner has emitted, and the verdicts it still has to (pure core).

Every verifier instance applies the whole intake log, so every instance derives every verdict;
only the current owner of a verdict's unit (``intake.Unit``) sends it. Which ones were sent is the
unit's *emission frontier*: the intake position below which its outputs are on the output topics.
The owner commits it, with how far it has copied the unit's records into the intake log, as the
metadata of the unit's committed offset, in the transaction that sends the verdicts
(``Progress``) — so the frontier moves exactly when the verdicts become visible.

An instance keeps the outputs of *every* unit from that unit's frontier on (``Outbox``): when a
rebalance hands it a unit whose previous owner lagged behind it, the outputs between the previous
owner's frontier and its own position are still there to send, and the unit's verdict stream goes
on event for event. Frontiers of units owned elsewhere are read back from the group now and then
to drop what their owners have sent.
"""

from __future__ import annotations

import heapq
import json
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas import Event
from services.verify.intake import Unit


@dataclass(frozen=True, slots=True)
class Progress:
    """A unit's committed progress: next source offset to copy, and its emission frontier."""

    sequenced: int | None = None
    emitted: int = 0

    def to_metadata(self) -> str:
        return json.dumps({"sequenced": self.sequenced, "emitted": self.emitted})

    @classmethod
    def from_metadata(cls, metadata: str | None) -> Progress:
        """Read back ``to_metadata``; anything else (an offset committed without it) is no progress."""
        try:
            found = json.loads(metadata or "")
            sequenced, emitted = found["sequenced"], int(found["emitted"])
        except (ValueError, TypeError, KeyError):
            return cls()
        return cls(None if sequenced is None else int(sequenced), emitted)


@dataclass
class Outbox:
    """Outputs per unit from the unit's emission frontier on, in intake order."""

    _held: dict[Unit, deque[tuple[int, int, Event]]] = field(default_factory=lambda: defaultdict(deque))
    _frontiers: dict[Unit, int] = field(default_factory=dict)
    _added: int = 0  # a running count, so outputs of one position keep the handler's order

    def frontier(self, unit: Unit) -> int:
        return self._frontiers.get(unit, 0)

    def advance(self, unit: Unit, frontier: int) -> None:
        """Outputs of ``unit`` below ``frontier`` are sent: drop them. A frontier never goes back."""
        frontier = max(frontier, self.frontier(unit))
        self._frontiers[unit] = frontier
        held = self._held.get(unit)
        while held and held[0][0] < frontier:
            held.popleft()

    def add(self, unit: Unit, position: int, event: Event) -> None:
        if position >= self.frontier(unit):
            self._added += 1
            self._held[unit].append((position, self._added, event))

    def due(self, units: Iterable[Unit], before: int) -> list[Event]:
        """The held outputs of ``units`` derived at positions below ``before``, in the order the
        handler returned them (so one instance sends what a single handler run returns)."""
        held = (self._held.get(unit, ()) for unit in units)
        return [event for position, _, event in heapq.merge(*held) if position < before]

    def __len__(self) -> int:
        return sum(len(held) for held in self._held.values())
