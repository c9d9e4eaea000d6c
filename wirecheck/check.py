"""`wirecheck check`: ingest normalisation, extraction and verification in one process, no Kafka.

The same pure cores as the services, run in the order the inputs are given: for backfills,
debugging and tests. Prints the final verdict of every claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from schemas import ArticleMeta, ClaimsExtracted, VerdictChanged
from services.claims.handler import claims_of
from services.claims.runner import PRODUCER as CLAIMS_PRODUCER
from services.ingest.exceptions import BadRecordError
from services.ingest.runner import PRODUCER as INGEST_PRODUCER
from services.ingest.sources import article_events, expand_paths
from services.verify.handler import VerifierState, handle
from services.verify.runner import PRODUCER as VERIFY_PRODUCER


@dataclass
class CheckResult:
    extracted: dict[str, ClaimsExtracted] = field(default_factory=dict)  # the current version per article
    verdicts: dict[str, VerdictChanged] = field(default_factory=dict)
    errors: list[BadRecordError] = field(default_factory=list)


def check_paths(paths: Iterable[str], *, max_chars: int,
                defaults: dict[str, str] | None = None) -> CheckResult:
    state = VerifierState()
    result = CheckResult()
    seen: set[str] = set()
    for item in article_events(expand_paths(paths), producer=INGEST_PRODUCER, max_chars=max_chars,
                               defaults=defaults):
        if isinstance(item, BadRecordError):
            result.errors.append(item)
            continue
        if item.event_id in seen:
            continue  # the same article with the same text: published once, as ingest does
        seen.add(item.event_id)
        extracted = claims_of(item, producer=CLAIMS_PRODUCER, max_chars=max_chars)
        if _is_current(extracted, result.extracted.get(extracted.article.article_id)):
            result.extracted[extracted.article.article_id] = extracted
        for verdict in handle(extracted, state, producer=VERIFY_PRODUCER):
            result.verdicts[verdict.claim_id] = verdict
    return result


def _is_current(new: ClaimsExtracted, old: ClaimsExtracted | None) -> bool:
    """A later input replaces an article's claims unless it is a lower version (as in the verifier)."""
    if old is None or new.article.version is None or old.article.version is None:
        return True
    return new.article.version >= old.article.version


def verdict_rows(result: CheckResult) -> Iterator[dict]:
    """One JSON-ready row per claim of each article's current version, with its final verdict."""
    for extracted in result.extracted.values():
        for claim in extracted.claims:
            verdict = result.verdicts.get(claim.claim_id)
            yield _row(extracted.article, claim.model_dump(mode="json"), verdict)


def _row(article: ArticleMeta, claim: dict, verdict: VerdictChanged | None) -> dict:
    origins = list(verdict.independent_origins) if verdict else []
    return {
        "claim_id": claim["claim_id"],
        "article_id": article.article_id,
        "source": article.source,
        "url": article.url,
        "kind": claim["kind"],
        "text": claim["text"],
        "verdict": verdict.verdict if verdict else "unverified",
        "confidence": verdict.confidence if verdict else 0.0,
        "reason": verdict.reason if verdict else "no verdict was produced",
        "independent_origins": {"count": len(origins), "origins": origins},
        "evidence": [e.model_dump(mode="json") for e in verdict.evidence] if verdict else [],
        "claim": claim,
    }
