"""Run every extractor over one article and put the claims together (pure core, claims service).

Order matters once: quotes first, because a sentence that carries a quote is not read again for
indirect speech or attribution; figures last, because each figure is linked (``in_claim_id``) to the
narrowest quote or attribution whose statement holds it.
"""

from __future__ import annotations

from schemas.claims import AttributionClaim, FigureClaim, QuoteClaim
from services.claims.extract.attributions import attribution_claims
from services.claims.extract.context import ArticleContext
from services.claims.extract.figures import figure_claims
from services.claims.extract.quotes import credit_uncued, indirect_quote_claims, participle_tails, quote_claims
from services.claims.extract.reported import reported_statements

AnyClaim = QuoteClaim | AttributionClaim | FigureClaim
_KIND_ORDER = {"quote": 0, "attribution": 1, "figure": 2}


def extract_all(body: str, *, article_id: str, extractor_version: str) -> tuple[AnyClaim, ...]:
    """Every claim of ``body``, sorted by span start (quotes before figures at the same start)."""
    if not body.strip():
        return ()
    ctx = ArticleContext.build(body, article_id=article_id, extractor_version=extractor_version)
    quotes = quote_claims(ctx)
    quoted = [q.sentence_span for q in quotes]
    quotes += participle_tails(ctx, quotes)
    statements = reported_statements(ctx, skip=quoted)
    quotes += indirect_quote_claims(ctx, statements=statements)
    quotes = credit_uncued(ctx, quotes)
    attributions = attribution_claims(ctx, statements=statements, skip=quoted)
    statements_spans: list[QuoteClaim | AttributionClaim] = [*quotes, *attributions]
    narrowest_first = sorted(statements_spans, key=lambda c: c.span[1] - c.span[0])
    figures = [_link(figure, narrowest_first) for figure in figure_claims(ctx)]
    claims: list[AnyClaim] = [*quotes, *attributions, *figures]
    return tuple(sorted(claims, key=lambda c: (c.span[0], _KIND_ORDER[c.kind], c.span[1])))


def _link(figure: FigureClaim, narrowest_first: list[QuoteClaim | AttributionClaim]) -> FigureClaim:
    # The narrowest statement whose span holds the figure's span carries it (of equally narrow ones,
    # the first extracted: ``narrowest_first`` is sorted by width alone, and the sort is stable).
    start, end = figure.span
    holder = next((c for c in narrowest_first if c.span[0] <= start and end <= c.span[1]), None)
    if holder is None:
        return figure
    return figure.model_copy(update={"in_claim_id": holder.claim_id})
