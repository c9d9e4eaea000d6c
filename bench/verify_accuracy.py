"""Accuracy of the verifier's matching on public labelled data (bench layer; reads ../shared/eval).

Claims come from the real extractor (``services.claims.extract.extract_claims``); each text becomes
one article, handled by ``services.verify.handle`` as the service would.

* Emergent (Ferreira & Vlachos 2016): per claim, the claim sentence is one article and every headline
  about it another (from its outlet). (a) Stance of a headline: ``for`` when one of its claims
  *supports* one of the claim article's, ``against`` when one *contradicts* (or *updates*) it, else
  ``observing``; accuracy against the labels, beside the published 73 %. (b) Truth: after every
  headline is in, the claim article's verdicts — ``corroborated`` → true, ``contested`` → false,
  anything else → unknown — against ``claim_truth``.
* ECB+ (Cybulska & Vossen 2014): per topic, every document of both sub-topics is handled into one
  state; a pair of documents *matches* when any of their claims are linked. Reported: the share of
  same-sub-topic pairs that match (recall-like) and of cross-sub-topic pairs that match (hard
  negatives: the wrong ones), and the share of claim links that stay within a sub-topic.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from schemas import ids
from schemas.envelope import Producer
from schemas.events import ArticleMeta, ClaimsExtracted
from bench.eval_data import read_jsonl
from services.claims.extract import EXTRACTOR_VERSION, extract_claims
from services.ingest.fingerprint import fingerprint
from services.verify import VerifierState, handle

PRODUCER = Producer(service="verify", version="bench")
PUBLISHED_STANCE_ACCURACY = 0.73  # Ferreira & Vlachos 2016, claim-disjoint test split
STANCES = ("for", "against", "observing")


def as_event(text: str, *, source: str, url: str | None) -> ClaimsExtracted:
    """A text as one article's ClaimsExtracted, as ingest and the claims service would make it."""
    article_id = ids.article_id(source=source, url=url, body=text)
    meta = ArticleMeta(article_id=article_id, source=source, url=url, content_sha256=ids.content_hash(text),
                       fingerprint=fingerprint(text))
    claims = extract_claims(text, article_id=article_id)
    return ClaimsExtracted.create(key=f"{article_id}:{meta.content_sha256}:{EXTRACTOR_VERSION}", producer=PRODUCER,
                                  correlation_id=article_id, article=meta, extractor_version=EXTRACTOR_VERSION,
                                  claims=claims)


def relation_between(state: VerifierState, mine: Iterable[str], theirs: set[str]) -> str:
    """The stance the links from ``mine`` to ``theirs`` show: for, against or observing."""
    relations = {rel for c in mine for other, rel in state.index.neighbours(c).items() if other in theirs}
    if relations & {"contradicts", "updates"}:
        return "against"
    return "for" if "supports" in relations else "observing"


def truth_of(verdicts: Iterable[str]) -> str:
    found = set(verdicts)
    if "contested" in found:
        return "false"
    return "true" if "corroborated" in found else "unknown"


# --- Emergent -------------------------------------------------------------------------------------


def score_emergent(records: list[dict]) -> dict:
    by_claim: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_claim[record["claim_id"]].append(record)
    stance = Counter()  # (gold, predicted)
    truth = Counter()
    no_claims = 0
    for claim_id, headlines in by_claim.items():
        state = VerifierState()
        claim_event = as_event(headlines[0]["claim"], source="emergent-claim", url=f"emergent:{claim_id}")
        handle(claim_event, state, producer=PRODUCER)
        theirs = {c.claim_id for c in claim_event.claims}
        no_claims += not theirs
        for record in headlines:
            event = as_event(record["body"], source=record["source"] or "unknown", url=record["url"])
            handle(event, state, producer=PRODUCER)
            stance[record["label"], relation_between(state, [c.claim_id for c in event.claims], theirs)] += 1
        verdicts = [state.current[c].verdict for c in theirs if c in state.current]
        truth[headlines[0]["claim_truth"], truth_of(verdicts)] += 1
    return {"stance": stance, "truth": truth, "claims": len(by_claim), "claims_without_claims": no_claims}


def _confusion(counts: Counter, labels: tuple[str, ...], name: str) -> list[str]:
    rows = [f"| gold \\ {name} | " + " | ".join(labels) + " | n |", "|---" * (len(labels) + 2) + "|"]
    for gold in labels:
        row = [counts[gold, p] for p in labels]
        rows.append(f"| {gold} | " + " | ".join(str(v) for v in row) + f" | {sum(row)} |")
    return rows


