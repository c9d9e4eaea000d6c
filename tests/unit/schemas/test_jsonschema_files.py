"""The checked-in JSON Schema files are exactly what the models generate."""

import json

import pytest

from schemas.jsonschema_export import SCHEMA_DIR, rendered_schemas
from schemas.registry import TOPIC_EVENTS


@pytest.mark.parametrize("name,text", sorted(rendered_schemas().items()))
def test_checked_in_schema_matches_model(name: str, text: str) -> None:
    path = SCHEMA_DIR / name
    assert path.exists(), f"{path} is missing: run `make schemas`"
    assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schemas`"


def test_one_schema_file_per_topic_and_no_strays() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(f"{t}.json" for t in TOPIC_EVENTS)


def test_schema_requires_the_envelope() -> None:
    schema = json.loads((SCHEMA_DIR / "articles.v1.json").read_text())
    for field in ("event_id", "event_type", "schema_version", "occurred_at", "producer", "correlation_id"):
        assert field in schema["required"], field
