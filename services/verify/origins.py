"""Independent origins of articles and claims (pure core of the verifier).

Sources are counted by *independent origin* (DESIGN.md, "Verification"). The rules, in order:

Article origin
  1. A wire credit makes the wire the origin: ``ArticleMeta.credit``, a wire named in the byline, or
     a credit line in the copy ("BEIRUT (Reuters) -", "(AP) —", "— AFP" sign-off). A bare mention
     ("AFP reported") is an attribution, not a credit.
  2. Near-duplicate bodies (MinHash Jaccard ≥ NEAR_DUPLICATE_JACCARD, or the same content hash) form
     one cluster with one origin: uncredited members take the credit of the earliest credited member,
     or, when none is credited, the outlet of the earliest member (``published_at``, then
     ``article_id``). So a rewrite of a wire story is an echo of the wire even when the wire copy is
     seen later, and two copies of one text can never count as two sources.
  3. Otherwise the outlet (``ArticleMeta.source``).

Claim origin
  * attribution — the credited source, whatever outlet carries it ("according to SOHR" in two outlets
    is one origin, SOHR). Names and aliases are linked in an ``AliasBook``; the origin is the group's
    label (its shortest acronym, else its shortest name).
  * quote — the *witness*, not the speaker: the article's origin, or the wire the sentence says heard
    the words ("told AFP"). A quote claim asserts "S said T"; what checks it is another party that
    heard S say it. An outlet quoting its own reporter, or a speaker its reporter interviewed, is its
    own origin; a republished quote is an echo through rule 2. (Counting the speaker as the origin
    would make every quote single-source by construction.)
  * figure — the origin of the quote or attribution that carries it (``in_claim_id``), else the
    article's origin. A figure inside "according to SOHR" rests on SOHR.
"""

from __future__ import annotations

import hashlib
import sys
import math
from array import array
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from schemas.events import ArticleMeta
from services.ingest.fingerprint import estimated_jaccard
from services.verify.constants import (
    KNOWN_SOURCE_ALIASES,
    LSH_ROWS_PER_BAND,
    NEAR_DUPLICATE_HORIZON_SECONDS,
    NEAR_DUPLICATE_JACCARD,
    WIRE_CREDIT_PATTERNS,
    WIRE_NAMES,
)
from services.verify.versions import content_key
from services.verify.wording import acronym, source_key


def wire_credit(text: str | None) -> str | None:
    """The wire credited by a credit line in ``text`` ("(Reuters) -"), or None.

    The ingest service may use this to fill ``ArticleMeta.credit`` from the body.
    """
    if not text:
        return None
    for pattern in WIRE_CREDIT_PATTERNS:
        for line in (text, *text.splitlines()):
            match = pattern.search(line)
            if match:
                return WIRE_NAMES.get(match.group("wire").lower().replace(" presse", "-presse"))
    return None


def article_credit(meta: ArticleMeta, sentences: Iterable[str] = ()) -> str | None:
    """The wire an article credits: its ``credit`` field, a wire in its byline, or a credit line."""
    if meta.credit and meta.credit.strip():
        named = _wire_named_in(meta.credit)
        return named or meta.credit.strip()
    named = _wire_named_in(meta.byline or "")
    if named:
        return named
    return next((w for w in map(wire_credit, sentences) if w), None)


def _wire_named_in(text: str) -> str | None:
    lowered = text.lower()
    for spelling in sorted(WIRE_NAMES, key=len, reverse=True):
        if _has_word(lowered, spelling):
            return WIRE_NAMES[spelling]
    return None


def _has_word(text: str, phrase: str) -> bool:
    index = text.find(phrase)
    while index >= 0:
        before = text[index - 1] if index else " "
        after = text[index + len(phrase)] if index + len(phrase) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        index = text.find(phrase, index + 1)
    return False


@dataclass(slots=True)
class _Article:
    source: str
    url: str | None
    credit: str | None
    published_at: float | None
    content: int  # content_key of the body (versions.py)
    fingerprint: array | None  # the MinHash values' low 32 bits (see _compact)

    def order(self, article_id: str) -> tuple[bool, float, str]:
        return (self.published_at is None, self.published_at or -math.inf, article_id)


def _key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _compact(fingerprint: tuple[int, ...]) -> array | None:
    """The fingerprint's low 32 bits per value; None when absent or not a MinHash signature.

    Equal MinHash values stay equal and unequal ones collide with odds 2^-32, so Jaccard estimates
    and LSH bands are unchanged in practice at half the memory (profile 04).
    """
    if not fingerprint or any(not 0 <= v < 1 << 64 for v in fingerprint):
        return None
    return array("I", (v & 0xFFFFFFFF for v in fingerprint))


