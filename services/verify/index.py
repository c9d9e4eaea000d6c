"""The verifier's in-memory claim index: blocking keys, records and match edges (pure core).

Matching a new claim looks only at claims that share a *blocking key* with it, so the cost per claim
stays nearly flat as the index grows:

* quote — (speaker's last name, name or content word of the statement)
* attribution — (source name / alias / acronym, name or content word of the statement)
* figure — (quantity, name or context word)

Only the MAX_KEY_WORDS longest words make keys, and a candidate must share one name or two words
with the claim before it is compared at all. A key shared by more than HOT_KEY_POSTINGS claims
is skipped when the claim has other keys, like a stopword in an inverted index (a known limit: past
that size, a match that shares only hot keys is missed). Likewise only the MAX_CANDIDATES most
recent candidates are compared: a claim that many others already match has its verdict from them,
and the cap keeps a hot story's cost per claim bounded (the price: on a hot story, which older
claims get linked depends on arrival order, as with hot keys). For the same reason a claim holds at
most MAX_LINKS links, the first ones made (``has_room``): a later report of a hot story links to
the claims that still have room, and the full ones keep the verdict their links gave.

Keys are filed per time bucket of MATCH_WINDOW (claims published further apart are never the same
claim, see matching.py), so a posting list holds the claims of a few weeks, not of all time: that
keeps the cost per claim flat as the index grows. Only the newest RETAINED_BUCKETS buckets keep
their postings (the records stay, for evidence): a claim that arrives later than that behind the
newest one finds no candidates, and an undated claim looks up the retained buckets only.

Claims are numbered internally; postings and edges hold those small ints, and an edge holds only the
relation's kind (its reason is recomputed when evidence is shown).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import singledispatch
from itertools import chain

from services.verify.constants import (
    HOT_KEY_POSTINGS,
    MATCH_WINDOW_SECONDS,
    MAX_CANDIDATES,
    MAX_KEY_WORDS,
    MAX_LINKS,
    RETAINED_BUCKETS,
)
from services.verify.exceptions import VerifyError
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


_TAIL = 2 * MAX_CANDIDATES  # newest claims of each name list merged first (_hits_most_recent_first)


def _hits_most_recent_first(
    postings: list[tuple[BlockingKey, Sequence[int]]],
) -> Iterator[tuple[int, bool]]:
    """Claims sharing one name or two words with a query, most recent first, and whether a name.

    A posting list is in filing order, so the claims most recent among those sharing a name are at
    the tails of the name lists: the newest _TAIL of each are merged, and the whole lists only once
    the walk passes below the oldest claim a tail vouches for (rarely: candidates stop at
    MAX_CANDIDATES). Words must be counted over whole lists. Was one Python set per posting
    scanned, ~11 % of live handling at 10^5 claims.
    """
    name_lists = [numbers for key, numbers in postings if key[2].startswith("n:")]
    by_word: dict[str, set[int]] = {}
    for key, numbers in postings:
        if not key[2].startswith("n:"):
            by_word.setdefault(key[2][3:], set()).update(numbers)
    counts = Counter(chain.from_iterable(by_word.values()))
    two_words = {number for number, shared in counts.items() if shared >= 2}
    named = set(chain.from_iterable(numbers[-_TAIL:] for numbers in name_lists))
    floor = max((numbers[-_TAIL] for numbers in name_lists if len(numbers) > _TAIL), default=-1)
    for number in sorted(named | two_words, reverse=True):
        if number < floor:
            break
        yield number, number in named
    if floor >= 0:
        named = set(chain.from_iterable(name_lists))
        for number in sorted({n for n in named | two_words if n < floor}, reverse=True):
            yield number, number in named


class ClaimIndex:
    """Claim records by id, filed under blocking keys, with the symmetric match edges between them.

    Compact by design (a million claims fit in well under a GiB): a key is filed as the 64-bit
    hash of (key, time bucket); a key held by one claim stores that claim's number, more share an
    ``array('I')``; a claim's edges are the bytes of an ``array('I')`` of
    ``neighbour << 2 | relation`` (so at most 2^30 claims are numbered, see ``add``), in a list by
    claim number: an array object and a dict entry per claim cost ~180 bytes a claim at 11.6 links,
    the bytes in a list slot ~90 (edges change only when a claim is linked or leaves).
    Hash collisions can only add a candidate, which ``relate`` then rejects, so they never change
    a verdict.
    """

    def __init__(self) -> None:
        self._number: dict[str, int] = {}
        self._records: list[ClaimRecord | None] = []  # None: removed (its number is not reused)
        # time bucket → key hash → claim numbers; buckets past RETAINED_BUCKETS are dropped
        self._postings: dict[int, dict[int, int | array]] = {}
        self._edges: list[bytes] = []  # by claim number: its packed edges, b"" when it has none
        self._by_article: dict[str, int | array] = {}
        self._by_source_key: dict[str, int | array] = {}

    def __len__(self) -> int:
        return len(self._number)

    def __contains__(self, claim_id: str) -> bool:
        return claim_id in self._number

    def get(self, claim_id: str) -> ClaimRecord:
        record = self._records[self._number[claim_id]]
        assert record is not None  # numbers of removed records leave _number with them
        return record

    def add(self, record: ClaimRecord) -> None:
        """File a record under its keys (a claim already present is left as it is)."""
        if record.claim_id in self._number:
            return
        number = len(self._records)
        if number >= _MAX_NUMBERED:
            raise VerifyError(
                f"the index has numbered {number:,} claims, its limit; restart the verifier so "
                "it rebuilds a compact index from claims.v1"
            )
        self._number[record.claim_id] = number
        self._records.append(record)
        self._edges.append(b"")
        # an uncheckable claim never matches (matching.py): not filed, and opens no time bucket
        postings = self._bucket(time_bucket(record.published_at)) if record.checkable else None
        for table, key in self._filings(record, postings):
            _file(table, key, number)

    def candidates(self, record: ClaimRecord, keys: set[BlockingKey]) -> Iterator[ClaimRecord]:
        """Records of other articles that share enough keys with ``record`` to possibly match.

        Enough is one shared name or two shared words (a match needs at least that, see
        matching.py); they are found from the posting lists of ints alone
        (``_hits_most_recent_first``), so only those few records are compared. Only the time
        buckets within MATCH_WINDOW are looked up (an undated claim looks up every bucket, a dated
        one the undated bucket too). Hot keys are skipped, see above.
        """
        buckets = self._query_buckets(record.published_at)
        filed = [self._postings[b] for b in buckets if b in self._postings]
        lists = [(k, _numbers(postings.get(hash(k)))) for k in keys for postings in filed]
        cool = [(k, p) for k, p in lists if len(p) <= HOT_KEY_POSTINGS]
        if not cool and lists:  # every key is hot: scan the least hot one (the first key on a tie,
            # not the first in the set's order, which follows the process's string hash seed)
            cool = [min(lists, key=lambda pair: (len(pair[1]), pair[0]))]
        found = 0
        for number, by_name in _hits_most_recent_first(cool):
            other = self._records[number]
            assert other is not None  # removed records leave their postings
            # two shared words count only when one of the claims names nothing (see names_apart)
            if other.article_id != record.article_id and (
                by_name or not (record.names and other.names)
            ):
                yield other
                found += 1
                if found >= MAX_CANDIDATES:
                    return

    def _bucket(self, bucket: int) -> dict[int, int | array]:
        """The postings of a time bucket; opening a new one drops those RETAINED_BUCKETS behind it."""
        postings = self._postings.get(bucket)
        if postings is None:
            postings = self._postings[bucket] = {}
            newest = max(self._postings)
            for old in [b for b in self._postings if b != UNDATED and b < newest - RETAINED_BUCKETS]:
                del self._postings[old]
        return postings

    def _query_buckets(self, published_at: float | None) -> list[int]:
        bucket = time_bucket(published_at)
        if bucket == UNDATED:
            return sorted(self._postings)
        return [bucket - 1, bucket, bucket + 1, UNDATED]

    def remove(self, claim_id: str) -> set[str]:
        """Take a claim out of the index (a superseded article version); returns its neighbours."""
        dropped = self.unlink(claim_id)
        number = self._number.pop(claim_id)
        record = self._records[number]
        assert record is not None
        self._records[number] = None
        # a bucket past retention is gone with its postings; an uncheckable record filed none there
        postings = self._postings.get(time_bucket(record.published_at)) if record.checkable else None
        for table, key in self._filings(record, postings):
            _discard(table, key, number)
        return dropped

    def _filings(self, record: ClaimRecord, postings: dict | None) -> Iterator[tuple[dict, object]]:
        """Every (table, key) a record is filed under: its blocking keys in its time bucket's
        ``postings`` (when given), its article, and an attribution's source keys."""
        if postings is not None:
            for key in blocking_keys(record):
                yield postings, hash(key)
        yield self._by_article, record.article_id
        if isinstance(record, AttributionRecord):
            for key in record.source_keys:
                yield self._by_source_key, key

    def link(self, a: str, b: str, relation: str) -> None:
        """Record the (symmetric) relation between two claims."""
        x, y = self._number[a], self._number[b]
        code = _RELATION_CODES[relation]
        self._set_edge(x, y, code)
        self._set_edge(y, x, code)

    def _set_edge(self, x: int, y: int, code: int) -> None:
        edges = array("I", self._edges[x])
        for i, packed in enumerate(edges):
            if packed >> 2 == y:
                edges[i] = y << 2 | code
                break
        else:
            edges.append(y << 2 | code)
        self._edges[x] = edges.tobytes()

    def has_room(self, claim_id: str) -> bool:
        """Whether a claim can take another link (at most MAX_LINKS, see the module docstring)."""
        return self.room(claim_id) > 0

    def room(self, claim_id: str) -> int:
        """How many more links a claim can take."""
        return MAX_LINKS - len(self._edges[self._number[claim_id]]) // _EDGE_BYTES

    def unlink(self, claim_id: str) -> set[str]:
        """Drop every edge of a claim; returns the ids it was linked to."""
        x = self._number[claim_id]
        dropped = [packed >> 2 for packed in array("I", self._edges[x])]
        self._edges[x] = b""
        for y in dropped:
            kept = array("I", (packed for packed in array("I", self._edges[y]) if packed >> 2 != x))
            self._edges[y] = kept.tobytes()
        return {self._claim_id(y) for y in dropped}

    def neighbours(self, claim_id: str) -> dict[str, str]:
        """Linked claims of other articles and the relation to each."""
        edges = array("I", self._edges[self._number[claim_id]])
        return {self._claim_id(p >> 2): _RELATIONS[p & 3] for p in edges}

    def in_article(self, article_id: str) -> list[str]:
        return [self._claim_id(n) for n in _numbers(self._by_article.get(article_id))]

    def with_source_key(self, key: str) -> list[str]:
        return [self._claim_id(n) for n in _numbers(self._by_source_key.get(key))]

    def _claim_id(self, number: int) -> str:
        record = self._records[number]
        assert record is not None
        return record.claim_id


