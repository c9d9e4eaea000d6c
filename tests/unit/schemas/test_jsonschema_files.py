"""The checked-in JSON Schema files are exactly what the models generate."""

import json

import pytest

from schemas.jsonschema_export import SCHEMA_DIR, rendered_schemas
from schemas.registry import EARLIER_VERSIONS, TOPIC_EVENTS


@pytest.mark.parametrize("name,text", sorted(rendered_schemas().items()))
def test_checked_in_schema_matches_model(name: str, text: str) -> None:
    path = SCHEMA_DIR / name
    assert path.exists(), f"{path} is missing: run `make schemas`"
    assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schemas`"


def test_one_schema_file_per_topic_and_earlier_version_and_no_strays() -> None:
    earlier = [f"{t}.schema-v{m.model_fields['schema_version'].default}.json"
               for t, models in EARLIER_VERSIONS.items() for m in models]
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted([f"{t}.json" for t in TOPIC_EVENTS] + earlier)


def test_article_schemas_of_both_versions_are_checked_in() -> None:
    current = json.loads((SCHEMA_DIR / "articles.v1.json").read_text())
    v1 = json.loads((SCHEMA_DIR / "articles.v1.schema-v1.json").read_text())
    assert (current["properties"]["schema_version"]["const"], v1["properties"]["schema_version"]["const"]) == (2, 1)
    assert "pattern" in current["properties"]["occurred_at"]  # v2 timestamps carry their offset
    assert "pattern" not in v1["properties"]["occurred_at"]


def test_schema_requires_the_envelope() -> None:
    schema = json.loads((SCHEMA_DIR / "articles.v1.json").read_text())
    for field in ("event_id", "event_type", "schema_version", "occurred_at", "producer", "correlation_id"):
        assert field in schema["required"], field
