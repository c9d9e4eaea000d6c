"""Who is speaking: subjects at a cue, their roles, and their resolution to the fullest name.

Pure core of the claims service. ``ArticleNames`` is built once per article from every name mention
and bracketed acronym; it resolves a short mention ("Abdel Ghani") to the fullest mention holding it
("Hassan Abdel Ghani"), a pronoun ("he") to the last person named before it, and an acronym ("SOHR")
to the name it was defined for. Roles come from a title ("President"), a pre-modifier ("rebel
commander Hassan Abdel Ghani") or an appositive ("Rami Abdel Rahman, head of SOHR, revealed").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from services.claims.extract.constants import (
    ORG_NOUNS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_ROLE_VERBS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    TIME_NAMES,
)
from services.claims.extract.cues import trie
from services.claims.extract.learned_cues import SPEAKER_HEADS
from services.claims.extract.names import (
    NAME,
    NameMention,
    acronym_definitions,
    bare_token,
    clean_name,
    find_names,
    name_kind,
)

Span = tuple[int, int]
SubjectKind = Literal["person", "org", "place", "pronoun", "unknown"]

_WS = r"[ \t\u00a0]"
# Words a name never holds capitalised after its first word, but title-case headlines do.
_HEADLINE_WORDS = frozenset(
    """
    A An The Of For To In On At With From About After Over Into Against By And Or But Just Not His Her
    Their Its Is Are Was Were Be Has Have Had Will Would Can Could Should Says Said Tells Told
    """.split()
)
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
# "the ministry", "a senior official", "the group’s leader": a determiner and up to three
# content words; function words in between would make it a clause, not a subject.
_NP_WORD = rf"(?!(?:and|or|that|the|a|an|of|to|in|on|was|is|were|are)\b)[\w’'-]+{_WS}+"
_DET_NP = rf"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts){_WS}+(?:{_NP_WORD}){{0,3}}?[a-z][\w-]*"
# "several observers", "many Democrats", "two senior officials": a quantifier before a plural noun
# for people or sources (a capitalised plural is a group: "Republicans"), modifiers allowed between.
# The noun must be there: a quantifier alone ("Some say", "said many") or before another noun ("two
# weeks later") is no subject. The heads are PolNeAR's learned speaker nouns and the role nouns.
QUANTIFIERS = frozenset(
    "several some many most both few numerous various multiple other two three four five six seven eight "
    "nine ten dozens hundreds".split()
)
_SPEAKER_PLURALS = frozenset(
    w for w in SPEAKER_HEADS | PEOPLE_NOUNS | {f"{noun}s" for noun in ROLE_NOUNS}
    if w.endswith("s") and w not in QUANTIFIERS
)
_QUANTIFIED_NP = (
    rf"(?:{trie(QUANTIFIERS | {q.capitalize() for q in QUANTIFIERS})})(?:{_WS}+of)?{_WS}+"
    rf"(?:{_NP_WORD}){{0,3}}?(?:{trie(_SPEAKER_PLURALS)}|[A-Z][a-z]+s)(?![\w’'-])"
)
SUBJECT = rf"(?:{NAME}|{PRONOUN}|{_DET_NP}|{_QUANTIFIED_NP})"
# An acronym in brackets after a name, or the full name after an acronym: "The World Health
# Organization (WHO) said", "SOHR (Syrian Observatory for Human Rights) said".
ACRONYM_AFTER = rf"(?:{_WS}*\((?:[A-Z][A-Za-z&.-]{{1,11}}|(?:the{_WS}+)?{NAME})\))?"
# An appositive between commas: "head of SOHR", "a spokesman for the group", "the president of the
# D.C.-based Arab American Institute". The full stop of an initial stays inside; any other ends it
# (after "Mr." a name can start a clause: "On Tuesday, Mr. Sanders endorsed Mrs. Clinton, saying …").
APPOSITIVE = r"(?:[^,.;:!?“”\"\n]|(?<=[A-Z])\.){2,120}?"
_SUBJECT_AT_END = re.compile(
    rf"(?<![\w’'-])(?P<subj>{SUBJECT}){ACRONYM_AFTER}(?:{_WS}*,{_WS}*(?P<appos>{APPOSITIVE}){_WS}*,)?{_WS}*\Z"
)
_SUBJECT_AT_START = re.compile(
    rf"{_WS}*(?P<subj>{SUBJECT})(?![\w’'-])(?:{_WS}*,{_WS}*(?P<appos>{APPOSITIVE})(?=[,.:]|\Z))?"
)
_APPOSITIVE_AFTER = re.compile(rf"{_WS}*,{_WS}*({APPOSITIVE})(?=,)")
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s*\Z")
_WORDS = re.compile(r"[\w’'-]+")
# "who heads the Syrian Observatory" / "who is a spokesman for the group": a role in a relative clause.
_RELATIVE_ROLE = re.compile(
    rf"who{_WS}+(?:(?P<verb>{'|'.join(sorted(RELATIVE_ROLE_VERBS, key=len, reverse=True))}){_WS}+(?P<obj>.+)"
    rf"|(?:is|was){_WS}+(?P<np>.+))",
    re.DOTALL,
)
# "a Syrian army officer": an unnamed person introduced by an indefinite description.
_INDEFINITE = re.compile(
    rf"(?<![\w’'-])[Aa]n?{_WS}+(?:[\w’'-]+{_WS}+){{0,3}}?"
    rf"(?P<head>{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})(?![\w’'-])"
)


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject found at a cue: as written, where, what kind, and a role written beside it."""

    as_written: str
    span: Span
    kind: SubjectKind
    role: str | None = None


