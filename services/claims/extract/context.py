"""What every extractor of one article shares: the text, its sentences, its names, the ids.

Pure core of the claims service. Built once per article so that each kind's extractor reads the same
sentence spans and the same resolved names, and every claim gets its id the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from schemas.ids import claim_id
from services.claims.extract.quote_marks import QuotedRegion, quoted_regions
from services.claims.extract.sentences import SentenceIndex, dateline_end, paragraphs
from services.claims.extract.speakers import ArticleNames

Span = tuple[int, int]

_TITLE_WORD = re.compile(r"[\w’'-]+")
_TRAILING_PUNCT = ".!?;:,\"”’) \t"


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """One article, prepared for extraction."""

    body: str
    article_id: str
    extractor_version: str
    paragraphs: tuple[Span, ...]
    sentences: SentenceIndex
    names: ArticleNames
    quoted: tuple[QuotedRegion, ...] = ()

    @classmethod
    def build(cls, body: str, *, article_id: str, extractor_version: str) -> ArticleContext:
        paragraph_spans = paragraphs(body)
        headlines = tuple(p for p in paragraph_spans if is_headline(body[p[0]:p[1]]))
        quoted = tuple(quoted_regions(body, paragraph_spans))
        inside = tuple((r.content_start, r.content_end) for r in quoted)
        return cls(
            body=body,
            article_id=article_id,
            extractor_version=extractor_version,
            paragraphs=paragraph_spans,
            sentences=SentenceIndex.build(
                body, paragraph_spans=paragraph_spans, skip_to=_story_start(body, paragraph_spans, headlines)
            ),
            names=ArticleNames.build(body, headline_spans=headlines, quoted_spans=inside),
            quoted=quoted,
        )

    def claim_fields(self, *, kind: str, span: Span) -> dict[str, Any]:
        """The fields every claim shares, for a claim of ``kind`` at ``span``."""
        sentence_span = self.sentences.containing(span)
        return {
            "claim_id": claim_id(
                article_id=self.article_id,
                extractor_version=self.extractor_version,
                kind=kind,
                span=span,
            ),
            "article_id": self.article_id,
            "extractor_version": self.extractor_version,
            "text": self.body[span[0]:span[1]],
            "span": span,
            "sentence": self.body[sentence_span[0]:sentence_span[1]],
            "sentence_span": sentence_span,
        }


def _story_start(body: str, paragraph_spans: tuple[Span, ...], headlines: tuple[Span, ...]) -> int:
    # The dateline of the first paragraph that is not a headline is nobody's words: skip it.
    first = next((p for p in paragraph_spans if p not in headlines), None)
    if first is None:
        return 0
    return dateline_end(body, first) or 0


def is_headline(line: str) -> bool:
    """A crosshead: no sentence punctuation at the end and most words capitalised."""
    line = line.strip()
    if not line or line[-1] in ".!?\"”’:;,":
        return False
    words = _TITLE_WORD.findall(line)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) <= 14 and capitalised * 2 > len(words)


def word_count(text: str) -> int:
    return len(_TITLE_WORD.findall(text))


def is_title_case(text: str) -> bool:
    """A quoted title ("War and Peace"): every long word capitalised."""
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def lead_or_trail(
    body: str, lead: re.Pattern[str], trail: re.Pattern[str], start: int, end: int
) -> tuple[re.Match[str], tuple[int, int]] | None:
    """A credit opening the sentence ``body[start:end]`` ("In a CBS poll, S", "Some say S") or, failing
    that, closing it ("S in a CNN poll", "S, critics say"): the credit's match and the statement's span."""
    match = lead.match(body, start, end)
    if match is not None:
        return match, (match.end(), trim_end(body, match.end(), end))
    match = trail.search(body, start, end)
    if match is None:
        return None
    return match, (start, trim_end(body, start, match.start()))


def trim_end(body: str, start: int, end: int) -> int:
    """``end`` moved back over closing punctuation and white space, keeping a needed closing mark."""
    limit = end
    while end > start and body[end - 1] in _TRAILING_PUNCT:
        end -= 1
    if body.count("“", start, end) > body.count("”", start, end):
        closing = body.find("”", end, limit)
        end = closing + 1 if closing >= 0 else end
    return end
