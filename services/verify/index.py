"""The verifier's in-memory claim index: blocking keys, records and match edges (pure core).

Matching a new claim looks only at claims that share a *blocking key* with it, so the cost per claim
stays nearly flat as the index grows:

* quote — (speaker's last name, name or content word of the statement)
* attribution — (source name / alias / acronym, name or content word of the statement)
* figure — (quantity, name or context word)

Only the MAX_KEY_WORDS longest words make keys, and a candidate must share one name or two words
with the claim before it is compared at all. A key shared by more than HOT_KEY_POSTINGS claims
is skipped when the claim has other keys, like a stopword in an inverted index (a known limit: past
that size, a match that shares only hot keys is missed).

Claims are numbered internally; postings and edges hold those small ints, and an edge holds only the
relation's kind (its reason is recomputed when evidence is shown).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import singledispatch

from services.verify.constants import HOT_KEY_POSTINGS, MAX_KEY_WORDS
from services.verify.records import AttributionRecord, ClaimRecord, FigureRecord, QuoteRecord

BlockingKey = tuple[str, str, str]


@singledispatch
def blocking_keys(
    record: ClaimRecord, anchors: Iterable[str] | None = None, *, query: bool = False
) -> set[BlockingKey]:
    """The keys a record is filed under, or with ``query`` the keys to look its candidates up by.

    ``anchors`` overrides a source's names (to look up by its whole alias group).
    """
    return set()


@blocking_keys.register
def _quote_keys(
    record: QuoteRecord, anchors: Iterable[str] | None = None, *, query: bool = False
) -> set[BlockingKey]:
    if not record.speaker:
        return set()
    return {("q", record.speaker[-1], part) for part in _key_parts(record, query)}


@blocking_keys.register
def _attribution_keys(
    record: AttributionRecord, anchors: Iterable[str] | None = None, *, query: bool = False
) -> set[BlockingKey]:
    names = record.source_keys if anchors is None else anchors
    return {("a", name, part) for name in names for part in _key_parts(record, query)}


@blocking_keys.register
def _figure_keys(
    record: FigureRecord, anchors: Iterable[str] | None = None, *, query: bool = False
) -> set[BlockingKey]:
    return {("f", record.quantity, part) for part in _key_parts(record, query)}


def _key_parts(record: ClaimRecord, query: bool) -> list[str]:
    """Its names ("n:…") and longest content words, the words tagged by whether it names anything.

    Two claims that both name something match only through a shared name (``names_apart``), so a
    claim with names looks words up only among claims without ("w-:"). That keeps generic words
    ("killed", "people") off the hot path of most news claims, which do name places.
    """
    words = sorted(record.words, key=lambda w: (-len(w), w))[:MAX_KEY_WORDS]
    parts = [f"n:{name}" for name in record.names]
    if not query:
        tag = "w+:" if record.names else "w-:"
        return parts + [tag + w for w in words]
    tags = ("w-:",) if record.names else ("w-:", "w+:")
    return parts + [tag + w for tag in tags for w in words]


def _shared_part(key: BlockingKey) -> str:
    """What a key shares: the name ("n:…") or the bare word."""
    return key[2] if key[2].startswith("n:") else key[2][3:]


def _enough(shared: set[str], record: ClaimRecord, other: ClaimRecord) -> bool:
    """One shared name, or two shared words when one of them names nothing (see names_apart)."""
    if any(part.startswith("n:") for part in shared):
        return True
    return len(shared) >= 2 and not (record.names and other.names)


class ClaimIndex:
    """Claim records by id, filed under blocking keys, with the symmetric match edges between them."""

    def __init__(self) -> None:
        self._number: dict[str, int] = {}
        self._records: list[ClaimRecord] = []
        self._postings: dict[BlockingKey, list[int]] = defaultdict(list)
        self._edges: dict[int, dict[int, str]] = {}
        self._by_article: dict[str, list[int]] = defaultdict(list)
        self._by_source_key: dict[str, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, claim_id: str) -> bool:
        return claim_id in self._number

    def get(self, claim_id: str) -> ClaimRecord:
        return self._records[self._number[claim_id]]

    def add(self, record: ClaimRecord) -> None:
        """File a record under its keys (a claim already present is left as it is)."""
        if record.claim_id in self._number:
            return
        number = len(self._records)
        self._number[record.claim_id] = number
        self._records.append(record)
        for key in blocking_keys(record):
            self._postings[key].append(number)
        self._by_article[record.article_id].append(number)
        if isinstance(record, AttributionRecord):
            for key in record.source_keys:
                self._by_source_key[key].append(number)

    def candidates(self, record: ClaimRecord, keys: set[BlockingKey]) -> Iterator[ClaimRecord]:
        """Records of other articles that share enough keys with ``record`` to possibly match.

        Enough is one shared name or two shared words (a match needs at least that, see
        matching.py); counting hits over postings of ints is cheap, so only those few records are
        compared. Hot keys are skipped, see above.
        """
        lists = [(k, self._postings.get(k, [])) for k in keys]
        cool = [(k, p) for k, p in lists if len(p) <= HOT_KEY_POSTINGS]
        if not cool and lists:  # every key is hot: scan the least hot one
            cool = [min(lists, key=lambda pair: len(pair[1]))]
        hits: dict[int, set[str]] = defaultdict(set)
        for key, postings in cool:
            part = _shared_part(key)
            for number in postings:
                hits[number].add(part)
        for number in sorted(hits):
            other = self._records[number]
            if other.article_id != record.article_id and _enough(hits[number], record, other):
                yield other

    def link(self, a: str, b: str, relation: str) -> None:
        """Record the (symmetric) relation between two claims."""
        x, y = self._number[a], self._number[b]
        self._edges.setdefault(x, {})[y] = relation
        self._edges.setdefault(y, {})[x] = relation

    def unlink(self, claim_id: str) -> set[str]:
        """Drop every edge of a claim; returns the ids it was linked to."""
        x = self._number[claim_id]
        dropped = self._edges.pop(x, {})
        for y in dropped:
            self._edges.get(y, {}).pop(x, None)
        return {self._records[y].claim_id for y in dropped}

    def neighbours(self, claim_id: str) -> dict[str, str]:
        """Linked claims of other articles and the relation to each."""
        edges = self._edges.get(self._number[claim_id], {})
        return {self._records[y].claim_id: relation for y, relation in edges.items()}

    def in_article(self, article_id: str) -> list[str]:
        return [self._records[n].claim_id for n in self._by_article.get(article_id, ())]

    def with_source_key(self, key: str) -> list[str]:
        return [self._records[n].claim_id for n in self._by_source_key.get(key, ())]
