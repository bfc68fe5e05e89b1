"""Tests of netral_nlp.converters: Label Studio, doccano, Prodigy and brat, to and from the contract."""
from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from netral_nlp.converters import FORMATS, from_format, label_studio_config, to_format
from netral_nlp.converters.label_studio import shipped_config
from netral_nlp.errors import CorpusError, SchemaError
from netral_nlp.schema import Annotation

ROOT = Path(__file__).resolve().parents[1]
CORPUS_JSONL = ROOT / "corpora" / "netral-id" / "data" / "netral-id.jsonl"

# (format, writer options) pairs; every one must give the records back exactly, order included.
VARIANTS = [
    ("label-studio", {}),
    ("label-studio", {"as_": "predictions"}),
    ("doccano", {}),
    ("doccano", {"style": "label"}),
    ("doccano", {"style": "labels", "offsets": "utf16"}),
    ("doccano", {"style": "slots"}),
    ("prodigy", {}),
    ("brat", {}),
]


def _norm(records):
    return [Annotation.from_dict(r).to_dict() for r in records]


def _through_files(records, fmt, opts, tmp_path):
    """Write to disk as a user would, read back from the path."""
    out = tmp_path / {"label-studio": "tasks.json", "doccano": "d.jsonl", "prodigy": "p.jsonl", "brat": "brat"}[fmt]
    to_format(records, fmt, output=out, **opts)
    return from_format(out, fmt)


def _diff(a: list[dict], b: list[dict]) -> str:
    for x, y in zip(a, b):
        if x != y:
            keys = [k for k in x if x.get(k) != y.get(k)] + [k for k in y if k not in x]
            return f"first difference in {x.get('id')!r}: fields {keys}"
    return f"{len(a)} records vs {len(b)}"


# Whole corpus ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus():
    if not CORPUS_JSONL.exists():
        pytest.skip("corpus file absent")
    with open(CORPUS_JSONL, encoding="utf-8") as fh:  # read fresh: the corpus grows while we work
        records = [json.loads(line) for line in fh if line.strip()]
    if not records:
        pytest.skip("corpus file empty")
    return records


@pytest.mark.parametrize("fmt,opts", VARIANTS, ids=[f"{f}-{'-'.join(map(str, o.values())) or 'default'}" for f, o in VARIANTS])
def test_corpus_round_trip_exact(corpus, fmt, opts, tmp_path):
    expected = _norm(corpus)
    back = _through_files(corpus, fmt, opts, tmp_path)
    assert len(back) == len(expected)
    assert back == expected, _diff(expected, back)
    # the corpus records are already in to_dict form: the raw lines come back as they were
    assert back == corpus
    print(f"{fmt} {opts}: {len(back)} corpus records round-tripped exactly")


def test_corpus_chain_through_every_format(corpus):
    """contract -> LS -> doccano -> Prodigy -> brat -> contract, in memory."""
    recs = corpus
    for fmt in FORMATS:
        recs = from_format(json.loads(json.dumps(to_format(recs, fmt))) if fmt != "brat" else to_format(recs, fmt), fmt)
    assert recs == _norm(corpus)


# A record with every corner the corpus may not have ---------------------------------------------
TEXT = ("Sekda Solok, Medison, memimpin apel netralitas ASN di Lapangan Kantor Bupati pada Senin (15/5/2023). "
        "Ia melarang ASN mengunggah dukungan 👍 untuk paslon di media sosial. Kepala Dinas Pendidikan, Zulkifli, "
        "diduga ikut kampanye. Dasarnya UU Nomor 5 Tahun 2014.")


def _span(s: str, text: str = TEXT) -> list[int]:
    i = text.index(s)
    return [i, i + len(s)]