class ArticleOrigins:
    """Articles, their near-duplicate clusters and the origin of each (rules 1–3 above).

    Candidates come from LSH bands of the fingerprint, so registering an article costs the size of
    its bands' buckets, not the number of articles. An article's fingerprint and buckets are
    dropped NEAR_DUPLICATE_HORIZON_SECONDS after it (by the newest publication time seen), in
    arrival order, so a replay drops the same ones.
    """

    def __init__(self) -> None:
        self._articles: dict[str, _Article] = {}
        # LSH bucket → its article id, or a list when several share it (most buckets hold one).
        self._buckets: dict[int, str | list[str]] = {}
        # Near-duplicate clusters as a union-find kept sparse: most articles are alone in theirs,
        # so only a member under another root has a parent and only a root with others has members.
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._origin: dict[str, str] = {}
        self._bucketed: deque[tuple[float, str, int]] = deque()  # (published, id, content)
        self._newest = -math.inf

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._articles

    def outlet(self, article_id: str) -> str:
        return self._articles[article_id].source

    def url(self, article_id: str) -> str | None:
        return self._articles[article_id].url

    def origin(self, article_id: str) -> str:
        return self._origin[article_id]

    def register(self, meta: ArticleMeta, credit: str | None) -> set[str]:
        """Add an article; returns the ids of earlier articles whose origin changed."""
        if meta.article_id in self._articles:
            return set()
        fp = _compact(meta.fingerprint)
        published = meta.published_at.timestamp() if meta.published_at else None
        content = content_key(meta.content_sha256)
        article_id = sys.intern(meta.article_id)  # one copy shared by its claims and buckets
        outlet, credit = sys.intern(meta.source), sys.intern(credit) if credit else credit  # recur
        self._articles[article_id] = _Article(outlet, meta.url, credit, published, content, fp)
        for other in self._near_duplicates(meta):
            self._union(meta.article_id, other)
        if published is not None:
            self._bucketed.append((published, article_id, content))
            self._newest = max(self._newest, published)
            self._retire_fingerprints()
        return self._refresh_origins(self._find(meta.article_id)) - {meta.article_id}

    def _retire_fingerprints(self) -> None:
        """Drop the buckets and fingerprints of articles past the horizon (kept in arrival order)."""
        while self._bucketed and self._bucketed[0][0] < self._newest - NEAR_DUPLICATE_HORIZON_SECONDS:
            _, article_id, content = self._bucketed.popleft()
            article = self._articles.get(article_id)
            if article is not None and article.content == content:  # not replaced since
                self._unbucket(article_id, article)
                article.fingerprint = None

    def replace(self, meta: ArticleMeta, credit: str | None) -> set[str]:
        """Register a newer version of an article; returns the other articles whose origin changed.

        The old version leaves its near-duplicate cluster first (the rest of the cluster is split
        again by similarity among its members), then the new one joins wherever its text belongs.
        """
        moved = self._remove(meta.article_id) if meta.article_id in self._articles else set()
        moved |= self.register(meta, credit)
        return moved - {meta.article_id}

    def _remove(self, article_id: str) -> set[str]:
        """Take an article out of its buckets and cluster; returns members whose origin changed."""
        article = self._articles.pop(article_id)
        self._unbucket(article_id, article)
        root = self._find(article_id)
        rest = sorted(m for m in self._members.pop(root, [root]) if m != article_id)
        del self._origin[article_id]
        for member in (article_id, *rest):  # each alone in its cluster again
            self._parent.pop(member, None)
        for member in rest:
            for other in self._cluster_neighbours(member, set(rest)):
                self._union(member, other)
        changed: set[str] = set()
        for new_root in sorted({self._find(m) for m in rest}):
            changed |= self._refresh_origins(new_root)
        return changed

    def _unbucket(self, article_id: str, article: _Article) -> None:
        for key in self._bucket_keys(article.content, article):
            held = [a for a in self._in_bucket(key) if a != article_id]
            if len(held) > 1:
                self._buckets[key] = held
            elif held:
                self._buckets[key] = held[0]
            else:
                self._buckets.pop(key, None)

    def _cluster_neighbours(self, article_id: str, among: set[str]) -> set[str]:
        article = self._articles[article_id]
        same_text, *bands = self._bucket_keys(article.content, article)
        found = {o for o in self._in_bucket(same_text) if o in among}
        banded = {o for key in bands for o in self._in_bucket(key) if o in among}
        found.update(o for o in banded if self._similar(article_id, o))
        return found - {article_id}

    def _near_duplicates(self, meta: ArticleMeta) -> set[str]:
        """Earlier articles with the same text, or sharing an LSH band and similar enough."""
        article = self._articles[meta.article_id]
        same_text, *bands = self._bucket_keys(article.content, article)
        found = set(self._in_bucket(same_text))
        sharing_a_band = {other for key in bands for other in self._in_bucket(key)}
        found.update(o for o in sharing_a_band if self._similar(meta.article_id, o))
        for key in (same_text, *bands):
            held = self._buckets.get(key)
            if held is None:
                self._buckets[key] = meta.article_id
            elif isinstance(held, str):
                self._buckets[key] = [held, meta.article_id]
            else:
                held.append(meta.article_id)
        return found

    def _in_bucket(self, key: int) -> list[str]:
        held = self._buckets.get(key)
        if held is None:
            return []
        return [held] if isinstance(held, str) else held

    @staticmethod
    def _bucket_keys(content: int, article: _Article) -> list[int]:
        """The content hash and each LSH band, as 64-bit ints (small dict keys)."""
        keys = [content]
        fp = article.fingerprint if article.fingerprint is not None else array("I")
        for start in range(0, len(fp) - LSH_ROWS_PER_BAND + 1, LSH_ROWS_PER_BAND):
            band = fp[start : start + LSH_ROWS_PER_BAND].tobytes()
            keys.append(_key(b"%d:%d:" % (len(fp), start) + band))
        return keys

    def _similar(self, a: str, b: str) -> bool:
        fa, fb = self._articles[a].fingerprint, self._articles[b].fingerprint
        if fa is None or fb is None or len(fa) != len(fb):
            return False
        return estimated_jaccard(tuple(fa), tuple(fb)) >= NEAR_DUPLICATE_JACCARD

    def same_text(self, a: str, b: str) -> bool:
        """Whether two articles are copies of one text (the same near-duplicate cluster)."""
        return a in self._articles and b in self._articles and self._find(a) == self._find(b)

    def _find(self, article_id: str) -> str:
        root, parent = article_id, self._parent.get(article_id)
        while parent is not None:
            root, parent = parent, self._parent.get(parent)
        if root != article_id:
            self._parent[article_id] = root
        return root

    def _cluster(self, root: str) -> list[str]:
        return self._members.get(root) or [root]

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._cluster(ra)) < len(self._cluster(rb)):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members.setdefault(ra, [ra]).extend(self._members.pop(rb, [rb]))

    def _refresh_origins(self, root: str) -> set[str]:
        members = self._cluster(root)
        credited = [m for m in members if self._articles[m].credit]
        earliest = min(credited or members, key=lambda m: self._articles[m].order(m))
        shared = self._articles[earliest].credit or self._articles[earliest].source
        changed = set()
        for member in members:
            origin = self._articles[member].credit or shared
            if self._origin.get(member) != origin:
                self._origin[member] = origin
                changed.add(member)
        return changed


