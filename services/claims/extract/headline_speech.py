"""Reported speech in title-case headlines: "Trump Says He Never Pledged …", "Rubio: I Still Believe …"
(pure core, claims service).

Headlines capitalise every word, so the lower-case cue patterns of ``reported`` never see their cue.
Two headline shapes credit a statement (AP and Reuters headline style):

* "NAME CUE STATEMENT" — a capitalised present-tense cue after a short capitalised subject;
* "NAME: STATEMENT" — a colon after a name the article uses for a person or an organisation.

The cue shape is read only in a sentence whose long words are mostly capitalised, so prose ("Trump
says he …") is left to the other rules; the colon shape also in sentence case ("Clinton: I support
D.C. statehood."), with at least four words after the colon. An article with two or more short
"NAME: label" paragraphs lists people under labels ("Sanders: Win in a walk."), so its short colon
lines are no quotes.
"""

from __future__ import annotations

import re

from services.claims.extract.constants import HEADLINE_CUES, HEADLINE_SUBJECT_MAX_WORDS, INDIRECT_MIN_WORDS
from services.claims.extract.context import ArticleContext, trim_end, word_count
from services.claims.extract.cues import WS
from services.claims.extract.reported_clauses import ClauseStatement
from services.claims.extract.speakers import Subject, subject_from_span

Span = tuple[int, int]

_CAP_WORD = r"[A-Z][\w’'.&-]*"
_SUBJECT = rf"{_CAP_WORD}(?:{WS}+{_CAP_WORD}){{0,{HEADLINE_SUBJECT_MAX_WORDS - 1}}}?"
# Rule: "Bernie Sanders Says He’s Already Started Writing His Inaugural Address."
_CUED = re.compile(
    rf"(?P<subj>{_SUBJECT}){WS}+(?P<cue>{'|'.join(sorted(HEADLINE_CUES, key=len, reverse=True))})"
    rf"(?![\w’'-]){WS}+(?:[Tt]hat{WS}+)?(?=\S)"
)
# Rule: "Sanders: Brexit’s Message Could Draw Trump Support in US." / "Clinton to Planned Parenthood: S".
_COLON = re.compile(rf"(?P<subj>{_SUBJECT})(?:{WS}+to{WS}+{_SUBJECT})?(?P<colon>:){WS}+(?=\S)")
# A short "Name: label" paragraph; two of them in an article are a list's labels ("Sanders: Win in a
# walk." … "Clinton: Keep it close."), not headline quotes.
_LABEL_MAX_WORDS = 6
_LABEL_PARAGRAPH = re.compile(
    rf"^[^\S\n]*{_SUBJECT}:[^\S\n]+(?:\S+[^\S\n]+){{0,{_LABEL_MAX_WORDS - 1}}}\S+[^\S\n]*$", re.MULTILINE
)
_LONG_WORD = re.compile(r"[\w’'-]{4,}")
_COLON_SPEAKER_KINDS = frozenset({"person", "org"})
_SENTENCE_CASE_MIN_WORDS = 4


def headline_statement(ctx: ArticleContext, start: int, end: int) -> ClauseStatement | None:
    """The statement a title-case sentence ``body[start:end]`` credits to its subject, if any."""
    # A colon after a name reads the same in a sentence-case headline ("Clinton: I support D.C.
    # statehood."), but a short phrase there is a list item's label ("Cruz: Just hang on"); a
    # capitalised cue only in title case.
    # Both shapes are matched before the case is counted: few sentences match either.
    title_case: bool | None = None
    for pattern, kinds in ((_CUED, None), (_COLON, _COLON_SPEAKER_KINDS)):
        match = pattern.match(ctx.body, start, end)
        if match is None:
            continue
        if title_case is None:
            title_case = _is_title_case(ctx.body, start, end)
        if pattern is _CUED and not title_case:
            continue
        min_words = INDIRECT_MIN_WORDS if title_case else max(INDIRECT_MIN_WORDS, _SENTENCE_CASE_MIN_WORDS)
        subject = _subject(ctx, match.span("subj"), kinds)
        statement = (match.end(), trim_end(ctx.body, match.end(), end))
        words = word_count(ctx.body[statement[0]:statement[1]])
        if pattern is _COLON and words <= _LABEL_MAX_WORDS and _has_label_list(ctx.body):
            continue
        if subject is not None and words >= min_words:
            cue_span = match.span("cue") if "cue" in pattern.groupindex else match.span("colon")
            return statement, subject, ctx.body[cue_span[0]:cue_span[1]], cue_span, None
    return None


def _has_label_list(body: str) -> bool:
    # Two or more short "Name: label" paragraphs: the article lists people under labels.
    labels = _LABEL_PARAGRAPH.finditer(body)
    return next(labels, None) is not None and next(labels, None) is not None


def _is_title_case(body: str, start: int, end: int) -> bool:
    # Most long words capitalised: a headline, not a sentence that opens with a name.
    words = _LONG_WORD.findall(body, start, end)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def _subject(ctx: ArticleContext, span: Span, kinds: frozenset[str] | None) -> Subject | None:
    # A colon headline names its speaker as the article does (a person or an organisation; not
    # "Update:" or "Iowa:"); a cue headline may name anyone.
    subject = subject_from_span(ctx.body, span)
    if subject is None:
        return None
    kind = ctx.names.kind_of(subject.as_written) if subject.kind == "unknown" else subject.kind
    if kinds is not None and (kind not in kinds or not _named_again(ctx.body, subject.as_written, span[1])):
        return None
    return Subject(subject.as_written, subject.span, kind, subject.role)


def _named_again(body: str, text: str, after: int) -> bool:
    # "Rubio:" names someone the story goes on to name; "Breaking:", "Q:" or "Wow:" name no one.
    return len(text) > 2 and body.find(text.split()[-1], after) >= 0
