"""A realistic wire stream built from the public articles in ``shared/eval`` (bench layer, no I/O
but reading those files).

Each source document (PolNeAR news texts, ECB+ documents, Emergent headlines with their claim) is a
*story*, and each story is published the way wires and outlets do it:

* the original, by its own outlet (PolNeAR's publisher) or by a wire with a credit line;
* verbatim republications by other outlets carrying the wire credit (near-duplicate bodies: echoes);
* rewrites: paragraphs dropped and reordered, a lead of the outlet's own (partly new text);
* updates: now and then the original comes again as version 2, its figures raised (a rising toll).

Stories overlap in time the way breaking news does: every story starts a few seconds after the
previous one and its copies, rewrites and update follow over the next minutes, so the stream
interleaves many stories. Everything derives from one seed: the stream is the same on every run.
Records are ``RawArticle``-shaped dicts (the JSON-lines input of ``wirecheck ingest``).
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bench.eval_data import read_jsonl

START = datetime(2016, 9, 1, 6, 0, tzinfo=timezone.utc)
WIRES = ("AP", "Reuters", "AFP")
_OUTLET_WORDS = """Daily Evening Morning Gulf Metro Coastal Capital Frontier Northern Southern
Eastern Western Union Independent Free City Valley Star Sun Post Herald Times Chronicle Gazette
Dispatch Observer Tribune Courier Monitor Review Journal Express""".split()
# How a story spreads: weights of 0..8 republications and 0..4 rewrites (most stories are picked
# up a few times, a few go everywhere), and the share that gets a corrected version 2.
COPY_WEIGHTS = (2, 3, 3, 2, 2, 1, 1, 1, 1)
REWRITE_WEIGHTS = (2, 3, 2, 1, 1)
UPDATE_SHARE = 0.15
STORY_GAP_S = 9.0  # a new story every ~9 s of stream time; its copies follow within minutes
UPDATE_DELAY = timedelta(hours=2)
UPDATE_FACTOR = 1.25

# ECB+ stores tokenised sentences; these undo the Penn Treebank tokenisation well enough to read.
_DETOKENISE = [(re.compile(r"``\s*"), "“"), (re.compile(r"\s*''"), "”"), (re.compile(r"\s+([,.;:!?%)])"), r"\1"),
               (re.compile(r"([($])\s+"), r"\1"), (re.compile(r"\s+('s|n't|'re|'ve|'ll|'d|'m)\b"), r"\1")]
# A count worth updating: digits not part of a year, a time or a decimal.
_COUNT = re.compile(r"(?<![\d.,:/])\b(\d{1,3}(?:,\d{3})*|\d+)\b(?![.,:/]\d)")


@dataclass(frozen=True)
class Story:
    """One source document: where it came from, its outlet (None: a wire story) and its text."""

    key: str
    outlet: str | None
    title: str
    paragraphs: tuple[str, ...]


def detokenise(sentence: str) -> str:
    for pattern, replacement in _DETOKENISE:
        sentence = pattern.sub(replacement, sentence)
    return sentence


def raise_counts(text: str, factor: float = UPDATE_FACTOR) -> str:
    """Every count in ``text`` (not years) raised by ``factor``, as an updated toll would be."""

    def bump(match: re.Match) -> str:
        value = int(match.group(1).replace(",", ""))
        if 1900 <= value <= 2099:
            return match.group(0)  # a year, not a count
        raised = int(value * factor) + 1
        return f"{raised:,}" if "," in match.group(1) else str(raised)

    return _COUNT.sub(bump, text)


def rewrite(paragraphs: tuple[str, ...], rng: random.Random, *, outlet: str) -> tuple[str, ...]:
    """An outlet's rewrite: its own lead, later paragraphs partly dropped and reordered."""
    head, rest = paragraphs[0], list(paragraphs[1:])
    kept = [p for p in rest if rng.random() > 0.3] or rest[:1]
    if len(kept) > 2:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    lead = f"{outlet} has learned more about the story below, first reported earlier today."
    return (lead, head, *kept)


