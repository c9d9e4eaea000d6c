"""Direct and mixed quotes: quoted regions with their cue, speaker and channel (pure core).

For each quoted region (``quote_marks``) the rules try, in order:

1. a cue after the closing mark — ``“…,” Abdel Ghani said`` / ``“…,” said X, head of Y``;
2. a cue before the opening mark in the same sentence — ``X said: “…”`` is direct,
   ``X declared on Telegram that his forces “…”`` is mixed;
3. a continuation — a quote with no cue that opens the sentence right after a quote with a speaker
   belongs to that speaker (``“…,” he said. “Now, …”``);
4. a long, sentence-like quote with no cue is kept without a speaker.

Anything else (scare quotes, titles, short quoted phrases) is not a speaker claim.
"""

from __future__ import annotations

import re

from schemas.claims import QuoteClaim, Speaker
from services.claims.extract.constants import (
    ADDRESSEE_VERBS,
    NAMING_VERBS,
    INDIRECT_MIN_WORDS,
    AFTER_QUOTE_WINDOW_CHARS,
    CUE_WINDOW_CHARS,
    UNCUED_MIN_WORDS,
)
from services.claims.extract.context import ArticleContext, is_title_case, trim_end, word_count
from services.claims.extract.cue_subjects import main_clause_subject
from services.claims.extract.cues import (
    ADDRESSEE,
    ADVERBS_AT_END,
    CHANNEL,
    CHANNEL_RE,
    CUE_VERB,
    CUE_VERB_RE,
    TIME,
    WS,
    is_bylined_title,
)
from services.claims.extract.loose_cues import (
    QuoteCue,
    last_learned_cue,
    loose_cue_after,
    loose_cue_before,
    loose_cue_ending_at,
    loose_subject_before,
    runs_on,
)
from services.claims.extract.mixed_quotes import is_mixed, mixed_statement, running_on, with_lead_in
from services.claims.extract.quote_marks import QuotedRegion
from services.claims.extract.relative_speech import antecedent_name
from services.claims.extract.statement_bounds import ReportedStatement, participle_after
from services.claims.extract.reported_questions import reported_questions
from services.claims.extract.speakers import (
    APPOSITIVE,
    SUBJECT,
    Subject,
    person_pronoun,
    role_from_words,
    subject_ending_at,
    subject_from_span,
    subject_starting_at,
)

Span = tuple[int, int]

# A cue coordinated with an earlier verb ("X said S but added, “…”"): its subject opens the sentence.
_COORDINATED_CUE = re.compile(r"[^.]\s*,?\s+(?:and|but)(?:\s+(?:then|also|later))?\s*\Z", re.IGNORECASE)

# After the closing mark: "…,” Abdel Ghani said" or "…,” said rebel commander X, head of Y".
_AFTER_QUOTE_CLAUSE = (
    rf"{WS}*,?{WS}*(?:"
    rf"(?P<subj1>{SUBJECT})(?:{WS}*,{WS}*(?P<appos1>{APPOSITIVE}){WS}*,)?{WS}+(?P<cue1>{CUE_VERB})"
    rf"|(?P<cue2>{CUE_VERB}|according{WS}+to){WS}+(?P<pre2>(?:[\w’'-]+{WS}+){{0,3}}?)"
    rf"(?P<subj2>{SUBJECT})(?:{WS}*,{WS}*(?P<appos2>{APPOSITIVE})(?=[,.;]))?"
    rf")(?![\w’'-])(?:{WS}+{ADDRESSEE})??(?:{WS}+(?P<channel>{CHANNEL}))?{TIME}?"
)
_AFTER_QUOTE = re.compile(rf"{_AFTER_QUOTE_CLAUSE}{WS}*(?:[.,;:!?—–]|\Z)")
# The same where the cue clause runs on past the cue ("…,” Trump said at a town hall in March.").
_AFTER_QUOTE_RUNNING_ON = re.compile(_AFTER_QUOTE_CLAUSE)
# Between a cue and an opening mark, nothing but an addressee, a channel and a colon or comma.
_DIRECT_GAP = re.compile(
    rf"(?:{WS}+(?P<addr>{ADDRESSEE}))??(?:{WS}*(?P<channel>{CHANNEL}))?{TIME}?{WS}*[:,]?{WS}*\Z"
)
_WORDS = re.compile(r"[\w’'-]+")
_QUOTE_MARK = re.compile(r"[“\"]")
_OPENING_MARKS = frozenset({"“", '"', "‘", "'", "``", "''"})



