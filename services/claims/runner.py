"""The claims service's Kafka shell: articles.v1 → claims.v1, one transaction per batch."""

from __future__ import annotations

import threading

from schemas import ArticlePublished, Event, Producer
from schemas.registry import ARTICLES
from services.claims.handler import claims_of
from wirecheck import __version__
from wirecheck.settings import Settings
from wirecheck.stream import Stage, StageRunner

PRODUCER = Producer(service="claims", version=__version__)


def claims_stage(settings: Settings) -> Stage:
    def handle(event: Event) -> list[Event]:
        assert isinstance(event, ArticlePublished)  # the registry decodes articles.v1 to this type
        return [claims_of(event, producer=PRODUCER, max_chars=settings.max_article_chars)]

    return Stage(name="claims", inputs=(ARTICLES,), handle=handle, producer=PRODUCER)


def run(settings: Settings, stop: threading.Event) -> None:
    StageRunner(claims_stage(settings), settings).run(stop)
