"""Errors of the ingest service, under one base class."""


class IngestError(Exception):
    """Base class for ingest errors."""


class BadRecordError(IngestError):
    """One record of an input could not become an article; the message names where and why."""

    def __init__(self, where: str, reason: str, raw: bytes = b"") -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
        self.raw = raw  # the record as read, for the dead-letter topic