def load_stories() -> list[Story]:
    """PolNeAR texts (train and dev), ECB+ documents and Emergent claims with their headlines."""
    stories = [Story(r["id"], r["publisher"].title(), r["title"], _paragraphs(r["text"]))
               for name in ("polnear_train.jsonl", "polnear_dev.jsonl") for r in read_jsonl(name, limit=None)]
    for r in read_jsonl("ecbplus_traindev.jsonl", limit=None):
        sentences = [detokenise(s) for s in r["sentences"]]
        paragraphs = tuple(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
        stories.append(Story(r["id"], None, sentences[0], paragraphs))
    by_claim: dict[str, list[dict]] = {}
    for r in read_jsonl("emergent_train.jsonl", limit=None):
        by_claim.setdefault(r["claim_id"], []).append(r)
    for claim_id, rows in by_claim.items():
        paragraphs = (rows[0]["claim"] + ".", *(f"{r['body']}, {r['source']} reported." for r in rows[:12]))
        stories.append(Story(claim_id, rows[0]["source"], rows[0]["claim"], paragraphs))
    return stories


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


class StreamCorpus:
    """Articles of the stories, in publication order, as ``RawArticle``-shaped records."""

    def __init__(self, stories: list[Story], *, seed: int = 11, outlets: int = 300) -> None:
        self.stories = stories
        self.seed = seed
        rng = random.Random(seed)
        self.outlets = sorted({" ".join(rng.sample(_OUTLET_WORDS, 2)) for _ in range(outlets * 4)})[:outlets]
        self._cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(len(self.outlets))))

    def articles(self, count: int) -> list[dict]:
        """The first ``count`` articles of the stream (stories are reused, on later days, as needed)."""
        rng, records, n, extra = random.Random(self.seed), [], 0, None
        # Stories overlap: once ``count`` are generated, a story starting later than the last one's
        # update can no longer be among the first ``count``, so generate that many more, then sort.
        while extra is None or n < extra:
            records.extend(self._publish(rng, self.stories[n % len(self.stories)], n))
            n += 1
            if extra is None and len(records) >= count:
                extra = n + int(UPDATE_DELAY.total_seconds() / STORY_GAP_S) + 1
        records.sort(key=lambda r: (r["published"], r["url"]))
        return _unique(records)[:count]

    def _publish(self, rng: random.Random, story: Story, number: int) -> Iterator[dict]:
        day = number // len(self.stories)  # a story reused on a later day is a new story
        start = START + timedelta(days=day, seconds=number * STORY_GAP_S)
        wire = rng.choice(WIRES)
        outlet = story.outlet or wire
        credit = None if story.outlet else wire
        slug = f"{story.key}-d{day}"
        # A story reused on a later day gets a follow-up line, or ingest would skip it as a duplicate.
        paragraphs = story.paragraphs if day == 0 else (*story.paragraphs, f"Follow-up coverage, day {day + 1}.")
        yield _record(outlet, slug, story.title, paragraphs, start, credit=credit, version=1)
        copies = rng.choices(range(len(COPY_WEIGHTS)), COPY_WEIGHTS)[0]
        rewrites = rng.choices(range(len(REWRITE_WEIGHTS)), REWRITE_WEIGHTS)[0]
        others = self._outlets(rng, copies + rewrites, besides=outlet)
        for i, copier in enumerate(others[:copies]):
            yield _record(copier, f"{slug}-copy{i}", story.title, paragraphs,
                          start + timedelta(minutes=rng.uniform(1, 30)), credit=credit or outlet, version=None)
        for i, writer in enumerate(others[copies:]):
            yield _record(writer, f"{slug}-rw{i}", story.title, rewrite(paragraphs, rng, outlet=writer),
                          start + timedelta(minutes=rng.uniform(5, 90)), credit=None, version=None)
        updated = tuple(raise_counts(p) for p in paragraphs)
        if rng.random() < UPDATE_SHARE and updated != paragraphs:
            yield _record(outlet, slug, story.title, updated, start + UPDATE_DELAY, credit=credit, version=2)

    def _outlets(self, rng: random.Random, count: int, *, besides: str) -> list[str]:
        """``count`` distinct outlets other than ``besides``, big ones more often (Zipf-like)."""
        chosen: list[str] = []
        while len(chosen) < count:
            outlet = rng.choices(self.outlets, cum_weights=self._cum_weights)[0]
            if outlet != besides and outlet not in chosen:
                chosen.append(outlet)
        return chosen


def _unique(records: list[dict]) -> list[dict]:
    """Records minus repeats of an outlet's text (the data hold a few): ingest would skip them."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for record in records:
        if (record["source"], record["body"]) not in seen:
            seen.add((record["source"], record["body"]))
            unique.append(record)
    return unique


def _record(outlet: str, slug: str, title: str, paragraphs: tuple[str, ...], published: datetime, *,
            credit: str | None, version: int | None) -> dict:
    """One article; a versioned item keeps its url and original id across versions."""
    record = {"source": outlet, "url": f"https://{outlet.lower().replace(' ', '')}.example/{slug}",
              "title": title, "body": "\n\n".join(paragraphs), "published": published.isoformat()}
    if credit:
        record["credit"] = credit
    if version is not None:
        record.update(version=version, original_id=f"{outlet}:{slug}")
    return record
