"""Rules 1 and 2 of ``quotes``, loosely: cue clauses whose speaker the name patterns do not read
(pure core).

"…,” said one Democratic source on the panel." / "…” ― Jane Doe" /
"In the ad, the announcer said, “…”" / "He then defended the remark, saying, “…”" /
"a friend commented: “…”" (a cue learned from PolNeAR, ``learned_cues``).
``quotes`` tries the strict patterns first and these after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.claims.extract.constants import (
    AFTER_QUOTE_WINDOW_CHARS,
    CLAUSE_WORDS,
    CUE_WINDOW_CHARS,
    LOOSE_SPEAKER_MAX_WORDS,
    NON_SUBJECT_WORDS,
    PARTICIPLE_CUES,
)
from services.claims.extract.context import ArticleContext, word_count
from services.claims.extract.cues import ADDRESSEE, CHANNEL, CUE_VERB, TIME, WS
from services.claims.extract.learned_cues import cue_runs
from services.claims.extract.quote_marks import QuotedRegion
from services.claims.extract.cue_subjects import main_clause_subject
from services.claims.extract.speakers import Subject

Span = tuple[int, int]

# A noun phrase the name patterns do not read: words up to the sentence's end, no clause punctuation.
_LOOSE_NP = r"\w[^,;:!?“”\"\n]{1,90}?"
# Before a cue that closes the sentence, the noun phrase may carry appositives: "…,” Scott Pruitt, the
# attorney general of Oklahoma, one of the states suing, said." (the speaker is the first part).
_LOOSE_NP_WITH_APPOSITIVES = rf"(?P<subj2>{_LOOSE_NP})(?:{WS}*,{WS}*[^;:!?“”\"\n]{{1,160}}?,)?"
# After an inverted cue's noun phrase: a party tag and an appositive or relative clause ("…,” said
# former governor Howard Dean (D), a Clinton supporter." / "…, said X, who praised …").
_LOOSE_SPEAKER_TAIL = rf"(?:{WS}*\([^()\n]{{1,20}}\))?(?:{WS}*,{WS}*[^;:!?“”\"\n]{{1,200}}?)?"
# Where and when, after a cue closing the sentence: "…,” X told Bloomberg in late May."
_LOOSE_PLACE_OR_TIME = rf"(?:{WS}+(?:in|on|at|during|after|before|from)(?![\w’'-])[^,;:!?“”\"\n]{{1,50}}?)?"
_LOOSE_AFTER_QUOTE = re.compile(
    rf"{WS}*,?{WS}*(?:(?P<cue>{CUE_VERB}){WS}+(?P<subj>{_LOOSE_NP}){_LOOSE_SPEAKER_TAIL}"
    rf"|{_LOOSE_NP_WITH_APPOSITIVES}{WS}+(?P<cue2>{CUE_VERB})(?:{WS}+{ADDRESSEE})??{_LOOSE_PLACE_OR_TIME})"
    rf"(?![\w’'-])(?:{WS}+{CHANNEL})?{TIME}?{WS}*[.!?]?[\"”’)]*{WS}*\Z"
)
# Rule 2, loosely: the sentence before the opening mark is only a subject, a cue and what the cue is
# about — "The New York businessman says of Clinton, “…”", "In the ad, the announcer said, “…”",
# "Said Ellis: “…”", "According to Limbaugh, “…”".
_LOOSE_BEFORE_QUOTE = re.compile(
    rf"(?:(?P<subj>{_LOOSE_NP}){WS}+(?P<cue>{CUE_VERB})(?:{WS}+(?:of|to|about){WS}+[^,:;“”\"\n]{{1,40}})?"
    rf"|(?P<cue2>(?i:said|says|asked|added|wrote|according{WS}+to)){WS}+(?P<subj2>{_LOOSE_NP}))"
    rf"(?:{WS}+{CHANNEL})?{TIME}?{WS}*[,:]{WS}*\Z"
)
_LOOSE_SUBJECT = re.compile(rf"{WS}*(?P<subj>\w[^,;:!?“”\"\n]*?){WS}*\Z")
_PARTICIPLE_BEFORE_QUOTE = re.compile(
    rf",{WS}*(?P<cue>{'|'.join(sorted(PARTICIPLE_CUES))})(?:{WS}+{ADDRESSEE})??{WS}*[,:]{WS}*\Z"
)
_LOOSE_LEARNED_BEFORE_QUOTE = re.compile(rf"(?P<subj>{_LOOSE_NP}){WS}+(?P<cue>[a-z][a-z’'-]*){WS}*[,:]{WS}*\Z")
_LOOSE_LEARNED_AFTER_QUOTE = re.compile(
    rf"{WS}*,?{WS}*(?P<subj2>{_LOOSE_NP}){WS}+(?P<cue2>[a-z][a-z’'-]*)(?![\w’'-]){TIME}?"
    rf"{WS}*[.!?]?[\"”’)]*{WS}*\Z"
)
# A credit under a quote: "…” ― Jane Doe" (the dash and a name closing the paragraph).
_DASH_CREDIT = re.compile(rf"{WS}*[―—–]{WS}*(?P<subj>[A-Z][^,;:!?“”\"\n]{{1,60}}?){WS}*[.]?{WS}*\Z")
# How the quoted words end when the cue clause runs on ("…,” Trump said at a town hall in March.").
_OPEN_ENDED = frozenset(",?!—–-")
_WHOLE = re.compile(r".+", re.DOTALL)
_COORDINATORS = frozenset({"and", "but", "or", "yet", "then", "so"})


@dataclass(frozen=True, slots=True)
class QuoteCue:
    """What credits a quote: the cue verb, the subject, the channel, and the kind of quote."""

    text: str | None
    span: Span | None
    subject: Subject | None
    channel: str | None
    quote_type: str
    statement: Span | None = None  # a mixed quote's reported statement, when it is wider than the quote


def loose_cue_after(ctx: ArticleContext, region: QuotedRegion) -> QuoteCue | None:
    # Rule 1, loosely: the rest of the sentence after the closing mark is only a cue and a noun
    # phrase the name patterns do not read — "…,” said one Democratic source on the panel." /
    # "…?” a narrator in the Clinton ad asks." / "…” ― Jane Doe" (a dash credit under a quote).
    pos = region.after_close
    if pos is None:
        return None
    line_end = ctx.body.find("\n", pos)
    line_end = len(ctx.body) if line_end < 0 else line_end
    # The credit closes the line (it is no sentence of its own); the cue clause closes the sentence.
    match = _DASH_CREDIT.match(ctx.body, pos, min(line_end, pos + AFTER_QUOTE_WINDOW_CHARS))
    if match is None and runs_on(ctx.body, region, pos):
        end = min(max(pos, ctx.sentences.sentence_of(pos)[1]), pos + AFTER_QUOTE_WINDOW_CHARS)
        match = _LOOSE_AFTER_QUOTE.match(ctx.body, pos, end) or _learned_after_quote(ctx.body, pos, end)
    return None if match is None else _loose_cue(ctx, match)


def loose_cue_before(ctx: ArticleContext, region: QuotedRegion, *, floor: int) -> QuoteCue | None:
    # The subject starts the sentence or follows one of its commas ("In the ad, the announcer said,").
    sentence = ctx.sentences.sentence_of(region.open_at)
    lo = max(floor, sentence[0], region.open_at - CUE_WINDOW_CHARS)
    starts = [lo] + [i + 1 for i in range(lo, region.open_at) if ctx.body[i] == ","]
    for start in starts:
        while start < region.open_at and ctx.body[start].isspace():
            start += 1
        match = _LOOSE_BEFORE_QUOTE.match(ctx.body, start, region.open_at) or _learned_before_quote(
            ctx.body, start, region.open_at)
        if match is not None:
            return _loose_cue(ctx, match)
    return _participle_cue(ctx, region, lo)


def _participle_cue(ctx: ArticleContext, region: QuotedRegion, lo: int) -> QuoteCue | None:
    # "He then defended the remark, saying, “…”": the participle's subject opens the sentence.
    match = _PARTICIPLE_BEFORE_QUOTE.search(ctx.body, lo, region.open_at)
    if match is None:
        return None
    subject = main_clause_subject(ctx, lo, match.start("cue"))
    return None if subject is None else QuoteCue(match.group("cue"), match.span("cue"), subject, None, "direct")


def _learned_before_quote(body: str, start: int, end: int) -> re.Match[str] | None:
    # "While debating, a friend commented: “…”" — the verb before the colon is a learned cue.
    match = _LOOSE_LEARNED_BEFORE_QUOTE.match(body, start, end)
    if match is None:
        return None
    return match if any(e == match.end("cue") for _, e in cue_runs(body, start, end)) else None


def _loose_cue(ctx: ArticleContext, match: re.Match[str]) -> QuoteCue | None:
    found = {name: match.span(name) for name, text in match.groupdict().items() if text}
    span = found.get("subj") or found.get("subj2")
    if span is None or word_count(ctx.body[span[0]:span[1]]) > LOOSE_SPEAKER_MAX_WORDS:
        return None
    cue_span = found.get("cue") or found.get("cue2")
    cue = " ".join(ctx.body[cue_span[0]:cue_span[1]].lower().split()) if cue_span else None
    subject = Subject(ctx.body[span[0]:span[1]], span, "unknown")
    if _opens_verb_phrase(subject.as_written):
        # "The president noted …, and added: “…”": the speaker is the subject opening the sentence.
        subject = main_clause_subject(ctx, ctx.sentences.sentence_of(span[0])[0], span[0])
        if subject is None:
            return None
    return QuoteCue(cue, cue_span, subject, None, "direct")


def _opens_verb_phrase(words: str) -> bool:
    # A lone coordinator before the cue ("…, and added:", "…, but told") joins a second verb phrase to
    # the sentence's subject; it is no subject itself.
    return words.strip() in _COORDINATORS


def runs_on(body: str, region: QuotedRegion, after_close: int) -> bool:
    # The quote ends on a comma, question or exclamation mark (inside or right after the marks).
    last = body[region.content_end - 1] if region.content_end > region.content_start else ""
    following = body[after_close:after_close + 1]
    return last in _OPEN_ENDED or following == ","


def _learned_after_quote(body: str, pos: int, end: int) -> re.Match[str] | None:
    # "…,” the article read." — the verb closing the sentence is a learned cue.
    match = _LOOSE_LEARNED_AFTER_QUOTE.match(body, pos, end)
    if match is None:
        return None
    runs = cue_runs(body, match.start("subj2"), match.end("cue2"))
    return match if any(e == match.end("cue2") for _, e in runs) else None


def loose_subject_before(ctx: ArticleContext, lo: int, cue_start: int) -> Subject | None:
    # "A Government Accountability Office report released last year found that …": the words from
    # the sentence's start (or its last comma) to the cue, when they are few and hold no clause.
    comma = ctx.body.rfind(",", lo, cue_start)
    match = _LOOSE_SUBJECT.match(ctx.body, comma + 1 if comma >= 0 else lo, cue_start)
    if match is None or word_count(match.group("subj")) > LOOSE_SPEAKER_MAX_WORDS:
        return None
    words = match.group("subj").lower().split()
    if words[0] in NON_SUBJECT_WORDS or any(w in CLAUSE_WORDS for w in words):
        return None
    if _opens_verb_phrase(match.group("subj")):
        return main_clause_subject(ctx, lo, match.start("subj"))
    return Subject(match.group("subj"), match.span("subj"), "unknown")


def last_learned_cue(body: str, lo: int, hi: int) -> re.Match[str] | None:
    # A cue no word list holds ("He called Burma a “…”", "a friend commented: “…”"), as a match.
    runs = list(cue_runs(body, lo, hi))
    return _WHOLE.match(body, *runs[-1]) if runs else None


def loose_cue_ending_at(ctx: ArticleContext, lo: int, end: int) -> QuoteCue | None:
    """The loose reading of rule 2 on the words ``[lo, end)`` before a quote: "The New York Times reports:"."""
    match = _LOOSE_BEFORE_QUOTE.match(ctx.body, lo, end) or _learned_before_quote(ctx.body, lo, end)
    return None if match is None else _loose_cue(ctx, match)
