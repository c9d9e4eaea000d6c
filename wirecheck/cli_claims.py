"""`wirecheck claims diff` (shell layer; registered in cli.py): what a new extractor version changes.

The articles are replayed from ``articles.v1`` (each article's current version) or read from files as
ingest reads them. Each side of the diff is a claim set named by ``--from`` / ``--to``:

* the running code's ``EXTRACTOR_VERSION`` — the claims are extracted now, in this process;
* a file of claims as JSON lines (what ``wirecheck extract`` prints, e.g. from an older checkout);
* any other version — the ``ClaimsExtracted`` events of that version on ``claims.v1``.

A recorded claim set only counts for an article when it was made from the same text (same content
hash on ``claims.v1``; every claim's text at its span in a file); other articles are skipped, and said so.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click
from kafka.errors import KafkaError
from pydantic import TypeAdapter, ValidationError

from schemas import ArticlePublished, ClaimsExtracted
from schemas.claims import Claim
from services.claims.diff import AnyClaim, ClaimChange, diff_claims
from services.claims.extract import EXTRACTOR_VERSION, extract_claims
from wirecheck.exceptions import WirecheckError
from wirecheck.settings import Settings

_CLAIM = TypeAdapter(Claim)
_SIGNS = {"added": "+", "removed": "-", "changed": "~"}
_TEXT_SHOWN = 90  # characters of a claim's text in the text report


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    body: str
    content_sha256: str
    label: str  # outlet and url, for the report


ClaimSets = dict[str, tuple[AnyClaim, ...]]  # article id → that version's claims


@click.group("claims")
def claims() -> None:
    """Compare the claims of extractor versions."""


@claims.command("diff")
@click.option("--from", "old", required=True,
              help="Old claim set: an extractor version (on claims.v1, or the running one) or a JSON-lines file.")
@click.option("--to", "new", default=EXTRACTOR_VERSION, show_default=True,
              help="New claim set, named the same ways.")
@click.argument("paths", nargs=-1)
@click.option("--source", help="Outlet of articles whose input does not name one.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per change instead of text.")
def diff(old: str, new: str, paths: tuple[str, ...], source: str | None, as_json: bool) -> None:
    """Show what claim set --to changes over --from on the same articles: claims added (+), removed (-)
    and changed (~, with the fields that differ), per article, and a count per kind.

    The articles are PATHS (any input format ingest reads) or, without PATHS, every article on
    articles.v1 in its current version.
    """
    settings = Settings()
    try:
        articles = _file_articles(paths, source, settings) if paths else _topic_articles(settings)
        before, after = (_claim_sets(spec, articles, settings) for spec in (old, new))
    except KafkaError as exc:
        raise WirecheckError(f"cannot read the topics at {settings.bootstrap} ({exc}); start the broker, "
                             "set KAFKA_BOOTSTRAP_SERVERS, or give PATHS and claim files") from None
    totals: Counter[tuple[str, str]] = Counter()
    compared = 0
    for article in articles:
        if article.article_id not in before or article.article_id not in after:
            missing = old if article.article_id not in before else new
            click.echo(f"skipped {article.article_id}: no claims of {missing} for this text", err=True)
            continue
        compared += 1
        changes = diff_claims(before[article.article_id], after[article.article_id])
        totals.update((c.kind, c.change) for c in changes)
        for line in _render(article, changes, as_json=as_json):
            click.echo(line)
    click.echo(_summary(old, new, compared, totals), err=True)  # stdout holds only the changes


# -- articles -------------------------------------------------------------------------------------

def _file_articles(paths: Iterable[str], source: str | None, settings: Settings) -> list[Article]:
    from services.ingest.exceptions import BadRecordError
    from services.ingest.runner import PRODUCER
    from services.ingest.sources import article_events, expand_paths

    defaults = {"source": source} if source else None
    found: dict[str, Article] = {}
    for event in article_events(expand_paths(paths), producer=PRODUCER, max_chars=settings.max_article_chars,
                                defaults=defaults):
        if isinstance(event, BadRecordError):
            click.echo(f"refused: {event}", err=True)
            continue
        found[event.article.article_id] = _article(event)
    return list(found.values())


def _topic_articles(settings: Settings) -> list[Article]:
    from schemas.registry import ARTICLES
    from wirecheck.topic_reader import read_topic

    current: dict[str, ArticlePublished] = {}
    for event in read_topic(settings, ARTICLES):
        if isinstance(event, ArticlePublished) and _supersedes(event, current.get(event.article.article_id)):
            current[event.article.article_id] = event
    return [_article(event) for event in current.values()]


def _supersedes(new: ArticlePublished, old: ArticlePublished | None) -> bool:
    # A later event replaces an article unless it carries a lower version (as the verifier reads them).
    if old is None or new.article.version is None or old.article.version is None:
        return True
    return new.article.version >= old.article.version


def _article(event: ArticlePublished) -> Article:
    a = event.article
    label = " ".join(part for part in (a.source, a.url) if part)
    return Article(a.article_id, a.body, a.content_sha256, label)


# -- claim sets -----------------------------------------------------------------------------------

def _claim_sets(spec: str, articles: list[Article], settings: Settings) -> ClaimSets:
    if spec == EXTRACTOR_VERSION:
        return {a.article_id: extract_claims(a.body, article_id=a.article_id) for a in articles}
    if Path(spec).is_file():
        return _fitting(_claims_from_file(Path(spec)), articles)
    return _claims_from_topic(spec, articles, settings)


def _claims_from_file(path: Path) -> dict[str, list[AnyClaim]]:
    by_article: dict[str, list[AnyClaim]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                claim = _CLAIM.validate_json(line)
            except ValidationError as exc:
                raise WirecheckError(f"{path}:{number} is not a claim ({exc.error_count()} error(s): "
                                     f"{exc.errors()[0]['msg']})") from None
            by_article.setdefault(claim.article_id, []).append(claim)
    return by_article


def _fitting(by_article: dict[str, list[AnyClaim]], articles: list[Article]) -> ClaimSets:
    # A file records no content hash: its claims fit an article when each one's text is at its span.
    fitting = {}
    for article in articles:
        found = by_article.get(article.article_id)
        if found is not None and all(article.body[c.span[0]:c.span[1]] == c.text for c in found):
            fitting[article.article_id] = tuple(found)
    return fitting


def _claims_from_topic(version: str, articles: list[Article], settings: Settings) -> ClaimSets:
    from schemas.registry import CLAIMS
    from wirecheck.topic_reader import read_topic

    wanted = {(a.article_id, a.content_sha256) for a in articles}
    found: ClaimSets = {}
    versions: set[str] = set()
    for event in read_topic(settings, CLAIMS):
        if not isinstance(event, ClaimsExtracted):
            continue
        versions.add(event.extractor_version)
        key = (event.article.article_id, event.article.content_sha256)
        if event.extractor_version == version and key in wanted:
            found[event.article.article_id] = event.claims
    if version not in versions:
        known = ", ".join(sorted(versions | {EXTRACTOR_VERSION})) or EXTRACTOR_VERSION
        raise WirecheckError(f"{version!r} is neither a file, the running extractor nor a version on claims.v1 "
                             f"(known: {known})")
    return found


# -- report ---------------------------------------------------------------------------------------

def _render(article: Article, changes: list[ClaimChange], *, as_json: bool) -> Iterator[str]:
    if as_json:
        for change in changes:
            yield json.dumps({"article_id": article.article_id, **change.as_json()}, ensure_ascii=False)
        return
    if not changes:
        return
    counts = Counter(c.change for c in changes)
    yield (f"article {article.article_id} ({article.label}): +{counts['added']} -{counts['removed']} "
           f"~{counts['changed']}")
    for change in changes:
        yield f"  {_SIGNS[change.change]} {_describe(change)}"


def _describe(change: ClaimChange) -> str:
    claim = change.after or change.before
    assert claim is not None  # every change has at least one side
    line = f"{claim.kind} {_span(claim)} {_short(claim.text)}"
    if change.change != "changed":
        return line
    assert change.before is not None and change.after is not None
    old, new = _flat(change.before), _flat(change.after)
    details = "; ".join(f"{name}: {old.get(name)!r} → {new.get(name)!r}" for name in change.fields)
    return f"{line} — {details}"


def _span(claim: AnyClaim) -> str:
    return f"[{claim.span[0]}, {claim.span[1]})"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return json.dumps(flat if len(flat) <= _TEXT_SHOWN else flat[: _TEXT_SHOWN - 1] + "…", ensure_ascii=False)


def _flat(claim: AnyClaim) -> dict[str, object]:
    # Dotted names, as ``ClaimChange.fields`` gives them ("speaker.name").
    flat: dict[str, object] = {}

    def walk(value: object, prefix: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{prefix}{key}.")
        else:
            flat[prefix.rstrip(".")] = value

    walk(claim.model_dump(mode="json"), "")
    return flat


def _summary(old: str, new: str, compared: int, totals: Counter[tuple[str, str]]) -> str:
    per_kind = [
        f"{kind} +{totals[kind, 'added']} -{totals[kind, 'removed']} ~{totals[kind, 'changed']}"
        for kind in ("quote", "attribution", "figure")
    ]
    return f"{old} → {new} over {compared} article(s): " + "; ".join(per_kind)
