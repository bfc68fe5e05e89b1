"""Distributed batch annotation: the local engine's per-record logic on Ray Data or Spark.

:class:`NetralPredictor` loads the pipeline once (per Ray actor, per Spark Python worker) and
annotates batches with :func:`netral_nlp.archive.annotate_record`, so outputs, metadata and
error kinds are the ones the local engine writes. Every input record yields exactly one
output record (the annotation or an error record).

Ray (``netral-nlp annotate --engine ray``, or :func:`annotate_ray`)::

    import ray, netral_nlp.distributed as nd
    ray.init()
    nd.annotate_ray(["shards/"], "annotated/", n_process=8)      # sharded JSONL out
    nd.annotate_ray(["parquet_shards/"], "annotated.parquet")     # sharded Parquet out

Spark (``pyspark.ml.functions.predict_batch_udf``)::

    from pyspark.ml.functions import predict_batch_udf
    from pyspark.sql.types import StringType
    annotate = predict_batch_udf(nd.make_spark_predict_fn(), return_type=StringType(), batch_size=64)
    df.withColumn("annotation", annotate("id", "text"))            # one JSON record per row

Differences from the local engine, by design: output is sharded (one file per block, in no
particular order); ``--resume`` and ``--dedup`` need the whole archive in one process and are
local-engine only; repeated input ids are not suffixed (that needs a global view); and an
unexpected exception on one record becomes an error record (kind = the exception's class)
instead of stopping a job of many hours.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from . import archive
from .errors import ConfigError, InputError
from .io import TEXT_SUFFIXES, FieldNames, _inner_suffix, _normalise, error_record, read_inputs

REC_COLUMN = "_netral_record"  # internal: one normalised input record, as JSON
OUTPUT_COLUMNS = ("id", "error_kind", "error_message", "record")
SHARD_SUFFIXES = {".jsonl", ".json", ".ndjson", ".csv", ".parquet"}


class NetralPredictor:
    """A callable that annotates batches; builds the pipeline once, in ``__init__``.

    Accepts a pyarrow Table, a pandas DataFrame or a dict of arrays (Ray's batch formats),
    with either raw input columns (``id``/``text``/metadata, named as in ``FieldNames``) or
    the internal column of normalised records; returns a pyarrow Table with the columns
    ``id``, ``error_kind``, ``error_message`` (null for annotations) and ``record`` (the output
    record as one JSON line, exactly as the local engine writes it).
    """

    def __init__(self, backend: str = "default", model: str | None = None, clean_text: bool = True,
                 max_chars: int = 1_000_000, threads: int = 1, text_field: str = "text", id_field: str = "id"):
        archive._init_worker(backend, model, clean_text, max_chars, threads)
        self._nlp = archive._WORKER
        self._opts = dict(archive._WORKER_OPTS)
        self.fields = FieldNames(id=id_field, text=text_field)

    # -- record level -----------------------------------------------------------------
    def annotate(self, records: list[dict]) -> list[dict]:
        """One output record per input record (``annotate_record``'s logic)."""
        archive._WORKER, archive._WORKER_OPTS = self._nlp, self._opts  # several predictors may share a process
        try:
            return archive._annotate_batch(records)
        except Exception:  # noqa: BLE001 - one by one below: the error lands on its own record
            pass
        out = []
        for rec in records:
            try:
                out.append(archive.annotate_record(rec))
            except Exception as exc:  # a bug on one record must not lose the batch
                rid = rec.get("id") if isinstance(rec, dict) else None
                out.append(error_record(rid, type(exc).__name__, str(exc)))
        return out

    def record_from_row(self, row: dict) -> dict:
        if REC_COLUMN in row:
            return json.loads(row[REC_COLUMN])
        fallback = "row-" + hashlib.sha1(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()[:16]
        return _normalise(row, self.fields, fallback)

    # -- batch level ------------------------------------------------------------------
    def __call__(self, batch: Any):
        import pyarrow as pa

        outs = self.annotate([self.record_from_row(r) for r in _batch_rows(batch)])
        return pa.table(_output_columns(outs), schema=output_schema())


def output_schema():
    import pyarrow as pa

    return pa.schema([(c, pa.string()) for c in OUTPUT_COLUMNS])


def _output_columns(outs: list[dict]) -> dict[str, list]:
    cols: dict[str, list] = {c: [] for c in OUTPUT_COLUMNS}
    for d in outs:
        err = d.get("error") if isinstance(d.get("error"), dict) else None
        cols["id"].append(None if d.get("id") is None else str(d.get("id")))
        cols["error_kind"].append(err["kind"] if err else None)
        cols["error_message"].append(err["message"] if err else None)
        cols["record"].append(json.dumps(d, ensure_ascii=False))
    return cols


def _batch_rows(batch: Any) -> list[dict]:
    """Rows of a Ray/Spark batch as plain Python dicts (None for nulls, no NaN)."""
    if hasattr(batch, "to_pylist"):  # pyarrow Table / RecordBatch
        return batch.to_pylist()
    if hasattr(batch, "to_dict") and hasattr(batch, "columns"):  # pandas DataFrame
        import pyarrow as pa

        return pa.Table.from_pandas(batch, preserve_index=False).to_pylist()
    if isinstance(batch, dict):  # dict of numpy arrays / lists
        cols = {k: list(v) for k, v in batch.items()}
        n = len(next(iter(cols.values()))) if cols else 0
        return [{k: _py(v[i]) for k, v in cols.items()} for i in range(n)]
    raise TypeError(f"cannot read a batch of type {type(batch).__name__}")


def _py(v):
    if hasattr(v, "item") and getattr(v, "ndim", 1) == 0:  # numpy scalar
        return v.item()
    if isinstance(v, float) and v != v:  # NaN from pandas/numpy means null
        return None
    return v


# -- Spark ------------------------------------------------------------------------------
def make_spark_predict_fn(backend: str = "default", model: str | None = None, clean_text: bool = True,
                          max_chars: int = 1_000_000, threads: int = 1):
    """``make_predict_fn`` for ``pyspark.ml.functions.predict_batch_udf``.

    Spark calls it once per Python worker (the pipeline is built there, once) and calls the
    returned ``predict`` with one numpy array per input column: ``predict(texts)`` or
    ``predict(ids, texts)`` (or keyword arrays ``id=``/``text=`` for a struct column). It
    returns a numpy array of JSON strings, one output record per row; use
    ``return_type=StringType()``.
    """

    def make_predict_fn():
        import numpy as np

        predictor = NetralPredictor(backend, model, clean_text, max_chars, threads)

        def predict(*arrays, **named):
            if named:
                ids, texts = named.get("id"), named.get("text")
                if texts is None:
                    raise ValueError("predict needs a 'text' field")
            elif len(arrays) == 1:
                ids, texts = None, arrays[0]
            elif len(arrays) == 2:
                ids, texts = arrays
            else:
                raise ValueError(f"predict takes (texts) or (ids, texts), got {len(arrays)} arrays")
            records = []
            for i, text in enumerate(texts):
                rid = _py(ids[i]) if ids is not None else None
                records.append({"id": str(rid) if rid not in (None, "") else None, "text": _py(text)})
            outs = predictor.annotate(records)
            return np.array([json.dumps(d, ensure_ascii=False) for d in outs], dtype=object)

        return predict

    return make_predict_fn


# -- Ray --------------------------------------------------------------------------------
def _read_unit(row: dict, id_field: str, text_field: str):
    """Flat-map one input file (or folder of .txt/.html) into normalised records, as the local engine reads it."""
    for rec in read_inputs([row["path"]], FieldNames(id=id_field, text=text_field)):
        yield {REC_COLUMN: json.dumps(rec, ensure_ascii=False, default=str)}


def _plan_inputs(inputs: list[str]) -> list[str]:
    """Read units, one read task each: every file (a folder holding JSONL/CSV/Parquet files is a
    set of shards), or a folder of .txt/.html files as one unit (ids relative to it, as locally)."""
    units = []
    for p in inputs:
        if p == "-":
            raise ConfigError("the Ray engine cannot read stdin; use the local engine")
        path = Path(p)
        if not path.exists():
            raise InputError(f"input {p!r} does not exist")
        if path.is_dir():
            shards = sorted(str(f) for f in path.rglob("*") if f.is_file() and _inner_suffix(f) in SHARD_SUFFIXES)
            units += shards or [str(path)]
        elif _inner_suffix(path) in SHARD_SUFFIXES | TEXT_SUFFIXES:
            units.append(str(path))
        else:
            raise InputError(f"cannot read {p!r}: use .jsonl, .csv, .parquet, .txt, .html (optionally .gz) or a folder")
    return units


def _jsonl_datasink(path: str):
    from ray.data.datasource import BlockBasedFileDatasink

    class JSONLinesDatasink(BlockBasedFileDatasink):
        """Writes the ``record`` column verbatim: one output record per line, as the local engine."""

        def __init__(self, path):
            super().__init__(path, file_format="jsonl")

        def write_block_to_file(self, block, file):
            lines = block.to_arrow().column("record").to_pylist()
            if lines:
                file.write(("\n".join(lines) + "\n").encode("utf-8"))

    return JSONLinesDatasink(path)


def build_ray_dataset(inputs: list[str], *, backend: str = "default", model: str | None = None,
                      n_process: int = 1, batch_size: int = 64, clean_text: bool = True,
                      max_chars: int = 1_000_000, text_field: str = "text", id_field: str = "id"):
    """The annotated Ray Dataset (lazy): columns ``id``, ``error_kind``, ``error_message``, ``record``."""
    import ray

    units = _plan_inputs(inputs)
    if not units:
        raise InputError("no input files")
    # Each file is read by netral_nlp.io, as the local engine reads it: ray.data.read_json would
    # abort the whole job on one malformed line (and force one schema on all rows), and
    # read_parquet's file-listing task needs a CPU that the actors hold when n_process equals
    # the cluster's CPUs. Reading costs nothing next to annotating, so it takes no CPU slot.
    ds = ray.data.from_items([{"path": u} for u in units], override_num_blocks=len(units)).flat_map(
        functools.partial(_read_unit, id_field=id_field, text_field=text_field), num_cpus=0)
    return ds.map_batches(NetralPredictor, batch_size=batch_size, batch_format="pyarrow",
                          compute=ray.data.ActorPoolStrategy(size=n_process),  # the model loads once per actor
                          num_cpus=1, fn_constructor_kwargs=dict(backend=backend, model=model, clean_text=clean_text,
                                                                 max_chars=max_chars, threads=1, text_field=text_field,
                                                                 id_field=id_field))


def annotate_ray(inputs: list[str], output: str, *, backend: str = "default", model: str | None = None,
                 n_process: int = 1, batch_size: int = 64, clean_text: bool = True, max_chars: int = 1_000_000,
                 text_field: str = "text", id_field: str = "id", quiet: bool = False,
                 block_bytes: int = 128 * 1024) -> dict:
    """Annotate ``inputs`` on Ray into the folder ``output`` (sharded ``*.jsonl``, or ``*.parquet``
    when ``output`` ends in ``.parquet``); return a summary like ``annotate_stream``'s.

    Uses the running Ray instance (or ``RAY_ADDRESS``), else starts a local one. Output goes to
    ``OUTPUT.partial/`` first and is renamed to ``OUTPUT`` when the job succeeds.
    """
    import time

    try:
        import ray
    except ImportError as exc:
        raise ConfigError('the Ray engine needs Ray: pip install "netral_nlp[ray]"') from exc
    if n_process < 1 or batch_size < 1:
        raise ConfigError("n_process and batch_size must be at least 1")
    out = Path(output)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ConfigError(f"{out} exists: the Ray engine writes a new folder of shards")
    partial = out.with_name(out.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    started = False
    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=not quiet, logging_level="ERROR" if quiet else "INFO")
        started = True
    ctx = ray.data.DataContext.get_current()
    saved = (ctx.target_max_block_size, ctx.enable_progress_bars)
    # Small blocks (a few dozen articles): annotation costs far more per byte than reading, and
    # one big block would be one task for one actor while the others idle. (A repartition
    # would need a CPU of its own, which the actors hold: a deadlock with n_process = CPUs.)
    ctx.target_max_block_size = block_bytes
    if quiet:
        ctx.enable_progress_bars = False
    t0 = time.perf_counter()
    try:
        ds = build_ray_dataset(inputs, backend=backend, model=model, n_process=n_process, batch_size=batch_size,
                               clean_text=clean_text, max_chars=max_chars, text_field=text_field, id_field=id_field)
        light = {"num_cpus": 0}
        if out.suffix == ".parquet":
            ds.write_parquet(str(partial), ray_remote_args=light)
        else:
            ds.write_datasink(_jsonl_datasink(str(partial)), ray_remote_args=light)
    finally:
        ctx.target_max_block_size, ctx.enable_progress_bars = saved
        if started:
            ray.shutdown()
    elapsed = time.perf_counter() - t0
    partial.mkdir(parents=True, exist_ok=True)  # an empty input writes no shard
    if out.exists():
        out.rmdir()
    os.replace(partial, out)
    counts = count_outcomes(out)
    n = sum(counts.values())
    return {"output": str(out), "engine": "ray", "written_this_run": n, "already_done": 0,
            "docs_per_s": round(n / elapsed, 2) if elapsed else None, "outcomes": dict(sorted(counts.items()))}


def count_outcomes(folder: str | os.PathLike) -> Counter:
    """Outcome counts (``annotated`` / ``error:KIND``) over a Ray engine output folder."""
    counts: Counter = Counter()
    for f in sorted(Path(folder).iterdir()):
        if f.suffix == ".parquet":
            import pyarrow.parquet as pq

            kinds = pq.read_table(f, columns=["error_kind"]).column("error_kind").to_pylist()
        elif f.suffix == ".jsonl":
            with open(f, encoding="utf-8") as fh:
                kinds = [(json.loads(l).get("error") or {}).get("kind") for l in fh if l.strip()]
        else:
            continue
        counts.update("error:" + k if k else "annotated" for k in kinds)
    return counts


def read_output(folder: str | os.PathLike) -> list[dict]:
    """All output records of a Ray engine output folder (JSONL or Parquet shards)."""
    recs = []
    for f in sorted(Path(folder).iterdir()):
        if f.suffix == ".parquet":
            import pyarrow.parquet as pq

            recs += [json.loads(s) for s in pq.read_table(f, columns=["record"]).column("record").to_pylist()]
        elif f.suffix == ".jsonl":
            with open(f, encoding="utf-8") as fh:
                recs += [json.loads(l) for l in fh if l.strip()]
    return recs
