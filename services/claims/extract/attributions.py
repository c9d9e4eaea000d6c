"""Attributions: statements credited to a source without quote marks (pure core, claims service).

Rules, each giving the statement's span (without the cue) and the source resolved to its fullest name
with its bracketed acronyms as aliases:

* "STATEMENT, according to the Syrian Observatory for Human Rights (SOHR)."
* "According to SOHR, STATEMENT."
* "STATEMENT, citing the health ministry."
* "STATEMENT, SOHR reported." / "The ministry said (that) STATEMENT." — an organisation, country or
  unnamed body as the subject of an asserting verb (people's words are indirect quotes instead).
"""

from __future__ import annotations

import re

from schemas.claims import AttributionClaim, Source
from services.claims.extract.constants import INDIRECT_MIN_WORDS
from services.claims.extract.context import ArticleContext, word_count
from services.claims.extract.cues import WS
from services.claims.extract.reported import ReportedStatement, trim_end

Span = tuple[int, int]

# "according to SOURCE" / "citing SOURCE", the source running to the next comma or full stop.
_CREDIT = re.compile(
    rf"(?<![\w’'-])(?P<cue>[Aa]ccording{WS}+to|citing){WS}+(?P<src>[^,.;:!?\n“”\"]{{2,120}}?)"
    rf"(?:{WS}*\((?P<acr>[^()\n]{{1,80}})\))?{WS}*(?=[,.;:!?“”\"]|\Z)"
)
_LEADING_DETERMINER = re.compile(rf"(?:the|The){WS}+")
_ACRONYM_LIKE = re.compile(r"[A-Z][A-Za-z&.-]{1,11}")


def attribution_claims(
    ctx: ArticleContext, *, statements: list[ReportedStatement], skip: list[Span]
) -> list[AttributionClaim]:
    """Attributions of the article: "according to", "citing", and organisations' reported speech."""
    claims = []
    credited_sentences: set[Span] = set()
    for start, end in ctx.sentences.spans:
        claim = _credit_claim(ctx, start, end)
        if claim is not None:
            claims.append(claim)
            credited_sentences.add((start, end))
    for statement in statements:
        if statement.subject.kind in {"person", "pronoun"}:
            continue
        sentence = ctx.sentences.sentence_of(statement.statement[0])
        if sentence not in credited_sentences and not _overlaps(statement.statement, skip):
            claims.append(_reported_claim(ctx, statement))
    return sorted(claims, key=lambda c: c.span)


def _credit_claim(ctx: ArticleContext, start: int, end: int) -> AttributionClaim | None:
    # Both cues hold a literal the sentence must contain; str.find is far cheaper than the pattern.
    if ctx.body.find("ccording", start, end) < 0 and ctx.body.find("citing", start, end) < 0:
        return None
    match = _CREDIT.search(ctx.body, start, end)
    if match is None:
        return None
    statement = _credited_statement(ctx.body, match, start, end)
    if statement is None or word_count(ctx.body[statement[0]:statement[1]]) < INDIRECT_MIN_WORDS:
        return None
    source = _source(ctx, match.span("src"), acronym=match.group("acr"))
    if source is None:
        return None
    cue = re.sub(r"\s+", " ", match.group("cue")).lower()
    return AttributionClaim(
        **ctx.claim_fields(kind="attribution", span=statement),
        source=source,
        cue=cue,
        cue_span=match.span("cue"),
    )


def _credited_statement(body: str, match: re.Match[str], start: int, end: int) -> Span | None:
    # The clause before the cue; or, when the cue opens the sentence ("According to X, …"), the
    # clause after the source.
    before = (start, trim_end(body, start, match.start()))
    if word_count(body[before[0]:before[1]]) >= INDIRECT_MIN_WORDS:
        return before
    after_start = match.end()
    while after_start < end and (body[after_start].isspace() or body[after_start] == ","):
        after_start += 1
    after = (after_start, trim_end(body, after_start, end))
    return after if after[0] < after[1] else None


def _source(ctx: ArticleContext, span: Span, *, acronym: str | None) -> Source | None:
    # "the Syrian Observatory for Human Rights" → the name without its article; "SOHR" → the
    # name it was defined for; aliases are the acronyms defined for the name.
    start, end = span
    lead = _LEADING_DETERMINER.match(ctx.body, start, end)
    if lead is not None:
        start = lead.end()
    text = ctx.body[start:end].strip()
    if not text:
        return None
    name = ctx.names.resolve(text)
    aliases = set(ctx.names.aliases(name))
    # A bracketed acronym is an alias; a bracketed full name ("SOHR (Syrian Observatory …)") was
    # resolved through the article's acronym definitions above.
    if acronym and acronym.strip() != name and _ACRONYM_LIKE.fullmatch(acronym.strip()):
        aliases.add(acronym.strip())
    return Source(name=name, aliases=tuple(sorted(aliases)), span=(start, start + len(text)))


def _reported_claim(ctx: ArticleContext, statement: ReportedStatement) -> AttributionClaim:
    subject = statement.subject
    source = _source(ctx, subject.span, acronym=None) or Source(name=subject.as_written)
    return AttributionClaim(
        **ctx.claim_fields(kind="attribution", span=statement.statement),
        source=source,
        cue=statement.cue,
        cue_span=statement.cue_span,
    )


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)