ODD = {
    "id": "odd/id 1", "text": TEXT, "lang": "id", "relevant": True, "frame": "PELANGGARAN",
    "elections": ["PILKADA_2024", "PEMILU_2024"],
    "regions": [{"name": "Kabupaten Solok", "province": "Sumatera Barat", "code": "13.02"},
                {"name": "Kota | odd", "province": "", "code": None}],
    "officials": [
        {"name": "Tanpa Sebutan", "position": None, "institution": "", "category": "CALON", "mentions": []},
        {"name": "Medison", "position": "Sekretaris Daerah", "institution": "Pemerintah Kabupaten Solok",
         "category": "ASN", "mentions": [_span("Medison"), _span("Sekda")]},  # unsorted on purpose
        {"name": "Zulkifli", "position": "Kepala Dinas Pendidikan", "institution": None, "category": "ASN",
         "mentions": [_span("Zulkifli")]},
    ],
    "events": [
        {"type": "RAPAT", "date": "2023-05-14", "location": None, "trigger": None},
        {"type": "APEL", "date": "2023-05-15", "location": "Lapangan Kantor Bupati",
         "trigger": _span("apel netralitas ASN")},
    ],
    "violations": [
        {"type": "MEDIA_SOSIAL", "modality": "GENERIC", "status": None, "actor": None,
         "evidence": _span("mengunggah dukungan 👍 untuk paslon di media sosial"), "score": 0.8125},
        {"type": "KAMPANYE", "modality": "INCIDENT", "status": "DUGAAN", "actor": 2, "evidence": _span("ikut kampanye")},
        {"type": "KAMPANYE", "modality": "INCIDENT", "status": "TERBUKTI", "actor": 1,
         "evidence": _span("ikut kampanye"), "outcome": "CLEARED"},
        {"type": "LAINNYA", "modality": "INCIDENT", "status": "DUGAAN", "actor": 0, "evidence": None},
    ],
    "legal_refs": [{"kind": "UU", "number": "5", "year": 2014, "span": _span("UU Nomor 5 Tahun 2014")},
                   {"kind": "SE", "number": None, "year": None, "span": None}],
    "genre": "post", "source": {"method": "test", "url": None}, "raw": "RAW\ttext\nwith lines", "doc_id": "clash",
    "netral_meta": [1, 2],
}


@pytest.mark.parametrize("fmt,opts", VARIANTS, ids=[f"{f}-{'-'.join(map(str, o.values())) or 'default'}" for f, o in VARIANTS])
def test_corner_cases_round_trip(fmt, opts, tmp_path):
    recs = [ODD, {"id": None, "text": "Teks lain tanpa anotasi.", "lang": "en", "relevant": False, "frame": "LAIN",
                  "elections": [], "regions": [], "officials": [], "events": [], "violations": [], "legal_refs": []}]
    assert _through_files(recs, fmt, opts, tmp_path) == _norm(recs)


def test_invalid_record_is_refused():
    bad = copy.deepcopy(ODD)
    bad["officials"][1]["mentions"].append([250, 9999])
    with pytest.raises(SchemaError, match="out of bounds"):
        to_format([bad], "brat")


