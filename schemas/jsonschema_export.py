"""Writes the JSON Schema of every event to ``schemas/jsonschema/`` (contract layer, build tool).

Non-Python consumers read the topics from these files. ``python -m schemas.jsonschema_export``
regenerates them; ``tests/unit/schemas/test_jsonschema_files.py`` fails when they drift.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas.envelope import Event
from schemas.registry import EARLIER_VERSIONS, TOPIC_EVENTS

SCHEMA_DIR = Path(__file__).parent / "jsonschema"


def schema_files() -> dict[str, tuple[str, type[Event]]]:
    """File name → (topic, model): ``<topic>.json`` for what producers write now, and
    ``<topic>.schema-v<N>.json`` for each older version readers may still meet on the topic."""
    files = {f"{topic}.json": (topic, model) for topic, model in TOPIC_EVENTS.items()}
    for topic, models in EARLIER_VERSIONS.items():
        for model in models:
            files[f"{topic}.schema-v{model.model_fields['schema_version'].default}.json"] = (topic, model)
    return files


def rendered_schemas() -> dict[str, str]:
    """File name → JSON text of every file of ``schema_files``."""
    out: dict[str, str] = {}
    for name, (topic, model) in schema_files().items():
        schema = model.model_json_schema(mode="serialization")  # what is on the wire
        schema["$id"] = f"https://wirecheck.invalid/schemas/{name}"
        schema["x-topic"] = topic
        out[name] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in rendered_schemas().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
