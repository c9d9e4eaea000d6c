"""The envelope every wirecheck event carries (contract layer; see DESIGN.md, "Typed contract").

Events are frozen pydantic models. Each concrete event class fixes ``event_type`` and
``schema_version`` with a ``Literal`` so that a record of another type or version fails validation
with a clear message instead of being silently misread.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from schemas.ids import event_id as derive_event_id

Span = tuple[int, int]


class Frozen(BaseModel):
    """Base of every record in the contract: immutable, and unknown fields are an error."""

    # In the JSON Schema (serialisation mode) every field is required: the wire always carries it.
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_serialization_defaults_required=True)


class Producer(Frozen):
    """Which service, at which version, wrote the event."""

    service: str
    version: str


class Event(Frozen):
    """Envelope fields shared by every event."""

    event_id: str = Field(description="Deterministic UUIDv5 (schemas.ids.event_id).")
    event_type: str
    schema_version: int
    occurred_at: datetime
    producer: Producer
    correlation_id: str = Field(description="The article this event is about.")
    causation_id: str | None = Field(
        default=None, description="event_id of the event this one was produced from."
    )

    @classmethod
    def create(
        cls,
        *,
        key: str,
        producer: Producer,
        correlation_id: str,
        causation_id: str | None = None,
        occurred_at: datetime | None = None,
        **payload: Any,
    ) -> Self:
        """Build an event whose id is derived from its type and ``key``."""
        event_type = cls.model_fields["event_type"].default
        return cls(
            event_id=derive_event_id(event_type=event_type, key=key),
            event_type=event_type,
            schema_version=cls.model_fields["schema_version"].default,
            occurred_at=occurred_at or datetime.now(timezone.utc),
            producer=producer,
            correlation_id=correlation_id,
            causation_id=causation_id,
            **payload,
        )
