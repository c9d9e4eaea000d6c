"""A corrected version of an article through the whole pipeline: its claims and verdicts follow."""

from pathlib import Path

import pytest

from schemas import FigureClaim
from schemas.registry import CLAIMS, DECISIONS, VERDICTS
from services.claims.runner import claims_stage
from services.ingest.runner import ingest_paths
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running, wait_until
from wirecheck.lag import pending_records
from wirecheck.report import collect
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka

VERSION = """---
source: Harbour Times
url: https://harbour.example/2024/12/06/flood
published: 2024-12-06T{hour}:00:00Z
---
"We will hold the line," General Ali Mahmoud said on Friday. {figure} people fled the valley overnight.
"""


def _write(path: Path, hour: str, figure: str) -> Path:
    path.write_text(VERSION.format(hour=hour, figure=figure))
    return path


def _settled(settings, figure_text: str):
    def check():
        collected = collect(settings)
        caught_up = not any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values())
        [extracted] = collected.claims.values() or [None]
        current = extracted and any(isinstance(c, FigureClaim) and c.text.startswith(figure_text)
                                    for c in extracted.claims)
        return collected if caught_up and current else None
    return wait_until(check, what=f"the version with {figure_text!r} verified")


def test_a_new_version_supersedes_claims_and_verdicts(kafka_settings, tmp_path: Path) -> None:
    settings = kafka_settings
    with running(claims_stage(settings), verify_stage(VerifierState()), settings=settings):
        ingest_paths([str(_write(tmp_path / "v1.txt", "08", "Over 200"))], settings)
        first = _settled(settings, "Over 200")
        [old] = first.claims.values()
        ingest_paths([str(_write(tmp_path / "v2.txt", "10", "Over 2,000"))], settings)
        second = _settled(settings, "Over 2,000")

    [new] = second.claims.values()
    assert new.article.article_id == old.article.article_id
    old_figure = next(c for c in old.claims if isinstance(c, FigureClaim))
    new_figure = next(c for c in new.claims if isinstance(c, FigureClaim))
    assert (old_figure.low, new_figure.low) == (200, 2000)
    retired = second.verdicts[old_figure.claim_id]
    assert retired.verdict == "unverified" and "superseded" in retired.reason
    assert second.verdicts[new_figure.claim_id].verdict == "single_source"
    history = [v for v in read_topic(settings, VERDICTS) if v.claim_id == old_figure.claim_id]
    assert sorted(v.revision for v in history) == [1, 2]