# Relations as the two low bits of a packed edge.
_RELATIONS = ("supports", "contradicts", "updates", "none")
_RELATION_CODES = {name: code for code, name in enumerate(_RELATIONS)}
_MAX_NUMBERED = 1 << 30  # claim numbers fit an edge's 32 bits beside the relation's two
_EDGE_BYTES = array("I").itemsize
UNDATED = -(1 << 40)  # the time bucket of claims whose article has no publication time


def time_bucket(published_at: float | None) -> int:
    """The MATCH_WINDOW-wide slice of time a claim is filed under (UNDATED without a time)."""
    return UNDATED if published_at is None else int(published_at // MATCH_WINDOW_SECONDS)


def _numbers(filed: int | array | None) -> Sequence[int]:
    if filed is None:
        return ()
    return (filed,) if isinstance(filed, int) else filed


def _file(table: dict, key: object, number: int) -> None:
    """File ``number`` under ``key``: the bare int for one, an array for more."""
    filed = table.get(key)
    if filed is None:
        table[key] = number
    elif isinstance(filed, int):
        table[key] = array("I", (filed, number))
    else:
        filed.append(number)


def _discard(table: dict, key: object, number: int) -> None:
    """Drop ``number`` from what is filed under ``key``, and the key when nothing is left."""
    filed = table.get(key)
    if filed is None:
        return
    if isinstance(filed, int):
        if filed == number:
            del table[key]
        return
    if number in filed:
        filed.remove(number)
    if not filed:
        del table[key]
