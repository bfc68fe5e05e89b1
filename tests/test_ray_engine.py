"""The distributed engines: Ray Data (``--engine ray``) and Spark's predict_batch_udf.

Every input record yields exactly one output record, and the annotations and error kinds are
the local engine's. Ray runs as a local instance (2 CPUs, no dashboard); the tests skip when
Ray is not installed (``pip install "netral_nlp[ray]"``). The Spark test needs no Spark: it
calls the predict function on numpy arrays, as ``predict_batch_udf`` does.
"""
import json
import subprocess
import sys

import numpy as np
import pytest

from netral_nlp.corpus import read_records

from .test_archive import _write_archive


def _local(arch, out, *extra):
    subprocess.run([sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(out), "--quiet", *extra],
                   check=True, capture_output=True)
    return {r["id"]: r for r in map(json.loads, open(out, encoding="utf-8"))}


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    d = tmp_path_factory.mktemp("ray")
    arch = d / "arsip.jsonl.gz"
    expected = _write_archive(arch, n_good=24)
    local = _local(arch, d / "local.jsonl")
    return d, arch, expected, local


def test_ray_engine_accounts_for_every_id_and_matches_local(ray_local, archives):
    from netral_nlp.distributed import annotate_ray, read_output

    d, arch, expected, local = archives
    summary = annotate_ray([str(arch)], str(d / "ray_out"), n_process=2, batch_size=4, quiet=True)
    recs = read_output(d / "ray_out")
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids)) == len(local)  # one output record per input record, no duplicate
    assert set(ids) == set(local) and expected <= set(ids)
    assert summary["written_this_run"] == len(recs)
    assert summary["outcomes"] == dict(sorted(__import__("collections").Counter(
        "error:" + r["error"]["kind"] if "error" in r else "annotated" for r in local.values()).items()))
    kinds = {r["id"]: r["error"]["kind"] for r in recs if "error" in r}
    assert kinds == {rid: r["error"]["kind"] for rid, r in local.items() if "error" in r}
    assert {"bad_json", "undecodable", "missing_text", "not_indonesian", "too_long"} <= set(kinds.values())
    good = [r for r in recs if "error" not in r]
    assert len(good) == 23  # 24 good articles, one made undecodable
    for r in good:
        assert r == local[r["id"]], r["id"]  # identical annotation, metadata included
    assert len(list((d / "ray_out").glob("*.jsonl"))) >= 2  # sharded output


def test_ray_engine_parquet_shards_in_and_out(ray_local, archives, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from netral_nlp.distributed import annotate_ray, read_output

    d, _, _, local = archives
    good = [r for r in local.values() if "error" not in r][:6]
    shards = tmp_path / "shards"
    shards.mkdir()
    for i in range(2):
        part = good[i * 3:(i + 1) * 3]
        pq.write_table(pa.table({"id": [r["id"] for r in part], "text": [r["text"] for r in part],
                                 "outlet": ["uji"] * 3}), shards / f"part-{i}.parquet")
    pq.write_table(pa.table({"id": ["kosong"], "text": pa.array([None], pa.string()), "outlet": ["uji"]}),
                   shards / "part-2.parquet")
    annotate_ray([str(shards)], str(tmp_path / "out.parquet"), n_process=2, batch_size=2, quiet=True)
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names == ["id", "error_kind", "error_message", "record"]
    recs = {r["id"]: r for r in read_output(tmp_path / "out.parquet")}
    assert set(recs) == {r["id"] for r in good} | {"kosong"}
    assert recs["kosong"]["error"]["kind"] == "missing_text"
    for r in good:
        assert recs[r["id"]] == local[r["id"]]


def test_cli_engine_ray(archives, tmp_path):
    pytest.importorskip("ray.data")
    d, arch, _, local = archives
    out = tmp_path / "cli_out"
    r = subprocess.run([sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(out), "--quiet",
                        "--engine", "ray", "--n-process", "1"], capture_output=True, text=True, check=True)
    summary = json.loads(r.stderr.strip().splitlines()[-1])
    assert summary["engine"] == "ray" and summary["written_this_run"] == len(local)
    r = subprocess.run([sys.executable, "-m", "netral_nlp.cli", "annotate", str(arch), "-o", str(tmp_path / "x"),
                        "--engine", "ray", "--resume"], capture_output=True, text=True)
    assert r.returncode == 2 and "local engine" in r.stderr


def test_spark_predict_fn_on_numpy_arrays(archives):
    from netral_nlp.distributed import make_spark_predict_fn

    _, _, _, local = archives
    good = [r for r in local.values() if "error" not in r][:4]
    predict = make_spark_predict_fn()()  # what predict_batch_udf does once per Python worker
    ids = np.array([r["id"] for r in good] + ["kosong"], dtype=object)
    texts = np.array([r["text"] for r in good] + [None], dtype=object)
    out = predict(ids, texts)
    assert isinstance(out, np.ndarray) and out.shape == (5,)
    recs = [json.loads(s) for s in out]
    for r, want in zip(recs, good):
        assert r == {k: v for k, v in want.items() if k != "outlet"}  # Spark passes only id and text here
    assert recs[-1]["error"]["kind"] == "missing_text"
    texts_only = predict(np.array([good[0]["text"]], dtype=object))
    assert json.loads(texts_only[0])["frame"] == good[0]["frame"]
