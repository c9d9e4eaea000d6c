"""Train the learned cue table from PolNeAR's training articles (a script of the claims service).

Run ``.venv/bin/python -m services.claims.train_cues [PATH]`` (default ``../shared/eval/
polnear_train.jsonl``). For every token of every article it counts, per feature of
``learned_cues.features``, how many occurrences lie inside an annotated cue span, and writes the
smoothed rates, and the common nouns that head speakers, to
``services/claims/extract/cue_table.json`` — sorted, so a re-run on the same data
gives the same file. Contexts are kept only when seen ``MIN_COUNT`` times and when they move the
word's rate, and only for words whose rate could reach a cue (``KEEP_RATE``): the table stays small.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from services.claims.extract.learned_cues import TABLE_PATH, features, tokens

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "eval" / "polnear_train.jsonl"
MIN_COUNT = 3  # occurrences before a word or a context is trusted
PRIOR_WEIGHT = 2.0  # pseudo-counts pulling a context's rate toward its word's rate
KEEP_RATE = 0.25  # rates below this never make a cue at any sensible threshold; left out of the table
# Pronouns and determiners that end annotated speakers ("who", "some of them") are not nouns;
# time words end speaker spans that open with a time ("at the time"), never a speaker.
_FUNCTION_WORDS = frozenset(
    "he she it they we i you who which that his her their its him them us me some many both others another "
    "those these one each all few half here alike average time times ago day week month year years decades "
    "two three four five".split()
)
SAME_RATE = 0.05  # a context whose rate is this close to its word's adds nothing; left out


def count(records: Iterable[dict]) -> dict[str, list[int]]:
    """Feature → [occurrences inside a cue span, occurrences]."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for record in records:
        cues = [tuple(q["cue_span"]) for q in record["quotes"] if q.get("cue_span")]
        toks = tokens(record["text"])
        for i, (start, end, _) in enumerate(toks):
            inside = any(cs <= start and end <= ce for cs, ce in cues)
            for feature in features(toks, i):
                seen = counts[feature]
                seen[0] += inside
                seen[1] += 1
    return counts


def speaker_heads(records: Iterable[dict]) -> list[str]:
    """Common nouns that head annotated speakers ("the poll", "campaign officials"), seen ``MIN_COUNT``
    times in lower case: the subjects a learned cue may have besides names and pronouns."""
    heads: Counter[str] = Counter()
    for record in records:
        for quote in record["quotes"]:
            words = (quote.get("speaker") or "").split()
            if len(words) > 0 and words[-1].isalpha() and words[-1].islower():
                heads[words[-1]] += 1
    return sorted(w for w, n in heads.items() if n >= MIN_COUNT and w not in _FUNCTION_WORDS)


def rates(counts: dict[str, list[int]]) -> dict[str, float]:
    """Smoothed rates: a word's own, and each context's shrunk toward its word's."""
    table: dict[str, float] = {}
    for feature, (inside, total) in counts.items():
        if "|" in feature or total < MIN_COUNT:
            continue
        table[feature] = inside / (total + 1)  # one pseudo-miss: a word seen 3 times in 3 cues is not certain
    for feature, (inside, total) in counts.items():
        word = feature.split("|", 1)[0]
        if "|" not in feature or total < MIN_COUNT or word not in table:
            continue
        table[feature] = (inside + PRIOR_WEIGHT * table[word]) / (total + PRIOR_WEIGHT)
    words_kept = {w for w, r in table.items() if "|" not in w and r >= KEEP_RATE}
    words_kept |= {f.split("|", 1)[0] for f, r in table.items() if "|" in f and r >= KEEP_RATE}
    return {f: round(r, 3) for f, r in sorted(table.items()) if f.split("|", 1)[0] in words_kept
            and ("|" not in f or abs(r - table[f.split("|", 1)[0]]) >= SAME_RATE)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="PolNeAR training JSON lines")
    parser.add_argument("--out", type=Path, default=TABLE_PATH)
    args = parser.parse_args(argv)
    with args.data.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    table = rates(count(records))
    payload = {"source": args.data.name, "articles": len(records), "min_count": MIN_COUNT,
               "prior_weight": PRIOR_WEIGHT, "rates": table, "speaker_heads": speaker_heads(records)}
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} rates from {len(records)} articles to {args.out}")


if __name__ == "__main__":
    main()
