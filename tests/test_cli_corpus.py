"""The corpus tools: loader, validate and evaluate, through the command line."""
import json
import random
import subprocess
import sys

import pytest

from netral_nlp.corpus import read_records
from netral_nlp.evaluate import evaluate

CORPUS = "corpora/netral-id/data/netral-id.jsonl"


def run(*args, check=True):
    return subprocess.run([sys.executable, "-m", "netral_nlp.cli", *args], capture_output=True, text=True, check=check)


def test_validate_passes_on_the_whole_corpus():
    r = run("validate", CORPUS)
    assert r.returncode == 0, r.stdout[-2000:]
    assert "0 with problems" in r.stderr


def test_validate_reports_broken_records(tmp_path):
    recs = read_records("netral-id", "dev")[:3]
    recs[0]["frame"] = "KAMPANYE"
    recs[1]["officials"][0]["mentions"] = [[0, 3]] if recs[1]["officials"] else recs[1]["officials"]
    recs[2]["legal_refs"] = [{"kind": "UU", "number": "999", "year": 2014, "span": [0, 5]}]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\nnot json\n", encoding="utf-8")
    r = run("validate", str(path), check=False)
    assert r.returncode == 1
    assert "frame" in r.stdout and "not JSON" in r.stdout and "does not hold the number" in r.stdout


def test_evaluate_gold_against_itself_is_perfect(tmp_path):
    r = run("evaluate", CORPUS, CORPUS, "--json", str(tmp_path / "s.json"))
    scores = json.loads((tmp_path / "s.json").read_text())
    for field, v in scores.items():
        if isinstance(v, dict):
            assert v.get("f1", v.get("accuracy")) == 1.0, field


def test_evaluate_is_lower_for_a_perturbed_copy():
    gold = read_records("netral-id", "all")
    rng = random.Random(0)
    pred = json.loads(json.dumps(gold))
    for p in pred:
        if rng.random() < 0.3:
            p["frame"] = "LAIN" if p["frame"] != "LAIN" else "SOSIALISASI"
        p["officials"] = p["officials"][: max(0, len(p["officials"]) - 1)]
        for v in p["violations"]:
            if rng.random() < 0.3:
                v["modality"] = "GENERIC"
        p["legal_refs"] = [l for l in p["legal_refs"] if rng.random() < 0.7]
    s = evaluate(gold, pred).to_dict()
    assert s["frame"]["accuracy"] < 0.85
    assert s["officials"]["f1"] < 0.9
    assert s["violation_type_modality"]["f1"] < 0.95
    assert s["legal_refs"]["f1"] < 0.95


def test_loader_returns_datasets_with_fixed_splits():
    import netral_nlp.corpus as corpus

    ds = corpus.load("netral-id", split="train")
    ids = {r["id"] for split in ("train", "dev", "test") for r in read_records("netral-id", split)}
    assert len(ids) == len(read_records("netral-id", "all"))  # splits partition the corpus
    assert {"text", "officials", "violations", "genre"} <= set(ds.column_names)
    with pytest.raises(Exception, match="unknown split"):
        corpus.load("netral-id", split="validation")


@pytest.mark.parametrize("name,writers", [("analysis", ("w1", "w2", "w4")), ("heldout", ("w3", "w5", "w6", "w7", "w8"))])
def test_second_analysis_set_rebuilds_from_its_sources_and_validates(tmp_path, name, writers):
    # corpora/netral-analysis-2 is built from the writers' authoring files; the JSONL in the
    # repository must be what they compile to, and pass the validator.
    base = "corpora/netral-analysis-2"
    out = tmp_path / f"{name}.jsonl"
    r = subprocess.run([sys.executable, "-m", "netral_nlp.corpus.authoring", "build",
                        *[f"{base}/authoring/{w}" for w in writers], "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert out.read_text(encoding="utf-8") == open(f"{base}/{name}.jsonl", encoding="utf-8").read()
    v = run("validate", f"{base}/{name}.jsonl")
    assert v.returncode == 0 and "0 with problems" in v.stderr, v.stdout[-2000:]
