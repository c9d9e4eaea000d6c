"""The readable report of `wirecheck report` and `make demo` (shell layer over three topics).

It is a projection like any other: articles.v1, claims.v1 and verdicts.v1 read from the start,
folded into the latest claims per article and the latest verdict per claim.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field

from schemas import (
    ArticleMeta,
    ArticlePublished,
    AttributionClaim,
    Claim,
    ClaimsExtracted,
    FigureClaim,
    QuoteClaim,
    VerdictChanged,
)
from schemas.registry import ARTICLES, CLAIMS, VERDICTS
from wirecheck.settings import Settings
from wirecheck.topic_reader import read_topic

WIDTH = 100


@dataclass
class Collected:
    articles: dict[str, ArticleMeta] = field(default_factory=dict)
    claims: dict[str, ClaimsExtracted] = field(default_factory=dict)
    verdicts: dict[str, VerdictChanged] = field(default_factory=dict)


def collect(settings: Settings) -> Collected:
    out = Collected()
    for event in read_topic(settings, ARTICLES):
        assert isinstance(event, ArticlePublished)
        out.articles[event.article.article_id] = event.article
    for event in read_topic(settings, CLAIMS):
        assert isinstance(event, ClaimsExtracted)
        out.claims[event.article.article_id] = event
    for event in read_topic(settings, VERDICTS):
        assert isinstance(event, VerdictChanged)
        latest = out.verdicts.get(event.claim_id)
        if latest is None or event.revision >= latest.revision:
            out.verdicts[event.claim_id] = event
    return out


def _ordered(collected: Collected) -> list[ArticleMeta]:
    return sorted(collected.articles.values(),
                  key=lambda a: (a.published_at.isoformat() if a.published_at else "", a.source))


def render_text(collected: Collected) -> str:
    lines: list[str] = []
    for article in _ordered(collected):
        lines += _article_header(article)
        extracted = collected.claims.get(article.article_id)
        if extracted is None:
            lines.append("    (claims not extracted yet)")
        for claim in extracted.claims if extracted else ():
            lines += _claim_lines(claim, collected.verdicts.get(claim.claim_id))
        lines.append("")
    counts = _verdict_counts(collected)
    lines.append("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return "\n".join(lines)


def _article_header(article: ArticleMeta) -> list[str]:
    when = article.published_at.strftime("%Y-%m-%d %H:%M") if article.published_at else "undated"
    credit = f", wire credit: {article.credit}" if article.credit else ""
    return [
        "═" * WIDTH,
        f"{article.source} — {article.title or '(untitled)'}",
        f"  {when}{credit} · article {article.article_id[:8]}" + (f" · {article.url}" if article.url else ""),
        "─" * WIDTH,
    ]


def describe_claim(claim: Claim) -> str:
    """One line: the claim's text and who or what it is credited to, normalised."""
    if isinstance(claim, QuoteClaim):
        who = claim.speaker.name if claim.speaker else "unknown speaker"
        role = f" ({claim.speaker.role})" if claim.speaker and claim.speaker.role else ""
        extras = ", ".join(x for x in (claim.cue, claim.channel) if x)
        return f"quote/{claim.quote_type} “{claim.text}” → {who}{role}" + (f" [{extras}]" if extras else "")
    if isinstance(claim, AttributionClaim):
        aliases = f" ({', '.join(claim.source.aliases)})" if claim.source.aliases else ""
        return f"attribution “{claim.text}” → source {claim.source.name}{aliases}"
    return f"figure “{claim.text}” = {describe_figure(claim)}"


def describe_figure(claim: FigureClaim) -> str:
    unit = f" {claim.unit}" if claim.unit else ""
    if claim.value is not None:
        value = f"{claim.value:g}{unit}"
    else:
        low = "" if claim.low is None else f"{'[' if claim.low_inclusive else '('}{claim.low:g}"
        high = "" if claim.high is None else f"{claim.high:g}{']' if claim.high_inclusive else ')'}"
        value = f"{low or '(-∞'}, {high or '∞)'}{unit}"
    parts = [value, claim.quantity]
    if claim.qualifier:
        parts.append(f"qualifier “{claim.qualifier}”")
    if claim.approximate:
        parts.append("approximate")
    parts += [f"= {e.value:g} {e.unit}" for e in claim.equivalents]
    return ", ".join(parts)


def _claim_lines(claim: Claim, verdict: VerdictChanged | None) -> list[str]:
    lines = textwrap.wrap(describe_claim(claim), WIDTH - 4, initial_indent="  • ",
                          subsequent_indent="      ")
    if verdict is None:
        return lines + ["      verdict: (pending)"]
    origins = ", ".join(verdict.independent_origins) or "none"
    lines.append(f"      verdict: {verdict.verdict.upper()} ({verdict.confidence:.2f}) — origins: {origins}")
    lines += textwrap.wrap(verdict.reason, WIDTH - 8, initial_indent="        ", subsequent_indent="        ")
    for ev in verdict.evidence:
        how = "independent" if ev.independent else f"echo of {ev.origin}"
        lines.append(f"        {ev.relation:<11} {ev.source} [{how}] — {ev.why}"[:WIDTH + 20])
    return lines


def _verdict_counts(collected: Collected) -> dict[str, int]:
    counts: dict[str, int] = {}
    for extracted in collected.claims.values():
        for claim in extracted.claims:
            verdict = collected.verdicts.get(claim.claim_id)
            key = verdict.verdict if verdict else "pending"
            counts[key] = counts.get(key, 0) + 1
    return counts


def render_json(collected: Collected) -> str:
    rows = []
    for article in _ordered(collected):
        extracted = collected.claims.get(article.article_id)
        for claim in extracted.claims if extracted else ():
            verdict = collected.verdicts.get(claim.claim_id)
            rows.append(json.dumps({
                "article_id": article.article_id, "source": article.source, "url": article.url,
                "claim": claim.model_dump(mode="json"),
                "verdict": verdict.model_dump(mode="json") if verdict else None,
            }, ensure_ascii=False))
    return "\n".join(rows)
