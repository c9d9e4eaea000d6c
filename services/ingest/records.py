"""The record every input format reads into, before ids and fingerprints (pure core of ingest).

Each format module (``formats``, ``ninjs``, ``newsml``, ``feeds``, ``html_text``) builds a plain
dict of these fields and hands it to ``validated``, which turns it into a ``RawArticle`` or a
``BadRecordError`` naming the record and the fault, so a bad record never stops the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from schemas import InfoSource
from services.ingest.exceptions import BadRecordError


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


class RawArticle(BaseModel):
    """An article as read from an input, before ids and fingerprints are derived."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    where: str = Field(description="File and record it came from, for error messages.")
    body: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    credit: str | None = None
    published: datetime | None = None
    # Wire provenance (issue #8); the same meaning as the fields of schemas.ArticleMeta.
    original_id: str | None = None
    version: int | None = Field(default=None, ge=0)
    first_published: datetime | None = None
    dateline: str | None = None
    located: str | None = None
    copyright_holder: str | None = None
    usage_terms: str | None = None
    info_sources: tuple[InfoSource, ...] = ()

    _published_utc = field_validator("published", "first_published")(_utc)


def validated(where: str, record: dict, raw: str) -> Iterator[RawArticle | BadRecordError]:
    """The record as a ``RawArticle``, or the error saying which fields are wrong (at most three)."""
    try:
        yield RawArticle(where=where, **record)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        yield BadRecordError(where, problems, raw.encode())
    except TypeError as exc:  # a record key that is not a keyword, e.g. a number
        yield BadRecordError(where, str(exc), raw.encode())