@dataclass(slots=True)
class ArticleNames:
    """Every name of one article, for resolving speakers and sources.

    Distinct names are indexed by their last token so that resolving a mention looks only at the
    names that could hold it: building and resolving stay linear in the number of mentions.
    """

    body: str
    mentions: list[NameMention]
    acronyms: dict[str, tuple[str, Span]]
    org_names: frozenset[str] = frozenset()
    roles: dict[str, str] = field(default_factory=dict)
    person_starts: list[int] = field(default_factory=list)
    person_names: list[str] = field(default_factory=list)
    _by_token: dict[str, list[tuple[str, str, list[str], bool]]] = field(default_factory=dict)
    _resolved: dict[str, str] = field(default_factory=dict)
    _descriptions: list[tuple[int, str, str]] | None = None

    @classmethod
    def build(
        cls, body: str, *, headline_spans: tuple[Span, ...] = (), quoted_spans: tuple[Span, ...] = ()
    ) -> ArticleNames:
        acronyms = acronym_definitions(body)
        org_names = frozenset(acronyms) | frozenset(full for full, _ in acronyms.values())
        headline_spans = headline_spans + _title_line(body)
        mentions = [
            m for m in find_names(body, org_names=org_names)
            if not any(s <= m.span[0] < e for s, e in headline_spans)
        ]
        names = cls(body=body, mentions=mentions, acronyms=acronyms, org_names=org_names)
        names.index_tokens(quoted_spans)
        names.index_people(quoted_spans)
        return names

    def index_tokens(self, quoted_spans: tuple[Span, ...] = ()) -> None:
        """Index each distinct name under each of its tokens, first mention first, noting whether the
        reporter writes it outside quote marks (a name only quoted may be a book title's words)."""
        starts = [s for s, _ in quoted_spans]
        reported = {m.text for m in self.mentions if not _inside(m.span[0], quoted_spans, starts)}
        seen: set[str] = set()
        for mention in self.mentions:
            if mention.text in seen:
                continue
            seen.add(mention.text)
            tokens = [bare_token(t) for t in mention.text.split()]
            entry = (mention.text, mention.kind, tokens, mention.text in reported)
            for token in set(tokens):
                self._by_token.setdefault(token, []).append(entry)

    def index_people(self, quoted_spans: tuple[Span, ...] = ()) -> None:
        """Record each person mention's resolved name, position and role, in body order.

        Names written inside quote marks ("Big Daddy", a name the speaker mentions) are left out: a
        pronoun after a quote refers to someone the reporter named, not to someone the speaker named.
        """
        starts = [s for s, _ in quoted_spans]
        for mention in self.mentions:
            if mention.kind != "person" or _inside(mention.span[0], quoted_spans, starts):
                continue
            full = self.resolve(mention.text)
            if len(full.split()) < 2 or name_kind(full) != "person" or full.split()[-1] in _PARTY_ENDINGS:
                continue  # a lone capitalised word is as likely a place as a person, "Minnesota Democratic" neither
            self.person_starts.append(mention.span[0])
            self.person_names.append(full)
            if full in self.roles:
                continue  # the first role written for a person is the one kept
            role = mention.title or role_before(self.body, mention.span[0])
            role = role or appositive_after(self.body, mention.span[1])
            if role:
                self.roles[full] = role

    def resolve(self, as_written: str) -> str:
        """The fullest name of the same kind holding ``as_written``'s tokens in a row."""
        if as_written not in self._resolved:
            self._resolved[as_written] = self._fullest(as_written)
        return self._resolved[as_written]

    def _fullest(self, as_written: str) -> str:
        if as_written in self.acronyms:
            return self.acronyms[as_written][0]
        wanted = [bare_token(t) for t in as_written.split()]
        if not wanted:
            return as_written
        kind = name_kind(as_written)
        best, best_rank, best_tokens = as_written, (False, False, False), wanted
        for text, mention_kind, tokens, reported in self._by_token.get(wanted[-1], ()):
            if mention_kind != kind or len(tokens) <= len(wanted):
                continue
            # First a name ending in the wanted surname ("Donald Trump", not "Trump Taj Mahal"), better
            # without a generational suffix ("Donald Trump Jr"), then one the reporter writes outside
            # quote marks (not the book title's "Real Donald Trump"); among those, a name that extends
            # the one found ("Donald J. Trump" after "Donald Trump"), else the first mentioned ("Mr.
            # Bush" after "Jeb Bush" is Jeb, however long "George W. Bush" is).
            rank = (_surname(tokens) == wanted[-1], tokens[-1] == wanted[-1], reported)
            extends = len(tokens) > len(best_tokens) and set(best_tokens) <= set(tokens)
            if (rank > best_rank or rank == best_rank and extends) and _holds_run(tokens, wanted) and _is_name(text):
                best, best_rank, best_tokens = text, rank, tokens
        return best.removesuffix("’s").removesuffix("'s")

    def aliases(self, name: str) -> tuple[str, ...]:
        """Acronyms defined for ``name``."""
        return tuple(sorted(a for a, (full, _) in self.acronyms.items() if full == name))

    def described_before(self, as_written: str, pos: int) -> str | None:
        """ "the officer" → "a Syrian army officer", the last such description before ``pos``.

        A definite description refers back to the last indefinite one with the same head noun and
        every modifier it repeats; found on first use, since most articles never need it.
        """
        words = as_written.lower().split()
        if len(words) < 2 or words[0] != "the":
            return None
        if self._descriptions is None:
            self._descriptions = [
                (m.start(), m.group(), m.group("head").lower()) for m in _INDEFINITE.finditer(self.body)
            ]
        wanted = set(words[1:-1])
        for start, text, head in reversed(self._descriptions):
            if start < pos and head == words[-1] and wanted <= set(text.lower().split()):
                return text
        return None

    def last_person_before(self, pos: int) -> str | None:
        i = bisect.bisect_left(self.person_starts, pos) - 1
        return self.person_names[i] if i >= 0 else None

    def kind_of(self, text: str) -> SubjectKind:
        """Person, organisation or place, for a name as written (acronyms are organisations)."""
        resolved = self.resolve(text)
        if text in self.org_names or resolved in self.org_names:
            return "org"
        return name_kind(resolved, org_names=self.org_names)


