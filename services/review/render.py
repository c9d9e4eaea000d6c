"""What the claim page shows, as plain values for the template (pure core).

The article text is cut into pieces around the claim's sentence and span; the template escapes
every piece and wraps the sentence in ``<span class="sentence">`` and the claim in ``<mark>``, so
no article text is ever interpreted as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import AttributionClaim, Evidence, FigureClaim, QuoteClaim
from services.review.projection import ClaimView, ReviewProjection
from wirecheck.report import describe_figure


@dataclass(frozen=True)
class TextPieces:
    """Article text around the claim: before the sentence, in it before/at/after the span, after."""

    before: str
    lead: str
    claim: str
    tail: str
    after: str


@dataclass(frozen=True)
class EvidenceRow:
    evidence: Evidence
    text: str | None
    sentence: str | None
    counted_as: str


def text_pieces(view: ClaimView) -> TextPieces:
    claim = view.claim
    s0, s1 = claim.sentence_span
    c0, c1 = claim.span
    if view.body is not None and 0 <= s0 <= c0 <= c1 <= s1 <= len(view.body):
        body = view.body
        return TextPieces(body[:s0], body[s0:c0], body[c0:c1], body[c1:s1], body[s1:])
    # The article is not on articles.v1 (yet): the sentence alone, with the span inside it.
    lead, _, tail = claim.sentence.partition(claim.text)
    if not _:
        return TextPieces("", "", claim.text, "", "")
    return TextPieces("", lead, claim.text, tail, "")


def attribution(view: ClaimView) -> dict[str, str | None]:
    """Who the claim is credited to, and in what role."""
    claim = view.claim
    if isinstance(claim, QuoteClaim):
        speaker = claim.speaker
        return {"label": "Speaker", "name": speaker.name if speaker else "unknown speaker",
                "as_written": speaker.as_written if speaker else None,
                "role": speaker.role if speaker else None, "detail": _join(claim.quote_type, claim.cue, claim.channel)}
    if isinstance(claim, AttributionClaim):
        aliases = ", ".join(claim.source.aliases) or None
        return {"label": "Source", "name": claim.source.name, "as_written": aliases, "role": None,
                "detail": claim.cue}
    return {"label": "Reported by", "name": view.article.source, "as_written": None, "role": None,
            "detail": claim.about if isinstance(claim, FigureClaim) else None}


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def evidence_rows(view: ClaimView, projection: ReviewProjection) -> list[EvidenceRow]:
    rows = []
    for ev in view.verdict.evidence:
        other = projection.claims.get(ev.claim_id)
        counted = "independent" if ev.independent else f"echo of {ev.origin}"
        rows.append(EvidenceRow(ev, other.text if other else None, other.sentence if other else None, counted))
    return rows


def claim_context(view: ClaimView, projection: ReviewProjection) -> dict:
    figure = describe_figure(view.claim) if isinstance(view.claim, FigureClaim) else None
    return {
        "view": view,
        "pieces": text_pieces(view),
        "who": attribution(view),
        "figure": figure,
        "evidence": evidence_rows(view, projection),
        "history": list(reversed(view.decisions)),
    }
