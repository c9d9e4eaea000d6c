"""Settings of every wirecheck process, read from the environment (shell layer).

One pydantic settings class, as quix-streams does it. ``KAFKA_BOOTSTRAP_SERVERS`` is honoured
without a prefix because it is the variable the Kafka tooling world already uses.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Ports of the local broker: off the 9092/9093 defaults so a user's own Kafka is left alone.
LOCAL_BROKER_PORT = 19092
LOCAL_CONTROLLER_PORT = 19093


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WIRECHECK_", extra="ignore", populate_by_name=True)

    bootstrap_servers: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "WIRECHECK_BOOTSTRAP_SERVERS"),
        description="An existing broker to use; unset means the local broker of `wirecheck kafka up`.",
    )
    home: Path = Field(default=Path("var"), description="Where the local broker keeps jars, data, logs.")
    topic_prefix: str = Field(default="", description="Prepended to every topic name (tests isolate).")
    group_prefix: str = Field(default="wirecheck", description="Prefix of consumer group ids.")
    partitions: int = Field(default=3, ge=1, description="Partitions per topic when wirecheck creates it.")
    # 512 KiB of text is ~80,000 words, far above any news article; larger bodies are dead-lettered.
    max_article_chars: int = Field(default=512_000, ge=1)
    poll_timeout_ms: int = Field(default=200, ge=1)
    # Records one transaction handles at most. At ~40 ms of verification an article, 50 is a ~2 s
    # transaction; 500 (the old value) made 20 s ones whose verdicts no one could read until the
    # commit, and under load outlived the group membership and aborted over and over
    # (bench/results/README.md, "Tuning steps").
    max_poll_records: int = Field(default=50, ge=1)
    # Batching of the stages' transactional writes. A transaction's records are flushed at its
    # commit anyway, so lingering adds no latency there; 1 MiB batches hold ~50 ClaimsExtracted
    # (≈ 20 KB each), where 16 KiB (Kafka's default) sent each in a request of its own
    # (bench/results/profiles/e2e-03-tuned-batching.md).
    linger_ms: int = Field(default=50, ge=0)
    batch_bytes: int = Field(default=1_048_576, ge=1_024)
    metrics_port: int | None = Field(default=None, description="Serve Prometheus /metrics on this port.")
    metrics_host: str = Field(default="127.0.0.1", description="Address /metrics binds to (0.0.0.0 in containers).")
    log_json: bool | None = Field(default=None, description="JSON logs; default: JSON unless a TTY.")
    # How long a stage that died without leaving (kill -9, a lost machine) keeps its partitions
    # before the group hands them to a restarted or another instance. 45 s is Kafka's client default
    # (KIP-735); the broker accepts no less than its group.min.session.timeout.ms, 6 s by default.
    session_timeout_ms: int = Field(default=45_000, ge=6_000)
    feeds_file: Path | None = Field(default=None, description="Feeds the ingest service follows (TOML).",
                                    validation_alias=AliasChoices("WIRECHECK_FEEDS", "feeds_file"))

    @field_validator("feeds_file", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        # `WIRECHECK_FEEDS=` (docker-compose's `${WIRECHECK_FEEDS:-}`) means no feeds, not the feeds file ".".
        return None if isinstance(value, str) and not value.strip() else value

    @cached_property
    def bootstrap(self) -> str:
        return self.bootstrap_servers or f"127.0.0.1:{LOCAL_BROKER_PORT}"

    @property
    def uses_local_broker(self) -> bool:
        return not self.bootstrap_servers

    def topic(self, logical: str) -> str:
        """Physical topic name of a logical one such as ``articles.v1``."""
        return f"{self.topic_prefix}{logical}"

    def group(self, stage: str) -> str:
        return f"{self.group_prefix}.{self.topic_prefix}{stage}"