# Label Studio --------------------------------------------------------------------------------
# An export as Label Studio 1.x writes it (Export > JSON): random region ids, per-region
# textarea/choices results sharing the region id, an unlabelled and a labelled relation, a
# cancelled annotation (ignored) and a prediction (ignored when there is an annotation).
LS_EXPORT = r"""
[
  {
    "id": 41,
    "annotations": [
      {
        "id": 96, "completed_by": 2, "result": [], "was_cancelled": true, "ground_truth": false,
        "created_at": "2024-06-01T09:00:00.000000Z", "updated_at": "2024-06-01T09:00:00.000000Z", "task": 41
      },
      {
        "id": 97,
        "completed_by": 1,
        "result": [
          {"value": {"start": 0, "end": 5, "text": "Sekda", "labels": ["OFFICIAL"]},
           "id": "b9WqLx0eZp", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 13, "end": 20, "text": "Medison", "labels": ["OFFICIAL"]},
           "id": "Qe1_kPz7mA", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 13, "end": 20, "text": ["Medison"]},
           "id": "Qe1_kPz7mA", "from_name": "name", "to_name": "text", "type": "textarea", "origin": "manual"},
          {"value": {"start": 13, "end": 20, "text": ["Sekretaris Daerah"]},
           "id": "Qe1_kPz7mA", "from_name": "position", "to_name": "text", "type": "textarea", "origin": "manual"},
          {"value": {"start": 13, "end": 20, "choices": ["ASN"]},
           "id": "Qe1_kPz7mA", "from_name": "category", "to_name": "text", "type": "choices", "origin": "manual"},
          {"value": {"start": 31, "end": 50, "text": "apel netralitas ASN", "labels": ["EVENT_APEL"]},
           "id": "r8-TnVb2Ks", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 31, "end": 50, "text": ["2023-05-15"]},
           "id": "r8-TnVb2Ks", "from_name": "date", "to_name": "text", "type": "textarea", "origin": "manual"},
          {"value": {"start": 117, "end": 167, "text": "mengunggah dukungan 👍 untuk paslon di media sosial", "labels": ["VIOL_MEDIA_SOSIAL"]},
           "id": "Zz09AbCdEf", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 117, "end": 167, "choices": ["GENERIC"]},
           "id": "Zz09AbCdEf", "from_name": "modality", "to_name": "text", "type": "choices", "origin": "manual"},
          {"value": {"start": 194, "end": 202, "text": "Zulkifli", "labels": ["OFFICIAL"]},
           "id": "hJ3kL4mN5o", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 194, "end": 202, "choices": ["ASN"]},
           "id": "hJ3kL4mN5o", "from_name": "category", "to_name": "text", "type": "choices", "origin": "manual"},
          {"value": {"start": 211, "end": 224, "text": "ikut kampanye", "labels": ["VIOL_KAMPANYE"]},
           "id": "pQ6rS7tU8v", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 211, "end": 224, "choices": ["INCIDENT"]},
           "id": "pQ6rS7tU8v", "from_name": "modality", "to_name": "text", "type": "choices", "origin": "manual"},
          {"value": {"start": 211, "end": 224, "choices": ["DUGAAN"]},
           "id": "pQ6rS7tU8v", "from_name": "status", "to_name": "text", "type": "choices", "origin": "manual"},
          {"value": {"start": 235, "end": 256, "text": "UU Nomor 5 Tahun 2014", "labels": ["LEGAL_UU"]},
           "id": "wX9yZ0aB1c", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"},
          {"value": {"start": 235, "end": 256, "text": ["5"]},
           "id": "wX9yZ0aB1c", "from_name": "number", "to_name": "text", "type": "textarea", "origin": "manual"},
          {"value": {"start": 235, "end": 256, "text": ["2014"]},
           "id": "wX9yZ0aB1c", "from_name": "year", "to_name": "text", "type": "textarea", "origin": "manual"},
          {"from_id": "b9WqLx0eZp", "to_id": "Qe1_kPz7mA", "type": "relation", "direction": "right", "labels": ["SAME_PERSON"]},
          {"from_id": "hJ3kL4mN5o", "to_id": "pQ6rS7tU8v", "type": "relation", "direction": "right", "labels": []},
          {"value": {"choices": ["PELANGGARAN"]}, "id": "f0Rm4tXyZ1", "from_name": "frame", "to_name": "text",
           "type": "choices", "origin": "manual"},
          {"value": {"choices": ["true"]}, "id": "rElEv4nT00", "from_name": "relevant", "to_name": "text",
           "type": "choices", "origin": "manual"},
          {"value": {"text": ["PILKADA_2024"]}, "id": "eL3ct10n5x", "from_name": "elections", "to_name": "text",
           "type": "textarea", "origin": "manual"},
          {"value": {"text": ["Kabupaten Solok | Sumatera Barat | 13.02"]}, "id": "r3g10n5xYz", "from_name": "regions",
           "to_name": "text", "type": "textarea", "origin": "manual"}
        ],
        "was_cancelled": false, "ground_truth": false,
        "created_at": "2024-06-01T10:00:00.000000Z", "updated_at": "2024-06-01T10:05:00.000000Z",
        "draft_created_at": null, "lead_time": 312.4, "prediction": {}, "result_count": 0,
        "unique_id": "6c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8", "import_id": null, "last_action": null,
        "task": 41, "project": 3, "updated_by": 1, "parent_prediction": null, "parent_annotation": null,
        "last_created_by": null
      }
    ],
    "file_upload": "a1b2c3d4-tasks.json",
    "drafts": [],
    "predictions": [
      {"id": 5, "model_version": "rules-0.1", "created_ago": "2 days", "score": null,
       "result": [{"value": {"choices": ["LAIN"]}, "id": "p1", "from_name": "frame", "to_name": "text", "type": "choices"}],
       "cluster": null, "neighbors": null, "mislabeling": 0, "created_at": "2024-05-30T10:00:00.000000Z",
       "updated_at": "2024-05-30T10:00:00.000000Z", "task": 41, "project": 3}
    ],
    "data": {"text": "Sekda Solok, Medison, memimpin apel netralitas ASN di Lapangan Kantor Bupati pada Senin (15/5/2023). Ia melarang ASN mengunggah dukungan 👍 untuk paslon di media sosial. Kepala Dinas Pendidikan, Zulkifli, diduga ikut kampanye. Dasarnya UU Nomor 5 Tahun 2014.",
             "doc_id": "hand-001", "genre": "news"},
    "meta": {},
    "created_at": "2024-05-30T09:00:00.000000Z", "updated_at": "2024-06-01T10:05:00.000000Z",
    "inner_id": 1, "total_annotations": 1, "cancelled_annotations": 1, "total_predictions": 1,
    "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": null, "project": 3,
    "updated_by": 1, "comment_authors": []
  }
]
"""


