"""Batch annotation: every input record yields exactly one output record; kill -9 then --resume."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from netral_nlp.corpus import read_records


def _write_archive(path, n_good=60, with_bad=True):
    texts = [r["text"] for r in read_records("netral-id", "train")]
    lines, expected = [], set()
    for i in range(n_good):
        rid = f"doc-{i:04d}"
        lines.append(json.dumps({"id": rid, "text": texts[i % len(texts)], "outlet": "uji"}, ensure_ascii=False))
        expected.add(rid)
    if with_bad:
        lines.insert(3, '{"id": "broken", "text": "tidak ditutup')          # bad JSON line
        lines.insert(7, json.dumps({"id": "notext"}))                       # missing text
        lines.insert(9, json.dumps({"id": "empty", "text": "   "}))          # empty text
        lines.insert(11, json.dumps({"id": "english", "text": "The quick brown fox jumps over the lazy dog and the "
                                                         "election supervisors said that the civil servants were "
                                                         "reported to the commission for their posts."}))
        lines.insert(13, json.dumps({"id": "long", "text": "kata " * 300_000}))  # over the length limit
        expected |= {"notext", "empty", "english", "long"}
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if with_bad:
        data = data.replace(b'{"id": "doc-0020"', b'\xff\xfe{"id": "doc-0020"', 1)  # undecodable line
        expected.discard("doc-0020")
    with gzip.open(path, "wb") as fh:
        fh.write(data)
    return expected


def _out_ids(path):
    ids = [json.loads(l)["id"] for l in open(path, encoding="utf-8") if l.strip()]
    return ids


def test_malformed_archive_every_record_accounted_for(tmp_path):
    arch = tmp_path / "arsip.jsonl.gz"
    expected = _write_archive(arch)
    out = tmp_path / "out.jsonl"
    r = subprocess.run([sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(out), "--quiet",
                        "--max-chars", "1000000"], capture_output=True, text=True, check=True)
    recs = [json.loads(l) for l in open(out, encoding="utf-8")]
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids))
    assert expected <= set(ids)
    kinds = {r["error"]["kind"] for r in recs if "error" in r}
    assert {"bad_json", "undecodable", "missing_text", "not_indonesian", "too_long"} <= kinds
    summary = json.loads(r.stderr.strip().splitlines()[-1])
    assert summary["outcomes"]["annotated"] == sum("error" not in r for r in recs)
    assert all(r.get("outlet") == "uji" for r in recs if "error" not in r)  # metadata carried through


def test_kill9_then_resume_has_no_duplicates_and_no_gaps(tmp_path):
    arch = tmp_path / "arsip.jsonl.gz"
    expected = _write_archive(arch, n_good=240, with_bad=False)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(out), "--quiet", "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.time() + 120
    while time.time() < deadline:
        if partial.exists() and partial.stat().st_size > 20_000:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists() and partial.exists()  # the final file only appears when complete
    # simulate a torn last line, as a kill in the middle of a write leaves it
    with open(partial, "ab") as fh:
        fh.write(b'{"id": "doc-9999", "text": "terpoto')
    subprocess.run(cmd + ["--resume"], check=True, capture_output=True)
    ids = _out_ids(out)
    assert len(ids) == len(set(ids)), "duplicates after resume"
    assert set(ids) == expected


def test_parquet_output_has_one_table_per_level(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    arch = tmp_path / "arsip.jsonl.gz"
    _write_archive(arch, n_good=12, with_bad=False)
    out = tmp_path / "hasil.parquet"
    subprocess.run([sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(out), "--quiet"], check=True)
    docs = pq.read_table(out).to_pylist()
    assert len(docs) == 12
    viol = pq.read_table(tmp_path / "hasil.violations.parquet").to_pylist()
    assert viol and {"doc_id", "type", "modality", "evidence_text"} <= set(viol[0])
    offs = pq.read_table(tmp_path / "hasil.officials.parquet").to_pylist()
    assert offs and all(o["doc_id"] for o in offs)


def test_dedup_clusters_syndicated_copies(tmp_path):
    text = read_records("netral-id", "train")[5]["text"]
    lines = [{"id": "a", "text": text}, {"id": "b", "text": text.replace("\n\n", "\n\n").replace(".", ". ", 1)},
             {"id": "c", "text": read_records("netral-id", "train")[9]["text"]}]
    arch = tmp_path / "a.jsonl"
    arch.write_text("\n".join(json.dumps(l, ensure_ascii=False) for l in lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    subprocess.run([sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(out), "--quiet", "--dedup"],
                   check=True)
    recs = {json.loads(l)["id"]: json.loads(l) for l in open(out, encoding="utf-8")}
    assert recs["a"]["cluster_id"] == recs["b"]["cluster_id"] == "a"
    assert recs["c"]["cluster_id"] == "c"
