"""The issue-2 acceptance checks on the two real seed articles, through the whole pipeline."""
import json
import subprocess
import sys

import pytest

import netral_nlp
from netral_nlp.schema import validate_record


def _refs(d):
    return {(l["kind"], l["number"], l["year"]) for l in d["legal_refs"]}


def test_seed_000_legal_ref_and_election(nlp, seed_raw):
    d = nlp(seed_raw["seed-000"], id="seed-000").to_dict()
    assert validate_record(d) == []
    assert ("UU", "5", 2014) in _refs(d)
    assert "PEMILU_2024" in d["elections"]
    assert d["relevant"] and d["frame"] != "LAIN"


def test_seed_004_legal_refs_and_election(nlp, seed_raw):
    d = nlp(seed_raw["seed-004"], id="seed-004").to_dict()
    assert validate_record(d) == []
    assert {("UU", "20", 2023), ("PP", "94", 2021), ("PP", "11", 2017)} <= _refs(d)
    assert "PILKADA_2024" in d["elections"]


def test_seed_officials_positions_and_categories(nlp, seed_raw):
    d = nlp(seed_raw["seed-004"]).to_dict()
    by_name = {o["name"]: o for o in d["officials"]}
    assert by_name["Akbar Ali"]["position"] == "Penjabat Sementara Bupati"
    assert by_name["Akbar Ali"]["category"] == "ASN"  # a Pjs head from the civil service
    assert by_name["Titony Tanjung"]["category"] == "PENGAWAS_PEMILU"
    assert by_name["Medison"]["position"] == "Sekretaris Daerah"
    for o in d["officials"]:
        for s, e in o["mentions"]:
            assert o["name"].split()[0] in d["text"][s:e] or d["text"][s:e].startswith(("Pjs", "Sekda"))


def test_seed_events_have_dates_from_the_text(nlp, seed_raw):
    d0 = nlp(seed_raw["seed-000"]).to_dict()
    assert ("APEL", "2023-05-15") in {(e["type"], e["date"]) for e in d0["events"]}
    d4 = nlp(seed_raw["seed-004"]).to_dict()
    assert ("SOSIALISASI", "2024-11-21") in {(e["type"], e["date"]) for e in d4["events"]}


def test_briefing_lists_are_generic_not_incidents(nlp, seed_raw):
    # Both seeds list prohibited acts in a briefing: none of them is a reported case.
    for key in ("seed-000", "seed-004"):
        d = nlp(seed_raw[key]).to_dict()
        assert d["violations"], key
        assert all(v["modality"] != "INCIDENT" for v in d["violations"]), key
    d4 = nlp(seed_raw["seed-004"]).to_dict()
    assert {"ALAT_PERAGA", "DEKLARASI", "MEDIA_SOSIAL"} <= {v["type"] for v in d4["violations"]}


def test_offsets_map_back_to_the_original(nlp, seed_raw):
    ann = nlp(seed_raw["seed-000"])
    for o in ann.officials:
        for s, e in o.mentions:
            os_, oe = ann.original_span((s, e))
            assert seed_raw["seed-000"][os_:oe] == ann.text[s:e]


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_pipe_streams_in_order_with_workers(nlp, seed_raw, start_method):
    texts = [{"id": k, "text": v} for k, v in seed_raw.items()] * 2
    one = [a.to_dict() for a in nlp.pipe(texts, batch_size=1)]
    two = [a.to_dict() for a in nlp.pipe(texts, batch_size=1, n_process=2, start_method=start_method)]
    assert [d["id"] for d in one] == ["seed-000", "seed-004", "seed-000", "seed-004"]
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)


