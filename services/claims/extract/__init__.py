"""Claim extraction, the pure core of the claims service: article text in, typed claims out.

Rules and precompiled regular expressions, plus a table of cue rates learned from PolNeAR and shipped
beside the code (``learned_cues``); no I/O at extraction time, linear in the article's length.
``extract_claims`` never raises on text: unbalanced quote marks, control characters or scripts it
does not read give fewer claims, never an error. Every claim's ``text`` is ``body[span[0]:span[1]]``.
"""

from __future__ import annotations

from schemas.claims import AttributionClaim, FigureClaim, QuoteClaim
from services.claims.extract.assemble import extract_all

# Bump when a rule changes what is extracted: claim ids derive from it, so a new version yields new
# ids rather than silently different claims under old ones.
EXTRACTOR_VERSION = "rules-26"

__all__ = ["EXTRACTOR_VERSION", "extract_claims"]


def extract_claims(
    body: str, *, article_id: str, extractor_version: str = EXTRACTOR_VERSION
) -> tuple[QuoteClaim | AttributionClaim | FigureClaim, ...]:
    """The quotes, attributions and figures of ``body``, in body order."""
    return extract_all(body, article_id=article_id, extractor_version=extractor_version)
