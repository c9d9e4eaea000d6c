"""Errors raised at the event-contract edge (decoding bytes off a topic, encoding events onto one)."""


class SchemaError(Exception):
    """Base class for every error of the event contract."""


class EventDecodeError(SchemaError):
    """Bytes from a topic could not be turned into an event.

    ``reason`` is a sentence a person can act on; it goes into the dead-letter record.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownTopicError(SchemaError):
    """A topic name that the registry does not know."""