def test_label_studio_export_snippet(tmp_path):
    path = tmp_path / "project-3-at-2024-06-01.json"
    path.write_text(LS_EXPORT, encoding="utf-8")
    [rec] = from_format(path, "label-studio")
    assert rec["id"] == "hand-001" and rec["text"] == TEXT and rec["genre"] == "news"
    assert (rec["frame"], rec["relevant"], rec["elections"]) == ("PELANGGARAN", True, ["PILKADA_2024"])
    assert rec["regions"] == [{"name": "Kabupaten Solok", "province": "Sumatera Barat", "code": "13.02"}]
    assert rec["officials"] == [
        {"name": "Medison", "position": "Sekretaris Daerah", "institution": None, "category": "ASN",
         "mentions": [[0, 5], [13, 20]]},
        {"name": "Zulkifli", "position": None, "institution": None, "category": "ASN", "mentions": [[194, 202]]},
    ]
    assert rec["events"] == [{"type": "APEL", "date": "2023-05-15", "location": None, "trigger": [31, 50]}]
    assert rec["violations"] == [
        {"type": "MEDIA_SOSIAL", "modality": "GENERIC", "status": None, "actor": None, "evidence": [117, 167]},
        # the unlabelled relation was drawn official -> violation: it is still the actor
        {"type": "KAMPANYE", "modality": "INCIDENT", "status": "DUGAAN", "actor": 1, "evidence": [211, 224]},
    ]
    assert rec["legal_refs"] == [{"kind": "UU", "number": "5", "year": 2014, "span": [235, 256]}]
    assert TEXT[slice(*rec["violations"][0]["evidence"])] == "mengunggah dukungan 👍 untuk paslon di media sosial"
    # the prediction is read when asked for
    [pred] = from_format(path, "label-studio", source="predictions")
    assert pred["frame"] == "LAIN" and pred["officials"] == []


def test_label_studio_legacy_utf16_offsets():
    """Label Studio before 1.5 counted UTF-16 units: spans after an emoji are shifted by one."""
    tasks = json.loads(LS_EXPORT)
    for item in tasks[0]["annotations"][1]["result"]:
        v = item.get("value", {})
        if "start" in v and v["start"] >= 117:
            v["start"] += 1 if v["start"] > 117 else 0
            v["end"] += 1
    [rec] = from_format(tasks, "label-studio")
    assert rec["violations"][1]["evidence"] == [211, 224]
    assert rec["legal_refs"][0]["span"] == [235, 256]


def test_label_studio_config_matches_writer():
    assert shipped_config() == label_studio_config(), "regenerate label_studio_config.xml from label_studio_config()"
    root = ET.fromstring(label_studio_config())
    names = {el.get("name") for el in root.iter() if el.get("name")}
    label_values = {el.get("value") for el in root.iter("Label")}
    rel_values = {el.get("value") for el in root.iter("Relation")}
    tasks = to_format([ODD], "label-studio")
    for item in tasks[0]["annotations"][0]["result"]:
        if item["type"] == "relation":
            assert set(item["labels"]) <= rel_values
        else:
            assert item["from_name"] in names and item["to_name"] in names
        if item["type"] == "labels":
            assert set(item["value"]["labels"]) <= label_values
        if item["type"] == "choices":
            choice_sets = {el.get("name"): {c.get("value") for c in el.iter("Choice")} for el in root.iter("Choices")}
            assert set(item["value"]["choices"]) <= choice_sets[item["from_name"]]
    assert "VIOL_MEDIA_SOSIAL" in label_values and "EVENT_APEL" in label_values and "LEGAL_UU" in label_values