# A run ending in a party word is a description ("the Iowa Republican") or a cut-off name ("Minnesota
# Democratic-Farmer-Labor"), never a person a pronoun can refer to.
_PARTY_ENDINGS = frozenset({"Democratic", "Republican", "Democrat", "GOP"})
_LINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_HEADLINE_MAX_WORDS = 10


def _title_line(body: str) -> tuple[Span, ...]:
    # A first line in title case is the headline even when it ends in a full stop (PolNeAR's
    # "Rick Perry Just Announced His Plan."): its capitalised runs are no names to resolve to. So is
    # a short first paragraph in sentence case, whose opening capital says nothing ("Understated
    # Perez raises political profile."): a story's first sentence is longer.
    end = body.find("\n")
    end = len(body) if end < 0 else end
    words = _LINE_WORD.findall(body, 0, end)
    long_words = [w for w in words if len(w) > 3]
    title_case = bool(long_words) and all(w[0].isupper() for w in long_words)
    short_paragraph = 0 < len(words) <= _HEADLINE_MAX_WORDS and body.startswith("\n", end + 1)
    return ((0, end),) if title_case or short_paragraph else ()


def _is_name(text: str) -> bool:
    # A run past its first word holding a capitalised function word or auxiliary is a title-case
    # headline, not a name: "Rick Perry Just Announced His" holds "Perry" but is no fuller name of it.
    return not any(word in _HEADLINE_WORDS for word in text.split()[1:])


