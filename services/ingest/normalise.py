"""RawArticle → ArticlePublished: ids, content hash, fingerprint, and the checks an article must pass.

Pure layer. An article is refused (``BadRecordError``) when its body is empty or longer than the
limit, or its event would not fit in one Kafka record, so nothing malformed reaches ``articles.v1``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata

from schemas import Article, ArticlePublished, DeadLettered, Producer
from schemas.ids import article_id, content_hash
from schemas.registry import MAX_RECORD_BYTES, encode
from services.ingest.exceptions import BadRecordError
from services.ingest.fingerprint import fingerprint
from services.ingest.records import RawArticle

# C0/C1 control characters other than tab and newline carry no text and break downstream offsets.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
UNKNOWN_SOURCE = "unknown"
# Dead-letter records keep the first 256 KiB of a refused input: base64 makes that ~350 KB, well
# under the broker's 1 MiB message limit.
MAX_DEAD_LETTER_BYTES = 262_144
# Wire provenance copied as is from RawArticle to ArticleMeta (issue #8).
PROVENANCE_FIELDS = {"original_id", "version", "dateline", "located", "copyright_holder", "usage_terms",
                     "info_sources"}


def clean_body(body: str) -> str:
    """NFC-normalise, unify line ends and drop control characters; offsets refer to this text."""
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    return CONTROL_CHARS.sub("", text).strip()


def dead_letter(error: BadRecordError, *, producer: Producer) -> DeadLettered:
    """The dead-letter record of an input record that could not become an article."""
    kept = error.raw[:MAX_DEAD_LETTER_BYTES]
    return DeadLettered.create(
        key=f"ingest:{error.where}:{hashlib.sha256(error.raw).hexdigest()}",
        producer=producer,
        correlation_id=error.where,
        stage="ingest",
        topic=None,
        partition=None,
        offset=None,
        location=error.where,
        key_b64=None,
        value_b64=base64.b64encode(kept).decode(),
        truncated=len(kept) < len(error.raw),
        reason=error.reason,
        error_type="input",
    )


def to_event(raw: RawArticle, *, producer: Producer, max_chars: int) -> ArticlePublished:
    """The ``ArticlePublished`` event of one raw article, or ``BadRecordError`` saying why not."""
    body = clean_body(raw.body)
    if not body:
        raise BadRecordError(raw.where, "the article body is empty", raw.model_dump_json().encode())
    if len(body) > max_chars:
        raise BadRecordError(
            raw.where, f"the body has {len(body):,} characters, over the limit of {max_chars:,}",
            raw.model_dump_json().encode(),
        )
    source = raw.source or UNKNOWN_SOURCE
    identity = article_id(source=source, url=raw.url, body=body, original_id=raw.original_id)
    sha = content_hash(body)
    article = Article(
        article_id=identity,
        source=source,
        url=raw.url,
        title=raw.title,
        byline=raw.byline,
        credit=raw.credit,
        published_at=raw.published,
        content_sha256=sha,
        fingerprint=fingerprint(body),
        body=body,
        **raw.model_dump(include=PROVENANCE_FIELDS),
        first_published_at=raw.first_published,
    )
    # The same article with the same text is the same event, however often it is ingested; each
    # version of a wire item is an event of its own.
    key = f"{identity}:{sha}" if raw.version is None else f"{identity}:v{raw.version}:{sha}"
    event = ArticlePublished.create(key=key, producer=producer, correlation_id=identity, article=article)
    # The character limit does not bound the bytes: 512,000 characters of Arabic or CJK text are over
    # 1 MiB in UTF-8, which the broker would refuse at send time, failing the whole publish batch.
    size = len(encode(event))
    if size > MAX_RECORD_BYTES:
        raise BadRecordError(
            raw.where, f"the article's event is {size:,} bytes in UTF-8, over the {MAX_RECORD_BYTES:,}-byte "
            "record limit of the broker; split the article or lower its size",
            raw.model_dump_json().encode(),
        )
    return event