def quote_claims(ctx: ArticleContext) -> list[QuoteClaim]:
    """Direct and mixed quotes of the article, in body order."""
    claims: list[QuoteClaim] = []
    floor = 0
    for region in ctx.quoted:
        claim = _quote_claim(ctx, region, floor=floor, previous=claims[-1] if claims else None)
        if claim is not None:
            # A quote's cue is its own; a scare quote ("says his “friend” Rubio ran “…”") takes none.
            floor = region.content_end + 1
            claims.append(claim)
    return claims


def indirect_quote_claims(
    ctx: ArticleContext, *, statements: list[ReportedStatement]
) -> list[QuoteClaim]:
    """Indirect speech of people ("Abdel Ghani said that …"); organisations' is attribution."""
    claims = []
    for statement in statements:
        if statement.subject.kind not in {"person", "pronoun"}:
            continue
        cue = QuoteCue(statement.cue, statement.cue_span, statement.subject, statement.channel, "indirect")
        claims.append(_build(ctx, statement.statement, cue, _speaker(ctx, statement.subject)))
    return claims + _question_claims(ctx)


def _question_claims(ctx: ArticleContext) -> list[QuoteClaim]:
    # "When asked whether …": the question, credited to its asker when one is named.
    claims = []
    for question in reported_questions(ctx):
        cue = QuoteCue(ctx.body[question.cue_span[0]:question.cue_span[1]], question.cue_span, question.asker, None,
                   "indirect")
        claims.append(_build(ctx, question.question, cue, _speaker(ctx, question.asker)))
    return claims


def participle_tails(ctx: ArticleContext, quotes: list[QuoteClaim]) -> list[QuoteClaim]:
    """The speaker's next statement after a quote's cue: "“…,” he said, adding that S." / "…, Mr.
    Morrison said, referring to reports that S." — an indirect quote with the same speaker."""
    tails = []
    for quote in quotes:
        if quote.speaker is None or quote.cue_span is None:
            continue
        start = max(quote.span[1], quote.cue_span[1])
        end = ctx.sentences.sentence_of(start)[1]
        tail = participle_after(ctx.body, start, end)
        if tail is None or _QUOTE_MARK.search(ctx.body, start, tail[0][0]):
            continue  # another quote opens between the cue and the participle: not this speaker's tail
        (cue_start, cue_end), statement_start = tail
        statement = (statement_start, trim_end(ctx.body, statement_start, end))
        if word_count(ctx.body[statement[0]:statement[1]]) < INDIRECT_MIN_WORDS:
            continue
        cue = QuoteCue(ctx.body[cue_start:cue_end], (cue_start, cue_end), None, None, "indirect")
        tails.append(_build(ctx, statement, cue, quote.speaker))
    return tails


def credit_uncued(ctx: ArticleContext, quotes: list[QuoteClaim]) -> list[QuoteClaim]:
    """Quotes with no cue that open the sentence after one whose quote or reported speech has a
    speaker are that speaker's: "…, Schiff said. “The other factor …”" (rule 3 once indirect
    speech is known)."""
    speakers = {_last_sentence(ctx, q): q.speaker for q in sorted(quotes, key=_start) if q.speaker is not None}
    credited = []
    for quote in quotes:
        sentence = ctx.sentences.index_at(quote.span[0])
        previous = speakers.get(sentence - 1)
        opens = ctx.body[ctx.sentences.sentence_of(quote.span[0])[0]:quote.span[0]].strip() in _OPENING_MARKS
        if quote.speaker is None and quote.cue is None and previous is not None and opens:
            quote = quote.model_copy(update={"speaker": previous.model_copy(update={"span": None})})
        credited.append(quote)
    return credited


def _last_sentence(ctx: ArticleContext, quote: QuoteClaim) -> int:
    # The sentence holding the quote's end or its cue, whichever comes later: in "“Why me?” Trump
    # said. “…”" the question mark ends a sentence before the cue.
    end = max(quote.sentence_span[1], quote.cue_span[1] if quote.cue_span else 0)
    return ctx.sentences.index_at(end - 1)


def _start(quote: QuoteClaim) -> int:
    return quote.span[0]