def test_label_studio_json_min_is_refused():
    with pytest.raises(CorpusError, match="JSON-MIN"):
        from_format([{"id": 1, "text": "abc", "label": [{"start": 0, "end": 1, "labels": ["OFFICIAL"]}],
                      "annotator": "a@b.c"}], "label-studio")


def test_label_studio_two_labels_on_a_region():
    tasks = json.loads(LS_EXPORT)
    tasks[0]["annotations"][1]["result"][0]["value"]["labels"] = ["OFFICIAL", "VIOL_KAMPANYE"]
    with pytest.raises(CorpusError, match="exactly one label"):
        from_format(tasks, "label-studio")


# doccano ---------------------------------------------------------------------------------------
DOCCANO_TEXT = "Kades Sukamaju, Budi, hadir di deklarasi paslon."


@pytest.mark.parametrize("key", ["label", "labels"])
def test_doccano_reads_label_and_labels(key):
    line = {"id": 7, "text": DOCCANO_TEXT, key: [[16, 20, "OFFICIAL"], [0, 5, "OFFICIAL_PERANGKAT_DESA"],
                                                 [21, 47, "VIOL_DEKLARASI"]], "Comments": []}
    [rec] = from_format(json.dumps(line, ensure_ascii=False) + "\n", "doccano")
    assert rec["id"] == "doccano-7"
    # no metadata: each span is its own official, named after the span; category from the label
    assert [(o["name"], o["category"], o["mentions"]) for o in rec["officials"]] == [
        ("Budi", "LAINNYA", [[16, 20]]), ("Kades", "PERANGKAT_DESA", [[0, 5]])]
    assert rec["violations"] == [{"type": "DEKLARASI", "modality": "INCIDENT", "status": None, "actor": None,
                                  "evidence": [21, 47]}]
    assert rec["frame"] == "LAIN" and rec["relevant"] is False


def test_doccano_relation_project_export():
    """doccano's relation project export: its own numeric ids, entities as objects, relations by id."""
    line = {"id": 1042, "text": DOCCANO_TEXT,
            "entities": [{"id": 3317, "label": "OFFICIAL", "start_offset": 0, "end_offset": 5},
                         {"id": 3318, "label": "OFFICIAL", "start_offset": 16, "end_offset": 20},
                         {"id": 3319, "label": "VIOL_DEKLARASI", "start_offset": 21, "end_offset": 47}],
            "relations": [{"id": 88, "from_id": 3317, "to_id": 3318, "type": "SAME_PERSON"},
                          {"id": 89, "from_id": 3319, "to_id": 3318, "type": "ACTOR"}],
            "cats": ["PELANGGARAN", "RELEVANT", "PILKADES_2025"], "Comments": []}
    [rec] = from_format([line], "doccano")
    assert len(rec["officials"]) == 1 and rec["officials"][0]["mentions"] == [[0, 5], [16, 20]]
    assert rec["violations"][0]["actor"] == 0
    assert (rec["frame"], rec["relevant"], rec["elections"]) == ("PELANGGARAN", True, ["PILKADES_2025"])


@pytest.mark.parametrize("style", ["entities", "label"])
def test_doccano_metadata_survives_tool_reexport(style):
    """doccano renumbers entities, may list them in its own order, and puts the metadata column back."""
    [line] = to_format([ODD], "doccano", style=style)
    if style == "entities":
        shift = 5000
        for e in line["entities"]:
            e["id"] += shift
        for r in line["relations"]:
            r["id"] += 1
            r["from_id"] += shift
            r["to_id"] += shift
        line["entities"].sort(key=lambda e: e["start_offset"])  # by position; equal spans keep their order
    else:
        line["label"].reverse()  # fields travel with their span in the metadata: any order works
    line["id"] = 12
    [rec] = from_format([line], "doccano")
    assert sorted(o["name"] for o in rec["officials"]) == ["Medison", "Tanpa Sebutan", "Zulkifli"]
    actors = {(v["type"], v["status"]): None if v["actor"] is None else rec["officials"][v["actor"]]["name"]
              for v in rec["violations"]}
    assert actors == {("MEDIA_SOSIAL", None): None, ("KAMPANYE", "DUGAAN"): "Zulkifli",
                      ("KAMPANYE", "TERBUKTI"): "Medison", ("LAINNYA", "DUGAAN"): "Tanpa Sebutan"}
    medison = next(o for o in rec["officials"] if o["name"] == "Medison")
    assert sorted(medison["mentions"]) == [[0, 5], [13, 20]] and medison["category"] == "ASN"


