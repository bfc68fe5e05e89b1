import json

import pytest

from netral_nlp import labels
from netral_nlp.errors import SchemaError
from netral_nlp.schema import Annotation, json_schema, validate_record
from netral_nlp.schema_json import SCHEMA_PATH, build_json_schema


def test_shipped_schema_is_built_from_the_label_codes():
    # One place for each code: the shipped JSON Schema must equal what labels.py builds.
    assert json.loads(SCHEMA_PATH.read_text()) == build_json_schema()
    assert json_schema()["properties"]["frame"]["enum"] == list(labels.FRAMES)


def test_seed_gold_round_trips_and_validates(seed_gold):
    for rec in seed_gold.values():
        contract = {k: v for k, v in rec.items() if k not in ("genre", "source", "raw")}
        assert validate_record(contract) == []
        ann = Annotation.from_dict(rec)
        assert ann.to_dict() == rec  # extra fields (genre, source, raw) are carried through


def test_validation_catches_bad_codes_and_spans(seed_gold):
    rec = json.loads(json.dumps(seed_gold["seed-000"]))
    rec["frame"] = "PROPAGANDA"
    assert any("frame" in p for p in validate_record(rec))
    rec = json.loads(json.dumps(seed_gold["seed-000"]))
    rec["officials"][0]["mentions"].append([10, 10_000_000])
    assert any("out of bounds" in p for p in validate_record(rec))
    rec = json.loads(json.dumps(seed_gold["seed-000"]))
    rec["violations"][0]["status"] = "TERBUKTI"  # status on an AGGREGATE violation
    assert any("status" in p for p in validate_record(rec))
    rec = json.loads(json.dumps(seed_gold["seed-000"]))
    rec["relevant"] = False
    assert any("relevant" in p for p in validate_record(rec))


@pytest.mark.parametrize("bad", [
    {"text": "x", "frame": "NOPE"},
    {"text": "x", "elections": ["PEMILU2024"]},
    {"text": "x", "officials": [{"name": "A", "category": "ALIEN"}]},
    {"text": "x", "violations": [{"type": "MEDIA_SOSIAL", "modality": "SOMETIMES"}]},
    {"text": "x", "legal_refs": [{"kind": "UU", "number": "5", "year": "2014"}]},
    {"frame": "LAIN"},
])
def test_from_dict_rejects_records_outside_the_contract(bad):
    with pytest.raises(SchemaError):
        Annotation.from_dict(bad)
