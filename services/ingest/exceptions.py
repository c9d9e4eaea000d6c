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


class UnsafeXmlError(BadRecordError):
    """An XML input declares entities (external or expanding); it is refused unread."""


class LocalPageError(IngestError):
    """A feed entry links to a local HTML copy that cannot be read (missing, outside the feed's
    folder, not decodable); the feed reader turns it into a ``BadRecordError`` for the entry."""