def test_doccano_unknown_document_label():
    with pytest.raises(CorpusError, match="unknown document label"):
        from_format([{"text": DOCCANO_TEXT, "label": [], "cats": ["POSITIVE"]}], "doccano")


# Prodigy ---------------------------------------------------------------------------------------
def test_prodigy_tokens_align_and_rejects_skipped():
    tasks = to_format([ODD], "prodigy")
    t = tasks[0]
    for sp in t["spans"]:
        assert t["tokens"][sp["token_start"]]["start"] == sp["start"]
        assert t["tokens"][sp["token_end"]]["end"] == sp["end"]
    for r in t["relations"]:
        assert r["head"] == r["head_span"]["token_end"] and r["child"] == r["child_span"]["token_end"]
    rejected = dict(t, answer="reject")
    assert from_format([t, rejected], "prodigy") == _norm([ODD])
    assert len(from_format([t, rejected], "prodigy", answers=None)) == 2


def test_prodigy_relations_without_span_ids():
    """Prodigy may drop the span ids: relations are matched by offsets and label, duplicates in order."""
    [t] = to_format([ODD], "prodigy")
    for sp in t["spans"]:
        sp.pop("id")
    for r in t["relations"]:
        r["head_span"].pop("id")
        r["child_span"].pop("id")
    assert from_format([t], "prodigy") == _norm([ODD])


# brat ------------------------------------------------------------------------------------------
def test_brat_directory_written_and_read(tmp_path):
    out = tmp_path / "brat"
    to_format([ODD], "brat", output=out)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["annotation.conf", "netral-manifest.json", "odd_id_1.ann", "odd_id_1.txt", "visual.conf"]
    assert (out / "odd_id_1.txt").read_bytes() == TEXT.encode("utf-8")
    ann = (out / "odd_id_1.ann").read_text(encoding="utf-8")
    assert "\tOFFICIAL 13 20\tMedison" in ann and "A3\tCategory T2 ASN" in ann
    assert any(l.startswith("R") and "ACTOR Arg1:" in l for l in ann.splitlines())
    assert from_format(out, "brat") == _norm([ODD])
    assert from_format(out / "odd_id_1.ann", "brat") == _norm([ODD])
    with pytest.raises(CorpusError, match="empty directory"):
        to_format([dict(ODD, id="other")], "brat", output=out)


def test_brat_hand_written(tmp_path):
    """A file as an annotator leaves it: fragments split at a line break, Equiv for the same person."""
    text = "Camat Lubuk, Andi, hadir.\nAndi lalu memasang\nbaliho paslon."
    (tmp_path / "doc1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc1.ann").write_text(
        "T1\tOFFICIAL 13 17\tAndi\n"
        "T2\tOFFICIAL 26 30\tAndi\n"
        "T3\tVIOL_ALAT_PERAGA 36 44;45 58\tmemasang baliho paslon\n"
        "A1\tModality T3 INCIDENT\n"
        "A2\tCategory T1 ASN\n"
        "#1\tAnnotatorNotes T1\t{\"position\": \"Camat\"}\n"
        "*\tEquiv T1 T2\n"
        "R1\tACTOR Arg1:T3 Arg2:T2\n", encoding="utf-8")
    [rec] = from_format(tmp_path, "brat")
    assert rec["id"] == "doc1"
    assert rec["officials"] == [{"name": "Andi", "position": "Camat", "institution": None, "category": "ASN",
                                 "mentions": [[13, 17], [26, 30]]}]
    assert rec["violations"] == [{"type": "ALAT_PERAGA", "modality": "INCIDENT", "status": None, "actor": 0,
                                  "evidence": [36, 58]}]


