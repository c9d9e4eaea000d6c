"""Writes the JSON Schema of every event to ``schemas/jsonschema/`` (contract layer, build tool).

Non-Python consumers read the topics from these files. ``python -m schemas.jsonschema_export``
regenerates them; ``tests/unit/schemas/test_jsonschema_files.py`` fails when they drift.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas.registry import TOPIC_EVENTS

SCHEMA_DIR = Path(__file__).parent / "jsonschema"


def rendered_schemas() -> dict[str, str]:
    """File name → JSON text, one file per topic's event type."""
    out: dict[str, str] = {}
    for topic, model in TOPIC_EVENTS.items():
        schema = model.model_json_schema(mode="serialization")  # what is on the wire
        schema["$id"] = f"https://wirecheck.invalid/schemas/{topic}.json"
        schema["x-topic"] = topic
        out[f"{topic}.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in rendered_schemas().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
