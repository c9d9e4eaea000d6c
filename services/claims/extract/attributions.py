"""Attributions: statements credited to a source without quote marks (pure core, claims service).

Rules, each giving the statement's span (without the cue, unless commas set the cue off inside the
statement, which then spans the sentence) and the source resolved to its fullest name with its
bracketed acronyms as aliases:

* "STATEMENT, according to the Syrian Observatory for Human Rights (SOHR)."
* "According to SOHR, STATEMENT."
* "STATEMENT, citing the health ministry." — when what is cited is a source (a name, an institution,
  people or a record); a reason cited ("citing fears of terrorism") is the subject's own statement,
  read by the participle rules of ``reported``.
* "STATEMENT, SOHR reported." / "The ministry said (that) STATEMENT." — an organisation, country or
  unnamed body as the subject of an asserting verb (people's words are indirect quotes instead).
* "In a CBS News poll released Monday, STATEMENT." / "STATEMENT in a CNN national poll." — a poll or
  survey is the source of the findings it frames (cue "in").
"""

from __future__ import annotations

import re

from schemas.claims import AttributionClaim, Source
from services.claims.extract.constants import (
    CITED_SOURCE_NOUNS,
    INDIRECT_MIN_WORDS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    ROLE_NOUNS,
)
from services.claims.extract.context import ArticleContext, lead_or_trail, trim_end, word_count
from services.claims.extract.cues import WS
from services.claims.extract.learned_cues import SPEAKER_HEADS
from services.claims.extract.statement_bounds import ReportedStatement

Span = tuple[int, int]

# "according to SOURCE" / "citing SOURCE", the source running to the next comma or full stop (not
# the full stop of an initial: "U.S. Census data").
_CREDIT = re.compile(
    rf"(?<![\w’'-])(?P<cue>[Aa]ccording{WS}+to|citing){WS}+(?P<src>(?:[^,.;:!?\n“”\"]|(?<=[A-Z])\.){{2,120}}?)"
    rf"(?:{WS}*\((?P<acr>[^()\n]{{1,80}})\))?{WS}*(?=[,;:!?“”\"]|(?<![A-Z])\.|\Z)"
)
# A poll or survey named by a determiner or modifiers: "a CNN national poll", "the latest polls",
# "New Hampshire surveys"; words after the noun ("released Monday", "of likely voters") belong to it.
_POLL = (
    rf"(?:(?:a|an|the|this|that|its|their|his|her|recent|new|latest|several|many|most|public){WS}+)?"
    rf"(?:[^\s,;:“”\"]+{WS}+){{0,6}}?(?:poll|polls|survey|surveys)(?![\w’'-])"
)
# Rule: "In a CBS News poll released Monday, STATEMENT." — the poll, then a comma, opens the sentence.
_POLL_LEAD = re.compile(rf"(?P<cue>[Ii]n){WS}+(?P<src>{_POLL}(?:{WS}+[^,;:\n“”\"]{{1,60}}?)?){WS}*,{WS}*")
# Rule: "STATEMENT in a CNN national poll [released Monday]." — one poll closes the sentence. Only
# one named poll, with what tells which poll it was: "a lead in the polls", "support in polls" read
# a standing, not a finding, and "head to the polls" is voting.
_POLL_TRAIL = re.compile(
    rf"{WS}+(?P<cue>in){WS}+(?P<src>(?:a|an|the|this|that){WS}+(?:[^\s,;:“”\"]+{WS}+){{0,6}}?(?:poll|survey)"
    rf"(?:{WS}+(?:released|conducted|taken|published|of|by|for|last|this|earlier|on)(?![\w’'-])"
    rf"[^,;:\n“”\"().!?]{{0,50}}?)?){WS}*[.!?]?[\"”’)]*{WS}*\Z"
)
_SOURCE_HEADS = CITED_SOURCE_NOUNS | ORG_NOUNS | PEOPLE_NOUNS | ROLE_NOUNS | SPEAKER_HEADS | {
    f"{noun}s" for noun in ROLE_NOUNS
}
# What opens a description of a source after its comma ("…, according to X, a former prosecutor").
_DESCRIPTION_START = re.compile(
    r"(?:who|whose|which|where|a|an|one|now|then|as|in|at|on|for|from|writing)(?![\w’'-])"
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
        claim = _credit_claim(ctx, start, end) or _poll_claim(ctx, start, end, skip)
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
    if match is None or match.group("cue") == "citing" and not _is_source(match.group("src")):
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


def _poll_claim(ctx: ArticleContext, start: int, end: int, skip: list[Span]) -> AttributionClaim | None:
    # A poll frames the findings of its sentence: a source in DESIGN.md's sense, like "according to".
    body = ctx.body
    if body.find("poll", start, end) < 0 and body.find("survey", start, end) < 0:
        return None
    if _overlaps((start, end), skip):
        return None
    found = lead_or_trail(body, _POLL_LEAD, _POLL_TRAIL, start, end)
    if found is None:
        return None
    lead, statement = found
    if word_count(body[statement[0]:statement[1]]) < INDIRECT_MIN_WORDS:
        return None
    source = Source(name=re.sub(r"\s+", " ", lead.group("src")), span=lead.span("src"))
    return AttributionClaim(**ctx.claim_fields(kind="attribution", span=statement), source=source, cue="in",
                            cue_span=lead.span("cue"))


def _is_source(phrase: str) -> bool:
    """Whether what is cited is a source ("citing the health ministry", "citing Reuters", "citing
    internal documents") rather than a reason ("citing fears of terrorism"), which the participle
    rule credits to the sentence's subject."""
    words = phrase.split()
    head = _head_before_preposition(words)
    return head[:1].isupper() or head.lower() in _SOURCE_HEADS


def _head_before_preposition(words: list[str]) -> str:
    # "a report by the state auditor" is headed by "report", "data from the State Department" by "data".
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in {"of", "from", "by", "at", "in", "for", "on", "with"}:
            return words[i - 1]
    return words[-1] if words else ""


def _credited_statement(body: str, match: re.Match[str], start: int, end: int) -> Span | None:
    # The clause before the cue; when the cue opens a clause ("According to X, …", "…: According to
    # X, …"), the clause after the source; when commas set the cue off inside the sentence ("One of
    # the decisions, according to a person close to it, is to …"), the whole sentence.
    after_start = match.end()
    while after_start < end and (body[after_start].isspace() or body[after_start] == ","):
        after_start += 1
    after = (after_start, trim_end(body, after_start, end))
    before = (start, trim_end(body, start, match.start()))
    if match.group("cue")[0] == "A" or word_count(body[before[0]:before[1]]) < INDIRECT_MIN_WORDS:
        return after if after[0] < after[1] else None
    if _is_parenthetical(body, match, after):
        return (start, after[1])
    return before


def _is_parenthetical(body: str, match: re.Match[str], after: Span) -> bool:
    # The source is followed by a comma and the sentence goes on with more of its clause, not with a
    # description of the source ("…, according to Jane Doe, a former prosecutor.").
    if body[match.end():match.end() + 1] != "," or word_count(body[after[0]:after[1]]) < INDIRECT_MIN_WORDS:
        return False
    return _DESCRIPTION_START.match(body, after[0], after[1]) is None


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
