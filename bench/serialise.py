"""Benchmark of the envelope's serialisation, which sits on every hop (bench layer).

Run ``.venv/bin/python -m bench.serialise [--articles 150] [--repeat 7]``; writes
``bench/results/serialise.md``.

Real events: the first articles of ``bench.stream_corpus`` go through the pure cores in one process
(ingest normalisation, extraction, verification), which gives ``ArticlePublished``,
``ClaimsExtracted`` and ``VerdictChanged`` events as the topics carry them. For each event type,
each way of encoding and decoding runs over all of them ``--repeat`` times, the ways taking
turns; the best pass counts, in CPU time of the thread (waiting for a shared core does not count),
and is reported as events per CPU second beside the registry's encoder, and beside the registry's
decoder as it was before issue #7 (``decode_stepwise``), as a ratio.

Decoders must be *equally strict*: the same event for every good record, and a refusal for every
bad one. The strictness table feeds each decoder a set of malformed records; a decoder that
accepts one the registry refuses, or decodes a good one differently, is disqualified.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import msgspec
import orjson
import pydantic_core
from tqdm import tqdm

from bench.stream_corpus import StreamCorpus, load_stories
from schemas import ArticlePublished, Event
from schemas.exceptions import EventDecodeError
from schemas.registry import ARTICLES, CLAIMS, TOPIC_EVENTS, VERDICTS, decode, decode_stepwise, encode
from services.claims.handler import claims_of
from services.claims.runner import PRODUCER as CLAIMS_PRODUCER
from services.ingest.normalise import to_event
from services.ingest.records import RawArticle
from services.ingest.runner import PRODUCER as INGEST_PRODUCER
from services.verify.handler import VerifierState, handle
from services.verify.runner import PRODUCER as VERIFY_PRODUCER

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "serialise.md"
MAX_CHARS = 512_000

Decoder = Callable[[str, bytes], Event]
Encoder = Callable[[Event], bytes]


def _checked(topic: str, raw: object) -> Event:
    """The registry's checks after parsing (an object, the right event type), then validation."""
    expected = TOPIC_EVENTS[topic].model_fields["event_type"].default
    if not isinstance(raw, dict) or raw.get("event_type") != expected:
        raise EventDecodeError(f"not a {expected} object")
    return TOPIC_EVENTS[topic].model_validate(raw)


BEFORE = "registry.decode_stepwise: json.loads, checks, validate_python (decode before #7)"
DECODERS: dict[str, Decoder] = {
    BEFORE: decode_stepwise,
    "registry.decode: validate_json in one pass, decode_stepwise on refusal": decode,
    "pydantic_core.from_json + validate_python": lambda topic, value: _checked(topic, pydantic_core.from_json(value)),
    "orjson.loads + validate_python": lambda topic, value: _checked(topic, orjson.loads(value)),
    "msgspec.json.decode + validate_python": lambda topic, value: _checked(topic, msgspec.json.decode(value)),
}
ENCODERS: dict[str, Encoder] = {
    "registry.encode (model_dump_json)": encode,
    "orjson.dumps(model_dump())": lambda event: orjson.dumps(event.model_dump()),
    "json.dumps(model_dump(mode='json'))": lambda event: json.dumps(event.model_dump(mode="json")).encode(),
}

# Malformed records every decoder must refuse (topic, what, bytes).
BAD_RECORDS = [
    (ARTICLES, "not JSON", b"{not json"),
    (ARTICLES, "a JSON list", b"[1, 2]"),
    (ARTICLES, "invalid UTF-8", b'{"event_type": "ArticlePublished", "x": "\xff"}'),
    (ARTICLES, "empty", b""),
    (CLAIMS, "an article on the claims topic", None),
    (ARTICLES, "a field missing", None),
    (ARTICLES, "an unknown field", None),
    (ARTICLES, "a wrong type", None),
    (ARTICLES, "NaN in a number", None),
]


def real_events(articles: int) -> dict[str, list[Event]]:
    """Events of the first ``articles`` articles of the stream, per topic, via the pure cores."""
    state, out = VerifierState(), {ARTICLES: [], CLAIMS: [], VERDICTS: []}
    records = StreamCorpus(load_stories()).articles(articles)
    for i, record in enumerate(tqdm(records, desc="events", unit="article", file=sys.stderr)):
        article = to_event(RawArticle(where=f"stream:{i}", **record), producer=INGEST_PRODUCER, max_chars=MAX_CHARS)
        extracted = claims_of(article, producer=CLAIMS_PRODUCER, max_chars=MAX_CHARS)
        out[ARTICLES].append(article)
        out[CLAIMS].append(extracted)
        out[VERDICTS].extend(handle(extracted, state, producer=VERIFY_PRODUCER))
    return out


def bad_records(good: ArticlePublished) -> list[tuple[str, str, bytes]]:
    """The malformed records, the ones built from a good article filled in."""
    raw = json.loads(encode(good))
    missing = {k: v for k, v in raw.items() if k != "occurred_at"}
    made = {
        "an article on the claims topic": encode(good),
        "a field missing": json.dumps(missing).encode(),
        "an unknown field": json.dumps({**raw, "surprise": 1}).encode(),
        "a wrong type": json.dumps({**raw, "schema_version": "one"}).encode(),
        "NaN in a number": json.dumps({**raw, "article": {**raw["article"], "fingerprint": [float("nan")]}}).encode(),
    }
    return [(topic, what, value if value is not None else made[what]) for topic, what, value in BAD_RECORDS]


