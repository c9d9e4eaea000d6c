"""`wirecheck review` and `wirecheck export claimreview` (shell layer; registered in cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from wirecheck.logs import configure_logging
from wirecheck.settings import Settings


@click.command("review")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8400, show_default=True, help="Port to listen on (0: any free port).")
@click.option("--demo", is_flag=True,
              help="Add a `demo` account with a random password printed at start-up (not for production).")
@click.option("--hash-password", is_flag=True,
              help="Read a password twice and print the `name:hash` line for an accounts file; no server.")
@click.option("--name", default="reviewer", help="Account name for --hash-password.")
def review(host: str, port: int, demo: bool, hash_password: bool, name: str) -> None:
    """Serve the reviewer queue, claim pages and dashboard; print the address.

    Accounts: lines `name:hash` in the file named by WIRECHECK_REVIEW_ACCOUNTS_FILE (or in
    WIRECHECK_REVIEW_ACCOUNTS); make a line with `wirecheck review --hash-password --name alice`.
    """
    if hash_password:
        from services.review.accounts import hash_password as make_hash

        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
        click.echo(f"{name}:{make_hash(password)}")
        return
    from services.review.launch import serve
    from services.review.settings import ReviewSettings

    settings = Settings()
    configure_logging(json=settings.log_json)
    serve(settings, ReviewSettings(), host=host, port=port, demo=demo, echo=click.echo)


@click.group("export")
def export() -> None:
    """Export reviewed claims."""


@export.command("claimreview")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="File to write (default: stdout).")
@click.option("--base-url", default=None,
              help="Public address of the review app, for each review's url (default: WIRECHECK_REVIEW_BASE_URL "
                   "or http://127.0.0.1:8400/).")
def export_claimreview(out: Path | None, base_url: str | None) -> None:
    """Every reviewed claim (confirmed or overturned) as schema.org ClaimReview JSON-LD."""
    from services.review.claimreview import claim_reviews
    from services.review.projection import ReviewProjection
    from services.review.settings import ReviewSettings
    from services.review.store import INPUTS
    from wirecheck.topic_reader import read_topic

    settings, review_settings = Settings(), ReviewSettings()
    projection = ReviewProjection()
    for logical in INPUTS:
        for event in read_topic(settings, logical):
            projection.apply(event)
    base = base_url or review_settings.base_url or "http://127.0.0.1:8400/"
    reviews = claim_reviews(projection.views(), base_url=base, organisation=review_settings.organisation)
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {len(reviews)} ClaimReview(s) to {out}", err=True)