# Malformed input -------------------------------------------------------------------------------
def _bad_variants():
    """(format, data) pairs, one span out of range and one unknown label per format."""
    [task] = to_format([ODD], "label-studio")
    ls_range = copy.deepcopy(task)
    ls_range["annotations"][0]["result"][0]["value"].update(start=250, end=400, text="x")
    ls_label = copy.deepcopy(task)
    ls_label["annotations"][0]["result"][0]["value"]["labels"] = ["PERSON"]
    [dl] = to_format([ODD], "doccano", style="label")
    dl_range = dict(dl, label=[[250, 400, "OFFICIAL"]])
    dl_label = dict(dl, label=[[0, 5, "PER"]])
    [pt] = to_format([ODD], "prodigy")
    pt_range = copy.deepcopy(pt)
    pt_range["spans"][0].update(start=250, end=400)
    pt_label = copy.deepcopy(pt)
    pt_label["spans"][0]["label"] = "ORG"
    files = to_format([ODD], "brat")
    br_range = dict(files, **{"odd_id_1.ann": files["odd_id_1.ann"].replace("OFFICIAL 13 20\tMedison", "OFFICIAL 250 400\tx")})
    br_label = dict(files, **{"odd_id_1.ann": files["odd_id_1.ann"].replace("OFFICIAL 13 20", "PERSON 13 20")})
    return [("label-studio", [ls_range], "out of range"), ("label-studio", [ls_label], "unknown span label"),
            ("doccano", [dl_range], "out of range"), ("doccano", [dl_label], "unknown span label"),
            ("prodigy", [pt_range], "out of range"), ("prodigy", [pt_label], "unknown span label"),
            ("brat", br_range, "out of range"), ("brat", br_label, "unknown span label")]


@pytest.mark.parametrize("fmt,data,message", _bad_variants(), ids=lambda x: x if isinstance(x, str) else "")
def test_malformed_input_errors(fmt, data, message):
    with pytest.raises(CorpusError, match=message) as info:
        from_format(data, fmt)
    assert str(info.value).startswith("[E030]")


def test_other_malformed_input():
    with pytest.raises(CorpusError, match="unknown annotation format"):
        to_format([ODD], "conll")
    with pytest.raises(CorpusError, match="not JSON"):
        from_format('{"text": "a"}\n{broken\n', "doccano")
    with pytest.raises(CorpusError, match="malformed line"):
        from_format({"a.txt": "abc", "a.ann": "T1\tOFFICIAL zero 2\tab\n"}, "brat")
    with pytest.raises(CorpusError, match="E lines"):
        from_format({"a.txt": "abc", "a.ann": "T1\tEVENT_APEL 0 2\tab\nE1\tEVENT_APEL:T1\n"}, "brat")
    with pytest.raises(CorpusError, match="the .txt was changed"):
        from_format({"a.txt": "abc", "a.ann": "T1\tOFFICIAL 0 2\txy\n"}, "brat")
    with pytest.raises(CorpusError, match="not a span of the document"):
        from_format([{"text": DOCCANO_TEXT, "entities": [{"id": 1, "label": "VIOL_DEKLARASI", "start_offset": 21,
                                                          "end_offset": 47}],
                      "relations": [{"id": 1, "from_id": 1, "to_id": 99, "type": "ACTOR"}]}], "doccano")
    with pytest.raises(SchemaError, match="category"):
        from_format({"a.txt": "abc", "a.ann": "T1\tOFFICIAL 0 2\tab\nA1\tCategory T1 PNS\n"}, "brat")


# CLI -------------------------------------------------------------------------------------------
def test_cli_convert(tmp_path):
    from netral_nlp.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ODD, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["convert", "--from", "contract", "--to", "label-studio", str(src), str(tmp_path / "ls.json")]) == 0
    assert main(["convert", "--from", "label-studio", "--to", "brat", str(tmp_path / "ls.json"), str(tmp_path / "b")]) == 0
    assert main(["convert", "--from", "brat", "--to", "doccano", "--doccano-style", "label", str(tmp_path / "b"),
                 str(tmp_path / "d.jsonl")]) == 0
    assert main(["convert", "--from", "doccano", "--to", "prodigy", str(tmp_path / "d.jsonl"), str(tmp_path / "p.jsonl")]) == 0
    assert main(["convert", "--from", "prodigy", "--to", "contract", str(tmp_path / "p.jsonl"), str(tmp_path / "out.jsonl")]) == 0
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    assert main(["convert", "--from", "brat", "--to", "nope", str(tmp_path / "b"), str(tmp_path / "x")]) == 2