def _quote_claim(
    ctx: ArticleContext, region: QuotedRegion, *, floor: int, previous: QuoteClaim | None
) -> QuoteClaim | None:
    span = content_span(ctx.body, region)
    if span is None or is_bylined_title(ctx.body, region.close_at, region.after_close):
        return None
    cue = (_cue_after(ctx, region, span) or _cue_before(ctx, region, span, floor=floor)
           or loose_cue_after(ctx, region) or loose_cue_before(ctx, region, floor=floor)
           or _colon_lead_cue(ctx, region))
    if cue is not None:
        cue = with_lead_in(ctx, region, span, cue)
        return _build(ctx, cue.statement or span, cue, _speaker(ctx, cue.subject))
    if previous is not None and previous.speaker and _continues(ctx, region, previous):
        continued = previous.speaker.model_copy(update={"span": None})
        return _build(ctx, span, QuoteCue(None, None, None, None, "direct"), continued)
    text = ctx.body[span[0]:span[1]]
    if word_count(text) >= UNCUED_MIN_WORDS and not is_title_case(text):
        return _build(ctx, span, QuoteCue(None, None, None, None, "direct"), None)
    return None


def content_span(body: str, region: QuotedRegion) -> Span | None:
    """What the marks enclose, trimmed of white space and of a trailing comma or full stop."""
    start, end = region.content_start, region.content_end
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    if end - start > 1 and body[end - 1] == "." and body[end - 2] != ".":
        end -= 1  # a single full stop closes the sentence, not the speaker's words; "..." stays
    return (start, end) if start < end and _WORDS.search(body, start, end) else None


def _cue_after(ctx: ArticleContext, region: QuotedRegion, span: Span) -> QuoteCue | None:
    # Rule 1: "…,” Abdel Ghani said." — the quote must end in a comma (or ?/!) or the cue must
    # close its sentence, else the words after belong to a new sentence.
    pos = region.after_close
    if pos is None:
        return None
    window = min(len(ctx.body), pos + AFTER_QUOTE_WINDOW_CHARS)
    match = _AFTER_QUOTE.match(ctx.body, pos, window)
    if match is None and runs_on(ctx.body, region, pos):
        # Not after "“We won.”": there the words after begin a new sentence, not this quote's cue.
        match = _AFTER_QUOTE_RUNNING_ON.match(ctx.body, pos, window)
    if match is None:
        return None
    if match.group("cue1"):
        subject = subject_from_span(
            ctx.body, match.span("subj1"), appositive=match.group("appos1"), lenient=True
        )
        cue_span = match.span("cue1")
    else:
        subject = _subject_after_cue(ctx, match)
        cue_span = match.span("cue2")
    if subject is None:
        return None
    channel = match.group("channel")
    return QuoteCue(ctx.body[cue_span[0]:cue_span[1]], cue_span, subject, channel, "direct")


def _colon_lead_cue(ctx: ArticleContext, region: QuotedRegion) -> QuoteCue | None:
    # Rule 2 across a paragraph break: "Caddell continued:" closes the paragraph before the quote.
    body = ctx.body
    colon = region.open_at
    while colon > 0 and body[colon - 1].isspace():
        colon -= 1
    colon -= 1
    if colon < 0 or body[colon] != ":" or "\n" not in body[colon:region.open_at]:
        return None
    sentence = ctx.sentences.sentence_of(colon)
    lo = max(sentence[0], colon - CUE_WINDOW_CHARS)
    cue = None
    for cue in CUE_VERB_RE.finditer(body, lo, colon):
        pass
    if cue is not None and _DIRECT_GAP.match(body, cue.end(), colon) is not None:
        subject, _ = _subject_around_cue(ctx, lo, cue)
        if subject is not None:
            return QuoteCue(cue.group(), cue.span(), subject, None, "direct")
    return loose_cue_ending_at(ctx, lo, colon + 1)  # "The New York Times reports:"


def _subject_after_cue(ctx: ArticleContext, match: re.Match[str]) -> Subject | None:
    # "said rebel commander X": words between the cue and the name must form a role.
    subject = subject_from_span(
        ctx.body, match.span("subj2"), appositive=match.group("appos2"), lenient=True
    )
    pre = match.group("pre2")
    if subject is None or not pre:
        return subject
    role = role_from_words([(0, w) for w in pre.split()])
    if role is None:
        return None
    return Subject(subject.as_written, subject.span, subject.kind, subject.role or role)


