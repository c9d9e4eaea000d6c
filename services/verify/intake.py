"""The verifier's intake log and the order every instance applies it in (pure core).

Several verifier instances each hold the *whole* index, so matching finds claims from every
partition; for their verdicts to be the same event for event — live, on replay, across a
rebalance — they must apply claims and decisions in one order. Kafka orders records only within a
partition, so the verifier records its own order: the owner of an input partition copies each of
its records, as read, into the single partition of ``verify.intake.v1`` (in the transaction that
advances its progress), and every instance applies that log from offset 0. The interleaving of
partitions is thereby an event in the log, not an accident of polling; a replay reads it back.

Each copy carries where it came from in its headers (``Source``). ``IntakeApplier`` applies copies
in log order: a copy of a record already applied (a re-sequenced partition after a fresh start or
a fenced owner) changes nothing; every output is tagged with the *unit* whose owner must emit it —
a verdict with the claims partition of its article, a dead letter with its record's partition.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from schemas import DeadLettered, Event
from schemas.events import ClaimsExtracted, VerdictChanged
from schemas.exceptions import EventDecodeError
from schemas.registry import CLAIMS, decode
from services.verify.exceptions import IntakeRecordError

# A unit of ownership: (logical input topic, partition). Its group owner emits its outputs.
Unit = tuple[str, int]

_TOPIC, _PARTITION, _OFFSET = "wirecheck.source.topic", "wirecheck.source.partition", "wirecheck.source.offset"


@dataclass(frozen=True, slots=True)
class Source:
    """Where an intake copy came from: the logical input topic, partition, offset and key."""

    topic: str
    partition: int
    offset: int
    key: bytes | None = None

    @property
    def unit(self) -> Unit:
        return (self.topic, self.partition)


def intake_headers(source: Source) -> list[tuple[str, bytes]]:
    """The headers an intake copy carries so that every instance knows its origin."""
    return [(_TOPIC, source.topic.encode()), (_PARTITION, str(source.partition).encode()),
            (_OFFSET, str(source.offset).encode())]


def source_of(headers: list[tuple[str, bytes]], key: bytes | None) -> Source:
    """The ``Source`` of an intake copy, or ``IntakeRecordError`` when its headers are not ours."""
    found = dict(headers or ())
    try:
        return Source(found[_TOPIC].decode(), int(found[_PARTITION]), int(found[_OFFSET]), key)
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise IntakeRecordError(
            f"intake record without valid source headers ({exc!r}); only the verifier writes "
            "verify.intake.v1 — a record from elsewhere is ignored"
        ) from exc


Handle = Callable[[Event], list[Event]]
DeadLetter = Callable[[Source, bytes | None, str, str], DeadLettered]


@dataclass
class IntakeApplier:
    """Applies intake copies in log order and says which unit owns each output.

    ``handle`` is the verifier's pure handler; ``dead_letter(source, value, reason, error_type)`` builds
    the dead-letter event for a record that cannot be decoded or handled (every instance builds
    it, only the owner of the record's partition emits it).
    """

    handle: Handle
    dead_letter: DeadLetter
    position: int = 0  # the next intake offset to apply
    _applied: dict[Unit, int] = field(default_factory=dict)  # highest source offset applied
    _article_partition: dict[str, int] = field(default_factory=dict)
    _unsettled: dict[Unit, deque[tuple[int, int]]] = field(default_factory=dict)
    _settled: dict[Unit, int] = field(default_factory=dict)

    def apply(self, position: int, source: Source, value: bytes | None) -> list[tuple[Unit, Event]]:
        """Apply the intake copy at ``position``; returns (owning unit, event) pairs in order."""
        self.position = position + 1
        if source.offset <= self._applied.get(source.unit, -1):
            return []  # a second copy of a record applied already
        self._applied[source.unit] = source.offset
        self._unsettled.setdefault(source.unit, deque()).append((position, source.offset))
        try:
            event = decode(source.topic, value)
        except EventDecodeError as exc:
            return [(source.unit, self.dead_letter(source, value, exc.reason, "decode"))]
        if isinstance(event, ClaimsExtracted):
            self._article_partition[event.article.article_id] = source.partition
        try:
            outputs = self.handle(event)
        except Exception as exc:  # noqa: BLE001 — one bad document must not stop the stream
            reason = f"handler failed: {type(exc).__name__}: {exc}"
            return [(source.unit, self.dead_letter(source, value, reason, "handler"))]
        return [(self._owner(output, source), output) for output in outputs]

    def _owner(self, event: Event, source: Source) -> Unit:
        """A verdict belongs to its article's claims partition; anything else to its cause's."""
        if isinstance(event, VerdictChanged):
            return (CLAIMS, self._article_partition[event.article_id])
        return source.unit

    def settle(self, frontier: int) -> None:
        """Every owner has emitted the outputs of positions below ``frontier``: those records are done."""
        for unit, pending in self._unsettled.items():
            while pending and pending[0][0] < frontier:
                self._settled[unit] = pending.popleft()[1] + 1

    def settled(self, unit: Unit) -> int | None:
        """The first source offset of ``unit`` not yet applied and emitted by every owner."""
        return self._settled.get(unit)