def edge_records(good: ArticlePublished) -> list[tuple[str, bytes]]:
    """Valid records at the edges of JSON parsers: each must decode as the registry decodes it."""
    raw = json.loads(encode(good))
    return [
        # beyond 64 bits: a parser that turns it into a float changes the value it validates
        (ARTICLES, json.dumps({**raw, "article": {**raw["article"], "version": 2**70 + 1}}).encode()),
        # a lone surrogate escape, which json.loads takes and strict parsers refuse
        (ARTICLES, encode(good).replace(b'"body":"', b'"body":"\\ud800 ', 1)),
    ]


def strictness(name: str, decoder: Decoder, events: dict[str, list[Event]],
               bad: list[tuple[str, str, bytes]], edges: list[tuple[str, bytes]]) -> tuple[bool, int, list[str]]:
    """(every good and edge record decodes to the same event, bad records refused, those accepted)."""
    same = all(decoder(topic, encode(e)) == e for topic, evs in events.items() for e in evs[:200])
    same = same and all(_same_outcome(decoder, topic, value) for topic, value in edges)
    accepted = []
    for topic, what, value in bad:
        try:
            decoder(topic, value)
        except (EventDecodeError, ValueError, msgspec.DecodeError):
            continue
        accepted.append(what)
    return same, len(bad) - len(accepted), accepted


def _same_outcome(decoder: Decoder, topic: str, value: bytes) -> bool:
    try:
        return decoder(topic, value) == decode(topic, value)
    except (EventDecodeError, ValueError, msgspec.DecodeError):
        return False


def best_rates(work: dict[str, Callable[[], None]], count: int, repeat: int) -> dict[str, float]:
    """Events per CPU second of each way's best pass. CPU time of this thread, not wall time: on
    cores shared with other work every pass is preempted, and wall time counts the waits. Passes
    take turns (a, b, c, a, b, c, …), so what the sharing still costs (caches) falls on all alike."""
    best = dict.fromkeys(work, float("inf"))
    for _ in range(repeat):
        for name, one_pass in work.items():
            start = time.thread_time()
            one_pass()
            best[name] = min(best[name], time.thread_time() - start)
    return {name: count / seconds for name, seconds in best.items()}


def measure(events: dict[str, list[Event]], repeat: int) -> dict[str, dict[str, tuple[str, float]]]:
    """Per topic, per way: (encode or decode, events/s)."""
    table: dict[str, dict[str, tuple[str, float]]] = {}
    for topic, evs in tqdm(events.items(), desc="timing", unit="topic", file=sys.stderr):
        payloads = [encode(e) for e in evs]
        encoders = best_rates({n: lambda f=f: [f(e) for e in evs] for n, f in ENCODERS.items()}, len(evs), repeat)
        decoders = best_rates({n: lambda f=f: [f(topic, v) for v in payloads] for n, f in DECODERS.items()},
                              len(evs), repeat)
        table[topic] = {**{n: ("encode", r) for n, r in encoders.items()}, **{n: ("decode", r) for n, r in decoders.items()}}
    return table


def render(args: argparse.Namespace, events: dict[str, list[Event]], table: dict, checks: dict) -> str:
    sizes = {t: sum(len(encode(e)) for e in evs) / len(evs) for t, evs in events.items()}
    lines = ["# Serialisation benchmark (the envelope on every hop)", "", *_header(args, events, sizes), "",
             "## Strictness", "",
             "| decoder | good and edge records (an integer beyond 64 bits, a lone surrogate) decode to the same event | bad records refused | accepted though bad |",
             "|---|---|---|---|"]
    for name, (same, refused, accepted) in checks.items():
        lines.append(f"| {name} | {'yes' if same else '**no**'} | {refused} of {len(BAD_RECORDS)} | "
                     f"{', '.join(accepted) or '–'} |")
    lines += ["", "## Speed (events per CPU second, best of the passes; ratio to the registry's encoder and to the "
              "decoder the registry had before issue #7)", ""]
    for topic, rows in table.items():
        base = {"encode": rows["registry.encode (model_dump_json)"][1],
                "decode": rows[BEFORE][1]}
        lines += [f"### {topic} ({len(events[topic]):,} events, {sizes[topic]:,.0f} bytes on average)", "",
                  "| direction | way | events/s | ÷ baseline |", "|---|---|---|---|"]
        for name, (direction, value) in rows.items():
            lines.append(f"| {direction} | {name} | {value:,.0f} | {value / base[direction]:.2f}× |")
        lines.append("")
    return "\n".join(lines)


def _header(args: argparse.Namespace, events: dict[str, list[Event]], sizes: dict[str, float]) -> list[str]:
    names = ("pydantic", "pydantic-core", "orjson", "msgspec")
    return [
        f"- date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs (one process, one core)",
        f"- Python {platform.python_version()}; " + ", ".join(f"{n} {metadata.version(n)}" for n in names),
        f"- command: `.venv/bin/python -m bench.serialise --articles {args.articles} --repeat {args.repeat}`",
        f"- events: the first {args.articles} articles of `bench.stream_corpus` through the pure cores",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    events = real_events(args.articles)
    bad = bad_records(events[ARTICLES][0])
    edges = edge_records(events[ARTICLES][0])
    checks = {name: strictness(name, dec, events, bad, edges) for name, dec in DECODERS.items()}
    table = measure(events, args.repeat)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(render(args, events, table, checks), encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