def _inside(pos: int, spans: tuple[Span, ...], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surname(tokens: list[str]) -> str:
    # The last bare token before a generational suffix: "bozell" of "Brent Bozell III".
    return tokens[-2] if len(tokens) > 1 and tokens[-1] in _GENERATIONS else tokens[-1]


def _holds_run(tokens: list[str], wanted: list[str]) -> bool:
    n = len(wanted)
    return n > 0 and any(tokens[i:i + n] == wanted for i in range(len(tokens) - n + 1))


def subject_ending_at(body: str, *, lo: int, hi: int) -> Subject | None:
    """The subject that ends right before ``hi`` (a cue), looking no further back than ``lo``."""
    match = _SUBJECT_AT_END.search(body, max(lo, hi - 200), hi)
    if match is None:
        return None
    return subject_from_span(body, match.span("subj"), appositive=match.group("appos"), floor=lo)


def subject_starting_at(body: str, *, pos: int, hi: int) -> tuple[Subject, int] | None:
    """The subject that starts at ``pos`` (after a cue: "said Abdel Ghani") and where it ends."""
    match = _SUBJECT_AT_START.match(body, pos, hi)
    if match is None:
        return None
    subject = subject_from_span(body, match.span("subj"), appositive=match.group("appos"), floor=pos)
    return None if subject is None else (subject, match.end())


def subject_from_span(
    body: str, span: Span, *, appositive: str | None = None, floor: int = 0, lenient: bool = False
) -> Subject | None:
    """A subject from its span: a pronoun, a determiner phrase or a name (titles become the role)."""
    start, end = span
    text = body[start:end]
    words = text.split()
    if not words:
        return None
    if text.lower() in {"he", "she", "they", "it", "we", "i"}:
        return Subject(text, (start, end), "pronoun")
    if words[0].lower() in {"the", "a", "an", "his", "her", "their", "its"}:
        return _determiner_subject(body, start, end, appositive, lenient=lenient)
    cleaned = clean_name(body, start, end)
    if cleaned is None:
        return None
    (start, end), title = cleaned
    if body[start:end].lower() in TIME_NAMES:
        return None
    role = title or role_before(body, start, floor=floor)
    if appositive:
        role = role or role_of_appositive(appositive)
    return Subject(body[start:end], (start, end), "unknown", role)


def _determiner_subject(
    body: str, start: int, end: int, appositive: str | None, *, lenient: bool
) -> Subject | None:
    # "the ministry" is an organisation, "a senior official" a person; anything else is no subject,
    # unless the pattern around it is unambiguous (``lenient``: "…,” the New York businessman said).
    head = body[start:end].split()[-1].lower()
    if head in ORG_NOUNS:
        return Subject(body[start:end], (start, end), "org")
    if lenient or head in ROLE_NOUNS or head in PEOPLE_NOUNS or head.removesuffix("s") in ROLE_NOUNS:
        role = role_of_appositive(appositive) if appositive else None
        return Subject(body[start:end], (start, end), "person", role)
    return None


def role_before(body: str, pos: int, *, floor: int = 0) -> str | None:
    """A pre-modifier role ending right before ``pos``: "Rebel commander", "HTS leader"."""
    if not _ends_in_role_noun(body, pos, floor):
        return None  # the common case, decided without reading four words back
    words: list[tuple[int, str]] = []
    cursor = pos
    while len(words) < 4:
        match = _WORD_BEFORE.search(body, max(floor, cursor - 40), cursor)
        if match is None or "\n" in body[match.end(1):cursor]:
            break
        words.insert(0, (match.start(1), match.group(1)))
        cursor = match.start(1)
    return role_from_words(words)


def _ends_in_role_noun(body: str, pos: int, floor: int) -> bool:
    # The word right before ``pos`` (as ``role_before`` reads it) is a role noun.
    lo = max(floor, pos - 40)
    end = pos
    while end > lo and body[end - 1].isspace():
        end -= 1
    start = end
    while start > lo and (body[start - 1].isalnum() or body[start - 1] in "_’'-"):
        start -= 1
    return start < end and "\n" not in body[end:pos] and body[start:end].lower() in ROLE_NOUNS


def role_from_words(words: list[tuple[int, str]]) -> str | None:
    if not words or words[-1][1].lower() not in ROLE_NOUNS:
        return None
    kept: list[str] = []
    for _, word in reversed(words):
        lower = word.lower()
        if lower in ROLE_NOUNS or lower in ROLE_MODIFIERS:
            kept.insert(0, lower)
        elif word.isupper() and len(word) > 1 or word.endswith(("’s", "'s")) and word[0].isupper():
            kept.insert(0, word)  # "HTS leader", "Syria’s foreign minister"
        else:
            break
    return " ".join(kept) or None


def appositive_after(body: str, pos: int) -> str | None:
    """An appositive role right after a name: ", head of SOHR,"."""
    match = _APPOSITIVE_AFTER.match(body, pos, min(len(body), pos + 90))
    return None if match is None else role_of_appositive(match.group(1))


def role_of_appositive(text: str) -> str | None:
    """The role an appositive names, or None: "head of SOHR"; "who heads SOHR" → "head of SOHR"."""
    text = text.strip()
    relative = _RELATIVE_ROLE.fullmatch(text)
    if relative is not None:
        if relative.group("verb"):
            return f"{RELATIVE_ROLE_VERBS[relative.group('verb')]} {relative.group('obj').strip()}"
        text = relative.group("np").strip()
    return text if is_role_phrase(text) else None


def is_role_phrase(text: str) -> bool:
    """Whether an appositive names a role: "head of SOHR", "a spokesman for the group"."""
    words = [w.lower() for w in _WORDS.findall(text)]
    if not words or len(words) > 8:
        return False
    if words[0] in {"a", "an", "the"}:
        words = words[1:]
    head = next((w for w in words if w not in ROLE_MODIFIERS or w in ROLE_NOUNS), "")
    return head in ROLE_NOUNS or head.removesuffix("’s") in ROLE_NOUNS


def person_pronoun(text: str) -> bool:
    """ "he" and "she" refer to a person named before; "they", "it" and "we" are left unresolved."""
    return text.lower() in PERSON_PRONOUNS
