"""Build the JSON Schema of the output contract from the label codes in :mod:`netral_nlp.labels`.

The shipped file ``netral_nlp/contract.schema.json`` is written by
``python -m netral_nlp.schema_json``; a test checks that it equals what this builds,
so the codes stay defined once.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import labels

SPAN = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
NULLABLE_SPAN = {"oneOf": [SPAN, {"type": "null"}]}


def _enum(values, nullable=False):
    vals = list(values) + ([None] if nullable else [])
    return {"enum": vals}


def build_json_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/netral-nlp/netral_nlp/contract.schema.json",
        "title": "netral_nlp annotation (output contract v1)",
        "type": "object",
        "required": ["id", "text", "lang", "relevant", "frame", "elections", "regions", "officials",
                     "events", "violations", "legal_refs"],
        "properties": {
            "id": {"type": ["string", "null"]},
            "text": {"type": "string"},
            "lang": {"type": "string"},
            "relevant": {"type": "boolean"},
            "frame": _enum(labels.FRAMES),
            "elections": {"type": "array", "items": {"type": "string", "pattern": labels.ELECTION_CODE_PATTERN}},
            "regions": {"type": "array", "items": {
                "type": "object", "required": ["name", "province", "code"],
                "properties": {"name": {"type": "string", "minLength": 1},
                               "province": {"type": ["string", "null"]},
                               "code": {"type": ["string", "null"], "pattern": r"^[0-9]{2}(\.[0-9]{2})?$"}}}},
            "officials": {"type": "array", "items": {
                "type": "object", "required": ["name", "position", "institution", "category", "mentions"],
                "properties": {"name": {"type": "string", "minLength": 1},
                               "position": {"type": ["string", "null"]},
                               "institution": {"type": ["string", "null"]},
                               "category": _enum(labels.CATEGORIES),
                               "mentions": {"type": "array", "items": SPAN}}}},
            "events": {"type": "array", "items": {
                "type": "object", "required": ["type", "date", "location", "trigger"],
                "properties": {"type": _enum(labels.EVENT_TYPES),
                               "date": {"oneOf": [{"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"type": "null"}]},
                               "location": {"type": ["string", "null"]},
                               "trigger": NULLABLE_SPAN}}},
            "violations": {"type": "array", "items": {
                "type": "object", "required": ["type", "modality", "status", "actor", "evidence"],
                "properties": {"type": _enum(labels.VIOLATION_TYPES),
                               "modality": _enum(labels.MODALITIES),
                               "status": _enum(labels.STATUSES, nullable=True),
                               "actor": {"type": ["integer", "null"], "minimum": 0},
                               "evidence": NULLABLE_SPAN,
                               "outcome": _enum(labels.OUTCOMES, nullable=True),
                               "score": {"type": "number", "minimum": 0, "maximum": 1}}}},
            "legal_refs": {"type": "array", "items": {
                "type": "object", "required": ["kind", "number", "year", "span"],
                "properties": {"kind": _enum(labels.LEGAL_KINDS),
                               "number": {"type": ["string", "null"]},
                               "year": {"type": ["integer", "null"]},
                               "span": NULLABLE_SPAN}}},
        },
    }


SCHEMA_PATH = Path(__file__).with_name("contract.schema.json")

if __name__ == "__main__":
    SCHEMA_PATH.write_text(json.dumps(build_json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