class AliasBook:
    """Names of sources linked into groups (SOHR ⇄ Syrian Observatory for Human Rights).

    A group's label — the origin it counts as — is its shortest all-caps name, else its shortest
    name, so the label depends only on the set of names seen, not on their order.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._display: dict[str, str] = {}
        self._labels: dict[str, str] = {}  # root → label, cleared whenever a group changes
        for names in KNOWN_SOURCE_ALIASES:
            self.link(names[0], names[1:])

    def link(self, name: str, aliases: Iterable[str] = ()) -> set[str]:
        """Link a source's names; returns the earlier keys whose group or label changed."""
        displays = [name, *aliases]
        short = acronym(name)
        if short:
            displays.append(short)
        fresh: set[str] = set()
        relabelled: set[str] = set()
        for display in displays:
            key = source_key(display)
            if not key:
                continue
            if key not in self._parent:
                self._parent[key], self._members[key], self._display[key] = key, [key], display
                fresh.add(key)
            elif _label_rank(display) < _label_rank(self._display[key]):
                self._display[key] = display
                relabelled.update(self._members[self._find(key)])
        roots = sorted({self._find(source_key(d)) for d in displays if source_key(d)})
        if fresh or relabelled or len(roots) > 1:
            self._labels.clear()
        if len(roots) > 1:
            relabelled.update(k for r in roots for k in self._members[r])
            for root in roots[1:]:
                self._parent[root] = roots[0]
                self._members[roots[0]].extend(self._members.pop(root))
        return relabelled - fresh

    def label(self, key: str) -> str:
        """The origin label of the group a key belongs to (the key itself when unknown)."""
        if key not in self._parent:
            return key
        root = self._find(key)
        if root not in self._labels:
            members = self._members[root]
            self._labels[root] = min((self._display[m] for m in members), key=_label_rank)
        return self._labels[root]

    def same(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Whether two sources, given by their keys, are one source."""
        roots_a = {self._find(k) for k in a if k in self._parent}
        return any(self._find(k) in roots_a for k in b if k in self._parent) or bool(
            set(a) & set(b)
        )

    def group(self, keys: Iterable[str]) -> set[str]:
        """All keys linked to any of ``keys`` (for looking up candidates by every alias)."""
        found = set(keys)
        for key in list(found):
            if key in self._parent:
                found.update(self._members[self._find(key)])
        return found

    def _find(self, key: str) -> str:
        while self._parent[key] != key:
            key = self._parent[key]
        return key


def _label_rank(display: str) -> tuple[bool, int, str]:
    return (not display.isupper(), len(display), display)
