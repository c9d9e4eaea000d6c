"""wirecheck's event contract: pydantic v2 models, deterministic ids and the topic registry."""

from schemas.claims import (
    AttributionClaim,
    Claim,
    Equivalent,
    FigureClaim,
    QuoteClaim,
    Source,
    Speaker,
)
from schemas.envelope import Event, Producer, Span
from schemas.events import (
    VERDICTS,
    Article,
    ArticleMeta,
    ArticlePublished,
    ClaimsExtracted,
    DeadLettered,
    DecisionRecorded,
    Evidence,
    InfoSource,
    Verdict,
    VerdictChanged,
)

__all__ = [
    "VERDICTS",
    "Article",
    "ArticleMeta",
    "ArticlePublished",
    "AttributionClaim",
    "Claim",
    "ClaimsExtracted",
    "DeadLettered",
    "DecisionRecorded",
    "Equivalent",
    "Event",
    "Evidence",
    "InfoSource",
    "FigureClaim",
    "Producer",
    "QuoteClaim",
    "Source",
    "Span",
    "Speaker",
    "Verdict",
    "VerdictChanged",
]
