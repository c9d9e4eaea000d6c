"""The verifier's Kafka shell: claims.v1 + decisions.v1 → verdicts.v1.

The verifier's index is a projection: on start it is rebuilt by re-handling claims.v1 and
decisions.v1 up to the committed offsets (see ``wirecheck.stream``), then new events are handled
one transaction per batch.
"""

from __future__ import annotations

import threading

from schemas import Event, Producer
from schemas.registry import CLAIMS, DECISIONS
from services.verify.handler import VerifierState, handle
from wirecheck import __version__
from wirecheck.settings import Settings
from wirecheck.stream import Stage, StageRunner

PRODUCER = Producer(service="verify", version=__version__)


def verify_stage(state: VerifierState) -> Stage:
    def handle_event(event: Event) -> list[Event]:
        return list(handle(event, state, producer=PRODUCER))

    def reset() -> None:
        nonlocal state
        state = VerifierState()

    return Stage(name="verify", inputs=(CLAIMS, DECISIONS), handle=handle_event,
                 producer=PRODUCER, stateful=True, reset=reset)


def run(settings: Settings, stop: threading.Event) -> None:
    StageRunner(verify_stage(VerifierState()), settings).run(stop)
