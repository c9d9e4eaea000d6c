"""Benchmark of claim extraction against public labelled data (bench layer; reads files, writes a report).

Run ``.venv/bin/python -m bench.extract [--limit N]``. Reads ``<repo>/../shared/eval/`` at run time
(the data are never copied into the repo) and writes ``bench/results/extract.md``:

* quotes and speakers on PolNeAR dev (``polnear_dev.jsonl``);
* figures on Recognizers-Text and quantulum3's test set, wirecheck beside the ``quantulum3`` package;
* speed on PolNeAR dev articles, wirecheck's ``extract_claims`` beside ``quantulum3.parser.parse``.

``--quotes FILE`` and ``--figures FILE …`` score other files of the same record shapes (held-out data,
say); the speed rows then time the texts of the quotes file.

The scoring rules are in ``bench.scoring`` and follow ``shared/eval/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from tqdm import tqdm

from bench.eval_data import read_jsonl
from bench.scoring import (
    Counts,
    figure_counts,
    match_spans,
    SPEC_KINDS,
    normalise_unit,
    scored_figures,
    spec_kind_of_quantity,
    spec_kind_of_quantulum,
    speaker_matches,
)
from services.claims.extract import EXTRACTOR_VERSION, extract_claims

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "extract.md"
QUOTE_TYPES = ("direct", "indirect", "mixed")
QUOTES_FILE = "polnear_dev.jsonl"
FIGURE_FILES = ("recognizers_text_en.jsonl", "quantulum3_en.jsonl")
WORDS_PER_ARTICLE = 600  # the speed target is stated for ~600-word news articles

# Targets (the brief of this benchmark; README.md of shared/eval for the published comparisons).
TARGET_QUOTE_F1 = 0.90
TARGET_SPEAKER = 0.90
TARGET_FIGURE_F1 = 0.95
TARGET_FIGURE_LEAD = 10.0  # points above quantulum3
TARGET_SPEED = 1000.0  # 600-word articles per second, one core
TARGET_SPEED_RATIO = 10.0  # times quantulum3


# --- quotes ---------------------------------------------------------------------------------------


@dataclass
class QuoteScores:
    spans: Counts = field(default_factory=Counts)
    unjoined: Counts = field(default_factory=Counts)  # continuation quotes left as claims of their own
    exact: Counts = field(default_factory=Counts)
    speaker_right: int = 0
    speaker_pairs: int = 0
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in QUOTE_TYPES})


def _predicted_statements(text: str, article_id: str, *, join_continuations: bool = True) -> list[dict]:
    # Quotes and attributions both count: PolNeAR's attributions include "according to".
    found: list[dict] = []
    for claim in extract_claims(text, article_id=article_id):
        if claim.kind == "quote":
            speaker = claim.speaker
            if join_continuations and _continues(claim, found):
                found[-1]["span"] = (found[-1]["span"][0], claim.span[1])
                continue
            found.append({"span": tuple(claim.span), "type": claim.quote_type, "cue_span": claim.cue_span,
                          "name": speaker.name if speaker else None, "speaker_span": speaker.span if speaker else None})
        elif claim.kind == "attribution":
            found.append({"span": tuple(claim.span), "type": "indirect", "cue_span": claim.cue_span,
                          "name": claim.source.name, "speaker_span": claim.source.span})
    return found


def _continues(claim, found: list[dict]) -> bool:
    """A continuation quote ("…,” he said. “…”: no cue of its own, the previous quote's speaker) or
    the second half of a split quote ("…,” he said, “…”: the previous quote's cue). The quote before may be
    direct or mixed (X said the bridge “will reopen.” “We have the money.”).

    PolNeAR annotates the words of one speaker around a cue as one attribution whose content runs
    from the first quoted word to the last; wirecheck gives each quoted stretch its own claim. The
    bench joins them so both count the same unit (the table also shows the score without joining).
    """
    if claim.speaker is None or not found:
        return False
    previous = found[-1]
    same_cue = claim.cue_span is not None and claim.cue_span == previous["cue_span"]
    return previous["type"] in ("direct", "mixed") and previous["name"] == claim.speaker.name and (
        claim.cue is None or same_cue)


def score_quotes(records: list[dict]) -> QuoteScores:
    scores = QuoteScores()
    for record in tqdm(records, desc="quotes", unit="article", file=sys.stderr):
        pred = _predicted_statements(record["text"], record["id"])
        gold = record["quotes"]
        pairs = match_spans([p["span"] for p in pred], [tuple(g["span"]) for g in gold])
        scores.spans += Counts(len(pairs), len(pred), len(gold))
        unjoined = [p["span"] for p in _predicted_statements(record["text"], record["id"], join_continuations=False)]
        scores.unjoined += Counts(len(match_spans(unjoined, [tuple(g["span"]) for g in gold])), len(unjoined),
                                  len(gold))
        exact = {p["span"] for p in pred} & {tuple(g["span"]) for g in gold}
        scores.exact += Counts(len(exact), len(pred), len(gold))
        for i, j in pairs:
            g = gold[j]
            if g.get("speaker") or g.get("speaker_span"):
                scores.speaker_pairs += 1
                gold_span = tuple(g["speaker_span"]) if g.get("speaker_span") else None
                scores.speaker_right += speaker_matches(pred[i]["name"], pred[i]["speaker_span"], g.get("speaker"), gold_span)
        for kind in QUOTE_TYPES:
            matched = sum(1 for i, j in pairs if gold[j]["type"] == kind and pred[i]["type"] == kind)
            scores.by_type[kind] += Counts(
                matched, sum(p["type"] == kind for p in pred), sum(g["type"] == kind for g in gold)
            )
    return scores


def type_recall(records: list[dict]) -> dict[str, Counts]:
    """Recall by gold type whatever type was predicted (a matched pair counts for its gold type)."""
    out = {t: Counts() for t in QUOTE_TYPES}
    for record in records:
        pred = _predicted_statements(record["text"], record["id"])
        gold = record["quotes"]
        pairs = match_spans([p["span"] for p in pred], [tuple(g["span"]) for g in gold])
        for kind in QUOTE_TYPES:
            matched = sum(1 for _, j in pairs if gold[j]["type"] == kind)
            out[kind] += Counts(matched, 0, sum(g["type"] == kind for g in gold))
    return out


# --- figures --------------------------------------------------------------------------------------


def gold_figures(record: dict) -> list[dict]:
    return [
        {"span": tuple(g["span"]), "value": g.get("value"), "low": g.get("low"), "high": g.get("high"),
         "unit": normalise_unit(g.get("unit"), kind=g.get("type"))}
        for g in record["figures"]
    ]


def wirecheck_figures(text: str) -> list[dict]:
    """Each figure, and each restatement of it in another unit ("1,500,000 km (930,000 mi)"), which
    wirecheck keeps inside the figure as an equivalent and the datasets label as a figure of its own."""
    found = []
    for c in extract_claims(text, article_id="bench"):
        if c.kind != "figure":
            continue
        kind = spec_kind_of_quantity(c.quantity)
        found.append({"span": tuple(c.span), "value": c.value, "low": c.low, "high": c.high, "unit": c.unit,
                      "kind": kind})
        found += [{"span": tuple(e.span), "value": e.value, "low": None, "high": None, "unit": e.unit, "kind": kind}
                  for e in c.equivalents]
    return found


def quantulum_figures(text: str) -> list[dict]:
    found = []
    for q in _quietly(_parse, text):
        kind = getattr(q.unit.entity, "name", None)
        unit = normalise_unit(q.unit.name, kind="currency" if kind == "currency" else None)
        low = high = None
        if q.uncertainty:
            low, high = q.value - q.uncertainty, q.value + q.uncertainty
        found.append({"span": tuple(q.span), "value": q.value, "low": low, "high": high, "unit": unit,
                      "kind": spec_kind_of_quantulum(kind, q.unit.name)})
    return found


def _quietly(fn: Callable, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args)


def score_figures(
    records: list[dict], system: Callable[[str], list[dict]], label: str
) -> tuple[Counts, Counts, Counts]:
    """Value, value+unit and value-over-every-prediction counts (see ``scored_figures``)."""
    value, with_unit, every = Counts(), Counts(), Counts()
    for record in tqdm(records, desc=label, unit="text", file=sys.stderr):
        try:
            pred = system(record["text"])
        except Exception:  # noqa: BLE001 - a system that fails on a text predicts nothing for it
            pred = []
        gold = gold_figures(record)
        scored = scored_figures(pred, gold, spec_kind=SPEC_KINDS.get(record.get("model", "")))
        value += figure_counts(scored, gold, with_unit=False)
        with_unit += figure_counts(scored, gold, with_unit=True)
        every += figure_counts(pred, gold, with_unit=False)
    return value, with_unit, every


# --- speed ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """Articles per second by the wall clock and by the process's CPU time (which other load on a
    shared machine slows far less)."""

    wall: float
    cpu: float


def articles_per_second(texts: list[str], run: Callable[[str], object], *, label: str, rounds: int = 1) -> Rate:
    for text in texts[:3]:
        run(text)  # warm-up: imports, caches, compiled patterns
    work = [t for _ in range(rounds) for t in texts]
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in tqdm(work, desc=label, unit="article", file=sys.stderr):
        run(text)
    return Rate(len(work) / (time.perf_counter() - start), len(work) / (time.process_time() - cpu_start))


# --- report ---------------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _met(value: float, target: float, *, unit: str = "pts", scale: float = 100.0) -> str:
    gap = (value - target) * scale
    return f"yes (+{gap:.1f} {unit})" if gap >= 0 else f"no ({gap:.1f} {unit})"


def _versions() -> str:
    names = ("quantulum3", "pydantic", "tqdm")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _header(args: argparse.Namespace) -> list[str]:
    return [
        "# Extraction benchmark",
        "",
        f"- date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs (timed on one core, "
        "one process)",
        f"- load average at the start: {os.getloadavg()[0]:.1f} (1 min) — speed rows compare across runs only "
        "on a quiet machine",
        f"- Python {platform.python_version()}; {_versions()}; extractor `{EXTRACTOR_VERSION}`",
        f"- data: `../shared/eval/` read at run time; limit per file: {args.limit or 'none'}; quantulum3 speed on "
        f"a sample of {args.quantulum_speed_sample} articles",
        "- command: `.venv/bin/python -m bench.extract" + "".join(_non_default_options(args)) + "`",
        "",
    ]


def _non_default_options(args: argparse.Namespace) -> Iterator[str]:
    if args.limit:
        yield f" --limit {args.limit}"
    if args.quotes != QUOTES_FILE:
        yield f" --quotes {args.quotes}"
    if tuple(args.figures) != FIGURE_FILES:
        yield " --figures " + " ".join(args.figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="records read per file (default: all)")
    parser.add_argument("--quantulum-speed-sample", type=int, default=12,
                        help="PolNeAR articles timed with quantulum3 (slow; default 12)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the articles when timing wirecheck")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--quotes", default=QUOTES_FILE, metavar="FILE",
                        help=f"quotes file, PolNeAR's shape: a name in ../shared/eval or a path (default {QUOTES_FILE})")
    parser.add_argument("--figures", nargs="+", default=list(FIGURE_FILES), metavar="FILE",
                        help="figure files, Recognizers-Text's shape: names in ../shared/eval or paths "
                             f"(default {' '.join(FIGURE_FILES)})")
    args = parser.parse_args(argv)

    polnear = read_jsonl(args.quotes, limit=args.limit)
    quotes = score_quotes(polnear)
    recall_by_type = type_recall(polnear)

    figure_sets = {Path(name).stem: read_jsonl(name, limit=args.limit) for name in args.figures}
    figures = {
        name: {
            "wirecheck": score_figures(records, wirecheck_figures, f"figures {name} (wirecheck)"),
            "quantulum3": score_figures(records, quantulum_figures, f"figures {name} (quantulum3)"),
        }
        for name, records in figure_sets.items()
    }

    texts = [r["text"] for r in polnear]
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    ours = articles_per_second(texts, lambda t: extract_claims(t, article_id="speed"), label="speed wirecheck",
                               rounds=args.rounds)
    theirs = articles_per_second(texts[: args.quantulum_speed_sample], lambda t: _quietly(_parse, t),
                                 label="speed quantulum3")
    lines = _header(args) + _tables(quotes, recall_by_type, figures, ours, theirs, mean_words, len(texts), args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _parse(text: str):
    from quantulum3 import parser  # imported late: it warns about optional classifier dependencies

    return parser.parse(text)


def _tables(quotes: QuoteScores, recall_by_type, figures, ours: Rate, theirs: Rate, mean_words: float,
            n_articles: int, args: argparse.Namespace) -> list[str]:
    rows = [
        "| metric | wirecheck | quantulum3 | difference (points) | target | met? |",
        "|---|---|---|---|---|---|",
    ]
    rows += list(_quote_rows(quotes, recall_by_type))
    rows += list(_figure_rows(figures))
    rows += list(_speed_rows(ours, theirs, mean_words))
    notes = [
        "",
        f"Quotes: `{Path(args.quotes).name}`, {n_articles} articles, {quotes.spans.gold} gold attributions; predictions are "
        "wirecheck's quote and attribution claims; match = content spans overlapping by ≥ 30 % of the longer "
        "span, one to one. A continuation quote (\"…,” he said. “…”: no cue of its own, the same speaker as the "
        "quote before) is joined to that quote, as PolNeAR annotates one speaker's words around a cue as one "
        "attribution; the row \"not joined\" scores every quoted stretch as its own prediction. "
        "Speaker accuracy is over matched pairs whose gold has a speaker "
        f"({quotes.speaker_pairs} pairs). Per-type P/R count a pair only when the predicted type (attribution = "
        "indirect) equals the gold type; \"recall, any type\" counts every matched gold of that type.",
        "Figures: value match within 0.5 % (value, or low and high); value+unit also needs the unit equal "
        "after `bench.scoring.normalise_unit`. quantulum3's uncertainty (±) becomes low/high. "
        "A Recognizers-Text spec labels only the kind of figure its model finds (CurrencyModel: money, "
        "DimensionModel: measures, …), so a prediction there is scored when it overlaps a gold figure or is of "
        "the spec's kind; others are of kinds the spec does not annotate (the row \"scoring every prediction\" "
        "counts them as false positives), for both systems alike (`bench.scoring.scored_figures`). "
        "`quantulum3_en` is quantulum3's own test set, so the package scores about 100 there by construction; "
        "Recognizers-Text is the fairer comparison.",
        f"Speed: the article texts of `{Path(args.quotes).name}` (mean {mean_words:.0f} words), one process, wall clock with "
        f"`time.perf_counter` after a warm-up (the CPU-time row uses `time.process_time`, which other load on "
        f"a shared machine slows far less); wirecheck over {args.rounds} passes of all articles, quantulum3 over "
        f"a sample of {args.quantulum_speed_sample} articles (it is slow). \"600-word articles/s\" = words/s ÷ 600, "
        "the unit of the target.",
    ]
    return rows + notes


def _quote_rows(q: QuoteScores, recall_by_type: dict[str, Counts]) -> Iterator[str]:
    s = q.spans
    speaker = q.speaker_right / q.speaker_pairs if q.speaker_pairs else 0.0
    yield f"| quotes precision | {_pct(s.precision)} | – | – | | |"
    yield f"| quotes recall | {_pct(s.recall)} | – | – | | |"
    yield f"| **quotes F1** (≥30 % overlap) | **{_pct(s.f1)}** | – | – | ≥ 90.0 | {_met(s.f1, TARGET_QUOTE_F1)} |"
    yield f"| quotes exact-span F1 | {_pct(q.exact.f1)} | – | – | | |"
    yield (f"| quotes F1, continuation quotes not joined (P / R / F1) | {_pct(q.unjoined.precision)} / "
           f"{_pct(q.unjoined.recall)} / {_pct(q.unjoined.f1)} | – | – | | |")
    yield (f"| **speaker accuracy** (matched pairs) | **{_pct(speaker)}** | – | – | ≥ 90.0 | "
           f"{_met(speaker, TARGET_SPEAKER)} |")
    for kind in QUOTE_TYPES:
        c = q.by_type[kind]
        yield (f"| {kind}: P / R / F1 (n gold {c.gold}); recall, any type | {_pct(c.precision)} / {_pct(c.recall)} / "
               f"{_pct(c.f1)}; {_pct(recall_by_type[kind].recall)} | – | – | | |")


def _figure_rows(figures: dict) -> Iterator[str]:
    totals = {sys_: [Counts(), Counts(), Counts()] for sys_ in ("wirecheck", "quantulum3")}
    for name, result in figures.items():
        for sys_ in totals:
            totals[sys_] = [t + r for t, r in zip(totals[sys_], result[sys_], strict=True)]
        yield from _figure_pair(name, result["wirecheck"], result["quantulum3"], bold=False)
    name = "both sets" if len(figures) == 2 else "all sets"
    yield from _figure_pair(name, totals["wirecheck"], totals["quantulum3"], bold=True)


def _figure_pair(name: str, ours, theirs, *, bold: bool) -> Iterator[str]:
    (v_ours, u_ours, e_ours), (v_theirs, u_theirs, e_theirs) = ours, theirs
    b = "**" if bold else ""
    diff = 100 * (v_ours.f1 - v_theirs.f1)
    target = f"≥ 95.0 and ≥ +{TARGET_FIGURE_LEAD:.0f} vs quantulum3"
    met_f1 = _met(v_ours.f1, TARGET_FIGURE_F1)
    met_lead = f"{'yes' if diff >= TARGET_FIGURE_LEAD else 'no'} (lead {diff:+.1f} pts)"
    yield (f"| {b}figures {name}: value P / R / F1{b} | {_pct(v_ours.precision)} / {_pct(v_ours.recall)} / "
           f"{b}{_pct(v_ours.f1)}{b} | {_pct(v_theirs.precision)} / {_pct(v_theirs.recall)} / {_pct(v_theirs.f1)} | "
           f"{diff:+.1f} | {target} | {met_f1}; {met_lead} |")
    yield (f"| figures {name}: value+unit F1 | {_pct(u_ours.f1)} | {_pct(u_theirs.f1)} | "
           f"{100 * (u_ours.f1 - u_theirs.f1):+.1f} | | |")
    if e_ours != v_ours or e_theirs != v_theirs:
        yield (f"| figures {name}: value P / F1 scoring every prediction | {_pct(e_ours.precision)} / "
               f"{_pct(e_ours.f1)} | {_pct(e_theirs.precision)} / {_pct(e_theirs.f1)} | "
               f"{100 * (e_ours.f1 - e_theirs.f1):+.1f} | | |")


def _speed_rows(our_rate: Rate, their_rate: Rate, mean_words: float) -> Iterator[str]:
    scale = mean_words / WORDS_PER_ARTICLE
    ours, theirs = our_rate.wall, their_rate.wall
    ours600, theirs600 = ours * scale, theirs * scale
    ratio = ours / theirs if theirs else float("inf")
    yield f"| speed: articles/s as measured ({mean_words:.0f} words) | {ours:.0f} | {theirs:.1f} | – | | |"
    yield (f"| **speed: 600-word articles/s** | **{ours600:.0f}** | {theirs600:.1f} | – | ≥ 1000 | "
           f"{_met(ours600, TARGET_SPEED, unit='articles/s', scale=1.0)} |")
    yield (f"| speed: 600-word articles/s by CPU time | {our_rate.cpu * scale:.0f} | {their_rate.cpu * scale:.1f} | "
           f"– | | |")
    yield (f"| **speed ratio** wirecheck ÷ quantulum3 | **{ratio:.0f}×** | 1× | – | ≥ 10× | "
           f"{'yes' if ratio >= TARGET_SPEED_RATIO else 'no'} ({ratio / TARGET_SPEED_RATIO:.1f}× the target) |")


if __name__ == "__main__":
    main()
