"""Batch annotation of news archives: streaming, workers, resume, error records, dedup.

Every input record yields exactly one output line: the annotation (with the input's
metadata) or an error record ``{"id", "error": {"kind", "message"}}``. Output goes to
``OUT.partial``, flushed and fsynced after every batch, and is renamed to ``OUT`` at
the end; a run killed at any moment and restarted with ``resume=True`` skips the ids
already written (a torn last line is cut off) and finishes with no duplicate and no
missing id. Parquet output is converted from the finished JSONL, one table per level.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing as mp
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .errors import ConfigError, NetralError
from .io import FieldNames, error_record, read_inputs

_WORKER = None
_WORKER_OPTS: dict = {}


def _init_worker(backend: str, model: str | None, clean_text: bool, max_chars: int, threads: int = 1) -> None:
    global _WORKER, _WORKER_OPTS
    try:
        import torch

        torch.set_num_threads(threads)
    except Exception:  # torch is optional for the default backend
        pass
    from .pipeline import load

    _WORKER = load(backend, model=model, clean_text=clean_text, max_length=max_chars)
    _WORKER_OPTS = {"max_chars": max_chars}


def _meta(rec: dict) -> dict:
    """The input record's other fields, carried into its output record."""
    return {k: v for k, v in rec.items() if k not in ("id", "text")}


def _refusal(rec: dict) -> dict | None:
    """The error record for an input that is not annotated at all, else None."""
    if "error" in rec:
        return rec
    rid = rec.get("id")
    text = rec.get("text")
    meta = _meta(rec)
    if text is None or (isinstance(text, str) and not text.strip()):
        return {**error_record(rid, "missing_text", "the record has no text"), **meta}
    if not isinstance(text, str):
        return {**error_record(rid, "missing_text", f"the text field is a {type(text).__name__}, not a string"), **meta}
    if len(text) > _WORKER_OPTS.get("max_chars", 1_000_000):
        return {**error_record(rid, "too_long", f"{len(text):,} characters, over the limit of {_WORKER_OPTS['max_chars']:,}"), **meta}
    return None


def _output(rec: dict, ann) -> dict:
    """The output record of an annotated input."""
    rid = rec.get("id")
    meta = _meta(rec)
    if ann.lang != "id":
        return {**error_record(rid, "not_indonesian", f"the text looks like {ann.lang!r}, not Indonesian"), **meta}
    d = ann.to_dict()
    d.update({k: v for k, v in meta.items() if k not in d})
    return d


def annotate_record(rec: dict) -> dict:
    """Annotate one input record in this process; never raises for bad input."""
    refused = _refusal(rec)
    if refused is not None:
        return refused
    try:
        ann = _WORKER(rec["text"], id=rec.get("id"), published=rec.get("published"))
    except NetralError as exc:
        return {**error_record(rec.get("id"), type(exc).__name__, str(exc)), **_meta(rec)}
    return _output(rec, ann)


def _annotate_batch(batch: list[dict]) -> list[dict]:
    """annotate_record of each record, with the pipeline's batched path (the NER run once over the
    batch, see Pipeline.annotate_batch) where the backend has one; a batch holding an input the
    pipeline refuses goes record by record, so each gets its own error record."""
    out: list[dict | None] = [_refusal(rec) for rec in batch]
    todo = [k for k, o in enumerate(out) if o is None]
    batch_fn = getattr(_WORKER, "annotate_batch", None)
    if batch_fn is not None and len(todo) > 1:
        try:
            anns = batch_fn([{"text": batch[k]["text"], "id": batch[k].get("id"), "published": batch[k].get("published")}
                             for k in todo])
        except NetralError:
            anns = None
        if anns is not None:
            for k, ann in zip(todo, anns):
                out[k] = _output(batch[k], ann)
            return out
    for k in todo:
        out[k] = annotate_record(batch[k])
    return out


def _batched(it, n):
    it = iter(it)
    while True:
        chunk = list(itertools.islice(it, n))
        if not chunk:
            return
        yield chunk


def _read_done_ids(partial: Path) -> set[str]:
    """Ids already written to a partial output; cut a torn last line."""
    done: set[str] = set()
    if not partial.exists():
        return done
    good_end = 0
    with open(partial, "rb") as fh:
        pos = 0
        for line in fh:
            pos += len(line)
            if not line.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(line)["id"]))
            except (json.JSONDecodeError, KeyError):
                break
            good_end = pos
    with open(partial, "r+b") as fh:
        fh.truncate(good_end)
    return done


