"""Where a reported statement ends (pure core): the clause a cue's statement holds, a second cue of
the same speaker inside it, and a coordinated verb phrase after it.

``reported`` finds a subject, a cue and the rest of the sentence; the rest may hold more than the
subject's words. "X said S, while Y argued S2" ends at the other clause, "X said S1, adding that S2"
is two statements, "X conceded S1, but said S2" credits S2 to X too, and "While X said S, MAIN" ends at
the comma closing the subordinate clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.claims.extract.constants import INDIRECT_MIN_WORDS, PARTICIPLE_CUES
from services.claims.extract.context import ArticleContext, trim_end, word_count
from services.claims.extract.cues import CLAUSE_CUE_RE, INDIRECT_VERB, INDIRECT_VERB_RE, WS
from services.claims.extract.learned_cues import cue_runs
from services.claims.extract.reported_clauses import after_cue
from services.claims.extract.speakers import Subject

Span = tuple[int, int]

# A sentence opening on a subordinate clause: "While Ramos said S, he appears uneasy …".
_OPENING_SUBORDINATOR = re.compile(
    rf"[\W_]*(?:While|Although|Though|Whereas|If|Because|Since|As|When|After|Before|Once|Even{WS}+(?:though|if|as))"
    rf"(?![\w’'-])"
)
_COMMA_AT = re.compile(rf"{WS}*,{WS}*")
# ", and more than 4 in 10 said S2" inside a statement: another speaker's statement begins.
_SUBJECT_OPENING = r"(?:[A-Z0-9][\w’'.-]*|the|a|an|his|her|their|its|one|more|most|many|some|half|he|she|they|we|I)"
_NEW_SPEAKER = re.compile(
    rf",{WS}+and{WS}+(?={_SUBJECT_OPENING}(?:{WS}+[\w’'.-]+){{0,5}}?{WS}+{CLAUSE_CUE_RE.pattern})"
)
_OPENING_CUE = re.compile(
    rf"{WS}*(?:(?:but|and|yet){WS}+)?(?:(?:also|then|later|still){WS}+)?(?P<cue>{INDIRECT_VERB})(?![\w’'-])"
)
_CLAUSE_COMMA = re.compile(r",(?=\s)")  # not the comma of "2,400"
_OTHER_CLAUSE = re.compile(rf";|,{WS}+(?:with|while|whereas|although|though|even{WS}+as|but)(?![\w’'-])")
# ", adding that" / ", saying" inside a statement: a second cue of the same speaker.
_PARTICIPLE_AFTER_COMMA = re.compile(
    rf",{WS}+(?P<cue>{'|'.join(sorted(PARTICIPLE_CUES))})(?![\w’'-])(?:{WS}*,)?(?:{WS}+that(?![\w’'-]))?{WS}*"
)

# ", echoing …", ", referring to …": an "-ing" word opening a clause after a comma.
_ING_AFTER_COMMA = re.compile(rf",{WS}+(?P<cue>[a-z][a-z’'-]*ing)(?![\w’'-])")

# "… and has called for" / "… but said": a coordinated verb phrase of the same subject, opened by a
# learned cue; after "but" only by an asserting verb ("but later revised the standards" is no speech).
_AND_BEFORE_CUE = re.compile(rf",?{WS}+(?P<conj>and|but)(?:{WS}+(?:has|have|had|also|then|later|is|was|will))*{WS}+\Z")
_AFTER_SECOND_CUE = re.compile(rf"{WS}*,?(?:{WS}*that(?![\w’'-]))?{WS}*")




@dataclass(frozen=True, slots=True)
class ReportedStatement:
    """A statement credited to a subject by a cue verb, as character spans."""

    statement: Span
    subject: Subject
    cue: str
    cue_span: Span
    channel: str | None


def long_enough(body: str, span: Span) -> bool:
    return word_count(body[span[0]:span[1]]) >= INDIRECT_MIN_WORDS


def after_other_clause(ctx: ArticleContext, pos: int, end: int) -> int:
    comma = _COMMA_AT.match(ctx.body, pos, end)
    if comma is not None:
        return comma.end()  # the main clause after "While X said S, …"
    other = _OTHER_CLAUSE.search(ctx.body, pos, end)
    return other.end() if other is not None else end


def coordinated_statement(ctx: ArticleContext, pos: int, end: int, subject: Subject) -> ReportedStatement | None:
    # "…, but said S2" / "…, but later insisted that S2": an asserting verb with no subject of its own
    # opens the rest; its statement is credited to the subject of the clause before.
    cue = _OPENING_CUE.match(ctx.body, pos, end)
    if cue is None:
        return None
    start = after_cue(ctx.body, cue.end("cue"), end)
    statement = (start, trim_end(ctx.body, start, end))
    if not long_enough(ctx.body, statement):
        return None
    return ReportedStatement(statement, subject, cue.group("cue"), cue.span("cue"), None)


def clause_only(ctx: ArticleContext, statement: ReportedStatement) -> ReportedStatement:
    # "X said S, with Y …" / "…; Z": the statement after a cue ends where the sentence goes on to
    # something else; "While X said S, MAIN CLAUSE": where the subordinate clause ends.
    start, end = statement.statement
    if statement.cue_span[0] >= start:
        return statement
    other = _OTHER_CLAUSE.search(ctx.body, start, end) or _NEW_SPEAKER.search(ctx.body, start, end)
    cut = other.start() if other is not None else end
    if _OPENING_SUBORDINATOR.match(ctx.body, ctx.sentences.sentence_of(start)[0], statement.cue_span[0]):
        comma = _CLAUSE_COMMA.search(ctx.body, start, cut)
        if comma is not None and long_enough(ctx.body, (comma.end(), end)):
            cut = comma.start()
    if cut == end or not long_enough(ctx.body, (start, cut)):
        return statement
    return ReportedStatement((start, trim_end(ctx.body, start, cut)), statement.subject, statement.cue,
                             statement.cue_span, statement.channel)


def split_at_participle(ctx: ArticleContext, statement: ReportedStatement) -> list[ReportedStatement]:
    # "X said S1, adding that S2" / "X questions S1 and has called for S2": two statements of X,
    # each with its own cue (PolNeAR's reading).
    start, end = statement.statement
    if statement.cue_span[0] >= start:
        return [statement]
    second_cue = _second_cue(ctx, start, end)
    if second_cue is None:
        return [statement]
    joint, cue_span, second_start = second_cue
    first = (start, trim_end(ctx.body, start, joint))
    second = (second_start, end)
    if not long_enough(ctx.body, second):
        return [statement]
    cue = ctx.body[cue_span[0]:cue_span[1]]
    later = ReportedStatement(second, statement.subject, cue, cue_span, None)
    if not long_enough(ctx.body, first):
        # "Obama praised the governor and said S": the first cue's object is no statement; S is.
        return [later]
    return [ReportedStatement(first, statement.subject, statement.cue, statement.cue_span, statement.channel), later]


def participle_after(body: str, start: int, end: int) -> tuple[Span, int] | None:
    """The span of a participle cue after a comma in ``body[start:end]`` and where its statement
    starts: a listed participle (", adding that"), else a learned cue opened by an "-ing" word
    (", referring to", ", echoing")."""
    listed = _PARTICIPLE_AFTER_COMMA.search(body, start, end)
    if listed is not None:
        return listed.span("cue"), listed.end()
    for participle in _ING_AFTER_COMMA.finditer(body, start, end):
        run = next(cue_runs(body, participle.start("cue"), end), None)
        if run is not None and run[0] == participle.start("cue"):
            return run, after_cue(body, run[1], end)
    return None


def _second_cue(ctx: ArticleContext, start: int, end: int) -> tuple[int, Span, int] | None:
    # Where the first statement ends, the second cue's span and where the second statement starts.
    participle = participle_after(ctx.body, start, end)
    if participle is not None:
        cue_span, statement_start = participle
        return ctx.body.rindex(",", start, cue_span[0]), cue_span, statement_start
    for cue_start, cue_end in cue_runs(ctx.body, start, end):
        joint = _AND_BEFORE_CUE.search(ctx.body, max(start, cue_start - 30), cue_start)
        if joint is not None and (joint.group("conj") == "and" or _asserts(ctx.body, cue_start, cue_end)):
            after = _AFTER_SECOND_CUE.match(ctx.body, cue_end, end)
            return joint.start(), (cue_start, cue_end), after.end() if after else cue_end
    return None


def _asserts(body: str, start: int, end: int) -> bool:
    return INDIRECT_VERB_RE.fullmatch(body, start, end) is not None
