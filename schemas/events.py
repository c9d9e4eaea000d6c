"""The events of wirecheck, one frozen model per event type (contract layer).

Names are past tense: each records something that happened. Each fixes its ``event_type`` and
``schema_version``; older versions still on the topics are upcast on read (``schemas.upcasting``,
called by ``registry.decode``), never rewritten. The model of an older version is kept only for its
JSON Schema (``ArticlePublishedV1``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, WithJsonSchema

from schemas.claims import Claim
from schemas.envelope import Event, Frozen

# A timestamp that must carry its UTC offset ("Z" or "+02:00"); the pattern tells non-Python readers.
UtcDatetime = Annotated[
    AwareDatetime,
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": "(Z|[+-][0-9]{2}:?[0-9]{2})$"}),
]

Verdict = Literal["single_source", "corroborated", "contested", "unverified"]
VERDICTS: tuple[Verdict, ...] = ("single_source", "corroborated", "contested", "unverified")


class InfoSource(Frozen):
    """A party that originated, distributed or supplied the content (IPTC ``infoSource``)."""

    name: str
    role: str | None = Field(
        default=None,
        description="Its role with the scheme dropped, e.g. 'originating' or 'distributing'.",
    )


class ArticleMeta(Frozen):
    """Provenance of an article: what the verifier needs to tell independent sources from echoes.

    The fields after ``fingerprint`` are optional wire provenance (ninjs, NewsML-G2, feeds); events
    written before they existed validate with their defaults.
    """

    article_id: str
    source: str = Field(description="The outlet that published it, e.g. 'Reuters', 'Al Jazeera'.")
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    credit: str | None = Field(default=None, description="Wire credit, e.g. 'AFP' or 'Reuters'.")
    published_at: datetime | None = None
    content_sha256: str
    fingerprint: tuple[int, ...] = Field(
        default=(), description="MinHash of the body's word shingles (services.ingest.fingerprint)."
    )
    original_id: str | None = Field(
        default=None, description="The item's own id at its source: ninjs uri, NewsML-G2 guid, feed guid."
    )
    version: int | None = Field(
        default=None, description="The source's version of the item; a higher one supersedes a lower."
    )
    first_published_at: datetime | None = Field(
        default=None, description="When the first version appeared (ninjs firstcreated, G2 firstCreated)."
    )
    dateline: str | None = Field(default=None, description="e.g. 'BEIRUT, Dec 6 (Reuters)'.")
    located: str | None = Field(default=None, description="Where the content originates, e.g. 'Beirut'.")
    copyright_holder: str | None = None
    usage_terms: str | None = None
    info_sources: tuple[InfoSource, ...] = Field(
        default=(), description="Parties behind the content with their roles (IPTC infoSource)."
    )


class ArticleV1(ArticleMeta):
    """An article as ArticlePublished v1 carried it: its timestamps could lack a UTC offset."""

    body: str


class Article(ArticleMeta):
    """An article as ArticlePublished v2 carries it: every timestamp has its UTC offset."""

    published_at: UtcDatetime | None = None
    first_published_at: UtcDatetime | None = Field(
        default=None, description="When the first version appeared (ninjs firstcreated, G2 firstCreated)."
    )
    body: str


class ArticlePublishedV1(Event):
    """v1, still on articles.v1 in older deployments; read as v2 via ``upcast_article_published_v1``."""

    event_type: Literal["ArticlePublished"] = "ArticlePublished"
    schema_version: Literal[1] = 1
    article: ArticleV1


class ArticlePublished(Event):
    """v2: a naive timestamp is refused, so no reader has to guess its zone.

    v1 allowed ``occurred_at``, ``published_at`` and ``first_published_at`` without an offset; a
    reader then compared them with aware ones (``TypeError``) or took them as its own local time
    (``datetime.timestamp``), so which version of an article is "later" depended on the machine's
    time zone. Ingest always meant UTC; the v1→v2 upcaster says so explicitly.
    """

    event_type: Literal["ArticlePublished"] = "ArticlePublished"
    schema_version: Literal[2] = 2
    occurred_at: UtcDatetime
    article: Article


class ClaimsExtracted(Event):
    """All claims of one article by one extractor version, as one event (one article, one write)."""

    event_type: Literal["ClaimsExtracted"] = "ClaimsExtracted"
    schema_version: Literal[1] = 1
    article: ArticleMeta
    extractor_version: str
    claims: tuple[Claim, ...]


class Evidence(Frozen):
    """A claim from another article that bears on the verdict, and how it was counted."""

    claim_id: str
    article_id: str
    source: str
    url: str | None = None
    origin: str = Field(description="Independent origin the claim was counted under.")
    relation: Literal["supports", "contradicts", "updates", "echo"]
    independent: bool
    why: str


class VerdictChanged(Event):
    event_type: Literal["VerdictChanged"] = "VerdictChanged"
    schema_version: Literal[1] = 1
    claim_id: str
    article_id: str
    claim_kind: Literal["quote", "attribution", "figure"]
    claim_text: str
    verdict: Verdict
    previous_verdict: Verdict | None
    revision: int = Field(description="1 for a claim's first verdict, +1 at every change.")
    reason: str
    confidence: float = Field(ge=0.0, le=1.0)
    independent_origins: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    decided_by: Literal["verifier", "reviewer"] = "verifier"


class DecisionRecorded(Event):
    """A reviewer confirmed or overturned a verdict; it takes precedence over the verifier's."""

    event_type: Literal["DecisionRecorded"] = "DecisionRecorded"
    schema_version: Literal[1] = 1
    claim_id: str
    reviewer: str
    decision: Literal["confirm", "overturn", "needs_evidence"]
    verdict: Verdict | None = Field(default=None, description="The verdict an overturn sets.")
    comment: str | None = None


class DeadLettered(Event):
    """A record a stage could not handle, kept whole with where it came from and why."""

    event_type: Literal["DeadLettered"] = "DeadLettered"
    schema_version: Literal[1] = 1
    stage: str
    topic: str | None = Field(description="Topic it was read from; None for input files and feeds.")
    partition: int | None
    offset: int | None
    location: str | None = Field(default=None, description="File and record, for inputs not from Kafka.")
    key_b64: str | None
    value_b64: str = Field(description="The original bytes, base64 (the first 256 KiB).")
    truncated: bool = Field(default=False, description="True when value_b64 holds only the start.")
    reason: str
    error_type: str