def _count_records(paths: list[str]) -> int | None:
    """A quick count of input lines for the progress bar (None when it would be expensive)."""
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-" or not path.is_file() or path.suffix not in (".jsonl", ".ndjson", ".csv"):
            return None
        with open(path, "rb") as fh:
            total += sum(buf.count(b"\n") for buf in iter(lambda: fh.read(1 << 20), b""))
        if path.suffix == ".csv":
            total -= 1
    return total


class Deduplicator:
    """Exact and near-duplicate clusters (MinHash LSH over word 5-shingles)."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 64):
        from datasketch import MinHash, MinHashLSH

        self._MinHash = MinHash
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.exact: dict[str, str] = {}
        self.cluster_of: dict[str, str] = {}

    def assign(self, rid: str, text: str) -> str:
        norm = re.sub(r"\W+", " ", text.lower()).strip()
        h = hashlib.sha1(norm.encode()).hexdigest()
        if h in self.exact:
            return self.exact[h]
        words = norm.split()
        shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
        m = self._MinHash(num_perm=self.num_perm)
        for s in shingles:
            m.update(s.encode())
        hits = self.lsh.query(m)
        cluster = self.cluster_of[hits[0]] if hits else rid
        key = f"{rid}#{len(self.cluster_of)}"
        self.lsh.insert(key, m)
        self.cluster_of[key] = cluster
        self.exact[h] = cluster
        return cluster


def annotate_stream(inputs: list[str], output: str, *, backend: str = "default", model: str | None = None,
                    n_process: int = 1, batch_size: int = 64, resume: bool = False, dedup: bool = False,
                    clean_text: bool = True, quiet: bool = False, max_chars: int = 1_000_000,
                    text_field: str = "text", id_field: str = "id") -> dict:
    """Annotate every record of ``inputs`` into ``output`` (.jsonl or .parquet); return a summary."""
    if n_process < 1 or batch_size < 1:
        raise ConfigError("n_process and batch_size must be at least 1")
    out = Path(output)
    parquet = out.suffix == ".parquet"
    jsonl_out = out.with_name(out.name + ".jsonl") if parquet else out
    partial = jsonl_out.with_name(jsonl_out.name + ".partial")
    if jsonl_out.exists() and resume and not partial.exists():
        os.replace(jsonl_out, partial)
    done = _read_done_ids(partial) if resume else set()
    if not resume and partial.exists():
        partial.unlink()
    fields = FieldNames(id=id_field, text=text_field)

    seen_ids: set[str] = set(done)
    counts: Counter = Counter()
    dup_counter: Counter = Counter()

    def records() -> Iterator[dict]:
        for rec in read_inputs(inputs, fields):
            rid = str(rec.get("id"))
            # Ids must be unique in the output: a repeated input id gets a suffix.
            dup_counter[rid] += 1
            if dup_counter[rid] > 1:
                rid = f"{rid}#{dup_counter[rid]}"
                rec = {**rec, "id": rid}
            if rid in done:
                counts["skipped_done"] += 1
                continue
            yield rec

    from tqdm import tqdm

    total = _count_records(inputs)
    bar = tqdm(total=total, unit="doc", disable=quiet, dynamic_ncols=True, smoothing=0.05)
    if done:
        bar.update(len(done))
    deduper = Deduplicator() if dedup else None
    t0 = time.perf_counter()
    n_written = 0
    with open(partial, "a", encoding="utf-8") as fh:
        if n_process == 1:
            _init_worker(backend, model, clean_text, max_chars, threads=os.cpu_count() or 1)
            results = map(_annotate_batch, _batched(records(), batch_size))
            pool = None
        else:
            ctx = mp.get_context("spawn")
            pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(backend, model, clean_text, max_chars, 1))
            results = pool.imap(_annotate_batch, _batched(records(), batch_size))
        try:
            for batch in results:
                lines = []
                for d in batch:
                    if deduper is not None and "error" not in d:
                        d["cluster_id"] = deduper.assign(str(d["id"]), d["text"])
                    counts["error:" + d["error"]["kind"] if "error" in d else "annotated"] += 1
                    lines.append(json.dumps(d, ensure_ascii=False) + "\n")
                fh.write("".join(lines))
                fh.flush()
                os.fsync(fh.fileno())
                n_written += len(batch)
                bar.update(len(batch))
        finally:
            if pool is not None:
                pool.close()
                pool.join()
            bar.close()
    os.replace(partial, jsonl_out)
    if parquet:
        from .tables import jsonl_to_parquet_tables

        jsonl_to_parquet_tables(jsonl_out, out)
    elapsed = time.perf_counter() - t0
    return {"output": str(out), "written_this_run": n_written, "already_done": len(done),
            "docs_per_s": round(n_written / elapsed, 2) if elapsed else None, "outcomes": dict(sorted(counts.items()))}