def test_numpy_matmul_gives_the_blis_results(nlp, seed_raw, monkeypatch):
    # The default pipeline's NER and classifiers multiply through NumPy's BLAS (faster at their
    # sizes); NETRAL_NLP_BLIS=1 keeps thinc's BLIS. Both must annotate the same.
    ner = nlp.nlp.get_pipe("ner")
    assert all(node.ops.use_blis is False for node in ner.model.walk())
    monkeypatch.setenv("NETRAL_NLP_BLIS", "1")
    blis = netral_nlp.load()
    assert any(node.ops.use_blis for node in blis.nlp.get_pipe("ner").model.walk())
    for text in seed_raw.values():
        assert nlp(text).to_dict() == blis(text).to_dict()


def test_pipe_workers_start_method():
    from netral_nlp.pipeline import default_start_method

    # Forked workers share the loaded pipeline; a process with other threads must spawn instead.
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert default_start_method() == "spawn"
    finally:
        stop.set()
        t.join()
    with pytest.raises(netral_nlp.errors.ConfigError, match="start_method"):
        list(netral_nlp.load("rules").pipe(["x"], n_process=2, start_method="thread"))


def test_spacy_users_get_spans_on_the_doc(nlp, seed_raw):
    doc = nlp.make_doc(nlp.prepare(seed_raw["seed-004"])[1])
    doc = nlp.annotate_doc(doc)
    assert {s.label_ for s in doc.spans["netral_legal_refs"]} == {"LEGAL_UU", "LEGAL_PP"}
    assert any(s.text.startswith("Titony") for s in doc.spans["netral_officials"])


def test_main_job_command_prints_summary_and_json():
    from tests.conftest import RAW

    cmd = [sys.executable, "-m", "netral_nlp.cli", "annotate", str(RAW)]
    summary = subprocess.run(cmd + ["--format", "summary"], capture_output=True, text=True, check=True).stdout
    assert "official: Medison" in summary and "legal: UU 5/2014" in summary
    lines = subprocess.run(cmd + ["--format", "json"], capture_output=True, text=True, check=True).stdout.splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert len(records) == 2 and all(validate_record(r) == [] for r in records)


def test_batched_annotation_equals_one_call_each(nlp, seed_raw):
    # pipe() and annotate_batch run the NER once over the title sentences of a whole batch; every
    # Annotation must be what a call on its own gives, colloquial posts (annotated in standard
    # spelling, mapped back) included.
    texts = list(seed_raw.values()) + [
        "Kades Sukamaju, Budi Santoso, kmrn ikut kampanye paslon no 2 di lapangan desa. udh dilaporin ke "
        "panwascam blm ada kabar 🙏 #NetralitasASN",
        "Camat Tanjung Raja, Drs. H. Amiruddin, M.Si., diperiksa Bawaslu Ogan Ilir pada Kamis (10/10/2024) "
        "karena diduga mengarahkan kepala desa mendukung salah satu calon bupati.",
    ]
    records = [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)]
    single = [nlp(r["text"], id=r["id"]).to_dict() for r in records]
    batched = [a.to_dict() for a in nlp.annotate_batch(records)]
    piped = [a.to_dict() for a in nlp.pipe(records, batch_size=3)]
    assert batched == single
    assert piped == single
    assert any(o["name"] == "Amiruddin" for o in single[-1]["officials"])  # the NER path was taken


def test_pipe_yields_the_records_before_a_bad_one(nlp, seed_raw):
    # A bad record in the middle of a batch: the records before it still come out, then its error.
    good = {"id": "seed-000", "text": seed_raw["seed-000"]}
    out = []
    with pytest.raises(netral_nlp.errors.InputError, match="'text' field"):
        for ann in nlp.pipe([good, good, {"body": "x"}, good], batch_size=8):
            out.append(ann)
    assert [a.id for a in out] == ["seed-000", "seed-000"]
    out = []
    with pytest.raises(netral_nlp.errors.InputError, match="expected text"):
        for ann in nlp.pipe([good, {"text": 5, "id": "bad"}, good], batch_size=8):
            out.append(ann)
    assert [a.id for a in out] == ["seed-000"]