def _accuracy(counts: Counter) -> float:
    total = sum(counts.values())
    return sum(v for (g, p), v in counts.items() if g == p) / total if total else 0.0


# --- ECB+ -----------------------------------------------------------------------------------------

_DETOKENISE = [(re.compile(r" ([,.;:!?%)])"), r"\1"), (re.compile(r"([($]) "), r"\1"), (re.compile(r" (n't|'s|'re|'ve|'ll|'d)\b"), r"\1"),
               (re.compile(r"``\s*|\s*''"), '"')]


def detokenise(sentences: list[str]) -> str:
    text = " ".join(sentences)
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    return text


def score_ecbplus(records: list[dict]) -> dict:
    by_topic: dict[int, list[dict]] = defaultdict(list)
    for record in records:
        by_topic[record["topic"]].append(record)
    pairs = Counter()  # ("within" | "across", matched: bool)
    links = Counter()
    for topic, docs in sorted(by_topic.items()):
        state = VerifierState()
        claims_of: dict[str, set[str]] = {}
        for doc in docs:
            event = as_event(detokenise(doc["sentences"]), source=f"ecb-{doc['id']}", url=f"ecb:{doc['id']}")
            handle(event, state, producer=PRODUCER)
            claims_of[doc["id"]] = {c.claim_id for c in event.claims}
        owner = {c: doc["subtopic"] for doc in docs for c in claims_of[doc["id"]]}
        for a, b in combinations(docs, 2):
            kind = "within" if a["subtopic"] == b["subtopic"] else "across"
            linked = any(n in claims_of[b["id"]] for c in claims_of[a["id"]] for n in state.index.neighbours(c))
            pairs[kind, linked] += 1
        for claim_id, subtopic in owner.items():
            for other in state.index.neighbours(claim_id):
                links["within" if owner.get(other) == subtopic else "across"] += 1
    return {"pairs": pairs, "links": links, "topics": len(by_topic), "docs": len(records)}


# --- report ---------------------------------------------------------------------------------------


def accuracy_lines(*, limit: int | None) -> list[str]:
    emergent = score_emergent(read_jsonl("emergent_train.jsonl", limit=limit))
    ecb = score_ecbplus(read_jsonl("ecbplus_traindev.jsonl", limit=limit))
    stance_acc, truth_acc = _accuracy(emergent["stance"]), _accuracy(emergent["truth"])
    p, links = ecb["pairs"], ecb["links"]
    within = p["within", True] / max(1, p["within", True] + p["within", False])
    across = p["across", True] / max(1, p["across", True] + p["across", False])
    link_precision = links["within"] / max(1, links["within"] + links["across"])
    return [
        "| metric | wirecheck | published / target |",
        "|---|---|---|",
        f"| Emergent stance accuracy (train, {sum(emergent['stance'].values())} headlines) | "
        f"**{100 * stance_acc:.1f} %** | 73 % (Ferreira & Vlachos 2016, test split, trained classifier) |",
        f"| Emergent truth vs final verdict ({emergent['claims']} claims) | {100 * truth_acc:.1f} % | – |",
        f"| ECB+ same-sub-topic document pairs linked | {100 * within:.1f} % ({p['within', True]:,} of "
        f"{p['within', True] + p['within', False]:,}) | higher is better |",
        f"| ECB+ cross-sub-topic pairs linked (hard negatives) | {100 * across:.1f} % ({p['across', True]:,} of "
        f"{p['across', True] + p['across', False]:,}) | lower is better |",
        f"| ECB+ claim links inside one sub-topic | {100 * link_precision:.1f} % of {sum(links.values()):,} "
        f"directed links | higher is better |",
        "",
        "Emergent stance (rows gold, columns predicted from matching):",
        "",
        *_confusion(emergent["stance"], STANCES, "predicted"),
        "",
        "Emergent truth (rows `claim_truth`, columns the claim's verdict mapped: corroborated → true, "
        "contested → false, else unknown):",
        "",
        *_confusion(emergent["truth"], ("true", "false", "unknown"), "verdict"),
        "",
        f"Notes: {emergent['claims_without_claims']} of {emergent['claims']} Emergent claim sentences yield no "
        "claim at all from the extractor (it finds quotes, attributions and figures, not bare statements), so "
        "most headlines can only be `observing`; the published 73 % is a trained classifier on the test split, "
        "this is rule matching on the train split with no training. ECB+: "
        f"{ecb['docs']} documents in {ecb['topics']} topics, text detokenised from the corpus tokens, no "
        "publication dates (so the time window does not apply).",
    ]
