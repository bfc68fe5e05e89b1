"""netral_nlp.to_plover: one PLOVER-style record per violation."""
from __future__ import annotations

import json

import pytest

import netral_nlp
from netral_nlp import labels
from netral_nlp.corpus import read_records
from netral_nlp.plover import ACTION_MAP, nearest_event, write_jsonl

TEXT = ("Bawaslu menggelar apel netralitas di Lapangan Merdeka, Senin (15/5/2023). "
        "Kemudian Camat Budi Santoso kedapatan ikut kampanye pasangan calon. "
        "Sebulan kemudian Bawaslu memeriksa Budi di kantor Bawaslu.")


def _doc() -> dict:
    s_apel = TEXT.index("apel")
    s_kamp = TEXT.index("ikut kampanye")
    s_per = TEXT.index("memeriksa")
    s_budi = TEXT.index("Budi Santoso")
    return {
        "id": "t-1", "text": TEXT, "lang": "id", "relevant": True, "frame": "PELANGGARAN",
        "elections": ["PILKADA_2024"], "url": "https://example.org/a", "published": "2023-06-20",
        "regions": [{"name": "Kabupaten Solok", "province": "Sumatera Barat", "code": "13.02"}],
        "officials": [{"name": "Budi Santoso", "position": "Camat", "institution": None, "category": "ASN",
                       "mentions": [[s_budi, s_budi + 12]]}],
        "events": [{"type": "APEL", "date": "2023-05-15", "location": "Lapangan Merdeka", "trigger": [s_apel, s_apel + 4]},
                   {"type": "PEMERIKSAAN", "date": "2023-06-15", "location": None, "trigger": [s_per, s_per + 9]}],
        "violations": [{"type": "KAMPANYE", "modality": "INCIDENT", "status": "DUGAAN", "actor": 0,
                        "evidence": [s_kamp, s_kamp + 13]},
                       {"type": "MEDIA_SOSIAL", "modality": "GENERIC", "status": None, "actor": None, "evidence": None}],
        "legal_refs": [],
    }


def test_record_fields():
    d = _doc()
    recs = list(netral_nlp.to_plover(netral_nlp.Annotation.from_dict(d)))
    assert len(recs) == 2
    r = recs[0]
    assert r["actor"] == {"name": "Budi Santoso", "category": "ASN", "position": "Camat", "institution": None, "index": 0}
    assert (r["action"], r["action_mode"]) == ("SUPPORT", "campaigning")
    assert r["target"] == {"elections": ["PILKADA_2024"]}
    assert (r["violation_type"], r["modality"], r["status"]) == ("KAMPANYE", "INCIDENT", "DUGAAN")
    ev = r["evidence"]
    assert TEXT[ev["start"]:ev["end"]] == ev["text"] == "ikut kampanye"
    assert r["source"]["doc_id"] == "t-1" and r["source"]["url"] == "https://example.org/a"  # metadata rides in extra
    assert r["provinces"] == ["Sumatera Barat"] and r["regions"] == ["Kabupaten Solok"]
    # the nearest dated event by character distance between its trigger and the evidence
    d_apel = ev["start"] - (TEXT.index("apel") + 4)
    d_per = TEXT.index("memeriksa") - ev["end"]
    expected = ("2023-05-15", "APEL") if d_apel < d_per else ("2023-06-15", "PEMERIKSAAN")
    assert (r["date"], r["event_type"], r["date_source"]) == (*expected, "event")
    # location: the nearest event that has one
    assert r["location"] == "Lapangan Merdeka"


def test_no_evidence_no_actor_and_fallbacks():
    d = _doc()
    r = list(netral_nlp.to_plover(d))[1]
    assert r["actor"] is None and r["evidence"] is None
    assert r["date"] == "2023-05-15"  # no evidence: the first dated event
    assert r["source"] == {"doc_id": "t-1", "url": "https://example.org/a", "title": None, "outlet": None,
                           "published": "2023-06-20"}
    d["events"] = []
    r = list(netral_nlp.to_plover(d))[0]
    assert (r["date"], r["date_source"], r["location"], r["event_type"]) == ("2023-06-20", "published", None, None)
    d.pop("published")
    assert list(netral_nlp.to_plover(d))[0]["date_source"] is None
    d["elections"] = []
    assert list(netral_nlp.to_plover(d))[0]["target"] is None


def test_every_type_mapped_and_errors_skipped():
    assert set(ACTION_MAP) == set(labels.VIOLATION_TYPES)
    assert {a for a, _ in ACTION_MAP.values()} <= {"SUPPORT", "COOPERATE", "AID", "COERCE", "OTHER"}
    assert list(netral_nlp.to_plover([{"id": "x", "error": {"kind": "E", "message": "m"}}])) == []


def test_corpus_round_trip(tmp_path):
    docs = read_records("netral-id", "dev")
    recs = list(netral_nlp.to_plover(docs))
    assert len(recs) == sum(len(d["violations"]) for d in docs)
    by_id = {d["id"]: d for d in docs}
    for r in recs:
        d = by_id[r["source"]["doc_id"]]
        v = d["violations"][int(r["event_id"].rsplit(":v", 1)[1])]
        assert r["violation_type"] == v["type"] and r["action"] == ACTION_MAP[v["type"]][0]
        if v["evidence"]:
            assert r["evidence"]["text"] == d["text"][v["evidence"][0]:v["evidence"][1]]
        if v["actor"] is not None:
            assert r["actor"]["name"] == d["officials"][v["actor"]]["name"]
        near = nearest_event(d, v["evidence"], need="date")
        assert r["date"] == (near["date"] if near else None)
    flat = list(netral_nlp.to_plover(docs, flat=True))
    assert len(flat) == len(recs) and all(not isinstance(x, (dict, list)) for row in flat for x in row.values())
    import pandas as pd

    df = pd.DataFrame(flat)
    assert {"actor_name", "action", "target", "violation_type", "modality", "status", "date", "location",
            "doc_id", "url", "evidence_start", "evidence_end"} <= set(df.columns)
    out = tmp_path / "plover.jsonl"
    assert write_jsonl(docs, out) == len(recs)
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0]) == json.loads(json.dumps(recs[0]))


@pytest.mark.parametrize("vtype", labels.VIOLATION_TYPES)
def test_action_per_type(vtype):
    d = _doc()
    d["violations"] = [{**d["violations"][0], "type": vtype}]
    assert list(netral_nlp.to_plover(d))[0]["action"] == ACTION_MAP[vtype][0]