def _cue_before(
    ctx: ArticleContext, region: QuotedRegion, span: Span, *, floor: int
) -> QuoteCue | None:
    # Rule 2: the last reporting verb of the sentence before the opening mark.
    sentence = ctx.sentences.sentence_of(region.open_at)
    lo = max(floor, sentence[0], region.open_at - CUE_WINDOW_CHARS)
    cue = None
    for cue in CUE_VERB_RE.finditer(ctx.body, lo, region.open_at):
        pass
    cue = cue or last_learned_cue(ctx.body, lo, region.open_at)
    if cue is None:
        return None
    subject, gap_start = _subject_around_cue(ctx, lo, cue)
    subject = subject or loose_subject_before(ctx, lo, cue.start())
    if subject is None:
        return None
    gap = _DIRECT_GAP.match(ctx.body, gap_start, region.open_at)
    if gap is not None and _is_label(ctx.body, cue, span):
        return None
    if gap is not None and (not gap.group("addr") or cue.group().split()[-1] in ADDRESSEE_VERBS):
        statement = running_on(ctx, gap_start, region, span)
        if statement is not None:
            return QuoteCue(cue.group(), cue.span(), subject, gap.group("channel"), "mixed", statement)
        return QuoteCue(cue.group(), cue.span(), subject, gap.group("channel"), "direct")
    if not is_mixed(ctx, gap_start, region.open_at, span):
        return None
    channel = CHANNEL_RE.match(ctx.body, gap_start, region.open_at)
    statement = mixed_statement(ctx, gap_start, span)
    return QuoteCue(cue.group(), cue.span(), subject, channel and channel.group(1), "mixed", statement)


def _is_label(body: str, cue: re.Match[str], span: Span) -> bool:
    # "what lawmakers called “fraud”": one quoted word right after a naming verb names something.
    return cue.group().split()[-1].lower() in NAMING_VERBS and word_count(body[span[0]:span[1]]) == 1


def _subject_around_cue(
    ctx: ArticleContext, lo: int, cue: re.Match[str]
) -> tuple[Subject | None, int]:
    hi = cue.start()
    adverbs = ADVERBS_AT_END.search(ctx.body, lo, hi)
    if adverbs is not None:
        hi = adverbs.start()
    coordinated = _COORDINATED_CUE.search(ctx.body, lo, hi)
    subject = (main_clause_subject(ctx, lo, coordinated.start() + 1, noun_phrase=True) if coordinated is not None
               else subject_ending_at(ctx.body, lo=lo, hi=hi))
    if subject is not None:
        return subject, cue.end()
    # "said Abdel Ghani: “…”" — the subject follows the cue.
    found = subject_starting_at(ctx.body, pos=cue.end(), hi=min(len(ctx.body), cue.end() + 120))
    return found if found is not None else (None, cue.end())


def _continues(ctx: ArticleContext, region: QuotedRegion, previous: QuoteClaim) -> bool:
    # Rule 3: the quote opens the sentence right after the previous quote's sentence.
    sentence = ctx.sentences.sentence_of(region.open_at)
    if sentence[0] != region.open_at:
        return False
    return not ctx.body[previous.sentence_span[1]:region.open_at].strip()


def _speaker(ctx: ArticleContext, subject: Subject | None) -> Speaker | None:
    if subject is None:
        return None
    if subject.kind == "pronoun":
        if subject.as_written == "who":
            name = antecedent_name(ctx, subject.span[0])
            return Speaker(name=name or "who", as_written="who", span=subject.span, role=ctx.names.roles.get(name))
        if not person_pronoun(subject.as_written):
            # "they", "we", "I": no rule resolves them, but the mention at the cue is the speaker.
            return Speaker(name=subject.as_written, as_written=subject.as_written, span=subject.span)
        name = ctx.names.last_person_before(subject.span[0])
        if name is None:
            return None
        return Speaker(
            name=name, as_written=subject.as_written, span=subject.span, role=ctx.names.roles.get(name)
        )
    described = subject.as_written.split()[0].lower() in {"the", "a", "an", "his", "her", "their", "its"}
    if described:
        name = ctx.names.described_before(subject.as_written, subject.span[0]) or subject.as_written
    else:
        name = ctx.names.resolve(subject.as_written)
    role = subject.role or ctx.names.roles.get(name)
    return Speaker(name=name, as_written=subject.as_written, span=subject.span, role=role)


def _build(ctx: ArticleContext, span: Span, cue: QuoteCue, speaker: Speaker | None) -> QuoteClaim:
    return QuoteClaim(
        **ctx.claim_fields(kind="quote", span=span),
        quote_type=cue.quote_type,
        speaker=speaker,
        cue=cue.text,
        cue_span=cue.span,
        channel=cue.channel,
    )
